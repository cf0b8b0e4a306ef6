"""Shared fixtures: the only conftest in the tree."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from eventwire.actors import ActorResolver
from eventwire.events import EventCoder
from eventwire.nlp import load
from eventwire.records import Actor, Article, Event, Page, Parsed
from eventwire.settings import (
    ActorsSettings,
    EventsSettings,
    NlpSettings,
    Settings,
    load_settings,
)

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def _shared_dir() -> Path:
    env = os.environ.get("EVENTWIRE_SHARED")
    return Path(env) if env else REPO.parent / "shared"


SHARED = _shared_dir()
SEED = SHARED / "samples" / "000_2f1d59fa7cd7b862.txt"
SEED_GOLD = SHARED / "gold" / "seed.expected.json"


def shared_path(*parts: str) -> Path:
    """Return a path under ../shared, skipping the test with a clear message when absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not found at {path} (set EVENTWIRE_SHARED to its folder)")
    return path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Default settings with the database in a temporary folder and no user file."""
    s = load_settings(environ={})
    return s.replace("store", db=str(tmp_path / "test.duckdb"))


@pytest.fixture
def seed_text() -> str:
    return shared_path("samples", "000_2f1d59fa7cd7b862.txt").read_text("utf-8")


@pytest.fixture
def seed_gold() -> dict[str, object]:
    import json

    data: dict[str, object] = json.loads(
        shared_path("gold", "seed.expected.json").read_text("utf-8")
    )
    return data


@pytest.fixture(autouse=True)
def _isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run each test in a temporary folder, so no test reads or writes ./eventwire.duckdb."""
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith("EVENTWIRE_") and name != "EVENTWIRE_SHARED":
            monkeypatch.delenv(name)
    yield


# -- the spaCy pipeline and the actor resolver, loaded once per test session ----------------


@pytest.fixture(scope="session")
def nlp() -> Any:
    """Return the default spaCy pipeline (loading it costs seconds; share one per session)."""
    return load(NlpSettings())


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    """Return the actor resolver with default settings (its tables load once per session)."""
    return ActorResolver.from_settings(ActorsSettings())


# -- record builders for tests: plain functions, import them from tests.conftest -------------


def make_article(
    text: str,
    *,
    doc_id: str = "t",
    published_at: str | None = None,
    paragraphs: tuple[str, ...] | None = None,
) -> Article:
    """Build a minimal English article whose whole text is ``text``.

    Args:
        text: The article text.
        doc_id: The document id.
        published_at: The publication date (ISO 8601) or None.
        paragraphs: The paragraphs; ``(text,)`` when not given.

    Returns:
        An article with no url, title, origin or publisher.
    """
    return Article(
        doc_id=doc_id,
        url=None,
        title=None,
        paragraphs=(text,) if paragraphs is None else paragraphs,
        text=text,
        language="en",
        published_at=published_at,
        published_at_raw=None,
        origin=None,
        publisher=None,
    )


def make_parsed(nlp: Any, text: str, **article_options: Any) -> Parsed:
    """Parse ``text`` with ``nlp`` into a Parsed record around ``make_article(text, ...)``.

    Args:
        nlp: The spaCy pipeline (the ``nlp`` fixture).
        text: The article text.
        **article_options: Keyword options passed on to ``make_article``.

    Returns:
        The article paired with its parse.
    """
    return Parsed(article=make_article(text, **article_options), doc=nlp(text))


def make_page(
    content: str | bytes,
    *,
    content_type: str = "text/plain",
    source: str = "test.txt",
    fetched_at: str = "2024-01-01T00:00:00Z",
    url: str | None = None,
    hints: Mapping[str, str] | None = None,
    page_id: str | None = None,
) -> Page:
    """Build a page holding ``content`` (text is encoded as UTF-8).

    Args:
        content: The page's text or raw bytes.
        content_type: The MIME type, e.g. ``text/html``.
        source: Where the page came from.
        fetched_at: When it was fetched (ISO 8601).
        url: The page's URL, if any.
        hints: Metadata the container knew (``title``, ``published_at``, ``url``).
        page_id: The page id; the SHA-256 of the raw bytes when not given.

    Returns:
        The page.
    """
    raw = content.encode("utf-8") if isinstance(content, str) else content
    return Page(
        id=hashlib.sha256(raw).hexdigest() if page_id is None else page_id,
        source=source,
        fetched_at=fetched_at,
        content_type=content_type,
        encoding="utf-8",
        raw=raw,
        url=url,
        hints={} if hints is None else hints,
    )


# -- events-stage helpers: code a text with actors taken from a fixed name table ------------


def name_table_actors(text: str, names: Mapping[str, str]) -> tuple[Actor, ...]:
    """Find every whole-word mention of a name from ``names`` in ``text``, as an actor.

    This stands in for the actors stage, so the events stage can be tested alone.

    Args:
        text: The text to search.
        names: Surface name -> country code (``""`` for an actor with no code). List longer
            names first: a mention starting inside one already found is skipped.

    Returns:
        The actors (kind ``state``), in text order.
    """
    actors: list[Actor] = []
    for name, code in names.items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if any(a.start <= m.start() < a.end for a in actors):
                continue
            actors.append(Actor(text=name, start=m.start(), end=m.end(), code=code or None))
    actors.sort(key=lambda a: a.start)
    return tuple(actors)


def name_table_coder(
    nlp: Any, names: Mapping[str, str], *, published_at: str
) -> Callable[..., list[Event]]:
    """Return ``code(text, published_at=...)``: the events of ``text`` with name-table actors.

    Args:
        nlp: The spaCy pipeline (the ``nlp`` fixture).
        names: The name table, as for ``name_table_actors``.
        published_at: The default publication time (ISO 8601) of each coded text.

    Returns:
        A function coding one text with the default event coder.
    """
    coder = EventCoder.from_settings(EventsSettings())
    default = published_at

    def code(text: str, published_at: str = default) -> list[Event]:
        parsed = make_parsed(nlp, text, published_at=published_at)
        events, _quotes = coder(parsed, name_table_actors(text, names))
        return list(events)

    return code


def event_keys(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    """Return the (CAMEO root, source code, target code) of each event."""
    return {(e.cameo_root, e.source.code, e.target.code if e.target else None) for e in events}
