"""Schema versions: ``schema.sql`` is the current schema; migrations bring older files up to it.

A database records every version applied to it in ``schema_migrations``. A new database gets
``schema.sql`` as version :data:`SCHEMA_VERSION`. To change the schema: edit ``schema.sql``,
bump :data:`SCHEMA_VERSION`, and append a :class:`Migration` whose SQL turns the previous
version into the new one, so a migrated file and a fresh one end up identical.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration", "schema_sql"]

SCHEMA_VERSION = 1


@dataclass(frozen=True, kw_only=True, slots=True)
class Migration:
    """SQL that turns schema version ``version - 1`` into ``version``."""

    version: int
    name: str
    sql: str


# Applied in order to a database whose newest recorded version is lower. None yet: version 1 is
# the first released schema.
MIGRATIONS: tuple[Migration, ...] = ()


def schema_sql() -> str:
    """Return the text of the packaged ``schema.sql``."""
    return resources.files("eventwire.store").joinpath("schema.sql").read_text("utf-8")
