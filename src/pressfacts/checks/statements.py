"""Statement arithmetic: subtotals equal their lines, within the table's rounding.

Checked only inside one column of one table (one statement, one period), on
lines whose US-GAAP concept is known:
- gross profit = revenue - cost of revenue;
- operating income = gross profit - operating expenses, or revenue - operating
  expenses where those include the cost of revenue;
- assets = liabilities and stockholders' equity.
Net income is left out: taxes, equity income and minority interests sit between
it and pre-tax income in too many ways to call a mismatch an error.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal

from pressfacts.checks.base import result, show, verdict
from pressfacts.checks.rounding import half_unit
from pressfacts.models import CheckResult, Fact

KIND = "statement_arithmetic"
COST = ("us-gaap:CostOfRevenue", "us-gaap:CostOfGoodsAndServicesSold")
Column = dict[str, Fact]


def check(facts: list[Fact]) -> list[CheckResult]:
    columns: dict[tuple[int, int], Column] = defaultdict(dict)
    for fact in facts:
        if fact.position is not None and fact.concept and fact.basis == "gaap":
            columns[(fact.position.table, fact.position.column)].setdefault(fact.concept, fact)
    results = []
    for column in columns.values():
        for identity in IDENTITIES:
            outcome = identity(column)
            if outcome is not None:
                results.append(outcome)
    return results


def _gross_profit(column: Column) -> CheckResult | None:
    revenue, gross = column.get("us-gaap:Revenues"), column.get("us-gaap:GrossProfit")
    cost = next((column[c] for c in COST if c in column), None)
    if revenue is None or gross is None or cost is None:
        return None
    return _compare(
        "gross profit = revenue - cost of revenue", gross, [revenue, cost], revenue.value - abs(cost.value)
    )


def _operating_income(column: Column) -> CheckResult | None:
    operating, expenses = column.get("us-gaap:OperatingIncomeLoss"), column.get("us-gaap:OperatingExpenses")
    if operating is None or expenses is None:
        return None
    for base in (column.get("us-gaap:GrossProfit"), column.get("us-gaap:Revenues")):
        if base is None:
            continue
        outcome = _compare("operating income = gross profit (or revenue) - operating expenses", operating,
                           [base, expenses], base.value - abs(expenses.value))  # fmt: skip
        if outcome.status == "pass":
            return outcome
    return None


def _balance(column: Column) -> CheckResult | None:
    assets, total = column.get("us-gaap:Assets"), column.get("us-gaap:LiabilitiesAndStockholdersEquity")
    if assets is None or total is None:
        return None
    return _compare("assets = liabilities and stockholders' equity", total, [assets], assets.value)


def _compare(name: str, subtotal: Fact, lines: list[Fact], expected: Decimal) -> CheckResult:
    tolerance = half_unit(subtotal.value) + sum((half_unit(f.value) for f in lines), Decimal(0))
    status = verdict(abs(expected - subtotal.value) <= tolerance)
    detail = f"{name}: {show(expected)} vs {show(subtotal.value)} ({subtotal.period.label}, table {subtotal.position.table if subtotal.position else '?'})"
    return result(KIND, status, (subtotal, *lines), expected, subtotal.value, tolerance, detail)


IDENTITIES: list[Callable[[Column], CheckResult | None]] = [_gross_profit, _operating_income, _balance]
