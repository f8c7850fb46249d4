#!/usr/bin/env python3
"""Throughput of pressfacts on the corpus, from memory, one core and all cores.

Every release is read into memory first; one untimed warm-up pass (imports,
compiled patterns, lxml) runs before the clock starts. Each measurement is the
best of several rounds over all files of an era:

  text era  (SOURCES.md `text`, `text (opening)`)  pressfacts.extract_text(text, name)
  html era  (SOURCES.md `html`)                     pressfacts.extract(raw bytes)

Beside each, a reference measured in the same run on the same inputs:

  text  `re.findall(r"\\$?\\d[\\d,.]*", text)`: one regex pass that finds every number
  html  `lxml.html.fromstring(raw bytes)`: parsing alone, the floor for any HTML extractor

Rows: all stages (facts, checks, statements: what `extract` returns), and the
facts alone (`checks=False, statements=False`: read, document, mentions,
periods, facts, reconcile).

"all cores" maps the files over a multiprocessing Pool (fork, one process per core,
started and warmed before timing). Peak RSS is from resource.getrusage.

Examples:
  python bench/bench.py
  python bench/bench.py --rounds 1 --processes 4
"""

from __future__ import annotations

import argparse
import functools
import math
import multiprocessing as mp
import os
import platform
import re
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html
from rich.console import Console, JustifyMethod
from rich.table import Table

from pressfacts.corpus import read_eras

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "tests" / "data" / "iec-2003-q4.txt"

# The text reference: every number-looking token, as the cheapest possible "extractor".
NUMBER_RE = re.compile(r"\$?\d[\d,.]*")

# A round shorter than this repeats its pass (the text era is only a few hundred KB).
MIN_ROUND = 0.25


@dataclass(frozen=True)
class Item:
    name: str
    data: bytes
    text: str  # decoded once, outside the timed region, for extract_text and the regex reference


@dataclass(frozen=True)
class Measure:
    seconds: float  # best round
    rounds: int
    outputs: int  # facts (pressfacts) or numbers/elements (reference) in the best round
    failures: int


# Set in the parent before the Pool forks, so workers share it without pickling.
_ITEMS: list[Item] = []
_ERA = ""


class BenchError(Exception):
    """A problem that stops the benchmark: printed as one line, exit code 2."""


def locate_corpus() -> Path | None:
    root = Path(os.environ.get("PRESSFACTS_CORPUS") or REPO.parent / "shared" / "corpus")
    return root if (root / "docs").is_dir() else None


def decode(data: bytes) -> str:
    # Old filings are mostly ASCII, some cp1252; decoding is not part of what is timed.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def load(era_filter: Sequence[str]) -> tuple[dict[str, list[Item]], str]:
    corpus = locate_corpus()
    if corpus is None:
        note = f"no corpus (set PRESSFACTS_CORPUS); using the seed {SEED.relative_to(REPO)} only"
        data = SEED.read_bytes()
        return {"text": [Item(SEED.name, data, decode(data))]}, note
    eras = read_eras(corpus / "SOURCES.md")
    loaded: dict[str, list[Item]] = {"text": [], "html": []}
    for path in sorted((corpus / "docs").iterdir()):
        era = eras.get(path.name)
        # A file SOURCES.md does not list has no era to be measured in.
        if era is None or era not in era_filter:
            continue
        data = path.read_bytes()
        loaded[era].append(Item(path.name, data, decode(data)))
    return {era: items for era, items in loaded.items() if items}, str(corpus)


@functools.cache
def pressfacts_api() -> tuple[Callable[..., Any], Callable[..., Any]]:
    try:
        import pressfacts
    except ImportError as exc:
        raise BenchError(f"cannot import pressfacts: {exc}") from exc
    extract_text = getattr(pressfacts, "extract_text", None)
    extract = getattr(pressfacts, "extract", None)
    if extract_text is None or extract is None:
        raise BenchError("pressfacts.extract_text / pressfacts.extract are not there yet (pipeline.py)")
    return extract_text, extract


def run_one(item: Item, era: str, full: bool = True) -> int:
    """Extract one release the way its era is measured; the number of facts, or -1 on error.

    `full` runs every stage; without it, the facts alone (no checks, no statements).
    """
    extract_text, extract = pressfacts_api()
    try:
        release = (
            extract_text(item.text, item.name, checks=full, statements=full)
            if era == "text"
            else extract(item.data, checks=full, statements=full)
        )
    except Exception:  # a release that fails still cost its time; counted, not fatal
        return -1
    return len(release.facts)


def _worker(index: int) -> int:
    return run_one(_ITEMS[index], _ERA)


def best_of(run: Callable[[], tuple[int, int]], rounds: int, budget: float) -> Measure:
    """Best time of one pass over `rounds` rounds; stops early once `budget` seconds are spent.

    A pass much shorter than MIN_ROUND is repeated within each round (and the
    round's time divided), so that timer resolution and noise do not dominate.
    """
    started = time.perf_counter()
    outputs, failures = run()
    repeat = max(1, math.ceil(MIN_ROUND / max(time.perf_counter() - started, 1e-6)))
    best = math.inf
    spent = 0.0
    done = 0
    while done < rounds:
        started = time.perf_counter()
        for _ in range(repeat):
            run()
        elapsed = time.perf_counter() - started
        best = min(best, elapsed / repeat)
        spent += elapsed
        done += 1
        if spent >= budget:
            break
    return Measure(best, done, outputs, failures)


def serial(items: list[Item], era: str, full: bool = True) -> tuple[int, int]:
    results = [run_one(item, era, full) for item in items]
    return sum(r for r in results if r > 0), sum(r < 0 for r in results)


def reference(items: list[Item], era: str) -> tuple[int, int]:
    if era == "text":
        return sum(len(NUMBER_RE.findall(item.text)) for item in items), 0
    elements = 0
    for item in items:
        elements += 1 if lxml.html.fromstring(item.data) is not None else 0
    return elements, 0


def slowest(items: list[Item], era: str, count: int = 3) -> list[tuple[float, str]]:
    """The files that take longest, timed one by one in a single pass (not in the table)."""
    times = []
    for item in items:
        started = time.perf_counter()
        run_one(item, era)
        times.append((time.perf_counter() - started, item.name))
    return sorted(times, reverse=True)[:count]


def measure_era(era: str, items: list[Item], args: argparse.Namespace) -> list[tuple[str, Measure]]:
    global _ITEMS, _ERA
    _ITEMS, _ERA = items, era
    # Warm-up, untimed: imports, compiled patterns, lxml's parser; also forks warm workers below.
    for item in items[: args.warm]:
        run_one(item, era)
    reference(items[: args.warm], era)

    rows = [
        ("pressfacts, 1 core", best_of(lambda: serial(items, era), args.rounds, args.budget)),
        ("  facts only, 1 core", best_of(lambda: serial(items, era, False), args.rounds, args.budget)),
    ]
    if args.processes > 1:
        # Largest files first, so no worker is left with a big one at the end.
        order = sorted(range(len(items)), key=lambda i: -len(items[i].data))
        with mp.get_context("fork").Pool(args.processes) as pool:
            pool.map(_worker, order[: args.processes * 2], chunksize=1)  # start every worker

            def parallel() -> tuple[int, int]:
                results = pool.map(_worker, order, chunksize=1)
                return sum(r for r in results if r > 0), sum(r < 0 for r in results)

            rows.append((f"pressfacts, {args.processes} cores", best_of(parallel, args.rounds, args.budget)))
    name = "re.findall number scan" if era == "text" else "lxml.html.fromstring (floor)"
    rows.append((f"ref: {name}", best_of(lambda: reference(items, era), args.rounds, args.budget)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5, help="best of this many rounds (default 5)")
    parser.add_argument(
        "--budget", type=float, default=8.0, help="stop a measurement's rounds after this many seconds"
    )
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="'all cores' pool size")
    parser.add_argument("--warm", type=int, default=3, help="files extracted untimed first, per era")
    parser.add_argument("--era", choices=["text", "html"], action="append", help="only this era (repeatable)")
    args = parser.parse_args(argv)
    console = Console()
    if not console.is_terminal:
        console = Console(width=150)  # piped or under make: do not squeeze the table to 80 columns

    try:
        pressfacts_api()
        corpora, where = load(args.era or ["text", "html"])
        table = Table(title=f"pressfacts throughput ({where})")
        columns: list[tuple[str, JustifyMethod]] = [
            ("era", "left"),
            ("what", "left"),
            ("files", "right"),
            ("MB", "right"),
            ("best ms", "right"),
            ("MB/s", "right"),
            ("releases/s", "right"),
            ("× ref", "right"),
            ("facts", "right"),
            ("failed", "right"),
            ("rounds", "right"),
        ]
        for column, justify in columns:
            table.add_column(column, justify=justify)
        started = time.perf_counter()
        notes = []
        for era, items in corpora.items():
            megabytes = sum(len(item.data) for item in items) / 1e6
            rows = measure_era(era, items, args)
            ref = rows[-1][1].seconds
            for i, (what, m) in enumerate(rows):
                is_ref = what.startswith("ref:")
                table.add_row(
                    era if i == 0 else "",
                    what,
                    str(len(items)),
                    f"{megabytes:.3f}",
                    f"{m.seconds * 1000:.1f}",
                    f"{megabytes / m.seconds:.2f}",
                    f"{len(items) / m.seconds:.1f}",
                    "1.0" if is_ref else f"{m.seconds / ref:.1f}" if i == 0 else "",
                    "" if is_ref else str(m.outputs),
                    "" if is_ref else str(m.failures),
                    str(m.rounds),
                    end_section=i == len(rows) - 1,
                )
            total = rows[0][1].seconds
            notes.append(
                f"checks and statements cost ({era}): all stages / facts only = {total / rows[1][1].seconds:.2f}"
            )
            notes.append(
                f"slowest {era}: "
                + ", ".join(f"{name} {t * 1000:.0f} ms ({t / total:.0%})" for t, name in slowest(items, era))
            )
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2

    console.print(table)
    for note in notes:
        console.print(note)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    console.print(
        f"peak RSS: {own:.0f} MiB this process (corpus held in memory), {kids:.0f} MiB largest worker"
        f"  |  × ref = pressfacts time / reference time on the same files, one core"
        f"  |  {time.perf_counter() - started:.0f} s total, Python {platform.python_version()},"
        f" {os.cpu_count()} CPUs"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
