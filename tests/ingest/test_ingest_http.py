"""http(s) sources against a local server on 127.0.0.1 (no other network)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from eventwire.ingest import iter_pages
from eventwire.records import Page, Rejected
from eventwire.settings import IngestSettings

ARTICLE = (
    "<html><head><title>Troops</title></head><body><article><p>"
    + "NATO allies agreed to send more troops to the Baltic states. " * 5
    + "</p></article></body></html>"
).encode()
SEEN_AGENTS: list[str] = []


def _feed(base: str) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Linked story</title><link>{base}/article</link>
<pubDate>Thu, 13 Jan 2022 09:00:00 GMT</pubDate><description>Teaser.</description></item>
<item><title>Gone story</title><link>{base}/missing</link><description>x</description></item>
</channel></rss>""".encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # the connection closes after each body: no length needed

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def _send(self, status: int, body: bytes, content_type: str = "text/html") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/article":
            self._send(200, ARTICLE, "text/html; charset=utf-8")
        elif self.path == "/text":
            self._send(200, "Ceci est très clair.".encode("cp1252"), "text/plain; charset=cp1252")
        elif self.path == "/missing":
            self._send(404, b"not found")
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article")
            self.end_headers()
        elif self.path == "/big":
            self._send(200, b"<p>" + b"x" * 50_000 + b"</p>")
        elif self.path == "/big-unannounced":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"<p>" + b"y" * 1000 + b"</p>")
        elif self.path == "/slow":
            time.sleep(1.0)
            self._send(200, ARTICLE)
        elif self.path == "/image":
            self._send(200, b"\x89PNG\r\n", "image/png")
        elif self.path == "/feed":
            self._send(200, _feed(base), "application/rss+xml")
        else:
            self._send(500, b"unexpected path")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # The client hangs up on purpose (size cap, timeout); that is not a server error.
        pass


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


SETTINGS = IngestSettings(timeout=0.4, max_bytes=20_000, max_redirects=3, user_agent="ew-test/1")


def fetch(*urls: str) -> list[Page | Rejected]:
    return list(iter_pages(urls, settings=SETTINGS))


def test_200_page(base_url: str) -> None:
    (page,) = fetch(f"{base_url}/article")
    assert isinstance(page, Page)
    assert page.source == page.url == f"{base_url}/article"
    assert page.raw == ARTICLE and page.content_type == "text/html"
    assert "ew-test/1" in SEEN_AGENTS


def test_text_page_with_charset(base_url: str) -> None:
    (page,) = fetch(f"{base_url}/text")
    assert isinstance(page, Page)
    assert page.content_type == "text/plain" and page.encoding == "cp1252"


def test_redirect_is_followed_and_final_url_kept(base_url: str) -> None:
    (page,) = fetch(f"{base_url}/moved")
    assert isinstance(page, Page)
    assert page.source == f"{base_url}/moved"
    assert page.url == f"{base_url}/article"


@pytest.mark.parametrize(
    ("path", "reason", "code"),
    [
        ("/missing", "HTTP 404", "EW202"),
        ("/loop", "too many redirects (more than 3)", "EW202"),
        ("/big", "larger than max_bytes", "EW203"),
        ("/big-unannounced", "larger than max_bytes", "EW203"),
        ("/slow", "timed out after 0.4 s", "EW202"),
        ("/image", "unsupported content type 'image/png'", "EW202"),
    ],
)
def test_failures_become_rejected(base_url: str, path: str, reason: str, code: str) -> None:
    started = time.monotonic()
    (rejected,) = fetch(base_url + path)
    assert isinstance(rejected, Rejected)
    assert rejected.stage == "ingest" and rejected.source == base_url + path
    assert reason in rejected.reason and rejected.code == code
    assert time.monotonic() - started < 5  # bounded, however the server behaves


def test_unreachable_port_is_rejected() -> None:
    import socket

    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (rejected,) = fetch(f"http://127.0.0.1:{port}/x")
    assert isinstance(rejected, Rejected) and "fetch failed" in rejected.reason


def test_feed_url_fetches_linked_entries_with_feed_hints(base_url: str) -> None:
    page, gone = fetch(f"{base_url}/feed")
    assert isinstance(page, Page)
    assert page.source == f"{base_url}/article"
    assert page.raw == ARTICLE
    assert page.hints["title"] == "Linked story"
    assert page.hints["published_at"] == "2022-01-13T09:00:00Z"
    assert isinstance(gone, Rejected) and "HTTP 404" in gone.reason


def test_a_failed_url_does_not_stop_the_run(base_url: str) -> None:
    got = fetch(f"{base_url}/missing", f"{base_url}/article")
    assert [type(g).__name__ for g in got] == ["Rejected", "Page"]
