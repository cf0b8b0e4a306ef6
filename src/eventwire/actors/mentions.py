"""Turn table matches into mentions: filter ambiguous names, resolve references, attach roles.

A mention is mutable while the resolver works on it (a person may absorb it); the resolver
turns the survivors into frozen :class:`~eventwire.records.Actor` records.

Role attachment reads the dependency parse. A name that modifies a noun ("Russian troops",
"Russia's Deputy Foreign Minister Sergey Ryabkov", "US and British activists") is attached to
the head of its noun phrase, found by climbing compound/amod/poss/nmod arcs; the role noun at
(or nearest before) that head gives the sector. A name governed by "of" ("the Prime Minister
of Estonia") is attached to the role noun that governs the "of".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventwire.actors.filters import (
    ORG_SECTORS,
    PLACE_TYPES,
    STATE_TYPES,
    georgia_is_us,
    is_ethnic,
    keep,
    name_part,
    org_entity,
)
from eventwire.actors.matching import NameHit, RoleHit
from eventwire.actors.tables import Entry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["CONFIDENCE", "Attachment", "Mention", "attach_roles", "build_mentions"]

# How sure a resolution is, by how it was made: an explicit role in the text beats a plain
# name, which beats an office-holder table, which beats a context reference.
CONFIDENCE = {
    "person_role": 0.95,
    "state": 0.9,
    "igo": 0.9,
    "role": 0.9,
    "seat": 0.85,
    "demonym": 0.85,
    "ethnic": 0.6,
    "organisation_named": 0.6,
    "nonstate": 0.8,
    "group": 0.8,
    "ngo": 0.8,
    "media": 0.9,
    "capital_metonym": 0.75,
    "region": 0.7,
    "person_appos": 0.9,
    "person_next_sentence": 0.7,
    "table": 0.7,
    "table_undated": 0.55,
    "table_off_term": 0.5,
    "usstate": 0.6,
    "ref": 0.6,
    "ref_fixed": 0.75,
    "capital": 0.5,
    "city": 0.5,
}
KIND = {
    "state": "state",
    "demonym": "state",
    "ethnic": "state",
    "region": "state",
    "seat": "state",
    "capital": "state",
    "usstate": "state",
    "city": "state",
    "igo": "igo",
    "ngo": "organisation",
    "nonstate": "organisation",
    "media": "organisation",
    "group": "group",
    "ref": "igo",
}
# Roles whose people come from the state named after "from" ("dissidents from Egypt",
# "refugees from Syria"); soldiers or officials "from" a place may just be leaving it.
ORIGIN_SECTORS = frozenset({"OPP", "CVL", "REF", "EDU", "LAB", "RAD", "BUS", "MED"})
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "nummod"})


@dataclass(slots=True)
class Attachment:
    """A role noun phrase owned by a mention ("Russian troops", "Prime Minister of Estonia")."""

    role: RoleHit
    head: int  # token index of the noun phrase head


@dataclass(slots=True)
class Mention:
    """A name resolved to one actor (a group mention makes one per member)."""

    start: int  # token offsets of the name
    end: int
    entry: Entry
    code: str | None
    kind: str
    confidence: float
    sector: str | None
    name: str | None
    group: str | None = None
    role: str | None = None
    attachment: Attachment | None = None
    span: tuple[int, int] = (0, 0)  # token extent of the actor, role included
    absorbed: bool = False  # folded into a person's mention
    ethnic: bool = False  # a people, coded by where it lives (see ``eventwire.actors.context``)
    extra: dict[str, str] = field(default_factory=dict)


def _ref_code(entry: Entry, hit: NameHit, igo_hits: list[tuple[int, str]]) -> str | None:
    """Resolve "the alliance"/"the bloc" to the most recent candidate IGO mentioned."""
    if "needs_mention" not in entry.flags:
        return entry.code
    candidates = set(entry.codes)
    before = [code for pos, code in igo_hits if pos < hit.start and code in candidates]
    if before:
        return before[-1]
    after = [code for pos, code in igo_hits if pos > hit.start and code in candidates]
    return after[0] if after else None


# Names whose states count when a name shared by several states picks one ("Lebanese" makes
# "Tripoli" Lebanon's).
NAMING_TYPES = frozenset({"state", "demonym", "region", "seat", "capital", "usstate", "city"})


def _state_counts(kept: list[NameHit]) -> tuple[Counter[str], int]:
    """Count the states the document names itself, and its US states (for US candidates)."""
    counts: Counter[str] = Counter()
    us_states = 0
    for h in kept:
        if h.entry.type not in NAMING_TYPES or len(h.entry.codes) != 1:
            continue  # a name that is itself shared by several states says nothing
        counts[h.entry.codes[0]] += 1
        us_states += h.entry.type == "usstate"
    return counts, us_states


def _context_code(entry: Entry, counts: Counter[str], us_states: int) -> str | None:
    """Pick the candidate state of a shared name that the document names most.

    Ties go to the earlier candidate (the largest city, the party's best-known state). A US
    city counts only where the document names a US state ("Birmingham, Alabama"): news names
    the United States too often for that to place a city. With no candidate named, the
    first candidate for ``by_context`` entries, nothing for ``needs_mention`` ones.
    """
    best: tuple[int, str] | None = None
    for code in entry.codes:
        named = us_states if code == "USA" and entry.type in PLACE_TYPES else counts[code]
        if named and (best is None or named > best[0]):
            best = (named, code)
    if best is not None:
        return best[1]
    return entry.codes[0] if "by_context" in entry.flags else None


def build_mentions(
    doc: Doc,
    hits: list[NameHit],
    roles: list[RoleHit],
    place_code: Callable[[str], str] | None = None,
) -> list[Mention]:
    """Filter name hits and resolve each to one or more mentions, in text order.

    ``place_code`` maps the code of a place (capital, city, region) to the state that held it
    on the publication date (Juba before 2011 is SDN).
    """
    taken = {i for h in hits for i in range(h.start, h.end)}
    role_starts = {r.start for r in roles}
    kept = [h for h in hits if keep(doc, h, taken, role_starts)]
    igo_hits = [(h.start, h.entry.code) for h in kept if h.entry.type == "igo" and h.entry.code]
    sites = {id(h) for h in kept if name_part(doc, h) == "site"}
    counts, us_states = _state_counts([h for h in kept if id(h) not in sites])
    out: list[Mention] = []
    for n, hit in enumerate(kept):
        entry = hit.entry
        ethnic = is_ethnic(doc, hit, kept[n - 1] if n else None)
        kind = entry.type
        conf = CONFIDENCE.get(kind, 0.6)
        first = next((c for c in doc[hit.start : hit.end].text if c.isalpha()), "")
        if entry.phrase[:1].isupper() and first.islower():
            conf -= 0.1
        codes: tuple[str | None, ...] = entry.codes or (None,)
        group = None
        if kind == "ref":
            code = _ref_code(entry, hit, igo_hits)
            if code is None:
                continue
            codes = (code,)
            conf = CONFIDENCE["ref" if "needs_mention" in entry.flags else "ref_fixed"]
        elif kind == "group" and len(entry.codes) > 1:
            group = entry.name or entry.phrase
        elif entry.phrase == "Georgia" and georgia_is_us(doc, hit, kept):
            codes, kind, conf = ("USA",), "usstate", CONFIDENCE["usstate"]
        elif entry.flags & {"by_context", "needs_mention"}:
            chosen = _context_code(entry, counts, us_states)
            if chosen is None:
                continue
            codes = (chosen,)
        if id(hit) in sites:
            # "Mandalay Bay", "Turkey Creek": a site named after a place is in that place's
            # state only where the document names the state otherwise ("Kabul airport" in a
            # story about Afghanistan)
            codes = tuple(c for c in codes if c and counts[c])
            if not codes:
                continue
        if kind in PLACE_TYPES and place_code is not None:
            codes = tuple(place_code(c) if c else c for c in codes)
        org = org_entity(doc, hit) if kind in STATE_TYPES else None
        for code in codes:
            m = Mention(
                start=hit.start,
                end=hit.end,
                entry=entry,
                code=code,
                kind=KIND[kind] if not (kind == "group" and group) else "state",
                confidence=conf,
                sector=entry.sector,
                name=entry.name,
                group=group,
                span=(hit.start - (ethnic and doc[hit.start - 1].lower_ == "ethnic"), hit.end),
                ethnic=ethnic,
            )
            if org is not None and not any(org[0] <= r < org[1] for r in role_starts):
                # "Nigerian Union of Teachers": the organisation acts, coded to its state
                words = [doc[i].lower_ for i in range(*org)]
                m.span, m.kind = org, "organisation"
                m.sector = next((ORG_SECTORS[w] for w in words if w in ORG_SECTORS), None)
                m.confidence = CONFIDENCE["organisation_named"]
                m.name = doc[org[0] : org[1]].text
            out.append(m)
    return out


def _np_head(doc: Doc, start: int, end: int, owned: dict[int, list[int]]) -> Token:
    """Climb from a name to the head of the noun phrase it modifies."""
    tok = doc[start:end].root
    for _ in range(8):
        head = tok.head
        if tok.ent_type_ == "PERSON" or head.ent_type_ in {"DATE", "TIME", "CARDINAL"}:
            break  # a person's name ends the phrase; "Assad Tuesday" is a parse slip
        if tok.dep_ == "conj" and head.i < tok.i and head.i in owned:
            tok = head  # "Hungarian and Romanian officials": share the first conjunct's head
            continue
        if tok.dep_ == "case" and head.i < tok.i:
            tok = head
            continue
        if tok.dep_ in MODIFIER_DEPS and head.i > tok.i:
            tok = head
            continue
        break
    return tok


def attach_roles(doc: Doc, mentions: list[Mention], roles: list[RoleHit]) -> None:
    """Attach role nouns (and their sectors) to the mentions that own them."""
    role_at: dict[int, RoleHit] = {}
    for role in roles:
        for i in range(role.start, role.end):
            role_at[i] = role
    owned: dict[int, list[int]] = {}
    for idx, m in enumerate(mentions):
        for i in range(m.start, m.end):
            owned.setdefault(i, []).append(idx)
    for m in mentions:
        if m.kind not in {"state", "igo", "organisation", "group"} or m.entry.type in {
            "media",
            "seat",
        }:
            continue
        head = _np_head(doc, m.start, m.end, owned)
        chosen: RoleHit | None = None
        if head.i >= m.end:
            between = [r for r in roles if r.start >= m.end and r.end - 1 <= head.i]
            holding = [r for r in between if r.start <= head.i < r.end]
            chosen = holding[0] if holding else (between[-1] if between else None)
        elif m.end < len(doc):
            # the parser did not link them: take a role noun right after the name
            nxt = m.end + 1 if doc[m.end].text in {"'s", "’s", "'"} else m.end
            chosen = role_at.get(nxt)
            if chosen is not None and chosen.start != nxt:
                chosen = None
            head = doc[chosen.end - 1] if chosen else head
        if chosen is not None:
            _attach(m, chosen, head.i, mentions)
    # "the Prime Minister of Estonia", "rebels in Darfur", "dissidents from Egypt": the name is
    # the object of "of"/"in"/"for"/"from"
    for role in roles:
        head = doc[role.end - 1]
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"of", "in", "for", "from"}:
                continue
            if prep.lower_ != "of" and role.role.sector == "GOV":
                continue  # "officials in Baghdad" may be foreign officials visiting
            if prep.lower_ == "from" and role.role.sector not in ORIGIN_SECTORS:
                continue  # "troops from Iraq" withdraw from it; "dissidents from Egypt" are its
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                for idx in owned.get(obj.i, []):
                    m = mentions[idx]
                    if m.attachment is None and m.kind in {"state", "igo", "organisation"}:
                        if prep.lower_ != "of" and any(
                            x.attachment and x.attachment.head == head.i for x in mentions
                        ):
                            continue
                        _attach(m, role, head.i, mentions)
                        m.span = (role.start, m.end)
    # "Russia's UN ambassador": the state owns the office, the IGO names where it is held
    by_head: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.attachment is not None:
            by_head.setdefault(m.attachment.head, []).append(m)
    for group in by_head.values():
        if any(x.kind == "state" for x in group):
            for x in group:
                if x.kind == "igo" and x.attachment and x.attachment.role.role.kind == "title":
                    x.attachment = None
                    x.absorbed = True


def _attach(m: Mention, role: RoleHit, head: int, mentions: list[Mention]) -> None:
    m.attachment = Attachment(role=role, head=head)
    keeps_own = m.entry.type == "nonstate" and m.entry.sector and role.role.kind != "body"
    # "Labour leader Keir Starmer", "a Hamas spokesman": the party's or group's own sector,
    # not the government's; a body ("the Hamas government") says what it is
    m.sector = m.entry.sector if keeps_own else role.role.sector
    between = any(m.end <= x.start < role.start for x in mentions if x is not m)
    # "Hungarian and Romanian officials": the first conjunct keeps its own words only
    m.span = (m.start, m.end) if between else (min(m.start, role.start), max(m.end, role.end))
    m.confidence = max(m.confidence, CONFIDENCE["role"])
