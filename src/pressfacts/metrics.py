"""Metric phrases in prose: "net income", "revenue", "diluted earnings per share".

Each phrase resolves to a headline metric, a sign (a "net loss" makes its
amount negative) and a basis, or to `other` when a modifier shows it is a
part or a different line ("license fee revenue", "net interest income").
An `other` phrase still matters: it stops a later amount from attaching to an
earlier headline metric.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pressfacts.models import Span
from pressfacts.scan import PhraseRules

# "eps_basic_and_diluted": one figure for both ("basic and diluted loss per share of $0.42").
EpsKind = Literal["eps", "eps_basic", "eps_diluted", "eps_basic_and_diluted"]

# (name, pattern, metric, sign). Order matters: per-share phrases before the
# income words they contain, longer phrases before shorter.
PHRASES: list[tuple[str, str, str, int]] = [
    ("<earnings> per <diluted> share",
     r"(?:(?P<q1>basic|diluted|fully[\s-]diluted)\s{1,2})?(?:GAAP\s{1,3})?(?:net\s{1,3})?"
     r"(?P<what>earnings|income|loss|\(loss\)\s{1,3}income|income\s{1,3}\(loss\)|earnings\s{1,3}\(loss\)|profit)"
     r"\s{1,3}(?:\(loss\)\s{1,3})?per\s{1,3}(?:(?P<q2>basic|diluted|fully[\s-]diluted)\s{1,3})?(?:common\s{1,3})?share",
     "eps", 1),
    ("<diluted> EPS", r"(?:(?P<q1>basic|diluted|fully[\s-]diluted)\s{1,2})?\bEPS\b", "eps", 1),
    ("net income (loss)",
     r"net\s{1,3}(?:income|earnings|profit)\s{0,2}\(loss\)|net\s{1,3}\(loss\)\s{0,2}(?:income|earnings)",
     "net_income", 1),
    ("net operating earnings", r"net\s{1,3}operating\s{1,3}(?:earnings|income)", "net_income", 1),
    ("net income", r"net\s{1,3}(?:income|earnings|profits?)", "net_income", 1),
    ("net loss", r"net\s{1,3}loss(?:es)?", "net_income", -1),
    ("operating income",
     r"operating\s{1,3}(?:income|profit|earnings)|(?:income|earnings|profit)\s{1,3}from\s{1,3}operations",
     "operating_income", 1),
    ("operating loss", r"operating\s{1,3}loss|loss\s{1,3}from\s{1,3}operations", "operating_income", -1),
    ("revenue", r"(?:total\s{1,3}|net\s{1,3}|operating\s{1,3})?(?:revenues?|sales)", "revenue", 1),
    # Figures that are not headline metrics: named so that their amounts attach to nothing else.
    ("other measure",
     r"(?:adjusted\s{1,3})?(?:EBITDA|EBITA|EBIT|OIBDA)|gross\s{1,3}(?:profit|margin)|(?:free\s{1,3})?cash\s{1,3}flows?"
     r"|backlog|bookings|orders|(?:total\s{1,3})?assets|deposits|loans|(?:share|stock)holders['’]?\s{1,3}equity"
     r"|dividends?|capital\s{1,3}expenditures|expenses|costs|charges?|debt|book\s{1,3}value"
     r"|funds\s{1,3}from\s{1,3}operations|FFO|(?:comparable|same)[\s-]{1,3}store\s{1,3}sales",
     "other", 1),
    ("earnings", r"earnings(?:\s{1,3}on\s{1,3}common\s{1,3}stock)?", "net_income", 1),
    ("income", r"income|profits?", "net_income", 1),
    ("loss", r"loss", "net_income", -1),
]  # fmt: skip

# Per rule: the characters its phrase can start with, and the key word group it holds.
RULE_SCAN: dict[str, tuple[str, str]] = {
    "<earnings> per <diluted> share": ("bdfgneilp(", "per"),
    "<diluted> EPS": ("bdfe", "eps"),
    "net income (loss)": ("n", "net"),
    "net operating earnings": ("n", "net"),
    "net income": ("n", "net"),
    "net loss": ("n", "net"),
    "operating income": ("oiep", "operat"),
    "operating loss": ("ol", "operat"),
    "revenue": ("tnors", "revenue"),
    "other measure": ("aebcdfglost", "other"),
    "earnings": ("e", "income"),
    "income": ("ip", "income"),
    "loss": ("l", "income"),
}
METRIC_RULES = PhraseRules(
    [(name, rf"(?:{p})(?!\w)") for name, p, _, _ in PHRASES],
    RULE_SCAN,
    anchors={
        "per": (["per"], "p", 50, 30),
        "eps": (["EPS"], "e", 25, 5),
        "net": (["net"], "n", 2, 45),
        "operat": (["operat"], "o", 25, 30),
        "revenue": (["revenue", "sales"], "rs", 25, 15),
        "other": (["EBIT", "OIBDA", "gross", "cash", "backlog", "booking", "order", "asset", "deposit", "loan",
                   "equity", "dividend", "expenditure", "expense", "cost", "charge", "debt", "book", "funds",
                   "FFO", "sales"], "abcdefglos", 25, 40),
        "income": (["earning", "income", "profit", "loss"], "eilp", 2, 40),
    },
    flags=re.I,
)  # fmt: skip

# Words that may stand right before a headline metric phrase without changing it.
NEUTRAL_BEFORE = frozenset(
    """a an the its our their his her this that these those of in on for and or to from with as at by
    was were is be been total record reported quarterly annual consolidated company corporation
    comparable gaap fiscal quarter year half first second third fourth 1st 2nd 3rd 4th full period
    periods week weeks month months current prior previous last same higher lower increased
    decreased improved strong record-setting also both combined overall resulting achieved reached
    posted reporting had has have generate generates delivers deliver grew grow rose rise fell fall
    show shows while whereas but however yet so which who over under than versus vs against above
    below about after before during into per when where""".split()  # noqa: SIM905 - a vocabulary reads better as text
)

# Modifiers that keep the metric but change its basis.
NON_GAAP_BEFORE: dict[str, str] = {
    "adjusted": "adjusted", "non-gaap": "non-GAAP", "pro": "pro forma", "forma": "pro forma",
    "normalized": "normalized", "managed": "managed basis", "core": "core", "operating": "operating",
    "cash": "cash",
}  # fmt: skip

# After a phrase: words that make it another line ("income from continuing operations").
OTHER_AFTER_RE = re.compile(
    r"\s{0,3}(?:from\s{1,3}continuing|from\s{1,3}discontinued|before\s{1,3}(?:income\s{1,3})?taxes"
    r"|before\s{1,3}(?:the\s{1,3})?cumulative|before\s{1,3}extraordinary|tax|margin|growth|contribution|guidance"
    r"|outlook|expectations?|estimates?|target|per\s{1,3}ton|mix|volume|force"
    r"|(?:for\s{1,3}(?:the\s{1,3})?\w{1,12}\s{1,3})?from\s{1,3}(?!operations))",
    re.I,
)
WORD_OR_MARK_RE = re.compile(r"[A-Za-z0-9][\w'’\-]{0,30}|[.;:,()]")
# A clause end ("." before a space, a line break, ":" ...), as found in the reversed text: the
# first one there is the last one before a phrase, with no scan of the clauses before it.
CLAUSE_END_BACKWARDS = re.compile(r"[\n:;|•]|(?<=\s)[.!?]")
# "the decrease in income from operations of $1.3 million": a change, not a level. The words
# before a phrase are read backwards (a match at the start of the reversed text costs a few
# steps where a search for "...$" tries every position): this is, spelt backwards,
# "<change>s? in|on|to (the|our|its)? (<word>)?" then 1-3 spaces and the phrase.
# "basic and " / "diluted and " right before a per-share phrase that starts with the other kind,
# read backwards from the phrase (see CHANGE_BEFORE_BACKWARDS).
OTHER_KIND_BEFORE_BACKWARDS = re.compile(r"\s{1,3}dna\s{1,3}(?:cisab|detulid(?:[\s-]{1,3}ylluf)?)\b", re.I)
CHANGES = (
    "increase", "decrease", "decline", "improvement", "growth", "change", "reduction", "rise", "drop", "gain",
    "shortfall", "swing", "impact",
)  # fmt: skip
CHANGE_BEFORE_BACKWARDS = re.compile(
    r"\n?(?:\s{1,3}[\w'’\-]{1,20})?(?:\s{1,3}(?:eht|ruo|sti))?\s{1,3}(?:ni|no|ot)\s{1,3}s?"
    rf"(?:{'|'.join(word[::-1] for word in CHANGES)})",
    re.I,
)


# Not frozen: made by the hundred per release, and a frozen dataclass is several times
# slower to build. Treat it as a value all the same: make a new one, never assign to one.
@dataclass(slots=True)
class MetricPhrase:
    """A metric named in prose: the headline metric it is, or "other"."""

    span: Span
    rule: str
    metric: str
    sign: int
    eps_kind: EpsKind | None = None
    non_gaap: str | None = None


def find_metric_phrases(text: str, regions: Sequence[Span] | None = None) -> list[MetricPhrase]:
    """Metric phrases in `text`, left to right, longest first where they overlap.

    >>> [
    ...     p.metric
    ...     for p in find_metric_phrases("net income of $1 or $0.07 per share on revenue of $9 million")
    ... ]
    ['net_income', 'revenue']
    >>> [p.metric for p in find_metric_phrases("license fee revenue and net interest income")]
    ['other', 'other']
    """
    return [_phrase_of(order, match, text) for _, _, order, match in METRIC_RULES.find(text, regions)]


def _phrase_of(order: int, match: re.Match[str], text: str) -> MetricPhrase:
    name, _, metric, sign = PHRASES[order]
    span = Span(match.start(), match.end())
    eps_kind, lead = _eps_kind(match, text) if metric == "eps" else (None, 0)
    if metric == "eps" and "loss" in match.group(0).lower() and "income" not in match.group(0).lower():
        sign = -1
    # The words that qualify the phrase stand before all of it, "basic and" included.
    before = _words_before(text, match.start() - lead)
    non_gaap = next((NON_GAAP_BEFORE[w] for w in before if w in NON_GAAP_BEFORE), None)
    if non_gaap == "operating" and metric == "operating_income":
        non_gaap = None
    if name == "net operating earnings":
        non_gaap = "net operating earnings"
    changed = (
        CHANGE_BEFORE_BACKWARDS.match(text[max(0, match.start() - 60) : match.start()][::-1]) is not None
    )
    if changed or OTHER_AFTER_RE.match(text, match.end()) or not _headline_modifiers(before, non_gaap):
        metric = "other"
    return MetricPhrase(span, name, metric, sign, eps_kind, non_gaap)


def _eps_kind(match: re.Match[str], text: str) -> tuple[EpsKind, int]:
    """The kind of EPS a phrase names, and how many characters of it stand before the match."""
    qualifier = (match.group("q1") or match.groupdict().get("q2") or "").lower()
    if match.group("q1"):
        other = OTHER_KIND_BEFORE_BACKWARDS.match(text[max(0, match.start() - 24) : match.start()][::-1])
        if other is not None:
            # "basic and diluted loss per share": the match holds the second kind, the first is before it.
            return "eps_basic_and_diluted", other.end()
    if "diluted" in qualifier:
        return "eps_diluted", 0
    if "basic" in qualifier:
        return "eps_basic", 0
    return "eps", 0


def _words_before(text: str, start: int) -> list[str]:
    """The two words before a phrase, lowercased; possessives are neutral."""
    window = text[max(0, start - 40) : start]
    # Words across a line break or a sentence end do not modify the phrase.
    last = CLAUSE_END_BACKWARDS.search(window[::-1])
    window = window[len(window) - last.start() :] if last else window
    words = WORD_OR_MARK_RE.findall(window)[-2:]
    return [w.lower() for w in words]


def _headline_modifiers(before: list[str], non_gaap: str | None) -> bool:
    """True when the word right before the phrase leaves it a headline metric."""
    if not before:
        return True
    word = before[-1]
    if word in NEUTRAL_BEFORE or word in NON_GAAP_BEFORE or not word[0].isalnum():
        return True
    if word.endswith(("'s", "’s", "s'", "ed", "ly")) or word.isdigit():
        return True
    return non_gaap is not None and word in ("gaap", "basis")
