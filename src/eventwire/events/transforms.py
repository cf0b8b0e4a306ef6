"""Reframe an act by how it is said: intent, threat, refusal (CAMEO's speech-act codes).

CAMEO codes what an actor does *about* an act, not only the act:

    "wants/plans/offers to aid Israel", "said it will aid Israel" → 03x express intent (033)
    "wants/plans to attack", "said it will attack", "is prepared to impose martial law"
                                                                   → 13x threat
    "refused to meet", "would not provide support"                 → 12x reject (125, 121)
    "the building was demolished by protesters"                    → 145 riot

A future act the narrator states without attributing it to anyone ("The United States will
supply arms to Israel") is the act itself, with modality ``future``: only someone's stated
"will" is an expressed intent (:func:`attributed`).

:func:`reframe` returns the new code and modality, or None when the act is coded as itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.events.modality import modality_of
from eventwire.events.roles import OBJ, agent_heads

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["THREAT_OF_CODE", "THREAT_OF_ROOT", "attributed", "reframe"]


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


# "wants to help Israel" is an expressed intent to aid (033), "wants to attack" a threat (138)
_COOP_INTENT = frozenset(
    [
        "want",
        "plan",
        "intend",
        "seek",
        "hope",
        "wish",
        "aim",
        "offer",
        "promise",
        "pledge",
        "vow",
        "decide",
        "agree",
        "willing",
        "ready",
        "prepared",
        "committed",
        "determined",
        "eager",
        "resolve",
        "undertake",
        "swear",
    ]
)
_HOSTILE_INTENT = frozenset(["want", "plan", "intend", "threaten", "vow", "warn", "swear"])
# commitments: "pledged to expel" is the expulsion to come, not a threat
_COMMIT = frozenset(["pledge", "promise", "agree", "commit", "undertake"])
_INTENT_OF_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
_INTENT_OF_CODE = {
    "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "081": "0351", "084": "0353", "0841": "0353", "0842": "0353", "085": "0354",
    "086": "0355", "087": "0356", "0871": "0356", "0872": "0356", "0873": "0356",
    "0874": "0356", "057": "032", "045": "039",
}  # fmt: skip
THREAT_OF_CODE = {
    "161": "1313", "162": "1311", "1621": "1311", "1622": "1311", "163": "1312",
    "164": "134", "165": "135", "166": "136", "1661": "136", "1662": "136", "1663": "136",
    "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
    "175": "137", "191": "1381", "192": "1382", "173": "132", "174": "132",
}  # fmt: skip
# "will boycott the elections", "threatened to strike": a threat of dissent (133)
THREAT_OF_ROOT = {
    "14": "133", "16": "131", "17": "130", "18": "138", "19": "138", "20": "138",
}  # fmt: skip


def _intent_code(tok: Token, code: str) -> str | None:
    """Return the intent (03x) or threat (13x) code when ``tok`` is what its subject wants."""
    if tok.dep_ != "xcomp" or tok.head.i == tok.i:
        return None
    head = tok.head
    if any(c.dep_ in OBJ for c in head.children):
        return None  # "want X to do": X acts, the wanting is a demand of its own
    verb = _lemma(head)
    root = code[:2]
    if verb in _COOP_INTENT and root in _INTENT_OF_ROOT:
        return _INTENT_OF_CODE.get(code, _INTENT_OF_ROOT[root])
    if verb in _HOSTILE_INTENT and root in THREAT_OF_ROOT:
        return THREAT_OF_CODE.get(code, THREAT_OF_ROOT[root])
    return None


def _will(tok: Token) -> bool:
    """Tell whether the predicate (or the verb it is chained to) says "will" or "would".

    A noun predicate asks its verb: "would tighten the naval blockade".
    """
    node = tok
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "obj") and tok.head.i != tok.i:
        node = tok.head
    for _ in range(3):
        if any(
            c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo", "would", "'d")
            for c in node.children
        ):
            return True
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _future_code(code: str) -> str | None:
    root = code[:2]
    if root in _INTENT_OF_ROOT:
        return _INTENT_OF_CODE.get(code, _INTENT_OF_ROOT[root])
    if root in THREAT_OF_ROOT:
        return THREAT_OF_CODE.get(code, THREAT_OF_ROOT[root])
    return None


# verbs that report what someone says, writes or announces
_REPORTING = frozenset(
    ["say", "tell", "add", "state", "announce", "declare", "report", "confirm", "insist",
     "write", "claim", "warn", "assert", "promise", "pledge", "vow", "reiterate", "indicate",
     "stress", "note", "explain", "predict", "signal", "hint", "reply", "respond"]
)  # fmt: skip


def attributed(tok: Token) -> bool:
    """Tell whether an act is reported as someone's statement, not as the narrator's fact.

    "Israel announced it would free prisoners", "Finland will give a grant, a statement
    said": the clause holding the act is the complement of a reporting verb.
    """
    node = tok
    for _ in range(8):
        if node.dep_ in ("ccomp", "parataxis") and _lemma(node.head) in _REPORTING:
            return True
        if node.head.i == node.i:
            break
        node = node.head
    # "..., the World Food Program said on Monday": the trailing cue hangs from the root
    return any(
        c.dep_ in ("conj", "parataxis", "ccomp", "advcl")
        and c.i > tok.i
        and _lemma(c) in _REPORTING
        for c in node.children
    )


_REJECT_OF_ROOT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
_REJECT_OF_CODE = {
    "061": "1211", "062": "1212", "063": "1213", "064": "1214",
    "071": "1221", "072": "1222", "073": "1223", "074": "1224",
    "081": "1241", "084": "1243", "0841": "1243", "0842": "1243", "085": "1244",
    "086": "1245", "0861": "1245", "0862": "1245", "0863": "1245",
    "087": "1246", "0871": "1246", "0874": "1246", "045": "126",
    "057": "127", "083": "123", "0831": "1231", "0832": "1232",
}  # fmt: skip
_REFUSE = frozenset(["refuse", "decline", "fail", "reject", "rule"])


def _refusal(tok: Token) -> bool:
    """Tell whether a negated act is a stated refusal ("will not", "refused to")."""
    if tok.dep_ == "xcomp" and _lemma(tok.head) in _REFUSE:
        return True
    node = tok
    for _ in range(3):
        kids = list(node.children)
        if any(c.dep_ == "neg" for c in kids) and any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "shall", "can", "ca")
            for c in kids
        ):
            return True
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _reject_code(code: str) -> str | None:
    root = code[:2]
    if root not in _REJECT_OF_ROOT:
        return None
    return _REJECT_OF_CODE.get(code, _REJECT_OF_ROOT[root])


# crowds whose destruction of property or beatings are a riot, not coercion or assault
_PROTESTERS = frozenset(
    ["protester", "protestor", "demonstrator", "rioter", "mob", "crowd", "marcher", "striker"]
)


def _by_protesters(tok: Token) -> bool:
    """Tell whether the agent of ``tok`` is a crowd of protesters ("by a Ukrainian protestor")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    heads = agent_heads(tok)
    return bool(heads) and all(
        _lemma(h) in _PROTESTERS or h.lower_.rstrip("s") in _PROTESTERS for h in heads
    )


def reframe(tok: Token, code: str, modality: str) -> tuple[str, str] | None:
    """Return (code, modality) when the way ``tok`` is said changes what CAMEO codes."""
    if code[:2] in ("17", "18") and _by_protesters(tok):
        # "the building was demolished by protesters": a riot (145); military force used by
        # protesters ("launched missiles") stays an attack
        return "145", modality
    intent = _intent_code(tok, code)
    if intent is not None:
        return intent, modality_of(tok.head)
    if modality in ("future", "hypothetical") and _will(tok) and attributed(tok):
        # "X said it will aid Y", "Y will get aid, officials said": a stated intent (033),
        # "will attack" a threat; unattributed, "X will aid Y" is the act itself, future
        future = _future_code(code)
        return (future, modality) if future is not None else None
    if (
        modality == "future"
        and code[:2] in THREAT_OF_ROOT
        and not (tok.dep_ == "xcomp" and _lemma(tok.head) in _COMMIT)
    ):
        # "prepared to impose martial law", "plans to blockade": a threat
        return THREAT_OF_CODE.get(code, THREAT_OF_ROOT[code[:2]]), modality
    if modality == "negated" and _refusal(tok):
        # "would not provide support", "refused to meet": a rejection (12x), which is a fact
        reject = _reject_code(code)
        return (reject, "asserted") if reject is not None else None
    return None
