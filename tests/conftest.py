"""Shared fixtures: the only conftest in the tree."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.settings import Settings, load_settings

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
