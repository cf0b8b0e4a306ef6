"""The eventwire command line, end to end through click's test runner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from tests.conftest import make_page
from tests_cli_pages import article_text, write_pages

from eventwire import __version__
from eventwire.cli import main
from eventwire.records import Actor, Article, Event, Quote, Rejected, Removed
from eventwire.records import Result as Record
from eventwire.store import ArticleFilter, EventFilter, QuoteFilter, RejectionFilter, Store

AT = "2024-05-01T10:00:00Z"


def invoke(*args: str, input: bytes | str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def _actor(code: str, start: int) -> Actor:
    return Actor(text=code.title(), start=start, end=start + len(code), code=code, sector="GOV")


def filled_db(path: Path) -> tuple[str, str]:
    """Store two coded documents and one rejection; return the two document ids."""
    ids = []
    results = []
    for n, (src, tgt, date) in enumerate(
        [("RUS", "NATO", "2022-01-12"), ("EST", "RUS", "2022-02-01")]
    ):
        raw = f"document {n}".encode()
        doc = f"{n:x}" * 12 + "abcd"
        ids.append(doc)
        quote = Quote(
            id=f"{doc}-q",
            doc_id=doc,
            text=f"We stand firm {n}",
            start=0,
            end=10,
            speaker=_actor(src, 0),
            speaker_name=f"Speaker {n}",
            cue="said",
            kind="direct",
        )
        event = Event(
            id=f"{doc}-e",
            doc_id=doc,
            sentence=f"{src} warned {tgt}.",
            start=0,
            end=20,
            source=_actor(src, 0),
            target=_actor(tgt, 10),
            cameo="130",
            cameo_root="13",
            quad_class=3,
            goldstein=-4.4,
            plover_type="THREATEN",
            plover_mode=None,
            modality="asserted" if n == 0 else "alleged",
            historical=False,
            event_date=date,
            date_precision="day",
            location=None,
            quote_id=quote.id,
            confidence=0.9,
            rule="threaten.warn",
        )
        art = Article(
            doc_id=doc,
            url=f"https://example.org/{n}",
            title=f"Story {n}",
            paragraphs=(f"Body of story {n}.",),
            text=f"Body of story {n}.",
            language="en",
            published_at=f"2022-0{n + 1}-13T10:00:00Z",
            published_at_raw="13 January",
            origin="RT" if n == 0 else "ERR",
            publisher="Belgium Sun",
            cited_sources=("Reuters",),
            removed=(Removed(kind="teaser", text="More news: ...", reason="teaser headline list"),),
        )
        page = make_page(raw, source=f"/data/{n}.txt", fetched_at=AT, page_id=doc)
        results.append(
            Record(page=page, article=art, actors=(event.source,), quotes=(quote,), events=(event,))
        )
    rej = Rejected(stage="ingest", reason="truncated gzip stream", source="/data/bad.gz")
    with Store.open(path) as store:
        store.write(results, rejections=[rej], at=AT)
    return ids[0], ids[1]


def _commands() -> list[str]:
    assert isinstance(main, click.Group)
    return sorted(main.commands)


def test_every_expected_command_exists() -> None:
    assert set(_commands()) >= {
        "ingest",
        "extract",
        "code",
        "articles",
        "show",
        "rejected",
        "events",
        "quotes",
        "demo",
        "eval",
    }


@pytest.mark.parametrize("name", _commands())
def test_help_of_every_command(name: str) -> None:
    res = invoke(name, "--help")
    assert res.exit_code == 0
    assert f"Usage: main {name}" in res.stdout or f"eventwire {name}" in res.stdout


def test_version_and_group_help() -> None:
    assert __version__ in invoke("--version").stdout
    res = invoke("--help")
    assert res.exit_code == 0 and "ingest" in res.stdout


def test_usage_error_is_exit_2() -> None:
    assert invoke("articles", "--limit", "many").exit_code == 2
    assert invoke("no-such-command").exit_code == 2


def test_missing_path_fails_fast(tmp_path: Path) -> None:
    res = invoke("ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "x.duckdb"))
    assert res.exit_code == 1
    assert res.stderr.strip() == f"error EW201: {tmp_path / 'nope'}: not found"
    assert not (tmp_path / "x.duckdb").exists()


def test_bad_config_is_exit_1() -> None:
    res = invoke("--config", "missing.toml", "articles")
    assert res.exit_code == 1
    assert res.stderr.startswith("error EW100: missing.toml")


def test_corrupt_database_is_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"not a database" * 500)
    res = invoke("articles", "--db", str(bad))
    assert res.exit_code == 1
    assert res.stderr.startswith(f"error EW500: {bad}")


def test_query_missing_database_is_exit_1(tmp_path: Path) -> None:
    res = invoke("events", "--db", str(tmp_path / "none.duckdb"))
    assert res.exit_code == 1 and "EW500" in res.stderr


def test_db_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.duckdb"
    filled_db(db)
    monkeypatch.setenv("EVENTWIRE_STORE_DB", str(db))
    res = invoke("articles", "--format", "json")
    assert res.exit_code == 0
    assert len(json.loads(res.stdout)) == 2


def test_articles_formats_and_filters(tmp_path: Path) -> None:
    db = str(tmp_path / "f.duckdb")
    first, second = filled_db(Path(db))
    data = json.loads(invoke("articles", "--db", db, "--format", "json").stdout)
    assert [a["doc_id"] for a in data] == [second, first]  # newest first
    assert data[0]["removed"][0]["kind"] == "teaser"
    only = json.loads(invoke("articles", "--db", db, "--format", "json", "--origin", "rt").stdout)
    assert [a["doc_id"] for a in only] == [first]
    since = invoke("articles", "--db", db, "--format", "json", "--since", "2022-02-01").stdout
    assert [a["doc_id"] for a in json.loads(since)] == [second]
    rows = list(
        csv.DictReader(io.StringIO(invoke("articles", "--db", db, "--format", "csv").stdout))
    )
    assert rows[0]["doc_id"] == second and json.loads(rows[0]["cited_sources"]) == ["Reuters"]
    table = invoke("articles", "--db", db, "--limit", "1").stdout
    assert "Story 1" in table and "Story 0" not in table


def test_show_prefix_provenance_and_removed(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    first, _ = filled_db(Path(db))
    res = invoke("show", first[:6], "--db", db)
    assert res.exit_code == 0
    for expected in (
        "Story 0",
        "RT",
        "Belgium Sun",
        "Reuters",
        "teaser headline list",
        "/data/0.txt",
    ):
        assert expected in res.stdout
    doc = json.loads(invoke("show", first, "--db", db, "--json").stdout)
    assert doc["article"]["doc_id"] == first
    assert doc["page"]["source"] == "/data/0.txt"
    assert len(doc["events"]) == 1 and len(doc["quotes"]) == 1
    missing = invoke("show", "zzzz", "--db", db)
    assert missing.exit_code == 1 and "zzzz" in missing.stderr


def test_rejected_lists_reason(tmp_path: Path) -> None:
    db = str(tmp_path / "r.duckdb")
    filled_db(Path(db))
    res = invoke("rejected", "--db", db)
    assert "truncated gzip stream" in res.stdout and "/data/bad.gz" in res.stdout
    data = json.loads(invoke("rejected", "--db", db, "--format", "json").stdout)
    assert data == [
        {
            "stage": "ingest",
            "reason": "truncated gzip stream",
            "source": "/data/bad.gz",
            "doc_id": None,
            "code": None,
            "at": AT,
        }
    ]
    assert (
        json.loads(invoke("rejected", "--db", db, "--format", "json", "--stage", "extract").stdout)
        == []
    )


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("articles", ArticleFilter),
        ("rejected", RejectionFilter),
        ("events", EventFilter),
        ("quotes", QuoteFilter),
    ],
)
def test_listing_flags_are_the_filter_fields(command: str, options: type) -> None:
    # The command hands its filter flags to the filter object as they are, so both must agree.
    assert isinstance(main, click.Group)
    params = {p.name for p in main.commands[command].params} - {"fmt", "db"}
    fields = set(options.__dataclass_fields__)
    if command == "events":  # what `show` and `demo` ask for, not flags
        fields -= {"doc_id", "historical", "newest_first"}
    assert params == fields


def test_events_filters_and_csv(tmp_path: Path) -> None:
    db = str(tmp_path / "e.duckdb")
    first, second = filled_db(Path(db))

    def ids(*args: str) -> list[str]:
        out = invoke("events", "--db", db, "--format", "json", *args).stdout
        return [e["doc_id"] for e in json.loads(out)]

    assert ids() == [first, second]
    assert ids("--source", "rus") == [first]
    assert ids("--target", "RUS") == [second]
    assert ids("--modality", "alleged") == [second]
    assert ids("--root", "13", "--since", "2022-02") == [second]
    assert ids("--until", "2022-01") == [first]
    assert ids("--root", "4") == []
    assert ids("--limit", "1") == [first]
    rows = list(csv.DictReader(io.StringIO(invoke("events", "--db", db, "--format", "csv").stdout)))
    assert rows[0]["source_code"] == "RUS" and rows[0]["target_code"] == "NATO"
    assert invoke("events", "--db", db, "--modality", "sometimes").exit_code == 2
    assert "warned" in invoke("events", "--db", db).stdout


def test_quotes_filters(tmp_path: Path) -> None:
    db = str(tmp_path / "q.duckdb")
    first, second = filled_db(Path(db))
    out = json.loads(invoke("quotes", "--db", db, "--format", "json", "--speaker", "est").stdout)
    assert [q["doc_id"] for q in out] == [second]
    out = json.loads(invoke("quotes", "--db", db, "--format", "json", "--doc", first).stdout)
    assert out[0]["speaker_name"] == "Speaker 0" and out[0]["speaker"]["code"] == "RUS"
    assert "We stand firm 1" in invoke("quotes", "--db", db).stdout


def test_ingest_twice_second_run_all_duplicate(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    write_pages(folder, 6)
    db = str(tmp_path / "i.duckdb")
    first = invoke("ingest", str(folder), "--db", db, "--no-code")
    assert first.exit_code == 0, first.stderr
    assert first.stdout.strip().splitlines()[-1] == "6 ingested, 0 duplicate, 0 rejected, 0 events"
    with Store.open(db) as store:
        before = store.counts()
    second = invoke("ingest", str(folder), "--db", db, "--no-code")
    assert second.stdout.strip().splitlines()[-1] == "0 ingested, 6 duplicate, 0 rejected, 0 events"
    with Store.open(db) as store:
        assert store.counts() == before
        assert before["articles"] == 6


def test_ingest_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "stdin.duckdb")
    res = invoke("ingest", "-", "--db", db, "--no-code", input=article_text(99).encode())
    assert res.stdout.strip().endswith("1 ingested, 0 duplicate, 0 rejected, 0 events")
    titles = [
        a["title"] for a in json.loads(invoke("articles", "--db", db, "--format", "json").stdout)
    ]
    assert titles == [
        "Ministers debate " + article_text(99).split("Ministers debate ")[1].splitlines()[0]
    ]


def test_extract_json(tmp_path: Path) -> None:
    page = tmp_path / "story.txt"
    page.write_text(article_text(7), encoding="utf-8")
    res = invoke("extract", str(page), "--json")
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert set(doc) == {"page", "article"}
    assert doc["page"]["source"].endswith("story.txt") and doc["page"]["size"] > 0
    assert "raw" not in doc["page"]
    assert doc["article"]["doc_id"] == doc["page"]["id"]
    assert "government would publish new proposals" in doc["article"]["text"]
    text = invoke("extract", str(page)).stdout
    assert "government would publish new proposals" in text


def test_extract_rejected_page_exits_1(tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("Too short to be an article.\n", encoding="utf-8")
    res = invoke("extract", str(short), "--json")
    assert res.exit_code == 1
    doc = json.loads(res.stdout)
    assert "article" not in doc and doc["rejected"]["reason"]
    assert invoke("extract", str(tmp_path / "absent.txt")).exit_code == 1


def test_demo_without_examples_explains() -> None:
    res = invoke("demo")
    assert res.exit_code == 1
    assert "EW201" in res.stderr and "--path" in res.stderr


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _need_coding() -> Path:
    actors = pytest.importorskip("eventwire.actors")
    if not hasattr(actors, "ActorResolver"):
        pytest.skip("actors stage (ActorResolver) not available yet")
    seed = EXAMPLES / "seed" / "rt_baltic_nato_2022.txt"
    if not seed.is_file():
        pytest.skip(f"{seed} not found")
    return seed


def test_demo_on_a_folder(tmp_path: Path) -> None:
    seed = _need_coding()
    folder = tmp_path / "ex"
    write_pages(folder, 1)
    (folder / seed.name).write_bytes(seed.read_bytes())
    db = tmp_path / "demo.duckdb"
    res = invoke("demo", "--path", str(folder), "--db", str(db))
    assert res.exit_code == 0, res.stderr
    assert "2 ingested, 0 duplicate, 0 rejected" in res.stdout
    assert "Articles" in res.stdout and "Events" in res.stdout
    with Store.open(db, read_only=True) as store:
        events = store.events()
    assert events, "the seed article yields events"
    assert events[0].source.code in res.stdout


def test_code_json_and_summary() -> None:
    seed = _need_coding()
    res = invoke("code", str(seed), "--json")
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert set(doc) == {"page", "article", "actors", "quotes", "events"}
    assert doc["events"] and doc["actors"]
    assert all(e["doc_id"] == doc["article"]["doc_id"] for e in doc["events"])
    summary = invoke("code", str(seed)).stdout
    assert f"{len(doc['events'])} events" in summary
    assert doc["events"][0]["rule"] in summary
