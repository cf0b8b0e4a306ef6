"""``eventwire extract`` and ``eventwire code``: one document through the pipeline, no database.

Output is one JSON object per page (indented when the source holds one page, one object per
line when it holds several, e.g. a WARC file). A page that is rejected prints its ``rejected``
record instead of an article and the command exits 1.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from eventwire.cli.context import check_sources, settings_of
from eventwire.pipeline import process_sources
from eventwire.records import Rejected, Result, to_dict

__all__ = ["code_command", "extract_command"]


def _document(item: Result | Rejected, *, coded: bool) -> tuple[dict[str, Any], bool]:
    """Return the JSON object for one page and whether it was accepted."""
    if isinstance(item, Rejected):
        return {"page": None, "rejected": to_dict(item)}, False
    if item.article is None:
        return {"page": to_dict(item.page), "rejected": to_dict(item.rejected)}, False
    out: dict[str, Any] = {"page": to_dict(item.page), "article": to_dict(item.article)}
    if coded:
        out["actors"] = to_dict(item.actors)
        out["quotes"] = to_dict(item.quotes)
        out["events"] = to_dict(item.events)
        if item.rejected is not None:
            out["rejected"] = to_dict(item.rejected)
    return out, item.rejected is None


def _emit(docs: list[dict[str, Any]]) -> None:
    if len(docs) == 1:
        click.echo(json.dumps(docs[0], indent=2, ensure_ascii=False))
    else:
        for doc in docs:
            click.echo(json.dumps(doc, ensure_ascii=False))


def _summary(item: Result | Rejected) -> None:
    """Print a readable account of one coded document."""
    if isinstance(item, Rejected) or item.article is None:
        rej = item if isinstance(item, Rejected) else item.rejected
        assert rej is not None
        click.echo(f"rejected [{rej.stage}] {rej.source}: {rej.reason}")
        return
    art = item.article
    click.echo(f"{art.title or '(no title)'}")
    click.echo(f"  doc_id     {art.doc_id}")
    click.echo(f"  published  {art.published_at or '-'} (printed: {art.published_at_raw or '-'})")
    click.echo(f"  origin     {art.origin or '-'}   publisher {art.publisher or '-'}")
    if art.cited_sources:
        click.echo(f"  cites      {', '.join(art.cited_sources)}")
    click.echo(
        f"  {len(art.paragraphs)} paragraphs, {len(art.removed)} blocks removed, "
        f"{len(item.actors)} actor mentions, {len(item.quotes)} quotes, "
        f"{len(item.events)} events"
    )
    for e in item.events:
        target = e.target.code if e.target else "-"
        how = f"{e.modality}, historical" if e.historical else e.modality
        click.echo(
            f"  event  {e.event_date or '?'}  {e.source.code} -> {target}  {e.cameo} "
            f"({e.plover_type or '-'}, {how})  [{e.rule}]"
        )
        click.echo(f"         {e.sentence}")
    for q in item.quotes:
        who = q.speaker.code if q.speaker else None
        click.echo(f"  quote  {q.speaker_name or who or '?'}: {q.text}")
    if item.rejected is not None:
        click.echo(f"  rejected [{item.rejected.stage}]: {item.rejected.reason}")


def _run(ctx: click.Context, source: str, *, coded: bool, as_json: bool) -> None:
    settings = settings_of(ctx)
    check_sources([source])
    ok = True
    docs: list[dict[str, Any]] = []
    for item in process_sources(
        [source], settings=settings, code_events=coded, stdin=sys.stdin.buffer
    ):
        doc, accepted = _document(item, coded=coded)
        ok = ok and accepted
        if as_json:
            docs.append(doc)
        elif coded:
            _summary(item)
        else:
            _article_text(item)
    if as_json:
        _emit(docs)
    if not ok:
        ctx.exit(1)


def _article_text(item: Result | Rejected) -> None:
    if isinstance(item, Rejected) or item.article is None:
        _summary(item)
        return
    art = item.article
    click.echo(f"# {art.title or '(no title)'}")
    click.echo(
        f"published {art.published_at or '-'}; origin {art.origin or '-'}; "
        f"publisher {art.publisher or '-'}; {len(art.removed)} blocks removed\n"
    )
    click.echo(art.text)


@click.command("extract")
@click.argument("source", metavar="FILE|URL|-")
@click.option("--json", "as_json", is_flag=True, help="Print the page and article as JSON.")
@click.pass_context
def extract_command(ctx: click.Context, source: str, as_json: bool) -> None:
    """Extract the article from one page (no database, no event coding).

    Prints the clean text, or with --json {"page": ..., "article": ...}. A rejected page
    prints {"page": ..., "rejected": ...} and exits 1.
    """
    _run(ctx, source, coded=False, as_json=as_json)


@click.command("code")
@click.argument("source", metavar="FILE|URL|-")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print {"page", "article", "actors", "quotes", "events"} as JSON.',
)
@click.pass_context
def code_command(ctx: click.Context, source: str, as_json: bool) -> None:
    """Run the whole pipeline on one page and print what was found (no database)."""
    _run(ctx, source, coded=True, as_json=as_json)
