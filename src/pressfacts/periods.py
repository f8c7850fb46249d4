"""Period phrases in prose, parsed to partial references, then resolved.

Parsing finds phrases such as "the fourth quarter", "fiscal year ended
September 30, 2003", "the same quarter a year ago" and returns a `PeriodRef`
whose fields may be missing. Resolving turns a reference into a `Period`
with an explicit `Calendar` (fiscal year end, the release's current period),
or returns None rather than guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial

from pressfacts.dates import DATE_RE, MONTH_PATTERN, date_of_match, duration_months, last_day, number_of
from pressfacts.models import Period, Span
from pressfacts.scan import PhraseRules

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
}  # fmt: skip
ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
YEAR = r"(?:19|20)\d\d"
DATE = (
    rf"(?:{MONTH_PATTERN}\s{{0,3}}\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s{{0,3}}{YEAR})?"
    rf"|\d{{1,2}}\s{{1,3}}{MONTH_PATTERN}\s{{0,3}},?\s{{0,3}}{YEAR})"
)
# Factored by first letters (no word is a prefix of another, so it matches as the plain list would):
# the engine then tries one branch per position instead of every word.
NUMBER_WORD = (
    r"(?:\d{1,2}|one|nine|six|f(?:ourteen|ifty[\s-](?:two|three))"
    r"|t(?:h(?:ree|irt(?:een|y[\s-]nine))|we(?:lve|nty[\s-]six)))"
)
SPAN_WORD = rf"{NUMBER_WORD}[\s-]{{1,2}}(?:months?|weeks?)"

# One kind of period noun: what a "<noun> ended <date>" phrase can start with.
PERIOD_NOUN = rf"""
    (?:{ORDINAL}[\s-]{{1,2}}(?:fiscal\s{{1,3}})?quarter
      |{SPAN_WORD}(?:\s{{1,3}}(?:period|fiscal\s{{1,3}}year|quarter))?
      |(?:fiscal\s{{1,3}})?(?:quarter|year|half)
      |first\s{{1,3}}half|second\s{{1,3}}half|period)"""

# Rules: (name, pattern). Order matters: longer, more explicit phrases first.
RULES: list[tuple[str, str]] = [
    # "the quarter and year ended December 31, 2004", "three and nine months ended March 31, 2020"
    ("<noun> and <noun> ended <date>",
     rf"(?P<noun1>{PERIOD_NOUN}|{NUMBER_WORD})\s{{1,3}}and\s{{1,3}}(?:the\s{{1,3}})?(?P<noun2>{PERIOD_NOUN}|{NUMBER_WORD}\s{{1,3}}months)"
     rf"[\s,]{{1,3}}(?:then\s)?end(?:ed|ing)(?:\s{{1,3}}on)?\s{{1,3}}(?P<date>{DATE})"),
    ("<noun> ended <date>",
     rf"(?P<noun1>{PERIOD_NOUN})[\s,]{{1,3}}(?:then\s)?end(?:ed|ing)(?:\s{{1,3}}on)?\s{{1,3}}(?P<date>{DATE})"),
    ("<noun> of <date>", rf"(?P<noun1>{SPAN_WORD}|quarter)\s{{1,3}}of\s{{1,3}}(?P<date>{DATE})"),
    # "last year's 4th quarter", "the prior year's first quarter", "the previous year's fourth quarter"
    ("prior year's <ordinal> quarter",
     rf"(?P<prior>(?:last|prior|previous|preceding)[\s-]year'?s?|(?:a|the)\s{{1,3}}year[\s-](?:ago|earlier))"
     rf"\s{{1,3}}(?P<ord>{ORDINAL})[\s-]{{1,2}}(?:fiscal\s{{1,3}})?quarter"),
    # "fiscal 2020 third quarter", "2007 fourth quarter"
    ("<year> <ordinal> quarter",
     rf"(?:fiscal\s{{1,3}}(?:year\s{{1,3}})?)?(?P<year>{YEAR})\s{{1,3}}(?P<ord>{ORDINAL})[\s-]{{1,2}}(?:fiscal\s{{1,3}})?quarter"),
    # "the fourth quarter of fiscal 2003", "fourth quarter 2007", "first fiscal quarter", "third quarter of 1996"
    ("<ordinal> quarter of <year>",
     rf"(?P<ord>{ORDINAL})[\s-]{{1,2}}(?:fiscal\s{{1,3}})?quarter(?:\s{{1,3}}(?:of\s{{1,3}})?(?:fiscal\s{{1,3}}(?:year\s{{1,3}})?)?(?P<year>{YEAR})\b)?"),
    ("Q<n> <year>", rf"\b(?:Q(?P<qord>[1-4])|(?P<qord2>[1-4])Q)(?:\s{{0,2}}(?:FY\s?|fiscal\s{{1,3}})?'?(?P<year>{YEAR}|\d\d)\b)?"),
    ("<ordinal> half of <year>",
     rf"(?P<hord>first|second)\s{{1,3}}half(?:\s{{1,3}}(?:of\s{{1,3}})?(?:fiscal\s{{1,3}})?(?P<year>{YEAR})\b)?"),
    ("first nine months of <year>",
     rf"(?:first\s{{1,3}})?(?P<span>nine|six)\s{{1,3}}months(?:\s{{1,3}}(?:of\s{{1,3}})?(?:fiscal\s{{1,3}})?(?P<year>{YEAR})\b)?"),
    # "the same quarter a year ago", "the same period last year", "comparable periods in 2003"
    ("same <noun> of <prior>",
     rf"(?:same|comparable|corresponding|year[\s-]ago|year[\s-]earlier|prior[\s-]year|(?P<before>prior|previous))\s{{1,3}}"
     rf"(?:(?P<counted>{SPAN_WORD})\s{{1,3}})?(?:fiscal\s{{1,3}})?(?P<relnoun>quarter|period|year|half)(?P<plural>s)?"
     rf"(?P<ago>\s{{1,3}}(?:a\s{{1,3}}year\s{{1,3}}(?:ago|earlier)|last\s{{1,3}}year|of\s{{1,3}}(?:the\s{{1,3}})?(?:prior|last|previous)\s{{1,3}}year"
     rf"|(?:of|in)\s{{1,3}}(?:the\s{{1,3}})?(?:prior|previous)[\s-]year|(?:of|in)\s{{1,3}}(?:fiscal\s{{1,3}})?(?P<year>{YEAR})\b))?"),
    # "the 1994 quarter", "the 13-week quarter of 1998", "fiscal year 2002", "the year 1996", "fiscal 1998"
    ("the <year> quarter", rf"\bthe\s{{1,3}}(?P<year>{YEAR})\s{{1,3}}(?P<relnoun>quarter|period)"),
    ("<span> quarter of <year>",
     rf"(?P<weeks>{SPAN_WORD})\s{{1,3}}(?P<relnoun>quarter|period)(?:\s{{1,3}}(?:of|in)\s{{1,3}}(?:fiscal\s{{1,3}})?(?P<year>{YEAR})\b)?"),
    ("<span> fiscal year", rf"(?P<weeks>{SPAN_WORD})\s{{1,3}}(?:fiscal\s{{1,3}})?year"),
    ("fiscal year <year>",
     rf"(?:fiscal|full|the)[\s-]{{1,3}}year\s{{1,3}}(?:of\s{{1,3}})?(?P<fyear>{YEAR})\b|\bfiscal\s{{1,3}}(?P<fyear2>{YEAR})\b"
     rf"|\b(?P<fyear3>{YEAR})\s{{1,3}}(?:fiscal\s{{1,3}})?(?:full[\s-])?year\b"),
    ("<year> <metric>",
     rf"\b(?P<cyear2>{YEAR})(?=\s{{1,3}}(?:(?:GAAP|normalized|adjusted|non-GAAP|reported|pro\s{{1,3}}forma)\s{{1,3}})?(?:net|operating|total|diluted|basic|revenues?|sales|earnings|income|EPS)\b)"),
    ("for <year>", rf"\b(?:for|in|during)\s{{1,3}}(?:calendar\s{{1,3}})?(?P<cyear>{YEAR})\b(?!\s{{0,3}}(?:quarter|first|second|third|fourth))"),
    ("last year", r"\b(?P<lastyear>last\s{1,3}year|the\s{1,3}prior\s{1,3}year|a\s{1,3}year\s{1,3}(?:ago|earlier)|the\s{1,3}previous\s{1,3}year)\b"),
    ("the quarter / the year",
     r"\b(?:the|this|current|latest|most\s{1,3}recent)\s{1,3}(?:fiscal\s{1,3})?(?P<curnoun>quarter|year|full[\s-]year)\b"),
    ("full year", r"\b(?P<curnoun2>full[\s-]year|year[\s-]to[\s-]date)\b"),
]  # fmt: skip

# Per rule: the characters its phrase can start with (the engine skips other positions at
# once), and the key word it always holds (it runs only in windows around that word).
RULE_SCAN: dict[str, tuple[str, str]] = {
    "<noun> and <noun> ended <date>": ("0-9fstoqyhpn", "ended"),
    "<noun> ended <date>": ("0-9fstoqyhpn", "ended"),
    "<noun> of <date>": ("0-9fstoqn", "noun"),
    "prior year's <ordinal> quarter": ("lpat", "quarter"),
    "<year> <ordinal> quarter": ("f12", "quarter"),
    "<ordinal> quarter of <year>": ("fst1-4", "quarter"),
    "Q<n> <year>": ("q1-4", "q"),
    "<ordinal> half of <year>": ("fs", "noun"),
    "first nine months of <year>": ("fns", "span"),
    "same <noun> of <prior>": ("scypr", "noun"),
    "the <year> quarter": ("t", "quarter"),
    "<span> quarter of <year>": ("0-9otsnf", "span"),
    "<span> fiscal year": ("0-9otsnf", "span"),
    "fiscal year <year>": ("ft12", "year"),
    "<year> <metric>": ("12", "year"),
    "for <year>": ("fid", "year"),
    "last year": ("ltap", "noun"),
    "the quarter / the year": ("tclm", "noun"),
    "full year": ("fy", "noun"),
}
PERIOD_RULES = PhraseRules(
    RULES,
    RULE_SCAN,
    anchors={
        "ended": (["ended", "ending"], "e", 80, 45),
        "quarter": (["quarter"], "q", 40, 40),
        "q": (["Q[1-4]", "[1-4]Q\\b"], "q1-4", 2, 20),
        "year": (["19\\d\\d", "20\\d\\d"], "12", 40, 40),
        "noun": (["quarter", "year", "month", "week", "half", "period", "date"], "qymwhpd", 40, 60),
        # Phrases that count months or weeks ("13 weeks", "nine months") hold one of these.
        "span": (["month", "week"], "mw", 40, 60),
    },
)


# Not frozen: made by the hundred per release, and a frozen dataclass is several times
# slower to build. Treat it as a value all the same: make a new one, never assign to one.
@dataclass(slots=True)
class PeriodRef:
    """A period as written; unresolved fields are None.

    `counted` marks a length given in months or weeks ("twelve months ended"): a
    trailing period, which says nothing of where the fiscal year ends.
    `relative` is -1 for "a year ago" phrases (resolved against a base
    period). `same` marks phrases that take their length from the base
    ("the same period last year"). `plural` marks "comparable periods".
    """

    span: Span
    rule: str
    months: int | None = None
    ordinal: int | None = None
    year: int | None = None
    end: dt.date | None = None
    relative: int = 0
    same: bool = False
    plural: bool = False
    counted: bool = False
    previous: bool = False  # the period of the same length just before the base: "the prior quarter"


NewRef = Callable[..., PeriodRef]
# A length in these is a calendar period; in months or weeks, a count (see PeriodRef.counted).
CALENDAR_NOUN_RE = re.compile(r"year|quarter|half", re.I)


@dataclass(frozen=True, slots=True)
class Calendar:
    """The fiscal calendar a release's periods are resolved in."""

    fiscal_year_end: tuple[int, int] = (12, 31)
    current: Period | None = None
    stated: bool = False

    def fiscal_year_of(self, day: dt.date) -> int:
        month, dom = self.fiscal_year_end
        # A 52/53-week year can end a few days into the next month.
        if (day.month, day.day) <= (month, dom) or (
            day.month == month % 12 + 1 and day.day <= 7 and 24 <= dom < last_day(2001, month).day
        ):
            return day.year - self.named_by_start
        return day.year + 1 - self.named_by_start

    @property
    def named_by_start(self) -> int:
        """1 for a year ending in the first days of January: "fiscal 2003" ended January 3, 2004."""
        month, dom = self.fiscal_year_end
        return 1 if month == 1 and dom <= 7 else 0

    @property
    def week_based(self) -> bool:
        """A year ending on a weekday ("July 3", "September 25") has 13-week quarters."""
        return self.fiscal_year_end[1] < 28

    def year_end(self, fiscal_year: int) -> dt.date:
        month, dom = self.fiscal_year_end
        year = fiscal_year + self.named_by_start
        return dt.date(year, month, dom) if self.week_based else last_day(year, month)

    def quarter_end(self, fiscal_year: int, ordinal: int, quarters: int = 4) -> dt.date:
        """End of quarter `ordinal` of a fiscal year (quarters=2 for halves)."""
        month, _ = self.fiscal_year_end
        back = (quarters - ordinal) * (12 // quarters)
        if back == 0:
            return self.year_end(fiscal_year)
        if self.week_based:
            return self.year_end(fiscal_year) - dt.timedelta(weeks=13 * back // 3)
        end_month, year = month - back, fiscal_year
        while end_month <= 0:
            end_month += 12
            year -= 1
        return last_day(year, end_month)

    def current_quarter(self) -> tuple[int, int] | None:
        """(fiscal year, quarter ordinal) of the release's current period."""
        if self.current is None:
            return None
        fiscal_year = self.fiscal_year_of(self.current.end)
        month, _ = self.fiscal_year_end
        months_before_end = (month - self.current.end.month) % 12
        return fiscal_year, 4 - round(months_before_end / 3) % 4


def find_period_refs(text: str, regions: Sequence[Span] | None = None) -> list[PeriodRef]:
    """Every period phrase in `text` (or in `regions` of it), left to right, without overlaps.

    >>> [r.rule for r in find_period_refs("for the fiscal year ended September 30, 2003")]
    ['<noun> ended <date>']
    >>> [r.rule for r in find_period_refs("For the quarter we reduced debt")]
    ['the quarter / the year']
    """
    found = PERIOD_RULES.find(text, regions)
    refs: list[PeriodRef] = []
    for _, _, order, match in found:
        refs.extend(_refs_of(RULES[order][0], match))
    return refs


def _refs_of(rule: str, match: re.Match[str]) -> list[PeriodRef]:
    span = Span(match.start(), match.end())
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    # A reference of this span and rule with the fields given (faster than dataclasses.replace).
    base = partial(PeriodRef, span, rule)
    if "date" in groups:
        return _dated_refs(base, groups, match)
    return [_undated_ref(base, groups)]


def _dated_refs(base: NewRef, groups: dict[str, str], match: re.Match[str]) -> list[PeriodRef]:
    date_match = DATE_RE.search(groups["date"])
    end = date_of_match(date_match) if date_match else None
    refs = []
    for key in ("noun1", "noun2"):
        if key in groups:
            months, ordinal = _noun_months(groups[key])
            counted = not CALENDAR_NOUN_RE.search(groups[key])
            refs.append(
                base(
                    months=months,
                    ordinal=ordinal,
                    end=end,
                    year=end.year if end else None,
                    counted=counted,
                )
            )
    if "noun2" in groups and refs[0].months is None:
        # "three and nine months ended": the first number takes the second's unit.
        number, unit = number_of(groups["noun1"]), groups["noun2"].lower().split()[-1]
        months = duration_months(number, unit) if number is not None else refs[1].months
        refs[0] = replace(refs[0], months=months)
    if len(refs) == 2:
        refs = [replace(r, plural=True) for r in refs]
    return refs


def _noun_months(noun: str) -> tuple[int | None, int | None]:
    """Length in months and quarter ordinal of "fourth quarter", "13 weeks", "year"."""
    words = noun.lower().replace("-", " ").split()
    if words[0] in ORDINALS:
        return 3, ORDINALS[words[0]]
    if "half" in words:
        return 6, 1 if words[0] == "first" else (2 if words[0] == "second" else None)
    number = number_of(words[0]) if len(words) > 1 else None
    if number is None and len(words) > 2:
        number = number_of(" ".join(words[:2]))
        words = [" ".join(words[:2]), *words[2:]]
    if number is not None:
        unit = next((w for w in words[1:] if w.startswith(("month", "week"))), "")
        return duration_months(number, unit), None
    if "quarter" in words:
        return 3, None
    if "year" in words:
        return 12, None
    return None, None


def _undated_ref(base: NewRef, g: dict[str, str]) -> PeriodRef:
    year = _year(
        g.get("year")
        or g.get("fyear")
        or g.get("fyear2")
        or g.get("fyear3")
        or g.get("cyear")
        or g.get("cyear2")
    )
    if "ord" in g:
        relative = -1 if "prior" in g else 0
        return base(months=3, ordinal=ORDINALS[g["ord"].lower()], year=year, relative=relative)
    if "qord" in g or "qord2" in g:
        return base(months=3, ordinal=int(g.get("qord") or g["qord2"]), year=year)
    if "hord" in g:
        return base(months=6, ordinal=1 if g["hord"].lower() == "first" else 2, year=year)
    if "span" in g:
        span_months = 9 if g["span"].lower() == "nine" else 6
        # "first six months" ends with the first half; "first nine months" with the third quarter.
        return base(months=span_months, ordinal=1 if span_months == 6 else 3, year=year)
    if "weeks" in g:
        weeks_months, _ = _noun_months(g["weeks"])
        return base(months=weeks_months, year=year, same=year is not None)
    if "relnoun" in g:
        return _relative_noun(base, g, year)
    if year is not None:
        return base(months=12, year=year)
    if "lastyear" in g:
        return base(relative=-1, same=True)
    noun = (g.get("curnoun") or g.get("curnoun2") or "").lower()
    if "date" in noun:
        return base(same=True)
    return base(months=3 if noun == "quarter" else 12)


def _relative_noun(base: NewRef, g: dict[str, str], year: int | None) -> PeriodRef:
    noun = g["relnoun"].lower()
    months = {"quarter": 3, "year": 12, "half": 6}.get(noun)
    plural = "plural" in g
    if year is not None:
        return base(months=months, year=year, same=True, plural=plural)
    if noun == "quarter" and "before" in g and not ({"ago", "counted", "plural"} & g.keys()):
        # "the prior quarter", "the previous quarter": the quarter just before, not a year before.
        return base(months=3, previous=True)
    return base(months=months, relative=-1, same=True, plural=plural)


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    value = int(text)
    return value + (1900 if value >= 50 else 2000) if value < 100 else value


def resolve(ref: PeriodRef, calendar: Calendar, base: Period | None = None) -> Period | None:
    """The period a reference stands for, or None when it cannot be told.

    `base` is the period the phrase is relative to (the figure it is compared
    with); it defaults to the calendar's current period.
    """
    base = base or calendar.current
    if ref.end is not None and ref.months is not None:
        return Period(ref.end, ref.months, label_of(ref.end, ref.months, calendar))
    if ref.relative:
        return _shift(base, ref, calendar)
    if ref.previous:
        return _quarter_before(base, calendar)
    if ref.same and ref.year is not None and base is not None:
        return _in_year(base, ref, calendar)
    if ref.ordinal is not None and ref.months in (3, 6, 9):
        return _ordinal_period(ref, calendar)
    if ref.months == 12:
        year = ref.year or (calendar.fiscal_year_of(base.end) if base else None)
        if year is None:
            return None
        end = calendar.year_end(year)
        return Period(end, 12, label_of(end, 12, calendar))
    if ref.months == 3 and base is not None and base.months == 3 and ref.year is None:
        return base
    if ref.same and base is not None and ref.year is None:
        return base
    return None


def _ordinal_period(ref: PeriodRef, calendar: Calendar) -> Period | None:
    assert ref.ordinal is not None
    assert ref.months is not None
    quarters = 12 // ref.months if ref.months in (3, 6) else 4
    ordinal = ref.ordinal if ref.months != 9 else 3
    year = ref.year
    if year is None:
        current = calendar.current_quarter()
        if current is None:
            return None
        current_year, current_q = current
        quarter_number = ordinal * (3 if quarters == 4 else 6) // 3
        year = current_year if quarter_number <= current_q else current_year - 1
    end = calendar.quarter_end(year, ordinal, quarters)
    return Period(end, ref.months, label_of(end, ref.months, calendar))


def _shift(base: Period | None, ref: PeriodRef, calendar: Calendar) -> Period | None:
    """The same period one year earlier: "the same quarter a year ago"."""
    if base is None:
        return None
    months = ref.months or base.months
    if months != base.months:
        if ref.ordinal is None or months != 3:
            return None
        year = calendar.fiscal_year_of(base.end) - 1
        end = calendar.quarter_end(year, ref.ordinal)
        return Period(end, 3, label_of(end, 3, calendar))
    end = _year_earlier(base.end)
    if ref.ordinal is not None and months == 3:
        end = calendar.quarter_end(calendar.fiscal_year_of(base.end) - 1, ref.ordinal)
    return Period(end, months, label_of(end, months, calendar))


def _in_year(base: Period, ref: PeriodRef, calendar: Calendar) -> Period | None:
    """The base period's counterpart in fiscal year `ref.year`: "the 1994 quarter"."""
    assert ref.year is not None
    shift = calendar.fiscal_year_of(base.end) - ref.year
    if shift <= 0 or shift > 5:
        return None
    end = base.end
    for _ in range(shift):
        end = _year_earlier(end)
    months = ref.months if ref.months in (3, 6, 9, 12) else base.months
    if months != base.months:
        return None
    return Period(end, months, label_of(end, months, calendar))


def _quarter_before(base: Period | None, calendar: Calendar) -> Period | None:
    """The quarter that ends where a quarter `base` begins: three month ends, or 13 weeks, back."""
    if base is None or base.months != 3:
        return None
    if base.end == last_day(base.end.year, base.end.month):
        month = (base.end.month - 4) % 12 + 1
        end = last_day(base.end.year - (base.end.month <= 3), month)
    else:
        end = base.end - dt.timedelta(weeks=13)
    return Period(end, 3, label_of(end, 3, calendar))


def _year_earlier(day: dt.date) -> dt.date:
    if day.month == 2 and day.day == 29:
        return dt.date(day.year - 1, 2, 28)
    if day == last_day(day.year, day.month):
        return last_day(day.year - 1, day.month)
    return dt.date(day.year - 1, day.month, day.day)


def label_of(end: dt.date, months: int, calendar: Calendar) -> str:
    """A short name for a period: "Q4 FY2003", "FY2002", "9M FY2020", "at 2003-09-30"."""
    fiscal_year = calendar.fiscal_year_of(end)
    if months == 0:
        return f"at {end.isoformat()}"
    if months == 12:
        return f"FY{fiscal_year}"
    if months == 3:
        month, _ = calendar.fiscal_year_end
        quarter = 4 - round(((month - end.month) % 12) / 3) % 4
        return f"Q{quarter} FY{fiscal_year}"
    return f"{months}M FY{fiscal_year}"
