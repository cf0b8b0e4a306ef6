"""Event-coding metrics: plain functions over gold sentences and predicted events.

Nothing here needs spaCy: predictions are :class:`PredictedEvent` records (built from
eventwire :class:`~eventwire.records.Event` records, or by hand in tests). Definitions, also in
``docs/eval.md``:

- An event is compared as a *key* (label, source, target). The label is the CAMEO root at the
  root level, the full CAMEO code at the full-code level, and the PLOVER type for gold sets
  that have no CAMEO codes (PLOVER). Within one sentence, gold and predicted keys are matched
  as multisets (each gold event matches at most one prediction); gold actor ``"IGO"`` matches
  any predicted IGO.
- Precision, recall and F1 are micro-averaged over all sentences (0 when undefined).
- ``exact_sentences``: share of sentences whose predicted keys equal the gold keys exactly; a
  sentence with no gold event is exact only when nothing is predicted.
- Counted predictions: every predicted event that is not ``historical`` (the gold sets discard
  events that happened years before the story), whatever its modality. The ``asserted_only``
  figures count only asserted, non-historical events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from eventwire.eval.codes import (
    NO_ACTOR,
    actor_key,
    cameo_root,
    canonical_plover,
    normalise_cameo,
    same_actor,
)
from eventwire.eval.gold import GoldEvent, GoldSentence
from eventwire.records import MODALITIES, Event

__all__ = [
    "EvalReport",
    "MatchScores",
    "ModalityRow",
    "PloverScores",
    "PredictedEvent",
    "SentenceScore",
    "score",
]

Key = tuple[str, str, str]


@dataclass(frozen=True, kw_only=True, slots=True)
class PredictedEvent:
    """A predicted event reduced to what the metrics compare."""

    code: str
    root: str
    source: str
    target: str
    plover_type: str | None = None
    modality: str = "asserted"
    historical: bool = False
    rule: str | None = None

    @classmethod
    def from_event(cls, event: Event) -> PredictedEvent:
        """Reduce an eventwire event to comparison keys (see :mod:`eventwire.eval.codes`)."""
        code = normalise_cameo(event.cameo)
        return cls(
            code=code,
            root=cameo_root(event.cameo_root or code),
            source=actor_key(event.source),
            target=actor_key(event.target),
            plover_type=canonical_plover(event.plover_type),
            modality=event.modality,
            historical=event.historical,
            rule=event.rule,
        )


@dataclass(frozen=True, kw_only=True, slots=True)
class MatchScores:
    """Micro-averaged precision, recall and F1 of one match level, with their counts."""

    precision: float
    recall: float
    f1: float
    matched: int
    predicted: int
    gold: int
    exact_sentences: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "exact_sentences": round(self.exact_sentences, 4),
            "matched": self.matched,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass(frozen=True, kw_only=True, slots=True)
class ModalityRow:
    """Predicted events of one modality, how many match a gold event, and their precision."""

    modality: str
    predicted: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0


@dataclass(frozen=True, kw_only=True, slots=True)
class PloverScores:
    """Per-record PLOVER accuracies (defined in ``docs/eval.md``)."""

    records: int
    type_correct: int
    source_found: int
    source_total: int
    target_found: int
    target_total: int

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.records if self.records else 0.0

    @property
    def source_accuracy(self) -> float:
        return self.source_found / self.source_total if self.source_total else 0.0

    @property
    def target_accuracy(self) -> float:
        return self.target_found / self.target_total if self.target_total else 0.0


@dataclass(frozen=True, kw_only=True, slots=True)
class SentenceScore:
    """One sentence's gold and counted predictions, and what did not match (root level)."""

    id: str
    text: str
    gold: tuple[GoldEvent, ...]
    predicted: tuple[PredictedEvent, ...]
    missed: tuple[GoldEvent, ...]
    spurious: tuple[PredictedEvent, ...]

    @property
    def exact(self) -> bool:
        return not self.missed and not self.spurious


@dataclass(frozen=True, kw_only=True)
class EvalReport:
    """Everything one evaluation measured; ``to_dict()`` is the ``--json`` output."""

    gold_name: str
    format: str
    label: str  # what the root-level key compares: "cameo_root" or "plover_type"
    sentences: int
    root: MatchScores
    full_code: MatchScores | None
    asserted_only: MatchScores
    confusion: dict[str, dict[str, int]]
    by_modality: tuple[ModalityRow, ...]
    historical: ModalityRow
    plover: PloverScores | None
    details: tuple[SentenceScore, ...]
    rejected: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON view: root-level figures at the top, the rest in sections."""
        out: dict[str, Any] = {
            "gold_file": self.gold_name,
            "format": self.format,
            "label": self.label,
            "sentences": self.sentences,
            **self.root.to_dict(),
            "full_code": self.full_code.to_dict() if self.full_code else None,
            "asserted_only": self.asserted_only.to_dict(),
            "confusion": self.confusion,
            "by_modality": {
                r.modality: {
                    "predicted": r.predicted,
                    "matched": r.matched,
                    "precision": round(r.precision, 4),
                }
                for r in self.by_modality
            },
            "historical": {
                "predicted": self.historical.predicted,
                "would_match": self.historical.matched,
            },
        }
        if self.plover is not None:
            out["plover_type_accuracy"] = round(self.plover.type_accuracy, 4)
            out["source_accuracy"] = round(self.plover.source_accuracy, 4)
            out["target_accuracy"] = round(self.plover.target_accuracy, 4)
            out["plover_records"] = self.plover.records
        out["rejected"] = list(self.rejected)
        out["notes"] = list(self.notes)
        out["errors"] = [_detail(d) for d in self.details if not d.exact]
        return out


def _detail(d: SentenceScore) -> dict[str, Any]:
    def g(e: GoldEvent) -> str:
        return f"{e.code or e.plover_type} {e.source}->{e.target}"

    def p(e: PredictedEvent) -> str:
        return f"{e.code}/{e.plover_type} {e.source}->{e.target} ({e.modality}; {e.rule})"

    return {
        "id": d.id,
        "text": d.text,
        "gold": [g(e) for e in d.gold],
        "predicted": [p(e) for e in d.predicted],
        "missed": [g(e) for e in d.missed],
        "spurious": [p(e) for e in d.spurious],
    }


def _match(
    gold: Sequence[Key], pred: Sequence[Key], *, labels: bool = True
) -> list[tuple[int, int]]:
    """Pair gold and predicted keys, each used once: exact keys first, then IGO wildcards.

    With ``labels=False`` only (source, target) are compared (for the confusion table).
    """
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()

    def same(g: Key, p: Key, loose: bool) -> bool:
        if labels and g[0] != p[0]:
            return False
        if loose:
            return same_actor(g[1], p[1]) and same_actor(g[2], p[2])
        return g[1:] == p[1:]

    for loose in (False, True):
        for gi, gk in enumerate(gold):
            if gi in used_g:
                continue
            for pi, pk in enumerate(pred):
                if pi not in used_p and same(gk, pk, loose):
                    pairs.append((gi, pi))
                    used_g.add(gi)
                    used_p.add(pi)
                    break
    return pairs


def _prf(matched: int, predicted: int, gold: int, exact: int, sentences: int) -> MatchScores:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return MatchScores(
        precision=p,
        recall=r,
        f1=f,
        matched=matched,
        predicted=predicted,
        gold=gold,
        exact_sentences=exact / sentences if sentences else 0.0,
    )


def _level(
    gold: Sequence[GoldSentence],
    preds: Mapping[str, Sequence[PredictedEvent]],
    gkey: Callable[[GoldEvent], Key],
    pkey: Callable[[PredictedEvent], Key],
) -> tuple[MatchScores, list[list[tuple[int, int]]]]:
    matched = predicted = total = exact = 0
    pairs_by_sentence: list[list[tuple[int, int]]] = []
    for s in gold:
        gk = [gkey(e) for e in s.events]
        pk = [pkey(e) for e in preds.get(s.id, ())]
        pairs = _match(gk, pk)
        pairs_by_sentence.append(pairs)
        matched += len(pairs)
        predicted += len(pk)
        total += len(gk)
        exact += len(pairs) == len(gk) == len(pk)
    return _prf(matched, predicted, total, exact, len(gold)), pairs_by_sentence


def _confusion(
    gold: Sequence[GoldSentence],
    preds: Mapping[str, Sequence[PredictedEvent]],
    glabel: Callable[[GoldEvent], str],
    plabel: Callable[[PredictedEvent], str],
) -> dict[str, dict[str, int]]:
    table: dict[str, Counter[str]] = {}
    for s in gold:
        gk = [(glabel(e), e.source, e.target) for e in s.events]
        pk = [(plabel(e), e.source, e.target) for e in preds.get(s.id, ())]
        exact = _match(gk, pk)
        rest_g = [i for i in range(len(gk)) if i not in {g for g, _ in exact}]
        rest_p = [i for i in range(len(pk)) if i not in {p for _, p in exact}]
        loose = _match([gk[i] for i in rest_g], [pk[i] for i in rest_p], labels=False)
        for gi, pi in exact:
            table.setdefault(gk[gi][0], Counter())[pk[pi][0]] += 1
        for a, b in loose:
            table.setdefault(gk[rest_g[a]][0], Counter())[pk[rest_p[b]][0]] += 1
        paired_g = {rest_g[a] for a, _ in loose}
        paired_p = {rest_p[b] for _, b in loose}
        for i in rest_g:
            if i not in paired_g:
                table.setdefault(gk[i][0], Counter())["missed"] += 1
        for i in rest_p:
            if i not in paired_p:
                table.setdefault("spurious", Counter())[pk[i][0]] += 1
    return {g: dict(sorted(row.items())) for g, row in sorted(table.items())}


def _hits(p: PredictedEvent, sources: set[str], targets: set[str]) -> int:
    """Count how many of a prediction's two actors are among the gold sources/targets."""
    return any(same_actor(g, p.source) for g in sources) + any(
        same_actor(g, p.target) for g in targets
    )


def _plover(
    gold: Sequence[GoldSentence], preds: Mapping[str, Sequence[PredictedEvent]]
) -> PloverScores:
    records = type_ok = s_found = s_total = t_found = t_total = 0
    for s in gold:
        types = {e.plover_type for e in s.events if e.plover_type}
        if not types:
            continue
        records += 1
        gtype = next(iter(sorted(types)))
        sources = {e.source for e in s.events} - {NO_ACTOR}
        targets = {e.target for e in s.events} - {NO_ACTOR}
        cands = list(preds.get(s.id, ()))

        if cands:
            best = max(
                cands,
                key=lambda p: (_hits(p, sources, targets), p.plover_type == gtype),
            )
            type_ok += best.plover_type == gtype
        s_total += len(sources)
        t_total += len(targets)
        s_found += sum(any(same_actor(g, p.source) for p in cands) for g in sources)
        t_found += sum(any(same_actor(g, p.target) for p in cands) for g in targets)
    return PloverScores(
        records=records,
        type_correct=type_ok,
        source_found=s_found,
        source_total=s_total,
        target_found=t_found,
        target_total=t_total,
    )


def score(
    gold: Sequence[GoldSentence],
    predictions: Mapping[str, Iterable[PredictedEvent]],
    *,
    gold_name: str = "<gold>",
    format: str = "eventwire",
    rejected: Sequence[str] = (),
    notes: Sequence[str] = (),
) -> EvalReport:
    """Score predicted events against gold sentences.

    Args:
        gold: The gold sentences.
        predictions: Predicted events by gold sentence id (a missing id = nothing predicted).
        gold_name: The gold file's name, for the report.
        format: The gold format, for the report.
        rejected: Ids of sentences the coder rejected (scored as predicting nothing).
        notes: The adapter's notes, carried into the report.
    """
    everything = {sid: tuple(evs) for sid, evs in predictions.items()}
    counted = {sid: tuple(e for e in evs if not e.historical) for sid, evs in everything.items()}
    asserted = {
        sid: tuple(e for e in evs if e.modality == "asserted") for sid, evs in counted.items()
    }
    by_plover = all(e.code is None for s in gold for e in s.events) and any(
        e.plover_type for s in gold for e in s.events
    )

    def glabel(e: GoldEvent) -> str:
        return (e.plover_type if by_plover else e.root) or "?"

    def plabel(e: PredictedEvent) -> str:
        return (e.plover_type if by_plover else e.root) or "?"

    root, pairs = _level(
        gold,
        counted,
        lambda e: (glabel(e), e.source, e.target),
        lambda e: (plabel(e), e.source, e.target),
    )
    full = None
    if not by_plover:
        full, _ = _level(
            gold,
            counted,
            lambda e: (e.code or "?", e.source, e.target),
            lambda e: (e.code, e.source, e.target),
        )
    only, _ = _level(
        gold,
        asserted,
        lambda e: (glabel(e), e.source, e.target),
        lambda e: (plabel(e), e.source, e.target),
    )
    details: list[SentenceScore] = []
    per_mod: Counter[str] = Counter()
    hit_mod: Counter[str] = Counter()
    hist_n = hist_hit = 0
    for s, sp in zip(gold, pairs, strict=True):
        pred = counted.get(s.id, ())
        got_g = {g for g, _ in sp}
        got_p = {p for _, p in sp}
        for i, e in enumerate(pred):
            per_mod[e.modality] += 1
            hit_mod[e.modality] += i in got_p
        missed = tuple(e for i, e in enumerate(s.events) if i not in got_g)
        hist = [e for e in everything.get(s.id, ()) if e.historical]
        hist_n += len(hist)
        hist_hit += len(
            _match(
                [(glabel(e), e.source, e.target) for e in missed],
                [(plabel(e), e.source, e.target) for e in hist],
            )
        )
        details.append(
            SentenceScore(
                id=s.id,
                text=s.text,
                gold=s.events,
                predicted=pred,
                missed=missed,
                spurious=tuple(e for i, e in enumerate(pred) if i not in got_p),
            )
        )
    modalities = [m for m in MODALITIES if per_mod[m]] + sorted(set(per_mod) - set(MODALITIES))
    return EvalReport(
        gold_name=gold_name,
        format=format,
        label="plover_type" if by_plover else "cameo_root",
        sentences=len(gold),
        root=root,
        full_code=full,
        asserted_only=only,
        confusion=_confusion(gold, counted, glabel, plabel),
        by_modality=tuple(
            ModalityRow(modality=m, predicted=per_mod[m], matched=hit_mod[m]) for m in modalities
        ),
        historical=ModalityRow(modality="historical", predicted=hist_n, matched=hist_hit),
        plover=_plover(gold, counted) if by_plover else None,
        details=tuple(details),
        rejected=tuple(rejected),
        notes=tuple(notes),
    )
