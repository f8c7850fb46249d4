"""Quotation marks paired into quoted passages, inside each prose block.

Straight quotes are told apart by what stands beside them: a mark after a space
(or a bracket, a dash, a colon) and before a word opens; a mark after a word or
punctuation closes. Curly quotes are read the same way, because releases mix
them up ('"... needs," said Cree CEO, Gregg Lowe. “An ...').

A quote that runs over several paragraphs leaves each paragraph but the last
unclosed and opens the next one again; so does a flattened text where the line
breaks are lost ('... needs. "As a result ...'). Such segments form one
`Quotation`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pressfacts.models import Span

MARKS = '"“”'
MARK_RE = re.compile(f"[{MARKS}]")
CLAUSE_MARK_RE = re.compile(r"[.!?,]")
OPEN_AFTER = frozenset(" \t\n\r([{—–-:/")
CLOSE_BEFORE = frozenset(" \t\n\r.,;:)!?—–")
NESTED_MAX = 40


@dataclass(frozen=True, slots=True)
class Segment:
    """The words between an opening mark and its closing mark (or the end of the run)."""

    span: Span
    opened_at: int
    closed_at: int | None


@dataclass(frozen=True, slots=True)
class Quotation:
    """Segments that read as one quote: each but the last left open."""

    segments: tuple[Segment, ...]

    @property
    def start(self) -> int:
        return self.segments[0].opened_at

    @property
    def end(self) -> int:
        last = self.segments[-1]
        return last.closed_at + 1 if last.closed_at is not None else last.span.end


def find_quotations(text: str, blocks: Sequence[Span]) -> list[Quotation]:
    """Every quotation of the prose, in text order.

    >>> t = 'He said, "We grew. We\\n\\n"will grow," she said.'
    >>> [
    ...     [t[s.span.start : s.span.end] for s in q.segments]
    ...     for q in find_quotations(t, [Span(0, 21), Span(23, 45)])
    ... ]
    [['We grew. We', 'will grow,']]
    """
    quotations: list[Quotation] = []
    pending: list[Segment] = []
    marks = _marks(text)
    for block in blocks:
        inside = marks[bisect_left(marks, block.start) : bisect_left(marks, block.end)]
        for segment in _segments(text, block, inside):
            if pending and not _continues(text, pending[-1], segment):
                quotations.append(Quotation(tuple(pending)))
                pending = []
            pending.append(segment)
            if segment.closed_at is not None:
                quotations.append(Quotation(tuple(pending)))
                pending = []
    if pending:
        quotations.append(Quotation(tuple(pending)))
    return quotations


def _continues(text: str, before: Segment, segment: Segment) -> bool:
    """An open segment runs on into the next one when only white space lies between."""
    return before.closed_at is None and not text[before.span.end : segment.opened_at].strip()


def _marks(text: str) -> list[int]:
    """Where the quotation marks stand, in text order.

    Found by `str.find`, mark by mark: a regex of the three marks (two of them beyond Latin-1)
    tests every character of the text in turn, many times slower.
    """
    places = []
    for mark in MARKS:
        at = text.find(mark)
        while at >= 0:
            places.append(at)
            at = text.find(mark, at + 1)
    return sorted(places)


def _segments(text: str, block: Span, marks: Sequence[int]) -> Iterator[Segment]:
    """The quoted segments of a block, from the places of its marks."""
    opened: int | None = None
    skip_to = -1
    for at in marks:
        if at <= skip_to:
            continue
        opens = _opens(text, at, block, opened is not None)
        nested = _nested_close(text, at, block) if opens and opened is not None else None
        if nested is not None:
            # A term quoted inside a quote ("... standard for credit losses “CECL” and ..."): skip it.
            skip_to = nested
            continue
        if opens:
            if opened is not None:
                yield _segment(text, opened, at, None)
            opened = at
        elif opened is not None:
            yield _segment(text, opened, at, at)
            opened = None
    if opened is not None:
        yield _segment(text, opened, block.end, None)


def _opens(text: str, at: int, block: Span, inside: bool) -> bool:
    before = text[at - 1] if at > block.start else "\n"
    after = text[at + 1] if at + 1 < block.end else "\n"
    if before in OPEN_AFTER and after not in CLOSE_BEFORE:
        return True
    if before not in OPEN_AFTER and after in CLOSE_BEFORE:
        return False
    return not inside


def _nested_close(text: str, at: int, block: Span) -> int | None:
    """The closing mark of a few words quoted inside a quote, or None."""
    close = MARK_RE.search(text, at + 1, min(block.end, at + NESTED_MAX))
    if close is None or _opens(text, close.start(), block, True):
        return None
    if CLAUSE_MARK_RE.search(text, at + 1, close.start()):
        return None
    return close.start()


def _segment(text: str, opened: int, end: int, closed: int | None) -> Segment:
    """The words inside the marks, without the space around them."""
    start = opened + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Segment(Span(start, end), opened, closed)
