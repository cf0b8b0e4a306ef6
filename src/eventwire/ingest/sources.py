"""Resolve sources (paths, folders, ``-``, URLs) and route each stream to its format's reader.

A format is chosen by file name first and by the first bytes second, so a misnamed file still
reads well: ``.warc``/``.arc`` (or bytes ``WARC/``) → WARC; ``.jsonl``/``.ndjson`` → JSON Lines;
``.json`` → one JSON document; ``.rss``/``.atom`` (or ``<rss``/``<feed``/``<rdf:RDF``) → feed;
gzip magic → decompress and look again; anything else → one text or HTML page.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from eventwire.ingest.feeds import iter_feed, looks_like_feed
from eventwire.ingest.fetch import Fetched, Fetcher, is_url
from eventwire.ingest.jsonl import iter_json, iter_jsonl
from eventwire.ingest.page import check_page, reject
from eventwire.ingest.warc import iter_warc
from eventwire.records import Page, Rejected
from eventwire.settings import IngestSettings

__all__ = ["DOCUMENT_SUFFIXES", "IngestRun", "detect_format"]

STDIN_SOURCE = "<stdin>"
# Files a folder walk reads; other files (README.md, scripts, images) are left alone. A file
# named on the command line is read whatever its name.
DOCUMENT_SUFFIXES = frozenset(
    {".txt", ".text", ".html", ".htm", ".xhtml", ".warc", ".arc", ".jsonl", ".ndjson", ".json"}
    | {".rss", ".atom", ".xml"}
)
_HEAD = 1 << 16
_GZIP_MAGIC = b"\x1f\x8b"
_READ_ERRORS = (OSError, EOFError, zlib.error)
_MAX_GZIP_DEPTH = 2


class _Prefixed(io.RawIOBase):
    """A stream that replays bytes already read from it, for sniffing unseekable input."""

    def __init__(self, head: bytes, rest: BinaryIO, error: BaseException | None = None) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._pos = 0
        self._rest = rest
        # A read error met while sniffing is raised where it happened: after the head.
        self._error = error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._pos < len(self._head):
            n = min(len(view), len(self._head) - self._pos)
            view[:n] = self._head[self._pos : self._pos + n]
            self._pos += n
            return n
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def _read_up_to(stream: BinaryIO, limit: int) -> bytes:
    parts: list[bytes] = []
    size = 0
    while size < limit and (chunk := stream.read(min(limit - size, 1 << 20))):
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def _read_head(stream: BinaryIO) -> tuple[bytes, BaseException | None]:
    """Read the first bytes for sniffing, keeping what came before a read error."""
    parts: list[bytes] = []
    size = 0
    try:
        while size < _HEAD and (chunk := stream.read(min(_HEAD - size, 8192))):
            parts.append(chunk)
            size += len(chunk)
    except _READ_ERRORS as e:
        return b"".join(parts), e
    return b"".join(parts), None


def _suffixes(name: str) -> tuple[str, bool]:
    """Return (inner suffix, whether gzipped) of a file name: 'a.jsonl.gz' → ('.jsonl', True)."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    return os.path.splitext(lower)[1], gz


def detect_format(name: str, head: bytes) -> str:
    """Return the format of a stream from its name and first bytes.

    One of ``warc``, ``gzip``, ``jsonl``, ``json``, ``feed``, ``xml`` (XML that is no feed)
    and ``page``.
    """
    suffix, _ = _suffixes(name)
    if suffix in {".warc", ".arc"} or head.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if head.startswith(_GZIP_MAGIC):
        return "gzip"
    if suffix in {".jsonl", ".ndjson"}:
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in {".rss", ".atom"} or looks_like_feed(head):
        return "feed"
    if suffix == ".xml":
        return "xml"
    if suffix not in DOCUMENT_SUFFIXES and head.lstrip().startswith(b"{"):
        return "jsonl"
    return "page"


@dataclass
class IngestRun:
    """One ingest run: settings, the shared fetcher and standard input."""

    settings: IngestSettings
    fetcher: Fetcher
    stdin: BinaryIO | None = None

    def source(self, source: str) -> Iterator[Page | Rejected]:
        """Yield the pages of one source: a path, a folder, ``-`` or an http(s) URL."""
        if source == "-":
            stream = self.stdin if self.stdin is not None else sys.stdin.buffer
            yield from self._stream(stream, name="", source=STDIN_SOURCE)
        elif is_url(source):
            yield from self.url(source, {})
        else:
            yield from self._path(Path(source))

    def url(self, url: str, hints: Mapping[str, str]) -> Iterator[Page | Rejected]:
        """Fetch a URL and yield its page, or the pages of the feed it serves."""
        got = self.fetcher.fetch(url)
        if isinstance(got, Rejected):
            yield got
        elif looks_like_feed(got.body[:_HEAD]) and not hints:
            yield from iter_feed(got.body, source=url, settings=self.settings, fetch=self.url)
        else:
            yield self._fetched_page(got, hints)

    def _fetched_page(self, got: Fetched, hints: Mapping[str, str]) -> Page | Rejected:
        if looks_like_feed(got.body[:_HEAD]):
            return reject(got.url, "a feed entry's link leads to another feed, not a page")
        media = (got.content_type or "").split(";", 1)[0].strip().lower()
        return check_page(
            got.body,
            source=got.url,
            max_bytes=self.settings.max_bytes,
            url=got.final_url,
            # XML that is no feed is read as markup: XHTML is served as XML.
            content_type="text/html" if media.endswith("xml") else got.content_type,
            hints={**hints, "url": got.final_url},
        )

    def _path(self, path: Path) -> Iterator[Page | Rejected]:
        where = str(path)
        try:
            info = path.stat()
        except FileNotFoundError:
            if path.is_symlink():
                yield reject(where, "cannot read: broken symbolic link")
            else:
                yield reject(where, "no such file or directory", code="EW201")
            return
        except OSError as e:
            yield reject(where, f"cannot read: {e.strerror or e}")
            return
        if stat.S_ISDIR(info.st_mode):
            yield from self._folder(path)
            return
        if not stat.S_ISREG(info.st_mode):
            yield reject(where, "not a regular file (a device, pipe or socket)")
            return
        suffix, gz = _suffixes(path.name)
        if not gz and info.st_size > self.settings.max_bytes and suffix in _SINGLE_DOCUMENT:
            yield reject(
                where, f"file larger than max_bytes ({self.settings.max_bytes} bytes)", code="EW203"
            )
            return
        try:
            handle = path.open("rb")
        except OSError as e:
            yield reject(where, f"cannot read: {e.strerror or e}")
            return
        with handle:
            yield from self._stream(handle, name=path.name, source=where)

    def _folder(self, folder: Path) -> Iterator[Page | Rejected]:
        """Walk a folder depth first in name order, skipping hidden files and folders."""
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as e:
            yield reject(str(folder), f"cannot list folder: {e.strerror or e}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from self._folder(path)
            elif _suffixes(entry.name)[0] in DOCUMENT_SUFFIXES:
                yield from self._path(path)
            else:
                # Recorded, not silently skipped: nothing in a folder is lost without a reason.
                suffix = _suffixes(entry.name)[0] or "(none)"
                yield reject(
                    str(path),
                    f"not read: suffix {suffix} is not a document type read in folders "
                    "(name the file directly to read it anyway)",
                )

    def _stream(
        self, stream: BinaryIO, *, name: str, source: str, depth: int = 0
    ) -> Iterator[Page | Rejected]:
        head, error = _read_head(stream)
        if error is not None and not head:
            yield reject(source, _read_error(error))
            return
        fmt = detect_format(name, head)
        with io.BufferedReader(_Prefixed(head, stream, error), buffer_size=_HEAD) as replay:
            if fmt == "warc":
                yield from iter_warc(replay, source=source, settings=self.settings)
            elif fmt == "gzip":
                yield from self._gzip(replay, name=name, source=source, depth=depth)
            elif fmt == "jsonl":
                yield from iter_jsonl(replay, source=source, settings=self.settings)
            elif fmt == "xml":
                yield reject(source, "XML that is not an RSS or Atom feed")
            else:
                yield from self._whole(replay, fmt=fmt, source=source)

    def _gzip(
        self, stream: BinaryIO, *, name: str, source: str, depth: int
    ) -> Iterator[Page | Rejected]:
        if depth >= _MAX_GZIP_DEPTH:
            yield reject(source, "gzip nested too deeply")
            return
        inner = name[:-3] if name.lower().endswith(".gz") else name
        with gzip.GzipFile(fileobj=stream, mode="rb") as unzipped:
            yield from self._stream(
                unzipped,  # type: ignore[arg-type]
                name=inner,
                source=source,
                depth=depth + 1,
            )

    def _whole(self, stream: BinaryIO, *, fmt: str, source: str) -> Iterator[Page | Rejected]:
        """Read a one-document stream (a page, a feed, a JSON file) whole, up to the cap."""
        cap = self.settings.max_bytes
        try:
            raw = _read_up_to(stream, cap + 1)
        except _READ_ERRORS as e:
            yield reject(source, _read_error(e))
            return
        if len(raw) > cap:
            yield reject(source, f"document larger than max_bytes ({cap} bytes)", code="EW203")
        elif fmt == "feed":
            yield from iter_feed(raw, source=source, settings=self.settings, fetch=self.url)
        elif fmt == "json":
            yield from iter_json(raw, source=source, settings=self.settings)
        else:
            yield check_page(raw, source=source, max_bytes=cap)


# Formats whose file is one document, so its size on disk is checked before reading.
_SINGLE_DOCUMENT = frozenset({".txt", ".text", ".html", ".htm", ".xhtml"})


def _read_error(e: BaseException) -> str:
    if isinstance(e, EOFError):
        return f"truncated compressed data ({e})"
    if isinstance(e, gzip.BadGzipFile | zlib.error):
        return f"broken gzip data ({e})"
    return f"cannot read: {getattr(e, 'strerror', None) or e}"
