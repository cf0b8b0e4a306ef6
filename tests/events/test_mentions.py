"""Acts named but not reported: background nouns, names given to acts, object classes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import event_keys as keys
from tests.conftest import name_table_coder

from eventwire.errors import LexiconError
from eventwire.events.lexicon import load_lexicon, object_classes
from eventwire.records import Event

# longest names first: a mention inside a longer one is skipped
NAMES = {
    "North Korea": "PRK",
    "South Korea": "KOR",
    "United States": "USA",
    "Brussels": "BEL",
    "Belgium": "BEL",
    "Islamist": "",
    "Iranian": "IRN",
    "Israel": "ISR",
    "Syrian": "SYR",
    "Turkey": "TUR",
    "Egypt": "EGY",
    "Spain": "ESP",
    "Italy": "ITA",
    "Iraqi": "IRQ",
    "Japan": "JPN",
    "China": "CHN",
    "Iran": "IRN",
    "Iraq": "IRQ",
    "Hamas": "PSE",
    "Russia": "RUS",
}

Code = Callable[[str], list[Event]]


@pytest.fixture(scope="module")
def code(nlp: Any) -> Code:
    return name_table_coder(nlp, NAMES, published_at="2019-05-10T12:00:00Z")


@pytest.mark.parametrize(
    "text",
    [
        "Security was tightened in Spain after the Brussels bombings in March.",
        "Turkey has raised its alert level in the wake of the Brussels attacks.",
        "The death toll in the Brussels attack rose to 32 on Thursday.",
        "Like the attacks in Belgium, the shooting shocked Italy.",
    ],
)
def test_an_act_named_as_background_is_no_event(code: Code, text: str) -> None:
    assert [e.cameo for e in code(text)] == []


def test_a_name_given_to_an_act_is_no_new_act(code: Code) -> None:
    events = code("An Iranian spokesman called the attack a reprisal for strikes in Iraq.")
    assert not [e for e in events if e.cameo_root in {"18", "19", "20"}]


def test_an_act_reported_in_a_clause_of_circumstance_is_coded(code: Code) -> None:
    events = code("It came a day after the United States imposed sanctions on Iran.")
    assert ("16", "USA", "IRN") in keys(events)


@pytest.mark.parametrize(
    "text",
    [
        "Russia released its economic forecast on Monday.",
        "Turkey released video footage of the crash.",
        "The figures released by Egypt show a rise in exports.",
        "Israel freed up funds for the new hospital.",
    ],
)
def test_releasing_things_is_no_release_of_persons(code: Code, text: str) -> None:
    assert [e.cameo for e in code(text) if e.cameo_root == "08"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Israel released 20 Syrian prisoners on Monday.",
        "Iran freed three fishermen on Sunday.",
        "Hamas released Gilad Shalit in 2011.",
    ],
)
def test_releasing_persons_is_coded(code: Code, text: str) -> None:
    assert any(e.cameo.startswith("084") for e in code(text))


def test_a_party_hosted_is_no_visit(code: Code) -> None:
    assert code("Egypt hosted a lavish party for the festival.") == []


def test_a_head_of_state_hosted_is_a_visit(code: Code) -> None:
    events = code("Egypt hosted the Iraqi president on Sunday.")
    assert {(e.cameo, e.source.code, e.target.code if e.target else None) for e in events} == {
        ("043", "EGY", "IRQ"),
        ("042", "IRQ", "EGY"),
    }


def test_missiles_fired_at_nobody_are_a_show_of_force(code: Code) -> None:
    events = code("North Korea fired two ballistic missiles into the sea on Saturday.")
    assert [e.cameo for e in events] == ["150"]


def test_missiles_fired_at_a_country_are_an_attack(code: Code) -> None:
    events = code("Syrian forces fired missiles at Israel on Saturday.")
    assert [e.cameo for e in events] == ["195"]


def test_places_are_no_victims_of_an_unnamed_agent(code: Code) -> None:
    text = "Similar assaults have been carried out in other cities of Spain and Italy."
    assert code(text) == []


def test_a_participle_on_a_verb_of_suffering_has_no_agent(code: Code) -> None:
    text = "Turkey has faced a series of bombings this year, killing dozens of people."
    assert [e for e in code(text) if e.source.code == "TUR"] == []


def test_an_act_not_permitted_is_not_coded(code: Code) -> None:
    assert [e for e in code("We never allow Iran to attack Israel.") if e.cameo_root == "19"] == []


def test_a_described_menace_is_no_threat(code: Code) -> None:
    events = code("China sent troops against Islamist militants threatening the border town.")
    assert [e for e in events if e.cameo_root == "13"] == []


def test_refusing_to_respond_is_no_rejection(code: Code) -> None:
    assert [e.cameo for e in code("Japan refused to respond on Sunday.")] == []


def test_refusing_to_comment_is_declining_comment(code: Code) -> None:
    assert [e.cameo for e in code("Japan refused to comment on Sunday.")] == ["011"]


def test_refusing_to_answer_a_demand_is_a_rejection(code: Code) -> None:
    got = keys(code("Iran refused to respond to a demand from the United States."))
    assert ("12", "IRN", "USA") in got


def test_object_classes_expand_to_lemmas_and_labels() -> None:
    lemmas, labels = object_classes()["persons"]
    assert {"prisoners", "hostages", "girls"} <= lemmas
    assert "PERSON" in labels
    assert "figures" not in lemmas and "footage" not in lemmas


def test_an_unknown_object_class_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "extra.tsv"
    path.write_text("V\tswap\tobj=@nonsense\tsubj\twith\t0841\tSwap\n", "utf-8")
    with pytest.raises(LexiconError, match="unknown object class"):
        load_lexicon(path)


@pytest.mark.parametrize(
    "text",
    [
        "Russia struck a conciliatory note on Tuesday in Japan.",
        "Iraqi soldiers shot video of the parade in Iraq.",
        "China seized the opportunity to court Japan.",
    ],
)
def test_idioms_of_force_are_no_force(code: Code, text: str) -> None:
    assert [e for e in code(text) if e.cameo_root in {"17", "18", "19", "20"}] == []


def test_striking_a_deal_is_an_agreement(code: Code) -> None:
    events = code("Russia struck a deal with Turkey on Monday.")
    assert ("05", "RUS", "TUR") in keys(events)


def test_an_act_inside_a_plan_is_not_coded(code: Code) -> None:
    events = code("Israel approved a resolution to annex the Syrian Golan Heights.")
    assert [e for e in events if e.cameo_root == "19"] == []


def test_a_report_of_casualties_accuses_no_one(code: Code) -> None:
    events = code("Egypt said 80 people were killed on Thursday.")
    assert [e for e in events if e.cameo_root == "11"] == []
