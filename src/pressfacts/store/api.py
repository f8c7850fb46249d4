"""`Store`: the library's door to a corpus of releases in one DuckDB file."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

import pyarrow as pa

from pressfacts.read import DEFAULT_MAX_BYTES
from pressfacts.store import browse, db, ingest, query
from pressfacts.store.browse import Filters, Page
from pressfacts.store.ingest import IngestStats, ProgressHook
from pressfacts.store.pool import PoolBackend
from pressfacts.store.progress import progress_hook
from pressfacts.store.query import ExportFormat, QueryResult
from pressfacts.store.schema import ALL_TABLES
from pressfacts.store.sources import Item, iter_items, sha256
from pressfacts.store.worker import item_to_rows

ANY = Filters()  # no filter: the first page of everything


class Store:
    """A store of releases, facts and checks in a DuckDB file.

    Example (not a doctest: it needs releases on disk)::

        store = Store("pressfacts.duckdb")
        store.ingest(["releases/", "filings.tar.gz"], workers=4)
        store.series("NVDA", "revenue").rows
    """

    def __init__(self, path: str | os.PathLike[str] = db.DEFAULT_DB) -> None:
        self.path = Path(path)

    def ingest(
        self,
        paths: Iterable[str],
        *,
        workers: int | None = None,
        progress: bool | ProgressHook = False,
        dask: str | None = None,
        parquet_dir: str | os.PathLike[str] | None = None,
        batch_size: int = ingest.BATCH_RELEASES,
        chunk_size: int = ingest.CHUNK_INPUTS,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> IngestStats:
        """Extract and store every release under `paths` not stored yet.

        `workers`: processes (default: every core), or Dask workers of `dask="local"`.
        `dask`: a scheduler address, or "local" for a cluster on this machine.
        `batch_size`: releases committed per transaction.
        """
        options = ingest.Options(chunk_size, batch_size, ingest.BATCH_SECONDS, max_bytes)
        # Local workers get the bytes already read for hashing; Dask workers read shared paths.
        items = iter_items(paths, max_bytes=max_bytes, keep_file_data=dask is None)
        con = db.open_writer(self.path)
        try:
            with _backend(self.path, workers, dask, parquet_dir) as backend, _hook(progress) as hook:
                return ingest.run(con, items, backend, options, hook)
        finally:
            con.close()

    def add(
        self, data: bytes, name: str, *, source: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> list[str]:
        """Extract one release from memory, in this process, and store it as `ingest` would.

        Returns the ids of its releases (one per release exhibit), stored now or before;
        an input that fails is stored as a row of `failures`, as in a run. `source` is
        what `source_path` records (default: `name`).
        """
        item = Item(source=source or name, name=name, size=len(data), content_hash=sha256(data), data=data)
        item_rows = item_to_rows(item, max_bytes)
        tables = {
            t.name: pa.Table.from_pylist(item_rows.get(t.name, []), schema=t.arrow_schema) for t in ALL_TABLES
        }
        con = db.open_writer(self.path)
        try:
            db.merge_tables(con, tables)
        finally:
            con.close()
        return [row["id"] for row in item_rows["releases"]]

    def releases(self, filters: Filters = ANY) -> Page:
        """Stored releases, latest first: `company` (ticker, CIK or part of the name), release dates."""
        return browse.list_releases(self.path, filters)

    def release(self, release_id: str) -> dict[str, Any] | None:
        """One stored release as the JSON contract, with its `text`; None if no release has that id."""
        return browse.get_release(self.path, release_id)

    def facts(self, filters: Filters = ANY) -> Page:
        """Stored facts (not unconfirmed or derived): company, metric, basis, period end dates."""
        return browse.list_facts(self.path, filters)

    def query(self, sql: str) -> QueryResult:
        """Run SQL on the store, read-only."""
        return query.run_query(self.path, sql)

    def series(
        self, company: str, metric: str = "revenue", basis: str = "gaap", months: int | None = None
    ) -> QueryResult:
        """A metric over every stored period of a company, the latest release winning each period."""
        return query.series(self.path, company, metric, basis, months)

    def export(self, out: str | os.PathLike[str], fmt: ExportFormat = "parquet") -> list[Path]:
        """Every table as `out/<table>.parquet` (or .csv)."""
        return query.export(self.path, out, fmt)


def default_parquet_dir(db_path: Path) -> Path:
    """Beside the database: `pressfacts.duckdb` -> `pressfacts-parquet/`."""
    return db_path.with_name(f"{db_path.stem}-parquet")


@contextmanager
def _backend(
    db_path: Path, workers: int | None, dask: str | None, parquet_dir: str | os.PathLike[str] | None
) -> Iterator[ingest.Backend[Any]]:
    backend: ingest.Backend[Any]
    if dask is None:
        backend = PoolBackend(workers)
    else:
        from pressfacts.store.cluster import DaskBackend, remove_stale_runs

        folder = Path(parquet_dir) if parquet_dir is not None else default_parquet_dir(db_path)
        remove_stale_runs(folder)
        backend = DaskBackend(dask, parquet_dir=folder.absolute(), workers=workers)
    try:
        yield backend
    finally:
        backend.close()


def _hook(progress: bool | ProgressHook) -> AbstractContextManager[ProgressHook | None]:
    if progress is True:
        return progress_hook()
    if progress is False:
        return nullcontext(None)
    return nullcontext(progress)
