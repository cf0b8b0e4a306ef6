"""Tests for the plain-text furniture remover, on page layouts of our own making.

The article texts below are invented for these tests. Each layout puts a different kind of
furniture around them; none copies the layouts of ``textpages_dev``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from tests.conftest import make_page, shared_path

from eventwire.extract.furniture import KINDS, classify, split_glued
from eventwire.extract.plain import extract_plain
from eventwire.records import Article, Rejected

P1 = (
    "The defence ministers of five countries agreed on Tuesday to hold joint naval exercises "
    "in the Baltic Sea next spring, officials said."
)
P2 = (
    '"We will not be intimidated," the Polish minister told a news conference. "Our answer is '
    'unity."'
)
P3 = (
    "The exercises, the largest in the region since 2015, will involve about 40 ships and "
    "12,000 personnel from the five navies."
)
P4 = (
    "Moscow has criticised the plan, saying it would respond with measures of its own if the "
    "drills went ahead near its borders."
)
BODY = [P1, P2, P3, P4]


def _extract(text: str, **hints: str) -> Article:
    article = extract_plain(make_page(text, hints=hints), text)
    assert isinstance(article, Article), article
    assert article.text == "\n\n".join(article.paragraphs)
    return article


def _kinds(article: Article) -> set[str]:
    return {r.kind for r in article.removed}


def test_wire_layout_with_dateline() -> None:
    page = "\n".join(
        [
            "Home | World | Business | Markets | Breakingviews",
            "Five navies to hold Baltic drills next spring",
            "March 7, 2023 10:15 AM ET",
            "By Jane Doe",
            "3 min read",
            "WARSAW, March 7 (Reuters) - " + P1,
            P2,
            P3,
            P4,
            "Reporting by Jane Doe; Editing by John Roe",
            "Our Standards: The Thomson Reuters Trust Principles.",
            "Read Next",
            "Ukraine grain deal talks stall again",
            "Oil prices edge higher on supply worries",
        ]
    )
    article = _extract(page)
    assert article.paragraphs == (P1, P2, P3, P4)
    assert article.title == "Five navies to hold Baltic drills next spring"
    assert article.published_at == "2023-03-07T15:15:00Z"
    assert article.origin == "Reuters"
    assert article.dateline == "WARSAW, March 7"
    assert article.byline == "Jane Doe"
    assert {"navigation", "date line", "byline", "dateline", "related-stories list"} <= _kinds(
        article
    )
    related = next(r for r in article.removed if r.kind == "related-stories list")
    assert "Oil prices" in related.text


def test_blog_with_comments() -> None:
    page = "\n".join(
        [
            "The Policy Desk",
            "Menu",
            "Why the Baltic drills matter",
            "Posted on 12 March 2023 by Ann Lee",
            *BODY,
            "Share this:",
            "Twitter",
            "Facebook",
            "Like this:",
            "About the author: Ann Lee writes about security policy in northern Europe.",
            "3 thoughts on “Why the Baltic drills matter”",
            "Mark says:",
            "March 12, 2023 at 5:01 pm",
            "Great post, I completely agree with everything you wrote about the navies here.",
            "Reply",
            "Sue says:",
            "This is a very long comment that goes on and on about the drills and the navies and "
            "the ships and everything else, much longer than any one line of the story itself.",
            "Leave a Reply",
            "« Previous post",
            "Navies and the law of the sea",
        ]
    )
    article = _extract(page)
    assert article.paragraphs == tuple(BODY)
    assert article.title == "Why the Baltic drills matter"
    assert article.published_at == "2023-03-12T00:00:00Z"
    assert article.publisher == "The Policy Desk"
    kinds = _kinds(article)
    assert {"site name", "comments", "share links", "author box"} <= kinds
    comments = "\n".join(r.text for r in article.removed if r.kind == "comments")
    assert "Great post" in comments and "very long comment" in comments


def test_aggregator_with_trending_list_and_cookie_notice() -> None:
    page = "\n".join(
        [
            "We use cookies to personalise content. By using this site you accept our Cookie "
            "Policy.",
            "NEWSNOW AGGREGATOR",
            "Trending now",
            "1. Storm closes ports along the coast",
            "2. Central bank holds rates",
            "3. Election date set for June",
            "Five navies to hold Baltic drills next spring",
            "Source: Baltic Times",
            "07/03/2023 09:00 CET",
            *BODY,
            "Advertisement",
            "Most read",
            "Storm closes ports along the coast — 2 hours ago",
            "Central bank holds rates — 5 hours ago",
            "© 2023 Newsnow Media Ltd. All rights reserved.",
        ]
    )
    article = _extract(page)
    assert article.paragraphs == tuple(BODY)
    assert article.title == "Five navies to hold Baltic drills next spring"
    assert article.origin == "Baltic Times"
    assert article.published_at == "2023-03-07T08:00:00Z"  # day first next to CET
    kinds = _kinds(article)
    assert {"cookie notice", "related-stories list", "copyright", "advertisement"} <= kinds
    assert article.publisher == "Newsnow Media Ltd"


def test_page_without_furniture() -> None:
    article = _extract("\n\n".join(BODY), url="https://www.example.org/a/1")
    assert article.paragraphs == tuple(BODY)
    assert article.removed == ()
    assert article.title is None
    assert article.origin is None
    assert article.publisher == "example.org"
    titled = _extract("Navies plan drills\n\n" + "\n\n".join(BODY))
    assert titled.title == "Navies plan drills"
    assert titled.paragraphs == tuple(BODY)


def test_footer_of_copyright_and_share_lines() -> None:
    page = "\n".join(
        [
            "Five navies to hold Baltic drills next spring",
            *BODY,
            "Share this story",
            "Facebook | Twitter | LinkedIn | Email",
            "Copyright 2023 Harbour Post Media Group. All rights reserved.",
            "Privacy Policy | Terms of Use | Contact",
        ]
    )
    article = _extract(page, published_at="2023-03-07T10:00:00+01:00")
    assert article.paragraphs == tuple(BODY)
    assert article.published_at == "2023-03-07T09:00:00Z"
    assert {"share links", "copyright", "navigation"} <= _kinds(article)
    assert article.publisher == "Harbour Post Media Group"


def test_related_links_interleaved_in_body() -> None:
    page = "\n".join(
        [
            "Five navies to hold Baltic drills next spring",
            P1,
            "Related: Sweden joins air policing mission",
            P2,
            "READ MORE: What the drills mean for shipping",
            P3,
            "Advertisement",
            P4,
            "Related stories",
            "Sweden joins air policing mission",
            "Finland orders new corvettes",
        ]
    )
    article = _extract(page)
    assert article.paragraphs == tuple(BODY)
    kinds = [r.kind for r in article.removed]
    assert kinds.count("related link") == 2
    assert "related-stories list" in kinds


def test_teaser_list_and_promotions_after_story() -> None:
    page = "\n".join(
        [
            "harbourpost.com",
            "Five navies to hold Baltic drills next spring",
            *BODY,
            "(harbourpost.com)",
            "Sign up for the Northern Ledger newsletter and get the news in your inbox.",
            "Send your press release to Northern Ledger by submitting a news release online.",
            "More NewsOSLO, Norway: The government has announced a new plan to build...",
            "BERLIN, Germany: Lawmakers have voted to extend the mandate of troops...",
            "Teachers in three regions have walked out over pay and conditions, unions...",
        ]
    )
    article = _extract(page)
    assert article.paragraphs == tuple(BODY)
    assert article.origin == "harbourpost.com"
    assert article.publisher == "Northern Ledger"
    related = next(r for r in article.removed if r.kind == "related-stories list")
    assert related.text.count("\n") == 3
    assert "newsletter or promotion" in _kinds(article)


def test_repeated_lines_are_removed() -> None:
    page = "\n".join(["Navies plan drills", P1, P2, P1, P3])
    article = _extract(page)
    assert article.paragraphs == (P1, P2, P3)
    assert "repeated line" in _kinds(article)


def test_furniture_glued_inside_body_lines_is_cut_in_page_order() -> None:
    slides = " ".join(
        f"Photos: Baltic drills {caption} Hide Caption {i} of 2"
        for i, caption in enumerate(["Ships leave port.", "Sailors train on deck."], 1)
    )
    page = "\n".join(
        [
            "Five navies to hold Baltic drills next spring",
            f"{P1} Advertisement Continue reading the main story {P2}",
            "JUST WATCHED Navies drill Replay More Videos ... MUST WATCH Navies drill 01:46",
            slides,
            "Sailors on the deck of a frigate in Gdynia (Getty Images)",
            f"{P3} (Photo: Jan Novak, AP) {P4} Click here to upload your videos.",
        ]
    )
    article = _extract(page)
    assert article.paragraphs == (P1, P2, P3, P4)
    inline = [(r.kind, r.text.split()[0]) for r in article.removed if r.kind != "header"]
    assert inline == [
        ("advertisement", "Advertisement"),
        ("video furniture", "JUST"),
        ("caption", "Photos:"),
        ("caption", "Sailors"),
        ("image credit", "(Photo:"),
        ("inline promotion", "Click"),
    ]
    # Every word of the page is the title, kept or explained.
    kept = " ".join([article.title or "", *article.paragraphs, *(r.text for r in article.removed)])
    assert sorted(kept.split()) == sorted(page.split())


def test_no_body_is_rejected() -> None:
    text = "Home\nMenu\nSearch\nSubscribe\nTerms | Privacy | Contact"
    result = extract_plain(make_page(text), text)
    assert isinstance(result, Rejected)
    assert result.stage == "extract"


def test_every_removed_kind_is_documented() -> None:
    from eventwire.extract import furniture

    for kind in KINDS:
        assert kind in (furniture.__doc__ or "")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Get our morning newsletter: five stories before breakfast.", "newsletter or promotion"),
        ("Share this article: Facebook Twitter WhatsApp Email", "share links"),
        ("News > Europe > Politics", "navigation"),
        ("Comments (12)", "comments"),
        ("You might also like", "related-stories list"),
        ("Tags: navy, Baltic, NATO", "tags"),
        ("Photo: Jane Doe/Reuters", "caption"),
        ("Updated 5 hours ago", "date line"),
        ("He said the newsletter he edits in Tallinn had lost half its readers last year.", None),
        ("Officials said the talks would continue on Monday in Brussels.", None),
    ],
)
def test_classify(line: str, kind: str | None) -> None:
    assert classify(line) == kind


def test_split_glued_heading() -> None:
    assert split_glued("More InformationLONDON, U.K.: A heatwave...") == [
        "More Information",
        "LONDON, U.K.: A heatwave...",
    ]
    assert split_glued("McDonald's said on Monday.") == ["McDonald's said on Monday."]


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def _f1(got: str, expected: str) -> tuple[float, float, float]:
    g, e = _tokens(got), _tokens(expected)
    overlap = sum((g & e).values())
    p = overlap / max(1, sum(g.values()))
    r = overlap / max(1, sum(e.values()))
    return p, r, 2 * p * r / max(1e-9, p + r)


@pytest.mark.gold
def test_textpages_dev_floor() -> None:
    pages = json.loads(
        shared_path("data", "textpages_dev", "textpages_dev.json").read_text("utf-8")
    )
    f1s, titles, origins, leaks = [], 0, 0, 0
    for item in pages:
        article = _extract(item["text"])
        f1s.append(_f1(article.text, "\n".join(item["expected_body"]))[2])
        titles += article.title == item["expected_title"]
        origins += article.origin == item["origin"]
        leaks += sum(line.strip() in article.paragraphs for line in item["furniture"])
    assert sum(f1s) / len(f1s) >= 0.98
    assert titles / len(pages) >= 0.95
    assert origins / len(pages) >= 0.9
    assert leaks == 0


def _bbc_files() -> list[Path]:
    folder = shared_path("data", "bbc_politics_2004-05")
    return sorted(folder.rglob("*.txt"))[:40]


_HEADERS = [
    ["Westminster Watch", "Politics > UK"],
    ["THE DAILY LEDGER | Britain's independent voice", "Menu"],
    ["Home", "Latest", "Politics"],
]
_FOOTERS = [
    ["Share on Facebook | Share on X", "Most popular", "Ministers face fresh questions..."],
    ["Comments (4)", "I disagree with every word of this, as any reader can plainly see."],
    ["Sign up to our politics newsletter, free every weekday.", "© 2005 Ledger Media"],
]


@pytest.mark.gold
def test_real_bbc_articles_in_varied_furniture() -> None:
    f1s = []
    for n, path in enumerate(_bbc_files()):
        title, _, body = path.read_text("latin-1").strip().partition("\n")
        paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
        page = "\n".join(
            [*_HEADERS[n % 3], title.strip(), "Published 3 February 2005", *paragraphs]
            + _FOOTERS[(n // 3) % 3]
        )
        article = _extract(page)
        assert article.title == title.strip()
        assert article.published_at == "2005-02-03T00:00:00Z"
        f1s.append(_f1(article.text, "\n".join(paragraphs))[2])
    assert sum(f1s) / len(f1s) >= 0.97


def test_hard_wrapped_dump_is_unwrapped() -> None:
    import textwrap

    lines = ["Baltic Review", "Five navies to hold Baltic drills next spring", "7 March 2023"]
    for paragraph in [*BODY, P1.replace("Tuesday", "Monday"), P3.replace("40", "41")]:
        lines += [*textwrap.wrap(paragraph, 60), ""]
    article = _extract("\n".join([*lines, "© 2023 Baltic Review"]))
    assert article.paragraphs[:4] == tuple(BODY)
    assert len(article.paragraphs) == 6


def test_related_box_inside_the_story_is_cut_and_story_kept() -> None:
    page = "\n".join(
        [
            "Five navies to hold Baltic drills next spring | The Ledger",
            "Home",
            "World",
            "Five navies to hold Baltic drills next spring",
            "7 March 2023",
            P1,
            P2,
            "Related articles",
            "Storm closes ports along the coast",
            "Central bank holds rates",
            "Election date set for June",
            "Ferry strike called off after talks",
            P3,
            P4,
        ]
    )
    article = _extract(page)
    assert article.paragraphs == tuple(BODY)
    related = next(r for r in article.removed if r.kind == "related-stories list")
    assert "Ferry strike" in related.text


def test_window_title_and_date_nearest_the_headline() -> None:
    page = "\n".join(
        [
            "Five navies to hold Baltic drills next spring - The Ledger",
            "Thursday, 9 March 2023",  # today's date in the masthead
            "Menu",
            "Storm closes ports along the coast",  # unnumbered headline list above the story
            "Central bank holds rates",
            "Election date set for June",
            "Five navies to hold Baltic drills next spring",
            "By Ann Lee",
            "Published: 14:05 GMT, 7 March 2023 | Updated: 09:00 GMT, 8 March 2023",
            *BODY,
        ]
    )
    article = _extract(page)
    assert article.title == "Five navies to hold Baltic drills next spring"
    assert article.published_at == "2023-03-07T00:00:00Z"
    assert article.paragraphs == tuple(BODY)


def test_window_title_without_a_repeat_gives_the_headline() -> None:
    page = "\n".join(
        ["Five navies to hold Baltic drills next spring | The Ledger", "Menu", "World", *BODY]
    )
    assert _extract(page).title == "Five navies to hold Baltic drills next spring"


def test_long_comments_below_a_story_do_not_become_the_body() -> None:
    comment = (
        "I have been following this for years and I think the ministers are wrong about the "
        "navies, the ships and the whole plan, which will only make matters worse for everyone."
    )
    page = "\n".join(
        ["Five navies to hold Baltic drills next spring", *BODY, "12 responses to this story"]
        + [f"reader{n} says:\nMarch 7, 2023 at 5:0{n} pm\n{comment}" for n in range(8)]
    )
    article = _extract(page)
    assert article.paragraphs == tuple(BODY)
    assert "comments" in _kinds(article)


def test_container_title_beats_a_caption_line() -> None:
    body = "\n".join(
        [
            "Photo",
            "South Korea launched a satellite into orbit on Wednesday from its space centre on "
            "the southern coast, officials said, after two failed attempts in earlier years.",
            "The launch came weeks after North Korea put its own satellite into orbit, raising "
            "concern among its neighbours about the North's long-range rocket programme.",
        ]
    )
    article = _extract(body, title="On 3rd Try, South Korea Launches Satellite Into Orbit")
    assert article.title == "On 3rd Try, South Korea Launches Satellite Into Orbit"
    assert _extract(body).title != article.title


def test_every_kind_of_removed_block_has_a_reason() -> None:
    from eventwire.extract.furniture import KINDS, REASONS

    assert set(REASONS) == set(KINDS)
