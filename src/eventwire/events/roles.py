"""Who did it and to whom: argument slots of a predicate on the spaCy dependency parse.

The parse gives heads; actors come as character spans. :class:`ActorIndex` maps tokens to the
actors covering them, :func:`np_actors` finds the actor an argument phrase names (its head,
then compounds, possessors and appositives, then "of" phrases: "Russia's Deputy Foreign
Minister Sergey Ryabkov", "the Prime Minister of Estonia"), one per conjunct, and resolves
pronouns ("we" in a quote is its speaker; "he", "they" the subject of the governing clause).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING

from eventwire.events.described import described_state, is_description
from eventwire.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "ActorIndex",
    "Context",
    "agent_heads",
    "governing_verb",
    "infinitive_subject",
    "is_passive",
    "misparsed_main_verb",
    "np_actors",
    "object_heads",
    "prep_objects",
]

SUBJ = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJ = frozenset({"nsubjpass", "csubjpass"})
OBJ = frozenset({"dobj", "obj"})
# verbs whose subject undergoes what happens: a participle hanging on them is not its act
UNDERGO = frozenset(
    ["face", "suffer", "experience", "undergo", "endure", "witness", "sustain", "weather"]
)
# dependents that stay inside a noun phrase's reference ("US commander", "Russia's minister")
_NP_NEAR = frozenset({"compound", "amod", "poss", "nmod", "appos", "flat", "npadvmod", "nummod"})
_NP_PREPS = frozenset({"of", "from", "in", "for"})  # "a camp for Congolese refugees"
# verbs whose object is the subject of their infinitive ("urged Iran to stop")
OBJECT_CONTROL = frozenset(
    [
        "ask",
        "urge",
        "want",
        "press",
        "pressure",
        "force",
        "order",
        "tell",
        "call",
        "allow",
        "permit",
        "encourage",
        "invite",
        "persuade",
        "help",
        "request",
        "require",
        "expect",
        "advise",
        "warn",
        "push",
        "compel",
        "instruct",
        "oblige",
    ]
)
_FIRST = frozenset({"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"})
_THIRD = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "him",
        "her",
        "them",
        "its",
        "their",
        "his",
        "theirs",
        "itself",
        "themselves",
        "himself",
        "herself",
    ]
)
_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})


class ActorIndex:
    """Actors with a code, found by token.

    Args:
        doc: The parsed article.
        actors: Resolved mentions; those without a code (news agencies, unknown people)
            are never event parties and are left out here.
    """

    def __init__(self, doc: Doc, actors: Sequence[Actor]) -> None:
        self._by_token: dict[int, list[Actor]] = {}
        self._uncoded: set[int] = set()
        for actor in actors:
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is None:
                continue
            if not actor.code:
                self._uncoded.update(tok.i for tok in span)
                continue
            for tok in span:
                self._by_token.setdefault(tok.i, []).append(actor)

    def at(self, tok: Token) -> list[Actor]:
        """Return the actors covering ``tok`` (outermost mention first)."""
        found = self._by_token.get(tok.i, [])
        return sorted(found, key=lambda a: a.start - a.end)

    def known_without_code(self, tok: Token) -> bool:
        """Tell whether ``tok`` is part of a mention resolved to no code (a news agency)."""
        return tok.i in self._uncoded

    def __bool__(self) -> bool:
        return bool(self._by_token)


class Context:
    """What a sentence knows beyond its tokens: the actor index and the quote speaker."""

    def __init__(self, index: ActorIndex, speaker: Actor | None = None) -> None:
        self.index = index
        self.speaker = speaker
        self.used_pronoun = False


def conjuncts(tok: Token) -> list[Token]:
    """Return ``tok`` and the tokens conjoined with it ("the US, Russia and Switzerland").

    The parser often reads a list "A, B, and C" as A with an appositive B that has the
    conjunct C; an appositive that itself has a conjunct is taken as part of the list.
    """
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" or (c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children)):
            out.extend(conjuncts(c))
    return out


def _dedupe(actors: list[Actor]) -> list[Actor]:
    seen: set[tuple[int, int, str | None]] = set()
    out: list[Actor] = []
    for a in actors:
        key = (a.start, a.end, a.code)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


@cache
def _countries() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def _prefer_states(found: list[Actor]) -> list[Actor]:
    """Among alternatives in one phrase, keep states over groups without a country.

    "an Islamic State target southwest of Baghdad" names a militant group (no country) and
    the place it is in; CAMEO codes the state.
    """
    states = [a for a in found if a.code in _countries()]
    if states and len(states) < len(found) and all(a.group is None for a in found):
        return states
    return found


def _near(tok: Token, ctx: Context) -> list[Actor]:
    """Breadth-first search inside one noun phrase for the actor nearest its head."""
    frontier = [tok]
    seen = {tok.i}
    for _depth in range(4):
        found: list[Actor] = []
        for t in frontier:
            hits = ctx.index.at(t)
            if hits:
                # group members share a span: keep all of them, but only the outermost span
                outer = max(a.end - a.start for a in hits)
                found.extend(a for a in hits if a.end - a.start == outer)
        if found:
            found = _prefer_states(found)
            if frontier == [tok]:
                # "US and British activists": the mention covers "British activists", but the
                # head's coordinated modifiers name further actors
                for c in tok.children:
                    if c.dep_ in ("amod", "compound", "nmod"):
                        for g in c.children:
                            if g.dep_ == "conj":
                                found.extend(ctx.index.at(g) + ctx.index.at(c))
            return _dedupe(found)
        nxt: list[Token] = []
        for t in frontier:
            for c in t.children:
                if c.i in seen:
                    continue
                if c.dep_ in _NP_NEAR or (c.dep_ == "prep" and c.lower_ in _NP_PREPS):
                    nxt.append(c)
                    # "US and British activists": the modifier's conjuncts modify too
                    nxt.extend(g for g in c.children if g.dep_ == "conj")
                elif c.dep_ == "pobj" and t.dep_ == "prep":
                    nxt.append(c)
                seen.add(c.i)
        frontier = nxt
        if not frontier:
            break
    return []


def np_actors(tok: Token | None, ctx: Context) -> list[Actor]:
    """Return the actors an argument phrase headed by ``tok`` names, one per conjunct."""
    if tok is None:
        return []
    out: list[Actor] = []
    heads = conjuncts(tok)
    for head in heads:
        if head.pos_ == "PRON" or head.tag_ in ("PRP", "PRP$", "WP", "WDT"):
            out.extend(_pronoun(head, ctx))
            continue
        if is_description(head):
            # "the country's southern neighbor", "Russia's neighbours": the possessor is the
            # reference, not the party; a description that picks no one state names nobody
            out.extend(described_state(head, ctx))
            continue
        found = _near(head, ctx)
        out.extend(found)
        # "Barack Obama and Vladimir Putin" parsed with "Barack" as head: the conjunct
        # hangs from another token of the same mention
        for a in found:
            for t in head.doc[head.left_edge.i : head.right_edge.i + 1]:
                if t.idx < a.start or t.idx >= a.end or t.i == head.i:
                    continue
                for c in t.children:
                    if c.dep_ == "conj" and not (a.start <= c.idx < a.end):
                        out.extend(np_actors(c, ctx))
    return _dedupe(out)


def _pronoun(tok: Token, ctx: Context) -> list[Actor]:
    low = tok.lower_
    if low in _FIRST:
        if ctx.speaker is not None and ctx.speaker.code:
            ctx.used_pronoun = True
            return [ctx.speaker]
        return []
    if low in _RELATIVE:
        # "officials who met": the relative clause's head noun
        verb = tok.head
        if verb.dep_ == "relcl":
            return np_actors(verb.head, ctx)
        return []
    if low not in _THIRD:
        return []
    verb = tok.head
    if (
        tok.dep_ in OBJ
        and verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and not any(c.dep_ in SUBJ for c in verb.children)
    ):
        # "convicted Morsi and 19 others ..., sentencing them": the object of a participle
        # that continues a clause is that clause's object
        found = [a for h in object_heads(verb.head) for a in np_actors(h, ctx)]
        if found:
            ctx.used_pronoun = True
            return found
    # the nearest governing clause's subject: "Obama said he would not ..."
    node = tok
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            for c in node.children:
                if c.dep_ in SUBJ and c.i != tok.i and not c.is_ancestor(tok):
                    found = _near(c, ctx) if c.pos_ != "PRON" else []
                    if found:
                        ctx.used_pronoun = True
                        return [a for h in conjuncts(c) for a in _near(h, ctx)] or found
    return []


def misparsed_main_verb(verb: Token) -> bool:
    """Tell whether an ``acl`` verb is really the sentence's main verb.

    The small model reads "Doctors from two aid groups donated and delivered goods" and
    "Palestinian youths resorted to throwing stones" as a noun phrase with a modifying
    participle; a participle of the root noun that takes an object (or "resorted to") acts.
    """
    head = verb.head
    if verb.dep_ != "acl" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.dep_ != "ROOT" and not (head.dep_ in ("nsubj", "ccomp") and head.head.dep_ == "ROOT"):
        return False  # "Palestinian youths resorted to ..., officials said" reads as "said"'s
    for v in (verb, *[c for c in verb.children if c.dep_ == "conj"]):
        if any(c.dep_ in OBJ for c in v.children):
            return True
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pcomp" for g in c.children)
        for c in verb.children
    )


def is_passive(verb: Token) -> bool:
    """Tell whether a verb is passive ("was attacked", "were released by")."""
    return any(c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass" for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl" and not misparsed_main_verb(verb)
    )


def governing_verb(tok: Token) -> Token | None:
    """Return the verb a noun (or a preposition's object) hangs from, if any."""
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.dep_ not in ("prep", "pobj", "dobj", "conj", "appos", "attr", "compound"):
            return None
    return None


# prepositions whose object may be the subject of a following gerund ("despite X doing")
_GERUND_PREPS = frozenset(["despite", "with", "without", "after", "before", "amid", "amidst"])


def _gerund_subject(verb: Token) -> list[Token]:
    """Return the subject of a gerund misparsed as a clause of its own ("despite X doing").

    "..., Tillerson said, despite Moscow and Beijing repeatedly denouncing Pyongyang's
    actions": the parser hangs "Moscow" on "despite" and the gerund on "said", so the
    speaker would denounce. The object of such a preposition right before the gerund (only
    adverbs and conjunctions between) is the one who acts.
    """
    if verb.tag_ != "VBG":
        return []
    for prep in verb.head.children:
        if prep.dep_ != "prep" or prep.lower_ not in _GERUND_PREPS or prep.i > verb.i:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or pobj.right_edge.i >= verb.i:
                continue
            between = verb.doc[pobj.right_edge.i + 1 : verb.i]
            if all(t.pos_ in ("ADV", "CCONJ", "PART") for t in between):
                return [pobj]
    return []


def agent_heads(verb: Token) -> list[Token]:
    """Return the head tokens of a verb's agent (the source of most events)."""
    children = list(verb.children)
    subj = [c for c in children if c.dep_ in SUBJ]
    if subj:
        return subj
    if is_passive(verb):
        for c in children:
            if c.dep_ == "agent":
                return [p for p in c.children if p.dep_ == "pobj"]
        return []
    head = verb.head
    if head.i == verb.i:
        return []
    dep = verb.dep_
    if dep == "xcomp":
        raised = [c for c in head.children if c.dep_ in PASSIVE_SUBJ]
        if raised:
            # "Russia is said to have attacked", "Obama is scheduled to attend"
            return raised
        if head.lemma_.lower() in OBJECT_CONTROL:
            # "urged Iran to stop": the object acts
            objs = [c for c in head.children if c.dep_ in OBJ]
            if objs:
                return objs
        return agent_heads(head)
    if dep == "conj" and head.pos_ in ("VERB", "AUX"):
        if is_passive(head) and not is_passive(verb):
            # "was indicted by the court and will resign": the shared subject resigns
            return [c for c in head.children if c.dep_ in PASSIVE_SUBJ]
        return agent_heads(head)
    if dep in ("acomp", "xcomp", "ccomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
        return agent_heads(head)  # "Norway is willing to send": willing → is → Norway
    if dep == "advcl" and head.pos_ in ("VERB", "AUX"):
        if head.lemma_.lower() in UNDERGO:
            return []  # "Tunisia has faced attacks, killing dozens": Tunisia killed no one
        own = _gerund_subject(verb)
        return own if own else agent_heads(head)
    if dep == "relcl":
        return [head]
    if dep == "acl":
        if verb.tag_ == "VBG" or misparsed_main_verb(verb):
            return [head]
        gov = governing_verb(head)
        return agent_heads(gov) if gov is not None else []
    if dep == "pcomp":
        gov = head.head if head.dep_ == "prep" else None
        if gov is None:
            return []
        if gov.pos_ in ("VERB", "AUX"):
            if is_passive(gov):
                return [c for c in gov.children if c.dep_ in PASSIVE_SUBJ]
            objs = [c for c in gov.children if c.dep_ in OBJ]
            return objs or agent_heads(gov)
        gv = governing_verb(gov)
        return agent_heads(gv) if gv is not None else []
    return []


def infinitive_subject(verb: Token) -> list[Token]:
    """Return X in "want X to do" when the parser reads "X to do" as a clause."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            out.extend(s for s in c.children if s.dep_ in SUBJ)
    return out


# verbs that raise their complement's subject ("X appears to have been launched")
_RAISING = frozenset({"appear", "seem"})


def object_heads(verb: Token) -> list[Token]:
    """Return a verb's direct objects; a passive verb's subject is its object."""
    out = [c for c in verb.children if c.dep_ in OBJ]
    if not out:
        # "kidnapped up to 16 advisers": the parser takes "up" for a particle
        for prt in verb.children:
            if prt.dep_ == "prt" and prt.lower_ == "up":
                out.extend(
                    p
                    for c in prt.children
                    if c.dep_ == "prep" and c.lower_ == "to"
                    for p in c.children
                    if p.dep_ == "pobj"
                )
    if not out and verb.lemma_.lower() in OBJECT_CONTROL:
        out.extend(infinitive_subject(verb))
    if is_passive(verb):
        out.extend(c for c in verb.children if c.dep_ in PASSIVE_SUBJ)
        if verb.dep_ == "acl" and not out:
            out.append(verb.head)
        if verb.dep_ == "xcomp" and not out and verb.head.lemma_.lower() in _RAISING:
            # "a missile appears to have been launched": the raised subject is the object
            out.extend(c for c in verb.head.children if c.dep_ == "nsubj")
    if not out:
        out.extend(c for c in verb.children if c.dep_ in ("attr", "oprd"))
    return out


def prep_objects(pred: Token, prep: str) -> Iterator[Token]:
    """Yield objects of preposition ``prep`` on a predicate or on its direct objects."""
    # "evidence against Russia was presented": a passive subject is the object
    hosts = [pred, *[c for c in pred.children if c.dep_ in OBJ or c.dep_ in PASSIVE_SUBJ]]
    for host in hosts:
        for c in host.children:
            if c.dep_ in ("prep", "dative", "agent") and c.lower_ == prep:
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        yield p
