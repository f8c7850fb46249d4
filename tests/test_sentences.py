"""sentences.py: sentence spans in release prose, abbreviations kept whole.

Where the examples come from: SENTENCES quote releases of the shared corpus
(/work/shared/corpus/docs), named in `source` and checked by
`test_examples_are_quoted_from_the_corpus` (skipped without the corpus); source None marks a
hand-written case. Each expected split was made by hand, reading the text.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressfacts.models import Span
from pressfacts.sentences import BOUNDARY_RE, WORD_BEFORE_BACKWARDS, first_sentence, split_sentences
from tests.corpus import require_corpus

SENTENCES: list[tuple[str | None, str, list[str]]] = [
    # Abbreviations and initials before a capital or a digit do not end a sentence.
    (
        "iec-2003-q4.txt",
        "Press Release issued by IEC Electronics Corp. dated October 28, 2003",
        ["Press Release issued by IEC Electronics Corp. dated October 28, 2003"],
    ),
    (
        "dillard-s-2002-opening.txt",
        "Dillard's, Inc. Reports Record Fourth Quarter",
        ["Dillard's, Inc. Reports Record Fourth Quarter"],
    ),
    (
        "healthextras-2005-opening.txt",
        "ROCKVILLE, MD, January 26, 2005 — HealthExtras, Inc. (NASDAQ: HLEX), a pharmacy benefit management company,",
        [
            "ROCKVILLE, MD, January 26, 2005 — HealthExtras, Inc. (NASDAQ: HLEX), a pharmacy benefit management company,"
        ],
    ),
    (
        "texaco-1997-opening.txt",
        "WHITE PLAINS, N.Y., Jan. 23 - Texaco announced today total net income of $2.0 billion",
        ["WHITE PLAINS, N.Y., Jan. 23 - Texaco announced today total net income of $2.0 billion"],
    ),
    (
        "southwestern-public-service-1996-opening.txt",
        "for the fiscal year ended Aug. 31, 1996, earnings of $2.52 per share",
        ["for the fiscal year ended Aug. 31, 1996, earnings of $2.52 per share"],
    ),
    (
        "usx-1998-opening.txt",
        "USX-U. S. Steel Group (NYSE: X) reported third quarter 1998 adjusted net income of $58 million, "
        "or 63 cents per diluted share, on revenues of $1.5 billion. Third quarter 1997 adjusted net income "
        "was $100 million,",
        [
            "USX-U. S. Steel Group (NYSE: X) reported third quarter 1998 adjusted net income of $58 million, "
            "or 63 cents per diluted share, on revenues of $1.5 billion.",
            "Third quarter 1997 adjusted net income was $100 million,",
        ],
    ),
    (
        "group-1-software-2003-opening.txt",
        "were $0.13 vs. $0.07 the prior year, despite a substantially higher dilute",
        ["were $0.13 vs. $0.07 the prior year, despite a substantially higher dilute"],
    ),
    (
        "w-r-grace-1995-opening.txt",
        "W. R. Grace & Co. (NYSE:GRA) reported net operating earnings of 64 cents per share",
        ["W. R. Grace & Co. (NYSE:GRA) reported net operating earnings of 64 cents per share"],
    ),
    # Real sentence ends: before a capital, a "$" and an opening quote; "Mr." stays whole.
    (
        "iec-2003-q4.txt",
        "on revenue of $9.1 million for the\nfourth quarter. This compares to a net income of $1.9 million or "
        "$0.24 per share\non revenue of $8.6 million for the same quarter a year ago. $1.7 million of last",
        [
            "on revenue of $9.1 million for the\nfourth quarter.",
            "This compares to a net income of $1.9 million or $0.24 per share\n"
            "on revenue of $8.6 million for the same quarter a year ago.",
            "$1.7 million of last",
        ],
    ),
    (
        "iec-2003-q4.txt",
        "Chairman W. Barry Gilbert said,  \"We are pleased with this year's  results.\nOur earnings from",
        ["Chairman W. Barry Gilbert said,  \"We are pleased with this year's  results.", "Our earnings from"],
    ),
    (
        "dynasil-2004-opening.txt",
        'as we had hoped. We will maintain tight controls over expenses until demand improves," added Mr. Kane. '
        "About Dynasil: Founded in 1960,",
        [
            "as we had hoped.",
            'We will maintain tight controls over expenses until demand improves," added Mr. Kane.',
            "About Dynasil: Founded in 1960,",
        ],
    ),
    (
        "dynasil-2004-opening.txt",
        'said John Kane, President and CEO of Dynasil Corporation. "The new optical glasses',
        ["said John Kane, President and CEO of Dynasil Corporation.", '"The new optical glasses'],
    ),
    # A blank line always ends a sentence, and so does a bullet.
    (
        "dillard-s-2002-opening.txt",
        "Dillard's, Inc. Reports Record Fourth Quarter\n\nEarnings per Share of $1.21",
        ["Dillard's, Inc. Reports Record Fourth Quarter", "Earnings per Share of $1.21"],
    ),
    (
        "healthextras-2005-opening.txt",
        "Fourth Quarter Highlights\n|•\n|Net income was $4.5 million or $.13 per share ($.12 fully diluted), "
        "a 33% increase over comparable fourth quarter 2003 earnings of $3.4 million or $.10 per share "
        "($.09 fully diluted).\n|•\n|Revenues totaled $153.4 million,",
        [
            "Fourth Quarter Highlights",
            "Net income was $4.5 million or $.13 per share ($.12 fully diluted), a 33% increase over "
            "comparable fourth quarter 2003 earnings of $3.4 million or $.10 per share ($.09 fully diluted).",
            "Revenues totaled $153.4 million,",
        ],
    ),
    # Hand-written: a digit after a full stop, "!" and "?", an abbreviation before a "$".
    (
        None,
        "Sales rose 5%. 2004 operating income was $25.0 million.",
        ["Sales rose 5%.", "2004 operating income was $25.0 million."],
    ),
    (None, "It grew! Did profit fall? No.", ["It grew!", "Did profit fall?", "No."]),
    (
        None,
        "Net income was approx. $5 million. Sales rose.",
        ["Net income was approx. $5 million.", "Sales rose."],
    ),
]


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def _case_id(text: str) -> str:
    return text[:40].replace("\n", " ")


@pytest.mark.parametrize(("source", "text", "expected"), SENTENCES, ids=[_case_id(s[1]) for s in SENTENCES])
def test_sentences(source: str | None, text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_split_inside_a_span_only() -> None:
    text = "Header. Sales rose. Net income fell. Footer."
    region = Span(8, 36)  # "Sales rose. Net income fell."
    assert [text[s.start : s.end] for s in split_sentences(text, region)] == [
        "Sales rose.",
        "Net income fell.",
    ]


# A closing quote after the full stop belongs to neither sentence: the boundary match eats it
# and the sentence ends at the stop. iec-2003-q4.txt: '... outstanding potential."\n\n'.
@pytest.mark.xfail(strict=True, reason="a closing quote after a full stop is left out of every sentence")
def test_closing_quote_stays_with_its_sentence() -> None:
    text = 'He said, "Sales rose." Net income fell.'
    assert _sentences(text) == ['He said, "Sales rose."', "Net income fell."]


QUOTED = [(s, t) for s, t, _ in SENTENCES if s]


@pytest.mark.parametrize(("source", "text"), QUOTED, ids=[_case_id(t) for _, t in QUOTED])
def test_examples_are_quoted_from_the_corpus(source: str, text: str) -> None:
    raw = (require_corpus() / "docs" / source).read_bytes().decode("utf-8", errors="replace")
    assert text in raw


@given(st.text(), st.data())
def test_spans_are_ordered_trimmed_and_inside_the_region(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=len(text)))
    spans = split_sentences(text, Span(start, end))
    previous_end = start
    for span in spans:
        assert previous_end <= span.start < span.end <= end
        sentence = text[span.start : span.end]
        assert sentence == sentence.strip()
        previous_end = span.end


@given(st.text(alphabet='aBc. \n"', max_size=80), st.data())
def test_the_first_sentence_is_the_first_of_the_split(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=len(text)))
    spans = split_sentences(text, Span(start, end))
    assert first_sentence(text, Span(start, end)) == (spans[0] if spans else None)


# The boundary pattern as first written (one bullet alternative with optional blanks before it).
PLAIN_BOUNDARY_RE = re.compile(
    r"[.!?][\"'”’)]{0,2}\s{1,20}(?=[\"“'‘(]?[A-Z0-9$])|\n[ \t]*\n\s{0,40}|[ \t]{0,3}[•·|][ \t]{0,3}"
)


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "B", ".", "!", ")", '"', " ", "\t", "\n", "•", "·", "|", "$", "7"]), max_size=40
    )
)
def test_boundaries_are_those_of_the_plain_pattern(chars: list[str]) -> None:
    text = "".join(chars)
    assert [m.span() for m in BOUNDARY_RE.finditer(text)] == [
        m.span() for m in PLAIN_BOUNDARY_RE.finditer(text)
    ]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["U", "S", ".", "a", "Inc", "Corp", " ", "7", "-", "ſ", "vs"]), max_size=16))
def test_word_before_a_stop_read_backwards_is_the_forward_one(chars: list[str]) -> None:
    text = "".join(chars) + "."
    dot = len(text) - 1
    forwards = re.search(r"([A-Za-z][A-Za-z.]{0,10})\.$", text[max(0, dot - 12) : dot + 1])
    backwards = WORD_BEFORE_BACKWARDS.match(text[max(0, dot - 12) : dot + 1][::-1])
    assert (backwards.group(1)[::-1] if backwards else None) == (forwards.group(1) if forwards else None)
