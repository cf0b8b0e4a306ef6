"""Turn one time expression into a calendar period, relative to the publication day.

A :class:`Period` is the first and last day of the day, week, month or year an expression
names ("on Wednesday" in a story published Thursday 13 Jan 2022 is 2022-01-12 to 2022-01-12;
"earlier this week" is 2022-01-10 to 2022-01-16). Which expression dates an event is decided
in :mod:`eventwire.events.when`.

dateparser parses the absolute forms ("Jan. 10", "10 January 2022", "March 2019", "three weeks
ago"). Relative forms are resolved here, because dateparser gets them wrong or not at all:
it reads a weekday that equals the publication weekday as the week before, returns the current
clock time for "the 1990s", does not know "earlier this week" or "in recent months", and with
future preference skips the publication day itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

__all__ = [
    "MONTH_RE",
    "NUMBER_WORDS",
    "WEEKDAY_RE",
    "Period",
    "Precision",
    "add_months",
    "align",
    "resolve_period",
]

Precision = Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar period: its first day, its precision and its last day."""

    start: dt.date
    precision: Precision
    end: dt.date


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
WEEKDAY_RE = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_YEAR_RE = r"\b(1[5-9]\d\d|20\d\d)\b"
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a few": 3,
    "few": 3,
    "several": 3,
    "a couple of": 2,
}
# "in recent days/weeks/...": the period containing publication, at this precision.
_RECENT_PRECISION: dict[str, Precision] = {
    "days": "week",
    "weeks": "month",
    "months": "month",
    "years": "year",
}


@lru_cache(maxsize=4096)
def resolve_period(text: str, base: dt.date | None, *, future: bool) -> Period | None:
    """Turn one expression into a calendar period, or None when it is not a date."""
    low = " ".join(text.lower().replace("’", "'").split())
    if re.search(r"\bnext\b|\bcoming\b|\btomorrow\b|\blater this\b", low):
        future = True
    elif re.search(r"\blast\b|\bago\b|\byesterday\b|\bearlier\b|\bpast\b|\bprevious\b", low):
        future = False
    decade = re.search(r"'(\d{2})s\b|\b(1[5-9]\d0|20\d0)s\b", low)
    if decade and "ago" not in low:
        # Two-digit decades ("the '90s") only with the apostrophe: "in his 20s" is an age.
        year = int(decade.group(2)) if decade.group(2) else 1900 + int(decade.group(1))
        if decade.group(1) and year < 1930:
            year += 100
        return Period(dt.date(year, 1, 1), "year", dt.date(year + 9, 12, 31))
    if base is not None:
        period = _relative(low, base, future=future)
        if period is not None:
            return period
    return _absolute(low, base, future=future)


def _relative(low: str, base: dt.date, *, future: bool) -> Period | None:
    """Resolve expressions anchored on the publication day (weekdays, "last week", ...)."""
    if re.search(r"\b(?:daily|weekly|monthly|annual|every|each)\b", low):
        return None
    if re.search(r"\bday before yesterday\b", low):
        return _day(base - dt.timedelta(days=2))
    if re.search(r"\byesterday\b|\blast night\b", low):
        return _day(base - dt.timedelta(days=1))
    if re.search(r"\btomorrow\b", low):
        return _day(base + dt.timedelta(days=1))
    if re.search(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", low):
        return _day(base)
    weekday = re.search(rf"\b(last |next |this )?({WEEKDAY_RE})\b", low)
    if weekday:
        target = _WEEKDAYS.index(weekday.group(2))
        back = (base.weekday() - target) % 7
        ahead = (target - base.weekday()) % 7
        if weekday.group(1) == "last ":
            back = back or 7
        if weekday.group(1) == "next ":
            ahead = ahead or 7
        return _day(base + dt.timedelta(days=ahead) if future else base - dt.timedelta(days=back))
    unit = re.search(r"\b(this|last|next|past|previous|coming) (week(?:end)?|month|year)\b", low)
    if unit:
        step = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}
        return _shift(base, unit.group(2), step[unit.group(1)], future=future)
    if re.search(r"\bthe weekend\b", low):
        return _shift(base, "weekend", 0, future=future)
    recent = re.search(
        r"\b(?:recent |past (?:few |several |\w+ )?|last (?:few |several |\w+ )?)"
        r"(days|weeks|months|years)\b",
        low,
    )
    if recent:
        return align(base, _RECENT_PRECISION[recent.group(1)])
    ago = re.search(
        r"\b(\d+|a couple of|a few|several|an?|one|two|three|four|five|six|seven|eight|nine"
        r"|ten) (day|week|month|year)s? ago\b",
        low,
    )
    if ago:
        amount = ago.group(1)
        count = int(amount) if amount.isdigit() else NUMBER_WORDS[amount]
        kind = ago.group(2)
        if kind == "day":
            return _day(base - dt.timedelta(days=count))
        if kind == "week":
            return align(base - dt.timedelta(weeks=count), "week")
        if kind == "month":
            return align(add_months(base, -count), "month")
        return align(dt.date(base.year - count, 1, 1), "year")
    return None


def _absolute(low: str, base: dt.date | None, *, future: bool) -> Period | None:
    """Resolve calendar expressions ("Jan. 10", "10 January 2022", "March", "in 2014")."""
    year_match = re.search(_YEAR_RE, low)
    has_month = re.search(rf"\b{MONTH_RE}", low) is not None
    if not has_month:
        if year_match is None or re.search(r"\d{1,2}/\d{1,2}", low):
            return None
        year = int(year_match.group(1))
        return Period(dt.date(year, 1, 1), "year", dt.date(year, 12, 31))
    if base is None and year_match is None:
        return None
    parsed = _dateparser(re.sub(r"\b(?:early|mid|late|the end of|the start of)-?\s*", "", low))
    if parsed is None:
        return None
    month, day = parsed
    if year_match is not None:
        year = int(year_match.group(1))
    else:
        assert base is not None
        # The year is ours to choose: dateparser skips the publication day itself.
        later = (month, day or 1) > (base.month, base.day if day else 1)
        earlier = (month, day or 1) < (base.month, base.day if day else 1)
        year = base.year
        if future and earlier:
            year += 1
        elif not future and later:
            year -= 1
    if day is None:
        return align(dt.date(year, month, 1), "month")
    try:
        return _day(dt.date(year, month, day))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _dateparser(text: str) -> tuple[int, int | None] | None:
    """Parse a month (and day) with dateparser; return (month, day or None)."""
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=["en"],
        settings={
            # A fixed leap-year base so that "Feb. 29" parses; the year is chosen by the caller.
            "RELATIVE_BASE": dt.datetime(2000, 1, 1),
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_TIME_AS_PERIOD": True,
        },
    )
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    if data.period in {"month", "year"}:
        return data.date_obj.month, None
    return data.date_obj.month, data.date_obj.day


def _day(day: dt.date) -> Period:
    return Period(day, "day", day)


def align(day: dt.date, precision: Precision) -> Period:
    """Return the calendar period of ``precision`` that contains ``day``."""
    if precision == "day":
        return _day(day)
    if precision == "week":
        start = day - dt.timedelta(days=day.weekday())
        return Period(start, "week", start + dt.timedelta(days=6))
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return Period(day.replace(day=1), "month", day.replace(day=last))
    return Period(dt.date(day.year, 1, 1), "year", dt.date(day.year, 12, 31))


def add_months(day: dt.date, months: int) -> dt.date:
    """Return the first day of the month ``months`` after (or before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _shift(base: dt.date, unit: str, step: int, *, future: bool) -> Period:
    """Return this/last/next week, weekend, month or year relative to ``base``."""
    if unit == "week":
        return align(base + dt.timedelta(weeks=step), "week")
    if unit == "weekend":
        # The weekend is dated by the week it belongs to (Monday of that week).
        saturday = base + dt.timedelta(days=(5 - base.weekday()) % 7)
        if step < 0 or (step == 0 and not future and saturday > base):
            saturday -= dt.timedelta(weeks=1)
        elif step > 0 and saturday <= base:
            saturday += dt.timedelta(weeks=1)
        return align(saturday, "week")
    if unit == "month":
        return align(add_months(base, step), "month")
    return align(dt.date(base.year + step, 1, 1), "year")
