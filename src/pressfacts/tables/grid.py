"""A table grid read as rows of labels, header texts and numbers, cut into blocks.

A grid repeats a spanning cell once per column it covers; here each cell
is read once, with its first and last column. A row is then a label (a
`Segment`: the text left of the numbers), numbers (`Value`, with "$", ")" and
"%" cells folded into their neighbour) and other texts (column headers, "Up 2%").

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


# A cell read once for both `_value_start` and `_read_row`: its first and last column, its
# cleaned text and span, whether it only decorates a neighbour ("$", ")", "%"), and its
# number, if it shows one (a decoration never does). A plain tuple: most become a `Value`
# or nothing, so a `Segment` is made only for a label or a header text.
Reading = tuple[int, int, str, Span | None, bool, Number | None]


def readings(cells: tuple[Cell, ...]) -> list[Reading]:
    """Non-blank cells of a row, each once, with the columns it covers."""
    out: list[Reading] = []
    previous: Cell | None = None
    text = ""
    first = last = -2  # the columns of the run of one cell being read
    run_text, run_span = "", None
    for column, cell in enumerate(cells):
        if cell is not previous:  # a spanning cell repeats as one object: cleaned once
            previous, text = cell, clean_text(cell.text) if cell.text else ""
        if not text:
            continue
        span = cell.span
        if last == column - 1 and span is not None and _same(run_span, span):
            last = column
            continue
        if first >= 0:
            out.append(_reading(first, last, run_text, run_span))
        first = last = column
        run_text, run_span = text, span
    if first >= 0:
        out.append(_reading(first, last, run_text, run_span))
    return out


def _reading(first: int, last: int, text: str, span: Span | None) -> Reading:
    if text in DECORATIONS:
        return first, last, text, span, True, None
    return first, last, text, span, False, parse_clean(text)


def _same(span: Span | None, other: Span) -> bool:
    """`span == other`, the cheap way first: a repeated cell shares its span object."""
    return span is other or (span is not None and span.start == other.start and span == other)


def read_row(index: int, cells: tuple[Cell, ...], value_start: int) -> Row:
    """Split a row into its label, its numbers and its other texts."""
    return _read_row(index, readings(cells), value_start)


def _read_row(index: int, read: list[Reading], value_start: int) -> Row:
    row = Row(index, None, [], [])
    data = False  # a number other than a year
    for first, last, text, span, decoration, number in read:
        if decoration:
            _decorate(row, first, last, text)
            continue
        # A cell left of the numbers is a label, unless it starts right of the label column and
        # spans over the numbers: then it heads them ("Three Months Ended" over "$" and "2012").
        in_label_area = (
            first < value_start and (first == 0 or last < value_start) and not row.values and not row.texts
        )
        if number is None or (in_label_area and row.label is None and number.kind != "dash"):
            if in_label_area and row.label is None:
                row.label = Segment(first, last, text, span)
            elif in_label_area and row.label is not None and first <= value_start:
                row.label = Segment(row.label.first, last, f"{row.label.text} {text}", row.label.span)
            else:
                row.texts.append(Segment(first, last, text, span))
            continue
        value = Value(first, last, number, span, text)
        row.values.append(value)
        data = data or not is_year(value)
    row.kind = _kind(row, data)
    return row


def _decorate(row: Row, first: int, last: int, text: str) -> None:
    """A "$" before or ")" / "%" after a number widens that number's columns."""
    if row.values and text.strip() != "$" and row.values[-1].last < first:
        value = row.values[-1]
        row.values[-1] = Value(value.first, last, with_tail(value.number, text), value.span, value.text)


def _kind(row: Row, data: bool) -> RowKind:
    if data:
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
        for first, _last, _text, _span, _decoration, number in read:
            if first > 0 and number is not None and number.kind != "dash":
                firsts.append(first)
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
            if block.body:  # it holds a data row: sections join the body only before one
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
