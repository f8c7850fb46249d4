"""Typed values passed between pipeline stages.

Each stage takes the models of the stage before it and returns its own:
read -> Document -> Mention -> Period -> Fact -> Release. Text is never stored
apart from its source: a span is offsets into `Document.text`, and quotes are
derived by slicing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar, Literal

SourceFormat = Literal["text", "html", "submission"]
BlockKind = Literal["paragraph", "heading", "list_item", "pre", "table"]
Unit = Literal["USD", "USD/share", "shares", "percent", "count"]
Basis = Literal["gaap", "non_gaap"]
FactSource = Literal["text", "table"]


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character offsets [start, end) into a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")

    def covers(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Block:
    """A run of text that reads as one unit: a paragraph, heading, list item."""

    kind: BlockKind
    span: Span


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a table grid; `span` locates its text in the document.

    A cell spanning several columns appears once per column it covers, with
    the same span, so that every row of a grid has the same width.
    `span` is None for a cell that shows no text.
    """

    text: str
    span: Span | None
    colspan: int = 1
    is_header: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A table as a rectangular grid of cells, with its place in the text.

    `context` is the span of the text just before the table (a caption or
    heading such as "(in thousands, except per share data)"), when any.
    """

    index: int
    span: Span
    rows: tuple[tuple[Cell, ...], ...]
    context: Span | None = None
    origin: Literal["html", "ascii"] = "html"


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What the container says about a release, before its text is read."""

    company: str | None = None
    cik: str | None = None
    form_type: str | None = None
    filed: dt.date | None = None
    period_of_report: dt.date | None = None
    exhibit_type: str | None = None
    filename: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A release as text with offsets: what `pressfacts text FILE` prints."""

    name: str
    text: str
    format: SourceFormat
    blocks: tuple[Block, ...] = ()
    tables: tuple[Table, ...] = ()
    meta: DocumentMeta = field(default_factory=DocumentMeta)

    def quote(self, span: Span) -> str:
        return self.text[span.start : span.end]


MentionKind = Literal["amount", "per_share", "percent", "shares", "date"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A number found in text: its value in full units, and where it stands.

    `value` is signed (a parenthesised or "loss of" amount is negative only
    when its own notation says so: parentheses or a minus sign).
    """

    kind: MentionKind
    value: Decimal
    span: Span
    unit: Unit
    negative_notation: bool = False
    scale_word: str | None = None


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A reporting period: its last day and its length in months."""

    end: dt.date
    months: int
    label: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class TablePosition:
    table: int
    row: int
    column: int


@dataclass(slots=True)
class Fact:
    """One figure of a release, with everything needed to audit it."""

    metric: str
    value: Decimal
    unit: Unit
    period: Period
    basis: Basis
    span: Span
    source: FactSource
    rule: str
    basis_note: str | None = None
    concept: str | None = None
    label: str | None = None
    position: TablePosition | None = None
    evidence: tuple[Span, ...] = ()
    also_at: tuple[Span, ...] = ()
    flags: list[str] = field(default_factory=list)
    id: str = ""
    confidence: float = 1.0
    derived_from: tuple[str, ...] = ()

    @property
    def derived(self) -> bool:
        return bool(self.derived_from)


@dataclass(frozen=True, slots=True)
class Part:
    """An amount stated as part of another: "$1.7 million of last year's 4th quarter income".

    The whole is named by metric and period, or stated outright ("$0.22 of the
    reported $0.24 per share").
    """

    span: Span
    value: Decimal
    unit: Unit
    whole_metric: str | None
    whole_period: Period | None
    whole_value: Decimal | None = None
    whole_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    """A stated change between two figures of one sentence: "a 49% increase over ... $103.2 million"."""

    span: Span
    percent: Decimal
    direction: int
    sentence: Span
    metric: str | None = None


CheckStatus = Literal["pass", "fail", "unknown"]


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One check of a release against itself."""

    kind: str
    status: CheckStatus
    facts: tuple[str, ...]
    expected: Decimal | None
    actual: Decimal | None
    tolerance: Decimal | None
    detail: str


@dataclass(slots=True)
class Release:
    """The product of the pipeline for one release."""

    document: Document
    facts: list[Fact]
    unconfirmed: list[Fact] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)
    derived: list[Fact] = field(default_factory=list)
    company: str | None = None
    ticker: str | None = None
    exchange: str | None = None
    cik: str | None = None
    release_date: dt.date | None = None
    statements: list[Statement] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ReleaseContext:
    """What later stages need to know of the release as a whole.

    `fiscal_year_end` is (month, day) of the company's fiscal year end when the
    text states or implies it; `release_date` is the dateline date.
    """

    release_date: dt.date | None = None
    fiscal_year_end: tuple[int, int] | None = None


# --------------------------------------------------------------------------- statements
#
# What a release says beyond its figures: quotes, outlook, one-time items, debt, customers,
# and its standard sections. Every statement keeps the span of the words it was read from;
# a field typed `Span` is a piece of that text (a speaker's name, the figures of a range),
# its words derived by slicing. A statement never changes a fact: it may point to one by id.

DebtAction = Literal["prepayment", "repayment", "reduction", "retirement", "borrowing"]
CustomerChange = Literal["gained", "lost"]
SectionKind = Literal["forward_looking", "about"]


@dataclass(frozen=True, slots=True)
class Quote:
    """Words a person is quoted as saying, joined across paragraphs when the quote runs on.

    `attribution` is where this quote names its speaker ("Gilbert continued");
    `speaker` and `title` are where the release gives the full name and title,
    which may be an earlier attribution ("Chairman W. Barry Gilbert said").
    """

    kind: ClassVar[str] = "quote"
    span: Span
    text: tuple[Span, ...]
    attribution: Span | None
    speaker: Span | None
    title: Span | None


@dataclass(frozen=True, slots=True)
class Outlook:
    """Guidance: a metric expected for a future period, as a range or a point value."""

    kind: ClassVar[str] = "outlook"
    span: Span
    metric: str
    label: Span
    figures: Span
    unit: Unit
    basis: Basis
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    period: Period | None
    when: Span | None
    basis_note: str | None = None
    approximate: str | None = None
    tolerance: Decimal | None = None
    tolerance_unit: str | None = None


@dataclass(frozen=True, slots=True)
class OneTimeItem:
    """An amount the release sets apart from its results: a charge, a gain, a settlement.

    `fact_id` is the fact the item was part of (the net income of its period), when
    the release names it and the facts hold it.
    """

    kind: ClassVar[str] = "one_time_item"
    span: Span
    amount: Decimal
    amount_text: Span
    per_share: Decimal | None
    per_share_text: Span | None
    description: Span | None
    period: Period | None
    fact_id: str | None
    per_share_fact_id: str | None = None


@dataclass(frozen=True, slots=True)
class Debt:
    """A change in debt: "pre-pay $275,000 of our long-term debt", "reduced ... by more than $800,000"."""

    kind: ClassVar[str] = "debt"
    span: Span
    action: DebtAction
    amount: Decimal
    amount_text: Span
    instrument: Span | None
    approximate: str | None
    period: Period | None
    since: dt.date | None = None
    since_text: Span | None = None
    planned: bool = False


@dataclass(frozen=True, slots=True)
class CustomerEvent:
    """A customer gained or lost, as stated: "the previously reported loss of ... Motorola"."""

    kind: ClassVar[str] = "customer_event"
    span: Span
    change: CustomerChange
    phrase: Span
    customer: Span | None
    count: int | None
    approximate: str | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """A standard part of a release: the forward-looking statements, the company description."""

    kind: ClassVar[str] = "section"
    span: Span
    section: SectionKind
    heading: Span | None


@dataclass(frozen=True, slots=True)
class Contact:
    """One person (or desk) of a release's contact block."""

    kind: ClassVar[str] = "contact"
    span: Span
    name: Span | None
    title: Span | None
    phone: Span | None
    email: Span | None


Statement = Quote | Outlook | OneTimeItem | Debt | CustomerEvent | Section | Contact
