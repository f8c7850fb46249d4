"""HTML release -> Document: the visible text with offsets, its blocks and its table grids.

Layout of `Document.text` (every offset of every stage points into it):

- Paragraph-like elements (p, h1-h6, table, pre, hr, ...) are separated by a blank line;
  other block elements (div, li, tr, ...) by a newline; `<br>` is a newline, and two `<br>`
  in a row end the paragraph. Inline whitespace collapses to one space; `&nbsp;` is a space.
- A data table is written one row per line, the non-empty cells of a row joined by " | ".
  A cell is written once, on the first row and column it occupies, so a cell that spans
  columns or rows has one span, repeated in the grid for each position it covers.
- Split notation is joined before writing: a lone currency cell ("$", "($") is merged
  with the number cell after it, a lone ")" or "%" cell with the number before it, so the
  grid has one cell per number ("$(1,234)"), its text exactly what `Cell.span` slices.
- Spacer columns that are empty in every row are dropped, and so are adjacent columns
  that hold the same cell in every row; fully empty rows are dropped.
- Tables used for layout (nested tables inside, or at most one text cell per row besides
  a bullet or footnote mark) are not grids: their cells read as ordinary blocks.
- `<pre>` text is kept verbatim and searched for fixed-width tables.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from lxml import etree

from pressfacts.ascii_tables import context_before, find_ascii_tables
from pressfacts.models import Block, BlockKind, Cell, Document, DocumentMeta, Span, Table

# Newlines an element puts before and after itself: 2 = blank line (a paragraph), 1 = a line.
_BREAKS: dict[str, int] = {
    **dict.fromkeys(("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "pre", "hr"), 2),
    **dict.fromkeys(("blockquote", "ul", "ol", "dl", "address", "figure", "form"), 2),
    **dict.fromkeys(("div", "center", "li", "dt", "dd", "tr", "td", "th", "caption"), 1),
    **dict.fromkeys(("thead", "tbody", "tfoot", "section", "article", "header", "footer"), 1),
    **dict.fromkeys(("main", "nav", "aside", "body", "html", "document", "text", "page"), 1),
    **dict.fromkeys(("fieldset", "legend", "figcaption", "details", "summary"), 1),
}
_KINDS: dict[str, BlockKind] = {
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "heading"),
    "li": "list_item",
    "pre": "pre",
}
# Elements whose whole content is never shown.
_SKIP = frozenset(
    [
        "script",
        "style",
        "head",
        "title",
        "noscript",
        "template",
        "iframe",
        "object",
        "svg",
        "math",
        "select",
        "option",
        "textarea",
        "button",
        "map",
        "xml",
        "ix:header",
    ]
)
# EDGAR SGML tags that HTML parsing keeps as elements: their own text is metadata.
_SGML = frozenset(("type", "sequence", "filename", "description"))
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_ORDINALS = frozenset(("st", "nd", "rd", "th"))
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\ufeff", "\xad")  # zero-width marks, soft hyphen
_MAX_COLSPAN = 100
_MAX_ROWSPAN = 1000

# Tags whose unclosed repetition nests without end; flattened when the parser hits its depth limit.
_NESTING_TAGS = re.compile(
    r"<(/?)(div|center|blockquote|section|article|font|span|b|i|u|em|strong|small|big|a)\b[^>]*>",
    re.IGNORECASE,
)
_STRUCTURE_TAGS = re.compile(
    r"</?(?:table|thead|tbody|tfoot|tr|td|th|ul|ol|li|dl|dt|dd|p|h[1-6]|pre|form)\b[^>]*>", re.IGNORECASE
)
_BLOCKISH = frozenset(("div", "center", "blockquote", "section", "article"))


_NO_META = DocumentMeta()


def html_to_document(name: str, html: str, meta: DocumentMeta = _NO_META) -> Document:
    """Parse an HTML release into a Document (see the module docstring for the text layout)."""
    root, data = _parse(html)
    if root is None:
        return Document(name=name, text="", format="html", meta=meta)
    hidden = _hidden_elements(root) if _may_hide(data) else _NONE_HIDDEN
    out = _Out(hidden)
    tables = _Tables()
    _walk(root, out, tables)
    out.brk(1)
    text = "".join(out.parts).rstrip("\n")
    found = tables.build(text)
    for start, end in out.pre_regions:
        found.extend(find_ascii_tables(text, 0, start, end))
    found.sort(key=lambda t: t.span.start)
    found = [dataclasses.replace(t, index=i) for i, t in enumerate(found)]
    return Document(
        name=name, text=text, format="html", blocks=tuple(out.blocks), tables=tuple(found), meta=meta
    )


def _parse(html: str) -> tuple[etree._Element | None, bytes]:
    """Parse with recovery; flatten runaway nesting when the parser's depth limit is hit.

    Returns the root and the bytes it was parsed from.
    """
    for invisible in _INVISIBLE:
        if invisible in html:
            html = html.replace(invisible, "")
    data = html.encode("utf-8", "replace")
    root, too_deep = _parse_bytes(data)
    if too_deep:  # the parser stopped at its depth limit: flatten inline and block nesting
        html = _NESTING_TAGS.sub(_flatten_tag, html)
        data = html.encode("utf-8", "replace")
        root, too_deep = _parse_bytes(data)
    if too_deep:  # still too deep (nested tables or lists): keep the text, lose the structure
        data = _STRUCTURE_TAGS.sub("<br>", html).encode("utf-8", "replace")
        root, _ = _parse_bytes(data)
    return root, data


def _parse_bytes(data: bytes) -> tuple[etree._Element | None, bool]:
    # lxml's plain HTML parser (the one under lxml.html, without its Python element classes).
    parser = etree.HTMLParser(
        encoding="utf-8", recover=True, huge_tree=False, remove_comments=True, remove_pis=True
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, False  # nothing but whitespace or markup without content
    too_deep = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return root, too_deep


def _flatten_tag(match: re.Match[str]) -> str:
    return "<br>" if match.group(2).lower() in _BLOCKISH else ""


# Under IGNORECASE, "i" also matches "\u0130" and "\u0131", and "s" matches "\u017f" (UTF-8 here).
_CASE_TWINS = (b"\xc4\xb0", b"\xc4\xb1", b"\xc5\xbf")
_CHAR_REF = re.compile(rb"&#(?:x([0-9a-f]+)|([0-9]+))")
# What `\s*:\s*` can be in lowercased bytes: any non-ASCII character (it may be a space),
# entity and character references (which may stand for a space or the colon).
_REF = rb"&[#0-9a-z]+;?"
_GAP = rb"(?:[\s\x1c-\x1f]|[\x80-\xff]|" + _REF + rb")*"
_HIDING = (
    (b"display", re.compile(_GAP + rb"(?::|" + _REF + rb")" + _GAP + rb"none")),
    (b"visibility", re.compile(_GAP + rb"(?::|" + _REF + rb")" + _GAP + rb"hidden")),
)
_NONE_HIDDEN: frozenset[etree._Element] = frozenset()


def _may_hide(data: bytes) -> bool:
    """False when no `style` parsed from `data` can match `_HIDDEN`: most releases hide nothing.

    A match needs "display" + colon + "none" or "visibility" + colon + "hidden" in the
    attribute value, so in the bytes: in any ASCII case, with the colon and spaces perhaps
    written as references. A letter spelt as a character reference, or a non-ASCII letter
    that IGNORECASE takes for "i" or "s", could hide a match: then say True (HTML's named
    entities stand for no ASCII letter).
    """
    if (b"\xc4" in data or b"\xc5" in data) and any(twin in data for twin in _CASE_TWINS):
        return True  # (one-byte searches first: much faster than two-byte ones)
    low = data.lower()
    if b"&#" in low and _refs_spell_letters(low):
        return True
    for word, after in _HIDING:
        pos = low.find(word)
        while pos >= 0:
            if after.match(low, pos + len(word)):
                return True
            pos = low.find(word, pos + 1)
    return False


def _refs_spell_letters(low: bytes) -> bool:
    for hex_digits, digits in set(_CHAR_REF.findall(low)):
        code = int(hex_digits, 16) if hex_digits else int(digits)
        if (code < 128 and chr(code).isalpha()) or code in (0x130, 0x131, 0x17F):
            return True
    return False


def _hidden_elements(root: etree._Element) -> frozenset[etree._Element]:
    """Elements hidden by `display: none` or `visibility: hidden`.

    Found in one pass before the walk (lxml keeps the proxies of the elements held here,
    so the walk meets the same objects).
    """
    hidden = []
    for el in root.iter():
        style = el.get("style")
        if not style:
            continue
        maybe = "one" in style or "idden" in style or "ONE" in style or "IDDEN" in style
        if maybe and _could_hide(style.lower()) and _HIDDEN.search(style):
            hidden.append(el)
    return frozenset(hidden)


def _could_hide(low: str) -> bool:
    """A quick necessary condition for `_HIDDEN` on a lowercased style, in letters that
    IGNORECASE matches only in ASCII: "none" after "display", "dden" after "visibility"."""
    return ("none" in low and "play" in low) or ("dden" in low and "ty" in low)


class _Out:
    """Accumulates text parts with a running offset and closes blocks at block breaks.

    With `oneline`, breaks become spaces: used for the text of a table cell.
    """

    __slots__ = (
        "block_end",
        "block_start",
        "blocks",
        "hidden",
        "kind",
        "newlines",
        "oneline",
        "parts",
        "pos",
        "pre",
        "pre_regions",
        "space",
    )

    def __init__(self, hidden: frozenset[etree._Element], oneline: bool = False) -> None:
        self.hidden = hidden  # elements not shown
        self.parts: list[str] = []
        self.pos = 0
        self.newlines = 2  # newlines at the end of the text; 2 at the start: nothing to separate
        self.space = False  # whitespace seen since the last word
        self.block_start = -1
        self.block_end = 0
        self.kind: BlockKind = "paragraph"
        self.blocks: list[Block] = []
        self.oneline = oneline
        self.pre = 0
        self.pre_regions: list[tuple[int, int]] = []

    def text(self, raw: str) -> None:
        if self.pre:
            self.verbatim(raw)
            return
        words = raw.split()
        if not words:
            self.space = True
            return
        if (self.space or raw[0].isspace()) and not self.newlines:
            self.parts.append(" ")
            self.pos += 1
        if self.block_start < 0:
            self.block_start = self.pos
        s = words[0] if len(words) == 1 else " ".join(words)
        self.parts.append(s)
        self.pos += len(s)
        self.block_end = self.pos
        self.space = raw[-1].isspace()
        self.newlines = 0

    def verbatim(self, raw: str) -> None:
        s = raw.replace("\xa0", " ")
        body = s.strip()
        if not body:
            self.put(s)
            return
        if self.block_start < 0:
            self.block_start = self.pos + s.index(body[0])
        self.block_end = self.pos + len(s.rstrip())
        self.put(s)

    def put(self, s: str) -> None:
        if s:
            self.parts.append(s)
            self.pos += len(s)
            tail = len(s) - len(s.rstrip("\n"))
            self.newlines = tail if tail < len(s) else self.newlines + tail
            self.space = False

    def line_break(self) -> None:
        if self.oneline:
            self.space = True
        elif self.newlines == 0:
            self.parts.append("\n")
            self.pos += 1
            self.newlines = 1
            self.space = False
        elif self.newlines == 1 and self.block_start >= 0:
            self.brk(2)  # a second <br> in a row ends the paragraph

    def brk(self, n: int) -> None:
        if self.oneline:
            self.space = True
            return
        if self.block_start >= 0:
            self.blocks.append(Block(self.kind, Span(self.block_start, self.block_end)))
            self.block_start = -1
        if self.newlines < n:
            self.parts.append("\n" * (n - self.newlines))
            self.pos += n - self.newlines
            self.newlines = n
        self.space = False


def _walk(root: etree._Element, out: _Out, tables: _Tables | None) -> None:
    """One iterative pass over the tree (no recursion: nesting depth is unbounded)."""
    walker = etree.iterwalk(root, events=("start", "end"))
    hidden = out.hidden
    skipped = None
    for event, el in walker:
        tag = el.tag
        if event == "start":
            # Unseen content, and data tables (written whole by `grid`), are not descended into.
            unseen = not isinstance(tag, str) or tag in _SKIP or el in hidden
            if unseen or (tag == "table" and tables is not None and tables.grid(el, out)):
                walker.skip_subtree()
                skipped = el
            else:
                _start(el, tag, out)
            continue
        if el is not skipped:
            _end(tag, out)
        if el is not root and el.tail:
            out.text(el.tail)


def _start(el: etree._Element, tag: str, out: _Out) -> None:
    n = _BREAKS.get(tag)
    if n:
        out.brk(n)
        kind = _KINDS.get(tag)
        if kind:
            out.kind = kind
            if kind == "pre" and not out.oneline:
                out.pre += 1
                out.pre_regions.append((out.pos, -1))
    elif tag == "br":
        out.line_break()
    elif tag == "sup" and el.text and el.text.strip() not in _ORDINALS:
        out.space = True  # a footnote mark reads as its own word: "Revenue (1)"
    if el.text and tag not in _SGML:
        out.text(el.text)


def _end(tag: str, out: _Out) -> None:
    n = _BREAKS.get(tag)
    if n:
        out.brk(n)
        if tag in _KINDS:
            if out.kind == "pre" and out.pre:
                out.pre -= 1
                start, _ = out.pre_regions[-1]
                out.pre_regions[-1] = (start, out.pos)
            out.kind = "paragraph"


@dataclass(slots=True)
class _Raw:
    """A cell as read from the HTML, before the grid is laid out."""

    text: str
    header: bool = False
    colspan: int = 1
    rowspan: int = 1
    home: int = -1  # for a merged "$" + number cell: the column the number came from


@dataclass(slots=True)
class _Grid:
    """A data table after layout: ids into `cells` (-1 = empty) and, once written, spans."""

    cells: list[_Raw]
    rows: list[list[int]]
    spans: dict[int, Span]
    start: int = 0
    end: int = 0


class _Tables:
    """Collects the data tables met during the walk; builds `Table`s once the text is known."""

    def __init__(self) -> None:
        # Rows of cells, start and end offset of each table; the raw grid is not kept.
        self.found: list[tuple[tuple[tuple[Cell, ...], ...], int, int]] = []

    def grid(self, el: etree._Element, out: _Out) -> bool:
        """Write `el` as a grid and return True, or return False for a layout table."""
        rows = _read_rows(el, out.hidden)
        if rows is None or _is_layout(rows):
            return False
        grid = _lay_out(rows)
        if not grid.rows:
            return False
        out.brk(2)
        _write(grid, out)
        out.brk(2)
        heads = _header_rows(grid)
        cells = tuple(_cells(grid, row, k < heads) for k, row in enumerate(grid.rows))
        self.found.append((cells, grid.start, grid.end))
        return True

    def build(self, text: str) -> list[Table]:
        tables = []
        floor = 0
        for i, (rows, start, end) in enumerate(self.found):
            context = context_before(text, start, floor)
            tables.append(Table(index=i, span=Span(start, end), rows=rows, context=context))
            floor = end
        return tables


def _read_rows(table: etree._Element, hidden: frozenset[etree._Element]) -> list[list[_Raw]] | None:
    """The rows of `table` as raw cells, or None when it holds another table (layout)."""
    rows: list[list[_Raw]] = []
    for el in table.iter("table", "tr"):
        if el.tag == "table":
            if el is not table:
                return None
            continue
        if el in hidden:
            continue  # a hidden row shows nothing
        parent = el.getparent()
        in_head = parent is not None and parent.tag == "thead"
        rows.append([_read_cell(c, in_head, hidden) for c in el if c.tag in ("td", "th") and c not in hidden])
    return rows


def _read_cell(cell: etree._Element, in_head: bool, hidden: frozenset[etree._Element]) -> _Raw:
    text = _chain_text(cell, hidden)
    if text is None:
        out = _Out(hidden, oneline=True)
        _walk(cell, out, None)
        text = "".join(out.parts)
    colspan = cell.get("colspan")
    rowspan = cell.get("rowspan")
    if not (text or colspan or rowspan or in_head or cell.tag == "th"):
        return _NO_TEXT  # most spacer cells: one shared object keeps big tables small
    return _Raw(
        text,
        cell.tag == "th" or in_head,
        _span_value(colspan, _MAX_COLSPAN) if colspan else 1,
        _span_value(rowspan, _MAX_ROWSPAN) if rowspan else 1,
    )


_NO_TEXT = _Raw("")


def _chain_text(cell: etree._Element, hidden: frozenset[etree._Element]) -> str | None:
    """Fast path for a cell whose elements nest one in another (`<td><p><b>1</b></p></td>`).

    Returns None for anything else, which `_walk` reads in full.
    """
    heads = [cell.text or ""]
    tails: list[str] = []
    el = cell
    while len(el):
        if len(el) > 1:
            return None
        el = el[0]
        tag = el.tag
        if (
            isinstance(el, _NOT_ELEMENTS)
            or tag in _SKIP
            or tag in _SGML
            or tag in _INLINE_SPECIAL
            or el in hidden
        ):
            return None
        gap = " " if tag in _BREAKS else ""  # a block inside a cell reads as a space
        heads.append(gap + (el.text or ""))
        tails.append(gap + (el.tail or ""))
    raw = "".join(heads) + "".join(reversed(tails))
    return " ".join(raw.split())


_INLINE_SPECIAL = frozenset(("br", "sup", "pre"))
_NOT_ELEMENTS = (etree._Comment, etree._ProcessingInstruction, etree._Entity)


def _span_value(value: str, limit: int) -> int:
    digits = value.strip().rstrip(";")
    return min(int(digits), limit) if digits.isdigit() and int(digits) > 0 else 1


# A bullet, dash or footnote mark in front of the only text cell of a row: "•", "(1)", "a)".
_MARK = re.compile(r"[^\w\s]{1,3}|\(?[0-9a-zA-Z*]{1,2}[.)]|\*{1,3}")


def _is_layout(rows: list[list[_Raw]]) -> bool:
    """True when no row has two text cells, not counting a leading bullet or footnote mark."""
    for row in rows:
        texts = [c.text for c in row if c.text]
        if len(texts) > 1 and _MARK.fullmatch(texts[0]):
            texts = texts[1:]
        if len(texts) > 1:
            return False
    return True


def _lay_out(rows: list[list[_Raw]]) -> _Grid:
    cells: list[_Raw] = []
    carry: dict[int, list[int]] = {}  # column -> [cell id, rows still covered] for rowspans
    grid = [_expand(row, cells, carry) for row in rows]
    width = max((len(r) for r in grid), default=0)
    for r in grid:
        r.extend([-1] * (width - len(r)))
        _merge_split(r, cells)
    grid = _squeeze([r for r in grid if any(i >= 0 for i in r)], cells)
    return _Grid(cells, grid, {})


def _expand(row: list[_Raw], cells: list[_Raw], carry: dict[int, list[int]]) -> list[int]:
    """Grid ids of one row: colspans repeated, cells of earlier rowspans carried down."""
    out: list[int] = []
    last_held = max(carry, default=-1)
    queue = iter(row)
    raw = next(queue, None)
    while raw is not None or len(out) <= last_held:
        held = carry.get(len(out))
        if held is not None:  # a cell from a row above still covers this column
            out.append(held[0])
            held[1] -= 1
            if held[1] == 0:
                del carry[len(out) - 1]
        elif raw is None:
            out.append(-1)
        else:
            _place(raw, out, cells, carry)
            raw = next(queue, None)
    return out


def _place(raw: _Raw, out: list[int], cells: list[_Raw], carry: dict[int, list[int]]) -> None:
    rid = -1
    if raw.text:
        rid = len(cells)
        cells.append(raw)
    for _ in range(raw.colspan):
        if raw.rowspan > 1:
            carry[len(out)] = [rid, raw.rowspan - 1]
        out.append(rid)


_CURRENCY = frozenset(("$", "($", "US$", "$US", "C$", "A$", "R$", "€", "(€", "£", "(£", "¥", "(¥"))
# What may close a number from the next cell: ")" or "%", possibly with a footnote mark.
_CLOSER = re.compile(r"(?:\)%?\)?|%\)?|pts|bps)(?:[ ]?\([0-9a-z]{1,2}\)|\*{1,3})?")
_VALUE_START = re.compile(r"[\d.(\-–—]")


def _merge_split(row: list[int], cells: list[_Raw]) -> None:
    """Join "$" with the number after it and ")" or "%" with the number before it, in place."""
    runs: list[tuple[int, int, int]] = []  # (id, first column, last column), merged as we go
    for col, rid in enumerate(row):
        if rid < 0:
            continue
        if runs and runs[-1][0] == rid:
            runs[-1] = (rid, runs[-1][1], col)
            continue
        if runs:
            prev = cells[runs[-1][0]].text
            text = cells[rid].text
            closes = _closes(prev, text)
            opens = not closes and prev in _CURRENCY and _VALUE_START.match(text) is not None
            if closes or opens:
                pid, first, _ = runs.pop()
                home = col if opens else cells[pid].home if cells[pid].home >= 0 else first
                cells.append(_Raw(prev + text, cells[pid].header or cells[rid].header, home=home))
                rid = len(cells) - 1
                row[first : col + 1] = [rid] * (col + 1 - first)
                runs.append((rid, first, col))
                continue
        runs.append((rid, col, col))
    for rid, first, last in runs:
        row[first : last + 1] = [rid] * (last + 1 - first)


def _closes(number: str, text: str) -> bool:
    """True when `text` is the ")" or "%" that ends `number`: "(1,234" + ")", "(23)" + "%"."""
    if not (number[-1:].isdigit() or (number[-1:] == ")" and text[:1] == "%")):
        return False
    return _CLOSER.fullmatch(text) is not None


def _squeeze(rows: list[list[int]], cells: list[_Raw]) -> list[list[int]]:
    """Drop spacer columns: keep a column only where some cell needs it.

    A cell that covers one column needs that column; a merged "$" + number cell needs the
    number's column; a cell covering several columns needs one of them, the first, unless
    another is needed already. Columns that then hold the same cell as their left neighbour
    in every row are merged.
    """
    if not rows:
        return rows
    width = len(rows[0])
    needed = [False] * width
    for r in rows:
        for j, rid in enumerate(r):
            if (rid >= 0 and (j == 0 or r[j - 1] != rid) and (j + 1 == width or r[j + 1] != rid)) or (
                rid >= 0 and cells[rid].home == j
            ):
                needed[j] = True
    for r in rows:
        for first, last in _runs(r):
            if not any(needed[first : last + 1]):
                needed[first] = True
    keep = [j for j in range(width) if needed[j]]
    rows = [[r[j] for j in keep] for r in rows]
    keep = [j for j in range(len(keep)) if j == 0 or any(r[j] != r[j - 1] for r in rows)]
    return [[r[j] for j in keep] for r in rows]


def _runs(row: list[int]) -> list[tuple[int, int]]:
    """(first, last) columns of each multi-column cell of a row."""
    runs = []
    j = 0
    while j < len(row):
        k = j
        while k + 1 < len(row) and row[k + 1] == row[j]:
            k += 1
        if row[j] >= 0 and k > j:
            runs.append((j, k))
        j = k + 1
    return runs


def _write(grid: _Grid, out: _Out) -> None:
    """Write the rows, one line each, recording the span of each cell where first written."""
    grid.start = out.pos
    for row in grid.rows:
        texts: list[str] = []
        line_pos = out.pos
        prev = -1
        for rid in row:
            if rid < 0 or rid == prev or rid in grid.spans:
                prev = rid
                continue
            prev = rid
            if texts:
                line_pos += 3
            text = grid.cells[rid].text
            grid.spans[rid] = Span(line_pos, line_pos + len(text))
            line_pos += len(text)
            texts.append(text)
        if texts:
            out.put(" | ".join(texts) + "\n")
            grid.end = out.pos - 1
    if grid.end > grid.start:
        out.blocks.append(Block("table", Span(grid.start, grid.end)))


_EMPTY = Cell("", None)
_NUMBER = re.compile(r"[$(\-–—]{0,3}\d[\d,]*(?:\.\d+)?[)%]{0,2}")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _cells(grid: _Grid, row: list[int], header: bool) -> tuple[Cell, ...]:
    out: list[Cell] = []
    for j, rid in enumerate(row):
        if rid < 0:
            out.append(_EMPTY)
            continue
        if j and row[j - 1] == rid:
            out.append(out[-1])  # the same cell, once per column it covers
            continue
        colspan = 1
        while j + colspan < len(row) and row[j + colspan] == rid:
            colspan += 1
        raw = grid.cells[rid]
        out.append(Cell(raw.text, grid.spans.get(rid), colspan, raw.header or header))
    return tuple(out)


def _header_rows(grid: _Grid) -> int:
    """How many rows head the table: those above the first row with a number (not a year)
    outside the label column, or above a label-only row ("Revenue:") that follows a heading row.
    """
    headed = False
    for k, r in enumerate(grid.rows):
        others = [i for i in r[1:] if i >= 0 and i != r[0]]
        if any(_is_value(grid.cells[i].text) for i in others) or (headed and not others):
            return k
        headed = headed or bool(others)
    return 0


def _is_value(text: str) -> bool:
    return _NUMBER.fullmatch(text) is not None and _YEAR.fullmatch(text) is None
