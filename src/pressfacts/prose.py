"""Facts from prose: metric phrases linked to amounts and periods inside sentences.

A sentence is read as a list of tokens (metric phrases, amounts, period
phrases, qualifiers, comparison markers). Comparison markers split it into
frames: "net income of $575,000 ... for the fourth quarter. | This compares
to a net income of $1.9 million ... for the same quarter a year ago". In a
frame, each amount takes the metric phrase before it, and the period phrase
that sits between the two, else the next one in the frame, else the one
before; a frame without a period is the prior-year counterpart of the first.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import pairwise
from typing import TypeVar

from pressfacts import cues
from pressfacts.cues import Qualifier
from pressfacts.metrics import MetricPhrase
from pressfacts.models import Comparison, Fact, Mention, Part, Period, Span, Unit
from pressfacts.periods import Calendar, PeriodRef, resolve
from pressfacts.scan import Ending

EPS_METRICS = frozenset({"eps", "eps_basic", "eps_diluted", "eps_basic_and_diluted"})
HEADLINE = frozenset({"revenue", "net_income", "operating_income"})
DILUTED_AFTER_RE = re.compile(
    r"^[^.;$]{0,45}?\b(?P<kind>fully[\s-]diluted|diluted|basic)\b"
    r"(?:(?P<both>\s{1,3}and\s{1,3}(?:fully[\s-]diluted|diluted|basic)\b)"
    r"(?P<respectively>(?=[^.;]{0,40}\brespectively\b))?)?",
    re.I,
)
BOTH_EPS = "eps_basic_and_diluted"  # a per-share figure stated for both kinds: two facts
NEGATIVE_BEFORE = Ending(["negative", "minus", "loss of"])
LOSS_AFTER_RE = re.compile(r"^(?:[^.;$]{0,30}?\bloss\s{1,3}per\b|\s{0,3}(?:net\s{1,3})?loss\b)", re.I)
# "... a 12% increase from $8.6 million": a figure (or a change) just before a weak comparison
# word, read backwards (see scan.Ending): the text ends with one of these, then "respectively"
# maybe, then up to three non-word characters.
FIGURE_WORDS = (
    "percent", "million", "billion", "thousand", "cents", "share", "increase", "decrease", "gain", "improvement",
    "decline", "growth", "rise", "jump", "drop",
)  # fmt: skip
FIGURE_BEFORE_BACKWARDS = re.compile(
    rf"\W{{0,3}}(?:ylevitcepser\s{{1,3}},?)?s?(?:\d|%|{'|'.join(w[::-1] for w in FIGURE_WORDS)})", re.I
)
PART_OF_RE = re.compile(
    r"\s{0,3}of\s{1,3}(?:the\s{1,3})?(?:reported\s{1,3}|total\s{1,3})?[^.;$()]{0,50}?"
    r"(?:income|earnings|revenues?|sales|profits?|loss|(?=\$))",
    re.I,
)
CHANGE_AFTER_RE = re.compile(
    r"\s{0,3}(?P<word>increase|decrease|gain|decline|rise|drop|improvement|higher|lower)", re.I
)
CHANGE_BEFORE_RE = re.compile(
    r"(?P<word>up|down|increased|decreased|rose|fell|grew|declined|improved|jumped|dropped)(?:\s{1,3}by)?\s{1,3}$",
    re.I,
)
UP_WORDS = frozenset({"increase", "gain", "rise", "improvement", "higher", "up", "increased", "rose", "grew", "improved",
                      "jumped"})  # fmt: skip
FROM_BEFORE_RE = re.compile(r"\bfrom\s{1,3}$", re.I)
TO_BETWEEN_RE = re.compile(
    r"\s{1,3}(?:a\s{1,3}(?:net\s{1,3})?(?:loss|profit)\s{1,3}of\s{1,3})?to\s{1,3}", re.I
)
ANAPHORA_RE = re.compile(
    r"(?:This|That|These|It)\s{1,3}(?:compares|represents|represented|was|is|compared)\b"
)
EARNED_RE = re.compile(r"\bearn(?:ed|s|ings)?\b", re.I)
TABLE_GAP_BEFORE_RE = re.compile(r"[\d)]\s{0,6}\$?\s{0,3}\(?$")
TABLE_GAP_AFTER_RE = re.compile(r"\s{0,6}\$?\s{0,3}\(?\$?\s{0,2}\d")
LIST_SEPARATOR_RE = re.compile(r",\s{0,3}(?:\(|\$|\d)")
LIST_GAP_RE = re.compile(r"^[\s,]{0,3}(?:and|&)?\s{0,3}$", re.I)


@dataclass(frozen=True, slots=True)
class ProseTokens:
    """Everything found in a text, each list sorted by position."""

    mentions: Sequence[Mention]
    phrases: Sequence[MetricPhrase]
    refs: Sequence[PeriodRef]
    qualifiers: Sequence[Qualifier]
    compares: Sequence[tuple[Span, str]]
    # Where each item starts, for finding those inside a sentence by bisection.
    mention_starts: list[int] = field(init=False, repr=False, compare=False)
    phrase_starts: list[int] = field(init=False, repr=False, compare=False)
    ref_starts: list[int] = field(init=False, repr=False, compare=False)
    qualifier_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name, items in (
            ("mention_starts", self.mentions),
            ("phrase_starts", self.phrases),
            ("ref_starts", self.refs),
            ("qualifier_starts", self.qualifiers),
        ):
            object.__setattr__(self, name, [item.span.start for item in items])


# Not frozen: made by the hundred per release, and a frozen dataclass is several times
# slower to build. Treat it as a value all the same: make a new one, never assign to one.
@dataclass(slots=True)
class PeriodChoice:
    """The period given to an amount, how it was chosen, and the phrase that named it."""

    period: Period
    how: str
    span: Span | None


@dataclass(slots=True)
class Frame:
    """Part of a sentence between comparison markers."""

    start: int
    end: int
    periods: list[tuple[PeriodRef, list[Period]]] = field(default_factory=list)


# Not frozen: made by the hundred per release, and a frozen dataclass is several times
# slower to build. Treat it as a value all the same: make a new one, never assign to one.
@dataclass(slots=True)
class Place:
    """Where an amount stands: its frame, the sentence's frames, and what they hold."""

    frame: Frame
    index: int
    frames: list[Frame]
    assigned: dict[int, list[Period]]
    amounts: list[Mention]
    qualifiers: Sequence[Qualifier]
    note: str | None


@dataclass(slots=True)
class Reader:
    """Reads sentences in order, keeping the current period between them."""

    text: str
    tokens: ProseTokens
    calendar: Calendar
    running: Period | None = None
    facts: list[Fact] = field(default_factory=list)
    last_phrase: MetricPhrase | None = None
    parts: list[Part] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    sentence_amounts: list[Mention] = field(default_factory=list)
    eps_in_sentence: bool = False
    sentences: list[Span] = field(default_factory=list)  # those read, in order

    def read(self, sentence: Span) -> None:
        phrases = _within(self.tokens.phrases, self.tokens.phrase_starts, sentence)
        carried, self.last_phrase = self.last_phrase, (phrases[-1] if phrases else None)
        if carried is not None and ANAPHORA_RE.match(self.text, sentence.start):
            # "This compares to ...", "This represents a 59% increase over $10.3 million": the last sentence's metric.
            phrases = [carried, *phrases]
        amounts = [
            m
            for m in _within(self.tokens.mentions, self.tokens.mention_starts, sentence)
            if m.kind in ("amount", "per_share")
        ]
        self.sentence_amounts = amounts
        self.eps_in_sentence = False
        if not amounts or not (phrases or any(m.kind == "per_share" for m in amounts)):
            return
        qualifiers = _within(self.tokens.qualifiers, self.tokens.qualifier_starts, sentence)
        frames = self._frames(sentence, qualifiers)
        note = cues.sentence_basis(self.text[sentence.start : sentence.end])
        assigned: dict[int, list[Period]] = {}
        for index, frame in enumerate(frames):
            base = self.running if index == 0 else _first_period(frames[0], assigned.get(0)) or self.running
            self._resolve_frame(frame, base, frames[0] if index else None)
            frame_amounts = [a for a in amounts if frame.start <= a.span.start < frame.end]
            metrics = _metric_list(self.text, phrases, frame_amounts)
            for position, amount in enumerate(frame_amounts):
                phrase = metrics[position]
                place = Place(frame, index, frames, assigned, frame_amounts, qualifiers, note)
                fact = self._fact(amount, phrase, place)
                if fact is not None:
                    self.facts.extend(_each_kind(fact))
                    self.eps_in_sentence |= fact.metric in EPS_METRICS
                    assigned.setdefault(index, []).append(fact.period)
        self._advance(frames[0])
        self._parts_and_changes(sentence, amounts, frames)

    def _parts_and_changes(self, sentence: Span, amounts: list[Mention], frames: list[Frame]) -> None:
        """Amounts stated as parts of a whole, and percent changes, for the checks stage."""
        for amount in amounts:
            part = self._part(amount, amounts, frames)
            if part is not None:
                self.parts.append(part)
        for mention in _within(self.tokens.mentions, self.tokens.mention_starts, sentence):
            if mention.kind != "percent":
                continue
            direction = _direction(self.text, mention.span)
            named = [
                p
                for p in _within(self.tokens.phrases, self.tokens.phrase_starts, sentence)
                if p.span.end <= mention.span.start
            ]
            if direction and named:
                metric = named[-1].metric
                self.comparisons.append(
                    Comparison(mention.span, abs(mention.value), direction, sentence, metric)
                )

    def _part(self, amount: Mention, amounts: list[Mention], frames: list[Frame]) -> Part | None:
        after = self.text[amount.span.end : amount.span.end + 80]
        match = PART_OF_RE.match(after)
        if match is None:
            return None
        window = Span(amount.span.end, amount.span.end + match.end())
        whole_amount = next((a for a in amounts if 0 <= a.span.start - window.end < 40), None)
        if whole_amount is not None and "reported" in after[: match.end()].lower():
            return Part(
                amount.span, amount.value, amount.unit, None, None, whole_amount.value, whole_amount.span
            )
        phrase = next(
            (
                p
                for p in _within(self.tokens.phrases, self.tokens.phrase_starts, window)
                if p.metric in HEADLINE
            ),
            None,
        )
        if phrase is None:
            return None
        frame = next(f for f in frames if f.start <= amount.span.start < f.end)
        period = next((ps[0] for ref, ps in frame.periods if window.covers(ref.span)), None)
        unit: Unit = "USD/share" if amount.kind == "per_share" else amount.unit
        return Part(amount.span, amount.value, unit, phrase.metric, period)

    def _frames(self, sentence: Span, qualifiers: Sequence[Qualifier]) -> list[Frame]:
        cuts = [sentence.start]
        for span, word in _within_spans(self.tokens.compares, sentence):
            if any(q.span.covers(span) for q in qualifiers):
                continue
            if word in cues.WEAK_COMPARE and not self._after_figure(span.start):
                continue
            cuts.append(span.start)
        cuts.append(sentence.end)
        return [Frame(a, b) for a, b in pairwise(cuts) if b > a]

    def _after_figure(self, position: int) -> bool:
        before = self.text[max(0, position - 40) : position].rstrip()
        return FIGURE_BEFORE_BACKWARDS.match(before[::-1]) is not None

    def _resolve_frame(self, frame: Frame, base: Period | None, first: Frame | None) -> None:
        qualifiers = self.tokens.qualifiers
        for ref in _within(self.tokens.refs, self.tokens.ref_starts, Span(frame.start, frame.end)):
            if any(q.span.covers(ref.span) for q in qualifiers):
                continue
            if first is not None and ref.rule == "for <year>" and base is not None and base.months != 12:
                # "compared to $1.5 million in 2003", after a quarter: the same quarter of 2003.
                ref = replace(ref, same=True)
            bases = [p for _, ps in (first.periods if first else []) for p in ps] if ref.plural else [base]
            resolved = [p for p in (resolve(ref, self.calendar, b) for b in bases or [base]) if p is not None]
            if resolved:
                frame.periods.append((ref, list(dict.fromkeys(resolved))))

    def _advance(self, first: Frame) -> None:
        """A sentence whose first frame names a current period makes it the running one."""
        current = self.calendar.current
        for ref, periods in first.periods:
            if ref.relative or current is None:
                continue
            period = periods[0]
            if self.calendar.fiscal_year_of(period.end) >= self.calendar.fiscal_year_of(current.end):
                self.running = period
                return

    def _fact(self, amount: Mention, phrase: MetricPhrase | None, place: Place) -> Fact | None:
        before = self.text[max(0, amount.span.start - 60) : amount.span.start]
        after = self.text[amount.span.end : amount.span.end + 80]
        per_share_before = self.eps_in_sentence or any(
            a.kind == "per_share" and a.span.end <= amount.span.start for a in self.sentence_amounts
        )
        metric = _metric_of(amount, phrase, after, per_share_before)
        if metric is None or self._in_table_run(amount):
            return None
        if any(q.span.covers(amount.span) for q in place.qualifiers):
            return None
        if cues.is_hedged(before) or cues.is_part(before, after):
            return None
        if phrase is None and not EARNED_RE.search(
            self.text, max(place.frames[0].start, amount.span.start - 160), amount.span.start
        ):
            # A per-share figure with no metric named is EPS only when the sentence says it was earned.
            return None
        choice = self._period_for(amount, phrase, place)
        if choice is None:
            return None
        value = _signed(amount, phrase, before, after)
        if metric == "revenue" and value <= 0:
            return None
        basis_note = _basis_note(amount, phrase, place.frame, place.qualifiers, self.text, place.note)
        return _make_fact(amount, metric, value, choice, phrase, basis_note, self.text)

    def _period_for(self, amount: Mention, phrase: MetricPhrase | None, place: Place) -> PeriodChoice | None:
        frame, frame_amounts = place.frame, place.amounts
        paired = _paired(amount, frame, frame_amounts)
        if paired is not None:
            return paired
        start = phrase.span.end if phrase and phrase.span.start >= frame.start else frame.start
        between = [
            (ref, ps)
            for ref, ps in frame.periods
            if start <= ref.span.start
            and ref.span.end <= amount.span.start
            and not any(ref.span.end <= a.span.start < amount.span.start for a in frame_amounts)
            # "from $7.79 million in 2023 to $4.90 million": a period right after a figure is its own.
            and not any(0 <= ref.span.start - a.span.end <= 12 for a in frame_amounts if a is not amount)
        ]
        if between:
            return PeriodChoice(between[-1][1][0], "between the metric and the amount", between[-1][0].span)
        later = [(r, ps) for r, ps in frame.periods if r.span.start >= amount.span.end and not self._owned(r)]
        if later:
            return PeriodChoice(later[0][1][0], "after the amount", later[0][0].span)
        earlier = [(r, ps) for r, ps in frame.periods if r.span.end <= amount.span.start]
        if earlier:
            return PeriodChoice(earlier[-1][1][0], "before the metric", earlier[-1][0].span)
        target = self._from_to_target(amount, frame_amounts)
        if target is not None:
            # "improved from $(1.80) to $(0.42)": the "from" figure is the year before the "to" figure.
            then = self._period_for(target, phrase, place)
            prior = resolve(_PRIOR_YEAR, self.calendar, then.period) if then else None
            return PeriodChoice(prior, "a year before the figure it changed to", None) if prior else None
        if place.index == 0:
            return (
                PeriodChoice(self.running, "the current period of the text", None) if self.running else None
            )
        first = _first_period(place.frames[0], place.assigned.get(0))
        prior = resolve(_PRIOR_YEAR, self.calendar, first) if first else None
        return PeriodChoice(prior, "a year before the figure it is compared with", None) if prior else None

    def _from_to_target(self, amount: Mention, frame_amounts: list[Mention]) -> Mention | None:
        """The figure Y of "from X to Y" when `amount` is X."""
        if not FROM_BEFORE_RE.search(self.text, max(0, amount.span.start - 12), amount.span.start):
            return None
        later = [a for a in frame_amounts if a.span.start > amount.span.end and a.kind == amount.kind]
        if later and TO_BETWEEN_RE.fullmatch(self.text, amount.span.end, later[0].span.start):
            return later[0]
        return None

    def _in_table_run(self, amount: Mention) -> bool:
        """Figures side by side with no words between ("$58 $100") are a table row laid flat."""
        if amount.scale_word is not None:
            return False
        gap_before = self.text[max(0, amount.span.start - 12) : amount.span.start]
        gap_after = self.text[amount.span.end : amount.span.end + 12]
        return bool(TABLE_GAP_BEFORE_RE.search(gap_before) or TABLE_GAP_AFTER_RE.match(gap_after))

    def _owned(self, ref: PeriodRef) -> bool:
        """A period between a later metric phrase and its amount belongs to that amount."""
        phrases = self.tokens.phrases
        i = bisect_right([p.span.end for p in phrases], ref.span.start) - 1
        if i < 0 or ref.span.start - phrases[i].span.end > 40:
            return False
        between = self.text[phrases[i].span.end : ref.span.start]
        if "$" in between:
            return False
        return "$" in self.text[ref.span.end : ref.span.end + 30]


_PRIOR_YEAR = PeriodRef(span=Span(0, 0), rule="prior-year counterpart", relative=-1, same=True)


def _direction(text: str, span: Span) -> int:
    """+1 for "a 49% increase" / "up 12%", -1 for "a 9.9% decline" / "down 28 cents, or 9.9 percent"."""
    after = CHANGE_AFTER_RE.match(text, span.end)
    before = CHANGE_BEFORE_RE.search(text, max(0, span.start - 20), span.start)
    word = after.group("word") if after else before.group("word") if before else None
    if word is None:
        return 0
    return 1 if word.lower() in UP_WORDS else -1


def _first_period(frame: Frame, assigned: list[Period] | None) -> Period | None:
    """The period a comparison refers back to: that of the last figure before it."""
    if assigned:
        return assigned[-1]
    if frame.periods:
        return frame.periods[0][1][0]
    return None


def _paired(amount: Mention, frame: Frame, frame_amounts: list[Mention]) -> PeriodChoice | None:
    """ "$0.20 and $1.44 for the quarter and year ended ...": amounts and periods in order."""
    periods = [(ref, p) for ref, ps in frame.periods if ref.plural for p in ps]
    if len(periods) < 2:
        return None
    same = [a for a in frame_amounts if a.kind == amount.kind]
    if len(same) != len(periods):
        return None
    ref, period = periods[same.index(amount)]
    return PeriodChoice(period, "paired in order with the periods listed", ref.span)


def _metric_list(
    text: str, phrases: Sequence[MetricPhrase], amounts: list[Mention]
) -> list[MetricPhrase | None]:
    """The metric phrase each amount belongs to; "revenues and income from operations were $A and $B"."""
    result: list[MetricPhrase | None] = []
    ends = [p.span.end for p in phrases]
    for amount in amounts:
        i = bisect_right(ends, amount.span.start) - 1
        while i >= 0 and _closed_aside(text, phrases[i].span, amount.span.start):
            i -= 1
        if i < 0:
            result.append(None)
            continue
        group = _phrase_list(text, phrases, i)
        if len(group) > 1:
            listed = [a for a in amounts if a.kind == amount.kind and a.span.start > phrases[i].span.end]
            position = listed.index(amount) if amount in listed else 0
            result.append(group[position % len(group)])
        else:
            result.append(phrases[i])
    return result


def _closed_aside(text: str, phrase: Span, position: int) -> bool:
    """True for a phrase inside parentheses that close before `position`: "($1.21 diluted EPS)"."""
    opened = text.rfind("(", max(0, phrase.start - 60), phrase.start)
    if opened < 0 or ")" in text[opened : phrase.start]:
        return False
    return ")" in text[phrase.end : position]


def _phrase_list(text: str, phrases: Sequence[MetricPhrase], last: int) -> list[MetricPhrase]:
    group = [phrases[last]]
    i = last
    while i > 0 and LIST_GAP_RE.match(text[phrases[i - 1].span.end : phrases[i].span.start]):
        i -= 1
        group.insert(0, phrases[i])
    return group


def _metric_of(
    amount: Mention, phrase: MetricPhrase | None, after: str, per_share_before: bool
) -> str | None:
    """The metric an amount states, or None; a bare "$2.80" after a per-share figure is per share too."""
    metric = phrase.metric if phrase else None
    small = amount.scale_word is None and abs(amount.value) < 100
    if amount.kind == "per_share" or (
        small and (metric == "eps" or (metric == "net_income" and per_share_before))
    ):
        if metric not in (None, "eps", "net_income"):
            return None
        kind: str = phrase.eps_kind if phrase and phrase.eps_kind else "eps"
        match = DILUTED_AFTER_RE.match(after)
        if match and amount.kind == "per_share":
            # "$0.42 per basic and diluted share" is both; in "$0.24 and $0.23 per basic and diluted
            # share, respectively" each figure has its own kind, which is not read here: plain EPS.
            single = "eps_diluted" if "diluted" in match.group("kind").lower() else "eps_basic"
            kind = (
                ("eps" if match.group("respectively") is not None else BOTH_EPS)
                if match.group("both")
                else single
            )
        return kind
    # Without a scale word, a headline amount under $10,000 is a table figure read out of its table.
    if metric in HEADLINE and (amount.scale_word is not None or abs(amount.value) >= 10_000):
        return metric
    return None


def _each_kind(fact: Fact) -> list[Fact]:
    """The fact, or for a figure stated for basic and diluted EPS alike, one fact for each."""
    if fact.metric != BOTH_EPS:
        return [fact]
    return [replace(fact, metric="eps_basic"), replace(fact, metric="eps_diluted", flags=list(fact.flags))]


def _signed(amount: Mention, phrase: MetricPhrase | None, before: str, after: str) -> Decimal:
    value = amount.value
    if value < 0:
        return value
    # The longest cue, "loss of" with its spaces, fits in the last 16 characters.
    negative = (phrase is not None and phrase.sign < 0) or NEGATIVE_BEFORE.ends(before[-16:])
    if LOSS_AFTER_RE.match(after):
        negative = True
    return -value if negative else value


def _basis_note(
    amount: Mention,
    phrase: MetricPhrase | None,
    frame: Frame,
    qualifiers: Sequence[Qualifier],
    text: str,
    sentence_note: str | None,
) -> str | None:
    if phrase is not None and phrase.non_gaap:
        return phrase.non_gaap
    for qualifier in qualifiers:
        if not frame.start <= qualifier.span.start < frame.end:
            continue
        if phrase is not None and phrase.span.end <= qualifier.span.start < amount.span.start:
            return qualifier.note
        if qualifier.span.start >= amount.span.end and _same_group(
            text, amount.span.end, qualifier.span.start
        ):
            return qualifier.note
    return sentence_note


def _same_group(text: str, start: int, end: int) -> bool:
    """No list separator (a comma before another figure) and no new metric between."""
    gap = text[start:end]
    return not LIST_SEPARATOR_RE.search(gap) and len(gap) < 120


def _make_fact(
    amount: Mention,
    metric: str,
    value: Decimal,
    choice: PeriodChoice,
    phrase: MetricPhrase | None,
    basis_note: str | None,
    text: str,
) -> Fact:
    unit: Unit = "USD/share" if metric in EPS_METRICS else "USD"
    evidence = tuple(s for s in (phrase.span if phrase else None, choice.span) if s is not None)
    named = f"<{phrase.rule}>" if phrase else "<per share figure>"
    rule = f"{named} ... <amount>; period {choice.how}"
    return Fact(
        metric=metric,
        value=value,
        unit=unit,
        period=choice.period,
        basis="non_gaap" if basis_note else "gaap",
        basis_note=basis_note,
        span=amount.span,
        source="text",
        rule=rule,
        label=text[phrase.span.start : phrase.span.end] if phrase else None,
        evidence=evidence,
    )


Located = TypeVar("Located", Mention, MetricPhrase, PeriodRef, Qualifier)


def _within(items: Sequence[Located], starts: list[int], span: Span) -> list[Located]:
    """Items starting inside `span`; `starts` are where `items` start, in order."""
    first = bisect_left(starts, span.start)
    return list(items[first : bisect_left(starts, span.end, first)])


def _within_spans(items: Sequence[tuple[Span, str]], span: Span) -> list[tuple[Span, str]]:
    return [item for item in items if span.start <= item[0].start < span.end]
