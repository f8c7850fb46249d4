"""Batches merged on a thread of their own, so the run keeps the workers fed meanwhile.

DuckDB releases the GIL while it runs a statement: while a batch is being merged, the
main thread goes on reading, hashing and handing out inputs. The thread has its own
cursor (a DuckDB connection is not shared between threads), and at most one batch waits
behind the one being merged, which bounds the memory they hold.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

import duckdb

Payload = TypeVar("Payload")
Merge = Callable[[duckdb.DuckDBPyConnection, list[Payload]], int]


class Writer(Generic[Payload]):
    def __init__(self, con: duckdb.DuckDBPyConnection, merge: Merge[Payload]) -> None:
        self._cursor = con.cursor()
        self._merge = merge
        self._queue: queue.Queue[list[Payload] | None] = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self.stored = 0  # releases committed so far
        self.batches = 0  # transactions committed so far
        self._thread = threading.Thread(target=self._loop, name="pressfacts-writer", daemon=True)
        self._thread.start()

    def put(self, batch: list[Payload]) -> None:
        """Queue a batch; blocks while one is already waiting. Raises the writer's error, if any."""
        self._raise()
        self._queue.put(batch)

    def close(self) -> None:
        """Merge what is queued, stop the thread, and raise its error, if any."""
        self._queue.put(None)
        self._thread.join()
        self._cursor.close()
        self._raise()

    def _loop(self) -> None:
        while (batch := self._queue.get()) is not None:
            if self._error is not None:
                continue  # a failed writer drains the queue so that `put` never blocks forever
            try:
                stored = self._merge(self._cursor, batch)
            except BaseException as error:  # handed to the main thread, which raises it
                self._error = error
            else:
                self.stored += stored
                self.batches += 1

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error
