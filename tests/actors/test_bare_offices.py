"""Bare office titles, "Mr <Surname>" without a full name, and police forces named after places."""

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


def at(actors: tuple[Actor, ...], text: str, phrase: str) -> list[tuple[str | None, str | None]]:
    """Return (code, sector) of the actors whose span holds the first ``phrase``."""
    start = text.index(phrase)
    return [(a.code, a.sector) for a in actors if a.start <= start < a.end]


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        (
            "Labour and the Tories clashed over tax in the Commons. The chancellor said "
            "borrowing would fall.",
            "chancellor",
            "GBR",
        ),
        (
            "Tory MPs attacked Labour's asylum plans. The home secretary defended them.",
            "home secretary",
            "GBR",
        ),
        (
            "The Bundestag debated the budget and German unions protested in Berlin. "
            "The chancellor promised reforms.",
            "chancellor",
            "DEU",
        ),
        (
            "Ukraine's parliament met in Kyiv. The president said Ukraine would not give up land.",
            "president",
            "UKR",
        ),
    ],
)
def test_a_bare_title_is_the_office_of_the_state_the_story_is_about(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str, code: str
) -> None:
    actors = resolve(nlp, resolver, text)
    assert at(actors, text, phrase) == [(code, "GOV")]
    (actor,) = [a for a in actors if a.text.endswith(phrase)]
    assert actor.kind == "person" and actor.role == phrase and actor.confidence < 0.5


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # two states compete: neither is the story's
        ("Russia and Ukraine met in Geneva. The president said talks would go on.", "president"),
        # Britain has no president: a British story's president is someone else's
        ("Labour and the Tories clashed in the Commons. The president called.", "president"),
        # not a national office: former, of a club, a university's
        ("Labour won in Britain. The former prime minister spoke.", "prime minister"),
        ("Labour won in Britain. The president of the club resigned.", "president"),
        ("Congress met in Washington. The chancellor of the university resigned.", "chancellor"),
        # no state at all
        ("The prime minister said the plan would work.", "prime minister"),
    ],
)
def test_a_bare_title_is_left_open_without_one_clear_state(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str
) -> None:
    assert all(code is None for code, _ in at(resolve(nlp, resolver, text), text, phrase))


@pytest.mark.parametrize(
    ("text", "phrase", "code", "sector", "date"),
    [
        ("Mr Brown said the economy was strong.", "Brown", "GBR", "GOV", "2005-02-01"),
        ("Mr Brown said the economy was strong.", "Brown", "GBR", "GOV", None),
        ("Mrs Braverman said the plan would stop the boats.", "Braverman", "GBR", "GOV", None),
        ("Mr Osborne said the deficit would fall.", "Osborne", "GBR", "GOV", "2012-03-01"),
        ("Mr Blunkett defended ID cards.", "Blunkett", "GBR", "GOV", "2003-01-01"),
        ("Mr Paulson said the banks would be rescued.", "Paulson", "USA", "GOV", "2008-10-01"),
        (
            "Labour and the Tories clashed in the Commons. Mr Howard spoke.",
            "Howard",
            "GBR",
            "OPP",
            "2005-02-01",
        ),
    ],
)
def test_an_honorific_surname_is_the_one_office_holder_of_that_name(
    nlp: Any,
    resolver: ActorResolver,
    text: str,
    phrase: str,
    code: str,
    sector: str,
    date: str | None,
) -> None:
    assert at(resolve(nlp, resolver, text, date), text, phrase) == [(code, sector)]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # "Howard" without a date: Michael Howard (GBR) or John Howard (AUS)
        ("Mr Howard attacked the government on asylum.", None),
        # and in 2005 too, when the story names no state
        ("Mr Howard attacked the government on asylum.", "2005-02-01"),
        # Yellen chaired the Federal Reserve in 2016, not the Treasury
        ("Ms Yellen said rates would rise.", "2016-03-01"),
        # no Brown held an office in the table in 1985
        ("Mr Brown said the economy was strong.", "1985-01-01"),
        # the document names its Brown, whom the table does not know
        ("Nick Brown, the farm minister, spoke. Mr Brown said the economy was strong.", None),
    ],
)
def test_an_honorific_surname_with_no_unique_holder_stays_open(
    nlp: Any, resolver: ActorResolver, text: str, date: str | None
) -> None:
    actors = resolve(nlp, resolver, text, date)
    start = max(text.rfind("Mr "), text.rfind("Ms "))
    assert [a.code for a in actors if a.start <= start + 4 < a.end] in ([None], [])


def test_a_wife_is_not_her_husband(nlp: Any, resolver: ActorResolver) -> None:
    text = (
        "Michael Howard will tour the country. Mr Howard spoke. Mrs Howard made her debut. "
        "Mr Howard later joined her."
    )
    actors = resolve(nlp, resolver, text, "2005-02-01")
    assert at(actors, text, "Michael Howard") == [("GBR", "OPP")]
    assert at(actors, text, "Mrs Howard") in ([(None, None)], [])


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("The Metropolitan Police arrested two men.", "Metropolitan Police", "GBR"),
        ("Greater Manchester Police said the man was held.", "Greater Manchester Police", "GBR"),
        ("Scotland Yard said the inquiry was closed.", "Scotland Yard", "GBR"),
        ("The NYPD arrested protesters in Manhattan.", "NYPD", "USA"),
        ("The LAPD said it would investigate.", "LAPD", "USA"),
        ("The tram driver was arrested, British Transport Police said.", "British", "GBR"),
        ("West Yorkshire police confirmed they had arrested a man.", "West Yorkshire", "GBR"),
        ("Gardai arrested two men after the raid.", "Gardai", "IRL"),
    ],
)
def test_police_forces_named_after_a_place(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str, code: str
) -> None:
    assert at(resolve(nlp, resolver, text), text, phrase) == [(code, "COP")]


def test_westminster_is_the_british_parliament_not_a_us_city(
    nlp: Any, resolver: ActorResolver
) -> None:
    text = "A decision on whether to allow Westminster to legislate is set to be made."
    assert at(resolve(nlp, resolver, text), text, "Westminster") == [("GBR", "LEG")]


def test_a_place_name_before_a_lower_case_word_is_no_police_force(
    nlp: Any, resolver: ActorResolver
) -> None:
    text = "The Russia Today channel and Russia today agreed."
    assert at(resolve(nlp, resolver, text), text, "Russia today") == [("RUS", None)]


@pytest.mark.parametrize(
    ("text", "phrase", "code", "sector"),
    [
        ("Tory MP Boris Johnson has insisted he will not apologise.", "Boris", "GBR", "PTY"),
        ("On Tuesday Labour chairman Ian McCartney said his party would win.", "Ian", "GBR", "PTY"),
    ],
)
def test_a_party_right_before_a_described_name_gives_its_state(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str, code: str, sector: str
) -> None:
    assert at(resolve(nlp, resolver, text), text, phrase) == [(code, sector)]


def test_a_party_that_is_the_subject_is_no_description(nlp: Any, resolver: ActorResolver) -> None:
    text = "Yesterday Labour told Peter Smith to leave."
    assert at(resolve(nlp, resolver, text), text, "Peter") in ([(None, None)], [])
