"""The pipeline: stages written once, in order, and a streaming runner over them.

Each stage is a plain function of a record (plus resources loaded once), touching no global
state, so the same functions run in this process, in a worker pool, or on a Spark executor:

    ingest   sources → Page | Rejected         eventwire.ingest.iter_pages
    extract  Page → Article | Rejected          eventwire.extract.extract
    nlp      Article* → Parsed*                 eventwire.nlp.parse (batched nlp.pipe)
    actors   Parsed → Actor*                    eventwire.actors.ActorResolver
    events   Parsed, Actor* → Event*, Quote*    eventwire.events.EventCoder
    store    Result* → database                 eventwire.store.Store

Read the stage packages in this order to read the system.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, BinaryIO, TypeVar

from eventwire.errors import ConfigError
from eventwire.records import Article, Page, Rejected, Result
from eventwire.settings import ExtractSettings, Settings, load_settings

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.actors import ActorResolver
    from eventwire.events import EventCoder
    from eventwire.store import Store

__all__ = ["STAGES", "Pipeline", "RunSummary", "code_text", "process_sources", "run"]

T = TypeVar("T")

# Versioned names of the event coders this release ships; settings choose one (events.coder).
CODERS: frozenset[str] = frozenset({"eventwire.rules.v1"})

STAGES: tuple[str, ...] = ("ingest", "extract", "nlp", "actors", "events", "store")


def _extract_one(args: tuple[Page, ExtractSettings]) -> Article | Rejected:
    # Top level so a process pool can pickle it.
    from eventwire.extract import extract

    page, settings = args
    try:
        return extract(page, settings=settings)
    except Exception as e:  # a bug in one document must not end the run: record it
        return Rejected(
            stage="extract",
            reason=f"internal error: {type(e).__name__}: {e}",
            source=page.source,
            doc_id=page.id,
        )


class Pipeline:
    """Loads each stage's resources once and runs pages through the stages.

    Args:
        settings: Settings to use; the layered defaults when omitted.
        code_events: Run nlp, actors and events after extraction (False: extraction only).
    """

    def __init__(self, settings: Settings | None = None, *, code_events: bool = True) -> None:
        self.settings = settings or load_settings()
        self.code_events = code_events
        self._nlp: Language | None = None
        self._resolver: ActorResolver | None = None
        self._coder: EventCoder | None = None
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the extraction worker processes, if any were started."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from eventwire.nlp import load

            self._nlp = load(self.settings.nlp)
        return self._nlp

    @property
    def resolver(self) -> ActorResolver:
        if self._resolver is None:
            from eventwire.actors import ActorResolver

            self._resolver = ActorResolver.from_settings(self.settings.actors)
        return self._resolver

    @property
    def coder(self) -> EventCoder:
        if self._coder is None:
            from eventwire.events import EventCoder

            name = self.settings.events.coder
            if name not in CODERS:
                raise ConfigError(
                    f"events.coder: unknown coder '{name}' (known: {', '.join(sorted(CODERS))})"
                )
            self._coder = EventCoder.from_settings(self.settings.events)
        return self._coder

    def extract_many(self, pages: list[Page]) -> list[Article | Rejected]:
        """Extract articles, in worker processes when ``extract.workers`` asks for them.

        Processes, not threads: trafilatura/lxml are not safe with two extracting threads.
        """
        jobs = [(p, self.settings.extract) for p in pages]
        workers = self.settings.extract.workers
        if workers == 1 or len(pages) < 2:
            return [_extract_one(job) for job in jobs]
        if self._pool is None:  # started once, reused by every batch until close()
            self._pool = ProcessPoolExecutor(max_workers=workers or None)
        return list(self._pool.map(_extract_one, jobs, chunksize=4))

    def process(self, pages: Iterable[Page]) -> Iterator[Result]:
        """Run pages through extract, nlp, actors and events, streaming in batches."""
        # Enough documents per batch to keep every parsing worker busy.
        size = max(1, self.settings.nlp.batch_size) * max(1, self.settings.nlp.workers)
        for chunk in batched(pages, size):
            yield from self._process_batch(chunk)

    def code_articles(self, articles: Iterable[Article]) -> Iterator[Result | Rejected]:
        """Run articles through nlp, actors and events (no extraction), in order.

        Yields a :class:`Result` per article (its ``page`` is a stand-in built from the
        article), or a :class:`Rejected` when coding that article failed.
        """
        from eventwire.nlp import parse

        # Load every resource before the first document: a bad setting, table or lexicon
        # stops the command with its error instead of rejecting each document in turn.
        resolver, coder = self.resolver, self.coder
        parsed_articles = parse(
            self.nlp,
            articles,
            batch_size=self.settings.nlp.batch_size,
            n_process=self.settings.nlp.workers,
        )
        for parsed in parsed_articles:
            art = parsed.article
            try:
                actors = resolver(parsed)
                events, quotes = coder(parsed, actors)
            except Exception as e:  # one bad document never ends a run
                yield Rejected(
                    stage="events",
                    reason=f"internal error: {type(e).__name__}: {e}",
                    source=art.url or art.doc_id,
                    doc_id=art.doc_id,
                )
                continue
            yield Result(
                page=_stand_in_page(art),
                article=art,
                actors=actors,
                quotes=quotes,
                events=events,
            )

    def _process_batch(self, pages: list[Page]) -> Iterator[Result]:
        extracted = self.extract_many(pages)
        if not self.code_events:
            for page, art in zip(pages, extracted, strict=True):
                yield _result(page, art)
            return
        articles = [a for a in extracted if isinstance(a, Article)]
        coded = iter(self.code_articles(articles))
        for page, art in zip(pages, extracted, strict=True):
            if isinstance(art, Rejected):
                yield Result(page=page, rejected=art)
                continue
            out = next(coded)
            if isinstance(out, Rejected):
                yield Result(page=page, article=art, rejected=out)
            else:
                yield Result(
                    page=page,
                    article=art,
                    actors=out.actors,
                    quotes=out.quotes,
                    events=out.events,
                )


def _stand_in_page(article: Article) -> Page:
    raw = article.text.encode("utf-8")
    return Page(
        id=article.doc_id,
        source=article.url or article.doc_id,
        fetched_at="",
        content_type="text/plain",
        encoding="utf-8",
        raw=raw,
        url=article.url,
    )


def _result(page: Page, art: Article | Rejected) -> Result:
    if isinstance(art, Rejected):
        return Result(page=page, rejected=art)
    return Result(page=page, article=art)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Yield lists of up to ``size`` items (``itertools.batched`` is Python 3.12+)."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


_default: Pipeline | None = None


def code_text(
    text: str,
    *,
    published_at: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
) -> Result:
    """Code one plain-text or HTML document and return everything found in it.

    Args:
        text: The page as text (plain text or HTML).
        published_at: Publication time (ISO 8601) when the page itself does not print one.
        url: Where the page came from, used for the publisher when the page does not name it.
        settings: Settings to use; the layered defaults when omitted.
    """
    from eventwire.ingest import page_from_bytes

    global _default
    if settings is not None:
        pipeline = Pipeline(settings)
    else:
        if _default is None:
            _default = Pipeline()
        pipeline = _default
    hints = {"published_at": published_at} if published_at else {}
    page = page_from_bytes(
        text.encode("utf-8"), source=url or "<text>", url=url, hints=hints, encoding="utf-8"
    )
    return next(iter(pipeline.process([page])))


def process_sources(
    sources: Iterable[str],
    *,
    settings: Settings | None = None,
    code_events: bool = True,
    stdin: BinaryIO | None = None,
) -> Iterator[Result | Rejected]:
    """Yield what the pipeline makes of every page in some sources, without a database.

    Streams in batches, so memory stays flat on a large WARC. A document rejected before it
    became a page (unreadable, binary, truncated) is yielded as its :class:`Rejected`.
    """
    from eventwire.ingest import iter_pages

    settings = settings or load_settings()
    stream = iter_pages(sources, settings=settings.ingest, stdin=stdin)
    with Pipeline(settings, code_events=code_events) as pipeline:
        for chunk in batched(stream, max(1, settings.nlp.batch_size)):
            yield from (item for item in chunk if isinstance(item, Rejected))
            yield from pipeline.process([item for item in chunk if isinstance(item, Page)])


@dataclass
class RunSummary:
    """Counts of one run; ``ingested + duplicate + rejected`` is every document seen."""

    ingested: int = 0
    duplicate: int = 0
    rejected: int = 0
    events: int = 0
    rejections: list[Rejected] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.ingested} ingested, {self.duplicate} duplicate, {self.rejected} rejected, "
            f"{self.events} events"
        )


def run(
    sources: Iterable[str],
    *,
    store: Store,
    settings: Settings | None = None,
    code_events: bool = True,
    on_document: Callable[[str], None] | None = None,
) -> RunSummary:
    """Ingest sources into a store, one committed transaction per batch.

    A killed run loses at most the batch in flight; running it again skips every page already
    stored (page ids are content hashes), so each document ends up stored exactly once.

    Args:
        sources: Paths, directories, URLs or ``-`` for standard input.
        store: An open store.
        settings: Settings to use; the layered defaults when omitted.
        code_events: Also run nlp, actors and events (False: extraction only).
        on_document: Called with the status of each document (for a progress bar).
    """
    from eventwire.ingest import iter_pages

    settings = settings or load_settings()
    summary = RunSummary()
    notify = on_document or (lambda _status: None)
    stream = iter_pages(sources, settings=settings.ingest)
    with Pipeline(settings, code_events=code_events) as pipeline:
        for chunk in batched(stream, max(1, settings.store.batch_size)):
            _run_batch(chunk, pipeline=pipeline, store=store, summary=summary, notify=notify)
    return summary


def _run_batch(
    chunk: list[Page | Rejected],
    *,
    pipeline: Pipeline,
    store: Store,
    summary: RunSummary,
    notify: Callable[[str], None],
) -> None:
    """Code the new pages of one batch and commit them with its rejections in one write."""
    rejections = [item for item in chunk if isinstance(item, Rejected)]
    pages = [item for item in chunk if isinstance(item, Page)]
    known = store.known_page_ids([p.id for p in pages])
    fresh: dict[str, Page] = {}
    for page in pages:
        if page.id in known or page.id in fresh:
            summary.duplicate += 1
            notify("duplicate")
        else:
            fresh[page.id] = page
    results = list(pipeline.process(fresh.values()))
    store.write(results, rejections=rejections, at=_now())
    for rej in rejections:
        summary.rejected += 1
        summary.rejections.append(rej)
        notify("rejected")
    for res in results:
        # A document whose article was kept but whose coding failed still counts as
        # rejected: its rejection is stored and listed, never hidden in "ingested".
        if res.rejected is not None:
            summary.rejected += 1
            summary.rejections.append(res.rejected)
            notify("rejected")
        else:
            summary.ingested += 1
            summary.events += len(res.events)
            notify("ingested")


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
