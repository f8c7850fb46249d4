"""EDGAR submission files: the SGML header, the documents, and the release exhibits among them.

A submission (`0000950123-04-001234.txt`) is an SGML envelope: a `<SEC-HEADER>` of
"KEY: value" lines (or, in the older PDS style, `<SUBMISSION>` with one `<TAG>value` per
line), then one `<DOCUMENT>` per file of the filing, each with `<TYPE>`, `<SEQUENCE>`,
`<FILENAME>`, `<DESCRIPTION>` and its body between `<TEXT>` and `</TEXT>`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# "KEY:<tabs>value" lines of the <SEC-HEADER> text style; the first occurrence of a key wins
# (a filing with several filers lists the subject company first).
_HEADER_LINE = re.compile(r"^[ \t]*([A-Z][A-Z0-9 /&.-]{0,60}):([^\n]*)", re.MULTILINE)
# "<TAG>value" lines: the PDS <SUBMISSION> style and the fields at the top of a <DOCUMENT>.
_TAG_LINE = re.compile(r"^<([A-Z][A-Z0-9-]{0,40})>([^\n<]*)$", re.MULTILINE)
# A release exhibit: EX-99, EX-99.1, EX-99.01, EX-99.A ... (not EX-990 or EX-991).
_RELEASE_TYPE = re.compile(r"EX-99(?:\.\(?[0-9A-Z]{1,4}\)?|\([0-9A-Z]{1,4}\))?", re.IGNORECASE)

_TEXT_KEYS = {
    "COMPANY CONFORMED NAME": "company",
    "CENTRAL INDEX KEY": "cik",
    "CONFORMED SUBMISSION TYPE": "form_type",
    "FILED AS OF DATE": "filed",
    "CONFORMED PERIOD OF REPORT": "period_of_report",
}
_TAG_KEYS = {
    "CONFORMED-NAME": "company",
    "CIK": "cik",
    "TYPE": "form_type",
    "FILING-DATE": "filed",
    "PERIOD": "period_of_report",
}


@dataclass(frozen=True, slots=True)
class SubmissionHeader:
    company: str | None = None
    cik: str | None = None
    form_type: str | None = None
    filed: dt.date | None = None
    period_of_report: dt.date | None = None


@dataclass(frozen=True, slots=True)
class EdgarDocument:
    """One `<DOCUMENT>` of a submission; `body_start` is the offset of `body` in the file text."""

    type: str
    sequence: str | None
    filename: str | None
    description: str | None
    body: str
    body_start: int


@dataclass(frozen=True, slots=True)
class Submission:
    header: SubmissionHeader
    documents: tuple[EdgarDocument, ...]


def parse_submission(text: str) -> Submission:
    """Read the header fields and every document of a submission file's text.

    >>> sub = parse_submission(
    ...     "<SEC-HEADER>\\nCOMPANY CONFORMED NAME:\\tACME CORP\\nFILED AS OF DATE:\\t20040714\\n"
    ...     "</SEC-HEADER>\\n<DOCUMENT>\\n<TYPE>EX-99.1\\n<TEXT>\\nACME reports.\\n</TEXT>\\n</DOCUMENT>"
    ... )
    >>> sub.header.company, sub.header.filed, sub.documents[0].type, sub.documents[0].body
    ('ACME CORP', datetime.date(2004, 7, 14), 'EX-99.1', 'ACME reports.\\n')
    """
    first_doc = text.find("<DOCUMENT>")
    head = text[: first_doc if first_doc >= 0 else len(text)]
    return Submission(_parse_header(head), tuple(_documents(text, max(first_doc, 0))))


def release_exhibits(submission: Submission) -> list[EdgarDocument]:
    """The press-release exhibits (EX-99, EX-99.1, EX-99.01, ...) in filing order; may be empty."""
    return [d for d in submission.documents if is_release_type(d.type)]


def is_release_type(doc_type: str) -> bool:
    """
    >>> [is_release_type(t) for t in ("EX-99", "EX-99.1", "ex-99.01", "EX-99.A", "EX-991", "8-K")]
    [True, True, True, True, False, False]
    """
    return _RELEASE_TYPE.fullmatch(doc_type.strip()) is not None


def _parse_header(head: str) -> SubmissionHeader:
    fields: dict[str, str] = {}
    for match in _HEADER_LINE.finditer(head):
        _keep_first(fields, _TEXT_KEYS.get(match.group(1).strip()), match.group(2))
    for match in _TAG_LINE.finditer(head):
        _keep_first(fields, _TAG_KEYS.get(match.group(1)), match.group(2))
    return SubmissionHeader(
        company=fields.get("company"),
        cik=fields.get("cik"),
        form_type=fields.get("form_type"),
        filed=_date(fields.get("filed")),
        period_of_report=_date(fields.get("period_of_report")),
    )


def _keep_first(fields: dict[str, str], key: str | None, value: str) -> None:
    value = value.strip()
    if key is not None and value and key not in fields:
        fields[key] = value


def _date(value: str | None) -> dt.date | None:
    """EDGAR writes dates as YYYYMMDD."""
    if value is None or len(value) != 8 or not value.isdigit():
        return None
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        return None


def _documents(text: str, pos: int) -> list[EdgarDocument]:
    docs: list[EdgarDocument] = []
    while True:
        start = text.find("<DOCUMENT>", pos)
        if start < 0:
            return docs
        end = text.find("</DOCUMENT>", start)
        end = len(text) if end < 0 else end
        docs.append(_document(text, start + len("<DOCUMENT>"), end))
        pos = end


def _document(text: str, start: int, end: int) -> EdgarDocument:
    body_tag = text.find("<TEXT>", start, end)
    fields_end = body_tag if body_tag >= 0 else end
    fields: dict[str, str] = {}
    for match in _TAG_LINE.finditer(text, start, fields_end):
        fields.setdefault(match.group(1), match.group(2).strip())
    if body_tag < 0:
        body_start = body_end = fields_end
    else:
        body_start = body_tag + len("<TEXT>")
        if text.startswith("\n", body_start):
            body_start += 1
        close = text.rfind("</TEXT>", body_start, end)
        body_end = close if close >= 0 else end
    return EdgarDocument(
        type=fields.get("TYPE", ""),
        sequence=fields.get("SEQUENCE"),
        filename=fields.get("FILENAME"),
        description=fields.get("DESCRIPTION"),
        body=text[body_start:body_end],
        body_start=body_start,
    )
