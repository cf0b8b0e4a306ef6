"""Read records back out of the database, filtered; :class:`eventwire.store.Store` calls these.

Every function takes ``fetch(sql, params) -> rows`` so the SQL stays here and the connection,
its error handling and its lifetime stay in the store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from eventwire.errors import InputError
from eventwire.records import Actor, Article, Event, Page, Quote, Rejected
from eventwire.store import rows
from eventwire.store.filters import ArticleFilter, EventFilter, QuoteFilter, RejectionFilter

__all__ = ["actors", "article", "articles", "events", "page", "quotes", "rejections"]

Row = tuple[Any, ...]
Fetch = Callable[[str, Sequence[Any]], list[Row]]


class _Select:
    """One SELECT of all a table's columns: its conditions and the values they bind."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.conditions: list[str] = []
        self.params: list[Any] = []

    def where(self, condition: str, value: object) -> None:
        """Add a condition; each ``?`` in it binds ``value``."""
        self.conditions.append(condition)
        self.params.extend([value] * condition.count("?"))

    def where_given(self, condition: str, value: object) -> None:
        """Add a condition when ``value`` is given (a filter left ``None`` or empty keeps all)."""
        if value is not None and value != "":
            self.where(condition, value)

    def run(self, fetch: Fetch, *, order: str, limit: int | None = None) -> list[Row]:
        """Run the query and return its rows in ``rows.COLUMNS[table]`` order."""
        sql = f"SELECT {rows.sql_columns(rows.COLUMNS[self.table])} FROM {self.table}"
        if self.conditions:
            sql += f" WHERE {' AND '.join(self.conditions)}"
        sql += f" ORDER BY {order}"
        params = list(self.params)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, int(limit)))
        return fetch(sql, params)


def _with_removed(fetch: Fetch, found: list[Row]) -> list[Article]:
    ids = [r[0] for r in found]
    removed: dict[str, list[tuple[Any, ...]]] = {i: [] for i in ids}
    if ids:
        sql = (
            "SELECT doc_id, kind, text, reason FROM removed "
            "WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) "
            "ORDER BY doc_id, position"
        )
        for doc_id, kind, text, reason in fetch(sql, [ids]):
            removed[doc_id].append((kind, text, reason))
    return [rows.article_from_row(r, removed[r[0]]) for r in found]


def articles(fetch: Fetch, where: ArticleFilter) -> list[Article]:
    """Return articles, newest publication first."""
    query = _Select("articles")
    query.where_given("published_at >= ?", where.since)
    query.where_given("lower(origin) = lower(?)", where.origin)
    query.where_given("lower(publisher) = lower(?)", where.publisher)
    order = "published_at DESC NULLS LAST, stored_at DESC, doc_id"
    return _with_removed(fetch, query.run(fetch, order=order, limit=where.limit))


def article(fetch: Fetch, doc_id: str) -> Article | None:
    """Return the article with this id or unique id prefix (see :meth:`Store.article`)."""
    if not doc_id:
        return None
    query = _Select("articles")
    query.where("(doc_id = ? OR starts_with(doc_id, ?))", doc_id)
    found = query.run(fetch, order="doc_id", limit=6)
    exact = [r for r in found if r[0] == doc_id]
    if exact:
        found = exact
    if len(found) > 1:
        shown = ", ".join(r[0] for r in found[:5])
        raise InputError(f"id prefix '{doc_id}' matches several articles: {shown}, ...")
    return _with_removed(fetch, found)[0] if found else None


def page(fetch: Fetch, doc_id: str) -> Page | None:
    """Return the stored page of a document id (exact id)."""
    query = _Select("pages")
    query.where("id = ?", doc_id)
    found = query.run(fetch, order="id")
    return rows.page_from_row(found[0]) if found else None


def actors(fetch: Fetch, doc_id: str) -> list[Actor]:
    """Return the actor mentions of one document, in order."""
    query = _Select("actors")
    query.where("doc_id = ?", doc_id)
    found = query.run(fetch, order="position")
    return [rows.actor_from_row(r) for r in found]


def rejections(fetch: Fetch, where: RejectionFilter) -> list[tuple[Rejected, str]]:
    """Return rejections and when each was first stored, oldest first."""
    query = _Select("rejections")
    query.where_given("stage = ?", where.stage)
    found = query.run(fetch, order='"at", source, stage, reason', limit=where.limit)
    return [rows.rejected_from_row(r) for r in found]


def _root(code: str | None) -> str | None:
    # "4" and "04" both mean the CAMEO root 04.
    return code.zfill(2) if code and code.isdigit() else code


def events(fetch: Fetch, where: EventFilter) -> list[Event]:
    """Return events in date order (one document's events in text order)."""
    query = _Select("events")
    query.where_given("upper(source_code) = upper(?)", where.source)
    query.where_given("upper(target_code) = upper(?)", where.target)
    query.where_given("cameo_root = ?", _root(where.root))
    query.where_given("modality = ?", where.modality)
    query.where_given("event_date >= ?", where.since)
    # Compare only as much of the date as was given, so until=2022-01 keeps all of January.
    query.where_given("left(event_date, length(?)) <= ?", where.until)
    query.where_given("doc_id = ?", where.doc_id)
    query.where_given("historical = ?", where.historical)
    # One document's events come in text order; a listing across documents in date order.
    if where.doc_id:
        order = "position"
    else:
        order = f"event_date {'DESC' if where.newest_first else 'ASC'} NULLS LAST, doc_id, position"
    found = query.run(fetch, order=order, limit=where.limit)
    return [rows.event_from_row(r) for r in found]


def quotes(fetch: Fetch, where: QuoteFilter) -> list[Quote]:
    """Return quotes in document order."""
    query = _Select("quotes")
    query.where_given("doc_id = ?", where.doc_id)
    # A code matches exactly; a name matches any part of it ("Stoltenberg", "jens stoltenberg").
    names = ("speaker_actor_name", "speaker_name", "speaker_text")
    by_name = " OR ".join(f"contains(lower({c}), lower(?))" for c in names)
    query.where_given(f"(lower(speaker_code) = lower(?) OR {by_name})", where.speaker)
    found = query.run(fetch, order="doc_id, position", limit=where.limit)
    return [rows.quote_from_row(r) for r in found]
