"""events stage: coded events and quotes from a parsed article and its actors.

    EventCoder.from_settings(settings.events)      packaged lexicon + settings.extra_lexicons
    coder(parsed, actors) -> (events, quotes)

      quotes.find_quotes      who said what (direct and indirect speech)
      coder.match_sentence    lexicon patterns on the dependency parse → source, target, code
      patterns.best_entry     the most specific lexicon pattern whose conditions hold
      slots.fill_slots        the actors in a pattern's source and target slots
      transforms.reframe      intent, threat, refusal: how an act is said
      clauses.resolve_clauses requested/alleged/refused acts, accusations, conditional threats
      conventions             implicit targets and perpetrators, deeper targets, duplicates
      modality.modality_of    asserted / negated / conditional / hypothetical / future / alleged
      when.ground_date        event date and whether it is historical
      periods.resolve_period  one time expression → the calendar period it names
      where.locate            place of the event

The lexicon is data (``eventwire/data/lexicon/lexicon.tsv``, format in
:mod:`eventwire.events.lexicon`); the ontology tables are in ``eventwire/data/ontology``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.events.coder import SentenceInfo, code_sentence
from eventwire.events.lexicon import Lexicon, load_lexicon, packaged_lexicon_path
from eventwire.events.roles import ActorIndex, Context
from eventwire.records import Actor, Event, Parsed, Quote
from eventwire.settings import EventsSettings

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["EventCoder", "Lexicon", "load_lexicon"]


class EventCoder:
    """Codes events in parsed articles with a lexicon of verb and noun patterns.

    Args:
        lexicon: The patterns to use.
        historical_after_days: Events dated this many days before publication are historical.
    """

    def __init__(self, lexicon: Lexicon, *, historical_after_days: int = 365) -> None:
        self.lexicon = lexicon
        self.historical_after_days = historical_after_days

    @classmethod
    def from_settings(cls, settings: EventsSettings) -> EventCoder:
        """Load the packaged lexicon, then ``settings.extra_lexicons`` (later entries win).

        Raises:
            LexiconError: A lexicon file is missing or malformed (the message names the file
                and line).
        """
        entries = load_lexicon(packaged_lexicon_path(), name="lexicon")
        for path in settings.extra_lexicons:
            entries.extend(load_lexicon(Path(path), start=len(entries)))
        return cls(Lexicon(entries), historical_after_days=settings.historical_after_days)

    def __call__(
        self, parsed: Parsed, actors: tuple[Actor, ...]
    ) -> tuple[tuple[Event, ...], tuple[Quote, ...]]:
        """Return the events and quotes found in one parsed article."""
        from eventwire.events.quotes import find_quotes

        quotes = find_quotes(parsed, actors)
        doc = parsed.doc
        index = ActorIndex(doc, actors)
        if not index:
            return (), quotes
        article = parsed.article
        events: list[Event] = []
        for sent in doc.sents:
            quote = _quote_for(sent, quotes)
            speaker = quote.speaker if quote is not None else None
            ctx = Context(index, speaker)
            seen: set[tuple[str | None, str | None, str]] = set()
            events.extend(
                code_sentence(
                    self.lexicon,
                    sent,
                    ctx,
                    doc_id=article.doc_id,
                    info=self._info(sent, quote, actors, article.published_at),
                    seen=seen,
                )
            )
        return tuple(events), quotes

    def _info(
        self,
        sent: Span,
        quote: Quote | None,
        actors: Sequence[Actor],
        published_at: str | None,
    ) -> _Info:
        return _Info(sent, quote, actors, published_at, self.historical_after_days)


class _Info:
    """Date, place and quote of a sentence, computed once per predicate on demand."""

    def __init__(
        self,
        sent: Span,
        quote: Quote | None,
        actors: Sequence[Actor],
        published_at: str | None,
        historical_after_days: int,
    ) -> None:
        self.sent = sent
        self.quote = quote
        self.actors = actors
        self.published_at = published_at
        self.days = historical_after_days
        self._cache: dict[int, SentenceInfo] = {}
        self._location: tuple[object, ...] | None = None

    def __call__(self, pred: Token) -> SentenceInfo:
        if pred.i not in self._cache:
            from eventwire.actors import actors_in
            from eventwire.events.when import ground_date
            from eventwire.events.where import locate

            if self._location is None:
                local = actors_in(tuple(self.actors), self.sent.start_char, self.sent.end_char)
                self._location = (locate(self.sent, local),)
            when = ground_date(
                self.sent,
                self.published_at,
                historical_after_days=self.days,
                predicate=pred,
            )
            loc = self._location[0]
            self._cache[pred.i] = SentenceInfo(
                event_date=when.date,
                date_precision=when.precision,
                historical=when.historical,
                location=loc,  # type: ignore[arg-type]  # locate returns Location | None
                quote=self.quote,
            )
        return self._cache[pred.i]


def _quote_for(sent: Span, quotes: Sequence[Quote]) -> Quote | None:
    """Return the quote a sentence lies in (it overlaps most of the sentence), if any."""
    best: Quote | None = None
    best_overlap = 0
    for q in quotes:
        overlap = min(q.end, sent.end_char) - max(q.start, sent.start_char)
        if overlap > best_overlap and overlap * 2 >= min(len(sent.text), q.end - q.start):
            best, best_overlap = q, overlap
    return best
