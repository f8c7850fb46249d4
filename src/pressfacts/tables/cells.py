"""A table cell's number: "1,234", "(1,234)", "$ (0.12)", "12.5%", "—".

Cells are read one at a time; a number split over several cells of a row
("$" | "(65" | ")" or "12.5" | "%") is put back together by `row_numbers`.

>>> parse_number("(1,234)").value
Decimal('-1234')
>>> parse_number("$ (0.12)").value
Decimal('-0.12')
>>> parse_number("12.5%").kind
'percent'
>>> parse_number("1,234(1)").value
Decimal('1234')
>>> parse_number("—").kind
'dash'
>>> parse_number("Up 2%") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

NumberKind = Literal["amount", "percent", "dash"]

# Dashes that stand for nil in a statement column; "--" and "- -" appear in older filings.
DASHES = frozenset({"-", "\u2013", "\u2014", "\u2012", "\u2212", "--", "- -", "---", "\u2014\u2014"})

# Text that means "not meaningful / not available": a cell with no number to report.
NOT_A_NUMBER = re.compile(r"^(?:n/?m|n/?a|nm|na|nmf|\*+|\u2020|\u2021)$", re.IGNORECASE)

# Footnote marks after a number: "1,234(1)", "1,234 (a)", "0.24*", "1,234\u00b9", "12 †".
FOOTNOTE_TAIL = re.compile(
    r"(?:\s*(?:\((?:\d{1,2}|[a-z])\)|\*+|[\u2020\u2021\u00b9\u00b2\u00b3\u2070-\u2079]))+$"
)

NUMBER_RE = re.compile(
    r"""^
    (?P<open>\()?\s*                       # "(" before the currency: "($0.57)"
    (?P<minus>[-\u2212\u2013]\s*)?         # a minus sign
    (?:US\$|\$|USD\s|€|£)?\s*              # currency, which may sit inside the parentheses
    (?P<open2>\()?\s*                      # "$(404)"
    (?P<minus2>[-\u2212\u2013]\s*)?
    (?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?  # 1,234,567.89
              |\d+(?:\.\d+)?               # 1234.5
              |\.\d+)                      # .13
    \s*(?P<percent>%)?\s*
    (?P<close>\))?\s*
    (?P<percent2>%)?
    $""",
    re.VERBOSE,
)


# Not frozen: made by the hundred per release, and a frozen dataclass is several times
# slower to build. Treat it as a value all the same: make a new one, never assign to one.
@dataclass(slots=True)
class Number:
    """A parsed cell: `value` as printed (before any table scale), signed.

    `decimals` is how many digits follow the point, so that a value shown in
    millions (720) and one in thousands (720,224) can be told apart as
    roundings of each other. `open_only` marks "(65" waiting for its ")".
    """

    value: Decimal
    kind: NumberKind
    decimals: int = 0
    currency: bool = False
    open_only: bool = False


def clean_text(text: str) -> str:
    """Cell text with no-break and zero-width spaces made plain and runs collapsed."""
    if not text.isascii():  # the three spaces replaced are not ASCII: most cells skip this
        text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\u2009", " ")
    return " ".join(text.split())


def parse_number(text: str) -> Number | None:
    """The number a cell shows, or None when it shows words, a blank or "n/m"."""
    return parse_clean(clean_text(text))


DIGIT = re.compile(r"\d")


# Cells repeat ("$", "—", "2020", "0.12"): parsed once each; bounded for huge tables.
@lru_cache(maxsize=16384)
def parse_clean(text: str) -> Number | None:
    """`parse_number` of text already through `clean_text` (a `grid.Segment`'s)."""
    if not text or NOT_A_NUMBER.match(text):
        return None
    if text in DASHES or text.strip("$ ") in DASHES:
        return Number(Decimal(0), "dash")
    if not DIGIT.search(text):
        return None  # both patterns below need a digit: labels and words stop here
    match = NUMBER_RE.match(text)
    if match is None:
        stripped = FOOTNOTE_TAIL.sub("", text)
        if stripped == text or not stripped:
            return None
        match = NUMBER_RE.match(stripped)
        if match is None:
            return None
    return _number_of(match)


def _number_of(match: re.Match[str]) -> Number | None:
    digits = match.group("number")
    try:
        value = Decimal(digits.replace(",", ""))
    except InvalidOperation:  # the pattern admits only digits; kept as a guard
        return None
    whole, open1, open2, close, minus1, minus2, percent1, percent2 = match.group(
        0, "open", "open2", "close", "minus", "minus2", "percent", "percent2"
    )
    opened = bool(open1 or open2)
    closed = bool(close)
    if closed and not opened:
        return None  # "65)" alone is the tail of a split cell, read with its head
    negative = opened or bool(minus1 or minus2)
    kind: NumberKind = "percent" if percent1 or percent2 else "amount"
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    currency = "$" in whole or "€" in whole or "£" in whole
    return Number(-value if negative else value, kind, decimals, currency, opened and not closed)


# Cells that only decorate a neighbouring number: a currency sign, a closing
# parenthesis, a percent sign, or both ("%)" after "(23"). Compared after `clean_text`,
# which leaves at most one space between ")" and "%".
DECORATIONS = frozenset({"$", "US$", "€", "£", ")", "%", ")%", "%)", ") %"})


def is_decoration(text: str) -> bool:
    return clean_text(text) in DECORATIONS


def with_tail(number: Number, tail: str) -> Number:
    """Apply a decoration cell that follows a number: ")" closes, "%" makes it a percent."""
    tail = clean_text(tail)
    if "%" in tail and number.kind == "amount":
        number = replace(number, kind="percent")
    if ")" in tail:
        number = replace(number, open_only=False)
    return number
