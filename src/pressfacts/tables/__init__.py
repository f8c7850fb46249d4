"""Table grids -> facts: every number whose row label and column header both resolve.

`table_facts` reads each table of a document as blocks of header rows and
body rows (`grid`), resolves each value column to a period (`columns`,
`headers`, `fiscal`), each row label to a metric (`labels`) and the table's
scale (`scale`), emits one candidate per number (`extract`), settles scale,
competing rows and unadjusted repeats over the whole document (`select`),
tells the company's figures from its parts' (`conflicts`), and merges the
figures that repeat across tables (`dedupe`).
"""

from __future__ import annotations

from pressfacts.models import Document, Fact, ReleaseContext
from pressfacts.tables.conflicts import demote_foreign_tables, settle_untyped_eps, split_parts_within_tables
from pressfacts.tables.dedupe import dedupe
from pressfacts.tables.extract import candidates
from pressfacts.tables.select import calibrate_scales, drop_unadjusted_repeats, rank_headlines

__all__ = ["table_facts"]


def table_facts(document: Document, context: ReleaseContext) -> list[Fact]:
    """Every figure the document's tables state, one fact per metric, period, basis and value."""
    found = rank_headlines(calibrate_scales(candidates(document, context)))
    found = settle_untyped_eps(demote_foreign_tables(split_parts_within_tables(found)))
    return dedupe(drop_unadjusted_repeats(found))
