"""Table grids -> facts: every number whose row label and column header both resolve.

`table_facts` reads each table of a document as blocks of header rows and
body rows (`grid`), resolves each value column to a period (`columns`,
`headers`, `fiscal`), each row label to a metric (`labels`) and the table's
scale (`scale`), emits one candidate per number (`extract`), lets candidates
for one headline metric compete (`select`), and merges the figures that
repeat across tables (`dedupe`).
"""

from __future__ import annotations

from pressfacts.models import Document, Fact, ReleaseContext
from pressfacts.tables.extract import candidates

__all__ = ["table_facts"]


def table_facts(document: Document, context: ReleaseContext) -> list[Fact]:
    """Every figure the document's tables state, one fact per metric, period and basis."""
    return [c.fact for c in candidates(document, context)]
