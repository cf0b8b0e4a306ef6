"""Acceptance: the running example's required events come out, the forbidden ones do not.

Checks ``events_required`` and ``events_forbidden`` of ``gold/seed.expected.json`` generically:
the gold file says what to look for, nothing here is specific to the seed text.
"""

from __future__ import annotations

from typing import Any

import pytest

import eventwire
from eventwire.records import Event


@pytest.fixture(scope="module")
def seed_events() -> list[Event]:
    from tests.conftest import shared_path

    text = shared_path("samples", "000_2f1d59fa7cd7b862.txt").read_text("utf-8")
    result = eventwire.code_text(text)
    assert result.rejected is None, result.rejected
    return list(result.events)


def _code(actor: Any) -> str | None:
    return None if actor is None else actor.code


def _requires(event: Event, want: dict[str, Any]) -> bool:
    if event.source.code not in want["source_any_of"]:
        return False
    if _code(event.target) not in want["target_any_of"]:
        return False
    if event.cameo_root not in want["cameo_root_any_of"]:
        return False
    if "modality" in want and event.modality != want["modality"]:
        return False
    if "modality_any_of" in want and event.modality not in want["modality_any_of"]:
        return False
    if "event_date" in want and event.event_date != want["event_date"]:
        return False
    if "event_date_between" in want:
        low, high = want["event_date_between"]
        if event.event_date is None or not low <= event.event_date <= high:
            return False
    return True


def _forbids(event: Event, rule: dict[str, Any]) -> bool:
    if "source" in rule and event.source.code != rule["source"]:
        return False
    if "target" in rule and _code(event.target) != rule["target"]:
        return False
    if "cameo_root_any_of" in rule and event.cameo_root not in rule["cameo_root_any_of"]:
        return False
    if "modality" in rule and event.modality != rule["modality"]:
        return False
    if "event_year" in rule and (event.event_date or "")[:4] != str(rule["event_year"]):
        return False
    if "historical" in rule and event.historical != rule["historical"]:
        return False
    if "actor_any_of" in rule:
        names = {event.source.text, event.source.name}
        if event.target is not None:
            names |= {event.target.text, event.target.name}
        if not names & set(rule["actor_any_of"]):
            return False
    snippets = rule.get("sentence_contains_any_of")
    return snippets is None or any(s in event.sentence for s in snippets)


def test_required_events(seed_events: list[Event], seed_gold: dict[str, Any]) -> None:
    for want in seed_gold["events_required"]:
        assert any(_requires(e, want) for e in seed_events), want["what"]


def test_forbidden_events(seed_events: list[Event], seed_gold: dict[str, Any]) -> None:
    for rule in seed_gold["events_forbidden"]:
        bad = [e for e in seed_events if _forbids(e, rule)]
        assert not bad, (rule["why"], [(e.cameo, e.source.code, e.sentence[:60]) for e in bad])


def test_every_event_explains_itself(seed_events: list[Event]) -> None:
    assert seed_events
    for e in seed_events:
        assert e.rule.startswith(("lexicon:", "pattern:"))
        assert e.sentence and e.start < e.end


def test_evidence_is_the_bare_sentence(seed_events: list[Event]) -> None:
    from tests.conftest import shared_path

    text = shared_path("samples", "000_2f1d59fa7cd7b862.txt").read_text("utf-8")
    article = eventwire.code_text(text).article
    assert article is not None
    for e in seed_events:
        assert e.sentence == e.sentence.strip()
        assert article.text[e.start : e.end] == e.sentence
