"""Build a :class:`Page` from bytes, and turn bytes that are no page into a :class:`Rejected`."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, datetime

from eventwire.ingest.encoding import binary_reason, detect_encoding, is_html_text
from eventwire.records import Page, Rejected

__all__ = ["check_page", "page_from_bytes", "page_id", "reject"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def page_id(raw: bytes) -> str:
    """Return a page's id: the SHA-256 hex digest of its content bytes."""
    return hashlib.sha256(raw).hexdigest()


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _media_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def page_from_bytes(
    raw: bytes,
    *,
    source: str,
    url: str | None = None,
    content_type: str | None = None,
    hints: Mapping[str, str] | None = None,
    encoding: str | None = None,
) -> Page:
    """Wrap a document's bytes as a Page.

    Args:
        raw: The document's bytes, exactly as found; the page id is their SHA-256, so the
            same content is one page whatever its source.
        source: Where it was found: a path, ``path:line``, ``path@offset`` or a URL.
        url: The document's own URL when known.
        content_type: A Content-Type header value; its media type decides HTML versus plain
            text and its ``charset`` the encoding. Sniffed from the bytes when omitted.
        hints: Metadata the container knew (``published_at``, ``title``, ``url``...).
        encoding: An encoding the caller knows for certain; detected when omitted.

    Returns:
        The page, with ``content_type`` either ``text/html`` or ``text/plain``. When some bytes
        do not decode, ``hints["encoding_errors"]`` holds how many became U+FFFD.
    """
    decoding = detect_encoding(raw, declared=encoding, content_type=content_type)
    media = _media_type(content_type)
    if media in _HTML_TYPES:
        kind = "text/html"
    elif media == "text/plain":
        kind = "text/plain"
    else:
        head = raw[:4096].decode(decoding.encoding, errors="replace")
        kind = "text/html" if is_html_text(head) else "text/plain"
    out = {k: v for k, v in (hints or {}).items() if v}
    if url and "url" not in out:
        out["url"] = url
    if decoding.replaced:
        out["encoding_errors"] = f"{decoding.replaced} undecodable bytes replaced"
    return Page(
        id=page_id(raw),
        source=source,
        fetched_at=_now(),
        content_type=kind,
        encoding=decoding.encoding,
        raw=raw,
        url=url,
        hints=out,
    )


def reject(source: str, reason: str, *, code: str = "EW200", doc_id: str | None = None) -> Rejected:
    """Return an ingest-stage :class:`Rejected` record."""
    return Rejected(stage="ingest", reason=reason, source=source, doc_id=doc_id, code=code)


def check_page(
    raw: bytes,
    *,
    source: str,
    max_bytes: int,
    url: str | None = None,
    content_type: str | None = None,
    hints: Mapping[str, str] | None = None,
    encoding: str | None = None,
) -> Page | Rejected:
    """Return a Page for bytes that hold a text or HTML document, a Rejected otherwise.

    ``raw`` may be one byte longer than ``max_bytes``: readers read one byte past the cap so
    that an oversize document is told from one exactly at the cap.
    """
    if len(raw) > max_bytes:
        return reject(source, f"document larger than max_bytes ({max_bytes} bytes)", code="EW203")
    if not raw.strip():
        return reject(source, "empty document" if not raw else "empty document (only whitespace)")
    why = binary_reason(raw)
    if why is not None:
        return reject(source, why)
    page = page_from_bytes(
        raw, source=source, url=url, content_type=content_type, hints=hints, encoding=encoding
    )
    # Whitespace in UTF-16 or UTF-32 is only seen once decoded; such a file is small.
    if len(raw) < 4096 and not raw.decode(page.encoding, errors="replace").strip():
        return reject(source, "empty document (only whitespace)")
    return page
