"""How many checks of each kind ran, passed and failed on a corpus; every failure listed.

Usage: python scripts/checks_report.py [DOCS_DIR]   (default ../shared/corpus/docs)
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from pressfacts import extract


def main() -> int:
    docs = Path(
        sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/corpus/docs"
    )
    counts: Counter[tuple[str, str]] = Counter()
    failures = []
    for path in sorted(docs.iterdir()):
        release = extract(path)
        for check in release.checks:
            counts[(check.kind, check.status)] += 1
            if check.status == "fail":
                failures.append(f"{path.name}: {check.kind}: {check.detail}")
    kinds = sorted({k for k, _ in counts})
    print("| kind | ran | pass | fail | unknown |")
    print("|---|---|---|---|---|")
    for kind in kinds:
        row = [counts[(kind, s)] for s in ("pass", "fail", "unknown")]
        print(f"| {kind} | {sum(row)} | " + " | ".join(map(str, row)) + " |")
    print()
    for failure in failures:
        print("FAIL", failure)
    return 0


if __name__ == "__main__":
    sys.exit(main())
