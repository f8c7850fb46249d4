"""Facts from prose and from tables, reconciled into one list.

- Prose restating a figure (same metric, period and basis, equal within the
  prose's rounding) merges into the more precise fact: a table fact, or the
  more precise of two prose facts. The merged fact keeps both spans.
- An unqualified "per share" figure merges into the basic or diluted EPS
  fact of the same value.
- Figures that disagree are all kept and flagged, never silently dropped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from pressfacts.models import Fact, Period

EPS = ("eps", "eps_basic", "eps_diluted")
HEADLINE = frozenset({"revenue", "net_income", "operating_income", *EPS})


def reconcile(prose: Iterable[Fact], table: Iterable[Fact]) -> tuple[list[Fact], list[Fact]]:
    """Facts, and prose figures held back as unconfirmed.

    Where the tables state a period's headline figures, a prose figure for
    that period that no table figure confirms is more often a segment, a
    part or an outlook than a restatement; it is held back with a flag
    rather than delivered as a fact.
    """
    merged = list(table)
    table_periods = list(dict.fromkeys(f.period for f in merged if f.metric in HEADLINE))
    # Only facts of one period and basis can be twins or conflicts: look them up by that key.
    alike: dict[tuple[Period, str], list[Fact]] = defaultdict(list)
    for fact in merged:
        alike[(fact.period, fact.basis)].append(fact)
    unconfirmed: list[Fact] = []
    for fact in _merge_prose(list(prose)):
        # A 52/53-week table dates its columns to the day; prose resolves to the month end.
        fact.period = next((p for p in table_periods if same_period(p, fact.period)), fact.period)
        candidates = alike[(fact.period, fact.basis)]
        twin = _twin(fact, candidates)
        if twin is not None:
            _absorb(twin, fact)
            continue
        conflicting = [f for f in candidates if _same_key(f, fact) and f.source == "table"]
        for other in conflicting:
            _flag(fact, other)
        if any(f.metric == fact.metric or {f.metric, fact.metric} <= set(EPS) for f in conflicting):
            fact.flags.append("unconfirmed: the tables state this metric and period with another value")
            unconfirmed.append(fact)
        elif table_periods and fact.period not in table_periods:
            fact.flags.append("unconfirmed: the tables state no figure for this period")
            unconfirmed.append(fact)
        else:
            merged.append(fact)
            candidates.append(fact)
    return merged, unconfirmed


def same_period(a: Period, b: Period) -> bool:
    """One period, dated to the day or to the month end: same length, ends within a week."""
    return a.months == b.months and abs((a.end - b.end).days) <= 7


def _merge_prose(facts: list[Fact]) -> list[Fact]:
    """Prose facts stating one figure twice ("$2.0 billion" ... "$2,018 million") become one."""
    kept: list[Fact] = []
    for fact in sorted(facts, key=lambda f: -_precision(f.value)):
        twin = _twin(fact, kept)
        if twin is not None:
            _absorb(twin, fact)
        else:
            kept.append(fact)
    kept.sort(key=lambda f: f.span.start)
    by_key: dict[tuple[str, object, str], list[Fact]] = defaultdict(list)
    for fact in kept:
        by_key[(fact.metric, fact.period, fact.basis)].append(fact)
    for group in by_key.values():
        for fact in group[1:]:
            _flag(fact, group[0])
    return kept


def _twin(fact: Fact, others: list[Fact]) -> Fact | None:
    """A fact among `others` stating the same figure as `fact`, rounded as `fact` writes it."""
    for other in others:
        if other.period != fact.period or other.basis != fact.basis:
            continue
        if not _compatible_metrics(fact.metric, other.metric):
            continue
        if rounds_to(other.value, fact.value):
            return other
    return None


def _compatible_metrics(prose: str, other: str) -> bool:
    if prose == other:
        return True
    return (prose == "eps" and other in EPS) or (other == "eps" and prose in EPS)


def rounds_to(precise: Decimal, rounded: Decimal) -> bool:
    """True when `rounded` is `precise` written with fewer digits ("$2.0 billion" for 2,018 million).

    >>> rounds_to(Decimal("35021000000"), Decimal("35.0E+9"))
    True
    >>> rounds_to(Decimal("0.24"), Decimal("0.25"))
    False
    """
    if precise == rounded:
        return True
    if (precise < 0) != (rounded < 0):
        return False
    exponent = _last_digit_exponent(rounded)
    half_unit = Decimal(5) * Decimal(10) ** (exponent - 1)
    return abs(precise - rounded) <= half_unit and _precision(precise) > _precision(rounded)


def _last_digit_exponent(value: Decimal) -> int:
    """The power of ten of the last digit as written: 2.0E+9 -> 8, 0.07 -> -2."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return exponent


def _precision(value: Decimal) -> int:
    """Significant digits: what makes one statement of a figure more precise than another."""
    return len(value.as_tuple().digits)


def _absorb(kept: Fact, duplicate: Fact) -> None:
    kept.also_at = (*kept.also_at, duplicate.span, *duplicate.also_at)
    if kept.metric == "eps" and duplicate.metric in EPS:
        kept.metric = duplicate.metric


def _same_key(a: Fact, b: Fact) -> bool:
    return a.period == b.period and a.basis == b.basis and _compatible_metrics(a.metric, b.metric)


def _flag(fact: Fact, other: Fact) -> None:
    where = "table" if other.source == "table" else "text"
    fact.flags.append(f"conflict: {other.metric} {other.value} in {where} at {other.span.start}")
