"""``eventwire`` command line: a thin shell that parses, calls a plain function and prints.

    eventwire [--config PATH] [--version] COMMAND
      ingest   PATH|URL|- ...   sources → database (eventwire.pipeline.run)
      extract  FILE|URL|-       one page → article JSON, no database
      code     FILE|URL|-       one page → article, actors, quotes, events; no database
      articles / show / rejected / events / quotes    read the database (eventwire.store)
      demo                      ingest ./examples and show what came out
      eval                      accuracy against gold data (eventwire.cli.eval_cmd)

Exit codes: 0 ok, 1 failure (every :class:`~eventwire.errors.EventwireError` prints
``error EW###: message`` on stderr), 2 usage error (click's own).
"""

from __future__ import annotations

from typing import Any

import click

from eventwire import __version__
from eventwire.cli.code_cmd import code_command, extract_command
from eventwire.cli.eval_cmd import eval_command
from eventwire.cli.ingest_cmd import demo_command, ingest_command
from eventwire.cli.query_cmd import (
    articles_command,
    events_command,
    quotes_command,
    rejected_command,
    show_command,
)
from eventwire.errors import EventwireError
from eventwire.settings import load_settings

__all__ = ["CommandError", "main"]


class CommandError(click.ClickException):
    """An :class:`EventwireError` on its way to the terminal: exit 1 with its code."""

    exit_code = 1

    def __init__(self, error: EventwireError) -> None:
        super().__init__(error.message)
        self.error = error

    def show(self, file: Any = None) -> None:
        click.echo(f"error {self.error.code}: {self.error.message}", err=True, file=file)


class _Group(click.Group):
    """A group that turns every EventwireError raised below it into :class:`CommandError`."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EventwireError as e:
            raise CommandError(e) from e


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    type=click.Path(dir_okay=False),
    default=None,
    help="Settings file (TOML); default $EVENTWIRE_CONFIG or ./eventwire.toml when present.",
)
@click.version_option(__version__, "--version", prog_name="eventwire")
@click.pass_context
def main(ctx: click.Context, config: str | None) -> None:
    """Turn raw news pages into political event data (CAMEO/PLOVER) with provenance."""
    ctx.obj = {"config": config, "settings": load_settings(config)}


for _command in (
    ingest_command,
    extract_command,
    code_command,
    articles_command,
    show_command,
    rejected_command,
    events_command,
    quotes_command,
    demo_command,
    eval_command,
):
    main.add_command(_command)
