"""Rows x columns -> candidate facts, one per number whose row and column both resolve.

Two passes over the document: the first reads every block's column headers
(and so the dated columns, which anchor the fiscal calendar), the second
reads rows and emits a `Candidate` per number. Candidates still compete
(`select`) and repeat across tables (`dedupe`) before they become facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pressfacts.models import Basis, Document, Fact, Period, ReleaseContext, Span, Table, TablePosition, Unit
from pressfacts.tables.basis import BasisMark
from pressfacts.tables.columns import BlockHead, Column, block_head, claimed_columns, column_of
from pressfacts.tables.fiscal import Calendar, infer_fiscal_year_end
from pressfacts.tables.grid import Block, Row, Value, blocks
from pressfacts.tables.headers import PeriodParts
from pressfacts.tables.labels import Meaning, read_label
from pressfacts.tables.scale import Scale, first_scale, read_scale

FLOW_HEADLINES = frozenset({"revenue", "net_income", "operating_income", "eps", "eps_basic", "eps_diluted"})
MAX_PER_SHARE = Decimal(10_000)  # a "per share" row with larger numbers is misread


@dataclass(slots=True)
class Candidate:
    """A fact before selection, with what selection and deduplication need to know."""

    fact: Fact
    meaning: Meaning
    precision: Decimal  # half a unit of the last digit shown, in full units
    basis_from_row: bool  # the row label or its section states the basis
    scale_known: bool


@dataclass(slots=True)
class _Layout:
    """A block with its head and resolved columns, keyed by (first, last) column."""

    table: Table
    block: Block
    head: BlockHead
    scale: Scale | None
    columns: dict[tuple[int, int], Column] = field(default_factory=dict)


def candidates(document: Document, context: ReleaseContext) -> list[Candidate]:
    layouts = [_layout(document, table, block) for table in document.tables for block in blocks(table)]
    calendar = _calendar(layouts, context)
    out: list[Candidate] = []
    for layout in layouts:
        out.extend(_block_candidates(document, layout, calendar))
    return out


def _layout(document: Document, table: Table, block: Block) -> _Layout:
    head = block_head(document, table, block)
    sections = [r.label.text for r in block.body if r.kind == "section" and r.label]
    scale = first_scale([head.title, *sections])
    layout = _Layout(table, block, head, scale)
    claimed = claimed_columns(block)
    for row in block.body:
        for value in row.values:
            key = (value.first, value.last)
            if key not in layout.columns:
                layout.columns[key] = column_of(block, value.first, value.last, claimed, head)
    return layout


def _calendar(layouts: list[_Layout], context: ReleaseContext) -> Calendar:
    columns = [(i, c.parts, f"{lay.head.title} {c.text}") for i, lay in enumerate(layouts) for c in lay.columns.values()]
    fye = context.fiscal_year_end or infer_fiscal_year_end(columns)
    dated = Calendar(fye)
    anchors = {p for _, parts, _ in columns if (p := dated.resolve(parts)) and p.months and _dated(parts)}
    return Calendar(fye, tuple(sorted(anchors)))


def _dated(parts: PeriodParts) -> bool:
    """A column that states its own end date, as opposed to one computed from a quarter label."""
    return parts.end is not None or parts.month_day is not None


def _block_candidates(document: Document, layout: _Layout, calendar: Calendar) -> list[Candidate]:
    out: list[Candidate] = []
    sections: list[Row] = []
    previous: Row | None = None
    for row in layout.block.body:
        if row.kind == "section":
            sections = [row, *sections] if previous is not None and previous.kind == "section" else [row]
            previous = row
            continue
        out.extend(_row_candidates(document, layout, calendar, row, sections))
        if row.label is not None and row.label.text.lower().startswith("total") and sections:
            sections = sections[1:]  # a total closes its section
        previous = row
    return out


def _row_candidates(
    document: Document, layout: _Layout, calendar: Calendar, row: Row, sections: list[Row]
) -> list[Candidate]:
    section_texts = [s.label.text for s in sections if s.label]
    label = row.label.text if row.label else ("Total" if section_texts else "")
    if not label:
        return []
    out: list[Candidate] = []
    for meaning in read_label(label, section_texts):
        for value in row.values:
            column = layout.columns[(value.first, value.last)]
            period = calendar.resolve(column.parts)
            if period is None:
                continue
            candidate = _candidate(layout, row, value, column, period, meaning, section_texts)
            if candidate is not None:
                out.append(candidate)
    return out


def _candidate(
    layout: _Layout,
    row: Row,
    value: Value,
    column: Column,
    period: Period,
    meaning: Meaning,
    sections: list[str],
) -> Candidate | None:
    number = value.number
    unit: Unit = "percent" if number.kind == "percent" else meaning.unit
    if number.kind == "dash" and meaning.headline:
        return None  # a nil headline figure is more likely "not reported" than zero
    if meaning.headline in FLOW_HEADLINES and (period.months == 0 or unit == "percent"):
        return None
    if unit == "USD/share" and abs(number.value) >= MAX_PER_SHARE:
        return None
    factor, known = _factor(layout, row, column, unit)
    basis, note, from_row = _basis(meaning.mark, column, layout.head)
    fact = Fact(
        metric=meaning.metric,
        value=number.value * factor,
        unit=unit,
        period=period,
        basis=basis,
        span=value.span or Span(0, 0),
        source="table",
        rule=f"table row {meaning.metric} x column {period.label}",
        basis_note=note,
        concept=meaning.concept if basis == "gaap" else None,
        label=row.label.text if row.label else " / ".join(sections),
        position=TablePosition(layout.table.index, row.index, value.first),
        evidence=tuple(s for s in (row.label.span if row.label else None, *column.spans) if s is not None),
    )
    if not known:
        fact.flags.append("scale not stated")
    precision = Decimal(1).scaleb(-number.decimals) * factor / 2
    return Candidate(fact, meaning, precision, from_row, known)


def _factor(layout: _Layout, row: Row, column: Column, unit: Unit) -> tuple[Decimal, bool]:
    """The multiplier to full units, and whether any text stated it."""
    if unit in ("USD/share", "percent"):
        return Decimal(1), True
    own = read_scale(row.label.text) if row.label else None
    if own is not None:
        return own.factor, True
    scale = read_scale(column.text) or layout.scale
    if scale is None:
        return Decimal(1), False
    if unit == "shares" and scale.shares_excepted:
        return Decimal(1), True
    return scale.factor, True


def _basis(mark: BasisMark | None, column: Column, head: BlockHead) -> tuple[Basis, str | None, bool]:
    if mark is not None:
        return mark.basis, mark.note, True
    if column.parts.basis is not None:
        return column.parts.basis, column.parts.basis_note, False
    if head.basis is not None:
        return head.basis.basis, head.basis.note, False
    return "gaap", None, False
