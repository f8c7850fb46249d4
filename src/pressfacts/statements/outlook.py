"""Outlook: guidance for a metric and a future period, as a range or a point.

A sentence is guidance when it holds a cue ("expects", "outlook", "targets") and
no word that looks back on guidance or withdraws it ("exceeded", "withdrawing").
Each metric phrase takes the first figures after it, before the next metric phrase,
that are not an aside ("including $0.03 to $0.05 per share"). The period is the
one named nearest before the metric, else after it, else the one an earlier
guidance sentence named ("NVIDIA's outlook for the third quarter of fiscal 2024
is as follows:"), resolved forward with the release's calendar.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from pressfacts.cues import QUALIFIER_RE
from pressfacts.mentions import find_mentions
from pressfacts.models import Outlook, Period, Span
from pressfacts.periods import PeriodRef
from pressfacts.statements.context import StatementContext
from pressfacts.statements.figures import Figures, figure_groups
from pressfacts.statements.future import future_period
from pressfacts.statements.outlook_metrics import Named, eps_kind, find_metrics, unit_of
from pressfacts.statements.vocabulary import keywords, words, words_scan

CUE_SCAN = words_scan(words("outlook", "cues"))
CUE_KEYWORDS = keywords("outlook", "cues")
SKIP_SCAN = words_scan([*words("outlook", "skip"), *words("sections", "forward_looking")])
SKIP_KEYWORDS = (*keywords("outlook", "skip"), *keywords("sections", "forward_looking"))
OR_PER_SHARE_RE = re.compile(r",?\s{0,3}or\s{1,3}$", re.I)
CARRY_LIMIT = 1500
# A year alone, not the year of a date ("March 31, 2020") nor a percentage.
YEAR_RE = re.compile(r"(?<!\d, )(?<!\d,)(?<!\d )\b(?:19|20)\d\d\b(?!\s{0,3}(?:%|percent))")
# "$175 million in Free Cash Flow": figures written before their metric.
OWNED_BY_NEXT_RE = re.compile(r"\s{1,3}(?:in|of)\s{1,3}(?:\w{1,20}\s{1,3})?$", re.I)


def find(ctx: StatementContext) -> list[Outlook]:
    """Every guidance figure of the release."""
    found: list[Outlook] = []
    carried: tuple[PeriodRef, int] | None = None
    for sentence in ctx.value_sentences_holding(CUE_KEYWORDS):
        if not _cued(ctx, sentence):
            continue
        refs = ctx.refs_in(sentence) or _bare_year(ctx.text, sentence)
        if refs and _leads(ctx, sentence):
            # A period named first in a paragraph, or before a list, holds for the guidance after it.
            carried = (refs[0], sentence.end)
        elif carried is not None and sentence.start - carried[1] > CARRY_LIMIT:
            carried = None
        found.extend(_read(ctx, sentence, refs, carried[0] if carried else None))
    return found


def _cued(ctx: StatementContext, sentence: Span) -> bool:
    """A guidance cue, and no word that looks back on guidance."""
    return ctx.cued(sentence, CUE_SCAN, SKIP_SCAN, SKIP_KEYWORDS)


def _leads(ctx: StatementContext, sentence: Span) -> bool:
    region = ctx.region_of(sentence.start)
    return (region is not None and region.start == sentence.start) or ctx.text[sentence.end - 1] == ":"


def _bare_year(text: str, sentence: Span) -> list[PeriodRef]:
    """ "now expects 2020 CF revenues of ...": a year standing alone names the fiscal year."""
    match = YEAR_RE.search(text, sentence.start, sentence.end)
    if match is None:
        return []
    return [PeriodRef(Span(match.start(), match.end()), "<year>", months=12, year=int(match.group()))]


def _read(
    ctx: StatementContext, sentence: Span, refs: list[PeriodRef], carried: PeriodRef | None
) -> Iterator[Outlook]:
    text = ctx.text
    mentions = [m for m in find_mentions(text, [sentence]) if m.kind in ("amount", "per_share", "percent")]
    groups = figure_groups(text, mentions)
    named = find_metrics(text, sentence)
    owned = {id(g) for g in groups for m in named if _written_before(text, g, m)}
    for k, metric in enumerate(named):
        limit = named[k + 1].span.start if k + 1 < len(named) else sentence.end
        before = [g for g in groups if _written_before(text, g, metric)]
        after = [g for g in groups if id(g) not in owned and _fits(metric, g, limit)]
        figures = next(iter(before + after), None)
        if figures is None or metric.metric == "other" or unit_of(metric.metric, figures) is None:
            continue
        if metric.metric == "eps":
            metric = replace(metric, metric=eps_kind(text, metric.span, figures))
        ref = _period_ref(metric.span, refs) or carried
        period = future_period(ref, ctx.calendar) if ref else None
        yield from _outlooks(ctx, sentence, metric, figures, ref, period)
        per_share = _per_share_after(text, figures, groups, limit)
        if per_share is not None and metric.metric == "net_income":
            eps = Named(
                eps_kind(text, metric.span, per_share),
                metric.span,
                metric.bases,
                metric.note,
                metric.negative,
            )
            yield from _outlooks(ctx, sentence, eps, per_share, ref, period)


def _written_before(text: str, figures: Figures, metric: Named) -> bool:
    """Figures a few words before a metric, owned by it; the gap is measured before it is read."""
    start, end = figures.span.end, metric.span.start
    return 0 < end - start <= 30 and OWNED_BY_NEXT_RE.fullmatch(text, start, end) is not None


def _fits(metric: Named, figures: Figures, limit: int) -> bool:
    """The first figures after a metric, in its part of the sentence, in its unit."""
    if figures.span.start < metric.span.end or figures.span.start >= limit or figures.aside:
        return False
    return unit_of(metric.metric, figures) is not None


def _period_ref(metric: Span, refs: list[PeriodRef]) -> PeriodRef | None:
    before = [r for r in refs if r.span.end <= metric.start]
    return before[-1] if before else (refs[0] if refs else None)


def _per_share_after(text: str, figures: Figures, groups: list[Figures], limit: int) -> Figures | None:
    """ "$61 million to $70 million, or $0.56 to $0.65 per diluted share": the per-share figures."""
    after = next((g for g in groups if g.span.start >= figures.span.end), None)
    if after is None or after.span.start >= limit:
        return None
    if not OR_PER_SHARE_RE.fullmatch(text, figures.span.end, after.span.start):
        return None
    return after if "share" in text[after.span.end : after.span.end + 30] else None


def _outlooks(
    ctx: StatementContext,
    sentence: Span,
    metric: Named,
    figures: Figures,
    ref: PeriodRef | None,
    period: Period | None,
) -> Iterator[Outlook]:
    unit = unit_of(metric.metric, figures) or "USD/share"
    note = metric.note or _qualifier(ctx.text, metric.span.end, figures.span.start)
    for index, basis in enumerate(metric.bases):
        value, low, high = _values(metric, figures, index)
        yield Outlook(
            span=sentence,
            metric=metric.metric,
            label=metric.span,
            figures=figures.span,
            unit=unit,
            basis="non_gaap" if note and len(metric.bases) == 1 else basis,
            value=value,
            low=low,
            high=high,
            period=period,
            when=ref.span if ref else None,
            basis_note=note if len(metric.bases) == 1 else None,
            approximate=figures.approximate,
            tolerance=figures.tolerance,
            tolerance_unit=figures.tolerance_unit,
        )


def _values(metric: Named, figures: Figures, index: int) -> tuple[Decimal | None, ...]:
    """(value, low, high) for the basis at `index`; a loss is negative."""
    value = figures.pair[min(index, 1)] if figures.pair else figures.value
    low, high = figures.low, figures.high
    if metric.negative:
        value = -abs(value) if value is not None else None
        low, high = (-high if high is not None else None), (-low if low is not None else None)
    return value, low, high


def _qualifier(text: str, start: int, end: int) -> str | None:
    """ "earnings per share, before the cumulative effect of ..., to be between ...": the basis note."""
    match = QUALIFIER_RE.search(text, start, end)
    return " ".join(match.group().split()) if match else None
