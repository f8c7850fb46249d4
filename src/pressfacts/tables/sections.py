"""Section headings of a block body: which apply to a row, and single-line sections.

Label-only rows ("Revenues:", "Earnings per share:", "Basic") head the rows
below them. They nest when one follows another, end at a "Total ..." row,
and give way to the next heading; "Diluted" after the rows of "Basic" is a
sibling under the same parent.
"""

from __future__ import annotations

from pressfacts.tables.grid import Row, Segment
from pressfacts.tables.labels import is_generic, read_label

# Headings nest a few deep ("Revenues:" / "Products:" / "Hardware"); a longer run of
# label-only rows is a list, not headings, and reading every row under all of them would
# grow with the square of the run. Outer headings past this depth are let go.
MAX_DEPTH = 8


def enter_section(sections: list[Row], row: Row, previous: Row | None) -> list[Row]:
    """The section stack (nearest first) once `row` opens a section.

    Right after another heading it nests; after numbers it replaces the stack,
    except that "Diluted" after the rows of "Basic" is a sibling under the same
    parent ("Loss Per Common Share:" / "Basic" ... / "Diluted" ...).
    """
    if previous is not None and previous.kind == "section":
        return [row, *sections[: MAX_DEPTH - 1]]
    if sections and _generic(row) and _generic(sections[0]):
        return [row, *sections[1:]]
    return [row]


def _generic(row: Row) -> bool:
    return row.label is not None and is_generic(row.label.text)


def sole_items(body: list[Row]) -> dict[int, Segment]:
    """Rows that are the only line under a revenue heading, mapped to that heading.

    One pass: a heading's lines run to the next section row, which must come (the
    table's last heading has no known end); the label is read only for a single line.
    """
    sole: dict[int, Segment] = {}
    heading: Segment | None = None  # the label of the section row last seen
    count, first = 0, None  # data rows since it, and the first of them
    for row in body:
        if row.kind != "section":
            if row.kind == "data":
                count, first = count + 1, row if first is None else first
            continue
        if heading is not None and count == 1 and first is not None and _names_revenue(heading):
            sole[first.index] = heading
        heading, count, first = row.label, 0, None
    return sole


def _names_revenue(heading: Segment) -> bool:
    return read_label(heading.text, [])[0].headline == "revenue"
