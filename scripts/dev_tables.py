"""Run the table stage alone over a corpus and write one prediction file per release.

Example:
    PYTHONPATH=src .venv/bin/python scripts/dev_tables.py ../shared/corpus/docs out/tables
    python ../shared/eval/score.py --corpus ../shared/corpus --pred out/tables -v

Measures what the tables give before prose extraction is added: most headline
figures of HTML-era releases sit in their tables. `--facts` prints every fact
of one release instead, for reading.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pressfacts.context import find_release_date, infer_calendar
from pressfacts.document import load_documents
from pressfacts.models import Document, Fact, ReleaseContext
from pressfacts.periods import find_period_refs
from pressfacts.tables import table_facts


def fact_json(fact: Fact) -> dict[str, object]:
    return {
        "metric": fact.metric,
        "value": str(fact.value),
        "unit": fact.unit,
        "basis": fact.basis,
        "basis_note": fact.basis_note,
        "period": {
            "end": fact.period.end.isoformat(),
            "months": fact.period.months,
            "label": fact.period.label,
        },
        "label": fact.label,
        "concept": fact.concept,
        "rule": fact.rule,
        "position": [fact.position.table, fact.position.row, fact.position.column] if fact.position else None,
        "also_at": len(fact.also_at),
        "flags": fact.flags,
    }


def release_facts(path: Path, bare: bool) -> list[Fact]:
    facts: list[Fact] = []
    for document in load_documents(path):
        facts.extend(table_facts(document, ReleaseContext() if bare else release_context(document)))
    return facts


def release_context(document: Document) -> ReleaseContext:
    """The context the pipeline gives the table stage: dateline date and fiscal year end from the prose."""
    release_date = find_release_date(document.text, document.meta)
    calendar = infer_calendar(find_period_refs(document.text), release_date)
    return ReleaseContext(release_date=release_date, fiscal_year_end=calendar.fiscal_year_end)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("docs", type=Path, help="a release file or a folder of releases")
    parser.add_argument("out", type=Path, nargs="?", help="folder for <stem>.json predictions")
    parser.add_argument("--facts", action="store_true", help="print the facts of each release")
    parser.add_argument(
        "--bare", action="store_true", help="no release context (fiscal year end) from the prose"
    )
    args = parser.parse_args()
    paths = sorted(args.docs.iterdir()) if args.docs.is_dir() else [args.docs]
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    for path in paths:
        facts = release_facts(path, args.bare)
        rows = [fact_json(f) for f in facts]
        if args.facts:
            for row in rows:
                print(json.dumps(row))
        if args.out:
            (args.out / f"{path.stem}.json").write_text(json.dumps({"facts": rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
