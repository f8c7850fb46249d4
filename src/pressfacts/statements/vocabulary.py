"""The statements stage's vocabularies, loaded once from `vocabulary.toml`.

Each kind of statement reads its words from here; `words_re` turns a list into one
bounded, case-insensitive alternation at word boundaries.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from importlib import resources
from typing import Any

from pressfacts.scan import skipping

VOCABULARY: dict[str, Any] = tomllib.loads(
    resources.files("pressfacts.statements").joinpath("vocabulary.toml").read_text(encoding="utf-8")
)


def words(kind: str, name: str) -> list[str]:
    """A list of regex fragments: `words("quote", "speech_verbs")`."""
    found: list[str] = VOCABULARY[kind][name]
    return found


def pairs(kind: str, name: str) -> list[tuple[str, str]]:
    """A list of (label, fragment) pairs: `pairs("debt", "verbs")`."""
    return [(label, fragment) for label, fragment in VOCABULARY[kind][name]]


def keywords(kind: str, name: str) -> tuple[str, ...]:
    """The keywords of a word list, `<name>_keywords`: plain lower-case words, one of which each
    word of the list holds. Found in the lower-cased text, they tell where the list cannot match,
    many times faster than the case-insensitive list itself: `keywords("customers", "nouns")`.
    """
    return tuple(words(kind, f"{name}_keywords"))


def alternation(fragments: Sequence[str]) -> str:
    """One non-capturing group trying the fragments in order."""
    return "(?:" + "|".join(fragments) + ")"


def words_re(fragments: Sequence[str], flags: int = re.I) -> re.Pattern[str]:
    """Any of the fragments as a whole word.

    >>> bool(words_re(["said", "stated"]).search("she stated, "))
    True
    """
    return re.compile(rf"\b{alternation(fragments)}(?!\w)", flags)


def words_scan(fragments: Sequence[str]) -> re.Pattern[str]:
    """A search for whether a text holds any of the fragments as a whole word (case-insensitive),
    as `words_re(fragments).search` would find one, several times faster.

    `words_re` starts with `\\b`, which the engine tries at every character; this form skips
    to the fragments' first letters (see `scan.skipping`). Its match is that first letter only:
    use it to ask whether there is a word, not where it ends.

    >>> (
    ...     bool(words_scan(["said", "stated"]).search("she stated, ")),
    ...     bool(words_scan(["said"]).search("unsaid")),
    ... )
    (True, False)
    """
    return skipping("".join(sorted({_first_letter(f) for f in fragments})), words_re(fragments).pattern, re.I)


def _first_letter(fragment: str) -> str:
    """The letter every match of a fragment starts with; an error when it has none."""
    depth, escaped = 0, False
    for char in fragment:
        if not escaped and char in "()":
            depth += 1 if char == "(" else -1
        elif not escaped and char == "|" and depth == 0:
            raise ValueError(f"{fragment!r}: alternatives may start with other letters")
        escaped = not escaped and char == "\\"
    if not (fragment[:1].isascii() and fragment[:1].isalpha()) or fragment[1:2] in ("?", "*", "{"):
        raise ValueError(f"{fragment!r}: no first letter every match starts with")
    return fragment[0]
