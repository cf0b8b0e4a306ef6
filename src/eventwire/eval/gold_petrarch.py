"""Read the PETRARCH-2 gold-standard validation file (``PETR2_GSR_validation.xml``).

The file looks like XML but is not well formed: a ``#`` comment banner, self-closing
``<Sentence .../>`` tags that are sometimes closed again by a stray ``</Sentence>``, and a
commented-out ``<Parse>`` block. A strict XML parser rejects it, so this reader scans for the
three elements that matter, in order::

    <Sentence id="..." date="YYYYMMDD" category="..." evaluate="true"/>
    <EventCoding eventcode="042" sourcecode="USAGOV" targetcode="CHN" />   (zero or more)
    <Text> ... </Text>

Comments (``<!-- ... -->``, with XML's rule: the first ``-->`` closes) and ``<Parse>`` blocks are
blanked first, keeping line numbers for error messages. ``<EventCoding noevents="True"/>``, an
``eventcode`` of ``---``/``null``/empty, or no ``<EventCoding>`` at all mean "no event expected".
Only sentences with ``evaluate="true"`` are kept. Why hand-written: no library reads this
PETRARCH-specific, not-quite-XML layout.
"""

from __future__ import annotations

import bisect
import re

from eventwire.errors import GoldFormatError
from eventwire.eval.codes import cameo_root, petrarch_actor_key
from eventwire.eval.gold import GoldEvent, GoldSentence, check_cameo, iso_date

__all__ = ["parse_petrarch"]

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_PARSE = re.compile(r"<Parse>.*?</Parse>", re.S)
_BANNER = re.compile(r"^#.*$", re.M)
_TOKEN = re.compile(
    r"<Sentence\b(?P<sentence>[^>]*)>|<EventCoding\b(?P<coding>[^>]*)>|<Text>(?P<text>.*?)</Text>",
    re.S,
)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
_NO_EVENT_CODES = frozenset({"", "---", "null", "none"})


def _blank(match: re.Match[str]) -> str:
    # Keep the newlines so that line numbers of later elements stay true.
    return "\n" * match.group(0).count("\n")


class _Record:
    """A sentence being read: its attributes, codings and text."""

    def __init__(self, attrs: dict[str, str], line: int) -> None:
        self.attrs = attrs
        self.line = line
        self.events: list[GoldEvent] = []
        self.no_events = False
        self.codings = 0
        self.text: str | None = None


def parse_petrarch(
    text: str, *, name: str = "<gold>", notes: list[str] | None = None
) -> list[GoldSentence]:
    """Parse PETRARCH validation records into gold sentences.

    Args:
        text: The file's content.
        name: The file name, for error messages.
        notes: Receives one line per record skipped or repaired (empty text, unreadable date).

    Raises:
        GoldFormatError: A record is malformed (no id, no text, a second text, an invalid
            event code, an EventCoding outside any sentence).
    """
    notes = notes if notes is not None else []
    clean = _COMMENT.sub(_blank, text)
    if "<!--" in clean:
        line = clean.count("\n", 0, clean.index("<!--")) + 1
        raise GoldFormatError(f"{name}:{line}: comment '<!--' is never closed")
    clean = _PARSE.sub(_blank, clean)
    clean = _BANNER.sub("", clean)
    newlines = [i for i, ch in enumerate(clean) if ch == "\n"]

    def line_of(pos: int) -> int:
        return bisect.bisect_left(newlines, pos) + 1

    if clean.count("<Text>") != clean.count("</Text>"):
        raise GoldFormatError(f"{name}: unbalanced <Text> and </Text> tags")
    records: list[_Record] = []
    current: _Record | None = None
    for m in _TOKEN.finditer(clean):
        line = line_of(m.start())
        where = f"{name}:{line}"
        if m.group("sentence") is not None:
            if current is not None and current.text is None:
                raise GoldFormatError(
                    f"{name}:{current.line}: sentence {current.attrs.get('id')!r} has no <Text>"
                )
            attrs = dict(_ATTR.findall(m.group("sentence")))
            if not attrs.get("id"):
                raise GoldFormatError(f"{where}: <Sentence> without an id")
            current = _Record(attrs, line)
            records.append(current)
        elif m.group("coding") is not None:
            if current is None or current.text is not None:
                raise GoldFormatError(f"{where}: <EventCoding> outside a <Sentence> record")
            _add_coding(current, dict(_ATTR.findall(m.group("coding"))), where)
        else:
            if current is None:
                raise GoldFormatError(f"{where}: <Text> outside a <Sentence> record")
            if current.text is not None:
                raise GoldFormatError(f"{where}: second <Text> in sentence {current.attrs['id']!r}")
            current.text = m.group("text")
    if current is not None and current.text is None:
        raise GoldFormatError(
            f"{name}:{current.line}: sentence {current.attrs.get('id')!r} has no <Text>"
        )
    if not records:
        raise GoldFormatError(f"{name}: no <Sentence> records (is this a PETRARCH file?)")
    return _sentences(records, name, notes)


def _add_coding(rec: _Record, attrs: dict[str, str], where: str) -> None:
    rec.codings += 1
    if attrs.get("noevents", "").lower() == "true":
        rec.no_events = True
    else:
        code = attrs.get("eventcode")
        if code is None or code.strip().lower() in _NO_EVENT_CODES:
            rec.no_events = True
        else:
            full = check_cameo(code, where)
            rec.events.append(
                GoldEvent(
                    code=full,
                    root=cameo_root(full),
                    source=petrarch_actor_key(attrs.get("sourcecode")),
                    target=petrarch_actor_key(attrs.get("targetcode")),
                )
            )
    if rec.no_events and rec.events:
        raise GoldFormatError(
            f"{where}: sentence {rec.attrs['id']!r} says both 'no events' and codes events"
        )


def _sentences(records: list[_Record], name: str, notes: list[str]) -> list[GoldSentence]:
    out: list[GoldSentence] = []
    seen: set[str] = set()
    for rec in records:
        sid = rec.attrs["id"]
        if rec.attrs.get("evaluate", "true").strip().lower() != "true":
            continue
        if sid in seen:
            raise GoldFormatError(f"{name}:{rec.line}: duplicate sentence id {sid!r}")
        seen.add(sid)
        # The file wraps sentences at ~100 characters: join the lines back into one.
        body = " ".join((rec.text or "").split())
        if not body:
            notes.append(f"{sid}: empty <Text>, skipped")
            continue
        raw_date = rec.attrs.get("date")
        date = iso_date(raw_date)
        if raw_date and date is None:
            notes.append(f"{sid}: unreadable date {raw_date!r}, coded without a date")
        if rec.codings == 0:
            notes.append(f"{sid}: no <EventCoding>, taken as 'no event expected'")
        out.append(
            GoldSentence(
                id=sid,
                text=body,
                date=date,
                events=tuple(rec.events),
                category=rec.attrs.get("category"),
            )
        )
    return out
