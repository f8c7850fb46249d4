"""The pipeline's own choices: where metric names and cues are looked for."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressfacts import cues
from pressfacts.context import find_release_date, infer_calendar
from pressfacts.document import build_documents
from pressfacts.mentions import find_mentions
from pressfacts.metrics import find_metric_phrases
from pressfacts.models import Span
from pressfacts.periods import Calendar, PeriodRef, find_period_refs
from pressfacts.pipeline import NEAR_REACH, extract_text, near_figures, prose_regions, read_prose
from pressfacts.prose import ProseTokens, Reader
from pressfacts.sentences import split_sentences
from tests.corpus import require_corpus


def test_near_figures_takes_the_sentence_before_and_leaves_far_prose() -> None:
    far = "The company was founded long ago in a town by a river. " * 12
    text = "Orders were strong. Net income was $5.2 million. " + far + "It hired staff."
    region = [Span(0, len(text))]
    sentences = split_sentences(text, region[0])
    near = near_figures(text, region, sentences, find_mentions(text, region))
    figure_end = text.index("million.") + len("million.")
    assert near == [Span(0, figure_end + NEAR_REACH)]
    assert near[0].end < text.index("It hired")


def test_near_figures_stays_inside_the_regions() -> None:
    text = "Sales were $3 million. | table | Net loss was $1 million. Nothing else."
    regions = [Span(0, 22), Span(text.index("Net"), len(text))]
    sentences = [s for r in regions for s in split_sentences(text, r)]
    near = near_figures(text, regions, sentences, find_mentions(text, regions))
    assert near == regions


def read_everywhere(text: str, regions: list[Span], refs: list[PeriodRef], calendar: Calendar) -> Reader:
    """The reader given metric names and cues from all the prose, not only near figures."""
    tokens = ProseTokens(
        mentions=find_mentions(text, regions),
        phrases=find_metric_phrases(text, regions),
        refs=refs,
        qualifiers=cues.find_qualifiers(text, regions),
        compares=cues.find_compare_markers(text, regions),
    )
    reader = Reader(text, tokens, calendar, running=calendar.current)
    for sentence in [s for r in regions for s in split_sentences(text, r)]:
        reader.read(sentence)
    return reader


@pytest.mark.parametrize("as_text", [False, True], ids=["as filed", "html as plain text"])
def test_reading_near_figures_loses_nothing_on_the_corpus(as_text: bool) -> None:
    for path in sorted((require_corpus() / "docs").iterdir()):
        for document in build_documents(path.read_bytes(), path.name):
            if as_text:
                document = build_documents(document.text.encode(), path.stem + ".txt")[0]
            regions = prose_regions(document)
            refs = find_period_refs(document.text, regions)
            calendar = infer_calendar(refs, find_release_date(document.text, document.meta))
            near = read_prose(document, calendar, refs, regions)
            everywhere = read_everywhere(document.text, regions, refs, calendar)
            assert near.facts == everywhere.facts, path.name
            assert (near.parts, near.comparisons) == (everywhere.parts, everywhere.comparisons), path.name


def test_a_sentence_without_figures_lends_its_metric_to_the_next() -> None:
    """ "This compares to ..." takes the metric of the sentence before, however long that one is."""
    padding = "in a year when the company opened new plants, hired staff and won new customers " * 4
    text = (
        "XYZ Corp. reported net income of $2.0 million for the fourth quarter of 2003. "
        f"The board met {padding}to review its plans. "
        f"Net income grew strongly {padding}across its markets. "
        "This compares to $1.5 million for the fourth quarter of 2002."
    )
    facts = [
        (f.metric, f.value, f.period.label) for f in extract_text(text, checks=False, statements=False).facts
    ]
    assert ("net_income", Decimal("1.5E+6"), "Q4 FY2002") in facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "XYZ Corp. reported a net loss of $4.9 million for fiscal 2024. Basic and diluted loss per share "
            "improved from $(1.80) to $(0.42).",
            {
                ("eps_basic", "-0.42"),
                ("eps_diluted", "-0.42"),
                ("eps_basic", "-1.80"),
                ("eps_diluted", "-1.80"),
            },
        ),
        (
            "XYZ Corp. reported net income of $5.0 million, or $0.23 per basic and diluted share, for fiscal 2024.",
            {("eps_basic", "0.23"), ("eps_diluted", "0.23")},
        ),
        (
            "XYZ Corp. reported net income of $5.0 million, or $0.24 and $0.23 per basic and diluted share, "
            "respectively, for fiscal 2024.",
            {("eps", "0.23")},
        ),
    ],
    ids=["phrase before", "share after", "respectively"],
)
def test_a_figure_for_basic_and_diluted_eps_is_a_fact_of_each(
    text: str, expected: set[tuple[str, str]]
) -> None:
    facts = extract_text(text, checks=False, statements=False).facts
    assert {(f.metric, str(f.value)) for f in facts if f.metric.startswith("eps")} == expected


SOUP = [
    "Net",
    "income",
    "net",
    "loss",
    "revenue",
    "revenues",
    "sales",
    "operating",
    "income",
    "earnings",
    "per",
    "share",
    "diluted",
    "basic",
    "and",
    "EPS",
    "adjusted",
    "non-GAAP",
    "excluding",
    "before",
    "charges",
    "of",
    "$1.2",
    "million",
    "$(0.42)",
    "(0.26)",
    "12%",
    "2003",
    "1998",
    "3Q",
    "Q4",
    "the",
    "prior",
    "quarter",
    "previous",
    "quarter",
    "fourth",
    "quarter",
    "fiscal",
    "year",
    "ended",
    "September",
    "30,",
    "2003",
    "compared",
    "to",
    "versus",
    "from",
    "up",
    "down",
    "increase",
    "decrease",
    "approximately",
    "more",
    "than",
    "included",
    "respectively",
    "a",
    "year",
    "ago",
    ".",
    ",",
    ";",
    "\n",
    "\n\n",
    "•",
    "|",
    "ſ",
    "İ",
    "K",
    "\t",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SOUP), max_size=80))
def test_any_soup_of_release_words_extracts_without_error(words: list[str]) -> None:
    """Every stage on text made of the words the rules look for: no error, and every fact quotes its span."""
    text = " ".join(words)
    release = extract_text(text)
    for fact in [*release.facts, *release.unconfirmed]:
        assert 0 <= fact.span.start <= fact.span.end <= len(text)
        assert fact.metric in {
            "revenue",
            "net_income",
            "operating_income",
            "eps",
            "eps_basic",
            "eps_diluted",
        } or (fact.source == "table")
