"""Progress of an ingest run on stderr: a live bar on a terminal, a line per batch otherwise.

The plain lines are for logs and for whoever watches a run from another program (the
kill-and-resume test waits for them): one line per committed batch, flushed at once.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from pressfacts.store.ingest import IngestStats, ProgressHook


def summary(stats: IngestStats) -> str:
    return (
        f"{stats.stored:,} releases stored, {stats.skipped:,} inputs skipped (stored before), "
        f"{stats.failed:,} failed; {stats.releases_per_second:,.1f} releases/s, "
        f"{stats.mb_per_second:,.2f} MB/s"
    )


@contextmanager
def progress_hook(console: Console | None = None) -> Iterator[ProgressHook]:
    """A hook showing the run's progress on `console` (stderr by default)."""
    console = console or Console(stderr=True)
    if not console.is_terminal:
        yield _LineProgress()
        return
    columns = (
        TextColumn("[bold]ingest[/bold]"),
        BarColumn(),
        TextColumn("{task.completed:,}/{task.fields[listed]} inputs"),
        TextColumn("[green]{task.fields[stored]:,} stored[/] · {task.fields[rate]:,.1f} releases/s"),
        TextColumn("[yellow]{task.fields[skipped]:,} skipped[/] · [red]{task.fields[failed]:,} failed[/]"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("ingest", total=None, listed="?", stored=0, rate=0.0, skipped=0, failed=0)
        yield _RichProgress(bar, task)


class _RichProgress:
    def __init__(self, bar: Progress, task: TaskID) -> None:
        self.bar = bar
        self.task = task

    def __call__(self, stats: IngestStats) -> None:
        self.bar.update(
            self.task,
            completed=stats.done,
            # The inputs are streamed: the total is known only once all are listed.
            total=stats.inputs if stats.listed_all else None,
            listed=f"{stats.inputs:,}" + ("" if stats.listed_all else "+"),
            stored=stats.stored,
            rate=stats.releases_per_second,
            skipped=stats.skipped,
            failed=stats.failed,
        )


class _LineProgress:
    def __init__(self) -> None:
        self.batches = 0

    def __call__(self, stats: IngestStats) -> None:
        if stats.batches == self.batches:
            return
        self.batches = stats.batches
        print(f"pressfacts: ingest: batch {stats.batches}: {summary(stats)}", file=sys.stderr, flush=True)
