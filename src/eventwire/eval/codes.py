"""Comparison keys: how gold actor codes and event labels are made comparable to eventwire's.

Gold sets and eventwire spell the same actor differently. PETRARCH writes CAMEO actor codes
("CHNGOV", "IGOUNOMIL", "---REB"), PLOVER writes an ISO code or the bare word "IGO", and
eventwire writes ISO 3166-1 alpha-3 for states and short names ("UN", "EU", "NATO") for IGOs.
Every actor is reduced to one *key* before matching:

- a state: its ISO alpha-3 code ("CHNGOV" -> "CHN");
- a known IGO: eventwire's code ("IGOUNO" -> "UN", PLOVER "IGO" + "U.N." -> "UN");
- an IGO the tables do not name: the wildcard ``"IGO"``, which matches any predicted IGO or
  international organisation (PLOVER's gold calls the Red Cross and Amnesty "IGO" too);
- everything else (no country, militant groups, NGOs, companies, no target at all): ``"---"``.

PLOVER labels are reduced to the types of the 2021 crosswalk (``ontology/cameo2plover-2021.txt``),
so the 0.5b1 labels of the PLOVER gold set ("DEMAND", "FIGHT") compare with the crosswalk's
("REQUEST", "ASSAULT"). The tables are documented in ``docs/eval.md``.
"""

from __future__ import annotations

import re

from eventwire.records import Actor

__all__ = [
    "ANY_IGO",
    "IGO_CODES",
    "NO_ACTOR",
    "PLOVER_LABELS",
    "actor_key",
    "cameo_root",
    "canonical_plover",
    "normalise_cameo",
    "petrarch_actor_key",
    "plover_actor_key",
    "same_actor",
]

NO_ACTOR = "---"
ANY_IGO = "IGO"

# eventwire's IGO codes (Actor.code for kind "igo") and the spellings folded into each one.
# UN bodies and agencies count as the UN: neither gold set separates them.
IGO_CODES: dict[str, str] = {
    "UN": "UN",
    "UNO": "UN",
    "UNSC": "UN",
    "UNGA": "UN",
    "UNHCR": "UN",
    "UNICEF": "UN",
    "WFP": "UN",
    "WHO": "UN",
    "ILO": "UN",
    "UNESCO": "UN",
    "UNRWA": "UN",
    "ICJ": "UN",
    "EU": "EU",
    "EEC": "EU",
    "EC": "EU",
    "NATO": "NATO",
    "OSCE": "OSCE",
    "IAEA": "IAEA",
    "AU": "AU",
    "ASEAN": "ASEAN",
    "APEC": "APEC",
    "ARL": "ARL",
    "OPEC": "OPEC",
    "INTERPOL": "INTERPOL",
    "ICC": "ICC",
    "IMF": "IMF",
    "WB": "WB",
    "WTO": "WTO",
    "CIS": "CIS",
    "GCC": "GCC",
    "OAS": "OAS",
}

_IGO_KEYS: frozenset[str] = frozenset(IGO_CODES.values())

# CAMEO/Phoenix IGO actor codes (the characters after "IGO") that name one IGO.
_PETRARCH_IGO: dict[str, str] = {
    "UNO": "UN",
    "EUREEC": "EU",
    "WSTNAT": "NATO",
    "COPITP": "INTERPOL",
    "EUROSC": "OSCE",
    "AFRAFU": "AU",
    "ARBARL": "ARL",
    "SEAASN": "ASEAN",
}

# PLOVER writes "IGO" and names the body in actorText: patterns tried in order.
_PLOVER_IGO_TEXT: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<!\w)(united nations|u\.n\.|un|security council)(?!\w)", re.I), "UN"),
    (re.compile(r"\bkofi annan\b", re.I), "UN"),
    (re.compile(r"(?<!\w)(international labou?r office|un refugee agency)(?!\w)", re.I), "UN"),
    (re.compile(r"(?<!\w)(european (union|community|common market)|eu)(?!\w)", re.I), "EU"),
    (re.compile(r"\bnato\b", re.I), "NATO"),
    (re.compile(r"\bosce\b", re.I), "OSCE"),
    (re.compile(r"(?<!\w)(iaea|international atomic energy agency)(?!\w)", re.I), "IAEA"),
    (re.compile(r"\barab league\b", re.I), "ARL"),
    (re.compile(r"(?<!\w)(apec|asia-pacific economic cooperation)(?!\w)", re.I), "APEC"),
)

# Country codes in the PLOVER gold set that are not ISO 3166-1 alpha-3.
_ISO_FIXES: dict[str, str] = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

# CAMEO three-letter prefixes that are not states: international militant groups, NGOs,
# multinational companies, "international" religious/ethnic groups, unknown.
# "WST" is eventwire's own code for "the West" (a group, not a state).
_NOT_A_STATE: frozenset[str] = frozenset(
    {"---", "IMG", "NGO", "NGM", "MNC", "ISM", "INT", "UIS", "WST"}
)

# PLOVER 0.5b1 labels (gold set) -> labels of the 2021 crosswalk; other labels are equal.
PLOVER_LABELS: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

_ISO3 = re.compile(r"^[A-Z]{3}$")


def _iso(code: str) -> str:
    code = code.upper()
    code = _ISO_FIXES.get(code, code)
    if code in _NOT_A_STATE or not _ISO3.match(code):
        return NO_ACTOR
    return code


def petrarch_actor_key(code: str | None) -> str:
    """Reduce a CAMEO actor code ("CHNGOV", "IGOUNOMIL", "---REB") to a comparison key."""
    if not code or not code.strip():
        return NO_ACTOR
    code = code.strip().upper()
    if code.startswith("IGO"):
        rest = code[3:]
        for sub, igo in _PETRARCH_IGO.items():
            if rest.startswith(sub):
                return igo
        return ANY_IGO
    return _iso(code[:3])


def plover_actor_key(code: str | None, actor_text: str | None = None) -> str:
    """Reduce a PLOVER gold actor (ISO code, or "IGO" plus its text) to a comparison key."""
    if not code or not code.strip():
        return NO_ACTOR
    code = code.strip().upper()
    if code == "IGO":
        for pattern, igo in _PLOVER_IGO_TEXT:
            if actor_text and pattern.search(actor_text):
                return igo
        return ANY_IGO
    if code in IGO_CODES:
        return IGO_CODES[code]
    return _iso(code)


def actor_key(actor: Actor | None) -> str:
    """Reduce an eventwire actor to a comparison key ("---" for none or a non-state actor)."""
    if actor is None or not actor.code:
        return NO_ACTOR
    code = actor.code.strip().upper()
    if code in IGO_CODES:
        return IGO_CODES[code]
    if actor.kind == "igo":
        return f"IGO:{code}"  # an IGO the table does not know: still an IGO, never a state
    if actor.kind == "organisation" and not _ISO3.match(code):
        # An international organisation (Red Cross, Amnesty): PLOVER's gold calls them "IGO".
        return f"ORG:{code}"
    return _iso(code)


def same_actor(gold: str, predicted: str) -> bool:
    """Tell whether a predicted key matches a gold key; gold ``"IGO"`` matches any IGO."""
    if gold == predicted:
        return True
    return gold == ANY_IGO and (predicted in _IGO_KEYS or predicted.startswith(("IGO:", "ORG:")))


def normalise_cameo(code: str) -> str:
    """Return a CAMEO event code in its three- or four-digit form ("04" -> "040")."""
    code = code.strip()
    return code + "0" if len(code) == 2 else code


def cameo_root(code: str) -> str:
    """Return the two-digit root of a CAMEO event code ("0352" -> "03")."""
    return code.strip()[:2]


def canonical_plover(label: str | None) -> str | None:
    """Map a PLOVER label (0.5b1 or 2021) to the crosswalk's type names, upper case."""
    if not label:
        return None
    up = label.strip().upper()
    return PLOVER_LABELS.get(up, up)
