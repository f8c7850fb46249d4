"""Column headers -> periods. Header forms seen in the corpus's statements and summaries."""

from __future__ import annotations

import datetime as dt

import pytest

from pressfacts.models import Period
from pressfacts.tables.fiscal import Calendar, infer_fiscal_year_end
from pressfacts.tables.headers import merge, parse_header

D = dt.date

# (column header text, title text, fiscal year end, (end, months) or None)
CASES: list[tuple[str, str, tuple[int, int] | None, tuple[dt.date, int] | None]] = [
    ("Three Months Ended September 30, 2012", "", None, (D(2012, 9, 30), 3)),
    ("Three Months Ended September 30, 2012", "", None, (D(2012, 9, 30), 3)),
    # multi-line header joined top to bottom: span row, month-day row, year row
    ("Three Months Ended September 30, 2011", "", None, (D(2011, 9, 30), 3)),
    ("Quarter Ended March 29, 2020", "", None, (D(2020, 3, 29), 3)),
    ("13 Weeks Ended November 2, 2024", "", None, (D(2024, 11, 2), 3)),
    ("Twenty-Six Weeks Ended July 3, 2004", "", None, (D(2004, 7, 3), 6)),
    ("39 Weeks Ended November 2, 2024", "", None, (D(2024, 11, 2), 9)),
    ("Nine Months Ended March 31, 2020", "", None, (D(2020, 3, 31), 9)),
    ("Twelve Months Ended January 29, 2023", "", None, (D(2023, 1, 29), 12)),
    ("For the Three Months Ended March 31,2020", "", None, (D(2020, 3, 31), 3)),
    ("Dec. 31, 2019", "For the Three Months Ended", None, (D(2019, 12, 31), 3)),
    # the year from the column, the month and day from the title
    ("2020", "Year Ended December 31,", None, (D(2020, 12, 31), 12)),
    ("2019", "Three Months Ended March 31,", None, (D(2019, 3, 31), 3)),
    # a date alone: a point in time (balance sheet)
    ("March 31, 2020", "", None, (D(2020, 3, 31), 0)),
    ("December 31, 2019", "Condensed Consolidated Balance Sheets", None, (D(2019, 12, 31), 0)),
    # fiscal labels need the fiscal year end
    ("Q1 2020", "", (12, 31), (D(2020, 3, 31), 3)),
    ("Q4 FY23", "", (1, 29), (D(2023, 1, 29), 3)),
    ("Q3 FY23", "", (1, 29), (D(2022, 10, 29), 3)),
    ("FY2019", "", (12, 31), (D(2019, 12, 31), 12)),
    ("Fiscal 2020", "", (6, 30), (D(2020, 6, 30), 12)),
    ("Q3 Fiscal 2020", "Three Months Ended March 31", (6, 30), (D(2020, 3, 31), 3)),
    ("1Q20", "", (12, 31), (D(2020, 3, 31), 3)),
    ("Qtr 2 2019", "", (12, 31), (D(2019, 6, 30), 3)),
    ("Second Quarter", "for the year ended December 31, 2019", (12, 31), (D(2019, 6, 30), 3)),
    ("Pro FormaMarch 31, 2019", "Quarter Ended", None, (D(2019, 3, 31), 3)),
    ("March 2019", "Quarter Ended", None, (D(2019, 3, 31), 3)),
    # one cell names both years' dates; the year row below picks the column's
    ("For the 13 Weeks Ended July 3, 2004 and June 28, 2003 2003", "", None, (D(2003, 6, 28), 3)),
    # "February 29/28," over a 2019 column: the last day of February that year
    ("Three Months Ended February 29/28, 2019", "", None, (D(2019, 2, 28), 3)),
    ("At or for the Nine Months Ended March 31, 2020", "", None, (D(2020, 3, 31), 9)),
    # not resolved: no fiscal year end to place a label, or not a period column
    ("Q4 FY23", "", None, None),
    ("% Change", "", None, None),
    ("Change", "Three Months Ended March 31, 2020", None, None),
    ("Percent of sales", "", None, None),
    ("Q/Q", "", None, None),
    ("Non-GAAP Adjustments", "Quarter Ended March 29, 2020", None, None),
    ("HasbroAs Reported", "Quarter Ended March 31, 2019", None, None),  # another entity's column
    ("Banking Business", "Three Months Ended March 31, 2020", None, None),
    ("Nine Months Ended March 31, 2020 2019", "", None, None),  # one cell over two year columns
    ("2020", "Three and Nine Months Ended March 31,", None, None),
    ("Q2-2020 - LTM", "", (12, 31), None),
]


@pytest.mark.parametrize(("column", "title", "fye", "expected"), CASES)
def test_header_resolves(
    column: str, title: str, fye: tuple[int, int] | None, expected: tuple[dt.date, int] | None
) -> None:
    parts = merge(parse_header(column), parse_header(title, title=True))
    period = Calendar(fye).resolve(parts)
    if expected is None:
        assert period is None
    else:
        assert period is not None
        assert (period.end, period.months) == expected


@pytest.mark.parametrize(
    ("column", "basis"),
    [("Non-GAAP", "non_gaap"), ("Adjusted", "non_gaap"), ("As Reported", "gaap"), ("Pro Forma", "non_gaap")],
)
def test_basis_columns(column: str, basis: str) -> None:
    assert parse_header(f"Three Months Ended March 31, 2020 {column}").basis == basis


def test_per_share_column() -> None:
    assert parse_header("Diluted Per Share Amount").per_share == "diluted"
    assert parse_header("(in millions, except per share amounts) 2020").per_share is None


def test_labels_follow_the_fiscal_year() -> None:
    calendar = Calendar((6, 30))
    assert calendar.label(D(2020, 3, 31), 3) == "Q3 FY2020"
    assert calendar.label(D(2020, 3, 31), 9) == "9M FY2020"
    assert calendar.label(D(2019, 6, 30), 12) == "FY2019"
    assert Calendar(None).label(D(2020, 3, 31), 3) == "3M to 2020-03-31"


def test_computed_dates_snap_to_dated_columns() -> None:
    anchors = (Period(D(2022, 10, 30), 3),)
    period = Calendar((1, 29), anchors).resolve(parse_header("Q3 FY23"))
    assert period is not None
    assert period.end == D(2022, 10, 30)


def test_retail_years_named_after_their_start() -> None:
    # Fiscal 2024 of a retailer ends on February 1, 2025; the dated columns show the custom.
    anchors = (Period(D(2025, 2, 1), 12),)
    period = Calendar((2, 1), anchors).resolve(parse_header("Fiscal 2024"))
    assert period is not None
    assert period.end == D(2025, 2, 1)


def test_calendar_quarters_only_when_dated_columns_agree() -> None:
    quarters = (Period(D(2020, 3, 31), 3),)
    assert Calendar(None, quarters).resolve(parse_header("Q1 2019")) == Period(D(2019, 3, 31), 3)
    assert Calendar(None, ()).resolve(parse_header("Q1 2019")) is None
    assert Calendar(None, quarters).resolve(parse_header("Q1 FY2019")) is None


def test_fiscal_year_end_from_year_columns() -> None:
    year = merge(parse_header("Twelve Months Ended January 29, 2023"), parse_header(""))
    quarter = merge(parse_header("Three Months Ended January 29, 2023"), parse_header(""))
    trailing = parse_header("Twelve months ended March 31, 2020")
    assert infer_fiscal_year_end([(0, year, "Twelve Months Ended"), (0, quarter, "")]) == (1, 29)
    assert infer_fiscal_year_end([(0, trailing, "Twelve months ended March 31, 2020")]) is None
