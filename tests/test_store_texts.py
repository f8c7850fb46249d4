"""The store keeps each release's text (table `texts`), and reads releases back for the service."""

from __future__ import annotations

from pathlib import Path

import pressfacts
from pressfacts.store import Filters, Store
from pressfacts.store.db import open_writer
from tests.servicedata import SEED, SEED_BYTES


def test_ingest_keeps_the_text_spans_point_into(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    store.ingest([str(SEED)], workers=1)
    (rid,) = [r["id"] for r in store.releases().items]
    stored = store.release(rid)
    assert stored is not None
    text = pressfacts.extract(SEED).document.text
    assert stored["text"] == text
    for fact in stored["facts"]:
        assert text[fact["span"]["start"] : fact["span"]["end"]] == fact["quote"]
    # Export writes the four tables it always did; texts stay in the store.
    assert sorted(p.name for p in store.export(tmp_path / "out", "csv")) == [
        "checks.csv", "facts.csv", "failures.csv", "releases.csv"
    ]  # fmt: skip


def test_add_stores_once_like_ingest(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    first = store.add(SEED_BYTES, "a.txt")
    assert store.add(SEED_BYTES, "b.txt") == first  # the same bytes: the same release
    assert store.releases().total == 1
    ingested = Store(tmp_path / "i.duckdb")
    ingested.ingest([str(SEED)], workers=1)
    from_ingest = ingested.release(first[0])
    assert from_ingest is not None
    assert store.release(first[0]) == from_ingest | {"document": "a.txt"}
    assert store.add(b"\x00\x01 binary", "bad.bin") == []
    assert store.query("SELECT path FROM failures").rows == [("bad.bin",)]


def test_a_store_from_before_texts_reads_without_them(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    Store(db).add(SEED_BYTES, SEED.name)
    con = open_writer(db)
    con.execute("DROP TABLE texts")
    con.close()
    store = Store(db)
    (rid,) = [r["id"] for r in store.releases(Filters(company="IECE")).items]
    release = store.release(rid)
    assert release is not None
    assert (release["text"], len(release["facts"])) == (None, 14)
