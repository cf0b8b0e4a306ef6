"""Find and normalise publication dates printed on a page.

``to_utc`` turns a printed date ("14 Jan 2022, 01:42 GMT+10", "Monday, January 10, 2005 5:02 PM
BST", "2005-10-20 10:39 UTC+1", "2022-01-14T01:42:00+10:00") into ISO 8601 UTC
(``YYYY-MM-DDTHH:MM:SSZ``). ``find_date`` finds such a date inside a line of text.

Time zones are handled here rather than by dateparser alone because printed offsets such as
"GMT+10" are easy to get backwards: the IANA zone ``Etc/GMT+10`` means UTC-10 (POSIX sign
inversion), so we read the sign the way a reader of the page would and apply it ourselves.
Calendar parsing itself is left to dateutil (English, numeric) and dateparser (other languages).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["CLOCK_PATTERN", "DATE_PATTERN", "find_date", "nearest_date", "to_utc"]

# Fixed offsets, in minutes east of UTC, of abbreviations common on English-language news
# sites. Ambiguous ones (IST: India/Ireland/Israel) are left out on purpose.
_FIXED_TZ: dict[str, int] = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "UT": 0,
    "WET": 0,
    "BST": 60,
    "CET": 60,
    "WAT": 60,
    "WEST": 60,
    "CEST": 120,
    "EET": 120,
    "SAST": 120,
    "CAT": 120,
    "EEST": 180,
    "MSK": 180,
    "EAT": 180,
    "AST": 180,
    "PKT": 300,
    "WIB": 420,
    "ICT": 420,
    "HKT": 480,
    "SGT": 480,
    "AWST": 480,
    "PHT": 480,
    "JST": 540,
    "KST": 540,
    "ACST": 570,
    "AEST": 600,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
}
# Abbreviations whose offset depends on the date: resolved through the IANA database.
_ZONE_TZ: dict[str, str] = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_YEAR = r"(?:19|20)\d\d"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_CALENDAR = (
    rf"(?:{_WEEKDAY}{_DAY}\s+{_MONTHS},?\s+{_YEAR}"  # 14 Jan 2022
    rf"|{_WEEKDAY}{_MONTHS}\s+{_DAY},?\s+{_YEAR}"  # January 10, 2005
    rf"|{_YEAR}-[01]\d-[0-3]\d"  # 2005-10-20
    rf"|[0-3]?\d[/.][0-3]?\d[/.]{_YEAR}"  # 20/10/2005, 10/20/2005 (order decided later)
    rf"|{_YEAR}/[01]\d/[0-3]\d)"  # 2005/10/20
)
_TZ_NAMES = "|".join(sorted([*_FIXED_TZ, *_ZONE_TZ], key=len, reverse=True))
_OFFSET = r"[+\-−]\s?\d{1,2}(?::?\d\d)?"
_TZ = rf"(?:(?:GMT|UTC)\s?{_OFFSET}|\(?(?:{_TZ_NAMES})\)?(?![A-Za-z])|{_OFFSET}(?![\d]))"
_TIME = (
    r"(?:(?:,|\s|T|\s+at\s+|\s*[-|•·/]\s*)\s*[0-2]?\d[:.][0-5]\d(?::[0-5]\d(?:\.\d+)?)?"
    r"(?:\s?[AaPp]\.?[Mm]\.?)?)"
)
DATE_PATTERN = re.compile(rf"(?<![\w-]){_CALENDAR}(?:{_TIME}(?:\s*{_TZ})?)?(?![\w])")
"""A printed calendar date with an optional time and time zone."""

CLOCK_PATTERN = re.compile(
    rf"(?<![\w:.])[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s*{_TZ})?(?!\w)"
)
"""A printed time of day with an optional zone ("22:00 GMT", "8:40 AM")."""

# Zones of the Americas: a numeric date printed next to them is month first (10/20/2005).
_MONTH_FIRST_ZONES = frozenset(
    {"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "CT", "MT", "PT"}
)
_NUMERIC_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})([/.])(\d{{1,2}})\2({_YEAR})(?!\d)")
_TZ_AT_END = re.compile(rf"\s*(?:{_TZ})\s*$")
_GMT_OFFSET = re.compile(r"^\(?(?:GMT|UTC)?\s?([+\-−])\s?(\d{1,2})(?::?(\d\d))?\)?$")
_ISO = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?$")
_HAS_TIME = re.compile(r"\d[:.][0-5]\d")


def find_date(text: str) -> str | None:
    """Return the first printed date (with its time and zone, if printed) found in ``text``."""
    match = DATE_PATTERN.search(text)
    return match.group(0).strip(" ,|") if match else None


def _tz_from_token(token: str) -> tzinfo | None:
    token = token.strip().strip("()").strip()
    match = _GMT_OFFSET.match(token)
    if match:
        sign = -1 if match.group(1) in "-−" else 1
        minutes = int(match.group(2)) * 60 + int(match.group(3) or 0)
        # Read "GMT+10" as a reader would (UTC+10), never as the POSIX zone Etc/GMT+10.
        return _fixed(sign * minutes)
    upper = token.upper()
    if upper in _FIXED_TZ:
        return _fixed(_FIXED_TZ[upper])
    if upper in _ZONE_TZ:
        return ZoneInfo(_ZONE_TZ[upper])
    return None


def _fixed(minutes: int) -> tzinfo:
    from datetime import timezone

    return timezone(timedelta(minutes=minutes))


def _named_zone(name: str) -> tzinfo | None:
    tz = _tz_from_token(name)
    if tz is not None:
        return tz
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _day_first(text: str, zone: str | None) -> bool:
    """Decide the order of a numeric date ("02/10/2020"): day first unless shown otherwise.

    A number above 12 settles it; dotted dates are European (day first); next to a zone of
    the Americas the month comes first; otherwise day first, as most of the world writes it.
    """
    match = _NUMERIC_DATE.search(text)
    if match is None:
        return False
    first, second = int(match.group(1)), int(match.group(3))
    if first > 12 or second > 12:
        return first > 12
    if match.group(2) == ".":
        return True
    return (zone or "").strip("() ").upper() not in _MONTH_FIRST_ZONES


def _parse_naive(text: str, zone: str | None = None) -> datetime | None:
    """Parse a date without its zone: dateutil for English and numbers, dateparser otherwise."""
    from dateutil import parser as dateutil_parser

    if not re.search(_YEAR, text):
        return None  # a date without a year ("Jan 3", "5 hours ago") cannot be placed in time
    cleaned = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", text)
    cleaned = re.sub(r"\s+at\s+", " ", cleaned)
    cleaned = re.sub(r"\s*[|•·]\s*", " ", cleaned)
    try:
        parsed: datetime | None = dateutil_parser.parse(
            cleaned, default=datetime(1900, 1, 1), dayfirst=_day_first(cleaned, zone)
        )
        return parsed
    except (ValueError, OverflowError):
        pass
    import dateparser

    fallback: datetime | None = dateparser.parse(
        text, settings={"RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": ["year"]}
    )
    return fallback


def to_utc(raw: str, *, default_tz: str | None = None) -> str | None:
    """Normalise a printed date to ISO 8601 UTC (``YYYY-MM-DDTHH:MM:SSZ``).

    Args:
        raw: The date as printed, e.g. ``"14 Jan 2022, 01:42 GMT+10"``; a leading "Published",
            "Posted" or "Updated" and a weekday are tolerated.
        default_tz: Zone to assume when ``raw`` prints a time but no zone: an IANA name
            ("Europe/London"), an abbreviation ("BST") or an offset ("GMT+1"). UTC when None.

    Returns:
        The UTC timestamp, midnight UTC for a date printed without a time, or None when ``raw``
        holds no complete date (no year, relative dates such as "3 hours ago", garbage).
    """
    text = " ".join(raw.split())
    if not text:
        return None
    if _ISO.match(text):
        try:
            iso = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            iso = None
        if iso is not None:
            return _finish(iso, default_tz, has_time=True)
    found = find_date(text)
    if found:
        text = found
    tz: tzinfo | None = None
    zone: str | None = None
    tz_match = _TZ_AT_END.search(text)
    if tz_match and _HAS_TIME.search(text[: tz_match.start()]):
        tz = _tz_from_token(tz_match.group(0))
        if tz is not None:
            zone = tz_match.group(0)
            text = text[: tz_match.start()]
    parsed = _parse_naive(text.strip(" ,|-"), zone)
    if parsed is None or parsed.year == 1900:
        return None
    has_time = bool(_HAS_TIME.search(text))
    if tz is not None and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return _finish(parsed, default_tz, has_time=has_time)


def _finish(value: datetime, default_tz: str | None, *, has_time: bool) -> str:
    if not has_time:
        return value.strftime("%Y-%m-%dT00:00:00Z")
    if value.tzinfo is None:
        zone = _named_zone(default_tz) if default_tz else None
        value = value.replace(tzinfo=zone or UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def nearest_date(
    dates: list[tuple[int, str]], loose: list[tuple[int, str]], title: int | None, body: int
) -> str | None:
    """Pick the printed date nearest below the headline (or nearest above the body).

    Pages print other dates too (the day's date in the masthead, "most read" items, a
    ticker); the story's own date sits under its headline, next to the byline. A date that
    can be placed in time beats "3 hours ago"; a date line beats a date inside another line.

    Args:
        dates: ``(line index, printed date)`` of date lines and bylines.
        loose: ``(line index, printed date)`` of dates found inside other lines.
        title: Line index of the headline, if known.
        body: Line index where the body starts (the anchor without a headline).

    Returns:
        The printed date chosen, or None when there is none.
    """
    anchor = title if title is not None else body

    def rank(item: tuple[int, str, int]) -> tuple[bool, int, int]:
        index, raw, penalty = item
        gap = index - anchor
        return (to_utc(raw) is None, (0 if gap >= 0 else 1), abs(gap) + penalty)

    items = [(i, raw, 0) for i, raw in dates] + [(i, raw, _LOOSE_PENALTY) for i, raw in loose]
    return min(items, key=rank)[1] if items else None


_LOOSE_PENALTY = 4  # lines a date printed inside another line counts as further away
