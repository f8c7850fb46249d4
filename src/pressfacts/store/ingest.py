"""An ingest run: stream the inputs, skip what is stored, extract in workers, merge in batches.

The run is the same whatever executes the extraction (a local process pool or a Dask
cluster, see `pool.py` and `cluster.py`): this module lists and hashes the inputs, asks
the store which contents it already holds, keeps a bounded number of chunks in flight,
and merges finished chunks into the database one transaction per batch.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

import duckdb

from pressfacts.store import db
from pressfacts.store.sources import Item, item_bytes
from pressfacts.store.worker import Chunk, Counts
from pressfacts.store.writer import Writer

# Inputs per task: small enough to balance the load over workers, large enough that the
# cost of a task (pickling, scheduling) stays small beside the extraction.
CHUNK_INPUTS = 8
# Bytes carried per task (archive members travel with their bytes): bounds memory in flight.
CHUNK_BYTES = 4_000_000
# The store is asked which inputs it holds for this many chunks' worth at once, or this many
# bytes (archive members are held in memory until then).
LOOKUP_CHUNKS = 8
LOOKUP_BYTES = 16_000_000
# A batch is committed when it holds this many releases, or after this many seconds.
BATCH_RELEASES = 256
BATCH_SECONDS = 5.0


@dataclass(slots=True)
class IngestStats:
    """What a run did; passed to the progress hook after every chunk and batch."""

    inputs: int = 0  # files and archive members listed
    done: int = 0  # of those, skipped, extracted or failed
    stored: int = 0  # releases newly stored
    skipped: int = 0  # inputs whose content the store already held
    failed: int = 0  # inputs that failed (see the `failures` table)
    bytes: int = 0  # bytes extracted
    batches: int = 0  # transactions committed
    seconds: float = 0.0
    worker_peak_rss: int = 0  # the largest peak RSS a worker reported, in bytes
    listed_all: bool = False  # the inputs are all listed: `inputs` is the total

    @property
    def releases_per_second(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0

    @property
    def mb_per_second(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds else 0.0


ProgressHook = Callable[[IngestStats], None]
Payload = TypeVar("Payload")


class Backend(Protocol, Generic[Payload]):
    """Runs chunks somewhere and merges what they produced."""

    max_in_flight: int

    def submit(self, chunk: Chunk) -> Any: ...

    def wait(self, pending: set[Any]) -> set[Any]:
        """Block until at least one task is done; return the done ones."""
        ...

    def result(self, task: Any, chunk: Chunk) -> tuple[Payload, Counts]: ...

    def merge(self, con: duckdb.DuckDBPyConnection, payloads: list[Payload]) -> int: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Options:
    chunk_inputs: int = CHUNK_INPUTS
    batch_releases: int = BATCH_RELEASES
    batch_seconds: float = BATCH_SECONDS
    max_bytes: int = 20_000_000


def run(
    con: duckdb.DuckDBPyConnection,
    items: Iterable[Item],
    backend: Backend[Payload],
    options: Options,
    progress: ProgressHook | None = None,
) -> IngestStats:
    """Ingest `items` through `backend` into the open database."""
    run = _Run(con, backend, options, progress or (lambda _: None))
    return run.go(items)


class _Run(Generic[Payload]):
    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        backend: Backend[Payload],
        options: Options,
        progress: ProgressHook,
    ) -> None:
        self.con = con
        self.backend = backend
        self.options = options
        self.progress = progress
        self.stats = IngestStats()
        self.started = time.monotonic()
        self.pending: dict[Any, Chunk] = {}
        self.writer = Writer(con, backend.merge)
        self.batch: list[Payload] = []
        self.batch_releases = 0
        self.batch_started = time.monotonic()

    def go(self, items: Iterable[Item]) -> IngestStats:
        try:
            for chunk in self._chunks(items):
                while len(self.pending) >= self.backend.max_in_flight:
                    self._collect()
                self.pending[self.backend.submit(chunk)] = chunk
            self.stats.listed_all = True
            while self.pending:
                self._collect()
            self._flush()
        finally:
            self.writer.close()
        self._report()
        return self.stats

    def _chunks(self, items: Iterable[Item]) -> Iterator[Chunk]:
        """Chunks of the inputs not stored yet.

        The store is asked about a group of several chunks at once: one look-up per chunk
        would cost the main process more than the look-up's answer saves.
        """
        group: list[Item] = []
        weight = 0
        for item in items:
            self.stats.inputs += 1
            group.append(item)
            weight += item_bytes(item)
            if len(group) >= self.options.chunk_inputs * LOOKUP_CHUNKS or weight >= LOOKUP_BYTES:
                yield from self._fresh(group)
                group, weight = [], 0
        if group:
            yield from self._fresh(group)

    def _fresh(self, group: list[Item]) -> Iterator[Chunk]:
        """The group without the inputs already stored (checked by hash, before extracting)."""
        stored = db.stored_hashes(self.con, (i.content_hash for i in group if i.content_hash))
        fresh = [i for i in group if i.content_hash not in stored]
        skipped = len(group) - len(fresh)
        self.stats.skipped += skipped
        self.stats.done += skipped
        if skipped:
            self._report()
        chunk: list[Item] = []
        weight = 0
        for item in fresh:
            chunk.append(item)
            weight += item_bytes(item)
            if len(chunk) >= self.options.chunk_inputs or weight >= CHUNK_BYTES:
                yield Chunk(tuple(chunk), self.options.max_bytes)
                chunk, weight = [], 0
        if chunk:
            yield Chunk(tuple(chunk), self.options.max_bytes)

    def _collect(self) -> None:
        for task in self.backend.wait(set(self.pending)):
            chunk = self.pending.pop(task)
            payload, counts = self.backend.result(task, chunk)
            self._count(counts)
            self.batch.append(payload)
            self.batch_releases += counts.releases
            if self._batch_full():
                self._flush()
            self._report()

    def _count(self, counts: Counts) -> None:
        self.stats.done += counts.inputs
        self.stats.failed += counts.failures
        self.stats.bytes += counts.bytes
        self.stats.worker_peak_rss = max(self.stats.worker_peak_rss, counts.peak_rss)

    def _batch_full(self) -> bool:
        waited = time.monotonic() - self.batch_started
        return self.batch_releases >= self.options.batch_releases or waited >= self.options.batch_seconds

    def _flush(self) -> None:
        if self.batch:
            self.writer.put(self.batch)
        self.batch, self.batch_releases = [], 0
        self.batch_started = time.monotonic()

    def _report(self) -> None:
        self.stats.seconds = time.monotonic() - self.started
        self.stats.stored = self.writer.stored
        self.stats.batches = self.writer.batches
        self.progress(self.stats)
