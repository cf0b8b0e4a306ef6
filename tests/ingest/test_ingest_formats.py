"""Every input format the ingest stage reads, on files written by the tests."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import detect_format, iter_pages, page_from_bytes
from eventwire.records import Page, Rejected
from eventwire.settings import IngestSettings

SETTINGS = IngestSettings()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TEXT = (
    "Estonia, Latvia and Lithuania asked NATO on Friday to send more troops to the Baltic "
    "region, their foreign ministers said in a joint statement.\n\nRussia denied the claims.\n"
)
HTML = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Baltic troops</title></head>"
    "<body><article><p>Estonia, Latvia and Lithuania asked NATO for more troops.</p>"
    "</article></body></html>"
)


def ingest(*sources: str | Path, settings: IngestSettings = SETTINGS) -> list[Page | Rejected]:
    return list(iter_pages([str(s) for s in sources], settings=settings))


def pages(items: list[Page | Rejected]) -> list[Page]:
    assert all(isinstance(i, Page) for i in items), [i for i in items if isinstance(i, Rejected)]
    return [i for i in items if isinstance(i, Page)]


def make_warc(records: list[tuple[str, str, str, bytes]], *, compress: bool) -> bytes:
    """Return a WARC of (url, status line, content type, body) response records."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for url, status, content_type, body in records:
        http = StatusAndHeaders(
            status,
            [("Content-Type", content_type), ("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-05-01T10:00:00Z"},
        )
        writer.write_record(record)
    get = b"GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n"
    request = writer.create_warc_record(
        "https://example.org/a", "request", payload=io.BytesIO(get), length=len(get)
    )
    writer.write_record(request)
    return buffer.getvalue()


WARC_RECORDS = [
    ("https://example.org/a", "200 OK", "text/html; charset=utf-8", HTML.encode()),
    ("https://example.org/b", "200 OK", "text/plain", TEXT.encode()),
    ("https://example.org/missing", "404 Not Found", "text/html", b"<html>gone</html>"),
    ("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
    ("https://example.org/moved", "301 Moved Permanently", "text/html", b"<html>moved</html>"),
]


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, "utf-8")
    (page,) = pages(ingest(path))
    assert page.source == str(path)
    assert page.content_type == "text/plain"
    assert page.encoding == "utf-8"
    assert page.raw == TEXT.encode()
    assert page.id == hashlib.sha256(TEXT.encode()).hexdigest()
    assert page.fetched_at.endswith("Z") and len(page.fetched_at) == 20


def test_html_file(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(HTML, "utf-8")
    (page,) = pages(ingest(path))
    assert page.content_type == "text/html"


@pytest.mark.parametrize("compress", [False, True])
def test_warc_yields_only_http_200_text_responses(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(make_warc(WARC_RECORDS, compress=compress))
    got = pages(ingest(path))
    assert [p.url for p in got] == ["https://example.org/a", "https://example.org/b"]
    assert [p.content_type for p in got] == ["text/html", "text/plain"]
    assert got[0].raw == HTML.encode()
    assert all(p.source.startswith(f"{path}@") for p in got)
    assert got[0].source != got[1].source
    # The crawl date is kept, but never as a publication date.
    assert got[0].hints["crawled_at"] == "2024-05-01T10:00:00Z"
    assert "published_at" not in got[0].hints


def test_warc_record_over_the_cap_is_rejected_and_the_rest_read(tmp_path: Path) -> None:
    big = ("https://example.org/big", "200 OK", "text/html", b"<p>" + b"x" * 5000 + b"</p>")
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(make_warc([big, *WARC_RECORDS[:2]], compress=True))
    got = ingest(path, settings=IngestSettings(max_bytes=2000))
    assert isinstance(got[0], Rejected) and "max_bytes" in got[0].reason
    assert [p.url for p in got[1:] if isinstance(p, Page)] == [
        "https://example.org/a",
        "https://example.org/b",
    ]


def test_warc_without_any_page_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "errors.warc"
    path.write_bytes(make_warc(WARC_RECORDS[2:], compress=False))
    (rejected,) = ingest(path)
    assert isinstance(rejected, Rejected)
    assert "no HTTP 200" in rejected.reason


JSONL_ROWS = [
    {
        "text": TEXT,
        "url": "https://example.org/1",
        "published_at": "2022-01-14T10:00:00Z",
        "title": "Baltic states want more NATO troops",
        "source": "example.org",
    },
    {"html": HTML, "url": "https://example.org/2"},
]


@pytest.mark.parametrize("name", ["articles.jsonl", "articles.jsonl.gz", "articles.ndjson"])
def test_json_lines(tmp_path: Path, name: str) -> None:
    body = "".join(json.dumps(r) + "\n" for r in JSONL_ROWS).encode()
    body += b"\n"  # a blank line is no document
    path = tmp_path / name
    path.write_bytes(gzip.compress(body) if name.endswith(".gz") else body)
    first, second = pages(ingest(path))
    assert first.source == f"{path}:1" and second.source == f"{path}:2"
    assert first.raw == TEXT.encode() and first.content_type == "text/plain"
    assert first.url == "https://example.org/1"
    assert first.hints["published_at"] == "2022-01-14T10:00:00Z"
    assert first.hints["title"] == "Baltic states want more NATO troops"
    assert first.hints["source"] == "example.org"
    assert second.content_type == "text/html"


def test_json_lines_bad_lines_are_rejected_by_line(tmp_path: Path) -> None:
    lines = [
        json.dumps(JSONL_ROWS[0]),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"url": "https://example.org/none"}),
        json.dumps({"text": "ok text", "published_at": 2022}),
        json.dumps({"text": ""}),
        json.dumps(JSONL_ROWS[1]),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    got = ingest(path)
    assert [type(g).__name__ for g in got] == ["Page"] + ["Rejected"] * 5 + ["Page"]
    reasons = {g.source: g.reason for g in got if isinstance(g, Rejected)}
    assert "invalid JSON" in reasons[f"{path}:2"]
    assert "not a JSON object" in reasons[f"{path}:3"]
    assert "no 'text' or 'html'" in reasons[f"{path}:4"]
    assert "'published_at' must be a string" in reasons[f"{path}:5"]
    assert "empty" in reasons[f"{path}:6"]


def test_json_lines_overlong_line_is_skipped(tmp_path: Path) -> None:
    long_row = json.dumps({"text": "y" * 3000})
    path = tmp_path / "long.jsonl"
    path.write_text(long_row + "\n" + json.dumps({"text": TEXT}) + "\n", "utf-8")
    got = ingest(path, settings=IngestSettings(max_bytes=1000))
    assert isinstance(got[0], Rejected) and got[0].source == f"{path}:1"
    assert isinstance(got[1], Page) and got[1].source == f"{path}:2"


def test_news_please_json_document(tmp_path: Path) -> None:
    record = {
        "maintext": TEXT,
        "date_publish": "2017-09-15 00:00:00",
        "source_domain": "example.com",
        "url": "https://example.com/x",
    }
    path = tmp_path / "article.json"
    path.write_text(json.dumps(record, indent=2), "utf-8")
    (page,) = pages(ingest(path))
    assert page.hints["published_at"] == "2017-09-15 00:00:00"
    assert page.hints["source"] == "example.com"


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>World</title><link>https://example.org/</link>
<item><title>Long story</title><link>https://example.org/long</link>
<pubDate>Fri, 14 Jan 2022 10:30:00 +0200</pubDate>
<description><![CDATA[<p>{body}</p>]]></description></item>
<item><title>Teaser only</title><link>ftp://example.org/teaser</link>
<description>Short teaser.</description></item>
<item><title>Nothing</title></item>
</channel></rss>
""".replace("{body}", "NATO said it would send more troops. " * 20)

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>World</title><id>urn:x</id>
<updated>2022-01-15T00:00:00Z</updated>
<entry><title>Atom story</title><id>urn:1</id><link href="https://example.org/atom"/>
<updated>2022-01-15T00:00:00Z</updated>
<content type="html">&lt;p&gt;{body}&lt;/p&gt;</content></entry>
</feed>
""".replace("{body}", "Lithuania asked for a permanent presence of allied troops. " * 10)


def test_rss_entries_with_content_become_pages(tmp_path: Path) -> None:
    path = tmp_path / "world.rss"
    path.write_text(RSS, "utf-8")
    got = ingest(path)
    page, teaser, nothing = got
    assert isinstance(page, Page) and page.content_type == "text/html"
    assert page.source == f"{path}#1"
    assert page.url == "https://example.org/long"
    assert page.hints["title"] == "Long story"
    assert page.hints["published_at"] == "2022-01-14T08:30:00Z"  # converted to UTC
    assert b"<title>Long story</title>" in page.raw
    assert b"NATO said it would send more troops." in page.raw
    # A teaser without an http(s) link is kept as what it is; it cannot be fetched.
    assert isinstance(teaser, Page) and b"Short teaser." in teaser.raw
    assert isinstance(nothing, Rejected) and nothing.source == f"{path}#3"


def test_atom_sniffed_from_xml_and_updated_is_not_published(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(ATOM, "utf-8")
    (page,) = pages(ingest(path))
    assert page.hints["title"] == "Atom story"
    assert "published_at" not in page.hints
    assert page.hints["updated_at"] == "2022-01-15T00:00:00Z"


def test_xml_that_is_no_feed_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>', "utf-8")
    (rejected,) = ingest(path)
    assert isinstance(rejected, Rejected) and "not an RSS or Atom feed" in rejected.reason


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("story.txt.gz", TEXT.encode(), "text/plain"),
        ("story.html.gz", HTML.encode(), "text/html"),
        ("feed.rss.gz", RSS.encode(), "text/html"),
    ],
)
def test_gzipped_documents(tmp_path: Path, name: str, content: bytes, kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(content))
    got = ingest(path)
    assert isinstance(got[0], Page)
    assert got[0].content_type == kind
    if not name.startswith("feed"):
        assert got[0].raw == content


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("x.warc.gz", b"\x1f\x8b", "warc"),
        ("noname", b"WARC/1.0\r\n", "warc"),
        ("x.gz", b"\x1f\x8b\x08", "gzip"),
        ("x.jsonl", b"{", "jsonl"),
        ("download", b'{"text": "a"}\n', "jsonl"),
        ("x.rss", b"<rss>", "feed"),
        ("feed", b'<?xml version="1.0"?>\n<feed xmlns="x">', "feed"),
        ("x.xml", b"<urlset>", "xml"),
        ("x.txt", b"{ braces in a text }", "page"),
        ("x.html", b"<html>", "page"),
    ],
)
def test_detect_format(name: str, head: bytes, expected: str) -> None:
    assert detect_format(name, head) == expected


def test_folder_is_walked_in_order_skipping_hidden_and_non_documents(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("first " + TEXT, "utf-8")
    (tmp_path / "b" / "c.html").write_text(HTML, "utf-8")
    (tmp_path / "d.txt").write_text("last " + TEXT, "utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden " + TEXT, "utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("in a hidden folder", "utf-8")
    (tmp_path / "README.md").write_text("# not a document", "utf-8")
    (tmp_path / "make.py").write_text("print('no')", "utf-8")
    items = list(ingest(tmp_path))
    got = [i for i in items if isinstance(i, Page)]
    assert [Path(p.source).relative_to(tmp_path).as_posix() for p in got] == [
        "a.txt",
        "b/c.html",
        "d.txt",
    ]
    # Files of other types are not read, but each is recorded with its reason, never lost.
    skipped = {Path(r.source).name: r.reason for r in items if isinstance(r, Rejected)}
    assert set(skipped) == {"README.md", "make.py"}
    assert all("not a document type" in reason for reason in skipped.values())


def test_a_named_file_is_read_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(TEXT, "utf-8")
    (page,) = pages(ingest(path))
    assert page.raw == TEXT.encode()


def test_same_content_from_two_paths_is_one_id(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(TEXT, "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "two.txt").write_text(TEXT, "utf-8")
    (tmp_path / "other.txt").write_text(TEXT + "changed", "utf-8")
    one, other, two = pages(ingest(tmp_path))
    assert one.id == two.id != other.id
    assert one.source != two.source


def test_stdin_is_sniffed_like_a_file() -> None:
    (page,) = pages(list(iter_pages(["-"], settings=SETTINGS, stdin=io.BytesIO(HTML.encode()))))
    assert page.source == "<stdin>" and page.content_type == "text/html"
    body = "".join(json.dumps(r) + "\n" for r in JSONL_ROWS).encode()
    got = pages(list(iter_pages(["-"], settings=SETTINGS, stdin=io.BytesIO(gzip.compress(body)))))
    assert [p.source for p in got] == ["<stdin>:1", "<stdin>:2"]
    warc = make_warc(WARC_RECORDS[:2], compress=True)
    got = pages(list(iter_pages(["-"], settings=SETTINGS, stdin=io.BytesIO(warc))))
    assert [p.url for p in got] == ["https://example.org/a", "https://example.org/b"]


def test_page_from_bytes_takes_what_the_caller_knows() -> None:
    page = page_from_bytes(
        b"plain words",
        source="<text>",
        url="https://example.org/x",
        content_type="text/html; charset=utf-8",
        hints={"published_at": "2022-01-14", "title": ""},
    )
    assert page.content_type == "text/html"
    assert page.encoding == "utf-8"
    assert page.url == "https://example.org/x"
    assert page.hints == {"published_at": "2022-01-14", "url": "https://example.org/x"}


def test_examples_folder_ingests_cleanly() -> None:
    if not EXAMPLES.is_dir():
        pytest.skip("examples/ not found")
    items = [i for sub in sorted(EXAMPLES.iterdir()) if sub.is_dir() for i in ingest(sub)]
    got = pages(items)
    by_folder: dict[str, int] = {}
    for page in got:
        folder = Path(page.source.split("@")[0].split(":")[0]).relative_to(EXAMPLES).parts[0]
        by_folder[folder] = by_folder.get(folder, 0) + 1
    assert by_folder == {"html": 3, "news": 100, "seed": 1, "warc": 3}
    # The WARC repeats the HTML pages byte for byte: same ids.
    html_ids = {p.id for p in got if "/html/" in p.source}
    warc_ids = {p.id for p in got if "/warc/" in p.source}
    assert html_ids == warc_ids
    news = [p for p in got if "/news/" in p.source]
    assert all(p.hints.get("published_at") and p.url for p in news)
