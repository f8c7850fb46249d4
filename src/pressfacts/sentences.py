"""Sentences of prose, as spans into the document text.

Releases abbreviate freely ("Inc.", "Jan.", "U. S.", "vs.", "$.13"), so a
period ends a sentence only when a capital, a quote or a digit follows and
the word before it is not a known abbreviation or a single initial.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pressfacts.models import Span

ABBREVIATIONS = frozenset(
    [
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "plc",
        "no",
        "nos",
        "vs",
        "mr",
        "mrs",
        "ms",
        "dr",
        "jr",
        "sr",
        "st",
        "mt",
        "ft",
        "u.s",
        "a.m",
        "p.m",
        "approx",
        "est",
        "dept",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gov",
        "sen",
        "rep",
        "e.g",
        "i.e",
        "etc",
        "fig",
        "ave",
        "blvd",
        "bros",
    ]
)
# Each alternative starts with a character set, so the engine rejects most positions at once
# (the bullet with or without blanks before it is written twice for that).
BOUNDARY_RE = re.compile(
    r"[.!?][\"'”’)]{0,2}\s{1,20}(?=[\"“'‘(]?[A-Z0-9$])|\n[ \t]*\n\s{0,40}"
    r"|[ \t]{1,3}[•·|][ \t]{0,3}|[•·|][ \t]{0,3}"
)
# The word before a full stop, read backwards from the stop (the longest run of letters and
# dots, up to 11, that starts with a letter): a match at the start of the reversed text.
WORD_BEFORE_BACKWARDS = re.compile(r"\.([A-Za-z.]{0,10}[A-Za-z])")


def split_sentences(text: str, span: Span | None = None) -> list[Span]:
    """Sentence spans inside `span` (default: the whole text), blank lines always splitting.

    >>> t = "IEC Electronics Corp. reported $1.2 million. Sales rose."
    >>> [t[s.start : s.end] for s in split_sentences(t)]
    ['IEC Electronics Corp. reported $1.2 million.', 'Sales rose.']
    """
    region = span or Span(0, len(text))
    return [s for s in _sentences(text, region) if s.end > s.start]


def first_sentence(text: str, span: Span) -> Span | None:
    """The first sentence inside `span`, as `split_sentences` gives it, the rest left unsplit.

    >>> t = "said Jane Doe. Sales rose."
    >>> first_sentence(t, Span(0, len(t)))
    Span(start=0, end=14)
    """
    return next((s for s in _sentences(text, span) if s.end > s.start), None)


def _sentences(text: str, region: Span) -> Iterator[Span]:
    start = region.start
    for match in BOUNDARY_RE.finditer(text, region.start, region.end):
        mark = text[match.start()]
        if mark == "." and _is_abbreviation(text, match.start()):
            continue
        end = match.start() + 1 if mark in ".!?" else match.start()
        yield _trimmed(text, start, end)
        start = match.end()
    yield _trimmed(text, start, region.end)


def _is_abbreviation(text: str, dot: int) -> bool:
    word = WORD_BEFORE_BACKWARDS.match(text[max(0, dot - 12) : dot + 1][::-1])
    if word is None:
        return False
    token = word.group(1)[::-1].lower()
    return len(token) == 1 or token.rstrip(".") in ABBREVIATIONS


def _trimmed(text: str, start: int, end: int) -> Span:
    piece = text[start:end]
    words = piece.strip()
    if not words:
        return Span(end, end)
    start += len(piece) - len(piece.lstrip())
    return Span(start, start + len(words))
