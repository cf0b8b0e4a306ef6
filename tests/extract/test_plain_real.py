"""Accuracy floors of the plain-text extractor on real pages rendered to crawler-style text.

The pages are public benchmark HTML (scrapinghub article-extraction benchmark, trafilatura's
English news evaluation, newspaper4k's fixtures) rendered by ``benchmarks/plaintext_real.py``
with all their menus, teasers and footers kept. Floors are the measured values (see
``benchmarks/RESULTS.md``) less a small margin; raise them when the extractor improves.
"""

from __future__ import annotations

import pytest
from benchmarks.plaintext_real import Scores, body_prf, date_ok, html_to_text, measure, title_ok
from tests.conftest import shared_path


def test_renderer_keeps_furniture_as_lines() -> None:
    html = (
        "<html><head><title>Talks resume | Daily Ledger</title><style>p{}</style>"
        "<script>var x = 1;</script></head><body><nav><ul><li><a href='/'>Home</a></li>"
        "<li>World</li></ul></nav><h1>Talks   resume</h1><p>Negotiators met <b>again</b> on"
        " Monday.<br>They agreed to meet.</p><footer>© 2024 Ledger</footer></body></html>"
    )
    assert html_to_text(html).split("\n") == [
        "Talks resume | Daily Ledger",
        "Home",
        "World",
        "Talks resume",
        "Negotiators met again on Monday.",
        "They agreed to meet.",
        "© 2024 Ledger",
    ]


def test_scoring_helpers() -> None:
    assert body_prf("a b c", "a b d") == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert body_prf("", "a") == (0.0, 0.0, 0.0)
    assert title_ok("Talks resume — again", "talks resume again")
    assert title_ok("“Talks’ resume”", '"Talks\' resume"')
    assert not title_ok("Talks resume | Daily Ledger", "Talks resume")
    assert not title_ok(None, "Talks resume")
    assert date_ok("2020-01-06T10:00:00Z", "2020-01-06")
    assert not date_ok(None, "2020-01-06")


@pytest.fixture(scope="module")
def scores() -> Scores:
    root = shared_path("data", "scrapinghub_article_extraction_benchmark").parents[1]
    return measure(root)


@pytest.mark.gold
def test_scrapinghub_body_floor(scores: Scores) -> None:
    assert scores.sh_pages == 181
    assert scores.sh_p >= 0.885
    assert scores.sh_r >= 0.905
    assert scores.sh_f1 >= 0.88


@pytest.mark.gold
def test_trafilatura_eval_snippets_floor(scores: Scores) -> None:
    assert scores.tr_pages == 58
    assert scores.rate("tr_with") >= 0.93
    assert scores.rate("tr_without") >= 0.90


@pytest.mark.gold
def test_trafilatura_eval_metadata_floor(scores: Scores) -> None:
    assert scores.rate("tr_title") >= 0.75
    assert scores.rate("tr_date") >= 0.86


@pytest.mark.gold
def test_newspaper4k_fixtures_floor(scores: Scores) -> None:
    assert scores.n4k_pages == 11
    assert scores.n4k_f1 >= 0.91
    assert scores.rate("n4k_title") >= 0.8
