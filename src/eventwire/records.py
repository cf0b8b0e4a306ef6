"""Typed records passed between pipeline stages.

Every stage takes one record and returns the next (or a :class:`Rejected`). Field names are a
contract shared by the CLI's JSON, the HTTP API and the exports: see ``DESIGN.md``.

    Page ──extract──▶ Article ──nlp──▶ Parsed ──actors──▶ Actor* ──events──▶ Event*, Quote*

Records are frozen and keyword-only, so a stage can never change what an earlier stage produced,
and they pickle cleanly for a process pool or a Spark executor.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # spaCy is only needed once the nlp stage runs
    from spacy.tokens import Doc

__all__ = [
    "MODALITIES",
    "Actor",
    "Article",
    "Event",
    "Location",
    "Page",
    "Parsed",
    "Quote",
    "Rejected",
    "Removed",
    "Result",
    "Story",
    "to_dict",
]

Modality = Literal["asserted", "negated", "hypothetical", "conditional", "future", "alleged"]
MODALITIES: tuple[str, ...] = (
    "asserted",
    "negated",
    "hypothetical",
    "conditional",
    "future",
    "alleged",
)
DatePrecision = Literal["day", "week", "month", "year"]
ActorKind = Literal["state", "igo", "person", "organisation", "group"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Page:
    """Raw bytes and where and when they came from; ``id`` is the hash of the content."""

    id: str
    source: str
    fetched_at: str
    content_type: str
    encoding: str
    raw: bytes = field(repr=False)
    url: str | None = None
    # Metadata the container already knew (JSON Lines fields, feed entries, WARC headers):
    # ``published_at``, ``title``, ``url``. Extraction prefers the page's own evidence.
    hints: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True, slots=True)
class Removed:
    """One block cut from a page as boilerplate, and why."""

    kind: str
    text: str
    reason: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Article:
    """The clean story found on a page, with its provenance.

    ``text`` is ``"\\n\\n".join(paragraphs)``; every character offset in later records points
    into it.
    """

    doc_id: str
    url: str | None
    title: str | None
    paragraphs: tuple[str, ...]
    text: str
    language: str | None
    published_at: str | None
    published_at_raw: str | None
    origin: str | None
    publisher: str | None
    cited_sources: tuple[str, ...] = ()
    dateline: str | None = None
    byline: str | None = None
    removed: tuple[Removed, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class Rejected:
    """A document that a stage could not handle, kept and counted instead of dropped."""

    stage: str
    reason: str
    source: str
    doc_id: str | None = None
    code: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Parsed:
    """An article with its spaCy parse (sentences, entities, dependencies)."""

    article: Article
    doc: Doc


@dataclass(frozen=True, kw_only=True, slots=True)
class Actor:
    """A mention resolved to an actor code.

    ``code`` is ISO 3166-1 alpha-3 for states, an IGO code (``NATO``, ``EU``, ``UN``) otherwise.
    A group mention ("the Baltic states") yields one Actor per member, each with ``group`` set.
    """

    text: str
    start: int
    end: int
    code: str | None
    sector: str | None = None
    name: str | None = None
    kind: ActorKind = "state"
    role: str | None = None
    confidence: float = 1.0
    group: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Location:
    """A place an event happened, from an offline gazetteer."""

    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Quote:
    """Reported speech: a direct quotation or an indirect ("X said that ...") report."""

    id: str
    doc_id: str
    text: str
    start: int
    end: int
    speaker: Actor | None
    speaker_name: str | None
    cue: str | None
    kind: Literal["direct", "indirect"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Event:
    """One coded event; ``rule`` names the lexicon entry that produced it."""

    id: str
    doc_id: str
    sentence: str
    start: int
    end: int
    source: Actor
    target: Actor | None
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    modality: Modality
    historical: bool
    event_date: str | None
    date_precision: DatePrecision | None
    location: Location | None
    quote_id: str | None
    confidence: float
    rule: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Story:
    """Syndicated or near-duplicate copies of one story."""

    id: str
    doc_ids: tuple[str, ...]
    canonical_doc: str
    origin: str | None
    first_seen: str | None


@dataclass(frozen=True, kw_only=True, slots=True)
class Result:
    """Everything eventwire found in one document."""

    page: Page
    article: Article | None = None
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    rejected: Rejected | None = None


def to_dict(record: Any) -> Any:
    """Return a JSON-ready view of a record (bytes become their length, tuples lists).

    A Page's ``raw`` bytes are replaced by ``size``; a spaCy ``Doc`` is left out.
    """
    if isinstance(record, Page):
        out = {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
        out.pop("raw")
        out["size"] = len(record.raw)
        return out
    if isinstance(record, Parsed):
        return to_dict(record.article)
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, Mapping):
        return {str(k): to_dict(v) for k, v in record.items()}
    if isinstance(record, list | tuple):
        return [to_dict(v) for v in record]
    if isinstance(record, bytes):
        return len(record)
    return record
