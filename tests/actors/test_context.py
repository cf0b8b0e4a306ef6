"""Actors the text leaves without a country: titled people, peoples, bare role nouns, places."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import make_parsed

from eventwire.actors import ActorResolver
from eventwire.records import Actor


def resolve(
    nlp: Any, resolver: ActorResolver, text: str, published_at: str | None = None
) -> tuple[Actor, ...]:
    return resolver(make_parsed(nlp, text, published_at=published_at))


def covering(actors: tuple[Actor, ...], text: str, phrase: str) -> list[Actor]:
    """Return the actors whose span overlaps ``phrase`` in ``text``."""
    start = text.index(phrase)
    end = start + len(phrase)
    return [a for a in actors if a.start < end and a.end > start]


def code_of(nlp: Any, resolver: ActorResolver, text: str, phrase: str, **kw: Any) -> Any:
    found = covering(resolve(nlp, resolver, text, **kw), text, phrase)
    assert len(found) == 1, found
    return found[0]


# -- titled people ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # a demonym before a title the small model tags as an organisation
        ("British Defence Secretary Tom King has promised more aid.", "Tom King", "GBR"),
        ("King Hassan of Morocco was quoted today.", "King Hassan", "MAR"),
        # the same office owned in the document
        (
            "The Ivorian president met rebel leaders. President Laurent Gbagbo said they "
            "must disarm.",
            "Laurent Gbagbo",
            "CIV",
        ),
        # the place the sentence names (a name in no table)
        ("President Joseph Mwangaza shortened the curfew imposed in Sudan.", "Mwangaza", "SDN"),
        # the only state of the document
        ("Planning Minister Tran Van Loc said Vietnam is committed to reform.", "Tran", "VNM"),
    ],
)
def test_titled_people_take_a_country_from_the_text_or_document(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str, code: str
) -> None:
    person = code_of(nlp, resolver, text, phrase)
    assert (person.kind, person.code, person.sector) == ("person", code, "GOV")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # the state belongs to the other person
        ("President Pierre Lambert welcomed South African leader Thabo Nkosi.", "Lambert"),
        # the state is the other party of the act
        ("President Pierre Lambert threatened further action against Russia.", "Lambert"),
        # a state that only owns something, two others that are parties
        (
            "Sheikh Omar Rashid mediated between the Emirates and Saudi Arabia, whose ties "
            "were strained by Riyadh's new friendship with Tehran.",
            "Omar Rashid",
        ),
    ],
)
def test_titled_people_do_not_take_other_parties_countries(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str
) -> None:
    person = code_of(nlp, resolver, text, phrase)
    assert person.kind == "person"
    assert person.code is None


def test_office_holder_out_of_office_keeps_their_country(nlp: Any, resolver: ActorResolver) -> None:
    text = "President Bush has threatened further action against Russia."
    # neither Bush was president on 2000-01-01; both were American
    bush = code_of(nlp, resolver, text, "Bush", published_at="2000-01-01")
    assert bush.code == "USA"
    assert bush.confidence <= 0.5


# -- peoples --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Up to 100 ethnic Albanians marched on Tuesday in Serbia.", "ethnic Albanians", "SRB"),
        ("Bosnian Serbs demanded a truce.", "Bosnian Serbs", "BIH"),
        ("Iraqi Kurds voted on Monday.", "Iraqi Kurds", "IRQ"),
        ("Kurds protested in Syria on Friday.", "Kurds", "SYR"),
        ("The Albanians of southern Serbia demand autonomy.", "Albanians", "SRB"),
        ("A group of Yoruba elders met on Sunday.", "Yoruba", "NGA"),
        ("Palestinians protested on Monday.", "Palestinians", "PSE"),
        ("Turks voted in a referendum.", "Turks", "TUR"),
        (
            "Serb forces attacked the Albanian population in Montenegro.",
            "Albanian population",
            "MNE",
        ),
        (
            "Ethnic Albanian guerrillas operating in Macedonia handed in their weapons.",
            "Albanian guerrillas",
            "MKD",
        ),
    ],
)
def test_peoples_are_coded_where_they_live(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str, code: str
) -> None:
    actor = code_of(nlp, resolver, text, phrase)
    assert actor.code == code
    assert actor.sector in {"CVL", "REB"}


@pytest.mark.parametrize(
    "text",
    [
        "Kurds marched through the capital on Sunday.",  # no state of their own, no place
        "Thousands of ethnic Turks marched on Sunday.",  # a minority, place unknown
    ],
)
def test_peoples_without_a_place_get_no_code(nlp: Any, resolver: ActorResolver, text: str) -> None:
    phrase = "Kurds" if "Kurds" in text else "Turks"
    actor = code_of(nlp, resolver, text, phrase)
    assert actor.code is None


# -- bare role nouns ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "code", "sector"),
    [
        (
            "Israeli troops shot two men near Hebron. The army said the men were armed.",
            "army",
            "ISR",
            "MIL",
        ),
        ("Police fired tear gas at a crowd in Serbia on Monday.", "Police", "SRB", "COP"),
        (
            "Kenya held elections on Sunday. Kenya's neighbours watched. The opposition "
            "rejected the results.",
            "opposition",
            "KEN",
            "OPP",
        ),
    ],
)
def test_bare_roles_take_an_unambiguous_context(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str, code: str, sector: str
) -> None:
    actor = code_of(nlp, resolver, text, phrase)
    assert (actor.code, actor.sector) == (code, sector)
    assert actor.confidence < 0.6


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The government expressed appreciation for China's assistance.", "government"),
        ("Protesters burned a US flag on Friday.", "Protesters"),
        ("Pakistan has urged its citizens to avoid Iraq.", "citizens"),
        ("US troops and Iraqi troops patrolled. The troops returned at dawn.", "The troops"),
        ("Peacekeepers arrived in Mali.", "Peacekeepers"),
        ("Russian troops fired artillery at the town.", "artillery"),
    ],
)
def test_bare_roles_stay_unresolved_without_clear_context(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str
) -> None:
    actors = resolve(nlp, resolver, text)
    start = text.index(phrase)
    assert not [a for a in actors if a.start == start + (phrase.startswith("The ") * 4)]


# -- coordinated modifiers, organisations named after states ---------------------------------


def test_coordinated_modifiers_give_one_actor_each(nlp: Any, resolver: ActorResolver) -> None:
    text = "US and British activists protested outside the embassy."
    actors = [a for a in resolve(nlp, resolver, text) if a.code]
    assert sorted((a.code, a.sector) for a in actors) == [("GBR", "OPP"), ("USA", "OPP")]


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("The Nigerian Union of Teachers called off a strike.", "Nigerian Union", "NGA"),
        ("Montenegro Municipality Association officials demanded support.", "Montenegro", "MNE"),
        ("Malaysia Airlines cancelled the flight.", "Malaysia Airlines", "MYS"),
    ],
)
def test_organisations_named_after_a_state(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str, code: str
) -> None:
    assert [a.code for a in covering(resolve(nlp, resolver, text), text, phrase)] == [code]


# -- places by date -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("published_at", "code"),
    [("2009-05-01", "SDN"), ("2015-05-01", "SSD"), (None, "SSD")],
)
def test_places_take_the_state_of_the_publication_date(
    nlp: Any, resolver: ActorResolver, published_at: str | None, code: str
) -> None:
    text = "Rebels shelled Juba on Sunday."
    assert code_of(nlp, resolver, text, "Juba", published_at=published_at).code == code


def test_state_names_keep_their_code_before_independence(nlp: Any, resolver: ActorResolver) -> None:
    text = "Montenegro's government protested; its leaders met in Podgorica."
    actors = resolve(nlp, resolver, text, "2000-03-01")
    assert [a.code for a in covering(actors, text, "Montenegro")] == ["MNE"]
    assert [a.code for a in covering(actors, text, "Podgorica")] == ["SRB"]


def test_people_placed_by_the_tables_count_as_context(nlp: Any, resolver: ActorResolver) -> None:
    text = "Obama met senators on Monday. Obama said Congress must act."
    congress = code_of(nlp, resolver, text, "Congress", published_at="2015-03-01")
    assert (congress.code, congress.sector) == ("USA", "LEG")
    # one mention is not context enough
    once = "Obama faces pressure from Congress to help Iran."
    actors = resolve(nlp, resolver, once, "2015-03-01")
    assert not covering(actors, once, "Congress")
