"""Recall rules on real-news phrasing: noun acts, descriptions, 18 vs 19, dates of time clauses.

Every sentence here is our own; actors are given by a fixed name table (not the actors stage),
so the tests pin the events stage alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.conftest import event_keys as keys
from tests.conftest import name_table_coder

from eventwire.events.described import neighbours
from eventwire.records import Event

# longest names first: a mention inside a longer one is skipped
NAMES = {
    "Seoul": "KOR",
    "Guam": "GUM",
    "North Korea": "PRK",
    "South Korea": "KOR",
    "Security Council": "UN",
    "Hezbollah": "LBN",
    "Boko Haram": "NGA",
    "Ukrainian pilot Nadiya Savchenko": "UKR",
    "Washington": "USA",
    "Pyongyang": "PRK",
    "Kremlin": "RUS",
    "Britain": "GBR",
    "Germany": "DEU",
    "France": "FRA",
    "Russian": "RUS",
    "Afghan": "AFG",
    "Taliban": "AFG",
    "Kunduz": "AFG",
    "Berlin": "DEU",
    "Beijing": "CHN",
    "Israel": "ISR",
    "Iran": "IRN",
    "Japan": "JPN",
    "Chad": "TCD",
}

Code = Callable[..., list[Event]]
Key = tuple[str, str | None, str | None]


@pytest.fixture(scope="module")
def code(nlp: Any) -> Code:
    return name_table_coder(nlp, NAMES, published_at="2017-09-15T12:00:00Z")


# --- noun acts ----------------------------------------------------------------------------


def test_voices_added_to_a_chorus_of_condemnation_condemn(code: Code) -> None:
    events = code("Germany and France added their voices to the chorus of condemnation.")
    assert {("11", "DEU", None), ("11", "FRA", None)} <= keys(events)


def test_joining_the_condemnation_is_condemning(code: Code) -> None:
    assert ("11", "DEU", None) in keys(code("Germany joined the condemnation on Friday."))


def test_a_reaction_drawn_from_a_party_targets_the_doer_of_what_drew_it(code: Code) -> None:
    events = code("Iran's missile test drew condemnation from Israel and Japan.")
    assert {("11", "ISR", "IRN"), ("11", "JPN", "IRN")} <= keys(events)
    # the doer of the test is the target, never the condemner
    assert not any(e.source.code == "IRN" for e in events)
    events = code("The test by Pyongyang drew sharp criticism from Washington.")
    assert ("11", "USA", "PRK") in keys(events)


def test_talks_and_dialogue_between_two_parties_go_both_ways(code: Code) -> None:
    events = code("Talks between Iran and Israel resumed in Geneva on Friday.")
    assert {("04", "IRN", "ISR"), ("04", "ISR", "IRN")} <= keys(events)


def test_encouraging_dialogue_is_an_appeal_to_negotiate(code: Code) -> None:
    events = code("Beijing encouraged Washington and Pyongyang to carry out direct dialogue.")
    assert {e.cameo for e in events if e.source.code == "CHN"} == {"026"}
    assert {("02", "CHN", "USA"), ("02", "CHN", "PRK")} <= keys(events)


# --- lexicon v1.3 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The Kremlin dismissed the allegations as nonsense.", ("01", "RUS", None)),
        ("The Security Council passed new sanctions on Iran.", ("16", "UN", "IRN")),
        ("Chad launched military operations against Boko Haram.", ("19", "TCD", "NGA")),
        ("Britain stands ready to help.", ("03", "GBR", None)),
    ],
)
def test_lexicon_additions(code: Code, text: str, key: Key) -> None:
    assert key in keys(code(text))


def test_standing_ready_to_help_is_an_intent_to_aid(code: Code) -> None:
    assert [e.cameo for e in code("Britain stands ready to help.")] == ["033"]


def test_helping_with_no_object_and_no_readiness_is_no_event(code: Code) -> None:
    assert code("Britain helped.") == []


# --- a participle continues its clause ----------------------------------------------------


def test_a_participle_takes_the_target_of_the_clause_it_continues(code: Code) -> None:
    events = code("Israel accused Iran of arming Hezbollah, warning that it would respond.")
    assert {("11", "ISR", "IRN"), ("13", "ISR", "IRN")} <= keys(events)


def test_a_participle_with_its_own_clause_keeps_no_target(code: Code) -> None:
    # "while" opens a clause of its own: the warning is not addressed to the accused
    events = code("Israel accused Iran of arming Hezbollah while warning of war.")
    assert ("13", "ISR", "IRN") not in keys(events)


def test_an_object_pronoun_of_a_participle_is_the_clauses_object(code: Code) -> None:
    events = code(
        "A Russian court convicted Ukrainian pilot Nadiya Savchenko of murder, "
        "sentencing her to 22 years in prison."
    )
    assert ("17", "RUS", "UKR") in keys(events)


# --- states named by description ----------------------------------------------------------


def test_neighbours_by_compass_direction() -> None:
    assert neighbours("PRK", "southern") == ("KOR",)
    assert neighbours("KOR") == ("PRK",)
    assert neighbours("DEU", "eastern") == ("POL",)
    assert neighbours("XXX", "southern") == ()


def test_the_countrys_neighbour_is_resolved_from_the_state_named_before(code: Code) -> None:
    events = code(
        "Seoul held out an olive branch to the country's northern neighbour, offering talks."
    )
    assert ("03", "KOR", "PRK") in keys(events)


def test_a_neighbour_of_a_named_state_is_not_that_state(code: Code) -> None:
    events = code("Israel's northern neighbour was accused by Israel of arming Hezbollah.")
    assert all(e.source.code != "ISR" or e.target is None or e.target.code != "ISR" for e in events)


def test_a_description_that_picks_no_single_state_names_nobody(code: Code) -> None:
    # Germany has nine neighbours: "its neighbours" picks none of them
    assert code("Germany condemned its neighbours.") == []


# --- unconventional violence (18) and conventional force (19) -----------------------------


def test_killings_by_an_unnamed_perpetrator_with_no_military_means_are_18(code: Code) -> None:
    events = code("At least 12 people were killed when a truck plowed into a crowd in Berlin.")
    assert {e.cameo for e in events} == {"180"}
    assert ("18", None, "DEU") in keys(events)


def test_military_means_or_victims_keep_19(code: Code) -> None:
    events = code("Three Afghan soldiers were killed in Kunduz on Monday.")
    assert {e.cameo_root for e in events} == {"19"}
    events = code("Taliban fighters killed two villagers in Kunduz.")
    assert ("19", "AFG", None) in keys(events) or ("19", "AFG", "AFG") in keys(events)


def test_terror_and_suicide_attacks_are_18(code: Code) -> None:
    assert "180" in {e.cameo for e in code("Germany launched a terror attack on France.")}
    # condemning it is a condemnation, never the condemner's attack (lexicon 1.3)
    events = code("Germany condemned the terror attack on France.")
    assert ("11", "DEU", "FRA") in keys(events)
    assert not {"18", "19"} & {e.cameo_root for e in events}
    events = code("The Taliban carried out a suicide attack on the Afghan parliament.")
    assert "19" not in {e.cameo_root for e in events}


# --- dates of clauses of time -------------------------------------------------------------


def test_an_act_years_before_a_dated_clause_is_historical(code: Code) -> None:
    events = code(
        "Japan started putting spy satellites into orbit in 2003, five years after "
        "North Korea fired a missile over Japan."
    )
    fired = [e for e in events if e.source.code == "PRK"]
    assert fired
    assert all(e.historical and e.event_date == "1998-01-01" for e in fired)


def test_an_act_days_before_a_recent_clause_is_not_historical(code: Code) -> None:
    events = code(
        "Japan protested on Monday, two days after North Korea fired a missile over Japan.",
        published_at="2017-09-15T12:00:00Z",
    )
    fired = [e for e in events if e.source.code == "PRK"]
    assert fired
    assert not any(e.historical for e in fired)
    assert fired[0].event_date == "2017-09-09"


# --- territories reached as places --------------------------------------------------------


def test_a_territory_reached_as_a_place_is_its_states(code: Code) -> None:
    events = code("North Korea threatened to fire missiles into the sea near Guam.")
    assert ("13", "PRK", "USA") in keys(events)
    assert not any(e.target and e.target.code == "GUM" for e in events)
