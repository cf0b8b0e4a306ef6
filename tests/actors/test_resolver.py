"""The actors stage on the running example and on general cases (ambiguity, groups, roles)."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import make_parsed

from eventwire.actors import ActorResolver, actors_in
from eventwire.records import Actor


def resolve(
    nlp: Any, resolver: ActorResolver, text: str, published_at: str | None = "2022-01-13"
) -> tuple[Actor, ...]:
    paragraphs = tuple(text.split("\n\n"))
    parsed = make_parsed(nlp, text, doc_id="test", published_at=published_at, paragraphs=paragraphs)
    return resolver(parsed)


def find(actors: tuple[Actor, ...], text: str) -> list[Actor]:
    return [a for a in actors if a.text == text or (a.name == text and a.kind == "person")]


def test_seed_people_get_codes_and_sectors(
    nlp: Any, resolver: ActorResolver, seed_text: str, seed_gold: dict[str, Any]
) -> None:
    body = "\n\n".join(seed_text.splitlines()[3:11])  # the eight body paragraphs
    actors = resolve(nlp, resolver, body, "2022-01-13T15:42:00Z")
    for person in seed_gold["people"]:
        named = [a for a in actors if a.kind == "person" and a.name == person["name"]]
        assert named, person["name"]
        for actor in named:
            assert actor.code == person["code"], (person, actor)
            if "sector" in person:
                assert actor.sector == person["sector"], (person, actor)
    later = [a for a in actors if a.text == "Kallas"]
    assert later and all(a.code == "EST" for a in later)
    assert all(a.code is None and a.sector == "MED" for a in actors if a.text == "Reuters")
    for actor in actors:
        assert body[actor.start : actor.end] == actor.text
    assert [a.start for a in actors] == sorted(a.start for a in actors)


def test_role_comes_from_text_before_table(nlp: Any, resolver: ActorResolver) -> None:
    actors = resolve(
        nlp,
        resolver,
        "Earlier this week, Russia's Deputy Foreign Minister Sergey Ryabkov met with "
        "US Deputy Secretary of State Wendy Sherman to discuss a security deal.",
    )
    (ryabkov,) = [a for a in actors if a.name == "Sergey Ryabkov"]
    assert (ryabkov.code, ryabkov.sector, ryabkov.role) == ("RUS", "GOV", "Deputy Foreign Minister")
    (sherman,) = [a for a in actors if a.name == "Wendy Sherman"]
    assert (sherman.code, sherman.sector) == ("USA", "GOV")
    assert not [a for a in actors if a.text == "Russia"]  # folded into the person


def test_baltic_states_expand_to_members(nlp: Any, resolver: ActorResolver) -> None:
    actors = resolve(nlp, resolver, "The three Baltic nations asked for more troops.")
    members = [a for a in actors if a.group]
    assert sorted(a.code or "" for a in members) == ["EST", "LTU", "LVA"]
    assert {a.group for a in members} == {"Baltic states"}


def test_the_west_is_a_group_code(nlp: Any, resolver: ActorResolver) -> None:
    actors = resolve(
        nlp, resolver, "Moscow accused the West of meddling. Western allies denied it."
    )
    assert [a.code for a in actors if a.kind == "group"] == ["WST", "WST"]


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("NATO leaders met on Monday. The alliance will send troops.", "The alliance", "NATO"),
        ("The EU met in Brussels. The bloc agreed on sanctions.", "The bloc", "EU"),
        ("NATO and the EU talked. Later the bloc said it would wait.", "the bloc", "EU"),
        ("The world body called for a ceasefire.", "The world body", "UN"),
        ("He spoke to the US-led bloc on Friday.", "the US-led bloc", "NATO"),
    ],
)
def test_references_resolve_from_context(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str, code: str
) -> None:
    actors = resolve(nlp, resolver, text)
    assert [a.code for a in find(actors, phrase)] == [code]
    assert not [a for a in actors if a.code == "USA"]


def test_alliance_without_nato_is_not_resolved(nlp: Any, resolver: ActorResolver) -> None:
    actors = resolve(nlp, resolver, "The two parties formed the alliance in 1990.")
    assert not find(actors, "the alliance")


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Michael Jordan visited Amman yesterday.", "Jordan", None),
        ("King Abdullah said Jordan would close the border.", "Jordan", "JOR"),
        ("Chad Smith met reporters.", "Chad", None),
        ("Rebels in Chad attacked a convoy.", "Chad", "TCD"),
        ("Georgia's governor signed the bill in Atlanta.", "Georgia", "USA"),
        ("Russia and Georgia fought a war over South Ossetia.", "Georgia", "GEO"),
        ("We ate turkey and drank tea from china cups.", "turkey", None),
    ],
)
def test_ambiguous_names(
    nlp: Any, resolver: ActorResolver, text: str, name: str, code: str | None
) -> None:
    actors = resolve(nlp, resolver, text)
    start = text.index(name)
    states = [a for a in actors if a.kind == "state" and a.start <= start < a.end]
    assert [a.code for a in states] == ([code] if code else [])


@pytest.mark.parametrize(
    ("text", "phrase", "code", "sector"),
    [
        ("Russian troops massed near the border.", "Russian troops", "RUS", "MIL"),
        ("Iraqi police arrested two men.", "Iraqi police", "IRQ", "COP"),
        ("Estonian Prime Minister Kaja Kallas spoke.", "Kaja Kallas", "EST", "GOV"),
        ("The Prime Minister of Estonia spoke.", "Prime Minister of Estonia", "EST", "GOV"),
        ("The US leader prepared to attend the Olympics.", "US leader", "USA", "GOV"),
        ("Syrian rebels engaged Filipino peacekeepers.", "Syrian rebels", "SYR", "REB"),
        ("Ukrainian lawmakers endorsed the deal.", "Ukrainian lawmakers", "UKR", "LEG"),
        ("Palestinian protesters marched.", "Palestinian protesters", "PSE", "OPP"),
        ("The Kremlin rejected the offer.", "The Kremlin", "RUS", "GOV"),
        ("Moscow wants a legally binding deal.", "Moscow", "RUS", "GOV"),
    ],
)
def test_sectors_from_role_nouns(
    nlp: Any, resolver: ActorResolver, text: str, phrase: str, code: str, sector: str
) -> None:
    actors = resolve(nlp, resolver, text)
    hits = find(actors, phrase)
    assert hits, actors
    assert (hits[0].code, hits[0].sector) == (code, sector)


def test_modifiers_are_not_actors(nlp: Any, resolver: ActorResolver) -> None:
    actors = resolve(nlp, resolver, "A UK-based group said pro-Russia rebels shot down the plane.")
    assert not [a for a in actors if a.code in {"GBR", "RUS"}]


@pytest.mark.parametrize(
    ("published_at", "code", "sector"),
    [("2015-06-09", "USA", "GOV"), ("2019-03-01", "USA", None), (None, "USA", "GOV")],
)
def test_office_holder_table_checks_dates(
    nlp: Any, resolver: ActorResolver, published_at: str | None, code: str, sector: str | None
) -> None:
    actors = resolve(nlp, resolver, "Obama said he would not provide support.", published_at)
    (obama,) = [a for a in actors if a.kind == "person"]
    # out of office in 2019: still American, but not the government, and less sure
    assert (obama.code, obama.sector) == (code, sector)
    assert obama.confidence < 0.6 if published_at == "2019-03-01" else obama.confidence >= 0.55


def test_out_of_office_name_shared_by_two_states_gets_no_code(
    nlp: Any, resolver: ActorResolver
) -> None:
    text = "Yesterday Stoltenberg said he would not provide support."
    # Stoltenberg: Norway's prime minister, then NATO's secretary-general; neither in 1995
    actors = resolve(nlp, resolver, text, "1995-01-01")
    assert [a.code for a in actors if a.kind == "person"] == [None]


def test_text_role_wins_over_table(nlp: Any, resolver: ActorResolver) -> None:
    # Stoltenberg was Norway's prime minister in 2010; the appositive says otherwise.
    actors = resolve(
        nlp,
        resolver,
        '"We are ready," said Jens Stoltenberg, the Secretary-General of NATO.',
        "2010-05-01",
    )
    (person,) = [a for a in actors if a.kind == "person"]
    assert (person.code, person.role) == ("NATO", "Secretary-General")


def test_actors_in_selects_by_span(nlp: Any, resolver: ActorResolver) -> None:
    text = "Russia warned Ukraine. China praised Brazil."
    actors = resolve(nlp, resolver, text)
    cut = text.index("China")
    assert [a.code for a in actors_in(actors, 0, cut)] == ["RUS", "UKR"]
    assert [a.code for a in actors_in(actors, cut, len(text))] == ["CHN", "BRA"]


def test_lone_ambiguous_name_follows_a_full_person_mention(
    nlp: Any, resolver: ActorResolver
) -> None:
    actors = resolve(nlp, resolver, "Michael Jordan scored. Later Jordan said he was tired.")
    assert not [a for a in actors if a.code == "JOR"]
