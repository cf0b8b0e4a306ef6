"""Quotations in plain text: pair quotation marks, and find the sentence frame around them.

Text only, no parse: offsets point into ``Article.text``; :mod:`eventwire.events.quotes`
reads the parse around what this module finds to tell speech from titles and to name the
speaker.

Quotations are found on the text's quotation marks: straight and curly double marks (single
curly marks only as the outer marks of British-style quotes; inside a double quote they are
nested and left alone). A quote left open at the end of a paragraph counts only when the next
paragraph opens with a mark (the convention for quotes running over several paragraphs); any
other unbalanced mark is ignored. Marks are paired by hand: a tokenizer sees a quotation mark
but does not pair marks over a paragraph or tell a nested quote from an unclosed one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

__all__ = [
    "Marked",
    "frame_end",
    "frame_start",
    "inside",
    "marked_spans",
    "paragraph_starts",
]

_DOUBLE_OPEN = {"“", "„", "«"}
_DOUBLE_CLOSE = {"”", "»"}


@dataclass(frozen=True, slots=True)
class Marked:
    """One quotation between marks: offsets of the content (marks excluded)."""

    start: int
    end: int
    open_at: int
    close_at: int  # one past the closing mark (or the paragraph end when left open)
    paragraph: int


def paragraph_starts(text: str) -> list[int]:
    """Return the offset where each paragraph of ``text`` starts, in order."""
    starts = [0]
    # Paragraphs are separated by blank lines in Article.text, by single newlines elsewhere.
    for match in re.finditer(r"\n\s*", text):
        starts.append(match.end())
    return starts


def marked_spans(text: str, paragraphs: list[int]) -> list[Marked]:
    """Pair quotation marks paragraph by paragraph; never fails on unbalanced marks.

    A quotation in one style may nest one in the other style (`"... “title” ..."`); a second
    opening mark of the same style means the first was never closed, and it is dropped.
    Two apostrophes or backticks ('' ``) are a double mark, as in some wire archives.
    """
    found: list[Marked] = []
    bounds = [*paragraphs[1:], len(text)]
    for index, (p_start, p_end) in enumerate(zip(paragraphs, bounds, strict=True)):
        outer: tuple[int, int, bool] | None = None  # (position, width, curly style)
        nested = False
        single: int | None = None
        i = p_start
        while i < p_end:
            width = 2 if text.startswith(("''", "``"), i) else 1
            ch = {"''": '"', "``": "“"}.get(text[i : i + 2], text[i]) if width == 2 else text[i]
            kind = _mark_kind(
                ch, text[i - 1] if i > p_start else " ", text[i + width : i + width + 1]
            )
            if kind is None:
                if outer is None and ch == "‘" and (i == p_start or text[i - 1] in " ([—-\n"):
                    single = i
                elif single is not None and ch == "’" and _closes_single(text, i, p_end):
                    found.append(_content(text, single, i + 1, 1, index))
                    single = None
                i += width
                continue
            curly = ch not in {'"'}
            if outer is None:
                if kind != "close":
                    outer, nested, single = (i, width, curly), False, None
            elif nested:
                nested = kind == "open"
            elif kind == "open" and curly != outer[2]:
                nested = True
            elif kind == "open" and curly:
                outer = (i, width, curly)  # the earlier mark was never closed
            else:
                found.append(_content(text, outer[0], i + width, outer[1], index, width))
                outer = None
            i += width
        if outer is not None and index + 1 < len(paragraphs):
            following = text[bounds[index] : bounds[index] + 2]
            if following[:1] in _DOUBLE_OPEN or following[:1] == '"' or following == "''":
                end = len(text[:p_end].rstrip())
                found.append(_content(text, outer[0], end, outer[1], index, 0))
    return found


def _mark_kind(ch: str, prev: str, nxt: str) -> str | None:
    """Classify a double mark as "open", "close" or "either" (None: not a double mark)."""
    if ch in _DOUBLE_OPEN:
        return "open"
    if ch in _DOUBLE_CLOSE:
        return "close"
    if ch != '"':
        return None
    if (not nxt or nxt.isspace()) and not prev.isspace():
        return "close"
    if prev.isspace() or prev in "([—–-:":
        return "open"
    return "either"


def _closes_single(text: str, i: int, end: int) -> bool:
    """Say whether a right single mark closes a quotation rather than being an apostrophe."""
    nxt = text[i + 1] if i + 1 < end else " "
    return not nxt.isalnum() and not text[i - 1].isspace()


def _content(
    text: str, open_at: int, close_at: int, open_width: int, paragraph: int, close_width: int = 1
) -> Marked:
    """Return the quotation's content offsets: no marks, no surrounding space or comma."""
    start, end = open_at + open_width, close_at - close_width
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return Marked(start, end, open_at, close_at, paragraph)


def frame_end(text: str, start: int, marks: list[tuple[int, int]]) -> int:
    """Return where the frame after a closing mark ends: sentence end or next quote."""
    nxt = bisect.bisect_left(marks, (start, start))
    limit = marks[nxt][0] if nxt < len(marks) else len(text)
    newline = text.find("\n", start, limit)
    if newline >= 0:
        limit = newline
    stops = _sentence_stops(text, start, limit)
    return stops[0] if stops else limit


def frame_start(text: str, end: int, marks: list[tuple[int, int]]) -> int:
    """Return where the frame before an opening mark starts.

    The frame is the sentence the quotation opens in, back to the previous quotation; a
    quotation opening a paragraph has none unless the paragraph before ends with a colon
    ("Kallas told reporters:").
    """
    prev = bisect.bisect_left(marks, (end, end)) - 1
    limit = marks[prev][1] if prev >= 0 and marks[prev][1] <= end else 0
    segment = text[limit:end]
    core = segment.rstrip()
    if not core.endswith(":"):
        core = segment
    start = limit + core.rfind("\n") + 1
    stops = _sentence_stops(text, start, limit + len(core))
    return stops[-1] if stops else start


# Abbreviations that end with a period inside a sentence ("Mr. Obama said").
_ABBREVIATION_WORDS = """
mr mrs ms dr sen rep gov gen lt col maj capt sgt st jr sr prof rev u.s u.k u.n no vs
jan feb aug sept oct nov dec inc corp co ltd
"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())


def _sentence_stops(text: str, start: int, end: int) -> list[int]:
    """Return the offsets just after each sentence-final ".", "!" or "?" in a stretch."""
    stops = []
    for match in re.finditer(r"[.!?](?=\s|$)", text[start:end]):
        at = start + match.start()
        if text[at] == ".":
            word = re.search(r"([\w.]+)$", text[start:at])
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue  # "Mr.", "John D. Podesta"
        stops.append(at + 1)
    return stops


def inside(char: int, marks: list[tuple[int, int]]) -> bool:
    """Say whether offset ``char`` lies in one of the sorted ``(open_at, close_at)`` marks."""
    i = bisect.bisect_right(marks, (char, 1 << 62)) - 1
    return i >= 0 and marks[i][0] <= char < marks[i][1]
