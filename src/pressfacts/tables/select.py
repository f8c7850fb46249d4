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

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from pressfacts.tables.extract import SHARES_IN_UNITS, Candidate

FACTORS = (Decimal(1), Decimal(1_000), Decimal(1_000_000), Decimal(1_000_000_000))
MIN_MEETINGS = 2  # figures that must meet under one factor before it is believed

# What a headline row that loses to a better-ranked row is called instead.
DISPLACED: dict[str, str] = {"net_income": "net_income_including_noncontrolling_interest"}


def _key(c: Candidate) -> tuple[object, ...]:
    return (c.fact.period.end, c.fact.period.months, c.fact.basis)


ROUNDING_SLACK = Decimal("0.001")  # schedules rounded apart differ by a unit or two of the last digit


def equal(a: Candidate, b: Candidate) -> bool:
    """Equal values, allowing for one being a rounding of the other (720 million vs 720,224 thousand),
    and for two schedules whose roundings differ in the last digit (15,681 vs 15,682 thousand)."""
    diff = abs(a.fact.value - b.fact.value)
    half_unit = max(a.precision, b.precision)
    if diff <= half_unit:
        return True
    return a.fact.unit == "USD" and diff <= 4 * half_unit and diff <= abs(a.fact.value) * ROUNDING_SLACK


def calibrate_scales(cands: list[Candidate]) -> list[Candidate]:
    """Give each table that states no scale the factor its figures support, or none."""
    known: dict[tuple[object, ...], list[Decimal]] = defaultdict(list)
    for c in cands:
        if c.scale_known and c.fact.unit == "USD":
            known[_meeting_key(c)].append(c.fact.value)
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
    return [_rescaled(c, factors) for c in cands]


def _meeting_key(c: Candidate) -> tuple[object, ...]:
    return (c.meaning.headline or c.fact.metric, *_key(c))


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
    return any(abs(v - c.fact.value * factor) <= c.precision * factor for v in known.get(_meeting_key(c), []))


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
        winners = [c for c in group if c.meaning.rank == best]
        for c in group:
            headline = c.meaning.headline or c.fact.metric
            if c.meaning.rank == best or any(equal(c, w) for w in winners):
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
    gaap: dict[tuple[object, ...], list[Candidate]] = defaultdict(list)
    for c in cands:
        if c.fact.basis == "gaap":
            gaap[(c.fact.metric, c.fact.period.end, c.fact.period.months)].append(c)
    return [c for c in cands if not _unadjusted(c, gaap)]


def _unadjusted(c: Candidate, gaap: dict[tuple[object, ...], list[Candidate]]) -> bool:
    # A constant-currency restatement of the base period is the reported figure itself.
    if c.fact.basis != "non_gaap" or (c.basis_from_row and c.fact.basis_note != "constant currency"):
        return False
    same = gaap.get((c.fact.metric, c.fact.period.end, c.fact.period.months), [])
    return any(equal(c, g) for g in same)
