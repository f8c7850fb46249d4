"""The Dask path: a LocalCluster of two worker processes gives the same rows as the local pool."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from pressfacts.store import Store
from tests.corpus import require_corpus
from tests.storerows import table_rows

pytestmark = pytest.mark.slow
distributed = pytest.importorskip("distributed")

TABLES = ("releases", "facts", "checks", "failures")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def inputs(tmp_path: Path) -> list[str]:
    """The corpus, a bad file, and an archive (whose members travel to the workers as bytes)."""
    docs = require_corpus() / "docs"
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    archive = tmp_path / "more.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("iec-restated.txt", (docs / "iec-2003-q4.txt").read_bytes() + b"\n\n")
    return [str(docs), str(tmp_path / "binary.txt"), str(archive)]


def test_dask_gives_the_rows_of_the_local_pool(scheduler: str, tmp_path: Path) -> None:
    paths = inputs(tmp_path)
    local, on_dask = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    Store(local).ingest(paths, workers=2)
    parquet = tmp_path / "parquet"
    stats = Store(on_dask).ingest(paths, dask=scheduler, parquet_dir=parquet, batch_size=16)
    assert (stats.failed, stats.batches > 1) == (1, True)
    for table in TABLES:
        assert table_rows(on_dask, table) == table_rows(local, table), table
    assert not parquet.exists()  # loaded and removed
    # Run again on Dask: everything is skipped before any task is sent.
    again = Store(on_dask).ingest(paths, dask=scheduler, parquet_dir=parquet)
    assert (again.stored, again.failed) == (0, 1)
