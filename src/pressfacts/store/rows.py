"""A release as rows of the store's tables: plain dicts keyed by column name.

One row per fact, for the three lists of the JSON contract (`kind` says which), with
the contract's nested fields flattened (`period_end`, `span_start`, `position_row`) so
that SQL over them reads naturally.
"""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal
from typing import Any

from pressfacts.models import CheckResult, Fact, Release
from pressfacts.store.schema import VALUE_SCALE

Row = dict[str, Any]

# Enough precision for DECIMAL(38, 12): quantizing a large value must not raise for lack of digits.
_CONTEXT = decimal.Context(prec=38, rounding=decimal.ROUND_HALF_EVEN)
_QUANTUM = Decimal(1).scaleb(-VALUE_SCALE)


def exact(value: Decimal | None) -> Decimal | None:
    """The value at the store's scale (Arrow refuses a decimal it would have to round).

    >>> exact(Decimal("16192592.59259259259259259260"))
    Decimal('16192592.592592592593')
    """
    return None if value is None else value.quantize(_QUANTUM, context=_CONTEXT)


def release_id(content_hash: str, exhibit: int) -> str:
    """Derived from the content alone, so that every run and every machine agrees on it."""
    return f"{content_hash[:32]}-{exhibit}"


def release_row(release: Release, *, content_hash: str, exhibit: int, source: str, size: int) -> Row:
    meta = release.document.meta
    return {
        "id": release_id(content_hash, exhibit),
        "content_hash": content_hash,
        "exhibit": exhibit,
        "exhibit_type": meta.exhibit_type,
        "source_path": source,
        "document": release.document.name,
        "company": release.company,
        "cik": release.cik,
        "ticker": release.ticker,
        "exchange": release.exchange,
        "release_date": release.release_date,
        "format": release.document.format,
        "size": size,
        "status": "ok" if release.facts else "no_facts",
    }


def no_release_row(name: str, *, content_hash: str, source: str, size: int) -> Row:
    """A submission without a release exhibit: stored so that the next run skips it too."""
    return {
        "id": release_id(content_hash, 0),
        "content_hash": content_hash,
        "exhibit": 0,
        "exhibit_type": None,
        "source_path": source,
        "document": name,
        "company": None,
        "cik": None,
        "ticker": None,
        "exchange": None,
        "release_date": None,
        "format": "submission",
        "size": size,
        "status": "no_release",
    }


def fact_rows(release: Release, rid: str) -> list[Row]:
    lists = (("fact", release.facts), ("unconfirmed", release.unconfirmed), ("derived", release.derived))
    return [fact_row(f, release, rid, kind, seq) for kind, facts in lists for seq, f in enumerate(facts)]


def fact_row(fact: Fact, release: Release, rid: str, kind: str, seq: int) -> Row:
    position = fact.position
    return {
        "release_id": rid,
        "kind": kind,
        "seq": seq,
        "id": fact.id,
        "metric": fact.metric,
        "value": exact(fact.value),
        "unit": fact.unit,
        "basis": fact.basis,
        "basis_note": fact.basis_note,
        "period_end": fact.period.end,
        "period_months": fact.period.months,
        "period_label": fact.period.label,
        "span_start": fact.span.start,
        "span_end": fact.span.end,
        "quote": release.document.quote(fact.span),
        "source": fact.source,
        "concept": fact.concept,
        "label": fact.label,
        "rule": fact.rule,
        "position_table": position.table if position else None,
        "position_row": position.row if position else None,
        "position_column": position.column if position else None,
        "also_at": [{"start": s.start, "end": s.end} for s in fact.also_at],
        "flags": list(fact.flags),
        "confidence": fact.confidence,
        "derived_from": list(fact.derived_from),
    }


def text_row(release: Release, rid: str) -> Row:
    return {"release_id": rid, "text": release.document.text}


def check_rows(checks: list[CheckResult], rid: str) -> list[Row]:
    return [
        {
            "release_id": rid,
            "seq": seq,
            "kind": c.kind,
            "status": c.status,
            "facts": list(c.facts),
            "expected": exact(c.expected),
            "actual": exact(c.actual),
            "tolerance": exact(c.tolerance),
            "detail": c.detail,
        }
        for seq, c in enumerate(checks)
    ]


def failure_row(path: str, content_hash: str | None, error: str) -> Row:
    return {"path": path, "content_hash": content_hash, "error": error, "failed_at": dt.datetime.now()}
