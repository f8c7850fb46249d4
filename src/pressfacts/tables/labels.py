"""Row labels -> metrics: "Total revenues" -> revenue, "Basic" under "Net income per share:" -> eps_basic.

A label is read with its sections (the label-only rows above it, nearest
first). The result names the metric, its unit, the basis the label states and,
for the headline metrics, a rank: several rows may claim one headline metric
for a period ("Net income", "Net income attributable to X", "Net income
available to common stockholders"), and the lowest rank stated wins (see
`select`). Everything else becomes a snake_case metric of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pressfacts.models import Unit
from pressfacts.tables.basis import BasisMark, basis_mark, strip_marks
from pressfacts.tables.concepts import concept_of

# Ranks of competing candidates for one headline metric (lower wins).
RANK_ATTRIBUTED = 0  # "net income attributable to <the company>"
RANK_PLAIN = 1  # "net income": consolidated, when an attributable line also exists
RANK_COMMON = 2  # "net income available to common stockholders": after preferred dividends
RANK_PARTIAL = 3  # continuing operations, before an accounting change: only when nothing else is stated

INCOME = r"(?:income|earnings|loss|losses|profit|deficit)"
INCOMES = rf"{INCOME}(?:\s+{INCOME}){{0,2}}"

# Headline amounts: (metric, pattern over the label core, rank). The core is the
# label lowercased, without basis words, footnote marks and parentheses.
HEADLINE_RULES: list[tuple[str, str, int]] = [
    (
        "revenue",
        r"(?:total\s+)?(?:net\s+)?(?:operating\s+)?(?:revenues?|sales)(?:\s*,?\s*net(?:\s+of\s+[a-z\s,]+)?)?",
        0,
    ),
    ("revenue", r"total\s+net\s+(?:revenues?|sales)|net\s+sales\s+and\s+(?:operating\s+)?revenues?", 0),
    ("revenue", r"(?:total\s+)?(?:revenues?|sales)\s+and\s+other(?:\s+income)?", 0),
    ("revenue", r"(?:total\s+)?(?:net\s+)?revenues?\s+for\s+[a-z\s]+", 1),
    ("operating_income", rf"(?:total\s+)?(?:net\s+)?operating\s+{INCOMES}", 0),
    ("operating_income", rf"{INCOMES}\s+from\s+operations", 0),
    ("operating_income", rf"(?:net\s+)?operating\s+{INCOMES}\s+from\s+continuing\s+operations", 1),
    ("operating_income", rf"{INCOMES}\s+from\s+continuing\s+operations\s+before\s+interest[a-z\s,]*", 9),
    ("net_income", rf"net\s+{INCOMES}(?:\s+for\s+the\s+(?:period|quarter|year))?", RANK_PLAIN),
    ("net_income", rf"net\s+{INCOMES}\s+and\s+(?:comprehensive|net)\s+{INCOMES}", RANK_PLAIN),
    ("net_income", rf"(?:net\s+)?{INCOMES}\s+from\s+continuing\s+operations", RANK_PARTIAL),
    ("net_income", rf"net\s+{INCOMES}\s+before\s+(?:the\s+)?cumulative\s+effect[a-z\s,]*", RANK_PARTIAL),
]

# "... attributable to X": who X is decides the rank. Order matters.
ATTRIBUTION_RULES: list[tuple[str, str | None, int]] = [
    (r"non-?\s?controlling|minority", "net_income_attributable_to_noncontrolling_interest", -1),
    (
        r"\bpreferred\b|\bparticipating\b|\brestricted\b|\bunit\s*holders?\b|\bsecurities\b",
        "net_income_allocated_to_others",
        -1,
    ),
    (r"\bcommon\b|\bordinary\b", "net_income_available_to_common", RANK_COMMON),
    (
        r".",
        None,
        RANK_ATTRIBUTED,
    ),  # anyone else is the company itself: "Hasbro, Inc.", "controlling interest"
]
ATTRIBUTION_RE = re.compile(
    r"^(?P<head>.*?)\s*,?\s+(?:attributable|available|allocable|applicable|allocated)\s+to\s+(?P<whom>.+)$"
)

# An adjusted figure named only by its qualifier: "Adjusted earnings", "Economic Earnings".
ADJUSTED_EARNINGS_RE = re.compile(rf"^(?:net\s+)?{INCOMES}$")

PER_SHARE_RE = re.compile(
    r"\bper\s+(?:[a-z]+\s+){0,4}?(?:share|unit)s?\b|\beps\b|\bper\s+share\b|\bper\s+(?:diluted|basic)\b"
)
SHARES_RE = re.compile(r"\bshares\b|\bweighted[\s-]+average\b|\bshare\s+count\b|\bdenominator\b")
# Equity lines that mention shares but report dollars: "Common stock and paid-in capital - shares authorized".
EQUITY_AMOUNT_RE = re.compile(r"\bcapital\b|\bpaid-in\b|\bpar\s+value\b|\btreasury\b|\bat\s+cost\b")
BASIC_RE = re.compile(r"\bbasic\b")
DILUTED_RE = re.compile(r"\bdiluted\b|\bdilution\b")

# What a per-share figure is of: the words left when "per share", "basic" and
# "diluted" are taken out. Order matters: the first pattern that matches decides.
PER_SHARE_BASES: list[tuple[str, str | None, int]] = [
    (r"\bdividends?\b|\bdistributions?\b", "dividends_per_share", -1),
    (r"\bbook\s+value\b", "book_value_per_share", -1),
    (r"\bffo\b|\baffo\b|\bfunds\s+from\s+operations\b|\bcash\s+flow\b|\bfad\b", None, -1),
    (r"\bdiscontinued\b", "eps_discontinued_operations", -1),
    (r"\bcontinuing\s+operations\b|\bcumulative\s+effect\b|\bextraordinary\b", "eps_partial", RANK_PARTIAL),
    (
        rf"^(?:(?:net|common|ordinary|stock(?:holders?)?|shareholders?|and|class\s+[a-z]|the)\s+|{INCOME}\s+)*$",
        "eps",
        0,
    ),
    (r"\b(?:attributable|available|allocable|applicable|allocated)\s+to\b", "eps", 0),
]

# "(in thousands, except per share data)": a scale phrase, not a per-share heading.
EXCEPT_RE = re.compile(r"\bexcept\b[^)]*", re.IGNORECASE)

# Sections whose rows describe a part of the company, never its total.
PART_RE = re.compile(r"\bsegments?\b|\bdivisions?\b|\bgeograph|\bregions?\b|\bby\s+(?:brand|product|market)")

# Labels of ratios and shares of a total, which never hold a headline amount.
NOT_AMOUNT_RE = re.compile(r"%|\bpercent(?:age)?\b|\bmargins?\b")

# Rows of quantities other than money: volumes, counts, days.
COUNT_RE = re.compile(
    r"\b(?:bcf|bcfe|mmcf|mmcfe|mcf|mcfe|bbls?|mbbls?|mmbbls?|boe|mboe|mmboe|mmbtu|tons|tonnes|sq\.?\s*ft"
    r"|square\s+feet|mwh|gwh|employees|headcount|stores|locations|days)\b|\bnumber\s+of\b"
)

# Prices per unit of something else ("Average price ($/Mcf)"): dollars, never scaled.
RATE_RE = re.compile(r"\$\s*/|\$\s+per\b|\bper\s+(?:mcfe?|bbl|boe|mmbtu|ton|tonne|unit|day|hour|square)\b")

# Labels that read only with their section: "Basic" under "Earnings per share:".
GENERIC_RE = re.compile(
    r"^(?:basic|diluted|basic\s+and\s+diluted|diluted\s+and\s+basic|total|other|net|"
    r"products?|services?|service\s+and\s+other|as\s+reported|as\s+adjusted|)$"
)


@dataclass(frozen=True, slots=True)
class Meaning:
    """What a row reports. `headline` and `rank` are set for headline candidates."""

    metric: str
    unit: Unit
    concept: str | None = None
    headline: str | None = None
    rank: int = 0
    mark: BasisMark | None = None  # the basis the row label states
    section_mark: BasisMark | None = None  # the basis a section heading above states
    unscaled: bool = False  # a rate such as dollars per Mcf: the table scale does not apply


FOOTNOTE_MARK_RE = re.compile(r"\((?:\d{1,2}|[a-z]|[ivx]+)\)|\*+|[\u2020\u2021\u00b9\u00b2\u00b3]")
GLUED_FOOTNOTE_RE = re.compile(r"(?<=[a-z])\d{1,2}$")  # "Digital1": a footnote digit glued on
PUNCTUATION_RE = re.compile(r"[():;\"/]")
LEAD_TRAIL_RE = re.compile(r"\s+-\s+|\s*,\s*$|^\s*(?:less|add|plus|deduct)\s*:?\s+")

# Labels recur across rows, columns and tables ("Basic", "Total revenues"), and reading one
# takes dozens of regex passes: results are cached, bounded so a huge table cannot grow them.
LABEL_CACHE = 8192


@lru_cache(maxsize=LABEL_CACHE)
def clean_label(text: str) -> str:
    """Lowercase words without footnote marks, parentheses and stray punctuation."""
    text = text.lower().replace("\u2019", "'").replace("\u2014", " - ").replace("\u2013", " - ")
    if "(" in text or "*" in text or not text.isascii():  # what a footnote mark needs
        text = FOOTNOTE_MARK_RE.sub(" ", text)
    text = GLUED_FOOTNOTE_RE.sub("", text)
    text = PUNCTUATION_RE.sub(" ", text)
    text = LEAD_TRAIL_RE.sub(" ", text)
    return " ".join(text.replace("&", "and").split()).strip(" ,.-")


def read_label(
    label: str, sections: list[str], headings: Sequence[str] | None = None, share_kind: str | None = None
) -> list[Meaning]:
    """The meanings of one row: one, or two for a "basic and diluted" per-share row.

    `sections` are the label-only rows above, nearest first; `title` is the
    block's caption lines and title rows ("Earnings Per Diluted Share", "Segment
    Data"); `share_kind` ("basic" / "diluted") is what the block's other rows
    show when a per-share row says neither.
    """
    heading, part = _heading_context(tuple(headings or ()))
    return list(_read_label(label, tuple(sections), heading, part, share_kind))


@lru_cache(maxsize=LABEL_CACHE)
def _read_label(
    label: str, sections: tuple[str, ...], heading: str, part: bool, share_kind: str | None
) -> tuple[Meaning, ...]:
    # Keyed on what the headings say, not on the headings themselves: one label then reads
    # once for all the blocks whose titles say nothing of per-share or parts.
    own = clean_label(label)
    parents = [clean_label(s) for s in sections]
    generic = GENERIC_RE.match(_core(own))
    if generic and parents:
        # "Basic" under "Earnings per share:" reads "earnings per share basic"
        own = f"total {parents[0]}" if own in ("", "total") else f"{parents[0]} {own}"
    context = Context(parents, heading, share_kind, _section_mark(parents), part)
    if _is_share_count(own) or (generic and _is_share_count(" ".join(parents[:1]))):
        return tuple(_share_meanings(own, context))
    if PER_SHARE_RE.search(own) or _in_per_share_section(own, context):
        return tuple(_per_share_meanings(own, context))
    return (_amount_meaning(own, context),)


@lru_cache(maxsize=LABEL_CACHE)
def _heading_context(headings: tuple[str, ...]) -> tuple[str, bool]:
    """The per-share heading of a block, and whether its heading names a part: the same for
    every row of the block, so read once per block rather than once per row."""
    part = any(PART_RE.search(h) and len(h.split()) <= SHORT_HEADING for h in map(clean_label, headings))
    return _per_share_heading(list(headings)), part


@dataclass(frozen=True, slots=True)
class Context:
    """What surrounds a row label: its sections, its block's heading, the block's share kind."""

    parents: list[str]
    heading: str
    share_kind: str | None
    section_mark: BasisMark | None
    part: bool = False  # the block's heading names a segment or region


SHORT_HEADING = 5  # words; a longer caption is prose that may mention "EPS" or "segment" among much else


def _per_share_heading(headings: list[str]) -> str:
    """The block heading that says its rows are per share: "Earnings Per Diluted Share"."""
    for text in headings:
        words = clean_label(EXCEPT_RE.sub(" ", text))
        if PER_SHARE_RE.search(words) and len(words.split()) <= SHORT_HEADING and "reconcil" not in words:
            return words
    return ""


RECONCILIATION_RE = re.compile(r"reconcil|\bto\s+(?:adjusted|non-gaap|gaap)\b")


def _section_mark(parents: list[str]) -> BasisMark | None:
    """The basis a section heading states; a reconciliation heading states none."""
    for parent in parents:
        if RECONCILIATION_RE.search(parent):
            continue
        mark = basis_mark(parent)
        if mark is not None:
            return mark
    return None


def _in_per_share_section(own: str, context: Context) -> bool:
    if any(PER_SHARE_RE.search(p) and not _is_share_count(p) for p in context.parents[:2]):
        return True
    # A block headed "Earnings Per Diluted Share" or "Per Share Amounts" states its rows per share.
    return bool(PER_SHARE_RE.search(context.heading))


def is_generic(label: str) -> bool:
    """A label that reads only with its section: "Basic", "Diluted", "Total"."""
    return bool(GENERIC_RE.match(_core(clean_label(label))))


EXCLUDING_TAIL_RE = re.compile(
    r"\s*,?\s+(?:excluding|excl\.|(?:as\s+adjusted\s+)?to\s+exclude|before\s+(?:special|one-time|unusual|certain))\b"
)
ON_A_BASIS_RE = re.compile(r"\bon\s+an?\s+(?:[a-z-]+\s+)?basis\b")
DANGLING_AND_RE = re.compile(r"^(?:and\s+)+|(?:\s+and)+$")


@lru_cache(maxsize=LABEL_CACHE)
def _core(text: str) -> str:
    """The label without basis words and without an "excluding ..." tail."""
    # Each pattern needs a word most labels lack (they are case-sensitive, like `in`).
    if "excl" in text or "before" in text:
        text = EXCLUDING_TAIL_RE.split(text)[0]
    text = strip_marks(text)
    if "basis" in text:
        text = ON_A_BASIS_RE.sub(" ", text)
    text = " ".join(text.split())
    if "and" in text:
        text = DANGLING_AND_RE.sub("", text)
    return text.strip(" ,.-")


PER_SHARE_OF_RE = re.compile(r"\bper\s+(?:[a-z]+\s+){0,3}?share\b(?!\s+(?:computation|calculation|amounts))")


def _is_share_count(text: str) -> bool:
    """Share counts: "Weighted average shares - basic", "Shares used in per share computation"."""
    if not SHARES_RE.search(text) or EQUITY_AMOUNT_RE.search(text):
        return False
    return not PER_SHARE_OF_RE.search(text) or (
        "weighted" in text or "shares used" in text or "outstanding" in text
    )


def _per_share_meanings(own: str, context: Context) -> list[Meaning]:
    mark = basis_mark(own)
    metric, rank = _base_metric(_per_share_base(_core(own)))
    if metric is None:
        return [Meaning(_snake(_core(own)), "USD/share", None, None, 0, mark, context.section_mark)]
    if metric not in ("eps", "eps_partial"):
        return [Meaning(metric, "USD/share", concept_of(metric), None, 0, mark, context.section_mark)]
    basic, diluted = _basic_diluted(own, context)
    kinds = [k for k, on in (("eps_basic", basic), ("eps_diluted", diluted)) if on] or ["eps"]
    rank += mark.rank if mark else 0
    if metric == "eps_partial":
        return [
            Meaning(f"{k}_partial", "USD/share", None, k, rank, mark, context.section_mark) for k in kinds
        ]
    return [Meaning(k, "USD/share", concept_of(k), k, rank, mark, context.section_mark) for k in kinds]


NOT_LETTER_RE = re.compile(r"[^a-z\s]")
SHARE_KIND_WORDS_RE = re.compile(r"\b(?:basic|diluted|dilution|fully|and|assuming|amounts?)\b")


def _per_share_base(text: str) -> str:
    """What a per-share figure is of: "net loss" in "Net loss per share - basic"."""
    text = NOT_LETTER_RE.sub(" ", PER_SHARE_RE.sub(" ", strip_marks(text)))
    text = SHARE_KIND_WORDS_RE.sub(" ", text)
    text = " ".join(text.split())
    return f"{text} " if text else ""


_PER_SHARE_BASES = [(re.compile(p), metric, rank) for p, metric, rank in PER_SHARE_BASES]


def _base_metric(base: str) -> tuple[str | None, int]:
    for pattern, metric, rank in _PER_SHARE_BASES:
        if pattern.search(base):
            return metric, rank
    return None, 0


def _basic_diluted(own: str, context: Context) -> tuple[bool, bool]:
    for text in [own, *context.parents[:1], context.heading]:
        basic, diluted = bool(BASIC_RE.search(text)), bool(DILUTED_RE.search(text))
        if basic or diluted:
            return basic, diluted
    return context.share_kind == "basic", context.share_kind == "diluted"


WEIGHTED_RE = re.compile(r"weighted|average|\bused\b|computation|calculation")


def _share_meanings(own: str, context: Context) -> list[Meaning]:
    basic, diluted = _basic_diluted(own, Context(context.parents, "", None, None))  # shares: own words only
    weighted = WEIGHTED_RE.search(" ".join([own, *context.parents[:1]]))
    kinds = [k for k, on in (("basic", basic), ("diluted", diluted)) if on]
    if weighted and kinds:
        names = [f"weighted_average_shares_{k}" for k in kinds]
        return [Meaning(n, "shares", concept_of(n)) for n in names]
    return [Meaning(_snake(_core(own)), "shares")]


def _amount_meaning(own: str, context: Context) -> Meaning:
    part = context.part or any(PART_RE.search(p) for p in context.parents)
    return _amount_reading(own, context.section_mark, part)


@lru_cache(maxsize=LABEL_CACHE)
def _amount_reading(own: str, section_mark: BasisMark | None, part: bool) -> Meaning:
    """An amount row, by all its context tells: one label recurs under many sections
    ("Product" under each segment), and most of them say nothing that changes its reading."""
    mark, core = basis_mark(own), _core(own)
    metric = _snake(core) or "unlabelled"
    if RATE_RE.search(own):
        return Meaning(metric, "USD", None, None, 0, mark, section_mark, unscaled=True)
    if COUNT_RE.search(own):
        return Meaning(metric, "count", None, None, 0, mark, section_mark)
    adjusted = (mark or section_mark or BasisMark("gaap")).basis == "non_gaap"
    if NOT_AMOUNT_RE.search(core) or part or PART_RE.search(core):
        return Meaning(metric, "USD", None if adjusted else concept_of(metric), None, 0, mark, section_mark)
    headline, rank, own_metric = _headline(core, mark or section_mark)
    metric = own_metric or headline or metric
    concept = None if adjusted else concept_of(metric)
    if headline is None:
        return Meaning(metric, "USD", concept, None, 0, mark, section_mark)
    rank += mark.rank if mark else 0
    return Meaning(metric, "USD", concept, headline, rank, mark, section_mark)


_HEADLINES = [(metric, re.compile(p), rank) for metric, p, rank in HEADLINE_RULES]
# Most rows are no headline: one full match against all the rules at once says so.
_ANY_HEADLINE = re.compile("|".join(f"(?:{p})" for _, p, _ in HEADLINE_RULES))
_ATTRIBUTIONS = [(re.compile(p), own, rank) for p, own, rank in ATTRIBUTION_RULES]


def _headline(core: str, mark: BasisMark | None) -> tuple[str | None, int, str | None]:
    """(headline metric, rank, the metric's own name when it is not the headline itself)."""
    attributed = ATTRIBUTION_RE.match(core)
    head = attributed.group("head") if attributed else core
    for metric, pattern, rank in _HEADLINES if _ANY_HEADLINE.fullmatch(head) else ():
        if not pattern.fullmatch(head):
            continue
        if metric == "net_income" and attributed:
            return _attributed(attributed.group("whom"), rank)
        own = "income_from_continuing_operations" if rank == RANK_PARTIAL else None
        return metric, rank, own
    if mark is not None and mark.basis == "non_gaap" and ADJUSTED_EARNINGS_RE.match(head):
        return "net_income", 0, None  # "Adjusted earnings", "Economic earnings"
    return None, 0, None


def _attributed(whom: str, rank: int) -> tuple[str | None, int, str | None]:
    for pattern, own, whom_rank in _ATTRIBUTIONS:
        if pattern.search(whom):
            if whom_rank < 0:
                return None, 0, own
            return "net_income", max(whom_rank, rank if rank == RANK_PARTIAL else 0), own
    return None, 0, None


NOT_ALNUM_RE = re.compile(r"[^a-z0-9]+")


def _snake(text: str) -> str:
    text = NOT_ALNUM_RE.sub("_", text.lower()).strip("_")
    return text[:80]
