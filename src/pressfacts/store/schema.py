"""The store's four tables, each column declared once: its Arrow type and its SQL type.

Workers build Arrow tables with these schemas and the store inserts them by name, so a
column added here reaches both sides. Numbers that are money stay exact: DECIMAL(38, 12)
holds every fact value (at most 3 decimals in the corpus) and rounds only the long
quotients some checks compute (implied share counts).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

VALUE_SCALE = 12
VALUE_TYPE = pa.decimal128(38, VALUE_SCALE)
SPAN_TYPE = pa.struct([("start", pa.int32()), ("end", pa.int32())])


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    arrow: pa.DataType
    sql: str
    # Columns the store fills itself (not in the workers' Arrow tables).
    store_only: bool = False


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    columns: tuple[Column, ...]
    # Table constraints appended to the column list of CREATE TABLE.
    constraints: tuple[str, ...] = ()

    @property
    def arrow_schema(self) -> pa.Schema:
        """The schema of the rows workers produce (store-only columns left out)."""
        return pa.schema([pa.field(c.name, c.arrow) for c in self.columns if not c.store_only])

    def ddl(self) -> str:
        parts = [f'"{c.name}" {c.sql}' for c in self.columns] + list(self.constraints)
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n  " + ",\n  ".join(parts) + "\n)"

    def empty(self) -> pa.Table:
        return self.arrow_schema.empty_table()


def _col(name: str, arrow: pa.DataType, sql: str, *, store_only: bool = False) -> Column:
    return Column(name, arrow, sql, store_only)


_TEXT = pa.string()
_INT = pa.int32()

RELEASES = TableSpec(
    "releases",
    (
        # `<sha256 prefix>-<exhibit>`: the same bytes give the same id on every run and machine.
        _col("id", _TEXT, "VARCHAR PRIMARY KEY"),
        _col("content_hash", _TEXT, "VARCHAR NOT NULL"),
        # A submission file may hold several release exhibits; each is a release of its own.
        _col("exhibit", _INT, "INTEGER NOT NULL"),
        _col("exhibit_type", _TEXT, "VARCHAR"),
        _col("source_path", _TEXT, "VARCHAR NOT NULL"),
        _col("document", _TEXT, "VARCHAR NOT NULL"),
        _col("company", _TEXT, "VARCHAR"),
        _col("cik", _TEXT, "VARCHAR"),
        _col("ticker", _TEXT, "VARCHAR"),
        _col("exchange", _TEXT, "VARCHAR"),
        _col("release_date", pa.date32(), "DATE"),
        _col("format", _TEXT, "VARCHAR NOT NULL"),
        _col("size", pa.int64(), "BIGINT NOT NULL"),
        # ok (facts found), no_facts, no_release (a submission without a release exhibit).
        _col("status", _TEXT, "VARCHAR NOT NULL"),
        _col("ingested_at", pa.timestamp("us"), "TIMESTAMP DEFAULT current_timestamp", store_only=True),
    ),
    ("UNIQUE (content_hash, exhibit)",),
)

FACTS = TableSpec(
    "facts",
    (
        _col("release_id", _TEXT, "VARCHAR NOT NULL"),
        # fact (delivered), unconfirmed, derived: the three lists of the JSON contract.
        _col("kind", _TEXT, "VARCHAR NOT NULL"),
        # Position in its list, so a release's facts read back in the contract's order.
        _col("seq", _INT, "INTEGER NOT NULL"),
        _col("id", _TEXT, "VARCHAR NOT NULL"),
        _col("metric", _TEXT, "VARCHAR NOT NULL"),
        _col("value", VALUE_TYPE, f"DECIMAL(38, {VALUE_SCALE}) NOT NULL"),
        _col("unit", _TEXT, "VARCHAR NOT NULL"),
        _col("basis", _TEXT, "VARCHAR NOT NULL"),
        _col("basis_note", _TEXT, "VARCHAR"),
        _col("period_end", pa.date32(), "DATE NOT NULL"),
        _col("period_months", _INT, "INTEGER NOT NULL"),
        _col("period_label", _TEXT, "VARCHAR"),
        _col("span_start", _INT, "INTEGER NOT NULL"),
        _col("span_end", _INT, "INTEGER NOT NULL"),
        _col("quote", _TEXT, "VARCHAR"),
        _col("source", _TEXT, "VARCHAR NOT NULL"),
        _col("concept", _TEXT, "VARCHAR"),
        _col("label", _TEXT, "VARCHAR"),
        _col("rule", _TEXT, "VARCHAR"),
        _col("position_table", _INT, "INTEGER"),
        _col("position_row", _INT, "INTEGER"),
        _col("position_column", _INT, "INTEGER"),
        _col("also_at", pa.list_(SPAN_TYPE), 'STRUCT("start" INTEGER, "end" INTEGER)[]'),
        _col("flags", pa.list_(_TEXT), "VARCHAR[]"),
        _col("confidence", pa.float64(), "DOUBLE"),
        _col("derived_from", pa.list_(_TEXT), "VARCHAR[]"),
    ),
)

CHECKS = TableSpec(
    "checks",
    (
        _col("release_id", _TEXT, "VARCHAR NOT NULL"),
        _col("seq", _INT, "INTEGER NOT NULL"),
        _col("kind", _TEXT, "VARCHAR NOT NULL"),
        _col("status", _TEXT, "VARCHAR NOT NULL"),
        _col("facts", pa.list_(_TEXT), "VARCHAR[]"),
        _col("expected", VALUE_TYPE, f"DECIMAL(38, {VALUE_SCALE})"),
        _col("actual", VALUE_TYPE, f"DECIMAL(38, {VALUE_SCALE})"),
        _col("tolerance", VALUE_TYPE, f"DECIMAL(38, {VALUE_SCALE})"),
        _col("detail", _TEXT, "VARCHAR"),
    ),
)

FAILURES = TableSpec(
    "failures",
    (
        _col("path", _TEXT, "VARCHAR NOT NULL"),
        # NULL when the input could not even be read (missing file, unreadable archive).
        _col("content_hash", _TEXT, "VARCHAR"),
        _col("error", _TEXT, "VARCHAR NOT NULL"),
        _col("failed_at", pa.timestamp("us"), "TIMESTAMP NOT NULL"),
    ),
)

# The text a release's spans point into (`pressfacts text FILE`), for showing facts in place.
# Kept apart from `releases` so that scans over releases do not read the texts.
TEXTS = TableSpec(
    "texts",
    (
        _col("release_id", _TEXT, "VARCHAR PRIMARY KEY"),
        _col("text", _TEXT, "VARCHAR NOT NULL"),
    ),
)

# The tables `export` writes and analysis reads.
TABLES = (RELEASES, FACTS, CHECKS, FAILURES)
# Every table a run fills: the texts too.
ALL_TABLES = (*TABLES, TEXTS)
