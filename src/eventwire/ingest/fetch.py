"""Fetch http(s) URLs with httpx, within the limits set in ``[ingest]``.

One :class:`Fetcher` (one connection pool) serves a whole ingest run: the URLs given as sources
and the links of feed entries. Every failure becomes a :class:`Rejected` with a reason a person
can act on (the status code, the timeout, the size cap), never an exception.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from types import TracebackType

import httpx

from eventwire.ingest.page import reject
from eventwire.records import Rejected
from eventwire.settings import IngestSettings

__all__ = ["Fetched", "Fetcher", "is_url"]

# Media types worth downloading: pages and feeds. Anything else (images, PDF, video) is
# rejected from its headers, before the body is read.
_ACCEPTED = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)


def is_url(source: str) -> bool:
    """Tell whether a source names an http(s) URL."""
    return source.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Fetched:
    """A downloaded body and what the server said about it."""

    url: str
    final_url: str
    content_type: str | None
    body: bytes


class Fetcher:
    """Download http(s) URLs with a timeout, a size cap, a redirect limit and a user agent.

    Use as a context manager, or call :meth:`close`; the client is created on first use, so
    a run with no URL opens no connection pool.
    """

    def __init__(self, settings: IngestSettings) -> None:
        self.settings = settings
        self._client: httpx.Client | None = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=self.settings.timeout,
                follow_redirects=True,
                max_redirects=self.settings.max_redirects,
                headers={"User-Agent": self.settings.user_agent},
            )
        return self._client

    def fetch(self, url: str) -> Fetched | Rejected:
        """Download one URL, or say why it could not be downloaded."""
        s = self.settings
        try:
            with self.client.stream("GET", url) as response:
                return self._read(url, response)
        except httpx.TooManyRedirects:
            return reject(url, f"too many redirects (more than {s.max_redirects})", code="EW202")
        except httpx.TimeoutException as e:
            return reject(url, f"timed out after {s.timeout:g} s ({_kind(e)})", code="EW202")
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as e:
            return reject(url, f"invalid URL: {e}", code="EW202")
        except httpx.HTTPError as e:
            return reject(url, f"fetch failed: {_kind(e)}: {e}", code="EW202")

    def _read(self, url: str, response: httpx.Response) -> Fetched | Rejected:
        s = self.settings
        if not 200 <= response.status_code < 300:
            reason = f"HTTP {response.status_code} {response.reason_phrase}".strip()
            return reject(url, reason, code="EW202")
        content_type = response.headers.get("content-type")
        media = (content_type or "").split(";", 1)[0].strip().lower()
        if media and media not in _ACCEPTED:
            return reject(url, f"unsupported content type '{media}'", code="EW202")
        too_big = f"body larger than max_bytes ({s.max_bytes} bytes)"
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > s.max_bytes:
            return reject(url, too_big, code="EW203")
        # httpx's timeout bounds each read; this bounds the whole body against a server that
        # trickles bytes just fast enough never to time out.
        deadline = time.monotonic() + s.timeout
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > s.max_bytes:
                return reject(url, too_big, code="EW203")
            if time.monotonic() > deadline:
                return reject(url, f"timed out after {s.timeout:g} s (body)", code="EW202")
            chunks.append(chunk)
        return Fetched(
            url=url,
            final_url=str(response.url),
            content_type=content_type,
            body=b"".join(chunks),
        )


def _kind(e: Exception) -> str:
    return type(e).__name__
