"""Coding conventions: implicit targets and perpetrators, clause interplay, deeper targets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.conftest import event_keys as keys
from tests.conftest import name_table_coder

from eventwire.events.ontology import plover_for
from eventwire.records import Event

# longest names first: a mention inside a longer one is skipped
NAMES = {
    "Gaza Strip": "PSE",
    "Russian soldiers": "RUS",
    "Russian students": "RUS",
    "United States": "USA",
    "Ukrainian": "UKR",
    "Israeli": "ISR",
    "Rwandan": "RWA",
    "Somali": "SOM",
    "Kenya": "KEN",
    "France": "FRA",
    "Obama": "USA",
    "Putin": "RUS",
    "Russia": "RUS",
    "Ukraine": "UKR",
    "Israel": "ISR",
    "Iran": "IRN",
    "US": "USA",
    "Reuters": "",
}

Code = Callable[[str], list[Event]]


@pytest.fixture(scope="module")
def code(nlp: Any) -> Code:
    return name_table_coder(nlp, NAMES, published_at="2022-01-13T12:00:00Z")


def test_located_protest_targets_the_place(code: Code) -> None:
    events = code("Russian students demonstrated in Kharkiv on Monday.")
    assert keys(events) == {("14", "RUS", "UKR")}
    assert events[0].target is not None and events[0].target.role == "implicit"


def test_protest_without_place_or_target_concerns_the_own_country(code: Code) -> None:
    assert keys(code("Russian students began a hunger strike on Monday.")) == {("14", "RUS", "RUS")}


def test_release_takes_no_own_country_target(code: Code) -> None:
    assert keys(code("Russia released the prisoners on Monday.")) == {("08", "RUS", None)}


def test_unnamed_perpetrator_from_the_instrument(code: Code) -> None:
    events = code("Four children were killed in Israeli shelling in Gaza.")
    assert ("19", "ISR", "PSE") in keys(events)


def test_foreign_victims_of_an_unnamed_attack(code: Code) -> None:
    assert keys(code("Ten Russian soldiers were killed in Ukraine on Monday.")) == {
        ("19", "UKR", "RUS")
    }


def test_unnamed_perpetrator_needs_a_named_victim(code: Code) -> None:
    events = code("Insurgents shelled Ukraine's second city overnight.")
    assert keys(events) == {("19", None, "UKR")}
    assert code("Three people were killed overnight.") == []


def test_news_agency_is_no_unnamed_party(code: Code) -> None:
    assert code("Reuters criticized Russia.") == []


def test_requested_and_refused_acts_are_not_coded(code: Code) -> None:
    assert keys(code("Israel rejected a US request to attack Iran.")) == {("12", "ISR", "USA")}
    assert {k[0] for k in keys(code("Russia jailed a Ukrainian for helping Israel."))} == {"17"}


def test_intent_governor_yields_to_its_act(code: Code) -> None:
    events = code("Israel pledged to expel the Iranian diplomats.")
    assert {e.cameo_root for e in events} == {"16"}


def test_target_deeper_in_the_clause(code: Code) -> None:
    assert keys(code("Russia demanded an immediate admission by Ukraine.")) == {
        ("10", "RUS", "UKR")
    }


def test_threat_aims_at_its_condition(code: Code) -> None:
    assert ("13", "RUS", "UKR") in keys(
        code("Russia threatened to boycott the summit unless Ukraine withdrew its troops.")
    )


def test_phone_call_goes_both_ways(code: Code) -> None:
    assert keys(code("Obama telephoned Putin on Monday.")) == {
        ("04", "USA", "RUS"),
        ("04", "RUS", "USA"),
    }


def test_a_sentence_never_yields_one_event_twice(code: Code) -> None:
    events = code("The US attacked Iran and the US attacked Iran again.")
    seen = {(e.cameo, e.source.code, e.target and e.target.code) for e in events}
    assert len(events) == len(seen)


def test_crosswalk_rows_follow_their_section() -> None:
    assert plover_for("163")[0] == "SANCTION"
    assert plover_for("1712")[0] == "COERCE"
    assert plover_for("192")[0] == "COERCE"


def test_place_fired_from_is_the_perpetrator(code: Code) -> None:
    assert keys(code("A rocket was fired at Israel from the Gaza Strip.")) == {("19", "PSE", "ISR")}
    # reported by the victim: an accusation of that side, and the attack is not coded apart
    assert keys(code("Israel said a mortar bomb was fired at it from the Gaza Strip.")) == {
        ("11", "ISR", "PSE")
    }


def test_document_speaks_for_the_state_it_was_issued_in(code: Code) -> None:
    text = "A report released in the Rwandan capital alleged that France helped the killers."
    assert keys(code(text)) == {("11", "RWA", "FRA")}


def test_conjoined_content_of_an_accusation_is_not_coded(code: Code) -> None:
    text = (
        "Russia alleged that Ukraine was aware of the plan, and that the Ukrainian army "
        "contributed to planning the massacres."
    )
    assert {k[0] for k in keys(code(text))} == {"11"}
    # ... but an act conjoined to the accusation itself is
    assert keys(code("Russia accused Ukraine of lying and attacked Israel.")) >= {
        ("19", "RUS", "ISR")
    }


def test_claim_of_responsibility_concerns_the_place_of_the_act(code: Code) -> None:
    text = "A Somali group claimed responsibility for a deadly attack on a mall in Kenya's capital."
    assert keys(code(text)) == {("01", "SOM", "KEN")}
