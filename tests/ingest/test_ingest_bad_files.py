"""Bad input never stops a run: each bad file is one Rejected, and every good file still comes."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import iter_pages
from eventwire.records import Page, Rejected
from eventwire.settings import IngestSettings

GOOD = "NATO allies agreed on Thursday to send more troops to the Baltic states.\n" * 5


def _warc(body: bytes) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for n in range(3):
        http = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html"), ("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                f"https://example.org/{n}",
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=http,
            )
        )
    return buffer.getvalue()


def make_bad_folder(folder: Path, *, max_bytes: int) -> dict[str, str]:
    """Write one good file and one file per kind of bad input; return name → expected reason."""
    folder.mkdir()
    (folder / "00_good.txt").write_text(GOOD, "utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b" \n\t\n  ")
    (folder / "oversize.txt").write_bytes(b"word " * (max_bytes // 4))
    (folder / "oversize.html.gz").write_bytes(gzip.compress(b"<p>" + b"a" * max_bytes))
    (folder / "truncated.txt.gz").write_bytes(gzip.compress(GOOD.encode() * 50)[:60])
    (folder / "notgzip.txt.gz").write_bytes(b"\x1f\x8b\x08\x00 but no gzip data after that")
    (folder / "truncated.warc.gz").write_bytes(_warc(b"<p>" + b"b" * 3000)[:-200])
    (folder / "broken.warc").write_bytes(b"WARC/1.0\r\nnonsense header\r\n\r\n" + b"x" * 50)
    (folder / "feed.rss").write_bytes(b"<rss><channel><title>no items</title></channel></rss>")
    (folder / "not_a_feed.atom").write_bytes(b"this is not xml {{{")
    (folder / "list.json").write_bytes(b"[]")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zz_good.html").write_text(f"<html><body><p>{GOOD}</p></body></html>", "utf-8")
    return {
        "binary.txt": "NUL bytes",
        "image.html": "PNG",
        "empty.txt": "empty document",
        "blank.txt": "empty document",
        "oversize.txt": "max_bytes",
        "oversize.html.gz": "max_bytes",
        "truncated.txt.gz": "truncated compressed data",
        "notgzip.txt.gz": "gzip",
        "truncated.warc.gz": "truncated WARC",
        "broken.warc": "broken WARC",
        "feed.rss": "feed has no entries",
        "not_a_feed.atom": "not a valid RSS or Atom feed",
        "list.json": "empty JSON list",
        "dangling.txt": "broken symbolic link",
        "pipe.txt": "not a regular file",
    }


def test_bad_folder_ingests_to_the_end_with_one_rejected_per_bad_file(tmp_path: Path) -> None:
    settings = IngestSettings(max_bytes=4000)
    expected = make_bad_folder(tmp_path / "bad", max_bytes=settings.max_bytes)
    got = list(iter_pages([str(tmp_path / "bad")], settings=settings))
    good = [g for g in got if isinstance(g, Page)]
    rejected = [g for g in got if isinstance(g, Rejected)]
    # The records of a truncated WARC before the cut are still read.
    assert [Path(p.source.split("@")[0]).name for p in good] == [
        "00_good.txt",
        "truncated.warc.gz",
        "truncated.warc.gz",
        "zz_good.html",
    ]
    names = [Path(r.source.split("@")[0]).name for r in rejected]
    assert sorted(names) == sorted(expected), [(r.source, r.reason) for r in rejected]
    for r in rejected:
        assert r.stage == "ingest"
        assert expected[Path(r.source.split("@")[0]).name] in r.reason, (r.source, r.reason)


def test_invalid_utf8_is_ingested_with_the_damage_noted(tmp_path: Path) -> None:
    path = tmp_path / "mostly_utf8.txt"
    path.write_bytes("Zürich and Gdańsk — ".encode() * 5 + b"\xff\xfe broken " + GOOD.encode())
    (page,) = iter_pages([str(path)], settings=IngestSettings())
    assert isinstance(page, Page)
    assert page.encoding == "utf-8"
    assert page.hints["encoding_errors"].startswith("2 undecodable bytes")
    assert "Gdańsk" in page.raw.decode(page.encoding, errors="replace")


def test_missing_path_is_rejected_with_its_own_code(tmp_path: Path) -> None:
    got = list(
        iter_pages(
            [str(tmp_path / "typo.txt"), "-"],
            settings=IngestSettings(),
            stdin=io.BytesIO(GOOD.encode()),
        )
    )
    missing, page = got
    assert isinstance(missing, Rejected)
    assert missing.reason == "no such file or directory" and missing.code == "EW201"
    assert isinstance(page, Page)


def test_unreadable_file_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root in CI, where a file's mode does not stop reading: fail the open instead.
    path = tmp_path / "secret.txt"
    path.write_text(GOOD, "utf-8")
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", deny)
    rejected, page = iter_pages(
        [str(path), "-"], settings=IngestSettings(), stdin=io.BytesIO(GOOD.encode())
    )
    assert isinstance(rejected, Rejected)
    assert rejected.reason == "cannot read: Permission denied"
    assert isinstance(page, Page)


def test_truncated_json_lines_gz_keeps_lines_before_the_cut(tmp_path: Path) -> None:
    lines = b"".join(b'{"text": "line %d ' % n + b"x" * 200 + b'"}\n' for n in range(200))
    data = gzip.compress(lines)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    got = list(iter_pages([str(path)], settings=IngestSettings()))
    assert all(isinstance(g, Page) for g in got[:-1]) and len(got) > 2
    last = got[-1]
    assert isinstance(last, Rejected) and "truncated" in last.reason
    assert last.source == f"{path}:{len(got)}"


def test_flat_memory_on_a_large_json_lines_file(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "big.jsonl"
    row = b'{"text": "' + b"z" * 2000 + b'"}\n'
    with path.open("wb") as fh:
        for n in range(5000):  # ~10 MB
            fh.write(row.replace(b"zz", b"%05d" % n, 1))
    tracemalloc.start()
    count = sum(1 for _ in iter_pages([str(path)], settings=IngestSettings()))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 5000
    assert peak < 2_000_000, peak
