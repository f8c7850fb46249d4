"""Where the shared corpus of real releases is, for tests that read it."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"


def corpus_dir() -> Path:
    """../shared/corpus beside the repo, or $PRESSFACTS_CORPUS."""
    default = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    return Path(os.environ.get("PRESSFACTS_CORPUS", default))


def require_corpus() -> Path:
    """The corpus folder; skips the calling test when it is absent."""
    corpus = corpus_dir()
    if not (corpus / "docs").is_dir():
        pytest.skip(f"corpus not found at {corpus}")
    return corpus


def gold(stem: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((require_corpus() / "gold" / f"{stem}.json").read_text())
    return loaded
