"""Schemathesis against the service's own OpenAPI document, in process (ASGI).

Requests are generated from the spec, valid and invalid ones, a bounded number per
operation; the check that matters is that none gets a 500, and every answer is as the
spec says (status codes, content types, bodies).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection

from pressfacts.service import create_app
from tests.servicedata import seeded_store

# Enough to reach every branch the spec allows, small enough that the module runs in seconds;
# PRESSFACTS_SCHEMA_EXAMPLES=1000 digs deeper by hand.
EXAMPLES = int(os.environ.get("PRESSFACTS_SCHEMA_EXAMPLES", "40"))

# Schemathesis reads the spec when the module is collected, so the app exists from then on;
# its store is an empty file until the fixture below fills it, and goes with the module.
_FOLDER = tempfile.TemporaryDirectory(prefix="pressfacts-schema-")
DB = Path(_FOLDER.name) / "store.duckdb"
# A small body limit, so that generated bodies meet it too.
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(DB, max_body=64_000))


@pytest.fixture(scope="module", autouse=True)
def seeded() -> Iterator[None]:
    seeded_store(DB)
    yield
    _FOLDER.cleanup()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_the_api_answers_as_its_spec_says(case: schemathesis.Case[Any]) -> None:
    excluded = []
    if case.operation.method.upper() == "POST":
        # A text body is a string on the wire whatever was generated ("{}" for an object):
        # the "wrong type" bodies of negative testing are valid text there.
        excluded.append(negative_data_rejection)
    case.call_and_validate(excluded_checks=excluded)
