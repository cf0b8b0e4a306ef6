"""Resolve people: the role the text gives them first, the office-holder table last.

Order of evidence for a person's code, sector and role (first that applies wins):

1. A role noun phrase that the name heads: "Russia's Deputy Foreign Minister Sergey Ryabkov",
   "US Deputy Secretary of State Wendy Sherman", "Israeli Prime Minister Benjamin Netanyahu".
2. An appositive role noun phrase: "Jens Stoltenberg, the Secretary-General of the US-led bloc",
   "The US commander in Iraq, General David Petraeus".
3. The role-holder in the previous sentence: a definite, singular office with its owner
   ("the Prime Minister of Estonia revealed ...") that is the subject of its sentence, and the
   first person named in the next sentence who is the subject of a verb and has no role of
   their own ("... Kaja Kallas explained ..."), with no other person named in between. News
   writing introduces a speaker this way; requiring both subjects keeps it from linking a
   person who is merely mentioned.
4. Another mention of the same person in the document: "Kallas told Reuters" takes the role
   of "Kaja Kallas" (same last name; the nearest earlier full mention first).
5. A bare title whose office the document gives one owner: "the Ivorian president ...
   President Laurent Gbagbo" (document context, lower confidence).
6. The office-holder table, checked against the article's date. A bare title ("President
   Bush") narrows the table to that office. A person out of office on that date keeps the
   country all their terms share (Mitterrand is French in 2000 too), with a lower confidence
   and no sector unless the text gives a title; without a date, a unique country is taken.
   "Mr Brown" with no full name in the document: the one holder of that surname in office on
   the date (undated: at any date; of several, the one of the state the document is clearly
   about). "Mrs Howard" in a document with "Mr Howard" is linked to no full name.
   A party right before a described name gives its state and PTY ("Tory MP Boris Johnson").
7. A titled person still without a code takes the place their sentence names ("... the curfew
   in Sudan") or the state the document names clearly most often, leaving out states that
   belong to other people ("President X welcomed South African leader Y") or that are the
   other party of an act ("action against Russia").

A person with none of these is kept with code None.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.actors.context import (
    CONTEXT_CONFIDENCE,
    StateContext,
    dominant_state,
    title_state,
)
from eventwire.actors.matching import RoleHit
from eventwire.actors.mentions import CONFIDENCE, Mention
from eventwire.actors.tables import Office

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["Person", "resolve_people"]

SPEECH_OR_ACTION = frozenset({"nsubj", "nsubjpass"})
# Honorifics British and wire news put before a bare surname ("Mr Brown", "Mrs Beckett").
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr."})
FEMALE_HONORIFICS = frozenset({"mrs", "mrs.", "ms", "ms.", "miss"})


@dataclass(slots=True)
class Person:
    """A person's mention and what is known about them."""

    start: int  # token extent of the name
    end: int
    text: str
    span: tuple[int, int]
    code: str | None = None
    sector: str | None = None
    role: str | None = None
    title: str | None = None  # a bare title before the name ("President"), for the table
    confidence: float = 0.5
    how: str = ""
    name: str | None = None

    @property
    def last(self) -> str:
        return self.text.split()[-1].lower() if self.text.split() else ""


def _person_spans(
    doc: Doc,
    mentions: list[Mention],
    table_names: list[tuple[Span, list[Office]]],
    blocked: set[int],
) -> list[Person]:
    taken = {i for m in mentions if not m.absorbed for i in range(m.start, m.end)}
    people: list[Person] = []
    seen: set[int] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        start, end = ent.start, ent.end
        while end > start and doc[end - 1].text in {"'s", "’s", "'"}:
            end -= 1
        if end <= start or any(i in taken or i in blocked for i in range(start, end)):
            continue  # a name the tables know better ("pro-Russia", "Georgia" tagged PERSON)
        people.append(Person(start=start, end=end, text=doc[start:end].text, span=(start, end)))
        seen.update(range(start, end))
    for span, _offices in table_names:
        if any(i in seen or i in taken for i in range(span.start, span.end)):
            continue
        people.append(
            Person(start=span.start, end=span.end, text=span.text, span=(span.start, span.end))
        )
    return sorted(people, key=lambda p: p.start)


def _from_attachment(p: Person, m: Mention, doc: Doc, how: str, conf: float) -> None:
    assert m.attachment is not None
    role = m.attachment.role
    p.code, p.sector = m.code, m.sector or role.role.sector
    p.role = doc[role.start : role.end].text
    p.confidence, p.how = conf, how
    m.absorbed = True


def _explicit_roles(
    doc: Doc, people: list[Person], mentions: list[Mention], roles: list[RoleHit]
) -> None:
    by_head: dict[int, Mention] = {}
    for m in mentions:
        if m.attachment is not None and not m.absorbed:
            by_head.setdefault(m.attachment.head, m)
    role_at = {i: r for r in roles for i in range(r.start, r.end)}
    # "Russian President Vladimir Putin" parsed with "Russian" on "President", not on "Putin"
    titled_at = {
        m.attachment.role.end: m
        for m in mentions
        if m.attachment is not None
        and not m.absorbed
        and m.attachment.role.role.kind in {"title", "person"}
        and m.attachment.head == m.attachment.role.end - 1
    }
    for p in people:
        # 1. the name heads a role noun phrase owned by a state or IGO
        for i in range(p.start, p.end):
            owner = by_head.get(i) or (titled_at.get(p.start) if i == p.start else None)
            if owner is not None:
                _from_attachment(p, owner, doc, "role", CONFIDENCE["person_role"])
                p.span = (min(owner.span[0], p.start), p.end)
                break
        if p.code is not None:
            continue
        # 2. an appositive role noun phrase, after or before the name
        for i in range(p.start, p.end):
            tok = doc[i]
            linked = [c for c in tok.children if c.dep_ == "appos"]
            if tok.dep_ == "appos":
                linked.append(tok.head)
            for other in linked:
                if p.start <= other.i < p.end:
                    continue
                owner = by_head.get(other.i)
                if owner is not None:
                    _from_attachment(p, owner, doc, "appositive", CONFIDENCE["person_appos"])
                    break
            if p.code is not None:
                break
        # a bare title right before the name: sector and office, code from the table
        prev = role_at.get(p.start - 1)
        if prev is not None and _title_of_thing(doc, prev, role_at):
            prev = None  # "championship leader Rosberg", "world leader": no state's office
        if p.code is None and prev is not None and prev.role.kind in {"title", "person"}:
            p.title = doc[prev.start : prev.end].text
            p.role, p.sector = p.title, prev.role.sector
            p.span = (prev.start, p.end)
        if p.code is None:
            _of_state(doc, p, mentions)


def _title_of_thing(doc: Doc, title: RoleHit, role_at: dict[int, RoleHit]) -> bool:
    """Return whether a person's role belongs to a thing named by a common noun before it.

    A leader, spokesman or adviser of a championship, a campaign or a party ("championship
    leader Nico Rosberg", "campaign spokesman Brian Fallon", "world leader"), or a general
    who is no soldier ("director general Jan Woerner", "attorney general"): the role gives
    neither the government's sector nor a state from context. Offices keep their portfolio
    ("housing minister Yvette Cooper"); role nouns ("army spokesman", "police chief") and
    adjectives ("former President") keep the title.
    """
    role = title.role
    if not ((role.kind == "person" and role.sector == "GOV") or role.phrase == "general"):
        return False
    i = title.start - 1
    if i < 0:
        return False
    tok = doc[i]
    return (
        tok.pos_ == "NOUN"
        and tok.text.islower()
        and tok.dep_ in {"compound", "nmod"}
        and title.start <= tok.head.i < title.end + 1
        and i not in role_at
    )


def _party_member(doc: Doc, people: list[Person], mentions: list[Mention]) -> None:
    """Give "Tory co-chairman Liam Fox" the party's state: a party right before a described name.

    The party must head a short run of nouns that ends at the name ("Lib Dem spokesman X",
    "Tory co-chairman X"); a verb, determiner or comma in between breaks it ("Labour said X").
    """
    parties = [
        m
        for m in mentions
        if m.sector == "PTY" and m.code and m.attachment is None and not m.absorbed
    ]
    for p in people:
        if p.code is not None:
            continue
        for m in parties:
            between = doc[m.end : p.start]
            if not 1 <= len(between) <= 3 or any(
                t.pos_ not in {"NOUN", "PROPN"} or not t.text[:1].isalpha() for t in between
            ):
                continue
            if not m.end <= doc[m.start : m.end].root.head.i < p.end:
                continue
            p.code, p.sector, p.role = m.code, "PTY", between.text
            p.confidence, p.how = CONFIDENCE["person_appos"], "party"
            p.span = (m.start, p.end)
            m.absorbed = True
            break


def _of_state(doc: Doc, p: Person, mentions: list[Mention]) -> None:
    """Give "King Hassan of Morocco" the state named after "of"."""
    by_token = {
        i: m
        for m in mentions
        if m.kind == "state" and m.attachment is None and not m.absorbed
        for i in range(m.start, m.end)
    }
    for i in range(p.start, p.end):
        for prep in doc[i].children:
            if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != p.end:
                continue
            for obj in prep.children:
                m = by_token.get(obj.i) if obj.dep_ == "pobj" else None
                if m is not None:
                    p.code, p.confidence, p.how = m.code, CONFIDENCE["person_appos"], "of_state"
                    p.span = (p.span[0], m.end)
                    m.absorbed = True
                    return


def _next_sentence(doc: Doc, people: list[Person], mentions: list[Mention]) -> None:
    """Give a role stated in one sentence to the person who speaks in the next (rule 3)."""
    linked_heads = {i for p in people for i in range(p.start, p.end)}
    for m in mentions:
        att = m.attachment
        if att is None or m.absorbed or att.role.role.kind != "title":
            continue
        head = doc[att.head]
        if head.i in linked_heads or head.dep_ not in SPEECH_OR_ACTION:
            continue
        if head.tag_ in {"NNS", "NNPS"}:
            continue  # "officials said": not one person
        sent = head.sent
        if any(sent.start <= p.start < sent.end for p in people):
            continue
        if sent.end >= len(doc):
            continue
        following = doc[sent.end].sent
        for p in people:
            if not following.start <= p.start < following.end:
                continue
            root = doc[p.start : p.end].root
            if p.code is None and p.title is None and root.dep_ in SPEECH_OR_ACTION:
                p.code, p.sector = m.code, att.role.role.sector
                p.role = doc[att.role.start : att.role.end].text
                p.confidence, p.how = CONFIDENCE["person_next_sentence"], "next_sentence"
            break  # only the first person named in the next sentence


def _corefer(doc: Doc, people: list[Person]) -> None:
    """Give later (or earlier) mentions of the same person the role found for one (rule 4)."""
    known = [p for p in people if p.code is not None]
    for p in people:
        if p.code is not None or not p.last or _other_spouse(doc, p, people):
            continue
        same = [q for q in known if q.last == p.last and q is not p]
        if not same:
            continue
        before = [q for q in same if q.start < p.start]
        q = before[-1] if before else same[0]
        p.code, p.sector, p.role = q.code, q.sector, q.role
        p.confidence, p.how = q.confidence - 0.05, "same_person"
        p.name = q.name or (q.text if len(q.text.split()) > len(p.text.split()) else None)


def _title_fits(title: str | None, office: Office) -> bool:
    if not title:
        return True
    words = set(title.lower().replace("-", " ").split())
    return bool(words & set(office.role.lower().replace("-", " ").split()))


def _same_title(doc: Doc, people: list[Person], mentions: list[Mention]) -> None:
    """Give a bare title the one state that owns the same office in the document (rule 5)."""
    owners: dict[str, set[str]] = {}
    for m in mentions:
        att = m.attachment
        if att is not None and att.role.role.kind == "title" and m.code and m.kind == "state":
            owners.setdefault(att.role.role.phrase, set()).add(m.code)
    for p in people:
        if p.code is not None or not p.title:
            continue
        codes = owners.get(p.title.lower(), set())
        if len(codes) == 1:
            p.code, p.how = next(iter(codes)), "same_title"
            p.confidence = CONTEXT_CONFIDENCE["same_title"]


def _from_table(
    people: list[Person],
    offices_by_name: dict[str, list[Office]],
    published: dt.date | None,
) -> None:
    """Look up people the text gave no owner for (rule 6), checked against the date."""
    for p in people:
        if p.code is not None:
            if p.sector is None:
                # "King Hassan of Morocco": the text gave the state, the table the office
                held = [
                    o
                    for o in offices_by_name.get(p.text.lower(), [])
                    if o.code == p.code and (published is None or o.holds_on(published))
                ]
                if held:
                    p.sector, p.role = held[-1].sector, p.role or held[-1].role
            continue
        named = offices_by_name.get(p.text.lower(), [])
        if p.title:
            # a title narrows the terms ("President Bush"); one that fits none ("leader")
            # leaves the name to decide
            named = [o for o in named if _title_fits(p.title, o)] or named
        offices = [o for o in named if o.holds_on(published)] if published else named
        if not offices:
            if len({o.code for o in named}) == 1:
                # out of office on that date: still their state's person, not its government
                p.code, p.name = named[0].code, named[0].name
                p.confidence, p.how = CONFIDENCE["table_off_term"], "table_off_term"
            continue
        if len({o.code for o in offices}) > 1:
            continue  # "Stoltenberg" with no date: Norway's or NATO's? A wrong code is worse
        office = max(offices, key=lambda o: o.start or dt.date.min)
        p.code, p.sector = office.code, p.sector or office.sector
        p.role = p.role or office.role
        p.name = office.name
        p.confidence = CONFIDENCE["table" if published else "table_undated"]
        p.how = "table"


def _honorific(doc: Doc, p: Person) -> str | None:
    """Return the honorific of "Mr Brown" / "Mrs Beckett" (in or right before the name)."""
    words = p.text.split()
    if len(words) == 2 and words[0].lower() in HONORIFICS:
        return words[0].lower()
    if len(words) == 1 and p.start > 0 and doc[p.start - 1].lower_ in HONORIFICS:
        return doc[p.start - 1].lower_
    return None


def _other_spouse(doc: Doc, p: Person, people: list[Person]) -> bool:
    """Return whether "Mrs Howard" is another person than the "Mr Howard" of the document.

    When a surname comes with honorifics of both sexes, the document names two people of that
    name ("Michael Howard ... Mrs Howard", his wife) and which of them a full name is cannot
    be told: neither is linked to it.
    """
    mine = _honorific(doc, p)
    if mine is None or mine.startswith("dr"):
        return False
    female = mine in FEMALE_HONORIFICS
    other = 0
    for q in people:
        theirs = _honorific(doc, q)
        if q.last == p.last and theirs and not theirs.startswith("dr"):
            other += (theirs in FEMALE_HONORIFICS) != female
    return other > 0


def _honorific_surname(doc: Doc, p: Person) -> str | None:
    """Return the surname of "Mr Brown" / "Mrs Beckett" (honorific in or before the name)."""
    return p.last if _honorific(doc, p) is not None and len(p.text.split()) <= 2 else None


_SURNAME_INDEXES: dict[int, tuple[object, dict[str, dict[str, list[Office]]]]] = {}


def _surname_index(
    offices_by_name: dict[str, list[Office]],
) -> dict[str, dict[str, list[Office]]]:
    """Index the office holders by surname, once per table (not once per document)."""
    cached = _SURNAME_INDEXES.get(id(offices_by_name))
    if cached is not None and cached[0] is offices_by_name:
        return cached[1]
    index: dict[str, dict[str, list[Office]]] = {}
    for offices in offices_by_name.values():
        for o in offices:
            index.setdefault(o.name.split()[-1].lower(), {}).setdefault(o.name, []).append(o)
    _SURNAME_INDEXES[id(offices_by_name)] = (offices_by_name, index)
    return index


def _from_surname(
    doc: Doc,
    people: list[Person],
    offices_by_name: dict[str, list[Office]],
    published: dt.date | None,
    ctx: StateContext,
) -> None:
    """Look up "Mr Brown" whose full name the document never gives by surname in the table.

    The one office holder of that surname in office on the publication date (with no date, the
    one holder of that surname at any date), unless the document names a full name of that
    surname the table does not know (then "Mr Brown" is that person), or clearly is about
    another state than the holder's. Of several holders, the one of the state the document is
    clearly about ("Mr Howard" in a British story of 2005 is Michael Howard, not Australia's
    John Howard).
    """
    wanted = [p for p in people if p.code is None and _honorific_surname(doc, p) is not None]
    if not wanted:
        return
    by_surname = _surname_index(offices_by_name)
    about = dominant_state(ctx.counts(), min_count=2)
    for p in wanted:
        surname = _honorific_surname(doc, p)
        assert surname is not None
        if _other_spouse(doc, p, people):
            continue
        if any(
            q.last == surname and len(q.text.split()) > 1 and _honorific_surname(doc, q) is None
            for q in people
        ):
            continue  # "Nick Brown ... Mr Brown": that person, whom the table does not know
        holders = by_surname.get(surname, {})
        if published is not None:
            on_date = published
            holders = {n: ts for n, ts in holders.items() if any(o.holds_on(on_date) for o in ts)}
        if len(holders) > 1 and about is not None:
            # "Mr Howard" in a British story of 2005: Michael Howard, not John Howard
            holders = {n: ts for n, ts in holders.items() if ts[0].code == about}
        if len(holders) != 1:
            continue
        ((name, terms),) = holders.items()
        live = [o for o in terms if published is None or o.holds_on(published)]
        office = max(live, key=lambda o: o.start or dt.date.min)
        if about is not None and office.code != about:
            continue
        p.code, p.sector, p.role, p.name = office.code, office.sector, office.role, name
        p.confidence = CONFIDENCE["table" if published else "table_undated"] - 0.1
        p.how = "table_surname"


def _from_document(
    doc: Doc, people: list[Person], mentions: list[Mention], ctx: StateContext
) -> None:
    """Give a titled person the place or dominant state of the document (rule 7)."""
    owned = [m for m in mentions if m.absorbed]
    for p in people:
        if p.code is None and p.title:
            code = title_state(ctx, doc[p.start].sent, owned)
            if code is not None:
                p.code, p.how = code, "document"
                p.confidence = CONTEXT_CONFIDENCE["document"]


def resolve_people(
    doc: Doc,
    mentions: list[Mention],
    roles: list[RoleHit],
    table_names: list[tuple[Span, list[Office]]],
    offices_by_name: dict[str, list[Office]],
    published: dt.date | None,
    blocked: set[int],
    ctx: StateContext,
) -> list[Person]:
    """Find every person mentioned in ``doc`` and resolve what the evidence allows."""
    people = _person_spans(doc, mentions, table_names, blocked)
    _explicit_roles(doc, people, mentions, roles)
    _party_member(doc, people, mentions)
    _next_sentence(doc, people, mentions)
    _corefer(doc, people)
    _same_title(doc, people, mentions)
    _from_table(people, offices_by_name, published)
    _corefer(doc, people)  # a table answer for the full name reaches the bare surname too
    _from_surname(doc, people, offices_by_name, published, ctx)
    _from_document(doc, people, mentions, ctx)
    _corefer(doc, people)
    return people
