"""Query results as a readable table, CSV or JSON: one output option for every store command."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from typing import Any, Literal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pressfacts.outputs import number
from pressfacts.store.query import QueryResult

OutputFormat = Literal["table", "csv", "json"]


def render(result: QueryResult, fmt: OutputFormat, console: Console) -> None:
    if fmt == "csv":
        console.file.write(to_csv(result))
    elif fmt == "json":
        console.file.write(to_json(result) + "\n")
    else:
        console.print(to_table(result))


def text(value: Any) -> str:
    """A cell as text: decimals without the store's trailing zeros, NULL as empty.

    >>> text(Decimal("575000.000000000000")), text(Decimal("0.240000000000")), text(None)
    ('575000', '0.24', '')
    """
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, list):
        return "; ".join(text(v) for v in value)
    return str(value)


def to_table(result: QueryResult) -> Table:
    table = Table(show_lines=False)
    for column in result.columns:
        table.add_column(column, overflow="fold")
    for row in result.rows:
        # Text, not str: brackets in a quote or a flag are data, not rich markup.
        table.add_row(*(Text(text(v)) for v in row))
    return table


def to_csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([text(v) for v in row] for row in result.rows)
    return buffer.getvalue()


def to_json(result: QueryResult) -> str:
    return json.dumps(result.dicts(), indent=2, ensure_ascii=False, default=_json_value)


def _json_value(value: Any) -> Any:
    """Numbers as the output contract writes them; dates and times in ISO form."""
    if isinstance(value, Decimal):
        return number(value)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return str(value)
