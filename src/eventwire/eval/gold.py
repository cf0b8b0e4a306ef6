"""Gold sentences in one typed form, whatever file they came from.

Three adapters read gold files into :class:`GoldSentence` records:

- ``petrarch``: the PETRARCH-2 validation XML (:mod:`eventwire.eval.gold_petrarch`);
- ``plover``: the PLOVER gold-standard records JSON (:mod:`eventwire.eval.gold_plover`);
- ``eventwire``: eventwire's own JSON Lines gold format, read here, for users' own gold::

      {"id": "s1", "text": "...", "published_at": "2022-01-13",
       "events": [{"cameo": "042", "source": "USA", "target": "CHN"}]}

Actor codes are reduced to comparison keys (:mod:`eventwire.eval.codes`) as they are read, so
the metrics compare plain strings. A malformed file raises :class:`GoldFormatError` naming the
file, the problem and, where there is one, the line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from eventwire.errors import GoldFormatError
from eventwire.eval.codes import (
    IGO_CODES,
    NO_ACTOR,
    cameo_root,
    normalise_cameo,
    petrarch_actor_key,
    plover_actor_key,
)

__all__ = [
    "GOLD_FORMATS",
    "GoldEvent",
    "GoldFormat",
    "GoldSentence",
    "GoldSet",
    "check_cameo",
    "iso_date",
    "load_gold",
    "read_eventwire",
]

GoldFormat = Literal["petrarch", "plover", "eventwire"]
GOLD_FORMATS: tuple[str, ...] = ("petrarch", "plover", "eventwire")

_CAMEO = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True, kw_only=True, slots=True)
class GoldEvent:
    """One expected event: CAMEO code and root (None when the gold set has only a PLOVER
    type), comparison keys of source and target, and the PLOVER type when the gold gives one.
    """

    code: str | None
    root: str | None
    source: str
    target: str
    plover_type: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class GoldSentence:
    """One gold sentence: its text, its date (ISO 8601 UTC or None) and the events expected.

    An empty ``events`` tuple means the gold says no event is to be coded from the sentence.
    ``category`` is the gold set's own grouping (PETRARCH's AFP/GOLD/TEST…), when it has one.
    """

    id: str
    text: str
    date: str | None
    events: tuple[GoldEvent, ...]
    category: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class GoldSet:
    """The sentences of one gold file, and notes on what the adapter skipped or repaired."""

    name: str
    format: str
    sentences: tuple[GoldSentence, ...]
    notes: tuple[str, ...] = ()


def iso_date(value: str | None) -> str | None:
    """Return a gold date as ISO 8601 UTC midnight, or None when it is missing or unreadable.

    Accepts ``YYYYMMDD``, ``YYYY-MM-DD`` and full ISO timestamps (converted to UTC).
    """
    if not value or not value.strip():
        return None
    raw = value.strip()
    for fmt in ("%Y%m%d", "%Y-%m-%d"):
        try:
            day = datetime.strptime(raw, fmt)
        except ValueError:
            continue
        return day.strftime("%Y-%m-%dT00:00:00Z")
    try:
        stamp = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_cameo(code: object, where: str) -> str:
    """Return a CAMEO event code in canonical form, or raise GoldFormatError naming ``where``."""
    if not isinstance(code, str) or not _CAMEO.match(code.strip()):
        raise GoldFormatError(f"{where}: invalid CAMEO event code {code!r}")
    return normalise_cameo(code)


def load_gold(path: str | Path, *, format: GoldFormat, limit: int | None = None) -> GoldSet:
    """Read a gold file into gold sentences, in file order.

    Args:
        path: The gold file.
        format: ``petrarch``, ``plover`` or ``eventwire``.
        limit: Keep only the first ``limit`` sentences.

    Raises:
        GoldFormatError: The file is missing, unreadable, or malformed.
    """
    p = Path(path)
    if format not in GOLD_FORMATS:
        raise GoldFormatError(f"unknown gold format {format!r} (use {', '.join(GOLD_FORMATS)})")
    try:
        text = p.read_text("utf-8")
    except FileNotFoundError as e:
        raise GoldFormatError(f"{p}: file not found") from e
    except (OSError, UnicodeDecodeError) as e:
        raise GoldFormatError(f"{p}: cannot read gold file ({e})") from e
    notes: list[str] = []
    if format == "petrarch":
        from eventwire.eval.gold_petrarch import parse_petrarch

        sentences = parse_petrarch(text, name=str(p), notes=notes)
    elif format == "plover":
        from eventwire.eval.gold_plover import parse_plover

        sentences = parse_plover(text, name=str(p), notes=notes)
    else:
        sentences = read_eventwire(text, name=str(p))
    if not sentences:
        raise GoldFormatError(f"{p}: no gold sentences found")
    if limit is not None:
        sentences = sentences[: max(0, limit)]
    return GoldSet(name=str(p), format=format, sentences=tuple(sentences), notes=tuple(notes))


def _actor(value: Any, where: str) -> str:
    if value is None:
        return NO_ACTOR
    if not isinstance(value, str):
        raise GoldFormatError(f"{where}: actor code must be a string or null, got {value!r}")
    code = value.strip().upper()
    if len(code) > 3 and code not in IGO_CODES:
        return petrarch_actor_key(code)  # a CAMEO actor code such as "RUSGOV"
    return plover_actor_key(code)


def read_eventwire(text: str, *, name: str = "<gold>") -> list[GoldSentence]:
    """Parse eventwire's JSON Lines gold format (blank lines are skipped).

    Each line: ``id`` (string, unique), ``text`` (non-empty string), ``published_at`` (date or
    null, optional), ``events`` (list of ``{"cameo", "source", "target"}``; empty = no event).
    ``source``/``target`` are eventwire actor codes (ISO alpha-3, or an IGO code such as
    ``NATO``), or null.

    Raises:
        GoldFormatError: A line is not a JSON object of that shape.
    """
    out: list[GoldSentence] = []
    seen: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise GoldFormatError(f"{where}: invalid JSON ({e.msg})") from e
        if not isinstance(rec, dict):
            raise GoldFormatError(f"{where}: expected a JSON object")
        sid, body, events = rec.get("id"), rec.get("text"), rec.get("events")
        if not isinstance(sid, str) or not sid:
            raise GoldFormatError(f"{where}: 'id' must be a non-empty string")
        if sid in seen:
            raise GoldFormatError(f"{where}: duplicate id {sid!r}")
        seen.add(sid)
        if not isinstance(body, str) or not body.strip():
            raise GoldFormatError(f"{where}: 'text' must be a non-empty string")
        if not isinstance(events, list):
            raise GoldFormatError(f"{where}: 'events' must be a list (empty for no event)")
        published = rec.get("published_at")
        if published is not None and (not isinstance(published, str) or not iso_date(published)):
            raise GoldFormatError(f"{where}: unreadable 'published_at' {published!r}")
        gold: list[GoldEvent] = []
        for i, ev in enumerate(events):
            ew = f"{where}: events[{i}]"
            if not isinstance(ev, dict) or "cameo" not in ev:
                raise GoldFormatError(f"{ew}: expected an object with 'cameo'")
            code = check_cameo(ev["cameo"], ew)
            gold.append(
                GoldEvent(
                    code=code,
                    root=cameo_root(code),
                    source=_actor(ev.get("source"), ew),
                    target=_actor(ev.get("target"), ew),
                )
            )
        out.append(
            GoldSentence(id=sid, text=body.strip(), date=iso_date(published), events=tuple(gold))
        )
    return out
