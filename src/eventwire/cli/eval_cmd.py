"""``eventwire eval``: measure event-coding accuracy against a gold file.

A thin shell over :func:`eventwire.eval.evaluate`: parse the options, call, print a rich report
(or JSON with ``--json``). Errors print ``error EW###: message`` and exit 1.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import click
from rich.console import Console
from rich.table import Table

from eventwire.errors import EventwireError
from eventwire.eval.gold import GOLD_FORMATS, GoldFormat
from eventwire.eval.metrics import EvalReport, MatchScores
from eventwire.settings import Settings, load_settings

__all__ = ["eval_command", "guess_format"]

_SUFFIX_FORMATS: dict[str, GoldFormat] = {
    ".xml": "petrarch",
    ".json": "plover",
    ".jsonl": "eventwire",
}


def guess_format(path: str) -> GoldFormat | None:
    """Return the gold format a file name suggests (.xml, .json, .jsonl), or None."""
    return _SUFFIX_FORMATS.get(Path(path).suffix.lower())


def _settings(ctx: click.Context) -> Settings:
    # The ``eventwire`` group loads settings once (its ``--config``); alone, use the layers.
    obj: Any = ctx.find_root().obj
    if isinstance(obj, dict) and isinstance(obj.get("settings"), Settings):
        found: Settings = obj["settings"]
        return found
    return load_settings()


@click.command("eval")
@click.option(
    "--gold",
    "gold",
    required=True,
    type=click.Path(dir_okay=False),
    help="Gold file to evaluate against.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(GOLD_FORMATS),
    default=None,
    help="Gold format; guessed from the suffix when omitted (.xml petrarch, .json plover, "
    ".jsonl eventwire).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Evaluate the first N only."
)
@click.pass_context
def eval_command(
    ctx: click.Context,
    gold: str,
    fmt: str | None,
    as_json: bool,
    limit: int | None,
) -> None:
    """Measure event-coding accuracy against a gold file (PETRARCH, PLOVER or eventwire)."""
    from eventwire.eval.coding import evaluate

    chosen = cast(GoldFormat | None, fmt) or guess_format(gold)
    if chosen is None:
        raise click.UsageError("cannot guess the gold format from the file name: use --format")
    try:
        settings = _settings(ctx)
        report = evaluate(gold, format=chosen, settings=settings, limit=limit)
    except EventwireError as e:
        click.echo(f"error {e}", err=True)
        ctx.exit(1)
        return
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print_report(report, Console())


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def _row(name: str, m: MatchScores) -> list[str]:
    return [
        name,
        _pct(m.precision),
        _pct(m.recall),
        _pct(m.f1),
        _pct(m.exact_sentences),
        f"{m.matched}/{m.predicted}/{m.gold}",
    ]


def print_report(report: EvalReport, console: Console) -> None:
    """Print an evaluation report as rich tables."""
    label = "CAMEO root" if report.label == "cameo_root" else "PLOVER type"
    console.print(
        f"[bold]{report.gold_name}[/] ({report.format}): {report.sentences} sentences, "
        f"matched on ({label}, source, target)"
    )
    t = Table(title="Event matching (%)")
    for col in ("level", "precision", "recall", "F1", "exact sent.", "matched/pred/gold"):
        t.add_column(col, justify="right" if col != "level" else "left")
    t.add_row(*_row(label, report.root))
    if report.full_code is not None:
        t.add_row(*_row("full CAMEO code", report.full_code))
    t.add_row(*_row(f"{label}, asserted only", report.asserted_only))
    console.print(t)
    if report.plover is not None:
        pv = report.plover
        pt = Table(title=f"PLOVER accuracy over {pv.records} records (%)")
        for col in ("type", "source country", "target country"):
            pt.add_column(col, justify="right")
        pt.add_row(
            f"{_pct(pv.type_accuracy)} ({pv.type_correct}/{pv.records})",
            f"{_pct(pv.source_accuracy)} ({pv.source_found}/{pv.source_total})",
            f"{_pct(pv.target_accuracy)} ({pv.target_found}/{pv.target_total})",
        )
        console.print(pt)
    mt = Table(title="Predicted events by modality")
    for col in ("modality", "predicted", "matched", "precision %"):
        mt.add_column(col, justify="right" if col != "modality" else "left")
    for r in report.by_modality:
        mt.add_row(r.modality, str(r.predicted), str(r.matched), _pct(r.precision))
    h = report.historical
    mt.add_row("historical (not counted)", str(h.predicted), f"{h.matched} would match", "")
    console.print(mt)
    ct = Table(title=f"Confusion by {label} (gold rows; actor-matched pairs)")
    for col in ("gold", "correct", "coded as other", "missed"):
        ct.add_column(col, justify="left" if col in ("gold", "coded as other") else "right")
    for gold_label, row in report.confusion.items():
        if gold_label == "spurious":
            continue
        other = ", ".join(f"{k}×{v}" for k, v in row.items() if k not in (gold_label, "missed"))
        ct.add_row(gold_label, str(row.get(gold_label, 0)), other, str(row.get("missed", 0)))
    spurious = report.confusion.get("spurious", {})
    if spurious:
        ct.add_row("spurious", "", ", ".join(f"{k}×{v}" for k, v in spurious.items()), "")
    console.print(ct)
    wrong = sum(1 for d in report.details if not d.exact)
    console.print(f"{wrong} of {report.sentences} sentences not exact (--json lists them).")
    for note in report.notes:
        console.print(f"[dim]note: {note}[/]")
    for rej in report.rejected:
        console.print(f"[yellow]rejected: {rej}[/]")
