"""Figures as statements give them: a point, a range, a pair "respectively", a tolerance.

Parsed from the mentions of a sentence ("$10 to $11 million", "between $2.66 and
$2.86", "$2.66-$2.86", "$16.00 billion, plus or minus 2%", "approximately $2.95
billion and $2.00 billion, respectively"). A low end written without its scale
takes the high end's ("$10 to $11 million" is ten million to eleven million).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from pressfacts.mentions import SCALES
from pressfacts.models import Mention, Span, Unit

# Between the two ends of a range; "between A and B" is told by the word before A.
RANGE_GAP_RE = re.compile(r"\s{0,3}(?:to|through|-|–|—)\s{0,3}", re.I)
AND_GAP_RE = re.compile(r"\s{0,3}and\s{1,3}", re.I)
BETWEEN_RE = re.compile(r"between\s{1,3}$", re.I)
RESPECTIVELY_RE = re.compile(r",?\s{0,3}respectively\b", re.I)
TOLERANCE_RE = re.compile(
    r"(?:,?\s{0,3}respectively)?,?\s{0,3}plus\s{1,3}or\s{1,3}minus\s{1,3}(?P<n>\d{1,3}(?:\.\d{1,2})?)\s{0,2}"
    r"(?P<unit>%|percent|basis\s{1,3}points)",
    re.I,
)
# Words that make a figure inexact; the longest first.
APPROXIMATE_RE = re.compile(
    r"(?P<q>more\s{1,3}than|less\s{1,3}than|in\s{1,3}excess\s{1,3}of|at\s{1,3}least|up\s{1,3}to|approximately"
    r"|about|around|roughly|nearly|almost|over|under)\s{1,3}$",
    re.I,
)
# Words before a figure that make it a part of the one before: "including $0.03 to $0.05 per share".
ASIDE_RE = re.compile(
    r"(?:including|includes|included|excluding|excludes|of\s{1,3}which|related\s{1,3}to|reflecting)"
    r"(?:\s{1,3}(?:the|an?))?(?:\s{1,3}(?:approximately|about))?\s{1,3}$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Figures:
    """A point or a range as written; `values` holds two points for "A and B, respectively"."""

    span: Span
    unit: Unit
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    approximate: str | None = None
    tolerance: Decimal | None = None
    tolerance_unit: str | None = None
    aside: bool = False
    pair: tuple[Decimal, Decimal] | None = None


def figure_groups(text: str, mentions: Sequence[Mention]) -> list[Figures]:
    """The mentions of a sentence grouped into points and ranges, in text order."""
    groups: list[Figures] = []
    i = 0
    while i < len(mentions):
        group, used = _group(text, mentions, i)
        groups.append(group)
        i += used
        while i < len(mentions) and mentions[i].span.start < group.span.end:
            i += 1  # the "2%" of "plus or minus 2%"
    return groups


def _group(text: str, mentions: Sequence[Mention], i: int) -> tuple[Figures, int]:
    first = mentions[i]
    second = mentions[i + 1] if i + 1 < len(mentions) else None
    before = text[max(0, first.span.start - 40) : first.span.start]
    gap = text[first.span.end : second.span.start] if second else ""
    if second is not None and _ranged(gap, before, second):
        low, high = _scaled(first, second), abs(second.value)
        figures = Figures(Span(first.span.start, second.span.end), first.unit, None, low, high)
        return _finish(text, figures, before), 2
    if second is not None and AND_GAP_RE.fullmatch(gap) and RESPECTIVELY_RE.match(text, second.span.end):
        pair = (first.value, second.value)
        figures = Figures(Span(first.span.start, second.span.end), first.unit, None, None, None, pair=pair)
        return _finish(text, figures, before), 2
    return _finish(text, Figures(first.span, first.unit, first.value, None, None), before), 1


def _ranged(gap: str, before: str, second: Mention) -> bool:
    """A range: "A to B", "A-B" (B read as negative), "between A and B"."""
    if RANGE_GAP_RE.fullmatch(gap) or (gap == "" and second.negative_notation):
        return True
    return bool(AND_GAP_RE.fullmatch(gap) and BETWEEN_RE.search(before))


def _scaled(low: Mention, high: Mention) -> Decimal:
    """The low end in the high end's scale when written without one: "$10 to $11 million"."""
    if low.scale_word is None and high.scale_word is not None and low.kind == high.kind:
        return low.value.scaleb(SCALES[high.scale_word])
    return abs(low.value)


def _finish(text: str, figures: Figures, before: str) -> Figures:
    approximate = APPROXIMATE_RE.search(before)
    tolerance = TOLERANCE_RE.match(text, figures.span.end)
    span = figures.span
    if tolerance is not None:
        span = Span(span.start, tolerance.end())
    return Figures(
        span,
        figures.unit,
        figures.value,
        figures.low,
        figures.high,
        " ".join(approximate.group("q").lower().split()) if approximate else None,
        Decimal(tolerance.group("n")) if tolerance else None,
        _tolerance_unit(tolerance.group("unit")) if tolerance else None,
        ASIDE_RE.search(before) is not None or _hyphenated(text, figures.span),
        figures.pair,
    )


def _hyphenated(text: str, span: Span) -> bool:
    """ "the mid-70% range": a number joined to a word, no figure of its own."""
    return span.start > 0 and text[span.start] in "-–" and text[span.start - 1].isalpha()


def _tolerance_unit(word: str) -> str:
    return "percent" if word.lower() in ("%", "percent") else "basis_points"
