"""Equal figures found through an index must be exactly those that comparing each pair finds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from pressfacts.models import Fact, Period, Span, Unit
from pressfacts.tables.extract import Candidate
from pressfacts.tables.labels import Meaning
from pressfacts.tables.matching import SMALL, EqualIndex, clusters, equal, equal_to_any

PERIOD = Period(dt.date(2020, 3, 31), 3)


def candidate(value: Decimal, precision: Decimal, unit: Unit = "USD") -> Candidate:
    fact = Fact("revenue", value, unit, PERIOD, "gaap", Span(0, 0), "table", "test")
    return Candidate(fact, Meaning("revenue", unit), precision, False, True, Decimal(1))


def naive_clusters(group: list[Candidate]) -> list[list[Candidate]]:
    """The definition: each candidate joins the first cluster holding one it equals."""
    out: list[list[Candidate]] = []
    for c in group:
        home = next((cl for cl in out if any(equal(c, o) for o in cl)), None)
        if home is None:
            out.append([c])
        else:
            home.append(c)
    return out


# Values on a coarse grid, so that many lie within rounding reach of one another, at the
# precisions tables print (units, thousands, millions, cents); some negative, some money.
candidates = st.builds(
    lambda steps, precision, unit: candidate(Decimal(steps) * 2 * precision, precision, unit),
    st.integers(-3000, 3000),
    st.sampled_from([Decimal("0.005"), Decimal("0.5"), Decimal(500), Decimal(500_000)]),
    st.sampled_from(["USD", "USD", "shares"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(candidates, min_size=0, max_size=4 * SMALL))
def test_clusters_match_pairwise_comparison(group: list[Candidate]) -> None:
    got = [[id(c) for c in cl] for cl in clusters(group)]
    assert got == [[id(c) for c in cl] for cl in naive_clusters(group)]


@settings(max_examples=200, deadline=None)
@given(st.lists(candidates, min_size=1, max_size=4 * SMALL), st.lists(candidates, max_size=20))
def test_index_finds_first_equal(members: list[Candidate], probes: list[Candidate]) -> None:
    index = EqualIndex(members)
    for rank, c in enumerate(members):
        index.place(c, rank)
    anyone = equal_to_any(members)
    for a in [*probes, *members]:
        first = next((rank for rank, c in enumerate(members) if equal(a, c)), None)
        assert index.least(a) == first
        assert (anyone.least(a) is not None) == (first is not None)


def test_rounding_reach_is_respected() -> None:
    """720 million (precision half a million) equals 720,224 thousand; 4 half units apart
    counts only for money and only within 0.1% of the figure."""
    coarse = [candidate(Decimal(720_000_000), Decimal(500_000)) for _ in range(SMALL)]
    index = equal_to_any(coarse)
    assert index.least(candidate(Decimal(720_224_000), Decimal(500))) is not None
    assert index.least(candidate(Decimal(722_000_001), Decimal(500))) is None
    shares = equal_to_any([candidate(Decimal(15_681_000), Decimal(500), "shares")] * SMALL)
    assert shares.least(candidate(Decimal(15_682_000), Decimal(500), "shares")) is None
    money = equal_to_any([candidate(Decimal(15_681_000), Decimal(500))] * SMALL)
    assert money.least(candidate(Decimal(15_682_000), Decimal(500))) is not None
