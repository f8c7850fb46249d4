"""Calendar words and dates as releases write them: "Sept. 30, 2003", "Jan. 23".

Shared by the prose period stage and the table header stage. Vocabularies are
module-level tables; each parse function returns None rather than guess.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from pressfacts.scan import skipping

# Month names and the abbreviations releases use; "sept" appears in AP style.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

MONTH_PATTERN = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?"
    r"|aug(?:ust|\.)?|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)

# "September 30, 2003", "Sept. 30 2003", "30 September 2003"; the year may be absent.
DATE_RE = re.compile(
    rf"""\b(?P<month>{MONTH_PATTERN})\s{{0,3}}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?
         (?:,?\s{{0,3}}(?P<year>(?:19|20)\d\d))?\b
       | \b(?P<day2>\d{{1,2}})\s{{1,3}}(?P<month2>{MONTH_PATTERN})\s{{0,3}},?\s{{0,3}}(?P<year2>(?:19|20)\d\d)\b""",
    re.IGNORECASE | re.VERBOSE,
)

# DATE_RE in the form the regex engine skips through quickly (see scan.skipping): group 1 is
# the date, its named groups as in DATE_RE; scan.spans gives the dates one after the other.
DATE_SCAN = skipping("adfjmnos0-9", DATE_RE.pattern, re.IGNORECASE | re.VERBOSE)

# Durations written in words or digits: "three months", "13 weeks", "thirty-nine weeks".
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "twenty-six": 26, "twenty six": 26, "twenty-seven": 27,
    "thirty-nine": 39, "thirty nine": 39, "forty": 40, "fifty-two": 52,
    "fifty two": 52, "fifty-three": 53, "fifty three": 53,
}  # fmt: skip


def month_number(word: str) -> int | None:
    """The month a name or abbreviation stands for.

    >>> month_number("Sept.")
    9
    """
    return MONTHS.get(word.lower().rstrip("."))


def last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str, default_year: int | None = None) -> dt.date | None:
    """The first full date in `text`, or None.

    >>> parse_date("fiscal year ended September 30, 2003")
    datetime.date(2003, 9, 30)
    >>> parse_date("Jan. 23", default_year=1997)
    datetime.date(1997, 1, 23)
    """
    match = DATE_RE.search(text[:400])
    if match is None:
        return None
    return date_of_match(match, default_year)


def date_of_match(match: re.Match[str], default_year: int | None = None) -> dt.date | None:
    month = month_number(match.group("month") or match.group("month2"))
    day = int(match.group("day") or match.group("day2"))
    year_text = match.group("year") or match.group("year2")
    year = int(year_text) if year_text else default_year
    if month is None or year is None:
        return None
    return make_date(year, month, day)


def duration_months(number: int, unit: str) -> int | None:
    """Months in "<number> <unit>": 13 weeks -> 3, 39 weeks -> 9, 52/53 weeks -> 12.

    >>> duration_months(26, "weeks")
    6
    >>> duration_months(5, "weeks") is None
    True
    """
    unit = unit.lower().rstrip("s")
    if unit == "month":
        return number if number in (3, 6, 9, 12) else None
    if unit == "week":
        for weeks, months in ((13, 3), (14, 3), (26, 6), (27, 6), (39, 9), (40, 9), (52, 12), (53, 12)):
            if number == weeks:
                return months
    if unit == "year" and number == 1:
        return 12
    return None


def number_of(word: str) -> int | None:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word.replace("\u2011", "-"))
