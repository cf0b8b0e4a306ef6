"""Store: schema, idempotent writes, queries, opening bad files."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from tests.conftest import make_page

from eventwire.errors import InputError, StoreError
from eventwire.records import (
    Actor,
    Article,
    Event,
    Location,
    Page,
    Quote,
    Rejected,
    Removed,
    Result,
)
from eventwire.store import (
    TABLES,
    ArticleFilter,
    EventFilter,
    QuoteFilter,
    RejectionFilter,
    Store,
    rows,
)
from eventwire.store.migrations import SCHEMA_VERSION, schema_sql

AT = "2024-05-01T10:00:00Z"


def store_page(text: str, *, source: str = "a.txt") -> Page:
    """Build a page with a short (16-digit) id, as the store tests expect."""
    page_id = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return make_page(text, source=source, fetched_at=AT, hints={"title": "T"}, page_id=page_id)


def make_result(text: str, *, published_at: str = "2022-01-13T15:42:00Z", n: int = 1) -> Result:
    page = store_page(text, source=f"{text[:8]}.txt")
    doc = page.id
    art = Article(
        doc_id=doc,
        url=f"https://example.org/{doc}",
        title=f"Title {text[:10]}",
        paragraphs=(text, "Second paragraph."),
        text=f"{text}\n\nSecond paragraph.",
        language="en",
        published_at=published_at,
        published_at_raw="Jan 13, 2022",
        origin="RT",
        publisher="Belgium Sun",
        cited_sources=("Reuters",),
        dateline="MOSCOW",
        byline=None,
        removed=(
            Removed(kind="teaser", text="Read more", reason="link list"),
            Removed(kind="promo", text="Subscribe", reason="newsletter"),
        ),
    )
    rus = Actor(text="Russia", start=0, end=6, code="RUS", sector="GOV", name="Russia")
    nato = Actor(text="NATO", start=20, end=24, code="NATO", kind="igo", confidence=0.9)
    quote = Quote(
        id=f"{doc}-q0",
        doc_id=doc,
        text="We will respond",
        start=30,
        end=45,
        speaker=rus,
        speaker_name="Sergey Ryabkov",
        cue="said",
        kind="direct",
    )
    events = tuple(
        Event(
            id=f"{doc}-e{i}",
            doc_id=doc,
            sentence="Russia warned NATO.",
            start=0,
            end=19,
            source=rus,
            target=nato if i % 2 == 0 else None,
            cameo="130",
            cameo_root="13",
            quad_class=3,
            goldstein=-4.4,
            plover_type="THREATEN",
            plover_mode=None,
            modality="asserted",
            historical=False,
            event_date=f"2022-01-{12 + i:02d}",
            date_precision="day",
            location=Location(name="Moscow", country="RUS", lat=55.75, lon=37.62)
            if i == 0
            else None,
            quote_id=quote.id if i == 0 else None,
            confidence=0.8,
            rule="threaten.warn",
        )
        for i in range(n)
    )
    return Result(page=page, article=art, actors=(rus, nato), quotes=(quote,), events=events)


def with_id(res: Result, doc_id: str) -> Result:
    assert res.article is not None
    return replace(
        res, page=replace(res.page, id=doc_id), article=replace(res.article, doc_id=doc_id)
    )


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as s:
        yield s


def test_schema_tables_match_row_columns(store: Store) -> None:
    expected = {
        "pages": rows.PAGE_COLUMNS,
        "articles": rows.ARTICLE_COLUMNS,
        "removed": rows.REMOVED_COLUMNS,
        "rejections": rows.REJECTION_COLUMNS,
        "actors": rows.ACTOR_COLUMNS,
        "quotes": rows.QUOTE_COLUMNS,
        "events": rows.EVENT_COLUMNS,
    }
    assert set(expected) == set(TABLES)
    for table, columns in expected.items():
        found = store._fetch(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position",
            [table],
        )
        assert tuple(r[0] for r in found) == columns, table


def test_schema_is_one_file_with_every_table() -> None:
    sql = schema_sql()
    created = re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", sql)
    assert set(created) == {*TABLES, "schema_migrations"}


def test_write_then_read_back_equal_records(store: Store) -> None:
    res = make_result("Russia warned NATO on Wednesday about troops.", n=3)
    store.write([res], at=AT)
    assert store.article(res.page.id) == res.article
    assert store.page(res.page.id) == res.page
    assert store.actors(res.page.id) == list(res.actors)
    assert store.quotes() == list(res.quotes)
    assert store.events() == list(res.events)
    assert store.counts() == {
        "pages": 1,
        "articles": 1,
        "removed": 2,
        "rejections": 0,
        "actors": 2,
        "quotes": 1,
        "events": 3,
    }


def test_writing_same_page_twice_changes_nothing(store: Store) -> None:
    res = make_result("Latvia asked NATO for more troops.", n=2)
    rej = Rejected(stage="ingest", reason="truncated gzip", source="x.gz")
    store.write([res], rejections=[rej], at=AT)
    before = store.counts()
    store.write([res, res], rejections=[rej, rej], at="2030-01-01T00:00:00Z")
    assert store.counts() == before
    assert store.rejection_log() == [(rej, AT)]
    assert store.known_page_ids([res.page.id, "nope"]) == {res.page.id}


def test_duplicate_within_one_batch_is_stored_once(store: Store) -> None:
    res = make_result("Estonia asked NATO for more troops.")
    store.write([res, res], at=AT)
    assert store.counts()["pages"] == 1
    assert store.counts()["events"] == 1


def test_rejected_result_stores_page_and_rejection_with_doc_id(store: Store) -> None:
    page = store_page("\x00\x01binary")
    rej = Rejected(stage="extract", reason="binary content", source=page.source)
    store.write([Result(page=page, rejected=rej)], at=AT)
    assert store.known_page_ids([page.id]) == {page.id}
    assert store.rejections() == [replace(rej, doc_id=page.id)]
    assert store.rejections(RejectionFilter(stage="ingest")) == []
    assert store.article(page.id) is None


def test_failed_write_stores_nothing(store: Store) -> None:
    good = make_result("Lithuania asked NATO for more troops.")
    bad = make_result("Poland asked NATO for more troops.")
    broken = replace(bad, events=(replace(bad.events[0], quad_class=2**40),))  # overflows INTEGER
    with pytest.raises(StoreError, match="write failed"):
        store.write([good, broken], at=AT)
    assert store.counts() == dict.fromkeys(TABLES, 0)


def test_articles_filters_and_order(store: Store) -> None:
    old = make_result("Older story about Latvia and NATO.", published_at="2021-03-01T00:00:00Z")
    new = make_result("Newer story about Latvia and NATO.", published_at="2022-03-01T00:00:00Z")
    other = with_id(new, "ffff")
    assert other.article is not None
    other = replace(other, article=replace(other.article, origin="Reuters", publisher="Reuters"))
    store.write([old, new, other], at=AT)
    got = store.articles()
    assert [a.published_at for a in got][-1] == "2021-03-01T00:00:00Z"
    assert [a.doc_id for a in store.articles(ArticleFilter(since="2022-01-01"))] != []
    assert all(
        (a.published_at or "") >= "2022" for a in store.articles(ArticleFilter(since="2022-01-01"))
    )
    assert [a.doc_id for a in store.articles(ArticleFilter(origin="reuters"))] == ["ffff"]
    assert {a.doc_id for a in store.articles(ArticleFilter(publisher="BELGIUM SUN"))} == {
        old.page.id,
        new.page.id,
    }
    assert len(store.articles(ArticleFilter(limit=1))) == 1


def test_article_by_prefix(store: Store) -> None:
    a = make_result("First text about Estonia.")
    b = make_result("Second text about Estonia.")
    store.write([a, b], at=AT)
    assert store.article(a.page.id[:6]) == a.article
    assert store.article("zzzz") is None
    common = 0
    while a.page.id[common] == b.page.id[common]:
        common += 1
    if common:
        with pytest.raises(InputError, match="several articles"):
            store.article(a.page.id[:common])
    store.write(
        [replace(a, page=replace(a.page, id="abc1"), article=replace(a.article, doc_id="abc1"))],
        at=AT,
    )  # type: ignore[arg-type]
    store.write(
        [replace(a, page=replace(a.page, id="abc2"), article=replace(a.article, doc_id="abc2"))],
        at=AT,
    )  # type: ignore[arg-type]
    with pytest.raises(InputError, match="several articles"):
        store.article("abc")


def test_events_filters(store: Store) -> None:
    res = make_result("Russia warned NATO again.", n=4)
    store.write([res], at=AT)
    assert len(store.events(EventFilter(source="rus"))) == 4
    assert len(store.events(EventFilter(target="NATO"))) == 2
    assert len(store.events(EventFilter(root="13"))) == 4
    assert store.events(EventFilter(root="4")) == []
    assert len(store.events(EventFilter(since="2022-01-13"))) == 3
    assert len(store.events(EventFilter(until="2022-01-13"))) == 2
    assert len(store.events(EventFilter(until="2022-01"))) == 4
    assert len(store.events(EventFilter(modality="asserted", limit=3))) == 3
    assert store.events(EventFilter(modality="negated")) == []
    assert len(store.events(EventFilter(doc_id=res.page.id))) == 4


def test_events_newest_first_and_historical(store: Store) -> None:
    res = make_result("Russia warned NATO once more.", n=4)
    dates = ["2022-01-13", None, "2022-01-20", "2021-05-01"]
    events = tuple(
        replace(e, event_date=d, historical=d == "2021-05-01")
        for e, d in zip(res.events, dates, strict=True)
    )
    store.write([replace(res, events=events)], at=AT)
    newest = store.events(EventFilter(newest_first=True))
    assert [e.event_date for e in newest] == ["2022-01-20", "2022-01-13", "2021-05-01", None]
    oldest = store.events()
    assert [e.event_date for e in oldest] == ["2021-05-01", "2022-01-13", "2022-01-20", None]
    current = store.events(EventFilter(historical=False, newest_first=True, limit=2))
    assert [e.event_date for e in current] == ["2022-01-20", "2022-01-13"]
    assert [e.event_date for e in store.events(EventFilter(historical=True))] == ["2021-05-01"]


def test_quotes_filters(store: Store) -> None:
    res = make_result("Ryabkov spoke to reporters.")
    store.write([res], at=AT)
    assert len(store.quotes(QuoteFilter(speaker="rus"))) == 1
    assert len(store.quotes(QuoteFilter(speaker="sergey ryabkov"))) == 1
    assert store.quotes(QuoteFilter(speaker="Kallas")) == []
    assert len(store.quotes(QuoteFilter(speaker="Ryabkov"))) == 1  # part of a name
    assert len(store.quotes(QuoteFilter(doc_id=res.page.id))) == 1


def test_open_creates_file_and_folder_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "ew.duckdb"
    res = make_result("Stored on disk for later.")
    with Store.open(path) as s:
        s.write([res], at=AT)
    assert path.is_file()
    with Store.open(path) as s:
        assert s.article(res.page.id) == res.article
    with Store.open(path, read_only=True) as s:
        assert s.counts()["pages"] == 1
    con = duckdb.connect(str(path))
    assert con.execute("SELECT version FROM schema_migrations").fetchall() == [(SCHEMA_VERSION,)]
    con.close()


def test_corrupt_file_is_store_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "bad.duckdb"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match=re.escape(str(path))) as info:
        Store.open(path)
    assert info.value.code == "EW500"


def test_foreign_duckdb_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE pages (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not an eventwire database"):
        Store.open(path)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_migrations VALUES (999, 'future', ?)", [AT])
    con.close()
    with pytest.raises(StoreError, match="newer eventwire"):
        Store.open(path)


def test_read_only_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)
    assert not (tmp_path / "missing.duckdb").exists()


@pytest.mark.parametrize("options", [ArticleFilter, RejectionFilter, EventFilter, QuoteFilter])
def test_records_md_lists_every_filter_field(options: type) -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "records.md"
    line = next(x for x in docs.read_text("utf-8").splitlines() if f"| `{options.__name__}` |" in x)
    for name in options.__dataclass_fields__:
        assert f"`{name}`" in line, f"{options.__name__}.{name} missing in docs/records.md"
