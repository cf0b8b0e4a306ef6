"""extract stage: a Page becomes a clean Article with provenance, or a Rejected record.

    extract(page)
      ├── HTML  → eventwire.extract.html.extract_html    (trafilatura + htmldate)
      └── text  → eventwire.extract.plain.extract_plain  (our own boilerplate remover)
      then: language check, minimum length

Plain text gets a remover of our own because no library removes furniture from text that has
already lost its markup; every cut is explained in ``Article.removed``.
"""

from __future__ import annotations

import re

from eventwire.extract.language import detect_language
from eventwire.records import Article, Page, Rejected
from eventwire.settings import ExtractSettings

__all__ = ["decode", "extract", "is_html"]

_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.I)
_HTML_TAGS = re.compile(rb"<(p|div|article|body|head|title|span|br|a)\b[^>]*>", re.I)


def is_html(page: Page) -> bool:
    """Tell HTML from plain text by content type, then by the first bytes, then by tag density."""
    if "html" in page.content_type or "xml" in page.content_type:
        return True
    head = page.raw[:4096]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAGS.findall(head)) >= 5


def decode(page: Page) -> str:
    """Decode a page's bytes with its detected encoding; bad bytes become U+FFFD."""
    return page.raw.decode(page.encoding or "utf-8", errors="replace")


def extract(page: Page, *, settings: ExtractSettings | None = None) -> Article | Rejected:
    """Extract the article from a page.

    Returns a :class:`Rejected` (never raises) when the page has no article, is too short, or
    is not in one of ``settings.languages``.
    """
    settings = settings or ExtractSettings()
    text = decode(page)
    if not text.strip():
        return _reject(page, "empty document")
    if "\x00" in text[:4096]:
        return _reject(page, "binary content (NUL bytes), not a text or HTML page")
    if is_html(page):
        from eventwire.extract.html import extract_html

        result = extract_html(page, text)
    else:
        from eventwire.extract.plain import extract_plain

        result = extract_plain(page, text)
    if isinstance(result, Rejected):
        return result
    if len(result.text) < settings.min_chars:
        return _reject(
            page, f"article body too short ({len(result.text)} < {settings.min_chars} characters)"
        )
    language, score = detect_language(result.text)
    if settings.languages and language not in settings.languages:
        return _reject(
            page,
            f"language '{language}' (confidence {score:.2f}) is not one of "
            f"{', '.join(settings.languages)}",
        )
    return _with_language(result, language)


def _with_language(article: Article, language: str) -> Article:
    from dataclasses import replace

    return replace(article, language=language)


def _reject(page: Page, reason: str) -> Rejected:
    return Rejected(stage="extract", reason=reason, source=page.source, doc_id=page.id)
