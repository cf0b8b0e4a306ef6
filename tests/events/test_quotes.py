"""Quotes: direct and indirect speech with speakers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import make_parsed

from eventwire.events.quote_marks import inside, marked_spans, paragraph_starts
from eventwire.events.quotes import find_quotes
from eventwire.records import Actor, Parsed, Quote

if TYPE_CHECKING:
    from spacy.language import Language


def _parsed(nlp: Language, text: str, doc_id: str = "d1") -> Parsed:
    paragraphs = tuple(text.split("\n\n"))
    return make_parsed(
        nlp, text, doc_id=doc_id, paragraphs=paragraphs, published_at="2022-01-13T15:42:00Z"
    )


def _mentions(text: str, surface: str, **fields: object) -> list[Actor]:
    return [
        Actor(text=surface, start=m.start(), end=m.end(), **fields)  # type: ignore[arg-type]
        for m in re.finditer(re.escape(surface), text)
    ]


def _direct(quotes: tuple[Quote, ...]) -> list[Quote]:
    return [q for q in quotes if q.kind == "direct"]


@pytest.fixture
def seed_body(seed_text: str) -> str:
    return "\n\n".join(seed_text.splitlines()[3:13])


def _seed_actors(body: str) -> tuple[Actor, ...]:
    kallas = _mentions(body, "Kaja Kallas", code="EST", name="Kaja Kallas", kind="person")
    surname = [
        a
        for a in _mentions(body, "Kallas", code="EST", name="Kaja Kallas", kind="person")
        if not any(k.start <= a.start < k.end for k in kallas)
    ]
    stoltenberg = _mentions(
        body, "Jens Stoltenberg", code="NATO", name="Jens Stoltenberg", kind="person"
    )
    reuters = _mentions(body, "Reuters", code=None, name="Reuters", kind="organisation")
    return tuple(sorted(kallas + surname + stoltenberg + reuters, key=lambda a: a.start))


@pytest.mark.parametrize("with_actors", [True, False])
def test_seed_quotes_match_gold(
    nlp: Language, seed_body: str, seed_gold: dict[str, object], with_actors: bool
) -> None:
    actors = _seed_actors(seed_body) if with_actors else ()
    quotes = find_quotes(_parsed(nlp, seed_body, "seed"), actors)
    direct = _direct(quotes)
    gold = seed_gold["quotes"]
    assert isinstance(gold, list)
    assert len(direct) == len(gold)
    for quote, expected in zip(direct, gold, strict=True):
        assert quote.text.startswith(expected["starts_with"])
        assert quote.speaker_name == expected["speaker"]
        if with_actors:
            assert quote.speaker is not None and quote.speaker.code == expected["speaker_code"]
        assert seed_body[quote.start : quote.end] == quote.text
    told, continued, said = direct
    assert told.cue == "told" and continued.cue is None and said.cue == "said"
    assert all(q.speaker_name != "Reuters" for q in direct)  # the addressee of "told"


def test_seed_ids_offsets_and_indirect(nlp: Language, seed_body: str) -> None:
    quotes = find_quotes(_parsed(nlp, seed_body, "seed"), _seed_actors(seed_body))
    assert [q.id for q in quotes] == [f"seed:q{n}" for n in range(1, len(quotes) + 1)]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    explained = next(q for q in quotes if q.cue == "explained")
    assert explained.kind == "indirect"
    assert explained.text.startswith("her nation has serious concerns")
    assert explained.speaker_name == "Kaja Kallas"
    according = next(q for q in quotes if q.cue == "according to")
    assert according.kind == "indirect" and according.speaker_name == "Reuters"
    assert according.text.startswith("the Baltic states laid out their demands")


def test_speaker_after_colon_and_inverted_said(nlp: Language) -> None:
    text = (
        'Foreign Minister Sergey Lavrov said: "We will not accept these terms."\n\n'
        '"The door remains open," said Antony Blinken, the US Secretary of State.'
    )
    lavrov, blinken = _direct(find_quotes(_parsed(nlp, text), ()))
    assert (lavrov.speaker_name, lavrov.cue) == ("Sergey Lavrov", "said")
    assert lavrov.text == "We will not accept these terms."
    assert blinken.speaker_name == "Antony Blinken"
    assert blinken.text == "The door remains open"


def test_surname_expands_to_earlier_full_name_and_actor(nlp: Language) -> None:
    text = (
        "Angela Merkel arrived in Paris on Monday.\n\n"
        '"We need a common answer to this crisis," Merkel told reporters.'
    )
    actors = tuple(
        _mentions(text, "Angela Merkel", code="DEU", name="Angela Merkel", kind="person")
    )
    (quote,) = _direct(find_quotes(_parsed(nlp, text), actors))
    assert quote.speaker_name == "Angela Merkel"
    assert quote.speaker is not None and quote.speaker.code == "DEU"
    assert quote.cue == "told"


def test_multi_paragraph_quote_continues_speaker(nlp: Language) -> None:
    text = (
        '"We are ready to talk," the minister said. "But we will defend our borders.\n\n'
        '"Nobody should doubt that," he added.\n\n'
        "The talks resumed in Geneva."
    )
    quotes = _direct(find_quotes(_parsed(nlp, text), ()))
    assert [q.text for q in quotes] == [
        "We are ready to talk",
        "But we will defend our borders.",
        "Nobody should doubt that",
    ]
    assert quotes[1].speaker_name == quotes[0].speaker_name == "the minister"
    assert quotes[1].cue is None


def test_dash_signed_quote_and_double_apostrophes(nlp: Language) -> None:
    text = (
        "“This campaign has made us ashamed of our politics.” ― Maria Lopez\n\n"
        "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist."
    )
    signed, apostrophes = _direct(find_quotes(_parsed(nlp, text), ()))
    assert signed.speaker_name == "Maria Lopez"
    assert apostrophes.text == "This isn't tax reform"
    assert apostrophes.speaker_name == "Douglas Holtz-Eakin"


def test_scare_quote_is_not_direct_speech(nlp: Language) -> None:
    text = "The opposition called the vote “rigged” and demanded a recount."
    assert _direct(find_quotes(_parsed(nlp, text), ())) == []


def test_title_in_quotes_is_not_direct_speech(nlp: Language) -> None:
    text = "He appeared on “Morning Joe” on Monday.\n\n“Fire And Fury” sold well."
    assert _direct(find_quotes(_parsed(nlp, text), ())) == []


def test_indirect_speech_with_complement_clause(nlp: Language) -> None:
    text = "Ukrainian officials said Russia had moved more tanks to the border."
    (quote,) = find_quotes(_parsed(nlp, text), ())
    assert quote.kind == "indirect"
    assert quote.text == "Russia had moved more tanks to the border"
    assert quote.speaker_name == "Ukrainian officials"
    assert text[quote.start : quote.end] == quote.text


def test_nested_quotes_stay_inside(nlp: Language) -> None:
    text = (
        '"He told us, “Stay home tonight,” and we did," the resident said.\n\n'
        "“She called it ‘a disgrace’ in public,” the aide said."
    )
    quotes = _direct(find_quotes(_parsed(nlp, text), ()))
    assert [q.text for q in quotes] == [
        "He told us, “Stay home tonight,” and we did",
        "She called it ‘a disgrace’ in public",
    ]


@pytest.mark.parametrize(
    "text",
    [
        '"Unclosed quotation at the end of the story, the minister said.',
        'He said "yes and then "no" and then" nothing." Then “more ” ” “ ‘ ’ ’.',
        "“\n\n”",
        '"',
        "‘Single’ marks and don’t apostrophes’ everywhere ‘",
        '"" ""  "a" ',
        "The 6'5\" forward said nothing.",
    ],
)
def test_unbalanced_marks_do_not_crash(nlp: Language, text: str) -> None:
    quotes = find_quotes(_parsed(nlp, text), ())
    for q in quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we stay" today.', ["we stay"]),
        ('"Open here.\n\n"And closed," she said.', ["Open here.", "And closed"]),
        ("“Outer ‘inner’ end,” he said.", ["Outer ‘inner’ end"]),
        ("‘British style,’ she said.", ["British style"]),
        ("''Wire style,'' he said.", ["Wire style"]),
        ("Don’t count apostrophes’ here.", []),
        ('"Never closed.\n\nPlain paragraph.', []),
    ],
)
def test_marks_pair_in_plain_text(text: str, expected: list[str]) -> None:
    found = marked_spans(text, paragraph_starts(text))
    assert [text[m.start : m.end] for m in found] == expected


@given(st.text(alphabet="ab .,:\n\"“”‘’«»'`―", max_size=60))
def test_marks_stay_inside_the_text(text: str) -> None:
    found = marked_spans(text, paragraph_starts(text))
    marks = sorted((m.open_at, m.close_at) for m in found)
    for m in found:
        assert 0 <= m.open_at < m.close_at <= len(text)
        assert m.open_at <= m.start <= m.end <= m.close_at
        assert all(inside(i, marks) for i in range(m.open_at, m.close_at))
