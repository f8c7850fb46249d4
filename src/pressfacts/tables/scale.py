"""The unit a table's amounts are written in: "(in thousands, except per share data)".

The scale is read from the nearest text that states one: the row label
("Weighted average shares (in thousands)"), the column header ("Net Revenues
($ Millions)"), the table's title and header rows, then the text just before
the table. Per-share amounts are never scaled; share counts follow the table
scale unless the phrase excepts them ("except share and per share data").

>>> read_scale("(In thousands, except per share data)")
Scale(factor=Decimal('1000'), shares_excepted=False, shares_stated=False, shares_factor=None)
>>> read_scale("(In millions, except number of shares which are reflected in thousands)").shares_factor
Decimal('1000')
>>> read_scale("(Dollars in millions, except share and per share amounts)").shares_excepted
True
>>> read_scale("Total revenue") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from pressfacts.tables.basis import may_match

# Scale words, each with the phrasings releases use around it. Plural forms
# only: "in millions" states a unit; "$35 million" in prose states an amount.
SCALE_PATTERNS: list[tuple[str, Decimal]] = [
    (
        r"\bthousands\b|\(\s*\$?\s*0{3}'?s?\s*\)|\$\s*0{3}'?s\b|\b0{3}'?s\s+omitted|\bin\s+\$?0{3}'?s\b|\$k\b",
        Decimal(1_000),
    ),
    (r"\bmillions\b|\(\s*\$\s*m\s*\)|\$\s*mm?\b|\bin\s+\$?\s*mm?\b", Decimal(1_000_000)),
    (r"\bbillions\b|\(\s*\$\s*b(?:n)?\s*\)", Decimal(1_000_000_000)),
]
_SCALES = [(re.compile(p, re.IGNORECASE), factor) for p, factor in SCALE_PATTERNS]
# Every pattern above needs one of these (see `may_match`): most labels have none, and one
# search rules them out. A pattern added above must keep one of them, or add its own.
_SCALE_WORDS = re.compile(r"thousands|millions|billions|000|\$|\bin\s")

# "except per share data" excepts only per-share figures; "except share and per
# share data", "except shares", "except per share and share amounts" except counts too.
EXCEPT_RE = re.compile(r"\bexcept\b(?P<what>[^)]{0,80})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Scale:
    factor: Decimal
    shares_excepted: bool = False
    shares_stated: bool = False  # the phrase names shares: "Thousands of Dollars and Shares"
    # "except number of shares which are reflected in thousands": the shares' own scale.
    shares_factor: Decimal | None = None


# Read for every cell (its row label, its column header): the same few texts, cached.
@lru_cache(maxsize=4096)
def read_scale(text: str) -> Scale | None:
    """The scale a piece of text states, or None."""
    if not may_match(_SCALE_WORDS, text):
        return None
    found = [(m.start(), factor) for pattern, factor in _SCALES for m in pattern.finditer(text)]
    if not found:
        return None
    start, factor = min(found)
    clause = EXCEPT_RE.search(text, start)
    excepted = bool(clause and _excepts_shares(clause.group("what")))
    before = text[: clause.start()] if clause else text
    stated = bool(re.search(r"\bshares\b", before, re.IGNORECASE)) and not excepted
    own = _own_scale(clause.group("what")) if clause and excepted else None
    return Scale(factor, excepted, stated, own)


def _own_scale(what: str) -> Decimal | None:
    """The scale an except clause gives the shares: "shares which are reflected in thousands"."""
    return next((factor for pattern, factor in _SCALES if pattern.search(what)), None)


def _excepts_shares(what: str) -> bool:
    words = re.sub(r"\bper[\s-]+(?:common\s+|ordinary\s+)?share\b", " ", what, flags=re.IGNORECASE)
    return bool(re.search(r"\bshares?\b|\bunits?\b", words, re.IGNORECASE))


def first_scale(texts: list[str]) -> Scale | None:
    """The scale of the first text, nearest first, that states one."""
    for text in texts:
        scale = read_scale(text)
        if scale is not None:
            return scale
    return None
