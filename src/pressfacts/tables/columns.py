"""The header of each value column of a block, and what it says of its period.

A number's header is the text of the header cells above its columns, top row
first. A header cell sometimes sits over a spacer or currency column beside
the number rather than over it; the search then widens to neighbouring
columns that hold no numbers of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from pressfacts.models import Document, Span, Table
from pressfacts.tables.basis import BasisMark, basis_mark
from pressfacts.tables.grid import Block, Row, Segment
from pressfacts.tables.headers import PeriodParts, merge, parse_header

YEAR_ONLY_RE = re.compile(r"(?:19|20)\d\d")
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
WORD_RE = re.compile(r"[a-z]+")
WIDEN = 3  # columns to look at either side of a number for its header
CONTEXT_LINES = 4  # lines of the text before a table read as its caption
HEADING_CHARS = 60  # longer lines above the last one are prose


@dataclass(frozen=True, slots=True)
class Column:
    """One value column of a block: its header text, the cells it came from, and its parts."""

    first: int
    last: int
    text: str
    spans: tuple[Span, ...]
    parts: PeriodParts


@dataclass(frozen=True, slots=True)
class BlockHead:
    """What a block's titles and header rows say for all its columns."""

    title: str
    parts: PeriodParts
    basis: BasisMark | None
    texts: tuple[str, ...] = ()  # the pieces of the title: caption lines, title rows, header labels


def header_items(row: Row) -> list[Segment]:
    """Header cells of a row right of its label: texts, and years read as numbers."""
    items = [*row.texts, *(Segment(v.first, v.last, v.text, v.span) for v in row.values)]
    return sorted(items, key=lambda s: s.first)


@dataclass(frozen=True, slots=True)
class HeaderCells:
    """A header row's items, indexed by column. Cells of a row do not share columns, so
    sorted by first column they are sorted by last too, and those over a range of columns
    are one run, found by bisection rather than by scanning the row for every column."""

    items: list[Segment]
    firsts: list[int]
    lasts: list[int]
    apart: bool  # no two items share a column (else `_cells_over` scans, as it always did)


def header_cells(row: Row) -> HeaderCells:
    items = header_items(row)
    firsts, lasts = [s.first for s in items], [s.last for s in items]
    apart = all(lasts[i] < firsts[i + 1] for i in range(len(items) - 1))
    return HeaderCells(items, firsts, lasts, apart)


def claimed_columns(block: Block) -> set[int]:
    return {c for row in block.body for v in row.values for c in range(v.first, v.last + 1)}


def column_of(
    headers: list[HeaderCells], first: int, last: int, claimed: set[int], head: BlockHead
) -> Column:
    cells = [seg for row in headers for seg in _cells_over(row, first, last, claimed)]
    spans = tuple(seg.span for seg in cells if seg.span is not None)
    text = " ".join(_narrowest_year(cells))
    return Column(first, last, text, spans, merge(parse_header(text), head.parts))


def _narrowest_year(cells: list[Segment]) -> list[str]:
    """Header texts of a column, the year of a wide cell dropped where a narrower cell
    below gives the column its own year ("March 31, 2020" over both "2019 | 2020")."""
    years = [YEAR_ONLY_RE.fullmatch(c.text.strip()) is not None for c in cells]
    if not any(years):
        return [c.text for c in cells]
    narrowest = min(c.last - c.first for c, year in zip(cells, years, strict=True) if year)
    return [
        YEAR_RE.sub(" ", c.text)
        if c.last - c.first > narrowest and not year and len(YEAR_RE.findall(c.text)) == 1
        else c.text
        for c, year in zip(cells, years, strict=True)
    ]


def _cells_over(row: HeaderCells, first: int, last: int, claimed: set[int]) -> list[Segment]:
    over = _over(row, first, last)
    if over:
        return over
    for step in range(1, WIDEN + 1):
        left, right = first - step, last + step
        near = [
            s
            for s in _ending_or_starting(row, left, right)
            if (s.last == left and left not in claimed) or (s.first == right and right not in claimed)
        ]
        if near:
            return near[:1]
        if left in claimed and right in claimed:
            break
    return []


def _over(row: HeaderCells, first: int, last: int) -> list[Segment]:
    """The items over any of the columns first..last, in row order."""
    if row.apart:
        return row.items[bisect_left(row.lasts, first) : bisect_right(row.firsts, last)]
    return [s for s in row.items if s.first <= last and s.last >= first]


def _ending_or_starting(row: HeaderCells, left: int, right: int) -> list[Segment]:
    """The items that may end at column `left` or start at `right`, in row order: with the
    items apart, at most those two; else all of them, for the caller to sift."""
    if not row.apart:
        return row.items
    found = []
    i = bisect_left(row.lasts, left)
    if i < len(row.items) and row.lasts[i] == left:
        found.append(row.items[i])
    j = bisect_left(row.firsts, right)
    if j < len(row.items) and row.firsts[j] == right:
        found.append(row.items[j])
    return found


def block_head(document: Document, table: Table, block: Block) -> BlockHead:
    """Caption, title rows and header-row labels of a block, read as one title."""
    texts = _caption(document, table).splitlines()
    texts += [r.label.text for r in block.titles if r.label]
    texts += [r.label.text for r in block.headers if r.label]
    texts = [t for t in texts if t]
    title = " ".join(texts)
    return BlockHead(title, parse_header(title, title=True), title_basis(texts), tuple(texts))


def _caption(document: Document, table: Table) -> str:
    if table.context is None:
        return ""
    lines = [line.strip() for line in document.quote(table.context).splitlines() if line.strip()]
    caption = lines[-1:]
    for line in reversed(lines[:-1]):
        if len(caption) >= CONTEXT_LINES or len(line) > HEADING_CHARS:
            break  # a long line above the last one is prose, not part of a heading
        caption.insert(0, line)
    return "\n".join(caption)


# Words a title may hold besides its basis and still speak for every row: "Non-GAAP Results".
# A title with other words ("Adjusted Earnings", "Non-GAAP Financial Measures") names a
# measure or heads a reconciliation, whose rows state their own basis.
TITLE_BASIS_WORDS = frozenset(
    ["non", "gaap", "adjusted", "as", "reported", "results", "summary", "highlights", "unaudited", "basis"]
)


def title_basis(texts: list[str]) -> BasisMark | None:
    """The basis a block's title gives all its rows: a heading such as "Non-GAAP" or "GAAP"."""
    for text in reversed(texts):
        words = WORD_RE.findall(text.lower())
        if words and set(words) <= TITLE_BASIS_WORDS:
            mark = basis_mark(text)
            if mark is not None:
                return mark
    return None


def inherit_periods(columns: dict[tuple[int, int], Column]) -> dict[tuple[int, int], Column]:
    """A per-share column without a date of its own ("Diluted Per Share Amount") reports
    the period of the nearest dated column to its left."""
    out = dict(columns)
    ordered = sorted(columns.values(), key=lambda c: c.first)
    for column in ordered:
        own = column.parts
        if own.per_share is None or own.skip or own.end or own.month_day or own.month or own.quarter:
            continue
        left = [c for c in ordered if c.last < column.first and c.parts.end is not None and not c.parts.skip]
        if left:
            source = left[-1].parts
            parts = replace(
                source,
                per_share=column.parts.per_share,
                basis=column.parts.basis or source.basis,
                basis_note=column.parts.basis_note or source.basis_note,
            )
            out[(column.first, column.last)] = replace(column, parts=parts)
    return out
