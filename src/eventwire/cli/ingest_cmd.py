"""``eventwire ingest`` and ``eventwire demo``: sources into the database, with a summary."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from eventwire.cli.context import check_sources, db_option, open_store, settings_of
from eventwire.cli.output import ARTICLE_TABLE, EVENT_TABLE, print_table, table_of
from eventwire.errors import SourceNotFound
from eventwire.pipeline import RunSummary, run
from eventwire.records import Article, Event
from eventwire.settings import Settings
from eventwire.store.filters import ArticleFilter, EventFilter

__all__ = ["demo", "demo_command", "ingest", "ingest_command"]


@contextmanager
def _progress(*, verbose: bool) -> Iterator[Callable[[str], None]]:
    """Yield a per-document callback: a live counter on a terminal, lines when verbose."""
    counts = {"ingested": 0, "duplicate": 0, "rejected": 0}
    if sys.stderr.isatty() and not verbose:
        console = Console(stderr=True)
        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as bar:
            task = bar.add_task("starting")

            def advance(status: str) -> None:
                counts[status] = counts.get(status, 0) + 1
                text = ", ".join(f"{n} {s}" for s, n in counts.items())
                bar.update(task, description=text)

            yield advance
        return

    def echo(status: str) -> None:
        counts[status] = counts.get(status, 0) + 1
        if verbose:
            # One line per stored document; a document is reported only once its batch
            # is committed, so a line here means it is safely in the database.
            click.echo(f"{status} ({sum(counts.values())} documents)", err=True)

    yield echo


def ingest(
    sources: list[str], *, settings: Settings, code_events: bool, verbose: bool = False
) -> RunSummary:
    """Run the pipeline over sources into the configured database and return the counts."""
    with open_store(settings) as store, _progress(verbose=verbose) as notify:
        return run(
            sources,
            store=store,
            settings=settings,
            code_events=code_events,
            on_document=notify,
        )


def _print_rejections(summary: RunSummary, *, limit: int = 20) -> None:
    for rej in summary.rejections[:limit]:
        click.echo(f"rejected [{rej.stage}] {rej.source}: {rej.reason}", err=True)
    if len(summary.rejections) > limit:
        more = len(summary.rejections) - limit
        click.echo(f"... and {more} more (eventwire rejected lists them all)", err=True)


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True, metavar="PATH|URL|- ...")
@db_option
@click.option(
    "--no-code",
    is_flag=True,
    help="Extract articles only; skip nlp, actors and events (much faster).",
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Print one line per stored document on stderr instead of a progress bar.",
)
@click.pass_context
def ingest_command(
    ctx: click.Context, sources: tuple[str, ...], db: str | None, no_code: bool, verbose: bool
) -> None:
    """Ingest files, folders, WARC/JSONL/feed files, URLs or stdin (-) into the database.

    Runs the whole pipeline (extract, nlp, actors, events) and stores every document once:
    re-ingesting the same content is reported as duplicate and changes nothing. Ends with
    "N ingested, N duplicate, N rejected, N events".
    """
    settings = settings_of(ctx, db=db)
    checked = check_sources(sources)
    summary = ingest(checked, settings=settings, code_events=not no_code, verbose=verbose)
    _print_rejections(summary)
    click.echo(summary.line())


def demo(folder: Path, *, settings: Settings) -> tuple[RunSummary, list[Article], list[Event]]:
    """Ingest the example pages in ``folder``; return the counts, the newest articles and events.

    The events are the newest that are news: those the stories recall from years ago are left
    out.

    Raises:
        SourceNotFound: ``folder`` is not a folder.
    """
    if not folder.is_dir():
        raise SourceNotFound(
            f"{folder}: not found; run `eventwire demo` from the repository root (where the "
            "examples/ folder is) or pass --path FOLDER"
        )
    # The example documents live in sub-folders; examples/ itself holds their README and
    # the script that builds them, which are not news.
    sources = [
        str(p) for p in sorted(folder.iterdir()) if p.is_dir() and not p.name.startswith(".")
    ]
    summary = ingest(sources or [str(folder)], settings=settings, code_events=True)
    with open_store(settings, read_only=True) as store:
        articles = store.articles(ArticleFilter(limit=10))
        events = store.events(EventFilter(historical=False, newest_first=True, limit=15))
    return summary, articles, events


@click.command("demo")
@db_option
@click.option(
    "--path",
    "folder",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder of example pages to ingest (default: ./examples).",
)
@click.pass_context
def demo_command(ctx: click.Context, db: str | None, folder: str | None) -> None:
    """Ingest the bundled examples/ folder and show the articles and events found."""
    settings = settings_of(ctx, db=db)
    summary, articles, events = demo(Path(folder or "examples"), settings=settings)
    _print_rejections(summary)
    click.echo(f"{settings.store.db}: {summary.line()}")
    print_table(*table_of(ARTICLE_TABLE, articles), title="Articles")
    # The demo lists a few events of a few documents: no room for a doc column.
    brief = {name: cell for name, cell in EVENT_TABLE.items() if name != "doc"}
    print_table(*table_of(brief, events), title="Events")
    click.echo("Next: eventwire articles | eventwire show DOC_ID | eventwire events --format csv")
