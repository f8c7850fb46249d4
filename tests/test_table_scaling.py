"""The table stage on tables far larger than releases hold, and the shortcuts that keep it fast."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from pressfacts.models import ReleaseContext
from pressfacts.tables import table_facts
from pressfacts.tables.basis import _GAAP, _MARK_WORDS, _NON_GAAP, may_match
from pressfacts.tables.dedupe import MAX_LISTED
from pressfacts.tables.grid import Row, Segment
from pressfacts.tables.labels import _ANY_HEADLINE, _HEADLINES, read_label
from pressfacts.tables.scale import _SCALE_WORDS, _SCALES
from pressfacts.tables.sections import MAX_DEPTH, sole_items
from tests.test_table_facts import GridCell, document

HEADER: list[GridCell] = ["", "Three Months Ended March 31, 2020", "Three Months Ended March 31, 2019"]
BUDGET = 20.0  # seconds; the stage takes well under one here, and a quadratic step minutes


def test_many_distinct_rows_stay_linear() -> None:
    rows: list[list[GridCell]] = [HEADER]
    rows += [["Segment revenue", f"{7 * i + 3:,}", f"{5 * i + 1:,}"] for i in range(3000)]
    start = time.perf_counter()
    facts = table_facts(document((rows, "(in thousands)")), ReleaseContext())
    assert time.perf_counter() - start < BUDGET
    assert facts
    # Thousands of values for one metric and period: each says how many others, not which.
    assert all(sum(f.startswith("conflict:") for f in fact.flags) <= MAX_LISTED for fact in facts)


def test_long_run_of_label_rows_stays_linear() -> None:
    rows: list[list[GridCell]] = [HEADER]
    rows += [[f"Heading {i}:", "", ""] for i in range(3000)]
    rows.append(["Revenue", "1,234", "1,100"])
    start = time.perf_counter()
    facts = table_facts(document((rows, "(in thousands)")), ReleaseContext())
    assert time.perf_counter() - start < BUDGET
    assert {f.value for f in facts if f.label == "Revenue"} == {1_234_000, 1_100_000}


# Words of the basis, scale and headline patterns, and others, for texts that come near them.
WORDS = [
    "non-GAAP", "Non GAAP", "GAAP", "U.S. GAAP", "as adjusted", "Adjusted", "Adj.", "pro forma",
    "Pro-Forma", "core", "Core net", "constant currency", "at constant-currency basis", "Economic",
    "economic earnings", "normalised", "Normalized", "before special items", "before one-time charges",
    "excluding", "excl.", "ex-", "to exclude", "as reported", "Reported", "unadjusted", "thousands",
    "(000's)", "$000s", "000s omitted", "in $000's", "$k", "Millions", "($ m)", "$mm", "in mm", "in $ m",
    "billions", "($bn)", "in", "net", "income", "revenues", "sales", "total", "operating", "loss",
    "earnings", "from operations", "continuing operations", "attributable to", "and", "other", "K",
    "ſ", "İ", "ı", "$", "(", ")", ",", "per share",
]  # fmt: skip
texts = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=6).map("".join),
    st.text(max_size=30),
)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_prechecks_never_skip_a_match(text: str) -> None:
    """Each shortcut may only skip texts that none of its patterns would match."""
    if not may_match(_MARK_WORDS, text):
        assert not any(p.search(text) for p, _, _ in _NON_GAAP)
        assert not any(p.search(text) for p in _GAAP)
    if not may_match(_SCALE_WORDS, text):
        assert not any(p.search(text) for p, _ in _SCALES)
    low = text.lower()
    assert bool(_ANY_HEADLINE.fullmatch(low)) == any(p.fullmatch(low) for _, p, _ in _HEADLINES)


def _sole_items_by_definition(body: list[Row]) -> dict[int, Segment]:
    """The definition `sole_items` implements in one pass: a heading with exactly one data
    row before the next section row, naming revenue."""
    sole: dict[int, Segment] = {}
    for i, row in enumerate(body):
        if row.kind != "section" or row.label is None:
            continue
        rest = body[i + 1 :]
        end = next((j for j, r in enumerate(rest) if r.kind == "section"), len(rest))
        items = [r for r in rest[:end] if r.kind == "data"]
        if len(items) == 1 and end < len(rest) and read_label(row.label.text, [])[0].headline == "revenue":
            sole[items[0].index] = row.label
    return sole


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Revenue:", "Net sales:", "Expenses:", None, "data"]), max_size=14))
def test_sole_items_follows_its_definition(kinds: list[str | None]) -> None:
    body = [
        Row(i, Segment(0, 0, "Product sales", None), [], [], "data")
        if kind == "data"
        else Row(i, Segment(0, 0, kind, None) if kind else None, [], [], "section")
        for i, kind in enumerate(kinds)
    ]
    assert sole_items(body) == _sole_items_by_definition(body)


def test_section_depth_is_bounded() -> None:
    assert MAX_DEPTH >= 4  # the deepest nesting the corpus shows
