"""context.py: company, ticker, exchange and dateline date of whole corpus releases.

Where the examples come from: releases of the shared corpus (/work/shared/corpus/docs).
Company, ticker and release date are the corpus gold's (/work/shared/corpus/gold/*.json),
checked by hand against each release's opening; the exchange is read by hand from the
"(EXCHANGE: TICKER)" parenthesis. Gold values the code does not get are strict xfails with
the cause. Every test here reads the corpus, so the module is skipped without it.
The fiscal calendar (`infer_calendar`) is tested in test_periods.py.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from pressfacts.context import find_identity, find_release_date
from pressfacts.models import DocumentMeta
from tests.corpus import corpus_dir

CORPUS = corpus_dir()
if not (CORPUS / "docs").is_dir():
    pytest.skip(f"corpus not found at {CORPUS}", allow_module_level=True)


def _text(stem: str) -> str:
    return (CORPUS / "docs" / f"{stem}.txt").read_text(encoding="utf-8", errors="replace")


def _gold(stem: str) -> dict[str, Any]:
    gold: dict[str, Any] = json.loads((CORPUS / "gold" / f"{stem}.json").read_text())
    return gold


# --------------------------------------------------------------------------- identity

# (stem, exchange as the release writes it), company and ticker from gold.
IDENTITIES = [
    # "IEC Electronics Corp.  (IECE.OB)": an ".OB" suffix is the OTC Bulletin Board.
    ("iec-2003-q4", "OTCBB"),
    # "Dynasil Corporation of America (OTCBB: DYSL)".
    ("dynasil-2004-opening", "OTCBB"),
    # "SYSCO Corporation (NYSE: SYY)".
    ("sysco-1999-opening", "NYSE"),
    # "COLUMBIA, Md.--(BUSINESS WIRE)--Feb. 9, 2005--Duratek, Inc. (NASDAQ:DRTK)": dateline glued on.
    ("duratek-2005-opening", "NASDAQ"),
    # "OCTOBER 28, 1997 -- 1st Bergen Bancorp (NASDAQ/NMS:FBER)": a name starting with a digit.
    ("1st-bergen-1997-opening", "NASDAQ/NMS"),
    # "W. R. Grace & Co. (NYSE:GRA)": initials and "&".
    ("w-r-grace-1995-opening", "NYSE"),
]


@pytest.mark.parametrize(("stem", "exchange"), IDENTITIES)
def test_identity(stem: str, exchange: str) -> None:
    gold = _gold(stem)
    identity = find_identity(_text(stem), DocumentMeta())
    assert (identity.company, identity.ticker, identity.exchange) == (
        gold["company"],
        gold["ticker"],
        exchange,
    )


def test_identity_of_the_seed_by_hand() -> None:
    identity = find_identity(_text("iec-2003-q4"), DocumentMeta())
    assert (identity.company, identity.ticker, identity.exchange) == (
        "IEC Electronics Corp.",
        "IECE",
        "OTCBB",
    )


@pytest.mark.parametrize(
    ("stem", "field"),
    [
        # "Lanham, MD -- Group 1 Software (Nasdaq: GSOF)": the ticker is found ...
        ("group-1-software-2003-opening", "ticker"),
        # A number inside the name ("Group 1 Software") once stopped the backwards scan.
        ("group-1-software-2003-opening", "company"),
        # "Huntington Bancshares Incorporated (NASDAQ: HBAN;\nwww.huntington.com)": TICKER_RE wants
        # ")" right after the ticker, so neither the ticker nor the name before it is found.
        pytest.param(
            "huntington-bancshares-1998-opening",
            "ticker",
            marks=pytest.mark.xfail(strict=True, reason="'(NASDAQ: HBAN; www...)' is no ticker parenthesis"),
        ),
        pytest.param(
            "huntington-bancshares-1998-opening",
            "company",
            marks=pytest.mark.xfail(strict=True, reason="no ticker parenthesis, so no company before it"),
        ),
    ],
)
def test_identity_field_against_gold(stem: str, field: str) -> None:
    identity = find_identity(_text(stem), DocumentMeta())
    assert getattr(identity, field) == _gold(stem)[field]


def test_identity_falls_back_to_the_container() -> None:
    # No "(EXCHANGE: TICKER)" at all: the company comes from the EDGAR header (in capitals there).
    identity = find_identity("Results for the quarter.", DocumentMeta(company="IEC ELECTRONICS CORP"))
    assert identity.company is not None
    assert identity.company.upper() == "IEC ELECTRONICS CORP"
    assert (identity.ticker, identity.exchange) == (None, None)


# --------------------------------------------------------------------------- release date


@pytest.mark.parametrize(
    "stem",
    [
        # "dated October 28, 2003" and "Newark, NY - October 28, 2003 -".
        "iec-2003-q4",
        # "HOUSTON, Aug. 4 /PRNewswire/": no year in the dateline; the text is about fiscal 1999.
        "sysco-1999-opening",
        # "PRESS RELEASE DATED MARCH 5, 2002" before "March 5, 2002 -- Little Rock".
        "dillard-s-2002-opening",
        # "FOR IMMEDIATE RELEASE: THURSDAY, JANUARY 23, 1997." and "WHITE PLAINS, N.Y., Jan. 23".
        "texaco-1997-opening",
        # "WEST BERLIN, N.J.- May 5, 2004", after "for the 2nd quarter" dates further on.
        "dynasil-2004-opening",
    ],
)
def test_release_date(stem: str) -> None:
    expected = dt.date.fromisoformat(_gold(stem)["release_date"])
    assert find_release_date(_text(stem), DocumentMeta()) == expected


def test_release_date_of_the_seed_and_sysco_by_hand() -> None:
    assert find_release_date(_text("iec-2003-q4"), DocumentMeta()) == dt.date(2003, 10, 28)
    assert find_release_date(_text("sysco-1999-opening"), DocumentMeta()) == dt.date(1999, 8, 4)


# The Culp opening is a statement of loss with no dateline ("FOR THE THREE MONTHS AND NINE MONTHS
# ENDED JANUARY 28, 2007 AND JANUARY 29, 2006"); gold has no release date. The second period
# end is not preceded by "ended", so it is taken for the dateline.
@pytest.mark.xfail(
    strict=True, reason="a prior-year period end after 'ENDED <date> AND' is taken as the dateline"
)
def test_no_release_date_in_a_table_opening() -> None:
    assert _gold("culp-2007-opening")["release_date"] is None
    assert find_release_date(_text("culp-2007-opening"), DocumentMeta()) is None


DATELINE_WITHOUT_YEAR = (
    "HOUSTON, Aug. 4 /PRNewswire/ -- SYSCO Corporation today reported results for the "
    "53-week fiscal year ended July 3, 1999, and expects sales growth to continue into 2001."
)


def test_dateline_year_from_the_filing_date() -> None:
    # Hand-written from sysco-1999-opening.txt; the container's filing date gives the year.
    meta = DocumentMeta(filed=dt.date(1999, 8, 5))
    assert find_release_date(DATELINE_WITHOUT_YEAR, meta) == dt.date(1999, 8, 4)


# Without a filing date the year of "Aug. 4" is the latest year the text names; an outlook
# year ("into 2001") then dates the release two years after the period it reports.
@pytest.mark.xfail(
    strict=True, reason="a dateline without a year takes the latest year named, even an outlook"
)
def test_dateline_year_is_not_an_outlook_year() -> None:
    assert find_release_date(DATELINE_WITHOUT_YEAR, DocumentMeta()) == dt.date(1999, 8, 4)
