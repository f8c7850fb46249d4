"""The pipeline, stage by stage: read -> document -> mentions -> periods -> facts -> statements.

`extract` is the library's front door; the CLI, the batch tools and the
service all call it (or `extract_document` for a document already built).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from pressfacts import cues
from pressfacts.checks import run_checks
from pressfacts.context import find_identity, find_release_date, infer_calendar
from pressfacts.document import build_documents, load_documents, text_document
from pressfacts.errors import InputError
from pressfacts.mentions import find_mentions
from pressfacts.metrics import find_metric_phrases
from pressfacts.models import Document, Mention, Release, ReleaseContext, Span
from pressfacts.periods import Calendar, PeriodRef, find_period_refs
from pressfacts.prose import ProseTokens, Reader
from pressfacts.reconcile import reconcile
from pressfacts.sentences import split_sentences
from pressfacts.statements import build_context, find_statements
from pressfacts.tables import table_facts

Source = str | os.PathLike[str] | bytes
PROSE_BLOCKS = frozenset({"paragraph", "heading", "list_item", "pre"})


def extract(
    source: Source, *, max_bytes: int = 20_000_000, checks: bool = True, statements: bool = True
) -> Release:
    """The release in a file (a path) or in memory (bytes): its first release exhibit.

    A submission file with several release exhibits gives the first; use
    `extract_all` for every one. An input with no release gives an empty one.
    `checks=False` skips the checks stage, `statements=False` the statements
    (quotes, outlook, ...): for bulk runs that want the facts alone.
    """
    releases = extract_all(source, max_bytes=max_bytes, checks=checks, statements=statements)
    if not releases:
        name = Path(os.fsdecode(source)).name if not isinstance(source, bytes) else "release"
        return Release(document=Document(name, "", "text"), facts=[])
    return releases[0]


def extract_all(
    source: Source, *, max_bytes: int = 20_000_000, checks: bool = True, statements: bool = True
) -> list[Release]:
    """Every release in a file or in memory (a submission may hold several exhibits)."""
    if isinstance(source, bytes):
        if len(source) > max_bytes:
            raise InputError(f"input is {len(source):,} bytes, over the limit of {max_bytes:,}")
        documents = build_documents(source, "release")
    else:
        documents = load_documents(source, max_bytes=max_bytes)
    return [extract_document(d, checks=checks, statements=statements) for d in documents]


def extract_text(
    text: str, name: str = "release.txt", *, checks: bool = True, statements: bool = True
) -> Release:
    """A release given as text already in memory (no file I/O)."""
    return extract_document(text_document(name, text), checks=checks, statements=statements)


def extract_document(document: Document, *, checks: bool = True, statements: bool = True) -> Release:
    """Facts of one document: prose facts and table facts, reconciled, then checked; then its statements."""
    release_date = find_release_date(document.text, document.meta)
    regions = prose_regions(document)
    refs = find_period_refs(document.text, regions)
    calendar = infer_calendar(refs, release_date)
    reader = read_prose(document, calendar, refs, regions)
    # Unstated, the year is the calendar year, as in the prose; the tables rank their own evidence first.
    context = ReleaseContext(release_date=release_date, fiscal_year_end=calendar.fiscal_year_end)
    facts, unconfirmed = reconcile(reader.facts, table_facts(document, context))
    facts.sort(key=lambda f: f.span.start)
    for number, fact in enumerate(facts, 1):
        fact.id = f"f{number}"
    for number, fact in enumerate(unconfirmed, 1):
        fact.id = f"u{number}"
    identity = find_identity(document.text, document.meta)
    release = Release(
        document=document,
        facts=facts,
        unconfirmed=unconfirmed,
        parts=reader.parts,
        comparisons=reader.comparisons,
        company=identity.company,
        ticker=identity.ticker,
        exchange=identity.exchange,
        cik=document.meta.cik,
        release_date=release_date,
    )
    if checks:
        run_checks(release)
    if not statements:
        return release
    release.statements = find_statements(
        build_context(
            document, regions, calendar, refs, facts=facts, parts=reader.parts, release_date=release_date,
            company=identity.company, ticker=identity.ticker, sentences=reader.sentences,
        )
    )  # fmt: skip
    return release


def read_prose(
    document: Document, calendar: Calendar, refs: Sequence[PeriodRef], regions: Sequence[Span]
) -> Reader:
    """The release's sentences read (tables excluded): facts, parts and stated changes."""
    text = document.text
    mentions = find_mentions(text, regions)
    sentences = [s for region in regions for s in split_sentences(text, region)]
    # Metric names and cues matter only where there are figures to read them with.
    near = near_figures(text, regions, sentences, mentions)
    tokens = ProseTokens(
        mentions=mentions,
        phrases=find_metric_phrases(text, near),
        refs=refs,
        qualifiers=cues.find_qualifiers(text, near),
        compares=cues.find_compare_markers(text, near),
    )
    reader = Reader(text, tokens, calendar, running=calendar.current)
    reader.sentences = sentences
    for sentence in sentences:
        reader.read(sentence)
    return reader


# How far around a sentence with figures its metric names and cues are looked for: the sentence
# before it (whose last metric a "This compares to ..." takes up), and what a figure's
# "of last year's income" reaches past its sentence's end.
NEAR_REACH = 200


def near_figures(
    text: str, regions: Sequence[Span], sentences: Sequence[Span], mentions: Sequence[Mention]
) -> list[Span]:
    """The parts of `regions` within reach of a sentence that states a figure, merged, in order."""
    figures = [m.span.start for m in mentions if m.kind in ("amount", "per_share")]
    spans: list[Span] = []
    k = 0
    for i, sentence in enumerate(sentences):
        while k < len(figures) and figures[k] < sentence.start:
            k += 1
        if k == len(figures) or figures[k] >= sentence.end:
            continue
        before = sentences[i - 1].start if i else sentence.start
        lo, hi = max(0, min(before, sentence.start - NEAR_REACH)), sentence.end + NEAR_REACH
        if spans and lo <= spans[-1].end:
            spans[-1] = Span(spans[-1].start, max(spans[-1].end, hi))
        else:
            spans.append(Span(lo, hi))
    return _intersection(regions, spans)


def _intersection(regions: Sequence[Span], spans: Sequence[Span]) -> list[Span]:
    """The parts of `regions` inside `spans` (both in text order, apart)."""
    found = []
    i = j = 0
    while i < len(regions) and j < len(spans):
        lo, hi = max(regions[i].start, spans[j].start), min(regions[i].end, spans[j].end)
        if lo < hi:
            found.append(Span(lo, hi))
        if regions[i].end <= spans[j].end:
            i += 1
        else:
            j += 1
    return found


def prose_regions(document: Document) -> list[Span]:
    """The parts of the text to read as sentences: every block but tables."""
    blocks = [b.span for b in document.blocks if b.kind in PROSE_BLOCKS]
    if blocks or document.blocks:
        return blocks
    return [Span(0, len(document.text))]
