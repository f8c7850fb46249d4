"""html.py: visible text, blocks and table grids.

Snippets are hand-written after quirks seen in the corpus (EDGAR HTML from 2004 to 2025);
the corpus checks run over every HTML release in /work/shared/corpus (skipped without it).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pressfacts.document import load_documents
from pressfacts.html import html_to_document
from pressfacts.models import Document, DocumentMeta, Table

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "docs"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")


def grid(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def assert_spans_exact(doc: Document) -> None:
    for table in doc.tables:
        for row in table.rows:
            assert len(row) == len(table.rows[0])
            for cell in row:
                if cell.span is not None:
                    assert doc.quote(cell.span) == cell.text
                else:
                    assert cell.text == ""


def one_table(html: str) -> tuple[Document, Table]:
    doc = html_to_document("t.htm", html)
    assert_spans_exact(doc)
    assert len(doc.tables) == 1
    return doc, doc.tables[0]


# --------------------------------------------------------------------------- text


def test_visible_text_and_blocks() -> None:
    doc = html_to_document(
        "t.htm",
        "<html><head><title>T</title><style>p{}</style><script>x()</script></head><body>"
        "<h1>ACME  Reports</h1><p>Revenue&nbsp;was <b>$10</b>\n million &amp; rose.</p>"
        "<!-- a comment --><div style='display: none'>hidden</div>"
        "<ul><li>One</li><li>Two</li></ul></body></html>",
    )
    assert doc.text == "ACME Reports\n\nRevenue was $10 million & rose.\n\nOne\nTwo"
    assert [(b.kind, doc.quote(b.span)) for b in doc.blocks] == [
        ("heading", "ACME Reports"),
        ("paragraph", "Revenue was $10 million & rose."),
        ("list_item", "One"),
        ("list_item", "Two"),
    ]


def test_br_is_a_line_break_and_two_end_a_paragraph() -> None:
    doc = html_to_document("t.htm", "<p>line one<br>line two<br><br>next</p>")
    assert doc.text == "line one\nline two\n\nnext"
    assert [doc.quote(b.span) for b in doc.blocks] == ["line one\nline two", "next"]


def test_pre_is_verbatim() -> None:
    doc = html_to_document("t.htm", "<p>a</p><pre>  Sales     1,000\n  Costs       900\n</pre>")
    assert "  Sales     1,000\n  Costs       900" in doc.text
    assert doc.blocks[-1].kind == "pre"


def test_pre_holds_fixed_width_table() -> None:
    html = "<pre>\n                 2004      2003\nSales          $1,200    $1,000\nNet income        120       100\n</pre>"
    doc = html_to_document("t.htm", html)
    assert_spans_exact(doc)
    (table,) = doc.tables
    assert table.origin == "ascii"
    assert grid(table)[-1] == ["Net income", "120", "100"]


def test_uppercase_unclosed_font_soup() -> None:
    doc = html_to_document("t.htm", "<HTML><BODY><P><FONT SIZE=2>Net <FONT>income<P>rose <B>5%")
    assert doc.text == "Net income\n\nrose 5%"


def test_edgar_sgml_tags_inside_html_are_dropped() -> None:
    doc = html_to_document(
        "t.htm", "<html><body><document>\n<type>EX-99.1\n<sequence>2\n<filename>x.htm\n<text>\n<p>Hi</p>"
    )
    assert doc.text == "Hi"


def test_superscript_footnote_reads_as_a_word() -> None:
    doc = html_to_document("t.htm", "<p>Revenue<sup>(1)</sup> in the 1<sup>st</sup> quarter</p>")
    assert doc.text == "Revenue (1) in the 1st quarter"


def test_declared_charset_does_not_override_decoded_text() -> None:
    html = '<?xml version="1.0" encoding="ISO-8859-1"?><html><head><meta charset="windows-1252"></head>'
    doc = html_to_document("t.htm", html + "<body><p>caf\u00e9 \u2014 \u201cq\u201d</p></body></html>")
    assert doc.text == "caf\u00e9 \u2014 \u201cq\u201d"


def test_meta_is_kept() -> None:
    meta = DocumentMeta(company="ACME")
    assert html_to_document("t.htm", "<p>x</p>", meta).meta is meta


@pytest.mark.parametrize("html", ["", "   ", "<!-- only -->", "<html></html>", "<", "<<<>>>"])
def test_empty_or_junk(html: str) -> None:
    doc = html_to_document("t.htm", html)
    assert doc.text.strip() == doc.text
    assert doc.tables == ()


# --------------------------------------------------------------------------- tables


def test_simple_grid_and_layout() -> None:
    doc, table = one_table(
        "<p>(in thousands)</p><table><tr><th></th><th>2004</th><th>2003</th></tr>"
        "<tr><td>Revenue</td><td>1,234</td><td>1,000</td></tr></table><p>after</p>"
    )
    assert grid(table) == [["", "2004", "2003"], ["Revenue", "1,234", "1,000"]]
    assert doc.quote(table.span) == "2004 | 2003\nRevenue | 1,234 | 1,000"
    assert table.context is not None
    assert doc.quote(table.context) == "(in thousands)"
    assert [c.is_header for c in table.rows[0]] == [False, True, True]
    assert not any(c.is_header for c in table.rows[1])
    assert doc.text.endswith("1,000\n\nafter")


def test_split_dollar_and_parenthesis_cells_are_merged() -> None:
    _, table = one_table(
        "<table><tr><td>Net income (loss)</td><td>$</td><td>(1,234</td><td>)</td>"
        "<td>&nbsp;</td><td>$</td><td>567</td><td></td></tr>"
        "<tr><td>Margin</td><td></td><td>(23</td><td>)%</td><td></td><td></td><td>12.5</td><td>%</td></tr></table>"
    )
    assert grid(table) == [["Net income (loss)", "$(1,234)", "$567"], ["Margin", "(23)%", "12.5%"]]


def test_dollar_before_em_dash_and_footnote_after_paren() -> None:
    _, table = one_table(
        "<table><tr><td>Restructuring</td><td>$</td><td>\u2014</td><td>(8</td><td>)(a)</td></tr>"
        "<tr><td>Other</td><td>$</td><td>5</td><td>3</td><td></td></tr></table>"
    )
    assert grid(table) == [["Restructuring", "$\u2014", "(8)(a)"], ["Other", "$5", "3"]]


def test_colspan_header_over_two_year_columns() -> None:
    _, table = one_table(
        "<table>"
        "<tr><td></td><td colspan='5' align=center>Three Months Ended<br>September 30,</td></tr>"
        "<tr><td></td><td colspan=2>2003</td><td>&nbsp;</td><td colspan=2>2002</td></tr>"
        "<tr><td>Net sales</td><td>$</td><td>9,100</td><td></td><td>$</td><td>8,600</td></tr>"
        "<tr><td>Cost of sales</td><td></td><td>8,000</td><td></td><td></td><td>7,900</td></tr>"
        "</table>"
    )
    header = "Three Months Ended September 30,"
    assert grid(table) == [
        ["", header, header],
        ["", "2003", "2002"],
        ["Net sales", "$9,100", "$8,600"],
        ["Cost of sales", "8,000", "7,900"],
    ]
    first = table.rows[0]
    assert first[1] is first[2]
    assert first[1].colspan == 2
    assert all(c.is_header for c in table.rows[1][1:])


def test_rowspan_is_carried_down() -> None:
    doc, table = one_table(
        "<table><tr><td rowspan=2>Segment</td><td>Q1</td><td>Q2</td></tr>"
        "<tr><td>1</td><td>2</td></tr><tr><td>Total</td><td>3</td><td>4</td></tr></table>"
    )
    assert grid(table) == [["Segment", "Q1", "Q2"], ["Segment", "1", "2"], ["Total", "3", "4"]]
    assert table.rows[0][0].span == table.rows[1][0].span
    assert doc.text.count("Segment") == 1


def test_ragged_rows_are_padded() -> None:
    _, table = one_table(
        "<table><tr><td>a</td><td>1</td><td>2</td></tr><tr><td>b</td><td>3</td></tr></table>"
    )
    assert grid(table) == [["a", "1", "2"], ["b", "3", ""]]
    assert table.rows[1][2].span is None


def test_cell_paragraphs_and_footnote_marks_stay_on_one_line() -> None:
    doc, table = one_table(
        "<table><tr><td><p>Total net</p><p>revenue<sup>1</sup></p></td><td><div>35,021</div></td>"
        "<td>30,571</td></tr></table>"
    )
    assert grid(table) == [["Total net revenue 1", "35,021", "30,571"]]
    assert "Total net revenue 1 | 35,021 | 30,571" in doc.text


def test_layout_tables_become_blocks() -> None:
    doc = html_to_document(
        "t.htm",
        "<table><tr><td><table><tr><td>Sales</td><td>5</td></tr><tr><td>Costs</td><td>3</td></tr>"
        "</table></td></tr></table>"
        "<table><tr><td>\u2022</td><td>Revenue was $35.0 billion</td></tr></table>"
        "<table><tr><td>A one-cell table</td></tr></table>",
    )
    assert_spans_exact(doc)
    assert [grid(t) for t in doc.tables] == [[["Sales", "5"], ["Costs", "3"]]]
    texts = [doc.quote(b.span) for b in doc.blocks if b.kind == "paragraph"]
    assert "Revenue was $35.0 billion" in texts
    assert "A one-cell table" in texts


def test_hidden_rows_and_huge_spans_are_bounded() -> None:
    _, table = one_table(
        "<table><tr style='display:none'><td>hidden</td><td>9</td></tr>"
        "<tr><td colspan='100000' rowspan='100000'>Title</td></tr><tr><td>a</td><td>1</td></tr></table>"
    )
    assert len(table.rows[0]) <= 100
    assert "hidden" not in [c.text for row in table.rows for c in row]


def test_hidden_styles_in_any_spelling() -> None:
    doc = html_to_document(
        "t.htm",
        "<p>shown</p><div style='dis&#112;lay:none'>gone</div><div style='DISPLAY : NONE'>gone</div>"
        "<span style='Visibility:Hidden'>gone</span><div style='display:n&#111;ne'>gone</div>"
        "<div style='display:block'>kept</div>",
    )
    assert doc.text == "shown\n\nkept"


def test_hidden_cells_and_rows_are_left_out() -> None:
    _, table = one_table(
        "<table><tr><td>a</td><td style='display:none'>x</td><td>1</td></tr>"
        "<tr style='display:none'><td>h</td><td>9</td></tr>"
        "<tr><td>b</td><td><span style='display:none'>x</span>2</td></tr></table>"
    )
    assert grid(table) == [["a", "1"], ["b", "2"]]


def test_cell_text_reads_as_the_walk_on_one_line() -> None:
    _, table = one_table(
        "<table><tr><td><div>a<br>b</div></td><td>1<sup>st</sup></td><td><p>x</p>y</td>"
        "<td>z<sup>(1)</sup></td></tr><tr><td><font>a</font><font>b</font></td>"
        "<td><script>s()</script>t</td><td><div><font>4</font><br></div></td><td>&nbsp;<p>&nbsp;</p></td></tr>"
        "</table>"
    )
    assert grid(table) == [["a b", "1st", "x y", "z (1)"], ["ab", "t", "4", ""]]


def test_blank_rows_change_nothing_with_or_without_rowspans() -> None:
    _, table = one_table(
        "<table><tr><td>a</td><td>1</td></tr><tr><td colspan=9>&nbsp;</td></tr>"
        "<tr><td>b</td><td>2</td></tr></table>"
    )
    assert grid(table) == [["a", "1"], ["b", "2"]]
    _, table = one_table(
        "<table><tr><td rowspan=3>a</td><td>1</td></tr><tr><td>&nbsp;</td></tr><tr><td>3</td></tr>"
        "<tr><td>b</td><td>4</td></tr></table>"
    )
    assert grid(table) == [["a", "1"], ["a", ""], ["a", "3"], ["b", "4"]]


def test_given_utf8_bytes_give_the_same_document() -> None:
    html = "<p>caf\u00e9 \u2014 \u201cq\u201d</p><table><tr><td>Sales</td><td>$</td><td>1</td></tr></table>"
    assert html_to_document("t.htm", html, utf8=html.encode()) == html_to_document("t.htm", html)


# --------------------------------------------------------------------------- robustness


def test_ten_thousand_nested_divs() -> None:
    started = time.perf_counter()
    doc = html_to_document("t.htm", "<div>" * 10_000 + "deep text" + "</div>" * 10_000 + "<p>after</p>")
    assert time.perf_counter() - started < 2
    assert "deep text" in doc.text
    assert doc.text.endswith("after")


def test_deeply_nested_tables_and_unclosed_fonts() -> None:
    doc = html_to_document("t.htm", "<table><tr><td>" * 3000 + "core" + "<font>x " * 5000 + "<p>end</p>")
    assert "core" in doc.text
    assert doc.text.endswith("end")


def test_large_table_is_linear() -> None:
    row = "<tr><td>Item</td><td>$</td><td>1,234</td><td>(5</td><td>)</td></tr>\n"
    html = "<table>" + row * 20_000 + "</table>"
    started = time.perf_counter()
    doc = html_to_document("t.htm", html)
    assert time.perf_counter() - started < 5
    (table,) = doc.tables
    assert len(table.rows) == 20_000
    assert grid(table)[-1] == ["Item", "$1,234", "(5)"]
    assert doc.quote(table.rows[-1][2].span) == "(5)"  # type: ignore[arg-type]


# --------------------------------------------------------------------------- corpus


def corpus_html() -> list[Path]:
    return sorted(CORPUS.glob("*.htm")) if CORPUS.is_dir() else []


@needs_corpus
def test_microsoft_income_statement() -> None:
    (doc,) = load_documents(CORPUS / "microsoft-2020-q3.htm")
    rows = [[c.text for c in row] for t in doc.tables for row in t.rows]
    revenue = [r for r in rows if r[0].startswith("Revenue") and "35,021" in r]
    assert revenue or [r for r in rows if r[0] == "Total revenue" and "35,021" in r]
    total = next(r for r in rows if r[0] == "Total revenue")
    assert total == ["Total revenue", "35,021", "30,571", "104,982", "92,126"]
    assert "We\u2019ve seen two years\u2019 worth" in doc.text


@needs_corpus
def test_apple_2004_old_html_grid() -> None:
    doc = load_documents(CORPUS / "apple-2004-q3.txt")[0]
    rows = [[c.text for c in row] for t in doc.tables for row in t.rows]
    assert ["Net sales", "$2,014", "$1,545", "$5,929", "$4,492"] in rows
    assert ["Operating income (loss)", "72", "9", "198", "(32)"] in rows
    assert ["Restructuring costs", "8", "(8)(a)", "", "\u2014"] in rows or any(
        r[:3] == ["Restructuring costs", "8", "(8)(a)"] for r in rows
    )


@needs_corpus
@pytest.mark.parametrize("path", corpus_html(), ids=lambda p: p.name)
def test_corpus_cell_spans_are_exact(path: Path) -> None:
    (doc,) = load_documents(path)
    assert doc.tables
    assert_spans_exact(doc)
    for table in doc.tables:
        assert table.span.covers(table.rows[0][0].span or table.span)
        if table.context is not None:
            assert table.context.end <= table.span.start
    for block in doc.blocks:
        assert doc.quote(block.span).strip()
