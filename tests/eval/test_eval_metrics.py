"""Event-coding metrics on hand-built gold and predictions (no spaCy), hand-computed."""

from __future__ import annotations

import pytest

from eventwire.eval.gold import GoldEvent, GoldSentence
from eventwire.eval.metrics import PredictedEvent, score
from eventwire.records import Actor, Event


def g(code: str, src: str, tgt: str) -> GoldEvent:
    return GoldEvent(code=code, root=code[:2], source=src, target=tgt)


def p(
    code: str, src: str, tgt: str, modality: str = "asserted", *, historical: bool = False
) -> PredictedEvent:
    return PredictedEvent(
        code=code,
        root=code[:2],
        source=src,
        target=tgt,
        modality=modality,
        historical=historical,
    )


def sent(sid: str, *events: GoldEvent) -> GoldSentence:
    return GoldSentence(id=sid, text=f"text {sid}", date=None, events=tuple(events))


GOLD = [
    sent("s1", g("042", "USA", "CHN"), g("031", "BRA", "USA")),
    sent("s2"),
    sent("s3", g("190", "RUS", "UKR")),
    sent("s4", g("111", "UN", "ISR")),
    sent("s5", g("050", "FRA", "DEU")),
    sent("s6"),
]
PRED = {
    "s1": [p("042", "USA", "CHN"), p("036", "BRA", "USA", "future"), p("010", "USA", "CHN")],
    "s2": [p("190", "RUS", "UKR", "conditional")],
    "s3": [p("190", "RUS", "UKR", historical=True), p("173", "RUS", "UKR", "alleged")],
    "s5": [p("051", "FRA", "DEU")],
    "s6": [],
}


def test_root_level_micro_scores() -> None:
    r = score(GOLD, PRED)
    assert r.sentences == 6
    assert (r.root.matched, r.root.predicted, r.root.gold) == (3, 6, 5)
    assert r.root.precision == pytest.approx(0.5)
    assert r.root.recall == pytest.approx(0.6)
    assert r.root.f1 == pytest.approx(2 * 0.5 * 0.6 / 1.1)
    assert r.root.exact_sentences == pytest.approx(2 / 6)  # s5, s6


def test_full_code_level() -> None:
    r = score(GOLD, PRED)
    assert r.full_code is not None
    assert (r.full_code.matched, r.full_code.predicted, r.full_code.gold) == (1, 6, 5)
    assert r.full_code.precision == pytest.approx(1 / 6)


def test_asserted_only_drops_other_modalities() -> None:
    r = score(GOLD, PRED)
    a = r.asserted_only
    assert (a.matched, a.predicted, a.gold) == (2, 3, 5)
    assert a.exact_sentences == pytest.approx(3 / 6)  # s2 now exact too


def test_by_modality_and_historical() -> None:
    r = score(GOLD, PRED)
    rows = {m.modality: (m.predicted, m.matched) for m in r.by_modality}
    assert rows == {"asserted": (3, 2), "future": (1, 1), "conditional": (1, 0), "alleged": (1, 0)}
    assert [m.modality for m in r.by_modality] == ["asserted", "conditional", "future", "alleged"]
    assert (r.historical.predicted, r.historical.matched) == (1, 1)


def test_confusion_table() -> None:
    r = score(GOLD, PRED)
    assert r.confusion == {
        "03": {"03": 1},
        "04": {"04": 1},
        "05": {"05": 1},
        "11": {"missed": 1},
        "19": {"17": 1},
        "spurious": {"01": 1, "19": 1},
    }


def test_details_list_misses_and_spurious() -> None:
    r = score(GOLD, PRED)
    by_id = {d.id: d for d in r.details}
    assert by_id["s5"].exact and by_id["s6"].exact
    assert [e.root for e in by_id["s1"].spurious] == ["01"]
    assert by_id["s4"].missed == (g("111", "UN", "ISR"),)
    errors = r.to_dict()["errors"]
    assert [e["id"] for e in errors] == ["s1", "s2", "s3", "s4"]


def test_multiset_and_igo_wildcard() -> None:
    gold = [
        sent("a", g("040", "USA", "CHN"), g("040", "USA", "CHN")),
        sent("b", g("040", "IGO", "ISR")),
    ]
    r = score(gold, {"a": [p("040", "USA", "CHN")], "b": [p("043", "UN", "ISR")]})
    assert (r.root.matched, r.root.predicted, r.root.gold) == (2, 2, 3)
    assert r.root.exact_sentences == pytest.approx(0.5)
    # the wildcard is on the gold side only
    r2 = score([sent("c", g("040", "UN", "ISR"))], {"c": [p("040", "IGO", "ISR")]})
    assert r2.root.matched == 0


def test_nothing_predicted_and_no_gold() -> None:
    r = score([sent("a"), sent("b", g("190", "RUS", "UKR"))], {})
    assert (r.root.precision, r.root.recall, r.root.f1) == (0.0, 0.0, 0.0)
    assert r.root.exact_sentences == pytest.approx(0.5)  # "a": nothing expected, nothing coded


def test_json_view_has_the_contract_keys() -> None:
    d = score(GOLD, PRED, gold_name="g.xml", format="petrarch").to_dict()
    for key in ("precision", "recall", "f1", "exact_sentences", "sentences"):
        assert key in d
    assert d["sentences"] == 6
    assert d["f1"] == pytest.approx(0.5455, abs=1e-4)
    assert d["full_code"]["matched"] == 1
    assert d["by_modality"]["asserted"] == {"predicted": 3, "matched": 2, "precision": 0.6667}
    assert "plover_type_accuracy" not in d


def pv(ptype: str, src: str, tgt: str) -> PredictedEvent:
    return PredictedEvent(code="010", root="01", source=src, target=tgt, plover_type=ptype)


def gp(ptype: str, src: str, tgt: str) -> GoldEvent:
    return GoldEvent(code=None, root=None, source=src, target=tgt, plover_type=ptype)


def test_plover_accuracies() -> None:
    gold = [
        sent("r1", gp("AGREE", "HUN", "---"), gp("AGREE", "ROU", "---")),
        sent("r2", gp("REQUEST", "PSE", "IGO")),
        sent("r3", gp("ASSAULT", "ISR", "PSE")),
    ]
    pred = {
        "r1": [pv("CONSULT", "HUN", "ROU"), pv("AGREE", "HUN", "ROU")],
        "r2": [pv("REQUEST", "PSE", "UN")],
        "r3": [pv("ACCUSE", "PSE", "ISR")],
    }
    r = score(gold, pred, format="plover")
    assert r.label == "plover_type" and r.full_code is None
    assert r.plover is not None
    assert r.plover.type_accuracy == pytest.approx(2 / 3)
    assert r.plover.source_accuracy == pytest.approx(2 / 4)
    assert r.plover.target_accuracy == pytest.approx(1 / 2)
    assert (r.root.matched, r.root.predicted, r.root.gold) == (1, 4, 4)
    d = r.to_dict()
    assert d["plover_type_accuracy"] == pytest.approx(0.6667)
    assert d["confusion"]["ASSAULT"] == {"missed": 1}


def test_predicted_event_from_event() -> None:
    ev = Event(
        id="e1",
        doc_id="d",
        sentence="s",
        start=0,
        end=1,
        source=Actor(text="Moscow", start=0, end=6, code="RUS", sector="GOV"),
        target=Actor(text="NATO", start=7, end=11, code="NATO", kind="igo"),
        cameo="10",
        cameo_root="10",
        quad_class=3,
        goldstein=-5.0,
        plover_type="Request",
        plover_mode=None,
        modality="asserted",
        historical=False,
        event_date=None,
        date_precision=None,
        location=None,
        quote_id=None,
        confidence=0.9,
        rule="demand.v",
    )
    pe = PredictedEvent.from_event(ev)
    assert (pe.code, pe.root, pe.source, pe.target, pe.plover_type) == (
        "100",
        "10",
        "RUS",
        "NATO",
        "REQUEST",
    )
