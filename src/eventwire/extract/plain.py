"""Extract the story from a plain-text page (a crawler's text dump, a feed body, a .txt file).

No library removes furniture from text that has already lost its markup, so this module does
it from line shapes and positions (see ``eventwire.extract.furniture`` for the line labels and
the documented list of ``Removed.kind`` values):

1. Split the page into non-empty lines (re-joining paragraphs of a dump hard-wrapped at a
   fixed width); one body line is one paragraph.
2. Find the body: every line gets a score (a prose line earns its length; menu items, teasers,
   block headers and other furniture cost; a copyright or cookie notice costs more than any
   story) and the body is the span with the highest total. A "Related" box or a few menu
   items inside the story cost less than the prose around them, so they do not split it;
   below a comments header, prose counts for little (readers' comments are not the story).
3. Above the body is the header zone (site name, navigation, title, date line, byline); below
   it the footer zone (trailers, promotions, related stories, comments, copyright). Every line
   that is not body becomes a ``Removed`` record, grouped into blocks of one kind.
4. Title: when the dump starts with the window title ("Headline | Site"), the line that
   repeats it; otherwise its headline part; otherwise the short line printed before the
   story's metadata. Date: the printed date nearest below the headline. Origin, publisher,
   dateline, byline and cited sources come from the zones as well.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from eventwire.extract.dates import find_date, nearest_date, to_utc
from eventwire.extract.furniture import (
    REASONS,
    LineInfo,
    block_header,
    inspect_line,
    is_date_line,
    is_teaser,
    names_in_furniture,
    split_glued,
    unwrap,
    window_title,
)
from eventwire.extract.provenance import (
    byline_of,
    canonical_outlet,
    find_cited_sources,
    origin_from_body,
    publisher_from_url,
    trailer_outlet,
)
from eventwire.extract.residue import clean_paragraphs
from eventwire.records import Article, Page, Rejected, Removed

__all__ = ["extract_plain"]

# Furniture kinds that may sit inside a story without ending it (inline ads, links, promos).
_INLINE_KINDS = frozenset(
    {"advertisement", "related link", "newsletter or promotion", "share links", "repeated line"}
)
# Line labels that a related-stories or comments block absorbs.
_BLOCK_MEMBERS = frozenset({"teaser", "date line", "related link", "byline", "navigation"})
# Furniture that closes a page: no story continues after a copyright or a cookie notice.
_HARD_FURNITURE = frozenset({"copyright", "cookie notice"})
_STORY_CHARS = 300  # prose above a comments header (in 3+ lines) that makes it the footer
_COMMENT_WEIGHT = 0.2
_TAGLINE = re.compile(r"^(?P<name>[^—|–:]{2,40}?)\s+(?:—|–|\||-|::?)\s+\S.*$")
_DATELINE_PREFIX = re.compile(
    r"^(?P<all>(?:[A-Z][A-Z .'’/-]{1,40}(?:,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,2})?)?\s*"
    r"\([^()]{2,40}\)\s*[-–—:]+\s*)(?=\S)"
)


@dataclass(frozen=True, slots=True)
class _Line:
    index: int
    info: LineInfo

    @property
    def text(self) -> str:
        return self.info.text


def _lines(text: str) -> list[_Line]:
    out: list[str] = []
    for raw in unwrap(text.replace("\ufeff", "").splitlines()):
        line = " ".join(raw.split())
        if line:
            out.extend(split_glued(line))
    return [_Line(i, inspect_line(t)) for i, t in enumerate(out)]


def _line_score(line: _Line) -> float:
    """Score a line as body evidence: prose earns its length, furniture and menus cost.

    The body is the span of lines with the highest total score, so a few menu items or a
    two-headline "Related" box inside the story cost less than the prose on both sides earns,
    while a long menu or a footer costs more than any prose beyond it.
    """
    info = line.info
    cue = info.cue
    if cue == "comments":
        return -math.inf  # comments follow the story; their prose is never body
    if cue in _HARD_FURNITURE:
        return -400.0
    if info.prose:
        return float(len(line.text))
    if cue == "related-stories list":
        return -120.0
    if cue == "date line":
        return -100.0  # a story prints its date once, above it; dated lines below are teasers
    if cue is not None or info.ellipsis or is_teaser(line.text):
        return -40.0
    if info.words >= 12 and not info.link_like:
        return 0.0  # a long list item, a paragraph without a final stop, or a headline
    return -10.0 if info.words >= 5 else -25.0


def _body_span(lines: Sequence[_Line]) -> tuple[int, int] | None:
    """Return the first and last index of the main body, or None when no prose is found.

    The body is the maximum-sum run of line scores (see ``_line_score``); it must hold a
    prose line, or, for bodies of short lines (transcripts, lists), a long line without a cue.
    """
    if not any(ln.info.prose for ln in lines):
        long_lines = [ln.index for ln in lines if ln.info.cue is None and ln.info.words >= 12]
        if not long_lines:
            return None
        return long_lines[0], long_lines[-1]
    best = (0.0, -1, -1)
    total, first = 0.0, 0
    seen_chars, seen_lines, damp = 0, 0, 1.0
    for line in lines:
        score = _line_score(line)
        if line.info.cue == "comments" and seen_chars >= _STORY_CHARS and seen_lines >= 3:
            damp = _COMMENT_WEIGHT  # readers' comments below a story: prose is weak evidence
        if score > 0:
            seen_chars, seen_lines = seen_chars + len(line.text), seen_lines + 1
            score *= damp
        if total <= 0:
            total, first = 0.0, line.index
        total += score
        if total > best[0]:
            best = (total, first, line.index)
    if best[1] < 0:
        return None
    return best[1], best[2]


def _find_title(header: Sequence[_Line], kinds: dict[int, str]) -> tuple[int | None, int | None]:
    """Return (title index, site-name index) among the header lines not yet labelled.

    A headline is a short line without a final full stop. Among several, prefer one printed
    right before the story's metadata (date line, byline, credit) or the body, then the first.
    """
    candidates = [
        ln
        for ln in header
        if ln.index not in kinds
        and 1 <= ln.info.words <= 30
        and not ln.text.endswith((".", ","))
        and not ln.info.ellipsis
        and trailer_outlet(ln.text) is None
    ]
    site: int | None = None
    if len(candidates) > 1 and candidates[0].index == header[0].index:
        first = candidates[0]
        if first.info.words <= 4 or _TAGLINE.match(first.text) or "." in first.text:
            site = first.index
            candidates = candidates[1:]
    if not candidates:
        return None, site
    # "Headline | Site" (a window title) next to the bare "Headline": keep the bare one.
    texts = [ln.text for ln in candidates]
    candidates = [
        ln
        for ln in candidates
        if not any(t != ln.text and ln.text.startswith(t + " ") for t in texts)
    ] or candidates
    body_start = header[-1].index + 1
    metadata = {"date line", "byline", "attribution trailer"}

    def score(line: _Line) -> int:
        points = 1 if line is candidates[0] else 0
        points += 1 if 3 <= line.info.words <= 25 else 0
        nxt = line.index + 1
        while nxt < body_start and kinds.get(nxt) in {"navigation", "caption", "advertisement"}:
            nxt += 1  # skip short labels printed between a headline and its metadata
        if nxt < body_start and kinds.get(nxt) in metadata:
            points += 2
        elif nxt == body_start:
            points += 1
        return points

    best = max(candidates, key=lambda ln: (score(ln), -ln.index))
    return best.index, site


@dataclass
class _Found:
    """What the header and footer zones say about the story."""

    title: str | None = None
    site_name: str | None = None
    date_raw: str | None = None
    title_at: int | None = None  # the header line that repeats the window title
    dates: list[tuple[int, str]] = field(default_factory=list)  # date and byline lines
    loose_dates: list[tuple[int, str]] = field(default_factory=list)  # dates in other lines
    footer_date: str | None = None
    byline: str | None = None
    byline_outlet: str | None = None
    credit: str | None = None
    promo_names: tuple[str, ...] = ()


def _label_header(header: Sequence[_Line], kinds: dict[int, str], found: _Found) -> None:
    block: str | None = None
    for line in header:
        text = line.text
        opened = block_header(text)
        if opened:
            block = opened
            kinds[line.index] = opened
            continue
        if block and (is_teaser(text) or line.info.cue in _BLOCK_MEMBERS):
            kinds[line.index] = block  # a list of other stories printed above this one
            continue
        block = None
        date = is_date_line(text)
        if date:
            found.dates.append((line.index, date))
            kinds[line.index] = "date line"
            continue
        parsed = byline_of(text) if line.info.words <= 16 else None
        if parsed and found.byline is None:
            found.byline, found.byline_outlet = parsed
            in_byline = find_date(text)
            if in_byline:
                found.dates.append((line.index, in_byline))
            kinds[line.index] = "byline"
            continue
        credit = trailer_outlet(text)
        if credit and not line.info.prose:
            found.credit = found.credit or credit
            kinds[line.index] = "attribution trailer"
            continue
        if line.info.cue:
            kinds[line.index] = line.info.cue
    title_index, site_index = _find_title(header, kinds)
    if found.title_at is not None:
        title_index = found.title_at
        site_index = None if site_index == title_index else site_index
    for line in header:
        if line.index == title_index:
            found.title = line.text
            kinds[line.index] = "title"
        elif line.index == site_index:
            match = _TAGLINE.match(line.text)
            found.site_name = match.group("name").strip() if match else line.text
            kinds[line.index] = "site name"
        elif line.index not in kinds:
            kinds[line.index] = "navigation" if line.info.words <= 3 else "header"
        if kinds[line.index] in {"header", "navigation"} and find_date(line.text):
            found.loose_dates.append((line.index, find_date(line.text) or ""))
    found.title_at = title_index


def _label_footer(footer: Sequence[_Line], kinds: dict[int, str], found: _Found) -> None:
    block: str | None = None
    after_prev_next = False
    for line in footer:
        text = line.text
        header = block_header(text)
        if header:
            block = header
            kinds[line.index] = header
            continue
        credit = trailer_outlet(text) if block is None else None
        if credit:
            found.credit = found.credit or credit
            kinds[line.index] = "attribution trailer"
            continue
        cue = line.info.cue
        if block and cue in _BLOCK_MEMBERS:
            cue = None  # a teaser, a date or a link inside a list belongs to the list
        if cue == "navigation" and line.info.words <= 4:
            after_prev_next = True
            kinds[line.index] = cue
            continue
        if cue:
            kinds[line.index] = cue
            block = None if cue not in {"comments", "related-stories list"} else block
        elif block:
            kinds[line.index] = block
        elif after_prev_next and not line.info.sentence_end:
            kinds[line.index] = "navigation"
        elif is_teaser(text):
            kinds[line.index] = "teaser"
        else:
            kinds[line.index] = "footer"
        after_prev_next = False
        if found.footer_date is None and kinds[line.index] == "date line":
            found.footer_date = is_date_line(text)


def _promo_names(lines: Sequence[_Line], kinds: dict[int, str]) -> tuple[str, ...]:
    names: Counter[str] = Counter()
    for line in lines:
        if kinds.get(line.index) in {"newsletter or promotion", "copyright"}:
            names.update(names_in_furniture(line.text))
    return tuple(name for name, _ in names.most_common())


def _body_paragraphs(
    lines: Sequence[_Line], start: int, end: int, kinds: dict[int, str], title: str | None
) -> tuple[list[str], dict[int, list[Removed]]]:
    """Return the body paragraphs and, by line index, the fragments cut inside body lines."""
    seen = {title.casefold()} if title else set()
    kept: list[_Line] = []
    block: str | None = None  # a "Related" box printed inside the story, until prose resumes
    for line in lines[start : end + 1]:
        key = line.text.casefold()
        if line.info.cue == "related-stories list" or (block and not line.info.prose):
            block = "related-stories list"
            kinds[line.index] = block
            continue
        block = None
        if key in seen:
            kinds[line.index] = "repeated line"
        elif line.info.ellipsis and line.info.words <= 30:
            kinds[line.index] = "teaser"
        elif line.info.cue and (
            not line.info.prose or (line.info.cue in _INLINE_KINDS and line.info.words <= 40)
        ):
            kinds[line.index] = line.info.cue
        else:
            kept.append(line)
            seen.add(key)
    paragraphs: list[str] = []
    cuts: dict[int, list[Removed]] = {}
    seen = {title.casefold()} if title else set()
    for line, cleaned in zip(kept, clean_paragraphs([ln.text for ln in kept]), strict=True):
        cuts[line.index] = list(cleaned.removed)
        for piece in cleaned.pieces:
            if piece.casefold() in seen:  # a caption left whole once its credit is cut
                cuts[line.index].append(_block("repeated line", [piece], "in the story"))
            else:
                paragraphs.append(piece)
                seen.add(piece.casefold())
    return paragraphs, {i: c for i, c in cuts.items() if c}


def _removed(
    lines: Sequence[_Line], kinds: dict[int, str], start: int, inline: dict[int, list[Removed]]
) -> list[Removed]:
    blocks: list[Removed] = []
    current: tuple[str, list[str], str] | None = None
    for line in lines:
        kind = kinds.get(line.index)
        if kind is None or kind == "title":
            if current:
                blocks.append(_block(*current))
            current = None
            blocks.extend(inline.get(line.index, ()))
            continue
        zone = "above the story" if line.index < start else "in or below the story"
        if current and current[0] == kind:
            current[1].append(line.text)
        else:
            if current:
                blocks.append(_block(*current))
            current = (kind, [line.text], zone)
    if current:
        blocks.append(_block(*current))
    return blocks


def _block(kind: str, texts: list[str], zone: str) -> Removed:
    return Removed(kind=kind, text="\n".join(texts), reason=f"{REASONS[kind]} ({zone})")


def _strip_dateline(paragraphs: list[str]) -> tuple[list[str], Removed | None]:
    if not paragraphs:
        return paragraphs, None
    origin, _, _ = origin_from_body(paragraphs[:1])
    match = _DATELINE_PREFIX.match(paragraphs[0])
    if origin is None or match is None or byline_of(paragraphs[0]):
        return paragraphs, None
    cut = match.group("all")
    removed = Removed(kind="dateline", text=cut.strip(), reason=REASONS["dateline"])
    return [paragraphs[0][len(cut) :], *paragraphs[1:]], removed


def _publisher(found: _Found, origin: str | None, url: str | None) -> str | None:
    def differs(name: str | None) -> bool:
        return bool(name) and (origin is None or _same(name, origin) is False)

    for name in found.promo_names:
        if differs(name):
            return name
    if found.site_name and differs(found.site_name):
        return found.site_name
    return publisher_from_url(url)


def _same(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    norm_a = (canonical_outlet(a) or a).casefold().removeprefix("the ")
    norm_b = (canonical_outlet(b) or b).casefold().removeprefix("the ")
    return norm_a == norm_b


def extract_plain(page: Page, text: str) -> Article | Rejected:
    """Extract the story, its metadata and its provenance from a plain-text page.

    Args:
        page: The page (its ``id``, ``url`` and ``hints`` are used).
        text: The page's decoded text.

    Returns:
        An :class:`Article` whose ``removed`` lists every cut block, or a :class:`Rejected`
        when no line of the page reads like a story.
    """
    lines = _lines(text)
    span = _body_span(lines)
    if span is None:
        return Rejected(
            stage="extract",
            reason="no article body found in plain text (no line reads like a paragraph)",
            source=page.source,
            doc_id=page.id,
        )
    start, end = span
    kinds: dict[int, str] = {}
    found = _Found()
    found.title_at, window_part = window_title([ln.info for ln in lines], start)
    if found.title_at is not None and start <= found.title_at < end:
        start = found.title_at + 1  # the headline opened the span: it is not body
    _label_header(lines[:start], kinds, found)
    if window_part:
        if found.title is not None and found.title_at is not None:
            kinds[found.title_at] = "header"  # the window title names the story better
        found.title = window_part
    _label_footer(lines[end + 1 :], kinds, found)
    found.promo_names = _promo_names(lines, kinds)
    if found.site_name and found.credit and _same(found.site_name, found.credit):
        # A header naming the outlet that the trailer credits is the origin, not the site.
        kinds[next(i for i, k in kinds.items() if k == "site name")] = "attribution trailer"
        found.site_name = None
    found.dates += [(ln.index, is_date_line(ln.text) or "") for ln in lines[start : start + 4]
                    if ln.info.cue == "date line"]  # fmt: skip
    found.date_raw = (
        nearest_date(found.dates, found.loose_dates, found.title_at, start) or found.footer_date
    )
    paragraphs, inline_cuts = _body_paragraphs(lines, start, end, kinds, found.title)
    paragraphs, dateline_cut = _strip_dateline(paragraphs)
    body_origin, dateline, body_byline = origin_from_body(
        ([dateline_cut.text] if dateline_cut else []) + paragraphs[:1]
    )
    origin = (body_origin if dateline else None) or found.credit or found.byline_outlet
    removed = _removed(lines, kinds, start, inline_cuts)
    if dateline_cut:
        removed.insert(sum(1 for r in removed if "above" in r.reason), dateline_cut)
    url = page.url or page.hints.get("url")
    # A title the container recorded (JSON Lines, feed entry) was read from markup we no
    # longer have; it beats a guess from the text (a caption line can look like a headline).
    title = page.hints.get("title") or found.title
    published_raw = found.date_raw
    published = to_utc(published_raw) if published_raw else None
    if published is None and page.hints.get("published_at"):
        published_raw = page.hints["published_at"]
        published = to_utc(published_raw)
    body = "\n\n".join(paragraphs)
    return Article(
        doc_id=page.id,
        url=url,
        title=title,
        paragraphs=tuple(paragraphs),
        text=body,
        language=None,
        published_at=published,
        published_at_raw=published_raw,
        origin=origin,
        publisher=_publisher(found, origin, url),
        cited_sources=find_cited_sources(body),
        dateline=dateline,
        byline=found.byline or body_byline,
        removed=tuple(removed),
    )
