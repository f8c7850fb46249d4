"""What runs in a worker process: a chunk of inputs in, Arrow tables (or Parquet files) out.

A worker never touches the database: it extracts, turns releases into rows, and hands
them back as Arrow tables, whose buffers cross the process boundary without per-row
pickling. Any exception of one input becomes a failure row for that input alone.
"""

from __future__ import annotations

import os
import resource
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pressfacts.document import build_documents
from pressfacts.errors import PressfactsError
from pressfacts.pipeline import extract_document
from pressfacts.read import read_source
from pressfacts.store import rows
from pressfacts.store.schema import ALL_TABLES, FAILURES
from pressfacts.store.sources import Item, sha256


@dataclass(frozen=True, slots=True)
class Chunk:
    items: tuple[Item, ...]
    max_bytes: int


@dataclass(slots=True)
class Counts:
    inputs: int = 0
    releases: int = 0
    failures: int = 0
    bytes: int = 0
    # The worker's own peak resident memory (bytes), for the benchmark's report.
    peak_rss: int = 0


@dataclass(slots=True)
class ChunkTables:
    """A chunk's rows, one Arrow table per store table (`releases`, `facts`, ...)."""

    tables: dict[str, pa.Table]
    counts: Counts


@dataclass(slots=True)
class ChunkFiles:
    """A chunk written as Parquet: one file per store table that has rows."""

    files: dict[str, str]
    counts: Counts


def process_chunk(chunk: Chunk) -> ChunkTables:
    """Extract every input of the chunk (the local pool's task)."""
    per_item = [item_to_rows(item, chunk.max_bytes) for item in chunk.items]
    try:
        tables = _tables(per_item)
    except (pa.ArrowException, ValueError, TypeError):
        # A row Arrow refuses: convert input by input, so that only its input fails.
        per_item = [_checked(rows_of, item) for rows_of, item in zip(per_item, chunk.items, strict=True)]
        tables = _tables(per_item)
    counts = Counts(inputs=len(chunk.items), bytes=sum(i.size for i in chunk.items), peak_rss=peak_rss())
    counts.releases = sum(len(r["releases"]) for r in per_item)
    counts.failures = sum(len(r["failures"]) for r in per_item)
    return ChunkTables(tables, counts)


def _tables(per_item: list[dict[str, list[rows.Row]]]) -> dict[str, pa.Table]:
    return {
        t.name: pa.Table.from_pylist(
            [row for r in per_item for row in r.get(t.name, [])], schema=t.arrow_schema
        )
        for t in ALL_TABLES
    }


def _checked(item_rows: dict[str, list[rows.Row]], item: Item) -> dict[str, list[rows.Row]]:
    try:
        _tables([item_rows])
    except (pa.ArrowException, ValueError, TypeError) as error:
        return _failed(item, f"cannot store its rows: {type(error).__name__}: {error}")
    return item_rows


def write_chunk(chunk: Chunk, out_dir: str) -> ChunkFiles:
    """Extract a chunk and write it as Parquet under `out_dir` (the Dask task)."""
    result = process_chunk(chunk)
    return ChunkFiles(write_tables(result.tables, out_dir), result.counts)


def write_tables(tables: dict[str, pa.Table], out_dir: str) -> dict[str, str]:
    """One Parquet file per table that has rows, under `out_dir/<table>/`.

    Each file is written under a hidden name and renamed, so a file that exists is whole.
    """
    name = uuid.uuid4().hex
    files: dict[str, str] = {}
    for table, data in tables.items():
        if data.num_rows == 0:
            continue
        folder = Path(out_dir) / table
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"{name}.parquet"
        partial = folder / f".{name}.parquet.part"
        pq.write_table(data, partial)
        os.replace(partial, final)
        files[table] = str(final)
    return files


def died(chunk: Chunk, reason: str) -> ChunkTables:
    """A chunk whose worker was lost: one failure row per input.

    Which input killed the worker is unknown, so all are recorded; the next run retries them.
    """
    failures = [rows.failure_row(i.source, i.content_hash, reason) for i in chunk.items]
    tables = {t.name: t.empty() for t in ALL_TABLES}
    tables[FAILURES.name] = pa.Table.from_pylist(failures, schema=FAILURES.arrow_schema)
    return ChunkTables(tables, Counts(inputs=len(chunk.items), failures=len(failures)))


def item_to_rows(item: Item, max_bytes: int) -> dict[str, list[rows.Row]]:
    """The rows of one input, or one failure row: never part of an input."""
    try:
        return _extract_rows(item, max_bytes)
    except Exception as error:  # one bad input must not stop the run: it becomes a failure row
        return _failed(
            item, str(error) if isinstance(error, PressfactsError) else f"{type(error).__name__}: {error}"
        )


def _failed(item: Item, message: str) -> dict[str, list[rows.Row]]:
    out: dict[str, list[rows.Row]] = {t.name: [] for t in ALL_TABLES}
    out[FAILURES.name] = [rows.failure_row(item.source, item.content_hash, message)]
    return out


def _extract_rows(item: Item, max_bytes: int) -> dict[str, list[rows.Row]]:
    if item.error is not None:
        raise PressfactsError(item.error)
    data = item.data
    if data is None:
        assert item.path is not None, "an item carries its bytes or a path to read"
        data = read_source(item.path, max_bytes)
    # The stored hash is always that of the bytes extracted, even if the file changed since.
    content_hash = sha256(data) if item.data is None else item.content_hash
    assert content_hash is not None
    documents = build_documents(data, item.name)
    out: dict[str, list[rows.Row]] = {t.name: [] for t in ALL_TABLES}
    if not documents:
        out["releases"].append(
            rows.no_release_row(item.name, content_hash=content_hash, source=item.source, size=len(data))
        )
    for exhibit, document in enumerate(documents):
        release = extract_document(document)
        row = rows.release_row(
            release, content_hash=content_hash, exhibit=exhibit, source=item.source, size=len(data)
        )
        out["releases"].append(row)
        out["facts"].extend(rows.fact_rows(release, row["id"]))
        out["checks"].extend(rows.check_rows(release.checks, row["id"]))
        out["texts"].append(rows.text_row(release, row["id"]))
    return out


def watch_parent(interval: float = 1.0) -> None:
    """Exit this worker once the process that started it is gone.

    A pool's workers block reading their task queue, whose write end they hold themselves:
    when the parent is killed they would wait forever. Polling the parent id is enough,
    since an orphan is adopted by another process.
    """
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="pressfacts-watch-parent", daemon=True).start()


def peak_rss() -> int:
    """This process's peak resident set size in bytes (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
