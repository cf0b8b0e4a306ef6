"""`eventwire eval` (placeholder until the eval work lands; owned by the eval helper)."""

from __future__ import annotations

import click


@click.command("eval")
def eval_command() -> None:
    """Measure event-coding accuracy against gold data."""
    raise click.ClickException("eval is not available yet")
