"""How the clauses of one sentence bear on each other's events.

A sentence often holds one act inside another. Which of them CAMEO codes:

- **an intent governs an act** ("agreed to lift sanctions on Iran", "pledged to expel the
  leaders"): the complement's act, reframed as the intent it is (0354) or as itself (174),
  says more than the governor's generic 030, so the governor yields;
- **a request, demand, accusation, rejection or threat contains an act** ("wants Putin to
  attack Switzerland", "rejected a U.S. request to interrogate detainees", "accused Rwanda of
  making accusations", "would not give permission to Russia to help Israel"): the contained
  act has not happened, it is what is asked, alleged, refused or threatened, so it is not
  coded; a generic request or demand (020, 100) takes its kind from it ("wants Putin to
  attack" asks for military cooperation, 021);
- **a reason** ("jailed a student for helping militants", "expelled diplomats for spying"):
  the charge is not coded as an act;
- **a party reports an attack by another** ("The US said that Iraq had attacked", "the
  Observatory said eight people were killed in an air strike by government forces"): when the
  speaker, a coded actor, opens the sentence with a cue verb and the clause that follows
  reports an act of force (CAMEO 18-20) by someone other than the speaker, the speaker's
  claim is what CAMEO codes: an accusation (112) of the perpetrator (or of nobody named). The
  reported act is not coded on its own: it is known only through that claim, just as the act
  an explicit accusation verb contains ("alleged that X attacked", coded by the lexicon as
  112). A report cited after the fact ("..., police said") is a source, not an accusation:
  the act alone is coded, with its own modality;
- **a party claims its own attack** ("Hamas claimed it fired rockets at Israel"): a claim of
  responsibility (015) aimed at the attack's target; "said it fired" reports the act itself;
- **"if X does A, we will do B"**: B aimed at X is a conditional threat, and neither A nor
  B is coded on its own; a threat with no target of its own ("threatened to strike unless
  Israel rescinded the annexation") is aimed at the actor of its condition.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.events.lexicon import Entry
from eventwire.events.roles import Context, agent_heads, conjuncts, np_actors
from eventwire.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Match", "resolve_clauses", "retarget"]

# roots whose conditional consequent, aimed at the "if" clause's actor, is a threat
_THREAT_FOR_ROOT = {"15": "138", "18": "138", "19": "138", "20": "138", "17": "130", "16": "1312"}


@dataclass(frozen=True, slots=True)
class Match:
    """A pattern matched on a predicate, with the actors filling its slots."""

    entry: Entry
    pred: Token
    sources: tuple[Actor, ...]
    targets: tuple[Actor | None, ...]
    modality: str
    confidence: float
    reframed: bool = False  # the code is the act's reframing (intent, threat, refusal)


def retarget(entry: Entry, code: str) -> Entry:
    return Entry(
        id=entry.id,
        pos=entry.pos,
        lemma=entry.lemma,
        conditions=entry.conditions,
        source=entry.source,
        target=entry.target,
        code=code,
        comment=entry.comment,
        order=entry.order,
    )


# governors (by CAMEO root) whose complement is asked, alleged, refused or threatened
_CONTAINERS = frozenset({"02", "10", "11", "12", "13"})
# verbs that ask for an act, whatever their code ("pressured Obama to help Iran" coerces; the
# help is only asked for)
_ASKING = frozenset(
    ["pressure", "press", "push", "urge", "ask", "request", "want", "order", "tell", "call",
     "encourage", "invite", "require", "demand", "advise", "instruct", "exhort", "lobby"]
)  # fmt: skip
# the path from a contained act up to its container
_CONTENT_DEPS = frozenset({"xcomp", "ccomp", "acl", "pcomp", "prep", "pobj", "dobj", "advcl"})
# a generic request (020, 100) takes its kind from the act asked for
_REQUEST_KIND = {
    "03": "", "04": "6", "05": "2", "06": "1", "07": "3", "08": "5",
    "15": "1", "17": "1", "18": "1", "19": "1", "20": "1",
}  # fmt: skip


# verbs of wishing, which make an appeal only when what is wished for is a coded act
_WISH = frozenset(["want", "wish", "like", "prefer"])


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _container(m: Match, by_pred: dict[int, Match]) -> Match | None:
    """Return the request/accusation/rejection/threat that ``m``'s act is the content of.

    An act reframed from another (a threat, a refusal) contains clauses ("would not give
    permission to Russia to help Israel") but not its own object noun: in "threatened to
    launch an offensive" the offensive is the threatened act itself.
    """
    node = m.pred
    clausal = m.pred.dep_ in ("xcomp", "ccomp", "acl", "advcl")
    for step in range(6):
        if node.dep_ == "conj" and step > 0 and node.head.i != node.i:
            # "alleged that France was aware ... and that its military took part in the
            # killing": a conjunct of the content is content too
            node = node.head
            continue
        if node.dep_ not in _CONTENT_DEPS or node.head.i == node.i:
            return None
        if node.dep_ == "advcl" and not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in node.children
        ):
            return None  # only a purpose clause ("pressed X to do") is content
        if node.dep_ == "pcomp" and node.head.lower_ == "for":
            # "jailed a student for helping militants": the charge, not an act of its own
            reason = by_pred.get(node.head.head.i)
            if reason is not None and reason is not m:
                return reason
        node = node.head
        outer = by_pred.get(node.i)
        if (
            outer is not None
            and outer is not m
            and (outer.entry.code[:2] in _CONTAINERS or _lemma(outer.pred) in _ASKING)
            and (clausal or not outer.reframed)
        ):
            return outer
    return None


def _intent_yields(out: list[Match]) -> list[Match]:
    # "agreed to lift sanctions on Iran", "pledged to expel": the governor yields
    inner = {(m.pred.head.i, m.entry.code[:2]) for m in out if m.pred.dep_ == "xcomp"}
    intents = {m.pred.head.i for m in out if m.pred.dep_ in ("xcomp", "ccomp")}
    return [
        m
        for m in out
        if (m.pred.i, m.entry.code[:2]) not in inner
        and not (m.entry.code[:2] == "03" and m.pred.i in intents)
    ]


_CUES = frozenset(
    ["say", "claim", "allege", "charge", "state", "assert", "insist", "report", "tell", "add"]
)
_ACCUSE = Entry(
    id="pattern:reported-attack",
    pos="V",
    lemma="say",
    conditions=(),
    source=("subj",),
    target=("comp",),
    code="112",
    comment="a party's report of another's attack is an accusation",
    order=-1,
)


def _accuser(m: Match, ctx: Context) -> tuple[Token, list[Actor]] | None:
    """Return the cue verb and speaker when ``m`` is an attack reported by another party."""
    if m.entry.code[:2] not in ("18", "19", "20") or m.reframed:
        return None
    node = m.pred
    for _ in range(3):
        if node.dep_ == "ccomp":
            cue = node.head
            if _lemma(cue) not in _CUES or cue.i > m.pred.i:
                return None
            subjects = [h for h in agent_heads(cue) if h.i < cue.i]
            speakers = [a for h in subjects for a in np_actors(h, ctx)]
            done = {a.code for a in m.sources if a.code}
            if not done and (all(a.sector == "COP" for a in speakers) or not _has_agent(m.pred)):
                # "Police said the gunman fired on the crowd", "the minister said 80 people
                # were killed": a report of a crime or of casualties accuses no one
                return None
            if speakers and not any(a.code in done for a in speakers):
                return cue, speakers
            return None
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _has_agent(pred: Token) -> bool:
    """Tell whether a verb names its doer or its means ("killed in an air strike by ...")."""
    if agent_heads(pred) or any(c.dep_ == "agent" for c in pred.children):
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "by", "during", "with")
        and any(g.dep_ == "pobj" and g.pos_ == "NOUN" and g.ent_type_ == "" for g in c.children)
        for c in pred.children
    )


_CLAIM = Entry(
    id="pattern:claimed-attack",
    pos="V",
    lemma="claim",
    conditions=(),
    source=("subj",),
    target=("comp",),
    code="015",
    comment="a party claiming its own attack claims responsibility for it",
    order=-1,
)


def _own_claims(out: list[Match], ctx: Context) -> list[Match]:
    """ "Hamas claimed it fired rockets at Israel": a claim of responsibility (015), not the act.

    The act is known only through the claim of the party that says it did it.
    """
    result: list[Match] = []
    for m in out:
        node = m.pred
        cue = None
        if m.entry.code[:2] in ("18", "19", "20") and not m.reframed:
            while node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
                node = node.head
            if node.dep_ == "ccomp" and _lemma(node.head) == "claim":
                cue = node.head
        if cue is None:
            result.append(m)
            continue
        speakers = {a.code for h in agent_heads(cue) for a in np_actors(h, ctx)}
        if not speakers or not {a.code for a in m.sources} <= speakers:
            result.append(m)
            continue
        result.append(Match(_CLAIM, cue, m.sources, m.targets, "asserted", m.confidence))
    return result


def _accusations(out: list[Match], ctx: Context) -> list[Match]:
    """Add the accusation of a party reporting another's attack; the attack is alleged."""
    result: list[Match] = []
    seen: set[tuple[int, str | None]] = set()
    for m in out:
        found = _accuser(m, ctx)
        if found is None:
            result.append(m)
            continue
        # the attack is what the speaker claims, like the act an accusation verb contains
        cue, speakers = found
        accused: tuple[Actor | None, ...] = tuple(a for a in m.sources if a.code) or (None,)
        key = (cue.i, ",".join(sorted(a.code or "" for a in accused if a is not None)) or None)
        if key in seen:
            continue
        seen.add(key)
        result.append(Match(_ACCUSE, cue, tuple(speakers), accused, "asserted", m.confidence))
    return result


def resolve_clauses(out: list[Match], ctx: Context) -> list[Match]:
    """Keep the acts CAMEO codes when one clause of a sentence governs another."""
    out = _intent_yields(out)
    by_pred = {m.pred.i: m for m in out}
    kinds: dict[int, str] = {}
    contained: set[int] = set()
    containers: set[int] = set()
    for m in out:
        outer = _container(m, by_pred)
        if outer is None:
            continue
        contained.add(id(m))
        containers.add(id(outer))
        kind = _REQUEST_KIND.get(m.entry.code[:2])
        if outer.entry.code in ("020", "100") and kind:
            kinds.setdefault(id(outer), outer.entry.code[:2] + kind)
    out = [
        Match(
            retarget(m.entry, kinds[id(m)]),
            m.pred,
            m.sources,
            m.targets,
            m.modality,
            m.confidence,
        )
        if id(m) in kinds
        else m
        for m in out
        if id(m) not in contained
        # "might want Obama to head back": a wish for no political act is no appeal
        and not (_lemma(m.pred) in _WISH and id(m) not in containers)
    ]
    # after containment: "Obama said Russia attacked Ukraine" keeps the (alleged) attack
    out = _aim_threats(_accusations(_own_claims(out, ctx), ctx), ctx)
    threats = _conditional_threats(out, ctx)
    if threats:
        # "if X invades, we will increase our presence" is one act: a threat against X; the
        # consequent and the condition are not acts of their own
        covered = {t.pred.i for t, _ in threats}
        for _, clause in threats:
            covered.update(tok.i for c in conjuncts(clause) for tok in c.subtree)
        out = [m for m in out if m.pred.i not in covered]
    return out + [t for t, _ in threats]


def _condition_clause(pred: Token) -> Token | None:
    """Return the "if"/"unless" clause on a predicate or on its complement, if any."""
    for host in (pred, *[c for c in pred.children if c.dep_ in ("xcomp", "ccomp")]):
        for c in host.children:
            if c.dep_ == "advcl" and any(
                k.dep_ == "mark" and k.lower_ in ("if", "unless") for k in c.children
            ):
                return c
    return None


def _aim_threats(out: list[Match], ctx: Context) -> list[Match]:
    """ "Threatened to strike unless Israel rescinded": an untargeted threat aims at Israel."""
    result: list[Match] = []
    for m in out:
        clause = None
        if m.entry.code[:2] == "13" and all(t is None for t in m.targets):
            clause = _condition_clause(m.pred)
        if clause is not None:
            src_codes = {a.code for a in m.sources}
            aimed = [
                a for h in agent_heads(clause) for a in np_actors(h, ctx) if a.code not in src_codes
            ]
            if aimed:
                m = Match(m.entry, m.pred, m.sources, tuple(aimed), m.modality, m.confidence)
        result.append(m)
    return result


def _conditional_threats(matches: list[Match], ctx: Context) -> list[tuple[Match, Token]]:
    """ "If Russia invades, we will increase our presence": a threat aimed at the if-actor.

    Returns each threat with the "if" clause it answers.
    """
    extra: list[tuple[Match, Token]] = []
    for m in matches:
        threat = _THREAT_FOR_ROOT.get(m.entry.code[:2])
        if threat is None or m.modality != "conditional":
            continue
        node: Token | None = m.pred
        clause: Token | None = None
        for _ in range(8):
            if node is None:
                break
            for c in node.children:
                if c.dep_ == "advcl" and any(
                    k.dep_ == "mark" and k.lower_ in ("if", "unless") for k in c.children
                ):
                    clause = c
            if clause is not None or node.head.i == node.i:
                break
            node = node.head
        if clause is None:
            continue
        targets = [a for h in agent_heads(clause) for a in np_actors(h, ctx)]
        src_codes = {a.code for a in m.sources}
        targets = [a for a in targets if a.code not in src_codes]
        if not targets:
            continue
        entry = Entry(
            id="pattern:conditional-threat",
            pos="V",
            lemma=_lemma(m.pred),
            conditions=(),
            source=("subj",),
            target=("subj",),
            code=threat,
            comment="consequent of an 'if' clause aimed at that clause's actor",
            order=-1,
        )
        extra.append(
            (
                Match(entry, m.pred, m.sources, tuple(targets), "conditional", m.confidence - 0.2),
                clause,
            )
        )
    return extra
