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
Turning one expression into a calendar period (weekdays, "last week", "Jan. 10", "the
1990s") is :mod:`eventwire.events.periods`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.events.periods import (
    MONTH_RE,
    NUMBER_WORDS,
    WEEKDAY_RE,
    Period,
    Precision,
    add_months,
    align,
    resolve_period,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["DateGrounding", "ground_date", "publication_date"]


@dataclass(frozen=True, slots=True)
class DateGrounding:
    """When a sentence's event happened, as far as the text says."""

    date: str | None
    precision: Precision | None
    historical: bool
    expression: str | None


# Words before an expression that make it a bound or deadline, not the event's date.
_BOUNDING = {"since", "until", "till", "by", "through"}
# "is scheduled for March 3", "is due on Friday": a plan, so the date looks forward.
_SCHEDULING = {"schedule", "plan", "due", "slate", "expect", "set"}
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
# Candidate expressions found by pattern when the NER missed them (the small model often does).
_FALLBACK_RE = re.compile(
    rf"\b(?:(?:last|next|this|earlier|later)\s+)?{WEEKDAY_RE}\b"
    r"|\b(?:yesterday|today|tonight|tomorrow|last night)\b"
    r"|\b(?:earlier|later)?\s*(?:this|last|next)\s+(?:week|weekend|month|year)\b"
    rf"|\b{MONTH_RE}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?"
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
    best: tuple[tuple[int, int, int], str, Period] | None = None
    for start, end, text in _candidates(sent):
        closeness = _distance(sent, start, end, head)
        if closeness is None:
            continue
        period = resolve_period(text, base, future=future)
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
        if match.group()[0].islower() and re.match(MONTH_RE, match.group(), re.IGNORECASE):
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
            return NUMBER_WORDS.get(word)
    return 1 if span.lower_ in _SPAN_UNITS else None


def _time_clause_period(
    sent: Span, base: dt.date | None, head: Token, days: int
) -> tuple[str, Period] | None:
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
    period = align(start, outer.precision)
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
            moved = add_months(start, step)
        else:
            moved = dt.date(start.year + step, 1, 1)
        precision: Precision = outer.precision if unit == "day" else unit  # type: ignore[assignment]
        return f"{span.text} {'after' if direction < 0 else 'before'} {outer.expression}", align(
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
