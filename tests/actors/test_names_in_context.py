"""Names written oddly or shared by several actors: letter case, legislatures, parties, cities."""

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


def codes_at(actors: tuple[Actor, ...], text: str, phrase: str) -> list[str | None]:
    """Return the codes of the actors whose span holds the first occurrence of ``phrase``."""
    start = text.index(phrase)
    return [a.code for a in actors if a.start <= start < a.end]


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("The US Secretary of State wants to help iSrael.", "iSrael", "ISR"),
        ("Syrian forces clash with tunisian rioters in the square.", "tunisian", "TUN"),
        ("russia and china signed a deal on monday.", "china", "CHN"),
        ("israeli troops entered gaza on friday.", "israeli", "ISR"),
        ("RUSSIA SAYS UNITED STATES MUST LEAVE SYRIA", "UNITED STATES", "USA"),
    ],
)
def test_state_names_in_odd_letter_case(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str, code: str
) -> None:
    assert codes_at(resolve(nlp, resolver, text), text, phrase) == [code]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("We ate turkey for dinner with the family.", "turkey"),
        ("She bought fine china plates and a turkey.", "china"),
        ("chad went home after school.", "chad"),
        ("Please polish the floor before the guests arrive.", "polish"),
        ("He ordered french fries and swiss cheese.", "french"),
        ("He wore a panama hat and a jersey.", "panama"),
    ],
)
def test_common_words_in_lower_case_are_not_states(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str
) -> None:
    assert codes_at(resolve(nlp, resolver, text), text, phrase) == []


def sector_at(actors: tuple[Actor, ...], text: str, phrase: str) -> list[tuple[str | None, ...]]:
    """Return (code, sector) of the actors whose span holds the first ``phrase``."""
    start = text.index(phrase)
    return [(a.code, a.sector) for a in actors if a.start <= start < a.end]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Labour won the election in Britain.", "Labour", [("GBR", "PTY")]),
        ("Labour costs rose sharply last year.", "Labour", []),
        ("Australia's Labor Party won the vote in Canberra.", "Labor Party", [("AUS", "PTY")]),
        ("Likud and Labor formed a coalition in Israel.", "Labor", [("ISR", "PTY")]),
        ("The Umma party said it would boycott the vote in Khartoum.", "Umma", [("SDN", "PTY")]),
        ("The Umma party will boycott Algeria's elections.", "Umma", [("DZA", "PTY")]),
        ("The Congress party won in Punjab.", "Congress", [("IND", "PTY")]),
        ("The BJP accused the Congress of corruption.", "Congress of", [("IND", "PTY")]),
        ("The Knesset approved the budget.", "Knesset", [("ISR", "LEG")]),
        ("The Duma passed the law on Friday.", "Duma", [("RUS", "LEG")]),
        ("The Riigikogu debated the treaty.", "Riigikogu", [("EST", "LEG")]),
        (
            "US officials said Congress would vote. The United States wants a deal.",
            "Congress",
            [("USA", "LEG")],
        ),
        (
            "Estonia's government asked parliament to approve the deal.",
            "parliament",
            [("EST", "LEG")],
        ),
    ],
)
def test_parties_and_legislatures(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str, expected: list[tuple[str, str]]
) -> None:
    assert sector_at(resolve(nlp, resolver, text), text, phrase) == expected


def test_party_leader_keeps_the_party_sector(nlp: Any, resolver: ActorResolver) -> None:
    text = "Labour leader Keir Starmer criticised the plan."
    assert sector_at(resolve(nlp, resolver, text), text, "Starmer") == [("GBR", "PTY")]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "Egyptian police opened fire to disperse Islamic fundamentalists on Monday.",
            "fundamentalists",
            [("EGY", "RAD")],
        ),
        (
            "Islamists began a hunger strike to demand the resignation of Algerian "
            "President Ali Kafi.",
            "Islamists",
            [("DZA", "RAD")],
        ),
        ("Israeli troops fired at demonstrators on Friday.", "demonstrators", []),
        ("US diplomats said the rebels attacked a convoy.", "rebels", []),
        ("Protesters burned a US flag on Friday.", "Protesters", []),
        ("The USA helped the two dissidents from Egypt.", "dissidents", [("EGY", "OPP")]),
    ],
)
def test_groups_take_the_state_the_document_is_set_in(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str, expected: list[tuple[str, str]]
) -> None:
    assert sector_at(resolve(nlp, resolver, text), text, phrase) == expected


def test_a_body_belongs_to_the_person_it_is_of(nlp: Any, resolver: ActorResolver) -> None:
    text = (
        "The military government of President Jean Dorval declared a state of siege in Haiti, "
        "a spokeswoman for the U.S. embassy said."
    )
    assert sector_at(resolve(nlp, resolver, text), text, "government") == [("HTI", "GOV")]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "Rival militias fought in Tripoli, north of Beirut, the Lebanese army said.",
            "Tripoli",
            "LBN",
        ),
        ("Militias clashed in Tripoli on Monday, the Libyan government said.", "Tripoli", "LBY"),
        ("Fighting in Tripoli killed ten people.", "Tripoli", "LBY"),
        ("Protesters marched in Valencia, Spain's third city.", "Valencia", "ESP"),
        ("Police in Hyderabad, Pakistan arrested two men.", "Hyderabad", "PAK"),
        ("The US envoy visited Birmingham on Friday.", "Birmingham", "GBR"),
        ("The mayor of Birmingham, Alabama, met the governor.", "Birmingham", "USA"),
    ],
)
def test_city_names_shared_by_states_follow_the_document(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str, expected: str
) -> None:
    assert codes_at(resolve(nlp, resolver, text), text, phrase) == [expected]


def test_shared_city_name_with_no_state_named_has_no_code(
    nlp: Any, resolver: ActorResolver
) -> None:
    text = "Thousands marched through Valencia on Sunday."
    states = tuple(a for a in resolve(nlp, resolver, text) if a.kind == "state")
    assert codes_at(states, text, "Valencia") == []


@pytest.mark.parametrize(
    ("text", "published_at", "expected"),
    [
        (
            "Barack Obama and Vladimir Putin will meet in Zurich.",
            "2015-06-01",
            {"Barack Obama": "USA", "Vladimir Putin": "RUS"},
        ),
        (
            "Obama and Russian President Vladimir Putin spoke by phone.",
            "2015-06-01",
            {"Obama": "USA", "Russian President Vladimir Putin": "RUS"},
        ),
        ("Merkel, Hollande and Putin agreed on a ceasefire.", "2015-02-12", None),
        ("Netanyahu and Abbas will meet next week.", None, {"Netanyahu": "ISR", "Abbas": "PSE"}),
    ],
)
def test_people_joined_by_and_each_resolve(
    nlp: Any,
    resolver: ActorResolver,
    text: str,
    published_at: str | None,
    expected: dict[str, str] | None,
) -> None:
    people = [a for a in resolve(nlp, resolver, text, published_at) if a.kind == "person"]
    if expected is None:
        expected = {"Merkel": "DEU", "Hollande": "FRA", "Putin": "RUS"}
    assert {a.text: a.code for a in people} == expected


@pytest.mark.parametrize(
    ("text", "published_at", "code"),
    [
        ("Stoltenberg said the talks would continue.", None, None),  # NOR or NATO: unknown
        ("Stoltenberg said the talks would continue.", "2016-05-01", "NATO"),
        ("Stoltenberg said the talks would continue.", "2008-05-01", "NOR"),
        ("Netanyahu said the talks would continue.", None, "ISR"),  # one state in every term
    ],
)
def test_office_holders_without_a_date_need_a_unique_state(
    nlp: Any, resolver: ActorResolver, text: str, published_at: str | None, code: str | None
) -> None:
    people = [a for a in resolve(nlp, resolver, text, published_at) if a.kind == "person"]
    assert [a.code for a in people] == [code]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The NPFL had taken over the city of Greenville.", "NPFL", [("LBR", "REB")]),
        ("The IRA said it would disarm.", "IRA", [("GBR", "REB")]),
        ("Abu Sayyaf gunmen kidnapped two tourists.", "Abu Sayyaf", [("PHL", "REB")]),
    ],
)
def test_armed_groups_are_coded_where_they_fight(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str, expected: list[tuple[str, str]]
) -> None:
    assert sector_at(resolve(nlp, resolver, text), text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The Bush administration said China must drop its barriers.", "administration", "USA"),
        ("The BNP leader was arrested by British police in Leeds.", "BNP", "GBR"),
        ("The BNP called a general strike in Dhaka.", "BNP", "BGD"),
        # one mention of a US person among other states: left open, as the PETRARCH gold does
        ("Obama faces pressure from Congress to help Iran.", "Congress", None),
        ("Republicans in Congress rejected the plan.", "Congress", "USA"),
    ],
)
def test_owners_and_shared_party_names(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str, expected: str | None
) -> None:
    found = codes_at(resolve(nlp, resolver, text), text, phrase)
    assert found == ([expected] if expected else [])
