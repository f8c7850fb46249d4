"""One-time items: amounts a release sets apart from its results, linked to their fact.

In a sentence with a one-time word ("settlement", "charge", "write-downs"), an
amount is an item when it is stated as part of a period's result ("$1.7 million
of last year's 4th quarter income", read by the prose stage as a `Part`) or
stands beside an item noun ("a pretax charge of $28 million", "a $21 million
pretax charge"). Its per-share amount follows ("or $0.12 per share", "$0.22 of
the reported $0.24 per share"); what it was follows a reason word ("was
attributable to the settlement received in a lawsuit ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pressfacts.mentions import find_mentions
from pressfacts.metrics import find_metric_phrases
from pressfacts.models import Fact, Mention, OneTimeItem, Part, Period, Span
from pressfacts.statements.context import StatementContext
from pressfacts.statements.vocabulary import alternation, keywords, words, words_scan

CUE_SCAN = words_scan(words("one_time", "cues"))
CUE_KEYWORDS = keywords("one_time", "cues")
SKIP_SCAN = words_scan(words("sections", "forward_looking"))
SKIP_KEYWORDS = keywords("sections", "forward_looking")
NOUN = alternation(words("one_time", "nouns"))
MODIFIERS = rf"(?:{alternation(words('one_time', 'modifiers'))}\s{{1,3}}){{0,2}}"
# "a pretax charge of $28 million", "two pretax charges, including $41 million"
NOUN_BEFORE_RE = re.compile(
    rf"\b{NOUN},?\s{{1,3}}(?:of|including|totall?ing|amounting\s{{1,3}}to)\s{{1,3}}(?:approximately\s{{1,3}})?$",
    re.I,
)
# "a $21 million pretax charge"
NOUN_AFTER_RE = re.compile(rf"\s{{1,3}}{MODIFIERS}{NOUN}\b", re.I)
OR_RE = re.compile(r",?\s{0,3}or\s{1,3}")
REASON_RE = re.compile(rf"\b{alternation(words('one_time', 'reasons'))}\s{{1,3}}", re.I)
REASON_REACH = 40
CLAUSE_RE = re.compile(r",|;|\band\b")
EPS_ORDER = ("eps_diluted", "eps", "eps_basic")
FactIndex = dict[tuple[str, Period], list[Fact]]


@dataclass(frozen=True, slots=True)
class Item:
    """An item's figures before it is resolved: the amount, its per-share amount, where they end."""

    amount: Mention
    per_share: Mention | None
    end: int
    part: Part | None


def find(ctx: StatementContext) -> list[OneTimeItem]:
    """Every one-time item of the release, in text order."""
    found: list[OneTimeItem] = []
    taken = {s for f in ctx.facts for s in (f.span, *f.also_at)}
    index: FactIndex = {}
    for fact in ctx.facts:
        if fact.basis == "gaap":
            index.setdefault((fact.metric, fact.period), []).append(fact)
    parts = {p.span: p for p in ctx.parts if p.whole_metric}
    for sentence in ctx.value_sentences_holding(CUE_KEYWORDS):
        if not _cued(ctx, sentence):
            continue
        for item in _items(ctx, sentence, taken, parts):
            period = _period(ctx, sentence, item) or _previous_period(ctx, found, sentence)
            found.append(_resolve(ctx, sentence, item, period, index))
    return found


def _cued(ctx: StatementContext, sentence: Span) -> bool:
    """A one-time word, outside the forward-looking statements."""
    return ctx.cued(sentence, CUE_SCAN, SKIP_SCAN, SKIP_KEYWORDS)


def _items(
    ctx: StatementContext, sentence: Span, taken: set[Span], parts: dict[Span, Part]
) -> Iterator[Item]:
    """Amounts stated apart from results: a part of a period's result, or beside an item noun.

    `taken` are the spans of the facts (a headline figure is no item); `parts` the amounts
    the prose stage read as parts of a whole, by span.
    """
    text = ctx.text
    mentions = find_mentions(text, [sentence])
    for k, mention in enumerate(mentions):
        if mention.kind != "amount" or mention.span in taken or abs(mention.value) < 1000:
            continue
        part = parts.get(mention.span)
        before = text[max(0, mention.span.start - 60) : mention.span.start]
        if (
            part is None
            and not NOUN_BEFORE_RE.search(before)
            and not NOUN_AFTER_RE.match(text, mention.span.end)
        ):
            continue
        per_share, end = _per_share(ctx, mentions[k + 1 :], mention, sentence)
        yield Item(mention, per_share, end, part)


def _per_share(
    ctx: StatementContext, later: Sequence[Mention], amount: Mention, sentence: Span
) -> tuple[Mention | None, int]:
    """ "$41 million, or $0.12 per share", or a part of a per-share whole in the same sentence."""
    following = later[0] if later else None
    joined = following is not None and OR_RE.fullmatch(ctx.text, amount.span.end, following.span.start)
    if following is not None and joined and following.kind == "per_share":
        return following, following.span.end
    later_spans = {m.span: m for m in later}
    for part in ctx.parts:
        inside = sentence.start <= part.span.start < sentence.end and part.span.start > amount.span.start
        if (
            inside
            and part.whole_value is not None
            and part.whole_span is not None
            and part.span in later_spans
        ):
            return later_spans[part.span], part.whole_span.end
    return None, amount.span.end


def _period(ctx: StatementContext, sentence: Span, item: Item) -> Period | None:
    if item.part is not None and item.part.whole_period is not None:
        return item.part.whole_period
    refs = ctx.refs_in(sentence)
    before = [r for r in refs if r.span.end <= item.amount.span.start]
    for ref in [*reversed(before), *(r for r in refs if r not in before)]:
        period = ctx.past_period(ref)
        if period is not None:
            return period
    return None


def _previous_period(ctx: StatementContext, found: list[OneTimeItem], sentence: Span) -> Period | None:
    """ "The second charge of $39 million ...": the period of the item before, in the same paragraph."""
    if not found or ctx.region_of(found[-1].span.start) != ctx.region_of(sentence.start):
        return None
    return found[-1].period


def _resolve(
    ctx: StatementContext, sentence: Span, item: Item, period: Period | None, index: FactIndex
) -> OneTimeItem:
    metric = item.part.whole_metric if item.part else _metric_named(ctx, sentence, item.amount)
    fact = _fact(index, (metric,), period) if metric else None
    whole = item.part.whole_value if item.part else None
    eps = _fact(index, EPS_ORDER, period, whole) if metric and item.per_share else None
    return OneTimeItem(
        span=sentence,
        amount=item.amount.value,
        amount_text=item.amount.span,
        per_share=item.per_share.value if item.per_share else None,
        per_share_text=item.per_share.span if item.per_share else None,
        description=_description(ctx, sentence, item.end),
        period=period,
        fact_id=fact.id if fact else None,
        per_share_fact_id=eps.id if eps else None,
    )


def _metric_named(ctx: StatementContext, sentence: Span, amount: Mention) -> str | None:
    """ "Sears' second quarter 2004 earnings included two pretax charges": the result named before."""
    phrases = find_metric_phrases(ctx.text, [Span(sentence.start, amount.span.start)])
    named = [p.metric for p in phrases if p.metric in ("net_income", "operating_income")]
    return named[-1] if named else None


def _fact(
    index: FactIndex, metrics: Sequence[str], period: Period | None, value: object = None
) -> Fact | None:
    """The GAAP fact of one of `metrics` (in that order) for the period, of the value if given."""
    if period is None:
        return None
    for metric in metrics:
        for fact in index.get((metric, period), []):
            if value is None or fact.value == value:
                return fact
    return None


def _description(ctx: StatementContext, sentence: Span, end: int) -> Span | None:
    """What the item was: the words after "attributable to" / "for" / "related to", to the sentence end."""
    reason = REASON_RE.search(ctx.text, end, min(sentence.end, end + REASON_REACH))
    if reason is None or any(r.span.start == reason.end() for r in ctx.refs_in(sentence)):
        return None
    stop = _next_item(ctx.text, Span(reason.end(), sentence.end))
    while stop > reason.end() and ctx.text[stop - 1] in ".;, \n":
        stop -= 1
    return Span(reason.end(), stop) if stop > reason.end() else None


def _next_item(text: str, span: Span) -> int:
    """Where the words about the next amount begin ("... and a charge of $165.0 million"), else the end."""
    amount = next((m for m in find_mentions(text, [span]) if m.kind == "amount"), None)
    if amount is None:
        return span.end
    cuts = [m.start() for m in CLAUSE_RE.finditer(text, span.start, amount.span.start)]
    return cuts[-1] if cuts else span.start
