"""Measure quote detection and speaker attribution on the PolNeAR development split.

PolNeAR (networkdynamics/PolNeAR) annotates attributions in brat standoff: ``Source``, ``Cue``
and ``Content`` spans linked by ``E`` lines. A gold *direct quote* is a Content span whose text
starts with a quotation mark; its Source span names the speaker. This script runs
:func:`eventwire.events.quotes.find_quotes` (without actors) on every development text and
reports:

- precision / recall of direct quotes: a predicted and a gold quote match when their overlap
  covers at least half of each (greedy one-to-one);
- speaker accuracy over matched quotes whose gold Source is a name or description: the
  predicted ``speaker_name`` shares a content word with the gold Source text. Gold sources that
  are pronouns ("he", "she") are counted apart, because eventwire reports the person they
  refer to, which the gold text does not contain.

Usage::

    python benchmarks/quotes_polnear.py [--data ../shared/data/polnear_dev] [--write] [-v]

Texts annotated twice are scored once, against the first annotation file by name.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from eventwire.events.quotes import find_quotes
from eventwire.nlp import load
from eventwire.records import Article, Parsed, Quote
from eventwire.settings import NlpSettings

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear_dev"
_MARKS = ('"', "“", "‘", "'")
_PRONOUNS = {"he", "she", "they", "i", "we", "it", "him", "her", "them", "you"}
_STOP = {"the", "a", "an", "of", "and", "for", "to", "in", "mr", "mrs", "ms", "dr", "'s", "s"}


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """A gold direct quote and the text of its Source span (None when it has none)."""

    start: int
    end: int
    source: str | None


@dataclass(slots=True)
class Score:
    """Counts accumulated over documents."""

    predicted: int = 0
    gold: int = 0
    matched: int = 0
    speaker_named: int = 0
    speaker_correct: int = 0
    speaker_pronoun: int = 0
    speaker_missing: int = 0

    def summary(self) -> dict[str, float]:
        """Return precision, recall, F1 and speaker accuracy."""
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.speaker_correct / self.speaker_named if self.speaker_named else 0.0
        return {"precision": p, "recall": r, "f1": f, "speaker_accuracy": acc}


def read_gold(ann: Path, text: str) -> list[GoldQuote]:
    """Read the direct quotes of one brat ``.ann`` file."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    links: list[dict[str, str]] = []
    for line in ann.read_text("utf-8").splitlines():
        if line.startswith("T"):
            ident, info, *_ = line.split("\t")
            kind, offsets = info.split(" ", 1)
            pieces = []
            for piece in offsets.split(";"):
                start, end = piece.split()
                pieces.append((int(start), int(end)))
            spans[ident] = (kind, pieces)
        elif line.startswith("E"):
            args = line.split("\t")[1].split()
            links.append(dict(a.split(":", 1) for a in args))
    source_of: dict[str, str] = {}
    for link in links:
        if "Content" in link and "Source" in link and link["Source"] in spans:
            _, pieces = spans[link["Source"]]
            source_of[link["Content"]] = " ".join(text[s:e] for s, e in pieces)
    gold = []
    for ident, (kind, pieces) in spans.items():
        # A quotation split by its frame ("“A,” she said. “B.”") is one discontinuous
        # Content in PolNeAR; each piece that opens with a mark is scored as a quote.
        for start, end in pieces:
            if kind == "Content" and text[start:end].lstrip().startswith(_MARKS):
                gold.append(GoldQuote(start, end, source_of.get(ident)))
    return gold


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter * 2 >= (a[1] - a[0]) and inter * 2 >= (b[1] - b[0])


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def score_document(
    gold: list[GoldQuote], quotes: tuple[Quote, ...], score: Score, *, verbose: bool = False
) -> None:
    """Match predicted direct quotes to gold ones and add the counts to ``score``."""
    direct = [q for q in quotes if q.kind == "direct"]
    score.predicted += len(direct)
    score.gold += len(gold)
    free = list(gold)
    for q in direct:
        hit = next((g for g in free if _overlap((q.start, q.end), (g.start, g.end))), None)
        if hit is None:
            if verbose:
                print(f"  FP {q.text[:70]!r}")
            continue
        free.remove(hit)
        score.matched += 1
        if hit.source is None:
            continue
        if hit.source.strip().lower() in _PRONOUNS:
            score.speaker_pronoun += 1
            continue
        score.speaker_named += 1
        if q.speaker_name is None:
            score.speaker_missing += 1
        if q.speaker_name and _words(q.speaker_name) & _words(hit.source):
            score.speaker_correct += 1
        elif verbose:
            print(f"  SPK {q.speaker_name!r} != {hit.source!r}: {q.text[:50]!r}")
    if verbose:
        for g in free:
            print(f"  FN [{g.start}:{g.end}] source={g.source!r}")


def run(data: Path, *, verbose: bool = False) -> tuple[Score, int, float]:
    """Score every development text; return the counts, the number of texts, the seconds."""
    nlp = load(NlpSettings())
    texts = data / "dev" / "text"
    anns = sorted((data / "dev" / "attributions").glob("*.ann"))
    score = Score()
    done: set[str] = set()
    elapsed = 0.0
    for ann in anns:
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        path = texts / f"{stem}.txt"
        if stem in done or not path.exists():
            continue
        done.add(stem)
        text = path.read_text("utf-8")
        article = Article(
            doc_id=stem,
            url=None,
            title=None,
            paragraphs=tuple(text.split("\n\n")),
            text=text,
            language="en",
            published_at=None,
            published_at_raw=None,
            origin=None,
            publisher=None,
        )
        doc = nlp(text)
        started = time.perf_counter()
        quotes = find_quotes(Parsed(article=article, doc=doc), ())
        elapsed += time.perf_counter() - started
        if verbose:
            print(stem)
        score_document(read_gold(ann, text), quotes, score, verbose=verbose)
    return score, len(done), elapsed


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print (and optionally record) the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--write", action="store_true", help="record in benchmarks/RESULTS.md")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    if not (args.data / "dev").is_dir():
        print(f"PolNeAR data not found at {args.data}", file=sys.stderr)
        return 2
    score, docs, seconds = run(args.data, verbose=args.verbose)
    s = score.summary()
    table = (
        "| texts | gold direct | predicted | matched | precision | recall | F1 "
        "| speaker acc. (named gold) | pronoun gold | find_quotes ms/text |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n"
        f"| {docs} | {score.gold} | {score.predicted} | {score.matched} "
        f"| {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} "
        f"| {s['speaker_accuracy']:.3f} ({score.speaker_correct}/{score.speaker_named}) "
        f"| {score.speaker_pronoun} | {1000 * seconds / max(docs, 1):.1f} |"
    )
    print(table)
    if args.write:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from _results import write_section

        write_section(
            "quotes_polnear",
            "### Quotes: PolNeAR dev (direct quotes, overlap >= 50%)\n\n"
            "`python benchmarks/quotes_polnear.py --write`\n\n" + table,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
