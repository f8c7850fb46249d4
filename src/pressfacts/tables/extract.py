"""Rows x columns -> candidate facts, one per number whose row and column both resolve.

Two passes over the document: the first reads every block's column headers
(and so the dated columns, which anchor the fiscal calendar), the second
reads rows and emits a `Candidate` per number. Candidates still compete
(`select`) and repeat across tables (`dedupe`) before they become facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from pressfacts.models import Basis, Document, Fact, Period, ReleaseContext, Span, TablePosition, Unit
from pressfacts.tables.basis import BasisMark
from pressfacts.tables.columns import BlockHead, Column
from pressfacts.tables.fiscal import Calendar
from pressfacts.tables.grid import Row, Value, blocks
from pressfacts.tables.headers import PeriodParts, merge, parse_header
from pressfacts.tables.labels import Meaning, read_label
from pressfacts.tables.layout import Layout, document_calendar, layout_of
from pressfacts.tables.scale import read_scale
from pressfacts.tables.sections import enter_section, sole_items

FLOW_HEADLINES = frozenset({"revenue", "net_income", "operating_income", "eps", "eps_basic", "eps_diluted"})
MAX_PER_SHARE = Decimal(10_000)  # a "per share" row with larger numbers is misread
COMPOUND_RE = re.compile(r"^(?P<amount>.+?)\s+and\s+(?P<per_share>.*\bper\s+(?:\w+\s+){0,2}share\b.*)$", re.I)
SHARES_IN_UNITS = Decimal(1_000_000)  # a share count printed this large is not in thousands
WHOLE_COMPANY_RE = re.compile(r"\bconsolidated\b|\btotal\s+company\b", re.IGNORECASE)
WHOLE_AMOUNT = Decimal(100)  # per-share figures show cents; 9,348 in a per-share row is an amount
# A heading row sets the period only with an end date (which has digits) or a quarter (a digit,
# or the word): a row without either is not parsed at all.
HEADING_HINT = re.compile(r"\d|quarter", re.IGNORECASE)
ONE = Decimal(1)


@dataclass(slots=True)
class Candidate:
    """A fact before selection, with what selection and deduplication need to know."""

    fact: Fact
    meaning: Meaning
    precision: Decimal  # half a unit of the last digit shown, in full units
    basis_from_row: bool  # the row label or its section states the basis
    scale_known: bool
    factor: Decimal  # the scale applied to the printed number
    money: bool = False  # the cell shows a currency sign


def candidates(document: Document, context: ReleaseContext) -> list[Candidate]:
    layouts = [layout_of(document, table, block) for table in document.tables for block in blocks(table)]
    calendar = document_calendar(layouts, context)
    out: list[Candidate] = []
    for layout in layouts:
        out.extend(_block_candidates(layout, calendar))
    return out


def _block_candidates(layout: Layout, calendar: Calendar) -> list[Candidate]:
    out: list[Candidate] = []
    sections: list[Row] = []
    previous: Row | None = None
    sole = sole_items(layout.block.body)
    dated = DatedRows(calendar)
    # the "Consolidated" column of a segment table reports the company, not a part
    whole = {key for key, column in layout.columns.items() if WHOLE_COMPANY_RE.search(column.text)}
    for row in layout.block.body:
        if row.kind == "section":
            sections = enter_section(sections, row, previous)
            dated.read_heading(row)
            previous = row
            continue
        if row.index in sole:
            # "Revenue:" over a single line: that line is the total it heads
            out.extend(_row_candidates(layout, dated, whole, replace(row, label=sole[row.index]), []))
        else:
            out.extend(_row_candidates(layout, dated, whole, row, sections))
        if row.label is not None and row.label.text.lower().startswith("total") and sections:
            sections = sections[1:]  # a total closes its section
        previous = row
    return out


@dataclass(slots=True)
class DatedRows:
    """Resolves a column's period, from its header or, where the header names no period
    ("Consolidated" in a segment table), from a heading row such as "Three Months Ended
    March 31, 2020" above the rows."""

    calendar: Calendar
    heading: PeriodParts | None = None
    # Each column's period, resolved once per heading rather than once per cell.
    resolved: dict[tuple[int, int], Period | None] = field(default_factory=dict)

    def read_heading(self, row: Row) -> None:
        if row.label is None or not HEADING_HINT.search(row.label.text):
            return  # "Revenues:", "Operating expenses:": no date or quarter to read
        parts = parse_header(row.label.text, title=True)
        if parts.months and (parts.end or parts.quarter) and not parts.ambiguous:
            self.heading = parts
            self.resolved.clear()

    def period(self, column: Column) -> Period | None:
        key = (column.first, column.last)
        if key not in self.resolved:
            self.resolved[key] = self._resolve(column)
        return self.resolved[key]

    def _resolve(self, column: Column) -> Period | None:
        parts = column.parts
        if self.heading is not None and not parts.has_period and not parts.skip and not parts.ambiguous:
            parts = merge(parts, self.heading)
        return self.calendar.resolve(parts)


def _row_candidates(
    layout: Layout, dated: DatedRows, whole: set[tuple[int, int]], row: Row, sections: list[Row]
) -> list[Candidate]:
    section_texts = [s.label.text for s in sections if s.label]
    label = row.label.text if row.label else ("Total" if section_texts else "")
    if not label:
        return []
    meanings: list[Meaning] | None = None  # read once per row, and only once a column is dated
    compound = _compound_meanings(label, section_texts)
    out: list[Candidate] = []
    for value in row.values:
        key = (value.first, value.last)
        column = layout.columns[key]
        period = dated.period(column)
        if period is None:
            continue
        kind = column.parts.per_share
        if key in whole:
            own = read_label(label, section_texts, [], layout.share_kind)
        elif kind:
            own = read_label(f"{label} per {kind} share", section_texts)
        else:
            meanings = _row_meanings(layout, row, label, section_texts) if meanings is None else meanings
            own = meanings
        if compound is not None and not kind:
            own = compound
        for meaning in own:
            candidate = _candidate(layout, row, value, column, period, meaning, section_texts)
            if candidate is not None:
                out.append(candidate)
    return out


def _compound_meanings(label: str, sections: list[str]) -> list[Meaning] | None:
    """The amount a compound label names, when it is a headline amount: "Net income and
    diluted earnings per share" beside "Amount | Per Diluted Share"."""
    lowered = label.lower()
    if "and" not in lowered or "per" not in lowered:
        return None  # most labels: the pattern needs both words (no other letters fold to theirs)
    compound = COMPOUND_RE.match(label)
    if compound is None:
        return None
    amount = read_label(compound.group("amount"), sections)
    return amount if all(m.unit == "USD" and m.headline for m in amount) else None


def _row_meanings(layout: Layout, row: Row, label: str, sections: list[str]) -> list[Meaning]:
    meanings = read_label(label, sections, layout.head.texts, layout.share_kind)
    if any(m.unit == "USD/share" for m in meanings) and any(_whole_amount(v) for v in row.values):
        # A heading said "per share" but the row shows whole amounts: read it without the heading.
        meanings = read_label(label, sections, [], layout.share_kind)
    return meanings


def _whole_amount(value: Value) -> bool:
    number = value.number
    return number.kind == "amount" and number.decimals == 0 and abs(number.value) >= WHOLE_AMOUNT


def _candidate(
    layout: Layout,
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
    if unit == "USD/share" and (abs(number.value) >= MAX_PER_SHARE or _whole_amount(value)):
        return None
    factor, known = (
        (ONE, True) if meaning.unscaled else _factor(layout, row, column, unit, number.value, sections)
    )
    basis, note, from_row = _basis(meaning, column, layout.head)
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
        evidence=(row.label.span, *column.spans) if row.label and row.label.span else column.spans,
    )
    if not known:
        fact.flags.append("scale not stated")
    precision = _half_unit(number.decimals, factor)
    return Candidate(fact, meaning, precision, from_row, known, factor, number.currency)


@lru_cache(maxsize=256)
def _half_unit(decimals: int, factor: Decimal) -> Decimal:
    """Half a unit of the last digit shown, in full units: a few values serve every cell.
    (Factors are the scale constants, so equal keys never differ in their digits.)"""
    return Decimal(1).scaleb(-decimals) * factor / 2


def _factor(
    layout: Layout, row: Row, column: Column, unit: Unit, printed: Decimal, sections: list[str]
) -> tuple[Decimal, bool]:
    """The multiplier to full units, and whether any text stated it."""
    own = read_scale(row.label.text) if row.label else None
    if own is None and unit == "shares":
        # "Shares used in computing earnings per share (in thousands):" above "Basic".
        own = next((scale for text in sections[:1] if (scale := read_scale(text)) is not None), None)
    if unit in ("USD/share", "percent", "count"):
        # per-share amounts and ratios are never scaled; counts only by their own label ("(in thousands)")
        return (own.factor if own is not None and unit == "count" else Decimal(1)), True
    if own is not None:
        return own.factor, True
    scale = read_scale(column.text) or layout.scale
    if scale is None:
        return Decimal(1), False
    if unit == "shares" and scale.shares_excepted:
        return scale.shares_factor or Decimal(1), True
    if unit == "shares" and not scale.shares_stated and abs(printed) >= SHARES_IN_UNITS:
        return Decimal(1), True  # "dollars in thousands" over a count printed as 61,523,513: units
    return scale.factor, True


def _basis(meaning: Meaning, column: Column, head: BlockHead) -> tuple[Basis, str | None, bool]:
    """The basis of a cell and its note, and whether the row (or its section) stated it.

    Row and column combine: a "Pro Forma" column of an "as reported" row is
    pro forma (non-GAAP). Without either, a section heading, then a short
    block title ("Non-GAAP") decide; else the figure is GAAP.
    """
    if meaning.mark is None and column.parts.basis is None:  # most cells: neither says a basis
        marks: list[BasisMark] = []
    else:
        marks = [m for m in (meaning.mark, _column_mark(column)) if m is not None]
    adjusted = [m for m in marks if m.basis == "non_gaap"]
    if adjusted:
        note = ", ".join(dict.fromkeys(m.note for m in adjusted if m.note))
        return "non_gaap", note or None, meaning.mark is not None and meaning.mark.basis == "non_gaap"
    if marks:
        return "gaap", None, meaning.mark is not None
    for mark, from_row in ((meaning.section_mark, True), (head.basis, False)):
        if mark is not None:
            return mark.basis, mark.note, from_row
    return "gaap", None, False


def _column_mark(column: Column) -> BasisMark | None:
    parts = column.parts
    return BasisMark(parts.basis, parts.basis_note) if parts.basis is not None else None
