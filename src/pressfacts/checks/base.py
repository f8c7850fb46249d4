"""What every check module shares: the facts of a release, indexed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from pressfacts.models import CheckResult, CheckStatus, Fact, Period

EPS_PREFERENCE = ("eps_diluted", "eps", "eps_basic")


@dataclass(frozen=True, slots=True)
class FactIndex:
    """Facts by (metric, period, basis), the first stated winning; the periods of each metric kept
    once asked for (derived facts ask for them once per fact)."""

    facts: dict[tuple[str, Period, str], Fact]
    _periods: dict[tuple[str, str], list[Period]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, facts: Iterable[Fact]) -> FactIndex:
        index: dict[tuple[str, Period, str], Fact] = {}
        for fact in facts:
            index.setdefault((fact.metric, fact.period, fact.basis), fact)
        return cls(index)

    def get(self, metric: str, period: Period, basis: str = "gaap") -> Fact | None:
        return self.facts.get((metric, period, basis))

    def eps(self, period: Period, basis: str = "gaap") -> Fact | None:
        """Diluted EPS where stated, else the unqualified or basic figure."""
        return next((f for m in EPS_PREFERENCE if (f := self.get(m, period, basis)) is not None), None)

    def periods(self, metric: str, basis: str = "gaap") -> list[Period]:
        """The periods stated for a metric, in order (the list is shared: do not change it)."""
        key = (metric, basis)
        if key not in self._periods:
            self._periods[key] = sorted({p for (m, p, b) in self.facts if m == metric and b == basis})
        return self._periods[key]


def result(
    kind: str,
    status: CheckStatus,
    facts: Iterable[Fact],
    expected: Decimal | None,
    actual: Decimal | None,
    tolerance: Decimal | None,
    detail: str,
) -> CheckResult:
    return CheckResult(kind, status, tuple(f.id for f in facts), expected, actual, tolerance, detail)


def verdict(holds: bool) -> CheckStatus:
    return "pass" if holds else "fail"


def show(value: Decimal) -> str:
    """A figure as a reader writes it: 1,900,000 rather than 1.9E+6."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():f}"
