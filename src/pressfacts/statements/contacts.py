"""The contact block: each person (or desk) with a name, title, phone and email.

A block opens with a heading ("Contact:", "Media Contacts", "For more information,
press only:"); its body is the rest of that block, or the short blocks after a
heading that stands alone, and ends with its last phone number or email address.
The body is cut into chunks at line breaks, commas and labels ("Phone:"); a chunk
is a phone, an email, a name (two to four capitalised words), a title (a chunk
with a title word: "Marketing Communications Specialist", "Investor Relations"),
or a name and title run together ("John Kane President and CEO Dynasil ...").
A new name starts a new person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from pressfacts.models import Contact, Span
from pressfacts.scan import skipping, spans
from pressfacts.statements.context import StatementContext
from pressfacts.statements.vocabulary import alternation, keywords, words

HEADING = alternation(words("sections", "contact_headings"))
# A heading alone on its line or block ("Media Contacts"), or ending in a colon anywhere ("Contact:").
HEADING_RE = re.compile(rf"(?m:^)[ \t]{{0,8}}{HEADING}[ \t]{{0,3}}(?::|$)|\b{HEADING}[ \t]{{0,3}}:", re.I)
HEADING_KEYWORDS = keywords("sections", "contact_headings")
# A heading is a few words: its keyword stands well within this many characters of its start
# (the longest the vocabulary allows, "Financial Relations and <word> Contacts" spaced out, about 60).
HEADING_REACH = 200
PHONE_RE = re.compile(r"(?<!\d)(?:\+?1[\s.\-]{1,2})?\(?\d{3}\)?[\s.\-]{0,2}\d{3}[\s.\-]\d{4}(?!\d)")
# The same, in the form the engine skips to a "+", "(" or digit with (it starts with an assertion).
PHONE_SCAN = skipping(r"+(0-9", PHONE_RE.pattern)
EMAIL_LOCAL_MAX = 64
EMAIL_RE = re.compile(rf"[\w.+\-]{{1,{EMAIL_LOCAL_MAX}}}@[\w\-]{{1,63}}(?:\.[\w\-]{{1,63}}){{1,5}}")
CUT_RE = re.compile(
    r"\n|,|;|\||\b(?:Phone|Tel|Telephone|E-?mail|Fax|Mobile|Office|Cell)\s{0,3}[:.]?(?=\s)", re.I
)
TITLE_WORDS = frozenset(words("quote", "title_words")) | frozenset(words("sections", "contact_titles"))
ORGANISATION_WORDS = frozenset(words("sections", "organisation_words"))
TOKEN_RE = re.compile(r"[^\s]{1,40}")
NOTE_RE = re.compile(r"\s{0,3}(?:note|about|source)\b", re.I)
BODY_MAX = 400
FOLLOWING_BLOCKS = 8
SHORT_BLOCK = 150
REACH = 200


@dataclass(slots=True)
class Person:
    name: Span | None = None
    title: Span | None = None
    phone: Span | None = None
    email: Span | None = None
    parts: list[Span] = field(default_factory=list)

    def contact(self) -> Contact:
        return Contact(
            Span(self.parts[0].start, self.parts[-1].end), self.name, self.title, self.phone, self.email
        )


def find(ctx: StatementContext) -> list[Contact]:
    """Every person of the release's contact blocks, in text order."""
    found: list[Contact] = []
    read_to = 0
    for region in (ctx.regions[i] for i in ctx.regions_holding(HEADING_KEYWORDS)):
        for heading in _headings(ctx, region):
            body = _body(ctx, region, heading.end()) if heading.start() >= read_to else None
            if body is not None:
                found.extend(_people(ctx.text, body, _company_word(ctx)))
                read_to = body.end
    return found


def _headings(ctx: StatementContext, region: Span) -> Iterator[re.Match[str]]:
    """The headings of a block, as `HEADING_RE.finditer` would find them, in text order.

    The pattern is slow to run over a whole block; each heading holds a keyword, so the
    next one starts at most `HEADING_REACH` before the next keyword, and it is searched from there.
    """
    at = region.start
    while (keyword := _next_keyword(ctx.lowered, at, region.end)) is not None:
        heading = HEADING_RE.search(ctx.text, max(at, keyword - HEADING_REACH), region.end)
        if heading is None:
            return
        yield heading
        at = heading.end()


def _next_keyword(lowered: str, start: int, end: int) -> int | None:
    """Where the first heading keyword in [start, end) of the lowered text starts."""
    places = [lowered.find(keyword, start, end) for keyword in HEADING_KEYWORDS]
    return min((place for place in places if place >= 0), default=None)


def _company_word(ctx: StatementContext) -> str:
    return (ctx.company or "").split(" ")[0].strip(",").lower()


def _body(ctx: StatementContext, region: Span, start: int) -> Span | None:
    """The words after a heading, to the last phone or email that follows close on."""
    text = ctx.text
    end = min(region.end, start + BODY_MAX)
    if not text[start:end].strip():
        for block in ctx.regions_after(region.end, FOLLOWING_BLOCKS):
            if block.end - block.start > SHORT_BLOCK or HEADING_RE.match(text, block.start, block.end):
                break
            if NOTE_RE.match(text, block.start, block.end):
                break  # "NOTE TO EDITORS: ... call Apple's Media Helpline at (408) 974-2042"
            end = block.end
    end = min(end, start + BODY_MAX)
    last = start
    for found_start, found_end in sorted(_phones_and_emails(text, start, end), key=lambda found: found[0]):
        if found_start - last <= REACH or last == start:
            last = max(last, found_end)
    return Span(start, last) if last > start else None


def _phones_and_emails(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of the phones in [start, end), then of the emails, as `finditer` finds them.

    An email starts at most `EMAIL_LOCAL_MAX` characters before its "@": none before the
    first "@" is looked for (the pattern tries nearly every character, and most bodies have none).
    """
    found = [(match.start(1), match.end(1)) for match in spans(PHONE_SCAN, text, start, end)]
    at = text.find("@", start, end)
    if at >= 0:
        found.extend(match.span() for match in EMAIL_RE.finditer(text, max(start, at - EMAIL_LOCAL_MAX), end))
    return found


def _people(text: str, body: Span, company: str) -> Iterator[Contact]:
    person = Person()
    for chunk in _chunks(text, body):
        words_ = text[chunk.start : chunk.end]
        phone = PHONE_RE.fullmatch(words_) is not None
        if phone or EMAIL_RE.fullmatch(words_):
            attribute = "phone" if phone else "email"
            if getattr(person, attribute) is None:
                setattr(person, attribute, chunk)
                person.parts.append(chunk)
            continue
        name, title = _name_and_title(text, chunk, company)
        # A name, or a title after a phone or email, starts the next person ("..., or Investor Contact, ...").
        if (name is not None and person.name) or ((name or title) and (person.phone or person.email)):
            if person.phone or person.email:
                yield person.contact()
            person = Person()
        if name is not None:
            person.name = name
            person.parts.append(name)
        if title is not None:
            person.title = _joined(text, person, title)
            person.parts.append(title)
    if person.phone or person.email:
        yield person.contact()


def _joined(text: str, person: Person, title: Span) -> Span:
    """A person's title; "General Manager, Investor Relations" after a name reads as one."""
    first = person.title
    if first is None:
        return title
    if person.name is not None and not text[first.end : title.start].strip(" ,"):
        return Span(first.start, title.end)
    return first


def _chunks(text: str, body: Span) -> Iterator[Span]:
    """The body cut at line breaks, commas, labels, and around each phone and email."""
    phones_and_emails = _phones_and_emails(text, body.start, body.end)
    marks = sorted(
        [(m.start(), m.end()) for m in CUT_RE.finditer(text, body.start, body.end)]
        + [(found_start, found_start) for found_start, _ in phones_and_emails]
        + [(found_end, found_end) for _, found_end in phones_and_emails]
    )
    start = body.start
    for cut_start, cut_end in [*marks, (body.end, body.end)]:
        chunk = _trimmed(text, start, cut_start)
        if chunk is not None:
            yield chunk
        start = max(start, cut_end)


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in " \t\n:.":
        start += 1
    while end > start and text[end - 1] in " \t\n:":
        end -= 1
    return Span(start, end) if end > start else None


def _name_and_title(text: str, chunk: Span, company: str) -> tuple[Span | None, Span | None]:
    """A leading run of two to four capitalised words is a name; title words after it, a title.

    An organisation ("Minntech Corporation", the company's own name) is no name; words
    with a slash or brackets are a web address or an aside, neither name nor title.
    """
    if any(c in text[chunk.start : chunk.end] for c in "/()"):
        return None, None
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, chunk.start, chunk.end)]
    k = 0
    while k < len(tokens) and _name_word(tokens[k][2]):
        k += 1
    lead = [_bare(t[2]) for t in tokens[:k]]
    person = 2 <= k <= 4 and lead[0] != company and not ORGANISATION_WORDS.intersection(lead)
    name = Span(tokens[0][0], tokens[k - 1][1]) if person else None
    rest = tokens[k:] if name else tokens
    titled = [i for i, t in enumerate(rest) if _bare(t[2]) in TITLE_WORDS]
    if not titled:
        return name, None
    return name, Span(rest[0][0], rest[titled[-1]][1])


def _name_word(word: str) -> bool:
    return word[0].isupper() and _bare(word) not in TITLE_WORDS and not any(c.isdigit() for c in word)


def _bare(word: str) -> str:
    return word.lower().strip(".,:;()").removesuffix("’s").removesuffix("'s")
