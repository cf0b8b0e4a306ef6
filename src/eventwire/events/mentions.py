"""Predicates that name an act without reporting it as a fresh event.

News sentences mention acts they do not report. CAMEO codes the act a sentence tells, not
every word for an act in it; eventwire skips these mentions before filling any slot:

- **background**: a noun for an act inside a phrase of circumstance or time ("after the Paris
  terrorist attacks", "in the wake of the Paris attacks", "since the invasion", "like the
  attacks in Belgium"), or one that only sets the scene for another noun ("the death toll in
  the Nice attack", "victims of the bombing"). The act is known already; the sentence reports
  something else. A noun with an actor of its own in such a phrase is no exception: "after
  Russia's annexation of Crimea" is the context of the news, not the news;
- **a name given to an act**: "called the attack a reprisal", "in what Hollande called a terror
  attack": the speaker characterises an act (a statement about it), the noun is no new act;
- **an act not permitted**: "We never allow Chinese companies to violate the resolutions" —
  the act under a negated verb of permission does not happen;
- **a plan's content**: "approved a resolution to annex the settlements", "attempts to
  jumpstart the talks": the act an infinitive names after a noun of planning or trying has not
  happened (the plan or attempt may be an event of its own);
- **a description**: "suspected Taliban militants threatening Kunduz" — a participle that
  describes a noun's menace is no threat anyone made (CAMEO 13 is a statement);
- **an idiom**: "struck a conciliatory note", "shot footage", "captured photos", "seized the
  opportunity", "hit a record": the verb of force takes an object no force is used on;
- **silence**: "troops who refused to respond" reject nobody's request; it is no rejection
  (12). "Refused to respond to a demand from the US" is one; "declined to comment" is CAMEO's
  own 011 (decline comment) in the lexicon.

A verb for an act inside a circumstance phrase keeps its own clause ("just days after the
Security Council passed sanctions on Pyongyang") and is coded: it tells who did what.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "background_mention",
    "described_threat",
    "habitual",
    "idiom",
    "inverted_condition",
    "named_act",
    "planned_act",
    "silence",
    "undergone_reaction",
    "unpermitted_act",
]

# prepositions of time and circumstance whose noun is the setting, not the news
_SETTING_PREPS = frozenset(
    ["after", "before", "since", "following", "amid", "amidst", "like", "unlike", "despite",
     "until", "during", "throughout", "between"]
)  # fmt: skip
# "in the wake of", "in response to": the noun before the last preposition
_SETTING_NOUNS = frozenset(
    ["wake", "aftermath", "response", "reaction", "retaliation", "reprisal", "revenge",
     "anniversary", "memory", "commemoration", "toll", "victim", "victims", "survivor",
     "survivors", "site", "scene", "fallout", "lesson", "lessons", "spate", "string", "rise"]
)  # fmt: skip
# verbs that give an act a name: the noun is what the act is called, not a new act
_NAMING = frozenset(
    ["call", "describe", "label", "term", "dub", "brand", "characterize", "characterise",
     "denounce", "consider", "regard", "classify", "deem"]
)  # fmt: skip
_PERMIT = frozenset(["allow", "permit", "let", "tolerate", "authorize", "authorise"])


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def background_mention(tok: Token) -> bool:
    """Tell whether a noun predicate is the setting of the sentence, not an act it reports."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    head = tok
    while head.dep_ in ("conj", "appos", "compound") and head.head.i != head.i:
        head = head.head  # "after the bombings and shootings": the first conjunct decides
    if head.dep_ != "pobj":
        return False
    prep = head.head
    if prep.lower_ in _SETTING_PREPS:
        return True
    holder = prep.head
    # "in the wake of the attacks", "the death toll in the Nice attack", "victims of the raid"
    return holder.pos_ in ("NOUN", "PROPN") and _lemma(holder) in _SETTING_NOUNS


def named_act(tok: Token) -> bool:
    """Tell whether a noun predicate is what a speaker calls an act ("called it an attack")."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("dobj", "oprd", "attr", "obj"):
        return False
    return tok.head.pos_ in ("VERB", "AUX") and _lemma(tok.head) in _NAMING


# verbs whose subject undergoes the reaction they take as object ("faced criticism")
_UNDERGO = frozenset(["face", "receive", "attract", "endure", "weather", "suffer", "encounter"])


def undergone_reaction(tok: Token) -> bool:
    """Tell whether a noun reaction is one its governor's subject undergoes, from nobody named.

    "Milburn denied it after facing criticism" and "the plan came under criticism" tell the
    subject as the target of someone's criticism, never its source; with no "from" phrase
    naming who criticised, the sentence names no source and the noun is no act of the
    subject's. "drew criticism from Israel" is handled by the lexicon (source ``from``).
    """
    if tok.pos_ not in ("NOUN", "PROPN") or any(
        c.dep_ == "prep" and c.lower_ == "from" for c in tok.children
    ):
        return False
    gov = tok.head
    if tok.dep_ == "pobj" and gov.lower_ == "under":
        return _lemma(gov.head) == "come"
    return tok.dep_ in ("dobj", "obj") and _lemma(gov) in _UNDERGO


# adverbs that make an act a habit, not a fresh event ("militaries regularly holding drills")
_HABIT = frozenset(["regularly", "routinely", "habitually", "usually", "customarily"])


def habitual(tok: Token) -> bool:
    """Tell whether an act is a habit described in passing: no event (guideline 3).

    Only a participle or gerund is read so ("with militaries regularly holding drills"): a
    routine described as background is a state of affairs, while a finite clause ("soldiers
    routinely beat detainees") is a charge told as a fact and stays coded, as in the PLOVER
    gold. "repeatedly denounced" stays coded: repeated acts of a recent spell are news.
    """
    if tok.tag_ != "VBG" or tok.dep_ in ("ROOT", "ccomp"):
        return False  # "soldiers routinely beat detainees" is a charge told as a fact
    return any(c.dep_ == "advmod" and c.lower_ in _HABIT for c in tok.children)


def inverted_condition(tok: Token) -> bool:
    """Tell whether a verb heads a counterfactual condition told by inversion.

    "Had Japan shot down the missile, it could have ..." is "if Japan had shot down": the act
    is only hypothetical for the narrator and is not coded (guideline 5). The clause opens
    with its auxiliary (had, were, should) before its subject.
    """
    if tok.dep_ != "advcl" or tok.pos_ not in ("VERB", "AUX"):
        return False
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    return bool(subj and aux) and any(
        a.lower_ in ("had", "were", "should") and a.i < subj[0].i and a.i == tok.left_edge.i
        for a in aux
    )


def unpermitted_act(tok: Token) -> bool:
    """Tell whether a verb's act is what a negated verb of permission does not allow."""
    if tok.dep_ not in ("xcomp", "ccomp") or tok.head.i == tok.i:
        return False
    gov = tok.head
    if _lemma(gov) not in _PERMIT:
        return False
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in gov.children)


# verbs of speaking or answering whose refusal is mere silence, not a rejection
_SILENT = frozenset(["respond", "answer", "reply", "react"])


def described_threat(tok: Token, code: str) -> bool:
    """Tell whether a threat is a participle describing a noun ("militants threatening X")."""
    return code[:2] == "13" and tok.dep_ == "acl" and tok.tag_ == "VBG"


def silence(tok: Token, code: str) -> bool:
    """Tell whether a refusal is a refusal to speak or answer ("declined to comment")."""
    if code[:2] != "12" or tok.pos_ not in ("VERB", "AUX"):
        return False
    comps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
    # "refused to respond to a demand from the US" answers someone: a rejection
    return bool(comps) and all(
        _lemma(c) in _SILENT and not any(_addressed(g) for g in c.children) for c in comps
    )


def _addressed(tok: Token) -> bool:
    """Tell whether a dependent names what is answered ("to a demand"), not a time."""
    if tok.dep_ in ("dobj", "dative"):
        return True
    if tok.dep_ != "prep":
        return False
    return any(p.ent_type_ not in ("DATE", "TIME") for p in tok.children if p.dep_ == "pobj")


# nouns whose infinitive names an act not (yet) done: "a resolution to annex", "a bid to"
_PLANS = frozenset(
    ["resolution", "plan", "plans", "proposal", "proposals", "bill", "motion", "bid", "attempt",
     "attempts", "effort", "efforts", "call", "calls", "idea", "plot", "scheme", "push",
     "campaign", "draft", "initiative", "strategy", "option", "options", "right", "power",
     "readiness", "willingness", "intention", "ambition", "goal", "aim", "chance", "way"]
)  # fmt: skip


def planned_act(tok: Token) -> bool:
    """Tell whether a verb is the infinitive of a noun of planning ("a resolution to annex")."""
    if tok.dep_ != "acl" or tok.pos_ not in ("VERB", "AUX"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    return _lemma(tok.head) in _PLANS or tok.head.lower_ in _PLANS


# verbs of force or seizure with objects that make them idioms, not acts
_IDIOMS: dict[str, frozenset[str]] = {
    "strike": frozenset(["note", "tone", "chord", "balance", "pose", "nerve", "match", "gold"]),
    "hit": frozenset(["record", "high", "low", "headline", "headlines", "note", "target",
                      "market", "shelves", "road", "jackpot", "stride"]),
    "shoot": frozenset(["video", "footage", "film", "scene", "photo", "photos", "picture"]),
    "capture": frozenset(["photo", "photos", "image", "images", "picture", "pictures", "moment",
                          "imagination", "attention", "footage", "video", "mood", "essence"]),
    "seize": frozenset(["opportunity", "chance", "initiative", "moment", "momentum"]),
    "attack": frozenset(["problem", "issue", "question"]),
    "fire": frozenset(["imagination", "question", "questions"]),
}  # fmt: skip


def idiom(tok: Token) -> bool:
    """Tell whether a verb of force is an idiom by its object ("struck a note")."""
    objects = _IDIOMS.get(_lemma(tok))
    if objects is None or tok.pos_ not in ("VERB", "AUX"):
        return False
    return any(
        c.dep_ in ("dobj", "obj", "nsubjpass") and _lemma(c) in objects for c in tok.children
    )
