"""The store: ingest the corpus, read it back, and what a run does with bad or repeated input.

The corpus is ingested once per module (two workers); tests that change a store make
their own in tmp_path.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest

import pressfacts
from pressfacts.outputs import check_dict, release_dict
from pressfacts.store import Store, StoreError
from pressfacts.store.rows import exact
from tests.corpus import require_corpus
from tests.storerows import release_dicts, table_rows

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def docs() -> Path:
    return require_corpus() / "docs"


@pytest.fixture(scope="module")
def corpus_db(docs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "corpus.duckdb"
    stats = Store(db).ingest([str(docs)], workers=2, batch_size=16)
    assert stats.failed == 0
    return db


# The parts of the JSON contract the store holds: the release's identity and its four lists.
STORED = (
    "document",
    "company",
    "ticker",
    "exchange",
    "cik",
    "release_date",
    "facts",
    "unconfirmed",
    "derived",
)


def expected_dicts(path: Path) -> list[dict[str, Any]]:
    """What `pressfacts.extract` says of a file, every exhibit, with check figures at the store's scale."""
    out = []
    for release in pressfacts.extract_all(path):
        contract = release_dict(release)
        wanted = {key: contract[key] for key in STORED}
        wanted["checks"] = [check_dict(_stored_scale(c)) for c in release.checks]
        out.append(wanted)
    return out


def _stored_scale(check: Any) -> Any:
    return dataclasses.replace(
        check, expected=exact(check.expected), actual=exact(check.actual), tolerance=exact(check.tolerance)
    )


def assert_same_as_extract(db: Path, files: dict[str, Path]) -> None:
    """Every release stored from `files` (source path -> the file) is what extract gives."""
    stored = release_dicts(db)
    for source, path in files.items():
        for exhibit, wanted in enumerate(expected_dicts(path)):
            assert stored.pop((source, exhibit)) == wanted, f"{source} exhibit {exhibit}"
    assert not stored, f"stored but not expected: {sorted(stored)}"


def test_ingest_gives_the_facts_of_extract(corpus_db: Path, docs: Path) -> None:
    files = {str(p): p for p in sorted(docs.iterdir())}
    assert_same_as_extract(corpus_db, files)


def test_every_release_of_the_corpus_is_stored_once(corpus_db: Path, docs: Path) -> None:
    (releases, inputs), *_ = (
        Store(corpus_db).query("SELECT count(*), count(DISTINCT content_hash) FROM releases").rows
    )
    assert inputs == len(list(docs.iterdir()))
    # apple-2004-q3.txt and apple-2011-q1.txt are submissions holding two release exhibits.
    assert releases == inputs + 2


def test_ingest_twice_stores_nothing_twice(docs: Path, tmp_path: Path) -> None:
    db = tmp_path / "twice.duckdb"
    small = [str(p) for p in sorted(docs.glob("*-opening.txt"))]
    first = Store(db).ingest(small, workers=1)
    before = {t: table_rows(db, t) for t in ("releases", "facts", "checks")}
    # The same files again, and the same bytes under another name: all skipped by content hash.
    copy = tmp_path / "copy.txt"
    shutil.copy(small[0], copy)
    second = Store(db).ingest([*small, str(copy)], workers=1)
    assert first.stored == len(small)
    assert (second.stored, second.skipped, second.failed) == (0, len(small) + 1, 0)
    assert {t: table_rows(db, t) for t in before} == before


def test_bad_files_go_to_failures_and_the_rest_is_stored(docs: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = ["iec-2003-q4.txt", "sysco-1999-opening.txt", "innoviva-2020-q1.htm"]
    for name in good:
        shutil.copy(docs / name, folder / name)
    (folder / "binary.htm").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "bad.duckdb"
    stats = Store(db).ingest([str(folder), str(tmp_path / "missing.txt")], workers=2)
    assert (stats.stored, stats.failed) == (3, 3)
    failures = dict(Store(db).query("SELECT path, error FROM failures").rows)
    assert "looks binary" in failures[str(folder / "binary.htm")]
    assert "file is empty" in failures[str(folder / "empty.txt")]
    assert "no such file" in failures[str(tmp_path / "missing.txt")]
    assert_same_as_extract(db, {str(folder / n): folder / n for n in good})
    # A failure is replaced, not repeated, when the next run meets the same input.
    Store(db).ingest([str(folder)], workers=1)
    (count,), *_ = Store(db).query("SELECT count(*) FROM failures").rows
    assert count == 3


ARCHIVED = ["iec-2003-q4.txt", "apple-2011-q1.txt", "innoviva-2020-q1.htm", "dynasil-2004-opening.txt"]


@pytest.mark.parametrize("kind", ["zip", "tar.gz"])
def test_archives_are_read_member_by_member(kind: str, docs: Path, tmp_path: Path) -> None:
    archive = tmp_path / f"releases.{kind}"
    if kind == "zip":
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in ARCHIVED:
                zf.write(docs / name, f"q/{name}")
            zf.writestr("__MACOSX/q/._iec-2003-q4.txt", b"\x00\x05\x16\x07")  # archiver litter, skipped
    else:
        with tarfile.open(archive, "w:gz") as tf:
            for name in ARCHIVED:
                tf.add(docs / name, f"q/{name}")
    db = tmp_path / "archive.duckdb"
    stats = Store(db).ingest([str(archive)], workers=2)
    assert (stats.inputs, stats.failed) == (len(ARCHIVED), 0)
    assert_same_as_extract(db, {f"{archive}!q/{name}": docs / name for name in ARCHIVED})
    # The same releases as plain files: the store knows them by content, wherever they come from.
    again = Store(db).ingest([str(docs / name) for name in ARCHIVED], workers=1)
    assert (again.stored, again.skipped) == (0, len(ARCHIVED))


def test_a_broken_archive_is_one_failure(tmp_path: Path) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    stats = Store(tmp_path / "b.duckdb").ingest([str(broken)], workers=1)
    assert (stats.stored, stats.failed) == (0, 1)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pressfacts", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_query_refuses_to_change_the_store(corpus_db: Path) -> None:
    result = run_cli("query", "DROP TABLE facts", "--db", str(corpus_db))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("pressfacts: error: query refused: the store is opened read-only")
    assert Store(corpus_db).query("SELECT count(*) FROM facts").rows[0][0] > 0


def test_query_outputs(corpus_db: Path) -> None:
    sql = "SELECT document, release_date FROM releases WHERE ticker = 'IECE'"
    csv_out = run_cli("query", sql, "--db", str(corpus_db), "--format", "csv")
    assert csv_out.stdout == "document,release_date\niec-2003-q4.txt,2003-10-28\n"
    json_out = run_cli("query", sql, "--db", str(corpus_db), "--format", "json")
    assert '"release_date": "2003-10-28"' in json_out.stdout


def test_query_cannot_reach_other_files(corpus_db: Path) -> None:
    with pytest.raises(StoreError, match="query failed"):
        Store(corpus_db).query("SELECT * FROM read_csv('/etc/passwd')")


def test_no_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here"):
        Store(tmp_path / "none.duckdb").query("SELECT 1")


# NVIDIA's quarterly revenue, read by hand from the three releases (USD millions):
# nvidia-2023-q4.htm: Q4 FY2023 $6,051, Q3 FY2023 $5,931, Q4 FY2022 $7,643;
# nvidia-2024-q2.htm: Q2 FY2024 $13,507, Q1 FY2024 $7,192, Q2 FY2023 $6,704;
# nvidia-2026-q2.htm: Q2 FY2026 $46,743, Q1 FY2026 $44,062, Q2 FY2025 $30,040.
NVIDIA_QUARTERS = [
    ("2022-01-30", 7_643, "nvidia-2023-q4.htm"),
    ("2022-07-31", 6_704, "nvidia-2024-q2.htm"),
    ("2022-10-30", 5_931, "nvidia-2023-q4.htm"),
    ("2023-01-29", 6_051, "nvidia-2023-q4.htm"),
    ("2023-04-30", 7_192, "nvidia-2024-q2.htm"),
    ("2023-07-30", 13_507, "nvidia-2024-q2.htm"),
    ("2024-07-28", 30_040, "nvidia-2026-q2.htm"),
    ("2025-04-27", 44_062, "nvidia-2026-q2.htm"),
    ("2025-07-27", 46_743, "nvidia-2026-q2.htm"),
]


@pytest.mark.parametrize("company", ["NVDA", "nvidia"])
def test_series_of_a_company_in_the_corpus(corpus_db: Path, company: str) -> None:
    series = Store(corpus_db).series(company, "revenue", months=3).dicts()
    got = [(str(r["period_end"]), r["value"], r["document"]) for r in series]
    assert got == [(end, value * 1_000_000, doc) for end, value, doc in NVIDIA_QUARTERS]


def test_series_takes_the_latest_release_for_a_period(docs: Path, tmp_path: Path) -> None:
    original = (docs / "iec-2003-q4.txt").read_text(encoding="latin-1")
    # A later release restating last year's quarter: $8.6 million becomes $8.7 million.
    restated = original.replace("October 28, 2003", "November 14, 2003").replace(
        "$8.6 million", "$8.7 million"
    )
    (tmp_path / "later.txt").write_text(restated, encoding="latin-1")
    shutil.copy(docs / "iec-2003-q4.txt", tmp_path / "earlier.txt")
    db = tmp_path / "iec.duckdb"
    Store(db).ingest([str(tmp_path / "earlier.txt"), str(tmp_path / "later.txt")], workers=1)
    rows = {(str(r["period_end"]), r["months"]): r for r in Store(db).series("IECE", "revenue").dicts()}
    assert rows[("2002-09-30", 3)]["value"] == 8_700_000
    assert rows[("2002-09-30", 3)]["document"] == "later.txt"
    assert rows[("2003-09-30", 12)]["value"] == 48_200_000
    assert rows[("2003-09-30", 12)]["release_date"].isoformat() == "2003-11-14"


def test_series_refuses_an_unknown_company(corpus_db: Path) -> None:
    with pytest.raises(StoreError, match="no stored release"):
        Store(corpus_db).series("Nonexistent Widgets", "revenue")


def test_series_cli(corpus_db: Path) -> None:
    result = run_cli("series", "NVDA", "--months", "3", "--db", str(corpus_db), "--format", "csv")
    assert result.returncode == 0
    assert "2023-07-30,3,Q2 FY2024,13507000000,USD,2023-08-23,nvidia-2024-q2.htm" in result.stdout


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_writes_every_table(corpus_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "export"
    result = run_cli("export", "--format", fmt, "--out", str(out), "--db", str(corpus_db))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{t}.{fmt}" for t in ("releases", "facts", "checks", "failures")
    )
    (facts,), *_ = Store(corpus_db).query("SELECT count(*) FROM facts").rows
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_metadata(out / "facts.parquet").num_rows == facts


def test_a_row_arrow_refuses_fails_its_input_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from pressfacts.store import worker
    from pressfacts.store.sources import Item

    def fake_rows(item: Item, max_bytes: int) -> dict[str, list[dict[str, Any]]]:
        size = "not a number" if item.name == "bad.txt" else item.size
        row = {"id": f"{item.name}-0", "content_hash": item.content_hash, "exhibit": 0, "size": size}
        return {"releases": [row], "facts": [], "checks": [], "failures": []}

    monkeypatch.setattr(worker, "item_to_rows", fake_rows)
    items = tuple(
        Item(source=n, name=n, size=10, content_hash=n * 8, data=b"x") for n in ("good.txt", "bad.txt")
    )
    result = worker.process_chunk(worker.Chunk(items, 1000))
    assert result.tables["releases"]["id"].to_pylist() == ["good.txt-0"]
    assert result.tables["failures"]["path"].to_pylist() == ["bad.txt"]
    assert (result.counts.releases, result.counts.failures) == (1, 1)


def test_globs_and_hidden_files(tmp_path: Path) -> None:
    from pressfacts.store.sources import iter_items

    for name in ("a/one.txt", "a/b/two.htm", "a/.hidden.txt", "a/.git/three.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Revenue was $1 million.")
    found = [i.name for i in iter_items([str(tmp_path / "a")], max_bytes=1000)]
    assert found == ["one.txt", "two.htm"]
    globbed = [
        i.name for i in iter_items([str(tmp_path / "**" / "*.htm"), str(tmp_path / "*.pdf")], max_bytes=1000)
    ]
    assert globbed == ["two.htm", str(tmp_path / "*.pdf")]
