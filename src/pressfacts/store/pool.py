"""Extraction on the local cores: a process pool whose workers return Arrow tables.

Workers are spawned, not forked: they never inherit the parent's DuckDB threads (forking
a threaded process can leave a child holding a lock no thread will release). Each
watches its parent and exits when it is gone: a run killed with SIGKILL leaves no
worker behind waiting for tasks that will never come.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

import duckdb
import pyarrow as pa

from pressfacts.store import db
from pressfacts.store.schema import ALL_TABLES
from pressfacts.store.worker import Chunk, ChunkTables, Counts, died, process_chunk, watch_parent

# Tasks queued per worker: one running and some waiting, so that no worker idles while the
# main process is busy reading inputs or handing out results.
IN_FLIGHT_PER_WORKER = 4


def default_workers() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class PoolBackend:
    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or default_workers()
        self.max_in_flight = IN_FLIGHT_PER_WORKER * self.workers
        self._context = multiprocessing.get_context("spawn")
        self._pool = self._start()
        # The pool each task went to: when a pool breaks, all its tasks fail, and only the
        # first of them should start a new one.
        self._pool_of: dict[Future[ChunkTables], ProcessPoolExecutor] = {}

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self._context, initializer=watch_parent)

    def submit(self, chunk: Chunk) -> Future[ChunkTables]:
        task = self._pool.submit(process_chunk, chunk)
        self._pool_of[task] = self._pool
        return task

    def wait(self, pending: set[Future[ChunkTables]]) -> set[Future[ChunkTables]]:
        return wait(pending, return_when=FIRST_COMPLETED).done

    def result(self, task: Future[ChunkTables], chunk: Chunk) -> tuple[ChunkTables, Counts]:
        pool = self._pool_of.pop(task)
        try:
            done = task.result()
        except BrokenProcessPool:
            # A worker died (killed, out of memory): its pool is broken, start another.
            if pool is self._pool:
                self._restart()
            done = died(chunk, "a worker process died while extracting this input's chunk")
        except Exception as error:  # the task itself failed: its inputs fail, the run goes on
            done = died(chunk, f"extraction task failed: {type(error).__name__}: {error}")
        return done, done.counts

    def merge(self, con: duckdb.DuckDBPyConnection, payloads: list[ChunkTables]) -> int:
        tables = {t.name: pa.concat_tables([p.tables[t.name] for p in payloads]) for t in ALL_TABLES}
        return db.merge_tables(con, tables)

    def _restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
