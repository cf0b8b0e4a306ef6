"""The actors stage: every actor mention in a parsed article, resolved to a code and sector."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventwire.actors.context import ContextRole, StateContext, context_roles, resolve_ethnic
from eventwire.actors.matching import Matchers
from eventwire.actors.mentions import (
    CONFIDENCE,
    Mention,
    attach_roles,
    build_mentions,
)
from eventwire.actors.people import Person, resolve_people
from eventwire.actors.tables import STATE_ENTRY_TYPES, Tables, load_tables
from eventwire.records import Actor, Parsed
from eventwire.settings import ActorsSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["ActorResolver", "actors_in"]

METONYM_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
# How a person was placed when their state may count as the document's context.
TEXT_EVIDENCE = frozenset({"role", "appositive", "of_state", "next_sentence", "table"})


def actors_in(actors: Sequence[Actor], start: int, end: int) -> list[Actor]:
    """Return the actors whose span lies within the character range [start, end)."""
    return [a for a in actors if a.start >= start and a.end <= end]


def _published(parsed: Parsed) -> dt.date | None:
    raw = parsed.article.published_at
    if not raw:
        return None
    try:
        return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        return None


class ActorResolver:
    """Resolve actor mentions with tables loaded once; call it on each parsed article.

    Build it with :meth:`from_settings`. The spaCy matchers are compiled on first use for the
    vocab of the documents it is given (the tables need the model's tokenizer and strings).
    """

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self.state_codes = frozenset(
            c for e in tables.entries.values() if e.type in STATE_ENTRY_TYPES for c in e.codes
        )
        self._matchers: Matchers | None = None
        self._vocab: Vocab | None = None

    @classmethod
    def from_settings(cls, settings: ActorsSettings) -> ActorResolver:
        """Load the packaged tables, then ``settings.extra_tables``.

        Raises:
            LexiconError: A table is malformed (the message names the file and line).
        """
        return cls(load_tables(settings.extra_tables))

    def matchers(self, vocab: Vocab) -> Matchers:
        """Return the matchers compiled for ``vocab`` (compiled once)."""
        if self._matchers is None or self._vocab is not vocab:
            self._matchers = Matchers(self.tables, vocab)
            self._vocab = vocab
        return self._matchers

    def __call__(self, parsed: Parsed) -> tuple[Actor, ...]:
        """Return every actor mention in ``parsed.doc``, sorted by start offset."""
        return self.resolve(parsed.doc, published=_published(parsed))

    def resolve(self, doc: Doc, *, published: dt.date | None = None) -> tuple[Actor, ...]:
        """Resolve the actors of a spaCy ``Doc`` as of the date ``published``."""
        matchers = self.matchers(doc.vocab)
        roles = matchers.roles(doc)
        hits = matchers.names(doc, roles)
        mentions = build_mentions(
            doc, hits, roles, lambda code: self.tables.place_code(code, published)
        )
        # a person's name never overlaps an unambiguous table name, kept or suppressed; a
        # city's name only when it was kept as a place ("Van" is also a name: Tran Van Loc)
        blocked = {
            i
            for h in hits
            if "ambiguous" not in h.entry.flags and h.entry.type != "city"
            for i in range(h.start, h.end)
        }
        blocked.update(i for m in mentions if m.entry.type == "city" for i in range(*m.span))
        attach_roles(doc, mentions, roles)
        ctx = StateContext(doc, mentions, self.state_codes)
        resolve_ethnic(doc, mentions, ctx)
        people = resolve_people(
            doc,
            mentions,
            roles,
            matchers.people(doc),
            matchers.offices_by_name,
            published,
            blocked,
            ctx,
        )
        covered = {i for m in mentions if not m.absorbed for i in range(*m.span)}
        covered.update(i for p in people for i in range(*p.span))
        actors = [_mention_actor(doc, m, mentions) for m in mentions if not m.absorbed]
        actors.extend(_person_actor(doc, p) for p in people)
        placed = Counter(
            p.code for p in people if p.code in self.state_codes and p.how in TEXT_EVIDENCE
        )
        owners = {i: p.code for p in people if p.code is not None for i in range(p.start, p.end)}
        actors.extend(
            _role_actor(doc, r)
            for r in context_roles(doc, roles, mentions, covered, ctx, placed, owners)
        )
        actors.sort(key=lambda a: (a.start, a.end, a.code or ""))
        return tuple(actors)


def _mention_actor(doc: Doc, m: Mention, mentions: list[Mention]) -> Actor:
    start, end = m.span
    sector, confidence, code, kind = m.sector, m.confidence, m.code, m.kind
    role = None
    if m.attachment is not None:
        r = m.attachment.role
        if r.role.kind in {"title", "person"}:
            role = doc[r.start : r.end].text
    elif m.entry.type == "capital":
        root = doc[m.start : m.end].root
        if root.dep_ in METONYM_DEPS:
            # "Moscow wants ...": the capital speaks for the government (or, for Brussels,
            # for the IGO seated there that the document is about)
            confidence, sector = CONFIDENCE["capital_metonym"], "GOV"
            if m.entry.seat_of:
                seated = [x.code for x in mentions if x.kind == "igo" and x.code in m.entry.seat_of]
                code, kind, sector = (seated[-1] if seated else m.entry.seat_of[0]), "igo", None
    if sector is None and (m.ethnic or "plural" in m.entry.flags) and kind == "state":
        sector = "CVL"  # "Palestinians", "ethnic Albanians": the people, not the state
    span = doc[start:end]
    return Actor(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        code=code,
        sector=sector,
        name=m.name,
        kind=kind,  # type: ignore[arg-type]
        role=role,
        confidence=round(confidence, 2),
        group=m.group,
    )


def _person_actor(doc: Doc, p: Person) -> Actor:
    span = doc[p.span[0] : p.span[1]]
    return Actor(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        code=p.code,
        sector=p.sector,
        name=p.name or p.text,
        kind="person",
        role=p.role,
        confidence=round(p.confidence, 2),
    )


def _role_actor(doc: Doc, r: ContextRole) -> Actor:
    span = doc[r.start : r.end]
    return Actor(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        code=r.code,
        sector=r.sector,
        name=None,
        kind="person" if r.person else "state",
        role=span.text,
        confidence=r.confidence,
    )
