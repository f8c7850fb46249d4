"""The metrics guidance is given for, with their basis and unit.

A metric phrase comes from the outlook vocabulary ("revenue", "earnings per
diluted share", "gross margins", "tax rates"); the words before it set its basis
("GAAP and non-GAAP gross margins" is two outlooks, "Adjusted EBITDA" one non-GAAP);
a loss ("GAAP net loss is targeted at ...") makes its figures negative, as the facts'
losses are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pressfacts.models import Basis, Span, Unit
from pressfacts.scan import skipping, spans
from pressfacts.statements.figures import Figures
from pressfacts.statements.vocabulary import alternation, pairs, words

METRICS = pairs("outlook", "metrics")
METRIC_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<m{i}>{p})" for i, (_, p) in enumerate(METRICS)) + r")(?!\w)", re.I
)
# What a metric phrase can start with: METRIC_RE starts with \\b, which the engine tries at every
# character of a sentence, while this scan skips to these (tests check every phrase starts with one).
METRIC_FIRST = "(cdefgilnoprst"
METRIC_SCAN = skipping(METRIC_FIRST, METRIC_RE.pattern, re.I)
BASIS_RE = re.compile(
    rf"(?:(?P<both>GAAP\s{{1,3}}and\s{{1,3}}non-GAAP)|(?P<non>{alternation(words('outlook', 'non_gaap'))})"
    r"|(?P<gaap>GAAP))\s{1,3}(?:diluted\s{1,3})?$",
    re.I,
)
PERCENT_METRICS = frozenset({"gross_margin", "tax_rate"})


@dataclass(frozen=True, slots=True)
class Named:
    """A metric phrase of a guidance sentence, with its basis."""

    metric: str
    span: Span
    bases: tuple[Basis, ...]
    note: str | None
    negative: bool


def find_metrics(text: str, span: Span) -> list[Named]:
    """The metric phrases of a guidance sentence, in text order: those `METRIC_RE.finditer` finds,
    each matched again where the scan found it, for its groups."""
    found = []
    for start in spans(METRIC_SCAN, text, span.start, span.end):
        match = METRIC_RE.match(text, start.start(1), span.end)
        if match is not None:
            found.append(_named(text, match))
    return found


def eps_kind(text: str, label: Span, figures: Figures) -> str:
    """eps_diluted or eps_basic when the words say so ("per diluted share"), as the facts do."""
    words_ = (text[label.start : label.end] + " " + text[figures.span.end : figures.span.end + 25]).lower()
    if "diluted" in words_:
        return "eps_diluted"
    return "eps_basic" if "basic" in words_ else "eps"


def _named(text: str, match: re.Match[str]) -> Named:
    """A metric phrase with the basis the words before it give: "GAAP and non-GAAP", "Adjusted"."""
    metric = METRICS[int((match.lastgroup or "m0")[1:])][0]
    span = Span(match.start(), match.end())
    basis = BASIS_RE.search(text, max(0, span.start - 30), span.start)
    bases: tuple[Basis, ...] = ("gaap",)
    if basis is not None and basis.group("both"):
        bases = ("gaap", "non_gaap")
    elif basis is not None and basis.group("non"):
        bases = ("non_gaap",)
    note = basis.group("non") if basis is not None and basis.group("non") else None
    negative = "loss" in match.group().lower()
    return Named(metric, span, bases, note, negative)


def unit_of(metric: str, figures: Figures) -> Unit | None:
    """The unit of a metric's figures, or None when they cannot be its figures (a percent of revenue).

    A per-share outlook is often written without "per share" after it ("earnings per
    diluted share of $.16 to $.17"): dollars below 100 with no scale word are per share.
    """
    if metric in PERCENT_METRICS:
        return "percent" if figures.unit == "percent" else None
    if figures.unit == "percent":
        return None
    if metric.startswith("eps"):
        small = all(abs(v) < 100 for v in (figures.value, figures.low, figures.high) if v is not None)
        return "USD/share" if figures.unit == "USD/share" or small else None
    return "USD" if figures.unit == "USD" else None
