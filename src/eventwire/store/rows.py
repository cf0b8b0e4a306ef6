"""Convert records to table rows and back, one pair of functions per table.

Both directions are derived from the records' dataclass fields: a column holds the field of
the same name, and the few columns that are no field (``position``, ``size``, ``stored_at``,
``at``) are passed in by the caller. Nested records are flattened with a prefix
(``Event.source.code`` → ``source_code``); a nullable nested record is absent when its non-null
``text`` (or ``name``) column is NULL. The column tuples here and ``schema.sql`` must agree,
column order included: ``tests/store/test_store.py`` checks both ways.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

from eventwire.records import Actor, Article, Event, Location, Page, Quote, Rejected, Removed

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = [
    "ACTOR_COLUMNS",
    "ARTICLE_COLUMNS",
    "COLUMNS",
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
    "sql_columns",
]

Row = tuple[Any, ...]
R = TypeVar("R", bound="DataclassInstance")

# Nested records a table flattens into prefixed columns, by owner type and field name.
_NESTED: dict[type, dict[str, type]] = {
    Quote: {"speaker": Actor},
    Event: {"source": Actor, "target": Actor, "location": Location},
}


@functools.cache
def _prefixed(owner: type, name: str, nested: type) -> tuple[tuple[str, str], ...]:
    """Map each field of a nested record to its column (``source`` + ``code``: ``source_code``).

    A column the owner already has for a field of its own keeps it; the nested field's column
    then names its type: a quote's ``speaker_name`` is the name as printed, so the speaker
    actor's canonical name is ``speaker_actor_name``.
    """
    own = {f.name for f in dataclasses.fields(owner)}
    columns = []
    for f in dataclasses.fields(nested):
        column = f"{name}_{f.name}"
        if column in own:
            column = f"{name}_{nested.__name__.lower()}_{f.name}"
        columns.append((f.name, column))
    return tuple(columns)


def _nested_columns(owner: type, name: str) -> tuple[str, ...]:
    return tuple(column for _, column in _prefixed(owner, name, _NESTED[owner][name]))


def _flatten(record: DataclassInstance) -> dict[str, Any]:
    """Return a record's column values by column name (tuples become lists)."""
    owner = type(record)
    nested = _NESTED.get(owner, {})
    values: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if f.name not in nested:
            values[f.name] = list(value) if isinstance(value, tuple) else value
            continue
        for field_name, column in _prefixed(owner, f.name, nested[f.name]):
            values[column] = None if value is None else getattr(value, field_name)
    return values


def _build(cls: type[R], values: Mapping[str, Any]) -> R:
    """Rebuild a record from column values by name (lists become tuples).

    A nested record is absent when the column of its first field (``text``, ``name``: never
    null in a present record) is NULL.
    """
    nested = _NESTED.get(cls, {})
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in nested:
            value = values[f.name]
            kwargs[f.name] = tuple(value) if isinstance(value, list) else value
            continue
        columns = _prefixed(cls, f.name, nested[f.name])
        if values[columns[0][1]] is None:
            kwargs[f.name] = None
        else:
            kwargs[f.name] = _build(nested[f.name], {k: values[c] for k, c in columns})
    return cls(**kwargs)


def _row(record: DataclassInstance, columns: Sequence[str], **extra: Any) -> Row:
    """Return a record's row in ``columns`` order; ``extra`` holds the non-field columns."""
    values = _flatten(record) | extra
    return tuple(values[c] for c in columns)


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
ACTOR_COLUMNS = ("doc_id", "position", *(f.name for f in dataclasses.fields(Actor)))
QUOTE_COLUMNS = (
    "id",
    "doc_id",
    "position",
    "text",
    "start",
    "end",
    *_nested_columns(Quote, "speaker"),
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
    *_nested_columns(Event, "source"),
    *_nested_columns(Event, "target"),
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
    *_nested_columns(Event, "location"),
    "quote_id",
    "confidence",
    "rule",
)

# Every table's columns, in the order the store writes the tables of one batch.
COLUMNS: dict[str, tuple[str, ...]] = {
    "pages": PAGE_COLUMNS,
    "articles": ARTICLE_COLUMNS,
    "removed": REMOVED_COLUMNS,
    "rejections": REJECTION_COLUMNS,
    "actors": ACTOR_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "events": EVENT_COLUMNS,
}


def sql_columns(columns: Sequence[str]) -> str:
    """Return columns as an SQL list, quoted (``start``, ``end`` and ``at`` are keywords)."""
    return ", ".join(f'"{c}"' for c in columns)


def page_row(page: Page, *, at: str) -> Row:
    """Return the ``pages`` row of a page (raw bytes included)."""
    hints = json.dumps(dict(page.hints), ensure_ascii=False, sort_keys=True)
    return _row(page, PAGE_COLUMNS, size=len(page.raw), hints=hints, stored_at=at)


def page_from_row(row: Sequence[Any]) -> Page:
    """Rebuild a page from a ``pages`` row in ``PAGE_COLUMNS`` order."""
    r = dict(zip(PAGE_COLUMNS, row, strict=True))
    return _build(Page, r | {"raw": bytes(r["raw"]), "hints": json.loads(r["hints"])})


def article_row(article: Article, *, at: str) -> Row:
    """Return the ``articles`` row of an article (removed blocks go to ``removed_rows``)."""
    return _row(article, ARTICLE_COLUMNS, stored_at=at)


def removed_rows(article: Article) -> list[Row]:
    """Return the ``removed`` rows of an article, numbered in page order."""
    return [
        _row(r, REMOVED_COLUMNS, doc_id=article.doc_id, position=i)
        for i, r in enumerate(article.removed)
    ]


def article_from_row(row: Sequence[Any], removed: Sequence[Sequence[Any]] = ()) -> Article:
    """Rebuild an article from an ``articles`` row and its ``(kind, text, reason)`` rows."""
    blocks = tuple(Removed(kind=k, text=t, reason=why) for k, t, why in removed)
    return _build(Article, dict(zip(ARTICLE_COLUMNS, row, strict=True)) | {"removed": blocks})


def rejection_row(rejected: Rejected, *, at: str) -> Row:
    """Return the ``rejections`` row of a rejected document."""
    return _row(rejected, REJECTION_COLUMNS, at=at)


def rejected_from_row(row: Sequence[Any]) -> tuple[Rejected, str]:
    """Rebuild a rejection and the time it was first stored."""
    r = dict(zip(REJECTION_COLUMNS, row, strict=True))
    return _build(Rejected, r), cast(str, r["at"])


def actor_row(doc_id: str, position: int, actor: Actor) -> Row:
    """Return the ``actors`` row of one resolved mention."""
    return _row(actor, ACTOR_COLUMNS, doc_id=doc_id, position=position)


def actor_from_row(row: Sequence[Any]) -> Actor:
    """Rebuild an actor from an ``actors`` row."""
    return _build(Actor, dict(zip(ACTOR_COLUMNS, row, strict=True)))


def quote_rows(quotes: Sequence[Quote]) -> list[Row]:
    """Return the ``quotes`` rows of one document's quotes, numbered in order."""
    return [_row(q, QUOTE_COLUMNS, position=i) for i, q in enumerate(quotes)]


def quote_from_row(row: Sequence[Any]) -> Quote:
    """Rebuild a quote from a ``quotes`` row."""
    return _build(Quote, dict(zip(QUOTE_COLUMNS, row, strict=True)))


def event_rows(events: Sequence[Event]) -> list[Row]:
    """Return the ``events`` rows of one document's events, numbered in order."""
    return [_row(e, EVENT_COLUMNS, position=i) for i, e in enumerate(events)]


def event_from_row(row: Sequence[Any]) -> Event:
    """Rebuild an event from an ``events`` row."""
    return _build(Event, dict(zip(EVENT_COLUMNS, row, strict=True)))
