"""Read a store back into the JSON contract's shape, to compare it with `pressfacts.extract`."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from pressfacts.store import Store
from pressfacts.store.browse import check_dict, fact_dict

# Columns of each table compared between two stores: all but the times of the run.
ORDER = {
    "releases": "id",
    "facts": "release_id, kind, seq",
    "checks": "release_id, seq",
    "failures": "path, content_hash",
}
EXCLUDE = {"releases": "EXCLUDE (ingested_at)", "failures": "EXCLUDE (failed_at)"}


def table_rows(db: Path, table: str) -> list[tuple[Any, ...]]:
    sql = f"SELECT * {EXCLUDE.get(table, '')} FROM {table} ORDER BY {ORDER[table]}"
    return Store(db).query(sql).rows


def release_dicts(db: Path) -> dict[tuple[str, int], dict[str, Any]]:
    """Every stored release as `outputs.release_dict` gives it, keyed by (source path, exhibit)."""
    store = Store(db)
    facts: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for row in store.query("SELECT * FROM facts ORDER BY release_id, kind, seq").dicts():
        facts[row["release_id"]][row["kind"]].append(fact_dict(row))
    checks: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in store.query("SELECT * FROM checks ORDER BY release_id, seq").dicts():
        checks[row["release_id"]].append(check_dict(row))
    out = {}
    for r in store.query("SELECT * FROM releases WHERE status <> 'no_release'").dicts():
        out[(r["source_path"], r["exhibit"])] = {
            "document": r["document"],
            "company": r["company"],
            "ticker": r["ticker"],
            "exchange": r["exchange"],
            "cik": r["cik"],
            "release_date": r["release_date"].isoformat() if r["release_date"] else None,
            "facts": facts[r["id"]]["fact"],
            "unconfirmed": facts[r["id"]]["unconfirmed"],
            "derived": facts[r["id"]]["derived"],
            "checks": checks[r["id"]],
        }
    return out
