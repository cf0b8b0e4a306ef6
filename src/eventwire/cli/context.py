"""What every command needs from the group: settings, the database, checked sources."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from eventwire.errors import SourceNotFound
from eventwire.settings import Settings, load_settings
from eventwire.store import Store

__all__ = ["check_sources", "db_option", "open_store", "settings_of"]

db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default=None,
    help="Database file (default: setting store.db, env EVENTWIRE_STORE_DB, ./eventwire.duckdb).",
)


def settings_of(ctx: click.Context, *, db: str | None = None) -> Settings:
    """Return the settings the group loaded, with this command's flags applied."""
    obj: Any = ctx.find_root().obj
    settings = obj["settings"] if isinstance(obj, dict) else load_settings()
    if db is not None:
        settings = settings.replace("store", db=db)
    return settings


def open_store(settings: Settings, *, read_only: bool = False) -> Store:
    """Open the database the settings name.

    Raises:
        StoreError: The file cannot be opened, or (read-only) does not exist yet.
    """
    return Store.open(settings.store.db, read_only=read_only)


def check_sources(sources: Iterable[str]) -> list[str]:
    """Return the sources, failing fast on a local path that does not exist.

    Raises:
        SourceNotFound: A path (not ``-`` and not a URL) does not exist.
    """
    out = list(sources)
    for source in out:
        if source == "-" or "://" in source:
            continue
        if not Path(source).exists():
            raise SourceNotFound(f"{source}: not found")
    return out
