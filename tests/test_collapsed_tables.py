"""Tables collapsed onto one line, as some archives of old text releases keep them.

The examples are cut from the openings in ../shared/corpus (culp-2007-opening.txt,
usx-1998-opening.txt); expected grids were read off those lines by hand.
"""

from __future__ import annotations

from pressfacts.collapsed_tables import find_collapsed_tables
from pressfacts.models import Table

USX = (
    "SURGE Earnings Highlights (Dollars in millions except per diluted share data) 3Q 1998 3Q 1997 "
    "Net income adjusted for special items $58 $100 - per diluted share $0.63 $1.08 Net income $65 $ 116 "
    "Net income - per diluted share $0.71 $1.25 Revenues $1,497 $1,735 PITTSBURGH, October 22, 1998 -- "
    "Impacted by an unprecedented surge in imports, weak tubular markets and effects of the General Motors "
    "strike, USX-U. S. Steel Group (NYSE: X) reported third quarter 1998 adjusted net income of $58 million."
)
CULP = (
    "(Amounts in Thousands, Except for Per Share Data) THREE MONTHS ENDED ------------ Amounts Percent of "
    "Sales -------------------------- January 28, January 29, % Over January 28, January 29, 2007 2006 "
    "(Under) 2007 2006 ------------ ------------ Net sales $ 55,712 61,035 (8.7)% 100.0 % 100.0 % Cost of "
    "sales 51,001 56,858 (10.3)% 91.5 % 93.2 % ------------ Gross profit 4,711 4,177 12.8 % 8.5 % 6.8 % "
    "Net loss $ (2,221) (2,169) (2.4)% (4.0)% (3.6)% ============ Net loss per share-basic ($0.19) ($0.19) "
    "0.0 % Average shares outstanding-basic 11,773 11,562 1.8 %"
)


def grid(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def test_quarter_columns_and_rows() -> None:
    (table,) = find_collapsed_tables(USX)
    assert grid(table) == [
        ["", "3Q 1998", "3Q 1997"],
        ["Net income adjusted for special items", "$58", "$100"],
        ["- per diluted share", "$0.63", "$1.08"],
        ["Net income", "$65", "$ 116"],
        ["Net income - per diluted share", "$0.71", "$1.25"],
        ["Revenues", "$1,497", "$1,735"],
    ]
    assert table.context is not None
    assert (
        USX[table.context.start : table.context.end] == "(Dollars in millions except per diluted share data)"
    )


def test_dated_columns_keep_amounts_and_drop_percents() -> None:
    (table,) = find_collapsed_tables(CULP)
    assert grid(table)[:3] == [
        ["", "THREE MONTHS ENDED", "THREE MONTHS ENDED"],
        ["", "January 28,", "January 29,"],
        ["", "2007", "2006"],
    ]
    assert grid(table)[3:] == [
        ["Net sales", "$ 55,712", "61,035"],
        ["Cost of sales", "51,001", "56,858"],
        ["Gross profit", "4,711", "4,177"],
        ["Net loss", "$ (2,221)", "(2,169)"],
        ["Net loss per share-basic", "($0.19)", "($0.19)"],
        ["Average shares outstanding-basic", "11,773", "11,562"],
    ]


def test_spans_are_exact_and_inside_the_table() -> None:
    for text in (USX, CULP):
        for table in find_collapsed_tables(text):
            for row in table.rows:
                for cell in row:
                    assert cell.span is None or text[cell.span.start : cell.span.end] == cell.text
                    assert cell.span is None or table.span.covers(cell.span)


def test_prose_and_short_lines_give_no_table() -> None:
    prose = "Net income for the quarter was $1.2 million, or $0.05 per share, compared to $0.9 million. " * 8
    assert find_collapsed_tables(prose) == []
    assert find_collapsed_tables("Net sales $ 55,712 61,035\nCost of sales 51,001 56,858\n") == []


def test_columns_that_do_not_match_the_rows_give_no_table() -> None:
    odd = CULP.replace("January 29, 2007 2006 (Under) 2007 2006", "January 29, 2007 (Under) 2007 2006")
    assert find_collapsed_tables(odd) == []
