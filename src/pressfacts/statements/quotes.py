"""Quotes: who said what, as in 'Chairman W. Barry Gilbert said, "..."'.

A quotation takes the attribution right before its opening mark ("<who> said, ")
or right after its closing mark ('," said <who>' / '," <who> said'). A quotation
with no attribution of its own that follows a quote with only punctuation
between ('"...," said X. "..."') continues that quote. Other quoted words
(terms in quotes, titles of web pages) are no statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pressfacts.models import Quote, Span
from pressfacts.sentences import first_sentence
from pressfacts.statements.context import StatementContext
from pressfacts.statements.quote_marks import MARK_RE, Quotation, find_quotations
from pressfacts.statements.speakers import Speakers, Who, parse_who
from pressfacts.statements.vocabulary import alternation, words

VERB = alternation(words("quote", "speech_verbs"))
# "Chairman W. Barry Gilbert said, " before the opening mark: the verb ends the words.
VERB_AT_END_RE = re.compile(rf"\s{VERB}\s{{0,3}}[,:]?\s{{0,3}}$", re.I)
# '," said Jensen Huang, founder and CEO of NVIDIA.' after the closing mark.
VERB_FIRST_RE = re.compile(
    rf"^[\s,]{{0,3}}{VERB}\s{{1,3}}(?P<who>[^\s.].{{0,160}}?)[\s.]{{0,3}}$", re.I | re.S
)
# '," Lacy said.' / '," Mr. Penn added.' / '," he said.'
WHO_FIRST_RE = re.compile(
    rf"^[\s,]{{0,3}}(?P<who>[^\s,.][^,]{{0,40}}?)\s{{1,3}}{VERB}[\s.,]{{0,3}}$", re.I | re.S
)
GAP_RE = re.compile(r"[\s.,;:]{0,12}")
MIN_CHARACTERS = 20
AFTER_WINDOW = 220


@dataclass(slots=True)
class Draft:
    """A quote being assembled: its quotations, and who said it."""

    attribution: Span | None
    speaker: Span | None
    title: Span | None
    quotations: list[Quotation] = field(default_factory=list)
    tail: Span | None = None

    @property
    def start(self) -> int:
        starts = [self.quotations[0].start] + ([self.attribution.start] if self.attribution else [])
        return min(starts)

    @property
    def end(self) -> int:
        ends = [self.quotations[-1].end] + [s.end for s in (self.attribution, self.tail) if s is not None]
        return max(ends)

    def quote(self) -> Quote:
        text = tuple(s.span for q in self.quotations for s in q.segments)
        return Quote(Span(self.start, self.end), text, self.attribution, self.speaker, self.title)


def find(ctx: StatementContext) -> list[Quote]:
    """Every attributed quote of the release, with the speaker's full name and title."""
    text = ctx.text
    speakers = Speakers(text)
    drafts: list[Draft] = []
    for quotation in find_quotations(text, ctx.regions):
        before, after = _before(ctx, quotation.start), _after(ctx, quotation)
        found = before or after
        if found is None:
            # Unattributed words right after a quote ('"...," said X. "..."') run on from it.
            if drafts and GAP_RE.fullmatch(text, drafts[-1].end, quotation.start):
                drafts[-1].quotations.append(quotation)
            continue
        if _length(quotation) < MIN_CHARACTERS:
            continue
        span, who = found
        name, title = speakers.resolve(who)
        # 'Mr. Helmick added, "...," Helmick continued. "..."': the second attribution joins on.
        drafts.append(Draft(span, name, title, [quotation], after[0] if before and after else None))
    return [d.quote() for d in drafts]


def _length(quotation: Quotation) -> int:
    return sum(s.span.end - s.span.start for s in quotation.segments)


def _before(ctx: StatementContext, mark: int) -> tuple[Span, Who] | None:
    """'<who> said, "' in the sentence that holds the opening mark, or ending the paragraph before."""
    sentence = ctx.sentence_at(mark)
    if sentence is None or sentence.start >= mark:
        sentence = ctx.sentence_at(mark - 1) or _last_sentence_before(ctx, mark)
        if sentence is None or ctx.text[sentence.end : mark].strip():
            return None
        mark = sentence.end
    start = max(sentence.start, mark - 240)
    verb = VERB_AT_END_RE.search(ctx.text, start, mark)
    if verb is None or verb.start() <= start:
        return None
    who = parse_who(ctx.text, Span(start, verb.start()))
    if who is None:
        return None
    end = verb.end() - (len(verb.group()) - len(verb.group().rstrip(" \t\n,:")))
    return Span(_who_start(who, start), end), who


def _last_sentence_before(ctx: StatementContext, mark: int) -> Span | None:
    """The sentence ending the prose block before a quote that opens its own block."""
    region = ctx.region_of(mark)
    if region is None or region.start != mark:
        return None
    earlier = [s for s in ctx.sentences_in(Span(max(0, mark - 400), mark)) if s.end <= mark]
    return earlier[-1] if earlier else None


def _who_start(who: Who, default: int) -> int:
    starts = [s.start for s in (who.name, who.title) if s is not None]
    return min(starts) if starts else default


def _after(ctx: StatementContext, quotation: Quotation) -> tuple[Span, Who] | None:
    """'," said <who>.' or '," <who> said.' right after the closing mark."""
    closed = quotation.segments[-1].closed_at
    region = ctx.region_of(closed) if closed is not None else None
    if closed is None or region is None:
        return None
    limit = min(region.end, closed + 1 + AFTER_WINDOW)
    words_ = first_sentence(ctx.text, Span(closed + 1, limit))
    if words_ is None:
        return None
    end = min(words_.end, _next_mark(ctx.text, words_))
    for pattern in (VERB_FIRST_RE, WHO_FIRST_RE):
        match = pattern.match(ctx.text[closed + 1 : end])
        if match is None:
            continue
        who_span = Span(closed + 1 + match.start("who"), closed + 1 + match.end("who"))
        who = parse_who(ctx.text, who_span)
        if who is not None:
            attribution_end = closed + 1 + len(match.group().rstrip(" \t\n.,"))
            return Span(words_.start, attribution_end), who
    return None


def _next_mark(text: str, span: Span) -> int:
    found = MARK_RE.search(text, span.start, span.end)
    return found.start() if found else span.end
