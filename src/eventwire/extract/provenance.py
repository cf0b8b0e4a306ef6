"""Provenance: who wrote a story, where it was found, and which agencies it credits.

Three different things, often confused (see DESIGN.md, the RT.com / Belgium Sun / Reuters case):

- origin: the outlet that wrote the story ("MOSCOW (Reuters) -", "By Jane Doe, AP",
  a trailer "(RT.com)", "Originally published by X"), kept as the page prints it;
- publisher: the site the page was found on (``publisher_from_url`` gives its domain);
- cited sources: outlets the story credits for information ("told Reuters", "AFP reported"),
  given canonical names ("Agence France-Presse" and "AFP" are both "AFP").

Outlet names are matched against a short table of agencies and broadcasters, plus any
capitalised name that the text itself calls a "news agency" or "newspaper". The table is
written by hand because no library maps outlet spellings to one canonical name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

__all__ = [
    "byline_of",
    "canonical_outlet",
    "find_cited_sources",
    "origin_from_body",
    "publisher_from_url",
    "trailer_outlet",
]

# canonical name -> regular expression of its spellings (case-sensitive: "AP" is not "ap").
_OUTLETS: dict[str, str] = {
    "Reuters": r"Reuters|Thomson Reuters",
    "Associated Press": r"(?:the\s+)?Associated Press|AP|The AP",
    "AFP": r"AFP|Agence France[- ]Presse|France[- ]Presse",
    "Bloomberg": r"Bloomberg(?: News)?",
    "BBC": r"BBC(?:\s?(?:One|Two|1|2|News|World Service|Radio\s?\d|World))?",
    "CNN": r"CNN",
    "Al Jazeera": r"Al[- ]Jazeera",
    "TASS": r"TASS|Tass|ITAR-TASS",
    "RIA Novosti": r"RIA(?: Novosti)?",
    "Interfax": r"Interfax(?:-Ukraine)?",
    "Sputnik": r"Sputnik",
    "RT": r"RT\.com|RT|Russia Today",
    "Xinhua": r"Xinhua(?: News Agency)?",
    "Kyodo": r"Kyodo(?: News)?",
    "Yonhap": r"Yonhap",
    "KCNA": r"KCNA|Korean Central News Agency",
    "dpa": r"dpa|DPA|Deutsche Presse-Agentur",
    "ANSA": r"ANSA",
    "EFE": r"EFE",
    "Anadolu": r"Anadolu(?: Agency)?",
    "IRNA": r"IRNA",
    "PTI": r"PTI|Press Trust of India",
    "UPI": r"UPI|United Press International",
    "Ukrinform": r"Ukrinform",
    "The New York Times": r"(?:The\s+)?New York Times|NYT",
    "The Washington Post": r"(?:The\s+)?Washington Post",
    "The Wall Street Journal": r"(?:The\s+)?Wall Street Journal|WSJ",
    "Financial Times": r"(?:The\s+)?Financial Times|FT",
    "The Guardian": r"(?:The\s+)?Guardian",
    "The Times": r"The Times",
    "The Telegraph": r"(?:The\s+)?(?:Daily\s+)?Telegraph",
    "Sky News": r"Sky News",
    "Fox News": r"Fox News",
    "NBC News": r"NBC(?: News)?",
    "CBS News": r"CBS(?: News)?",
    "ABC News": r"ABC(?: News)?",
    "NPR": r"NPR",
    "Politico": r"Politico|POLITICO",
    "Axios": r"Axios",
    "Der Spiegel": r"(?:Der\s+)?Spiegel",
    "Le Monde": r"Le Monde",
    "Kommersant": r"Kommersant",
    "Izvestia": r"Izvestia",
    "Haaretz": r"Haaretz",
    "Euronews": r"Euronews",
    "Deutsche Welle": r"Deutsche Welle|DW",
}
_OUTLET_ALT = "|".join(f"(?:{p})" for p in _OUTLETS.values())
_OUTLET_RE = {name: re.compile(rf"^(?:{p})$") for name, p in _OUTLETS.items()}
# Second pass, ignoring case, for names long enough not to collide with words ("Ria Novosti").
_OUTLET_RE_I = {name: re.compile(rf"^(?:{p})$", re.I) for name, p in _OUTLETS.items()}
_WORD_END = r"(?![\w-])"
# A capitalised name the text itself calls an agency or a newspaper.
_NAMED = r"[A-Z][\w&'-]*(?:\.\w+)*(?:\s+[A-Z][\w&'-]*(?:\.\w+)*){0,3}"
_MEDIA_NOUN = r"(?:news\s+agency|newspaper|daily|broadcaster|news\s+outlet|TV\s+channel|radio)"

_THE = r"(?:the\s+)?"
_POSS = r"(?:'s|’s)?"
_CUED = [
    # told Reuters / told the BBC's Breakfast / speaking to news agency Reuters
    rf"\b(?i:told|telling|tells|speaking\s+to|talking\s+to|spoke\s+to|speaks\s+to)\s+{_THE}"
    rf"(?:(?:state\s+|state-run\s+)?(?:news\s+agency|newspaper|broadcaster)\s+)?"
    rf"(?P<o1>{_OUTLET_ALT}){_POSS}{_WORD_END}",
    rf"\b(?i:according\s+to\s+the\s+|according\s+to\s+)"
    rf"(?:(?:news\s+agency|newspaper)\s+)?(?P<o2>{_OUTLET_ALT}){_POSS}"
    rf"{_WORD_END}",
    rf"\b(?:interview|interviews)\s+with\s+{_THE}(?P<o3>{_OUTLET_ALT}){_POSS}{_WORD_END}",
    rf"\b(?:reported|cited|quoted|reports|carried)\s+by\s+{_THE}(?P<o4>{_OUTLET_ALT}){_WORD_END}",
    rf"(?<![\w-])(?P<o5>{_OUTLET_ALT})(?:\s+news\s+agency)?,?\s+(?:reported|reports|said|"
    rf"quoted|cited|has\s+reported|was\s+reporting|learned|wrote|revealed|first\s+reported)\b",
    rf"\b(?i:told|according\s+to|speaking\s+to|reported\s+by|interview\s+with)\s+{_THE}"
    rf"(?:(?:state\s+|state-run\s+)?{_MEDIA_NOUN}\s+)(?P<o6>{_NAMED})",
    rf"\b(?i:told|according\s+to|speaking\s+to|interview\s+with)\s+{_THE}(?P<o7>{_NAMED})\s+"
    rf"{_MEDIA_NOUN}\b",
    rf"(?:^|[.;]\s+|,\s+|\bthe\s+)(?P<o8>{_NAMED})\s+news\s+agency\s+(?:reported|said|quoted)",
]
_CUED_RE = [re.compile(p) for p in _CUED]

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’/-]{1,40}(?:,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,2})?)?\s*"
    r"\((?P<agency>[^()]{2,40})\)\s*[-–—:]+\s*"
)
_BYLINE = re.compile(
    r"^(?:[Bb]y|BY)\s+(?P<names>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|al|bin))*"
    r"(?:\s*,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)*?)"
    r"(?:\s*(?:,|\||\(|/|–|—|-|\bfor\b|\bof\b)\s*(?P<outlet>[^()|]+?)\)?)?\s*(?:\|.*)?$"
)
_DOMAIN = re.compile(r"\w\.(?:com|net|org|co\.uk|ru|news|info|tv|eu|us)\b", re.I)
_ROLE = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|staff|columnist|contributor|analyst|chief|"
    r"bureau|senior|producer|photographer|director|professor|fellow|author)s?\b",
    re.I,
)
_TRAILER = re.compile(
    r"^\s*(?:\((?P<paren>[^()]{2,40})\)"
    r"|[-–—]{1,2}\s*(?P<dash>[A-Z][\w.&' -]{1,40})"
    r"|(?:Originally\s+(?:published|appeared)\s+(?:by|on|in|at)|This\s+(?:article|story)\s+"
    r"(?:was\s+)?(?:originally\s+|first\s+)?(?:published|appeared)\s+(?:by|on|in|at)"
    r"|(?:Source|Courtesy(?:\s+of)?|Via|Credit)\s*:?)\s+(?P<credit>[A-Z][\w.&' -]{1,60}?))"
    r"\s*[.]?\s*$"
)


def canonical_outlet(name: str) -> str | None:
    """Return the canonical name of a known outlet spelling ("Agence France-Presse" → "AFP").

    A name printed as a domain ("RT.com") is the outlet's own spelling and is kept as printed.
    """
    name = name.strip().strip(".,;:()").strip()
    if _DOMAIN.search(name):
        return name
    for canonical, pattern in _OUTLET_RE.items():
        if pattern.match(name):
            return canonical
    if len(name) > 4:
        for canonical, pattern in _OUTLET_RE_I.items():
            if pattern.match(name):
                return canonical
    return None


def _clean_outlet(name: str) -> str:
    name = name.strip().strip(".,;:()").strip()
    return canonical_outlet(name) or name


def find_cited_sources(text: str) -> tuple[str, ...]:
    """Return the outlets a story credits, canonical and deduplicated, in order of mention.

    Only outlets introduced by an attribution cue count ("told Reuters", "according to AFP",
    "in an interview with the BBC", "AP reported"); a bare mention of an outlet does not.
    """
    hits: list[tuple[int, str]] = []
    for pattern in _CUED_RE:
        for match in pattern.finditer(text):
            for group, value in match.groupdict().items():
                if value and group.startswith("o"):
                    hits.append((match.start(group), _clean_outlet(value)))
    seen: list[str] = []
    for _, name in sorted(hits):
        if name and name not in seen:
            seen.append(name)
    return tuple(seen)


def trailer_outlet(line: str) -> str | None:
    """Return the outlet credited by an attribution trailer line, as printed, else None.

    Trailers: "(RT.com)", "— The Northern Courier", "Originally published by X.",
    "Source: X", "This article first appeared on X".
    """
    match = _TRAILER.match(line)
    if not match:
        return None
    value = match.group("paren") or match.group("dash") or match.group("credit")
    if not value:
        return None
    value = value.strip().rstrip(".")
    if match.group("paren") and not (canonical_outlet(value) or _looks_like_outlet(value)):
        return None
    if len(value.split()) > 6:
        return None
    return value


def _looks_like_outlet(value: str) -> bool:
    """Tell an outlet-ish name ("RT.com", "Kyiv Independent") from a remark or a job title."""
    if _DOMAIN.search(value):
        return True
    if _ROLE.search(value):
        return False
    words = value.split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() for w in words)


def byline_of(line: str) -> tuple[str, str | None] | None:
    """Split a byline ("By Sam Patel | The Northern Courier") into (names, outlet or None).

    The outlet is returned as printed; ``canonical_outlet`` maps it to a canonical name.
    """
    line = line.strip()
    if len(line) > 120:
        return None
    match = _BYLINE.match(line)
    if not match:
        return None
    names = match.group("names").strip(" ,")
    outlet = match.group("outlet")
    if outlet is not None:
        outlet = outlet.strip(" ,.)")
        if not outlet or find_date_like(outlet) or outlet.lower() in {"staff", "staff writer"}:
            outlet = None
        elif canonical_outlet(outlet) is None and not _looks_like_outlet(outlet):
            outlet = None  # "By Jane Doe, Political Correspondent": a role, not an outlet
    return names, outlet or None


def find_date_like(text: str) -> bool:
    """Tell whether ``text`` is mostly a date or a time (so not an outlet name)."""
    return bool(re.search(r"\d{1,2}[:.]\d\d|\b(?:19|20)\d\d\b|\bago\b", text))


def origin_from_body(paragraphs: Sequence[str]) -> tuple[str | None, str | None, str | None]:
    """Find who wrote a story from its own text.

    Looks for a wire dateline at the start ("MOSCOW (Reuters) -", "WASHINGTON, Jan 3 (AP) —"),
    a byline among the first lines ("By Jane Doe, Reuters", "By X | Outlet") and a trailer among
    the last lines ("(RT.com)", "Originally published by X").

    Returns:
        ``(origin, dateline, byline)``: the outlet as printed ("Reuters", "AP"), the dateline
        place as printed ("WASHINGTON, Jan 3"), the byline names; each None when absent.
    """
    origin: str | None = None
    dateline: str | None = None
    byline: str | None = None
    for para in paragraphs[:4]:
        parsed = byline_of(para)
        if parsed and byline is None:
            byline = parsed[0]
            origin = origin or parsed[1]
            continue
        match = _DATELINE.match(para)
        if match and dateline is None and origin is None:
            agency = match.group("agency").strip()
            known = canonical_outlet(agency)
            if known or _looks_like_outlet(agency):
                origin = agency
                place = (match.group("place") or "").strip(" ,")
                dateline = place or None
                break
    if origin is None:
        for para in reversed(paragraphs[-3:]):
            found = trailer_outlet(para)
            if found:
                origin = found
                break
    return origin, dateline, byline


def publisher_from_url(url: str | None) -> str | None:
    """Return the site a URL belongs to: its host name without ``www.`` ("belgiumsun.com")."""
    if not url:
        return None
    parts = urlsplit(url if "//" in url else "//" + url)
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return host or None
