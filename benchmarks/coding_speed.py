"""How much the coding stages (actors + events) cost on top of spaCy parsing.

Run on demand, never in tests::

    python benchmarks/coding_speed.py [--repeat N] [--shared PATH] [--no-write]

Two workloads, each timed twice on the same texts after a warm-up:

- ``gold sentences``: every PETRARCH and PLOVER gold sentence (``../shared/data``), ``--repeat``
  times, one sentence per article (as ``eventwire eval`` codes them);
- ``news articles``: ``examples/news/news_cluster_2017.jsonl`` (100 full articles), when present.

``bare spaCy`` is ``list(nlp.pipe(texts))`` with the pipeline's own model and batch size;
``full coding`` is :meth:`eventwire.pipeline.Pipeline.code_articles` (nlp + actors + events).
The overhead is the extra time of the coding stages relative to bare parsing. The result is
written to the ``coding_speed`` section of ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.eval.coding import gold_article
from eventwire.eval.gold import GoldSentence, load_gold
from eventwire.nlp import resolve_model_name
from eventwire.pipeline import Pipeline
from eventwire.records import Article, Rejected
from eventwire.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _results import write_section  # noqa: E402


def gold_sentences(shared: Path) -> list[GoldSentence]:
    """Every gold sentence of the two public gold sets that are present."""
    out: list[GoldSentence] = []
    for rel, fmt in (
        ("data/petrarch_gsr/PETR2_GSR_validation.xml", "petrarch"),
        ("data/plover_gsr/PLOVER_GSR_CAMEO.json", "plover"),
    ):
        path = shared / rel
        if path.exists():
            out.extend(load_gold(path, format=fmt).sentences)  # type: ignore[arg-type]
    return out


def news_articles(path: Path) -> list[Article]:
    """The example news articles as articles (paragraphs = non-empty lines)."""
    out: list[Article] = []
    if not path.exists():
        return out
    for i, line in enumerate(path.read_text("utf-8").splitlines()):
        rec = json.loads(line)
        paras = tuple(p.strip() for p in rec["text"].splitlines() if p.strip())
        out.append(
            Article(
                doc_id=f"news-{i}",
                url=rec.get("url"),
                title=rec.get("title"),
                paragraphs=paras,
                text="\n\n".join(paras),
                language="en",
                published_at=None,
                published_at_raw=rec.get("published_at"),
                origin=None,
                publisher=None,
            )
        )
    return out


def best_of(runs: int, fn: Callable[[], int]) -> tuple[float, int]:
    """Run ``fn`` ``runs`` times; return the fastest wall time and what it counted."""
    best, count = float("inf"), 0
    for _ in range(runs):
        t0 = time.perf_counter()
        count = fn()
        best = min(best, time.perf_counter() - t0)
    return best, count


class Timed:
    """Wrap a stage callable and add up the time spent in it."""

    def __init__(self, fn: Callable[..., Any]) -> None:
        self.fn = fn
        self.seconds = 0.0

    def __call__(self, *args: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return self.fn(*args)
        finally:
            self.seconds += time.perf_counter() - t0


def measure(pipeline: Pipeline, articles: list[Article], runs: int) -> dict[str, float]:
    """Time bare parsing and full coding of the same articles, and the coding stages alone."""
    nlp = pipeline.nlp
    resolver, coder = Timed(pipeline.resolver), Timed(pipeline.coder)
    pipeline._resolver, pipeline._coder = resolver, coder  # type: ignore[assignment]
    texts = [a.text for a in articles]
    size = pipeline.settings.nlp.batch_size

    def bare() -> int:
        return sum(1 for _ in nlp.pipe(texts, batch_size=size))

    events = rejected = 0

    def full() -> int:
        nonlocal events, rejected
        events = rejected = 0
        resolver.seconds = coder.seconds = 0.0
        for res in pipeline.code_articles(articles):
            if isinstance(res, Rejected):
                rejected += 1
            else:
                events += len(res.events)
        return len(articles)

    t_bare, _ = best_of(runs, bare)
    t_full, _ = best_of(runs, full)
    t_stages = resolver.seconds + coder.seconds  # of the last run
    pipeline._resolver, pipeline._coder = resolver.fn, coder.fn  # type: ignore[assignment]
    chars = sum(len(t) for t in texts)
    return {
        "docs": len(articles),
        "chars": chars,
        "bare_s": t_bare,
        "full_s": t_full,
        "bare_dps": len(articles) / t_bare,
        "full_dps": len(articles) / t_full,
        "overhead_pct": 100 * (t_full - t_bare) / t_bare,
        "actors_s": resolver.seconds,
        "events_s": coder.seconds,
        "stages_pct": 100 * t_stages / max(t_full - t_stages, 1e-9),
        "events": events,
        "rejected": rejected,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="copies of the gold sentences")
    ap.add_argument("--runs", type=int, default=2, help="timed runs per measure (best kept)")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args()

    settings = load_settings(environ={})
    pipeline = Pipeline(settings)
    model = resolve_model_name(settings.nlp.model)
    gold = gold_sentences(args.shared)
    workloads: list[tuple[str, list[Article]]] = []
    if gold:
        arts = [gold_article(s) for s in gold]
        workloads.append((f"gold sentences ×{args.repeat}", arts * max(1, args.repeat)))
    news = news_articles(ROOT / "examples" / "news" / "news_cluster_2017.jsonl")
    if news:
        workloads.append(("news articles", news))
    if not workloads:
        print("no input found: pass --shared PATH", file=sys.stderr)
        return 1
    # Warm-up: load the model, the actor tables and the lexicon; fill spaCy's caches.
    list(pipeline.code_articles(workloads[0][1][:20]))

    rows = []
    for name, arts in workloads:
        m = measure(pipeline, arts, args.runs)
        rows.append((name, m))
        print(f"{name}: {json.dumps({k: round(v, 3) for k, v in m.items()})}")
    lines = [
        f"spaCy model `{model}`, batch size {settings.nlp.batch_size}, one process; "
        f"best of {args.runs} runs. `python benchmarks/coding_speed.py`.",
        "",
        "| workload | docs | chars | bare spaCy docs/s | full coding docs/s "
        "| overhead (wall) | actors s | events s | overhead (stages) | events | rejected |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, m in rows:
        lines.append(
            f"| {name} | {m['docs']:.0f} | {m['chars']:.0f} | {m['bare_dps']:.1f} "
            f"| {m['full_dps']:.1f} | {m['overhead_pct']:+.1f}% | {m['actors_s']:.2f} "
            f"| {m['events_s']:.2f} | {m['stages_pct']:.1f}% | {m['events']:.0f} "
            f"| {m['rejected']:.0f} |"
        )
    lines += [
        "",
        "Overhead (wall) = (full coding time − bare `nlp.pipe` time) / bare time; it includes "
        "timing noise of a shared machine. Overhead (stages) = time measured inside the actors "
        "and events stages / the rest of the full run (parsing and record building): the "
        "steadier figure.",
    ]
    if not args.no_write:
        write_section("coding_speed", "## Coding speed\n\n" + "\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
