"""The store: a corpus of releases, their facts and checks in one DuckDB file.

`Store(path).ingest(paths)` extracts in worker processes (or on a Dask cluster) and
merges in batches; `query`, `series` and `export` read it back. Tables and columns are
declared in `schema.py`.
"""

from pressfacts.store.api import Store
from pressfacts.store.browse import Filters, Page
from pressfacts.store.db import DEFAULT_DB, Ambiguous, NoMatch, StoreBusy, StoreError
from pressfacts.store.ingest import IngestStats
from pressfacts.store.query import QueryResult

__all__ = [
    "DEFAULT_DB",
    "Ambiguous",
    "Filters",
    "IngestStats",
    "NoMatch",
    "Page",
    "QueryResult",
    "Store",
    "StoreBusy",
    "StoreError",
]
