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
from dataclasses import dataclass

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
    ("revenue", r"(?:total\s+)?(?:net\s+)?(?:operating\s+)?(?:revenues?|sales)(?:\s*,?\s*net)?", 0),
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
    (r"\bcommon\b|\bordinary\b|\bparticipating\b|\bpreferred\b", "net_income_available_to_common", RANK_COMMON),
    (r".", None, RANK_ATTRIBUTED),  # anyone else is the company itself: "Hasbro, Inc.", "controlling interest"
]
ATTRIBUTION_RE = re.compile(
    r"^(?P<head>.*?)\s*,?\s+(?:attributable|available|allocable|applicable|allocated)\s+to\s+(?P<whom>.+)$"
)

# An adjusted figure named only by its qualifier: "Adjusted earnings", "Economic Earnings".
ADJUSTED_EARNINGS_RE = re.compile(rf"^(?:net\s+)?{INCOMES}$")

PER_SHARE_RE = re.compile(
    r"\bper\s+(?:[a-z]+\s+){0,4}?(?:share|unit)s?\b|\beps\b|\bper\s+share\b|\bper\s+(?:diluted|basic)\b"
)
SHARES_RE = re.compile(
    r"\bshares\b|\bweighted[\s-]+average\b|\bshare\s+count\b|\bdenominator\b"
)
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
    (rf"^(?:(?:net|common|ordinary|stock(?:holders?)?|shareholders?|and|class\s+[a-z]|the)\s+|{INCOME}\s+)*$", "eps", 0),
    (r"\b(?:attributable|available|allocable|applicable)\s+to\b", "eps", 0),
]

# Sections whose rows describe a part of the company, never its total.
PART_RE = re.compile(r"\bsegments?\b|\bdivisions?\b|\bgeograph|\bregions?\b|\bby\s+(?:brand|product|market)")

# Labels of ratios and shares of a total, which never hold a headline amount.
NOT_AMOUNT_RE = re.compile(r"%|\bpercent(?:age)?\b|\bmargins?\b")

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
    mark: BasisMark | None = None


def clean_label(text: str) -> str:
    """Lowercase words without footnote marks, parentheses and stray punctuation."""
    text = text.lower().replace("\u2019", "'").replace("\u2014", " - ").replace("\u2013", " - ")
    text = re.sub(r"\((?:\d{1,2}|[a-z]|[ivx]+)\)|\*+|[\u2020\u2021\u00b9\u00b2\u00b3]", " ", text)
    text = re.sub(r"(?<=[a-z])\d{1,2}$", "", text)  # "Digital1": a footnote digit glued on
    text = re.sub(r"[():;\"]", " ", text)
    text = re.sub(r"\s+-\s+|\s*,\s*$|^\s*(?:less|add|plus|deduct)\s*:?\s+", " ", text)
    return " ".join(text.replace("&", "and").split()).strip(" ,.-")


def read_label(label: str, sections: list[str]) -> list[Meaning]:
    """The meanings of one row: one, or two for a "basic and diluted" per-share row."""
    own = clean_label(label)
    parents = [clean_label(s) for s in sections]
    mark = basis_mark(own) or next((m for m in map(basis_mark, parents) if m), None)
    generic = bool(GENERIC_RE.match(_core(own)))
    if generic and parents:
        own = f"{parents[0]} {own}"  # "Basic" under "Earnings per share:" reads "earnings per share basic"
    if _is_share_count(own) or (generic and _is_share_count(" ".join(parents[:1]))):
        return _share_meanings(own, parents)
    in_per_share_section = any(PER_SHARE_RE.search(p) and not _is_share_count(p) for p in parents[:2])
    if PER_SHARE_RE.search(own) or in_per_share_section:
        return _per_share_meanings(own, parents, mark)
    return [_amount_meaning(_core(own), parents, mark)]


def _core(text: str) -> str:
    """The label without basis words and without an "excluding ..." tail."""
    text = re.split(r"\s*,?\s+(?:excluding|excl\.|before\s+(?:special|one-time|unusual|certain))\b", text)[0]
    text = re.sub(r"\bon\s+an?\s+(?:[a-z-]+\s+)?basis\b", " ", strip_marks(text))
    return re.sub(r"^(?:and\s+)+|(?:\s+and)+$", "", " ".join(text.split())).strip(" ,.-")


def _is_share_count(text: str) -> bool:
    """Share counts: "Weighted average shares - basic", "Shares used in per share computation"."""
    if not SHARES_RE.search(text):
        return False
    return not re.search(r"\bper\s+(?:[a-z]+\s+){0,3}?share\b(?!\s+(?:computation|calculation|amounts))", text) or (
        "weighted" in text or "shares used" in text or "outstanding" in text
    )


def _per_share_meanings(own: str, parents: list[str], mark: BasisMark | None) -> list[Meaning]:
    metric, rank = _base_metric(_per_share_base(_core(own)))
    if metric is None:
        return [Meaning(_snake(_core(own)), "USD/share", None, None, 0, mark)]
    if metric not in ("eps", "eps_partial"):
        return [Meaning(metric, "USD/share", concept_of(metric), None, 0, mark)]
    basic, diluted = _basic_diluted(own, parents)
    kinds = [k for k, on in (("eps_basic", basic), ("eps_diluted", diluted)) if on] or ["eps"]
    rank += mark.rank if mark else 0
    if metric == "eps_partial":
        return [Meaning(f"{k}_partial", "USD/share", None, k, rank, mark) for k in kinds]
    concept = None if mark and mark.basis == "non_gaap" else concept_of
    return [Meaning(k, "USD/share", concept(k) if concept else None, k, rank, mark) for k in kinds]


def _per_share_base(text: str) -> str:
    """What a per-share figure is of: "net loss" in "Net loss per share - basic"."""
    text = PER_SHARE_RE.sub(" ", strip_marks(text))
    text = re.sub(r"\b(?:basic|diluted|dilution|fully|and|assuming|amounts?)\b", " ", text)
    text = " ".join(text.split())
    return f"{text} " if text else ""


def _base_metric(base: str) -> tuple[str | None, int]:
    for pattern, metric, rank in PER_SHARE_BASES:
        if re.search(pattern, base):
            return metric, rank
    return None, 0


def _basic_diluted(own: str, parents: list[str]) -> tuple[bool, bool]:
    for text in [own, *parents[:1]]:
        basic, diluted = bool(BASIC_RE.search(text)), bool(DILUTED_RE.search(text))
        if basic or diluted:
            return basic, diluted
    return False, False


def _share_meanings(own: str, parents: list[str]) -> list[Meaning]:
    basic, diluted = _basic_diluted(own, parents)
    weighted = re.search(r"weighted|average|\bused\b|computation|calculation", " ".join([own, *parents[:1]]))
    kinds = [k for k, on in (("basic", basic), ("diluted", diluted)) if on]
    if weighted and kinds:
        return [Meaning(f"weighted_average_shares_{k}", "shares", concept_of(f"weighted_average_shares_{k}")) for k in kinds]
    return [Meaning(_snake(_core(own)), "shares")]


def _amount_meaning(core: str, parents: list[str], mark: BasisMark | None) -> Meaning:
    metric = _snake(core) or "unlabelled"
    if NOT_AMOUNT_RE.search(core) or any(PART_RE.search(p) for p in [core, *parents]):
        return Meaning(metric, "USD", None if mark and mark.basis == "non_gaap" else concept_of(metric), None, 0, mark)
    headline, rank, own_metric = _headline(core, mark)
    metric = own_metric or headline or metric
    concept = None if mark and mark.basis == "non_gaap" else concept_of(metric)
    if headline is not None:
        return Meaning(metric, "USD", concept, headline, rank + (mark.rank if mark else 0), mark)
    return Meaning(metric, "USD", concept, None, 0, mark)


def _headline(core: str, mark: BasisMark | None) -> tuple[str | None, int, str | None]:
    """(headline metric, rank, the metric's own name when it is not the headline itself)."""
    attributed = ATTRIBUTION_RE.match(core)
    head = attributed.group("head") if attributed else core
    for metric, pattern, rank in HEADLINE_RULES:
        if not re.fullmatch(pattern, head):
            continue
        if metric == "net_income" and attributed:
            return _attributed(attributed.group("whom"), rank)
        own = "income_from_continuing_operations" if rank == RANK_PARTIAL else None
        return metric, rank, own
    if mark is not None and mark.basis == "non_gaap" and ADJUSTED_EARNINGS_RE.match(head):
        return "net_income", 0, None  # "Adjusted earnings", "Economic earnings"
    return None, 0, None


def _attributed(whom: str, rank: int) -> tuple[str | None, int, str | None]:
    for pattern, own, whom_rank in ATTRIBUTION_RULES:
        if re.search(pattern, whom):
            if whom_rank < 0:
                return None, 0, own
            return "net_income", max(whom_rank, rank if rank == RANK_PARTIAL else 0), own
    return None, 0, None


def _snake(text: str) -> str:
    text = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return text[:80]
