"""Releases as JSON, CSV, and readable tables: the output contract.

JSON: {"document", "company", "ticker", "exchange", "cik", "release_date", "facts": [...],
"statements": [...]};
each fact: id, metric, value (full units), unit, basis, basis_note, period
{end, months, label}, span {start, end} into the text `pressfacts text FILE`
prints, quote (that text), source (text | table), and the audit fields
concept, label, rule, position, also_at, flags. Each statement: kind, span, quote and
its own fields (see `statement_dict`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import fields
from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.table import Table as RichTable

from pressfacts.models import CheckResult, Fact, Period, Release, Span, Statement

CSV_FIELDS = [
    "document", "id", "metric", "value", "unit", "basis", "basis_note", "period_end", "period_months",
    "period_label", "source", "span_start", "span_end", "quote", "concept", "flags",
]  # fmt: skip


def number(value: Decimal) -> int | float:
    """A JSON number: an int when the value is whole, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


def span_dict(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end}


def fact_dict(fact: Fact, release: Release) -> dict[str, Any]:
    quote = release.document.quote(fact.span)
    return {
        "id": fact.id,
        "metric": fact.metric,
        "value": number(fact.value),
        "unit": fact.unit,
        "basis": fact.basis,
        "basis_note": fact.basis_note,
        "period": {
            "end": fact.period.end.isoformat(),
            "months": fact.period.months,
            "label": fact.period.label,
        },
        "span": span_dict(fact.span),
        "quote": quote,
        "source": fact.source,
        "concept": fact.concept,
        "label": fact.label,
        "rule": fact.rule,
        "position": _position(fact),
        "also_at": [span_dict(s) for s in fact.also_at],
        "flags": list(fact.flags),
        "confidence": fact.confidence,
        "derived_from": list(fact.derived_from),
    }


def _position(fact: Fact) -> dict[str, int] | None:
    if fact.position is None:
        return None
    return {"table": fact.position.table, "row": fact.position.row, "column": fact.position.column}


def release_dict(release: Release) -> dict[str, Any]:
    return {
        "document": release.document.name,
        "company": release.company,
        "ticker": release.ticker,
        "exchange": release.exchange,
        "cik": release.cik,
        "release_date": release.release_date.isoformat() if release.release_date else None,
        "facts": [fact_dict(f, release) for f in release.facts],
        "unconfirmed": [fact_dict(f, release) for f in release.unconfirmed],
        "derived": [fact_dict(f, release) for f in release.derived],
        "checks": [check_dict(c) for c in release.checks],
        "statements": [statement_dict(s, release) for s in release.statements],
    }


def statement_dict(statement: Statement, release: Release) -> dict[str, Any]:
    """A statement as JSON: kind, span and quote, then its own fields.

    A field holding a span gives its words and their place ("speaker": "W. Barry
    Gilbert", "speaker_span": {...}; "amount_text": "$1.7 million", "amount_span");
    a field holding spans (a quote's text) gives their words joined and the list of
    places. Words are given on one line: a text release's line breaks become spaces.
    """
    quote = release.document.quote
    out: dict[str, Any] = {
        "kind": statement.kind,
        "span": span_dict(statement.span),
        "quote": quote(statement.span),
    }
    for item in fields(statement):
        if item.name == "span":
            continue
        value = getattr(statement, item.name)
        if isinstance(value, Span):
            out[item.name] = _words(quote(value))
            out[f"{item.name.removesuffix('_text')}_span"] = span_dict(value)
        elif isinstance(value, tuple):
            out[item.name] = " ".join(_words(quote(s)) for s in value)
            out[f"{item.name}_spans"] = [span_dict(s) for s in value]
        elif value is None and str(item.type).startswith("Span"):
            out[item.name] = None
            out[f"{item.name.removesuffix('_text')}_span"] = None
        else:
            out[item.name] = _json_value(value)
    return out


def _words(text: str) -> str:
    """Text as one line: runs of white space (line breaks of a text release) made one space."""
    return " ".join(text.split())


def _json_value(value: object) -> Any:
    if isinstance(value, Decimal):
        return number(value)
    if isinstance(value, Period):
        return {"end": value.end.isoformat(), "months": value.months, "label": value.label}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def check_dict(check: CheckResult) -> dict[str, Any]:
    def num(value: Decimal | None) -> int | float | None:
        return None if value is None else number(value)

    return {
        "kind": check.kind,
        "status": check.status,
        "facts": list(check.facts),
        "expected": num(check.expected),
        "actual": num(check.actual),
        "tolerance": num(check.tolerance),
        "detail": check.detail,
    }


def print_checks(release: Release, console: Console) -> None:
    """The checks as a report: what passed, what failed and why, with the quotes."""
    facts = {f.id: f for f in (*release.facts, *release.unconfirmed)}
    colour = {"pass": "green", "fail": "red", "unknown": "yellow"}
    counts = {s: sum(c.status == s for c in release.checks) for s in colour}
    console.print(
        f"[bold]{release.document.name}[/bold]: " + ", ".join(f"{n} {s}" for s, n in counts.items())
    )
    for check in sorted(release.checks, key=lambda c: ("fail", "unknown", "pass").index(c.status)):
        console.print(f"[{colour[check.status]}]{check.status:7}[/] {check.kind}: {check.detail}")
        if check.status != "pass":
            for fact_id in check.facts:
                if fact_id in facts:
                    quote = " ".join(release.document.quote(facts[fact_id].span).split())
                    console.print(f"          {fact_id} {facts[fact_id].metric}: {quote!r}")


def to_json(release: Release) -> str:
    return json.dumps(release_dict(release), indent=2, ensure_ascii=False)


def to_csv(releases: list[Release]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for release in releases:
        for fact in release.facts:
            writer.writerow(_csv_row(fact, release))
    return buffer.getvalue()


def _csv_row(fact: Fact, release: Release) -> dict[str, Any]:
    return {
        "document": release.document.name,
        "id": fact.id,
        "metric": fact.metric,
        "value": number(fact.value),
        "unit": fact.unit,
        "basis": fact.basis,
        "basis_note": fact.basis_note or "",
        "period_end": fact.period.end.isoformat(),
        "period_months": fact.period.months,
        "period_label": fact.period.label,
        "source": fact.source,
        "span_start": fact.span.start,
        "span_end": fact.span.end,
        "quote": " ".join(release.document.quote(fact.span).split()),
        "concept": fact.concept or "",
        "flags": "; ".join(fact.flags),
    }


def print_table(release: Release, console: Console, headline_only: bool = False) -> None:
    """A readable table of a release's facts."""
    title = " · ".join(
        str(x) for x in (release.company, release.ticker, release.release_date, release.document.name) if x
    )
    table = RichTable(title=title, show_lines=False)
    for column in ("metric", "period", "value", "basis", "source", "quote"):
        table.add_column(column, overflow="fold")
    for fact in release.facts:
        if headline_only and fact.concept is None and fact.source == "table" and "_" in fact.metric:
            continue
        note = f" ({fact.basis_note})" if fact.basis_note else ""
        flag = " [red]⚑[/red]" if fact.flags else ""
        table.add_row(
            fact.metric,
            f"{fact.period.label} ({fact.period.end}, {fact.period.months}m)",
            f"{number(fact.value):,}",
            f"{fact.basis}{note}",
            fact.source,
            " ".join(release.document.quote(fact.span).split()) + flag,
        )
    console.print(table)
    if release.statements:
        print_statements(release, console)


STATEMENT_QUOTE_MAX = 90


def print_statements(release: Release, console: Console) -> None:
    """The statements as a second table: kind, what each says, and the words it was read from."""
    table = RichTable(title=f"statements · {release.document.name}", show_lines=False)
    for column in ("kind", "what", "quote"):
        table.add_column(column, overflow="fold")
    for statement in release.statements:
        row = statement_dict(statement, release)
        what = "; ".join(
            f"{k}={_short(v)}"
            for k, v in row.items()
            if k not in ("kind", "span", "quote")
            and not k.endswith(("_span", "_spans"))
            and v not in (None, False)
        )
        table.add_row(row["kind"], what, _short(_words(row["quote"])))
    console.print(table)


def _short(value: object) -> str:
    if isinstance(value, dict) and "label" in value:
        return str(value["label"])
    text = f"{value:,}" if isinstance(value, int | float) and not isinstance(value, bool) else str(value)
    return text if len(text) <= STATEMENT_QUOTE_MAX else text[: STATEMENT_QUOTE_MAX - 1] + "…"


def explain_fact(fact: Fact, release: Release) -> str:
    """How a fact was found: its rule, the words it used, its quote and flags."""
    quote = release.document.quote
    words = "; ".join(repr(" ".join(quote(s).split())) for s in fact.evidence)
    lines = [
        f"[bold]{fact.id} {fact.metric}[/bold] = {number(fact.value):,} {fact.unit} · {fact.period.label}"
        f" ({fact.period.end}, {fact.period.months}m) · {fact.basis}"
        + (f" ({fact.basis_note})" if fact.basis_note else ""),
        f"  rule:   {fact.rule}",
        f"  quote:  {' '.join(quote(fact.span).split())!r} at {fact.span.start}-{fact.span.end} ({fact.source})",
    ]
    if words:
        lines.append(f"  words:  {words}")
    if fact.also_at:
        lines.append("  also:   " + "; ".join(repr(" ".join(quote(s).split())) for s in fact.also_at))
    lines.extend(f"  [red]flag:[/red]   {flag}" for flag in fact.flags)
    return "\n".join(lines)
