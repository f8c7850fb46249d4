"""A table grid read as rows of labels, header texts and numbers, cut into blocks.

A grid repeats a spanning cell once per column it covers; here each cell
becomes one `Segment` with its first and last column. A row is then a label
(the text left of the numbers), numbers (`Value`, with "$", ")" and "%" cells
folded into their neighbour) and other texts (column headers, "Up 2%").

A table may hold several sub-tables, each with its own header rows: a
`Block` starts wherever header rows follow data rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from pressfacts.models import Cell, Span, Table
from pressfacts.tables.cells import DECORATIONS, Number, clean_text, parse_clean, with_tail

RowKind = Literal["empty", "header", "section", "data"]


# Segments and values are made for every cell of every table: as named tuples they cost
# half what frozen dataclasses do to build.
class Segment(NamedTuple):
    first: int
    last: int
    text: str
    span: Span | None


class Value(NamedTuple):
    first: int
    last: int
    number: Number
    span: Span | None
    text: str = ""


@dataclass(slots=True)
class Row:
    index: int
    label: Segment | None
    values: list[Value]
    texts: list[Segment]
    kind: RowKind = "empty"


@dataclass(slots=True)
class Block:
    """Rows sharing one set of column headers; `titles` are rows above the headers."""

    titles: list[Row] = field(default_factory=list)
    headers: list[Row] = field(default_factory=list)
    body: list[Row] = field(default_factory=list)


# A segment read: the segment, whether it only decorates a neighbour ("$", ")", "%"), and
# its number, if it shows one (a decoration never does).
Reading = tuple[Segment, bool, Number | None]


def segments(cells: tuple[Cell, ...]) -> list[Segment]:
    """Non-blank cells of a row, each once, with the columns it covers."""
    out: list[Segment] = []
    previous, text, last = None, "", None
    for column, cell in enumerate(cells):
        if cell is not previous:  # a spanning cell repeats as one object: cleaned once
            previous, text = cell, clean_text(cell.text)
        if not text:
            continue
        span = cell.span
        if last is not None and last.last == column - 1 and span is not None and _same(last.span, span):
            out[-1] = last = Segment(last.first, column, last.text, last.span)
            continue
        last = Segment(column, column, text, span)
        out.append(last)
    return out


def _same(span: Span | None, other: Span) -> bool:
    """`span == other`, the cheap way first: a repeated cell shares its span object."""
    return span is other or (span is not None and span.start == other.start and span == other)


def readings(cells: tuple[Cell, ...]) -> list[Reading]:
    """The segments of a row, each parsed once for both `value_start` and `read_row`."""
    return [
        (seg, True, None) if seg.text in DECORATIONS else (seg, False, parse_clean(seg.text))
        for seg in segments(cells)
    ]


def read_row(index: int, cells: tuple[Cell, ...], value_start: int) -> Row:
    """Split a row into its label, its numbers and its other texts."""
    return _read_row(index, readings(cells), value_start)


def _read_row(index: int, read: list[Reading], value_start: int) -> Row:
    row = Row(index, None, [], [])
    for seg, decoration, number in read:
        if decoration:
            _decorate(row, seg)
            continue
        # A cell left of the numbers is a label, unless it starts right of the label column and
        # spans over the numbers: then it heads them ("Three Months Ended" over "$" and "2012").
        in_label_area = (
            seg.first < value_start
            and (seg.first == 0 or seg.last < value_start)
            and not row.values
            and not row.texts
        )
        if number is None or (in_label_area and row.label is None and number.kind != "dash"):
            if in_label_area and row.label is None:
                row.label = seg
            elif in_label_area and row.label is not None and seg.first <= value_start:
                row.label = Segment(row.label.first, seg.last, f"{row.label.text} {seg.text}", row.label.span)
            else:
                row.texts.append(seg)
            continue
        row.values.append(Value(seg.first, seg.last, number, seg.span, seg.text))
    row.kind = _kind(row)
    return row


def _decorate(row: Row, seg: Segment) -> None:
    """A "$" before or ")" / "%" after a number widens that number's columns."""
    if row.values and seg.text.strip() != "$" and row.values[-1].last < seg.first:
        last = row.values[-1]
        row.values[-1] = Value(last.first, seg.last, with_tail(last.number, seg.text), last.span, last.text)


def _kind(row: Row) -> RowKind:
    if any(not is_year(v) for v in row.values):
        return "data"
    if row.texts or row.values:
        return "header"
    if row.label is not None:
        return "section"
    return "empty"


def is_year(value: Value) -> bool:
    """A bare year such as "2020", which in a table heads a column rather than reports an amount."""
    digits = value.text.strip()
    return digits.isdigit() and len(digits) == 4 and 1980 <= int(digits) <= 2059


def value_start(table: Table) -> int:
    """The leftmost column (past the first) where some row's first number stands: the label
    column(s) lie left of it."""
    return _value_start([readings(cells) for cells in table.rows])


def _value_start(rows: list[list[Reading]]) -> int:
    firsts: list[int] = []
    for read in rows:
        for seg, _decoration, number in read:
            if seg.first > 0 and number is not None and number.kind != "dash":
                firsts.append(seg.first)
                break
    return min(firsts) if firsts else 1


def blocks(table: Table) -> list[Block]:
    """Cut the rows into blocks: titles, then header rows, then body rows."""
    rows = [readings(cells) for cells in table.rows]
    start = _value_start(rows)
    out: list[Block] = [Block()]
    pending: list[Row] = []  # label-only rows since the last header or data row
    for index, read in enumerate(rows):
        row = _read_row(index, read, start)
        if row.kind == "empty":
            continue
        if row.kind == "section":
            pending.append(row)
            continue
        block = out[-1]
        if row.kind == "header":
            if any(r.kind == "data" for r in block.body):
                block = Block()  # headers after numbers open a sub-table
                out.append(block)
            block.titles.extend(pending)  # label-only rows above or between headers are titles
            block.headers.append(row)
        else:
            block.body.extend(pending)  # label-only rows between numbers are sections
            block.body.append(row)
        pending = []
    out[-1].body.extend(pending)
    return [b for b in out if b.body]
