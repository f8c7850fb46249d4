"""The store as request threads share it.

DuckDB lets one process open a file for writing, or many read-only, but a process cannot
hold both kinds of connection at once: reads here share a lock and a write takes it
alone. Another process (an ingest run, another server worker storing a release) may hold
the file for a moment: an open that finds it locked is retried, then answered 503.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TypeVar

from pressfacts.store import Store, StoreBusy
from pressfacts.store.db import open_writer

T = TypeVar("T")
RETRIES = 20
RETRY_SECONDS = 0.1


class SharedLock:
    """Many readers or one writer."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and self._readers == 0)
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class StoreAccess:
    def __init__(self, path: Path) -> None:
        self.store = Store(path)
        self._lock = SharedLock()

    def read(self, call: Callable[[Store], T]) -> T:
        with self._lock.shared():
            return _retrying(lambda: call(self.store))

    def write(self, call: Callable[[Store], T]) -> T:
        with self._lock.exclusive():
            return _retrying(lambda: call(self.store))


def _retrying(call: Callable[[], T]) -> T:
    for _ in range(RETRIES - 1):
        try:
            return call()
        except StoreBusy:
            time.sleep(RETRY_SECONDS)
    return call()


def prepare_store(path: Path) -> None:
    """Create the store (or its newer tables) so that reads find every table.

    Another process holding the file (a sibling worker doing the same, an ingest run)
    creates them itself: that is not an error here.
    """
    with suppress(StoreBusy):
        open_writer(path).close()
