#!/usr/bin/env python3
"""Score pressfacts on the shared corpus: all releases, the plain-text era, the HTML era.

Predictions are written once, by one `pressfacts extract <every doc> --out DIR`
process; then the corpus's own scorer (`score.py --pred DIR`) is run on three
corpus folders made of symlinks: every release, the text era (`text` and
`text (opening)` in SOURCES.md) and the HTML era (`html`).

Where things are:
  corpus   $PRESSFACTS_CORPUS, else ../shared/corpus beside the repo (docs/, gold/, SOURCES.md)
  scorer   $PRESSFACTS_SCORE, else <corpus>/../eval/score.py

Examples:
  python scripts/eval.py            # the table
  python scripts/eval.py -v         # and every miss, per release (score.py -v)
  python scripts/eval.py --pred out # score predictions already written to out/
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pressfacts.corpus import read_eras

REPO = Path(__file__).resolve().parent.parent


class EvalError(Exception):
    """A problem that stops the evaluation: printed as one line, exit code 2."""


@dataclass(frozen=True)
class Corpus:
    root: Path
    scorer: Path

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def gold(self) -> Path:
        return self.root / "gold"


def locate_corpus() -> Corpus:
    root = Path(os.environ.get("PRESSFACTS_CORPUS") or REPO.parent / "shared" / "corpus")
    if not (root / "docs").is_dir() or not (root / "gold").is_dir():
        raise EvalError(f"no corpus at {root} (want docs/ and gold/); set PRESSFACTS_CORPUS")
    scorer = Path(os.environ.get("PRESSFACTS_SCORE") or root.parent / "eval" / "score.py")
    if not scorer.is_file():
        raise EvalError(f"no scorer at {scorer}; set PRESSFACTS_SCORE")
    return Corpus(root.resolve(), scorer.resolve())


def gold_documents(corpus: Corpus) -> dict[str, Path]:
    """Gold file of each release, keyed by the release's file name."""
    found: dict[str, Path] = {}
    for gold_file in sorted(corpus.gold.glob("*.json")):
        document = json.loads(gold_file.read_text(encoding="utf-8"))["document"]
        found[document] = gold_file
    return found


def pressfacts_command() -> list[str]:
    """The CLI of the pressfacts installed beside this interpreter (the repo's .venv)."""
    script = Path(sys.executable).parent / "pressfacts"
    if not script.exists():
        found = shutil.which("pressfacts")
        if found is None:
            raise EvalError("no `pressfacts` command: run `make venv` (pyproject.toml's console script)")
        script = Path(found)
    probe = subprocess.run([sys.executable, "-c", "import pressfacts.cli"], capture_output=True, text=True)
    if probe.returncode != 0:
        last = (probe.stderr.strip().splitlines() or ["?"])[-1]
        raise EvalError(f"pressfacts.cli does not import yet: {last}")
    return [str(script)]


def extract_all(docs: list[Path], out: Path) -> float:
    """Run one `pressfacts extract` over every release; return its wall time."""
    command = [*pressfacts_command(), "extract", *map(str, docs), "--format", "json", "--out", str(out)]
    started = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        # Some releases may still have been written; score what there is, but say so.
        tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
        print(f"warning: pressfacts extract exited {proc.returncode}:\n{tail}", file=sys.stderr)
    missing = [doc.name for doc in docs if not (out / f"{doc.stem}.json").is_file()]
    if len(missing) == len(docs):
        raise EvalError(f"pressfacts extract --out {out} wrote no <stem>.json file")
    if missing:
        print(f"warning: no prediction for {len(missing)} releases: {', '.join(missing)}", file=sys.stderr)
    return elapsed


def subset_corpus(into: Path, corpus: Corpus, documents: dict[str, Path]) -> Path:
    """A corpus folder of symlinks holding only `documents` (name -> gold file)."""
    (into / "docs").mkdir(parents=True)
    (into / "gold").mkdir()
    for name, gold_file in documents.items():
        (into / "docs" / name).symlink_to(corpus.docs / name)
        (into / "gold" / gold_file.name).symlink_to(gold_file)
    return into


def score(corpus: Corpus, folder: Path, pred: Path, *, verbose: bool) -> dict[str, Any]:
    base = [sys.executable, str(corpus.scorer), "--corpus", str(folder), "--pred", str(pred)]
    if verbose:
        # The per-release listing goes straight through; the summary is read from --json below.
        subprocess.run([*base, "-v"], check=False)
    proc = subprocess.run([*base, "--json"], capture_output=True, text=True, check=True)
    summary: dict[str, Any] = json.loads(proc.stdout)
    return summary


def ratio(totals: dict[str, Any]) -> str:
    return f"{totals['hits']}/{totals['gold']}"


def print_table(rows: list[tuple[str, dict[str, Any]]]) -> None:
    head = (
        f"{'set':<6} {'docs':>4}  {'GAAP F1':>7} {'P':>6} {'R':>6} {'hit/gold':>9}"
        f"  {'nonGAAP F1':>10} {'P':>6} {'R':>6} {'hit/gold':>9}  {'failed':>6}"
    )
    print(head)
    print("-" * len(head))
    for name, s in rows:
        g, n = s["gaap"], s["non_gaap"]
        print(
            f"{name:<6} {s['documents']:>4}  {g['f1']:>7.3f} {g['precision']:>6.3f} {g['recall']:>6.3f}"
            f" {ratio(g):>9}"
            f"  {n['f1']:>10.3f} {n['precision']:>6.3f} {n['recall']:>6.3f}"
            f" {ratio(n):>9}  {len(s['failures']):>6}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss (score.py -v)")
    parser.add_argument("--pred", type=Path, help="score <stem>.json files already in this folder")
    parser.add_argument("--keep", type=Path, help="write the predictions here (kept) instead of a temp dir")
    parser.add_argument("--json", action="store_true", help="print the three summaries as JSON")
    args = parser.parse_args(argv)

    try:
        corpus = locate_corpus()
        documents = gold_documents(corpus)
        eras = read_eras(corpus.root / "SOURCES.md")
        unknown = sorted(set(documents) - set(eras))
        if unknown:
            print(f"warning: no era in SOURCES.md for {', '.join(unknown)}", file=sys.stderr)
        with tempfile.TemporaryDirectory(prefix="pressfacts-eval-") as tmp:
            work = Path(tmp)
            seconds: float | None = None
            if args.pred is not None:
                pred = args.pred.resolve()
            else:
                pred = (args.keep or work / "pred").resolve()
                pred.mkdir(parents=True, exist_ok=True)
                seconds = extract_all([corpus.docs / name for name in documents], pred)
            subsets = {
                "all": documents,
                "text": {k: v for k, v in documents.items() if eras.get(k) == "text"},
                "html": {k: v for k, v in documents.items() if eras.get(k) == "html"},
            }
            rows = []
            for name, subset in subsets.items():
                if not subset:
                    continue
                folder = subset_corpus(work / f"corpus-{name}", corpus, subset)
                # Misses are listed once, for the whole corpus; the era runs only add rows.
                rows.append((name, score(corpus, folder, pred, verbose=args.verbose and name == "all")))
    except EvalError as exc:
        print(f"eval: {exc}", file=sys.stderr)
        return 2

    if args.json:
        print(json.dumps(dict(rows), indent=2))
        return 0
    print_table(rows)
    for name, summary in rows:
        if name == "all" and summary["failures"]:
            print("failed:", *summary["failures"], sep="\n  ")
    meta = rows[0][1].get("meta_accuracy", {})
    notes = [f"{key} {value:.0%}" for key, value in meta.items() if value is not None]
    if notes:
        print("metadata right: " + ", ".join(notes))
    if seconds is not None:
        print(f"extract: {len(documents)} releases in {seconds:.1f} s (one process, incl. start-up)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
