"""Checks: every release verified against itself, every fact with its evidence.

Each module takes facts (and the release's parts and stated changes) and
returns `CheckResult`s. A pass raises the confidence of the facts it covers; a
fail halves it and flags them with the reason, without dropping them.
"""

from __future__ import annotations

from pressfacts.checks import comparisons, parts, per_share, period_sums, prose_table, statements
from pressfacts.checks.base import FactIndex
from pressfacts.checks.derived import derive
from pressfacts.models import CheckResult, Fact, Release

__all__ = ["run_checks"]

PROSE_CONFIDENCE = 0.9


def run_checks(release: Release) -> None:
    """Fill `release.checks` and `release.derived`, and adjust facts' confidence and flags."""
    for fact in release.facts:
        fact.confidence = PROSE_CONFIDENCE if fact.source == "text" else 1.0
    index = FactIndex.of(release.facts)
    results: list[CheckResult] = [
        *per_share.check(index),
        *parts.check(release, index),
        *prose_table.check(release, index),
        *period_sums.check(index),
        *statements.check(release.facts),
        *comparisons.check(release),
    ]
    _apply(results, {f.id: f for f in (*release.facts, *release.unconfirmed)})
    release.checks = results
    release.derived = derive(index)
    for number, fact in enumerate(release.derived, 1):
        fact.id = f"d{number}"


def _apply(results: list[CheckResult], facts: dict[str, Fact]) -> None:
    for check in results:
        for fact_id in check.facts:
            fact = facts.get(fact_id)
            if fact is None:
                continue
            if check.status == "pass":
                fact.confidence = min(1.0, round(fact.confidence + 0.05, 2))
            elif check.status == "fail":
                fact.confidence = round(fact.confidence / 2, 2)
                fact.flags.append(f"check failed: {check.kind}: {check.detail}")
