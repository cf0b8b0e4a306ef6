"""Rebuild the bundled examples from the public data in ../shared (see examples/README.md).

    python examples/make_examples.py [--shared PATH]

Writes, next to this script:
  seed/rt_baltic_nato_2022.txt    the running example, copied as it is
  news/news_cluster_2017.jsonl    at most 100 dated world-politics articles, one JSON per line
  html/*.html                     three political news pages, decompressed
  warc/sample.warc.gz             the same three pages as WARC response records

The output is deterministic (fixed record ids and dates, sorted input), so rebuilding an
unchanged source gives identical files.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import shutil
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEED = "samples/000_2f1d59fa7cd7b862.txt"
NEWS_DIR = "data/news_cluster_2017/data_raw"
BENCH_DIR = "data/scrapinghub_article_extraction_benchmark"
MAX_ARTICLES = 100
# Shorter texts in this set are extraction failures (a caption, a cookie notice), not articles.
MIN_TEXT_CHARS = 500

# News-cluster events in the "world" category that are not politics (accidents, animals);
# the rest (missile tests, sanctions, attacks, trials, settlements...) is what we code.
NOT_POLITICS = frozenset(
    {
        "harambe",
        "china_boy_well",
        "tourist_boat_hits_bridge_in_germany",
        "thousands_flee_fireworks_explosion_at_australia_beach",
        "croydon_tram_trash",
        "new_york_family_of_5_among_12_killed_in_costa_rica_plane_crash",
    }
)

# Benchmark page id prefix → file name. Three political stories of November 2019.
HTML_PAGES = {
    "4a44ab3e4c41": "rt_bolivia_morales_supporters_killed.html",
    "833caf3bdba5": "albawaba_us_israeli_settlements.html",
    "7916ecca969f": "aljazeera_afghanistan_helicopter_crash.html",
}
# The benchmark does not record when its pages were crawled; its files date from 2019-11-20.
# A fixed date keeps the WARC reproducible; it is a crawl date, never a publication date.
WARC_DATE = "2019-11-20T00:00:00Z"


def shared_dir(arg: str | None) -> Path:
    """Return the shared folder: --shared, $EVENTWIRE_SHARED, or ../shared beside the repo."""
    if arg:
        return Path(arg)
    env = os.environ.get("EVENTWIRE_SHARED")
    return Path(env) if env else HERE.parent.parent / "shared"


def copy_seed(shared: Path) -> Path:
    out = HERE / "seed" / "rt_baltic_nato_2022.txt"
    out.parent.mkdir(exist_ok=True)
    shutil.copyfile(shared / SEED, out)
    return out


def _round_robin(groups: dict[str, list[dict[str, Any]]], limit: int) -> list[dict[str, Any]]:
    """Take one article per event in turn, so that every event is represented."""
    picked: list[dict[str, Any]] = []
    queues = [list(groups[name]) for name in sorted(groups)]
    while len(picked) < limit and any(queues):
        for queue in queues:
            if queue and len(picked) < limit:
                picked.append(queue.pop(0))
    return picked


def build_news(shared: Path) -> Path:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for path in sorted((shared / NEWS_DIR).glob("*.json")):
        article = json.loads(path.read_text("utf-8"))
        cluster = article.get("newsCluster") or {}
        text = (article.get("text") or "").strip()
        if cluster.get("Category") != "world" or cluster.get("Event") in NOT_POLITICS:
            continue
        if len(text) < MIN_TEXT_CHARS or not article.get("date_publish") or not article.get("url"):
            continue
        groups[cluster["Event"]].append(
            {
                "text": text,
                "title": article.get("title") or None,
                "url": article["url"],
                "published_at": article["date_publish"],
                "source": article.get("source_domain") or None,
            }
        )
    for items in groups.values():
        items.sort(key=lambda a: (a["published_at"], a["url"]))
    picked = _round_robin(groups, MAX_ARTICLES)
    picked.sort(key=lambda a: (a["published_at"], a["url"]))
    out = HERE / "news" / "news_cluster_2017.jsonl"
    out.parent.mkdir(exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for item in picked:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    return out


def _bench_pages(shared: Path) -> list[tuple[str, str, bytes]]:
    """Return (file name, url, html bytes) of the chosen benchmark pages."""
    truth = json.loads((shared / BENCH_DIR / "ground-truth.json").read_text("utf-8"))
    pages = []
    for prefix, name in HTML_PAGES.items():
        (page_id,) = [k for k in truth if k.startswith(prefix)]
        raw = gzip.decompress((shared / BENCH_DIR / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append((name, truth[page_id]["url"], raw))
    return pages


def build_html(pages: list[tuple[str, str, bytes]]) -> list[Path]:
    folder = HERE / "html"
    folder.mkdir(exist_ok=True)
    written = []
    for name, _url, raw in pages:
        (folder / name).write_bytes(raw)
        written.append(folder / name)
    return written


def build_warc(pages: list[tuple[str, str, bytes]]) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = HERE / "warc" / "sample.warc.gz"
    out.parent.mkdir(exist_ok=True)
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)

    def record_id(name: str) -> str:
        return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}>"

    info = writer.create_warcinfo_record(
        "sample.warc.gz",
        {"software": "eventwire examples/make_examples.py", "format": "WARC File Format 1.0"},
    )
    info.rec_headers.replace_header("WARC-Record-ID", record_id("warcinfo"))
    info.rec_headers.replace_header("WARC-Date", WARC_DATE)
    writer.write_record(info)
    for _name, url, raw in pages:
        http = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(raw)))],
            protocol="HTTP/1.1",
        )
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(raw),
            length=len(raw),
            http_headers=http,
            warc_headers_dict={"WARC-Record-ID": record_id(url), "WARC-Date": WARC_DATE},
        )
        writer.write_record(record)
    out.write_bytes(buffer.getvalue())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="the shared folder (default: ../shared)")
    shared = shared_dir(parser.parse_args().shared)
    if not (shared / "data").is_dir():
        parser.error(f"no data folder under {shared}")
    pages = _bench_pages(shared)
    written = [copy_seed(shared), build_news(shared), *build_html(pages), build_warc(pages)]
    for path in written:
        print(f"{path.relative_to(HERE)}  {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
