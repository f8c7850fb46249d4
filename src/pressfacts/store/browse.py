"""Reading single releases and filtered lists back, in the JSON contract's shape.

What the HTTP service serves: parameterised SQL only (a filter is a value, never SQL),
over the store opened read-only. Rows become the contract's dicts again (nested
`period`, `span`, `position`), so a stored release reads like `pressfacts extract` output.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any

import duckdb

from pressfacts.outputs import number
from pressfacts.store.db import open_reader

# Matches a company by ticker or CIK exactly, or by a part of its name.
COMPANY_MATCH = """($company IS NULL OR upper(r.ticker) = upper($company)
    OR ltrim(r.cik, '0') = ltrim($company, '0') OR r.company ILIKE '%' || $company || '%')"""

RELEASES_FROM = f"""
FROM releases r
WHERE {COMPANY_MATCH}
  AND ($from IS NULL OR r.release_date >= $from) AND ($to IS NULL OR r.release_date <= $to)
"""
RELEASES_SQL = f"""
SELECT r.id, r.document, r.company, r.ticker, r.exchange, r.cik, r.release_date, r.format,
       r.status, r.ingested_at,
       (SELECT count(*) FROM facts f WHERE f.release_id = r.id AND f.kind = 'fact') AS facts
{RELEASES_FROM}
ORDER BY r.release_date DESC NULLS LAST, r.document, r.id
LIMIT $limit OFFSET $offset
"""

FACTS_FROM = f"""
FROM facts f JOIN releases r ON r.id = f.release_id
WHERE f.kind = 'fact' AND {COMPANY_MATCH}
  AND ($metric IS NULL OR f.metric = $metric) AND ($basis IS NULL OR f.basis = $basis)
  AND ($from IS NULL OR f.period_end >= $from) AND ($to IS NULL OR f.period_end <= $to)
"""
FACTS_SQL = f"""
SELECT f.*, r.document, r.company, r.ticker, r.release_date
{FACTS_FROM}
ORDER BY r.release_date DESC NULLS LAST, f.release_id, f.seq
LIMIT $limit OFFSET $offset
"""

# The list a fact belongs to in the contract, by its `kind` in the store.
LISTS = {"fact": "facts", "unconfirmed": "unconfirmed", "derived": "derived"}
RELEASE_FIELDS = ("document", "company", "ticker", "exchange", "cik", "release_date", "format", "status")


@dataclass(frozen=True, slots=True)
class Filters:
    """What a list asks for; None is 'any'. `start`/`end` bound dates, both included."""

    company: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    metric: str | None = None
    basis: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list and how many items the whole list holds."""

    total: int
    items: list[dict[str, Any]] = field(default_factory=list)


def list_releases(db_path: str | os.PathLike[str], filters: Filters) -> Page:
    total, rows = _page(db_path, RELEASES_FROM, RELEASES_SQL, _params(filters, fact_filters=False))
    return Page(total, [{k: _iso(v) for k, v in row.items()} for row in rows])


def list_facts(db_path: str | os.PathLike[str], filters: Filters) -> Page:
    total, rows = _page(db_path, FACTS_FROM, FACTS_SQL, _params(filters, fact_filters=True))
    items = []
    for row in rows:
        release = {k: _iso(row[k]) for k in ("release_id", "document", "company", "ticker", "release_date")}
        items.append(release | fact_dict(row))
    return Page(total, items)


def _page(
    db_path: str | os.PathLike[str], where: str, sql: str, params: dict[str, Any]
) -> tuple[int, list[dict[str, Any]]]:
    """How many rows match in all, and the rows of the page asked for."""
    con = open_reader(db_path)
    try:
        counted = {k: v for k, v in params.items() if k not in ("limit", "offset")}
        found = con.execute(f"SELECT count(*) {where}", counted).fetchone()
        return (int(found[0]) if found else 0), _query(con, sql, params)
    finally:
        con.close()


def get_release(db_path: str | os.PathLike[str], release_id: str) -> dict[str, Any] | None:
    """A stored release as the JSON contract (without statements), with its `text`; None if unknown."""
    con = open_reader(db_path)
    try:
        found = _query(con, "SELECT * FROM releases WHERE id = $id", {"id": release_id})
        if not found:
            return None
        release = {"id": release_id} | {k: _iso(found[0][k]) for k in RELEASE_FIELDS}
        release |= {name: [] for name in LISTS.values()}
        params = {"id": release_id}
        for row in _query(con, "SELECT * FROM facts WHERE release_id = $id ORDER BY kind, seq", params):
            release[LISTS[row["kind"]]].append(fact_dict(row))
        checks = _query(con, "SELECT * FROM checks WHERE release_id = $id ORDER BY seq", params)
        release["checks"] = [check_dict(row) for row in checks]
        release["text"] = _text(con, release_id)
        return release
    finally:
        con.close()


def _text(con: duckdb.DuckDBPyConnection, release_id: str) -> str | None:
    try:
        found = con.execute("SELECT text FROM texts WHERE release_id = ?", [release_id]).fetchone()
    except duckdb.CatalogException:
        return None  # a store written before texts were kept: read-only, so it cannot gain the table
    return str(found[0]) if found else None


def fact_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A facts row as the contract's fact (`outputs.fact_dict`)."""
    position = None
    if row["position_table"] is not None:
        position = {
            "table": row["position_table"],
            "row": row["position_row"],
            "column": row["position_column"],
        }
    return {
        "id": row["id"],
        "metric": row["metric"],
        "value": number(row["value"]),
        "unit": row["unit"],
        "basis": row["basis"],
        "basis_note": row["basis_note"],
        "period": {
            "end": _iso(row["period_end"]),
            "months": row["period_months"],
            "label": row["period_label"],
        },
        "span": {"start": row["span_start"], "end": row["span_end"]},
        "quote": row["quote"],
        "source": row["source"],
        "concept": row["concept"],
        "label": row["label"],
        "rule": row["rule"],
        "position": position,
        "also_at": row["also_at"] or [],
        "flags": row["flags"] or [],
        "confidence": row["confidence"],
        "derived_from": row["derived_from"] or [],
    }


def check_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A checks row as the contract's check (`outputs.check_dict`)."""
    numbers = {k: None if row[k] is None else number(row[k]) for k in ("expected", "actual", "tolerance")}
    return (
        {"kind": row["kind"], "status": row["status"], "facts": row["facts"] or []}
        | numbers
        | {"detail": row["detail"]}
    )


def _params(filters: Filters, *, fact_filters: bool) -> dict[str, Any]:
    params: dict[str, Any] = {
        "company": filters.company,
        "from": filters.start,
        "to": filters.end,
        "limit": filters.limit,
        "offset": filters.offset,
    }
    if fact_filters:
        params |= {"metric": filters.metric, "basis": filters.basis}
    return params


def _query(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    con.execute(sql, params)
    columns = [d[0] for d in con.description or []]
    return [dict(zip(columns, row, strict=True)) for row in con.fetchall()]


def _iso(value: Any) -> Any:
    """Dates and times as ISO strings, as the contract gives them."""
    return value.isoformat() if isinstance(value, dt.date) else value
