"""The statements stage: what a release says beyond its figures.

Runs after the facts are reconciled and reads them (a one-time item names the
fact it was part of) without changing them. One module per kind of statement,
each with a `find(context)` that returns typed statements with spans into the
document's text; the words each kind is found by live in `vocabulary.toml`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pressfacts.models import Statement
from pressfacts.statements import contacts, customers, debt, one_time, outlook, quotes, sections
from pressfacts.statements.context import StatementContext, build_context

__all__ = ["FINDERS", "StatementContext", "build_context", "find_statements"]

# Every kind of statement, in the order its statements are listed when they start at one place.
FINDERS: Sequence[Callable[[StatementContext], Sequence[Statement]]] = (
    quotes.find,
    outlook.find,
    one_time.find,
    debt.find,
    customers.find,
    sections.find,
    contacts.find,
)


def find_statements(context: StatementContext) -> list[Statement]:
    """Every statement of a release, in text order."""
    found = [(s.span.start, order, s) for order, finder in enumerate(FINDERS) for s in finder(context)]
    return [s for _, _, s in sorted(found, key=lambda item: item[:2])]
