"""Measure the plain-text extractor on real pages turned into crawler-style text dumps.

eventwire's plain-text path (``eventwire.extract.plain``) is judged on text dumps of real
pages, with every menu, footer and teaser still in them. No such corpus with gold labels is
public, so this script makes one: it renders the HTML of public benchmark pages to text the way a
crawler's text dump looks (the window title first, block elements on their own lines, menus
as short lines, nothing removed except scripts and styles) and scores the extractor against
the benchmarks' own labels:

- scrapinghub article-extraction benchmark (181 pages): body token precision, recall and F1
  per page, averaged (the benchmark's own metric);
- trafilatura's English news evaluation pages (58): share of must-keep snippets kept and of
  must-drop snippets dropped, title accuracy, date accuracy;
- newspaper4k's English fixtures (11 articles): body token F1 against that tool's text (tool
  output, not human gold) and title accuracy against its metadata.

Title accuracy: a title is right when, after normalisation (case folded, quotes and dashes
unified, punctuation dropped, whitespace collapsed), it equals the gold title, or the token
F1 between the two is at least 0.9. Date accuracy: the extracted ``published_at`` has the gold
calendar day (``YYYY-MM-DD``); a missing date is wrong.

The renderer is for measurement only; it is deterministic (lxml, no network). Run::

    python benchmarks/plaintext_real.py            # prints the table, writes RESULTS.md
    python benchmarks/plaintext_real.py --no-write # prints only
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
from lxml import etree

from eventwire.extract.plain import extract_plain
from eventwire.records import Article, Page

__all__ = [
    "Scores",
    "body_prf",
    "date_ok",
    "html_to_text",
    "measure",
    "shared_dir",
    "title_ok",
]

# Elements whose text a crawler's dump never shows.
_DROP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas"}
# Elements that start a new line of text in a rendered page.
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "option",
    "select", "button", "label", "caption", "legend", "menu", "picture", "video", "audio",
}  # fmt: skip


def html_to_text(html: str | bytes) -> str:
    """Render an HTML page to the text a crawler's dump shows, keeping all furniture.

    The ``<title>`` comes first, then the body's text with one line per block element;
    scripts, styles and other invisible elements are dropped, whitespace is collapsed.
    """
    if isinstance(html, str):
        html = html.encode("utf-8")
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        parts.extend([title.text_content(), "\n"])
    body = root.find(".//body")
    _walk(body if body is not None else root, parts)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(element: etree._Element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    tag = tag.lower()
    if tag in _DROP or not isinstance(element.tag, str):
        if element.tail:
            parts.append(element.tail)
        return
    block = tag in _BLOCK
    if block:
        parts.append("\n")
    if element.text:
        parts.append(element.text)
    for child in element:
        _walk(child, parts)
    if block:
        parts.append("\n")
    elif tag in {"td", "th"}:
        parts.append(" ")
    if element.tail:
        parts.append(element.tail)


_TOKEN = re.compile(r"\w+", re.UNICODE)


def _tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.casefold()))


def body_prf(got: str, gold: str) -> tuple[float, float, float]:
    """Return token precision, recall and F1 of ``got`` against ``gold`` (bags of words)."""
    g, e = _tokens(got), _tokens(gold)
    overlap = sum((g & e).values())
    p = overlap / sum(g.values()) if g else 0.0
    r = overlap / sum(e.values()) if e else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[‘’`´]", "'", text)
    text = re.sub(r"[^\w' ]+", " ", text)
    return " ".join(text.split())


def title_ok(got: str | None, gold: str) -> bool:
    """Tell whether an extracted title matches the gold one (see the module docstring)."""
    if not got:
        return False
    a, b = _norm(got), _norm(gold)
    return a == b or body_prf(a, b)[2] >= 0.9


def date_ok(got: str | None, gold: str) -> bool:
    """Tell whether ``published_at`` falls on the gold calendar day."""
    return bool(got) and got[:10] == gold[:10]  # type: ignore[index]


def shared_dir() -> Path:
    """Return the shared data folder (``EVENTWIRE_SHARED`` or ``../shared``)."""
    import os

    env = os.environ.get("EVENTWIRE_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared"


def _page(text: str, name: str) -> Page:
    raw = text.encode("utf-8")
    return Page(
        id=hashlib.sha256(raw).hexdigest(),
        source=name,
        fetched_at="2024-01-01T00:00:00Z",
        content_type="text/plain",
        encoding="utf-8",
        raw=raw,
    )


def _extract(text: str, name: str) -> Article | None:
    result = extract_plain(_page(text, name), text)
    return result if isinstance(result, Article) else None


@dataclass
class Scores:
    """Every measure, with counts to show what each rate is out of."""

    sh_pages: int = 0
    sh_p: float = 0.0
    sh_r: float = 0.0
    sh_f1: float = 0.0
    tr_pages: int = 0
    tr_with: tuple[int, int] = (0, 0)
    tr_without: tuple[int, int] = (0, 0)
    tr_title: tuple[int, int] = (0, 0)
    tr_date: tuple[int, int] = (0, 0)
    tr_body_f1: float = 0.0
    n4k_pages: int = 0
    n4k_f1: float = 0.0
    n4k_title: tuple[int, int] = (0, 0)
    seconds: float = 0.0
    worst: list[tuple[float, str]] = field(default_factory=list)

    def rate(self, name: str) -> float:
        """Return the named (hits, total) measure as a rate."""
        hits, total = getattr(self, name)
        return float(hits / total) if total else 0.0


def _scrapinghub(root: Path) -> Iterator[tuple[str, str, str]]:
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    for key in sorted(truth):
        path = root / "html" / f"{key}.html.gz"
        if path.exists():
            yield key, html_to_text(gzip.decompress(path.read_bytes())), truth[key]["articleBody"]


def _snippet_in(snippet: str, text: str) -> bool:
    return " ".join(snippet.split()) in text


def measure(shared: Path, *, limit: int | None = None) -> Scores:
    """Run every benchmark found under ``shared`` (skipping absent ones) and score them."""
    started = time.perf_counter()
    scores = Scores()
    sh = shared / "data" / "scrapinghub_article_extraction_benchmark"
    if sh.exists():
        prf = []
        for key, text, gold in list(_scrapinghub(sh))[:limit]:
            article = _extract(text, key)
            value = body_prf(article.text if article else "", gold)
            prf.append(value)
            scores.worst.append((value[2], key))
        scores.sh_pages = len(prf)
        if prf:
            means = [sum(v) / len(prf) for v in zip(*prf, strict=True)]
            scores.sh_p, scores.sh_r, scores.sh_f1 = means
    tr = shared / "data" / "trafilatura_eval_news_en"
    if tr.exists():
        items = json.loads((tr / "evaldata_news_en_subset.json").read_text("utf-8"))
        kept = total_with = dropped = total_without = 0
        titles = total_titles = dates = total_dates = 0
        for item in list(items.values())[:limit]:
            text = html_to_text((tr / "html" / item["file"]).read_bytes())
            article = _extract(text, item["file"])
            body = " ".join(article.text.split()) if article else ""
            kept += sum(_snippet_in(s, body) for s in item["with"])
            total_with += len(item["with"])
            dropped += sum(not _snippet_in(s, body) for s in item["without"])
            total_without += len(item["without"])
            if item.get("title"):
                total_titles += 1
                titles += title_ok(article.title if article else None, item["title"])
            if item.get("date"):
                total_dates += 1
                dates += date_ok(article.published_at if article else None, item["date"])
            scores.tr_pages += 1
        scores.tr_with = (kept, total_with)
        scores.tr_without = (dropped, total_without)
        scores.tr_title = (titles, total_titles)
        scores.tr_date = (dates, total_dates)
    n4k = shared / "data" / "newspaper4k_fixtures_en"
    if n4k.exists():
        f1s, titles = [], 0
        for meta_path in sorted((n4k / "metadata").glob("*.json"))[:limit]:
            meta = json.loads(meta_path.read_text("utf-8"))
            html_path = n4k / "html" / f"{meta_path.stem}.html"
            gold = (n4k / "txt" / f"{meta_path.stem}.txt").read_text("utf-8")
            article = _extract(html_to_text(html_path.read_bytes()), meta_path.name)
            f1s.append(body_prf(article.text if article else "", gold)[2])
            titles += title_ok(article.title if article else None, meta.get("title") or "")
        scores.n4k_pages = len(f1s)
        scores.n4k_f1 = sum(f1s) / len(f1s) if f1s else 0.0
        scores.n4k_title = (titles, len(f1s))
    scores.seconds = time.perf_counter() - started
    scores.worst.sort()
    return scores


def report(scores: Scores) -> str:
    """Format the scores as a Markdown section."""

    def frac(pair: tuple[int, int]) -> str:
        return f"{pair[0]}/{pair[1]} ({pair[0] / pair[1]:.3f})" if pair[1] else "n/a"

    rows = [
        ("scrapinghub body token P / R / F1 (mean per page)",
         f"{scores.sh_p:.3f} / {scores.sh_r:.3f} / {scores.sh_f1:.3f} ({scores.sh_pages} pages)"),
        ("trafilatura-eval must-keep snippets kept", frac(scores.tr_with)),
        ("trafilatura-eval must-drop snippets dropped", frac(scores.tr_without)),
        ("trafilatura-eval title right", frac(scores.tr_title)),
        ("trafilatura-eval date right (calendar day)", frac(scores.tr_date)),
        ("newspaper4k fixtures body token F1 vs tool text",
         f"{scores.n4k_f1:.3f} ({scores.n4k_pages} pages)"),
        ("newspaper4k fixtures title right", frac(scores.n4k_title)),
    ]  # fmt: skip
    # The same measures for the extractor as it was before the real-page work (commit
    # 8d75dee: prose runs bridged by short gaps, first date in the header), for comparison.
    before = [
        "0.917 / 0.826 / 0.847", "142/169 (0.840)", "161/178 (0.904)", "10/53 (0.189)",
        "38/53 (0.717)", "0.770", "5/11 (0.455)",
    ]  # fmt: skip
    lines = [
        "## Plain-text extraction on real pages rendered to text",
        "",
        "`benchmarks/plaintext_real.py`: public benchmark HTML rendered to a crawler-style text "
        "dump (all furniture kept), then `extract_plain`. Title right = normalised equal or "
        "token F1 >= 0.9; date right = same calendar day.",
        "",
        "| measure | value | before |",
        "| --- | --- | --- |",
        *(f"| {name} | {value} | {old} |" for (name, value), old in zip(rows, before, strict=True)),
        "",
        f"Run time: {scores.seconds:.1f} s.",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Measure, print, and (unless ``--no-write``) write the ``plaintext`` results section."""
    scores = measure(shared_dir())
    text = report(scores)
    sys.stdout.write(text + "\n")
    if "--worst" in argv:
        for f1, key in scores.worst[:25]:
            sys.stdout.write(f"{f1:.3f} {key}\n")
    if "--no-write" not in argv:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from _results import write_section

        write_section("plaintext", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
