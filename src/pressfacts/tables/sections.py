"""Section headings of a block body: which apply to a row, and single-line sections.

Label-only rows ("Revenues:", "Earnings per share:", "Basic") head the rows
below them. They nest when one follows another, end at a "Total ..." row,
and give way to the next heading; "Diluted" after the rows of "Basic" is a
sibling under the same parent.
"""

from __future__ import annotations

from pressfacts.tables.grid import Row, Segment
from pressfacts.tables.labels import is_generic, read_label


def enter_section(sections: list[Row], row: Row, previous: Row | None) -> list[Row]:
    """The section stack (nearest first) once `row` opens a section.

    Right after another heading it nests; after numbers it replaces the stack,
    except that "Diluted" after the rows of "Basic" is a sibling under the same
    parent ("Loss Per Common Share:" / "Basic" ... / "Diluted" ...).
    """
    if previous is not None and previous.kind == "section":
        return [row, *sections]
    if sections and _generic(row) and _generic(sections[0]):
        return [row, *sections[1:]]
    return [row]


def _generic(row: Row) -> bool:
    return row.label is not None and is_generic(row.label.text)


def sole_items(body: list[Row]) -> dict[int, Segment]:
    """Rows that are the only line under a revenue heading, mapped to that heading."""
    sole: dict[int, Segment] = {}
    for i, row in enumerate(body):
        if row.kind != "section" or row.label is None:
            continue
        rest = body[i + 1 :]
        end = next((j for j, r in enumerate(rest) if r.kind == "section"), len(rest))
        items = [r for r in rest[:end] if r.kind == "data"]
        meanings = read_label(row.label.text, [])
        if len(items) == 1 and end < len(rest) and meanings[0].headline == "revenue":
            sole[items[0].index] = row.label
    return sole
