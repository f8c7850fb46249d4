"""Column headers read as partial periods: "Three Months Ended March 31, 2020", "Q4 FY23".

`parse_header` turns the header text of one column (its header cells from
top to bottom, joined) into `PeriodParts`, every field of which may be
missing; `merge` fills a column's gaps from the table title ("Year Ended
December 31," above columns "2020 | 2019"). Turning parts into a `Period`
needs the fiscal calendar and is done by `fiscal.Calendar.resolve`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pressfacts.dates import DATE_RE, MONTH_PATTERN, duration_months, month_number, number_of
from pressfacts.models import Basis
from pressfacts.tables.basis import basis_mark


@dataclass(frozen=True, slots=True)
class PeriodParts:
    """What a header says of a period; `ambiguous` when it says two things at once."""

    months: int | None = None
    end: dt.date | None = None
    month_day: tuple[int, int] | None = None
    month: int | None = None  # "March 2019": a month without a day
    year: int | None = None
    quarter: int | None = None
    fiscal: bool = False  # the year is a fiscal year label: "FY23", "Fiscal 2020"
    year_to_date: bool = False
    basis: Basis | None = None
    basis_note: str | None = None
    per_share: str | None = None  # "basic", "diluted" or "eps": a column of per-share amounts
    skip: str | None = None  # why the column holds no period figures ("% change")
    unclear: frozenset[str] = frozenset()  # fields stated twice with different values

    @property
    def ambiguous(self) -> bool:
        return bool(self.unclear)

    @property
    def has_period(self) -> bool:
        return any(
            (self.months, self.end, self.month_day, self.month, self.year, self.quarter, self.year_to_date)
        )


# Columns that hold no period figure: changes, ratios, adjustments, shares of a total.
# A column "Non-GAAP Adjustments" or "Currency Impact" reconciles two figures; it is not one.
SKIP_RE = re.compile(
    r"""%|\bpercent|\bpct\b|\bchange|\bvariance|\bincrease|\bdecrease|\binc\s*\(dec\)|\bgrowth
      |\bvs\.?(?=\s|$)|\bversus\b|\bq/q\b|\by/y\b|\byoy\b|\bb/\(w\)|\bbetter\b|\bworse\b|\bfav
      |\badjustments?\b|\bimpact\b|\beffects?\b|\bmargin\b|\bratio\b|\brate\b|\byield\b|\bbps\b
      |\baverage\s+balance|\binterest\b|\bmix\b|\bdifference\b|\bguidance\b|\boutlook\b|\bestimate
      |\btarget\b|\bforecast\b|\bprojected\b|\brange\b|\blow\b|\bhigh\b""",
    re.IGNORECASE | re.VERBOSE,
)

WORD_NUMBER = (
    r"(?:\d{1,2}|one|three|six|nine|twelve|thirteen|fourteen|twenty[\s-]six|twenty[\s-]seven"
    r"|thirty[\s-]nine|forty|fifty[\s-]two|fifty[\s-]three)"
)
PAIRED_SPAN_RE = re.compile(
    rf"\b(?P<n>{WORD_NUMBER})\s+and\s+{WORD_NUMBER}[\s-]*(?P<unit>months?|weeks?)\b", re.IGNORECASE
)
SPAN_RE = re.compile(rf"\b(?P<n>{WORD_NUMBER})[\s-]*(?P<unit>months?|weeks?|mos\.?)(?![a-z])", re.IGNORECASE)

ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
YEAR2 = r"(?:19|20)?\d\d"

# Quarter labels: "Q1 2020", "Q4 FY23", "1Q20", "Q1'20", "Qtr 1 2019", "First Quarter 2020", "Q1-2020".
QUARTER_RE = re.compile(
    rf"""(?:\bq(?:tr\.?|uarter)?\s*(?P<q1>[1-4])\b
          |\b(?P<q2>[1-4])\s*q(?:tr)?(?=\s*'?\s*\d\d|\b)
          |\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter\b)
        (?:\s*[-'’]?\s*(?P<fy>fy|fiscal(?:\s+year)?)?\s*[-'’]?\s*(?P<year>{YEAR2})\b)?""",
    re.IGNORECASE | re.VERBOSE,
)
FISCAL_YEAR_RE = re.compile(
    rf"\b(?:fy|fiscal(?:\s+year)?)\s*[-'’]?\s*(?P<year>{YEAR2})\b|\b(?P<year2>(?:19|20)\d\d)\s+fiscal\s+year\b",
    re.IGNORECASE,
)
YEAR_RE = re.compile(r"(?<![\d,.$])(?P<year>(?:19|20)\d\d)(?![\d,])")
MONTH_YEAR_RE = re.compile(rf"\b(?P<month>{MONTH_PATTERN})\s*,?\s*(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
QUARTER_WORD_RE = re.compile(r"\bquarters?\b|\bqtr\b|\bquarterly\b", re.IGNORECASE)
HALF_RE = re.compile(r"\b(?:first|second)\s+half\b|\bh[12]\b|\bsemi-?annual", re.IGNORECASE)
YEAR_WORD_RE = re.compile(
    r"\b(?:fiscal\s+)?years?\s+end(?:ed|ing)\b|\bfull[\s-]+year\b|\bfiscal\s+year\b|\bannual\b|\byear\b(?!\s*to)",
    re.IGNORECASE,
)
TRAILING_RE = re.compile(r"\b(?:ltm|ttm)\b|\b(?:trailing|last)\s+(?:twelve|12)\s+months\b", re.IGNORECASE)
# Words a period column header may use besides dates and numbers.
HEADER_WORDS = frozenset([
    "ended", "ending", "end", "endings", "for", "the", "of", "as", "at", "and", "to", "on", "in", "from",
    "through", "thru", "month", "months", "mos", "week", "weeks", "quarter", "quarters", "qtr", "qtrs",
    "quarterly", "year", "years", "yr", "fiscal", "fy", "period", "periods", "ytd", "date", "half", "full",
    "annual", "ltm", "ttm", "trailing", "last", "current", "prior", "previous", "latest", "first", "second",
    "third", "fourth", "one", "two", "three", "six", "seven", "nine", "twelve", "thirteen", "fourteen",
    "twenty", "thirty", "forty", "fifty", "unaudited", "audited", "actual", "actuals", "restated", "reported",
    "gaap", "non", "adjusted", "pro", "forma", "core", "combined", "consolidated", "total", "company",
    "results", "basis", "us", "u", "s", "thousands", "millions", "billions", "dollars", "amount", "amounts",
    "except", "per", "share", "shares", "data", "diluted", "basic", "eps", "or", "by", "recast", "revised",
])  # fmt: skip
PER_SHARE_COLUMN_RE = re.compile(r"\bper\s+(?:\w+\s+){0,2}share\b|\beps\b", re.IGNORECASE)
EXCEPT_RE = re.compile(r"\bexcept\b[^)]*", re.IGNORECASE)
CAMEL_JOIN = re.compile(r"([a-z])([A-Z])")
YTD_RE = re.compile(r"\bytd\b|\byear[\s-]+to[\s-]+date\b", re.IGNORECASE)


# Titles are read once per block and section rows once per row, mostly the same few texts.
@lru_cache(maxsize=4096)
def parse_header(text: str, title: bool = False) -> PeriodParts:
    """Read one column's header text.

    >>> p = parse_header("Three Months Ended March 31, 2020")
    >>> (p.months, p.end)
    (3, datetime.date(2020, 3, 31))
    >>> p = parse_header("Q4 FY23")
    >>> (p.months, p.quarter, p.year, p.fiscal)
    (3, 4, 2023, True)
    >>> parse_header("% Change").skip
    'change column'
    """
    text = CAMEL_JOIN.sub(r"\1 \2", text)  # "Pro FormaMarch 31" where two cells met without a space
    mark = None if title else basis_mark(text)
    parts = PeriodParts(basis=mark.basis if mark else None, basis_note=mark.note if mark else None)
    if not title and SKIP_RE.search(text):
        return replace(parts, skip="change column")
    foreign = [] if title else foreign_words(text)
    if foreign:
        return replace(parts, skip="names " + " ".join(foreign))
    text = EXCEPT_RE.sub(" ", text)  # "(in millions, except per share amounts)" heads amounts
    if not title and PER_SHARE_COLUMN_RE.search(text):
        kind = (
            "diluted"
            if re.search(r"dilut", text, re.I)
            else "basic"
            if re.search(r"basic", text, re.I)
            else "eps"
        )
        parts = replace(parts, per_share=kind)
    parts = _dates(text, parts)
    parts = _quarter(text, parts)
    return _duration(text, parts)


def foreign_words(text: str) -> list[str]:
    """Words of a column header that say neither period, basis nor scale: "eOne", "Segment".

    Such a column reports something other than the company's figures for a
    period (a subsidiary, a segment, a scenario), so it is skipped.
    """
    text = re.sub(r"\((?:[a-z]|\d{1,2})\)", " ", text.lower())  # footnote marks: "(a)", "(1)"
    words = re.findall(r"[a-z]+", text)
    return [w for w in words if w not in HEADER_WORDS and month_number(w) is None and not _is_year_label(w)]


def _is_year_label(word: str) -> bool:
    return bool(re.fullmatch(r"(?:fy|q|h|qtr)?\d*|\d*q|st|nd|rd|th", word))


DIGIT_RE = re.compile(r"\d")


def _dates(text: str, parts: PeriodParts) -> PeriodParts:
    if not DIGIT_RE.search(text):  # every date, month-year and year below needs a digit
        return replace(parts, month_day=None, year=None)
    full: set[dt.date] = set()
    month_days: set[tuple[int, int]] = set()
    covered: list[tuple[int, int]] = []
    for match in DATE_RE.finditer(text):
        month = month_number(match.group("month") or match.group("month2"))
        day = int(match.group("day") or match.group("day2"))
        if month is None or not 1 <= day <= 31:
            continue
        covered.append(match.span())
        year = match.group("year") or match.group("year2")
        if year:
            try:
                full.add(dt.date(int(year), month, day))
            except ValueError:
                continue
        else:
            month_days.add((month, day))
    rest = _blank(text, covered)
    months_only = {
        (month_number(m.group("month")), int(m.group("year"))) for m in MONTH_YEAR_RE.finditer(rest)
    }
    rest = MONTH_YEAR_RE.sub(" ", rest)
    years = {int(m.group("year")) for m in YEAR_RE.finditer(rest)}
    if len(full) > 1:
        # "July 3, 2004 and June 28, 2003" over the year columns "2004 | 2003": the column's year picks
        picked = [d for d in full if d.year in years]
        full = set(picked) if len(picked) == 1 and len(years) == 1 else full
        years = set() if len(full) == 1 else years
    if len(full) > 1 or len(month_days) > 1 or len(months_only) > 1 or len(years) > 1:
        return _unclear(parts, "date")
    if full:
        end = full.pop()
        if years - {end.year}:
            return _unclear(parts, "date")  # "March 31, 2020 2019": one cell over two columns
        return replace(parts, end=end)
    if months_only:
        month, year = months_only.pop()
        return replace(parts, month=month, year=year)
    return replace(
        parts, month_day=month_days.pop() if month_days else None, year=years.pop() if years else None
    )


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans (in order, apart) made spaces: built once, not per span."""
    pieces, done = [], 0
    for start, end in spans:
        pieces += [text[done:start], " " * (end - start)]
        done = end
    return "".join([*pieces, text[done:]])


def _quarter(text: str, parts: PeriodParts) -> PeriodParts:
    quarters = list(QUARTER_RE.finditer(text))
    if len({_quarter_number(m) for m in quarters}) > 1:
        return _unclear(parts, "quarter")
    if quarters:
        match = quarters[0]
        year = _full_year(match.group("year")) if match.group("year") else parts.year
        fiscal = bool(match.group("fy")) or bool(re.search(r"\bfiscal\b|\bfy", text, re.IGNORECASE))
        return replace(parts, quarter=_quarter_number(match), months=3, year=year, fiscal=fiscal)
    fiscal_year = FISCAL_YEAR_RE.search(text)
    if fiscal_year and parts.end is None:
        year = _full_year(fiscal_year.group("year") or fiscal_year.group("year2"))
        return replace(parts, year=year, fiscal=True)
    return parts


def _quarter_number(match: re.Match[str]) -> int:
    if match.group("ord"):
        return ORDINALS[match.group("ord").lower()]
    return int(match.group("q1") or match.group("q2"))


def _full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _duration(text: str, parts: PeriodParts) -> PeriodParts:
    months: set[int] = set()
    for match in SPAN_RE.finditer(text):
        number = number_of(match.group("n").replace(" ", "-"))
        unit = "month" if match.group("unit").lower().startswith("mo") else "week"
        span = duration_months(number, unit) if number is not None else None
        if span is not None:
            months.add(span)
    for match in PAIRED_SPAN_RE.finditer(text):  # "Three and Nine Months Ended": two periods at once
        first = number_of(match.group("n").replace(" ", "-"))
        if first is not None:
            months.add(duration_months(first, match.group("unit").rstrip("s")) or -1)
    rest = SPAN_RE.sub(" ", text)
    if TRAILING_RE.search(text):
        months.add(12)
    elif parts.quarter is None and QUARTER_WORD_RE.search(rest):
        months.add(3)
    if HALF_RE.search(rest):
        months.add(6)
    if YTD_RE.search(text):
        return replace(parts, year_to_date=True)
    if not months and parts.quarter is None and (YEAR_WORD_RE.search(rest) or parts.fiscal):
        months.add(12)
    if parts.quarter is not None:
        months.add(3)
    if len(months) > 1:
        return _unclear(parts, "months")
    return replace(parts, months=months.pop()) if months else parts


def _unclear(parts: PeriodParts, name: str) -> PeriodParts:
    return replace(parts, unclear=parts.unclear | {name})


# Pure, and asked of the same few header and title parts for every column and section.
@lru_cache(maxsize=4096)
def merge(column: PeriodParts, title: PeriodParts) -> PeriodParts:
    """Fill what a column leaves open from its table's title, never overriding the column.

    A title that states two periods ("Three and Nine Months Ended") cannot fill
    a column's gap: the column is then unclear too.
    """
    if column.skip or column.ambiguous:
        return column
    out = column
    if out.quarter is not None and out.year is None and out.end is None:
        # "First Quarter" under "... for the year ended December 31, 2019": the title names the year
        year = title.end.year if title.end is not None else title.year
        return replace(out, year=year, fiscal=out.fiscal or title.fiscal)
    if out.months is None and out.quarter is None and not out.year_to_date:
        if "months" in title.unclear:
            return _unclear(out, "months")
        out = replace(out, months=title.months)
    if out.end is None and out.month_day is None and out.month is None:
        if "date" in title.unclear and out.quarter is None:
            return _unclear(out, "date")
        if title.end is not None and out.year in (None, title.end.year):
            out = replace(out, end=title.end)
        elif title.month_day is not None:
            out = replace(out, month_day=title.month_day)
    if out.year is None and out.end is None and title.year is not None:
        out = replace(out, year=title.year, fiscal=out.fiscal or title.fiscal)
    return out
