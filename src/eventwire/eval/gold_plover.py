"""Read the PLOVER gold-standard records (``PLOVER_GSR_CAMEO.json``, PLOVER 0.5b1).

The file is one JSON array of records; the first is a ``"DOCUMENT"`` header, skipped. Each
other record is one sentence (``text``) with one event: ``event`` (a PLOVER 0.5b1 type), and
``source``/``target`` lists of ``{"actorText", "code", "sector"}``. Some records have no target
(null, an empty string or, once, a stray string): the target is then "no actor".

A record with several sources or targets (a compound actor) becomes one :class:`GoldEvent` per
source-target pair, as eventwire codes one event per member of a group. Actors marked
``SRC/TAR`` in ``textInfo.markup`` are reciprocal (the readme: "reciprocal source/target in the
CAMEO system"): when the record has no target of its own, "Hungarian and Romanian officials
agreed" becomes HUN->ROU and ROU->HUN. All records carry the placeholder date 2000-01-01.
"""

from __future__ import annotations

import json
from typing import Any

from eventwire.errors import GoldFormatError
from eventwire.eval.codes import NO_ACTOR, canonical_plover, plover_actor_key
from eventwire.eval.gold import GoldEvent, GoldSentence

__all__ = ["parse_plover"]


def _keys(value: Any, where: str) -> tuple[str, ...]:
    """Return the comparison keys of a source or target field (``("---",)`` when empty)."""
    if value is None or isinstance(value, str):
        return (NO_ACTOR,)  # no actor; the file once puts a context word here
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        raise GoldFormatError(f"{where}: expected a list of actors, got {type(value).__name__}")
    keys: list[str] = []
    for actor in value:
        if isinstance(actor, str):
            continue
        if not isinstance(actor, dict):
            raise GoldFormatError(f"{where}: an actor must be an object, got {actor!r}")
        code, text = actor.get("code"), actor.get("actorText")
        if code is not None and not isinstance(code, str):
            raise GoldFormatError(f"{where}: actor code must be a string, got {code!r}")
        key = plover_actor_key(code, text if isinstance(text, str) else None)
        if key not in keys:
            keys.append(key)
    return tuple(keys) or (NO_ACTOR,)


def parse_plover(
    text: str, *, name: str = "<gold>", notes: list[str] | None = None
) -> list[GoldSentence]:
    """Parse PLOVER gold-standard records into gold sentences (one per record).

    Raises:
        GoldFormatError: The file is not a JSON array of records with ``id``, ``event`` and
            ``text``.
    """
    notes = notes if notes is not None else []
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise GoldFormatError(f"{name}:{e.lineno}: invalid JSON ({e.msg})") from e
    if not isinstance(data, list):
        raise GoldFormatError(f"{name}: expected a JSON array of PLOVER records")
    out: list[GoldSentence] = []
    seen: set[str] = set()
    for i, rec in enumerate(data):
        where = f"{name}: record {i}"
        if not isinstance(rec, dict):
            raise GoldFormatError(f"{where}: expected an object")
        label = rec.get("event")
        if label == "DOCUMENT":
            continue
        sid = rec.get("id")
        if not isinstance(sid, str) or not sid:
            raise GoldFormatError(f"{where}: 'id' must be a non-empty string")
        if sid in seen:
            # The published file reuses one id for two different records: keep both.
            n = 2
            while f"{sid}#{n}" in seen:
                n += 1
            notes.append(f"{sid}: id used twice, the later record renamed {sid}#{n}")
            sid = f"{sid}#{n}"
        seen.add(sid)
        where = f"{name}: record {sid}"
        if not isinstance(label, str) or not label.strip():
            raise GoldFormatError(f"{where}: 'event' must be a PLOVER type")
        body = rec.get("text")
        if not isinstance(body, str) or not body.strip():
            raise GoldFormatError(f"{where}: 'text' must be a non-empty string")
        if isinstance(rec.get("target"), str) and rec["target"].strip():
            notes.append(f"{sid}: target is the string {rec['target']!r}, taken as no target")
        sources = _keys(rec.get("source"), f"{where}: source")
        targets = _keys(rec.get("target"), f"{where}: target")
        ptype = canonical_plover(label)
        info = rec.get("textInfo")
        markup = info.get("markup") if isinstance(info, dict) else None
        pairs = [(s, t) for s in sources for t in targets]
        if isinstance(markup, str) and "SRC/TAR" in markup and targets == (NO_ACTOR,):
            # "SRC/TAR" marks reciprocal actors: "A and B agreed" is A->B and B->A.
            pairs = [(a, b) for a in sources for b in sources if a != b] or [
                (sources[0], sources[0])
            ]
        events = tuple(
            GoldEvent(code=None, root=None, source=s, target=t, plover_type=ptype) for s, t in pairs
        )
        out.append(
            GoldSentence(
                id=sid,
                text=" ".join(body.split()),
                # Every record carries the placeholder 2000-01-01, which is no publication
                # date: passing it would check office holders and borders against 2000.
                date=None,
                events=events,
                category=label.strip().upper(),
            )
        )
    return out
