"""The coding lexicon: packaged file, validation errors, user lexicons that override it."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import LexiconError
from eventwire.events import EventCoder
from eventwire.events.lexicon import Lexicon, load_lexicon, packaged_lexicon_path
from eventwire.events.ontology import cameo_info, plover_for
from eventwire.settings import EventsSettings

HEADER = "pos\tlemma\twhen\tsource\ttarget\tcode\tcomment\n"


def test_packaged_lexicon_covers_every_root() -> None:
    entries = load_lexicon(packaged_lexicon_path(), name="lexicon")
    assert len(entries) >= 300
    roots = {cameo_info(e.code).root for e in entries}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert any(e.id == "lexicon:meet#1" for e in entries)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("V\tmeet\t-\tsubj\twith\t999\tbad code", "'999' is not a CAMEO code"),
        ("V\tmeet\t-\tsubj\twith", "expected 6 or 7"),
        ("X\tmeet\t-\tsubj\twith\t040\t", "part of speech"),
        ("V\tmeet\tfoo=bar\tsubj\twith\t040\t", "unknown condition 'foo'"),
        ("V\tmeet\t-\tsubj\tsideways\t040\t", "unknown target slot 'sideways'"),
        ("V\tmeet\tpobj=aid\tsubj\twith\t040\t", "pobj needs a preposition"),
        ("V\tcall off\t-\tsubj\twith\t040\t", "one word"),
    ],
)
def test_malformed_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(HEADER + "# a comment\n\n" + line + "\n", "utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicon(path)
    assert f"{path}:4" in str(err.value)
    assert message in str(err.value)
    assert err.value.code == "EW400"


def test_missing_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        EventCoder.from_settings(EventsSettings(extra_lexicons=(str(tmp_path / "no.tsv"),)))


def test_later_entry_with_same_conditions_wins(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(HEADER + "V\tmeet\t-\tsubj\twith|obj|mutual\t046\tmeet = negotiate\n")
    coder = EventCoder.from_settings(EventsSettings(extra_lexicons=(str(path),)))
    plain = [e for e in coder.lexicon.entries("V", "meet") if not e.conditions]
    assert [e.code for e in plain] == ["046"]
    assert plain[0].id == "mine:meet#1"


def test_lexicon_index_by_lemma() -> None:
    lex = Lexicon(load_lexicon(packaged_lexicon_path()))
    assert "attack" in lex.lemmas
    assert {e.pos for e in lex.entries("V", "attack")} == {"V"}
    assert lex.entries("V", "eat") == ()


def test_ontology_mapping() -> None:
    row = cameo_info("0234")
    assert (row.root, row.quad_class) == ("02", 1)
    assert plover_for("013") == (None, None)  # statements have no PLOVER type
    assert plover_for("0234") == ("REQUEST", "assist")  # appeals are soft requests
    assert plover_for("1034")[0] == "REQUEST"
    assert plover_for("192") == ("COERCE", "seize")
    assert plover_for("0213")[0] == "REQUEST"
    with pytest.raises(LexiconError):
        cameo_info("999")
