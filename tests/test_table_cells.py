"""Cell numbers as tables print them. Examples from the corpus's statements (dev set)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pressfacts.tables.cells import parse_number, with_tail

# (cell text, value, kind); value None means "not a number".
CASES: list[tuple[str, str | None, str | None]] = [
    ("1,234", "1234", "amount"),
    ("$1,234", "1234", "amount"),
    ("$ 1,234", "1234", "amount"),
    ("(1,234)", "-1234", "amount"),
    ("$(1,234)", "-1234", "amount"),
    ("($1,234)", "-1234", "amount"),
    ("$ (0.12)", "-0.12", "amount"),
    ("(0.12)", "-0.12", "amount"),
    ("-0.12", "-0.12", "amount"),
    ("\u22120.12", "-0.12", "amount"),
    ("0.57", "0.57", "amount"),
    (".57", "0.57", "amount"),
    ("6,051\u00a0", "6051", "amount"),
    ("1,234(1)", "1234", "amount"),  # footnote mark
    ("1,234 (a)", "1234", "amount"),
    ("(0.24)*", "-0.24", "amount"),
    ("2,018\u00b9", "2018", "amount"),
    ("12.5%", "12.5", "percent"),
    ("12.5 %", "12.5", "percent"),
    ("(23)%", "-23", "percent"),
    ("(23%)", "-23", "percent"),
    ("\u2014", "0", "dash"),
    ("-", "0", "dash"),
    ("\u2013", "0", "dash"),
    ("--", "0", "dash"),
    ("$ \u2014", "0", "dash"),
    ("", None, None),
    ("   ", None, None),
    ("n/m", None, None),
    ("NM", None, None),
    ("*", None, None),
    ("Up 2%", None, None),
    ("Down 21%", None, None),
    (">100%", None, None),
    ("Revenue", None, None),
    ("2.5x", None, None),
    ("65)", None, None),  # the tail of a split "(65" | ")": read with its head
]


@pytest.mark.parametrize(("text", "value", "kind"), CASES)
def test_parse_number(text: str, value: str | None, kind: str | None) -> None:
    number = parse_number(text)
    if value is None:
        assert number is None
        return
    assert number is not None
    assert number.value == Decimal(value)
    assert number.kind == kind


def test_open_parenthesis_waits_for_its_close() -> None:
    number = parse_number("(65")
    assert number is not None
    assert number.value == -65
    assert number.open_only
    closed = with_tail(number, ")")
    assert not closed.open_only
    assert closed.value == -65


def test_percent_cell_after_number() -> None:
    number = parse_number("100.0")
    assert number is not None
    assert with_tail(number, "%").kind == "percent"


def test_decimals_are_kept_for_rounding() -> None:
    assert parse_number("720").decimals == 0  # type: ignore[union-attr]
    assert parse_number("1,796.7").decimals == 1  # type: ignore[union-attr]
    assert parse_number("$0.57").currency  # type: ignore[union-attr]
