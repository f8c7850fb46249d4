"""Tables collapsed onto one line: "Net sales $ 55,712 61,035 (8.7)% ... Cost of sales 51,001 ...".

Some archives of old text releases lost their line breaks, so a statement
sits on one long line. Read as tokens, it is still a run of rows, each a
label (words) followed by figures. The column headers are the dates (or
"3Q 1998" quarters) written before the first row. Only dated figure columns
are kept: percent columns ("% Over (Under)", "Percent of Sales") are
dropped, and a table whose rows do not have one figure per dated column is
left alone rather than guessed at.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pressfacts.dates import MONTH_PATTERN
from pressfacts.models import Cell, Span, Table

MIN_LINE = 300
# A figure: "$58", "61,035", "(2,958)", "($0.19)", "$.13", "(8.7)%", but not a bare year, which
# heads a column; each pattern ends where the token does.
FIGURE = r"(?!(?:19|20)\d\d(?!\S))\(?\$?\(?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\)?%?\)?(?!\S)"
# Signs that stand alone beside a figure: "$", "%", "($", ")", an em dash.
SIGN = r"(?:\$|%|\(\$|\)|\u2014)(?!\S)"
RULE = r"[-=_]{3,}(?!\S)"
# A token in the group of its kind (rule, figure or word), then the blank space after it.
TOKEN_RE = re.compile(rf"(?:({RULE})|({FIGURE}|{SIGN})|(\S+))(\s*)")
# Two numbers side by side, only rules and signs between them: "55,712 61,035", "(8.7)% 100.0",
# "$58 $100". Each row of a table has such a pair; most long lines, which are prose, have none.
NUMBER_PAIR_RE = re.compile(r"\d[)%]{0,3}(?:\s+(?:[-=_]{3,}|[$%)\u2014]|\(\$)(?!\S))*\s+[($]{0,3}\.?\d")
YEAR_RE = re.compile(r"(?:19|20)\d\d")
DIGIT_RE = re.compile(r"\d")
MONTH_DAY_RE = re.compile(rf"(?i)(?:{MONTH_PATTERN})\s{{1,3}}\d{{1,2}},?")
QUARTER_RE = re.compile(r"(?i)(?:[1-4]Q|Q[1-4])\s{1,3}(?:19|20)\d\d")
TITLE_RE = re.compile(
    r"(?i)(?:three|six|nine|twelve|thirteen|twenty-six|thirty-nine|fifty-two)\s{1,3}(?:months|weeks)\s{1,3}ended"
    r"|(?:fiscal\s{1,3})?(?:quarter|year)\s{1,3}ended"
)
SCALE_RE = re.compile(
    r"(?i)\((?:amounts|dollars|\$)?\s{0,3}in\s{1,3}(?:thousands|millions)[^)]{0,60}\)|\(dollars in [^)]{1,60}\)"
)
MAX_HEADER = 600


class Token(NamedTuple):  # a named tuple: a long line has hundreds, and this builds fastest
    start: int
    end: int
    text: str
    kind: str  # "figure", "word", "rule"


def find_collapsed_tables(text: str, start_index: int = 0) -> list[Table]:
    """Tables in lines longer than MIN_LINE characters; spans point into `text`."""
    tables: list[Table] = []
    lines = text.split("\n")
    if max(map(len, lines)) < MIN_LINE:
        return tables  # most texts have short lines only
    offset = 0
    for line in lines:
        if len(line) >= MIN_LINE and _may_hold_rows(line):
            for table in _tables_in_line(text, offset, offset + len(line)):
                tables.append(_renumbered(table, start_index + len(tables)))
        offset += len(line) + 1
    return tables


def _renumbered(table: Table, index: int) -> Table:
    return Table(index, table.span, table.rows, table.context, "ascii")


def _tables_in_line(text: str, start: int, end: int) -> list[Table]:
    tokens = _tokens(text, start, end)
    tables = []
    for first, last in _row_runs(tokens):
        table = _table(text, tokens, first, last, start)
        if table is not None:
            tables.append(table)
    return tables


def _may_hold_rows(line: str) -> bool:
    """False when the line has fewer than three pairs of numbers side by side: a table has
    three rows or more, each with a run of two figures or more."""
    return len(NUMBER_PAIR_RE.findall(line)) >= 3


def _tokens(text: str, start: int, end: int) -> list[Token]:
    # `findall`'s strings rather than match objects, which take longer to build and read.
    line = text[start:end]
    offset = end - len(line.lstrip())
    tokens = []
    for rule, figure, word, space in TOKEN_RE.findall(line):
        token = rule or figure or word
        kind = "rule" if rule else "figure" if figure else "word"
        tokens.append(Token(offset, offset + len(token), token, kind))
        offset += len(token) + len(space)
    return tokens


def _row_runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token ranges holding three or more rows (a short label, then two or more figures) in a row."""
    runs: list[tuple[int, int]] = []
    rows, run_start, previous_end = 0, 0, 0
    for fig_start, fig_end in _figure_runs(tokens):
        label_start = _label_start(tokens, previous_end, fig_start)
        if label_start is not None and (rows == 0 or label_start == previous_end):
            if rows == 0:
                run_start = label_start
            rows += 1
        else:
            if rows >= 3:
                runs.append((run_start, previous_end))
            rows = 0
            if label_start is not None:
                run_start, rows = label_start, 1
        previous_end = fig_end
    if rows >= 3:
        runs.append((run_start, previous_end))
    return runs


def _figure_runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Ranges of two or more figures side by side (rules and lone "$" or "%" between them)."""
    runs, i = [], 0
    while i < len(tokens):
        if tokens[i].kind == "word":
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j].kind != "word":
            j += 1
        if sum(1 for t in tokens[i:j] if DIGIT_RE.search(t.text)) >= 2:
            runs.append((i, j))
        i = j
    return runs


def _label_start(tokens: list[Token], floor: int, fig_start: int) -> int | None:
    """Where the label before a figure run starts: after a header word (a year, a quarter), at most 14 words."""
    start = fig_start
    while start > floor and fig_start - start < 14 and tokens[start - 1].kind == "word":
        if YEAR_RE.fullmatch(tokens[start - 1].text.strip("(),")):
            break
        start -= 1
    if start == fig_start or (start > floor and tokens[start - 1].kind == "word" and fig_start - start >= 14):
        return None
    return start


def _table(text: str, tokens: list[Token], first: int, last: int, line_start: int) -> Table | None:
    header_start = max(line_start, tokens[first].start - MAX_HEADER)
    header = text[header_start : tokens[first].start]
    columns = _columns(header, header_start)
    if not columns:
        return None
    rows = _rows(text, tokens[first:last], len(columns))
    if len(rows) < 3:
        return None
    header_rows = _header_rows(text, header, header_start, columns)
    grid = (*header_rows, *rows)
    starts = [c.span.start for row in grid for c in row if c.span is not None]
    span = Span(min(starts), tokens[last - 1].end)
    scale = SCALE_RE.search(header)
    context = Span(header_start + scale.start(), header_start + scale.end()) if scale else None
    return Table(0, span, grid, context, "ascii")


def _columns(header: str, offset: int) -> list[list[Span]]:
    """The dated columns of a header, each as the spans of its words ("January 28," + "2007")."""
    title = list(TITLE_RE.finditer(header))
    if title:
        # Dates in a title above ("... ENDED JANUARY 28, 2007 AND ...") are not column heads.
        offset += title[-1].end()
        header = header[title[-1].end() :]
    quarters = list(QUARTER_RE.finditer(header))
    if quarters:
        return [[Span(offset + m.start(), offset + m.end())] for m in quarters]
    days = list(MONTH_DAY_RE.finditer(header))
    years = [m for m in YEAR_RE.finditer(header) if not days or m.start() > days[0].end()]
    if not days or len(days) != len(years):
        return []
    pairs = [(d, y) for d, y in zip(days, years, strict=True)]
    distinct = list(dict.fromkeys((d.group(0).rstrip(","), y.group(0)) for d, y in pairs))
    columns = []
    for key in distinct:
        d, y = next((d, y) for d, y in pairs if (d.group(0).rstrip(","), y.group(0)) == key)
        columns.append(
            [Span(offset + d.start(), offset + d.end()), Span(offset + y.start(), offset + y.end())]
        )
    return columns


def _header_rows(text: str, header: str, offset: int, columns: list[list[Span]]) -> list[tuple[Cell, ...]]:
    depth = max(len(c) for c in columns)
    rows: list[tuple[Cell, ...]] = []
    title = list(TITLE_RE.finditer(header))
    if title:
        span = Span(offset + title[-1].start(), offset + title[-1].end())
        cell = Cell(text[span.start : span.end], span, colspan=len(columns), is_header=True)
        rows.append((Cell("", None, is_header=True), *(cell,) * len(columns)))
    for level in range(depth):
        cells = [Cell("", None, is_header=True)]
        for column in columns:
            part = column[level] if level < len(column) else None
            cells.append(Cell(text[part.start : part.end], part, is_header=True) if part else Cell("", None))
        rows.append(tuple(cells))
    return rows


def _rows(text: str, tokens: list[Token], width: int) -> list[tuple[Cell, ...]]:
    """Rows of label + one figure per dated column; percent figures and rules are dropped."""
    rows: list[tuple[Cell, ...]] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j].kind == "word":
            j += 1
        k = j
        while k < len(tokens) and tokens[k].kind != "word":
            k += 1
        figures = _figures(tokens[j:k])
        if j > i and len(figures) >= width:
            label = Span(tokens[i].start, tokens[j - 1].end)
            spans = [label, *figures[:width]]
            rows.append(tuple(Cell(text[s.start : s.end], s) for s in spans))
        i = max(k, i + 1)
    return rows


def _figures(tokens: list[Token]) -> list[Span]:
    """Amount figures, a lone "$" or "($" joined to the figure after it; percents left out."""
    spans: list[Span] = []
    pending: Token | None = None
    for i, token in enumerate(tokens):
        if token.kind == "rule":
            continue
        if token.text in ("$", "($"):
            pending = token
            continue
        if (
            token.text.endswith("%")
            or (i + 1 < len(tokens) and tokens[i + 1].text == "%")
            or token.text == "%"
        ):
            pending = None
            continue
        if not DIGIT_RE.search(token.text) and token.text not in ("-", "\u2014"):
            continue
        spans.append(Span(pending.start if pending else token.start, token.end))
        pending = None
    return spans
