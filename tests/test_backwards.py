"""Cues read backwards agree with the forward searches they replace.

A cue that must end where a figure or phrase starts ("more than $5", "loss of $3", "a decrease
in income") was first written as a search for "...$"; reading the text backwards from that
point is ten times cheaper. Each row: the forward pattern as first written, the fast form,
the window the code gives it, and words to build texts from (near misses included: "setup",
"leftover", case twins such as the long s and the dotted capital I).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressfacts.cues import HEDGE_BEFORE, PART_BEFORE
from pressfacts.metrics import CHANGE_BEFORE_BACKWARDS
from pressfacts.prose import FIGURE_BEFORE_BACKWARDS, NEGATIVE_BEFORE

SPACES = [" ", "  ", "\n", "\t", "$", "(", ",", "ſ", "İ", "K"]


@dataclass(frozen=True)
class Case:
    name: str
    forwards: re.Pattern[str]
    fast: Callable[[str], bool]
    words: list[str]
    window: Callable[[str], str] = lambda text: text


CASES = [
    Case(
        "hedge",
        re.compile(
            r"""(?:more\s{1,3}than|over|exceed(?:s|ed|ing)?|approximately|approx\.|about|nearly|almost|around
               |roughly|up\s{1,3}to|at\s{1,3}least|in\s{1,3}excess\s{1,3}of|some|close\s{1,3}to|less\s{1,3}than
               |under|between)\s{1,3}$""",
            re.I | re.X,
        ),
        HEDGE_BEFORE.ends,
        ["more", "than", "leftover", "over", "exceeded", "approx.", "APPROXIMATELY", "up", "to", "in", "excess",
         "of", "ſome", "İn"],
        lambda text: text[-30:],
    ),
    Case(
        "part of a figure",
        re.compile(
            r"(?:includ(?:ed|es|ing|e)|reflect(?:ed|s|ing)?|of\s{1,3}which|impact(?:ed)?\s{1,3}of|effect\s{1,3}of"
            r"|(?:increase|decrease|improvement|decline|reduction|change|gain|rise|drop|growth|charge|benefit)s?"
            r"\s{1,3}of|\b(?:up|down|increased|decreased|declined|rose|fell|grew|improved|higher|lower)"
            r"(?:\s{1,3}by)?|\bby|totall?ing|amounting\s{1,3}to)(?:\s{1,3}(?:a|an|the|approximately))?\s{1,3}$",
            re.I,
        ),
        PART_BEFORE.ends,
        ["included", "reflect", "of", "which", "impacted", "gains", "Growth", "setup", "up", "by", "standby",
         "totalling", "amounting", "to", "a", "the", "approximately", "lower", "İncluded"],
        lambda text: text[-40:],
    ),
    Case(
        "negative sign",
        re.compile(r"(?:negative|minus|loss\s{1,3}of)\s{1,3}$", re.I),
        NEGATIVE_BEFORE.ends,
        ["negative", "minus", "loss", "of", "gloss", "Minus"],
        lambda text: text[-16:],
    ),
    Case(
        "figure before a comparison word",
        re.compile(
            r"(?:\d|%|percent|million|billion|thousand|cents|share|increase|decrease|gain|improvement|decline|growth"
            r"|rise|jump|drop)s?(?:,?\s{1,3}respectively)?\W{0,3}$",
            re.I,
        ),
        lambda text: FIGURE_BEFORE_BACKWARDS.match(text[::-1]) is not None,
        ["5", "12%", "percent", "Millions", "shares", "gains", "respectively", ")", "up", "drops", "ſhare"],
        lambda text: text[-40:].rstrip(),
    ),
    Case(
        "change before a metric",
        re.compile(
            r"(?:increase|decrease|decline|improvement|growth|change|reduction|rise|drop|gain|shortfall|swing"
            r"|impact)s?\s{1,3}(?:in|on|to)\s{1,3}(?:the\s{1,3}|our\s{1,3}|its\s{1,3})?(?:[\w'’\-]{1,20}\s{1,3})?$",
            re.I,
        ),
        lambda text: CHANGE_BEFORE_BACKWARDS.match(text[::-1]) is not None,
        ["increases", "Decline", "outgrowth", "impact", "in", "on", "to", "the", "ITS", "our", "company's",
         "year-over-year", "ſwing", "gaİn", "net"],
        lambda text: text[-60:],
    ),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
@settings(max_examples=1500, deadline=None)
@given(data=st.data())
def test_read_backwards_agrees_with_the_forward_search(case: Case, data: st.DataObject) -> None:
    words = data.draw(st.lists(st.sampled_from(case.words + SPACES), max_size=12))
    text = case.window(" ".join(words))
    assert case.fast(text) is (case.forwards.search(text) is not None)


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("hedge", "revenue of more than ", True),
        ("hedge", "revenue of more than\n", True),
        ("hedge", "a setup cost of ", False),
        ("part of a figure", "which included an ", True),
        ("part of a figure", "the setup ", False),
        ("negative sign", "a loss of  ", True),
        ("figure before a comparison word", "up 12%,", True),
        ("change before a metric", "the decrease in ", True),
        ("change before a metric", "reported ", False),
    ],
)
def test_backwards_cases_by_hand(case: str, text: str, expected: bool) -> None:
    row = next(c for c in CASES if c.name == case)
    assert row.fast(row.window(text)) is expected
    assert (row.forwards.search(row.window(text)) is not None) is expected
