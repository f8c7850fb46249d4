"""How precise a stated figure is: the half unit of its last written digit."""

from __future__ import annotations

from decimal import Decimal


def half_unit(value: Decimal) -> Decimal:
    """Half the unit of the last significant digit as written.

    "$9.1 million" is 9.1E+6: precise to 50,000. A table figure in thousands,
    35,021,000,000 with its exponent lost, is read from its trailing zeros
    (capped at a million, so a round figure is not treated as vaguer than it is).

    >>> half_unit(Decimal("9.1E+6")), half_unit(Decimal("0.07")), half_unit(Decimal("35021000000"))
    (Decimal('5E+4'), Decimal('0.005'), Decimal('5E+5'))
    """
    written = value.as_tuple().exponent
    if not isinstance(written, int):
        return Decimal(0)
    exponent: int = written
    if abs(value) >= 1000 and value == value.to_integral_value() and exponent <= 0:
        # A table figure in thousands or millions comes without its written exponent:
        # read the precision from its trailing zeros, at most a million.
        digits = str(abs(int(value)))
        exponent = min(len(digits) - len(digits.rstrip("0")), 6)
    return Decimal(5).scaleb(exponent - 1)
