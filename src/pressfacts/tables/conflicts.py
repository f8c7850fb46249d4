"""Headline figures that disagree: parts of the company, and tables about something else.

After ranking, one headline metric may still hold different values for one
period and basis. Two general causes, each settled here rather than guessed:

- Within one table, rows of a part (segment lines under a heading, "Sales"
  above "Total revenues"): the "total" row keeps the headline; the others,
  or all of them when no row is a total, become component lines.
- Across tables, a table about another entity (an acquired business's own
  results, a segment's table): when it never agrees with the release's
  fullest table (the one stating most headline metrics) and disagrees with
  it, all its headline figures become component lines. A table that agrees
  elsewhere loses only the disagreeing figures' headline status.

Untyped per-share figures ("Adjusted EPS") also settle here: equal to a basic
or diluted figure of the same period, they are that figure; otherwise, when
the release gives that basis's EPS only per diluted share, they are diluted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from pressfacts.tables.concepts import concept_of
from pressfacts.tables.extract import Candidate
from pressfacts.tables.matching import EqualIndex, clusters, equal_to_any

TOTAL_RE = re.compile(r"^\s*(?:total|consolidated)\b", re.IGNORECASE)
Key = tuple[object, ...]


def _headline_key(c: Candidate) -> Key:
    """Metric, period and basis; adjusted figures with different qualifiers ("pro forma",
    "as adjusted") are different measures, not competing values of one."""
    return (c.fact.metric, c.fact.period.end, c.fact.period.months, c.fact.basis, c.fact.basis_note)


def _winners(cands: list[Candidate]) -> list[Candidate]:
    """Candidates that hold a headline metric after ranking."""
    return [c for c in cands if c.meaning.headline and c.fact.metric == c.meaning.headline]


def _demote(c: Candidate, why: str) -> None:
    metric = f"component_{c.fact.metric}"
    c.fact.rule = c.fact.rule.replace(f"row {c.fact.metric} ", f"row {metric} ", 1)
    c.fact.metric = metric
    c.fact.concept = None
    c.fact.flags.append(why)


def split_parts_within_tables(cands: list[Candidate]) -> list[Candidate]:
    groups: dict[Key, list[Candidate]] = defaultdict(list)
    for c in _winners(cands):
        table = c.fact.position.table if c.fact.position else -1
        groups[(table, *_headline_key(c))].append(c)
    for group in groups.values():
        found = clusters(group)
        if len(found) < 2:
            continue
        totals = [cl for cl in found if any(TOTAL_RE.match(c.fact.label or "") for c in cl)]
        keep = totals[0] if len(totals) == 1 else []
        for cluster in found:
            if cluster is not keep:
                for c in cluster:
                    _demote(c, "component: the table gives other values for this metric and period")
    return cands


def demote_foreign_tables(cands: list[Candidate]) -> list[Candidate]:
    winners = _winners(cands)
    weight = _table_weights(winners)
    groups: dict[Key, list[Candidate]] = defaultdict(list)
    for c in winners:
        groups[_headline_key(c)].append(c)
    agreeing = _agreeing_tables(groups)
    losers: dict[int, int] = {}  # table -> the fuller table it disagrees with
    for group in groups.values():
        found = clusters(group)
        if len(found) < 2:
            continue
        best = sorted(found, key=lambda cl: -max(weight[_table(c)] for c in cl))
        top = max(weight[_table(c)] for c in best[0])
        if any(max(weight[_table(c)] for c in cl) == top for cl in best[1:]):
            continue  # tables equally full disagree: both kept, flagged by dedupe
        fuller = _table(best[0][0])
        for cluster in best[1:]:
            for c in cluster:
                if (_table(c), fuller) in agreeing:
                    _demote(c, f"component: differs from table {fuller}")
                else:
                    losers[_table(c)] = fuller
    for c in winners:
        if _table(c) in losers and c.fact.metric == c.meaning.headline:
            _demote(c, f"component: table {_table(c)} disagrees with table {losers[_table(c)]} throughout")
    return cands


def _table(c: Candidate) -> int:
    return c.fact.position.table if c.fact.position else -1


def _table_weights(winners: list[Candidate]) -> dict[int, int]:
    metrics: dict[int, set[str]] = defaultdict(set)
    for c in winners:
        metrics[_table(c)].add(c.fact.metric)
    return defaultdict(int, {table: len(names) for table, names in metrics.items()})


def _agreeing_tables(groups: dict[Key, list[Candidate]]) -> set[tuple[int, int]]:
    """Pairs of tables that state at least one equal headline figure."""
    pairs: set[tuple[int, int]] = set()
    for group in groups.values():
        by_table: dict[int, list[Candidate]] = defaultdict(list)
        for c in group:
            by_table[_table(c)].append(c)
        if len(by_table) < 2:
            continue  # one table's figures agree with no other table's
        indexes = {table: equal_to_any(members) for table, members in by_table.items()}
        for a in group:
            for table, index in indexes.items():
                pair = (_table(a), table)
                if table != pair[0] and pair not in pairs and index.least(a) is not None:
                    pairs.add(pair)
    return pairs


EPS_KINDS = ("eps_basic", "eps_diluted")


def settle_untyped_eps(cands: list[Candidate]) -> list[Candidate]:
    typed: dict[Key, list[Candidate]] = defaultdict(list)
    kinds: dict[str, set[str]] = defaultdict(set)
    for c in _winners(cands):
        if c.fact.metric in EPS_KINDS:
            typed[(c.fact.period.end, c.fact.period.months, c.fact.basis)].append(c)
            kinds[c.fact.basis].add(c.fact.metric)
    indexes: dict[Key, EqualIndex] = {}
    for c in _winners(cands):
        if c.fact.metric != "eps":
            continue
        key = (c.fact.period.end, c.fact.period.months, c.fact.basis)
        if key not in indexes:  # each typed figure ranked by its place: the first equal one wins
            indexes[key] = EqualIndex(typed[key])
            for i, t in enumerate(typed[key]):
                indexes[key].place(t, i)
        first = indexes[key].least(c)
        if first is not None:
            _retype(c, typed[key][first].fact.metric)
        elif kinds[c.fact.basis] == {"eps_diluted"}:
            _retype(c, "eps_diluted")
    return cands


def _retype(c: Candidate, metric: str) -> None:
    c.fact.rule = c.fact.rule.replace(f"row {c.fact.metric} ", f"row {metric} ", 1)
    c.fact.metric = metric
    c.fact.concept = concept_of(metric) if c.fact.basis == "gaap" else None
    c.meaning = replace(c.meaning, metric=metric, headline=metric)
