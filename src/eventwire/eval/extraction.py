"""Extraction accuracy on public gold data: article bodies, titles, dates and provenance.

Three data sets (``../shared/data``, see its README):

- ``scrapinghub_article_extraction_benchmark``: 181 pages with human-checked bodies. Scored the
  way that benchmark's ``evaluate.py`` scores: the text is cut into ``\\w+`` tokens, the tokens
  into overlapping 4-token shingles; per document true/false positives and false negatives are
  counted over shingle multisets and normalised to sum to 1; precision and recall are averaged
  over documents and F1 is the harmonic mean of the two averages.
- ``trafilatura_eval_news_en``: 58 pages with snippets that must (``with``) or must not
  (``without``) be in the body, plus titles and dates.
- ``textpages_dev``: 60 plain-text pages with their body, furniture lines, title, printed date
  and credited outlet.

Every function takes the data folder and returns a typed report; nothing is read at import.
Pages are extracted with :func:`eventwire.extract.extract` (HTML pages accept any language, so
the body extractor is measured rather than the English-only policy); ``workers > 1`` spreads
pages over processes, never threads (trafilatura with lxml 6 is not thread safe).
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from eventwire.records import Article, Page, Rejected
from eventwire.settings import ExtractSettings

__all__ = [
    "LOWER_IS_BETTER",
    "BodyScore",
    "ScrapinghubReport",
    "TextpagesReport",
    "TrafilaturaEvalReport",
    "body_score",
    "check_baseline",
    "evaluate_scrapinghub",
    "evaluate_textpages",
    "evaluate_trafilatura_eval",
    "extraction_metrics",
    "loosened_bounds",
    "match_counts",
    "page_from_bytes",
    "same_title",
]

_TOKEN = re.compile(r"\w+")
_HAS_TIME = re.compile(r"\d[:.][0-5]\d")
_Job = tuple[str, str | None]  # (file path, page URL)
# Gold sets mix languages; the English-only setting is a corpus policy, not extraction quality.
_ANY_LANGUAGE = ExtractSettings(languages=(), min_chars=0)


@dataclass(frozen=True, kw_only=True, slots=True)
class BodyScore:
    """Body precision, recall and F1 averaged over documents."""

    precision: float
    recall: float
    f1: float
    documents: int


@dataclass(frozen=True, kw_only=True, slots=True)
class ScrapinghubReport:
    """Scores on the scrapinghub article-extraction benchmark."""

    body: BodyScore
    pages: int
    rejected: int


@dataclass(frozen=True, kw_only=True, slots=True)
class TrafilaturaEvalReport:
    """Scores on trafilatura's English news evaluation pages.

    ``with_found`` is the share of must-have snippets found in the body, ``without_absent``
    the share of boilerplate snippets kept out of it; titles and dates are scored on the
    pages whose gold gives them.
    """

    with_found: float
    without_absent: float
    title_accuracy: float
    date_accuracy: float
    pages: int
    titled_pages: int
    dated_pages: int
    rejected: int


@dataclass(frozen=True, kw_only=True, slots=True)
class TextpagesReport:
    """Scores on plain-text pages with site furniture.

    ``body`` uses single tokens (the data set's own definition); ``leak_rate`` is the share
    of furniture lines that ended up in a body (lower is better).
    """

    body: BodyScore
    leak_rate: float
    title_accuracy: float
    date_accuracy: float
    origin_accuracy: float
    pages: int
    rejected: int


def match_counts(true: str, pred: str, *, ngram: int = 4) -> tuple[float, float, float]:
    """Return (tp, fp, fn) over token shingles of two texts, normalised to sum to 1.

    Args:
        true: The gold text.
        pred: The extracted text.
        ngram: Shingle length in ``\\w+`` tokens (4 in the scrapinghub benchmark, 1 for a bag
            of tokens). A text shorter than ``ngram`` tokens is one shingle.
    """
    gold, found = _shingles(true, ngram), _shingles(pred, ngram)
    tp = sum((gold & found).values())
    fp = sum((found - gold).values())
    fn = sum((gold - found).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def body_score(counts: Sequence[tuple[float, float, float]]) -> BodyScore:
    """Average per-document precision and recall, as the scrapinghub benchmark does.

    A document with no predicted shingles does not count towards precision, one with no gold
    shingles not towards recall; F1 is the harmonic mean of the two averages.
    """
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BodyScore(precision=precision, recall=recall, f1=f1, documents=len(counts))


def page_from_bytes(
    raw: bytes,
    *,
    source: str,
    content_type: str,
    url: str | None = None,
    fetched_at: str = "",
) -> Page:
    """Build a Page for gold data (id = SHA-256 of the bytes, UTF-8)."""
    return Page(
        id=hashlib.sha256(raw).hexdigest(),
        source=source,
        fetched_at=fetched_at,
        content_type=content_type,
        encoding="utf-8",
        raw=raw,
        url=url,
    )


def evaluate_scrapinghub(folder: Path, *, workers: int = 1) -> ScrapinghubReport:
    """Score body extraction on the scrapinghub benchmark folder (``ground-truth.json``, ``html/``).

    Args:
        folder: The benchmark folder.
        workers: Processes to extract with (1 = in this process).
    """
    truth: dict[str, dict[str, str]] = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    keys = sorted(truth)
    jobs: list[_Job] = [
        (str(folder / "html" / f"{key}.html.gz"), truth[key].get("url")) for key in keys
    ]
    results = _map(_extract_html_file, jobs, workers)
    counts = [
        match_counts(truth[key].get("articleBody", ""), _body(result))
        for key, result in zip(keys, results, strict=True)
    ]
    return ScrapinghubReport(
        body=body_score(counts),
        pages=len(keys),
        rejected=sum(isinstance(r, Rejected) for r in results),
    )


def evaluate_trafilatura_eval(folder: Path, *, workers: int = 1) -> TrafilaturaEvalReport:
    """Score snippets, titles and dates on ``trafilatura_eval_news_en``.

    Gold days are local and zoneless: a date counts as right when the gold day is one the
    extracted instant falls on in some real time zone (see ``_days``).
    """
    gold: dict[str, dict[str, object]] = json.loads(
        (folder / "evaldata_news_en_subset.json").read_text("utf-8")
    )
    urls = sorted(gold)
    jobs: list[_Job] = [(str(folder / "html" / str(gold[url]["file"])), url) for url in urls]
    results = _map(_extract_html_file, jobs, workers)
    with_hits = with_total = without_hits = without_total = 0
    titles = titled = dates = dated = 0
    for url, result in zip(urls, results, strict=True):
        item = gold[url]
        body = _normalise(_body(result))
        for snippet in _strings(item.get("with")):
            with_total += 1
            with_hits += _normalise(snippet) in body
        for snippet in _strings(item.get("without")):
            without_total += 1
            without_hits += _normalise(snippet) not in body
        article = result if isinstance(result, Article) else None
        if isinstance(item.get("title"), str):
            titled += 1
            titles += article is not None and same_title(article.title, str(item["title"]))
        if isinstance(item.get("date"), str):
            dated += 1
            dates += article is not None and str(item["date"]) in _days(article)
    return TrafilaturaEvalReport(
        with_found=_share(with_hits, with_total),
        without_absent=_share(without_hits, without_total),
        title_accuracy=_share(titles, titled),
        date_accuracy=_share(dates, dated),
        pages=len(urls),
        titled_pages=titled,
        dated_pages=dated,
        rejected=sum(isinstance(r, Rejected) for r in results),
    )


def evaluate_textpages(folder: Path) -> TextpagesReport:
    """Score plain-text extraction on ``textpages_dev/textpages_dev.json``.

    Pages go through :func:`eventwire.extract.extract` with default settings (English only).
    """
    from eventwire.extract import extract

    items: list[dict[str, object]] = json.loads((folder / "textpages_dev.json").read_text("utf-8"))
    counts: list[tuple[float, float, float]] = []
    leaks = furniture = titles = dates = origins = rejected = 0
    for item in items:
        raw = str(item["text"]).encode("utf-8")
        page = page_from_bytes(raw, source=f"textpages_dev/{item['id']}", content_type="text/plain")
        result = extract(page)
        article = result if isinstance(result, Article) else None
        rejected += article is None
        body = article.text if article else ""
        counts.append(match_counts("\n".join(_strings(item["expected_body"])), body, ngram=1))
        flat = _normalise(body)
        for line in _strings(item.get("furniture")):
            if _normalise(line):
                furniture += 1
                leaks += _normalise(line) in flat
        titles += article is not None and same_title(article.title, str(item["expected_title"]))
        dates += article is not None and str(item.get("printed_date")) in _days(article)
        expected_origin = item.get("origin")
        got_origin = article.origin if article else None
        origins += _same_outlet(
            got_origin, expected_origin if isinstance(expected_origin, str) else None
        )
    return TextpagesReport(
        body=body_score(counts),
        leak_rate=_share(leaks, furniture),
        title_accuracy=_share(titles, len(items)),
        date_accuracy=_share(dates, len(items)),
        origin_accuracy=_share(origins, len(items)),
        pages=len(items),
        rejected=rejected,
    )


LOWER_IS_BETTER = frozenset({"textpages.leak_rate"})
"""Metrics bounded by a ceiling rather than a floor."""


def extraction_metrics(data: Path, *, workers: int = 1) -> dict[str, float]:
    """Measure every extraction metric the accuracy gate pins, keyed ``set.metric``.

    Args:
        data: The folder holding the three data sets (``../shared/data``).
        workers: Processes for HTML extraction.
    """
    hub = evaluate_scrapinghub(data / "scrapinghub_article_extraction_benchmark", workers=workers)
    traf = evaluate_trafilatura_eval(data / "trafilatura_eval_news_en", workers=workers)
    text = evaluate_textpages(data / "textpages_dev")
    return {
        "scrapinghub.precision": hub.body.precision,
        "scrapinghub.recall": hub.body.recall,
        "scrapinghub.f1": hub.body.f1,
        "trafilatura_eval.with_found": traf.with_found,
        "trafilatura_eval.without_absent": traf.without_absent,
        "trafilatura_eval.title_accuracy": traf.title_accuracy,
        "trafilatura_eval.date_accuracy": traf.date_accuracy,
        "textpages.precision": text.body.precision,
        "textpages.recall": text.body.recall,
        "textpages.f1": text.body.f1,
        "textpages.leak_rate": text.leak_rate,
        "textpages.title_accuracy": text.title_accuracy,
        "textpages.date_accuracy": text.date_accuracy,
        "textpages.origin_accuracy": text.origin_accuracy,
    }


def check_baseline(
    measured: Mapping[str, float], bounds: Mapping[str, Mapping[str, float]]
) -> list[str]:
    """Return one message per metric that misses its pinned bound (empty when all pass).

    Args:
        measured: Metric values, as :func:`extraction_metrics` returns them.
        bounds: The baseline's ``metrics``: ``{"floor": x}`` or, for a metric in
            :data:`LOWER_IS_BETTER`, ``{"ceiling": x}``.
    """
    failures = []
    for name, bound in sorted(bounds.items()):
        if name not in measured:
            failures.append(f"{name}: pinned in the baseline but not measured")
            continue
        value = measured[name]
        if "ceiling" in bound and value > bound["ceiling"]:
            failures.append(f"{name}: {value:.4f} is above its ceiling {bound['ceiling']:.4f}")
        if "floor" in bound and value < bound["floor"]:
            failures.append(f"{name}: {value:.4f} is below its floor {bound['floor']:.4f}")
    failures.extend(
        f"{name}: measured but not pinned" for name in sorted(set(measured) - set(bounds))
    )
    return failures


def loosened_bounds(
    previous: Mapping[str, Mapping[str, float]], current: Mapping[str, Mapping[str, float]]
) -> list[str]:
    """Return the metrics whose bound is looser now than before (a lower floor, higher ceiling)."""
    names = []
    for name, old in sorted(previous.items()):
        new = current.get(name)
        if (
            new is None
            or ("floor" in old and new.get("floor", -1.0) < old["floor"])
            or ("ceiling" in old and new.get("ceiling", 2.0) > old["ceiling"])
        ):
            names.append(name)
    return names


def same_title(found: str | None, gold: str) -> bool:
    """Compare titles ignoring case, spacing, quote styles and a trailing full stop."""
    return found is not None and _title_key(found) == _title_key(gold)


def _title_key(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).translate(_QUOTES).casefold()
    return " ".join(text.split()).rstrip(" .")


_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _same_outlet(found: str | None, gold: str | None) -> bool:
    if found is None or gold is None:
        return found is None and gold is None
    return _title_key(found).removeprefix("the ") == _title_key(gold).removeprefix("the ")


def _days(article: Article) -> set[str]:
    """Return the local days an article's publication time can fall on.

    Gold sets give a local calendar day without a zone. An exact instant (one printed with a
    time) matches every day it falls on in some real zone, UTC-12 to UTC+14; a bare date only
    its own day, plus the day as printed.
    """
    days: set[str] = set()
    if article.published_at:
        days.add(article.published_at[:10])
        if article.published_at_raw and _HAS_TIME.search(article.published_at_raw):
            instant = dt.datetime.fromisoformat(article.published_at.replace("Z", "+00:00"))
            for hours in (-12, 14):
                days.add((instant + dt.timedelta(hours=hours)).strftime("%Y-%m-%d"))
    if article.published_at_raw:
        local = _local_day(article.published_at_raw)
        if local:
            days.add(local)
    return days


def _local_day(raw: str) -> str | None:
    iso = re.match(r"\s*(\d{4}-\d\d-\d\d)", raw)
    if iso:
        return iso.group(1)
    from dateutil import parser as dateutil_parser

    try:
        parsed = dateutil_parser.parse(raw, fuzzy=True, ignoretz=True)
    except (ValueError, OverflowError):
        return None
    return str(parsed.strftime("%Y-%m-%d"))


def _extract_html_file(job: _Job) -> Article | Rejected:
    """Extract one gold HTML file (gzip or plain); module level so a process pool can pickle it."""
    from eventwire.extract import extract

    path, url = job
    raw = Path(path).read_bytes()
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
    page = page_from_bytes(raw, source=path, content_type="text/html", url=url)
    return extract(page, settings=_ANY_LANGUAGE)


def _map(
    function: Callable[[_Job], Article | Rejected], jobs: list[_Job], workers: int
) -> list[Article | Rejected]:
    if workers <= 1:
        return [function(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, jobs, chunksize=8))


def _body(result: Article | Rejected) -> str:
    return result.text if isinstance(result, Article) else ""


def _shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.split())


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    return []


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0
