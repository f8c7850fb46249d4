"""Periods looked forward to: "the third quarter" of an outlook is the next one, not the last.

`periods.resolve` reads a bare "third quarter" as the latest such quarter before
the release, which is right for results and wrong for guidance. Here a quarter
without a year is the next one of that number; a year without a number is the
current fiscal year, or the next one in a release for a year's last quarter. Where the release's current period ends on a weekday (a
52/53-week calendar: NVIDIA's July 30, Sears' July 3), later quarter ends are
counted from it in 13-week steps.
"""

from __future__ import annotations

import datetime as dt

from pressfacts.models import Period
from pressfacts.periods import Calendar, PeriodRef, label_of, resolve

WEEKS_PER_QUARTER = 13


def future_period(ref: PeriodRef, calendar: Calendar) -> Period | None:
    """The period an outlook phrase looks forward to, or None when it cannot be told.

    >>> from pressfacts.models import Span
    >>> current = Period(dt.date(2023, 7, 30), 3, "Q2 FY2024")
    >>> calendar = Calendar((1, 31), current, stated=True)
    >>> future_period(PeriodRef(Span(0, 0), "", months=3, ordinal=3, year=2024), calendar)
    Period(end=datetime.date(2023, 10, 29), months=3, label='Q3 FY2024')
    """
    if ref.end is not None and ref.months is not None:
        return Period(ref.end, ref.months, label_of(ref.end, ref.months, calendar))
    position = calendar.current_quarter()
    if position is None or ref.relative:
        return None
    current_year, current_quarter = position
    if ref.months == 3 and ref.ordinal is not None:
        year = ref.year or (current_year if ref.ordinal > current_quarter else current_year + 1)
        return _quarter(calendar, year, ref.ordinal, 3)
    if ref.months == 12 and not ref.same:
        # "For the year" after the year's last quarter: the year ahead.
        year = ref.year or (current_year if current_quarter < 4 else current_year + 1)
        return _quarter(calendar, year, 4, 12)
    if ref.months == 3:
        return None  # "the quarter" of an outlook: which one is not said
    return resolve(ref, calendar)


def _quarter(calendar: Calendar, year: int, ordinal: int, months: int) -> Period:
    """The period of `months` ending with quarter `ordinal` of fiscal `year`."""
    end = calendar.quarter_end(year, ordinal)
    current = calendar.current
    position = calendar.current_quarter()
    if current is not None and position is not None and _weekday_end(current.end):
        ahead = (year * 4 + ordinal) - (position[0] * 4 + position[1])
        if ahead > 0:
            end = current.end + dt.timedelta(weeks=WEEKS_PER_QUARTER * ahead)
    return Period(end, months, label_of(end, months, calendar))


def _weekday_end(day: dt.date) -> bool:
    """A period ending other than on a month's last day ends on a weekday of a 52/53-week year."""
    return (day + dt.timedelta(days=1)).day != 1
