"""The layout of an evaluation corpus: `docs/` (releases as filed), `gold/` (hand-checked facts)
and `SOURCES.md`, whose table names each release's era in its second column.

The benchmark, the evaluation script and the corpus tests all group releases by era this way.
"""

from __future__ import annotations

from pathlib import Path

# SOURCES.md's era column, grouped into the two eras measured and reported apart.
ERA_GROUPS: dict[str, str] = {"text": "text", "text (opening)": "text", "html": "html"}


def read_eras(sources: Path) -> dict[str, str]:
    """Each file named in SOURCES.md's table, mapped to its era group ("text" or "html").

    A missing SOURCES.md gives no eras.
    """
    eras: dict[str, str] = {}
    if not sources.is_file():
        return eras
    for line in sources.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        # Header, separator and prose lines have no known era in the second column.
        if len(cells) >= 2 and cells[1] in ERA_GROUPS:
            eras[cells[0]] = ERA_GROUPS[cells[1]]
    return eras
