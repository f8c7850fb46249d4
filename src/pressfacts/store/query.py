"""Reading the store: SQL, a metric's series over time, and exports.

Every function here opens the database read-only, so nothing it runs can change the
store; `query` also turns off access to other files, so a query reads the store alone.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import duckdb

from pressfacts.store.db import Ambiguous, NoMatch, StoreError, open_reader
from pressfacts.store.schema import TABLES

ExportFormat = Literal["parquet", "csv"]
# The order rows are exported in: stable, so two exports of one store are identical.
EXPORT_ORDER = {
    "releases": "id",
    "facts": "release_id, kind, seq",
    "checks": "release_id, seq",
    "failures": "path, content_hash",
}


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def run_query(db_path: str | os.PathLike[str], sql: str) -> QueryResult:
    """Run `sql` on the store opened read-only; a statement that would write is refused."""
    con = open_reader(db_path)
    try:
        # Read-only protects the store; this keeps a query from reading or writing other files.
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        return _fetch(con, sql)
    except duckdb.Error as error:
        raise StoreError(_refusal(error)) from None
    finally:
        con.close()


def _fetch(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> QueryResult:
    con.execute(sql, params)
    columns = [d[0] for d in con.description or []]
    return QueryResult(columns, con.fetchall() if columns else [])


def _refusal(error: duckdb.Error) -> str:
    """One line saying why, whatever DuckDB's own message spans."""
    message = " ".join(str(error).split())
    if "read-only mode" in message:
        return f"query refused: the store is opened read-only and queries cannot change it ({message})"
    return f"query failed: {message}"


SERIES_SQL = """
WITH chosen AS (SELECT id FROM releases WHERE {match}),
candidates AS (
    SELECT f.period_end, f.period_months, f.period_label, f.value, f.unit, f.quote,
           r.release_date, r.document, r.company, f.release_id, f.id AS fact_id
    FROM facts f JOIN releases r ON r.id = f.release_id
    WHERE f.release_id IN (SELECT id FROM chosen)
      AND f.kind = 'fact' AND f.metric = $metric AND f.basis = $basis
      AND ($months IS NULL OR f.period_months = $months)
    -- The latest release wins a period (restatements); within it, an unflagged table figure.
    QUALIFY row_number() OVER (
        PARTITION BY f.period_end, f.period_months
        ORDER BY r.release_date DESC NULLS LAST, len(f.flags), f.source = 'table' DESC, r.id, f.seq
    ) = 1
)
SELECT period_end, period_months AS months, period_label, value, unit,
       release_date, document, release_id, fact_id, quote
FROM candidates ORDER BY period_end, period_months
"""

# How COMPANY picks releases: a ticker or CIK exactly, else a part of the company's name.
MATCH_TICKER = "upper(ticker) = upper($company) OR ltrim(cik, '0') = ltrim($company, '0')"
MATCH_NAME = "company ILIKE '%' || $company || '%'"


def series(
    db_path: str | os.PathLike[str],
    company: str,
    metric: str = "revenue",
    basis: str = "gaap",
    months: int | None = None,
) -> QueryResult:
    """`metric` for every period the company's stored releases state, the latest release winning."""
    con = open_reader(db_path)
    try:
        match = _company_match(con, company)
        params = {"company": company, "metric": metric, "basis": basis, "months": months}
        con.execute(SERIES_SQL.format(match=match), params)
        columns = [d[0] for d in con.description or []]
        return QueryResult(columns, con.fetchall())
    finally:
        con.close()


def _company_match(con: duckdb.DuckDBPyConnection, company: str) -> str:
    """The WHERE clause for the company's releases; refuses a name that fits several companies."""
    for match in (MATCH_TICKER, MATCH_NAME):
        found = con.execute(
            f"SELECT DISTINCT company, ticker, cik FROM releases WHERE {match}", {"company": company}
        ).fetchall()
        if not found:
            continue
        if count_companies(found) > 1:
            listed = "; ".join(sorted(" ".join(str(v) for v in row if v) for row in found))
            raise Ambiguous(
                f"{company!r} fits several companies: {listed}; give a ticker or more of the name"
            )
        return match
    raise NoMatch(f"no stored release is from a company matching {company!r}")


def count_companies(identities: list[tuple[str | None, ...]]) -> int:
    """How many companies (name, ticker, CIK) rows stand for: rows sharing any value are one.

    A company is named differently over the years ("Apple Computer Inc", "Apple Inc.") but
    keeps its CIK or ticker; a release may state only some of the three.

    >>> count_companies([("Apple Computer Inc", None, "320193"), ("Apple Inc.", None, "320193")])
    1
    >>> count_companies([("Applied Signal", "APSG", None), ("Apple Inc.", "AAPL", None)])
    2
    """
    groups: list[set[str]] = []
    for row in identities:
        keys = {f"{n}:{v.casefold()}" for n, v in enumerate(row) if v}
        for group in [g for g in groups if g & keys]:
            groups.remove(group)
            keys |= group
        groups.append(keys)
    return len(groups)


def export(db_path: str | os.PathLike[str], out: str | os.PathLike[str], fmt: ExportFormat) -> list[Path]:
    """Write every table to `out/<table>.<fmt>`; returns the files written."""
    if fmt not in ("parquet", "csv"):
        raise StoreError(f"cannot export as {fmt!r}: use parquet or csv")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    written: list[Path] = []
    con = open_reader(db_path)
    try:
        for table in TABLES:
            target = folder / f"{table.name}.{fmt}"
            quoted = str(target).replace("'", "''")
            order = EXPORT_ORDER[table.name]
            con.execute(f"COPY (SELECT * FROM {table.name} ORDER BY {order}) TO '{quoted}' ({options})")
            written.append(target)
    except duckdb.Error as error:
        raise StoreError(f"export failed: {' '.join(str(error).split())}") from None
    finally:
        con.close()
    return written
