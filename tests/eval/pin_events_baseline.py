"""Re-measure the event-coding gold sets and raise the floors in tests/gold/events_baseline.json.

Run on demand (not collected by pytest): ``python tests/eval/pin_events_baseline.py``. It never
lowers a floor; to lower one, edit the file by hand and add a ``lowered`` entry with the reason
(see docs/eval.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from eventwire.eval.baseline import gated_figures, load_baseline, pin
from eventwire.eval.coding import evaluate
from eventwire.pipeline import Pipeline
from eventwire.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "tests" / "gold" / "events_baseline.json"


def main() -> int:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"
    baseline = load_baseline(BASELINE)
    pipeline = Pipeline(load_settings(environ={}))
    measured = {}
    for name, section in baseline["sets"].items():
        report = evaluate(shared / section["gold"], format=section["format"], pipeline=pipeline)
        measured[name] = gated_figures(report)
        print(f"{name}: {measured[name]}")
    problems = pin(baseline, measured)
    if problems:
        print("below floor, baseline unchanged: " + "; ".join(problems), file=sys.stderr)
        return 1
    BASELINE.write_text(json.dumps(baseline, indent=2) + "\n", "utf-8")
    print(f"wrote {BASELINE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
