"""Read pages from WARC (and ARC) files, plain or gzipped, one record at a time.

Only ``response`` records of HTTP 200 with an HTML or plain-text body are pages; requests,
metadata, redirects, errors and images are skipped, as they are not documents. A file that
yields no page at all, a truncated file and a malformed record each become a Rejected.

warcio reads a truncated gzip member or record as if the file simply ended there, so truncation
is checked here: a gzip decompressor that never reached the end of its member, or a record
whose declared ``Content-Length`` was not all there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from eventwire.ingest.page import check_page, reject
from eventwire.records import Page, Rejected
from eventwire.settings import IngestSettings

__all__ = ["iter_warc"]

_RECORD_TYPES = frozenset(
    {
        "warcinfo",
        "response",
        "resource",
        "request",
        "metadata",
        "revisit",
        "conversion",
        "continuation",
    }
)
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
_DRAIN = 1 << 16


class _Records(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator, noting whether the last gzip member was cut short."""

    truncated = False

    def close(self) -> None:
        reader = self.reader
        decompressor = getattr(reader, "decompressor", None)
        if decompressor is not None and not getattr(decompressor, "eof", True):
            self.truncated = True
        super().close()


def iter_warc(
    stream: BinaryIO, *, source: str, settings: IngestSettings
) -> Iterator[Page | Rejected]:
    """Yield a Page for each HTTP 200 HTML or text response record of a WARC stream.

    Args:
        stream: The WARC or ARC bytes, gzipped (per record or whole) or not.
        source: The file's name; a page's source is ``source@offset`` (the record's offset,
            where ``warcio extract`` finds it again).
        settings: Ingest settings; ``max_bytes`` caps each record's body.
    """
    pages = skipped = 0
    where = source
    records = _Records(stream, arc2warc=True)
    try:
        for record in records:
            # warcio's ``offset`` is where the record now being read starts.
            where = f"{source}@{getattr(records, 'offset', '?')}"
            if record.rec_type not in _RECORD_TYPES:
                yield reject(where, f"broken WARC record (type {record.rec_type!r})")
                return
            found = _payload(record, settings=settings)
            _drain(record)
            if getattr(record.raw_stream, "limit", 0) > 0:
                yield reject(where, "truncated WARC record (body shorter than Content-Length)")
                return
            if found is None:
                skipped += 1
                continue
            pages += 1
            url, content_type, hints, body = found
            yield check_page(
                body,
                source=where,
                max_bytes=settings.max_bytes,
                url=url,
                content_type=content_type,
                hints=hints,
            )
    except OSError as e:
        yield reject(where, f"broken WARC: cannot read ({e.strerror or e})")
        return
    except Exception:  # warcio raises many types on hostile input; each means "broken"
        yield reject(where, "broken WARC: malformed record (headers or framing unreadable)")
        return
    finally:
        records.close()
    if records.truncated:
        yield reject(source, "truncated WARC (compressed data ends mid-record)")
    elif records.err_count:
        yield reject(source, f"malformed WARC ({records.err_count} records with a bad length)")
    elif pages == 0:
        yield reject(
            source,
            f"no HTTP 200 HTML or text response record in this WARC ({skipped} records skipped)",
        )


def _payload(
    record: Any, *, settings: IngestSettings
) -> tuple[str | None, str | None, dict[str, str], bytes] | None:
    """Return (url, content type, hints, body) of a page record, None for other records.

    The body is read up to one byte past ``max_bytes``, so an oversize one is seen as such.
    """
    http = record.http_headers
    if record.rec_type != "response" or http is None:
        return None
    if http.get_statuscode() != "200":
        return None
    content_type = http.get_header("Content-Type")
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media not in _PAGE_TYPES:
        return None
    headers = record.rec_headers
    hints: dict[str, str] = {}
    # WARC-Date is when the page was crawled, not when it was published.
    crawled = headers.get_header("WARC-Date")
    if crawled:
        hints["crawled_at"] = crawled
    body: bytes = record.content_stream().read(settings.max_bytes + 1)
    return headers.get_header("WARC-Target-URI"), content_type, hints, body


def _drain(record: Any) -> None:
    # Read what is left of the record so its length can be checked against Content-Length.
    while record.raw_stream.read(_DRAIN):
        pass
