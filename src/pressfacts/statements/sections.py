"""Standard sections: the forward-looking statements paragraph and the company description.

Found block by block (a flattened text is one block, so within a block by sentence):
- forward-looking: the first block of some length with a cue ("forward-looking
  statements", "safe harbor") and a risk word, from its cue sentence; with the heading
  before it, and the blocks after it that carry on (bullets, clauses ending in ";",
  paragraphs about risks: Microsoft's list);
- about: "About <Company>" as a heading over a paragraph, as the first line of one, or
  inline ("About Dynasil: Founded in 1960, ..."); failing that, the paragraph that says
  what the company is ("IEC is a full service, ISO-9001 registered EMS provider.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pressfacts.models import Section, Span
from pressfacts.statements.context import StatementContext
from pressfacts.statements.vocabulary import alternation, keywords, words, words_scan

FLS_SCAN = words_scan(words("sections", "forward_looking"))
FLS_KEYWORDS = keywords("sections", "forward_looking")
RISK_SCAN = words_scan(words("sections", "risk"))
RISK_KEYWORDS = keywords("sections", "risk")
CARRY_ON_SCAN = words_scan(words("sections", "carry_on"))
CONTACT_RE = re.compile(rf"\s{{0,3}}{alternation(words('sections', 'contact_headings'))}\s{{0,3}}:", re.I)
FLS_HEADING_RE = re.compile(
    r"[^\n]{0,30}(?:forward[\s-]{1,2}looking|safe\s{1,3}harbor|cautionary)[^\n]{0,40}$", re.I
)
# "About Sears", "About Cree, Inc.", "About nVent", "About Dynasil: Founded in 1960, ...".
ABOUT_RE = re.compile(r"About\s{1,3}(?:the\s{1,3})?[A-Za-z][^\n:]{0,60}?(?::\s|\s{0,3}\n|\s{0,3}$)")
BULLET_RE = re.compile(r"\s{0,3}[•·\-*o]?\s{0,3}")
# "Founded in 1960, Dynasil is ...": words before the name; each space after the comma may end them.
FOUNDED_RE = re.compile(r"Founded\s{1,3}in\s{1,3}\d{4},(?P<gap>\s{1,3})")
# What follows the company's name in a paragraph that says what the company is: " is a full service ...".
IS_WHAT_RE = re.compile(r"\b[^\n]{0,80}?\s(?:is|are)\s{1,3}(?:a|an|the|one)\b")
MIN_SECTION = 150
MIN_BODY = 40
LEAD_SENTENCES = 3
HEADING_MAX = 80


def find(ctx: StatementContext) -> list[Section]:
    """The forward-looking statements section and the company description, when found."""
    found = [s for s in (_forward_looking(ctx), _about(ctx)) if s is not None]
    return sorted(found, key=lambda s: s.span.start)


def _forward_looking(ctx: StatementContext) -> Section | None:
    text, regions = ctx.text, ctx.regions
    for i in ctx.regions_holding(FLS_KEYWORDS):
        region = regions[i]
        if region.end - region.start < MIN_SECTION or not _risky(ctx, regions[i : i + 2]):
            continue
        sentences = ctx.sentences_in(region)
        at = next((k for k, s in enumerate(sentences) if _cued(ctx, s)), None)
        if at is None:
            continue
        cue = sentences[at]
        # "This release contains guidance ... These statements are forward-looking": the whole
        # paragraph; deep in a flattened text, from the cue sentence on.
        start = region.start if at < LEAD_SENTENCES else cue.start
        heading = _heading_before(text, regions, i) if start == region.start else None
        start = heading.start if heading else start
        end = _carry_on(text, regions, i, _section_end(ctx, region, cue.end))
        return Section(Span(start, end), "forward_looking", heading)
    return None


def _cued(ctx: StatementContext, sentence: Span) -> bool:
    """A forward-looking cue in the sentence (its keywords are looked for first: far cheaper)."""
    return (
        ctx.holds(FLS_KEYWORDS, sentence)
        and FLS_SCAN.search(ctx.text, sentence.start, sentence.end) is not None
    )


def _risky(ctx: StatementContext, blocks: Sequence[Span]) -> bool:
    """A risk word in the cue's block or the next ("This press release contains forward-looking
    statements." then "Forward-looking statements involve inherent risks ...": mdc); its
    keywords are looked for first."""
    return any(ctx.holds(RISK_KEYWORDS, b) and RISK_SCAN.search(ctx.text, b.start, b.end) for b in blocks)


def _heading_before(text: str, regions: Sequence[Span], i: int) -> Span | None:
    """ "Forward-Looking Statements" standing alone before the paragraph."""
    if i == 0:
        return None
    before = regions[i - 1]
    words_ = text[before.start : before.end]
    if len(words_) <= HEADING_MAX and FLS_HEADING_RE.match(words_):
        return before
    return None


def _section_end(ctx: StatementContext, region: Span, after: int, fls: bool = False) -> int:
    """The block's end, or where another section starts inside it (a flattened text)."""
    text = ctx.text
    for sentence in ctx.sentences_in(Span(after, region.end)):
        starts = ABOUT_RE.match(text, sentence.start) or CONTACT_RE.match(text, sentence.start)
        if starts or (fls and FLS_SCAN.search(text, sentence.start, sentence.end)):
            return _trim(text, region.start, sentence.start)
    return region.end


def _carry_on(text: str, regions: Sequence[Span], i: int, end: int) -> int:
    """The end of the blocks after a section's block that belong with it."""
    if end != regions[i].end:
        return end
    for region in regions[i + 1 :]:
        words_ = text[region.start : region.end]
        if CONTACT_RE.match(words_) or ABOUT_RE.match(words_) or not _continues(words_):
            break
        end = region.end
    return end


def _continues(words_: str) -> bool:
    """A bullet, a clause of a list ("quality or supply problems;"), a paragraph about risks."""
    if BULLET_RE.fullmatch(words_) or words_[0].islower() or words_.rstrip().endswith(";"):
        return True
    sentence = len(words_) > HEADING_MAX or words_.rstrip()[-1:] in (".", ":")
    return CARRY_ON_SCAN.search(words_) is not None and sentence


def _about(ctx: StatementContext) -> Section | None:
    text, regions = ctx.text, ctx.regions
    for i, region in enumerate(regions):
        for sentence in ctx.sentences_in(region):
            heading = ABOUT_RE.match(text, sentence.start)
            if heading is None:
                continue
            section = _about_at(ctx, regions, i, Span(heading.start(), heading.end()))
            if section is not None:
                return section
    return _described(ctx)


def _about_at(ctx: StatementContext, regions: Sequence[Span], i: int, heading: Span) -> Section | None:
    """The description under an "About X" heading: the rest of its block, else the next block."""
    text, region = ctx.text, regions[i]
    title = Span(heading.start, _trim(text, heading.start, heading.end))
    if region.end - heading.end >= MIN_BODY:
        end = _section_end(ctx, region, heading.end, fls=True)
        return Section(Span(heading.start, end), "about", title)
    if heading.end >= _trim(text, region.start, region.end) and i + 1 < len(regions):
        body = regions[i + 1]
        if body.end - body.start >= MIN_BODY:
            return Section(Span(heading.start, body.end), "about", title)
    return None


def _described(ctx: StatementContext) -> Section | None:
    """A paragraph that starts by saying what the company is: "IEC is a full service ..."."""
    names = [n for n in (ctx.ticker, (ctx.company or "").split(" ")[0]) if n]
    if not names:
        return None
    for region in ctx.regions[1:]:
        if region.end - region.start >= MIN_BODY and _says_what(ctx.text, region.start, names):
            return Section(region, "about", None)
    return None


def _says_what(text: str, start: int, names: Sequence[str]) -> bool:
    """Whether the words at `start` are one of the names, perhaps after "Founded in <year>,", then
    what the company is. Literal names are looked for in place: a pattern holding them would be
    compiled anew for each release."""
    founded = FOUNDED_RE.match(text, start)
    starts = [start, *(range(founded.start("gap") + 1, founded.end() + 1) if founded else ())]
    return any(
        text.startswith(name, at) and IS_WHAT_RE.match(text, at + len(name))
        for at in starts
        for name in names
    )


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n:":
        end -= 1
    return end
