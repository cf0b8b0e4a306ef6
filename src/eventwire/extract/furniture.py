"""Recognise page furniture in plain text, one line at a time.

A line of a plain-text page is classified by its own shape (length, final punctuation, an
ellipsis, a leading all-caps place name, a breadcrumb separator) and by keyword cues that are
phrased the way sites address their readers ("our newsletter", "share this article", "we use
cookies"). ``eventwire.extract.plain`` combines these line labels with the line's position
(header zone, body, footer zone) to decide what is cut; ``eventwire.extract.residue`` then
cuts furniture glued inside the body lines kept.

Kinds of removed blocks (``Removed.kind``), a stable list:

    site name               the site's name or name-and-tagline line at the top
    navigation              menus, breadcrumbs ("News > UK"), previous/next links, footer links
    date line               the printed publication date ("14 Jan 2022, 01:42 GMT+10")
    byline                  "By Sam Patel | The Northern Courier", "Written by ..."
    dateline                a wire dateline cut from the first paragraph ("MOSCOW (Reuters) -")
    attribution trailer     a credit line: "(RT.com)", "Source: X", "Originally published by X"
    newsletter or promotion newsletters, subscriptions, apps, "submit a news release", donations
    advertisement           "Advertisement", "Sponsored content", "Story continues below"
    share links             "Share this article: Facebook Twitter WhatsApp Email"
    tags                    "Tags: politics, parliament", "Categories: World"
    related-stories list    a "Related" / "More Information" / "Trending now" / "You may also
                            like" / "Most read" block with its teaser headlines
    related link            a single "Read more: ..." / "Related: ..." line inside the body
    teaser                  a truncated teaser headline ("DUBLIN, Ireland: ... ...")
    comments                a comments section and its controls
    author box              "About the author: ..."
    copyright               "© 2025 X. All rights reserved."
    cookie notice           "We use cookies ..."
    caption                 a photo caption or credit ("Photo: Reuters", "... REUTERS/Name"),
                            a gallery slide or counter ("Hide Caption 3 of 8")
    image credit            a photo credit glued to the text ("(Photo: Getty Images)")
    video furniture         video player labels ("JUST WATCHED ... MUST WATCH ... 01:26")
    inline promotion        a sign-up form or an appeal to the reader inside a paragraph
    repeated fragment       a sentence printed twice in a row inside one paragraph
    repeated line           a line that repeats an earlier one
    header                  another short line above the story (e.g. a section label)
    footer                  another line below the story
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.extract.residue import RESIDUE_KINDS

__all__ = [
    "KINDS",
    "REASONS",
    "LineInfo",
    "block_header",
    "classify",
    "inspect_line",
    "is_date_line",
    "names_in_furniture",
    "split_glued",
    "unwrap",
    "window_title",
]

KINDS: tuple[str, ...] = (
    "site name",
    "navigation",
    "date line",
    "byline",
    "dateline",
    "attribution trailer",
    "newsletter or promotion",
    "advertisement",
    "share links",
    "tags",
    "related-stories list",
    "related link",
    "teaser",
    "comments",
    "author box",
    "copyright",
    "cookie notice",
    "caption",
    "image credit",
    "video furniture",
    "inline promotion",
    "repeated fragment",
    "repeated line",
    "header",
    "footer",
)

# Why each kind of block is cut, as recorded in ``Removed.reason``.
REASONS: dict[str, str] = {
    "site name": "the site's name above the story",
    "navigation": "menu, breadcrumb or link list",
    "date line": "printed publication date (kept as published_at_raw)",
    "byline": "author line (kept as byline)",
    "dateline": "wire dateline at the start of the first paragraph (kept as dateline)",
    "attribution trailer": "credit line naming the outlet (kept as origin)",
    "newsletter or promotion": "the site promotes itself to the reader",
    "advertisement": "advertisement marker",
    "share links": "social sharing buttons",
    "tags": "tag or category list",
    "related-stories list": "list of links to other stories",
    "related link": "link to another story inside the text",
    "teaser": "truncated teaser headline of another story",
    "comments": "reader comments section",
    "author box": "author biography",
    "copyright": "copyright notice",
    "cookie notice": "cookie consent notice",
    "caption": "photo caption or credit",
    **RESIDUE_KINDS,
    "repeated line": "repeats an earlier line",
    "header": "short line above the story",
    "footer": "line below the story",
}

_I = re.IGNORECASE
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$|[\"”]$")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]*\s*$")
_RELATIVE_AGE = re.compile(
    r"(?:[-–—|•·]\s*)?\b\d+\s+(?:sec|second|min|minute|hour|hr|day|week|month|year)s?\s+ago$", _I
)

# Block headers: a short line that opens a list of links to other stories.
_RELATED_HEADER = re.compile(
    r"^(?:more\s+information|related(?:\s+(?:stories|articles|news|content|coverage|posts|links|"
    r"reading|topics))?|read\s+(?:more|next|also)|more\s+(?:stories|news|headlines|articles|"
    r"(?:from|on|in|like\s+this)\b.*)|most\s+(?:read|popular|viewed|shared|commented)(?:\s+.*)?|"
    r"trending(?:\s+(?:now|stories|news|today))?|you\s+(?:may|might)\s+(?:also\s+)?(?:like|"
    r"enjoy|be\s+interested\s+in)|recommended(?:\s+(?:for\s+you|stories|reading|articles))?|"
    r"(?:top|latest|popular|featured|breaking)\s+(?:stories|news|headlines|articles|videos)|"
    r"what\s+to\s+read\s+next|don'?t\s+miss|editor'?s?\s+picks?|in\s+other\s+news|"
    r"(?:also|elsewhere)\s+on\s+.*|further\s+reading|see\s+also|popular\s+now|"
    r"more\s+to\s+explore|around\s+the\s+web|from\s+around\s+the\s+web|top\s+picks)"
    r"\s*[:.>»›]*$",
    _I,
)
_COMMENTS_HEADER = re.compile(
    r"^[\[(]?\s*(?:\d+\s+)?(?:comments?|responses?|replies|discussion)(?:\s*\(\d+\))?\s*"
    r"[\])]?\s*:?$|^(?:top|best|most\s+\w+|latest|reader)\s+(?:rated\s+)?comments$|"
    r"^(?:leave|post|add|write|submit)\s+an?\s+(?:comment|reply|response)|"
    r"^(?:show|load|view|read|see)\s+(?:all\s+|more\s+)?(?:\d+\s+)?comments|"
    r"^join\s+the\s+(?:conversation|discussion|debate)|^comments\s+are\s+closed|"
    r"^you\s+must\s+be\s+logged\s+in\s+to|^what\s+do\s+you\s+think\??$|^have\s+your\s+say|"
    r"^\d+\s+(?:thoughts|responses|comments|replies|reactions)\s+(?:on|to)\b|^reply$|"
    r"^(?:sort|sorted)\s+by\s+(?:newest|oldest|best|top)",
    _I,
)
_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "cookie notice",
        re.compile(
            r"\b(?:we|this\s+(?:site|website))\s+uses?\s+cookies|\bcookie\s+(?:policy|settings|"
            r"preferences|consent)|\baccept\s+(?:all\s+)?cookies|\buse\s+of\s+cookies",
            _I,
        ),
    ),
    (
        "copyright",
        re.compile(r"^\s*(?:©|\(c\)\s*\d{4}|copyright\b)|all\s+rights\s+reserved", _I),
    ),
    (
        "advertisement",
        re.compile(
            r"\bmay\s+(?:receive|earn)\s+(?:a\s+)?(?:compensation|commission)|"
            r"^(?:advertising\s+)?(?:disclosure|disclaimer)\b|"
            r"^(?:advertisement|advertising|ad|sponsored(?:\s+content)?|promoted(?:\s+content)?|"
            r"paid\s+(?:content|post)|story\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?"
            r"advert\w*)?|scroll\s+to\s+continue(?:\s+with\s+content)?)\s*[:.]?$",
            _I,
        ),
    ),
    (
        "share links",
        re.compile(
            r"^(?:share(?:\s+(?:this|the)\s+(?:article|story|page|post))?\b|share\s+on\b|"
            r"share\s+via\b|tweet\s+this|email\s+this|print\s+this|like\s+this\s*:)",
            _I,
        ),
    ),
    (
        "tags",
        re.compile(
            r"^(?:tags?|topics?|categories|category|filed\s+under|related\s+topics|keywords|"
            r"sections?)\s*:",
            _I,
        ),
    ),
    (
        "caption",
        re.compile(
            r"^(?:photo|image|picture|file\s+photo|photograph|video|credit)\s*:|"
            r"\b(?:REUTERS|Reuters|AFP|AP|EPA|Getty\s+Images|Shutterstock|Xinhua)\s*/\s*[A-Z]|"
            r"\w/\s*(?:Getty\s+Images|AFP|Reuters|REUTERS|AP|EPA|Shutterstock)\b|"
            r"\((?:photo|image|picture|credit)[^()]*\)\s*$|\bphoto(?:graph)?\s+by\s+[A-Z]",
            _I,
        ),
    ),
    (
        "author box",
        re.compile(
            r"^(?i:about\s+the\s+authors?|author\s+(?:bio|profile))\b|"
            r"^(?:[A-Z][\w'.-]+\s+){1,3}(?:is\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:writer|"
            r"reporter|correspondent|editor|journalist|columnist|contributor|producer)\b"
            r"[^.]*\b(?:for|at|covering|based)\b|writes\s+about\b|covers\s+\w+\s+for\b)"
        ),
    ),
    (
        "newsletter or promotion",
        re.compile(
            r"\bnewsletters?\b|\bsign\s+up\b|\bsubscri(?:be|ption)\b|\bdaily\s+(?:dose|email|"
            r"digest|briefing)\b|\bnews\s+release\b|\bpress\s+release\s+to\b|\bdownload\s+"
            r"(?:our|the)\s+\w*\s*app\b|\bfollow\s+us\b|\badvertise\s+with\s+us\b|\bdonate\b|"
            r"\bsupport\s+(?:our|independent)\s+journalism\b|\bbecome\s+a\s+(?:member|"
            r"subscriber|patron)\b|\bin\s+your\s+inbox\b|\bstraight\s+to\s+your\b|"
            r"\bunlimited\s+access\b|\bfree\s+trial\b|\bsend\s+us\s+(?:your|a)\s+(?:tip|story|"
            r"news)|\bgot\s+a\s+(?:news\s+)?tip\b|\bsubmit\s+(?:your|a)\s+(?:story|news|letter)|"
            r"\bnever\s+miss\b|\bdaily\s+edition\b|\bconsider\s+supporting\b|(?:^|[-–—:]\s)"
            r"support\s+(?:the|our|us)\b|\bwe\s+want\s+to\s+hear\b|\bletters?\s+to\s+the\s+editor\b|"
            r"^the\s+latest\s+(?:news|on|from)\b[^.!?]*$",
            _I,
        ),
    ),
)
# Promotions speak to the reader; a body sentence that merely mentions a newsletter does not.
_READER_VOICE = re.compile(
    r"\b(?:you|your|our|us|we)\b|^(?:get|sign|subscribe|join|download|follow|publish|submit|"
    r"support|donate|register|try|click|read|watch|listen)\b",
    _I,
)
_NAV_WORDS = re.compile(
    r"^(?:menu|main\s+menu|search|home(?:page)?|skip\s+to\s+(?:main\s+)?content|sign\s+in|"
    r"log\s*in|log\s+out|register|close|back\s+to\s+top|toggle\s+navigation|sections|"
    r"all\s+sections|navigation|next|previous|prev|next\s+(?:article|story|post|page)|"
    r"previous\s+(?:article|story|post|page)|older\s+posts?|newer\s+posts?|print|email|"
    r"listen|watch|video|live|more|contact(?:\s+us)?|about(?:\s+us)?|privacy(?:\s+policy)?|"
    r"terms(?:\s+(?:of\s+(?:use|service)|and\s+conditions))?|accessibility|sitemap|help|"
    r"faq|jobs|careers|advertise|world|politics|business|sport|sports|opinion|news|"
    r"entertainment|technology|tech|science|health|lifestyle|culture|video|podcasts?)"
    r"\s*[:»›>]?$",
    _I,
)
_PREV_NEXT = re.compile(
    r"^(?:«|‹|<)?\s*(?:previous|prev|next|older|newer)\s+(?:article|story|post|page|entry)"
    r"\s*(?:»|›|>)?\s*:?$",
    _I,
)
_INLINE_LINK = re.compile(
    r"^(?:related|read\s+more|read\s+also|also\s+read|see\s+also|more|recommended|watch|"
    r"listen|read\s+next|click\s+here|more\s+on\s+this\s+story|related\s+(?:story|article|"
    r"coverage|content))\s*(?::|\||–|—|-|»)\s*\S",
    _I,
)
_BREADCRUMB = re.compile(r"^[^.!?]{1,40}(?:\s+(?:>|›|»|/|\\)\s+[^.!?]{1,40})+$")
_PIPE_LINKS = re.compile(r"^[\w&' -]{1,30}(?:\s+[|•·]\s+[\w&' -]{1,30}){2,}$")
_SOCIAL = re.compile(
    r"\b(?:facebook|twitter|whatsapp|email|e-mail|linkedin|reddit|pinterest|telegram|"
    r"copy\s+link|print|messenger|x\.com|bluesky|threads)\b",
    _I,
)
_BYLINE_LEAD = re.compile(
    r"^(?:by|written\s+by|words\s+by|posted\s+by|reporting\s+by|story\s+by|author:?)\s+"
    r"[A-Z]",
)
_DATE_WORDS = re.compile(
    r"\b(?:posted|published|updated|last\s+updated|first\s+published|modified|date|on|at|"
    r"created|\d+\s+min(?:ute)?s?\s+read)\b|[:|•·,()–—-]",
    _I,
)
_SENTENCE_STOP = re.compile(r"[.!?:][\"'”’)\]]*$")
_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", _I)
_TEASER_PLACE = re.compile(r"^[A-Z][A-Z.'’ /-]{2,}(?:,\s*[A-Z][\w.' ]*)?:\s")
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")
# A heading glued to the next line when markup was stripped: "More InformationLONDON, U.K.: ..."
_GLUED = re.compile(r"^(?P<head>[A-Z][\w' ]{2,40}?[a-z])(?P<rest>[A-Z][A-Z.'’ /-]{2,}[,:].*)$")


@dataclass(frozen=True, slots=True)
class LineInfo:
    """Shape of one line of text, computed once."""

    text: str
    words: int
    sentence_end: bool
    ellipsis: bool
    cue: str | None  # furniture kind from a keyword cue, if any

    @property
    def prose(self) -> bool:
        """Tell whether the line reads like a body paragraph (a full sentence, no cue)."""
        return self.cue is None and self.words >= 8 and self.sentence_end and not self.ellipsis

    @property
    def link_like(self) -> bool:
        """Tell whether the line is a bare web address."""
        return bool(_BARE_URL.match(self.text))


def split_glued(line: str) -> list[str]:
    """Split a block heading glued to the line after it ("More InformationLONDON, U.K.: ...")."""
    match = _GLUED.match(line)
    if match and (block_header(match.group("head")) or _NAV_WORDS.match(match.group("head"))):
        return [match.group("head"), match.group("rest")]
    return [line]


def unwrap(raw: list[str]) -> list[str]:
    """Join paragraphs that a text dump wrapped at a fixed width back into one line each.

    A dump wrapped at N columns has most of its long lines just under N characters; a line
    that reaches the margin continues on the next one, unless a blank line follows, it ends a
    sentence, or it is a Title Case headline. Other dumps are returned unchanged.

    Args:
        raw: The page's lines, as split.

    Returns:
        The lines, with wrapped paragraphs joined.
    """
    lengths = sorted(len(line.rstrip()) for line in raw if len(line.strip()) >= 30)
    if len(lengths) < 8:
        return raw
    width = lengths[int(0.9 * (len(lengths) - 1))]
    near_margin = sum(1 for n in lengths if width - 20 <= n <= width)
    if width > 120 or lengths[-1] > width + 40 or near_margin < 0.6 * len(lengths):
        return raw
    out: list[str] = []
    joining = False
    for line in raw:
        if joining and line.strip():
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
        joining = len(line.rstrip()) >= width - 20 and _runs_on(line)
    return out


def _runs_on(line: str) -> bool:
    """Tell whether a line at the wrap margin is cut mid-sentence (not a headline or a stop)."""
    words = line.split()
    if not words or _SENTENCE_STOP.search(line.rstrip()):
        return False
    # A Title Case line is a headline that happens to reach the margin.
    return any(w[:1].islower() for w in words if len(w) >= 4)


def block_header(line: str) -> str | None:
    """Return "related-stories list" or "comments" when ``line`` opens such a block."""
    text = line.strip()
    words = len(text.split())
    if words <= 14 and _COMMENTS_HEADER.match(text):
        return "comments"
    if words <= 7 and _RELATED_HEADER.match(text):
        return "related-stories list"
    return None


def is_date_line(line: str) -> str | None:
    """Return the printed date when ``line`` is nothing but a date (with "Posted", "Updated")."""
    from eventwire.extract.dates import CLOCK_PATTERN, DATE_PATTERN, find_date

    text = line.strip()
    if len(text) > 120:
        return None
    found = find_date(text)
    if found:
        rest = _DATE_WORDS.sub(" ", CLOCK_PATTERN.sub(" ", DATE_PATTERN.sub(" ", text)))
        if len(rest.split()) <= 2:
            return found
        return None
    if _RELATIVE_AGE.search(text) and len(_DATE_WORDS.sub(" ", text).split()) <= 4:
        return text
    return None


def is_teaser(line: str) -> bool:
    """Tell whether ``line`` is a teaser headline: truncated, aged, or numbered and short."""
    text = line.strip()
    if _ELLIPSIS.search(text):
        return True
    if _RELATIVE_AGE.search(text):
        return True
    words = len(text.split())
    return bool(_NUMBERED.match(text) and words <= 16 and not _SENTENCE_END.search(text[-2:]))


def classify(line: str) -> str | None:
    """Return the furniture kind a line's own words show, or None for a possible story line."""
    text = line.strip()
    words = len(text.split())
    if words <= 80:
        for kind, pattern in _CUES:
            if pattern.search(text) and _cue_applies(kind, text, words):
                return kind
    header = block_header(text)
    if header:
        return header
    if words <= 30 and _INLINE_LINK.match(text):
        return "related link"
    if words <= 12 and _PREV_NEXT.match(text):
        return "navigation"
    if is_date_line(text):
        return "date line"
    if words <= 4 and _NAV_WORDS.match(text):
        return "navigation"
    if words <= 20 and (_BREADCRUMB.match(text) or _PIPE_LINKS.match(text)):
        return "navigation"
    if words <= 14 and len(_SOCIAL.findall(text)) >= 2:
        return "share links"
    if words <= 16 and _BYLINE_LEAD.match(text) and not _SENTENCE_END.search(text):
        return "byline"
    if words <= 40 and _TEASER_PLACE.match(text) and _ELLIPSIS.search(text):
        return "teaser"
    return None


def _cue_applies(kind: str, text: str, words: int) -> bool:
    if kind == "newsletter or promotion":
        return words <= 12 or bool(_READER_VOICE.search(text))
    if kind == "share links":
        return words <= 14
    if kind in {"author box", "caption"}:
        return words <= 60
    if kind == "tags":
        return words <= 25
    return kind == "cookie notice" or words <= 40


def inspect_line(line: str) -> LineInfo:
    """Measure a line's shape and keyword cue."""
    text = line.strip()
    return LineInfo(
        text=text,
        words=len(text.split()),
        sentence_end=bool(_SENTENCE_END.search(text)),
        ellipsis=bool(_ELLIPSIS.search(text)),
        cue=classify(text),
    )


# A site names itself next to what it offers: "daily dose of X news", "news release to X",
# "the X newsletter", "subscribe to X".
_SITE_NAME = r"(?P<name>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
_NAME_IN_PROMO = re.compile(
    r"\b(?:dose|news|release|newsletters?|subscribe|subscription|edition|emails?|updates|"
    r"welcome|support)\s+(?:\w+\s+){0,2}?(?:of|to|from|at)\s+(?:the\s+)?"
    + _SITE_NAME
    + r"|\b(?:the\s+)?"
    + _SITE_NAME.replace("<name>", "<name2>")
    + r"\s+(?:daily\s+|weekly\s+)?newsletter\b"
)
_COPYRIGHT_NAME = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<name>[A-Z][\w.&' -]{1,50}?)"
    r"(?:[.,|]|\s+all\s+rights|$)",
    _I,
)
_NOT_A_SITE = re.compile(
    r"^(?:The\s+)?(?:Facebook|Twitter|Instagram|Google|Apple|Email|Our|Your|You|We|News|"
    r"Terms|Privacy|Cookies?|Get|Subscribe|Sign|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b"
)


def names_in_furniture(line: str) -> list[str]:
    """Return site names a promotion or copyright line names ("news release to Belgium Sun")."""
    names: list[str] = []
    match = _COPYRIGHT_NAME.search(line)
    if match:
        names.append(match.group("name").strip(" .,"))
    for found in _NAME_IN_PROMO.finditer(line):
        value = next(v for k, v in found.groupdict().items() if k.startswith("name") and v)
        name = re.sub(r"\s+(?:news|News|NEWS)$", "", value).strip(" .,")
        if name and not _NOT_A_SITE.match(name):
            names.append(name)
    return [n for n in names if n and not _NOT_A_SITE.match(n)]


_WINDOW_SEPARATOR = re.compile(r"\s+(?:[|–—:»·•]|-|::|l)\s+")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold().replace("’", "'"))


def window_title(lines: Sequence[LineInfo], start: int) -> tuple[int | None, str | None]:
    """Find the headline through the page's window title, printed as its first line.

    A crawler's text dump often starts with the window title ("Headline | Site" or
    "Headline - Site"); the page prints the bare headline again above the story.

    Args:
        lines: The page's lines.
        start: Index of the first body line; the repeat is looked for above it (and in the
            body's first two lines, which may have swallowed a long headline).

    Returns:
        ``(index, None)`` with the index of the repeat nearest the body, ``(None, text)``
        with the headline part of the window title when the page never repeats it, or
        ``(None, None)`` when the first line is no window title.
    """
    if start < 2 or not 3 <= lines[0].words <= 40 or lines[0].cue:
        return None, None
    window = lines[0].text
    parts = [p for p in _WINDOW_SEPARATOR.split(window) if p.strip()]
    wanted = {" ".join(_words(p)) for p in [window, *parts] if len(_words(p)) >= 2}
    window_words = Counter(_words(window))
    headline_words = max(len(_words(p)) for p in parts)
    best: int | None = None
    for index in range(1, min(start + 3, len(lines))):
        line = lines[index]
        words = _words(line.text)
        if len(words) < 3 or line.words > 40 or line.cue:
            continue
        if " ".join(words) in wanted:
            best = index
            continue
        overlap = sum((Counter(words) & window_words).values())
        # A near repeat ("Napa Co." for "Napa County"), never a lead sentence quoting it.
        if not line.prose and overlap >= 0.8 * len(words) and overlap >= 0.6 * headline_words:
            best = index
    if best is not None:
        return best, None
    # A headline is long and starts with a capital; "Site — independent news" is a tagline.
    longest = max(parts, key=lambda p: len(_words(p)))
    if len(parts) > 1 and len(_words(longest)) >= 6 and not longest.strip()[0].islower():
        return None, longest.strip()
    return None, None
