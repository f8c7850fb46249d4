"""Table grids -> facts: hand-built tricky grids, and a few releases of the corpus checked by hand."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressfacts.models import Cell, Document, Fact, ReleaseContext, Span, Table
from pressfacts.tables import table_facts

GridCell = str | tuple[str, int]  # text, or (text, columns spanned)


def grid_table(index: int, rows: list[list[GridCell]], text: list[str], context: str = "") -> Table:
    """Append a table's lines to `text` and return its grid, spans pointing into the joined text."""
    offset = sum(len(t) for t in text)
    context_span = None
    if context:
        text.append(context + "\n")
        context_span = Span(offset, offset + len(context))
        offset += len(context) + 1
    start = offset
    grid: list[tuple[Cell, ...]] = []
    for row in rows:
        cells: list[Cell] = []
        line = ""
        for item in row:
            content, width = item if isinstance(item, tuple) else (item, 1)
            span = None
            if content:
                line += " | " if line else ""
                span = Span(offset + len(line), offset + len(line) + len(content))
                line += content
            cells.extend(Cell(content, span, width) for _ in range(width))
        text.append(line + "\n")
        offset += len(line) + 1
        grid.append(tuple(cells))
    return Table(index, Span(start, offset), tuple(grid), context_span)


def document(*tables: tuple[list[list[GridCell]], str]) -> Document:
    text: list[str] = []
    grids = [grid_table(i, rows, text, context) for i, (rows, context) in enumerate(tables)]
    return Document("test.htm", "".join(text), "html", tables=tuple(grids))


def find(facts: list[Fact], metric: str, end: dt.date, months: int, basis: str = "gaap") -> list[Fact]:
    return [
        f
        for f in facts
        if f.metric == metric and f.period.end == end and f.period.months == months and f.basis == basis
    ]


def value(facts: list[Fact], metric: str, end: dt.date, months: int, basis: str = "gaap") -> Decimal:
    (fact,) = find(facts, metric, end, months, basis)
    return fact.value


D = dt.date
Q3_2012, Q3_2011 = D(2012, 9, 30), D(2011, 9, 30)

# An income statement as EDGAR HTML lays it out: a header spread over three rows, a
# "Three Months Ended" cell spanning two columns, "$" and ")" in cells of their own,
# spacer columns, a footnote mark and a percent-of-sales column.
STATEMENT: list[list[GridCell]] = [
    ["", ("Three Months Ended", 6), "", ""],
    ["", ("September 30,", 6), "", ""],
    ["", "", "2012", "", "", "2011", "", "", "% Change"],
    ["Revenues:", "", "", "", "", "", "", "", ""],
    ["Product", "$", "1,000", "", "$", "900", "", "", "11%"],
    ["Service", "", "234(1)", "", "", "100", "", "", "134%"],
    ["Total revenues", "$", "1,234", "", "$", "1,000", "", "", "23%"],
    ["Operating loss", "", "(65", ")", "", "12", "", "", "n/m"],
    ["Net income (loss)", "$", "(50", ")", "$", "10", "", "", "n/m"],
    ["Net income (loss) per share:", "", "", "", "", "", "", "", ""],
    ["Basic", "$", "(0.12", ")", "$", "0.02", "", "", ""],
    ["Diluted", "$", "(0.12", ")", "$", "0.02", "", "", ""],
    ["Weighted average shares outstanding:", "", "", "", "", "", "", "", ""],
    ["Basic", "", "410", "", "", "400", "", "", ""],
    ["Diluted", "", "410", "", "", "405", "", "", ""],
]
CAPTION = "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(In thousands, except per share data)"


@pytest.fixture(scope="module")
def statement() -> list[Fact]:
    return table_facts(document((STATEMENT, CAPTION)), ReleaseContext())


def test_spanning_multi_row_header_and_scale(statement: list[Fact]) -> None:
    assert value(statement, "revenue", Q3_2012, 3) == 1_234_000
    assert value(statement, "revenue", Q3_2011, 3) == 1_000_000


def test_negative_parentheses_over_two_cells(statement: list[Fact]) -> None:
    assert value(statement, "operating_income", Q3_2012, 3) == -65_000
    assert value(statement, "net_income", Q3_2012, 3) == -50_000


def test_per_share_never_scaled_and_shares_are(statement: list[Fact]) -> None:
    assert value(statement, "eps_basic", Q3_2012, 3) == Decimal("-0.12")
    assert value(statement, "eps_diluted", Q3_2011, 3) == Decimal("0.02")
    assert value(statement, "weighted_average_shares_diluted", Q3_2011, 3) == 405_000
    (fact,) = find(statement, "weighted_average_shares_diluted", Q3_2011, 3)
    assert fact.unit == "shares"


def test_footnote_mark_and_section_rows(statement: list[Fact]) -> None:
    assert value(statement, "revenues_service", Q3_2012, 3) == 234_000


def test_change_column_gives_no_fact(statement: list[Fact]) -> None:
    assert all(f.unit != "percent" for f in statement)


def test_fact_carries_its_evidence(statement: list[Fact]) -> None:
    doc = document((STATEMENT, CAPTION))
    facts = table_facts(doc, ReleaseContext())
    (fact,) = find(facts, "revenue", Q3_2012, 3)
    assert doc.quote(fact.span) == "1,234"
    assert fact.label == "Total revenues"
    assert fact.source == "table"
    assert fact.concept == "us-gaap:Revenues"
    assert fact.unit == "USD"
    assert fact.position is not None
    assert (fact.position.table, fact.position.row) == (0, 6)
    quotes = [doc.quote(s) for s in fact.evidence]
    assert quotes[0] == "Total revenues"
    assert "2012" in quotes
    assert "Three Months Ended" in quotes
    assert fact.rule.startswith("table row revenue x column")


BALANCE: list[list[GridCell]] = [
    ["", "March 31, 2020", "December 31, 2019"],
    ["Total assets", "$8,893,201", "$8,318,465"],
    ["Total revenues", "5", "6"],  # nonsense in a balance sheet: revenue has no point in time
]


def test_balance_sheet_columns_are_points_in_time() -> None:
    facts = table_facts(document((BALANCE, "(In thousands)")), ReleaseContext())
    assert value(facts, "total_assets", D(2020, 3, 31), 0) == 8_893_201_000
    assert not [f for f in facts if f.metric == "revenue"]


SUMMARY_GAAP: list[list[GridCell]] = [
    ["GAAP", "", "", "", ""],
    ["($ in millions, except earnings per share)", "Q4 FY23", "Q3 FY23", "Q4 FY22", "Q/Q"],
    ["Revenue", "$6,051", "$5,931", "$7,643", "Up 2%"],
    ["Net income", "$1,414", "$680", "$3,003", "Up 108%"],
    ["Diluted earnings per share", "$0.57", "$0.27", "$1.18", "Up 111%"],
]
SUMMARY_ADJUSTED: list[list[GridCell]] = [
    ["Non-GAAP", "", "", "", ""],
    ["($ in millions, except earnings per share)", "Q4 FY23", "Q3 FY23", "Q4 FY22", "Q/Q"],
    ["Revenue", "$6,051", "$5,931", "$7,643", "Up 2%"],
    ["Net income", "$2,174", "$1,456", "$3,350", "Up 49%"],
    ["Diluted earnings per share", "$0.88", "$0.58", "$1.32", "Up 52%"],
]


def test_fiscal_quarter_labels_and_titles_stating_the_basis() -> None:
    doc = document((SUMMARY_GAAP, ""), (SUMMARY_ADJUSTED, ""))
    facts = table_facts(doc, ReleaseContext(fiscal_year_end=(1, 29)))
    q4, q3 = D(2023, 1, 29), D(2022, 10, 29)
    assert value(facts, "revenue", q4, 3) == 6_051_000_000
    assert value(facts, "eps_diluted", q3, 3, "non_gaap") == Decimal("0.58")
    assert value(facts, "net_income", q4, 3, "non_gaap") == 2_174_000_000
    (fact,) = find(facts, "net_income", q4, 3, "non_gaap")
    assert fact.period.label == "Q4 FY2023"
    # A "Non-GAAP" table repeating GAAP revenue states no adjusted revenue.
    assert not find(facts, "revenue", q4, 3, "non_gaap")


def test_fiscal_labels_unresolved_without_a_fiscal_year_end() -> None:
    facts = table_facts(document((SUMMARY_GAAP, "")), ReleaseContext())
    assert not [f for f in facts if f.metric == "revenue"]


RECONCILIATION: list[list[GridCell]] = [
    ["", ("Three Months Ended March 31,", 2)],
    ["", "2020", "2019"],
    ["GAAP net income", "$602,753", "$268,631"],
    ["Stock-based compensation expense", "115,706", "93,791"],
    ["Non-GAAP net income", "$674,454", "$295,830"],
    ["Net income per diluted common share:", "", ""],
    ["GAAP", "$2.29", "$1.03"],
    ["Non-GAAP", "$2.56", "$1.14"],
]


def test_reconciliation_rows_state_their_basis() -> None:
    facts = table_facts(
        document((RECONCILIATION, "(in thousands, except per share amounts)")), ReleaseContext()
    )
    q1 = D(2020, 3, 31)
    assert value(facts, "net_income", q1, 3) == 602_753_000
    assert value(facts, "net_income", q1, 3, "non_gaap") == 674_454_000
    assert value(facts, "eps_diluted", q1, 3, "non_gaap") == Decimal("2.56")
    (adjusted,) = find(facts, "net_income", q1, 3, "non_gaap")
    assert adjusted.basis_note == "non-GAAP"
    assert adjusted.concept is None


ATTRIBUTABLE: list[list[GridCell]] = [
    ["", "Quarter Ended March 29, 2020", "Quarter Ended March 31, 2019"],
    ["Net (Loss) Earnings", "(67,810)", "26,727"],
    ["Net Earnings Attributable to Noncontrolling Interests", "1,827", "\u2014"],
    ["Net (Loss) Earnings Attributable to Hasbro, Inc.", "$(69,637)", "$26,727"],
]


def test_attributable_net_income_wins_over_consolidated() -> None:
    facts = table_facts(document((ATTRIBUTABLE, "(Thousands of Dollars)")), ReleaseContext())
    q1 = D(2020, 3, 29)
    assert value(facts, "net_income", q1, 3) == -69_637_000
    assert value(facts, "net_income_including_noncontrolling_interest", q1, 3) == -67_810_000
    # equal values in 2019: the consolidated line repeats the attributable one
    assert value(facts, "net_income", D(2019, 3, 31), 3) == 26_727_000


HIGHLIGHTS: list[list[GridCell]] = [
    ["", ("Three Months Ended March 31,", 2)],
    ["(in millions)", "2020", "2019"],
    ["Total revenues", "$1,515", "$858"],
]
STATEMENT_2020: list[list[GridCell]] = [
    ["", ("Three Months Ended March 31,", 2)],
    ["(in thousands)", "2020", "2019"],
    ["Total revenues", "1,515,107", "858,435"],
]


def test_repeated_figures_merge_keeping_the_precise_one() -> None:
    doc = document((HIGHLIGHTS, ""), (STATEMENT_2020, ""))
    facts = table_facts(doc, ReleaseContext())
    (fact,) = find(facts, "revenue", D(2020, 3, 31), 3)
    assert fact.value == 1_515_107_000
    assert doc.quote(fact.span) == "1,515,107"
    assert [doc.quote(s) for s in fact.also_at] == ["$1,515"]


def test_different_values_are_both_kept_and_flagged() -> None:
    other = [row[:] for row in STATEMENT_2020]
    other[2] = ["Total revenues", "1,600,000", "858,435"]
    facts = table_facts(document((STATEMENT_2020, ""), (other, "")), ReleaseContext())
    found = find(facts, "revenue", D(2020, 3, 31), 3)
    assert sorted(f.value for f in found) == [1_515_107_000, 1_600_000_000]
    assert all(any(flag.startswith("conflict:") for flag in f.flags) for f in found)


SEGMENTS: list[list[GridCell]] = [
    ["", ("Three Months Ended March 31,", 2)],
    ["", "2020", "2019"],
    ["Revenues:", "", ""],
    ["Sales", "221,338", "369,681"],
    ["Other revenues", "5,382", "8,609"],
    ["Total revenues", "226,720", "378,290"],
]


def test_total_row_wins_over_a_part_in_its_table() -> None:
    facts = table_facts(document((SEGMENTS, "(in thousands)")), ReleaseContext())
    assert value(facts, "revenue", D(2020, 3, 31), 3) == 226_720_000
    assert value(facts, "component_revenue", D(2020, 3, 31), 3) == 221_338_000


UNSCALED: list[list[GridCell]] = [
    ["", ("Three Months Ended March 31,", 2)],
    ["", "2020", "2019"],
    ["GAAP net income", "$602,753", "$268,631"],
    ["Adjustments", "71,701", "27,199"],
    ["Non-GAAP net income", "$674,454", "$295,830"],
]


def test_missing_scale_taken_from_figures_shared_with_a_scaled_table() -> None:
    scaled: list[list[GridCell]] = [
        ["", ("Three Months Ended March 31,", 2)],
        ["", "2020", "2019"],
        ["Net income", "$602,753", "$268,631"],
    ]
    facts = table_facts(document((scaled, "(in thousands)"), (UNSCALED, "")), ReleaseContext())
    assert value(facts, "net_income", D(2020, 3, 31), 3, "non_gaap") == 674_454_000


PER_SHARE_COLUMNS: list[list[GridCell]] = [
    ["", ("Three Months Ended", 2), ("Twelve Months Ended", 2)],
    ["", ("February 29, 2020", 2), ("February 29, 2020", 2)],
    ["", "Amount", "Per Diluted Share", "Amount", "Per Diluted Share"],
    ["GAAP net income and GAAP diluted earnings per share", "$(10,643)", "$(0.41)", "$48,234", "$1.84"],
    ["Impairment charges", "9,157", "0.35", "9,157", "0.34"],
    ["Non-GAAP net income and diluted earnings per share", "$12,369", "$0.47", "$71,246", "$2.71"],
]


def test_amount_and_per_share_columns_split_a_compound_label() -> None:
    facts = table_facts(
        document((PER_SHARE_COLUMNS, "(in thousands, except per share data)")), ReleaseContext()
    )
    end = D(2020, 2, 29)
    assert value(facts, "net_income", end, 12, "non_gaap") == 71_246_000
    assert value(facts, "eps_diluted", end, 3, "non_gaap") == Decimal("0.47")
    assert value(facts, "eps_diluted", end, 3) == Decimal("-0.41")


UNDATED_PER_SHARE_COLUMN: list[list[GridCell]] = [
    ["", ("Quarter Ended", 4)],
    [
        "",
        "March 29, 2020",
        "Diluted Per Share Amount",
        "Pro Forma March 31, 2019",
        "Pro Forma Diluted Per Share Amount",
    ],
    ["Net Earnings Attributable to Hasbro, Inc., as Reported", "$(69,637)", "$(0.51)", "$76,405", "$0.56"],
    ["Net Earnings Attributable to Hasbro, Inc., as Adjusted", "$77,698", "$0.57", "$104,771", "$0.76"],
]


def test_per_share_column_takes_the_period_of_the_dated_column_left_of_it() -> None:
    facts = table_facts(document((UNDATED_PER_SHARE_COLUMN, "(Thousands of Dollars)")), ReleaseContext())
    assert value(facts, "eps_diluted", D(2020, 3, 29), 3, "non_gaap") == Decimal("0.57")
    (pro_forma,) = [
        f for f in find(facts, "net_income", D(2019, 3, 31), 3, "non_gaap") if f.value == 76_405_000
    ]
    assert pro_forma.basis_note == "pro forma"  # an as-reported row in a pro forma column


SOLE_REVENUE_LINE: list[list[GridCell]] = [
    ["", ("Three Months Ended March 31,", 2)],
    ["", "2020", "2019"],
    ["Revenue:", "", ""],
    ["Royalty revenue from a related party, net", "$78,678", "$55,183"],
    ["Operating expenses:", "", ""],
    ["General and administrative", "2,563", "3,015"],
    ["Loss Per Common Share:", "", ""],
    ["Basic", "", ""],
    ["Net loss attributable to common shareholders", "$(0.03)", "$(0.04)"],
    ["Diluted", "", ""],
    ["Net loss attributable to common shareholders", "$(0.03)", "$(0.05)"],
]


def test_sole_line_under_a_revenue_heading_and_sibling_sections() -> None:
    facts = table_facts(
        document((SOLE_REVENUE_LINE, "(in thousands, except per share data)")), ReleaseContext()
    )
    assert value(facts, "revenue", D(2020, 3, 31), 3) == 78_678_000
    assert value(facts, "eps_diluted", D(2019, 3, 31), 3) == Decimal("-0.05")
    assert value(facts, "eps_basic", D(2019, 3, 31), 3) == Decimal("-0.04")


WIDE_DATE_CELL: list[list[GridCell]] = [
    ["", ("Three months ended", 2)],
    ["", ("March 31, 2020", 2)],
    ["", "2019", "2020"],
    ["Net income (loss)", "$978,763", "$(338,810)"],
]


def test_narrow_year_cell_wins_over_a_wide_date_cell() -> None:
    facts = table_facts(document((WIDE_DATE_CELL, "(in thousands)")), ReleaseContext())
    assert value(facts, "net_income", D(2019, 3, 31), 3) == 978_763_000


SUBSIDIARY: list[list[GridCell]] = [
    ["", ("Quarter Ended", 4), "Year Ended"],
    ["", "March 2019", "June 2019", "September 2019", "December 2019", "December 2019"],
    ["Net Revenues", "$466,212", "$231,091", "$283,310", "$235,160", "$1,215,773"],
    ["Operating Profit (Loss)", "115,647", "(19,040)", "22,294", "(66,580)", "52,321"],
]
PARENT: list[list[GridCell]] = [
    ["", ("Quarter Ended", 2)],
    ["", "March 29, 2020", "March 31, 2019"],
    ["Net Revenues", "$1,105,570", "$732,510"],
    ["Operating (Loss) Profit", "(23,283)", "36,127"],
    ["Net (Loss) Earnings", "(67,810)", "26,727"],
    ["Basic earnings per share", "(0.51)", "0.21"],
]


def test_table_disagreeing_with_the_fullest_one_holds_component_figures() -> None:
    doc = document((PARENT, "(Thousands of Dollars)"), (SUBSIDIARY, "(Thousands of Dollars)"))
    facts = table_facts(doc, ReleaseContext())
    assert value(facts, "revenue", D(2019, 3, 31), 3) == 732_510_000
    assert not find(facts, "revenue", D(2019, 6, 30), 3)
    assert value(facts, "component_revenue", D(2019, 6, 30), 3) == 231_091_000


LABELLED_QUARTERS: list[list[GridCell]] = [
    ["($ in millions)", "Q2 FY24", "Q1 FY24", "Q2 FY23"],
    ["Revenue", "$13,507", "$7,192", "$6,704"],
]
DATED_QUARTERS: list[list[GridCell]] = [
    ["", ("Three Months Ended", 3)],
    ["", "July 30, 2023", "April 30, 2023", "July 31, 2022"],
    ["GAAP operating expenses", "$2,662", "$2,508", "$2,416"],
]


def test_fiscal_year_end_fitted_to_dated_columns() -> None:
    doc = document((LABELLED_QUARTERS, ""), (DATED_QUARTERS, "(In millions)"))
    # the prose gave no fiscal year end; a wrong calendar default must not win either
    for context in (ReleaseContext(), ReleaseContext(fiscal_year_end=(12, 31))):
        facts = table_facts(doc, context)
        assert value(facts, "revenue", D(2023, 4, 30), 3) == 7_192_000_000


SEGMENT_COLUMNS: list[list[GridCell]] = [
    ["", "Americas", "International", "Corporate", "Consolidated"],
    ["Three Months Ended March 31, 2020", "", "", "", ""],
    ["Sales to external customers", "$231,253", "$109,892", "$\u2014", "$341,145"],
    ["Adjusted operating income (loss)", "59,807", "12,671", "(8,614)", "63,864"],
]


def test_consolidated_column_of_a_segment_table_under_a_period_heading() -> None:
    facts = table_facts(document((SEGMENT_COLUMNS, "Segment Information\n(In thousands)")), ReleaseContext())
    assert value(facts, "operating_income", D(2020, 3, 31), 3, "non_gaap") == 63_864_000
    assert len([f for f in facts if f.metric == "operating_income"]) == 1  # segments' columns give none


CONSTANT_CURRENCY: list[list[GridCell]] = [
    ["", ("Three Months Ended March 31,", 2)],
    ["", "2019", "2020"],
    ["Revenue as reported", "$558,123", "$503,376"],
    ["Conversion impact U.S. dollar/other currencies", "", "8,118"],
    ["Revenue at constant currency", "558,123", "511,494"],
]


def test_constant_currency_base_period_is_the_reported_figure() -> None:
    facts = table_facts(document((CONSTANT_CURRENCY, "(U.S. dollars in thousands)")), ReleaseContext())
    assert value(facts, "revenue", D(2020, 3, 31), 3, "non_gaap") == 511_494_000
    assert not find(facts, "revenue", D(2019, 3, 31), 3, "non_gaap")


CORPUS = Path(os.environ.get("PRESSFACTS_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))


def corpus_facts(name: str) -> list[Fact]:
    from pressfacts.document import load_documents

    path = CORPUS / "docs" / name
    if not path.exists():
        pytest.skip(f"corpus release {name} not available")
    return [f for doc in load_documents(path) for f in table_facts(doc, ReleaseContext())]


def test_microsoft_fiscal_2020_q3() -> None:
    # Checked by hand against the income statement of the release (in millions).
    facts = corpus_facts("microsoft-2020-q3.htm")
    q3, q3_prior = D(2020, 3, 31), D(2019, 3, 31)
    assert value(facts, "revenue", q3, 3) == 35_021_000_000
    assert value(facts, "revenue", q3_prior, 9) == 92_126_000_000
    assert value(facts, "operating_income", q3, 3) == 12_975_000_000
    assert value(facts, "net_income", q3, 9) == 33_079_000_000
    assert value(facts, "eps_diluted", q3, 3) == Decimal("1.40")
    assert value(facts, "eps_basic", q3_prior, 9) == Decimal("3.39")
    assert not [f for f in facts if f.basis == "non_gaap" and f.metric == "revenue"]


def test_hasbro_2020_q1_attributable_and_pro_forma() -> None:
    # Net loss attributable to Hasbro (69,637) beside the consolidated (67,810); the
    # eOne-combined 2019 quarter is pro forma (non-GAAP), not Hasbro's reported 2019.
    facts = corpus_facts("hasbro-2020-q1.htm")
    q1, q1_prior = D(2020, 3, 29), D(2019, 3, 31)
    assert value(facts, "net_income", q1, 3) == -69_637_000
    assert value(facts, "revenue", q1_prior, 3) == 732_510_000
    assert value(facts, "revenue", q1_prior, 3, "non_gaap") == 1_198_722_000
    assert value(facts, "eps_diluted", q1, 3, "non_gaap") == Decimal("0.57")


def test_nvidia_fiscal_2023_q4_labels_resolve_through_dated_tables() -> None:
    facts = corpus_facts("nvidia-2023-q4.htm")
    assert value(facts, "eps_diluted", D(2022, 10, 30), 3, "non_gaap") == Decimal("0.58")
    assert value(facts, "operating_income", D(2023, 1, 29), 12, "non_gaap") == 9_040_000_000


# Cells of every kind the grids above use, shuffled into random grids: the stage must
# never fail, and every fact it gives must point at a number of the document.
TOKENS = [
    "", "", "$", ")", "%", "(65", "1,234", "(1,234)", "0.57", "\u2014", "2020", "2019", "n/m",
    "Three Months Ended", "March 31,", "Q4 FY23", "FY2019", "% Change", "Non-GAAP", "GAAP",
    "Total revenues", "Net income", "Basic", "Diluted", "Earnings per share:", "Revenues:",
    "(in thousands, except per share data)", "Weighted average shares", "February 29/28,",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(TOKENS), min_size=4, max_size=4),
        min_size=1,
        max_size=8,
    )
)
def test_random_grids_never_fail(rows: list[list[str]]) -> None:
    doc = document(([list(r) for r in rows], "(in millions)"))
    for fact in table_facts(doc, ReleaseContext(fiscal_year_end=(12, 31))):
        assert isinstance(fact.value, Decimal)
        assert doc.quote(fact.span).strip()
        assert fact.source == "table"
