"""Actor tables: packaged ones load, user tables extend them, malformed ones are reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors import ActorResolver
from eventwire.actors.matching import plural_forms
from eventwire.actors.tables import load_tables
from eventwire.errors import LexiconError
from eventwire.settings import ActorsSettings


def test_packaged_tables_cover_states_igos_and_offices() -> None:
    tables = load_tables()
    assert tables.entries["Estonia"].code == "EST"
    assert tables.entries["Kosovo"].code == "XKX"
    assert tables.entries["NATO"].code == "NATO"
    assert tables.entries["Baltic states"].codes == ("EST", "LVA", "LTU")
    assert tables.roles["foreign minister"].sector == "GOV"
    assert any(o.name == "Kaja Kallas" and o.code == "EST" for o in tables.offices)


def test_extra_table_is_read_after_packaged(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "phrase\tcode\ttype\tsector\tname\tflags\nRuritania\tRUR\tstate\t\tRuritania\t\n",
        "utf-8",
    )
    resolver = ActorResolver.from_settings(ActorsSettings(extra_tables=(str(extra),)))
    assert resolver.tables.entries["Ruritania"].code == "RUR"


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("phrase\tcode\ttype\tsector\tname\tflags\nAtlantis\tATL\tcity-state\t\t\t\n", 2),
        ("phrase\tcode\ttype\tsector\tname\tflags\n# note\nAtlantis\t\tstate\t\t\t\n", 3),
        ("name\tcode\tsector\trole\tstart\tend\taliases\nA B\tATL\tGOV\tKing\t2020-13-01\t\t\n", 2),
        ("who\twhat\nx\ty\n", 1),
    ],
)
def test_malformed_table_names_file_and_line(tmp_path: Path, content: str, line: int) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(content, "utf-8")
    with pytest.raises(LexiconError, match=rf"bad\.tsv:{line}:"):
        ActorResolver.from_settings(ActorsSettings(extra_tables=(str(bad),)))


def test_missing_extra_table_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        load_tables((str(tmp_path / "absent.tsv"),))


@pytest.mark.parametrize(
    ("phrase", "plural"),
    [("diplomat", "diplomats"), ("army", "armies"), ("spokesman", "spokesmen")],
)
def test_plural_forms(phrase: str, plural: str) -> None:
    assert plural in plural_forms(phrase)
