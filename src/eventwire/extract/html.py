"""HTML extraction: trafilatura finds the story, eventwire adds dates, provenance and cuts.

    extract_html(page, text)
      ├── trafilatura, favouring precision; its default mode when that keeps too little text
      ├── promo, teaser and credit paragraphs trafilatura kept are cut, each one explained
      ├── publication date from the page's own metadata (meta tags, JSON-LD, <time>),
      │   then htmldate, then the page's hint; normalised to UTC
      └── origin, dateline and byline from the body; publisher from the site name or URL

Trafilatura never runs in threads here: with lxml 6 two threads extracting at once crash the
interpreter, so parallel extraction uses processes (``extract.workers``).
"""

from __future__ import annotations

import json
import logging
import re
from configparser import ConfigParser
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from eventwire.extract.dates import to_utc
from eventwire.extract.provenance import (
    find_cited_sources,
    origin_from_body,
    publisher_from_url,
)
from eventwire.extract.residue import clean_paragraphs
from eventwire.records import Article, Page, Rejected, Removed

__all__ = ["extract_html", "promo_kind"]

# Favour-precision output shorter than this share of the default output means precision mode
# dropped real paragraphs (measured on the scrapinghub benchmark: any ratio in 0.3-0.6 is best).
_PRECISION_KEEP_RATIO = 0.5
# A page with no paragraph of this many words (or characters, for scripts written without
# spaces) is a menu or a link list, not a story.
_MIN_PROSE_WORDS = 8
_MIN_PROSE_CHARS = 80
# Only short paragraphs are tested against the promo patterns: a long one is prose even if it
# happens to start with "More" or mention a newsletter.
_PROMO_MAX_CHARS = 300

# Paragraphs trafilatura kept that are page furniture, not story: (kind, reason, pattern),
# tested in order. Kinds are the stable list of ``eventwire.extract.furniture``, so HTML and
# plain-text cuts read alike. Its line classifier was measured here too: adding it cut more
# true story lines than furniture on the scrapinghub pages (F1 0.9718 against 0.9725).
_PROMO_RULES: tuple[tuple[str, str, str], ...] = (
    (
        "related link",
        "a link to another story inside the body",
        r"^(?:read|see|watch|listen)(?: more| also| next)?\s*[:|]"
        r"|^(?:also read|read also|related(?: posts?| stories| articles| coverage| content)?"
        r"|more(?: on this(?: story)?| from [\w .]+)?|also)\s*(?:[:|…]|\.\.\.|$)",
    ),
    (
        "related-stories list",
        "the heading of a list of other stories",
        r"^(?:don'?t miss|most read(?: in [\w ]+)?|you (?:may|might) also like"
        r"|recommended(?: for you)?|trending(?: now)?|popular(?: now)?|top stories"
        r"|more stories|latest news)\s*(?:[:|…]|\.\.\.|$)",
    ),
    (
        "teaser",
        "a headline teasing another story",
        r"\[(?:insight|video|news|reaction|warning|pics|photos|poll|latest)\]\W*$"
        r"|^also on [\w.]+\s",
    ),
    (
        "comments",
        "comment section furniture",
        r"^(?:\d+\s+)?comments?\s*(?:\(\d+\))?$|^(?:leave|post|write|add) a (?:comment|reply)"
        r"|^tell us what you think|^join the (?:conversation|discussion)",
    ),
    ("tags", "a tag or category list", r"^(?:tags?|filed under|categories|topics)\s*:"),
    (
        "share links",
        "a social sharing prompt",
        r"^share(?: this(?: article| story| post)?)?\s*(?:[:|]|$)"
        r"|like this (?:story|article)\?\s*share|click to tweet\s*$",
    ),
    (
        "newsletter or promotion",
        "an invitation to follow the site on social media",
        r"\bfollow\b.{0,80}\bon\b.{0,30}\b(?:twitter|facebook|instagram|youtube|tiktok)\b",
    ),
    (
        "newsletter or promotion",
        "a newsletter sign-up promo",
        r"\b(?:sign(?:ing)?[ -]?up|subscrib\w*|get)\b.{0,80}"
        r"\b(?:newsletters?|inbox|by email|daily edition)\b"
        r"|\bnewsletters?\b.{0,40}\b(?:sign up|subscribe)\b|\bsign up(?: here| now| today)?\W*$",
    ),
    (
        "newsletter or promotion",
        "an invitation to write to the editor",
        r"^we (?:want|would like|'d like) to hear (?:what you think|from you)"
        r"|\bcommitted to publishing a diversity of letters",
    ),
    (
        "newsletter or promotion",
        "a marketing or subscription promo",
        r"^if you (?:enjoyed|liked|value) (?:this|our)|^(?:click|tap) here\b"
        r"|^support (?:our|independent) journalism|^have a (?:news )?tip\?",
    ),
    (
        "caption",
        "an image or video credit",
        r"^\(?(?:main |photo |image |picture |video )?credits?\s*:",
    ),
    (
        "copyright",
        "a copyright or reuse notice",
        r"^copyright\b|this copy is for your personal,? non-commercial use",
    ),
    # Staff and agency credits ("Reporting by ...", "AP writers ... contributed") are cut from
    # the body but still read for cited sources.
    (
        "attribution trailer",
        "a staff or agency credit line (read for cited sources)",
        r"^\(?(?:additional )?reporting by\b|^\(?(?:writing|editing|edited|compiled) by\b"
        r"|\bcontributed (?:reporting|to this (?:report|story|article))\.?\)?$"
        r"|^source\s*:\s*[\w .,&]+$",
    ),
)
_PROMO_RE = tuple((kind, reason, re.compile(p, re.I)) for kind, reason, p in _PROMO_RULES)
_CREDIT_KINDS = frozenset({"attribution trailer", "copyright"})
_TITLE_REASON = "the headline repeated at the top of the body (kept in Article.title)"

# Where pages print their publication time, best first (Open Graph, schema.org, Dublin Core,
# common CMS meta names, then the first <time datetime>).
_DATE_XPATHS: tuple[str, ...] = (
    '//meta[@property="article:published_time"]/@content',
    '//meta[@property="og:article:published_time"]/@content',
    '//meta[@itemprop="datePublished"]/@content',
    '//*[@itemprop="datePublished"]/@datetime',
    '//meta[translate(@name,"ABCDEFGHIJKLMNOPQRSTUVWXYZ","abcdefghijklmnopqrstuvwxyz")='
    '"article:published_time" or @name="pubdate" or @name="publishdate" or @name="publish-date"'
    ' or @name="parsely-pub-date" or @name="sailthru.date" or @name="DC.date.issued"'
    ' or @name="dc.date" or @name="DC.date" or @name="date"]/@content',
)
_TIME_XPATH = "//time[@datetime]/@datetime"
_JSON_LD_XPATH = '//script[@type="application/ld+json"]/text()'
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—:-]|::|»)\s+")


@dataclass(frozen=True, kw_only=True, slots=True)
class _Found:
    """What trafilatura found on a page, before eventwire's own cuts."""

    paragraphs: tuple[str, ...]
    title: str | None
    author: str | None
    sitename: str | None
    date: str | None


def extract_html(page: Page, text: str) -> Article | Rejected:
    """Extract the story from an HTML page.

    Args:
        page: The page (its id, URL, fetch time and hints are used).
        text: The page decoded to text.

    Returns:
        The article, or a :class:`Rejected` record when the page holds no main text or cannot
        be parsed at all.
    """
    url = page.url or page.hints.get("url")
    tree = _parse(text)
    if tree is None:
        return _reject(page, "HTML could not be parsed")
    raw_date = _meta_date(tree)
    found = _trafilatura(text, url=url, max_date=_day(page.fetched_at))
    if found is None or not found.paragraphs:
        return _reject(page, "no article text found in the HTML page (trafilatura)")
    paragraphs, removed = _cut_promos(found.paragraphs)
    # Furniture glued inside paragraphs (captions, credits, video text) that trafilatura kept.
    cleaned = clean_paragraphs(paragraphs)
    paragraphs = tuple(piece for c in cleaned for piece in c.pieces)
    removed = (*removed, *(r for c in cleaned for r in c.removed))
    title = _clean_title(found.title, found.sitename or publisher_from_url(url), url)
    if paragraphs and title and _same_text(paragraphs[0], title):
        removed = (Removed(kind="header", text=paragraphs[0], reason=_TITLE_REASON), *removed)
        paragraphs = paragraphs[1:]
    if not any(_is_prose(p) for p in paragraphs):
        return _reject(page, "no article text found: only short lines such as links and menus")
    published_at, published_raw = _published(raw_date, found.date, page.hints.get("published_at"))
    origin, dateline, body_byline = origin_from_body(paragraphs)
    publisher = found.sitename or publisher_from_url(url)
    credits = "\n".join(r.text for r in removed if r.kind in _CREDIT_KINDS)
    body = "\n\n".join(paragraphs)
    return Article(
        doc_id=page.id,
        url=url,
        title=title or page.hints.get("title"),
        paragraphs=paragraphs,
        text=body,
        language=None,
        published_at=published_at,
        published_at_raw=published_raw,
        # A page that credits nobody else was written by the site that publishes it.
        origin=origin or publisher,
        publisher=publisher,
        cited_sources=find_cited_sources(body + "\n\n" + credits if credits else body),
        dateline=dateline,
        byline=found.author or body_byline,
        removed=removed,
    )


def promo_kind(paragraph: str) -> tuple[str, str] | None:
    """Return (kind, reason) when a short paragraph is page furniture, else None."""
    if len(paragraph) > _PROMO_MAX_CHARS:
        return None
    for kind, reason, pattern in _PROMO_RE:
        if pattern.search(paragraph):
            return kind, reason
    return None


def _cut_promos(paragraphs: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[Removed, ...]]:
    kept: list[str] = []
    removed: list[Removed] = []
    for paragraph in paragraphs:
        found = promo_kind(paragraph)
        if found is None:
            kept.append(paragraph)
        else:
            removed.append(Removed(kind=found[0], text=paragraph, reason=found[1]))
    return tuple(kept), tuple(removed)


@lru_cache(maxsize=1)
def _config() -> ConfigParser:
    from trafilatura.settings import use_config

    # Library code must stay quiet; trafilatura and htmldate log every odd page.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    config = use_config()
    # The timeout uses SIGALRM, which a library must not touch (and which fails off the main
    # thread); the time spent on one page is bounded by the ingest size cap instead.
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def _parse(text: str) -> Any:
    from trafilatura.utils import load_html

    try:
        return load_html(text)
    except ValueError:
        return None


def _trafilatura(text: str, *, url: str | None, max_date: str | None) -> _Found | None:
    import trafilatura

    # No extensive search: it guesses from any year in the text ("Copyright 2024" becomes
    # 2024-01-01) and found no extra right date on the gold pages; metadata is read first anyway.
    date_params: dict[str, Any] = {"extensive_search": False, "original_date": True}
    if max_date:
        # Dates after the fetch are impossible; this also keeps results independent of "today".
        date_params["max_date"] = max_date

    def run(*, favor_precision: bool, with_metadata: bool) -> Any:
        return trafilatura.bare_extraction(
            text,
            url=url,
            include_comments=False,
            include_tables=True,
            with_metadata=with_metadata,
            date_extraction_params=date_params,
            config=_config(),
            favor_precision=favor_precision,
        )

    # Metadata does not depend on the mode: read it once (it costs a quarter of a pass).
    precise = run(favor_precision=True, with_metadata=True)
    default = run(favor_precision=False, with_metadata=precise is None)
    chosen = precise
    if default is not None and len(_text(precise)) < _PRECISION_KEEP_RATIO * len(_text(default)):
        chosen = default
    if chosen is None:
        return None
    meta = precise if precise is not None else default
    paragraphs = tuple(
        p for p in (" ".join(line.split()) for line in _text(chosen).split("\n")) if p
    )
    return _Found(
        paragraphs=paragraphs,
        title=_str(meta.title),
        author=_str(meta.author),
        sitename=_str(meta.sitename),
        date=_str(meta.date),
    )


def _text(document: Any) -> str:
    return str(document.text or "") if document is not None else ""


def _str(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _day(timestamp: str) -> str | None:
    match = re.match(r"\d{4}-\d\d-\d\d", timestamp or "")
    return match.group(0) if match else None


def _meta_date(tree: Any) -> str | None:
    """Return the publication time the page's metadata prints, exactly as printed."""
    for xpath in _DATE_XPATHS:
        for value in tree.xpath(xpath):
            if str(value).strip():
                return str(value).strip()
    for script in tree.xpath(_JSON_LD_XPATH):
        found = _json_ld_date(str(script))
        if found:
            return found
    for value in tree.xpath(_TIME_XPATH):
        if re.match(r"\d{4}-\d\d-\d\d", str(value).strip()):
            return str(value).strip()
    return None


def _json_ld_date(script: str) -> str | None:
    try:
        data = json.loads(script)
    except ValueError:
        return None
    stack: list[Any] = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, str) and value.strip():
                return value.strip()
            stack.extend(v for v in item.values() if isinstance(v, dict | list))
    return None


def _published(
    meta: str | None, found: str | None, hint: str | None
) -> tuple[str | None, str | None]:
    """Return (UTC timestamp, date as printed): page metadata, then htmldate, then the hint."""
    for raw in (meta, found, hint):
        if raw:
            utc = to_utc(raw)
            if utc:
                return utc, raw
    return None, meta or found


def _clean_title(title: str | None, publisher: str | None, url: str | None) -> str | None:
    """Drop a site-name suffix or prefix ("Headline | Site") from a page title."""
    if not title:
        return None
    if publisher and len(title) > len(publisher):
        # A site name that itself holds separators ("WSVN 7News | Miami News") goes whole.
        for pattern in (
            rf"\s+(?:[|–—:-]|::|»)\s+{re.escape(publisher)}$",
            rf"^{re.escape(publisher)}\s+(?:[|–—:-]|::|»)\s+",
        ):
            title = re.sub(pattern, "", title)
    host = publisher_from_url(url) or ""
    # The site as named in metadata, its host, and its host without the suffix ("nytimes").
    names = {_squash(publisher or ""), _squash(host), _squash(host.split(".")[0])}
    names = {name for name in names if len(name) >= 3}
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2 or not names:
        return title

    def is_site(part: str) -> bool:
        # The part must hold the whole site name ("BBC News" holds "bbc"); a part that is only
        # contained in it ("News" in "News Nation") may be a section name or the headline.
        key = _squash(part)
        return any(name in key for name in names)

    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
    # Rejoin with the separators the title used between the kept parts.
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if 0 <= start < end else title


def _is_prose(paragraph: str) -> bool:
    return len(paragraph.split()) >= _MIN_PROSE_WORDS or len(paragraph) >= _MIN_PROSE_CHARS


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower().removeprefix("www."))


def _reject(page: Page, reason: str) -> Rejected:
    return Rejected(stage="extract", reason=reason, source=page.source, doc_id=page.id)
