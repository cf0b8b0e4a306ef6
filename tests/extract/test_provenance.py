"""Tests for origin, publisher and cited-source detection."""

from __future__ import annotations

import pytest

from eventwire.extract.provenance import (
    byline_of,
    canonical_outlet,
    find_cited_sources,
    origin_from_body,
    publisher_from_url,
    trailer_outlet,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Speaking to news agency Reuters, Kallas said. Kallas told Reuters more.", ("Reuters",)),
        ("According to Reuters, the states met.", ("Reuters",)),
        ("AFP reported that talks failed. She told the BBC's Today programme.", ("AFP", "BBC")),
        ("He said in an interview with the BBC that he would stay.", ("BBC",)),
        ("The minister told Agence France-Presse and later AFP reported it.", ("AFP",)),
        (
            "Interfax news agency reported the strike. She told the Kommersant newspaper.",
            ("Interfax", "Kommersant"),
        ),
        ("He told the state news agency Ria Novosti on Monday.", ("RIA Novosti",)),
        ("Lord Falconer told BBC1's Breakfast With Frost.", ("BBC",)),
        ("The Associated Press reported on Tuesday.", ("Associated Press",)),
        ("He told reporters and told parliament. Reuters is a news agency.", ()),
    ],
)
def test_find_cited_sources(text: str, expected: tuple[str, ...]) -> None:
    assert find_cited_sources(text) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["MOSCOW (Reuters) - Russia said on Monday.", "More."], ("Reuters", "MOSCOW", None)),
        (
            ["WASHINGTON, Jan 3 (AP) — The president said.", "More."],
            ("AP", "WASHINGTON, Jan 3", None),
        ),
        (["By Jane Doe, Reuters", "Body text."], ("Reuters", None, "Jane Doe")),
        (
            ["By Sam Patel | The Northern Courier", "Body."],
            ("The Northern Courier", None, "Sam Patel"),
        ),
        (["By Jane Doe, Political Correspondent", "Body."], (None, None, "Jane Doe")),
        (["Body text.", "(RT.com)"], ("RT.com", None, None)),
        (
            ["Body.", "Originally published by Capital Politics Daily."],
            ("Capital Politics Daily", None, None),
        ),
        (["Body.", "He said (in private) that he would go."], (None, None, None)),
        (["Body without any furniture at all.", "Second paragraph."], (None, None, None)),
    ],
)
def test_origin_from_body(
    paragraphs: list[str], expected: tuple[str | None, str | None, str | None]
) -> None:
    assert origin_from_body(paragraphs) == expected


def test_trailer_and_byline_helpers() -> None:
    assert trailer_outlet("— The Northern Courier") == "The Northern Courier"
    assert trailer_outlet("Source: Agence France-Presse") == "Agence France-Presse"
    assert trailer_outlet("(laughter)") is None
    assert trailer_outlet("The talks ended on Monday.") is None
    assert byline_of("By Anna Smith and Tom Jones for Sky News") == (
        "Anna Smith and Tom Jones",
        "Sky News",
    )
    assert byline_of("Bystanders said the attack was over.") is None
    assert canonical_outlet("Agence France-Presse") == "AFP"
    assert canonical_outlet("RT.com") == "RT.com"
    assert canonical_outlet("Belgium Sun") is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.belgiumsun.com/news/272/estonia", "belgiumsun.com"),
        ("http://user@News.Example.co.uk:8080/a", "news.example.co.uk"),
        ("rt.com/news/1", "rt.com"),
        (None, None),
        ("", None),
    ],
)
def test_publisher_from_url(url: str | None, expected: str | None) -> None:
    assert publisher_from_url(url) == expected
