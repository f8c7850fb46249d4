"""Running many phrase patterns over a long text, fast and without overlaps.

Each vocabulary has a cheap anchor pattern (its key words). The full
patterns run only in windows around anchors, inside the regions given (the
prose of a release, not its tables), so the cost grows with the number of
key words rather than with the length of the text times the number of rules.

Python's regex engine skips quickly through text only to the characters a
pattern can start with, and only when the pattern begins with a plain
character set; a pattern that begins with an assertion (a word boundary, a
lookahead) is entered at every position. `skipping` rewrites a pattern into
the fast form; the rules are then tried only where one of them can match.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from pressfacts.models import Span

T = TypeVar("T", bound=tuple[Any, ...])
Found = tuple[int, int, int, re.Match[str]]
Window = tuple[int, int]

# Named groups repeat across rules; a pattern that only asks "does any rule match here" needs none.
NAMED_GROUP_RE = re.compile(r"\(\?P<\w{1,40}>")

# The non-ASCII characters that case-insensitive matching takes for ASCII letters
# (dotted and dotless i, long s, Kelvin sign); tests/test_scan.py checks the list is whole.
ASCII_CASE_TWINS = "\u0130\u0131\u017f\u212a"
# Each twin and the ASCII letter a case-insensitive pattern reads it as.
ASCII_FOLDS = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))
PLAIN_WORD_RE = re.compile(r"[A-Za-z]{1,40}")


def lowered(text: str) -> str:
    """The text in lower case, letter for letter: where a case-insensitive pattern finds an
    ASCII word in the text, the lower-case word stands at the same place in it.

    `str.lower` alone would lengthen the dotted capital I and leave the long s and the
    dotless i as they are; the twins are folded to their ASCII letters first.
    """
    if not text.isascii():
        for letter, ascii_letter in ASCII_FOLDS:
            text = text.replace(letter, ascii_letter)
    return text.lower()


def characters_of(char_class: str, flags: int = 0) -> str:
    """The characters (escaped, for a case-sensitive set) that `[char_class]` matches under `flags`.

    Only ASCII classes are expected; under re.I the few non-ASCII twins of
    ASCII letters are included, so that the set admits all the class does.
    """
    return "".join(map(re.escape, _members(char_class, flags)))


def _members(char_class: str, flags: int) -> list[str]:
    """The characters `[char_class]` matches under `flags`, unescaped (see `characters_of`)."""
    allowed = re.compile(f"[{char_class}]", flags)
    candidates = map(chr, [*range(128), *map(ord, ASCII_CASE_TWINS)])
    return [ch for ch in candidates if allowed.fullmatch(ch)]


def skipping(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern`, whose matches all start with a character of the class `first`, in the fast form.

    A match of the result is that one first character; group 1 holds the
    match of `pattern` from there. Unlike `pattern.finditer`, successive
    matches may overlap: see `spans`. `pattern` may not refer to its own
    groups in a conditional (the rewrite puts it in a lookbehind).
    """
    # In verbose mode a "#" would comment out the closing parentheses: end the pattern's line.
    end = "\n" if flags & re.X else ""
    inline = "".join(letter for flag, letter in ((re.I, "i"), (re.X, "x")) if flags & flag)
    return re.compile(f"[{characters_of(first, flags)}](?<=(?=((?{inline}:{pattern}{end}))).)")


def spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Matches of a `skipping` pattern as `finditer` would give them: each after the one before."""
    free = start
    for match in pattern.finditer(text, start, end):
        if match.start(1) >= free:
            free = max(match.end(1), match.start(1) + 1)
            yield match


def longest_first(found: list[T]) -> list[T]:
    """Non-overlapping matches, the longest (then the earlier rule) winning, in text order.

    Items are tuples (start, -end, rule order, ...).
    """
    chosen: list[T] = []
    taken: list[tuple[int, int]] = []
    for item in sorted(found, key=lambda i: (i[1] + i[0], i[2])):
        start, end = item[0], -item[1]
        k = bisect_left(taken, (start, start))
        if (k > 0 and taken[k - 1][1] > start) or (k < len(taken) and taken[k][0] < end):
            continue
        taken.insert(k, (start, end))
        chosen.append(item)
    chosen.sort(key=lambda i: i[0])
    return chosen


class RuleGroup:
    """The rules sharing one key word group, and the windows they run in around its key words.

    `starts` finds, in one pass, every position where at least one rule
    matches; each rule is then tried only there, and only if its first
    character allows. That gives the same matches as running each rule's
    own scan over the window (a rule's next match is the first one at or
    after the end of its last), at the cost of about one scan.
    """

    def __init__(
        self,
        reach: tuple[int, int],
        members: list[int],
        patterns: Sequence[re.Pattern[str]],
        classes: list[str],
    ) -> None:
        self.before, self.after = reach
        self.members = members
        flags = patterns[members[0]].flags if members else 0
        self.by_first: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        for i, first in zip(members, classes, strict=True):
            for ch in _members(first, flags):
                self.by_first.setdefault(ch, []).append((i, patterns[i]))
        anyone = "|".join(f"(?:{NAMED_GROUP_RE.sub('(?:', patterns[i].pattern)})" for i in members)
        # Every rule starts at a word boundary: checking it first spares entering the rules mid-word.
        self.starts = skipping("".join(classes), rf"\b(?:{anyone})", flags)

    def find(self, text: str, windows: list[Window]) -> list[Found]:
        found: list[Found] = []
        for lo, hi in windows:
            free = dict.fromkeys(self.members, lo)  # where each rule's next match may start
            for start in self.starts.finditer(text, lo, hi):
                at = start.start()
                for order, pattern in self.by_first[text[at]]:
                    if at < free[order]:
                        continue
                    match = pattern.match(text, at, hi)
                    if match is not None:
                        found.append((at, -match.end(), order, match))
                        free[order] = max(match.end(), at + 1)
        return found


def word_starts(text: str, low: str, words: Sequence[str], start: int, end: int) -> list[tuple[int, int]]:
    """Every (place, index of the word) where one of `words` (lower-case) starts a word in
    text[start:end] and ends inside it; `low` is `lowered(text)`. Sorted by place, then index."""
    places = []
    find = low.find
    for i, word in enumerate(words):
        at = find(word, start, end)
        while at >= 0:
            before = text[at - 1] if at else " "
            if not (before.isalnum() or before == "_"):  # a word starts here (as "\\b" tells)
                places.append((at, i))
            at = find(word, at + 1, end)
    places.sort()
    return places


class Led:
    """A pattern whose every match starts a word with one of a few known words, found fast.

    `pattern.finditer` makes the regex engine try the pattern at almost every
    letter; here `str.find` finds where the leading words stand and the pattern
    is tried only there, giving the same matches (each the first at or after the
    end of the one before). `first_words` must hold a start of every match, in
    lower case ("compar" for "compared", "compares"): tests/test_scan.py compares
    the two ways on the corpus and on random text.
    """

    def __init__(self, pattern: str, first_words: Sequence[str], flags: int = 0) -> None:
        self.pattern = re.compile(pattern, flags)
        self.first_words = [w.lower() for w in first_words]

    def finditer(self, text: str, regions: Sequence[Span], low: str | None = None) -> Iterator[re.Match[str]]:
        """The matches inside each region (regions in text order, apart), as `finditer` per region."""
        if not regions:
            return
        low = lowered(text) if low is None else low
        places = word_starts(text, low, self.first_words, regions[0].start, regions[-1].end)
        k = 0
        free = regions[0].start
        for at, _ in places:
            while k < len(regions) and regions[k].end <= at:
                k += 1
            if k == len(regions):
                return
            if at < regions[k].start or at < free:
                continue
            match = self.pattern.match(text, at, regions[k].end)
            if match is not None:
                free = max(match.end(), at + 1)
                yield match


class Ending:
    """Whether a text ends with one of some phrases and then 1-3 spaces, case-insensitive.

    `phrases` may end inside a longer word ("leftover"); `words` must start a word
    ("up", not "setup"). `then` are words that may follow any phrase ("a", "the").
    The text is read backwards: a pattern of the phrases spelt backwards is matched at
    the start of the reversed text, which costs a few steps, where a search for
    "(?:phrases)\\s{1,3}$" would try every position of the text.
    """

    def __init__(self, phrases: Sequence[str], words: Sequence[str] = (), then: Sequence[str] = ()) -> None:
        # A word start ("\\b" before it) comes after the word when it is spelt backwards.
        backwards = [_backwards(p) for p in phrases] + [rf"{_backwards(w)}\b" for w in words]
        following = rf"(?:(?:{'|'.join(map(_backwards, then))})\s{{1,3}})?" if then else ""
        # "$" also matches before a newline that ends the text: hence the optional "\n" first.
        self.pattern = re.compile(rf"\n?\s{{1,3}}{following}(?:{'|'.join(backwards)})", re.I)

    def ends(self, text: str) -> bool:
        return self.pattern.match(text[::-1]) is not None


def _backwards(phrase: str) -> str:
    """A phrase spelt backwards, as a pattern: its words apart by 1-3 spaces of any kind."""
    return re.escape(phrase[::-1]).replace("\\ ", r"\s{1,3}")


class KeyWords:
    """Where any of a list of key words stands, as `\\b(?:w1|w2|...)` would find them (case-insensitive).

    Plain words are looked for with `str.find` in the lowered text, which skips
    through it far faster than the regex engine tries an alternation at every
    word; other key words (patterns such as "19\\d\\d") with one `skipping`
    pattern each. Every place of every word is gathered, then read as the
    alternation would: at each place the word listed first, and no place
    inside the one taken before.
    """

    def __init__(self, words: Sequence[str], firsts: Sequence[str]) -> None:
        # The same search as one regex (what the tests compare with).
        self.pattern = rf"\b(?=[{''.join(firsts)}])(?:{'|'.join(words)})"
        listed = list(enumerate(zip(words, firsts, strict=True)))
        self.plain = [(i, w.lower()) for i, (w, _) in listed if PLAIN_WORD_RE.fullmatch(w)]
        for _, (word, first) in listed:
            if PLAIN_WORD_RE.fullmatch(word) and not re.fullmatch(f"[{first}]", word[0], re.I):
                raise ValueError(f"key word {word!r} does not start with one of [{first}]")
        patterned = [(i, w, first) for i, (w, first) in listed if not PLAIN_WORD_RE.fullmatch(w)]
        if any(re.compile(w).groups for _, w, _ in patterned):
            raise ValueError("a key word pattern may not hold a group of its own")
        # One pattern for them all, each word its own group in list order: at a place, the
        # group that matched is the first listed word that matches there.
        self.order = [i for i, _, _ in patterned]
        alternatives = "|".join(f"({w})" for _, w, _ in patterned)
        starts = "".join(first for _, _, first in patterned)
        self.patterned = skipping(starts, rf"\b(?:{alternatives})", re.I) if patterned else None

    def find(self, text: str, low: str, start: int, end: int) -> list[Window]:
        """The key words' places (start, end) in text[start:end]; `low` is `lowered(text)`."""
        plain = [word for _, word in self.plain]
        places = [  # (start, word's place in the list, end)
            (at, self.plain[k][0], at + len(plain[k])) for at, k in word_starts(text, low, plain, start, end)
        ]
        if self.patterned is not None:
            for match in self.patterned.finditer(text, start, end):
                # Group 1 is the whole key word; groups 2... are the words in their order.
                k = next(k for k, group in enumerate(match.groups()[1:]) if group is not None)
                places.append((match.start(1), self.order[k], match.end(1)))
        places.sort()
        found: list[Window] = []
        free = start
        for at, _, stop in places:
            if at >= free:  # the first of its place, by list order, since places are sorted
                found.append((at, stop))
                free = max(stop, at + 1)
        return found


class PhraseRules:
    """A vocabulary of phrase patterns, each run only near its key words.

    `rules` are (name, pattern) in priority order; `scan` maps a rule name to
    (first characters of its phrases, key word group); `anchors` maps a key
    word group to (key word patterns, the characters they start with,
    characters before, characters after).
    One pass of a combined key word pattern finds the windows of every group.
    """

    def __init__(
        self,
        rules: Sequence[tuple[str, str]],
        scan: dict[str, tuple[str, str]],
        anchors: dict[str, tuple[Sequence[str], str, int, int]],
        flags: int = re.I | re.X,
    ) -> None:
        names = [name for name, _ in rules]
        self.patterns = [re.compile(rf"\b(?=[{scan[name][0]}])(?:{p})", flags) for name, p in rules]
        self.groups: list[RuleGroup] = []
        for key, (_, _, before, after) in anchors.items():
            members = [i for i, name in enumerate(names) if scan[name][1] == key]
            classes = [scan[names[i]][0] for i in members]
            self.groups.append(RuleGroup((before, after), members, self.patterns, classes))
        firsts = {w: first for ws, first, _, _ in anchors.values() for w in ws}
        self.key_words = KeyWords(list(firsts), list(firsts.values()))
        # A key word may belong to several groups ("quarter"): a hit is filed under each.
        self.members = [re.compile(rf"(?:{'|'.join(ws)})", re.I) for ws, _, _, _ in anchors.values()]
        self.groups_of = functools.lru_cache(maxsize=4096)(self._groups_of)

    def _groups_of(self, word: str) -> tuple[int, ...]:
        return tuple(g for g, words in enumerate(self.members) if words.fullmatch(word))

    def find(self, text: str, regions: Sequence[Span] | None) -> list[Found]:
        """Non-overlapping matches in text order: (start, -end, rule index, match)."""
        found = []
        low = lowered(text)
        for region in coalesce(text, regions):
            hits: list[list[Window]] = [[] for _ in self.members]
            for start, end in self.key_words.find(text, low, region.start, region.end):
                for key in self.groups_of(text[start:end]):
                    hits[key].append((start, end))
            for group_hits, group in zip(hits, self.groups, strict=True):
                if group_hits and group.members:
                    found.extend(group.find(text, _merged(group_hits, group.before, group.after, region)))
        return longest_first(found)


def coalesce(text: str, regions: Sequence[Span] | None) -> list[Span]:
    """Regions with only white space between them joined: fewer, longer scans."""
    if regions is None:
        return [Span(0, len(text))]
    joined: list[Span] = []
    for region in regions:
        if joined and text[joined[-1].end : region.start].isspace():
            joined[-1] = Span(joined[-1].start, region.end)
        else:
            joined.append(region)
    return joined


def _merged(hits: list[Window], before: int, after: int, region: Span) -> list[Window]:
    """Windows [start - before, end + after] around hits, inside the region, overlapping ones merged."""
    windows: list[Window] = []
    for start, end in hits:
        lo, hi = max(region.start, start - before), min(region.end, end + after)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], hi))
        else:
            windows.append((lo, hi))
    return windows
