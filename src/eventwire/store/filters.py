"""What a listing asks the store for: one frozen options object per kind of record.

The fields are written once, here: :class:`eventwire.store.Store` takes these objects,
:mod:`eventwire.store.queries` turns them into SQL, and the CLI builds them from its flags
(``eventwire events --source RUS`` is ``EventFilter(source="RUS")``). A field left ``None``
does not filter.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ArticleFilter", "EventFilter", "QuoteFilter", "RejectionFilter"]


@dataclass(frozen=True, kw_only=True, slots=True)
class ArticleFilter:
    """Which articles to list (newest publication first).

    Attributes:
        since: Keep articles published at or after this ISO 8601 date or time.
        origin: Keep articles whose origin outlet is this (case-insensitive).
        publisher: Keep articles found on this site (case-insensitive).
        limit: Return at most this many (``None``: all).
    """

    since: str | None = None
    origin: str | None = None
    publisher: str | None = None
    limit: int | None = 50


@dataclass(frozen=True, kw_only=True, slots=True)
class RejectionFilter:
    """Which rejected documents to list (oldest first).

    Attributes:
        stage: Keep rejections by this stage (``ingest``, ``extract``...).
        limit: Return at most this many (``None``: all).
    """

    stage: str | None = None
    limit: int | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class EventFilter:
    """Which events to list (date order; one document's events in text order).

    Attributes:
        source: Source actor code (``RUS``, ``NATO``; case-insensitive).
        target: Target actor code (case-insensitive).
        root: CAMEO root code (``"04"``; ``"4"`` means the same).
        modality: One of :data:`eventwire.records.MODALITIES`.
        since: Keep events dated on or after this ISO date (a prefix such as ``2022-01``
            works).
        until: Keep events dated on or before this ISO date (inclusive; prefix allowed).
        doc_id: Keep events of this document.
        historical: Keep only events the story recalls from the past (``True``) or only
            the others (``False``).
        newest_first: List the newest events first (undated ones last) instead of oldest
            first; one document's events stay in text order.
        limit: Return at most this many (``None``: all).
    """

    source: str | None = None
    target: str | None = None
    root: str | None = None
    modality: str | None = None
    since: str | None = None
    until: str | None = None
    doc_id: str | None = None
    historical: bool | None = None
    newest_first: bool = False
    limit: int | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class QuoteFilter:
    """Which quotes to list (document order).

    Attributes:
        doc_id: Keep quotes of this document.
        speaker: Keep quotes whose speaker code is this, or whose speaker name or printed
            name contains it (case-insensitive: ``"Stoltenberg"`` finds Jens Stoltenberg).
        limit: Return at most this many (``None``: all).
    """

    doc_id: str | None = None
    speaker: str | None = None
    limit: int | None = None
