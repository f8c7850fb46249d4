"""Words around figures that change what they mean.

- comparison markers split a sentence into frames ("... compared to ...");
- qualifiers make a figure non-GAAP ("before non-operating income items");
- hedges make it inexact ("more than $800,000");
- part-of cues make it a part of another figure ("$1.7 million of last year's income").
Each is a vocabulary compiled once; all patterns are bounded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pressfacts.models import Span
from pressfacts.scan import Ending, Led

COMPARE_RE = Led(
    r"""\b(?:(?:as\s{1,3})?compared\s{1,3}(?:to|with)|compares?\s{1,3}(?:to|with)|versus|vs\.?
       |in\s{1,3}comparison\s{1,3}(?:to|with)|comparable\s{1,3}(?:to|with)|relative\s{1,3}to|against|over|than|above|below|from)\b""",
    ["as", "compar", "versus", "vs", "in", "relative", "against", "over", "than", "above", "below", "from"],
    re.I | re.X,
)
# "from" and "over" only compare when they follow a figure: "up 12% from $8.6 million".
WEAK_COMPARE = frozenset({"from", "over", "above", "below", "against"})

QUALIFIER = r"""\b(?=[bepnaw])(?:before|excluding|exclusive\s{1,3}of|prior\s{1,3}to|not\s{1,3}including
       |adjusted\s{1,3}(?:for|to\s{1,3}exclude)|which\s{1,3}excludes?|absent)\b[^,;.()]{3,160}"""
QUALIFIER_RE = re.compile(QUALIFIER, re.I | re.X)
QUALIFIER_SCAN = Led(
    QUALIFIER,
    ["before", "excluding", "exclusive", "prior", "not", "adjusted", "which", "absent"],
    re.I | re.X,
)
SENTENCE_BASIS_RE = re.compile(
    r"""^\W{0,3}(?:on\s{1,3}(?:a|an)\s{1,3}(?P<basis>managed|non-?GAAP|adjusted|pro\s{1,3}forma|normalized|operating|core)
       \s{1,3}basis|(?P<excl>excluding|before)\b[^,;]{3,160},)""",
    re.I | re.X,
)
# Words that make the figure right after them inexact ("more than $800,000").
HEDGES = (
    "more than", "over", "exceed", "exceeds", "exceeded", "exceeding", "approximately", "approx.", "about",
    "nearly", "almost", "around", "roughly", "up to", "at least", "in excess of", "some", "close to",
    "less than", "under", "between",
)  # fmt: skip


HEDGE_BEFORE = Ending(HEDGES)
# Words before a figure that make it a part of another one, a change or a charge:
# "included $1.2 million", "an increase of $3 million", "up by $2 million", "totaling $5 million".
PART_BEFORE = Ending(
    phrases=[
        *(f"includ{end}" for end in ("ed", "es", "ing", "e")),
        *(f"reflect{end}" for end in ("ed", "s", "ing", "")),
        "of which", "impact of", "impacted of", "effect of",
        *(f"{change}{plural} of" for change in (
            "increase", "decrease", "improvement", "decline", "reduction", "change", "gain", "rise", "drop",
            "growth", "charge", "benefit") for plural in ("", "s")),
        "totaling", "totalling", "amounting to",
    ],
    words=[
        *(f"{move}{by}" for move in (
            "up", "down", "increased", "decreased", "declined", "rose", "fell", "grew", "improved", "higher",
            "lower") for by in ("", " by")),
        "by",
    ],
    then=["a", "an", "the", "approximately"],
)  # fmt: skip
PART_AFTER_RE = re.compile(
    r"""^\s{0,3}(?:\((?:pre-?tax|after-?tax|aftertax|net)[^)]{0,20}\)\s{0,3})?
       (?:(?:pre-?tax|after-?tax|aftertax|non-?cash|one-?time|special|restructuring)\b
       |(?:charges?|gains?|benefits?|expenses?|write-?(?:offs?|downs?)|reserves?|payments?|settlements?|increases?
       |decreases?|reductions?|improvements?|impacts?|investments?|tax|credits?|provisions?|adjustments?|declines?
       |contributions?|in\s{1,3}(?:insurance|proceeds|cash|charges|costs|savings))\b)""",
    re.I | re.X,
)
# "$1.7 million of last year's 4th quarter income": a part of a named whole.
PART_OF_RE = re.compile(
    r"^\s{0,3}of\s{1,3}[^.,;$()]{0,50}?\b(?:income|earnings|revenues?|sales|profits?|total|reported|loss)\b"
    r"(?!\s{1,3}per\b)",
    re.I,
)


# Not frozen: made by the hundred per release, and a frozen dataclass is several times
# slower to build. Treat it as a value all the same: make a new one, never assign to one.
@dataclass(slots=True)
class Qualifier:
    """A phrase that makes the figures it applies to non-GAAP."""

    span: Span
    note: str


def find_compare_markers(text: str, regions: Sequence[Span]) -> list[tuple[Span, str]]:
    """ "compared to", "versus", "from" ...: where a sentence turns to another period."""
    return [(Span(*m.span()), m.group(0).lower().split()[0]) for m in COMPARE_RE.finditer(text, regions)]


def find_qualifiers(text: str, regions: Sequence[Span]) -> list[Qualifier]:
    """ "before non-operating income items", "excluding the effects of ..."."""
    qualifiers = []
    for match in QUALIFIER_SCAN.finditer(text, regions):
        phrase = _until_stop(match.group(0))
        if _is_timing(phrase):
            continue
        span = Span(match.start(), match.start() + len(phrase))
        qualifiers.append(Qualifier(span, " ".join(phrase.split())))
    return qualifiers


STOP_RE = re.compile(
    r"\s(?:compared|versus|vs\.?|as\s{1,3}compared|on\s{1,3}(?:revenue|sales)|for\s{1,3}the|and\s{1,3}(?:revenue|sales|net)"
    r"|or\s{1,3}\$|was\b|were\b|of\s{1,3}\$|\$)",
    re.I,
)


def _until_stop(phrase: str) -> str:
    stop = STOP_RE.search(phrase)
    return phrase[: stop.start()] if stop else phrase


def _is_timing(phrase: str) -> bool:
    """ "before the end of the year" is about time, not about what a figure includes."""
    return bool(
        re.match(
            r"(?:before|prior\s{1,3}to)\s{1,3}(?:the\s{1,3})?(?:end|close|start|beginning|\d|year|quarter)",
            phrase,
            re.I,
        )
    )


def sentence_basis(sentence: str) -> str | None:
    """A note when the whole sentence is on a non-GAAP basis: "On a managed basis, ..."."""
    match = SENTENCE_BASIS_RE.match(sentence)
    if match is None:
        return None
    if match.group("basis"):
        return f"{' '.join(match.group('basis').lower().split())} basis"
    return " ".join(match.group(0).strip(" ,").split())


def is_hedged(before: str) -> bool:
    return HEDGE_BEFORE.ends(before[-30:])


def is_part(before: str, after: str) -> bool:
    """True when an amount is a part, a charge or a change rather than a headline figure."""
    window = after[:80]
    return bool(PART_BEFORE.ends(before[-40:]) or PART_AFTER_RE.match(window) or PART_OF_RE.match(window))
