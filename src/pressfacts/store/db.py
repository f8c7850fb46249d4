"""The DuckDB file: opening it, creating its tables, and merging batches into it.

Every batch is merged in one transaction: a release, its facts and its checks are
committed together or not at all, so a process killed at any moment leaves whole
releases only. Merging is idempotent: a release whose id is already stored (the same
bytes ingested before, or twice in one batch) is left out, facts and checks with it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import duckdb
import pyarrow as pa

from pressfacts.errors import PressfactsError
from pressfacts.store.rows import release_id
from pressfacts.store.schema import ALL_TABLES

DEFAULT_DB = "pressfacts.duckdb"
# The writer shares the machine with the workers: a small buffer pool keeps its memory flat
# (measured: 64 MB holds the main process near 180 MB over 20,000 releases, where 256 MB let
# it climb past 330 MB at checkpoints, for the same speed and file size), and one thread
# inserts a batch with the least CPU taken from the workers.
WRITER_SETTINGS = {"memory_limit": "64MB", "threads": 1}
_HEX = re.compile(r"[0-9a-f]{64}")


class StoreError(PressfactsError):
    """The store cannot do what was asked: no database there, a refused or bad query."""


class NoMatch(StoreError):
    """Nothing stored matches what was asked for (a company no release is from)."""


class Ambiguous(StoreError):
    """What was asked for fits several things (a part of a name that several companies share)."""


class StoreBusy(StoreError):
    """Another process holds the database file (an ingest run writing into it)."""


def open_writer(path: str | os.PathLike[str]) -> duckdb.DuckDBPyConnection:
    """The database opened for writing, its tables created if new."""
    try:
        con = duckdb.connect(str(path))
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            raise StoreBusy(f"{path}: the store is in use by another process: {error}") from None
        raise StoreError(f"{path}: cannot open the store for writing: {error}") from None
    except duckdb.Error as error:
        raise StoreError(f"{path}: cannot open the store for writing: {error}") from None
    for key, value in WRITER_SETTINGS.items():
        con.execute(f"SET {key} = '{value}'")
    for table in ALL_TABLES:
        con.execute(table.ddl())
    return con


def open_reader(path: str | os.PathLike[str]) -> duckdb.DuckDBPyConnection:
    """The database opened read-only: nothing run through it can change the store."""
    if not Path(path).is_file():
        raise StoreError(f"{path}: no store here (run `pressfacts ingest` first, or pass --db)")
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.IOException as error:
        # DuckDB lets one process write a file, and none read it meanwhile.
        if "lock" in str(error).lower():
            raise StoreBusy(f"{path}: the store is in use by another process: {error}") from None
        raise StoreError(f"{path}: cannot open the store: {error}") from None
    except duckdb.Error as error:
        raise StoreError(f"{path}: cannot open the store: {error}") from None


def stored_hashes(con: duckdb.DuckDBPyConnection, hashes: Iterable[str]) -> set[str]:
    """Which of these content hashes the store holds.

    Every stored input has a row for exhibit 0, so looking its id up (the primary key's
    index, fast for a list of literals) answers for the whole input.
    """
    wanted = [h for h in set(hashes) if _HEX.fullmatch(h)]  # literals below: hex digests only
    if not wanted:
        return set()
    ids = ", ".join(f"'{release_id(h, 0)}'" for h in wanted)
    found = con.execute(f"SELECT content_hash FROM releases WHERE id IN ({ids})").fetchall()
    return {h for (h,) in found} & set(wanted)


def merge_tables(con: duckdb.DuckDBPyConnection, tables: Mapping[str, pa.Table]) -> int:
    """Merge a batch given as Arrow tables; returns how many releases were new."""
    names = {name: f"batch_{name}" for name in tables}
    for name, table in tables.items():
        con.register(names[name], table)
    try:
        return _merge(con, names)
    finally:
        for view in names.values():
            con.unregister(view)


def merge_parquet(con: duckdb.DuckDBPyConnection, files: Mapping[str, list[str]]) -> int:
    """Merge a batch written by workers as Parquet files; returns how many releases were new."""
    sources: dict[str, str] = {}
    for table in ALL_TABLES:
        paths = files.get(table.name, [])
        if paths:
            listed = ", ".join("'" + p.replace("'", "''") + "'" for p in paths)
            sources[table.name] = f"read_parquet([{listed}])"
    return _merge(con, sources)


def _merge(con: duckdb.DuckDBPyConnection, sources: Mapping[str, str]) -> int:
    """One transaction: new releases, their facts and checks, and the batch's failures."""
    con.execute("BEGIN TRANSACTION")
    try:
        new = _merge_releases(con, sources)
        _merge_failures(con, sources.get("failures"))
        con.execute("DROP TABLE IF EXISTS fresh")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return new


def _merge_releases(con: duckdb.DuckDBPyConnection, sources: Mapping[str, str]) -> int:
    if "releases" not in sources:
        con.execute("CREATE OR REPLACE TEMP TABLE fresh (id VARCHAR, content_hash VARCHAR)")
        return 0
    # `fresh`: the batch's releases not stored yet, once each (one input may appear twice).
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE fresh AS
        SELECT * FROM {sources["releases"]} b
        WHERE NOT EXISTS (SELECT 1 FROM releases s WHERE s.id = b.id)
        QUALIFY row_number() OVER (PARTITION BY b.id ORDER BY b.source_path) = 1"""
    )
    con.execute("INSERT INTO releases BY NAME SELECT * FROM fresh")
    row = con.execute(f"SELECT count(*), (SELECT count(*) FROM fresh) FROM {sources['releases']}").fetchone()
    batch, new = (int(row[0]), int(row[1])) if row else (0, 0)
    keys = {"facts": "release_id, kind, seq", "checks": "release_id, seq", "texts": "release_id"}
    for table, key in keys.items():
        if table not in sources:
            continue
        if new == batch:  # the usual case: every release of the batch is new, and once only
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {sources[table]}")
            continue
        con.execute(
            f"""INSERT INTO {table} BY NAME SELECT * FROM {sources[table]}
            WHERE release_id IN (SELECT id FROM fresh)
            QUALIFY row_number() OVER (PARTITION BY {key}) = 1"""
        )
    return new


def _merge_failures(con: duckdb.DuckDBPyConnection, failures: str | None) -> None:
    # An input stored now is no longer a failure (a worker died under it on an earlier run).
    con.execute("DELETE FROM failures WHERE content_hash IN (SELECT content_hash FROM fresh)")
    if failures is None:
        return
    # A failure is replaced, not repeated, when the same input fails again on a later run.
    con.execute(
        f"""DELETE FROM failures WHERE EXISTS (
            SELECT 1 FROM {failures} n
            WHERE n.path = failures.path AND n.content_hash IS NOT DISTINCT FROM failures.content_hash)"""
    )
    con.execute(
        f"""INSERT INTO failures BY NAME SELECT * FROM {failures}
        QUALIFY row_number() OVER (PARTITION BY path, content_hash ORDER BY failed_at DESC) = 1"""
    )
