"""The seed release, whole: its JSON output against an expected file checked by hand.

tests/data/expected/iec-2003-q4.json was checked fact by fact against
tests/data/iec-2003-q4.txt (the IEC Electronics Form 8-K Exhibit 99.1 of
28 October 2003): 14 facts, the 4 periods Q4 FY2003, Q4 FY2002, FY2003 and
FY2002 (fiscal year ending September 30), the non-GAAP pair "before
non-operating income items", and the net loss of fiscal 2002 as negatives.
"""

from __future__ import annotations

import json
from decimal import Decimal

from pressfacts import extract
from pressfacts.outputs import release_dict
from tests.corpus import DATA

SEED = DATA / "iec-2003-q4.txt"


def test_seed_output_is_the_hand_checked_json() -> None:
    expected = json.loads((DATA / "expected" / "iec-2003-q4.json").read_text())
    assert release_dict(extract(SEED)) == expected


def test_seed_quotes_are_the_text_at_their_spans() -> None:
    release = extract(SEED)
    for fact in release.facts:
        quote = release.document.text[fact.span.start : fact.span.end]
        assert quote.startswith(("$", "("))
        assert any(ch.isdigit() for ch in quote)


def test_seed_headline_figures() -> None:
    facts = {(f.metric, f.period.label, f.basis): f.value for f in extract(SEED).facts}
    assert facts[("net_income", "Q4 FY2003", "gaap")] == 575_000
    assert facts[("net_income", "Q4 FY2003", "non_gaap")] == 325_000
    assert facts[("eps", "Q4 FY2003", "non_gaap")] == Decimal("0.04")
    assert facts[("revenue", "Q4 FY2003", "gaap")] == 9_100_000
    assert facts[("net_income", "FY2002", "gaap")] == -11_000_000
    assert facts[("eps", "FY2002", "gaap")] == Decimal("-1.43")
    assert facts[("revenue", "FY2002", "gaap")] == 30_700_000
    assert len(facts) == 14
