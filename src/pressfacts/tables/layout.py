"""A block ready to read: its heading, scale, share kind and resolved columns; and the
document's fiscal calendar, which needs every block's columns before any can resolve.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pressfacts.models import Document, ReleaseContext, Table
from pressfacts.tables.columns import (
    BlockHead,
    Column,
    block_head,
    claimed_columns,
    column_of,
    header_cells,
    inherit_periods,
)
from pressfacts.tables.fiscal import Calendar, fit_fiscal_year_end, infer_fiscal_year_end
from pressfacts.tables.grid import Block
from pressfacts.tables.headers import PeriodParts
from pressfacts.tables.scale import Scale, first_scale


@dataclass(slots=True)
class Layout:
    """A block with its head and resolved columns, keyed by (first, last) column."""

    table: Table
    block: Block
    head: BlockHead
    scale: Scale | None
    share_kind: str | None
    columns: dict[tuple[int, int], Column] = field(default_factory=dict)


def layout_of(document: Document, table: Table, block: Block) -> Layout:
    head = block_head(document, table, block)
    sections = [r.label.text for r in block.body if r.kind == "section" and r.label]
    scale = first_scale([head.title, *sections])
    layout = Layout(table, block, head, scale, _share_kind(block, head))
    claimed = claimed_columns(block)
    headers = [header_cells(row) for row in block.headers]  # read once for all the columns
    for row in block.body:
        for value in row.values:
            key = (value.first, value.last)
            if key not in layout.columns:
                layout.columns[key] = column_of(headers, value.first, value.last, claimed, head)
    layout.columns = inherit_periods(layout.columns)
    return layout


def _share_kind(block: Block, head: BlockHead) -> str | None:
    """ "diluted" when the block's labels speak of diluted shares and never of basic ones:
    its unqualified per-share rows ("Adjusted EPS") are then per diluted share."""
    text = " ".join([head.title, *(r.label.text for r in block.body if r.label)]).lower()
    if "diluted" in text and "basic" not in text:
        return "diluted"
    return None


def document_calendar(layouts: list[Layout], context: ReleaseContext) -> Calendar:
    """The fiscal year end: from the tables' year columns, else the one under which the
    labelled columns land on dated ones, else the release context's."""
    columns = [
        (i, c.parts, f"{lay.head.title} {c.text}")
        for i, lay in enumerate(layouts)
        for c in lay.columns.values()
    ]
    undated = Calendar(None)
    anchors = tuple(
        sorted({p for _, parts, _ in columns if _dated(parts) and (p := undated.resolve(parts)) and p.months})
    )
    fye = infer_fiscal_year_end(columns)
    if fye is None:
        labelled = [parts for _, parts, _ in columns if not _dated(parts) and parts.year is not None]
        fye = fit_fiscal_year_end(labelled, anchors, context.fiscal_year_end)
    return Calendar(fye, anchors)


def _dated(parts: PeriodParts) -> bool:
    """A column that states its own end date, as opposed to one computed from a quarter label."""
    return parts.end is not None or parts.month_day is not None
