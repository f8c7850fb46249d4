"""read.py and document.py: bytes to text, format detection, refusing bad input.

Examples are hand-written; the corpus checks use /work/shared/corpus (skipped without it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pressfacts.document import build_documents, load_documents, text_document
from pressfacts.errors import InputError
from pressfacts.read import decode, decode_keeping_utf8, detect_format, read_source

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "docs"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")


# --------------------------------------------------------------------------- read_source


def test_read_source_returns_bytes(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"ACME reports")
    assert read_source(path) == b"ACME reports"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_bytes(b"x" * 101), "over the limit"),
    ],
    ids=["missing", "directory", "empty", "too-large"],
)
def test_read_source_refuses(tmp_path: Path, setup, message: str) -> None:
    path = tmp_path / "input"
    setup(path)
    with pytest.raises(InputError, match=message):
        read_source(path, max_bytes=100)


def test_size_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.htm"
    path.write_bytes(b"x" * 1000)

    def fail(self: Path) -> bytes:
        raise AssertionError("read before the size check")

    monkeypatch.setattr(Path, "read_bytes", fail)
    with pytest.raises(InputError, match="over the limit"):
        read_source(path, max_bytes=999)


# --------------------------------------------------------------------------- decode


def test_decode_cp1252_quotes() -> None:
    assert decode(b"\x93quoted\x94 \x96 dash") == "\u201cquoted\u201d \u2013 dash"


def test_decode_utf8_and_bom() -> None:
    assert decode("\ufeffNet income \u2014 $5".encode()) == "Net income \u2014 $5"


def test_decode_latin1_fallback() -> None:
    # 0x81 is undefined in cp1252, so only latin-1 decodes it.
    assert decode(b"caf\xe9 \x81") == "caf\xe9 \x81"


def test_decode_c1_controls_read_as_cp1252() -> None:
    # A UTF-8 file holding U+0092 (cp1252's right quote, mis-converted) as seen in the corpus.
    assert decode("We\u0092ve".encode()) == "We\u2019ve"


def test_decode_normalises_line_endings() -> None:
    text = decode(b"line one\r\nline two\rline three\n")
    assert text == "line one\nline two\nline three\n"
    assert text.index("line three") == 18


def test_crlf_offsets_point_into_normalised_text() -> None:
    doc = build_documents(b"Revenue rose.\r\n\r\nNet income fell.\r\n", "r.txt")[0]
    assert [doc.quote(b.span) for b in doc.blocks] == ["Revenue rose.", "Net income fell."]


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\x00\x01\x02binary", bytes(range(1, 32)) * 20, b"PK\x03\x04" + b"\x00" * 50],
    ids=["nul", "controls", "zip"],
)
def test_decode_refuses_binary(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        decode(data)


@pytest.mark.parametrize(
    "data",
    [
        b"plain ascii",
        "\ufeffNet income \u2014 $5".encode(),
        b"line one\r\nline two\rthree",
        "We\u0092ve \u0080\u0081".encode(),
    ],
    ids=["ascii", "bom", "crlf", "c1"],
)
def test_decode_keeping_utf8_gives_the_text_encoded(data: bytes) -> None:
    text, utf8 = decode_keeping_utf8(data)
    assert text == decode(data)
    assert utf8 == text.encode()


@pytest.mark.parametrize("data", [b"\x93cp1252\x94", b"caf\xe9 \x81", "utf16".encode("utf-16")])
def test_decode_keeping_utf8_gives_no_bytes_for_other_encodings(data: bytes) -> None:
    assert decode_keeping_utf8(data) == (decode(data), None)


def test_decode_accepts_tabs_and_form_feeds() -> None:
    assert decode(b"a\tb\x0cc") == "a\tb\x0cc"


# --------------------------------------------------------------------------- detect_format


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<SEC-DOCUMENT>0001.txt\n<SEC-HEADER>\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K", "submission"),
        ("-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n\n<SEC-HEADER>x", "submission"),
        ("<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nACME reports", "submission"),
        ("<html><body><document>\n<type>EX-99.1\n<text>\n<p>Hi</p>", "html"),
        ("<HTML><BODY><P>Revenue</P>", "html"),
        ("<div style='x'>ACME</div>", "html"),
        ("ACME CORP\n\nRevenue rose 5% to $10 million.", "text"),
        ("<PAGE>\n<TABLE>\n<S>      <C>\nSales     $1,000\n</TABLE>", "text"),
    ],
)
def test_detect_format(text: str, expected: str) -> None:
    assert detect_format(text) == expected


# --------------------------------------------------------------------------- documents


def test_text_document_blanks_sgml_table_markup_keeping_columns() -> None:
    text = "<TABLE>\n<S>                 <C>        <C>\nSales               1,200      1,000\n</TABLE>\n"
    doc = text_document("t.txt", text)
    assert len(doc.text) == len(text)
    assert "<S>" not in doc.text
    assert doc.text.index("1,200") == text.index("1,200")


def test_build_documents_text_and_html() -> None:
    (text,) = build_documents(b"ACME\n\nRevenue rose.", "a.txt")
    assert text.format == "text"
    assert [text.quote(b.span) for b in text.blocks] == ["ACME", "Revenue rose."]
    (html,) = build_documents(b"<html><body><p>Revenue rose.</p></body></html>", "a.htm")
    assert html.format == "html"
    assert html.text == "Revenue rose."


def test_submission_without_release_exhibit_gives_nothing() -> None:
    data = b"<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nx\n</TEXT>\n</DOCUMENT>\n"
    assert build_documents(data, "s.txt") == []


def test_load_documents_names_after_file(tmp_path: Path) -> None:
    path = tmp_path / "acme-2004-q1.txt"
    path.write_bytes(b"ACME reports")
    (doc,) = load_documents(path)
    assert doc.name == "acme-2004-q1.txt"


def test_load_documents_refuses_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    with pytest.raises(InputError):
        load_documents(path)


@needs_corpus
def test_every_corpus_file_loads() -> None:
    for path in sorted(CORPUS.iterdir()):
        docs = load_documents(path)
        assert docs, path.name
        for doc in docs:
            assert doc.text.strip(), path.name
            for block in doc.blocks:
                assert doc.quote(block.span).strip() == doc.quote(block.span), path.name
