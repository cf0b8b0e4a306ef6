"""Names written oddly or shared by several actors: letter case, legislatures, parties, cities."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.actors import ActorResolver
from eventwire.nlp import load
from eventwire.records import Actor, Article, Parsed
from eventwire.settings import ActorsSettings, NlpSettings


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load(NlpSettings())


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.from_settings(ActorsSettings())


def resolve(
    nlp: Any, resolver: ActorResolver, text: str, published_at: str | None = None
) -> tuple[Actor, ...]:
    article = Article(
        doc_id="t",
        url=None,
        title=None,
        paragraphs=(text,),
        text=text,
        language="en",
        published_at=published_at,
        published_at_raw=None,
        origin=None,
        publisher=None,
    )
    return resolver(Parsed(article=article, doc=nlp(text)))


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
