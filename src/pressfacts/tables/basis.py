"""Words that mark a figure, column or table as adjusted (non-GAAP) or as reported.

Each entry is (pattern, note, rank). Rank orders competing non-GAAP figures of
one metric: a row named "Adjusted net income" (rank 0) is the bottom line of a
reconciliation, while "net income excluding merger costs" (rank 2) is an
intermediate line, used only when nothing better is stated; a "pro forma"
row (rank 1) gives way to an "as adjusted" one beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pressfacts.models import Basis

# Order matters: "non-GAAP" before "GAAP", "as adjusted" before "adjusted".
NON_GAAP_MARKS: list[tuple[str, str, int]] = [
    (r"\bnon[\s-]*gaap\b", "non-GAAP", 0),
    (r"\bas[\s-]+adjusted\b", "as adjusted", 0),
    (r"\badjusted\b|\badj\.", "adjusted", 0),
    (r"\bpro[\s-]*forma\b", "pro forma", 1),
    (r"^core\b|\bcore(?=\s+(?:net|diluted|basic|earnings|eps|operating))", "core", 0),
    (r"(?:\b(?:at|in|on\s+a)\s+)?\bconstant[\s-]+currency(?:\s+basis)?\b", "constant currency", 0),
    (r"\beconomic(?=\s+(?:earnings|net\s+income|eps)\b)", "economic", 0),
    (r"\bnormali[sz]ed\b", "normalized", 0),
    (
        r"\bbefore\s+(?:special|one-time|unusual|certain|non-?recurring)\s+(?:items|charges)\b",
        "before special items",
        1,
    ),
    (r"\bexcluding\b|\bexcl\.|\bex-|\bto\s+exclude\b", "excluding", 2),
]

# Marks that open a phrase ("excluding merger costs"): the caller cuts the phrase off instead.
TAIL_NOTES = frozenset({"excluding", "before special items"})

# Words saying a figure is as reported: they name GAAP explicitly.
GAAP_MARKS: list[str] = [
    r"\bu\.?s\.?\s+gaap\b",
    r"\bgaap\b",
    r"\bas[\s-]+reported\b",
    r"\breported\b",
    r"\bunadjusted\b",
]

_NON_GAAP = [(re.compile(p, re.IGNORECASE), note, rank) for p, note, rank in NON_GAAP_MARKS]
_GAAP = [re.compile(p, re.IGNORECASE) for p in GAAP_MARKS]
# Most labels hold no basis word. Every pattern above needs one of these letter runs, so text
# without any of them matches none: one cheap search instead of fifteen. A pattern added above
# must keep one of them, or add its own here.
_MARK_WORDS = re.compile("gaap|adj|forma|core|currency|economic|normali|before|excl|ex-|reported")


def may_match(words: re.Pattern[str], text: str) -> bool:
    """Whether `text` may match a case-blind pattern that needs one of `words` (lowercase).

    Searching the lowercased text is faster than a case-blind search, and the same for ASCII
    text; elsewhere case-blind matching has cases lowercasing misses ("ı" is "i"), so
    non-ASCII text is let through to the patterns themselves.
    """
    return not text.isascii() or words.search(text.lower()) is not None


# Every label, section and header is checked for basis words, most of them many times over
# (once per column, once per candidate reading): results are cached, bounded.
MARK_CACHE = 8192


@dataclass(frozen=True, slots=True)
class BasisMark:
    basis: Basis
    note: str | None = None
    rank: int = 0


@lru_cache(maxsize=MARK_CACHE)
def basis_mark(text: str) -> BasisMark | None:
    """The basis a label or header states, or None when it states none.

    >>> basis_mark("Non-GAAP net income").note
    'non-GAAP'
    >>> basis_mark("GAAP net income").basis
    'gaap'
    >>> basis_mark("Net income") is None
    True
    """
    if not may_match(_MARK_WORDS, text):
        return None
    found = [(note, rank) for pattern, note, rank in _NON_GAAP if pattern.search(text)]
    if found:
        # "Non-GAAP net income, as adjusted to exclude H20 charges": every qualifier is kept in
        # the note, and the best rank stands (the line is a bottom line of its own).
        names = list(dict.fromkeys(note for note, _ in found))
        notes = ", ".join(n for n in names if not any(n != other and n in other for other in names))
        return BasisMark("non_gaap", notes, min(rank for _, rank in found))
    if any(p.search(text) for p in _GAAP):
        return BasisMark("gaap")
    return None


@lru_cache(maxsize=MARK_CACHE)
def strip_marks(text: str) -> str:
    """The text without its basis words: "Non-GAAP net income" -> "net income"."""
    if not may_match(_MARK_WORDS, text):
        return " ".join(text.split())  # no pattern matches, so no substitution below would
    for pattern, note, _rank in _NON_GAAP:
        if note not in TAIL_NOTES:
            text = pattern.sub(" ", text)
    for pattern in _GAAP:
        text = pattern.sub(" ", text)
    return " ".join(text.split())
