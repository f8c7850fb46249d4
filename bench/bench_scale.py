#!/usr/bin/env python3
"""Ingest at corpus scale: one worker, every core, and a local Dask cluster.

Builds a corpus of N releases (default 10,000) in a temporary folder from the shared
corpus's small and mid-size files: each copy has its own name and its own bytes (its
dateline day changed, and a last line naming the copy), so the store skips none of them.
Then ingests it three times, each into a new store, each in a fresh process (so that
the peak RSS measured is that run's alone):

  1 worker     Store.ingest(workers=1)         the local process pool with one worker
  all cores    Store.ingest(workers=<cores>)   the local process pool
  dask local   Store.ingest(dask="local")      a LocalCluster of <cores> single-thread workers

and prints releases/s and MB/s (from the run's own clock, pool start included, Dask
cluster start not), the scaling from 1 to all cores, the peak RSS of the main process
(the one writing the database) and the largest peak RSS a worker reported.

Goals: scaling 1 -> 2 workers >= 1.7x; peak RSS of any process < 500 MB.

Examples:
  python bench/bench_scale.py
  python bench/bench_scale.py --releases 2000 --keep /tmp/scale
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parent.parent
# Small and mid-size releases only (the largest take 50-100 ms each), so that 10,000 of them
# run in a few minutes on two cores.
MAX_SOURCE_BYTES = 160_000
# A dateline date: "October 28, 2003".
DATE = re.compile(
    rb"((?:January|February|March|April|May|June|July|August|September|October|November|December)"
    rb"\s+)(\d{1,2})(,\s+\d{4})"
)
GOAL_SCALING = 1.7
GOAL_RSS = 500 * 2**20


class BenchError(Exception):
    """A problem that stops the benchmark: printed as one line, exit code 2."""


def corpus_docs() -> Path:
    root = Path(os.environ.get("PRESSFACTS_CORPUS") or REPO.parent / "shared" / "corpus")
    if not (root / "docs").is_dir():
        raise BenchError(f"no corpus at {root} (set PRESSFACTS_CORPUS)")
    return root / "docs"


def variant(data: bytes, copy: int, html: bool) -> bytes:
    """The release with its first date's day moved (1-28) and a last line naming the copy."""
    day = copy % 28 + 1
    changed = DATE.sub(lambda m: m.group(1) + str(day).encode() + m.group(3), data, count=1)
    trailer = f"<!-- bench copy {copy} -->" if html else f"[bench copy {copy}]"
    return changed + b"\n" + trailer.encode() + b"\n"


def build_corpus(folder: Path, releases: int) -> tuple[int, int]:
    """`releases` files under `folder`, 1,000 per subfolder; their count and total bytes."""
    sources = [p for p in sorted(corpus_docs().iterdir()) if p.stat().st_size <= MAX_SOURCE_BYTES]
    if not sources:
        raise BenchError("no small or mid-size release in the corpus")
    datas = [(p.stem, p.suffix, p.read_bytes()) for p in sources]
    total = 0
    for n in range(releases):
        stem, suffix, data = datas[n % len(datas)]
        target = folder / f"part{n // 1000:03d}" / f"{stem}-{n:06d}{suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        content = variant(data, n, suffix.startswith(".htm"))
        target.write_bytes(content)
        total += len(content)
    return releases, total


def run_one(corpus: Path, db: Path, workers: int, dask: bool) -> dict[str, Any]:
    """One ingest in this process (called in a child): its stats and this process's peak RSS."""
    from pressfacts.store import Store

    started = time.perf_counter()
    stats = Store(db).ingest([str(corpus)], workers=workers, dask="local" if dask else None)
    wall = time.perf_counter() - started
    return {
        "stored": stats.stored,
        "failed": stats.failed,
        "bytes": stats.bytes,
        "seconds": stats.seconds,
        "wall": wall,
        "main_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "worker_rss": stats.worker_peak_rss,
    }


def measure(corpus: Path, folder: Path, name: str, workers: int, dask: bool) -> dict[str, Any]:
    """Run one ingest in a fresh process, so that its peak RSS is its own."""
    db = folder / f"{name.replace(' ', '-')}.duckdb"
    command = [sys.executable, __file__, "--run-one", str(corpus), str(db), str(workers), str(int(dask))]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BenchError(f"{name}: ingest failed: {done.stderr.strip().splitlines()[-1:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["name"] = name
    return result


def report(results: list[dict[str, Any]], releases: int, size: int, cores: int, console: Console) -> bool:
    table = Table(title=f"ingest of {releases:,} releases ({size / 1e6:,.0f} MB) on {cores} cores")
    for column in (
        "run",
        "stored",
        "failed",
        "seconds",
        "releases/s",
        "MB/s",
        "main RSS MB",
        "worker RSS MB",
    ):
        table.add_column(column, justify="left" if column == "run" else "right")
    for r in results:
        table.add_row(
            r["name"],
            f"{r['stored']:,}",
            f"{r['failed']:,}",
            f"{r['seconds']:.1f}",
            f"{r['stored'] / r['seconds']:,.1f}",
            f"{r['bytes'] / 1e6 / r['seconds']:,.2f}",
            f"{r['main_rss'] / 2**20:,.0f}",
            f"{r['worker_rss'] / 2**20:,.0f}",
        )
    console.print(table)
    one, many = results[0], results[1]
    scaling = float((many["stored"] / many["seconds"]) / (one["stored"] / one["seconds"]))
    peak = int(max(max(r["main_rss"], r["worker_rss"]) for r in results))
    ok_scaling, ok_rss = scaling >= GOAL_SCALING, peak < GOAL_RSS
    console.print(
        f"scaling 1 -> {cores} workers: {scaling:.2f}x (goal >= {GOAL_SCALING}x: {'met' if ok_scaling else 'MISSED'})"
    )
    console.print(
        f"peak RSS of any process: {peak / 2**20:,.0f} MB (goal < {GOAL_RSS // 2**20} MB: {'met' if ok_rss else 'MISSED'})"
    )
    return ok_scaling and ok_rss


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--releases", type=int, default=10_000, help="releases in the built corpus")
    parser.add_argument(
        "--workers", type=int, default=0, help="workers of the 'all cores' runs (0: every core)"
    )
    parser.add_argument("--keep", type=Path, help="build (or reuse) the corpus here and keep it")
    parser.add_argument("--run-one", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_one:
        corpus, db, workers, dask = args.run_one
        print(json.dumps(run_one(Path(corpus), Path(db), int(workers), dask == "1")))
        return 0
    from pressfacts.store.pool import default_workers

    cores = args.workers or default_workers()
    console = Console(highlight=False, width=100)  # the table stays whole when piped to a file
    with tempfile.TemporaryDirectory(prefix="pressfacts-scale-") as temp:
        folder = args.keep or Path(temp)
        corpus = folder / "corpus"
        if corpus.is_dir() and args.keep:
            releases, size = (
                sum(1 for _ in corpus.rglob("*.*")),
                sum(p.stat().st_size for p in corpus.rglob("*.*")),
            )
        else:
            shutil.rmtree(corpus, ignore_errors=True)
            started = time.perf_counter()
            releases, size = build_corpus(corpus, args.releases)
            console.print(
                f"built {releases:,} releases ({size / 1e6:,.0f} MB) in {time.perf_counter() - started:.1f} s"
            )
        for db in folder.glob("*.duckdb*"):
            db.unlink()
        runs = [
            ("1 worker", 1, False),
            (f"{cores} workers", cores, False),
            (f"dask local ({cores})", cores, True),
        ]
        results = []
        for name, workers, dask in runs:
            results.append(measure(corpus, folder, name, workers, dask))
            console.print(f"{name}: {results[-1]['wall']:.1f} s")
        report(results, releases, size, cores, console)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as error:
        print(f"bench_scale: error: {error}", file=sys.stderr)
        sys.exit(2)
