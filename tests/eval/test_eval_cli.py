"""`eventwire eval`: options, JSON contract, the rich report and EW600 errors (coder stubbed)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventwire.cli.eval_cmd import eval_command, guess_format
from eventwire.eval import coding
from eventwire.eval.gold import GoldSentence
from eventwire.eval.metrics import PredictedEvent

GOLD_LINES = [
    {
        "id": "a",
        "text": "Russia attacked Ukraine.",
        "published_at": "2022-02-24",
        "events": [{"cameo": "190", "source": "RUS", "target": "UKR"}],
    },
    {"id": "b", "text": "Nothing happened.", "events": []},
]


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in GOLD_LINES) + "\n", "utf-8")
    return path


@pytest.fixture
def stub_coder(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace the real coder: 'a' gets the right event, 'b' a spurious one."""
    seen: list[str] = []

    def fake(
        sentences: Sequence[GoldSentence], **_: Any
    ) -> tuple[dict[str, tuple[PredictedEvent, ...]], list[str]]:
        seen.extend(s.id for s in sentences)
        right = PredictedEvent(code="193", root="19", source="RUS", target="UKR")
        wrong = PredictedEvent(
            code="111", root="11", source="USA", target="RUS", modality="negated"
        )
        preds = {"a": (right,), "b": (wrong,)}
        return {s.id: preds[s.id] for s in sentences}, []

    monkeypatch.setattr(coding, "code_gold", fake)
    return seen


def test_json_output(gold_file: Path, stub_coder: list[str]) -> None:
    res = CliRunner().invoke(eval_command, ["--gold", str(gold_file), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["sentences"] == 2
    assert (data["precision"], data["recall"], data["f1"]) == (0.5, 1.0, 0.6667)
    assert data["exact_sentences"] == 0.5
    assert data["full_code"]["matched"] == 0
    assert data["confusion"]["spurious"] == {"11": 1}
    assert data["by_modality"]["negated"]["precision"] == 0.0
    assert stub_coder == ["a", "b"]


def test_limit_and_explicit_format(gold_file: Path, stub_coder: list[str]) -> None:
    args = ["--gold", str(gold_file), "--format", "eventwire", "--limit", "1", "--json"]
    res = CliRunner().invoke(eval_command, args)
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["sentences"] == 1
    assert stub_coder == ["a"]


def test_human_report(gold_file: Path, stub_coder: list[str]) -> None:
    res = CliRunner().invoke(eval_command, ["--gold", str(gold_file)])
    assert res.exit_code == 0, res.output
    assert "Event matching" in res.output
    assert "CAMEO root" in res.output
    assert "1 of 2 sentences not exact" in res.output


def test_malformed_gold_exits_1_with_ew600(tmp_path: Path, stub_coder: list[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "t", "events": [{"cameo": "zz"}]}\n', "utf-8")
    res = CliRunner().invoke(eval_command, ["--gold", str(bad)])
    assert res.exit_code == 1
    assert "error EW600: " in res.output
    assert "bad.jsonl:1" in res.output
    assert stub_coder == []


def test_missing_gold_and_unknown_suffix(tmp_path: Path) -> None:
    res = CliRunner().invoke(eval_command, ["--gold", str(tmp_path / "none.xml")])
    assert res.exit_code == 1 and "error EW600" in res.output
    odd = tmp_path / "gold.txt"
    odd.write_text("x", "utf-8")
    res = CliRunner().invoke(eval_command, ["--gold", str(odd)])
    assert res.exit_code == 2 and "--format" in res.output


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.xml", "petrarch"), ("a.json", "plover"), ("a.JSONL", "eventwire"), ("a.csv", None)],
)
def test_guess_format(name: str, fmt: str | None) -> None:
    assert guess_format(name) == fmt
