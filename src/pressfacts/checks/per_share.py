"""Per-share consistency: net income / EPS gives share counts that must agree.

Each period's implied count is an interval, from the rounding of both the net
income and the EPS as stated. Periods ending on the same day (a quarter and its
year to date) share nearly one count: their intervals must meet a band of
+/-10% around the median of that day. A period alone on its day is compared with
the median of the release within +/-25%, and a gap there is reported as unknown:
buy-backs, issues and splits move counts between years.

Where a table states weighted basic shares, basic EPS x shares must not exceed
net income (available to common, when stated) by more than rounding; falling
short of it is not judged, since preferred dividends and participating
securities come off before EPS. Diluted EPS is not used there: its numerator may
add back interest on convertible notes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from statistics import median

from pressfacts.checks.base import FactIndex, result, show, verdict
from pressfacts.checks.rounding import half_unit
from pressfacts.models import CheckResult, Fact, Period

KIND = "per_share"
SAME_DAY, ACROSS_YEARS = Decimal("0.10"), Decimal("0.25")
Interval = tuple[Decimal, Decimal]


def check(index: FactIndex) -> list[CheckResult]:
    pairs = [
        (ni, eps)
        for p in index.periods("net_income")
        if (ni := index.get("net_income", p)) and (eps := index.eps(p))
    ]
    implied = {ni.period: _interval(ni, eps) for ni, eps in pairs}
    # Each period's midpoint once: every period is compared with all the others.
    mids = {period: _mid(bounds) for period, bounds in implied.items() if bounds}
    results = [_across_periods(ni, eps, implied[ni.period], mids) for ni, eps in pairs]
    for period in index.periods("eps_basic"):
        outcome = _against_shares(index, period)
        if outcome is not None:
            results.append(outcome)
    return results


def _interval(ni: Fact, eps: Fact) -> Interval | None:
    """Shares implied by net income / EPS, low and high, from the rounding of both."""
    if eps.value == 0 or (ni.value < 0) != (eps.value < 0):
        return None
    eps_half, ni_half = half_unit(eps.value), half_unit(ni.value)
    eps_low = abs(eps.value) - eps_half
    if eps_low <= 0:
        return None
    ni_low, ni_high = abs(ni.value) - ni_half, abs(ni.value) + ni_half
    return ni_low / (abs(eps.value) + eps_half), ni_high / eps_low


def _across_periods(ni: Fact, eps: Fact, bounds: Interval | None, mids: dict[Period, Decimal]) -> CheckResult:
    """One period's implied count against the others' (`mids`: each period's midpoint)."""
    label = f"{ni.period.label}: {show(ni.value)} / {eps.value}"
    if bounds is None:
        return result(
            KIND, "unknown", (ni, eps), None, None, None, f"{label}: EPS rounds to zero or signs differ"
        )
    others = [mid for p, mid in mids.items() if p != ni.period]
    same_day = [mid for p, mid in mids.items() if p != ni.period and _near(p.end, ni.period.end)]
    peers, drift = (same_day, SAME_DAY) if same_day else (others, ACROSS_YEARS)
    low, high = bounds
    detail = f"{label} implies {_millions(_mid(bounds))} shares ({_millions(low)}-{_millions(high)})"
    if not peers:
        return result(
            KIND, "unknown", (ni, eps), None, _mid(bounds), None, f"{detail}; no other period to compare"
        )
    centre = Decimal(median(peers))
    holds = low <= centre * (1 + drift) and high >= centre * (1 - drift)
    detail += f" vs {_millions(centre)} in {'the same day' if same_day else 'other periods'}"
    # Across years a share count may really move (issues, buy-backs, splits): a gap there is
    # reported, not called a contradiction.
    status = verdict(holds) if same_day or holds else "unknown"
    return result(
        KIND,
        status,
        (ni, eps),
        centre.quantize(1),
        _mid(bounds).quantize(1),
        (centre * drift).quantize(1),
        detail,
    )


def _against_shares(index: FactIndex, period: Period) -> CheckResult | None:
    eps, shares = index.get("eps_basic", period), index.get("weighted_average_shares_basic", period)
    ni = index.get("net_income_available_to_common", period) or index.get("net_income", period)
    if eps is None or shares is None or ni is None:
        return None
    expected = eps.value * shares.value
    tolerance = half_unit(eps.value) * abs(shares.value) + half_unit(ni.value)
    detail = f"{period.label}: {eps.value} x {show(shares.value)} basic shares = {show(expected.quantize(1))} vs {ni.metric} {show(ni.value)}"
    for factor in (1000, 1_000_000):
        if expected and abs(ni.value / (expected * factor) - 1) < Decimal("0.05"):
            # Off by a scale: the share count (or net income) was read in the wrong unit.
            return result(KIND, "fail", (ni, eps, shares), expected.quantize(1), ni.value, tolerance.quantize(1),
                          detail + f" (off by a factor of {factor:,}: a scale misread)")  # fmt: skip
    if expected < ni.value - tolerance and ni.metric == "net_income":
        return result(KIND, "unknown", (ni, eps, shares), expected.quantize(1), ni.value, tolerance.quantize(1),
                      detail + " (short of it: preferred dividends or participating securities?)")  # fmt: skip
    holds = abs(expected - ni.value) <= tolerance
    return result(
        KIND, verdict(holds), (ni, eps, shares), expected.quantize(1), ni.value, tolerance.quantize(1), detail
    )


def _mid(bounds: Interval) -> Decimal:
    return (bounds[0] + bounds[1]) / 2


def _near(a: dt.date, b: dt.date) -> bool:
    return abs((a - b).days) <= 7


def _millions(value: Decimal) -> str:
    return f"{value / 1_000_000:,.2f}M"
