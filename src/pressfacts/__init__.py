"""pressfacts: structured, checked financial facts from earnings press releases."""

from pressfacts.models import Fact, Period, Release
from pressfacts.pipeline import extract, extract_all, extract_document, extract_text

__all__ = ["Fact", "Period", "Release", "extract", "extract_all", "extract_document", "extract_text"]
