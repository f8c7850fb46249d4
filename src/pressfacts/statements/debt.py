"""Debt: prepayments, repayments, reductions, retirements and borrowings, with their amounts.

A sentence is read when it holds a debt verb ("pre-pay", "reduced", "retired",
"drew down") and a debt noun ("long-term debt", "credit facility"). The verb's
amount follows it ("pre-pay $275,000 of our long-term debt", "reduced our total
long-term debt by more than $800,000"); further amounts of the same verb follow
"and for <period> ... by" ("and for the period since our refinancing on January
15th by $2.7 million dollars"). An amount after "to" or "from" is a level, not a
change, and is left out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from pressfacts.dates import DATE_RE, date_of_match
from pressfacts.mentions import find_mentions
from pressfacts.models import Debt, DebtAction, Mention, Period, Span
from pressfacts.periods import PeriodRef
from pressfacts.scan import skipping, spans
from pressfacts.statements.context import StatementContext
from pressfacts.statements.figures import APPROXIMATE_RE
from pressfacts.statements.future import future_period
from pressfacts.statements.vocabulary import alternation, keywords, pairs, words, words_re, words_scan

VERBS = pairs("debt", "verbs")
VERB_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<v{i}>{p})" for i, (_, p) in enumerate(VERBS)) + r")(?!\w)", re.I
)
INSTRUMENT_RE = words_re(words("debt", "instruments"))
# The scans skip to what a verb or an instrument can start with: the patterns start with \\b,
# which the engine tries at every character (tests check every word starts with one).
VERB_SCAN = skipping("bdpr", VERB_RE.pattern, re.I)
INSTRUMENT_SCAN = skipping("abcdlmnrst", INSTRUMENT_RE.pattern, re.I)
INSTRUMENT_KEYWORDS = keywords("debt", "instruments")
PLANNED_RE = re.compile(rf"\b{alternation(words('debt', 'planned'))}\s{{1,3}}(?:\w{{1,12}}\s{{1,3}})?$", re.I)
SKIP_SCAN = words_scan(words("sections", "forward_looking"))
SKIP_KEYWORDS = keywords("sections", "forward_looking")
# Between the verb and its amount: a few words, then "by" or nothing ("pre-pay $275,000").
VERB_GAP_RE = re.compile(r"[^$.;]{0,80}?(?:\bby\s{1,3})?(?:" + APPROXIMATE_RE.pattern[:-1] + r")?", re.I)
LEVEL_RE = re.compile(r"\b(?:to|from)\s{1,3}(?:approximately\s{1,3})?$", re.I)
# "... by more than $800,000 and for the period since our refinancing on January 15th by $2.7 million"
AGAIN_RE = re.compile(
    r"\s{0,3},?\s{0,3}and\s{1,3}(?:for|in|during|since|over)\b[^$;]{0,120}?\bby\s{1,3}[^$;]{0,20}$", re.I
)
YEAR_END_RE = re.compile(
    r"\bby\s{1,3}(?:the\s{1,3})?(?:fiscal\s{1,3})?year[\s-]end(?:\s{1,3}of)?\s{1,3}(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
SINCE_RE = re.compile(r"\bsince\b[^$;]{0,60}?(?P<date>" + DATE_RE.pattern + ")", re.I | re.X)


@dataclass(frozen=True, slots=True)
class Read:
    """A sentence as the debt rules read it: its amounts, found once.

    Its period phrases are found only for the changes it states (`StatementContext.refs_in`).
    """

    span: Span
    amounts: list[Mention]


def find(ctx: StatementContext) -> list[Debt]:
    """Every change in debt the release states, in text order."""
    found: list[Debt] = []
    for sentence in ctx.value_sentences_holding(INSTRUMENT_KEYWORDS):
        words_ = ctx.text[sentence.start : sentence.end]
        skipped = ctx.holds(SKIP_KEYWORDS, sentence) and SKIP_SCAN.search(words_)
        if skipped or not INSTRUMENT_SCAN.search(words_):
            continue
        verbs = find_verbs(ctx.text, sentence)
        if not verbs:
            continue
        amounts = [m for m in find_mentions(ctx.text, [sentence]) if m.kind == "amount"]
        read = Read(sentence, amounts)
        for verb in verbs:
            found.extend(_changes(ctx, read, verb))
    return found


def find_verbs(text: str, sentence: Span) -> list[re.Match[str]]:
    """The debt verbs of a sentence, as `VERB_RE.finditer` finds them: where the scan finds
    one, matched again for its groups."""
    found = []
    for start in spans(VERB_SCAN, text, sentence.start, sentence.end):
        verb = VERB_RE.match(text, start.start(1), sentence.end)
        if verb is not None:
            found.append(verb)
    return found


def _changes(ctx: StatementContext, read: Read, verb: re.Match[str]) -> Iterator[Debt]:
    text, sentence = ctx.text, read.span
    action: DebtAction = VERBS[int((verb.lastgroup or "v0")[1:])][0]  # type: ignore[assignment]
    amounts = [m for m in read.amounts if m.span.start >= verb.end()]
    first = next(iter(amounts), None)
    if first is None or not VERB_GAP_RE.fullmatch(text, verb.end(), first.span.start):
        return
    if LEVEL_RE.search(text, max(0, first.span.start - 20), first.span.start):
        return
    instrument = _instrument(text, sentence, verb.start(), first.span.end)
    if instrument is None:
        return
    planned = PLANNED_RE.search(text, max(sentence.start, verb.start() - 30), verb.start()) is not None
    previous = Span(sentence.start, sentence.start)
    for amount in [first, *_again(text, amounts)]:
        yield _debt(ctx, read, action, amount, instrument, previous, planned)
        previous = Span(amount.span.end, amount.span.end)


def _instrument(text: str, sentence: Span, verb: int, amount_end: int) -> Span | None:
    """What is owed: named with the verb ("pre-pay $275,000 of our long-term debt"), else before it."""
    after = INSTRUMENT_RE.search(text, verb, min(sentence.end, amount_end + 60))
    if after is not None:
        return Span(after.start(), after.end())
    before = list(INSTRUMENT_RE.finditer(text, sentence.start, verb))
    return Span(before[-1].start(), before[-1].end()) if before else None


def _again(text: str, amounts: list[Mention]) -> Iterator[Mention]:
    """Later amounts of the same verb, each introduced by "and for <when> ... by"."""
    for before, amount in pairwise(amounts):
        if not AGAIN_RE.fullmatch(text, before.span.end, amount.span.start):
            return
        yield amount


def _debt(
    ctx: StatementContext,
    read: Read,
    action: DebtAction,
    amount: Mention,
    instrument: Span,
    previous: Span,
    planned: bool,
) -> Debt:
    """One change: its period and "since" date are named between the previous amount and this one."""
    clause = Span(previous.end, amount.span.start)
    if planned:
        clause = Span(amount.span.end, amount.span.end)
    approximate = APPROXIMATE_RE.search(ctx.text, max(0, amount.span.start - 25), amount.span.start)
    since = SINCE_RE.search(ctx.text, clause.start, clause.end)
    current = ctx.calendar.current
    since_day = _since_date(since, ctx.release_date or (current.end if current else None)) if since else None
    return Debt(
        span=read.span,
        action=action,
        amount=amount.value,
        amount_text=amount.span,
        instrument=instrument,
        approximate=" ".join(approximate.group("q").lower().split()) if approximate else None,
        period=None if since else _period(ctx, clause, read, amount, planned),
        since=since_day,
        since_text=Span(since.start("date"), since.end("date")) if since else None,
        planned=planned,
    )


def _period(ctx: StatementContext, clause: Span, read: Read, amount: Mention, planned: bool) -> Period | None:
    """The period named in the amount's clause, else right after the amount; ahead for a plan."""
    stated = ctx.refs_in(read.span)
    refs = [r for r in stated if clause.start <= r.span.start and r.span.end <= clause.end]
    refs = refs or [r for r in stated if r.span.start >= amount.span.end][:1]
    year_end = YEAR_END_RE.search(ctx.text, amount.span.end, read.span.end) if planned else None
    if year_end is not None:
        # "expects to retire an additional $200 million by year-end 2004"
        year = int(year_end.group("year"))
        refs = [PeriodRef(Span(year_end.start(), year_end.end()), "by year-end <year>", months=12, year=year)]
    for ref in reversed(refs):
        period = future_period(ref, ctx.calendar) if planned else ctx.past_period(ref)
        if period is not None:
            return period
    return None


def _since_date(match: re.Match[str], release_date: dt.date | None) -> dt.date | None:
    """ "since our refinancing on January 15th": the latest such day before the release (or the
    end of its current period, when the release is not dated)."""
    date_match = DATE_RE.search(match.group("date"))
    if date_match is None:
        return None
    day = date_of_match(date_match, release_date.year if release_date else None)
    if day is not None and release_date is not None and day > release_date:
        day = day.replace(year=day.year - 1)
    return day
