"""Temporal grounding: resolve a sentence's time expressions against publication time.

"on Wednesday" in a story published Thursday 13 Jan 2022 is 2022-01-12. The result is a
:class:`DateGrounding`: a date, how precise it is, whether the event is historical, and the
expression it came from.

Conventions (the event record's ``event_date`` and ``date_precision`` follow them):

- ``date`` is always ISO ``YYYY-MM-DD`` and names the *first day* of the period that
  ``precision`` spans: the Monday of a week, the 1st of a month, 1 January of a year. So
  "earlier this week" in a Thursday 13 Jan 2022 story is ``2022-01-10`` with precision
  ``week``, "in December" is ``2021-12-01`` / ``month``, "in the 1990s" is ``1990-01-01`` /
  ``year``.
- An event is ``historical`` when the *whole* period lies at least ``historical_after_days``
  before publication ("in 2014", "two years ago"); "last year" in a January story is not,
  because it may mean last December.
- Weekday names and month names without a year refer to the most recent such day or month on
  or before publication (on the publication weekday itself, "on Thursday" is that day), unless
  the predicate is in the future tense ("will meet on Friday"), which looks forward.
- "since 2014", "until May" and "by Friday" bound a state or a deadline rather than date an
  event, so they are ignored.
- An event is dated from its own predicate's clause: the expressions attached to the
  predicate, to the verbs it is an argument or complement of ("launched an attack on
  Monday"), then to a clause governing it by conjunction, report or circumstance ("said on
  Monday it had attacked"). An expression inside a clause of its own ("who had been arrested
  15 months ago", "since a war ended on Aug 26") or modifying another noun ("the 1994
  genocide") dates that clause or noun, never the event; a predicate inside a relative
  clause takes no time from the clause around it.
- An act in a clause of time ("five years after North Korea fired a missile", "after Japan
  protested", "when the missile flew over") with no expression of its own is dated from the
  clause it qualifies, shifted by the clause's own span: "started in 2003, five years after
  X fired" dates the firing to 1998 (historical); "after" with no span puts the act no later
  than the governing clause (historical when it is), "when"/"as"/"while" in its period. An
  expression on a verb chained to the predicate ("started putting satellites into orbit in
  2003") dates the predicate too.
- A sentence without a usable expression is dated to the publication day; without a
  publication time, only expressions that carry their own year can be resolved.

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
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["DateGrounding", "ground_date", "publication_date"]

Precision = Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class DateGrounding:
    """When a sentence's event happened, as far as the text says."""

    date: str | None
    precision: Precision | None
    historical: bool
    expression: str | None


@dataclass(frozen=True, slots=True)
class _Period:
    start: dt.date
    precision: Precision
    end: dt.date


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_WEEKDAY_RE = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_YEAR_RE = r"\b(1[5-9]\d\d|20\d\d)\b"
_NUMBER_WORDS = {
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
# Words before an expression that make it a bound or deadline, not the event's date.
_BOUNDING = {"since", "until", "till", "by", "through"}
# "is scheduled for March 3", "is due on Friday": a plan, so the date looks forward.
_SCHEDULING = {"schedule", "plan", "due", "slate", "expect", "set"}
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
# Candidate expressions found by pattern when the NER missed them (the small model often does).
_FALLBACK_RE = re.compile(
    rf"\b(?:(?:last|next|this|earlier|later)\s+)?{_WEEKDAY_RE}\b"
    r"|\b(?:yesterday|today|tonight|tomorrow|last night)\b"
    r"|\b(?:earlier|later)?\s*(?:this|last|next)\s+(?:week|weekend|month|year)\b"
    rf"|\b{_MONTH_RE}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?"
    rf"|\b(?:in|during|of)\s+(?:the\s+)?(?:1[5-9]\d\d|20\d\d)s?\b",
    re.IGNORECASE,
)


def publication_date(published_at: str | None) -> dt.date | None:
    """Return the UTC calendar date of an ISO 8601 publication time, or None if unreadable."""
    if not published_at:
        return None
    text = published_at.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.UTC)
    return stamp.date()


def ground_date(
    sent: Span,
    published_at: str | None,
    *,
    historical_after_days: int = 365,
    predicate: Token | None = None,
) -> DateGrounding:
    """Resolve the time expression that governs ``sent``'s event against publication time.

    Args:
        sent: The sentence (a spaCy span with a dependency parse and entities).
        published_at: Publication time, ISO 8601 UTC (``"2022-01-13T15:42:00Z"``), or None.
        historical_after_days: A period ending at least this many days before publication
            makes the event historical.
        predicate: The event's predicate token; expressions attached to it in the parse are
            preferred over others in the sentence. Defaults to the sentence root.

    Returns:
        The grounding; the publication day (precision ``day``) when the sentence has no
        usable time expression, and ``date=None`` when there is nothing to anchor to.
    """
    base = publication_date(published_at)
    head = predicate if predicate is not None else sent.root
    future = _is_future(head)
    best: tuple[tuple[int, int, int], str, _Period] | None = None
    for start, end, text in _candidates(sent):
        closeness = _distance(sent, start, end, head)
        if closeness is None:
            continue
        period = _resolve(text, base, future=future)
        if period is None:
            continue
        rank = (*closeness, start)
        if best is None or rank < best[0]:
            best = (rank, text, period)
    if best is None or best[0][0] > 0:
        shifted = _time_clause_period(sent, base, head, historical_after_days)
        if shifted is not None:
            best = ((0, 0, 0), shifted[0], shifted[1])
    if best is None:
        if base is None:
            return DateGrounding(date=None, precision=None, historical=False, expression=None)
        return DateGrounding(
            date=base.isoformat(), precision="day", historical=False, expression=None
        )
    period = best[2]
    historical = base is not None and (base - period.end).days >= historical_after_days
    return DateGrounding(
        date=period.start.isoformat(),
        precision=period.precision,
        historical=historical,
        expression=best[1],
    )


def _candidates(sent: Span) -> list[tuple[int, int, str]]:
    """Return (start token, end token, text) of time expressions in ``sent``, in order."""
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for ent in sent.ents:
        if ent.label_ in {"DATE", "TIME"}:
            found.append((ent.start, ent.end, ent.text))
            taken.update(range(ent.start, ent.end))
    for match in _FALLBACK_RE.finditer(sent.text):
        if match.group()[0].islower() and re.match(_MONTH_RE, match.group(), re.IGNORECASE):
            continue  # "may", "march": a verb unless capitalised
        span = sent.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or taken.intersection(range(span.start, span.end)):
            continue
        text = re.sub(r"^(?:in|during|of)\s+", "", span.text, flags=re.IGNORECASE)
        found.append((span.start, span.end, text))
        taken.update(range(span.start, span.end))
    doc = sent.doc
    kept = []
    for start, end, text in sorted(found):
        before = doc[start - 1].lower_ if start > 0 else ""
        if before in _BOUNDING or text.lower().split()[0] in _BOUNDING:
            continue
        kept.append((start, end, text))
    return kept


# links by which a predicate belongs to the clause of the verb above it: "agreed on Saturday
# to provide aid", "launched an attack on Monday", "was fired at it on Tuesday"
_SAME_CLAUSE = frozenset(
    {"xcomp", "dobj", "obj", "pobj", "prep", "attr", "oprd", "acomp", "nsubjpass", "dative",
     "agent", "pcomp", "npadvmod", "appos", "compound"}
)  # fmt: skip
# links to a governing clause whose time may stand in for the predicate's (at a lower rank):
# a conjoined act ("attacked on Monday and seized"), a reported act ("said on Monday it had
# attacked"), a circumstance ("came as Israel announced")
_GOVERNING = frozenset({"conj", "ccomp", "parataxis", "advcl"})
# clause links an expression may not cross to reach the predicate: it dates its own clause
_CLAUSE_DEPS = frozenset(
    {"ccomp", "advcl", "relcl", "acl", "xcomp", "csubj", "csubjpass", "parataxis", "conj"}
)
# an expression modifying a noun ("the 1994 genocide") dates that noun, not the clause
_NOUN_MODIFIERS = frozenset({"nummod", "compound", "amod", "poss", "nmod"})


def _anchors(head: Token) -> dict[int, tuple[int, int]]:
    """Return the tokens whose time expressions may date ``head``: token → (rank, steps).

    Rank 0 is the predicate's own clause (itself and the verbs it is an argument or a
    complement of); rank 1 a clause governing it by conjunction, report or circumstance. A
    predicate in a relative clause or a noun's modifier ("who had been arrested", "officials
    jailed a year ago") takes no time from the clause around it.
    """
    anchors = {head.i: (0, 0)}
    rank, tok = 0, head
    for steps in range(1, 13):
        if tok.head.i == tok.i:
            break
        if tok.dep_ in _SAME_CLAUSE:
            pass
        elif tok.dep_ in _GOVERNING:
            rank += 1
        else:
            break  # relcl, acl, nsubj, ...: a description, not a time of its own
        tok = tok.head
        anchors.setdefault(tok.i, (rank, steps))
    return anchors


def _distance(sent: Span, start: int, end: int, head: Token) -> tuple[int, int] | None:
    """Score how closely the expression ``sent.doc[start:end]`` attaches to ``head``.

    Returns (rank, path length) for an expression in the predicate's own clause or in a
    clause governing it (lower is closer), or None when the expression dates something else:
    a relative or complement clause of its own, another noun ("the 1994 genocide" dates the
    genocide, not the sentence's other acts).
    """
    anchors = _anchors(head)
    root = sent.doc[start:end].root
    tok = root
    length = 0
    if tok.i in anchors:
        return anchors[tok.i]
    if root.dep_ in _NOUN_MODIFIERS and root.head.i != head.i and root.head.pos_ == "NOUN":
        return None  # (a date on a name is a misparse: "On 10 January 2022 Ryabkov met")
    while True:
        if tok.head.i == tok.i:
            return None
        if tok.dep_ in _CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX") and tok.dep_ != "xcomp":
            # the expression is inside a clause of its own; a verb chained to the predicate
            # by "xcomp" ("started putting satellites into orbit in 2003") is the same clause
            return None
        length += 1
        tok = tok.head
        if tok.i in anchors:
            rank, steps = anchors[tok.i]
            return rank, steps + length


# conjunctions of a clause of time, and where the act lies relative to the clause it qualifies
_TIME_MARKS = {"after": -1, "before": 1, "when": 0, "as": 0, "while": 0, "once": 0}
_SPAN_UNITS = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "year"}


def _time_clause(head: Token) -> tuple[Token, int, Token | None] | None:
    """Return (governing verb, direction, span token) of the clause of time ``head`` is in."""
    tok = head
    for _ in range(6):
        if tok.dep_ == "advcl":
            break
        if tok.dep_ not in _SAME_CLAUSE or tok.head.i == tok.i:
            return None
        tok = tok.head
    else:
        return None
    marks = [c for c in tok.children if c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS]
    if not marks or tok.head.i == tok.i:
        return None
    span = next(
        (c for c in tok.children if c.dep_ == "npadvmod" and c.lemma_.lower() in _SPAN_UNITS),
        None,
    )
    return tok.head, _TIME_MARKS[marks[0].lower_], span


def _span_count(span: Token) -> int | None:
    """Return the number of units a span names ("five years" → 5), or None."""
    for c in span.children:
        if c.dep_ == "nummod":
            word = c.lower_
            if word.isdigit():
                return int(word)
            return _NUMBER_WORDS.get(word)
    return 1 if span.lower_ in _SPAN_UNITS else None


def _time_clause_period(
    sent: Span, base: dt.date | None, head: Token, days: int
) -> tuple[str, _Period] | None:
    """Date an act in a clause of time from the clause it qualifies ("five years after")."""
    found = _time_clause(head)
    if found is None:
        return None
    gov, direction, span = found
    outer = ground_date(
        sent, None if base is None else base.isoformat(), predicate=gov, historical_after_days=days
    )
    if outer.date is None or outer.expression is None or outer.precision is None:
        return None
    start = dt.date.fromisoformat(outer.date)
    period = _align(start, outer.precision)
    if span is not None and direction != 0:
        count = _span_count(span)
        if count is None:
            return None
        unit = _SPAN_UNITS[span.lemma_.lower()]
        step = count * direction * (10 if span.lemma_.lower() == "decade" else 1)
        if unit == "day":
            moved = start + dt.timedelta(days=step)
        elif unit == "week":
            moved = start + dt.timedelta(weeks=step)
        elif unit == "month":
            moved = _add_months(start, step)
        else:
            moved = dt.date(start.year + step, 1, 1)
        precision: Precision = outer.precision if unit == "day" else unit  # type: ignore[assignment]
        return f"{span.text} {'after' if direction < 0 else 'before'} {outer.expression}", _align(
            moved, precision
        )
    if direction > 0:
        return None  # "before X": no later bound of its own
    return outer.expression, period


def _is_future(head: Token) -> bool:
    """Say whether ``head`` (or the verb chain governing it) is in the future tense."""
    tok = head
    for _ in range(4):
        if tok.lemma_ in _SCHEDULING and tok.tag_ != "VBD":
            return True
        for child in tok.children:
            if child.dep_ in {"aux", "auxpass"} and child.lower_ in _FUTURE_AUX:
                return True
            if child.dep_ == "aux" and child.lower_ == "to" and tok.head.lemma_ == "go":
                return True
        if tok.dep_ not in {"xcomp", "conj"} or tok.head.i == tok.i:
            break
        tok = tok.head
    return False


@lru_cache(maxsize=4096)
def _resolve(text: str, base: dt.date | None, *, future: bool) -> _Period | None:
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
        return _Period(dt.date(year, 1, 1), "year", dt.date(year + 9, 12, 31))
    if base is not None:
        period = _relative(low, base, future=future)
        if period is not None:
            return period
    return _absolute(low, base, future=future)


def _relative(low: str, base: dt.date, *, future: bool) -> _Period | None:
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
    weekday = re.search(rf"\b(last |next |this )?({_WEEKDAY_RE})\b", low)
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
        return _align(base, _RECENT_PRECISION[recent.group(1)])
    ago = re.search(
        r"\b(\d+|a couple of|a few|several|an?|one|two|three|four|five|six|seven|eight|nine"
        r"|ten) (day|week|month|year)s? ago\b",
        low,
    )
    if ago:
        amount = ago.group(1)
        count = int(amount) if amount.isdigit() else _NUMBER_WORDS[amount]
        kind = ago.group(2)
        if kind == "day":
            return _day(base - dt.timedelta(days=count))
        if kind == "week":
            return _align(base - dt.timedelta(weeks=count), "week")
        if kind == "month":
            return _align(_add_months(base, -count), "month")
        return _align(dt.date(base.year - count, 1, 1), "year")
    return None


def _absolute(low: str, base: dt.date | None, *, future: bool) -> _Period | None:
    """Resolve calendar expressions ("Jan. 10", "10 January 2022", "March", "in 2014")."""
    year_match = re.search(_YEAR_RE, low)
    has_month = re.search(rf"\b{_MONTH_RE}", low) is not None
    if not has_month:
        if year_match is None or re.search(r"\d{1,2}/\d{1,2}", low):
            return None
        year = int(year_match.group(1))
        return _Period(dt.date(year, 1, 1), "year", dt.date(year, 12, 31))
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
        return _align(dt.date(year, month, 1), "month")
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


def _day(day: dt.date) -> _Period:
    return _Period(day, "day", day)


def _align(day: dt.date, precision: Precision) -> _Period:
    """Return the calendar period of ``precision`` that contains ``day``."""
    if precision == "day":
        return _day(day)
    if precision == "week":
        start = day - dt.timedelta(days=day.weekday())
        return _Period(start, "week", start + dt.timedelta(days=6))
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return _Period(day.replace(day=1), "month", day.replace(day=last))
    return _Period(dt.date(day.year, 1, 1), "year", dt.date(day.year, 12, 31))


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _shift(base: dt.date, unit: str, step: int, *, future: bool) -> _Period:
    """Return this/last/next week, weekend, month or year relative to ``base``."""
    if unit == "week":
        return _align(base + dt.timedelta(weeks=step), "week")
    if unit == "weekend":
        # The weekend is dated by the week it belongs to (Monday of that week).
        saturday = base + dt.timedelta(days=(5 - base.weekday()) % 7)
        if step < 0 or (step == 0 and not future and saturday > base):
            saturday -= dt.timedelta(weeks=1)
        elif step > 0 and saturday <= base:
            saturday += dt.timedelta(weeks=1)
        return _align(saturday, "week")
    if unit == "month":
        return _align(_add_months(base, step), "month")
    return _align(dt.date(base.year + step, 1, 1), "year")
