"""Acceptance: `eventwire code` on the running example, read against the seed gold file.

The gold file says what to look for (quotes with speakers, people with codes, the article's
provenance); nothing here is specific to the seed text.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from tests.conftest import shared_path

from eventwire.cli import main


@pytest.fixture(scope="module")
def coded() -> dict[str, Any]:
    seed = shared_path("samples", "000_2f1d59fa7cd7b862.txt")
    out = CliRunner().invoke(main, ["code", str(seed), "--json"])
    assert out.exit_code == 0, out.output
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def test_json_has_the_documented_parts(coded: dict[str, Any]) -> None:
    assert set(coded) >= {"page", "article", "actors", "quotes", "events"}


def test_article_provenance(coded: dict[str, Any], seed_gold: dict[str, Any]) -> None:
    art, want = coded["article"], seed_gold["article"]
    for key in ("title", "published_at", "published_at_raw", "origin", "publisher"):
        assert art[key] == want[key], key
    assert art["cited_sources"] == want["cited_sources"]
    assert len(art["paragraphs"]) == want["body_paragraphs"]
    assert not [s for s in want["body_must_not_contain"] if s in art["text"]]


def test_quotes_have_their_speakers(coded: dict[str, Any], seed_gold: dict[str, Any]) -> None:
    direct = [q for q in coded["quotes"] if q["kind"] == "direct"]
    for want in seed_gold["quotes"]:
        hits = [q for q in direct if q["text"].startswith(want["starts_with"])]
        assert len(hits) == 1, want["starts_with"]
        (quote,) = hits
        assert quote["speaker_name"] == want["speaker"]
        assert quote["speaker"] is not None
        assert quote["speaker"]["code"] == want["speaker_code"]


def test_people_are_resolved(coded: dict[str, Any], seed_gold: dict[str, Any]) -> None:
    people = [a for a in coded["actors"] if a["kind"] == "person"]
    for want in seed_gold["people"]:
        mentions = [a for a in people if a["name"] == want["name"]]
        assert mentions, want["name"]
        assert {a["code"] for a in mentions} == {want["code"]}, want["name"]
        if "sector" in want:
            assert {a["sector"] for a in mentions} == {want["sector"]}, want["name"]


def test_no_event_from_a_news_agency_or_removed_text(coded: dict[str, Any]) -> None:
    removed = [block["text"] for block in coded["article"]["removed"]]
    for event in coded["events"]:
        for side in (event["source"], event["target"]):
            assert side is None or side["sector"] != "MED", event["sentence"]
        assert all(event["sentence"] not in block for block in removed)
        assert event["sentence"] in coded["article"]["text"]
