"""A run killed with SIGKILL part way, then run again, ends with every release stored once.

The run is a real `python -m pressfacts ingest` process, killed when its progress lines
(one per committed batch) show that some releases are stored.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pressfacts.store import Store
from tests.corpus import require_corpus
from tests.storerows import table_rows

pytestmark = pytest.mark.slow

COPIES = 3  # of each corpus file, with distinct bytes, so the run lasts long enough to be killed


def make_inputs(folder: Path) -> Path:
    """The corpus, and copies of it whose bytes differ (a trailing line), under `folder`."""
    docs = require_corpus() / "docs"
    for copy in range(COPIES):
        target = folder / f"copy{copy}"
        target.mkdir(parents=True)
        for path in sorted(docs.iterdir()):
            (target / path.name).write_bytes(path.read_bytes() + b"\n" * (copy + 1))
    return folder


def ingest_command(inputs: Path, db: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pressfacts",
        "ingest",
        str(inputs),
        "--db",
        str(db),
        "--workers",
        "1",
        "--batch-size",
        "4",
    ]


def kill_after_batches(command: list[str], batches: int) -> int:
    """Start the run, SIGKILL it once `batches` batches are committed; its return code."""
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert process.stderr is not None
    try:
        for line in process.stderr:
            if line.startswith(f"pressfacts: ingest: batch {batches}:"):
                os.kill(process.pid, signal.SIGKILL)
                break
    finally:
        process.stderr.close()
    return process.wait(timeout=60)


def test_a_killed_run_completes_on_the_next_one(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "in")
    reference = tmp_path / "reference.duckdb"
    Store(reference).ingest([str(inputs)], workers=2)
    db = tmp_path / "killed.duckdb"

    assert kill_after_batches(ingest_command(inputs, db), batches=3) == -signal.SIGKILL

    # What the killed run left: whole releases only, each with all of its facts.
    partial = dict(Store(db).query(FACTS_PER_RELEASE).rows)
    expected = dict(Store(reference).query(FACTS_PER_RELEASE).rows)
    assert 0 < len(partial) < len(expected)
    assert all(expected[rid] == n for rid, n in partial.items())

    again = subprocess.run(
        ingest_command(inputs, db), capture_output=True, text=True, timeout=300, check=False
    )
    assert again.returncode == 0, again.stderr
    for table in ("releases", "facts", "checks", "failures"):
        got, want = table_rows(db, table), table_rows(reference, table)
        assert len(got) == len(want), table
        if table != "releases":  # releases differ in source_path when copies share a content hash
            assert got == want, table
    assert (
        Store(db).query("SELECT id FROM releases ORDER BY id").rows
        == Store(reference).query("SELECT id FROM releases ORDER BY id").rows
    )


FACTS_PER_RELEASE = """
    SELECT r.id, count(f.release_id) FROM releases r LEFT JOIN facts f ON f.release_id = r.id GROUP BY r.id
"""
