"""HTML extraction on small pages written for these tests (no network, no shared data)."""

from __future__ import annotations

import pytest
from tests.conftest import make_page

from eventwire.extract import extract
from eventwire.extract.html import extract_html, promo_kind
from eventwire.records import Article, Page, Rejected

BODY = (
    "<p>Ministers from the three Baltic states asked the alliance on Tuesday to station more "
    "troops on their territory, saying the build-up of forces across the border had changed "
    "the security situation in the region.</p>"
    "<p>The request was made at a meeting in Brussels, where defence officials discussed the "
    "deployment of additional battalions and air defence systems before the summer.</p>"
    "<p>Officials said a decision was expected within weeks, after a review of the forces "
    "already deployed and of the costs of keeping them in the region for another year.</p>"
)


def _page(html: str, *, url: str | None = None, hints: dict[str, str] | None = None) -> Page:
    return make_page(
        html,
        content_type="text/html",
        source="test.html",
        fetched_at="2024-05-01T00:00:00Z",
        url=url,
        hints=hints,
    )


def _news(*, head: str = "", body: str = BODY, title: str = "Baltic states ask for troops") -> str:
    nav = "".join(f'<li><a href="/s{i}">Section number {i}</a></li>' for i in range(12))
    related = "".join(
        f'<li><a href="/r{i}">Unrelated celebrity story number {i} you will love</a></li>'
        for i in range(8)
    )
    return (
        f"<!DOCTYPE html><html><head><title>{title} | The Daily Example</title>"
        f'<meta property="og:site_name" content="The Daily Example">{head}</head><body>'
        f"<header><nav><ul>{nav}</ul></nav></header>"
        f"<main><article><h1>{title}</h1>{body}"
        "<p>Read more: Parliament approves the new budget after a long night</p>"
        "</article>"
        f'<aside class="related"><h3>Related stories</h3><ul>{related}</ul></aside></main>'
        "<footer><p>Copyright 2024 The Daily Example. All rights reserved.</p>"
        '<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p>'
        "</footer></body></html>"
    )


def test_news_page_keeps_the_story_and_drops_furniture() -> None:
    page = _page(_news(), url="https://www.dailyexample.com/world/baltic-troops")
    article = extract_html(page, _news())
    assert isinstance(article, Article)
    assert article.doc_id == page.id
    assert article.url == "https://www.dailyexample.com/world/baltic-troops"
    assert article.title == "Baltic states ask for troops"
    assert article.publisher == "The Daily Example"
    assert article.paragraphs[0].startswith("Ministers from the three Baltic states")
    assert article.text == "\n\n".join(article.paragraphs)
    for furniture in ("Section number", "celebrity story", "Privacy policy", "Read more"):
        assert furniture not in article.text
    assert any(r.kind == "related link" and "Read more" in r.text for r in article.removed)
    assert [r.kind for r in article.removed if r.text == "Baltic states ask for troops"] == [
        "header"
    ]
    # Nobody else is credited, so the site that published the story wrote it.
    assert article.origin == "The Daily Example"


def test_meta_time_in_another_zone_becomes_utc() -> None:
    head = '<meta property="article:published_time" content="2022-01-14T01:42:00+10:00">'
    article = extract_html(_page(_news(head=head)), _news(head=head))
    assert isinstance(article, Article)
    assert article.published_at_raw == "2022-01-14T01:42:00+10:00"
    assert article.published_at == "2022-01-13T15:42:00Z"


def test_json_ld_date_and_hints() -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
        '[{"@type": "NewsArticle", "datePublished": "2021-06-30T22:15:00-04:00"}]}</script>'
    )
    page = _page(_news(head=head), hints={"url": "https://example.org/a"})
    article = extract_html(page, _news(head=head))
    assert isinstance(article, Article)
    assert article.published_at == "2021-07-01T02:15:00Z"
    assert article.url == "https://example.org/a"


def test_hint_date_is_used_only_when_the_page_has_none() -> None:
    html = _news()
    article = extract_html(_page(html, hints={"published_at": "2020-03-04T05:06:07Z"}), html)
    assert isinstance(article, Article)
    assert article.published_at == "2020-03-04T05:06:07Z"
    head = '<meta property="article:published_time" content="2019-01-02T03:04:05Z">'
    dated = _news(head=head)
    article = extract_html(_page(dated, hints={"published_at": "2020-03-04T05:06:07Z"}), dated)
    assert isinstance(article, Article)
    assert article.published_at == "2019-01-02T03:04:05Z"


def test_page_without_an_article_is_rejected() -> None:
    links = "".join(f'<li><a href="/{i}">Link {i}</a></li>' for i in range(30))
    html = f"<html><head><title>Home</title></head><body><ul>{links}</ul></body></html>"
    result = extract_html(_page(html), html)
    assert isinstance(result, Rejected)
    assert result.stage == "extract"
    assert "no article" in result.reason


@pytest.mark.parametrize(
    "html",
    [
        _news()[: len(_news()) // 2],  # cut off inside the article
        _news()[:-400] + "<p><b><i>unclosed <a href='",  # cut inside an attribute
        "<html><body><p>" + "\x00\ufffd" * 50,
        "<<<>>> </p></div></body><body><html>",
        "",
    ],
)
def test_broken_html_does_not_crash(html: str) -> None:
    result = extract_html(_page(html), html)
    assert isinstance(result, Article | Rejected)


def test_truncated_page_still_yields_the_story_start() -> None:
    html = _news()[: _news().index("Officials said")]
    result = extract_html(_page(html), html)
    assert isinstance(result, Article)
    assert "Ministers from the three Baltic states" in result.text


def test_agency_dateline_gives_the_origin() -> None:
    body = "<p>MOSCOW (Reuters) - " + BODY[3:]
    html = _news(body=body)
    article = extract_html(_page(html, url="https://www.example-news.com/a/1"), html)
    assert isinstance(article, Article)
    assert article.origin == "Reuters"
    assert article.publisher == "The Daily Example"


def test_credit_lines_are_cut_but_still_cited() -> None:
    body = BODY + "<p>(Reporting by Jane Roe; editing by John Doe)</p>"
    html = _news(body=body)
    article = extract_html(_page(html), html)
    assert isinstance(article, Article)
    assert "Reporting by" not in article.text
    assert [r.kind for r in article.removed if "Reporting by" in r.text] == ["attribution trailer"]


def test_extract_routes_html_pages_here() -> None:
    article = extract(_page(_news()))
    assert isinstance(article, Article)
    assert article.language == "en"
    assert article.title == "Baltic states ask for troops"


@pytest.mark.parametrize(
    ("paragraph", "kind"),
    [
        ("Read more: Alibaba poised to launch record-breaking listing", "related link"),
        ("DON'T MISS", "related-stories list"),
        ("China furious at Macron for protest jibe [INSIGHT]", "teaser"),
        ("Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.", "newsletter or promotion"),
        ("Sign up for the CorkBeo newsletter", "newsletter or promotion"),
        (
            "Get The Times of Israel's Daily Edition by email and never miss our top stories",
            "newsletter or promotion",
        ),
        ("Filed under: Politics |", "tags"),
        ("Additional reporting by Joseph Hudak", "attribution trailer"),
        ("Fox News' Jessica Napoli contributed to this report.", "attribution trailer"),
        ("More than 2,500 Afghan civilians have been killed in the fighting so far.", None),
        ("Moreover, some of that money has been spent on payments to farmers.", None),
        ("Shares of Home Depot are dropping in premarket trading.", None),
        ("Also, the band will play a hometown show in June.", None),
        ("The minister said she would sign up to the agreement on Monday.", None),
    ],
)
def test_promo_kind(paragraph: str, kind: str | None) -> None:
    found = promo_kind(paragraph)
    assert (found[0] if found else None) == kind


def test_long_paragraphs_are_never_promos() -> None:
    assert promo_kind("Read more: " + "the story goes on " * 30) is None


@pytest.mark.parametrize(
    ("title", "site", "url", "clean"),
    [
        ("Baltic states ask for troops | The Daily Example", "The Daily Example", None, None),
        (
            "Crash on I-95 - WSVN 7News | Miami News, Weather",
            "WSVN 7News | Miami News, Weather",
            None,
            "Crash on I-95",
        ),
        ("Baltic states ask for troops - NYTimes.com", None, "https://www.nytimes.com/a", None),
        ("BBC News - Baltic states ask for troops", "BBC", None, None),
        # A part merely contained in the site name may be the headline's own words.
        ("Politics - News", "News Nation", None, "Politics - News"),
        ("Brexit: what happens next", "The Daily Example", None, "Brexit: what happens next"),
    ],
)
def test_site_name_is_cut_from_titles(
    title: str, site: str | None, url: str | None, clean: str | None
) -> None:
    from eventwire.extract.html import _clean_title

    assert _clean_title(title, site, url) == (clean or "Baltic states ask for troops")
