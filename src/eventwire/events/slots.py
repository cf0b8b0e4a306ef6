"""Fill a pattern's source and target slots with the actors the parse puts there.

A slot names where an actor stands relative to the matched word: its agent (``subj``), its
object (``obj``), an indirect object (``iobj``), a possessor or modifier of a noun
(``poss``), the parties of the meeting it happens at (``venue``), the doer of what provoked
a reaction (``cause``), the agent or object of its complement (``comp``, ``cobj``) or the
object of a preposition (any other slot name, e.g. ``with``, ``against``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventwire.events.patterns import NOUN_POS, lemma_of
from eventwire.events.roles import (
    Context,
    agent_heads,
    governing_verb,
    np_actors,
    object_heads,
    prep_objects,
)
from eventwire.events.where import is_city
from eventwire.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["fill_slots"]

_VENUES = frozenset(
    [
        "meeting",
        "summit",
        "session",
        "conference",
        "gathering",
        "talks",
        "assembly",
        "council",
        "congress",
    ]
)


# nouns for many voices raising one act: "added their voices to the chorus of condemnation"
_CHORUS = frozenset(
    ["chorus", "wave", "storm", "flood", "outpouring", "torrent", "barrage", "round", "volley",
     "outcry", "groundswell"]
)  # fmt: skip
# verbs by which an agent joins an act named by a noun: "joined the condemnation",
# "added their voices to the chorus of condemnation"
_JOINING = frozenset(["add", "join", "lend", "contribute", "raise"])


# verbs whose subject provoked the reaction their object names: "the launch drew condemnation
# from Japan" (the launch is no agent of the condemnation; its doer is the target)
_PROVOKING = frozenset(
    ["draw", "prompt", "spark", "trigger", "provoke", "elicit", "attract", "earn", "bring",
     "invite", "stir", "fuel", "cause"]
)  # fmt: skip


def _provoked_by(pred: Token) -> Token | None:
    """Return the verb of "X drew <reaction>", when ``pred`` is the reaction it takes."""
    gov = governing_verb(pred)
    if gov is None or pred.dep_ not in ("dobj", "obj") or lemma_of(gov) not in _PROVOKING:
        return None
    return gov


def _joined_act(pred: Token) -> Token:
    """Return the noun that stands for ``pred`` in its clause ("the chorus of condemnation")."""
    if (
        pred.dep_ == "pobj"
        and pred.head.lower_ == "of"
        and pred.head.head.lemma_.lower() in _CHORUS
    ):
        return pred.head.head
    return pred


def _noun_agent(pred: Token) -> list[Token]:
    pred = _joined_act(pred)
    gov = governing_verb(pred)
    if gov is None or _provoked_by(pred) is not None:
        return []
    if (
        pred.dep_ == "pobj"
        and pred.head.lower_ in ("to", "in")
        and pred.head.head.i == gov.i
        and lemma_of(gov) in _JOINING
    ):
        # "added their voices to the chorus of condemnation", "joined in the criticism"
        return agent_heads(gov)
    if pred.dep_ in ("dobj", "obj", "attr", "oprd") or (
        pred.dep_ == "conj" and pred.head.dep_ in ("dobj", "obj")
    ):
        return agent_heads(gov)
    prep = pred.head
    if pred.dep_ == "pobj" and prep.lower_ in ("for", "in", "into") and prep.head.i == gov.i:
        # "returned to Geneva for talks", "engaged in negotiations": the verb's agent
        return agent_heads(gov)
    return []


def _poss(pred: Token, ctx: Context) -> list[Actor]:
    out: list[Actor] = []
    for c in pred.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod"):
            found = np_actors(c, ctx)
            if c.dep_ != "poss":
                # "the Paris attacks", "the Nice attack": a city before the noun is where the
                # act happened, not who did it ("Moscow's demands" keeps its capital)
                found = [a for a in found if not is_city(a.text)]
            out.extend(found)
    return out


def _venue(pred: Token, ctx: Context) -> list[Actor]:
    hosts = [pred]
    gov = governing_verb(pred) if pred.pos_ in NOUN_POS else None
    if gov is not None:
        hosts.append(gov)
    for host in hosts:
        for prep in ("at", "during", "on", "in"):
            for place in prep_objects(host, prep):
                if lemma_of(place) in _VENUES:
                    found = _poss(place, ctx)
                    for p in prep_objects(place, "of"):
                        found.extend(np_actors(p, ctx))
                    if found:
                        return found
    return []


def _slot(slot: str, pred: Token, ctx: Context) -> list[Actor]:
    noun = pred.pos_ in NOUN_POS
    if slot == "subj":
        heads = _noun_agent(pred) if noun else agent_heads(pred)
        return [a for h in heads for a in np_actors(h, ctx)]
    if slot == "obj":
        return [a for h in object_heads(pred) for a in np_actors(h, ctx)]
    if slot == "iobj":
        return [
            a
            for c in pred.children
            if c.dep_ == "dative" and c.pos_ != "ADP"
            for a in np_actors(c, ctx)
        ]
    if slot == "poss":
        return _poss(pred, ctx) if noun else []
    if slot == "venue":
        return _venue(pred, ctx)
    if slot == "cause":
        gov = _provoked_by(pred) if noun else None
        causes = agent_heads(gov) if gov is not None else []
        # "North Korea's launch", "the test by Pyongyang": the doer of the act that provoked
        return [a for h in causes for a in np_actors(h, ctx)] or [
            a for h in causes for p in prep_objects(h, "by") for a in np_actors(p, ctx)
        ]
    if slot in ("comp", "cobj"):
        out: list[Actor] = []
        for c in pred.children:
            if c.dep_ not in ("ccomp", "xcomp", "acl"):
                continue
            if slot == "comp":
                out.extend(a for h in agent_heads(c) for a in np_actors(h, ctx))
            else:
                out.extend(a for h in object_heads(c) for a in np_actors(h, ctx))
                for prep in ("with", "to", "from", "on", "against"):
                    out.extend(a for p in prep_objects(c, prep) for a in np_actors(p, ctx))
        return out
    hosts = [pred]
    gov = governing_verb(pred) if noun and pred.dep_ in ("dobj", "obj") else None
    if noun and pred.dep_ == "nsubjpass" and lemma_of(pred.head) in _DIRECTING:
        gov = pred.head  # "the launch was supervised by Kim": who directs an act does it
    found = [a for p in prep_objects(pred, slot) for a in np_actors(p, ctx)]
    if not found and gov is not None:
        hosts.append(gov)
        found = [a for p in prep_objects(gov, slot) for a in np_actors(p, ctx)]
    return found


# verbs whose passive agent directs the act that is their subject
_DIRECTING = frozenset({"supervise", "oversee", "direct", "order", "command", "conduct"})


def fill_slots(slots: Sequence[str], pred: Token, ctx: Context) -> tuple[list[Actor], str | None]:
    """Return the actors of the first of ``slots`` that names any, and that slot's name.

    The markers ``-``, ``mutual`` and ``both`` are no slots and are skipped; with no actor
    in any slot the result is ``([], None)``.
    """
    for slot in slots:
        if slot in ("-", "mutual", "both"):
            continue
        found = _slot(slot, pred, ctx)
        if found:
            return found, slot
    return [], None
