"""store stage: every Result goes into one DuckDB file, idempotently, one transaction per batch.

    Store.open(path)         create or open the file; apply schema.sql and migrations
    store.write(results)     pages, articles, removed blocks, actors, quotes, events, rejections
    store.events(EventFilter(source="RUS"))
                             listings take a filter (eventwire.store.filters) and return the
                             same records that were written (eventwire.store.queries)

A page's id is the hash of its content, so writing a page that is already stored changes
nothing; a run killed between two batches loses at most the batch in flight, and running it
again stores each document exactly once. Pages keep their raw bytes (a BLOB), so the id can be
recomputed and a page re-extracted by a later version without fetching it again.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.errors import StoreError
from eventwire.records import Actor, Article, Event, Page, Quote, Rejected, Result
from eventwire.store import queries, rows
from eventwire.store.filters import ArticleFilter, EventFilter, QuoteFilter, RejectionFilter
from eventwire.store.migrations import MIGRATIONS, SCHEMA_VERSION, schema_sql

__all__ = [
    "TABLES",
    "ArticleFilter",
    "EventFilter",
    "QuoteFilter",
    "RejectionFilter",
    "Store",
]

TABLES: tuple[str, ...] = tuple(rows.COLUMNS)
# How many leading columns make each table's primary key (rows are de-duplicated on it before
# the insert, so one batch never conflicts with itself).
_KEY_WIDTH = {"pages": 1, "articles": 1, "removed": 2, "rejections": 3, "actors": 2}
_KEY_WIDTH |= {"quotes": 1, "events": 1}

_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "VARCHAR[]": pa.list_(pa.string()),
    "BIGINT": pa.int64(),
    "INTEGER": pa.int32(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "BLOB": pa.binary(),
}


class Store:
    """An eventwire database: one DuckDB file (or ``":memory:"``).

    Use :meth:`open` to create one; it is a context manager that closes the file on exit.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, *, path: str) -> None:
        self._con = con
        self.path = path
        self._schemas: dict[str, pa.Schema] = {}

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Open (creating it and its folder if needed) the database at ``path``.

        Args:
            path: A DuckDB file, or ``":memory:"`` for a throwaway database.
            read_only: Open an existing file for reading only (several readers may share it).

        Raises:
            StoreError: The file is not a DuckDB database, belongs to something other than
                eventwire, was written by a newer eventwire, or cannot be created.
        """
        name = str(path)
        if name != ":memory:":
            p = Path(name)
            if read_only and not p.is_file():
                raise StoreError(f"{name}: no database here (run `eventwire ingest` first)")
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"{name}: cannot create folder ({e.strerror})") from e
        try:
            con = duckdb.connect(name, read_only=read_only)
        except duckdb.Error as e:
            raise StoreError(f"{name}: cannot open database ({e})") from e
        try:
            _prepare(con, name, read_only=read_only)
        except BaseException:
            con.close()
            raise
        return cls(con, path=name)

    def close(self) -> None:
        """Close the database (idempotent)."""
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def known_page_ids(self, ids: Sequence[str]) -> set[str]:
        """Return the ids among ``ids`` that are already stored."""
        if not ids:
            return set()
        # A semi-join against the batch's ids: a hash lookup, not a scan per id.
        found = self._fetch(
            "SELECT id FROM pages WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)]
        )
        return {r[0] for r in found}

    def write(
        self, results: Sequence[Result], *, rejections: Sequence[Rejected] = (), at: str
    ) -> None:
        """Store results and rejections in one transaction.

        A result whose page id is already stored is skipped whole, so writing the same
        results twice changes nothing. A rejection is stored once per (source, stage, reason).

        Args:
            results: What the pipeline found in each document.
            rejections: Documents rejected before they became a page (ingest errors).
            at: When this batch was stored (ISO 8601 UTC), kept as ``stored_at``/``at``.

        Raises:
            StoreError: The database refused the write; nothing of this call is stored.
        """
        batches: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLES}
        known = self.known_page_ids([r.page.id for r in results])
        for res in results:
            if res.page.id in known:
                continue
            known.add(res.page.id)
            _collect(res, batches, at=at)
        for rej in rejections:
            batches["rejections"].append(rows.rejection_row(rej, at=at))
        try:
            tables = {t: self._arrow(t, batches[t]) for t in TABLES if batches[t]}
        except (pa.ArrowException, ValueError, TypeError, OverflowError) as e:
            raise StoreError(f"{self.path}: write failed, a value does not fit ({e})") from e
        try:
            self._con.begin()
            for table, data in tables.items():
                # Executemany runs one statement per row (~300 rows/s); a registered Arrow
                # table inserts a whole batch in one statement.
                self._con.register("_eventwire_batch", data)
                cols = rows.sql_columns(rows.COLUMNS[table])
                self._con.execute(
                    f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _eventwire_batch "
                    "ON CONFLICT DO NOTHING"
                )
                self._con.unregister("_eventwire_batch")
            self._con.commit()
        except duckdb.Error as e:
            self._rollback()
            raise StoreError(f"{self.path}: write failed ({e})") from e

    def _arrow(self, table: str, batch: list[tuple[Any, ...]]) -> pa.Table:
        """Return the rows of one table as an Arrow table with the table's column types."""
        schema = self._schemas.get(table)
        if schema is None:
            found = self._fetch(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            )
            schema = pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in found])
            self._schemas[table] = schema
        width = _KEY_WIDTH[table]
        unique = list({r[:width]: r for r in reversed(batch)}.values())[::-1]
        columns = list(zip(*unique, strict=True))
        return pa.Table.from_arrays(
            [pa.array(col, type=schema.field(i).type) for i, col in enumerate(columns)],
            schema=schema,
        )

    def _rollback(self) -> None:
        # No transaction is open when the failure came before BEGIN took effect.
        with contextlib.suppress(duckdb.Error):
            self._con.rollback()

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._con.execute(sql, list(params)).fetchall()
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: query failed ({e})") from e

    # -- reading (eventwire.store.queries does the SQL) ----------------------------------

    def articles(self, where: ArticleFilter | None = None) -> list[Article]:
        """Return stored articles, newest publication first (without a filter: the newest 50)."""
        return queries.articles(self._fetch, where or ArticleFilter())

    def article(self, doc_id: str) -> Article | None:
        """Return the article with this id or unique id prefix, or ``None``.

        Raises:
            InputError: The prefix matches more than one article.
        """
        return queries.article(self._fetch, doc_id)

    def page(self, doc_id: str) -> Page | None:
        """Return the stored page (with its raw bytes) of a document id, or ``None``."""
        return queries.page(self._fetch, doc_id)

    def actors(self, doc_id: str) -> list[Actor]:
        """Return the resolved actor mentions of one document, in order."""
        return queries.actors(self._fetch, doc_id)

    def rejections(self, where: RejectionFilter | None = None) -> list[Rejected]:
        """Return rejected documents, oldest first."""
        return [rej for rej, _at in self.rejection_log(where)]

    def rejection_log(self, where: RejectionFilter | None = None) -> list[tuple[Rejected, str]]:
        """Return rejected documents with the time each was first stored, oldest first."""
        return queries.rejections(self._fetch, where or RejectionFilter())

    def events(self, where: EventFilter | None = None) -> list[Event]:
        """Return stored events in date order (one document's events in text order)."""
        return queries.events(self._fetch, where or EventFilter())

    def quotes(self, where: QuoteFilter | None = None) -> list[Quote]:
        """Return stored quotes in document order."""
        return queries.quotes(self._fetch, where or QuoteFilter())

    def counts(self) -> dict[str, int]:
        """Return the number of rows in each table."""
        return {t: int(self._fetch(f"SELECT count(*) FROM {t}")[0][0]) for t in TABLES}


def _collect(res: Result, batches: dict[str, list[tuple[Any, ...]]], *, at: str) -> None:
    page = res.page
    batches["pages"].append(rows.page_row(page, at=at))
    art = res.article
    if art is not None:
        batches["articles"].append(rows.article_row(art, at=at))
        batches["removed"].extend(rows.removed_rows(art))
    batches["actors"].extend(rows.actor_row(page.id, i, a) for i, a in enumerate(res.actors))
    batches["quotes"].extend(rows.quote_rows(res.quotes))
    batches["events"].extend(rows.event_rows(res.events))
    if res.rejected is not None:
        rej = res.rejected
        if rej.doc_id is None:
            rej = dataclasses.replace(rej, doc_id=page.id)
        batches["rejections"].append(rows.rejection_row(rej, at=at))


def _prepare(con: duckdb.DuckDBPyConnection, name: str, *, read_only: bool) -> None:
    """Create the schema in a new database, or check and migrate an existing one."""
    try:
        tables = {
            r[0]
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            ).fetchall()
        }
        if tables and "schema_migrations" not in tables:
            raise StoreError(f"{name}: not an eventwire database (no schema_migrations table)")
        if not tables:
            if read_only:
                raise StoreError(f"{name}: empty database (run `eventwire ingest` first)")
            con.begin()
            con.execute(schema_sql())
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                [SCHEMA_VERSION, "schema.sql", _now()],
            )
            con.commit()
            return
        row = con.execute("SELECT max(version) FROM schema_migrations").fetchone()
        current = int(row[0]) if row and row[0] is not None else 0
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{name}: written by a newer eventwire (schema version {current}, this version "
                f"knows up to {SCHEMA_VERSION}); upgrade eventwire"
            )
        pending = [m for m in MIGRATIONS if m.version > current]
        if pending and read_only:
            raise StoreError(f"{name}: needs a schema migration; open it once for writing")
        for m in pending:
            con.begin()
            con.execute(m.sql)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)", [m.version, m.name, _now()]
            )
            con.commit()
    except duckdb.Error as e:
        raise StoreError(f"{name}: cannot prepare database ({e})") from e


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
