"""The whole corpus against its hand-checked gold, with the scorer's own matching.

Gold (../shared/corpus/gold) was checked by hand against each release. Ten
releases of different eras and layouts must come out exactly as gold states
their headline facts: 1990s openings of plain-text releases, a release with
bullets, EDGAR submissions wrapping HTML, modern HTML with non-GAAP
reconciliations, a 52/53-week retailer and a bank. The corpus as a whole must
stay above the issue's bars; the figures are in the README.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from types import ModuleType
from typing import Any

import pytest

from pressfacts import extract
from pressfacts.corpus import read_eras
from pressfacts.outputs import release_dict
from tests.corpus import corpus_dir, require_corpus

EXACT = [
    "sysco-1999-opening.txt",
    "texaco-1997-opening.txt",
    "healthextras-2005-opening.txt",
    "iec-2003-q4.txt",
    "apple-2024-q1.txt",
    "microsoft-2020-q3.htm",
    "nvidia-2024-q2.htm",
    "buckle-2024-q3.htm",
    "hasbro-2020-q1.htm",
    "farmers-national-2020-q1.htm",
]


@cache
def scorer() -> ModuleType:
    path = corpus_dir().parent / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def scored(document: str) -> dict[str, dict[str, Any]]:
    """Per basis: the scorer's hits, predictions and gold counts for one release."""
    corpus = require_corpus()
    score = scorer()
    gold_doc = score.json.loads((corpus / "gold" / re.sub(r"\.\w+$", ".json", document)).read_text())
    gold = [f for f in map(score.normalise, gold_doc["facts"]) if f]
    pred = [f for f in map(score.normalise, release_dict(extract(corpus / "docs" / document))["facts"]) if f]
    return {
        basis: score.match([g for g in gold if g[4] == basis], [p for p in pred if p[4] == basis])
        for basis in ("gaap", "non_gaap")
    }


@pytest.mark.parametrize("document", EXACT)
def test_headline_facts_are_exactly_gold(document: str) -> None:
    for basis, result in scored(document).items():
        assert result["missed"] == [], (basis, result["missed"])
        assert result["wrong_value"] == [], (basis, result["wrong_value"])
        assert result["extra"] == [], (basis, result["extra"])


def _era(document: str) -> str:
    return read_eras(require_corpus() / "SOURCES.md")[document]


def _totals(era: str | None) -> dict[str, tuple[float, float]]:
    corpus = require_corpus()
    documents = [p.name for p in sorted((corpus / "docs").iterdir())]
    totals = {b: {"hits": 0, "pred": 0, "gold": 0} for b in ("gaap", "non_gaap")}
    for document in documents:
        if era is not None and _era(document) != era:
            continue
        for basis, result in scored(document).items():
            for key in ("hits", "pred", "gold"):
                totals[basis][key] += result[key]
    return {b: (t["hits"] / t["pred"], t["hits"] / t["gold"]) for b, t in totals.items()}


def test_whole_corpus_stays_above_the_bars() -> None:
    (precision, recall), (np, nr) = _totals(None).values()
    assert precision >= 0.98
    assert recall >= 0.95
    assert 2 * np * nr / (np + nr) >= 0.80


def test_plain_text_era_stays_above_the_bars() -> None:
    precision, recall = _totals("text")["gaap"]
    assert precision >= 0.95
    assert recall >= 0.85
