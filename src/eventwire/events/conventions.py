"""Coding conventions applied after pattern matching: implicit targets and duplicates.

**Implicit target of a domestic act.** A protest, a crackdown, a concession, a demand or an
act of violence whose sentence names no target is aimed at someone all the same: CAMEO codes
a demonstration "in Serbia" as directed at Serbia, an attack "in the Gaza Strip" as one on the
Palestinians. When a pattern finds no target actor, eventwire takes

1. the country where the sentence places the event (``where.locate``), for the classes in
   :data:`LOCATED` ("Albanians demonstrated in Serbia" → SRB→SRB, "troops remained on alert
   in the West Bank" → ISR→PSE, "will meet in Zurich" → USA→CHE) and the codes in
   :data:`LOCATED_CODES` (a claim of responsibility "for an attack on a mall in Kenya's
   capital" → …→KEN: the claim concerns the place of the act claimed);
2. otherwise, for the classes in :data:`DOMESTIC`, the source's own country ("Algerian
   landowners began a hunger strike" → DZA→DZA): a protest, repression, rejection or concession
   with no stated addressee concerns the actor's own government. A release (084x) is not: the
   released are its target, and unnamed ones leave it empty.

The implicit target is an :class:`Actor` with ``role="implicit"`` and a lower confidence, so a
user can tell it from a named one.

**A target deeper in the clause.** A pattern whose own slots find no target looks for one in
the phrases its act governs: "agreed to provide aid *for Romania and Poland*", "demanded an
immediate admission *by Moscow*", "blocked a road to show their disapproval *for the United
States'* policies". The nearest actor down the object and complement phrases (through
prepositions, never into a clause with its own subject, a relative clause or the subject) is
the target, before the implicit targets below.

**Unnamed perpetrator of violence.** "Four children were killed in Israeli tank shelling",
"a roadside bombing killed one U.S. soldier", "insurgents bombarded Aleppo": an act of force
(CAMEO 17-20) whose agent is missing (an agentless passive) or names no actor is still coded.
The perpetrator is, in order: an actor modifying the instrument ("in *Israeli* tank shelling",
"by *government* forces"); the country where the event happens, when the victims are
foreigners there ("10 Russian soldiers killed in Ukraine" → UKR→RUS: an attack on foreign
forces is by the local side); otherwise an unnamed source (``code=None``, ``role="unnamed"``),
and such an event needs a target.

**Duplicates.** One sentence never yields one event twice; an untargeted event is dropped when
the same source does the same kind of act (CAMEO root) to a named target in that sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from eventwire.events.modality import modality_of
from eventwire.events.roles import SUBJ, Context, conjuncts, is_passive, np_actors, prep_objects
from eventwire.records import Actor, Event, Location

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "DOMESTIC",
    "LOCATED",
    "LOCATED_CODES",
    "deep_target",
    "drop_untargeted_twins",
    "implicit_source",
    "implicit_target",
    "inherited_targets",
    "unnamed_agent",
    "unnamed_party",
]

# acts of force and coercion, whose unnamed perpetrator is still coded
VIOLENT = frozenset({"17", "18", "19", "20"})
_INSTRUMENT_PREPS = frozenset({"in", "by", "with", "during", "from"})
_MODIFIERS = frozenset({"amod", "compound", "poss", "nmod"})
# nouns for places: an actor modifying them says where, not who ("in German cities")
_PLACE_NOUNS = frozenset(
    ["city", "town", "village", "country", "region", "province", "state", "area", "district",
     "capital", "territory", "border", "zone", "street", "neighbourhood", "neighborhood",
     "camp", "port", "coast", "island", "part", "suburb", "outskirts", "countryside"]
)  # fmt: skip

# CAMEO roots whose untargeted acts take the country where they happen as target
LOCATED = frozenset({"04", "08", "10", "12", "13", "14", "15", "17", "18", "19", "20"})
# ... and single codes: a claim of responsibility concerns the place of the act claimed
LOCATED_CODES = frozenset({"015"})
# ... and, when the sentence places them nowhere, the source's own country
DOMESTIC = frozenset({"08", "10", "12", "14", "17"})
# codes that never take an implicit target ("resigned" is addressed to nobody)
_NO_IMPLICIT = frozenset({"0831", "042", "043", "044"})


def implicit_target(code: str, source: Actor, location: Location | None) -> Actor | None:
    """Return the implied target of an untargeted act, or None when there is none."""
    root = code[:2]
    if (root not in LOCATED and code not in LOCATED_CODES) or code in _NO_IMPLICIT:
        return None
    if location is not None and location.country:
        return Actor(
            text=location.name,
            start=source.start,
            end=source.start,
            code=location.country,
            kind="state",
            role="implicit",
            confidence=0.5,
        )
    own = source.code and len(source.code) == 3 and source.kind != "igo"
    if root in DOMESTIC and not code.startswith("084") and own:
        return replace(source, role="implicit", confidence=0.5, group=None)
    return None


def drop_untargeted_twins(events: Sequence[Event]) -> list[Event]:
    """Drop an untargeted event when its source does the same act to a named target."""
    targeted = {
        (e.source.code, e.cameo_root) for e in events if e.target is not None and e.target.code
    }
    return [
        e for e in events if e.target is not None or (e.source.code, e.cameo_root) not in targeted
    ]


def unnamed_agent(code: str, pred: Token, ctx: Context) -> list[Actor]:
    """Return the perpetrator of an act of force whose agent names no actor, if it has one.

    Returns the actors modifying the instrument ("in Israeli tank shelling"), else one
    unnamed actor (``code=None``) when the agent is missing or a plain noun ("insurgents");
    an empty list when the act is not violent or its agent is a pronoun nobody resolved.
    """
    if code[:2] not in VIOLENT or pred.pos_ not in ("VERB", "AUX"):
        return []
    if modality_of(pred) != "asserted" or any(t.dep_ == "relcl" for t in (pred, *pred.ancestors)):
        return []  # "where 28 people have been killed": background, not the reported act
    if pred.dep_ == "acl" and pred.head.dep_ not in ("attr", "ROOT"):
        return []  # "a Hamas member jailed a year ago": a description, not the act reported
    subjects = [c for c in pred.children if c.dep_ in SUBJ]
    if subjects and any(s.pos_ == "PRON" for s in subjects):
        return []
    if not subjects and not is_passive(pred):
        return []
    for c in pred.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in _INSTRUMENT_PREPS:
            for obj in c.children:
                nxt = obj.nbor() if obj.i + 1 < len(obj.doc) else None
                if obj.dep_ == "pobj" and nxt is not None and nxt.tag_ == "VBG":
                    # "in Israeli shelling" read as "in Israeli" + a gerund
                    found = np_actors(obj, ctx)
                    if found:
                        return found
                if obj.dep_ == "pobj" and c.lower_ == "from" and obj.pos_ == "PROPN":
                    # "a mortar bomb was fired at it from the Gaza Strip": the place fired
                    # from is the side that fired
                    found = np_actors(obj, ctx)
                    if found:
                        return found
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.lemma_ not in _PLACE_NOUNS:
                    # "in Israeli tank shelling" names the side; "in German cities" a place
                    found = [
                        a for m in obj.children if m.dep_ in _MODIFIERS for a in np_actors(m, ctx)
                    ]
                    if found:
                        return found
    span = subjects[0] if subjects else pred
    start = span.left_edge.idx if subjects else pred.idx
    end = (span.right_edge.idx + len(span.right_edge)) if subjects else pred.idx + len(pred)
    text = pred.doc.text[start:end]
    return [
        Actor(
            text=text, start=start, end=end, code=None, kind="group", role="unnamed", confidence=0.5
        )
    ]


def unnamed_party(pred: Token, ctx: Context) -> list[Actor]:
    """Return an unnamed source for a predicate whose agent is a noun phrase naming no actor.

    "The government expressed appreciation for China's assistance", "Obama is being pressured
    by congress", "faces pressure from Congress": the act is coded with a source of no known
    country (``code=None``, ``role="unnamed-party"``) when its target is a named actor. The
    agent is a verb's subject or passive ``by`` phrase, or a noun predicate's ``from``/``by``
    phrase.
    """
    if pred.pos_ in ("VERB", "AUX"):
        subjects = [c for c in pred.children if c.dep_ in SUBJ]
        if not subjects and is_passive(pred):
            # "Obama is being pressured by congress": the agent of the passive
            subjects = [
                p
                for c in pred.children
                if c.dep_ == "agent"
                for p in c.children
                if p.dep_ == "pobj"
            ]
    elif pred.pos_ == "NOUN" and pred.dep_ in ("dobj", "obj"):
        # "faces pressure from Congress": the "from" or "by" phrase of the noun a verb takes
        # (not of a circumstance: "despite pressure by the commission")
        subjects = [
            p
            for c in pred.children
            if c.dep_ == "prep" and c.lower_ in ("from", "by")
            for p in c.children
            if p.dep_ == "pobj"
        ]
    else:
        return []
    if len(subjects) != 1 or subjects[0].pos_ not in ("NOUN", "PROPN"):
        return []
    subj = subjects[0]
    if any(ctx.index.known_without_code(t) for t in subj.subtree):
        return []  # a news agency, a person of no known country: never a party
    if np_actors(subj, ctx):
        return []  # a named actor the pattern has no slot for is no unnamed party
    issuer = _issuing_place(subj, ctx)
    if issuer:
        return issuer
    start, end = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
    text = pred.doc.text[start:end]
    return [
        Actor(
            text=text,
            start=start,
            end=end,
            code=None,
            kind="group",
            role="unnamed-party",
            confidence=0.4,
        )
    ]


# documents, and the verbs that issue them: "a report released in the Rwandan capital"
_DOCUMENTS = frozenset(
    ["report", "statement", "study", "document", "communique", "communiqué", "declaration",
     "dossier", "paper", "inquiry", "probe", "investigation", "review"]
)  # fmt: skip
_ISSUING = frozenset(["release", "issue", "publish", "present", "unveil", "submit", "make"])


def _issuing_place(subj: Token, ctx: Context) -> list[Actor]:
    """Return the state a document was issued in ("a report released in Kigali alleged").

    A document speaks for the place that issued it when its own phrase names no author:
    the country of "in <place>" on the participle that says where it was issued.
    """
    if subj.lemma_.lower() not in _DOCUMENTS:
        return []
    for acl in subj.children:
        if acl.dep_ != "acl" or acl.lemma_.lower() not in _ISSUING:
            continue
        for prep in acl.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                found = [
                    a
                    for p in prep.children
                    if p.dep_ == "pobj"
                    for a in np_actors(p, ctx)
                    if a.kind == "state"
                ]
                if found:
                    return found
    return []


def implicit_source(source: Actor, target: Actor | None, location: Location | None) -> Actor:
    """Return the local side as the perpetrator of an unnamed act against foreigners."""
    if (
        source.role != "unnamed"
        or location is None
        or not location.country
        or target is None
        or target.code in (None, location.country)
    ):
        return source
    return Actor(
        text=location.name,
        start=source.start,
        end=source.end,
        code=location.country,
        kind="state",
        role="implicit",
        confidence=0.5,
    )


# dependencies followed down from a predicate to find a deeper target
_DOWN = frozenset(
    {"dobj", "obj", "pobj", "prep", "xcomp", "pcomp", "acl", "dative", "conj", "appos",
     "compound", "amod", "poss", "nmod", "attr", "oprd", "advcl", "ccomp"}
)  # fmt: skip
_CLAUSES = frozenset({"xcomp", "ccomp", "advcl", "acl"})
# prepositions of circumstance, never leading to an act's target
_ASIDE_PREPS = frozenset(
    ["despite", "after", "before", "since", "until", "till", "amid", "amidst",
     "following", "like", "unlike", "besides", "except", "throughout", "because", "as"]
)  # fmt: skip


# prepositions that make their object a place an act goes to or near, not a party
_PLACE_PREPS = frozenset({"near", "off", "around", "over", "into", "toward", "towards"})


@lru_cache(maxsize=1)
def _territories() -> dict[str, str]:
    """Read ``data/places/territories.tsv``: dependent territory → responsible state."""
    path = resources.files("eventwire").joinpath("data", "places", "territories.tsv")
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            territory, state = line.split("\t")[:2]
            table[territory.strip()] = state.strip()
    return table


def _is_place(tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS


def _sovereign(actor: Actor) -> Actor:
    """Return the state responsible for a territory reached as a place ("near Guam" → USA).

    A threat to fire missiles "into the sea near Guam" is aimed at the United States: a
    dependent territory has no forces or foreign policy of its own.
    """
    state = _territories().get(actor.code or "")
    return actor if state is None else replace(actor, code=state, role="implicit")


def _with_conjuncts(tok: Token, ctx: Context) -> list[Actor]:
    """Return the actors on ``tok``, and on its conjuncts when it has any ("to Iran, Libya")."""
    found = ctx.index.at(tok)
    if not found:
        return []
    return [a for c in conjuncts(tok) for a in ctx.index.at(c)]


def deep_target(pred: Token, ctx: Context, exclude: set[str | None]) -> list[Actor]:
    """Return the nearest actors down the phrases ``pred`` governs (not its subject)."""
    frontier = [pred]
    seen = {pred.i}
    for _ in range(6):
        nxt: list[Token] = []
        for tok in frontier:
            for c in tok.children:
                if c.i in seen or c.dep_ not in _DOWN:
                    continue
                if c.dep_ in _CLAUSES and any(g.dep_ in SUBJ for g in c.children):
                    continue  # a clause with a subject of its own is another act
                if c.dep_ == "advcl" and not any(
                    g.dep_ == "aux" and g.lower_ == "to" for g in c.children
                ):
                    continue  # only a purpose clause ("to show their disapproval")
                if c.dep_ == "prep" and c.lower_ in _ASIDE_PREPS:
                    continue  # "despite Israel's wish", "after talks with": circumstances
                seen.add(c.i)
                nxt.append(c)
        found = [
            _sovereign(a) if _is_place(t) else a
            for t in nxt
            for a in (np_actors(t, ctx) if t.pos_ == "PRON" else _with_conjuncts(t, ctx))
            if a.code not in exclude
        ]
        if found:
            # a mention nested in another found one ("Korea" in "North Korea") is the same
            return [
                a
                for a in found
                if not any(
                    b.start <= a.start and a.end <= b.end and (b.end - b.start) > (a.end - a.start)
                    for b in found
                )
            ]
        frontier = nxt
        if not frontier:
            break
    return []


def _continues(pred: Token) -> Token | None:
    """Return the verb a subjectless participle continues ("accused China ..., warning")."""
    if pred.dep_ != "advcl" or pred.tag_ != "VBG" or pred.head.i == pred.i:
        return None
    if any(c.dep_ in SUBJ or (c.dep_ == "mark") for c in pred.children):
        return None  # "while warning", a participle with a subject: a clause of its own
    return pred.head


def inherited_targets(
    pred: Token,
    others: Sequence[tuple[Token, Sequence[Actor | None]]],
    sources: Sequence[Actor],
    ctx: Context,
) -> list[Actor]:
    """Return the target an untargeted participle shares with the clause it continues.

    "Trump used an interview to accuse China ..., warning that there will be no friendly
    solution": the warning is addressed to China, whom the clause it continues is about.
    "Kim held out an olive branch to the South, offering talks": the offer goes to the one
    the olive branch was held out to. The target is taken from the other coded acts of the
    same source in the continued clause, else from that clause's addressee (its ``to``
    phrase or indirect object).
    """
    gov = _continues(pred)
    if gov is None:
        return []
    codes = {a.code for a in sources if a.code}
    inside = {t.i for t in pred.subtree}
    clause = {t.i for t in gov.subtree}
    found = [
        t
        for other, targets in others
        if other.i not in inside and other.i in clause
        for t in targets
        if t is not None and t.code and t.code not in codes
    ]
    if found:
        return list({(a.start, a.end): a for a in found}.values())
    addressees = list(prep_objects(gov, "to"))
    addressees += [c for c in gov.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    out = [a for h in addressees for a in np_actors(h, ctx) if a.code not in codes]
    return out
