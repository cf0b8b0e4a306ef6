"""Decide which table names in a text are actors: ambiguity, modifiers, names inside names.

A name is dropped when it only modifies ("a UK-based group", "pro-Russia rebels"), is part of a
person's or another organisation's name ("Belgium Sun"), or is an ambiguous word used as a
person's name ("Michael Jordan"). It is kept when the named entity around it is really a state
body or an organisation named after the state ("Nigerian Union of Teachers"), or when the
small model mistook a people for a person ("Bosnian Serbs" tagged PERSON). A demonym also
says whether it names a people rather than a state ("ethnic Albanians", "Bosnian Serbs").

A place's name followed by a noun that makes the whole the name of something else is no state
either: a sea or a document named after a state ("the Indian Ocean", "the Gulf of Mexico", "the
Panama Papers"), an agreement or meeting named after the city that hosted it ("the Paris
Agreement"), a broadcaster ("France 2"), a sports team ("Cleveland outfielder"). A site named
after a place ("Mandalay Bay", "Turkey Creek", "Kabul airport", "the Moscow region") is often
in that place's state but just as often not (a Las Vegas hotel, a US creek): see
:func:`name_part`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.actors.matching import NameHit

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "ORG_SECTORS",
    "PLACE_TYPES",
    "STATE_TYPES",
    "georgia_is_us",
    "is_ethnic",
    "keep",
    "name_part",
    "org_entity",
]

STATE_TYPES = frozenset(
    {"state", "demonym", "ethnic", "region", "seat", "capital", "usstate", "city"}
)
PLACE_TYPES = frozenset({"capital", "city", "region"})
# "the Albanian minority", "the Turkish community": a people where it lives, not a state.
POPULATION_NOUNS = frozenset(
    {"minority", "minorities", "population", "populations", "community", "communities"}
)
# Words in an organisation's name that say which sector it belongs to ("Nigerian Union of
# Teachers" -> LAB); None = an organisation of no particular sector.
ORG_SECTORS: dict[str, str | None] = {
    "union": "LAB",
    "unions": "LAB",
    "confederation": "LAB",
    "party": "PTY",
    "university": "EDU",
    "college": "EDU",
    "airlines": "BUS",
    "airways": "BUS",
    "bank": "BUS",
    "company": "BUS",
    "corporation": "BUS",
    "association": None,
    "federation": None,
    "front": None,
    "movement": None,
    "league": None,
    "council": None,
    "society": None,
    "institute": None,
    "foundation": None,
}
# "a UK-based group", "Russian-backed separatists", "pro-Russia rebels": the name modifies,
# it does not act.
SUPPRESSING_SUFFIXES = frozenset(
    {
        "based",
        "linked",
        "backed",
        "born",
        "made",
        "owned",
        "funded",
        "affiliated",
        "allied",
        "brokered",
        "sponsored",
        "run",
        "controlled",
        "held",
        "occupied",
        "supported",
        "style",
        "inspired",
        "aligned",
        "leaning",
        "bound",
        "educated",
        "registered",
        "flagged",
    }
)
SUPPRESSING_PREFIXES = frozenset({"pro", "anti", "non", "ex", "post", "pre"})
# Cues that "Georgia" is the US state.
US_GEORGIA_CUES = frozenset(
    {
        "gov.",
        "governor",
        "senator",
        "sen.",
        "republican",
        "republicans",
        "democrat",
        "democrats",
        "tech",
        "bulldogs",
        "legislature",
        "voters",
        "county",
        "peach",
    }
)
NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "PRODUCT"})
# NER labels under which a word that is also a common word ("Labour") is read as a name.
NAMED_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
STATE_BODY_WORDS = frozenset(
    {
        "ministry",
        "government",
        "army",
        "navy",
        "parliament",
        "court",
        "police",
        "forces",
        "military",
        "council",
        "office",
        "department",
        "embassy",
        "guard",
        "senate",
        "congress",
        "assembly",
        "agency",
        "service",
        "command",
        "cabinet",
        "presidency",
        "administration",
    }
)
# Nouns after a name (or before "of" and a name) that make the whole the name of a thing that
# is not the state: "the Indian Ocean", "the Sea of Japan", "the Korean Peninsula", "the Panama
# Papers".
FOREIGN_NOUNS = frozenset(
    {"sea", "seas", "ocean", "gulf", "strait", "straits", "peninsula", "papers", "files"}
)
# Nouns after a city's name that make the whole an agreement or a meeting named after the city
# that hosted it: "the Paris Agreement", "the Oslo Accords", "the Minsk agreements", "the
# Geneva Conventions", "the Astana talks" (after a state's name they name a party: "the Iran
# talks").
HOSTED_NOUNS = frozenset(
    {
        "agreement",
        "agreements",
        "accord",
        "accords",
        "convention",
        "conventions",
        "protocol",
        "declaration",
        "talks",
        "summit",
        "conference",
        "process",
        "format",
    }
)
# Players and officials of a sports team, which is named after its city or country:
# "Cleveland outfielder Larry Doby", "a France striker".
SPORTS_NOUNS = frozenset(
    {
        "outfielder",
        "pitcher",
        "shortstop",
        "quarterback",
        "linebacker",
        "striker",
        "midfielder",
        "goalkeeper",
        "winger",
        "fullback",
        "batsman",
        "batsmen",
        "bowler",
        "footballer",
        "cricketer",
        "player",
        "players",
    }
)
# Nouns after a place's name that make the whole the name of a site (a natural feature, a
# building, a street, an administrative area named after it).
SITE_NOUNS = frozenset(
    {
        "bay",
        "creek",
        "river",
        "lake",
        "beach",
        "valley",
        "mountain",
        "mountains",
        "hills",
        "island",
        "islands",
        "falls",
        "springs",
        "canyon",
        "hotel",
        "resort",
        "casino",
        "airport",
        "station",
        "stadium",
        "arena",
        "street",
        "avenue",
        "road",
        "boulevard",
        "square",
        "bridge",
        "tower",
        "mall",
        "plaza",
        "park",
    }
)
END_OF_NAME_POS = frozenset({"VERB", "AUX", "PUNCT", "CCONJ", "SCONJ", "PART"})
NAME_TYPES = frozenset({"state", "region", "capital", "usstate", "city"})
US_GEORGIA_CITIES = ("Atlanta", "Savannah", "Augusta, Georgia", "Macon")
CAUCASUS_CODES = frozenset({"RUS", "GEO", "ARM", "AZE", "UKR", "TUR"})


def _inside_longer_entity(doc: Doc, hit: NameHit, labels: frozenset[str]) -> bool:
    for i in range(hit.start, hit.end):
        tok = doc[i]
        if tok.ent_type_ in labels and tok.ent_iob_:
            # find the entity that holds the token
            for ent in doc.ents:
                if ent.start <= i < ent.end:
                    start = ent.start + (doc[ent.start].lower_ == "the")
                    return start < hit.start or ent.end > hit.end
    return False


def _has_role_word(doc: Doc, hit: NameHit) -> bool:
    """Return whether the entity around ``hit`` names a state body ("Russian Foreign Ministry")."""
    for ent in doc.ents:
        if ent.start <= hit.start < ent.end:
            return any(t.lower_ in STATE_BODY_WORDS for t in ent)
    return False


def _looks_like_person(doc: Doc, hit: NameHit, taken: set[int]) -> bool:
    """Return whether an ambiguous name ("Jordan", "Chad") is used as a person's name."""
    if _inside_longer_entity(doc, hit, frozenset({"PERSON"})):
        return True
    word = doc[hit.start : hit.end].text
    # A lone "Jordan" tagged PERSON is a person only if the document names one in full.
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > hit.end - hit.start and word in ent.text.split():
            return True
    nxt = doc[hit.end] if hit.end < len(doc) else None
    prev = doc[hit.start - 1] if hit.start > 0 else None
    for tok in (nxt, prev):
        if (
            tok is not None
            and tok.pos_ == "PROPN"
            and tok.text[:1].isupper()
            and tok.i not in taken
            and tok.ent_type_ not in {"GPE", "LOC", "NORP", "ORG", "DATE"}
        ):
            return True
    return False


def _suppressed(doc: Doc, hit: NameHit) -> bool:
    if (
        hit.end + 1 < len(doc)
        and doc[hit.end].text == "-"
        and doc[hit.end + 1].lower_ in SUPPRESSING_SUFFIXES
    ):
        return True
    if hit.start >= 2 and doc[hit.start - 1].text == "-":
        return doc[hit.start - 2].lower_ in SUPPRESSING_PREFIXES
    return False


def _person_is_names(doc: Doc, hit: NameHit, taken: set[int]) -> bool:
    """Return whether a PERSON entity around ``hit`` is made of table names only.

    The small model tags "Bosnian Serbs" as a person; every word of it is a table name.
    """
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.start <= hit.start < ent.end:
            return all(i in taken for i in range(ent.start, ent.end) if doc[i].is_alpha)
    return False


def org_entity(doc: Doc, hit: NameHit) -> tuple[int, int] | None:
    """Return the extent of an organisation named after a state ("Nigerian Union of Teachers").

    The state name must open the name or close it after "of" ("Bank of China"), and the name
    must say what kind of organisation it is (an ``ORG_SECTORS`` word), so that a newspaper
    title or a brand ("Belgium Sun") is not taken for one.
    """
    for ent in doc.ents:
        if ent.label_ != "ORG" or not ent.start <= hit.start < ent.end:
            continue
        start = ent.start + (doc[ent.start].lower_ == "the")
        opens = hit.start == start and hit.end < ent.end
        closes = hit.end == ent.end and hit.start >= 2 and doc[hit.start - 1].lower_ == "of"
        words = {t.lower_ for t in ent}
        if (opens or closes) and words & ORG_SECTORS.keys():
            return start, ent.end
    return None


def name_part(doc: Doc, hit: NameHit) -> str | None:
    """Return what a place's name is part of, if the words around it make a longer name.

    ``"other"``: the whole names something that is not the state (a sea, a document, a hosted
    agreement, a broadcaster, a sports team): never the state. ``"site"``: a site named after
    the place ("Mandalay Bay", "Turkey Creek", "Kabul airport", "the Moscow region"), which is
    the state's only where the document names that state otherwise (see
    ``eventwire.actors.mentions``). None: a plain name.
    """
    entry = hit.entry
    if entry.type not in NAME_TYPES and entry.type != "demonym":
        return None
    nxt = doc[hit.end] if hit.end < len(doc) else None
    word = nxt.lower_ if nxt is not None and nxt.pos_ in {"NOUN", "PROPN"} else ""
    if word in FOREIGN_NOUNS:
        return "other"
    if (
        hit.start >= 2
        and doc[hit.start - 1].lower_ == "of"
        and doc[hit.start - 2].lower_ in FOREIGN_NOUNS
    ):
        return "other"  # "the Sea of Japan", "the Gulf of Mexico"
    if entry.type == "demonym" or nxt is None:
        return None  # "an Iraqi airport", "Turkish troops": the adjective says whose it is
    if word in SPORTS_NOUNS:
        return "other"
    if entry.type in PLACE_TYPES and word in HOSTED_NOUNS:
        return "other"
    if nxt.like_num and nxt.text.isdigit() and len(nxt.text) <= 3:
        after = doc[hit.end + 1] if hit.end + 1 < len(doc) else None
        if after is None or (after.pos_ in END_OF_NAME_POS and after.text != "%"):
            # "France 2 shows", "told France 24.": a broadcaster; not "Iraq 3 days", "stands
            # with Japan 100 per cent"
            return "other"
    if word in SITE_NOUNS:
        return "site"  # not "the Tyumen region", "Sindh province": areas are their state's
    return None


def keep(doc: Doc, hit: NameHit, taken: set[int], role_starts: set[int]) -> bool:
    entry = hit.entry
    if entry.type in STATE_TYPES or entry.type == "nonstate":
        if _suppressed(doc, hit) or name_part(doc, hit) == "other":
            return False
        if _inside_longer_entity(doc, hit, frozenset({"PERSON"})) and not _person_is_names(
            doc, hit, taken
        ):
            return False
        nxt = hit.end + (hit.end < len(doc) and doc[hit.end].text in {"'s", "’s"})
        if (
            entry.type in STATE_TYPES
            and _inside_longer_entity(doc, hit, NAME_LABELS)
            and not _has_role_word(doc, hit)
            and nxt not in role_starts  # "British Defence Secretary" tagged ORG
            and org_entity(doc, hit) is None
        ):
            return False  # "Belgium Sun": part of another name
    if "ambiguous" in entry.flags and _looks_like_person(doc, hit, taken):
        return False
    if "named" in entry.flags and not any(
        doc[i].ent_type_ in NAMED_LABELS for i in range(hit.start, hit.end)
    ):
        return False  # "Labour costs", "a low-fat Diet": the common word, not the party
    if entry.type == "city":
        return all(doc[i].ent_type_ in {"GPE", "LOC"} for i in range(hit.start, hit.end))
    return not (
        entry.type == "usstate"
        and any(doc[i].ent_type_ in {"PERSON", "ORG"} for i in range(hit.start, hit.end))
    )


def _after_ethnic(doc: Doc, hit: NameHit) -> bool:
    return hit.start > 0 and doc[hit.start - 1].lower_ == "ethnic"


def is_ethnic(doc: Doc, hit: NameHit, before: NameHit | None) -> bool:
    """Return whether a name stands for a people living somewhere ("ethnic Albanians").

    ``before`` is the name hit just before this one, if any: "Bosnian Serbs" are Serbs
    who live in Bosnia.
    """
    if hit.entry.type == "ethnic":
        return True
    if hit.entry.type != "demonym":
        return False
    if _after_ethnic(doc, hit):
        return True
    if (
        before is not None
        and before.end == hit.start
        and "plural" in hit.entry.flags
        and before.entry.type in STATE_TYPES
        and before.entry.codes != hit.entry.codes
    ):
        return True
    return hit.end < len(doc) and doc[hit.end].lower_ in POPULATION_NOUNS


def georgia_is_us(doc: Doc, hit: NameHit, hits: list[NameHit]) -> bool:
    after = [t.lower_ for t in doc[hit.end : hit.end + 2] if t.text not in {"'s", "’s"}]
    if after and after[0] in US_GEORGIA_CUES:
        return True
    if any(city in doc.text for city in US_GEORGIA_CITIES):
        return True
    before = doc[max(0, hit.start - 2) : hit.start].text.lower()
    if before == "state of":
        return True
    us_cues = sum(h.entry.type == "usstate" for h in hits)
    caucasus = any(h.entry.code in CAUCASUS_CODES and h.entry.phrase != "Georgia" for h in hits)
    return us_cues > 0 and not caucasus
