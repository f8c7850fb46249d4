"""edgar.py: SGML headers and documents of EDGAR submission files, and the exhibit picked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pressfacts.document import load_documents
from pressfacts.edgar import is_release_type, parse_submission, release_exhibits

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "docs"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")

PDS_STYLE = """<SUBMISSION>
<ACCESSION-NUMBER>0000950123-01-000001
<TYPE>8-K
<PERIOD>20010131
<FILING-DATE>20010205
<FILER>
<COMPANY-DATA>
<CONFORMED-NAME>ACME CORP
<CIK>0000012345
</COMPANY-DATA>
</FILER>
<DOCUMENT>
<TYPE>EX-99.01
<SEQUENCE>2
<DESCRIPTION>PRESS RELEASE
<TEXT>
ACME reports
</TEXT>
</DOCUMENT>
</SUBMISSION>
"""


def test_pds_style_header() -> None:
    sub = parse_submission(PDS_STYLE)
    assert sub.header.company == "ACME CORP"
    assert sub.header.cik == "0000012345"
    assert sub.header.form_type == "8-K"
    assert sub.header.filed == dt.date(2001, 2, 5)
    assert sub.header.period_of_report == dt.date(2001, 1, 31)
    (doc,) = release_exhibits(sub)
    assert (doc.type, doc.sequence, doc.filename, doc.description) == ("EX-99.01", "2", None, "PRESS RELEASE")
    assert doc.body == "ACME reports\n"
    assert PDS_STYLE[doc.body_start :].startswith("ACME reports")


def test_document_without_text_tag_or_closing_tag() -> None:
    sub = parse_submission("<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\nbody runs to the end")
    assert sub.documents[0].body == "body runs to the end"


def test_bad_dates_are_none() -> None:
    sub = parse_submission("<SEC-HEADER>\nFILED AS OF DATE:\t20041399\n</SEC-HEADER>\n")
    assert sub.header.filed is None


@pytest.mark.parametrize("doc_type", ["EX-99", "EX-99.1", "EX-99.01", "ex-99.2", "EX-99.(A)"])
def test_release_types(doc_type: str) -> None:
    assert is_release_type(doc_type)


@pytest.mark.parametrize("doc_type", ["8-K", "EX-991", "EX-10.1", "EX-101.SCH", "GRAPHIC", ""])
def test_not_release_types(doc_type: str) -> None:
    assert not is_release_type(doc_type)


@needs_corpus
def test_apple_2004_header_and_exhibits() -> None:
    sub = parse_submission((CORPUS / "apple-2004-q3.txt").read_text(encoding="latin-1"))
    assert sub.header.company == "APPLE COMPUTER INC"
    assert sub.header.cik == "0000320193"
    assert sub.header.form_type == "8-K"
    assert sub.header.filed == dt.date(2004, 7, 14)
    assert sub.header.period_of_report == dt.date(2004, 7, 14)
    assert [d.type for d in sub.documents] == ["8-K", "EX-99.1", "EX-99.2"]
    assert [d.filename for d in release_exhibits(sub)] == ["a04-7804_1ex99d1.htm", "a04-7804_1ex99d2.htm"]


@needs_corpus
def test_sears_2004_text_exhibit() -> None:
    (doc,) = load_documents(CORPUS / "sears-2004-q2.txt")
    assert doc.format == "text"
    assert doc.meta.company == "SEARS ROEBUCK & CO"
    assert doc.meta.cik == "0000319256"
    assert doc.meta.form_type == "8-K"
    assert doc.meta.filed == dt.date(2004, 7, 22)
    assert doc.meta.period_of_report == dt.date(2004, 7, 22)
    assert (doc.meta.exhibit_type, doc.meta.filename) == ("EX-99", "e18506ex_99.txt")
    assert "Sears Reports Second Quarter 2004 Results" in doc.text
    assert "<SEC-HEADER>" not in doc.text
    assert len(doc.tables) >= 8


@needs_corpus
@pytest.mark.parametrize("name", ["apple-2011-q1.txt", "apple-2024-q1.txt", "abvc-2024-fy.txt"])
def test_html_exhibits_of_submissions(name: str) -> None:
    docs = load_documents(CORPUS / name)
    assert docs[0].format == "html"
    assert docs[0].meta.exhibit_type == "EX-99.1"
    assert docs[0].meta.company
    assert docs[0].tables
