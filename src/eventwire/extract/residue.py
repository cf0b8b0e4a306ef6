"""Cut page furniture that a text dump glued inside body paragraphs.

A crawler's text dump (news-please's ``text``, a "copy all" of a page) keeps the words of
photo galleries, video players, advertisements and sign-up forms, often on the same line as
the story's sentences: ``... KCNA reported. Hide Caption 1 of 8``, ``JUST WATCHED <title>
Replay More Videos ... MUST WATCH <title> 01:26``, ``... the scene. Advertisement Continue
reading the main story Even as ...``. ``eventwire.extract.plain`` finds furniture one line at
a time; this module finds it inside the lines it kept, from the shapes that players, galleries
and forms print (counters "N of M", ALL-CAPS player labels, credits naming photo agencies,
form messages), never from a list of sites or articles. A paragraph is split where furniture
sat between two of its sentences.

Kinds of removed fragments (``Removed.kind``), added to ``eventwire.extract.furniture.KINDS``:

    caption             a gallery slide ("Photos: <gallery> <caption> Hide Caption 3 of 8"),
                        a gallery widget ("1 of 26 Full Screen Autoplay ... Wait 1 second to
                        continue."), a caption counter or a paragraph that is a photo caption
                        ending in its credit, a bare "Photo" / "Image" label
    image credit        "(Photo: Getty Images)", "(AFP/File)", "©Name (AFP)", "| Photo Credit:
                        AP", "Credit Name/Agency", "(Getty)" between two sentences
    video furniture     "JUST WATCHED ... MUST WATCH ... 01:26", "Replay More Videos", player
                        controls ("Skip Ad", "Ad Loading...", "x Embed x Share"), a "Video" label
    advertisement       "Advertisement", "Continue reading the main story", "Story continues
                        below advertisement" inside a paragraph
    inline promotion    sign-up forms and their messages ("Please verify you're not a robot",
                        "Thank you for subscribing"), "Click here to ...", "Follow us on
                        Twitter", "Email us at ...", "Read or Share this story: ..."
    repeated fragment   a sentence printed twice in a row inside one paragraph

Every cut is a ``Removed`` record; the text it holds plus the pieces kept is the paragraph.
A sentence with none of these cues is never cut, except in three shapes that say what it is:
a short paragraph ending in a photo credit is a caption; a clause without a final stop right
before a credit is that photo's caption; and up to 45 words between two messages of a sign-up
form are the form's blurb ("Newsletter Sign Up ... <blurb> ... Please verify you're not a
robot").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eventwire.records import Removed

__all__ = ["RESIDUE_KINDS", "Cleaned", "clean_paragraphs"]

RESIDUE_KINDS: dict[str, str] = {
    "image credit": "photo credit glued to the text",
    "video furniture": "video player labels and controls",
    "inline promotion": "sign-up form or appeal to the reader inside the text",
    "repeated fragment": "repeats the sentence before it",
}
# Kinds shared with the line labels of ``furniture``; their reasons are said here for fragments.
_SHARED_REASONS: dict[str, str] = {
    "caption": "photo caption, gallery slide or caption counter",
    "advertisement": "advertisement marker inside the text",
}

_I = re.IGNORECASE
# Photo agencies and the outlets whose staff photographers are credited by name.
_AGENCY = (
    r"(?:Getty(?:\s+Images)?|GETTY(?:\s+IMAGES)?|AFP|Agence\s+France-Presse|AP|Associated\s+"
    r"Press|Reuters|REUTERS|EPA(?:-EFE)?|European\s+Pressphoto\s+Agency|PA(?:\s+(?:Wire|Images|"
    r"Media))?|Press\s+Association|Xinhua|Shutterstock|Alamy|Rex(?:\s+Features)?|REX|AAP|"
    r"Anadolu(?:\s+Agency)?|NurPhoto|SIPA|Sipa|Corbis|ZUMA(?:\s+Wire)?|Zuma|Yonhap|KCNA|"
    r"USA\s+TODAY(?:\s+Sports)?|The\s+(?:New\s+York\s+Times|Washington\s+Post)|Bloomberg)"
)
_END_OF_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*(?=\s+\S)|(?<=[.!?]) (?=[\"“‘A-Z])")
_JUNK = re.compile(r"^[\W_]*(?:\b[x×]\b[\W_]*)*$")

# --- galleries and captions -----------------------------------------------------------------
_COUNTER = r"(?:Hide|Show)\s+Caption\s+\d{1,3}\s+of\s+\d{1,3}"
_SLIDE = re.compile(
    r"(?<![(\w])(?P<lead>(?:(?:Photos?|Pictures?|Images?|Gallery)\s*:\s+)+)(?P<body>.*?)\s*"
    r"(?P<counter>" + _COUNTER + r")"
)
_LONE_COUNTER = re.compile(_COUNTER + r"|^\s*(?:Photo|Image|Slide)?\s*\d{1,3}\s+of\s+\d{1,3}\s*$")
_GALLERY_WIDGET = re.compile(
    r"\b\d{1,3}\s+of\s+\d{1,3}\s+(?:Full\s+Screen|Autoplay|Close|Skip\s+Ad)\b.{0,1500}?"
    r"Wait\s+\d+\s+seconds?\s+to\s+continue\.?"
)
_GALLERY_CONTROLS = re.compile(
    r"\b\d{1,3}\s+of\s+\d{1,3}(?:\s+(?:Full\s+Screen|Autoplay|Close|Skip\s+Ad|[x×])\b)+"
)
_LABEL = re.compile(r"^(?:Photos?|Images?|Pictures?|Gallery|Slideshow|Graphic|Video|Ad)$")

# --- image credits --------------------------------------------------------------------------
_CREDIT_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\((?:Photo|Image|Picture|Pic|Photograph|Video)s?(?:\s+credit)?\s*:[^()]{1,80}\)", _I
    ),
    re.compile(r"\(" + _AGENCY + r"\s*/[^()]{1,40}\)"),
    re.compile(r"\([^()]{0,60}/\s*" + _AGENCY + r"[^()]{0,40}\)"),
    re.compile(r"\((?:AP|AFP|Reuters|REUTERS|EPA)\s+Photo\b[^()]{0,60}\)"),
    re.compile(r"©\s*[A-Z][^()©\n]{0,60}?\s*\(" + _AGENCY + r"(?:\s*/\s*\w+)?\)"),
    re.compile(r"(?:\|\s*)?\b(?:Photo|Image|Picture)\s+[Cc]redit\s*:\s*[^|.!?]{1,60}$"),
    re.compile(r"\bCredit\s+[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,5}\s*(?:/|—|–)\s*" + _AGENCY + r"\b"),
)
_CAPTION_WORDS = 30
_BARE_AGENCY = re.compile(r"\(" + _AGENCY + r"\)(?!\s*[-–—:])")

# --- video players ----------------------------------------------------------------------------
_VIDEO_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"JUST\s+WATCHED\s+(?P<t>.{1,200}?)\s+Replay\s+More\s+Videos\s*(?:\.{3}|…)?\s*"
        r"MUST\s+WATCH\s+(?P=t)(?:\s+\d{1,2}:\d{2}(?::\d{2})?\b)?"
    ),
    re.compile(
        r"\b(?:JUST\s+WATCHED|MUST\s+WATCH)\b[^.!?\n]{0,200}?\s\d{1,2}:\d{2}\b(?!\s*[ap]\.?m)"
    ),
    re.compile(r"\b(?:JUST\s+WATCHED|MUST\s+WATCH|Replay\s+More\s+Videos(?:\s*(?:\.{3}|…))?)"),
    re.compile(
        r"\b(?:Skip\s+Ad\s+)?Ad\s+Loading\s*(?:\.{3}|…)?(?:\s+[x×]\s+Embed)?(?:\s+[x×]\s+Share)?"
    ),
    re.compile(r"\bVideo\s+Ad\s+Feedback\b|\bSkip\s+Ad\b"),
)

# --- advertisements ---------------------------------------------------------------------------
_AD_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"(?:^|(?<=[.!?\"”’]\s)|(?<=[.!?\"”’]))\s*ADVERTISEMENT\b|(?:^|(?<=[.!?\"”’)]\s))"
        r"Advertisement(?:\s+Continue\s+reading\s+the\s+main\s+story)?(?=\s+[A-Z\"“‘]|\s*$)"
    ),
    re.compile(
        r"\b(?:Story|Article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?advert\w*)?\b\.?"
    ),
    re.compile(r"\bContinue\s+reading\s+the\s+main\s+story\b"),
    re.compile(r"\bAdvertisement\s*[-–—:]\s*(?i:continue\s+reading\s+below)\b"),
    re.compile(r"\bScroll\s+(?:down\s+)?to\s+continue(?:\s+with\s+content)?\b\.?"),
)

# --- sign-up forms: message strings a form prints; a short blurb between two is the form's ---
_FORM_STRONG: tuple[re.Pattern[str], ...] = (
    re.compile(r"\bNewsletter\s+Sign\s+Up\b"),
    re.compile(r"\bPlease\s+verify\s+you['’]re\s+not\s+a\s+robot\b[^.]*\.?", _I),
    re.compile(r"\bInvalid\s+email(?:\s+address)?\b\.?", _I),
    re.compile(r"\bPlease\s+re-enter\.", _I),
    re.compile(r"\bYou\s+must\s+select\s+a\s+newsletter\b[^.]*\.?", _I),
    re.compile(r"\*\s*Required\s+field\b"),
    re.compile(
        r"\b(?:You\s+agree\s+to\s+)?receive\s+occasional\s+updates\s+and\s+special\s+"
        r"offers\b[^.]{0,100}\.?",
        _I,
    ),
    re.compile(r"\bThanks?(?:\s+you)?\s+for\s+subscribing\b[.!]?", _I),
    re.compile(r"\bYou\s+are\s+already\s+subscribed\b[^.]{0,40}\.?", _I),
    re.compile(r"\bView\s+all\s+[^.]{1,60}?\s+newsletters\b\.?", _I),
    re.compile(r"\bAn\s+error\s+has\s+occurred\.\s*Please\s+try\s+again\s+later\.", _I),
    re.compile(r"\bCould\s+not\s+subscribe\b,?(?:\s+try\s+again\s+later)?", _I),
    re.compile(r"\+\s*Subscribe\b"),
    re.compile(
        r"\b(?:Get|Receive)\s[^.!?+]{0,60}?\b(?:directly|delivered|straight)\s+to\s+your"
        r"\s+inbox\b[^.!?+]{0,80}[.!]?",
        _I,
    ),
    re.compile(r"\bSign\s+up\s+for\s+[^.!?]{1,60}?\b(?:newsletters?|e-?mails?|alerts)\b", _I),
)
_FORM_WEAK = re.compile(
    r"\bSign\s+Up\b|\bSEE\s+SAMPLE\b|\bprivacy\s+policy\b|\bSign\s+up\s+for\b|"
    r"\bSubscribe\s+for\b|\bAn\s+error\s+has\s+occurred\.|\bPlease\s+try\s+again\s+later\."
)
_FORM_GAP_WORDS = 45
# A speaker may say a short sentence twice ("No. No."); a long one printed twice is a caption.
_REPEAT_WORDS = 8

# --- appeals to the reader, one sentence each ---------------------------------------------
_TRAILING_LINK = re.compile(r"(?<=[.!?\"”’])\s+(?:READ\s+MORE|Read\s+[Mm]ore)\s*:?\s*$")
_PROMO_SENTENCE = re.compile(
    r"^(?:Click\s+here\b|We\s+pay\s+for\s+(?:your\s+)?(?:stories|videos|pictures|photos)\b|"
    r"Do\s+you\s+have\s+a\s+story\s+for\b|(?:Email|Call|Contact|Text|WhatsApp|Message)\s+us\b|"
    r"Email\s*:\s*\S+@|Got\s+a\s+(?:news\s+)?(?:story|tip)\b|Follow\s+(?:us|@\w+)\b|"
    r"Follow\s+[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,6}\s+on\s+(?:Twitter|Facebook|Instagram|"
    r"X)\b|Follow\s+(?:him|her|them)\s+(?:on\s+\w+\s*)?[:@]|Read\s+or\s+Share\s+this\s+story\b|"
    r"Read\s+the\s+original\s+article\s+on\b|If\s+you\s+have\s+a\s+story\s+(?:suggestion|idea)\b|"
    r"Sign\s+up\s+(?:for|to)\s+(?:our|the)\b[^.!?]{0,60}\b(?:newsletter|alerts|e-?mails?)\b|"
    r"Subscribe\s+to\s+(?:our|the)\b[^.!?]{0,40}\b(?:newsletter|channel|podcast)\b)"
)


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class Cleaned:
    """One body paragraph after cutting: the pieces kept and the fragments cut, in order."""

    pieces: tuple[str, ...]
    removed: tuple[Removed, ...]


@dataclass(frozen=True, slots=True)
class _Gallery:
    """What the slides of a page's photo gallery share."""

    title: str | None  # the gallery's name, printed before every slide's caption
    in_story: bool  # the gallery sits inside a story: its captions are not the story


def _gallery(paragraphs: Sequence[str]) -> _Gallery:
    slides = [m for p in paragraphs for m in _SLIDE.finditer(p)]
    outside = sum(len(_SLIDE.sub("", p)) for p in paragraphs)
    title: str | None = None
    if len(slides) >= 2:
        bodies = [m.group("body").split() for m in slides]
        common: list[str] = []
        for words in zip(*bodies, strict=False):
            if len(set(words)) != 1:
                break
            common.append(words[0])
        if 0 < len(common) <= 20:
            title = " ".join(common)
    return _Gallery(title=title, in_story=outside >= 400)


def _slide_spans(text: str, gallery: _Gallery) -> Iterable[_Span]:
    for m in _SLIDE.finditer(text):
        if gallery.in_story:
            yield _Span(m.start(), m.end(), "caption")
            continue
        body = m.group("body")
        lead_end = m.start("body")
        title = gallery.title
        while title and body.startswith(title):
            lead_end += len(title)
            body = body[len(title) :]
            stripped = re.match(r"\s*(?:(?:Photos?|Pictures?|Images?|Gallery)\s*:\s*)?", body)
            step = stripped.end() if stripped else 0
            lead_end += step
            body = body[step:]
        yield _Span(m.start(), lead_end, "caption")
        yield _Span(m.start("counter"), m.end("counter"), "caption")


def _credit_spans(text: str) -> Iterable[_Span]:
    for pattern in _CREDIT_PATTERNS:
        for m in pattern.finditer(text):
            yield _caption_before(text, m.start(), m.end())
    for m in _BARE_AGENCY.finditer(text):
        before = text[: m.start()].rstrip()
        after = text[m.end() :].lstrip()
        if not before:
            continue  # "(Reuters) Officials said ..." opens a wire story: a dateline
        if after and (after[:1].isupper() or after[:1].isdigit() or after[:1] in '"“‘('):
            yield _caption_before(text, m.start(), m.end())  # between two sentences
        elif not after and not _END_OF_SENTENCE.search(before):
            yield _Span(m.start(), m.end(), "image credit")  # ends a caption line


def _caption_before(text: str, start: int, end: int) -> _Span:
    """Return the credit's span, widened to its caption when the caption has no final stop.

    Inside a paragraph, "... a home run. The Cubs celebrate (Getty) Santana's single ..." holds
    a caption between the last sentence's stop and the credit: no sentence ends that way.
    """
    head = text[:start].rstrip()
    if not head or _END_OF_SENTENCE.search(head):
        return _Span(start, end, "image credit")
    stops = [m.end() for m in _SENTENCE_BREAK.finditer(head)]
    caption_start = stops[-1] if stops else 0
    caption = head[caption_start:]
    for pattern in _CREDIT_PATTERNS:
        caption = pattern.sub("", caption)
    if stops and 0 < len(caption.split()) <= _CAPTION_WORDS:
        return _Span(len(text[:caption_start]) + _lead(text, caption_start), end, "caption")
    return _Span(start, end, "image credit")


def _lead(text: str, at: int) -> int:
    return len(text[at:]) - len(text[at:].lstrip())


def _form_spans(text: str) -> list[_Span]:
    strong = sorted(
        (m.start(), m.end()) for p in _FORM_STRONG for m in p.finditer(text) if m.end() > m.start()
    )
    if not strong:
        return []
    weak = [(m.start(), m.end()) for m in _FORM_WEAK.finditer(text)]
    found = sorted(strong + weak)
    groups: list[list[int]] = []
    for start, end in found:
        gap = text[groups[-1][1] : start] if groups else ""
        if groups and (start <= groups[-1][1] or len(gap.split()) <= _FORM_GAP_WORDS):
            groups[-1][1] = max(groups[-1][1], end)
            groups[-1][2] += (start, end) in strong
        else:
            groups.append([start, end, int((start, end) in strong)])
    return [_Span(s, e, "inline promotion") for s, e, n_strong in groups if n_strong]


def _sentences(text: str, cuts: Iterable[_Span] = ()) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence; a cut ends a sentence and starts the next."""
    breaks = {m.end() for m in _SENTENCE_BREAK.finditer(text)}
    breaks.update(b for span in cuts for b in (span.start, span.end))
    bounds = sorted({0, *breaks, len(text)})
    out = []
    for a, b in itertools.pairwise(bounds):
        lead = len(text[a:b]) - len(text[a:b].lstrip())
        if text[a + lead : b].strip():
            out.append((a + lead, len(text[:b].rstrip())))
    return out


def _sentence_spans(text: str, cuts: Sequence[_Span]) -> Iterable[_Span]:
    previous = ""
    for start, end in _sentences(text, cuts):
        sentence = text[start:end]
        if any(c.start <= start and end <= c.end for c in cuts):
            previous = ""
            continue
        if _PROMO_SENTENCE.match(sentence):
            yield _Span(start, end, "inline promotion")
        elif sentence == previous and len(sentence.split()) >= _REPEAT_WORDS:
            yield _Span(start, end, "repeated fragment")
        previous = sentence


def _spans(text: str, gallery: _Gallery) -> list[_Span]:
    found: list[_Span] = [*_slide_spans(text, gallery)]
    found += [_Span(m.start(), m.end(), "caption") for m in _LONE_COUNTER.finditer(text)]
    found += [_Span(m.start(), m.end(), "caption") for m in _GALLERY_WIDGET.finditer(text)]
    found += [_Span(m.start(), m.end(), "video furniture")
              for m in _GALLERY_CONTROLS.finditer(text)]  # fmt: skip
    found += [_Span(m.start(), m.end(), "video furniture") for p in _VIDEO_PATTERNS
              for m in p.finditer(text)]  # fmt: skip
    found += [_Span(m.start(), m.end(), "advertisement") for p in _AD_PATTERNS
              for m in p.finditer(text) if m.group().strip()]  # fmt: skip
    found += _form_spans(text)
    found += _credit_spans(text)
    found += _sentence_spans(text, list(found))
    found += [_Span(m.start(), m.end(), "inline promotion") for m in _TRAILING_LINK.finditer(text)]
    # Earliest first, then longest: a slide wins over the credit inside it.
    found.sort(key=lambda s: (s.start, -(s.end - s.start)))
    taken: list[_Span] = []
    for span in found:
        if span.end <= span.start:
            continue
        if taken and span.start < taken[-1].end:
            if span.end > taken[-1].end and span.kind == taken[-1].kind:
                taken[-1] = _Span(taken[-1].start, span.end, span.kind)
            elif span.end > taken[-1].end:
                taken.append(_Span(taken[-1].end, span.end, span.kind))  # what is left of it
            continue
        taken.append(span)
    return taken


def _whole_caption(text: str, spans: Sequence[_Span]) -> bool:
    """Tell whether a paragraph is a photo caption that ends in its credit."""
    if not spans or spans[-1].kind != "image credit" or text[spans[-1].end :].strip(" .|"):
        return False
    before = text[: spans[-1].start]
    return len(before.split()) <= 60 and not any(s.kind != "image credit" for s in spans)


def _reason(kind: str, whole: bool) -> str:
    base = RESIDUE_KINDS.get(kind) or _SHARED_REASONS[kind]
    return f"{base} ({'a body line' if whole else 'glued inside a body paragraph'})"


def clean_paragraph(text: str, gallery: _Gallery | None = None) -> Cleaned:
    """Cut the furniture found inside one body paragraph.

    Args:
        text: The paragraph.
        gallery: What the page's gallery slides share (see :func:`clean_paragraphs`).

    Returns:
        The pieces kept (the paragraph split where furniture sat between its sentences) and
        the fragments cut.
    """
    stripped = text.strip()
    if _LABEL.match(stripped):
        kind = "video furniture" if stripped == "Video" else "caption"
        kind = "advertisement" if stripped == "Ad" else kind
        return Cleaned((), (Removed(kind=kind, text=stripped, reason=_reason(kind, True)),))
    spans = _spans(text, gallery or _Gallery(title=None, in_story=True))
    if not spans:
        return Cleaned((text,), ())
    if _whole_caption(text, spans):
        return Cleaned(
            (), (Removed(kind="caption", text=stripped, reason=_reason("caption", True)),)
        )
    pieces: list[str] = []
    cuts: list[list[str]] = []  # [kind, text] of each cut, junk between cuts joined to them
    position = 0
    for span in spans:
        piece = text[position : span.start].strip()
        if piece and _JUNK.match(piece) and cuts:
            cuts[-1][1] += " " + piece
        elif piece:
            pieces.append(piece)
        cut = text[span.start : span.end].strip()
        if cuts and cuts[-1][0] == span.kind and not (piece and not _JUNK.match(piece)):
            cuts[-1][1] += " " + cut
        else:
            cuts.append([span.kind, cut])
        position = span.end
    tail = text[position:].strip()
    if tail and _JUNK.match(tail):
        cuts[-1][1] += " " + tail
    elif tail:
        pieces.append(tail)
    whole = not pieces
    removed = tuple(Removed(kind=k, text=t, reason=_reason(k, whole)) for k, t in cuts)
    return Cleaned(tuple(pieces), removed)


def clean_paragraphs(paragraphs: Sequence[str]) -> list[Cleaned]:
    """Cut the furniture found inside a story's body paragraphs.

    A photo gallery inside a story is cut whole (its captions repeat or leave the story); a
    page that is nothing but a gallery keeps each slide's caption and loses the gallery's
    name and counter around it.

    Args:
        paragraphs: The body paragraphs, in order.

    Returns:
        One :class:`Cleaned` per paragraph.
    """
    gallery = _gallery(paragraphs)
    return [clean_paragraph(p, gallery) for p in paragraphs]
