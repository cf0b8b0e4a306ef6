"""Read pages from JSON Lines files (one article per line) and single JSON documents.

A record holds the document in ``html`` or ``text`` and may add ``url``, ``published_at``,
``title`` and ``source`` (the outlet's domain). news-please's names are understood too
(``maintext``, ``date_publish``, ``source_domain``), so its output can be ingested as it is.
Every line is read on its own: a bad line is a Rejected naming ``file:line`` and the next line
is read as usual.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from eventwire.ingest.page import check_page, reject
from eventwire.records import Page, Rejected
from eventwire.settings import IngestSettings

__all__ = ["iter_json", "iter_jsonl", "record_page"]

# Field → aliases, first present wins. The document itself is ``html`` or ``text``.
_HINT_FIELDS: dict[str, tuple[str, ...]] = {
    "url": ("url",),
    "published_at": ("published_at", "date_publish"),
    "title": ("title",),
    "source": ("source", "source_domain"),
}
_TEXT_FIELDS = ("text", "maintext")
_READ_ERRORS = (OSError, EOFError, zlib.error)


def record_page(record: Any, *, where: str, max_bytes: int) -> Page | Rejected:
    """Turn one decoded JSON record into a Page, or say what is wrong with it."""
    if not isinstance(record, Mapping):
        return reject(where, f"not a JSON object (a {type(record).__name__})")
    hints: dict[str, str] = {}
    for name, aliases in _HINT_FIELDS.items():
        for alias in aliases:
            value = record.get(alias)
            if value is None or value == "":
                continue
            if not isinstance(value, str):
                kind = type(value).__name__
                return reject(where, f"field '{alias}' must be a string, not {kind}")
            hints[name] = value
            break
    html = record.get("html")
    if isinstance(html, str) and html.strip():
        body, content_type = html, "text/html"
    else:
        text = next((record[f] for f in _TEXT_FIELDS if isinstance(record.get(f), str)), None)
        if text is None:
            if html is not None or any(record.get(f) is not None for f in _TEXT_FIELDS):
                return reject(where, "field 'text' or 'html' must be a string")
            return reject(where, "no 'text' or 'html' field")
        body, content_type = text, "text/plain"
    return check_page(
        body.encode("utf-8"),
        source=where,
        max_bytes=max_bytes,
        url=hints.get("url"),
        content_type=content_type,
        hints=hints,
        encoding="utf-8",
    )


def _decode(line: bytes, where: str) -> Any | Rejected:
    try:
        return json.loads(line)
    except UnicodeDecodeError as e:
        return reject(where, f"not UTF-8 JSON ({e.reason} at byte {e.start})")
    except json.JSONDecodeError as e:
        return reject(where, f"invalid JSON ({e.msg} at column {e.colno})")
    except RecursionError:
        return reject(where, "invalid JSON (nested too deeply)")


def iter_jsonl(
    stream: BinaryIO, *, source: str, settings: IngestSettings
) -> Iterator[Page | Rejected]:
    """Yield a Page (or a Rejected) per non-blank line of a JSON Lines stream.

    Lines are read one at a time, each at most ``max_bytes`` long, so memory stays flat
    however long the file is. A page's source is ``source:line``.
    """
    cap = settings.max_bytes
    lineno = 0
    try:
        while line := stream.readline(cap + 1):
            lineno += 1
            where = f"{source}:{lineno}"
            if len(line) > cap and not line.endswith(b"\n"):
                _skip_rest_of_line(stream)
                yield reject(where, f"line larger than max_bytes ({cap} bytes)", code="EW203")
                continue
            if lineno == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            if not line.strip():
                continue
            record = _decode(line, where)
            if isinstance(record, Rejected):
                yield record
            else:
                yield record_page(record, where=where, max_bytes=cap)
    except _READ_ERRORS as e:
        yield reject(f"{source}:{lineno + 1}", f"cannot read further: {_describe(e)}")


def iter_json(raw: bytes, *, source: str, settings: IngestSettings) -> Iterator[Page | Rejected]:
    """Yield the Page of a JSON document holding one record, or one per item of a list.

    Items of a list are named ``source#index`` (from 1).
    """
    data = _decode(raw.removeprefix(b"\xef\xbb\xbf"), source)
    if isinstance(data, Rejected):
        yield data
    elif isinstance(data, list):
        if not data:
            yield reject(source, "empty JSON list")
        for i, item in enumerate(data, 1):
            yield record_page(item, where=f"{source}#{i}", max_bytes=settings.max_bytes)
    else:
        yield record_page(data, where=source, max_bytes=settings.max_bytes)


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while chunk := stream.readline(1 << 20):
        if chunk.endswith(b"\n"):
            return


def _describe(e: BaseException) -> str:
    if isinstance(e, EOFError):
        return f"truncated compressed data ({e})"
    return f"{type(e).__name__}: {e}"
