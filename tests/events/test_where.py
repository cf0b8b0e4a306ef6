"""Event locations from place names and the offline gazetteer."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from eventwire.events.where import locate, lookup_place
from eventwire.records import Actor

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def _state_actors(doc: Doc) -> tuple[Actor, ...]:
    """Treat every GPE mention as a resolved state actor, as the actors stage would."""
    return tuple(
        Actor(text=e.text, start=e.start_char, end=e.end_char, code="XXX")
        for e in doc.ents
        if e.label_ == "GPE"
    )


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "According to Reuters, the Baltic states laid out their demands at a meeting of "
            "the bloc in Brussels on Wednesday.",
            "Brussels",
            "BEL",
        ),
        ("Moscow is accused of placing troops on its border, near Ukraine.", "Ukraine", "UKR"),
        ("NATO boosted its presence in Lithuania, Latvia and Poland in 2014.", "Lithuania", "LTU"),
        ("The talks took place last night in Geneva.", "Geneva", "CHE"),
        ("He travelled to Kiev on Monday.", "Kyiv", "UKR"),
        ("Protesters gathered at the White House.", "Washington", "USA"),
        ("The summit in The Hague ended without a deal.", "The Hague", "NLD"),
        ("Leaders met in Paris on Friday.", "Paris", "FRA"),
        ("Troops were deployed in Texas.", "Texas", "USA"),
        # a part of a place is in that place
        ("The gunmen attacked a mall in Kenya's capital.", "Kenya", "KEN"),
        ("Fighting resumed in Ukraine's east on Monday.", "Ukraine", "UKR"),
    ],
)
def test_locate(nlp: Language, text: str, name: str, country: str) -> None:
    doc = nlp(text)
    got = locate(next(iter(doc.sents)), _state_actors(doc))
    assert got is not None
    assert (got.name, got.country) == (name, country)


@pytest.mark.parametrize(
    "text",
    [
        "Moscow wants American diplomats to sign a legally binding document.",
        "Russia's demands were rejected by the United States.",
        "Some NATO leaders believe Russia is preparing for war.",
        "Each of the three nations shares a border with Russia.",
        "The ministers discussed the economy.",
        "They met in Russia's embassy annex.",
    ],
)
def test_actor_or_no_place_is_not_a_location(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert locate(next(iter(doc.sents)), _state_actors(doc)) is None


def test_brussels_has_coordinates(nlp: Language) -> None:
    doc = nlp("The ministers met in Brussels.")
    got = locate(next(iter(doc.sents)), ())
    assert got is not None and got.lat is not None and got.lon is not None
    assert 50 < got.lat < 51 and 4 < got.lon < 5


def test_predicate_breaks_ties(nlp: Language) -> None:
    doc = nlp("Officials in Paris said troops had arrived in Mali.")
    arrived = next(t for t in doc if t.text == "arrived")
    sent = next(iter(doc.sents))
    got = locate(sent, (), predicate=arrived)
    assert got is not None and got.country == "MLI"


@pytest.mark.parametrize(
    ("name", "expected", "country"),
    [
        ("Belgium", "Belgium", "BEL"),
        ("the United States", "United States", "USA"),
        ("U.S.", "United States", "USA"),
        ("Britain", "United Kingdom", "GBR"),
        ("Russia's", "Russia", "RUS"),
        ("Washington", "Washington", "USA"),  # the most populous Washington
        ("Kremlin", "Moscow", "RUS"),
    ],
)
def test_lookup_place(name: str, expected: str, country: str) -> None:
    got = lookup_place(name)
    assert got is not None
    assert (got.name, got.country) == (expected, country)


def test_country_is_placed_at_its_capital() -> None:
    belgium, brussels = lookup_place("Belgium"), lookup_place("Brussels")
    assert belgium is not None and brussels is not None
    assert (belgium.lat, belgium.lon) == (brussels.lat, brussels.lon)


def test_unknown_place() -> None:
    assert lookup_place("Xqzzyville") is None
