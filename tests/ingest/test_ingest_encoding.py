"""Encoding detection and page ids."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.ingest import iter_pages, page_from_bytes
from eventwire.ingest.encoding import binary_reason, detect_encoding, normalize_encoding
from eventwire.records import Page
from eventwire.settings import IngestSettings

FRENCH = "Le ministre a déclaré à Genève que la sécurité de l'Europe était menacée. " * 3
WESTERN = "The minister said “no” to the café’s plan – a €5 fee – in Zürich. " * 3


def decoded(page: Page) -> str:
    return page.raw.decode(page.encoding, errors="replace")


def test_latin1_html_with_meta_charset() -> None:
    html = f'<html><head><meta charset="iso-8859-1"></head><body><p>{FRENCH}</p></body></html>'
    page = page_from_bytes(html.encode("latin-1"), source="x.html")
    # Browsers read a latin-1 label as windows-1252, a superset.
    assert page.encoding == "cp1252"
    assert page.content_type == "text/html"
    assert FRENCH in decoded(page)
    assert "encoding_errors" not in page.hints


def test_http_equiv_meta_and_http_header_charset() -> None:
    body = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "</head><body>Москва заявила</body></html>"
    ).encode("cp1251")
    assert page_from_bytes(body, source="x").encoding == "cp1251"
    # The transport's charset wins over the document's own declaration.
    koi = "<html><body>Москва заявила</body></html>".encode("koi8-r")
    page = page_from_bytes(koi, source="x", content_type="text/html; charset=KOI8-R")
    assert page.encoding == "koi8-r"
    assert "Москва" in decoded(page)


def test_cp1252_text_without_declaration() -> None:
    page = page_from_bytes(WESTERN.encode("cp1252"), source="x.txt")
    assert page.encoding == "cp1252"
    assert decoded(page) == WESTERN
    assert page.content_type == "text/plain"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1251", "Министр иностранных дел России заявил, что переговоры продолжатся. " * 3),
        ("cp1250", "Minister spraw zagranicznych Polski powiedział, że rozmowy będą trwać. " * 3),
        ("gb18030", "中华人民共和国外交部发言人今天表示，中方坚决反对导弹发射。" * 3),
    ],
)
def test_other_legacy_encodings_read_right(encoding: str, text: str) -> None:
    page = page_from_bytes(text.encode(encoding), source="x.txt")
    assert decoded(page) == text


def test_utf8_bom_file(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + FRENCH.encode())
    (page,) = iter_pages([str(path)], settings=IngestSettings())
    assert isinstance(page, Page)
    assert page.encoding == "utf-8-sig"
    assert decoded(page) == FRENCH


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_text_not_binary(tmp_path: Path, codec: str) -> None:
    data = FRENCH.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "wide.txt"
    path.write_bytes(data)
    (page,) = iter_pages([str(path)], settings=IngestSettings())
    assert isinstance(page, Page), page
    assert decoded(page).lstrip("\ufeff") == FRENCH


def test_utf16_html_is_sniffed_as_html() -> None:
    html = "<!DOCTYPE html><html><body><p>Genève</p></body></html>".encode("utf-16")
    page = page_from_bytes(html, source="x")
    assert page.content_type == "text/html"


def test_caller_encoding_wins_and_unknown_labels_are_ignored() -> None:
    raw = "café".encode("cp1252")
    assert page_from_bytes(raw, source="x", encoding="cp1252").encoding == "cp1252"
    html = b'<meta charset="x-no-such-charset"><p>plain ascii</p>'
    assert page_from_bytes(html, source="x").encoding == "utf-8"
    assert normalize_encoding("no-such") is None
    assert normalize_encoding("latin1") == "cp1252"


def test_ascii_declared_page_holding_utf8_is_read_as_utf8() -> None:
    raw = '<meta charset="us-ascii"><p>Gdańsk</p>'.encode()
    assert detect_encoding(raw).encoding == "utf-8"


def test_binary_reason() -> None:
    assert binary_reason(b"plain text\n") is None
    assert binary_reason(FRENCH.encode("utf-16")) is None
    assert "NUL" in (binary_reason(b"abc\x00def") or "")
    assert "PDF" in (binary_reason(b"%PDF-1.7 ...") or "")


@given(
    raw=st.binary(min_size=0, max_size=2000),
    sources=st.lists(st.text(min_size=1, max_size=30), min_size=2, max_size=2),
    url=st.none() | st.just("https://example.org/a"),
    content_type=st.sampled_from([None, "text/html", "text/plain; charset=latin-1"]),
)
def test_page_id_is_the_hash_of_the_bytes_alone(
    raw: bytes, sources: list[str], url: str | None, content_type: str | None
) -> None:
    first = page_from_bytes(raw, source=sources[0])
    second = page_from_bytes(
        raw, source=sources[1], url=url, content_type=content_type, hints={"title": "t"}
    )
    assert first.id == second.id == hashlib.sha256(raw).hexdigest()
    assert first.raw == raw
    # Whatever the bytes, the chosen encoding decodes them (bad bytes become U+FFFD).
    second.raw.decode(second.encoding, errors="replace")
    assert second.content_type in {"text/html", "text/plain"}
