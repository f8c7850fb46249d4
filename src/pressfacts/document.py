"""Bytes of a release file -> Documents: decode, detect the format, parse what is inside.

A plain-text or HTML file gives one Document. An EDGAR submission gives one Document per
release exhibit (EX-99, EX-99.1, ... in filing order), its body parsed as HTML or text and
its `meta` filled from the submission header; a submission without one gives none.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from pressfacts.ascii_tables import find_ascii_tables
from pressfacts.collapsed_tables import find_collapsed_tables
from pressfacts.edgar import parse_submission, release_exhibits
from pressfacts.html import html_to_document
from pressfacts.models import Block, Document, DocumentMeta, Span, Table
from pressfacts.read import DEFAULT_MAX_BYTES, decode_keeping_utf8, detect_format, read_source

# Markup of old EDGAR text filings: page breaks, and <TABLE>/<CAPTION>/<S>/<C>/<FN> around
# fixed-width tables. Blanked with spaces of the same length so that columns stay aligned.
_TEXT_MARKUP = re.compile(r"</?(?:PAGE|TABLE|CAPTION|S|C|FN|F\d{1,2})>", re.IGNORECASE)
_NO_META = DocumentMeta()


def load_documents(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document]:
    """Read `path` and build its Documents, named after the file."""
    return build_documents(read_source(path, max_bytes), Path(path).name)


def build_documents(data: bytes, name: str) -> list[Document]:
    """Decode `data` and return its Documents ([] for a submission without a release exhibit)."""
    text, utf8 = decode_keeping_utf8(data)
    fmt = detect_format(text)
    if fmt == "submission":
        return _submission_documents(text, name)
    return [_body_document(name, text, _NO_META, utf8)]


def text_document(name: str, text: str, meta: DocumentMeta = _NO_META) -> Document:
    """A plain-text release: paragraphs split on blank lines, and its fixed-width tables."""
    if "<" in text:
        text = _TEXT_MARKUP.sub(lambda m: " " * len(m.group()), text)
    tables = find_ascii_tables(text)
    blocks = _blocks_around(text, tables)
    collapsed = find_collapsed_tables(text, start_index=len(tables))
    for table in collapsed:
        blocks = _carved(blocks, table.span, text)
    tables += collapsed
    return Document(name=name, text=text, format="text", blocks=blocks, tables=tuple(tables), meta=meta)


def _submission_documents(text: str, name: str) -> list[Document]:
    submission = parse_submission(text)
    header = submission.header
    docs: list[Document] = []
    for exhibit in release_exhibits(submission):
        meta = DocumentMeta(
            company=header.company,
            cik=header.cik,
            form_type=header.form_type,
            filed=header.filed,
            period_of_report=header.period_of_report,
            exhibit_type=exhibit.type,
            filename=exhibit.filename,
        )
        docs.append(_body_document(name, exhibit.body, meta))
    return docs


def _body_document(name: str, body: str, meta: DocumentMeta, utf8: bytes | None = None) -> Document:
    """`utf8`: the UTF-8 encoding of `body` when at hand."""
    if detect_format(body) == "html":
        return html_to_document(name, body, meta, utf8=utf8)
    return text_document(name, body, meta)


def _blocks_around(text: str, tables: list[Table]) -> tuple[Block, ...]:
    """Paragraphs (runs of non-blank lines) outside the tables, and a block per table."""
    blocks: list[Block] = []
    pos = 0  # the start of the first line below the last table
    for span in sorted((t.span for t in tables), key=lambda s: (s.start, s.end)):
        top = text.rfind("\n", 0, span.start) + 1  # the start of the table's first line
        blocks.extend(_paragraphs(text, pos, top))
        blocks.append(Block("table", span))
        bottom = text.find("\n", span.end - 1)  # the end of its last line
        pos = len(text) if bottom < 0 else bottom + 1
    blocks.extend(_paragraphs(text, pos, len(text)))
    return tuple(blocks)


# A paragraph: from the first word of a non-blank line to the last of the last line of the run.
_PARAGRAPH = re.compile(r"\S(?:[^\n]*\S)?(?:[^\S\n]*\n[^\S\n]*\S(?:[^\n]*\S)?)*")


def _paragraphs(text: str, start: int, end: int) -> list[Block]:
    return [Block("paragraph", Span(m.start(), m.end())) for m in _PARAGRAPH.finditer(text, start, end)]


def _carved(blocks: tuple[Block, ...], table: Span, text: str) -> tuple[Block, ...]:
    """A table found inside a paragraph's line: the prose before and after it stay paragraphs."""
    carved: list[Block] = [Block("table", table)]
    for block in blocks:
        if block.span.end <= table.start or block.span.start >= table.end:
            carved.append(block)
            continue
        for start, end in ((block.span.start, table.start), (table.end, block.span.end)):
            piece = text[start:end]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                carved.append(Block(block.kind, Span(start + lead, start + len(piece.rstrip()))))
    carved.sort(key=lambda b: b.span.start)
    return tuple(carved)
