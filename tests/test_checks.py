"""Checks: each kind on hand-made facts, and the seed release's exact results."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pressfacts import extract
from pressfacts.checks import comparisons, parts, per_share, period_sums, statements
from pressfacts.checks.base import FactIndex
from pressfacts.checks.rounding import half_unit
from pressfacts.models import Comparison, Document, Fact, Part, Period, Release, Span, TablePosition, Unit
from tests.corpus import DATA

Q4_03 = Period(dt.date(2003, 9, 30), 3, "Q4 FY2003")
FY_03 = Period(dt.date(2003, 9, 30), 12, "FY2003")
Q4_02 = Period(dt.date(2002, 9, 30), 3, "Q4 FY2002")
M9_03 = Period(dt.date(2003, 6, 30), 9, "9M FY2003")


def fact(metric: str, value: str, period: Period, unit: Unit = "USD", **extra: object) -> Fact:
    made = Fact(metric, Decimal(value), unit, period, "gaap", Span(0, 1), "table", "test", **extra)  # type: ignore[arg-type]
    made.id = f"{metric}@{period.label}"
    return made


def release_of(facts: list[Fact], text: str = "x" * 400, **extra: object) -> Release:
    return Release(document=Document("t.txt", text, "text"), facts=facts, **extra)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the seed release


def test_seed_per_share_passes_for_all_four_periods() -> None:
    checks = [c for c in extract(DATA / "iec-2003-q4.txt").checks if c.kind == "per_share"]
    assert sorted((c.status, c.detail.split(":")[0]) for c in checks) == [
        ("pass", "FY2002"),
        ("pass", "FY2003"),
        ("pass", "Q4 FY2002"),
        ("pass", "Q4 FY2003"),
    ]
    implied = {c.detail.split(":")[0]: c.actual for c in checks}
    # 575,000 / 0.07, 1.9M / 0.24, 2.6M / 0.31, 11.0M / 1.43: mid-points of the rounding intervals.
    assert implied == {
        "Q4 FY2003": Decimal(8256923),
        "Q4 FY2002": Decimal(7924446),
        "FY2003": Decimal(8391881),
        "FY2002": Decimal(7692524),
    }


def test_seed_parts_within_wholes_pass() -> None:
    release = extract(DATA / "iec-2003-q4.txt")
    checks = [c for c in release.checks if c.kind == "parts_within_wholes"]
    assert [(c.status, c.actual, c.expected) for c in checks] == [
        ("pass", Decimal("1.7E+6"), Decimal("1.9E+6")),
        ("pass", Decimal("0.22"), Decimal("0.24")),
    ]
    whole = {f.id: f for f in release.facts}[checks[0].facts[0]]
    assert (whole.metric, whole.period.label) == ("net_income", "Q4 FY2002")


def test_seed_derived_facts() -> None:
    derived = {(f.metric, f.period.label): f.value for f in extract(DATA / "iec-2003-q4.txt").derived}
    assert derived[("implied_shares_eps", "Q4 FY2003")] == 8214286  # 575,000 / 0.07
    assert derived[("revenue_growth", "Q4 FY2003")] == Decimal("5.8")  # 9.1 / 8.6 - 1
    assert derived[("net_margin", "FY2003")] == Decimal("5.4")  # 2.6 / 48.2


# --------------------------------------------------------------------------- per share


def test_per_share_flags_a_period_out_of_line() -> None:
    facts = [
        fact("net_income", "575000", Q4_03),
        fact("eps", "0.07", Q4_03, "USD/share"),
        fact("net_income", "2600000", FY_03),
        fact("eps", "0.62", FY_03, "USD/share"),  # a typo for 0.31: 4.2M shares against 8.2M
    ]
    statuses = {c.detail.split(":")[0]: c.status for c in per_share.check(FactIndex.of(facts))}
    assert statuses == {"Q4 FY2003": "fail", "FY2003": "fail"}


def test_per_share_losses_zero_and_rounding_to_the_cent() -> None:
    facts = [
        fact("net_income", "-11.0E+6", FY_03),
        fact("eps", "-1.43", FY_03, "USD/share"),
        fact("net_income", "-20000", Q4_03),
        fact("eps", "0.00", Q4_03, "USD/share"),
    ]
    results = {c.detail.split(":")[0]: c.status for c in per_share.check(FactIndex.of(facts))}
    # EPS of 0.00 says nothing of the share count; the loss year has no peer to compare with.
    assert results == {"Q4 FY2003": "unknown", "FY2003": "unknown"}


def test_per_share_against_weighted_shares() -> None:
    facts = [
        fact("net_income", "65437000", Q4_03),
        fact("eps_basic", "0.65", Q4_03, "USD/share"),
        fact("weighted_average_shares_basic", "101235000", Q4_03, "shares"),
    ]
    (outcome,) = [c for c in per_share.check(FactIndex.of(facts)) if "shares =" in c.detail]
    assert outcome.status == "pass"  # 0.65 x 101,235,000 = 65.8M, within 0.005 x 101M of 65.4M
    facts[1] = fact("eps_basic", "0.75", Q4_03, "USD/share")
    (outcome,) = [c for c in per_share.check(FactIndex.of(facts)) if "shares =" in c.detail]
    assert outcome.status == "fail"


def test_per_share_short_of_net_income_is_not_judged() -> None:
    facts = [
        fact("net_income", "39548000", Q4_03),
        fact("eps_basic", "0.96", Q4_03, "USD/share"),  # preferred dividends come off first
        fact("weighted_average_shares_basic", "27479000", Q4_03, "shares"),
    ]
    (outcome,) = [c for c in per_share.check(FactIndex.of(facts)) if "shares =" in c.detail]
    assert outcome.status == "unknown"


# --------------------------------------------------------------------------- parts


def test_parts_larger_than_their_whole_fail_and_missing_wholes_are_unknown() -> None:
    whole = fact("net_income", "1.9E+6", Q4_02)
    too_big = Part(Span(0, 4), Decimal("2.1E+6"), "USD", "net_income", Q4_02)
    no_whole = Part(Span(0, 4), Decimal("1.0E+6"), "USD", "revenue", Q4_02)
    stated = Part(Span(0, 4), Decimal("0.22"), "USD/share", None, None, Decimal("0.24"), Span(5, 9))
    release = release_of([whole], parts=[too_big, no_whole, stated])
    assert [c.status for c in parts.check(release, FactIndex.of([whole]))] == ["fail", "unknown", "pass"]


# --------------------------------------------------------------------------- period arithmetic


def test_quarter_plus_nine_months_is_the_year() -> None:
    facts = [
        fact("revenue", "48200000", FY_03),
        fact("revenue", "39100000", M9_03),
        fact("revenue", "9100000", Q4_03),
    ]
    (outcome,) = period_sums.check(FactIndex.of(facts))
    assert outcome.status == "pass"
    facts[1] = fact("revenue", "38000000", M9_03)
    (outcome,) = period_sums.check(FactIndex.of(facts))
    assert outcome.status == "fail"
    assert outcome.actual == Decimal("47100000")


def test_period_arithmetic_needs_every_term() -> None:
    facts = [fact("revenue", "48200000", FY_03), fact("revenue", "9100000", Q4_03)]
    assert period_sums.check(FactIndex.of(facts)) == []


# --------------------------------------------------------------------------- statements


def _line(concept: str, value: str, column: int = 1) -> Fact:
    made = fact(concept.split(":")[1], value, Q4_03, concept=concept, position=TablePosition(0, 0, column))
    return made


def test_gross_profit_and_balance_identities() -> None:
    lines = [
        _line("us-gaap:Revenues", "35021000000"),
        _line("us-gaap:CostOfRevenue", "10975000000"),
        _line("us-gaap:GrossProfit", "24046000000"),
        _line("us-gaap:Assets", "1000123", 2),
        _line("us-gaap:LiabilitiesAndStockholdersEquity", "1000456", 2),
    ]
    assert sorted(c.status for c in statements.check(lines)) == ["fail", "pass"]


# --------------------------------------------------------------------------- comparisons


@pytest.mark.parametrize(
    ("percent", "direction", "status"), [("49", 1, "pass"), ("40", 1, "fail"), ("49", -1, "fail")]
)
def test_stated_change_against_its_figures(percent: str, direction: int, status: str) -> None:
    text = (
        "Revenues totaled $153.4 million, a 49% increase over fourth quarter 2003 revenues of $103.2 million."
    )
    current = fact("revenue", "153.4E+6", Q4_03)
    prior = fact("revenue", "103.2E+6", Q4_02)
    current.span, prior.span = Span(17, 30), Span(84, 97)
    comparison = Comparison(Span(34, 37), Decimal(percent), direction, Span(0, len(text)), "revenue")
    release = release_of([current, prior], text, comparisons=[comparison])
    assert [c.status for c in comparisons.check(release)] == [status]


@pytest.mark.parametrize(
    ("value", "half"),
    [
        ("9.1E+6", "5E+4"),
        ("0.07", "0.005"),
        ("35021000000", "5E+5"),
        ("237500000.0", "5E+4"),
        ("1.00", "0.005"),
    ],
)
def test_half_unit_of_the_last_written_digit(value: str, half: str) -> None:
    assert half_unit(Decimal(value)) == Decimal(half)


def test_share_counts_take_the_scale_their_section_or_clause_states() -> None:
    from tests.corpus import require_corpus

    docs = require_corpus() / "docs"
    # apple-2004-q3: "Shares used in computing earnings per share (in thousands):" / "Basic | 375,023".
    shares = {
        (f.metric, f.period.end.isoformat(), f.period.months): f.value
        for f in extract(docs / "apple-2004-q3.txt").facts
    }
    assert shares[("weighted_average_shares_basic", "2004-06-26", 3)] == 375_023_000
    # apple-2024-q1: "(In millions, except number of shares, which are reflected in thousands, ...)".
    release = extract(docs / "apple-2024-q1.txt")
    basic = [
        f.value for f in release.facts if f.metric == "weighted_average_shares_basic" and f.period.months == 3
    ]
    assert 15_509_763_000 in basic
    assert not [c for c in release.checks if c.kind == "per_share" and c.status == "fail"]
