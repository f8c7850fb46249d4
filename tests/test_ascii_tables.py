"""ascii_tables.py: fixed-width tables of plain-text releases.

The hand-written tables copy layouts of the 1995-2008 text releases in the corpus
(sears-2004-q2.txt and the openings); the corpus checks read those files directly.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pressfacts.ascii_tables import find_ascii_tables
from pressfacts.document import load_documents, text_document
from pressfacts.models import Table

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "docs"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")

QUARTER = """\
IEC ELECTRONICS CORP.
(in thousands, except per share data)

                                  Three Months Ended
                                     September 30,
                                  ------------------
                                   2003        2002
                                  ------      ------
Net sales                        $ 9,100     $ 8,600
Cost of sales                      8,012       7,745
                                  ------      ------
Net income (loss)                 $  575    $ (1,234)
Net income per share (1)          $ 0.07      $(0.16)
Weighted average shares
  outstanding                      7,900       7,700

(1) Basic and diluted.
"""


def grid(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def assert_spans_exact(text: str, tables: list[Table]) -> None:
    for table in tables:
        assert table.origin == "ascii"
        for row in table.rows:
            assert len(row) == len(table.rows[0])
            for cell in row:
                assert cell.span is None or text[cell.span.start : cell.span.end] == cell.text
                assert cell.span is None or table.span.covers(cell.span)


def test_quarter_table() -> None:
    (table,) = find_ascii_tables(QUARTER)
    assert_spans_exact(QUARTER, [table])
    assert grid(table) == [
        ["", "Three Months Ended", "Three Months Ended"],
        ["", "September 30,", "September 30,"],
        ["", "2003", "2002"],
        ["Net sales", "$ 9,100", "$ 8,600"],
        ["Cost of sales", "8,012", "7,745"],
        ["Net income (loss)", "$  575", "$ (1,234)"],
        ["Net income per share (1)", "$ 0.07", "$(0.16)"],
        ["Weighted average shares\n  outstanding", "7,900", "7,700"],
    ]
    assert table.rows[0][1] is table.rows[0][2]
    assert table.rows[0][1].colspan == 2
    assert all(c.is_header for c in table.rows[2][1:])
    assert not table.rows[3][0].is_header
    assert table.context is not None
    assert QUARTER[table.context.start : table.context.end] == (
        "IEC ELECTRONICS CORP.\n(in thousands, except per share data)"
    )
    assert "(1) Basic" not in QUARTER[table.span.start : table.span.end]


def test_start_end_and_index() -> None:
    text = "prose\n\n" + QUARTER + "\n\n" + QUARTER
    second = text.rindex("IEC ELECTRONICS")
    tables = find_ascii_tables(text, start_index=3, start=second)
    assert [t.index for t in tables] == [3]
    assert tables[0].span.start > second
    assert len(find_ascii_tables(text)) == 2


def test_values_need_two_spaces_from_the_label() -> None:
    text = "Net income (1)      53     309\nRevenue             80     100\n"
    (table,) = find_ascii_tables(text)
    assert grid(table) == [["Net income (1)", "53", "309"], ["Revenue", "80", "100"]]


def test_dashes_and_percent_values() -> None:
    text = "Special charges        41        -\nGross margin         27.9 %    28.7%\nOther                 n/a      (12)\n"
    (table,) = find_ascii_tables(text)
    assert grid(table) == [
        ["Special charges", "41", "-"],
        ["Gross margin", "27.9 %", "28.7%"],
        ["Other", "n/a", "(12)"],
    ]


def test_prose_is_not_a_table() -> None:
    prose = (
        "     IEC reported  net income of $575,000 or $0.07 per share,  $325,000 or $0.04\n"
        "per share before  non-operating  income items on revenue of $9.1 million for the\n"
        "share on  revenue  of $48.2  million.  This  compares  to a net loss of  ($11.0)\n"
        "million or ($1.43)  per share,  on revenue of $30.7  million for the fiscal year\n"
        "Contact:       Julie J. Bull\n              (501) 376-5965        For Immediate Release\n"
    )
    assert find_ascii_tables(prose) == []


def test_collapsed_table_on_one_line_is_skipped() -> None:
    line = "Net sales $ 55,712 61,035 (8.7)% 100.0 % Cost of sales 51,001 56,858 (10.3)% " * 20
    assert find_ascii_tables(line) == []


def test_tabs_are_expanded_for_columns() -> None:
    text = "Sales\t\t$1,200\t\t$1,000\nCosts\t\t   900\t\t   800\n"
    (table,) = find_ascii_tables(text)
    assert grid(table) == [["Sales", "$1,200", "$1,000"], ["Costs", "900", "800"]]


def test_linear_time_on_hostile_input() -> None:
    hostile = ("1" * 5000 + " " * 5000 + "\n") * 20 + ("Label" + "  1,234" * 300 + "\n") * 2000
    started = time.perf_counter()
    find_ascii_tables(hostile)
    assert time.perf_counter() - started < 5


def test_text_document_tables_are_blocks_not_paragraphs() -> None:
    doc = text_document("q.txt", "ACME reports.\n\n" + QUARTER)
    kinds = [(b.kind, doc.quote(b.span)[:20]) for b in doc.blocks]
    assert ("table", doc.quote(doc.tables[0].span)[:20]) in kinds
    assert all("Net sales" not in doc.quote(b.span) for b in doc.blocks if b.kind == "paragraph")


@needs_corpus
def test_sears_income_statement() -> None:
    (doc,) = load_documents(CORPUS / "sears-2004-q2.txt")
    assert_spans_exact(doc.text, list(doc.tables))
    income = doc.tables[0]
    rows = grid(income)
    assert [" ".join(c.split()) for c in rows[4]] == [
        "(millions, except earnings per common share)",
        "2004",
        "2003",
        "2004",
        "2003",
    ]
    assert all(c.is_header for c in income.rows[4])
    assert ["Total revenues", "8,781", "10,196", "16,575", "19,076"] in rows
    assert ["Income tax expense", "(32)", "(186)", "(23)", "(301)"] in rows
    net = next(r for r in rows if r[0].startswith("NET INCOME"))
    assert net[1:] == ["$  53", "$  309", "$  (806)", "$   501"]
    labels = [" ".join(r[0].split()) for r in rows]
    assert "Credit and financial products revenues" in labels
    diluted = [r for r in rows if r[0] == "Earnings/ (loss) per share"]
    assert [r[1] for r in diluted] == ["$ 0.25", "$ 0.24"]
    assert income.context is not None
    assert doc.quote(income.context).endswith("CONSOLIDATED INCOME")


@needs_corpus
@pytest.mark.parametrize("path", sorted(CORPUS.glob("*opening.txt")) if CORPUS.is_dir() else [], ids=str)
def test_openings_give_no_false_tables(path: Path) -> None:
    (doc,) = load_documents(path)
    assert_spans_exact(doc.text, list(doc.tables))
    for table in doc.tables:
        assert len(table.rows) >= 2


def test_dates_one_space_apart_are_split_by_column() -> None:
    text = (
        "                      July 3,  June 28, January 3,\n"
        "                        2004      2003       2004\n"
        "Full-line                871       869        871\n"
        "Specialty              1,109     1,307      1,105\n"
    )
    (table,) = find_ascii_tables(text)
    assert grid(table)[:2] == [["", "July 3,", "June 28,", "January 3,"], ["", "2004", "2003", "2004"]]
