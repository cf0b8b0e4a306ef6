"""The event-coding accuracy gate: floors pinned in ``tests/gold/events_baseline.json``.

The baseline file holds, per gold set, the figures last measured and the floors CI enforces::

    {"margin": 0.05,
     "sets": {"petrarch": {"gold": "data/petrarch_gsr/PETR2_GSR_validation.xml",
                           "format": "petrarch",
                           "measured": {"precision": 0.41, ...},
                           "floors":   {"precision": 0.38, ...}}, ...},
     "lowered": [{"metric": "petrarch.f1", "from": 0.40, "to": 0.35, "date": "...",
                  "reason": "why the drop is accepted"}]}

Rules (checked by ``tests/eval``): a floor is never above its measured value; a floor lower
than the one previously committed needs an entry in ``lowered`` with the old and new values
and a non-empty ``reason``. ``python -m eventwire.eval.baseline`` re-measures, and raises
floors to ``measured - margin`` where that is higher (:func:`pin`; the script
``tests/eval/pin_events_baseline.py`` runs it); it never lowers a floor by itself.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eventwire.eval.metrics import EvalReport

__all__ = [
    "GATED",
    "floor_failures",
    "gated_figures",
    "load_baseline",
    "lowering_problems",
    "pin",
]

# The figures each gold set is gated on.
GATED: dict[str, tuple[str, ...]] = {
    "petrarch": ("precision", "recall", "f1", "exact_sentences"),
    "plover": ("plover_type_accuracy", "source_accuracy", "target_accuracy"),
}


def gated_figures(report: EvalReport) -> dict[str, float]:
    """Return the figures the gate checks, from one report (rounded like ``--json``)."""
    data = report.to_dict()
    return {k: float(data[k]) for k in GATED.get(report.format, ()) if k in data}


def load_baseline(path: Path) -> dict[str, Any]:
    """Read the baseline file."""
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def floor_failures(floors: Mapping[str, float], measured: Mapping[str, float]) -> list[str]:
    """Return one message per gated figure measured below its floor (or not measured)."""
    out: list[str] = []
    for name, floor in floors.items():
        got = measured.get(name)
        if got is None:
            out.append(f"{name}: not measured (floor {floor:.4f})")
        elif got < floor:
            out.append(f"{name}: {got:.4f} is below the floor {floor:.4f}")
    return out


def lowering_problems(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> list[str]:
    """Check the baseline rules; ``old`` is the previously committed baseline, if any."""
    out: list[str] = []
    lowered = new.get("lowered", [])
    for entry in lowered:
        if not str(entry.get("reason", "")).strip():
            out.append(f"lowered entry {entry.get('metric')!r} has no reason")
        if not entry.get("from", 0) > entry.get("to", 0):
            out.append(f"lowered entry {entry.get('metric')!r}: 'from' must exceed 'to'")
    for set_name, section in new.get("sets", {}).items():
        for metric, floor in section.get("floors", {}).items():
            measured = section.get("measured", {}).get(metric)
            if measured is not None and floor > measured:
                out.append(f"{set_name}.{metric}: floor {floor} is above measured {measured}")
            if old is None:
                continue
            before = old.get("sets", {}).get(set_name, {}).get("floors", {}).get(metric)
            if before is None or floor >= before:
                continue
            name = f"{set_name}.{metric}"
            if not any(
                e.get("metric") == name and e.get("from") == before and e.get("to") == floor
                for e in lowered
            ):
                out.append(
                    f"{name}: floor lowered from {before} to {floor} without a 'lowered' "
                    "entry giving the reason"
                )
    return out


def pin(baseline: dict[str, Any], measured: Mapping[str, Mapping[str, float]]) -> list[str]:
    """Record new measurements and raise floors to ``measured - margin`` where that is higher.

    Never lowers a floor. Returns one message per figure now below its floor (the baseline
    is then left unchanged: fix the regression, or lower the floor by hand with a reason).
    """
    margin = float(baseline.get("margin", 0.05))
    problems: list[str] = []
    for name, figures in measured.items():
        floors = baseline["sets"][name].get("floors", {})
        problems += [f"{name}.{m}" for m in floor_failures(floors, figures)]
    if problems:
        return problems
    for name, figures in measured.items():
        section = baseline["sets"][name]
        section["measured"] = dict(figures)
        floors = section.setdefault("floors", {})
        for metric, value in figures.items():
            candidate = max(0.0, round(value - margin, 2))
            floors[metric] = max(floors.get(metric, 0.0), candidate)
    baseline["pinned_at"] = datetime.now(UTC).strftime("%Y-%m-%d")
    return []
