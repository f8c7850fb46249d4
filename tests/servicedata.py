"""Stores and releases for the service's tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pressfacts.store import Store
from pressfacts.store.db import open_writer
from tests.corpus import DATA, corpus_dir

SEED = DATA / "iec-2003-q4.txt"
SEED_BYTES = SEED.read_bytes()
# Three NVIDIA releases give a company series of many quarters, for the chart.
NVIDIA = ("nvidia-2023-q4.htm", "nvidia-2024-q2.htm", "nvidia-2026-q2.htm")
# A text release whose own words hold markup: shown as text, never run.
SCRIPT_RELEASE = (
    "Acme Widgets Corp. Reports Results\n\n"
    "Acme Widgets Corp. today reported net income of $1.2 million for the quarter ended "
    "March 31, 2020.\n\n"
    '<script>document.title = "pwned"; window.pwned = true;</script>\n'
    '<img src=x onerror="window.pwned = true">\n'
)


def seeded_store(path: Path, *, nvidia: bool = False) -> Store:
    """A store holding the seed release (and the NVIDIA releases of the corpus, if asked and there)."""
    store = Store(path)
    store.add(SEED_BYTES, SEED.name)
    docs = corpus_dir() / "docs"
    if nvidia and (docs / NVIDIA[0]).is_file():
        for name in NVIDIA:
            store.add((docs / name).read_bytes(), name)
    return store


def add_company(path: Path, rid: str, company: str, ticker: str | None) -> None:
    """A bare release row, for tests about company matching."""
    con = open_writer(path)
    try:
        con.execute(
            """INSERT INTO releases (id, content_hash, exhibit, source_path, document, company, ticker,
               release_date, format, size, status)
               VALUES (?, ?, 0, ?, ?, ?, ?, ?, 'text', 1, 'no_facts')""",
            [rid, rid * 2, rid, f"{rid}.txt", company, ticker, dt.date(2020, 4, 1)],
        )
    finally:
        con.close()
