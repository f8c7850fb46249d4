"""Read a release from disk: bytes in, normalised text out, and a guess at its format.

All offsets used by later stages refer to the text `decode` returns, whose line
endings are always "\\n".
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path
from typing import Literal

from pressfacts.errors import InputError

DEFAULT_MAX_BYTES = 20_000_000

# Bytes that never occur in a text or HTML release; tab, LF, VT, FF, CR and ESC are allowed
# (ESC shows up in some old printer-formatted filings).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_SNIFF_BYTES = 8192
# C1 control characters standing for the cp1252 characters they were mis-converted from
# (a UTF-8 file holding U+0092 meant a right single quote, as cp1252 byte 0x92 does).
_C1 = re.compile("[\x80-\x9f]")
# The same characters as UTF-8 bytes: searching the bytes is much faster than the text.
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")
_C1_TO_CP1252 = {
    c: bytes([c]).decode("cp1252") for c in range(0x80, 0xA0) if c not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_MAX_CONTROL_SHARE = 0.05

# An EDGAR submission: SGML containers at the start of a line, before any HTML.
_SUBMISSION = re.compile(
    r"^<(?:SEC-DOCUMENT|SEC-HEADER|IMS-DOCUMENT|IMS-HEADER|SUBMISSION)>"  # header containers
    r"|^<DOCUMENT>[ \t]*\n<TYPE>",  # a bare document list (no header)
    re.MULTILINE,
)
# Tags that only HTML uses; `<TABLE>` alone is not enough, old EDGAR text uses it with <S>/<C>.
_HTML_TAG = re.compile(
    r"<(?:html|body|head|title|p|div|font|br|center|span|b|i|h[1-6]|tr|td|!doctype)[\s>/]",
    re.IGNORECASE,
)
_HTML_START = re.compile(r"<html[\s>]", re.IGNORECASE)


def read_source(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Return the bytes of `path`, refusing what cannot be a release."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a file")
    size = p.stat().st_size
    if size == 0:
        raise InputError(f"{p}: file is empty")
    if size > max_bytes:
        raise InputError(f"{p}: file is {size:,} bytes, over the limit of {max_bytes:,}")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror or exc}") from exc
    if not data:
        raise InputError(f"{p}: file is empty")
    return data


def decode(data: bytes) -> str:
    """Decode release bytes: UTF-8 (BOM stripped) if valid, else cp1252, else latin-1.

    Line endings are normalised to "\\n"; C1 control characters left by a bad conversion
    from cp1252 are read as the cp1252 characters they stand for.

    >>> decode(b"\\x93quoted\\x94\\r\\n")
    '\\u201cquoted\\u201d\\n'
    """
    return decode_keeping_utf8(data)[0]


def decode_keeping_utf8(data: bytes) -> tuple[str, bytes | None]:
    """`decode`, and the UTF-8 encoding of the text when it comes for free (the input was
    UTF-8), else None: the HTML parser reads it as is, without encoding the text again."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_utf16(data)
        if _C1.search(text):
            text = text.translate(_C1_TO_CP1252)
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text, None
    _refuse_binary(data[:_SNIFF_BYTES])
    body = data.removeprefix(codecs.BOM_UTF8)
    if b"\r" in body:  # done on the bytes, faster: a CR byte is a CR in all three encodings
        body = body.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    text, c1_found, utf8 = _decode_8bit(body)
    for c1 in c1_found:  # as `translate`, much faster on a long text with a few kinds to change
        cp1252 = _C1_TO_CP1252.get(ord(c1))
        if cp1252 is not None:
            text = text.replace(c1, cp1252)
            if utf8:  # the same change to the UTF-8 bytes (a C1 character is 2 bytes there)
                body = body.replace(c1.encode(), cp1252.encode())
    return text, body if utf8 else None


def _refuse_binary(head: bytes) -> None:
    if b"\x00" in head:
        raise InputError("input looks binary (NUL bytes), not a text or HTML release")
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and control / len(head) > _MAX_CONTROL_SHARE:
        raise InputError("input looks binary (control characters), not a text or HTML release")


def _decode_utf16(data: bytes) -> str:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise InputError("input has a UTF-16 byte-order mark but is not valid UTF-16") from exc
    if "\x00" in text[:_SNIFF_BYTES]:
        raise InputError("input looks binary (NUL characters), not a text or HTML release")
    return text


def _decode_8bit(data: bytes) -> tuple[str, set[str], bool]:
    """The text, the C1 control characters in it (found without scanning the text), and
    whether it was UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass  # try the looser encodings
    else:
        if text.isascii():
            return text, set(), True
        return text, {pair.decode("utf-8") for pair in set(_C1_UTF8.findall(data))}, True
    try:  # Python's cp1252 decodes no byte to a C1 character
        return data.decode("cp1252"), set(), False
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        return text, set(_C1.findall(text)), False


def detect_format(text: str) -> Literal["text", "html", "submission"]:
    """Say whether `text` is an EDGAR submission, an HTML page or plain text.

    >>> detect_format("<SEC-HEADER>x</SEC-HEADER>\\n<DOCUMENT>\\n<TYPE>EX-99.1")
    'submission'
    >>> detect_format("<html><body><p>Hi</p></body></html>")
    'html'
    >>> detect_format("ACME REPORTS EARNINGS\\n\\nRevenue rose.")
    'text'
    """
    head = text[:_SNIFF_BYTES]
    sub = _SUBMISSION.search(head)
    if sub is not None:
        html = _HTML_START.search(head)
        if html is None or sub.start() < html.start():
            return "submission"
    if _HTML_TAG.search(head):
        return "html"
    return "text"
