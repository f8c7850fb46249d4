"""Running many phrase patterns over a long text, fast and without overlaps.

Each vocabulary has a cheap anchor pattern (its key words). The full
patterns run only in windows around anchors, inside the regions given (the
prose of a release, not its tables), so the cost grows with the number of
key words rather than with the length of the text times the number of rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from pressfacts.models import Span

T = TypeVar("T", bound=tuple[Any, ...])


def keyword_anchor(words: Sequence[str]) -> re.Pattern[str]:
    """A fast pattern for any of `words` (regex fragments) at a word start.

    The lookahead on first characters lets the engine skip most positions
    at once, which an alternation alone does not.
    """
    firsts = sorted(
        {w[0].lower() for w in words if w[0].isalnum()} | {w[0].upper() for w in words if w[0].isalpha()}
    )
    return re.compile(rf"\b(?=[{''.join(firsts)}])(?:{'|'.join(words)})", re.I)


def windows(
    text: str, anchor: re.Pattern[str], regions: Sequence[Span] | None, before: int, after: int
) -> Iterator[tuple[int, int]]:
    """Merged spans [anchor - before, anchor + after] inside each region."""
    for region in regions if regions is not None else [Span(0, len(text))]:
        start = end = -1
        for match in anchor.finditer(text, region.start, region.end):
            lo, hi = max(region.start, match.start() - before), min(region.end, match.end() + after)
            if lo > end:
                if end > start:
                    yield start, end
                start = lo
            end = max(end, hi)
        if end > start:
            yield start, end


def matches(
    patterns: Sequence[re.Pattern[str]], text: str, spans: Iterable[tuple[int, int]], orders: Sequence[int]
) -> list[tuple[int, int, int, re.Match[str]]]:
    """Every match of each pattern inside the spans: (start, -end, its order, match)."""
    spans = list(spans)
    return [
        (match.start(), -match.end(), order, match)
        for pattern, order in zip(patterns, orders, strict=True)
        for lo, hi in spans
        for match in pattern.finditer(text, lo, hi)
    ]


def longest_first(found: list[T]) -> list[T]:
    """Non-overlapping matches, the longest (then the earlier rule) winning, in text order.

    Items are tuples (start, -end, rule order, ...).
    """
    chosen: list[T] = []
    taken: list[tuple[int, int]] = []
    for item in sorted(found, key=lambda i: (i[1] + i[0], i[2])):
        start, end = item[0], -item[1]
        k = bisect_left(taken, (start, start))
        if (k > 0 and taken[k - 1][1] > start) or (k < len(taken) and taken[k][0] < end):
            continue
        taken.insert(k, (start, end))
        chosen.append(item)
    chosen.sort(key=lambda i: i[0])
    return chosen


class PhraseRules:
    """A vocabulary of phrase patterns, each run only near its key words.

    `rules` are (name, pattern) in priority order; `scan` maps a rule name to
    (first characters of its phrases, key word group); `anchors` maps a key
    word group to (key word patterns, characters before, characters after).
    One pass of a combined key word pattern finds the windows of every group.
    """

    def __init__(
        self,
        rules: Sequence[tuple[str, str]],
        scan: dict[str, tuple[str, str]],
        anchors: dict[str, tuple[Sequence[str], int, int]],
        flags: int = re.I | re.X,
    ) -> None:
        names = [name for name, _ in rules]
        self.patterns = [re.compile(rf"\b(?=[{scan[name][0]}])(?:{p})", flags) for name, p in rules]
        self.groups = [
            (key, before, after, [i for i, name in enumerate(names) if scan[name][1] == key])
            for key, (_, before, after) in anchors.items()
        ]
        words = list(dict.fromkeys(w for ws, _, _ in anchors.values() for w in ws))
        firsts = sorted({w[0].lower() for w in words if w[0].isalnum()} | {w[0].upper() for w in words})
        self.anchor = re.compile(rf"\b(?=[{''.join(firsts)}])(?:{'|'.join(words)})", re.I)
        # A key word may belong to several groups ("quarter"): a hit is filed under each.
        self.members = [
            (key, re.compile(rf"(?:{'|'.join(ws)})", re.I)) for key, (ws, _, _) in anchors.items()
        ]

    def find(self, text: str, regions: Sequence[Span] | None) -> list[tuple[int, int, int, re.Match[str]]]:
        """Non-overlapping matches in text order: (start, -end, rule index, match)."""
        found = []
        for region in coalesce(text, regions):
            hits: dict[str, list[tuple[int, int]]] = {key: [] for key, _, _, _ in self.groups}
            for match in self.anchor.finditer(text, region.start, region.end):
                for key, words in self.members:
                    if words.fullmatch(match.group(0)):
                        hits[key].append((match.start(), match.end()))
            for key, before, after, members in self.groups:
                if not hits[key]:
                    continue
                spans = _merged(hits[key], before, after, region)
                found.extend(matches([self.patterns[i] for i in members], text, spans, members))
        return longest_first(found)


def coalesce(text: str, regions: Sequence[Span] | None) -> list[Span]:
    """Regions with only white space between them joined: fewer, longer scans."""
    if regions is None:
        return [Span(0, len(text))]
    joined: list[Span] = []
    for region in regions:
        if joined and text[joined[-1].end : region.start].isspace():
            joined[-1] = Span(joined[-1].start, region.end)
        else:
            joined.append(region)
    return joined


def _merged(hits: list[tuple[int, int]], before: int, after: int, region: Span) -> list[tuple[int, int]]:
    """Windows [start - before, end + after] around hits, inside the region, overlapping ones merged."""
    spans: list[tuple[int, int]] = []
    for start, end in hits:
        lo, hi = max(region.start, start - before), min(region.end, end + after)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
        else:
            spans.append((lo, hi))
    return spans
