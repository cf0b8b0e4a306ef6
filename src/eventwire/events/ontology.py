"""CAMEO codes and their PLOVER types, read once from the packaged ontology tables.

    cameo_info("0234") -> CameoCode(code, root, quad_class, goldstein, label)
    plover_for("0234") -> ("REQUEST", "assist")

The tables and the mapping decisions (CAMEO 01 has no PLOVER type; 02 appeals become
REQUEST) are documented in ``eventwire/data/ontology/README.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventwire.errors import LexiconError

__all__ = ["CameoCode", "all_codes", "cameo_info", "is_code", "plover_for"]


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its root, quad class, Goldstein score and label."""

    code: str
    root: str
    quad_class: int
    goldstein: float
    label: str


def _read(name: str) -> str:
    return resources.files("eventwire").joinpath("data", "ontology", name).read_text("utf-8")


@cache
def _cameo() -> dict[str, CameoCode]:
    table: dict[str, CameoCode] = {}
    for n, line in enumerate(_read("cameo.tsv").splitlines(), start=1):
        if n == 1 or not line.strip():
            continue  # header row
        try:
            code, root, quad, gold, label = line.split("\t")
            table[code] = CameoCode(code, root, int(quad), float(gold), label)
        except ValueError as e:
            raise LexiconError(f"ontology/cameo.tsv line {n}: malformed row ({e})") from e
    return table


_ROW = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?")
# rows whose type contradicts the section they are filed under follow the section (README)
_SECTION_WINS = frozenset({"163", "1712"})


@cache
def _plover() -> dict[str, tuple[str, str | None]]:
    table: dict[str, tuple[str, str | None]] = {}
    section = ""
    for line in _read("cameo2plover-2021.txt").splitlines():
        m = _ROW.match(line.strip())
        if not m:
            continue
        code, ptype, mode = m.group(1), m.group(2), (m.group(3) or "").strip()
        if len(code) == 2:
            section = ptype
        if code in _SECTION_WINS and section:
            ptype = section
        table.setdefault(code, (ptype, mode or None))  # a code listed twice: the first row wins
    # CAMEO 02 appeals have no rows: they are the soft form of a REQUEST (see the README).
    for code in _cameo():
        if code.startswith("02") and len(code) > 2:
            demand = "10" + code[2:]
            mode = table.get(demand, ("REQUEST", None))[1] if code != "020" else None
            table[code] = ("REQUEST", mode)
    table["02"] = ("REQUEST", None)
    return table


def is_code(code: str) -> bool:
    """Tell whether ``code`` is a CAMEO event code in the packaged table."""
    return code in _cameo()


def all_codes() -> tuple[str, ...]:
    """Return every CAMEO code in the packaged table, in table order."""
    return tuple(_cameo())


def cameo_info(code: str) -> CameoCode:
    """Return the CAMEO row for ``code``.

    Raises:
        LexiconError: ``code`` is not a CAMEO code.
    """
    try:
        return _cameo()[code]
    except KeyError:
        raise LexiconError(f"unknown CAMEO code {code!r}") from None


def plover_for(code: str) -> tuple[str | None, str | None]:
    """Return the PLOVER (type, mode) for a CAMEO code; ``(None, None)`` for CAMEO 01."""
    table = _plover()
    if code.startswith("01"):
        return (None, None)
    for key in (code, code[:3], code[:2] + "0", code[:2]):
        if key in table:
            ptype, mode = table[key]
            return (ptype, mode if key == code else None)
    return (None, None)
