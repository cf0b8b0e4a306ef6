"""Tell a document's character encoding and kind (HTML or plain text) from its bytes.

The order follows what browsers do (WHATWG "encoding sniffing"): a byte-order mark wins, then
what the transport declared (an HTTP ``Content-Type`` charset), then what the document declares
(``<meta charset>``, an XML declaration), then a guess. The guess is hand-written only where
charset-normalizer is weak: valid UTF-8 is taken as UTF-8 without asking it (it calls pure
ASCII "ascii" and is slow on big inputs), and its candidates are limited to encodings the web
actually uses, with ties broken towards windows-1252, the web's commonest legacy encoding.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = [
    "Decoding",
    "binary_reason",
    "charset_from_content_type",
    "detect_encoding",
    "is_html_text",
    "normalize_encoding",
]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)

# Labels that pages declare but mean windows-1252 (WHATWG maps them so; browsers agree).
_WINDOWS_1252_LABELS = frozenset({"latin_1", "iso8859_1", "cp819", "iso_8859_1"})
# A page declaring ASCII almost always holds UTF-8 or windows-1252: let the bytes decide.
_ASCII_LABELS = frozenset({"ascii", "us_ascii"})

# Encodings in the WHATWG encoding standard, in the order ties are broken.
_WEB_ENCODINGS: tuple[str, ...] = (
    "cp1252",
    "cp1251",
    "cp1250",
    "iso8859_15",
    "cp1253",
    "cp1254",
    "cp1257",
    "cp1255",
    "cp1256",
    "cp1258",
    "iso8859_2",
    "iso8859_5",
    "iso8859_7",
    "koi8_r",
    "koi8_u",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_jp",
    "euc_kr",
)

# The legacy encoding a language is most often written in on the web (what browsers assume
# by locale). charset-normalizer often scores several single-byte codepages as equally clean;
# the language it recognises then names the likeliest one.
_LANGUAGE_ENCODINGS = {
    **dict.fromkeys(
        ("Polish", "Czech", "Slovak", "Hungarian", "Croatian", "Slovene", "Romanian"), "cp1250"
    ),
    **dict.fromkeys(("Russian", "Ukrainian", "Bulgarian", "Serbian", "Macedonian"), "cp1251"),
    "Greek": "cp1253",
    "Turkish": "cp1254",
    "Hebrew": "cp1255",
    **dict.fromkeys(("Arabic", "Farsi"), "cp1256"),
    **dict.fromkeys(("Lithuanian", "Latvian", "Estonian"), "cp1257"),
    "Vietnamese": "cp1258",
}

_HTML_START = re.compile(
    r"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*(<!doctype\s+html|<html))",
    re.I | re.S,
)
_HTML_TAGS = re.compile(r"<(p|div|article|body|head|title|span|br|a|meta|script)\b[^>]*>", re.I)

# Signatures of common binary formats that can hide behind a text extension.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an executable"),
)


@dataclass(frozen=True, slots=True)
class Decoding:
    """The encoding chosen for a document, how it was chosen, and bytes it could not decode.

    Attributes:
        encoding: A Python codec name; decoding with ``errors="replace"`` is always safe.
        method: ``given``, ``bom``, ``http``, ``meta``, ``utf-8``, ``guessed`` or ``fallback``.
        replaced: Undecodable bytes that became U+FFFD (0 for a clean decoding).
    """

    encoding: str
    method: str
    replaced: int = 0


def normalize_encoding(label: str | None) -> str | None:
    """Return the Python codec name for an encoding label, or None when it is unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    key = name.replace("-", "_")
    if key in _WINDOWS_1252_LABELS:
        return "cp1252"
    return name


def charset_from_content_type(content_type: str | None) -> str | None:
    """Return the ``charset`` parameter of a Content-Type header value, if any."""
    if not content_type:
        return None
    match = _CHARSET_PARAM.search(content_type)
    return match.group(1) if match else None


def _bom(raw: bytes) -> str | None:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    return None


def _declared_in_document(head: bytes) -> str | None:
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _count_replaced(raw: bytes, encoding: str) -> int:
    # Undecodable bytes show up as U+FFFD that were not in the input already.
    text = raw.decode(encoding, errors="replace")
    return text.count("\ufffd") - raw.count("\ufffd".encode())


def _usable(label: str | None) -> str | None:
    name = normalize_encoding(label)
    if name is None or name.replace("-", "_") in _ASCII_LABELS:
        return None
    # A document declaring UTF-16 in its own bytes cannot be UTF-16 (the declaration was
    # readable as ASCII); browsers treat that as UTF-8.
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return name


def _guess(raw: bytes) -> str | None:
    """Guess a legacy encoding with charset-normalizer, limited to encodings of the web."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw, cp_isolation=list(_WEB_ENCODINGS)))
    if not matches:
        return None
    order = {name: i for i, name in enumerate(_WEB_ENCODINGS)}
    matches.sort(
        key=lambda m: (round(m.chaos, 2), -round(m.coherence, 2), order.get(m.encoding, 99))
    )
    best = matches[0].encoding
    tied = {m.encoding for m in matches if round(m.chaos, 2) == round(matches[0].chaos, 2)}
    by_language = _LANGUAGE_ENCODINGS.get(matches[0].language)
    if by_language in tied:
        return by_language
    if best != "cp1252":
        # Many single-byte codepages agree on the characters a Western text uses; when
        # windows-1252 reads the bytes the same way, name it, as it is the likelier one.
        try:
            if raw.decode("cp1252") == raw.decode(best):
                return "cp1252"
        except UnicodeDecodeError:
            pass
    return normalize_encoding(best)


def detect_encoding(
    raw: bytes, *, declared: str | None = None, content_type: str | None = None
) -> Decoding:
    """Choose the encoding of a document.

    Args:
        raw: The document's bytes.
        declared: An encoding the caller knows (e.g. a JSON Lines file is UTF-8); trusted
            when it is a known codec.
        content_type: A Content-Type header value whose ``charset`` parameter is trusted.

    Returns:
        The encoding, how it was found, and how many bytes will decode as U+FFFD.
    """
    name = normalize_encoding(declared)
    if name is not None:
        return Decoding(name, "given", _count_replaced(raw, name))
    bom = _bom(raw)
    if bom is not None:
        return Decoding(bom, "bom", _count_replaced(raw, bom))
    name = _usable(charset_from_content_type(content_type))
    if name is not None:
        return Decoding(name, "http", _count_replaced(raw, name))
    name = _usable(_declared_in_document(raw[:4096]))
    if name is not None:
        return Decoding(name, "meta", _count_replaced(raw, name))
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return Decoding("utf-8", "utf-8")
    replaced = _count_replaced(raw, "utf-8")
    readable = len(raw.decode("utf-8", errors="replace")) - replaced
    # Text that is mostly valid multi-byte UTF-8 with a few broken bytes (a truncated
    # character, a stray byte) is UTF-8: a legacy guess would garble every good character.
    if replaced and _utf8_multibyte(raw) >= replaced and readable > 0:
        return Decoding("utf-8", "utf-8", replaced)
    guessed = _guess(raw)
    if guessed is not None:
        return Decoding(guessed, "guessed", _count_replaced(raw, guessed))
    return Decoding("utf-8", "fallback", replaced)


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _utf8_multibyte(raw: bytes) -> int:
    return len(_UTF8_MULTIBYTE.findall(raw))


def is_html_text(head: str) -> bool:
    """Tell HTML from plain text by the document's start, then by its density of tags."""
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAGS.findall(head)) >= 5


def binary_reason(raw: bytes) -> str | None:
    """Return why a document is binary rather than text, or None when it looks like text.

    UTF-16 and UTF-32 text holds NUL bytes, so a byte-order mark clears a document first.
    """
    head = raw[:8192]
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            return f"binary content ({what}), not a text or HTML page"
    if _bom(head) is not None:
        return None
    if b"\x00" in head:
        return "binary content (NUL bytes), not a text or HTML page"
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and controls / len(head) > 0.1:
        return "binary content (control bytes), not a text or HTML page"
    return None
