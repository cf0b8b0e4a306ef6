"""The pipeline runner: stage order, streaming, rejections instead of crashes."""

from __future__ import annotations

from pathlib import Path

import pytest

import eventwire
from eventwire.pipeline import STAGES, Pipeline, batched, process_sources, run
from eventwire.records import Page, Rejected
from eventwire.settings import Settings
from eventwire.store import Store

STORY = (
    "Officials in Berlin confirmed the visit on Tuesday after weeks of preparation.\n\n"
    "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday "
    "to discuss energy prices and support for Ukraine, officials said.\n\n"
    "The two leaders agreed to coordinate their response before the next European summit, "
    "according to a joint statement released after the talks."
)


def test_stages_are_in_pipeline_order() -> None:
    assert STAGES == ("ingest", "extract", "nlp", "actors", "events", "store")


@pytest.mark.parametrize(("size", "expected"), [(1, [[1], [2], [3]]), (2, [[1, 2], [3]])])
def test_batched(size: int, expected: list[list[int]]) -> None:
    assert list(batched([1, 2, 3], size)) == expected


def test_code_text_gives_article_and_events() -> None:
    result = eventwire.code_text(STORY, published_at="2022-10-25T09:00:00Z")
    assert result.rejected is None
    assert result.article is not None
    assert result.article.published_at == "2022-10-25T09:00:00Z"
    meetings = [e for e in result.events if e.cameo_root == "04"]
    assert meetings, [(e.cameo, e.source.code) for e in result.events]
    assert {meetings[0].source.code, meetings[0].target and meetings[0].target.code} == {
        "DEU",
        "FRA",
    }
    assert meetings[0].event_date == "2022-10-24"


def test_failing_stage_becomes_a_rejection(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipeline = Pipeline(settings)

    def broken(parsed: object) -> tuple[()]:
        raise RuntimeError("boom")

    monkeypatch.setattr(Pipeline, "resolver", property(lambda self: broken))
    from eventwire.ingest import page_from_bytes

    (result,) = pipeline.process([page_from_bytes(STORY.encode(), source="story.txt")])
    assert result.article is not None
    assert result.rejected is not None
    assert result.rejected.stage == "events"
    assert "RuntimeError: boom" in result.rejected.reason


def test_process_sources_streams_pages_and_rejections(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "a.txt").write_text(STORY, "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    out = list(process_sources([str(tmp_path)], settings=settings, code_events=False))
    rejected = [o for o in out if isinstance(o, Rejected)]
    results = [o for o in out if not isinstance(o, Rejected)]
    assert [Path(r.source).name for r in rejected] == ["empty.txt"]
    assert len(results) == 1
    assert results[0].article is not None


def test_run_counts_duplicates_and_is_idempotent(tmp_path: Path, settings: Settings) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, "utf-8")
    (folder / "copy.txt").write_text(STORY, "utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    with Store.open(settings.store.db) as store:
        first = run([str(folder)], store=store, settings=settings)
        counts = store.counts()
        second = run([str(folder)], store=store, settings=settings)
        assert store.counts() == counts
    assert (first.ingested, first.duplicate, first.rejected) == (1, 1, 1)
    assert (second.ingested, second.duplicate, second.rejected) == (0, 2, 1)
    assert first.events == counts["events"] > 0


def test_page_ids_are_content_hashes(tmp_path: Path) -> None:
    from eventwire.ingest import page_from_bytes

    a = page_from_bytes(STORY.encode(), source="a.txt")
    b = page_from_bytes(STORY.encode(), source="elsewhere/b.txt")
    assert isinstance(a, Page)
    assert a.id == b.id


def test_unknown_coder_is_a_config_error(settings: Settings) -> None:
    from eventwire.errors import ConfigError

    pipeline = Pipeline(settings.replace("events", coder="eventwire.rules.v0"))
    with pytest.raises(ConfigError, match=r"unknown coder 'eventwire\.rules\.v0'"):
        _ = pipeline.coder


def test_bad_setting_stops_the_run_instead_of_rejecting_documents(
    tmp_path: Path, settings: Settings
) -> None:
    from eventwire.errors import LexiconError

    (tmp_path / "a.txt").write_text(STORY, "utf-8")
    bad = settings.replace("events", extra_lexicons=(str(tmp_path / "missing.tsv"),))
    with pytest.raises(LexiconError, match=r"missing\.tsv"):
        list(process_sources([str(tmp_path / "a.txt")], settings=bad))
