"""Numbers in prose: amounts, per-share amounts, percentages, share counts.

Every mention carries its span and its value in full units. Patterns are
bounded (no nested unbounded quantifiers) so scanning is linear.

>>> [str(m.value) for m in find_mentions("net income of $575,000 or $0.07 per share")]
['575000', '0.07']
>>> [int(m.value) for m in find_mentions("a net loss of ($11.0) million")]
[-11000000]
>>> [m.kind for m in find_mentions("earnings of 64 cents per share, up 12%")]
['per_share', 'percent']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from pressfacts.models import Mention, Span

# Words that multiply an amount; "mil." and "bn" appear in headlines.
# Words that multiply an amount, as powers of ten; "mil." and "bn" appear in headlines.
SCALES: dict[str, int] = {
    "thousand": 3,
    "million": 6,
    "mil": 6,
    "mln": 6,
    "billion": 9,
    "bln": 9,
    "bn": 9,
    "trillion": 12,
}

NUMBER_RE = re.compile(
    r"""
    (?=[(\$\-\u2212\u2013\d.U])                          # fail fast where no number can start
    (?P<open>\(\s?)?                                  # "(" of a negative, before or after "$"
    (?P<minus>[-\u2212\u2013]\s?)?                    # a minus sign
    (?P<currency>US\$|\$|USD\s)?                      # currency
    \s?(?P<open2>\()?\s?
    (?P<minus2>[-\u2212]\s?)?
    (?<![\d.,])                                       # never start inside a number
    (?P<number>\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,4})?   # 1,234,567.89
              |\d{1,12}(?:\.\d{1,4})?                 # 1234.5
              |\.\d{1,4})                             # .13
    (?!\d|[.,]\d)                                     # nor stop inside one
    (?P<close>\s?\))?
    (?:[ \t]{0,3}\n?[ \t]{0,3}(?P<scale>thousand|million|mil\.?|mln|billion|bln|bn|trillion)\b)?
    (?P<close2>\))?
    (?:[ \t]{0,3}(?P<unit>%|percent(?:age\s+points?)?\b|per\s?cent\b|cents?\b|basis\s+points?\b|dollars\b))?
    (?(currency)|(?(unit)|(?(scale)|(?!))))                # a bare number (a year, a count) is no mention
    """,
    re.VERBOSE | re.IGNORECASE,
)

# After an amount: "per share", "per diluted share", "a share", "of managed loss per fully diluted
# common share", "per basic and diluted share". Bounded to a short window.
PER_SHARE_AFTER_RE = re.compile(
    r"""^[\s)]{0,3}(?:cents?\s{1,3})?(?:\([a-z\s]{1,30}\)\s{1,3})?
        (?:of\s{1,3}(?-i:[a-z\-]{1,20}(?:\s{1,3}[a-z\-]{1,20}){0,2})\s{1,3}
          |(?:(?:fully[\s-]{1,3})?(?:diluted|basic)\s{1,3})?(?:net\s{1,3})?(?:earnings|income|loss|profit)\s{1,3})?
        (?:per|a)\s{1,3}(?:fully[\s-]{1,3})?(?:basic\s{1,3}and\s{1,3})?(?:diluted\s{1,3}|basic\s{1,3})?
        (?:common\s{1,3})?(?:share|unit)\b
      |^\s{0,2}(?:fully[\s-]{1,3})?(?:diluted|basic)\s{0,2}\)""",
    re.VERBOSE | re.IGNORECASE,
)

SHARES_AFTER_RE = re.compile(r"^\s{0,3}(?:million\s{1,3}|thousand\s{1,3})?(?:common\s{1,3})?shares\b", re.I)


def find_mentions(text: str, regions: Sequence[Span] | None = None) -> list[Mention]:
    """Every number in `text` (or in `regions` of it) that reads as money, per-share, percent or shares.

    Bare numbers (years, counts, phone numbers) are skipped: a mention needs a
    currency sign, a unit word, or "per share" / "shares" after it.
    """
    mentions = []
    for region in regions if regions is not None else [Span(0, len(text))]:
        for match in NUMBER_RE.finditer(text, region.start, region.end):
            mention = _mention_of(match, text)
            if mention is not None:
                mentions.append(mention)
    return mentions


def _mention_of(match: re.Match[str], text: str) -> Mention | None:
    g = match.groupdict()  # one call for the dozen groups read below
    if not (g["currency"] or g["unit"] or g["scale"]):
        return None  # a bare number: a year, a count, a phone number
    number = _decimal(g["number"])
    if number is None:
        return None
    unit_word = (g["unit"] or "").lower()
    currency = g["currency"]
    opened, closed = bool(g["open"] or g["open2"]), bool(g["close"] or g["close2"])
    negative = (opened and closed) or bool(g["minus"] or g["minus2"])
    signed = number.copy_negate() if negative else number  # the digits as written, no rounding
    span = Span(*_trimmed_span(match, g, opened, closed))
    if unit_word.startswith(("percent", "per", "%")) and not unit_word.startswith("per "):
        if "point" in unit_word:
            return None
        return Mention("percent", signed, span, "percent", negative)
    if unit_word.startswith("basis"):
        return None
    scale_word = (g["scale"] or "").lower().rstrip(".") or None
    if unit_word.startswith("cent") and not currency and scale_word is None:
        return Mention("per_share", signed.scaleb(-2), span, "USD/share", negative)
    after = text[match.end() : match.end() + 80]
    if currency is None and unit_word != "dollars":
        return _share_count(number, scale_word, after, span)
    # scaleb keeps the digits as written: "$2.0 billion" is 2.0E+9, precise to a tenth of a billion.
    value = signed.scaleb(SCALES[scale_word] if scale_word else 0)
    if scale_word is None and PER_SHARE_AFTER_RE.match(after):
        return Mention("per_share", value, span, "USD/share", negative)
    return Mention("amount", value, span, "USD", negative, scale_word)


def _share_count(number: Decimal, scale_word: str | None, after: str, span: Span) -> Mention | None:
    if scale_word is None or not SHARES_AFTER_RE.match(after):
        return None
    return Mention("shares", number.scaleb(SCALES[scale_word]), span, "shares", False, scale_word)


def _trimmed_span(
    match: re.Match[str], g: dict[str, str | None], opened: bool, closed: bool
) -> tuple[int, int]:
    """The match without an unbalanced parenthesis at either end."""
    start, end = match.span()
    text = match.group(0)
    while start < end and text[start - match.start()].isspace():
        start += 1
    if g["open"] and not closed:
        start += len(g["open"])
    while end > start and text[end - match.start() - 1].isspace():
        end -= 1
    if closed and not opened and text[end - match.start() - 1] == ")":
        end -= 1
    return start, end


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None
