"""The fiscal calendar a release's tables use, and the resolve step from header parts to a Period.

Dated columns ("Three Months Ended March 31, 2020") resolve alone. Labelled
columns ("Q4 FY23", "Fiscal 2020", "Qtr 2 2019") need the fiscal year end:
from the release context when the prose states it, else inferred from the
document's own year-end columns. Computed dates are snapped to a dated column
of the same document within a few days ("anchors"), since 52/53-week years
end on varying days.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pressfacts.dates import last_day, make_date
from pressfacts.models import Period
from pressfacts.tables.headers import PeriodParts

SNAP_DAYS = 10
RETAIL_YEAR_END_MONTH = 2  # fiscal years ending in January or February may be named after their start
CALENDAR_QUARTER_ENDS = ((3, 31), (6, 30), (9, 30), (12, 31))


@dataclass(frozen=True, slots=True)
class Calendar:
    fiscal_year_end: tuple[int, int] | None = None
    anchors: tuple[Period, ...] = ()

    def resolve(self, parts: PeriodParts) -> Period | None:
        """The period a column's parts name, or None when they do not name one exactly."""
        if parts.skip or parts.ambiguous:
            return None
        end, computed = self._end(parts)
        if end is None:
            return None
        months = parts.months
        if parts.year_to_date:
            months = self._months_into_year(end)
            if months is None:
                return None
        if computed:
            end = self._snap(end)
        months = 0 if months is None else months  # a date alone is a point in time (balance sheet)
        return Period(end, months, self.label(end, months))

    def _end(self, parts: PeriodParts) -> tuple[dt.date | None, bool]:
        if parts.end is not None:
            return parts.end, False
        if parts.year is None:
            return None, False
        if parts.month_day is not None:
            # "February 29/28" over a 2019 column: the month's last day in a year without the 29th
            month, day = parts.month_day
            return make_date(parts.year, month, min(day, last_day(parts.year, month).day)), False
        if parts.month is not None:
            return last_day(parts.year, parts.month), False
        if parts.quarter is not None:
            return self._quarter_end(parts.quarter, parts.year, parts.fiscal), True
        if parts.months == 12 or parts.fiscal:
            return self._year_end(parts.year, parts.fiscal), True
        return None, False

    def _fye(self, fiscal: bool) -> tuple[int, int] | None:
        if self.fiscal_year_end is not None:
            return self.fiscal_year_end
        # "Q1 2020" without "fiscal": calendar quarters, when the dated columns agree.
        if not fiscal and self.anchors and all(_near_quarter_end(a.end) for a in self.anchors if a.months):
            return (12, 31)
        return None

    def _year_end(self, year: int, fiscal: bool) -> dt.date | None:
        fye = self._fye(fiscal)
        if fye is None:
            return None
        return self._pick(fye, 12, _fye_date(year, fye), _fye_date(year + 1, fye))

    def _quarter_end(self, quarter: int, year: int, fiscal: bool) -> dt.date | None:
        fye = self._fye(fiscal)
        if fye is None:
            return None
        return self._pick(fye, 3, _quarter_date(quarter, year, fye), _quarter_date(quarter, year + 1, fye))

    def _pick(
        self, fye: tuple[int, int], months: int, usual: dt.date | None, shifted: dt.date | None
    ) -> dt.date | None:
        """Fiscal years are named after the calendar year they end in, except where
        the dated columns show the other custom: retailers name a year ending in
        January or February after the year it starts in."""
        if fye[0] > RETAIL_YEAR_END_MONTH or usual is None or shifted is None:
            return usual
        if self._anchor_near(usual, months) is not None:
            return usual
        return shifted if self._anchor_near(shifted, months) is not None else usual

    def _anchor_near(self, day: dt.date, months: int | None = None) -> Period | None:
        near = [
            a
            for a in self.anchors
            if abs((a.end - day).days) <= SNAP_DAYS and (months is None or a.months == months)
        ]
        return min(near, key=lambda a: abs((a.end - day).days)) if near else None

    def _snap(self, day: dt.date) -> dt.date:
        anchor = self._anchor_near(day)
        return anchor.end if anchor else day

    def _months_into_year(self, end: dt.date) -> int | None:
        if self.fiscal_year_end is None:
            return None
        fye_month = self.fiscal_year_end[0]
        months = (end.month - fye_month) % 12 or 12
        return months if months in (3, 6, 9, 12) else None

    def label(self, end: dt.date, months: int) -> str:
        """ "Q3 FY2020", "9M FY2020", "FY2019"; without a fiscal year end, "3M to 2020-03-31"."""
        if months == 0:
            return f"at {end.isoformat()}"
        fye = self.fiscal_year_end
        if fye is None:
            return f"{months}M to {end.isoformat()}"
        year_end = _fiscal_year_end_after(end, fye)
        fiscal_year = year_end.year
        months_left = round((year_end - end).days / 30.4)
        if months == 3 and months_left in (0, 3, 6, 9):
            return f"Q{4 - months_left // 3} FY{fiscal_year}"
        if months == 12 and months_left == 0:
            return f"FY{fiscal_year}"
        if months_left == 12 - months:
            return f"{months}M FY{fiscal_year}"
        return f"{months}M to {end.isoformat()}"


def _near_quarter_end(day: dt.date) -> bool:
    return any(
        abs((dt.date(year, m, d) - day).days) <= 7
        for year in (day.year - 1, day.year, day.year + 1)
        for m, d in CALENDAR_QUARTER_ENDS
    )


def _fye_date(year: int, fye: tuple[int, int]) -> dt.date | None:
    month, day = fye
    return make_date(year, month, min(day, last_day(year, month).day))


def _quarter_date(quarter: int, fiscal_year: int, fye: tuple[int, int]) -> dt.date | None:
    month, day = fye
    year = fiscal_year
    month -= 3 * (4 - quarter)
    while month <= 0:
        month += 12
        year -= 1
    month_end = last_day(year, month)
    if day >= last_day(2001, fye[0]).day:  # the year ends on a month's last day; so do its quarters
        return month_end
    return make_date(year, month, min(day, month_end.day))


def _fiscal_year_end_after(end: dt.date, fye: tuple[int, int]) -> dt.date:
    for year in (end.year, end.year + 1):
        candidate = _fye_date(year, fye)
        if candidate is not None and (candidate - end).days >= -SNAP_DAYS:
            return candidate
    return _fye_date(end.year + 1, fye) or end


def infer_fiscal_year_end(columns: Iterable[tuple[int, PeriodParts, str]]) -> tuple[int, int] | None:
    """The fiscal year end the document's year columns show, or None.

    `columns` are (block id, parts, header text). A twelve-month column counts
    when its header says "year", or when its block also has a quarter ending on
    the same day (fourth quarter beside the full year); a bare "Twelve Months
    Ended" may be a trailing twelve months.
    """
    columns = list(columns)
    quarter_ends = {(block, p.end) for block, p, _ in columns if p.months == 3 and p.end}
    votes: Counter[tuple[int, int]] = Counter()
    for block, parts, text in columns:
        if parts.months != 12 or parts.end is None:
            continue
        says_year = "year" in text.lower() and "to date" not in text.lower()
        if says_year or (block, parts.end) in quarter_ends:
            votes[(parts.end.month, parts.end.day)] += 1
    return votes.most_common(1)[0][0] if votes else None


def fit_fiscal_year_end(
    labelled: list[PeriodParts], anchors: tuple[Period, ...], stated: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The fiscal year end under which the most labelled columns ("Q2 FY24") land on dated
    columns of the same length; `stated` (from the prose) wins ties and stands when no
    column can be checked."""
    candidates = {stated} if stated else set()
    for anchor in anchors:
        for quarters in range(4):
            month = (anchor.end.month + 3 * quarters - 1) % 12 + 1
            candidates.add((month, min(anchor.end.day, last_day(2001, month).day)))
    scores = {fye: _landings(fye, labelled, anchors) for fye in candidates}
    if not scores:
        return stated
    best = max(scores.values())
    if best == 0 or (stated is not None and scores.get(stated) == best):
        return stated
    winners = sorted(fye for fye, score in scores.items() if score == best)
    if len({month for month, _ in winners}) > 1:
        return stated  # two different year ends fit as well: leave it to the prose
    return winners[0]  # days within a month differ only as 52/53-week years do, absorbed by snapping


def _landings(fye: tuple[int, int], labelled: list[PeriodParts], anchors: tuple[Period, ...]) -> int:
    calendar = Calendar(fye, anchors)
    count = 0
    for parts in labelled:
        period = calendar.resolve(parts)
        if period is not None and any(a.end == period.end and a.months == period.months for a in anchors):
            count += 1
    return count
