"""Read the database: ``articles``, ``show``, ``rejected``, ``events``, ``quotes``.

A listing's filter flags are named after the fields of its filter object
(:mod:`eventwire.store.filters`), so click hands them over as ``**where`` unchanged.
"""

from __future__ import annotations

from typing import Any

import click
from rich.console import Console
from rich.panel import Panel

from eventwire.cli.context import db_option, open_store, settings_of
from eventwire.cli.output import (
    ARTICLE_TABLE,
    EVENT_TABLE,
    QUOTE_TABLE,
    format_option,
    print_json,
    print_table,
    render,
    table_of,
)
from eventwire.errors import InputError
from eventwire.records import MODALITIES, to_dict
from eventwire.store import rows
from eventwire.store.filters import ArticleFilter, EventFilter, QuoteFilter, RejectionFilter

__all__ = [
    "articles_command",
    "events_command",
    "quotes_command",
    "rejected_command",
    "show_command",
]

_ARTICLE_CSV = tuple(c for c in rows.ARTICLE_COLUMNS if c != "stored_at")


@click.command("articles")
@click.option("--since", default=None, help="Published at or after this ISO date or time.")
@click.option("--origin", default=None, help="Outlet that wrote the story (case-insensitive).")
@click.option("--publisher", default=None, help="Site the page was found on (case-insensitive).")
@click.option(
    "--limit", type=click.IntRange(min=0), default=50, show_default=True, help="At most N."
)
@format_option
@db_option
@click.pass_context
def articles_command(ctx: click.Context, /, fmt: str, db: str | None, **where: Any) -> None:
    """List stored articles, newest publication first."""
    with open_store(settings_of(ctx, db=db), read_only=True) as store:
        found = store.articles(ArticleFilter(**where))
    render(
        fmt=fmt,
        records=[to_dict(a) for a in found],
        csv_columns=_ARTICLE_CSV,
        csv_rows=[rows.article_row(a, at="")[: len(_ARTICLE_CSV)] for a in found],
        table=table_of(ARTICLE_TABLE, found),
        title=f"{len(found)} articles",
    )


@click.command("show")
@click.argument("doc_id")
@click.option("--json", "as_json", is_flag=True, help="Print page, article, events, quotes.")
@db_option
@click.pass_context
def show_command(ctx: click.Context, doc_id: str, as_json: bool, db: str | None) -> None:
    """Show one article with its provenance and the blocks removed from it.

    DOC_ID may be any unique prefix of the id.
    """
    with open_store(settings_of(ctx, db=db), read_only=True) as store:
        art = store.article(doc_id)
        if art is None:
            raise InputError(f"no article with id or prefix '{doc_id}' in {store.path}")
        page = store.page(art.doc_id)
        events = store.events(EventFilter(doc_id=art.doc_id))
        quotes = store.quotes(QuoteFilter(doc_id=art.doc_id))
    if as_json:
        print_json(
            {
                "page": to_dict(page),
                "article": to_dict(art),
                "events": to_dict(events),
                "quotes": to_dict(quotes),
            }
        )
        return
    console = Console()
    console.print(f"[bold]{art.title or '(no title)'}[/]")
    provenance = [
        ("doc_id", art.doc_id),
        ("url", art.url),
        ("published_at", f"{art.published_at or '-'} (printed: {art.published_at_raw or '-'})"),
        ("origin", art.origin),
        ("publisher", art.publisher),
        ("cited_sources", ", ".join(art.cited_sources)),
        ("dateline", art.dateline),
        ("byline", art.byline),
        ("language", art.language),
    ]
    if page is not None:
        provenance += [
            ("source", page.source),
            ("fetched_at", page.fetched_at),
            ("content_type", f"{page.content_type}; {page.encoding}; {len(page.raw)} bytes"),
        ]
    print_table(["field", "value"], provenance, title="Provenance")
    console.print(Panel(art.text, title=f"{len(art.paragraphs)} paragraphs"))
    print_table(
        ["kind", "reason", "text"],
        [[r.kind, r.reason, r.text[:200]] for r in art.removed],
        title=f"{len(art.removed)} blocks removed",
    )
    console.print(f"{len(events)} events, {len(quotes)} quotes (eventwire events / quotes)")


@click.command("rejected")
@click.option("--stage", default=None, help="Only rejections by this stage (ingest, extract...).")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most N.")
@format_option
@db_option
@click.pass_context
def rejected_command(ctx: click.Context, /, fmt: str, db: str | None, **where: Any) -> None:
    """List documents a stage could not handle, and why."""
    with open_store(settings_of(ctx, db=db), read_only=True) as store:
        found = store.rejection_log(RejectionFilter(**where))
    render(
        fmt=fmt,
        records=[{**to_dict(rej), "at": at} for rej, at in found],
        csv_columns=rows.REJECTION_COLUMNS,
        csv_rows=[rows.rejection_row(rej, at=at) for rej, at in found],
        table=(
            # The reason is what a reader came for: it is the wrapping last column.
            ["at", "stage", "source", "reason"],
            [[at, rej.stage, rej.source, rej.reason] for rej, at in found],
        ),
        title=f"{len(found)} rejected",
    )


@click.command("events")
@click.option("--source", default=None, help="Source actor code (RUS, NATO...).")
@click.option("--target", default=None, help="Target actor code.")
@click.option("--root", default=None, help="CAMEO root code (04, 13...).")
@click.option("--modality", type=click.Choice(MODALITIES), default=None, help="Only this modality.")
@click.option("--since", default=None, help="Events dated on or after this ISO date.")
@click.option("--until", default=None, help="Events dated on or before this ISO date.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most N.")
@format_option
@db_option
@click.pass_context
def events_command(ctx: click.Context, /, fmt: str, db: str | None, **where: Any) -> None:
    """List coded events in date order, with the sentence each came from."""
    with open_store(settings_of(ctx, db=db), read_only=True) as store:
        found = store.events(EventFilter(**where))
    render(
        fmt=fmt,
        records=[to_dict(e) for e in found],
        csv_columns=rows.EVENT_COLUMNS,
        csv_rows=rows.event_rows(found),
        table=table_of(EVENT_TABLE, found),
        title=f"{len(found)} events",
    )


@click.command("quotes")
@click.option("--speaker", default=None, help="Speaker actor code or name (case-insensitive).")
@click.option("--doc", "doc_id", default=None, help="Only quotes of this document id.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most N.")
@format_option
@db_option
@click.pass_context
def quotes_command(ctx: click.Context, /, fmt: str, db: str | None, **where: Any) -> None:
    """List quotes with their speakers."""
    with open_store(settings_of(ctx, db=db), read_only=True) as store:
        found = store.quotes(QuoteFilter(**where))
    render(
        fmt=fmt,
        records=[to_dict(q) for q in found],
        csv_columns=rows.QUOTE_COLUMNS,
        csv_rows=rows.quote_rows(found),
        table=table_of(QUOTE_TABLE, found),
        title=f"{len(found)} quotes",
    )
