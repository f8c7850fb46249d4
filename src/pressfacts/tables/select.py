"""Document-level resolve steps over candidates: scale, competing rows, unadjusted repeats.

- A table that states no scale takes the factor under which its figures
  meet figures of tables that do state one (a reconciliation repeating the
  income statement's net income), else the one scale every other table uses.
- Several rows may claim one headline metric for a period; the lowest rank
  wins and the others keep a metric of their own (`labels` ranks them).
- A "Non-GAAP" column or table that repeats a GAAP figure unchanged states no
  adjusted figure: dropped, unless the row itself is named as adjusted (but
  "at constant currency" for the base period is the reported figure, dropped).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from pressfacts.tables.extract import SHARES_IN_UNITS, Candidate
from pressfacts.tables.matching import EqualIndex, equal, equal_to_any

__all__ = ["calibrate_scales", "drop_unadjusted_repeats", "equal", "rank_headlines"]

FACTORS = (Decimal(1), Decimal(1_000), Decimal(1_000_000), Decimal(1_000_000_000))
MIN_MEETINGS = 2  # figures that must meet under one factor before it is believed

# What a headline row that loses to a better-ranked row is called instead.
DISPLACED: dict[str, str] = {"net_income": "net_income_including_noncontrolling_interest"}


def _key(c: Candidate) -> tuple[object, ...]:
    return (c.fact.period.end, c.fact.period.months, c.fact.basis)


def calibrate_scales(cands: list[Candidate]) -> list[Candidate]:
    """Give each table that states no scale the factor its figures support, or none."""
    known: dict[tuple[object, ...], list[Decimal]] = defaultdict(list)
    for c in cands:
        if c.scale_known and c.fact.unit == "USD":
            known[_meeting_key(c)].append(c.fact.value)
    for values in known.values():
        values.sort()  # so that `_meets` bisects rather than scans
    unknown: dict[int, list[Candidate]] = defaultdict(list)
    for c in cands:
        if not c.scale_known and c.fact.position is not None:
            unknown[c.fact.position.table].append(c)
    usual = {c.factor for c in cands if c.scale_known and c.fact.unit == "USD"}
    factors: dict[int, tuple[Decimal, str]] = {}
    for table, members in unknown.items():
        factor = _meeting_factor(members, known)
        if factor is not None:
            factors[table] = (factor, "scale from figures repeated in other tables")
        elif len(usual) == 1 and any(c.money for c in members):
            # a money table (it shows "$") in a release whose tables all use one scale
            factors[table] = (next(iter(usual)), "scale assumed from the release's other tables")
    return [_rescaled(c, factors) for c in cands] if factors else list(cands)


def _meeting_key(c: Candidate) -> tuple[object, ...]:
    period = c.fact.period
    return (c.meaning.headline or c.fact.metric, period.end, period.months, c.fact.basis)


def _meeting_factor(
    members: list[Candidate], known: dict[tuple[object, ...], list[Decimal]]
) -> Decimal | None:
    """The factor under which at least two figures equal figures of the same metric and
    period in scaled tables, and more of them than under any other factor."""
    scores = {factor: sum(1 for c in members if _meets(c, factor, known)) for factor in FACTORS}
    ranked = sorted(scores.values(), reverse=True)
    best = max(scores, key=lambda f: scores[f])
    return best if ranked[0] >= MIN_MEETINGS and ranked[0] > ranked[1] else None


def _meets(c: Candidate, factor: Decimal, known: dict[tuple[object, ...], list[Decimal]]) -> bool:
    if c.fact.unit != "USD" or not c.fact.value:
        return False
    values = known.get(_meeting_key(c), [])
    target, slack = c.fact.value * factor, c.precision * factor
    # The sorted values within `slack` of `target` form one run: its first is the first value
    # past the target or within reach, and it is empty unless that one is within reach.
    i = bisect_left(values, True, key=lambda v: v >= target or abs(v - target) <= slack)
    return i < len(values) and abs(values[i] - target) <= slack


def _rescaled(c: Candidate, factors: dict[int, tuple[Decimal, str]]) -> Candidate:
    if c.scale_known or c.fact.position is None or c.fact.position.table not in factors:
        return c
    factor, why = factors[c.fact.position.table]
    if c.fact.unit == "USD" or (c.fact.unit == "shares" and abs(c.fact.value) < SHARES_IN_UNITS):
        c.fact.value *= factor
        c = replace(c, precision=c.precision * factor, factor=factor)
    c.fact.flags = [why if f == "scale not stated" else f for f in c.fact.flags]
    return c


def rank_headlines(cands: list[Candidate]) -> list[Candidate]:
    """Let the best-ranked row claim each headline metric per period and basis."""
    groups: dict[tuple[object, ...], list[Candidate]] = defaultdict(list)
    for c in cands:
        if c.meaning.headline:
            groups[(c.meaning.headline, *_key(c))].append(c)
    for group in groups.values():
        best = min(c.meaning.rank for c in group)
        winners = equal_to_any([c for c in group if c.meaning.rank == best])
        for c in group:
            headline = c.meaning.headline or c.fact.metric
            if c.meaning.rank == best or winners.least(c) is not None:
                _rename(c, headline)
            elif c.meaning.metric != headline:
                _rename(c, c.meaning.metric)
            else:
                _rename(c, DISPLACED.get(headline, f"{headline}_other"))
    return cands


def _rename(c: Candidate, metric: str) -> None:
    if c.fact.metric != metric:
        c.fact.rule = c.fact.rule.replace(f"row {c.fact.metric} ", f"row {metric} ", 1)
        c.fact.metric = metric


def drop_unadjusted_repeats(cands: Iterable[Candidate]) -> list[Candidate]:
    """Drop non-GAAP figures that only a column or title calls adjusted and that equal GAAP."""
    cands = list(cands)
    by_key: dict[tuple[object, ...], list[Candidate]] = defaultdict(list)
    for c in cands:
        if c.fact.basis == "gaap":
            by_key[(c.fact.metric, c.fact.period.end, c.fact.period.months)].append(c)
    gaap: dict[tuple[object, ...], EqualIndex] = {}  # indexed as non-GAAP figures ask, not all

    def repeats_gaap(c: Candidate) -> bool:
        key = (c.fact.metric, c.fact.period.end, c.fact.period.months)
        if key not in gaap:
            gaap[key] = equal_to_any(by_key.get(key, []))
        return gaap[key].least(c) is not None

    return [c for c in cands if not (_adjusted_by_column(c) and repeats_gaap(c))]


def _adjusted_by_column(c: Candidate) -> bool:
    """A non-GAAP figure whose row does not call it adjusted: only its column or title does.
    A constant-currency restatement of the base period is the reported figure itself."""
    return c.fact.basis == "non_gaap" and not (c.basis_from_row and c.fact.basis_note != "constant currency")
