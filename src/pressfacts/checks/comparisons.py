"""Comparisons: a stated change ("a 49% increase over ... $103.2 million") agrees with its figures.

The figures are the release's facts stated in the same sentence: two of the
metric named last before the percent, of one basis, a year apart. A change matching any such pair passes; a
change with exactly one pair that does not match fails; otherwise it is not
judged (the percent may be about something else: margins, volumes, shares).
"""

from __future__ import annotations

from decimal import Decimal
from itertools import combinations

from pressfacts.checks.base import result, show, verdict
from pressfacts.checks.rounding import half_unit
from pressfacts.models import CheckResult, Comparison, Fact, Release, Span

KIND = "comparison"


def check(release: Release) -> list[CheckResult]:
    results = []
    for comparison in release.comparisons:
        pairs = [
            p for p in _pairs(_stated_in(release.facts, comparison.sentence)) if _named(comparison, p[0])
        ]
        outcomes = [_judge(comparison, current, prior) for current, prior in pairs]
        passed = [o for o in outcomes if o.status == "pass"]
        if passed:
            results.append(passed[0])
        elif len(outcomes) == 1:
            results.append(outcomes[0])
    return results


def _named(comparison: Comparison, fact: Fact) -> bool:
    """The change is about the metric named last before it: "Revenues totaled ..., a 49% increase"."""
    named = comparison.metric
    return (
        named == fact.metric
        or (named == "eps" and fact.metric.startswith("eps"))
        or (named == "net_income" and fact.metric.startswith("eps"))
    )


def _stated_in(facts: list[Fact], sentence: Span) -> list[Fact]:
    def inside(span: Span) -> bool:
        return sentence.start <= span.start < sentence.end

    return [f for f in facts if inside(f.span) or any(inside(s) for s in f.also_at)]


def _pairs(facts: list[Fact]) -> list[tuple[Fact, Fact]]:
    pairs = []
    for a, b in combinations(facts, 2):
        if a.metric != b.metric or a.basis != b.basis or a.period.months != b.period.months:
            continue
        current, prior = (a, b) if a.period.end > b.period.end else (b, a)
        if 350 <= (current.period.end - prior.period.end).days <= 380 and prior.value != 0:
            pairs.append((current, prior))
    return pairs


def _judge(comparison: Comparison, current: Fact, prior: Fact) -> CheckResult:
    change = (current.value - prior.value) / abs(prior.value) * 100
    stated = comparison.percent * comparison.direction
    relative = half_unit(current.value) / max(abs(current.value), Decimal(1)) + half_unit(prior.value) / abs(
        prior.value
    )
    tolerance = half_unit(comparison.percent) + relative * 100 * (1 + abs(change) / 100)
    status = verdict(abs(change - stated) <= tolerance)
    detail = (
        f"{current.metric}: stated {stated:+}% vs {current.period.label} {show(current.value)}"
        f" / {prior.period.label} {show(prior.value)} = {change:+.1f}%"
    )
    return result(
        KIND,
        status,
        (current, prior),
        stated,
        change.quantize(Decimal("0.1")),
        tolerance.quantize(Decimal("0.01")),
        detail,
    )
