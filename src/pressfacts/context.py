"""What a release says about itself: company, ticker, dateline date, fiscal calendar.

The fiscal calendar is inferred from the period phrases of the whole text:
"fiscal year ended September 30" gives the year end directly, "2nd quarter
ended March 31" gives it by counting quarters forward; the latest dated
period no later than the release date is the release's current period.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pressfacts.dates import DATE_SCAN, date_of_match
from pressfacts.models import DocumentMeta, Period
from pressfacts.periods import Calendar, PeriodRef, label_of
from pressfacts.scan import spans

# "(NASDAQ: CCRT)", "(NYSE:PPW)", "(IECE.OB)", "(DDS-NYSE)", "(Time Warner, NYSE: TWX)", "(OTCBB: DYSL)".
EXCHANGES = r"NASDAQ(?:/NMS)?|Nasdaq(?:/NMS)?|NYSE|AMEX|OTCBB|OTC\s?BB|OTC|TSX|NYSE\s?American|NYSE\s?MKT|Nasdaq\s?GS|Nasdaq\s?GM"
TICKER_RE = re.compile(
    rf"""\((?:[^():]{{0,40}},\s{{0,3}})?(?:
        (?P<ex>{EXCHANGES})(?:\s{{0,3}}(?:Global\s{{1,3}}(?:Select\s{{1,3}})?Market|National\s{{1,3}}Market|Stock\s{{1,3}}Market))?\s{{0,3}}[:\-/]\s{{0,3}}(?P<t1>[A-Z][A-Z.]{{0,6}})
       |(?P<t2>[A-Z]{{1,6}})\.(?P<suffix>OB|PK)
       |(?P<t3>[A-Z]{{1,6}})\s{{0,3}}-\s{{0,3}}(?P<ex2>{EXCHANGES})
    )(?:\)|;[^()]{0, 60}\))""",
    re.X,
)
CONNECTORS = frozenset({"&", "and", "of", "de", "the"})
# '(the "Company" or "SiteOne")' between the name and the ticker.
ASIDE_AT_END_RE = re.compile(r"\s{0,3}\([^()]{0,80}\)\s{0,3}$")
NAME_BREAK_RE = re.compile(r"--|[\u2014\u2013]|\.{3,}|[()]|(?<=\d)-")
LEADING_NOISE = frozenset({"today", "and", "of", "the", "de", "--", "-", "—", "–"})
DATE_CONTEXT_SKIP_RE = re.compile(
    r"(?:ended|ending|through|as\s{1,3}of|at|since|on|before|after|until|by|from|to|and|or)\s{1,3}$", re.I
)


@dataclass(frozen=True, slots=True)
class Identity:
    company: str | None
    ticker: str | None
    exchange: str | None


def find_identity(text: str, meta: DocumentMeta) -> Identity:
    """Company, ticker and exchange from the first "<Company> (<EXCHANGE>: <TICKER>)"."""
    head = text[:20000]
    for match in TICKER_RE.finditer(head):
        ticker = match.group("t1") or match.group("t2") or match.group("t3")
        exchange = (
            match.group("ex") or match.group("ex2") or ("OTCBB" if match.group("suffix") == "OB" else "Pink")
        )
        company = _company_before(head[max(0, match.start() - 200) : match.start()])
        return Identity(
            company or _title(meta.company), ticker.rstrip("."), " ".join(exchange.split()).upper()
        )
    return Identity(_title(meta.company), None, None)


def _company_before(window: str) -> str | None:
    """The run of capitalised words (and connectors) that ends right before the ticker.

    A dateline glues the name to what precedes it ("Feb. 9, 2005--Duratek, Inc."), so the
    window is cut at the last dash or parenthesis, and the run stops at a number or at
    a headline in capitals.
    """
    window = ASIDE_AT_END_RE.sub("", window)
    tail = NAME_BREAK_RE.split(window)[-1]
    words = tail.split()[-12:]
    name: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        bare = words[k].strip(",")
        if not bare or _date_part(words[k]):
            break
        if not (bare[0].isupper() or bare[0].isdigit() or bare.lower() in CONNECTORS):
            break
        if _capitals(bare) and k > 0 and _capitals(words[k - 1].strip(",")):
            break
        name.insert(0, words[k])
    while name and (name[0].strip(",") in LEADING_NOISE or not name[0][0].isalnum()):
        name.pop(0)
    joined = " ".join(name).strip(" ,")
    return joined or None


def _date_part(word: str) -> bool:
    """ "29,", "2005": a piece of a dateline, not of a name like "Group 1 Software"."""
    bare = word.rstrip(",.")
    return bare.isdigit() and (len(bare) >= 4 or word.endswith(","))


def _capitals(word: str) -> bool:
    return len(word) >= 3 and word.isalpha() and word.isupper()


def _title(name: str | None) -> str | None:
    return name.title() if name else None


def find_release_date(text: str, meta: DocumentMeta) -> dt.date | None:
    """The dateline date: the first date near the top that is not a period end."""
    head = text[:3000]
    for match in spans(DATE_SCAN, head, 0, len(head)):
        if DATE_CONTEXT_SKIP_RE.search(head[max(0, match.start() - 15) : match.start()]):
            continue
        has_year = match.group("year") or match.group("year2")
        day = date_of_match(match, default_year=None if has_year else _year_near(head, meta))
        if day is not None and 1980 <= day.year <= 2100:
            return day
    return meta.filed


def _year_near(text: str, meta: DocumentMeta) -> int | None:
    """A year for a dateline without one ("HOUSTON, Aug. 4"): the latest year the text names."""
    if meta.filed:
        return meta.filed.year
    years = Counter(int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", text[:3000]))
    # The year the text names most: an outlook year ("into 2001") is named less than its own.
    return max(years, key=lambda y: (years[y], y)) if years else None


def infer_calendar(refs: Sequence[PeriodRef], release_date: dt.date | None) -> Calendar:
    """The fiscal year end and the current period, from every period phrase of a release."""
    limit = release_date or dt.date.max
    dated = [r for r in refs if r.end is not None and r.months is not None and r.end <= limit]
    stated = _fiscal_year_end(dated, refs)
    year_end = stated or (12, 31)
    calendar = Calendar(fiscal_year_end=year_end)
    current = _current_period(dated, refs, calendar, release_date)
    return Calendar(fiscal_year_end=year_end, current=current, stated=stated is not None)


def _fiscal_year_end(dated: list[PeriodRef], refs: Sequence[PeriodRef]) -> tuple[int, int] | None:
    """The year end the text states or implies; None when it says nothing (calendar years assumed)."""
    for ref in dated:
        if ref.months == 12 and ref.end is not None and not ref.counted:
            return ref.end.month, ref.end.day
    first_ordinal = next((r.ordinal for r in refs if r.ordinal is not None and r.months == 3), None)
    for ref in dated:
        ordinal = ref.ordinal or (first_ordinal if ref.months == 3 else None)
        if ref.end is not None and ordinal is not None and ref.months == 3:
            return _year_end_from_quarter(ref.end, ordinal)
    return None


def _year_end_from_quarter(end: dt.date, ordinal: int) -> tuple[int, int]:
    quarters_left = 4 - ordinal
    if end.day >= 28:
        month = (end.month + 3 * quarters_left - 1) % 12 + 1
        return month, 31 if month in (1, 3, 5, 7, 8, 10, 12) else (30 if month != 2 else 28)
    year_end = end + dt.timedelta(weeks=13 * quarters_left)
    return year_end.month, year_end.day


def _current_period(
    dated: list[PeriodRef], refs: Sequence[PeriodRef], calendar: Calendar, release_date: dt.date | None
) -> Period | None:
    if dated:
        latest = max(r.end for r in dated if r.end is not None)
        months = min(r.months for r in dated if r.end == latest and r.months is not None)
        return Period(latest, months, label_of(latest, months, calendar))
    with_year = [
        r for r in refs if r.year is not None and r.months in (3, 12) and not r.relative and not r.same
    ]
    if with_year:
        ends = [_end_of(r, calendar) for r in with_year]
        candidates = [(end, r.months or 12) for end, r in zip(ends, with_year, strict=True)]
        valid = [c for c in candidates if release_date is None or c[0] <= release_date]
        if valid:
            end, months = max(valid, key=lambda c: (c[0], -c[1]))
            return Period(end, months, label_of(end, months, calendar))
    if release_date is not None:
        return _last_quarter_before(release_date, calendar)
    return None


def _end_of(ref: PeriodRef, calendar: Calendar) -> dt.date:
    assert ref.year is not None
    if ref.months == 3 and ref.ordinal is not None:
        return calendar.quarter_end(ref.year, ref.ordinal)
    return calendar.year_end(ref.year)


def _last_quarter_before(day: dt.date, calendar: Calendar) -> Period:
    fiscal_year = calendar.fiscal_year_of(day)
    ends = [calendar.quarter_end(y, q) for y in (fiscal_year - 1, fiscal_year) for q in (1, 2, 3, 4)]
    end = max(e for e in ends if e <= day - dt.timedelta(days=7))
    return Period(end, 3, label_of(end, 3, calendar))
