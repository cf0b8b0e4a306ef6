"""Acceptance: the running example's article matches ``seed.expected.json``."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import make_page, shared_path

from eventwire.extract import extract
from eventwire.records import Article


@pytest.fixture
def seed_article() -> Article:
    path = shared_path("samples", "000_2f1d59fa7cd7b862.txt")
    raw = path.read_bytes()
    page = make_page(raw, source=str(path), fetched_at="2025-07-06T00:00:00Z")
    result = extract(page)
    assert isinstance(result, Article), result
    return result


def _gold(seed_gold: dict[str, Any]) -> dict[str, Any]:
    article: dict[str, Any] = seed_gold["article"]
    return article


@pytest.mark.parametrize(
    "field", ["title", "published_at", "published_at_raw", "origin", "publisher"]
)
def test_metadata(seed_article: Article, seed_gold: dict[str, Any], field: str) -> None:
    assert getattr(seed_article, field) == _gold(seed_gold)[field]


def test_cited_sources(seed_article: Article, seed_gold: dict[str, Any]) -> None:
    assert list(seed_article.cited_sources) == _gold(seed_gold)["cited_sources"]


def test_body(seed_article: Article, seed_gold: dict[str, Any]) -> None:
    gold = _gold(seed_gold)
    assert seed_article.text.startswith(gold["body_starts_with"])
    assert seed_article.text.endswith(gold["body_ends_with"])
    assert len(seed_article.paragraphs) == gold["body_paragraphs"]
    assert seed_article.text == "\n\n".join(seed_article.paragraphs)
    for snippet in gold["body_must_not_contain"]:
        assert snippet not in seed_article.text, snippet
    assert seed_article.language == "en"


def test_removed_kinds(seed_article: Article, seed_gold: dict[str, Any]) -> None:
    kinds = {r.kind for r in seed_article.removed}
    assert set(_gold(seed_gold)["removed_kinds_at_least"]) <= kinds
    related = next(r for r in seed_article.removed if r.kind == "related-stories list")
    # The whole teaser list is one block, and every removed block says why it was cut.
    assert related.text.count("\n") >= 10
    assert all(r.reason for r in seed_article.removed)


def test_nothing_is_lost(seed_article: Article, seed_text: str) -> None:
    # Every non-empty line of the page is either body or explained in ``removed``.
    kept = "".join([*seed_article.paragraphs, *(r.text for r in seed_article.removed)])
    kept = "".join(kept.split())
    title = seed_article.title or ""
    for line in seed_text.splitlines():
        line = line.strip()
        if line and line != title:
            assert "".join(line.split()) in kept, line


@pytest.mark.parametrize("blank_lines", [False, True])
def test_hard_wrapped_seed_gives_the_same_article(seed_article: Article, blank_lines: bool) -> None:
    import textwrap

    from eventwire.extract.plain import extract_plain

    text = shared_path("samples", "000_2f1d59fa7cd7b862.txt").read_text("utf-8")
    joiner = "\n\n" if blank_lines else "\n"
    wrapped = joiner.join("\n".join(textwrap.wrap(line, 76)) for line in text.splitlines())
    page = make_page(
        wrapped, source="wrapped.txt", fetched_at="2025-07-06T00:00:00Z", page_id="wrapped"
    )
    article = extract_plain(page, wrapped)
    assert isinstance(article, Article)
    assert article.paragraphs == seed_article.paragraphs
    assert (article.title, article.published_at, article.origin) == (
        seed_article.title,
        seed_article.published_at,
        seed_article.origin,
    )
