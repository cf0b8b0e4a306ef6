"""Read pages from RSS and Atom feeds with feedparser.

An entry that carries its story (``content`` or a ``summary`` of at least
:data:`MIN_CONTENT_CHARS` characters of text) becomes an HTML page built from it. An entry that
carries only a teaser and an http(s) link is fetched through the run's fetcher; the feed's url,
title and date travel with it as hints.
"""

from __future__ import annotations

import html
import io
import re
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from eventwire.ingest.fetch import is_url
from eventwire.ingest.page import check_page, reject
from eventwire.records import Page, Rejected
from eventwire.settings import IngestSettings

__all__ = ["MIN_CONTENT_CHARS", "FetchPage", "iter_feed", "looks_like_feed"]

# Text a feed entry must carry to stand as the article; shorter is a teaser for its link.
MIN_CONTENT_CHARS = 400

FetchPage = Callable[[str, Mapping[str, str]], Iterator[Page | Rejected]]

_FEED_ROOT = re.compile(
    rb"^(\s|<\?xml[^>]*\?>|<!--.*?-->|<\?xml-stylesheet[^>]*>|<!DOCTYPE[^>]*>)*<(rss|feed|rdf:RDF)\b",
    re.S | re.I,
)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def looks_like_feed(head: bytes) -> bool:
    """Tell whether the first bytes of a document open an RSS, Atom or RDF feed."""
    return bool(_FEED_ROOT.match(head.removeprefix(b"\xef\xbb\xbf")))


def _text_length(fragment: str) -> int:
    return len(_SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip())


def _iso(parsed: Any) -> str | None:
    if not isinstance(parsed, time.struct_time):
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)  # feedparser gives UTC


def _hints(entry: Any) -> dict[str, str]:
    hints: dict[str, str] = {}
    link = entry.get("link")
    if isinstance(link, str) and link:
        hints["url"] = link
    title = entry.get("title")
    if isinstance(title, str) and title:
        hints["title"] = title
    published = _iso(entry.get("published_parsed"))
    if published:
        hints["published_at"] = published
        raw = entry.get("published")
        if isinstance(raw, str):
            hints["published_at_raw"] = raw
    # dict.get: feedparser's own get() maps a missing "updated" to "published" (and warns).
    updated = _iso(dict.get(entry, "updated_parsed"))
    if updated:
        # Atom's required <updated> is when the entry last changed, not its publication.
        hints["updated_at"] = updated
    return hints


def _body(entry: Any) -> str:
    """Return the richest HTML body of an entry: its longest content, else its summary."""
    best = ""
    for part in entry.get("content") or ():
        value = part.get("value") or ""
        if part.get("type") == "text/plain":
            value = "".join(f"<p>{html.escape(p)}</p>" for p in value.split("\n\n") if p.strip())
        if _text_length(value) > _text_length(best):
            best = value
    summary = entry.get("summary") or ""
    if _text_length(summary) > _text_length(best):
        best = summary
    return best


def _document(title: str | None, body: str) -> bytes:
    heading = html.escape(title) if title else ""
    doc = (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{heading}</title></head>\n<body><article>\n"
        + (f"<h1>{heading}</h1>\n" if heading else "")
        + f"{body}\n</article></body></html>\n"
    )
    return doc.encode("utf-8")


def iter_feed(
    raw: bytes, *, source: str, settings: IngestSettings, fetch: FetchPage
) -> Iterator[Page | Rejected]:
    """Yield a Page (or a Rejected) for each entry of an RSS or Atom feed.

    Args:
        raw: The feed's bytes (at most ``max_bytes``).
        source: Where the feed came from; an entry's source is ``source#n`` (from 1), or its
            link's URL when the link was fetched.
        settings: Ingest settings.
        fetch: Downloads an entry's link and yields its page, with the given hints.
    """
    import feedparser

    # A stream, not bytes or str: given a string that looks like a URL, feedparser fetches it.
    parsed = feedparser.parse(io.BytesIO(raw))
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            yield reject(source, f"not a valid RSS or Atom feed ({problem})")
        else:
            yield reject(source, "feed has no entries")
        return
    for n, entry in enumerate(entries, 1):
        where = f"{source}#{n}"
        hints = _hints(entry)
        body = _body(entry)
        link = hints.get("url")
        if _text_length(body) >= MIN_CONTENT_CHARS or (body and not (link and is_url(link))):
            yield check_page(
                _document(hints.get("title"), body),
                source=where,
                max_bytes=settings.max_bytes,
                url=link,
                content_type="text/html",
                hints=hints,
                encoding="utf-8",
            )
        elif link and is_url(link):
            yield from fetch(link, hints)
        else:
            yield reject(where, "feed entry has neither content nor an http(s) link")
