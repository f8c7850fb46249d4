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

from pressfacts import outputs, store
from pressfacts.document import load_documents
from pressfacts.errors import PressfactsError
from pressfacts.models import Release
from pressfacts.pipeline import extract
from pressfacts.store import progress as store_progress
from pressfacts.store import render as store_render

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


# --------------------------------------------------------------------------- the store

DbOption = Annotated[Path, typer.Option("--db", help="the store's DuckDB file")]


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[str], typer.Argument(help="files, folders (recursively), globs, .zip/.tar(.gz) archives")
    ],
    db: DbOption = Path(store.DEFAULT_DB),
    workers: Annotated[int | None, typer.Option(min=1, help="worker processes (default: every core)")] = None,
    dask: Annotated[
        str | None, typer.Option(help="run on a Dask cluster: its scheduler address, or 'local'")
    ] = None,
    parquet_dir: Annotated[
        Path | None,
        typer.Option(help="shared folder for the Dask workers' Parquet files (default: beside --db)"),
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="releases committed per transaction")] = 256,
    max_bytes: Annotated[int, typer.Option(help=MAX_BYTES_HELP)] = 20_000_000,
) -> None:
    """Extract releases into the store, skipping those it holds; failures go to its `failures` table.

    Example: pressfacts ingest releases/ filings.tar.gz --db corpus.duckdb
    """
    try:
        stats = store.Store(db).ingest(
            paths,
            workers=workers,
            progress=True,
            dask=dask,
            parquet_dir=parquet_dir,
            batch_size=batch_size,
            max_bytes=max_bytes,
        )
    except PressfactsError as error:
        raise _fail(str(error)) from None
    print(store_progress.summary(stats))


@app.command("query")
def query_command(
    sql: Annotated[str, typer.Argument(help="SQL over the tables releases, facts, checks, failures")],
    db: DbOption = Path(store.DEFAULT_DB),
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="output format")] = QueryFormat.table,
) -> None:
    """Run SQL on the store, read-only: a statement that would change it is refused.

    Example: pressfacts query "SELECT metric, count(*) FROM facts GROUP BY metric" --format csv
    """
    try:
        result = store.Store(db).query(sql)
    except PressfactsError as error:
        raise _fail(str(error)) from None
    store_render.render(result, format.value, Console())


@app.command("series")
def series_command(
    company: Annotated[str, typer.Argument(help="a ticker, a CIK, or part of the company's name")],
    metric: Annotated[str, typer.Option(help="revenue, net_income, eps_diluted, ...")] = "revenue",
    basis: Annotated[str, typer.Option(help="gaap or non_gaap")] = "gaap",
    months: Annotated[int | None, typer.Option(help="only periods of this length (3, 6, 9, 12)")] = None,
    db: DbOption = Path(store.DEFAULT_DB),
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="output format")] = QueryFormat.table,
) -> None:
    """A metric over every stored period of a company; for each period the latest release wins.

    Example: pressfacts series NVDA --metric revenue --months 3
    """
    try:
        result = store.Store(db).series(company, metric, basis, months)
    except PressfactsError as error:
        raise _fail(str(error)) from None
    store_render.render(result, format.value, Console())


@app.command("export")
def export_command(
    out: Annotated[Path, typer.Option(help="folder to write <table>.parquet or <table>.csv into")],
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="file format")
    ] = ExportFormat.parquet,
    db: DbOption = Path(store.DEFAULT_DB),
) -> None:
    """Write every table of the store (releases, facts, checks, failures) to files.

    Example: pressfacts export --format parquet --out corpus-export/
    """
    try:
        written = store.Store(db).export(out, format.value)
    except PressfactsError as error:
        raise _fail(str(error)) from None
    for path in written:
        print(path)


# --------------------------------------------------------------------------- the service


@app.command("serve")
def serve_command(
    db: DbOption = Path(store.DEFAULT_DB),
    host: Annotated[str, typer.Option(help="address to listen on (loopback only by default)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="port to listen on")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(envvar="PRESSFACTS_TOKEN", help="require 'Authorization: Bearer TOKEN' under /api"),
    ] = None,
    max_body: Annotated[
        int, typer.Option(min=1, help="refuse request bodies larger than this (413)")
    ] = 20_000_000,
    workers: Annotated[int, typer.Option(min=1, help="worker processes")] = 1,
    log_level: Annotated[str, typer.Option(help="uvicorn's log level: info, warning, error")] = "info",
) -> None:
    """Serve the HTTP API under /api and the web page at / over the store.

    Example: pressfacts serve --db corpus.duckdb --port 8000 --workers 2
    """
    from pressfacts.service.server import serve  # FastAPI and uvicorn load for this command only

    try:
        serve(db, host=host, port=port, token=token, max_body=max_body, workers=workers, log_level=log_level)
    except PressfactsError as error:
        raise _fail(str(error)) from None


def main() -> None:
    """Entry point of the `pressfacts` console script."""
    app()


if __name__ == "__main__":
    main()
