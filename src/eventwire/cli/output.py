"""Print records as a rich table, JSON or CSV (one place, so every listing behaves alike).

JSON uses the record field names (:func:`eventwire.records.to_dict`). CSV uses the database
column names: nested records are flattened with a prefix (``source_code``, ``location_lat``)
and lists are JSON-encoded in their cell.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

from eventwire.records import Article, Event, Quote

__all__ = [
    "ARTICLE_TABLE",
    "EVENT_TABLE",
    "FORMATS",
    "QUOTE_TABLE",
    "format_option",
    "print_json",
    "print_table",
    "render",
    "table_of",
]

R = TypeVar("R")

FORMATS = ("table", "json", "csv")

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="Output format.",
)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# The short view of a record in a rich table: each column's header and how to get its cell.
ARTICLE_TABLE: dict[str, Callable[[Article], Any]] = {
    "doc": lambda a: a.doc_id[:12],
    "published": lambda a: (a.published_at or "")[:10],
    "origin": lambda a: a.origin,
    "publisher": lambda a: a.publisher,
    "title": lambda a: a.title,
}
EVENT_TABLE: dict[str, Callable[[Event], Any]] = {
    "date": lambda e: e.event_date,
    # Dated well before publication: recalled background, not news of the day.
    "hist": lambda e: "yes" if e.historical else "",
    "source": lambda e: e.source.code,
    "cameo": lambda e: e.cameo,
    "target": lambda e: e.target.code if e.target else None,
    "modality": lambda e: e.modality,
    "doc": lambda e: e.doc_id[:12],
    "sentence": lambda e: _one_line(e.sentence),
}
QUOTE_TABLE: dict[str, Callable[[Quote], Any]] = {
    "speaker": lambda q: q.speaker_name,
    "code": lambda q: q.speaker.code if q.speaker else None,
    "cue": lambda q: q.cue,
    "kind": lambda q: q.kind,
    "doc": lambda q: q.doc_id[:12],
    "text": lambda q: _one_line(q.text),
}


def table_of(
    view: Mapping[str, Callable[[R], Any]], records: Iterable[R]
) -> tuple[list[str], list[list[Any]]]:
    """Return the header and the rows of a table showing ``records`` through ``view``."""
    return list(view), [[cell(r) for cell in view.values()] for r in records]


def print_json(data: Any) -> None:
    """Print data as indented JSON on stdout."""
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bytes):
        return len(value)
    return value


def render(
    *,
    fmt: str,
    records: Sequence[Any],
    csv_columns: Sequence[str],
    csv_rows: Sequence[Sequence[Any]],
    table: tuple[Sequence[str], Sequence[Sequence[Any]]],
    title: str | None = None,
) -> None:
    """Print one listing in the chosen format.

    Args:
        fmt: ``table``, ``json`` or ``csv``.
        records: JSON-ready dicts (``to_dict`` of each record) for ``json``.
        csv_columns: Header of the CSV.
        csv_rows: One row per record, in ``csv_columns`` order.
        table: Header and rows of the rich table (a short selection of columns, as
            :func:`table_of` returns them).
        title: Title over the table.
    """
    if fmt == "json":
        print_json(list(records))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(csv_columns)
        writer.writerows([[_cell(v) for v in row] for row in csv_rows])
    else:
        print_table(*table, title=title)


def print_table(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], *, title: str | None = None
) -> None:
    """Print a rich table on stdout (120 columns wide when stdout is not a terminal)."""
    table = Table(title=title, show_lines=False)
    for i, col in enumerate(columns):
        # Short fields stay on one line (cut with an ellipsis when the terminal is narrow);
        # the last column is the free text (title, sentence) and wraps.
        last = i == len(columns) - 1
        if last:
            table.add_column(col, min_width=30, overflow="fold")
        else:
            table.add_column(col, no_wrap=True, max_width=24, overflow="ellipsis")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    # Off a terminal (a pipe, a CI log) rich would assume 80 columns; tables read better wider.
    width = None if sys.stdout.isatty() else 120
    Console(soft_wrap=False, width=width).print(table)
