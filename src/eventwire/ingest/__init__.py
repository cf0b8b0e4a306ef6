"""ingest stage: sources (files, folders, WARC, JSON Lines, feeds, URLs, stdin) → Page | Rejected.

    iter_pages(sources)
      ├── -            standard input, sniffed like a file
      ├── http(s)://   eventwire.ingest.fetch.Fetcher (httpx; timeout, size cap, redirect limit)
      ├── folder       walked in name order; hidden entries skipped; files chosen by suffix
      └── file         eventwire.ingest.sources.detect_format, by name then by first bytes
            ├── .warc[.gz] .arc[.gz]   eventwire.ingest.warc.iter_warc    one record at a time
            ├── .jsonl[.gz] .ndjson    eventwire.ingest.jsonl.iter_jsonl  one line at a time
            ├── .json                  eventwire.ingest.jsonl.iter_json   one record or a list
            ├── .rss .atom .xml        eventwire.ingest.feeds.iter_feed   entries; links fetched
            ├── .gz                    decompressed, then looked at again
            └── anything else          one text or HTML page (eventwire.ingest.page)

A page's ``id`` is the SHA-256 of its bytes, so the same content is one page wherever it was
found. A page's ``source`` says where: ``path``, ``path:line`` (JSON Lines), ``path@offset``
(WARC record), ``path#n`` (feed entry, JSON list item), a URL, or ``<stdin>``.

Nothing a source holds stops a run: an unreadable, empty, binary, oversize, truncated or
malformed input becomes ``Rejected(stage="ingest", ...)`` and the run goes on. Every reader
streams, so memory stays flat however large a file or folder is: one document (at most
``max_bytes``) is in memory at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import BinaryIO

from eventwire.ingest.fetch import Fetcher
from eventwire.ingest.page import page_from_bytes, page_id, reject
from eventwire.ingest.sources import DOCUMENT_SUFFIXES, IngestRun, detect_format
from eventwire.records import Page, Rejected
from eventwire.settings import IngestSettings

__all__ = ["DOCUMENT_SUFFIXES", "detect_format", "iter_pages", "page_from_bytes", "page_id"]


def iter_pages(
    sources: Iterable[str], *, settings: IngestSettings, stdin: BinaryIO | None = None
) -> Iterator[Page | Rejected]:
    """Yield a Page for each document found in the sources, or a Rejected saying why not.

    Args:
        sources: File paths, folders (walked recursively in name order, hidden entries
            skipped), ``-`` for standard input, or http(s) URLs.
        settings: The ``[ingest]`` settings: timeout, size cap, redirect limit, user agent.
        stdin: The stream ``-`` reads; ``sys.stdin.buffer`` when omitted.

    Yields:
        Pages and Rejected records, in the order of the sources. A path that does not exist
        is a Rejected with code EW201.
    """
    with Fetcher(settings) as fetcher:
        run = IngestRun(settings=settings, fetcher=fetcher, stdin=stdin)
        for source in sources:
            try:
                yield from run.source(source)
            except Exception as e:  # a bug on one source must not end the run: record it
                yield reject(source, f"internal error: {type(e).__name__}: {e}")
