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

Fetch = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]


def _cols(columns: Sequence[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _where(conditions: Sequence[str]) -> str:
    return f" WHERE {' AND '.join(conditions)}" if conditions else ""


def _limit(limit: int | None, params: list[Any]) -> str:
    if limit is None:
        return ""
    params.append(max(0, int(limit)))
    return " LIMIT ?"


def _with_removed(fetch: Fetch, found: list[tuple[Any, ...]]) -> list[Article]:
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
    conditions: list[str] = []
    params: list[Any] = []
    if where.since:
        conditions.append("published_at >= ?")
        params.append(where.since)
    if where.origin:
        conditions.append("lower(origin) = lower(?)")
        params.append(where.origin)
    if where.publisher:
        conditions.append("lower(publisher) = lower(?)")
        params.append(where.publisher)
    sql = (
        f"SELECT {_cols(rows.ARTICLE_COLUMNS)} FROM articles{_where(conditions)} "
        "ORDER BY published_at DESC NULLS LAST, stored_at DESC, doc_id"
    )
    sql += _limit(where.limit, params)
    return _with_removed(fetch, fetch(sql, params))


def article(fetch: Fetch, doc_id: str) -> Article | None:
    """Return the article with this id or unique id prefix (see :meth:`Store.article`)."""
    if not doc_id:
        return None
    sql = (
        f"SELECT {_cols(rows.ARTICLE_COLUMNS)} FROM articles "
        "WHERE doc_id = ? OR starts_with(doc_id, ?) ORDER BY doc_id LIMIT 6"
    )
    found = fetch(sql, [doc_id, doc_id])
    exact = [r for r in found if r[0] == doc_id]
    if exact:
        found = exact
    if len(found) > 1:
        shown = ", ".join(r[0] for r in found[:5])
        raise InputError(f"id prefix '{doc_id}' matches several articles: {shown}, ...")
    return _with_removed(fetch, found)[0] if found else None


def page(fetch: Fetch, doc_id: str) -> Page | None:
    """Return the stored page of a document id (exact id)."""
    found = fetch(f"SELECT {_cols(rows.PAGE_COLUMNS)} FROM pages WHERE id = ?", [doc_id])
    return rows.page_from_row(found[0]) if found else None


def actors(fetch: Fetch, doc_id: str) -> list[Actor]:
    """Return the actor mentions of one document, in order."""
    sql = f"SELECT {_cols(rows.ACTOR_COLUMNS)} FROM actors WHERE doc_id = ? ORDER BY position"
    return [rows.actor_from_row(r) for r in fetch(sql, [doc_id])]


def rejections(fetch: Fetch, where: RejectionFilter) -> list[tuple[Rejected, str]]:
    """Return rejections and when each was first stored, oldest first."""
    params: list[Any] = []
    conditions = []
    if where.stage:
        conditions.append("stage = ?")
        params.append(where.stage)
    sql = (
        f"SELECT {_cols(rows.REJECTION_COLUMNS)} FROM rejections{_where(conditions)} "
        'ORDER BY "at", source, stage, reason'
    )
    sql += _limit(where.limit, params)
    return [rows.rejected_from_row(r) for r in fetch(sql, params)]


def _root(code: str) -> str:
    # "4" and "04" both mean the CAMEO root 04.
    return code.zfill(2) if code.isdigit() else code


def events(fetch: Fetch, where: EventFilter) -> list[Event]:
    """Return events in date order (one document's events in text order)."""
    conditions: list[str] = []
    params: list[Any] = []
    for column, value in (("source_code", where.source), ("target_code", where.target)):
        if value:
            conditions.append(f"upper({column}) = upper(?)")
            params.append(value)
    if where.root:
        conditions.append("cameo_root = ?")
        params.append(_root(where.root))
    if where.modality:
        conditions.append("modality = ?")
        params.append(where.modality)
    if where.since:
        conditions.append("event_date >= ?")
        params.append(where.since)
    if where.until:
        # Compare only as much of the date as was given, so until=2022-01 keeps all of January.
        conditions.append("left(event_date, length(?)) <= ?")
        params.extend([where.until, where.until])
    if where.doc_id:
        conditions.append("doc_id = ?")
        params.append(where.doc_id)
    # One document's events come in text order; a listing across documents in date order.
    order = "position" if where.doc_id else "event_date NULLS LAST, doc_id, position"
    sql = f"SELECT {_cols(rows.EVENT_COLUMNS)} FROM events{_where(conditions)} ORDER BY {order}"
    sql += _limit(where.limit, params)
    return [rows.event_from_row(r) for r in fetch(sql, params)]


def quotes(fetch: Fetch, where: QuoteFilter) -> list[Quote]:
    """Return quotes in document order."""
    conditions: list[str] = []
    params: list[Any] = []
    if where.doc_id:
        conditions.append("doc_id = ?")
        params.append(where.doc_id)
    if where.speaker:
        conditions.append(
            "(lower(speaker_code) = lower(?) OR lower(speaker_actor_name) = lower(?) "
            "OR lower(speaker_name) = lower(?) OR lower(speaker_text) = lower(?))"
        )
        params.extend([where.speaker] * 4)
    sql = (
        f"SELECT {_cols(rows.QUOTE_COLUMNS)} FROM quotes{_where(conditions)} "
        "ORDER BY doc_id, position"
    )
    sql += _limit(where.limit, params)
    return [rows.quote_from_row(r) for r in fetch(sql, params)]
