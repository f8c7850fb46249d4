"""Extraction on a Dask cluster: workers write Parquet files that the store then loads.

Workers on other machines cannot reach the database (DuckDB has one writer), so each
task writes its chunk's rows as Parquet files under a folder every machine sees, and the
process that owns the database loads them, one transaction per batch, exactly as it
merges the Arrow tables of the local pool. Plain files travel as paths (the folder they
are in must be shared too); archive members travel with their bytes.
"""

from __future__ import annotations

import contextlib
import shutil
import uuid
from pathlib import Path
from typing import Any

import duckdb

from pressfacts.store import db
from pressfacts.store.pool import IN_FLIGHT_PER_WORKER, default_workers
from pressfacts.store.schema import ALL_TABLES
from pressfacts.store.worker import Chunk, ChunkFiles, Counts, died, write_chunk, write_tables

RUN_PREFIX = "pressfacts-run-"
CONNECT_SECONDS = 30


class DaskBackend:
    def __init__(self, scheduler: str, *, parquet_dir: Path, workers: int | None = None) -> None:
        import distributed  # a heavy import that only Dask runs need

        self._cluster: Any = None
        if scheduler == "local":
            self._cluster = distributed.LocalCluster(
                n_workers=workers or default_workers(),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            scheduler = self._cluster.scheduler_address
        try:
            self._client = distributed.Client(scheduler, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError) as error:
            self.close()
            raise db.StoreError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        threads = sum(self._client.nthreads().values())
        self.max_in_flight = IN_FLIGHT_PER_WORKER * max(1, threads)
        self.run_dir = parquet_dir / f"{RUN_PREFIX}{uuid.uuid4().hex}"
        self._distributed = distributed

    def submit(self, chunk: Chunk) -> Any:
        # pure=False: the task's key is random instead of a hash of its (large) arguments.
        return self._client.submit(write_chunk, chunk, str(self.run_dir), pure=False)

    def wait(self, pending: set[Any]) -> set[Any]:
        done: set[Any] = self._distributed.wait(list(pending), return_when="FIRST_COMPLETED").done
        return done

    def result(self, task: Any, chunk: Chunk) -> tuple[ChunkFiles, Counts]:
        try:
            files: ChunkFiles = task.result()
        except Exception as error:  # a lost worker or a task Dask gave up on: the chunk fails
            lost = died(chunk, f"Dask task failed: {type(error).__name__}: {error}")
            files = ChunkFiles(write_tables(lost.tables, str(self.run_dir)), lost.counts)
        task.release()
        return files, files.counts

    def merge(self, con: duckdb.DuckDBPyConnection, payloads: list[ChunkFiles]) -> int:
        files = {t.name: [p.files[t.name] for p in payloads if t.name in p.files] for t in ALL_TABLES}
        new = db.merge_parquet(con, files)
        # Loaded and committed: the files are done with (a crash before this leaves files that
        # the next run's clean-up removes; their rows are committed already).
        for paths in files.values():
            for path in paths:
                Path(path).unlink(missing_ok=True)
        return new

    def close(self) -> None:
        if getattr(self, "_client", None) is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        if getattr(self, "run_dir", None) is not None:
            shutil.rmtree(self.run_dir, ignore_errors=True)
            with contextlib.suppress(OSError):  # the Parquet folder too, when nothing else is in it
                self.run_dir.parent.rmdir()


def remove_stale_runs(parquet_dir: Path) -> None:
    """Folders left by runs that were killed: their committed rows are in the store already.

    Called with the database open for writing, so no other run into this store is alive.
    """
    for stale in parquet_dir.glob(f"{RUN_PREFIX}*"):
        shutil.rmtree(stale, ignore_errors=True)
