#!/usr/bin/env python3
"""Everything pressfacts produces for every corpus release, written out to compare before and after a change.

For each release: the document (blocks, tables), and the full release dict (facts,
unconfirmed, derived, checks, statements, parts, comparisons). Each HTML release's
text is also run again as plain text, so that the plain-text stages see more material.

  python scripts/snapshot.py DIR            write DIR/<name>.json
  python scripts/snapshot.py DIR --against OLD   write, then list the releases that differ from OLD
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import Any

import pressfacts
from pressfacts.models import Document, Release
from pressfacts.outputs import release_dict

REPO = Path(__file__).resolve().parent.parent


def corpus() -> Path:
    return Path(os.environ.get("PRESSFACTS_CORPUS") or REPO.parent / "shared" / "corpus")


def document_dict(document: Document) -> dict[str, Any]:
    return {
        "format": document.format,
        "blocks": [(b.kind, b.span.start, b.span.end) for b in document.blocks],
        "tables": [dataclasses.asdict(t) for t in document.tables],
    }


def snapshot(release: Release) -> dict[str, Any]:
    full = release_dict(release)
    full["document_model"] = document_dict(release.document)
    full["parts"] = [repr(p) for p in release.parts]
    full["comparisons"] = [repr(c) for c in release.comparisons]
    return full


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--against", type=Path)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted((corpus() / "docs").iterdir()):
        release = pressfacts.extract(path)
        outputs = {path.name: snapshot(release)}
        if release.document.format != "text":
            as_text = pressfacts.extract_text(release.document.text, path.stem + ".as-text.txt")
            outputs[path.stem + ".as-text"] = snapshot(as_text)
        for name, data in outputs.items():
            (args.out / f"{name}.json").write_text(json.dumps(data, indent=1, default=str, sort_keys=True))
            written.append(name)
    print(f"{len(written)} snapshots in {args.out}")
    if args.against is None:
        return 0
    differ = [
        n for n in written if (args.out / f"{n}.json").read_text() != (args.against / f"{n}.json").read_text()
    ]
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(differ)} of {len(written)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
