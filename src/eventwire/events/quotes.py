"""Quotes: who said what, as direct quotations and as indirect ("X said that ...") speech.

Direct quotes are found on the text's quotation marks, not on the parse
(:mod:`eventwire.events.quote_marks` pairs the marks); this module reads the parse around
them. A short quoted phrase inside a sentence ("called the vote 'rigged'") is a scare quote or
a partial quote, and a quoted title ("Morning Joe") is a title, not direct speech.

The speaker comes from the attribution frame around the marks: the cue verb after the quote
(`"...," Kallas told Reuters.`, `"...," said Jens Stoltenberg, the Secretary-General`) or
before it (`Kallas said: "..."`), and its subject; the addressee of "told" is never the
speaker. A quote with no frame of its own continues the speaker of the quote before it in the
same or the previous paragraph (`"...," Kallas told Reuters. "If you look at the map ..."`).
A surname ("Kallas") is expanded to the full name the article used before, and speakers are
matched to the actors stage's mentions, so quotes carry codes.

Indirect speech is a speech verb with a subject and a complement clause ("Kallas said that
her nation has serious concerns"; "..., officials said"), or "according to X"; its text is
the reported clause. No library does attribution on a spaCy parse for news well enough to
reuse, hence the hand-written rules.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.events.quote_marks import (
    Marked,
    frame_end,
    frame_start,
    inside,
    marked_spans,
    paragraph_starts,
)
from eventwire.records import Actor, Parsed, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["CUE_LEMMAS", "find_quotes"]

# Verbs that report speech or writing (lemmas), kept as text to read like a word list.
_CUE_WORDS = """
say tell add explain warn state write tweet post insist note claim argue announce declare
reply respond ask comment continue stress emphasize emphasise reveal acknowledge admit deny
suggest report allege assert contend maintain predict promise vow recall remark observe
conclude joke quip boast complain confirm testify concede caution repeat reiterate urge charge
counter retort lament shout scream yell whisper mutter agree disagree point
"""
CUE_LEMMAS = frozenset(_CUE_WORDS.split())
# Cues that put the speaker after the verb ("said Jens Stoltenberg") when there is no subject.
_INVERTING_WORDS = "say add write ask explain insist note continue recall warn"
_INVERTING = frozenset(_INVERTING_WORDS.split())
_PERSONAL = {"he", "she", "him", "her"}
_SPEAKER_DEPS = {"nsubj", "nsubjpass"}
_CLAUSE_CUT = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "ccomp"}
_NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


@dataclass(frozen=True, slots=True)
class _Speaker:
    actor: Actor | None
    name: str | None
    start: int
    end: int


def find_quotes(parsed: Parsed, actors: tuple[Actor, ...]) -> tuple[Quote, ...]:
    """Return the direct and indirect quotes of an article, in text order.

    Args:
        parsed: The article and its spaCy parse (offsets point into ``article.text``).
        actors: Resolved mentions; a speaker is reported as the actor whose span it is, or
            the person actor with the same surname.

    Returns:
        Quotes with ids ``"{doc_id}:q{n}"`` numbered in text order.
    """
    text = parsed.article.text
    doc = parsed.doc
    paragraphs = paragraph_starts(text)
    marked = [m for m in marked_spans(text, paragraphs) if m.end > m.start]
    marks = [(m.open_at, m.close_at) for m in marked]
    names = _NameBook(doc, actors)
    # (start, end, kind, speaker, cue, has its own attribution)
    found: list[tuple[int, int, str, _Speaker | None, str | None, bool]] = []
    used_cues: set[int] = set()
    for m in marked:
        cue, leading = _frame_cue(doc, text, m, marks)
        if not _is_direct_speech(doc, text, m, cue if leading else None, cued=cue is not None):
            continue
        if cue is None:
            signed = _signature(doc, text, m, names)
            found.append((m.start, m.end, "direct", signed, None, signed is not None))
            continue
        used_cues.add(cue.i)
        speaker = _speaker_of(cue, names, marks, before=m.open_at)
        found.append((m.start, m.end, "direct", speaker, _cue_text(cue), True))
    for sent in doc.sents:
        for start, end, cue_text, speaker in _indirect(sent, names, marks, used_cues):
            found.append((start, end, "indirect", speaker, cue_text, True))
    found.sort(key=lambda q: (q[0], q[1]))
    found = _continue_speakers(found, paragraphs)
    doc_id = parsed.article.doc_id
    return tuple(
        Quote(
            id=f"{doc_id}:q{n}",
            doc_id=doc_id,
            text=text[start:end],
            start=start,
            end=end,
            speaker=speaker.actor if speaker else None,
            speaker_name=speaker.name if speaker else None,
            cue=cue,
            kind="direct" if kind == "direct" else "indirect",
        )
        for n, (start, end, kind, speaker, cue, _) in enumerate(found, start=1)
    )


def _continue_speakers(
    found: list[tuple[int, int, str, _Speaker | None, str | None, bool]],
    paragraphs: list[int],
) -> list[tuple[int, int, str, _Speaker | None, str | None, bool]]:
    """Give a direct quote without a frame the speaker of the quote just before it.

    The quote before must be in the same or the previous paragraph; a quote further away
    keeps no speaker rather than a guessed one.
    """
    out: list[tuple[int, int, str, _Speaker | None, str | None, bool]] = []
    for item in found:
        start, end, kind, _, cue, own = item
        if not own and out:
            last = out[-1]
            gap = bisect.bisect_right(paragraphs, start) - bisect.bisect_right(paragraphs, last[1])
            if gap <= 1:
                item = (start, end, kind, last[3], cue, own)
        out.append(item)
    return out


def _is_direct_speech(
    doc: Doc, text: str, m: Marked, lead_cue: Token | None, *, cued: bool
) -> bool:
    """Tell direct speech from a scare quote, a partial quote or a title.

    Direct speech starts a sentence or clause (after ".", ":", ",", a dash or a paragraph
    break), or follows its cue directly ("said “...”", "told Reuters “...”"); a quote without
    any cue must also look like a sentence (capitalised, three words or more).
    """
    body = text[m.start : m.end]
    before = text[: m.open_at].rstrip()
    line_start = text.rfind("\n", 0, m.open_at) + 1
    boundary = not text[line_start : m.open_at].strip() or before[-1] in ".!?:,;—–-("
    starts_upper = body[:1].isupper() or body[:1].isdigit()
    if not boundary and lead_cue is not None and starts_upper:
        between = _tokens_between(doc, lead_cue.idx + len(lead_cue), m.open_at)
        boundary = not any(t.pos_ in {"VERB", "AUX"} for t in between)
    if not boundary:
        return False  # "called the vote “rigged”": part of the reporter's sentence
    if _looks_like_title(body):
        return False  # “Morning Joe”, “American Skin (41 Shots)”: a title, not speech
    return cued or (starts_upper and len(body.split()) >= 3)


def _looks_like_title(body: str) -> bool:
    """Say whether a short quotation is a title: every longer word capitalised, no stop."""
    words = re.findall(r"[^\W\d_][\w'’-]*", body)
    if not words or len(words) > 6 or re.search(r"[.!?,;:]\W*$", body.strip()):
        return False
    major = [w for w in words if len(w) > 3]
    return bool(major) and all(w[0].isupper() for w in major) and words[0][0].isupper()


def _frame_cue(
    doc: Doc, text: str, m: Marked, marks: list[tuple[int, int]]
) -> tuple[Token | None, bool]:
    """Find the speech verb that introduces the quotation, after or before its marks.

    Returns:
        The cue (or None) and whether it stands before the quotation.
    """
    after = _tokens_between(doc, m.close_at, frame_end(text, m.close_at, marks))
    cue = _pick_cue(after, m, first=True)
    if cue is not None:
        return cue, False
    before = _tokens_between(doc, frame_start(text, m.open_at, marks), m.open_at)
    return _pick_cue(before, m, first=False), True


def _signature(doc: Doc, text: str, m: Marked, names: _NameBook) -> _Speaker | None:
    """Return the speaker of a quotation signed with a dash (`“...” ― Sonya Herridge`)."""
    match = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*").match(text, m.close_at)
    if match is None:
        return None
    tail = _tokens_between(doc, match.end(), frame_end(text, match.end(), []))
    for tok in tail:
        if tok.pos_ == "PROPN" or tok.ent_type_ in _NAME_LABELS:
            return names.speaker(tok, before=m.open_at)
        if not tok.is_space:
            break
    return None


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _pick_cue(tokens: list[Token], m: Marked, *, first: bool) -> Token | None:
    """Choose the cue verb among frame tokens: a speech verb, or one governing the quote."""
    candidates: list[Token] = []
    for tok in tokens:
        according = tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children)
        governs = any(
            m.open_at <= c.idx < m.close_at and c.dep_ in {"ccomp", "parataxis", "dobj"}
            for c in tok.children
        )
        if according or (tok.pos_ in {"VERB", "AUX"} and (tok.lemma_ in CUE_LEMMAS or governs)):
            candidates.append(tok)
    if not candidates:
        return None
    return candidates[0] if first else candidates[-1]


def _cue_text(cue: Token) -> str:
    if cue.lower_ == "according":
        return "according to"
    particle = [c.text for c in cue.children if c.dep_ == "prt"]
    return " ".join([cue.text, *particle]).lower() if particle else cue.lower_


def _speaker_of(
    cue: Token, names: _NameBook, marks: list[tuple[int, int]], *, before: int
) -> _Speaker | None:
    """Return who speaks through ``cue``: its subject, the "according to" object, or the
    name after an inverted "said"."""
    head = _speaker_token(cue, marks)
    if head is None:
        return None
    return names.speaker(head, before=before)


def _speaker_token(cue: Token, marks: list[tuple[int, int]]) -> Token | None:
    def outside(tok: Token) -> bool:
        # A date is never a speaker ("Chief Chuck Jordan said Monday" parsed inverted).
        return not inside(tok.idx, marks) and tok.ent_type_ not in {"DATE", "TIME"}

    if cue.lower_ == "according":
        for prep in cue.children:
            if prep.lower_ == "to":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return obj
        return None
    verb = cue
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in _SPEAKER_DEPS and outside(child):
                return child
        if verb.dep_ not in {"conj", "xcomp", "advcl"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if cue.lemma_ in _INVERTING:
        for child in cue.rights:
            inverted = child.dep_ in {"dobj", "attr", "npadvmod", "oprd"}
            if inverted and child.pos_ in {"PROPN", "NOUN"} and outside(child):
                return child
    return None


class _NameBook:
    """People and organisations named in an article, for speakers' full names and actors."""

    def __init__(self, doc: Doc, actors: Sequence[Actor]) -> None:
        self.doc = doc
        self.actors = sorted(actors, key=lambda a: a.start)
        self.starts = [a.start for a in self.actors]
        self.people: list[tuple[int, str]] = []  # (start char, full name) of PERSON mentions
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2:
                self.people.append((ent.start_char, ent.text))

    def speaker(self, tok: Token, *, before: int) -> _Speaker | None:
        """Describe the speaker that ``tok`` (the head of the subject phrase) names."""
        if tok.lower_ in _PERSONAL:
            return self._antecedent(before=min(before, tok.idx))
        if tok.pos_ == "PRON":
            return None
        span = _name_span(tok)
        actor = self._actor_at(span.start_char, span.end_char)
        name = span.text
        if actor is None and span.root.ent_type_ == "PERSON":
            name = self._full_name(name, before=span.start_char)
            actor = self._actor_named(name)
        if actor is not None:
            name = actor.name or actor.text
        return _Speaker(actor, name, span.start_char, span.end_char)

    def _actor_at(self, start: int, end: int) -> Actor | None:
        hits = [a for a in self.actors if a.start < end and start < a.end]
        if not hits:
            return None
        hits.sort(key=lambda a: (a.kind != "person", -(min(a.end, end) - max(a.start, start))))
        return hits[0]

    def _actor_named(self, name: str) -> Actor | None:
        last = name.split()[-1].lower()
        for actor in self.actors:
            full = (actor.name or actor.text).split()
            if actor.kind == "person" and full and full[-1].lower() == last:
                return actor
        return None

    def _full_name(self, name: str, *, before: int) -> str:
        """Expand a surname to the longest earlier (else later) full name ending with it."""
        parts = name.split()
        if len(parts) != 1:
            return name
        matches = [(s, n) for s, n in self.people if n.split()[-1] == parts[0]]
        earlier = [n for s, n in matches if s < before]
        pool = earlier or [n for _, n in matches]
        return max(pool, key=len) if pool else name

    def _antecedent(self, *, before: int) -> _Speaker | None:
        """Resolve "he"/"she" to the last person named before ``before``."""
        for ent in reversed(self.doc.ents):
            if ent.label_ == "PERSON" and ent.end_char <= before:
                actor = self._actor_at(ent.start_char, ent.end_char)
                name = self._full_name(ent.text, before=ent.start_char)
                if actor is None:
                    actor = self._actor_named(name)
                if actor is not None:
                    name = actor.name or actor.text
                return _Speaker(actor, name, ent.start_char, ent.end_char)
        return None


def _name_span(tok: Token) -> Span:
    """Return the name a speaker token stands for: its entity, an appositive name, or its
    noun phrase without clauses ("a spokesman for the Kremlin")."""
    doc = tok.doc
    if tok.ent_type_ in _NAME_LABELS:
        for ent in doc.ents:
            if ent.start <= tok.i < ent.end:
                return ent
    for child in tok.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return _name_span(child)
    left = tok.i
    for child in tok.lefts:
        if child.dep_ not in _CLAUSE_CUT:
            left = min(left, child.left_edge.i)
    right = tok.i
    for child in tok.rights:
        if child.dep_ in _CLAUSE_CUT:
            break
        right = child.right_edge.i
    right = min(right, left + 9)
    return doc[left : right + 1]


def _indirect(
    sent: Span, names: _NameBook, marks: list[tuple[int, int]], used: set[int]
) -> list[tuple[int, int, str, _Speaker | None]]:
    """Find indirect speech in one sentence: speech verb + subject + reported clause."""
    out: list[tuple[int, int, str, _Speaker | None]] = []
    for tok in sent:
        if tok.i in used or inside(tok.idx, marks):
            continue
        clause: tuple[int, int] | None = None
        if tok.lower_ == "according" and tok.dep_ == "prep":
            clause = _rest_of_sentence(sent, tok)
        elif tok.pos_ == "VERB" and tok.lemma_ in CUE_LEMMAS:
            comps = [c for c in tok.children if c.dep_ == "ccomp"]
            if comps:
                comp = comps[0]
                clause = (comp.left_edge.i, comp.right_edge.i + 1)
            elif tok.dep_ == "parataxis" and tok.i > tok.head.i:
                clause = (sent.start, tok.left_edge.i)
        if clause is None:
            continue
        span = _trim(sent.doc[clause[0] : clause[1]])
        if span is None or _quoted_share(span, marks) > 0.5:
            continue
        head = _speaker_token(tok, marks)
        if head is None:
            continue
        speaker = names.speaker(head, before=span.start_char)
        out.append((span.start_char, span.end_char, _cue_text(tok), speaker))
    return out


def _rest_of_sentence(sent: Span, according: Token) -> tuple[int, int] | None:
    """Return the clause an "according to X" phrase attributes (the rest of the sentence)."""
    sub = list(according.subtree)
    first, last = sub[0].i, sub[-1].i
    if first == sent.start or first - sent.start < sent.end - last - 1:
        return (last + 1, sent.end)
    return (sent.start, first)


def _trim(span: Span) -> Span | None:
    """Drop a leading complementizer and surrounding punctuation from a reported clause."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "mark"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end - start < 3:
        return None
    return doc[start:end]


def _quoted_share(span: Span, marks: list[tuple[int, int]]) -> float:
    quoted = sum(1 for tok in span if inside(tok.idx, marks))
    return quoted / max(len(span), 1)
