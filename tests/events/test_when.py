"""Temporal grounding: time expressions resolved against publication time."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from eventwire.events.when import DateGrounding, ground_date, publication_date

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

THU = "2022-01-13T15:42:00Z"  # Thursday, the seed story's publication time
MON = "2022-01-03T10:00:00Z"  # Monday, first week of a year


def _sent(nlp: Language, text: str) -> Span:
    return next(iter(nlp(text).sents))


@pytest.mark.parametrize(
    ("text", "published", "date", "precision", "historical"),
    [
        # weekdays: the most recent such day on or before publication
        (
            "The Prime Minister of Estonia revealed the plan on Wednesday.",
            THU,
            "2022-01-12",
            "day",
            False,
        ),
        ("The ministers met on Thursday.", THU, "2022-01-13", "day", False),
        ("The ministers met on Friday.", THU, "2022-01-07", "day", False),
        ("The ministers met on Friday.", MON, "2021-12-31", "day", False),
        ("Rebels attacked the town last Monday.", MON, "2021-12-27", "day", False),
        # future tense looks forward
        ("He will meet Putin on Friday.", THU, "2022-01-14", "day", False),
        ("He will meet Putin on Friday.", MON, "2022-01-07", "day", False),
        ("The summit is scheduled for March 3.", THU, "2022-03-03", "day", False),
        # deictic words
        ("The talks collapsed yesterday.", THU, "2022-01-12", "day", False),
        ("Protesters clashed with police last night.", MON, "2022-01-02", "day", False),
        ("Ministers meet today in Vienna.", THU, "2022-01-13", "day", False),
        # weeks: dated by their Monday
        ("Earlier this week, Ryabkov met Sherman in Geneva.", THU, "2022-01-10", "week", False),
        ("Protesters marched last week.", THU, "2022-01-03", "week", False),
        ("The troops withdrew over the weekend.", MON, "2021-12-27", "week", False),
        # months
        (
            "Earlier this month, protesters gathered at the White House.",
            THU,
            "2022-01-01",
            "month",
            False,
        ),
        ("Prices rose last month.", THU, "2021-12-01", "month", False),
        ("In December, Putin said the talks had failed.", THU, "2021-12-01", "month", False),
        ("He travelled to Kyiv in January.", THU, "2022-01-01", "month", False),
        ("He will travel to Kyiv in December.", THU, "2022-12-01", "month", False),
        ("Worries have risen in recent months.", THU, "2022-01-01", "month", False),
        # absolute dates, parsed by dateparser
        ("The meeting was held on Jan. 10 in Vienna.", THU, "2022-01-10", "day", False),
        ("The meeting was held on December 28.", MON, "2021-12-28", "day", False),
        ("On 10 January 2022 Ryabkov met Sherman.", THU, "2022-01-10", "day", False),
        ("The election was held on Nov. 8, 2016.", THU, "2016-11-08", "day", True),
        ("The treaty was signed in March 2019.", THU, "2019-03-01", "month", True),
        # years, decades, "ago"
        ("NATO boosted its troop presence in Lithuania in 2014.", THU, "2014-01-01", "year", True),
        ("Russia annexed Crimea two years ago.", THU, "2020-01-01", "year", True),
        ("The border was redrawn three days ago.", THU, "2022-01-10", "day", False),
        (
            "Trade between the two countries collapsed in the 1990s.",
            THU,
            "1990-01-01",
            "year",
            True,
        ),
        ("The war began in the '90s.", THU, "1990-01-01", "year", True),
        ("The country joined the bloc last year.", THU, "2021-01-01", "year", False),
        # no expression: the publication day
        ("Some NATO leaders believe Russia is preparing for war.", THU, "2022-01-13", "day", False),
        ("Talks may resume soon.", THU, "2022-01-13", "day", False),
        ("A man in his 20s was arrested.", THU, "2022-01-13", "day", False),
        # a bound, not a date
        ("Zelensky has led Ukraine since 2019.", THU, "2022-01-13", "day", False),
    ],
)
def test_ground_date(
    nlp: Language, text: str, published: str, date: str, precision: str, historical: bool
) -> None:
    got = ground_date(_sent(nlp, text), published)
    assert (got.date, got.precision, got.historical) == (date, precision, historical), got


def test_expression_is_reported(nlp: Language) -> None:
    got = ground_date(_sent(nlp, "Earlier this week, Ryabkov met Sherman."), THU)
    assert got == DateGrounding("2022-01-10", "week", False, "Earlier this week")
    assert ground_date(_sent(nlp, "Russia is preparing for war."), THU).expression is None


def test_seed_meeting_within_gold_window(nlp: Language) -> None:
    sent = _sent(
        nlp,
        "Earlier this week, Russia's Deputy Foreign Minister Sergey Ryabkov met with US "
        "Deputy Secretary of State Wendy Sherman to discuss a potential security deal.",
    )
    got = ground_date(sent, THU)
    assert got.date is not None and "2022-01-09" <= got.date <= "2022-01-13"


def test_historical_threshold_is_a_setting(nlp: Language) -> None:
    sent = _sent(nlp, "NATO boosted its presence in 2014.")
    assert ground_date(sent, THU).historical
    assert not ground_date(sent, THU, historical_after_days=10_000).historical


def test_predicate_prefers_its_own_expression(nlp: Language) -> None:
    doc = nlp("Trade fell in the 1990s, the minister said on Monday.")
    sent = next(iter(doc.sents))
    said = next(t for t in doc if t.text == "said")
    fell = next(t for t in doc if t.text == "fell")
    assert ground_date(sent, THU, predicate=said).date == "2022-01-10"
    by_fell = ground_date(sent, THU, predicate=fell)
    assert (by_fell.date, by_fell.historical) == ("1990-01-01", True)
    assert ground_date(sent, THU).expression == "Monday"  # default: the root, "said"


def test_no_publication_date(nlp: Language) -> None:
    relative = ground_date(_sent(nlp, "The talks collapsed on Wednesday."), None)
    assert relative == DateGrounding(None, None, False, None)
    absolute = ground_date(_sent(nlp, "The talks collapsed in 2014."), None)
    assert (absolute.date, absolute.precision) == ("2014-01-01", "year")
    assert not absolute.historical  # nothing to compare with


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-01-13T15:42:00Z", "2022-01-13"),
        ("2022-01-14T01:42:00+10:00", "2022-01-13"),
        ("2022-01-13", "2022-01-13"),
        ("not a date", None),
        (None, None),
    ],
)
def test_publication_date(value: str | None, expected: str | None) -> None:
    got = publication_date(value)
    assert (got.isoformat() if got else None) == expected


def _ground(nlp: Language, text: str, word: str, published: str = THU) -> DateGrounding:
    doc = nlp(text)
    pred = next(t for t in doc if t.text == word)
    return ground_date(next(iter(doc.sents)), published, predicate=pred)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a relative clause dates its own verb, not the main event
        (
            "The release of Adli Yaish, who had been arrested 15 months ago, came as Israel "
            "announced it would free over 150 Palestinian prisoners.",
            "free",
        ),
        ("Rebels who fought the army in the 1970s attacked the town.", "attacked"),
        ("The party, which was founded in 1988, condemned the arrests.", "condemned"),
        # a clause of circumstance dates its own verb
        (
            "A mortar bomb was fired at Israel in the first attack since a war in the enclave "
            "ended in 2014.",
            "fired",
        ),
        # a year modifying another noun dates that noun
        ("France rejected accusations of a role in the 1994 genocide.", "rejected"),
    ],
)
def test_side_clause_does_not_date_the_event(nlp: Language, text: str, word: str) -> None:
    got = _ground(nlp, text, word)
    assert (got.date, got.historical, got.expression) == ("2022-01-13", False, None), got


@pytest.mark.parametrize(
    ("text", "word", "date", "historical"),
    [
        # ... but it dates its own predicate
        (
            "The release of Adli Yaish, who had been arrested two years ago, came on Monday.",
            "arrested",
            "2020-01-01",
            True,
        ),
        (
            "France rejected accusations of a role in the 1994 genocide.",
            "genocide",
            "1994-01-01",
            True,
        ),
        # the predicate's own expression wins over the side clause's
        (
            "Israel said a mortar bomb was fired at it on Tuesday in the first attack since a war "
            "ended in 2014.",
            "fired",
            "2022-01-11",
            False,
        ),
        # a reported act takes the time of the report when it has none of its own
        (
            "Russia said on Monday that its troops had attacked Ukraine.",
            "attacked",
            "2022-01-10",
            False,
        ),
        # a noun predicate takes the time of the verb it is the object of
        ("Israel launched an attack on Gaza on Monday.", "attack", "2022-01-10", False),
    ],
)
def test_own_clause_dates_the_event(
    nlp: Language, text: str, word: str, date: str, historical: bool
) -> None:
    got = _ground(nlp, text, word)
    assert (got.date, got.historical) == (date, historical), got
