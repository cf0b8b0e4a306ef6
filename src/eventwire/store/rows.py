"""Convert records to table rows and back, one pair of functions per table.

Nested records are flattened with a prefix (``Event.source.code`` → ``source_code``); a nullable
nested record is absent when its non-null ``text`` (or ``name``) column is NULL. The column
tuples here and ``schema.sql`` must agree: ``tests/store/test_store.py`` checks both ways.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, cast

from eventwire.records import Actor, Article, Event, Location, Page, Quote, Rejected, Removed

__all__ = [
    "ACTOR_COLUMNS",
    "ARTICLE_COLUMNS",
    "EVENT_COLUMNS",
    "PAGE_COLUMNS",
    "QUOTE_COLUMNS",
    "REJECTION_COLUMNS",
    "REMOVED_COLUMNS",
    "actor_row",
    "article_from_row",
    "article_row",
    "event_from_row",
    "event_rows",
    "page_from_row",
    "page_row",
    "quote_from_row",
    "quote_rows",
    "rejected_from_row",
    "rejection_row",
    "removed_rows",
]

Row = tuple[Any, ...]

_ACTOR_FIELDS = (
    "text",
    "start",
    "end",
    "code",
    "sector",
    "name",
    "kind",
    "role",
    "confidence",
    "group",
)


def _actor_columns(prefix: str) -> tuple[str, ...]:
    # A quote's own ``speaker_name`` (the name as printed) takes that column, so the speaker
    # actor's canonical name is ``speaker_actor_name``.
    names = tuple(f"{prefix}{f}" for f in _ACTOR_FIELDS)
    if prefix == "speaker_":
        return tuple("speaker_actor_name" if n == "speaker_name" else n for n in names)
    return names


PAGE_COLUMNS = (
    "id",
    "source",
    "url",
    "fetched_at",
    "content_type",
    "encoding",
    "size",
    "raw",
    "hints",
    "stored_at",
)
ARTICLE_COLUMNS = (
    "doc_id",
    "url",
    "title",
    "paragraphs",
    "text",
    "language",
    "published_at",
    "published_at_raw",
    "origin",
    "publisher",
    "cited_sources",
    "dateline",
    "byline",
    "stored_at",
)
REMOVED_COLUMNS = ("doc_id", "position", "kind", "text", "reason")
REJECTION_COLUMNS = ("source", "stage", "reason", "doc_id", "code", "at")
ACTOR_COLUMNS = ("doc_id", "position", *_actor_columns(""))
QUOTE_COLUMNS = (
    "id",
    "doc_id",
    "position",
    "text",
    "start",
    "end",
    *_actor_columns("speaker_"),
    "speaker_name",
    "cue",
    "kind",
)
EVENT_COLUMNS = (
    "id",
    "doc_id",
    "position",
    "sentence",
    "start",
    "end",
    *_actor_columns("source_"),
    *_actor_columns("target_"),
    "cameo",
    "cameo_root",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "modality",
    "historical",
    "event_date",
    "date_precision",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "quote_id",
    "confidence",
    "rule",
)


def page_row(page: Page, *, at: str) -> Row:
    """Return the ``pages`` row of a page (raw bytes included)."""
    hints = json.dumps(dict(page.hints), ensure_ascii=False, sort_keys=True)
    return (
        page.id,
        page.source,
        page.url,
        page.fetched_at,
        page.content_type,
        page.encoding,
        len(page.raw),
        page.raw,
        hints,
        at,
    )


def page_from_row(row: Sequence[Any]) -> Page:
    """Rebuild a page from a ``pages`` row in ``PAGE_COLUMNS`` order."""
    r = dict(zip(PAGE_COLUMNS, row, strict=True))
    return Page(
        id=r["id"],
        source=r["source"],
        url=r["url"],
        fetched_at=r["fetched_at"],
        content_type=r["content_type"],
        encoding=r["encoding"],
        raw=bytes(r["raw"]),
        hints=json.loads(r["hints"]),
    )


def article_row(article: Article, *, at: str) -> Row:
    """Return the ``articles`` row of an article (removed blocks go to ``removed_rows``)."""
    return (
        article.doc_id,
        article.url,
        article.title,
        list(article.paragraphs),
        article.text,
        article.language,
        article.published_at,
        article.published_at_raw,
        article.origin,
        article.publisher,
        list(article.cited_sources),
        article.dateline,
        article.byline,
        at,
    )


def removed_rows(article: Article) -> list[Row]:
    """Return the ``removed`` rows of an article, numbered in page order."""
    return [(article.doc_id, i, r.kind, r.text, r.reason) for i, r in enumerate(article.removed)]


def article_from_row(row: Sequence[Any], removed: Sequence[Sequence[Any]] = ()) -> Article:
    """Rebuild an article from an ``articles`` row and its ``(kind, text, reason)`` rows."""
    r = dict(zip(ARTICLE_COLUMNS, row, strict=True))
    return Article(
        doc_id=r["doc_id"],
        url=r["url"],
        title=r["title"],
        paragraphs=tuple(r["paragraphs"]),
        text=r["text"],
        language=r["language"],
        published_at=r["published_at"],
        published_at_raw=r["published_at_raw"],
        origin=r["origin"],
        publisher=r["publisher"],
        cited_sources=tuple(r["cited_sources"]),
        dateline=r["dateline"],
        byline=r["byline"],
        removed=tuple(Removed(kind=k, text=t, reason=why) for k, t, why in removed),
    )


def rejection_row(rejected: Rejected, *, at: str) -> Row:
    """Return the ``rejections`` row of a rejected document."""
    return (rejected.source, rejected.stage, rejected.reason, rejected.doc_id, rejected.code, at)


def rejected_from_row(row: Sequence[Any]) -> tuple[Rejected, str]:
    """Rebuild a rejection and the time it was first stored."""
    r = dict(zip(REJECTION_COLUMNS, row, strict=True))
    rejected = Rejected(
        stage=r["stage"], reason=r["reason"], source=r["source"], doc_id=r["doc_id"], code=r["code"]
    )
    return rejected, cast(str, r["at"])


def _actor_values(actor: Actor | None) -> Row:
    if actor is None:
        return (None,) * len(_ACTOR_FIELDS)
    return tuple(getattr(actor, f) for f in _ACTOR_FIELDS)


def _actor_from(values: dict[str, Any], prefix: str) -> Actor | None:
    if values[f"{prefix}text"] is None:
        return None
    columns = _actor_columns(prefix)
    return Actor(**{f: values[c] for f, c in zip(_ACTOR_FIELDS, columns, strict=True)})


def actor_row(doc_id: str, position: int, actor: Actor) -> Row:
    """Return the ``actors`` row of one resolved mention."""
    return (doc_id, position, *_actor_values(actor))


def actor_from_row(row: Sequence[Any]) -> Actor:
    """Rebuild an actor from an ``actors`` row."""
    actor = _actor_from(dict(zip(ACTOR_COLUMNS, row, strict=True)), "")
    assert actor is not None  # text is NOT NULL in the actors table
    return actor


def quote_rows(quotes: Sequence[Quote]) -> list[Row]:
    """Return the ``quotes`` rows of one document's quotes, numbered in order."""
    return [
        (
            q.id,
            q.doc_id,
            i,
            q.text,
            q.start,
            q.end,
            *_actor_values(q.speaker),
            q.speaker_name,
            q.cue,
            q.kind,
        )
        for i, q in enumerate(quotes)
    ]


def quote_from_row(row: Sequence[Any]) -> Quote:
    """Rebuild a quote from a ``quotes`` row."""
    r = dict(zip(QUOTE_COLUMNS, row, strict=True))
    return Quote(
        id=r["id"],
        doc_id=r["doc_id"],
        text=r["text"],
        start=r["start"],
        end=r["end"],
        speaker=_actor_from(r, "speaker_"),
        speaker_name=r["speaker_name"],
        cue=r["cue"],
        kind=r["kind"],
    )


def event_rows(events: Sequence[Event]) -> list[Row]:
    """Return the ``events`` rows of one document's events, numbered in order."""
    rows: list[Row] = []
    for i, e in enumerate(events):
        loc = e.location
        rows.append(
            (
                e.id,
                e.doc_id,
                i,
                e.sentence,
                e.start,
                e.end,
                *_actor_values(e.source),
                *_actor_values(e.target),
                e.cameo,
                e.cameo_root,
                e.quad_class,
                e.goldstein,
                e.plover_type,
                e.plover_mode,
                e.modality,
                e.historical,
                e.event_date,
                e.date_precision,
                loc.name if loc else None,
                loc.country if loc else None,
                loc.lat if loc else None,
                loc.lon if loc else None,
                e.quote_id,
                e.confidence,
                e.rule,
            )
        )
    return rows


def event_from_row(row: Sequence[Any]) -> Event:
    """Rebuild an event from an ``events`` row."""
    r = dict(zip(EVENT_COLUMNS, row, strict=True))
    source = _actor_from(r, "source_")
    assert source is not None  # source_text is NOT NULL in the events table
    location = None
    if r["location_name"] is not None:
        location = Location(
            name=r["location_name"],
            country=r["location_country"],
            lat=r["location_lat"],
            lon=r["location_lon"],
        )
    return Event(
        id=r["id"],
        doc_id=r["doc_id"],
        sentence=r["sentence"],
        start=r["start"],
        end=r["end"],
        source=source,
        target=_actor_from(r, "target_"),
        cameo=r["cameo"],
        cameo_root=r["cameo_root"],
        quad_class=r["quad_class"],
        goldstein=r["goldstein"],
        plover_type=r["plover_type"],
        plover_mode=r["plover_mode"],
        modality=r["modality"],
        historical=r["historical"],
        event_date=r["event_date"],
        date_precision=r["date_precision"],
        location=location,
        quote_id=r["quote_id"],
        confidence=r["confidence"],
        rule=r["rule"],
    )
