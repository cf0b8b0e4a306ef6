"""The docs cover every CLI command and option, settings key, error code and record field."""

from __future__ import annotations

import dataclasses
import inspect
import re
import tomllib
from pathlib import Path

import click
import pytest

from eventwire import errors, records
from eventwire.cli import main
from eventwire.settings import Settings

DOCS = Path(__file__).resolve().parents[1] / "docs"
DEFAULTS = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "defaults.toml"


def _read(name: str) -> str:
    return (DOCS / name).read_text("utf-8")


def _section(text: str, heading: str) -> str:
    """Return the text under a ``## heading`` up to the next ``## ``."""
    start = text.index(f"## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def _commands() -> dict[str, click.Command]:
    assert isinstance(main, click.Group)
    return dict(main.commands)


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_and_option_in_cli_md(name: str) -> None:
    section = _section(_read("cli.md"), f"`eventwire {name}`")
    for param in _commands()[name].params:
        if isinstance(param, click.Option):
            for opt in param.opts:
                assert f"`{opt}" in section, f"{opt} of `eventwire {name}` missing in cli.md"


def test_global_options_in_cli_md() -> None:
    head = _read("cli.md").split("\n## ")[0]
    for param in main.params:
        for opt in param.opts:
            assert f"`{opt}" in head, opt


def _settings_keys() -> list[str]:
    data = tomllib.loads(DEFAULTS.read_text("utf-8"))
    return [f"{section}.{key}" for section, values in data.items() for key in values]


def test_defaults_file_has_every_setting() -> None:
    declared = [
        f"{f.name}.{k.name}"
        for f in dataclasses.fields(Settings)
        for k in dataclasses.fields(f.default_factory())  # type: ignore[misc]
    ]
    assert sorted(_settings_keys()) == sorted(declared)


@pytest.mark.parametrize("key", _settings_keys())
def test_every_setting_in_settings_md(key: str) -> None:
    assert f"`{key}`" in _read("settings.md")


def _error_classes() -> list[type[errors.EventwireError]]:
    return [
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.EventwireError)
    ]


@pytest.mark.parametrize("cls", _error_classes(), ids=lambda c: c.__name__)
def test_every_error_code_in_errors_md(cls: type[errors.EventwireError]) -> None:
    rows = [line for line in _read("errors.md").splitlines() if f"`{cls.code}`" in line]
    assert rows, f"{cls.code} missing in errors.md"
    assert f"`{cls.__name__}`" in rows[0]


def test_error_codes_are_unique() -> None:
    codes = [cls.code for cls in _error_classes()]
    assert len(codes) == len(set(codes))


_RECORDS = [
    records.Page,
    records.Article,
    records.Removed,
    records.Rejected,
    records.Parsed,
    records.Actor,
    records.Location,
    records.Quote,
    records.Event,
    records.Story,
    records.Result,
]


@pytest.mark.parametrize("cls", _RECORDS, ids=lambda c: c.__name__)
def test_every_record_field_in_records_md(cls: type) -> None:
    section = _section(_read("records.md"), cls.__name__)
    documented = re.findall(r"^\| `(\w+)` \|", section, flags=re.M)
    assert documented == [f.name for f in dataclasses.fields(cls)]
