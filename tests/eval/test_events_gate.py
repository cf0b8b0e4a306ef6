"""The event-coding accuracy gate: PETRARCH and PLOVER gold sets must stay above their floors.

Floors live in ``tests/gold/events_baseline.json``; ``docs/eval.md`` says how they are set and
how one may be lowered. Skipped when ``../shared`` (the gold data) is absent.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import REPO, shared_path

from eventwire.eval.baseline import (
    GATED,
    floor_failures,
    gated_figures,
    load_baseline,
    lowering_problems,
    pin,
)
from eventwire.eval.coding import evaluate
from eventwire.pipeline import Pipeline
from eventwire.settings import load_settings

BASELINE = REPO / "tests" / "gold" / "events_baseline.json"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """One pipeline (one spaCy model load) for both gold sets."""
    return Pipeline(load_settings(environ={}))


@pytest.mark.gold
@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(GATED))
def test_events_gate(name: str, pipeline: Pipeline) -> None:
    section = load_baseline(BASELINE)["sets"][name]
    gold = shared_path(*section["gold"].split("/"))
    report = evaluate(gold, format=section["format"], pipeline=pipeline)
    assert not report.rejected, report.rejected
    measured = gated_figures(report)
    failures = floor_failures(section["floors"], measured)
    assert not failures, (
        f"{name} below its accuracy floors: {'; '.join(failures)} (measured {measured}). "
        "Fix the regression, or lower the floor with a reason: see docs/eval.md."
    )


def _committed_baseline() -> dict[str, Any] | None:
    try:
        out = subprocess.run(
            ["git", "show", "HEAD:tests/gold/events_baseline.json"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None  # not a git checkout, or the file is new
    data: dict[str, Any] = json.loads(out)
    return data


def test_baseline_follows_the_lowering_rule() -> None:
    current = load_baseline(BASELINE)
    assert set(current["sets"]) == set(GATED)
    for name, section in current["sets"].items():
        assert set(section["floors"]) == set(GATED[name])
    assert lowering_problems(_committed_baseline(), current) == []


def _baseline(floor: float, measured: float = 0.5, lowered: Any = ()) -> dict[str, Any]:
    return {
        "sets": {"petrarch": {"floors": {"f1": floor}, "measured": {"f1": measured}}},
        "lowered": list(lowered),
    }


def test_lowering_without_reason_is_refused() -> None:
    old = _baseline(0.45)
    assert lowering_problems(old, _baseline(0.45)) == []
    assert lowering_problems(old, _baseline(0.47)) == []
    assert "without a 'lowered' entry" in lowering_problems(old, _baseline(0.40))[0]
    entry = {"metric": "petrarch.f1", "from": 0.45, "to": 0.40, "reason": "new parser"}
    assert lowering_problems(old, _baseline(0.40, lowered=[entry])) == []
    blank = dict(entry, reason=" ")
    assert "no reason" in lowering_problems(old, _baseline(0.40, lowered=[blank]))[0]


def test_floor_above_measured_is_refused() -> None:
    assert "above measured" in lowering_problems(None, _baseline(0.6, measured=0.5))[0]


def test_floor_failures_and_pin() -> None:
    assert floor_failures({"f1": 0.4}, {"f1": 0.41}) == []
    assert floor_failures({"f1": 0.4}, {"f1": 0.39}) == ["f1: 0.3900 is below the floor 0.4000"]
    assert "not measured" in floor_failures({"f1": 0.4}, {})[0]
    base = dict(_baseline(0.40), margin=0.03)
    assert pin(base, {"petrarch": {"f1": 0.60}}) == []
    assert base["sets"]["petrarch"]["floors"]["f1"] == pytest.approx(0.57)  # raised
    assert pin(base, {"petrarch": {"f1": 0.58}}) == []
    assert base["sets"]["petrarch"]["floors"]["f1"] == pytest.approx(0.57)  # never lowered
    below = pin(base, {"petrarch": {"f1": 0.50}})
    assert below == ["petrarch.f1: 0.5000 is below the floor 0.5700"]
    assert base["sets"]["petrarch"]["measured"]["f1"] == pytest.approx(0.58)  # left unchanged


def test_gated_figures_come_from_the_report(tmp_path: Path) -> None:
    from eventwire.eval.gold import GoldEvent, GoldSentence
    from eventwire.eval.metrics import PredictedEvent, score

    gold = [
        GoldSentence(
            id="a",
            text="t",
            date=None,
            events=(GoldEvent(code="040", root="04", source="USA", target="CHN"),),
        )
    ]
    pred = {"a": [PredictedEvent(code="042", root="04", source="USA", target="CHN")]}
    figures = gated_figures(score(gold, pred, format="petrarch"))
    assert figures == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "exact_sentences": 1.0}
