"""Event coding on hand-built actors: slots, conjunctions, passives, reported speech, modality."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.conftest import event_keys as keys
from tests.conftest import name_table_coder

from eventwire.records import Event

NAMES = {
    "Barack Obama": "USA",
    "Vladimir Putin": "RUS",
    "United States": "USA",
    "US": "USA",
    "Obama": "USA",
    "Washington": "USA",
    "Russia": "RUS",
    "Putin": "RUS",
    "Moscow": "RUS",
    "Ukraine": "UKR",
    "China": "CHN",
    "Switzerland": "CHE",
    "Iran": "IRN",
    "Israel": "ISR",
    "Tunisia": "TUN",
    "Israeli": "ISR",
    "Reuters": "",
}

Code = Callable[[str], list[Event]]


@pytest.fixture(scope="module")
def code(nlp: Any) -> Code:
    return name_table_coder(nlp, NAMES, published_at="2022-01-13T12:00:00Z")


def test_meet_with_and_record_fields(code: Code) -> None:
    [event] = code("Putin met with Obama in Geneva.")
    assert (event.cameo, event.source.code, event.target and event.target.code) == (
        "040",
        "RUS",
        "USA",
    )
    assert event.rule == "lexicon:meet#1"
    assert event.modality == "asserted"
    assert event.plover_type == "CONSULT"
    assert event.quad_class == 1
    assert 0 < event.confidence <= 1
    assert event.sentence.startswith("Putin met")
    assert event.event_date == "2022-01-13"


def test_conjunction_gives_one_event_per_pair(code: Code) -> None:
    got = keys(code("The US, Russia, and Switzerland met yesterday."))
    assert got == {
        ("04", a, b) for a in ("USA", "RUS", "CHE") for b in ("USA", "RUS", "CHE") if a != b
    }


def test_conjoined_targets(code: Code) -> None:
    assert keys(code("Obama criticized Russia and China.")) == {
        ("11", "USA", "RUS"),
        ("11", "USA", "CHN"),
    }


def test_passive_agent_is_the_source(code: Code) -> None:
    assert keys(code("Russia was sharply criticized by Obama on Monday.")) == {("11", "USA", "RUS")}


def test_reported_speech_codes_the_reported_act(code: Code) -> None:
    # a party that opens the sentence reporting another's attack accuses it (112); the attack,
    # known only through the accusation, is not coded on its own
    events = code("Obama said Russia attacked Ukraine.")
    assert keys(events) == {("11", "USA", "RUS")}
    assert [e.modality for e in events] == ["asserted"]
    # a report cited after the fact is a source, not an accusation
    assert keys(code("Russia attacked Ukraine, Obama said.")) == {("19", "RUS", "UKR")}
    # a claim of one's own act is no accusation
    assert keys(code("Russia said it attacked Ukraine.")) == {("19", "RUS", "UKR")}


def test_noun_predicate_with_light_verb(code: Code) -> None:
    assert keys(code("Israel imposed sanctions on Iran.")) == {("16", "ISR", "IRN")}
    assert ("04", "USA", "CHN") in keys(code("Obama held talks with China on Tuesday."))


def test_no_pattern_no_event(code: Code) -> None:
    assert code("Obama ate lunch with Putin.") == []


def test_news_agency_is_never_a_party(code: Code) -> None:
    assert code("Reuters criticized Russia.") == []


def test_same_sentence_never_repeats_a_key(code: Code) -> None:
    events = code("Obama criticized and condemned Russia, and then condemned Russia again.")
    seen = [(e.source.code, e.target and e.target.code, e.cameo) for e in events]
    assert len(seen) == len(set(seen)) >= 1


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Russia attacked Ukraine on Monday.", "asserted"),
        ("Russia did not attack Ukraine.", "negated"),
        ("Russia never attacked Ukraine.", "negated"),
        ("Russia refused to attack Ukraine.", "negated"),
        ("If Russia attacks Ukraine, prices will rise.", "conditional"),
        ("Unless Russia attacks Ukraine, nothing changes.", "conditional"),
        ("Russia could attack Ukraine.", "hypothetical"),
        ("Russia might attack Ukraine.", "hypothetical"),
        ("Russia reportedly attacked Ukraine.", "alleged"),
        ("Russia allegedly attacked Ukraine.", "alleged"),
        ("Russia is accused of attacking Ukraine.", "alleged"),
        ("Russia is said to have attacked Ukraine.", "alleged"),
        ("Russia plans to deploy troops near Ukraine.", "future"),
        ("Russia is set to deploy troops near Ukraine.", "future"),
    ],
)
def test_modality(code: Code, text: str, modality: str) -> None:
    events = [e for e in code(text) if e.source.code == "RUS"]
    assert events, text
    assert {e.modality for e in events} == {modality}


def test_unattributed_future_act_is_the_act_itself(code: Code) -> None:
    [event] = code("The United States will supply arms to Israel.")
    assert (event.cameo, event.modality) == ("072", "future")


@pytest.mark.parametrize(
    "text",
    [
        "The United States said it will supply arms to Israel.",
        "The United States will supply arms to Israel, the State Department said.",
    ],
)
def test_attributed_future_cooperation_is_an_expressed_intent(code: Code, text: str) -> None:
    [event] = code(text)
    assert (event.cameo, event.modality) == ("0332", "future")


def test_attributed_future_attack_is_a_threat(code: Code) -> None:
    events = code("Russia said it will attack Ukraine.")
    assert keys(events) == {("13", "RUS", "UKR")}


def test_intent_verbs(code: Code) -> None:
    assert keys(code("Obama wants to attack Iran.")) == {("13", "USA", "IRN")}
    # wanting another to act is a demand, whose kind comes from the act wished for
    assert keys(code("Obama wants Putin to attack Iran.")) == {("10", "USA", "RUS")}
    # ... and no appeal at all when nothing political is wished for
    assert code("Obama might want Putin to head back home.") == []


def test_conditional_consequent_is_a_threat(code: Code) -> None:
    events = code("If Russia invades Ukraine, Washington will impose sanctions.")
    threat = [e for e in events if e.cameo_root == "13"]
    assert threat and threat[0].source.code == "USA" and threat[0].target is not None
    assert threat[0].target.code == "RUS" and threat[0].modality == "conditional"
    assert all(e.modality != "asserted" for e in events)


def test_conjunct_hanging_inside_a_multiword_name(code: Code) -> None:
    # the parser makes "Barack" the head and hangs "and Vladimir Putin" from "Obama"
    events = code("Barack Obama and Vladimir Putin will meet.")
    assert keys(events) == {("04", "USA", "RUS"), ("04", "RUS", "USA")}


def test_verb_conjoined_to_a_passive_takes_its_subject(code: Code) -> None:
    events = code("Putin was indicted by a court in Switzerland and will resign.")
    assert {e.source.code for e in events if e.cameo.startswith("083")} == {"RUS"}


def test_claim_of_own_attack_is_a_claim_of_responsibility(code: Code) -> None:
    events = code("Russia claimed that it had attacked Ukraine.")
    assert [(e.cameo, e.source.code, e.target and e.target.code) for e in events] == [
        ("015", "RUS", "UKR")
    ]
    # saying so is not claiming credit: the act itself
    assert keys(code("Russia said it attacked Ukraine.")) == {("19", "RUS", "UKR")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a travel warning reduces relations with the country warned against
        ("The United States advised against travel to Tunisia.", {("16", "USA", "TUN")}),
        # ordering an investigation demands it; the investigation is not coded apart
        ("Obama ordered an investigation against Iran.", {("10", "USA", "IRN")}),
        # an aircraft blown up by a missile is attacked
        ("An Israeli airliner was blown up by a missile.", {("19", None, "ISR")}),
        # pressure faced: the one under pressure is the target; an agent naming no actor is
        # an unnamed party; the help pressed for is not coded
        ("Obama faces pressure from lawmakers to help Iran.", {("10", None, "USA")}),
        ("Obama is being pressured by lawmakers to help Iran.", {("10", None, "USA")}),
    ],
)
def test_lexicon_v12_patterns(
    code: Code, text: str, expected: set[tuple[str, str | None, str | None]]
) -> None:
    assert keys(code(text)) == expected


def test_hosting_a_visitor_is_a_visit_back(code: Code) -> None:
    events = code("Putin received ministers from Israel.")
    assert {(e.cameo, e.source.code, e.target and e.target.code) for e in events} == {
        ("043", "RUS", "ISR"),
        ("042", "ISR", "RUS"),
    }


def test_destruction_by_protesters_is_a_riot(code: Code) -> None:
    [event] = code("The Russian embassy in Ukraine was demolished by Israeli protesters.")
    assert event.cameo == "145"
    # military force used by protesters stays an attack
    assert {e.cameo_root for e in code("Israeli protesters fired missiles at Iran.")} == {"19"}


def test_killed_by_an_accident_is_no_attack(code: Code) -> None:
    assert code("Ten Israeli tourists were killed by an earthquake in Iran.") == []
    assert code("Victims killed by the Israeli airliner crash were identified.") == []
