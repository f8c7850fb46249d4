"""Customers gained or lost, as stated: "added three new customers", "the loss of ... Motorola".

Two rules, each a pattern with a small resolve step:
- gained: a gain verb, a count (digits or a number word, perhaps "over"), "new", a
  customer noun ("IEC has added three new customers", "We added over 110 net new clients");
- lost: a loss word, then within a few words a customer noun, then the customer's
  name when one is given ("the previously reported loss of one of the Company's
  largest accounts in Motorola").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pressfacts.dates import number_of
from pressfacts.models import CustomerEvent, Span
from pressfacts.statements.context import StatementContext
from pressfacts.statements.vocabulary import alternation, keywords, words, words_scan

NOUN = alternation(words("customers", "nouns"))
COUNT = r"(?P<count>\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s{1,3}number\s{1,3}of)"
GAINED_RE = re.compile(
    rf"\b{alternation(words('customers', 'gained'))}\s{{1,3}}(?P<q>over\s{{1,3}}|more\s{{1,3}}than\s{{1,3}})?{COUNT}"
    rf"\s{{1,3}}(?:net\s{{1,3}})?new\s{{1,3}}{NOUN}\b",
    re.I,
)
LOST_RE = re.compile(
    rf"(?:\b(?:the\s{{1,3}})?(?:previously\s{{1,3}}(?:reported|announced|disclosed)\s{{1,3}})?)?"
    rf"\b{alternation(words('customers', 'lost'))}\s{{1,3}}[^.;:$]{{0,60}}?\b{NOUN}\b"
    r"(?:\s{1,3}(?:in|,)\s{1,3}(?P<name>(?-i:[A-Z])[\w&\-]{1,30}(?:\.[\w\-]{1,10})?(?:\s{1,3}(?-i:[A-Z])[\w&\-]{1,30}){0,3}))?",
    re.I,
)
SKIP_SCAN = words_scan(words("sections", "forward_looking"))
SKIP_KEYWORDS = keywords("sections", "forward_looking")
EVENT_KEYWORDS = (*keywords("customers", "gained"), *keywords("customers", "lost"))
NOUN_SCAN = words_scan(words("customers", "nouns"))
NOUN_KEYWORDS = keywords("customers", "nouns")


def find(ctx: StatementContext) -> list[CustomerEvent]:
    """Every customer gained or lost that the release states, in text order."""
    found: list[CustomerEvent] = []
    for sentence in ctx.value_sentences_holding(NOUN_KEYWORDS):
        if _may_state_events(ctx, sentence):
            found.extend(sorted(_events(ctx.text, sentence), key=lambda e: e.phrase.start))
    return found


def _may_state_events(ctx: StatementContext, sentence: Span) -> bool:
    """A gain or loss word and a customer noun, outside the forward-looking statements.

    The keywords are looked for before each pattern: far cheaper, and most sentences have none.
    """
    text, start, end = ctx.text, sentence.start, sentence.end
    if not ctx.holds(EVENT_KEYWORDS, sentence) or not NOUN_SCAN.search(text, start, end):
        return False
    return not (ctx.holds(SKIP_KEYWORDS, sentence) and SKIP_SCAN.search(text, start, end))


def _events(text: str, sentence: Span) -> Iterator[CustomerEvent]:
    for match in GAINED_RE.finditer(text, sentence.start, sentence.end):
        count = number_of(match.group("count")) if match.group("count")[0].isalnum() else None
        qualifier = " ".join(match.group("q").split()) if match.group("q") else None
        yield CustomerEvent(sentence, "gained", _span(match), None, count, qualifier)
    for match in LOST_RE.finditer(text, sentence.start, sentence.end):
        name = Span(match.start("name"), match.end("name")) if match.group("name") else None
        yield CustomerEvent(sentence, "lost", _span(match), name, None)


def _span(match: re.Match[str]) -> Span:
    return Span(match.start(), match.end())
