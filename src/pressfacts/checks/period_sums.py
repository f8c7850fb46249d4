"""Period arithmetic: Q4 = fiscal year - nine months; six months = Q1 + Q2.

Only amounts add up across periods (EPS does not: share counts differ), and
only when every term is stated; the tolerance is the sum of their roundings.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pressfacts.checks.base import FactIndex, result, show, verdict
from pressfacts.checks.rounding import half_unit
from pressfacts.models import CheckResult, Fact, Period

KIND = "period_arithmetic"
# Headline lines only: other lines share names with the adjustment rows of reconciliations.
METRICS = frozenset({"revenue", "operating_income", "net_income"})
NEAR = dt.timedelta(days=7)


def check(index: FactIndex) -> list[CheckResult]:
    results = []
    for (metric, period, basis), whole in index.facts.items():
        if metric not in METRICS or period.months not in (6, 12):
            continue
        parts = _parts(index, metric, period, basis)
        if parts:
            results.append(_sum_check(whole, parts))
    return results


def _parts(index: FactIndex, metric: str, whole: Period, basis: str) -> list[Fact] | None:
    """The stated facts that make up `whole`: (9 months, Q4) for a year, (Q1, Q2) for a half."""
    facts = [f for (m, _, b), f in index.facts.items() if m == metric and b == basis]
    ending = [f for f in facts if abs(f.period.end - whole.end) <= NEAR]
    if whole.months == 12:
        nine = next((f for f in facts if f.period.months == 9 and _before(f.period.end, whole.end, 3)), None)
        q4 = next((f for f in ending if f.period.months == 3), None)
        return [nine, q4] if nine and q4 else None
    q2 = next((f for f in ending if f.period.months == 3), None)
    q1 = next((f for f in facts if f.period.months == 3 and _before(f.period.end, whole.end, 3)), None)
    return [q1, q2] if q1 and q2 else None


def _before(end: dt.date, later: dt.date, months: int) -> bool:
    """`end` is about `months` months before `later`."""
    gap = (later - end).days
    return abs(gap - months * 30.4) <= 10


def _sum_check(whole: Fact, parts: list[Fact]) -> CheckResult:
    total = sum((p.value for p in parts), Decimal(0))
    tolerance = half_unit(whole.value) + sum((half_unit(p.value) for p in parts), Decimal(0))
    status = verdict(abs(total - whole.value) <= tolerance)
    terms = " + ".join(f"{p.period.label} {show(p.value)}" for p in parts)
    detail = f"{whole.metric}: {terms} = {show(total)} vs {whole.period.label} {show(whole.value)}"
    return result(KIND, status, (whole, *parts), whole.value, total, tolerance, detail)
