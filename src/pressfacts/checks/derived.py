"""Derived facts: implied share counts, growth year over year, margins.

Each is marked with the ids of the facts it comes from and carries the span
of the first of them, so it can be traced to the text like any other fact.
"""

from __future__ import annotations

from decimal import Decimal

from pressfacts.checks.base import FactIndex
from pressfacts.models import Fact, Period, Unit

GROWTH_METRICS = ("revenue", "operating_income", "net_income")
MARGINS = {"operating_margin": "operating_income", "net_margin": "net_income"}
HUNDRED = Decimal(100)


def derive(index: FactIndex) -> list[Fact]:
    derived: list[Fact] = []
    for (metric, period, basis), fact in list(index.facts.items()):
        if basis != "gaap":
            continue
        if metric == "net_income" and (eps := index.eps(period)) is not None and eps.value != 0:
            shares = (fact.value / eps.value).quantize(Decimal(1))
            derived.append(_derived(f"implied_shares_{eps.metric}", shares, "shares", period, (fact, eps)))
        if metric in GROWTH_METRICS and (prior := _year_before(index, metric, period)) and prior.value > 0:
            growth = ((fact.value - prior.value) / prior.value * HUNDRED).quantize(Decimal("0.1"))
            derived.append(_derived(f"{metric}_growth", growth, "percent", period, (fact, prior)))
        if metric == "revenue" and fact.value > 0:
            for name, numerator in MARGINS.items():
                part = index.get(numerator, period)
                if part is not None:
                    margin = (part.value / fact.value * HUNDRED).quantize(Decimal("0.1"))
                    derived.append(_derived(name, margin, "percent", period, (part, fact)))
    return derived


def _year_before(index: FactIndex, metric: str, period: Period) -> Fact | None:
    return next(
        (
            f
            for p in index.periods(metric)
            if p.months == period.months
            and 350 <= (period.end - p.end).days <= 380
            and (f := index.get(metric, p)) is not None
        ),
        None,
    )


def _derived(metric: str, value: Decimal, unit: Unit, period: Period, sources: tuple[Fact, ...]) -> Fact:
    # Built outright rather than by `dataclasses.replace`, which costs several times more.
    first = sources[0]
    return Fact(
        metric=metric,
        value=value,
        unit=unit,
        period=period,
        basis=first.basis,
        span=first.span,
        source=first.source,
        rule=f"derived: {metric} from {', '.join(f.metric for f in sources)}",
        basis_note=first.basis_note,
        evidence=first.evidence,
        confidence=min(f.confidence for f in sources),
        derived_from=tuple(f.id for f in sources),
    )
