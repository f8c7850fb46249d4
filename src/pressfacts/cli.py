"""The `pressfacts` command: a thin client of the library.

Each command calls one library function, prints, and turns library errors
into one line on stderr and exit code 2.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from pressfacts import outputs
from pressfacts.document import load_documents
from pressfacts.errors import PressfactsError
from pressfacts.models import Release
from pressfacts.pipeline import extract

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Structured, checked facts from earnings releases."
)
MAX_BYTES_HELP = "refuse inputs larger than this many bytes"


class Format(StrEnum):
    json = "json"
    table = "table"
    csv = "csv"


def _fail(message: str) -> typer.Exit:
    print(f"pressfacts: error: {message}", file=sys.stderr)
    return typer.Exit(2)


def _extract_or_fail(file: str, max_bytes: int) -> Release:
    try:
        return extract(file, max_bytes=max_bytes)
    except PressfactsError as error:
        raise _fail(f"{file}: {error}") from None


@app.command("extract")
def extract_command(
    files: Annotated[list[str], typer.Argument(help="release files: text, HTML or EDGAR submission")],
    format: Annotated[Format, typer.Option("--format", "-f", help="output format")] = Format.json,
    out: Annotated[Path | None, typer.Option(help="write DIR/<stem>.json for each file instead")] = None,
    max_bytes: Annotated[int, typer.Option(help=MAX_BYTES_HELP)] = 20_000_000,
) -> None:
    """Extract the facts of one or more releases.

    Example: pressfacts extract iec-2003-q4.txt --format table
    """
    releases: list[Release] = []
    failed = False
    for name in files:
        try:
            releases.append(extract(name, max_bytes=max_bytes))
        except PressfactsError as error:
            print(f"pressfacts: error: {name}: {error}", file=sys.stderr)
            failed = True
    if out is not None:
        _write_all(releases, out)
    else:
        _print_all(releases, format)
    if failed:
        raise typer.Exit(2)


def _write_all(releases: list[Release], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for release in releases:
        (out / f"{Path(release.document.name).stem}.json").write_text(
            outputs.to_json(release), encoding="utf-8"
        )


def _print_all(releases: list[Release], format: Format) -> None:
    if not releases:
        return
    if format is Format.csv:
        sys.stdout.write(outputs.to_csv(releases))
    elif format is Format.table:
        console = Console()
        for release in releases:
            outputs.print_table(release, console)
    elif len(releases) == 1:
        print(outputs.to_json(releases[0]))
    else:
        print("[" + ",\n".join(outputs.to_json(r) for r in releases) + "]")


@app.command("text")
def text_command(
    file: Annotated[str, typer.Argument(help="a release file")],
    max_bytes: Annotated[int, typer.Option(help=MAX_BYTES_HELP)] = 20_000_000,
) -> None:
    """Print the text that fact spans point into.

    Example: pressfacts text iec-2003-q4.txt
    """
    try:
        documents = load_documents(file, max_bytes=max_bytes)
    except PressfactsError as error:
        raise _fail(f"{file}: {error}") from None
    sys.stdout.write(documents[0].text if documents else "")


@app.command("explain")
def explain_command(
    file: Annotated[str, typer.Argument(help="a release file")],
    max_bytes: Annotated[int, typer.Option(help=MAX_BYTES_HELP)] = 20_000_000,
) -> None:
    """Show, for each fact, the rule that produced it and the words it used.

    Example: pressfacts explain iec-2003-q4.txt
    """
    release = _extract_or_fail(file, max_bytes)
    console = Console(highlight=False)
    for fact in release.facts:
        console.print(outputs.explain_fact(fact, release))


@app.command("check")
def check_command(
    file: Annotated[str, typer.Argument(help="a release file")],
    max_bytes: Annotated[int, typer.Option(help=MAX_BYTES_HELP)] = 20_000_000,
) -> None:
    """Check a release against itself: per-share, parts, prose vs table, sums, changes.

    Example: pressfacts check iec-2003-q4.txt
    """
    outputs.print_checks(_extract_or_fail(file, max_bytes), Console(highlight=False))


def main() -> None:
    """Entry point of the `pressfacts` console script."""
    app()


if __name__ == "__main__":
    main()
