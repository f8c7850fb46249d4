"""One fact per metric, period, basis and value: figures repeated across tables merge.

The income statement, a reconciliation and a highlights table often state
one figure; the repeats become `also_at` spans of one fact, which keeps the
most precise value (720,224 thousand rather than 720 million) and the span
of the first table that shows it that precisely. Different values for one
metric, period and basis are all kept, each flagged with the others.
"""

from __future__ import annotations

from collections import defaultdict

from pressfacts.models import Fact
from pressfacts.tables.extract import Candidate
from pressfacts.tables.select import equal


def dedupe(cands: list[Candidate]) -> list[Fact]:
    groups: dict[tuple[object, ...], list[Candidate]] = defaultdict(list)
    for c in cands:
        f = c.fact
        groups[(f.metric, f.period.end, f.period.months, f.basis, f.unit)].append(c)
    facts: list[Fact] = []
    for group in groups.values():
        clusters = _clusters(group)
        kept = [_merge(cluster) for cluster in clusters]
        _flag_conflicts(kept)
        facts.extend(kept)
    return sorted(facts, key=lambda f: (f.span.start, f.metric))


def _clusters(group: list[Candidate]) -> list[list[Candidate]]:
    clusters: list[list[Candidate]] = []
    for c in group:
        home = next((cl for cl in clusters if any(equal(c, other) for other in cl)), None)
        if home is None:
            clusters.append([c])
        else:
            home.append(c)
    return clusters


def _merge(cluster: list[Candidate]) -> Fact:
    primary = min(cluster, key=lambda c: c.precision)  # min keeps document order among equals
    others = [c.fact.span for c in cluster if c is not primary and c.fact.span != primary.fact.span]
    primary.fact.also_at = tuple(dict.fromkeys(others))
    return primary.fact


def _flag_conflicts(kept: list[Fact]) -> None:
    for fact in kept:
        for other in kept:
            if other is not fact:
                table = other.position.table if other.position else "?"
                fact.flags.append(f"conflict: {other.value} at table {table}")
