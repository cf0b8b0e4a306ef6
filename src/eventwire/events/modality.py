"""Modality: is a coded act asserted, or negated, conditional, hypothetical, future, alleged?

The predicate's own auxiliaries, negations, markers and adverbs are read first, then its
governors up the tree: an act inside an ``if`` clause is conditional wherever the clause sits;
"accused of placing troops" makes the placing alleged; "plans to visit" makes the visit future;
"refused to meet" negates the meeting. The strongest reason wins, in the order of
:data:`PRECEDENCE`, so a conditional, hypothetical or negated act is never ``asserted``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PRECEDENCE", "modality_of"]

PRECEDENCE: tuple[str, ...] = (
    "conditional",
    "negated",
    "hypothetical",
    "alleged",
    "future",
    "asserted",
)

_COND_MARKS = frozenset({"if", "unless", "whether", "lest"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPO_AUX = frozenset({"would", "could", "may", "might", "can", "ca", "'d"})
_COND_AUX = frozenset({"should", "must"})
_ALLEGE_ADV = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "apparently"})
_NEG_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor"})

# governors whose complement is not (yet) a fact
_GOV_HYPO = frozenset(
    [
        "want",
        "hope",
        "seek",
        "wish",
        "try",
        "attempt",
        "consider",
        "propose",
        "offer",
        "threaten",
        "warn",
        "urge",
        "ask",
        "call",
        "demand",
        "request",
        "appeal",
        "press",
        "need",
        "aim",
        "mull",
        "weigh",
        "contemplate",
        "discuss",
        "push",
    ]
)
_GOV_FUTURE = frozenset(
    [
        "plan",
        "intend",
        "prepare",
        "schedule",
        "set",
        "expect",
        "promise",
        "pledge",
        "vow",
        "agree",
        "decide",
        "resolve",
        "announce",
        "go",
        "commit",
        "willing",
        "ready",
        "prepared",
        "committed",
        "determined",
        "eager",
    ]
)
_GOV_ALLEGE = frozenset(["accuse", "allege", "claim", "suspect", "charge", "blame"])
_GOV_ALLEGE_PASSIVE = frozenset(
    ["say", "believe", "report", "suspect", "think", "allege", "rumour", "rumor"]
)
_GOV_NEG = frozenset(
    [
        "refuse",
        "decline",
        "fail",
        "reject",
        "deny",
        "rule",
        "oppose",
        "avoid",
        "cease",
        "stop",
        "halt",
    ]
)
# links that keep the governor's auxiliaries in force ("will begin to attack")
_DIRECT = frozenset(
    {"xcomp", "conj", "dobj", "pobj", "prep", "pcomp", "acl", "attr", "oprd", "acomp"}
)
_UP = _DIRECT | frozenset({"ccomp", "advcl", "relcl", "nsubj", "nsubjpass", "appos", "npadvmod"})


def _own(tok: Token) -> set[str]:
    found: set[str] = set()
    for c in tok.children:
        low = c.lower_
        if c.dep_ == "neg" or (c.dep_ == "det" and low == "no" and tok.pos_ == "NOUN"):
            found.add("negated")
        elif c.dep_ in ("aux", "auxpass"):
            if low in _FUTURE_AUX:
                found.add("future")
            elif low in _HYPO_AUX:
                found.add("hypothetical")
            elif low in _COND_AUX:
                found.add("conditional")
        elif c.dep_ == "mark" and low in _COND_MARKS and tok.dep_ in ("advcl", "ccomp"):
            found.add("conditional")
        elif c.dep_ == "advmod":
            if low in _ALLEGE_ADV:
                found.add("alleged")
            elif low in ("never",):
                found.add("negated")
        elif c.dep_ == "prep" and low == "if":
            found.add("conditional")
        elif c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children
        ):
            found.add("conditional")  # the consequent of "if X, (then) Y" is conditional too
    # "going to attack"
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "go" and tok.head.tag_ == "VBG":
        found.add("future")
    return found


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def modality_of(pred: Token) -> str:
    """Return the modality of the act that ``pred`` (a verb or a noun predicate) expresses."""
    reasons: set[str] = set(_own(pred))
    direct = True
    node = pred
    for _ in range(8):
        head = node.head
        if head.i == node.i or node.dep_ not in _UP:
            break
        dep = node.dep_
        lemma = head.lemma_.lower()
        if dep == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _COND_MARKS for c in node.children
        ):
            reasons.add("conditional")
        if head.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            via_comp = dep in ("xcomp", "ccomp", "pcomp", "prep", "dobj", "acl")
            if via_comp and lemma in _GOV_ALLEGE:
                reasons.add("alleged")
            if via_comp and lemma in _GOV_ALLEGE_PASSIVE and _passive(head):
                reasons.add("alleged")
            if dep in ("xcomp", "pcomp", "prep", "acl", "dobj") and lemma in _GOV_NEG:
                reasons.add("negated")
            infinitive = dep == "ccomp" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children
            )
            if (dep in ("xcomp", "pcomp", "acl") or infinitive) and lemma in _GOV_HYPO:
                reasons.add("hypothetical")
            if dep in ("xcomp", "pcomp", "acl") and lemma in _GOV_FUTURE:
                reasons.add("future")
        # "Putin is not named, and the Kremlin dismissed the report": a conjunct with a
        # subject of its own is a clause of its own, free of the first one's negation
        own_subject = dep == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        direct = direct and dep in _DIRECT and not own_subject
        own = _own(head)
        if direct:
            reasons |= own
        elif "conditional" in own and head.dep_ == "advcl":
            reasons.add("conditional")
        node = head
    for name in PRECEDENCE:
        if name in reasons:
            return name
    return "asserted"
