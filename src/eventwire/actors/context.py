"""Resolve what the text leaves without a country from the document's context.

Three kinds of mention name no state of their own:

- peoples (``ethnic`` mentions: "ethnic Albanians", "Kurds", "the Turkish minority") are coded
  by where they live: a state right before them ("Bosnian Serbs", "Iraqi Kurds"), a place they
  are "in"/"of" ("Albanians of southern Serbia", "guerrillas operating in Macedonia"), the one
  place ("in Montenegro") or else the one state the sentence names, the document's dominant
  state, else the people's default state from ``ethnic.tsv`` (none for Kurds, or for
  "ethnic X": a minority is rarely in its kin state);
- bare role nouns ("the government", "police", "the rebels", "Congress", "troops"): the state
  of the person they are "of" ("the government of President Avril"), else the code of the one
  state whose actors of the same sector the document already named ("Israeli troops ... the
  army"), else for a body that is mostly one state's its reading (``BODY_HOMES``: "Congress"),
  else the one state the sentence names as a place ("in Serbia"), else the document's dominant
  state, else for a body that acts where it is the one state the document names, when its
  sentence names it as the scene (``HOME_SECTORS``: "Egyptian police ... fundamentalist
  demonstrators"); otherwise they stay unresolved (no actor), because a wrong code is worse
  than none;
- titled people the text and the tables leave without a code ("President Laurent Gbagbo"):
  the one state a title of the same office belongs to ("the Ivorian president"), and last the
  place the sentence names or the document's dominant state (see :func:`title_state`).

A bare, definite national title ("the prime minister", "the chancellor", "the home
secretary") is the office of the state the document is clearly about (``BARE_TITLES``), unless
that state has no such office or two states compete.

Every context answer has a lower confidence than the text's own evidence (``CONTEXT_CONFIDENCE``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.actors.matching import RoleHit
from eventwire.actors.mentions import Mention
from eventwire.actors.scene import Scene

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "CONTEXT_CONFIDENCE",
    "ContextRole",
    "StateContext",
    "context_roles",
    "dominant_state",
    "resolve_ethnic",
    "title_state",
]

CONTEXT_CONFIDENCE = {
    "modifier": 0.75,  # "Bosnian Serbs"
    "place": 0.7,  # "Albanians of southern Serbia"
    "same_sector": 0.55,  # "Israeli troops ... the army"
    "same_title": 0.6,  # "the Ivorian president ... President Gbagbo"
    "sentence": 0.5,
    "document": 0.4,
    "home": 0.5,  # "Obama ... Congress": BODY_HOMES
    "owner": 0.6,  # "the government of President Avril"
    "default": 0.45,  # ethnic.tsv's default state
    "bare_title": 0.4,  # "the chancellor" in a story about Britain
}
# National offices a bare, definite title ("the prime minister") stands for in a story about one
# state, with the states that have no such office (a British story's "the president" is
# another state's; an American story's "the chancellor" is a university's).
BARE_TITLES: dict[str, frozenset[str]] = {
    "prime minister": frozenset({"USA", "MEX", "BRA", "ARG", "IDN", "PHL", "ZAF", "NGA"}),
    "premier": frozenset({"USA", "GBR"}),
    "chancellor": frozenset({"USA", "FRA", "ITA", "ESP", "JPN", "IND", "CAN", "AUS"}),
    "president": frozenset({"GBR", "CAN", "AUS", "NZL", "JPN", "ESP", "NLD", "BEL", "SWE", "NOR"}),
    "foreign minister": frozenset({"USA", "GBR"}),
    "foreign secretary": frozenset(),
    "home secretary": frozenset(),
    "defence secretary": frozenset(),
    "defence minister": frozenset({"USA"}),
    "interior minister": frozenset({"USA", "GBR"}),
    "finance minister": frozenset({"USA", "GBR"}),
}
BARE_TITLE_CONFIDENCE = CONTEXT_CONFIDENCE["bare_title"]
# Words before a title that make it no current national office ("the former president").
TITLE_VETO_DEPS = frozenset({"amod", "compound", "poss", "nmod", "nummod"})
# Prepositions that place a people or a body somewhere.
PLACE_PREPS = frozenset({"in", "of", "inside", "across", "throughout", "within", "near", "at"})
LOCATION_PREPS = PLACE_PREPS - {"of"}
# Prepositions whose object is usually the other party, not the scene ("action against
# Russia", "an appeal to France"): such a state says nothing about who acts.
PARTY_PREPS = frozenset(
    {"against", "to", "with", "from", "toward", "towards", "on", "for", "between", "by"}
)
# Sectors a bare role noun may take from context; refugees, media, business and health bodies
# are often foreign to the place they are in.
CONTEXT_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "SPY", "REB", "OPP", "JUD", "LEG", "CVL", "EDU", "RAD"}
)
# Bodies that act where they are, and the roles that show a state is the scene: a sentence
# that names one state only, through its police, courts, legislature, people, a titled
# leader or as a place, is the scene of its bare bodies ("Egyptian police dispersed
# fundamentalist demonstrators"). Troops, rebels, spies, officials and envoys often act abroad
# ("Israeli troops fired at demonstrators", "US officials said"): they neither take nor give
# this context.
HOME_SECTORS = frozenset({"GOV", "COP", "OPP", "JUD", "LEG", "CVL", "EDU", "RAD"})
HOME_EVIDENCE_SECTORS = frozenset({"COP", "JUD", "LEG", "CVL", "OPP", "EDU", "LAB"})
THING_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
ABROAD_ROLES = frozenset(
    {"official", "officials", "government official", "envoy", "diplomat", "negotiator"}
)
# Bare bodies that, in English news, are mostly one state's ("Congress": the US Congress, or
# in Indian news the Congress party; "the Senate"): the candidate the document names (most),
# with the sector of that reading. With none named, the general rules apply.
BODY_HOMES: dict[str, tuple[tuple[str, str], ...]] = {
    "congress": (("USA", "LEG"), ("IND", "PTY")),
    "senate": (("USA", "LEG"),),
}
# Bodies that are foreign by nature, or too generic to code from context.
NO_CONTEXT_ROLES = frozenset(
    {
        "delegation",
        "embassy",
        "consulate",
        "peacekeepers",
        "peacekeeping troops",
        "peacekeeping force",
        "warships",
        "warplanes",
        "jets",
        "fighter jets",
        "aircraft",
        "helicopters",
        "tanks",
        "artillery",
        "nationals",
        "people",
    }
)


# Plurals of a body each state has one of: several states, never the one in context
# ("They have already toppled governments", "predatory regimes").
SEVERAL_STATES = frozenset(
    {"governments", "regimes", "administrations", "parliaments", "legislatures", "juntas"}
)
# Role nouns that are police or military by the story: "officers" is COP where the document
# names more police than soldiers ("Police were called ... officers are in attendance").
OFFICER_ROLES = frozenset({"officer", "officers"})


@dataclass(frozen=True, slots=True)
class ContextRole:
    """A bare role noun resolved from context."""

    start: int  # token offsets
    end: int
    code: str
    sector: str
    confidence: float
    person: bool = False  # a bare title ("the prime minister"), not a body


class StateContext:
    """The states a document names, for counting which one it is about."""

    def __init__(self, doc: Doc, mentions: list[Mention], state_codes: frozenset[str]) -> None:
        self.doc = doc
        self.state_codes = state_codes
        self.mentions = [
            m
            for m in mentions
            if m.code in state_codes and m.kind in {"state", "organisation"} and not m.ethnic
        ]

    def counts(
        self,
        *,
        sentence: Span | None = None,
        exclude: Iterable[Mention] = (),
        free_only: bool = False,
        places_only: bool = False,
        owners: bool = True,
    ) -> Counter[str]:
        """Count state mentions, skipping those that name the other party of an act."""
        skip = {id(m) for m in exclude}
        out: Counter[str] = Counter()
        for m in self.mentions:
            if id(m) in skip or m.code is None:
                continue
            if sentence is not None and not sentence.start <= m.start < sentence.end:
                continue
            if free_only and (m.attachment is not None or m.absorbed):
                continue
            prep = _governing_prep(self.doc[m.start : m.end].root)
            if prep in PARTY_PREPS:
                continue
            if places_only and prep not in LOCATION_PREPS:
                continue
            if not owners and m.attachment is None and _owns_thing(self.doc, m):
                continue
            out[m.code] += 1
        return out


def dominant_state(counts: Counter[str], *, min_count: int = 1) -> str | None:
    """Return the only state counted, or one named at least twice as often as any other."""
    if not counts:
        return None
    (top, n), *rest = counts.most_common()
    if n < min_count:
        return None
    if not rest:
        return top
    return top if n >= 2 and n >= 2 * rest[0][1] else None


def title_state(ctx: StateContext, sentence: Span, exclude: Iterable[Mention]) -> str | None:
    """Return the state a titled person with no other evidence most likely serves.

    The only state the document names, else the one place the person's sentence names
    ("President Bashir shortened the curfew in Sudan"), else a state the document names at
    least twice and clearly more than any other. States that belong to other people ("South
    African leader F.W. de Klerk", given in ``exclude``), are the other party of an act
    ("action against Russia") or only own a thing ("Riyadh's new friendship") are not counted.
    """
    everywhere = ctx.counts(exclude=exclude, owners=False)
    if len(everywhere) == 1:
        return next(iter(everywhere))
    located = dominant_state(ctx.counts(sentence=sentence, exclude=exclude, places_only=True))
    return located or dominant_state(everywhere, min_count=2)


def _owns_thing(doc: Doc, m: Mention) -> bool:
    """Return whether a name only possesses something ("Riyadh's new friendship")."""
    return doc[m.start : m.end].root.dep_ == "poss"


def _governing_prep(tok: Token) -> str | None:
    """Return the preposition a name is the object of ("in Serbia" -> "in"), if any."""
    while tok.dep_ in {"compound", "amod", "nmod", "poss", "conj"} and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ in {"prep", "agent"}:
        return tok.head.lower_
    return None


def _place_of(
    doc: Doc, head: Token, by_token: dict[int, Mention], preps: frozenset[str] = PLACE_PREPS
) -> Mention | None:
    """Return the state a noun phrase is placed in: "Albanians of southern Serbia"."""
    frontier = [head]
    for child in head.children:
        if child.dep_ in {"acl", "relcl"}:
            frontier.append(child)  # "guerrillas operating in Macedonia"
    for tok in frontier:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                for t in (obj, *obj.children):
                    m = by_token.get(t.i)
                    if m is not None:
                        return m
    return None


def resolve_ethnic(doc: Doc, mentions: list[Mention], ctx: StateContext) -> None:
    """Code every people by where it lives (see the module docstring); None if unknown."""
    by_token = {i: m for m in ctx.mentions for i in range(m.start, m.end)}
    for m in mentions:
        if m.absorbed:
            continue
        if not m.ethnic:
            if "plural" in m.entry.flags and m.attachment is None:
                # "the Albanians of southern Serbia": a people where it lives
                root = doc[m.start : m.end].root
                place = _place_of(doc, root, by_token, frozenset({"of"}))
                if place is not None and place.code != m.code:
                    m.code, m.confidence = place.code, CONTEXT_CONFIDENCE["place"]
                    m.ethnic = True
            continue
        modifier = by_token.get(m.start - 1)
        if modifier is not None and modifier.attachment is None and not modifier.absorbed:
            # "Bosnian Serbs", "Iraqi Kurds": the state first, then the people
            m.code, m.confidence = modifier.code, CONTEXT_CONFIDENCE["modifier"]
            modifier.absorbed = True
            m.span = (modifier.start, max(m.span[1], m.end))
            continue
        head = doc[m.attachment.head] if m.attachment else doc[m.start : m.end].root
        place = _place_of(doc, head, by_token)
        if place is not None:
            m.code, m.confidence = place.code, CONTEXT_CONFIDENCE["place"]
            continue
        sent = doc[m.start].sent
        document = ctx.counts()
        code = dominant_state(ctx.counts(sentence=sent, places_only=True)) or dominant_state(
            ctx.counts(sentence=sent)
        )
        if code is not None:
            m.code, m.confidence = code, CONTEXT_CONFIDENCE["sentence"]
        elif (code := dominant_state(document, min_count=2)) is not None:
            m.code, m.confidence = code, CONTEXT_CONFIDENCE["document"]
        elif m.entry.type == "ethnic" and m.entry.code:
            m.code, m.confidence = m.entry.code, CONTEXT_CONFIDENCE["default"]
        else:
            m.code = None


def _unknown_modifier(doc: Doc, role: RoleHit, covered: set[int]) -> bool:
    """Return whether a role noun is modified by a place name the tables do not know."""
    head = doc[role.end - 1]
    for child in head.children:
        if child.i < role.start and child.ent_type_ == "GPE" and child.i not in covered:
            return True  # "Phillippines military": a misspelt state, not the local one
    return False


def _owned_by_pronoun(doc: Doc, role: RoleHit) -> bool:
    """Return whether a role noun belongs to someone named earlier ("its citizens")."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in doc[role.end - 1].children)


def _home_state(ctx: StateContext, sentence: Span, named: Counter[str]) -> str | None:
    """Return the one state a document names, when the body's sentence names it as the scene.

    See ``HOME_EVIDENCE_SECTORS``: the state must be the only one the document names (states
    named only as the other party of an act, "action against Russia", are not counted; people
    placed in another state, in ``named``, are), and the body's sentence must name it as a
    place, freely, by a titled person or through a body that acts at home.
    """
    everywhere = ctx.counts()
    if len(everywhere) != 1 or len(named) != 1:
        return None
    code = next(iter(everywhere))
    for m in ctx.mentions:
        if m.code != code or not sentence.start <= m.start < sentence.end:
            continue
        if m.attachment is not None:
            if _home_evidence(m.attachment.role):
                return code
        elif (
            root := ctx.doc[m.start : m.end].root
        ).dep_ not in THING_MODIFIER_DEPS and _governing_prep(root) not in PARTY_PREPS:
            # "in Egypt", "Egypt said"; not "a US flag", "the Egyptian square", nor a
            # destination ("a flight to Tokyo")
            return code
    return None


def _home_evidence(hit: RoleHit) -> bool:
    """Return whether a role shows its state is the scene ("Egyptian police", "Estonia's
    government", "Algerian President"), unlike officials and envoys, who travel."""
    role = hit.role
    if role.phrase in ABROAD_ROLES or role.phrase in NO_CONTEXT_ROLES:
        return False
    if role.kind == "title" or role.sector in HOME_EVIDENCE_SECTORS:
        return True
    return role.sector == "GOV" and role.kind == "body"


def _owner_code(doc: Doc, role: RoleHit, owners: dict[int, str]) -> str | None:
    """Return the state of the person a body belongs to.

    "the government of President Avril", "the Bush administration", "Putin's government".
    """
    for child in doc[role.end - 1].children:
        if child.dep_ in {"compound", "poss"} and child.i in owners:
            return owners[child.i]
    for prep in doc[role.end - 1].children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.i in owners:
                    return owners[obj.i]
    return None


def _body_home(role: RoleHit, named: Counter[str]) -> tuple[str, str] | None:
    """Return the state and sector of a body that is mostly one state's ("Congress").

    A candidate state counts when it is the only state the document names ("Republicans in
    Congress", "the BJP accused the Congress"), or when the document is about it: named at
    least twice and as often as any other state (people placed by the text or the tables
    count). "Obama faces pressure from Congress to help Iran" is left open: the PETRARCH gold
    standard codes such a Congress as unknown.
    """
    homes = BODY_HOMES.get(role.role.phrase)
    if not homes:
        return None
    top = max(named.values(), default=0)
    for code, sector in homes:
        if named[code] and (len(named) == 1 or (named[code] >= 2 and named[code] == top)):
            return code, sector
    return None


def context_roles(
    doc: Doc,
    roles: list[RoleHit],
    mentions: list[Mention],
    covered: set[int],
    ctx: StateContext,
    people: Counter[str] | None = None,
    owners: dict[int, str] | None = None,
) -> list[ContextRole]:
    """Resolve bare role nouns from context (see the module docstring).

    ``people`` counts the states of the people the text or the tables placed (Obama: USA),
    which add to the document's states ("Obama ... Obama said Congress must act");
    ``owners`` maps the tokens of those people's names to their states.
    """
    attached = {id(m.attachment.role) for m in mentions if m.attachment is not None}
    by_sector: dict[str, set[str]] = {}
    for m in ctx.mentions:
        att = m.attachment
        if att is not None and m.code is not None and att.role.role.phrase not in NO_CONTEXT_ROLES:
            # an embassy is abroad: "the U.S. embassy said" names no government of the scene
            by_sector.setdefault(att.role.role.sector, set()).add(m.code)
    placed = people or Counter()
    document = dominant_state(ctx.counts(free_only=True) + placed, min_count=2)
    named = ctx.counts() + placed
    scene = Scene(doc, ctx.mentions, {i for r in roles for i in range(r.start, r.end)})
    out: list[ContextRole] = []
    police = sum(r.role.sector == "COP" for r in roles)
    soldiers = sum(r.role.sector == "MIL" and r.role.phrase not in OFFICER_ROLES for r in roles)
    for role in roles:
        sector = role.role.sector
        if role.role.phrase in OFFICER_ROLES and sector == "MIL" and police > soldiers:
            sector = "COP"
        if doc[role.end - 1].lower_ in SEVERAL_STATES:
            continue
        if (
            id(role) in attached
            or role.role.kind != "body"
            or sector not in CONTEXT_SECTORS
            or role.role.phrase in NO_CONTEXT_ROLES
            or any(i in covered for i in range(role.start, role.end))
            or _unknown_modifier(doc, role, covered)
            or _owned_by_pronoun(doc, role)
        ):
            continue
        same = by_sector.get(sector, set())
        places = ctx.counts(sentence=doc[role.start].sent, places_only=True)
        if (owner := _owner_code(doc, role, owners or {})) is not None:
            code, conf = owner, CONTEXT_CONFIDENCE["owner"]
        elif len(same) == 1:
            code, conf = next(iter(same)), CONTEXT_CONFIDENCE["same_sector"]
        elif (reading := _body_home(role, named)) is not None:
            (code, sector), conf = reading, CONTEXT_CONFIDENCE["home"]
        elif (located := dominant_state(places)) is not None:
            code, conf = located, CONTEXT_CONFIDENCE["sentence"]
        elif document is not None:
            code, conf = document, CONTEXT_CONFIDENCE["document"]
        elif (
            sector in HOME_SECTORS
            and (home := _home_state(ctx, doc[role.start].sent, named)) is not None
            and not scene.elsewhere(home, doc[role.start].sent)
        ):
            code, conf = home, CONTEXT_CONFIDENCE["sentence"]
        else:
            continue
        out.append(ContextRole(role.start, role.end, code, sector, conf))
    # a bare title ("the prime minister said") is the office of the state the story is about
    about = dominant_state(named, min_count=2) or (next(iter(named)) if len(named) == 1 else None)
    if about is not None:
        out.extend(
            ContextRole(r.start, r.end, about, r.role.sector, BARE_TITLE_CONFIDENCE, True)
            for r in roles
            if id(r) not in attached
            and about not in BARE_TITLES.get(r.role.phrase, frozenset({about}))
            and not any(i in covered for i in range(r.start, r.end))
            and _bare_title(doc, r)
        )
    return out


def _bare_title(doc: Doc, role: RoleHit) -> bool:
    """Return whether a title stands alone for its office: "the prime minister said".

    Only "the" before it and nothing that makes it another office ("the former president",
    "the club chairman", "the president of the club", "the president, Mr X", "the
    chancellor Gordon Brown").
    """
    head = doc[role.end - 1]
    if role.start == 0 or doc[role.start - 1].lower_ != "the" or head.tag_ not in {"NN", "NNP"}:
        return False
    if role.end < len(doc) and doc[role.end].pos_ == "PROPN":
        return False
    for child in head.children:
        if child.i < role.start - 1 or (child.i < role.start and child.dep_ in TITLE_VETO_DEPS):
            return False
        if child.i >= role.end and (
            child.dep_ in {"appos", "compound"}
            or (child.dep_ == "prep" and child.lower_ in {"of", "at", "for"})
        ):
            return False
    return True
