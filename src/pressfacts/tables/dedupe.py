"""One fact per metric, period, basis and value: figures repeated across tables merge.

The income statement, a reconciliation and a highlights table often state
one figure; the repeats become `also_at` spans of one fact, which keeps the
most precise value (720,224 thousand rather than 720 million) and the span
of the first table that shows it that precisely. Different values for one
metric, period and basis are all kept, each flagged with the others (or, past
`MAX_LISTED` others, with how many there are).
"""

from __future__ import annotations

from collections import defaultdict

from pressfacts.models import Fact
from pressfacts.tables.extract import Candidate
from pressfacts.tables.matching import clusters


def dedupe(cands: list[Candidate]) -> list[Fact]:
    groups: dict[tuple[object, ...], list[Candidate]] = defaultdict(list)
    for c in cands:
        f = c.fact
        groups[(f.metric, f.period.end, f.period.months, f.basis, f.unit)].append(c)
    facts: list[Fact] = []
    for group in groups.values():
        kept = [_merge(cluster) for cluster in clusters(group)]
        _flag_conflicts(kept)
        facts.extend(kept)
    return sorted(facts, key=lambda f: (f.span.start, f.metric))


def _merge(cluster: list[Candidate]) -> Fact:
    if len(cluster) == 1:  # most figures are stated once
        cluster[0].fact.also_at = ()
        return cluster[0].fact
    primary = min(cluster, key=lambda c: c.precision)  # min keeps document order among equals
    others = [c.fact.span for c in cluster if c is not primary and c.fact.span != primary.fact.span]
    primary.fact.also_at = tuple(dict.fromkeys(others))
    return primary.fact


# Other values listed on each fact. More than this for one metric and period is a column of
# parts (a table of thousands of lines), and listing every other line on each would make
# the output grow with the square of the table.
MAX_LISTED = 10


def _flag_conflicts(kept: list[Fact]) -> None:
    if len(kept) - 1 > MAX_LISTED:
        summary = f"conflict: {len(kept) - 1} other values"
        for fact in kept:
            fact.flags.append(summary)
        return
    for fact in kept:
        for other in kept:
            if other is not fact:
                table = other.position.table if other.position else "?"
                fact.flags.append(f"conflict: {other.value} at table {table}")
