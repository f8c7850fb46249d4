"""Fixed-width tables in plain text: label, then numbers aligned in columns.

    (millions, except earnings per
     common share)                       2004     2003      2004      2003
    REVENUES
     Merchandise sales and services     $8,700  $ 8,851   $16,403   $16,325
     Credit and financial products
      revenues                              81    1,345       172     2,751

How a table is found, in one pass over the lines:

- Each line is classified: blank, rule (dashes, equals, underscores), row (a label, then at
  least two spaces, then values: numbers, "$ 1,234", "(32)", "12.5%", dashes for nil), or
  label-only text. A line whose label is longer than 80 characters is prose: so are lines
  of tables collapsed onto one line, which are skipped.
- A table is a run of rows, allowing rules, label lines and single blank lines between them,
  with at least two rows and one row of two values (or three rows of one value).
- Columns are the character ranges where values of different rows overlap (numbers are
  right-aligned, so a column's values overlap).
- Header lines above the first row (such as "Three Months Ended" / "September 30,") are the
  lines whose words reach into the value columns; each of their words groups is a cell,
  repeated over every column it covers. Rows before the first row with a number other than
  a year ("2004  2003") are header rows too.
- A label that wraps ("Credit and financial products" / "revenues   81") is one cell whose
  text is the raw slice, line break and indent included: normalise whitespace to read it.

Every cell's span points into the text given, so `Cell.text == text[span]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pressfacts.models import Cell, Span, Table

_MAX_LABEL = 80
_MAX_LINE = 400  # longer lines are prose or a collapsed table: never a row
# A value token: currency and parentheses around a number, a percent sign, a footnote star.
_NUMBER = re.compile(
    r"""\$?\(?\$?-?                      # "$", "(", "$(", "-"
    (?:(?:\d{1,3}(?:,\d{3})+|\d+)       # integer part, with or without thousands commas,
       (?:\.\d+)?                       # then decimals,
      |\.\d+)                           # or decimals alone: a digit either way
    \)?%?\)?\*{0,2}                     # ")", "%", ")%", footnote stars
    """,
    re.VERBOSE,
)
_NIL = frozenset(("-", "--", "—", "–", "-0-", "n/a", "N/A", "nm", "NM", "n.m.", "N.M.", "*", "$-", "$--"))
# The last character of a number `_NUMBER` matches: a digit (any `\d`), ")", "%" or "*";
# and of a nil word.
_NUMBER_ENDS = frozenset(")%*")
_NIL_ENDS = frozenset(word[-1] for word in _NIL)
_RULE = re.compile(r"[ \t]*[-=_]{3,}[-=_ \t]*")
# Words that end a label line whose text goes on on the next line.
_CONNECTORS = ("and", "of", "for", "to", "in", "the", "from", "on", "by", "with", ",", "-", "&")


@dataclass(slots=True)
class _Line:
    start: int  # offset of the line in the text
    kind: str  # "blank", "rule", "row", "label" (text without values)
    label: tuple[int, int] | None = None  # text offsets
    values: list[tuple[int, int]] = field(default_factory=list)  # text offsets
    tab_cols: list[int] | None = None  # display column of each character, for lines with tabs
    columns: list[tuple[int, int]] = field(default_factory=list)  # display columns of the values

    def col(self, offset: int) -> int:
        i = offset - self.start
        return self.tab_cols[i] if self.tab_cols is not None else i


def find_ascii_tables(text: str, start_index: int = 0, start: int = 0, end: int | None = None) -> list[Table]:
    """Find fixed-width tables in `text[start:end]`; tables are numbered from `start_index`.

    >>> text = "Sales        $ 1,200    $ 1,000\\nNet income       (32)         5\\n"
    >>> [[c.text for c in row] for row in find_ascii_tables(text)[0].rows]
    [['Sales', '$ 1,200', '$ 1,000'], ['Net income', '(32)', '5']]
    """
    lines = _lines(text, start, len(text) if end is None else end)
    tables: list[Table] = []
    floor = start
    i = 0
    while i < len(lines):
        if lines[i].kind != "row":
            i += 1
            continue
        last = _region_end(lines, i)
        table = _table(text, lines, i, last, start_index + len(tables))
        if table is not None:
            tables.append(replace(table, context=context_before(text, table.span.start, floor)))
            floor = table.span.end
        i = last + 1
    return tables


def context_before(text: str, start: int, floor: int, size: int = 300) -> Span | None:
    """The text just before a table (its caption or heading): up to `size` characters after
    `floor`, from a line start, trimmed of blank space.

    >>> text = "Revenue table (in thousands)   \\n\\nSales  1  2"
    >>> span = context_before(text, text.index("Sales"), 0)
    >>> text[span.start : span.end] if span else None
    'Revenue table (in thousands)'
    """
    lo = max(floor, start - size)
    if lo > floor and text[lo - 1] != "\n":
        nl = text.find("\n", lo, start)
        if nl >= 0:
            lo = nl + 1
    seg = text[lo:start]
    a = lo + len(seg) - len(seg.lstrip())
    b = start - (len(seg) - len(seg.rstrip()))
    return Span(a, b) if a < b else None


def _lines(text: str, start: int, end: int) -> list[_Line]:
    pieces = text[start:end].split("\n")
    if not pieces[-1]:
        pieces.pop()  # the text ends with a line break (or is empty): no line after it
    lines = []
    for line in pieces:
        lines.append(_classify(line, start))
        start += len(line) + 1
    return lines


def _classify(line: str, start: int) -> _Line:
    """What the line at text offset `start` holds."""
    words = line.strip()
    if not words:
        return _BLANK
    if words[0] in "-=_" and _RULE.fullmatch(line):
        return _RULE_LINE
    if len(line) > _MAX_LINE:
        return _PROSE
    tab_cols = _tab_columns(line) if "\t" in line else None
    found = _trailing_values(line) if _may_end_in_value(words) else []
    if not found:  # the label is the whole line
        if len(words) > _MAX_LABEL:
            return _PROSE
        first = start + len(line) - len(line.lstrip())
        return _Line(start, "label", (first, first + len(words)), [], tab_cols)
    label = _label(line, start, found[0][0])
    if label is not None and label[1] - label[0] > _MAX_LABEL:
        return _PROSE
    values = [(start + a, start + b) for a, b in found]
    columns = found if tab_cols is None else [(tab_cols[a], tab_cols[b]) for a, b in found]
    return _Line(start, "row", label, values, tab_cols, columns)


# Blank, rule and prose lines carry nothing but their kind: one object serves them all.
_BLANK = _Line(-1, "blank")
_RULE_LINE = _Line(-1, "rule")
_PROSE = _Line(-1, "text")


def _may_end_in_value(words: str) -> bool:
    """False for most lines of words: only a line ending in a value (or in "%") has values.
    Told by the last character where it can be (`_trailing_values` checks the last word)."""
    end = words[-1]
    if end in _NUMBER_ENDS or end.isdecimal():
        return True
    return end in _NIL_ENDS and words.rsplit(None, 1)[-1] in _NIL


def _label(line: str, start: int, stop: int) -> tuple[int, int] | None:
    """The text offsets of the words of `line[:stop]`, or None when there are none."""
    head = line[:stop]
    words = head.strip()
    if not words:
        return None
    first = start + len(head) - len(head.lstrip())
    return first, first + len(words)


def _tab_columns(line: str) -> list[int]:
    cols = []
    col = 0
    for ch in line:
        cols.append(col)
        col = (col // 8 + 1) * 8 if ch == "\t" else col + 1
    cols.append(col)
    return cols


def _is_value(token: str) -> bool:
    if token in _NIL or token.isdecimal():
        return True
    end = token[-1]
    # Most words fail on their last character, before the pattern is tried.
    return (end in _NUMBER_ENDS or end.isdecimal()) and _NUMBER.fullmatch(token) is not None


def _trailing_values(line: str) -> list[tuple[int, int]]:
    """The values at the end of a line ("$" joined to its number) after a gap of 2+ spaces,
    as positions in the line.

    A value right after a word ("Net income (1)  53", "June 28, 2003") belongs to the label.
    Words are read from the right and stop at the first that is not a value; each is found
    in the line by `rfind` left of the one after it.
    """
    words = line.split()
    groups: list[tuple[int, int]] = []  # (start, end) in the line, right to left
    left_end = -1  # where the word left of the groups ends; -1: they start the line
    cut = len(line)  # the words still to read lie left of this
    k = len(words) - 1
    while k >= 0:
        word = words[k]
        a = cut = line.rfind(word, 0, cut)
        b = a + len(word)
        if word == "%" and k > 0 and _is_value(words[k - 1]):
            k -= 1
            a = cut = line.rfind(words[k], 0, cut)
        elif not _is_value(word):
            left_end = b
            break
        if k > 0 and words[k - 1] in ("$", "($"):
            k -= 1
            a = cut = line.rfind(words[k], 0, cut)
        groups.append((a, b))
        k -= 1
    groups.reverse()
    for n, (a, b) in enumerate(groups):
        if left_end < 0 or a - left_end >= 2:
            return groups[n:]
        left_end = b
    return []


def _region_end(lines: list[_Line], first: int) -> int:
    """Index of the last row of the table starting at row `first`."""
    last = first
    for k in range(first + 1, len(lines)):
        kind = lines[k].kind
        if kind == "row":
            last = k
        elif kind == "text" or (kind == "blank" and lines[k - 1].kind == "blank"):
            break  # prose, or two blank lines: the table is over
        elif kind == "label" and not _row_follows(lines, k):
            break  # text that no row follows: the table is over
    return last


def _row_follows(lines: list[_Line], k: int) -> bool:
    """True when a row comes within a few lines after `k`, past labels and single blank lines."""
    for j in range(k + 1, min(k + 8, len(lines))):
        kind = lines[j].kind
        if kind == "row":
            return True
        if kind in ("text", "rule") or (kind == "blank" and lines[j - 1].kind == "blank"):
            return False
    return False


def _bands(lines: list[_Line]) -> list[tuple[int, int]]:
    """Column ranges: the union of overlapping value ranges (in display columns)."""
    ranges = sorted(c for ln in lines for c in ln.columns)
    bands: list[list[int]] = []
    for a, b in ranges:
        if bands and a < bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], b)
        else:
            bands.append([a, b])
    return [(a, b) for a, b in bands]


def _table(text: str, lines: list[_Line], first: int, last: int, index: int) -> Table | None:
    body = [ln for ln in lines[first : last + 1] if ln.kind == "row"]
    multi = sum(1 for ln in body if len(ln.values) > 1)
    if len(body) < 2 or (multi == 0 and len(body) < 3):
        return None
    bands = _bands(body)
    top = _header_top(text, lines, first, bands[0][0])
    rows = _grid(text, lines[top : last + 1], bands)
    if not rows:
        return None
    cells = [c.span for r in rows for c in r if c.span is not None]
    span = Span(min(s.start for s in cells), max(s.end for s in cells))
    return Table(index=index, span=span, rows=tuple(rows), context=None, origin="ascii")


def _header_top(text: str, lines: list[_Line], first: int, value_col: int) -> int:
    """Index of the first header line above row `first`, or of a label that row carries on."""
    top = first
    k = first - 1
    while k >= 0 and first - k <= 12:
        ln = lines[k]
        if _is_header(text, ln, value_col) or (k + 1 == top and _continues(text, ln, lines[top])):
            top = k
        elif ln.kind not in ("blank", "rule") or (ln.kind == "blank" and k + 1 < top):
            break  # prose, or a blank line not right above the header: the header is over
        k -= 1
    return top


def _is_header(text: str, ln: _Line, value_col: int) -> bool:
    """A label-only line reaching the value columns, not a line of prose."""
    if ln.kind != "label" or ln.label is None or ln.col(ln.label[1]) <= value_col:
        return False
    groups = _word_groups(text, *ln.label)
    if ln.col(groups[0][0]) >= value_col // 2:
        return True
    return len(groups) > 1 and all(b - a <= 40 for a, b in groups)


def _continues(text: str, prev: _Line, line: _Line) -> bool:
    """True when `line` carries on the label-only line `prev` (a wrapped label)."""
    if prev.kind != "label" or prev.label is None or line.kind not in ("row", "label"):
        return False
    return _wraps(text, prev.label, line.label)


def _grid(text: str, lines: list[_Line], bands: list[tuple[int, int]]) -> list[tuple[Cell, ...]]:
    rows: list[tuple[Cell, ...]] = []
    heading = True  # until the first row with a value other than a year
    pending: tuple[int, int] | None = None  # a label-only line, waiting to see if it wraps
    value_col = bands[0][0]
    for ln in lines:
        if ln.kind in ("blank", "rule") or _is_header(text, ln, value_col):
            _flush(text, pending, rows, len(bands), heading)
            pending = None
            if ln.kind == "label":
                rows.append(_header_row(text, ln, bands))
            continue
        label = ln.label
        if pending is not None and _wraps(text, pending, label):
            label = (pending[0], label[1]) if label is not None else pending
            pending = None
        _flush(text, pending, rows, len(bands), heading)
        pending = None
        if ln.kind == "label":
            pending = label
            continue
        heading = heading and all(_is_year(text[a:b]) for a, b in ln.values)
        rows.append(_value_row(text, ln, label, bands, heading))
    _flush(text, pending, rows, len(bands), heading)
    return rows


def _wraps(text: str, pending: tuple[int, int], label: tuple[int, int] | None) -> bool:
    if label is None:
        return True  # numbers on the line after their label
    nxt = text[label[0]]
    return nxt.islower() or text[pending[0] : pending[1]].endswith(_CONNECTORS)


def _flush(
    text: str, pending: tuple[int, int] | None, rows: list[tuple[Cell, ...]], width: int, heading: bool
) -> None:
    if pending is not None:
        label = Cell(text[pending[0] : pending[1]], Span(*pending), 1, heading)
        rows.append((label, *[_EMPTY] * width))


_EMPTY = Cell("", None)
_YEAR = re.compile(r"(?:19|20)\d\d")


def _is_year(token: str) -> bool:
    return _YEAR.fullmatch(token.rstrip("*")) is not None


def _value_row(
    text: str, ln: _Line, label: tuple[int, int] | None, bands: list[tuple[int, int]], heading: bool
) -> tuple[Cell, ...]:
    width = len(bands)
    cells: list[Cell] = [_EMPTY] * (width + 1)
    if label is not None:
        cells[0] = Cell(text[label[0] : label[1]], Span(*label), 1, heading)
    band = 0
    for (a, b), (lo, hi) in zip(ln.values, ln.columns, strict=True):
        # Values run left to right, as do the bands: the band of a value is never left of
        # the one before it. Those of the body lie within a band; any other falls back.
        while band < width - 1 and bands[band][1] <= lo:
            band += 1
        j = band if bands[band][0] < hi and lo < bands[band][1] else _band_of(bands, lo, hi)
        while j < width and cells[j + 1] is not _EMPTY:
            j += 1  # two values under one column: the later one moves right
        if j < width:
            cells[j + 1] = Cell(text[a:b], Span(a, b), 1, heading)
    return tuple(cells)


def _band_of(bands: list[tuple[int, int]], a: int, b: int) -> int:
    """The column a range falls in: the one it overlaps, else the nearest by centre."""
    for j, (lo, hi) in enumerate(bands):
        if a < hi and lo < b:
            return j
    centre = (a + b) / 2
    distances = [abs((lo + hi) / 2 - centre) for lo, hi in bands]
    return distances.index(min(distances))


def _header_row(text: str, ln: _Line, bands: list[tuple[int, int]]) -> tuple[Cell, ...]:
    """A header line: each group of words (split at 2+ spaces) over the columns it covers."""
    cells: list[Cell] = [_EMPTY] * (len(bands) + 1)
    assert ln.label is not None
    for a, b in _split_dates(text, ln, _word_groups(text, ln.label[0], ln.label[1]), bands):
        lo, hi = ln.col(a), ln.col(b)
        if hi <= bands[0][0]:
            cells[0] = Cell(text[a:b], Span(a, b), 1, True)
            continue
        covered = [j for j, (x, y) in enumerate(bands) if lo < y and x < hi] or [_band_of(bands, lo, hi)]
        cell = Cell(text[a:b], Span(a, b), len(covered), True)
        for j in covered:
            cells[j + 1] = cell
    return tuple(cells)


# A date heading one column: "June 28,", "January 3, 2004", "Sept. 30".
_DATE = re.compile(r"[A-Z][a-z]{2,8}\.? \d{1,2},?(?: \d{4})?")


def _split_dates(
    text: str, ln: _Line, groups: list[tuple[int, int]], bands: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Split a group of dates set one space apart ("June 28, January 3,") into one per column."""
    out: list[tuple[int, int]] = []
    for a, b in groups:
        dates = [(m.start(), m.end()) for m in _DATE.finditer(text, a, b)]
        spread = {_band_of(bands, ln.col(x), ln.col(y)) for x, y in dates}
        covers = len(dates) > 1 and sum(y - x for x, y in dates) + len(dates) - 1 == b - a
        out.extend(dates if covers and len(spread) == len(dates) else [(a, b)])
    return out


_GROUP = re.compile(r"\S+(?: \S+)*")


def _word_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _GROUP.finditer(text, start, end)]
