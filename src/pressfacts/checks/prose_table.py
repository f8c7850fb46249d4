"""Prose against table: a figure the prose restates agrees with the table within the prose's rounding.

Reconciliation merges a prose figure into the table fact it restates (its
span joins `also_at`): each such merge is a pass. A prose figure that a table
contradicts is not delivered; it is listed as unconfirmed, and here as a fail
as not judged ("unknown") when the table states the same metric, period and basis: a
figure held back is more often a segment line than a contradiction.
"""

from __future__ import annotations

from pressfacts.checks.base import FactIndex, result, show
from pressfacts.checks.rounding import half_unit
from pressfacts.models import CheckResult, Release

KIND = "prose_against_table"


def check(release: Release, index: FactIndex) -> list[CheckResult]:
    results = []
    quote = release.document.quote
    for fact in release.facts:
        if fact.source != "table":
            continue
        for span in fact.also_at:
            if _in_table(release, span.start):
                continue
            detail = f"{fact.metric} {fact.period.label}: prose {' '.join(quote(span).split())!r} restates {show(fact.value)}"
            results.append(result(KIND, "pass", (fact,), fact.value, None, None, detail))
    for prose in release.unconfirmed:
        table = index.get(prose.metric, prose.period, prose.basis)
        if table is None or table.source != "table":
            continue
        tolerance = half_unit(prose.value)
        detail = (
            f"{prose.metric} {prose.period.label}: prose {' '.join(quote(prose.span).split())!r}"
            f" vs table {show(table.value)}"
        )
        results.append(result(KIND, "unknown", (table, prose), table.value, prose.value, tolerance, detail))
    return results


def _in_table(release: Release, position: int) -> bool:
    return any(t.span.start <= position < t.span.end for t in release.document.tables)
