"""Throughput of ``eventwire ingest`` on the bundled ``examples/`` folder, end to end.

Run on demand, never in tests::

    python benchmarks/ingest.py [--path FOLDER] [--repeat N] [--no-write]

Two runs of the real command in a subprocess, each into a fresh database:

- ``extraction only``: ``eventwire ingest examples --no-code`` (ingest, extract, store);
- ``full``: ``eventwire ingest examples`` (plus nlp, actors, events).

Pages per second counts every document the run saw (ingested + duplicate + rejected) over
the wall time of the whole command, start-up and spaCy model load included; the best of
``--repeat`` runs is kept. The result goes to the ``ingest`` section of
``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _results import write_section  # noqa: E402

CLI = [sys.executable, "-c", "from eventwire.cli import main; main()"]
_SUMMARY = re.compile(r"(\d+) ingested, (\d+) duplicate, (\d+) rejected, (\d+) events")


def run_once(folder: Path, *, code: bool) -> tuple[float, tuple[int, int, int, int]]:
    """Run ``eventwire ingest`` once into a fresh database; return seconds and the counts."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [*CLI, "ingest", str(folder), "--db", str(Path(tmp) / "bench.duckdb")]
        if not code:
            cmd.append("--no-code")
        start = time.perf_counter()
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - start
    found = _SUMMARY.search(done.stdout)
    if found is None:
        raise SystemExit(f"no summary line in output:\n{done.stdout}\n{done.stderr}")
    ingested, duplicate, rejected, events = (int(g) for g in found.groups())
    return seconds, (ingested, duplicate, rejected, events)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=ROOT / "examples")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="Print only.")
    args = parser.parse_args()
    if not args.path.is_dir():
        raise SystemExit(f"{args.path}: no such folder")
    shown = args.path.relative_to(ROOT) if args.path.is_relative_to(ROOT) else args.path
    lines = [
        f"`eventwire ingest {shown}`, fresh database each run, best of {args.repeat}; "
        "wall time of the whole command (start-up and model load included).",
        "",
        "| run | documents | ingested | rejected | events | seconds | pages/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, code in (("extraction only (--no-code)", False), ("full pipeline", True)):
        best: tuple[float, tuple[int, int, int, int]] | None = None
        for _ in range(max(1, args.repeat)):
            result = run_once(args.path, code=code)
            if best is None or result[0] < best[0]:
                best = result
        assert best is not None
        seconds, (ingested, duplicate, rejected, events) = best
        docs = ingested + duplicate + rejected
        lines.append(
            f"| {label} | {docs} | {ingested} | {rejected} | {events} | {seconds:.2f} | "
            f"{docs / seconds:.1f} |"
        )
        print(lines[-1], flush=True)
    markdown = "\n".join(lines)
    if args.no_write:
        print(markdown)
    else:
        write_section("ingest", markdown)
        print("written to benchmarks/RESULTS.md (section ingest)")


if __name__ == "__main__":
    main()
