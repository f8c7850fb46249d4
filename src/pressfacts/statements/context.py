"""What every statement finder reads: the release's text, sentences, periods and facts.

Built once per release by the pipeline after the facts are reconciled. The finders
read the facts (to link a one-time item to its fact id) and never change them.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from pressfacts.models import Document, Fact, Part, Period, Span
from pressfacts.periods import Calendar, PeriodRef, find_period_refs, label_of, resolve
from pressfacts.scan import lowered
from pressfacts.sentences import split_sentences

DATED_SLACK_DAYS = 7
LONGEST_SENTENCE = 1200


@dataclass(frozen=True, slots=True)
class StatementContext:
    """A release as the statement finders see it; `regions` are its prose blocks, in text order.

    The fields after `ticker` are indexes built with it: where each sentence and block
    starts, the (months, end) of every period the release states with a date, the text
    in lower case (see `scan.lowered`) for the finders' keywords, and the period phrases of
    the sentences `refs_in` was asked for. `value_lowered` is the value sentences in lower case,
    each followed by a NUL, which no keyword holds (so none is found across two); `value_offsets`
    is where each starts in it.
    """

    document: Document
    regions: tuple[Span, ...]
    sentences: tuple[Span, ...]
    calendar: Calendar
    refs: tuple[PeriodRef, ...]
    facts: tuple[Fact, ...] = ()
    parts: tuple[Part, ...] = ()
    release_date: dt.date | None = None
    company: str | None = None
    ticker: str | None = None
    sentence_starts: tuple[int, ...] = ()
    region_starts: tuple[int, ...] = ()
    dated: tuple[tuple[int, dt.date], ...] = ()
    lowered: str = ""
    value_lowered: str = ""
    value_offsets: tuple[int, ...] = ()
    _refs: dict[Span, list[PeriodRef]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.document.text

    def sentences_in(self, span: Span) -> list[Span]:
        """The sentences starting inside `span`."""
        starts = self.sentence_starts
        lo, hi = bisect_left(starts, span.start), bisect_left(starts, span.end)
        return list(self.sentences[lo:hi])

    def sentence_at(self, position: int) -> Span | None:
        """The sentence holding a position."""
        i = bisect_right(self.sentence_starts, position) - 1
        if i >= 0 and self.sentences[i].start <= position < self.sentences[i].end:
            return self.sentences[i]
        return None

    def regions_after(self, position: int, count: int) -> tuple[Span, ...]:
        """The next `count` prose blocks starting at or after a position."""
        first = bisect_left(self.region_starts, position)
        return self.regions[first : first + count]

    def value_sentences(self) -> list[Span]:
        """The sentences the finders that read figures go through.

        Longer ones are the run-on lists of boilerplate or tables flattened to one line,
        where those rules (several passes per verb or amount) would grow with the square.
        """
        return [s for s in self.sentences if s.end - s.start <= LONGEST_SENTENCE]

    def value_sentences_holding(self, keywords: Sequence[str]) -> list[Span]:
        """The value sentences holding one of `keywords` (see `vocabulary.keywords`), in any case.

        A first look for the finders whose word lists are slow to search sentence by sentence:
        every word of such a list holds one of its keywords, so the sentences without one
        cannot hold a statement of that kind, and their own patterns run on the rest only.
        Looked for in the value sentences alone, joined (`value_lowered`): the tables and long
        sentences are not scanned, and a keyword found there lies within one sentence.
        """
        values = self.value_sentences()
        offsets, joined = self.value_offsets, self.value_lowered
        held = set()
        for keyword in keywords:
            at = joined.find(keyword)
            while at >= 0:
                i = bisect_right(offsets, at) - 1
                held.add(i)
                # The sentence holds the keyword: look on from the next one.
                at = joined.find(keyword, offsets[i + 1]) if i + 1 < len(offsets) else -1
        return [values[i] for i in sorted(held)]

    def holds(self, keywords: Sequence[str], span: Span) -> bool:
        """Whether a span holds one of `keywords`, in any case: when not, no word of their list is in it.

        Cheaper than the list's own pattern, which is tried at nearly every letter of the span.
        """
        words_ = self.lowered[span.start : span.end]
        return any(keyword in words_ for keyword in keywords)

    def cued(
        self, sentence: Span, cues: re.Pattern[str], skips: re.Pattern[str], skip_keywords: Sequence[str]
    ) -> bool:
        """Whether a sentence holds one of `cues` and none of `skips` (their keywords looked for first)."""
        words_ = self.text[sentence.start : sentence.end]
        if not cues.search(words_):
            return False
        return not (self.holds(skip_keywords, sentence) and skips.search(words_))

    def regions_holding(self, keywords: Sequence[str]) -> list[int]:
        """The indexes of the prose blocks holding one of `keywords`, in any case (as above)."""
        return _holding(self.regions, self.region_starts, _occurrences(self.lowered, keywords))

    def refs_in(self, span: Span) -> list[PeriodRef]:
        """The period phrases of a sentence, every rule run over it (see `find_period_refs`).

        Found once per sentence: the outlook, one-time and debt rules often read the same one.
        """
        if span not in self._refs:
            self._refs[span] = find_period_refs(self.text, [span])
        return list(self._refs[span])

    def region_of(self, position: int) -> Span | None:
        """The prose block holding a position."""
        i = bisect_right(self.region_starts, position) - 1
        if i >= 0 and self.regions[i].start <= position < self.regions[i].end:
            return self.regions[i]
        return None

    def past_period(self, ref: PeriodRef) -> Period | None:
        """A period looked back on: "for the quarter", "last year's 4th quarter"."""
        period = resolve(ref, self.calendar)
        current = self.calendar.current
        if period is None and ref.months == 3 and ref.ordinal is None and ref.year is None and current:
            # "For the quarter" in a full-year release: the quarter that ends the current period.
            return Period(current.end, 3, label_of(current.end, 3, self.calendar))
        return self._dated(period) if period is not None else None

    def _dated(self, period: Period) -> Period:
        """A computed period end moved to the end the release states, a few days off at most.

        A 52/53-week calendar counted from one year end misses the 53rd week: Sears' second
        quarter of 2003 ended June 28, 2003, which the release states, not July 3.
        """
        slack = dt.timedelta(days=DATED_SLACK_DAYS)
        lo = bisect_left(self.dated, (period.months, period.end - slack))
        hi = bisect_right(self.dated, (period.months, period.end + slack))
        near = [end for _, end in self.dated[lo:hi]]
        if not near or period.end in near:
            return period
        end = min(near, key=lambda day: abs((day - period.end).days))
        return Period(end, period.months, label_of(end, period.months, self.calendar))


def build_context(
    document: Document,
    regions: Sequence[Span],
    calendar: Calendar,
    refs: Sequence[PeriodRef],
    *,
    facts: Sequence[Fact] = (),
    parts: Sequence[Part] = (),
    release_date: dt.date | None = None,
    company: str | None = None,
    ticker: str | None = None,
    sentences: Sequence[Span] | None = None,
) -> StatementContext:
    """The context of one release, its sentences split once for every finder.

    `sentences` are those of `regions` when the caller has split them already.
    """
    if sentences is None:
        sentences = [s for region in regions for s in split_sentences(document.text, region)]
    sentences = tuple(sentences)
    lowered_text = lowered(document.text)
    value_lowered, value_offsets = _joined(lowered_text, sentences)
    return StatementContext(
        document, tuple(regions), sentences, calendar, tuple(refs), tuple(facts), tuple(parts),
        release_date, company, ticker, tuple(s.start for s in sentences), tuple(r.start for r in regions),
        tuple(sorted({(r.months, r.end) for r in refs if r.end is not None and r.months is not None})),
        lowered_text, value_lowered, value_offsets,
    )  # fmt: skip


def _joined(lowered: str, sentences: Sequence[Span]) -> tuple[str, tuple[int, ...]]:
    """The value sentences of the lowered text, each followed by a NUL, and where each starts."""
    pieces = [lowered[s.start : s.end] for s in sentences if s.end - s.start <= LONGEST_SENTENCE]
    offsets, at = [], 0
    for piece in pieces:
        offsets.append(at)
        at += len(piece) + 1
    return "\0".join(pieces) + "\0", tuple(offsets)


def _occurrences(lowered: str, keywords: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Every place (start, end) of each keyword in the lowered text, overlapping ones too.

    One `str.find` per keyword and place: they skip through the text many times faster
    than a regex of the keywords can, which tries its alternatives at almost every letter.
    """
    for keyword in keywords:
        at = lowered.find(keyword)
        while at >= 0:
            yield at, at + len(keyword)
            at = lowered.find(keyword, at + 1)


def _holding(spans: Sequence[Span], starts: Sequence[int], places: Iterable[tuple[int, int]]) -> list[int]:
    """The indexes of the spans (apart, in text order, starting at `starts`) that hold a place whole."""
    held = set()
    for start, end in places:
        i = bisect_right(starts, start) - 1
        if i >= 0 and end <= spans[i].end:
            held.add(i)
    return sorted(held)
