"""Equal figures, and finding them among many without comparing every pair.

`equal` allows for rounding (see its doc). For a given candidate `a` and another of
precision `p`, whether they are equal depends only on the distance between their values,
and the nearer the likelier: so among the candidates of one precision, sorted by value,
those equal to `a` form one run, found by bisection. `EqualIndex` keeps, for each value,
the least rank of the candidates placed there, and answers "the least rank among the
candidates equal to `a`" in a few bisections and a range minimum, where comparing `a` with
every member would make grouping a table of many rows quadratic.
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from pressfacts.tables.extract import Candidate

ROUNDING_SLACK = Decimal("0.001")  # schedules rounded apart differ by a unit or two of the last digit
SMALL = 16  # members below which comparing with each is cheaper than indexing them


def equal(a: Candidate, b: Candidate) -> bool:
    """Equal values, allowing for one being a rounding of the other (720 million vs 720,224 thousand),
    and for two schedules whose roundings differ in the last digit (15,681 vs 15,682 thousand)."""
    return _close(a, b.fact.value, b.precision)


def _close(a: Candidate, value: Decimal, precision: Decimal) -> bool:
    """`equal(a, b)` for a `b` of this value and precision: all that `equal` reads of `b`."""
    diff = abs(a.fact.value - value)
    half_unit = max(a.precision, precision)
    if diff <= half_unit:
        return True
    return a.fact.unit == "USD" and diff <= 4 * half_unit and diff <= abs(a.fact.value) * ROUNDING_SLACK


NOT_PLACED = sys.maxsize  # the least rank of a value no candidate was placed on yet


class _Run:
    """The distinct values of one precision, sorted, over a segment tree of least ranks."""

    def __init__(self, precision: Decimal, values: Iterable[Decimal]) -> None:
        self.precision = precision
        self.values = sorted(set(values))
        self.slot = {v: i for i, v in enumerate(self.values)}
        self.size = len(self.values)
        self.tree = [NOT_PLACED] * (2 * self.size)  # leaves at size..2*size-1, node i over 2i, 2i+1

    def place(self, value: Decimal, rank: int) -> None:
        i = self.slot[value] + self.size
        while i and rank < self.tree[i]:
            self.tree[i] = rank
            i //= 2

    def least(self, a: Candidate) -> int:
        """The least rank placed on a value `a` equals.

        `equal` never reaches past four half units, which bounds the run; its ends are then
        found with `_close` itself, so the run is exactly what `equal` picks. Should decimal
        rounding carry the run past the bound (a value just outside is close), all is searched.
        """
        mid, p, values, n = a.fact.value, self.precision, self.values, self.size
        bound = 4 * max(a.precision, p)
        start, stop = bisect_left(values, mid - bound), bisect_right(values, mid + bound)
        if start > 0 and _close(a, values[start - 1], p):
            start = 0
        if stop < n and _close(a, values[stop], p):
            stop = n
        lo = bisect_left(values, True, start, stop, key=lambda v: v >= mid or _close(a, v, p))
        hi = bisect_left(values, True, lo, stop, key=lambda v: v > mid and not _close(a, v, p))
        best, lo, hi = NOT_PLACED, lo + n, hi + n
        while lo < hi:
            if lo & 1:
                best = min(best, self.tree[lo])
                lo += 1
            if hi & 1:
                hi -= 1
                best = min(best, self.tree[hi])
            lo //= 2
            hi //= 2
        return best


class EqualIndex:
    """Candidates placed with a rank; `least(a)` is the least rank among those equal to `a`.

    The members that may ever be placed are given up front; a few (`SMALL`) are simply
    compared one by one.
    """

    def __init__(self, members: Iterable[Candidate]) -> None:
        members = list(members)
        self.placed: list[tuple[Candidate, int]] = []
        self.runs: dict[Decimal, _Run] | None = None
        if len(members) >= SMALL:
            by_precision: dict[Decimal, list[Decimal]] = defaultdict(list)
            for c in members:
                by_precision[c.precision].append(c.fact.value)
            self.runs = {p: _Run(p, values) for p, values in by_precision.items()}

    def place(self, c: Candidate, rank: int) -> None:
        if self.runs is None:
            self.placed.append((c, rank))
        else:
            self.runs[c.precision].place(c.fact.value, rank)

    def least(self, a: Candidate) -> int | None:
        if self.runs is None:
            return min((rank for c, rank in self.placed if equal(a, c)), default=None)
        best = min(run.least(a) for run in self.runs.values())
        return None if best == NOT_PLACED else best


def equal_to_any(members: list[Candidate]) -> EqualIndex:
    """An index answering whether a candidate equals any of `members` (`least` is not None)."""
    index = EqualIndex(members)
    for c in members:
        index.place(c, 0)
    return index


def clusters(group: list[Candidate]) -> list[list[Candidate]]:
    """Each candidate joins the first cluster holding a candidate it equals, else opens one.

    Every earlier candidate sits in some cluster, so its cluster's number is its rank: the
    first cluster holding one equal to `c` is the least rank among those.
    """
    if len(group) == 1:
        return [group[:]]
    out: list[list[Candidate]] = []
    if len(group) < SMALL:  # most groups hold one figure or a few: compare directly
        for c in group:
            cluster = next((cl for cl in out if any(equal(c, o) for o in cl)), None)
            if cluster is None:
                out.append([c])
            else:
                cluster.append(c)
        return out
    index = EqualIndex(group)
    for c in group:
        home = index.least(c)
        if home is None:
            home = len(out)
            out.append([])
        out[home].append(c)
        index.place(c, home)
    return out
