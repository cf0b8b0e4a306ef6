"""Precision: names that only look like states, territories, and context that must not guess."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.actors import ActorResolver
from eventwire.records import Actor
from eventwire.settings import ActorsSettings


def resolve(nlp: Any, resolver: ActorResolver, text: str) -> tuple[Actor, ...]:
    return resolver.resolve(nlp(text))


def codes_at(actors: tuple[Actor, ...], text: str, phrase: str) -> list[str | None]:
    """Return the codes of the actors whose span holds the first occurrence of ``phrase``."""
    start = text.index(phrase)
    return [a.code for a in actors if a.start <= start < a.end]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # a sea, a gulf, a peninsula or a leak named after a state is not the state
        ("The tanker sank in the Indian Ocean after the storm.", "Indian"),
        ("An oil spill in the Gulf of Mexico closed beaches in Texas.", "Mexico"),
        ("The missile fell into the Sea of Japan on Friday.", "Japan"),
        ("Chinese ships patrolled the East China Sea.", "China Sea"),
        ("The Panama Papers revealed the offshore holdings of world leaders.", "Panama"),
        # an agreement or a meeting named after the city that hosted it
        ("Both sides said they would respect the Minsk agreements.", "Minsk"),
        ("The leaders pledged to honour the Paris Agreement on climate.", "Paris"),
        # a broadcaster, a sports team
        ("A reporter for CNN affiliate France 2 interviewed witnesses.", "France"),
        ("Cleveland outfielder Larry Doby was the first to play.", "Cleveland"),
        ("The Barcelona striker denied the allegations.", "Barcelona"),
        # a site named after a place the document does not otherwise name
        ("Police said the gunman fired from the Mandalay Bay hotel.", "Mandalay"),
        ("Firefighters contained the blaze near Turkey Creek on Monday.", "Turkey"),
        ("Detainees at Guantanamo Bay went on hunger strike.", "Guantanamo"),
    ],
)
def test_names_inside_other_names_are_not_states(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str
) -> None:
    actors = resolve(nlp, resolver, text)
    assert all(c is None for c in codes_at(actors, text, phrase)), actors


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # the site is the state's where the document names the state otherwise
        ("Taliban fighters attacked Kabul airport. Afghanistan declared mourning.", "Kabul", "AFG"),
        ("Ferries crossed Manila Bay as the Philippines braced for the typhoon.", "Manila", "PHL"),
        # an area named after a place is that place's state
        ("The governor of the Tyumen region resigned on Monday.", "Tyumen", "RUS"),
        ("The government of Sindh province ordered patrols.", "Sindh", "PAK"),
        # a number after a state that is no broadcaster's name
        ("The United States stands with Japan 100 per cent.", "Japan", "JPN"),
        ("US troops left Iraq 3 days later.", "Iraq", "IRQ"),
        # hosted names are cities' only; a state's name before "talks" names a party
        ("The Iran talks resumed in Vienna.", "Iran", "IRN"),
        # a demonym before a site says whose it is
        ("Gunmen attacked an Afghan airport on Monday.", "Afghan", "AFG"),
    ],
)
def test_places_that_stay_states(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str, code: str
) -> None:
    actors = resolve(nlp, resolver, text)
    assert code in codes_at(actors, text, phrase), actors


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Israel Folau was sacked by Rugby Australia.", "Israel"),
        ("Chad Smith played the drums for two hours.", "Chad"),
        ("Jordan Peterson criticised the new law.", "Jordan"),
        ("Paris Hilton arrived at the party in a pink dress.", "Paris"),
        ("Students at Georgia Tech protested on Monday.", "Georgia"),
    ],
)
def test_people_and_schools_named_after_places(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str
) -> None:
    actors = resolve(nlp, resolver, text)
    assert all(c is None for c in codes_at(actors, text, phrase)), actors


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("The governor of New Mexico declared an emergency.", "New Mexico", "USA"),
        ("New Jersey police arrested two men on Sunday.", "New Jersey", "USA"),
    ],
)
def test_us_states_named_after_other_places(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str, code: str
) -> None:
    actors = resolve(nlp, resolver, text)
    assert codes_at(actors, text, phrase) == [code], actors


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # territories whose defence and foreign affairs are their sovereign's
        ("North Korea threatened to fire missiles at Guam.", "Guam", "USA"),
        ("Puerto Rico asked for federal aid after the hurricane.", "Puerto Rico", "USA"),
        ("The storm hit the US Virgin Islands on Wednesday.", "US Virgin Islands", "USA"),
        ("French Guiana was paralysed by a general strike.", "French Guiana", "FRA"),
        ("Argentina renewed its claim to the Falklands.", "Falklands", "GBR"),
        ("Puerto Rican officials met the governor.", "Puerto Rican", "USA"),
        # territories with external relations of their own keep their code
        ("Protests erupted in Hong Kong against Beijing.", "Hong Kong", "HKG"),
        ("Greenland rejected the offer to buy the island.", "Greenland", "GRL"),
    ],
)
def test_territories(nlp: Any, resolver: ActorResolver, text: str, phrase: str, code: str) -> None:
    actors = resolve(nlp, resolver, text)
    assert codes_at(actors, text, phrase) == [code], actors


def test_territory_table_applies_to_every_name() -> None:
    tables = ActorResolver.from_settings(ActorsSettings()).tables
    assert tables.sovereign["GUM"] == "USA"
    # no name keeps a territory's own code once its sovereign is known
    left = {c for e in tables.entries.values() for c in e.codes} & tables.sovereign.keys()
    assert not left
    # a territory's capital speaks for no government
    hagatna = [e for e in tables.entries.values() if e.codes == ("USA",) and e.type == "capital"]
    assert all(e.phrase == "Washington" or "D.C" in e.phrase for e in hagatna), hagatna


def test_territory_capital_yields_to_larger_namesakes() -> None:
    tables = ActorResolver.from_settings(ActorsSettings()).tables
    # Hamilton, Bermuda (GBR) is a village next to Hamilton, Ontario
    assert tables.entries["Hamilton"].codes[0] == "CAN"
    assert tables.entries["Hamilton"].type == "city"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Rosberg won in Brazil. Championship leader Rosberg thanked Brazil's fans.", "Rosberg"),
        ("In Brazil, race winner Lewis Hamilton thanked the crowd in Brazil.", "Lewis Hamilton"),
    ],
)
def test_titles_of_things_are_no_offices(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str
) -> None:
    text = text.replace("Championship", "championship")
    actors = resolve(nlp, resolver, text)
    found = [a for a in actors if a.kind == "person" and phrase in a.text]
    assert found, actors
    assert all(a.code is None and a.sector is None for a in found), found


def codes_of(actors: tuple[Actor, ...], text: str, phrase: str, nth: int = 0) -> list[str | None]:
    """Return the codes of the actors over the ``nth`` occurrence of ``phrase``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return [a.code for a in actors if a.start <= start < a.end]


@pytest.mark.parametrize(
    "text",
    [
        # the one state the document names is a destination, not the scene
        "Japan is popular. The flight to Tokyo turned back, and police questioned the passengers.",
        # the sentence happens at a place the tables do not know
        "Japan won the match at Wembley, where police arrested two fans.",
    ],
)
def test_one_state_named_elsewhere_is_no_scene(
    nlp: Any, resolver: ActorResolver, text: str
) -> None:
    actors = resolve(nlp, resolver, text)
    assert codes_of(actors, text, "police") == [], actors


def test_one_state_named_as_the_scene(nlp: Any, resolver: ActorResolver) -> None:
    # the rule the veto must leave alone: the sentence happens in the state it names
    text = "Egyptian police dispersed fundamentalist demonstrators in Cairo."
    actors = resolve(nlp, resolver, text)
    assert "EGY" in codes_of(actors, text, "demonstrators"), actors


@pytest.mark.parametrize(
    "text",
    [
        "Britain held talks. Britain said that in recent years governments have favoured "
        "shorter terms, and Britain agreed.",
        "Russia said it would act. Russia warned that predatory regimes seize assets. "
        "Russia will respond.",
    ],
)
def test_plural_governments_are_several_states(
    nlp: Any, resolver: ActorResolver, text: str
) -> None:
    actors = resolve(nlp, resolver, text)
    word = "governments" if "governments" in text else "regimes"
    assert codes_of(actors, text, word) == [], actors


def test_officers_are_police_in_a_police_story(nlp: Any, resolver: ActorResolver) -> None:
    text = (
        "German police said the square would be closed. Police in Germany will patrol the "
        "city centre, and officers will be on duty all night in Germany."
    )
    actors = resolve(nlp, resolver, text)
    officers = [a for a in actors if a.text == "officers"]
    assert [(a.code, a.sector) for a in officers] == [("DEU", "COP")], actors


def test_british_house_style_acronyms(nlp: Any, resolver: ActorResolver) -> None:
    text = "A Nato spokesman said Opec would meet. Isis claimed the attack."
    actors = resolve(nlp, resolver, text)
    assert codes_of(actors, text, "Nato") == ["NATO"], actors
    assert codes_of(actors, text, "Opec") == ["OPEC"], actors
    assert codes_of(actors, text, "Isis") == ["IMG"], actors


def test_a_national_security_council_is_no_un_body(nlp: Any, resolver: ActorResolver) -> None:
    text = "The National Security Council said the president would be briefed in Washington."
    actors = resolve(nlp, resolver, text)
    assert "UN" not in codes_of(actors, text, "Security Council"), actors
