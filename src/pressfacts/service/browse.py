"""GET routes over the store: releases, one release with its text, facts, a company's series.

Every filter is a typed query parameter passed to parameterised SQL in `pressfacts.store`:
no route takes SQL or a server path.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request

from pressfacts.outputs import number
from pressfacts.service.errors import ApiError, responses
from pressfacts.service.settings import settings_of
from pressfacts.store import Filters, Store

router = APIRouter()

MAX_LIMIT = 500
Company = Annotated[
    str | None, Query(max_length=200, description="a ticker, a CIK, or part of the company's name")
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=2**31 - 1)]
Basis = Literal["gaap", "non_gaap"]
Metric = Annotated[str | None, Query(max_length=100, description="revenue, net_income, eps_diluted, ...")]


# Dates as ISO strings only: a plain number would otherwise be read as a Unix time.
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _date_query(description: str, alias: str) -> Any:
    return Query(
        alias=alias, pattern=DATE_PATTERN, description=description, json_schema_extra={"format": "date"}
    )


def _dates(start: str | None, end: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The two bounds as dates; 422 for a day no calendar has (bounds the wrong way round match nothing)."""
    bounds = []
    for name, value in (("from", start), ("to", end)):
        try:
            bounds.append(dt.date.fromisoformat(value) if value else None)
        except ValueError:
            raise ApiError(422, f"query.{name}: {value!r} is not a date (YYYY-MM-DD)") from None
    first, last = bounds
    return first, last


@router.get("/releases", summary="Stored releases, latest first", responses=responses(401, 422, 503))
def list_releases(
    request: Request,
    company: Company = None,
    start: Annotated[str | None, _date_query("release date on or after", "from")] = None,
    end: Annotated[str | None, _date_query("release date on or before", "to")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    first, last = _dates(start, end)
    filters = Filters(company=company, start=first, end=last, limit=limit, offset=offset)
    page = settings_of(request).access.read(lambda s: s.releases(filters))
    return {"total": page.total, "limit": limit, "offset": offset, "releases": page.items}


@router.get(
    "/releases/{release_id}",
    summary="One stored release: its facts, checks and text",
    responses=responses(401, 404, 422, 503),
)
def get_release(request: Request, release_id: Annotated[str, Path(max_length=100)]) -> dict[str, Any]:
    release = settings_of(request).access.read(lambda s: s.release(release_id))
    if release is None:
        raise ApiError(404, f"no stored release has the id {release_id!r}")
    return release


@router.get("/facts", summary="Stored facts, filtered", responses=responses(401, 422, 503))
def list_facts(
    request: Request,
    company: Company = None,
    metric: Metric = None,
    basis: Basis | None = None,
    start: Annotated[str | None, _date_query("period ending on or after", "from")] = None,
    end: Annotated[str | None, _date_query("period ending on or before", "to")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    first, last = _dates(start, end)
    filters = Filters(
        company=company, start=first, end=last, metric=metric, basis=basis, limit=limit, offset=offset
    )
    page = settings_of(request).access.read(lambda s: s.facts(filters))
    return {"total": page.total, "limit": limit, "offset": offset, "facts": page.items}


@router.get(
    "/companies/{name}/series",
    summary="A metric over every stored period of a company; the latest release wins each period",
    responses=responses(400, 401, 404, 422, 503),
)
def company_series(
    request: Request,
    name: Annotated[str, Path(max_length=200, description="a ticker, a CIK, or part of the company's name")],
    metric: Annotated[str, Query(max_length=100)] = "revenue",
    basis: Basis = "gaap",
    months: Annotated[int | None, Query(ge=0, le=12, description="only periods of this length")] = None,
) -> dict[str, Any]:
    def series(store: Store) -> list[dict[str, Any]]:
        return store.series(name, metric, basis, months).dicts()

    points = [_point(row) for row in settings_of(request).access.read(series)]
    return {"company": name, "metric": metric, "basis": basis, "months": months, "points": points}


def _point(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}
    out["value"] = number(row["value"])
    return out
