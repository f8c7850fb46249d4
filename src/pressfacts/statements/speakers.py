"""Who is speaking: the name and title in an attribution, and names resolved back.

An attribution's words ("Chairman W. Barry Gilbert", "Jensen Huang, founder and CEO
of NVIDIA", "ManTech President and Chief Executive Officer, Kevin M. Phillips") are
split at commas into chunks; a chunk holding a title word is a title, with perhaps a
name after it; a run of capitalised words is a name. A later "Gilbert continued",
"added Mr. Kane" or "he said" is resolved to the full name and title given before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pressfacts.models import Span
from pressfacts.statements.vocabulary import words

TITLE_WORDS = frozenset(words("quote", "title_words"))
HONORIFICS = frozenset(words("quote", "honorifics"))
SUFFIXES = frozenset(words("quote", "name_suffixes"))
HONORIFICS_AND_SUFFIXES = HONORIFICS | SUFFIXES
PRONOUNS = frozenset(words("quote", "pronouns"))
TOKEN_RE = re.compile(r"[^\s,]{1,40}|,")
INITIAL_RE = re.compile(r"[A-Z]\.")
NEAREST_CHUNKS = 3
CONNECTORS = frozenset({"of", "at", "for", "with", "and", "&", "the", "to", "in", "from"})


@dataclass(frozen=True, slots=True)
class Who:
    """A speaker as an attribution names them; `pronoun` for "he said"."""

    name: Span | None
    title: Span | None
    pronoun: bool = False


@dataclass(slots=True)
class Token:
    """A word of an attribution, and the word bare (lower case, no dot, no possessive).

    A plain slotted record, built only for the chunks read: a frozen one costs several times more.
    """

    start: int
    end: int
    word: str
    bare: str

    @classmethod
    def of(cls, match: re.Match[str]) -> Token:
        word = match.group()
        return cls(match.start(), match.end(), word, _bare(word))

    @property
    def is_title(self) -> bool:
        return self.bare in TITLE_WORDS

    @property
    def is_namelike(self) -> bool:
        """A capitalised word, an initial, "Mr." or "II": what a name is made of (not "Corp.")."""
        word = self.word
        if self.bare in HONORIFICS_AND_SUFFIXES or INITIAL_RE.fullmatch(word):
            return True
        return word[0].isupper() and not word.endswith(".") and not self.is_title


def parse_who(text: str, span: Span) -> Who | None:
    """The name and title in an attribution's words, or None when they name nobody.

    >>> t = "Chairman W. Barry Gilbert"
    >>> who = parse_who(t, Span(0, len(t)))
    >>> t[who.name.start : who.name.end], t[who.title.start : who.title.end]
    ('W. Barry Gilbert', 'Chairman')
    """
    words_ = list(TOKEN_RE.finditer(text, span.start, span.end))
    if len(words_) == 1 and _bare(words_[0].group()) in PRONOUNS:
        return Who(None, None, pronoun=True)
    name: Span | None = None
    title: Span | None = None
    # From the verb back: the chunks nearest it name the speaker ("Commenting on ..., <name>, <title>").
    for chunk in reversed(_chunks(words_)[-NEAREST_CHUNKS:]):
        chunk_name, chunk_title = _read_chunk([Token.of(word) for word in chunk])
        name = name or chunk_name
        title = title or chunk_title
    if name is None:
        return None
    return Who(name, title)


def _bare(word: str) -> str:
    return word.lower().rstrip(".").removesuffix("’s").removesuffix("'s")


def _chunks(words_: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """The words between commas, the commas left out."""
    chunks: list[list[re.Match[str]]] = [[]]
    for token in words_:
        if token.group() == ",":
            chunks.append([])
        else:
            chunks[-1].append(token)
    return [c for c in chunks if c]


def _read_chunk(chunk: list[Token]) -> tuple[Span | None, Span | None]:
    """(name, title) of one comma-separated chunk; either may be None.

    Capitalised words ending a chunk are a name, unless they follow "of" ("CEO of
    Antero Resources"): a lone word must be the whole chunk ("Gilbert").
    """
    if all(t.bare in SUFFIXES for t in chunk):
        return None, None
    run = _trailing_name(chunk)
    before = chunk[: len(chunk) - len(run)]
    if run and (len(run) >= 2 or not before) and not (before and before[-1].bare in CONNECTORS):
        return _span(run), (_span(before) if before[-1:] and before[-1].is_title else None)
    if any(t.is_title for t in chunk):
        return None, _span(chunk)
    return None, None


def _trailing_name(chunk: list[Token]) -> list[Token]:
    """The capitalised words that end a chunk: "Mr. O’Connor" of "Commenting on the margin Mr. O’Connor".

    A leading "Mr." is left out of a full name ("Mr. Eric Sills"), kept with a surname alone.
    """
    k = len(chunk)
    while k > 0 and chunk[k - 1].is_namelike:
        k -= 1
    run = chunk[k:]
    if len(run) > 2 and run[0].bare in HONORIFICS:
        run = run[1:]
    return run


def _span(tokens: list[Token]) -> Span:
    return Span(tokens[0].start, tokens[-1].end)


@dataclass(slots=True)
class Speakers:
    """The speakers named so far, to resolve "Gilbert continued" and "he said"."""

    text: str
    known: list[tuple[Span | None, Span | None]] = field(default_factory=list)

    def resolve(self, who: Who) -> tuple[Span | None, Span | None]:
        """The full name and title of a speaker: given here, or earlier in the release."""
        if who.pronoun or who.name is None:
            return self.known[-1] if self.known else (None, None)
        surname = self._surname(who.name)
        earlier = next((k for k in reversed(self.known) if self._surname(k[0]) == surname), None)
        name = earlier[0] if earlier and self._is_short(who.name) else who.name
        title = who.title or (earlier[1] if earlier else None)
        self.known.append((name, title))
        return name, title

    def _names(self, span: Span | None) -> list[str]:
        if span is None:
            return []
        tokens = self.text[span.start : span.end].split()
        return [t for t in tokens if t.lower().rstrip(".") not in HONORIFICS_AND_SUFFIXES]

    def _surname(self, span: Span | None) -> str:
        names = self._names(span)
        return names[-1].lower() if names else ""

    def _is_short(self, span: Span) -> bool:
        """Only a surname, perhaps after "Mr.": "Gilbert", "Mr. Kane"."""
        return len(self._names(span)) <= 1
