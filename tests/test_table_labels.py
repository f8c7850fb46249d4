"""Row labels -> metrics. Labels from the corpus's statements and reconciliations (dev set)."""

from __future__ import annotations

import pytest

from pressfacts.tables.labels import read_label

# (label, sections nearest first, [(metric, headline rank or None, basis stated or None)])
CASES: list[tuple[str, list[str], list[tuple[str, int | None, str | None]]]] = [
    ("Total revenue", [], [("revenue", 0, None)]),
    ("Net sales", [], [("revenue", 0, None)]),
    ("Revenue, net", [], [("revenue", 0, None)]),
    ("Total net sales", [], [("revenue", 0, None)]),
    ("Revenues", [], [("revenue", 0, None)]),
    ("Total revenue and other", [], [("revenue", 0, None)]),
    ("SALES, Net of returns and allowances", [], [("revenue", 0, None)]),
    ("NET INCOME/ (LOSS)", [], [("net_income", 1, None)]),
    ("GAAP total revenues", [], [("revenue", 0, "gaap")]),
    ("Non-GAAP total revenues", [], [("revenue", 0, "non_gaap")]),
    ("Product", ["Revenue:"], [("revenue_product", None, None)]),
    ("Total", ["Revenues:"], [("revenue", 0, None)]),  # a total closing its section
    ("Subscription revenues", [], [("subscription_revenues", None, None)]),
    ("External Net Revenues", ["U.S. and Canada Segment:"], [("external_net_revenues", None, None)]),
    ("Cost of revenue", [], [("cost_of_revenue", None, None)]),
    ("Gross margin percentage", [], [("gross_margin_percentage", None, None)]),
    ("Operating income", [], [("operating_income", 0, None)]),
    ("Income (loss) from operations", [], [("operating_income", 0, None)]),
    ("Operating Loss", [], [("operating_income", 0, None)]),
    ("Operating (Loss) Profit", [], [("operating_income", 0, None)]),
    ("Reported income from operations on a GAAP basis", [], [("operating_income", 0, "gaap")]),
    ("Net income", [], [("net_income", 1, None)]),
    ("NET EARNINGS", [], [("net_income", 1, None)]),
    ("Net Loss — GAAP", [], [("net_income", 1, "gaap")]),
    ("Net (Loss) Earnings Attributable to Hasbro, Inc.", [], [("net_income", 0, None)]),
    ("Net loss attributable to controlling interest", [], [("net_income", 0, None)]),
    (
        "Net Earnings Attributable to Noncontrolling Interests",
        [],
        [("net_income_attributable_to_noncontrolling_interest", None, None)],
    ),
    ("Net income allocable to common shareholders", [], [("net_income_available_to_common", 2, None)]),
    (
        "Net income allocated to restricted stock unit holders",
        [],
        [("net_income_allocated_to_others", None, None)],
    ),
    ("Earnings from continuing operations", [], [("income_from_continuing_operations", 3, None)]),
    ("Non-GAAP Net Income (Loss)", [], [("net_income", 1, "non_gaap")]),
    ("Net income - Adjusted", [], [("net_income", 1, "non_gaap")]),
    ("Adjusted earnings (Non-GAAP)", [], [("net_income", 0, "non_gaap")]),
    ("Economic Earnings", [], [("net_income", 0, "non_gaap")]),
    ("Core net income", [], [("net_income", 1, "non_gaap")]),
    ("Net income excluding merger expenses", [], [("net_income", 3, "non_gaap")]),
    ("Basic", ["Earnings per share:"], [("eps_basic", 0, None)]),
    ("Diluted", ["Net income per share:"], [("eps_diluted", 0, None)]),
    ("Basic", ["Net (Loss) Earnings", "Per Common Share"], [("eps_basic", 0, None)]),
    ("Diluted earnings per share", [], [("eps_diluted", 0, None)]),
    ("Net income per share - diluted", [], [("eps_diluted", 0, None)]),
    ("Diluted net income per share", [], [("eps_diluted", 0, None)]),
    ("Basic", ["Net income allocated to shareholders per share:"], [("eps_basic", 0, None)]),
    (
        "Net loss attributable to MDC Partners Inc. common shareholders",
        ["Diluted", "Loss Per Common Share:"],
        [("eps_diluted", 0, None)],
    ),
    ("Basic and diluted earnings per share", [], [("eps_basic", 0, None), ("eps_diluted", 0, None)]),
    (
        "GAAP loss per share — basic and diluted",
        [],
        [("eps_basic", 0, "gaap"), ("eps_diluted", 0, "gaap")],
    ),
    ("Non-GAAP", ["Diluted net income per share"], [("eps_diluted", 0, "non_gaap")]),
    ("Adjusted earnings per share-diluted (non-GAAP)", [], [("eps_diluted", 0, "non_gaap")]),
    ("Diluted EPS excluding acquisition costs", [], [("eps_diluted", 2, "non_gaap")]),
    ("Pro forma diluted earnings per share", [], [("eps_diluted", 1, "non_gaap")]),
    ("Economic EPS", [], [("eps", 0, "non_gaap")]),
    (
        "Continuing operations attributable to controlling interest",
        ["Basic and diluted loss per share"],
        [("eps_basic_partial", 3, None), ("eps_diluted_partial", 3, None)],
    ),
    ("Cash dividends per share", [], [("dividends_per_share", None, None)]),
    ("Book value per share", [], [("book_value_per_share", None, None)]),
    ("Basic", ["Weighted average shares outstanding:"], [("weighted_average_shares_basic", None, None)]),
    (
        "Diluted",
        ["Weighted average shares used in per share computation:"],
        [("weighted_average_shares_diluted", None, None)],
    ),
    (
        "Weighted average shares - basic and diluted (in thousands)",
        [],
        [("weighted_average_shares_basic", None, None), ("weighted_average_shares_diluted", None, None)],
    ),
    ("Total assets", [], [("total_assets", None, None)]),
]


@pytest.mark.parametrize(("label", "sections", "expected"), CASES)
def test_read_label(
    label: str, sections: list[str], expected: list[tuple[str, int | None, str | None]]
) -> None:
    meanings = read_label(label, sections)
    got = [(m.metric, m.rank if m.headline else None, m.mark.basis if m.mark else None) for m in meanings]
    assert got == expected


def test_heading_makes_income_rows_per_share() -> None:
    (meaning,) = read_label("Net (Loss) Income", [], ["Earnings Per Diluted Share"])
    assert meaning.metric == "eps_diluted"


def test_scale_heading_is_not_a_per_share_heading() -> None:
    (meaning,) = read_label("Net income", [], ["(In thousands, except per share data)"])
    assert meaning.metric == "net_income"


def test_segment_heading_blocks_headline() -> None:
    (meaning,) = read_label("Operating loss", ["Completion Services:"], ["SEGMENT EBITDA (B)"])
    assert meaning.headline is None


def test_share_kind_of_the_block_types_bare_eps() -> None:
    (meaning,) = read_label("Adjusted EPS (Non-GAAP)", [], [], share_kind="diluted")
    assert meaning.metric == "eps_diluted"


def test_concepts_only_for_reported_figures() -> None:
    (gaap,) = read_label("Total revenues", [])
    (adjusted,) = read_label("Non-GAAP total revenues", [])
    assert gaap.concept == "us-gaap:Revenues"
    assert adjusted.concept is None
