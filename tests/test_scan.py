"""The fast scan gives exactly what one scan per rule would give, on real text and on any text."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressfacts import cues, metrics, periods
from pressfacts.document import build_documents
from pressfacts.models import Span
from pressfacts.scan import (
    ASCII_CASE_TWINS,
    Led,
    PhraseRules,
    _merged,
    characters_of,
    coalesce,
    longest_first,
    skipping,
    spans,
)
from tests.corpus import require_corpus

RULE_SETS = [periods.PERIOD_RULES, metrics.METRIC_RULES]

# Words and marks the period and metric rules are made of, to build text that is dense in near-matches.
VOCABULARY = [
    "the",
    "fiscal",
    "year",
    "quarter",
    "first",
    "second",
    "fourth",
    "4th",
    "half",
    "nine",
    "months",
    "ended",
    "ending",
    "September",
    "30,",
    "2003",
    "1997",
    "Q3",
    "3Q",
    "prior",
    "last",
    "same",
    "a",
    "ago",
    "of",
    "for",
    "net",
    "income",
    "loss",
    "(loss)",
    "revenue",
    "revenues",
    "sales",
    "operating",
    "per",
    "diluted",
    "basic",
    "share",
    "EPS",
    "earnings",
    "from",
    "operations",
    "weeks",
    "13",
    "fifty-two",
    "ſ",
    "K",
    "İ",
    "ı",
    ".",
    ",",
    ";",
    "\n",
]


def corpus_texts() -> list[str]:
    docs = require_corpus() / "docs"
    return [d.text for path in sorted(docs.iterdir()) for d in build_documents(path.read_bytes(), path.name)]


def slow_find(rules: PhraseRules, text: str, regions: list[Span] | None) -> list[tuple[int, int, int, str]]:
    """Each rule scanned on its own over each window of its group: the plain algorithm."""
    anchor = re.compile(rules.key_words.pattern, re.I)
    found = []
    for region in coalesce(text, regions):
        hits: list[list[tuple[int, int]]] = [[] for _ in rules.members]
        for match in anchor.finditer(text, region.start, region.end):
            for g, words in enumerate(rules.members):
                if words.fullmatch(match.group(0)):
                    hits[g].append(match.span())
        for group_hits, group in zip(hits, rules.groups, strict=True):
            if not group_hits:
                continue
            for lo, hi in _merged(group_hits, group.before, group.after, region):
                for i in group.members:
                    for m in rules.patterns[i].finditer(text, lo, hi):
                        found.append((m.start(), -m.end(), i, m.group(0)))
    return longest_first(found)


def fast_find(rules: PhraseRules, text: str, regions: list[Span] | None) -> list[tuple[int, int, int, str]]:
    return [(s, e, i, m.group(0)) for s, e, i, m in rules.find(text, regions)]


def test_case_twins_are_all_the_non_ascii_characters_that_match_ascii_letters() -> None:
    letters = re.compile("[a-zA-Z]", re.I)
    twins = [chr(c) for c in range(128, sys.maxunicode + 1) if letters.fullmatch(chr(c))]
    assert "".join(twins) == ASCII_CASE_TWINS


@pytest.mark.parametrize(
    ("char_class", "flags", "expected"),
    [
        ("a-c", 0, "abc"),
        ("ks", re.I, "KSks\u017f\u212a"),
        ("0-2(", 0, "\\(012"),
    ],
)
def test_characters_of_a_class(char_class: str, flags: int, expected: str) -> None:
    assert characters_of(char_class, flags) == expected


@given(st.lists(st.sampled_from(["ab", "abab", "b", "ba", "x", " ", "aB", "\n"]), max_size=30))
def test_skipping_spans_are_those_of_finditer(parts: list[str]) -> None:
    text = "".join(parts)
    for pattern, first in [(r"ab(?:ab)?", "a"), (r"\bb\w{0,3}", "b"), (r"a|b", "ab")]:
        plain = [m.span() for m in re.finditer(pattern, text, re.I)]
        fast = [m.span(1) for m in spans(skipping(first, pattern, re.I), text, 0, len(text))]
        assert fast == plain


@pytest.mark.parametrize("rules", RULE_SETS, ids=["periods", "metrics"])
def test_fast_find_equals_one_scan_per_rule_on_the_corpus(rules: PhraseRules) -> None:
    texts = corpus_texts()
    assert texts, "no corpus texts"
    for text in texts:
        assert fast_find(rules, text, None) == slow_find(rules, text, None)


@pytest.mark.parametrize("rules", RULE_SETS, ids=["periods", "metrics"])
@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(VOCABULARY), max_size=60), cut=st.integers(0, 400))
def test_fast_find_equals_one_scan_per_rule_on_any_text(
    rules: PhraseRules, words: list[str], cut: int
) -> None:
    text = " ".join(words)
    regions = [Span(0, min(cut, len(text))), Span(min(cut, len(text)), len(text))]
    assert fast_find(rules, text, regions) == slow_find(rules, text, regions)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Net income for 3Q 1998 rose", "3Q 1998"),
        ("Net income for 4Q rose", "4Q"),
        ("sales in the three months of June 30, 2003", "three months of June 30, 2003"),
        ("revenue for Q2 2004 was", "Q2 2004"),
    ],
)
def test_every_key_word_opens_a_window(text: str, phrase: str) -> None:
    """Key words that start with a digit or a month name are found (they once had no first character)."""
    assert phrase in [m.group(0) for _, _, _, m in periods.PERIOD_RULES.find(text, None)]


LED = [("comparisons", cues.COMPARE_RE), ("qualifiers", cues.QUALIFIER_SCAN)]
CUE_WORDS = [
    "as",
    "compared",
    "to",
    "with",
    "versus",
    "vs.",
    "vs",
    "in",
    "comparison",
    "comparable",
    "relative",
    "against",
    "over",
    "than",
    "above",
    "below",
    "from",
    "before",
    "excluding",
    "exclusive",
    "of",
    "prior",
    "not",
    "including",
    "adjusted",
    "for",
    "which",
    "excludes",
    "absent",
    "income",
    ".",
]


def plain_finditer(led: Led, text: str, regions: list[Span]) -> list[tuple[int, int]]:
    return [m.span() for r in regions for m in led.pattern.finditer(text, r.start, r.end)]


@pytest.mark.parametrize(("name", "led"), LED, ids=[name for name, _ in LED])
def test_led_patterns_find_what_finditer_finds_on_the_corpus(name: str, led: Led) -> None:
    for text in corpus_texts():
        regions = [Span(0, len(text) // 2), Span(len(text) // 2 + 1, len(text))]
        assert [m.span() for m in led.finditer(text, regions)] == plain_finditer(led, text, regions), name


@pytest.mark.parametrize(("name", "led"), LED, ids=[name for name, _ in LED])
@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from([*CUE_WORDS, "\n", "İn", "ſ", "K", "("]), max_size=40),
    cut=st.integers(0, 300),
)
def test_led_patterns_find_what_finditer_finds_on_any_text(
    name: str, led: Led, words: list[str], cut: int
) -> None:
    text = " ".join(words)
    cut = min(cut, len(text))
    regions = [Span(0, cut), Span(cut, len(text))]
    assert [m.span() for m in led.finditer(text, regions)] == plain_finditer(led, text, regions), name
