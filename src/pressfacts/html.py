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

Table cells are most of a release (tens of thousands per page), so reading stays lean: a
page whose bytes cannot hide anything (`_may_hide`) or hold no colspan/rowspan skips those
attribute lookups; a cell's text is read along its chain of single children (`_cell_text`),
and a blank row or cell is told by one call into lxml. `_cell_walk` and `_walk` define the
reading; the fast paths give the same text.
"""

from __future__ import annotations

import dataclasses
import functools
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


def html_to_document(
    name: str, html: str, meta: DocumentMeta = _NO_META, *, utf8: bytes | None = None
) -> Document:
    """Parse an HTML release into a Document (see the module docstring for the text layout).

    `utf8`, when given, must be `html.encode("utf-8")`: it saves encoding the text again.
    """
    root, data = _parse(html, utf8)
    if root is None:
        return Document(name=name, text="", format="html", meta=meta)
    low = data.lower()  # attribute names are in it in any case; the parser lowercases them
    out = _Out(hide=_may_hide(data, low))
    tables = _Tables(colspans=_COLSPAN.search(low) is not None, rowspans=_ROWSPAN.search(low) is not None)
    _walk(root, out, tables)
    out.brk(1)
    text = "".join(out.parts).rstrip("\n")
    found = tables.build(text)
    for start, end in out.pre_regions:
        found.extend(find_ascii_tables(text, 0, start, end))
    found.sort(key=lambda t: t.span.start)
    found = [t if t.index == i else dataclasses.replace(t, index=i) for i, t in enumerate(found)]
    return Document(
        name=name, text=text, format="html", blocks=tuple(out.blocks), tables=tuple(found), meta=meta
    )


def _parse(html: str, utf8: bytes | None = None) -> tuple[etree._Element | None, bytes]:
    """Parse with recovery; flatten runaway nesting when the parser's depth limit is hit.

    Returns the root and the bytes it was parsed from.
    """
    for invisible in _INVISIBLE:
        if invisible in html:
            html = html.replace(invisible, "")
            utf8 = None
    data = html.encode("utf-8", "replace") if utf8 is None else utf8
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
_REF_BYTES = rb"&[#0-9a-z]+;?"
_SPACE_BYTES = rb"(?:[\s\x1c-\x1f]|[\x80-\xff]|" + _REF_BYTES + rb")*"
_COLON_BYTES = _SPACE_BYTES + rb"(?::|" + _REF_BYTES + rb")" + _SPACE_BYTES
# "(d)isplay" or "(v)isibility", colon, "none" or "hidden": one search, with a literal to
# look for first, finds both (and a few more, which only costs checking every style).
_HIDING = re.compile(rb"is(?:play|ibility)" + _COLON_BYTES + rb"(?:none|hidden)")
# (A regex finds these literals faster than `in` does.)
_AMP_HASH = re.compile(rb"&#")
_COLSPAN = re.compile(rb"colspan")
_ROWSPAN = re.compile(rb"rowspan")


def _may_hide(data: bytes, low: bytes) -> bool:
    """False when no `style` parsed from `data` (`low`: lowercased) can match `_HIDDEN`,
    as in most releases: then no element needs its style checked.

    A match needs "display" + colon + "none" or "visibility" + colon + "hidden" in the
    attribute value, so in the bytes: in any ASCII case, with the colon and spaces perhaps
    written as references. A letter spelt as a character reference, or a non-ASCII letter
    that IGNORECASE takes for "i" or "s", could hide a match: then say True (HTML's named
    entities stand for no ASCII letter).
    """
    if (b"\xc4" in data or b"\xc5" in data) and any(twin in data for twin in _CASE_TWINS):
        return True  # (one-byte searches first: much faster than two-byte ones)
    if _AMP_HASH.search(low) and _refs_spell_letters(low):
        return True
    return _HIDING.search(low) is not None


def _refs_spell_letters(low: bytes) -> bool:
    for hex_digits, digits in set(_CHAR_REF.findall(low)):
        code = int(hex_digits, 16) if hex_digits else int(digits)
        if (code < 128 and chr(code).isalpha()) or code in (0x130, 0x131, 0x17F):
            return True
    return False


def _hidden(el: etree._Element) -> bool:
    """True for an element hidden by `display: none` or `visibility: hidden`.

    Asked of the elements the walk meets, on pages where `_may_hide` is True.
    """
    style = el.get("style")
    return _hiding(style) if style else False


@functools.lru_cache(maxsize=1024)  # pages repeat a few styles on thousands of cells
def _hiding(style: str) -> bool:
    if not ("one" in style or "idden" in style or "ONE" in style or "IDDEN" in style):
        return False
    if style.isascii():  # the same as `_HIDDEN`, much faster: two searches for a literal
        low = style.lower()
        return _DISPLAY_NONE.search(low) is not None or _VISIBILITY_HIDDEN.search(low) is not None
    return _HIDDEN.search(style) is not None


_DISPLAY_NONE = re.compile(r"display\s*:\s*none")
_VISIBILITY_HIDDEN = re.compile(r"visibility\s*:\s*hidden")


class _Out:
    """Accumulates text parts with a running offset and closes blocks at block breaks."""

    __slots__ = (
        "block_end",
        "block_start",
        "blocks",
        "hide",
        "kind",
        "newlines",
        "parts",
        "pos",
        "pre",
        "pre_regions",
        "space",
    )

    def __init__(self, hide: bool) -> None:
        self.hide = hide  # whether elements may be hidden by their style
        self.parts: list[str] = []
        self.pos = 0
        self.newlines = 2  # newlines at the end of the text; 2 at the start: nothing to separate
        self.space = False  # whitespace seen since the last word
        self.block_start = -1
        self.block_end = 0
        self.kind: BlockKind = "paragraph"
        self.blocks: list[Block] = []
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
        if self.newlines == 0:
            self.parts.append("\n")
            self.pos += 1
            self.newlines = 1
            self.space = False
        elif self.newlines == 1 and self.block_start >= 0:
            self.brk(2)  # a second <br> in a row ends the paragraph

    def brk(self, n: int) -> None:
        if self.block_start >= 0:
            self.blocks.append(Block(self.kind, Span(self.block_start, self.block_end)))
            self.block_start = -1
        if self.newlines < n:
            self.parts.append("\n" * (n - self.newlines))
            self.pos += n - self.newlines
            self.newlines = n
        self.space = False


def _walk(root: etree._Element, out: _Out, tables: _Tables) -> None:
    """One iterative pass over the tree (no recursion: nesting depth is unbounded)."""
    walker = etree.iterwalk(root, events=("start", "end"))
    hide = out.hide
    skipped = None
    for event, el in walker:
        tag = el.tag
        if event == "start":
            # Unseen content, and data tables (written whole by `grid`), are not descended into.
            if (
                tag.__class__ is not str
                or tag in _SKIP
                or (hide and _hidden(el))
                or (tag == "table" and tables.grid(el, out))
            ):
                walker.skip_subtree()
                skipped = el
                continue
            n = _BREAKS.get(tag)
            if n:
                out.brk(n)
                kind = _KINDS.get(tag)
                if kind:
                    out.kind = kind
                    if kind == "pre":
                        out.pre += 1
                        out.pre_regions.append((out.pos, -1))
            elif tag == "br":
                out.line_break()
            text = el.text
            if text:
                if tag == "sup" and text.strip() not in _ORDINALS:
                    out.space = True  # a footnote mark reads as its own word: "Revenue (1)"
                if tag not in _SGML:
                    out.text(text)
            continue
        if el is not skipped:
            n = _BREAKS.get(tag)
            if n:
                out.brk(n)
                if tag in _KINDS:
                    if out.kind == "pre" and out.pre:
                        out.pre -= 1
                        start, _ = out.pre_regions[-1]
                        out.pre_regions[-1] = (start, out.pos)
                    out.kind = "paragraph"
        if el is not root:
            tail = el.tail
            if tail:
                out.text(tail)


@dataclass(slots=True)
class _Grid:
    """A data table after layout: rows of ids into `texts` (-1 = empty) and, once written,
    the span of each id. `heads[id]` says whether the cell is a header cell."""

    texts: list[str]
    heads: list[bool]
    rows: list[tuple[int, ...]]
    spans: dict[int, Span]
    start: int = 0
    end: int = 0


class _Tables:
    """Collects the data tables met during the walk; builds `Table`s once the text is known.

    `colspans` and `rowspans` say whether the page has those attributes at all.
    """

    def __init__(self, colspans: bool = True, rowspans: bool = True) -> None:
        # Rows of cells, start and end offset of each table; the raw grid is not kept.
        self.found: list[tuple[tuple[tuple[Cell, ...], ...], int, int]] = []
        self.colspans = colspans
        self.rowspans = rowspans

    def grid(self, el: etree._Element, out: _Out) -> bool:
        """Write `el` as a grid and return True, or return False for a layout table."""
        grid = _read_grid(el, out.hide, self.colspans, self.rowspans)
        if grid is None or not grid.rows:
            return False
        out.brk(2)
        cells = _write(grid, out)
        out.brk(2)
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


def _read_grid(
    table: etree._Element, hide: bool, colspans: bool = True, rowspans: bool = True
) -> _Grid | None:
    """Read the cells of `table` into a grid, or return None for a layout table: one that
    holds another table, or whose rows have at most one text cell each, not counting a
    leading bullet or footnote mark.

    Each cell with text gets an id (its index in `texts`), repeated for each column it covers
    (colspan), and carried down into the rows below that it covers (rowspan); an empty cell
    is -1. Without `colspans` or `rowspans` the page has no such attribute to look up.
    """
    texts: list[str] = []
    heads: list[bool] = []
    rows: list[list[int]] = []
    joining: list[bool] = []  # per row: may hold split notation to merge
    carry: dict[int, list[int]] = {}  # column -> [cell id, rows still covered] for rowspans
    carried = False  # whether some cell covers more than one row
    is_data = False
    for el in table.iter("table", "tr"):
        if el.tag == "table":
            if el is not table:
                return None
            continue
        if hide and _hidden(el):
            continue  # a hidden row shows nothing
        if not rowspans and _blank(el):
            continue  # shows nothing, and without rowspans changes nothing (see `_lay_out`)
        parent = el.getparent()
        in_head = parent is not None and parent.tag == "thead"
        out: list[int] = []
        first = len(texts)
        joins = False
        last_held = max(carry) if carry else -1
        for cell in el:
            tag = cell.tag
            if tag == "td":
                header = in_head
            elif tag == "th":
                header = True
            else:
                continue
            if hide and _hidden(cell):
                continue
            text = cell.text
            if len(cell):
                text = _cell_text(cell, text, hide)
            elif text:
                text = " ".join(text.split())
            else:
                text = ""
            value = cell.get("colspan") if colspans else None
            colspan = (_COLSPANS.get(value) or _span_value(value, _MAX_COLSPAN)) if value else 1
            value = cell.get("rowspan") if rowspans else None
            rowspan = (_ROWSPANS.get(value) or _span_value(value, _MAX_ROWSPAN)) if value else 1
            if carry:  # columns that cells of the rows above still cover come first
                held = carry.get(len(out))
                while held is not None:
                    out.append(held[0])
                    joins = True
                    held[1] -= 1
                    if not held[1]:
                        del carry[len(out) - 1]
                    held = carry.get(len(out))
            if text:
                rid = len(texts)
                texts.append(text)
                heads.append(header)
                if not joins and (
                    text in _CURRENCY or (text[0] in _CLOSER_START and _CLOSER.fullmatch(text))
                ):
                    joins = True
            else:
                rid = -1
            if rowspan > 1:
                carried = True
                for col in range(len(out), len(out) + colspan):
                    carry[col] = [rid, rowspan - 1]
            if colspan == 1:
                out.append(rid)
            else:
                out.extend([rid] * colspan)
        while len(out) <= last_held:
            held = carry.get(len(out))
            if held is None:
                out.append(-1)
                continue
            out.append(held[0])
            joins = True
            held[1] -= 1
            if not held[1]:
                del carry[len(out) - 1]
        count = len(texts) - first
        if count > 1 and not is_data:
            is_data = count > 2 or not _MARK.fullmatch(texts[first])
        rows.append(out)
        joining.append(joins)
    if not is_data:
        return None
    return _lay_out(texts, heads, rows, joining, carried)


def _all_text(el: etree._Element) -> str:
    """All the text inside `el`, hidden or not, in one call into lxml."""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def _blank(el: etree._Element) -> bool:
    """True when `el` holds no text but whitespace, hidden or not: then no reading of it
    shows any (much cheaper to tell than reading its elements one by one)."""
    text = _all_text(el)
    return not text or text.isspace()


def _cell_text(cell: etree._Element, text: str | None, hide: bool) -> str:
    """The text of a cell that has child elements (`text` is its own leading text): as the
    walk reads it, on one line, with a space for each break (a block, `<br>`, a footnote mark).

    Fast path for a cell whose elements nest one in another (`<td><p><b>1</b></p></td>`);
    anything else is read by `_cell_walk`.
    """
    everything = _all_text(cell)
    if not everything or everything.isspace():
        return ""  # no reading shows any text
    if len(cell) == 1:  # the most common: one child without children of its own
        child = cell[0]
        if not len(child):
            kind = _CELL_KINDS.get(child.tag, _PLAIN)
            if (kind is _PLAIN or kind is _GAP) and not (hide and _hidden(child)):
                if kind is _PLAIN:  # no break: the text is all the text inside
                    return " ".join(everything.split())
                inner = child.text
                tail = child.tail
                return " ".join(f"{text or ''} {inner or ''} {tail or ''}".split())
    heads = [text] if text else []
    tails: list[str] = []
    el = cell
    while True:
        n = len(el)
        if not n:
            break
        if n > 1:
            return _cell_walk(cell, hide)
        el = el[0]
        kind = _CELL_KINDS.get(el.tag, _PLAIN)
        text = el.text
        tail = el.tail
        if kind is _UNSEEN or (hide and _hidden(el)):
            if tail:
                tails.append(tail)
            break
        if kind is _PLAIN:
            if text:
                heads.append(text)
            if tail:
                tails.append(tail)
            continue
        if kind is _GAP:  # a block inside a cell reads as a space
            heads.append(" " + text if text else " ")
            tails.append(" " + tail if tail else " ")
            continue
        if kind is _BR or (kind is _SUP and text and text.strip() not in _ORDINALS):
            heads.append(" " + text if text else " ")
        elif text and kind is not _NO_OWN_TEXT:
            heads.append(text)
        if tail:
            tails.append(tail)
    if tails:
        tails.reverse()
        heads += tails
    return " ".join("".join(heads).split())


def _cell_walk(cell: etree._Element, hide: bool) -> str:
    """`_cell_text` for any cell: the same reading as `_walk` on one line, in one pass."""
    parts: list[str] = []
    walker = etree.iterwalk(cell, events=("start", "end"))
    skipped = None
    for event, el in walker:
        kind = _CELL_KINDS.get(el.tag, _PLAIN)
        if event == "start":
            if kind is _UNSEEN or (hide and _hidden(el)):
                walker.skip_subtree()
                skipped = el
                continue
            text = el.text
            if kind is _GAP or kind is _BR or (kind is _SUP and text and text.strip() not in _ORDINALS):
                parts.append(" ")
            if text and kind is not _NO_OWN_TEXT:
                parts.append(text)
            continue
        if kind is _GAP and el is not skipped:
            parts.append(" ")
        if el is not cell:
            tail = el.tail
            if tail:
                parts.append(tail)
    return " ".join("".join(parts).split())


# How a cell's text takes an element (as `_walk` and `_Out` do, on one line): plain
# text; a block, a space around it; `<br>`, a space before; `<sup>`, a space before unless
# an ordinal; an SGML tag, without its own text; unseen, only its tail.
_PLAIN, _GAP, _BR, _SUP, _NO_OWN_TEXT, _UNSEEN = "plain", "gap", "br", "sup", "sgml", "unseen"
_CELL_KINDS: dict[object, str] = {
    **dict.fromkeys(_BREAKS, _GAP),
    "br": _BR,
    "sup": _SUP,
    **dict.fromkeys(_SGML, _NO_OWN_TEXT),
    **dict.fromkeys(_SKIP, _UNSEEN),
    # Comments, processing instructions and entities (their `tag` is their factory).
    **dict.fromkeys((etree.Comment, etree.ProcessingInstruction, etree.Entity), _UNSEEN),
}


def _span_value(value: str, limit: int) -> int:
    digits = value.strip().rstrip(";")
    return min(int(digits), limit) if digits.isdigit() and int(digits) > 0 else 1


# `_span_value` of the usual attribute values ("1" to "199"), looked up.
_COLSPANS = {str(n): _span_value(str(n), _MAX_COLSPAN) for n in range(1, 200)}
_ROWSPANS = {str(n): _span_value(str(n), _MAX_ROWSPAN) for n in range(1, 200)}


# A bullet, dash or footnote mark in front of the only text cell of a row: "•", "(1)", "a)".
_MARK = re.compile(r"[^\w\s]{1,3}|\(?[0-9a-zA-Z*]{1,2}[.)]|\*{1,3}")


def _lay_out(
    texts: list[str], heads: list[bool], rows: list[list[int]], joining: list[bool], carried: bool = True
) -> _Grid:
    """Pad the rows read to the same width, merge split notation, drop empty rows, squeeze.

    A row read without text (or skipped as blank) only adds columns that all its cells leave
    empty: the squeeze drops them again.
    """
    width = max(map(len, rows), default=0)
    homes: dict[int, int] = {}  # merged cell id -> the column of its number
    merged: list[tuple[list[int], int]] = []
    for r, joins in zip(rows, joining, strict=True):
        if len(r) < width:
            r.extend([-1] * (width - len(r)))
        if joins:
            _merge_split(r, texts, heads, homes, merged)
    kept = [r for r in rows if r and max(r) >= 0]
    home_columns = {homes[rid] for r, rid in merged if r[homes[rid]] == rid}
    return _Grid(texts, heads, _squeeze(kept, home_columns, carried), {})


_CURRENCY = frozenset(("$", "($", "US$", "$US", "C$", "A$", "R$", "€", "(€", "£", "(£", "¥", "(¥"))
# What may close a number from the next cell: ")" or "%", possibly with a footnote mark.
_CLOSER = re.compile(r"(?:\)%?\)?|%\)?|pts|bps)(?:[ ]?\([0-9a-z]{1,2}\)|\*{1,3})?")
_VALUE_START = re.compile(r"[\d.(\-–—]")
_CLOSER_START = frozenset(")%pb")  # (a row without a currency sign or a closer merges nothing)


def _merge_split(
    row: list[int],
    texts: list[str],
    heads: list[bool],
    homes: dict[int, int],
    merged: list[tuple[list[int], int]],
) -> None:
    """Join "$" with the number after it and ")" or "%" with the number before it, in place."""
    runs: list[tuple[int, int, int]] = []  # (id, first column, last column), merged as we go
    for col, rid in enumerate(row):
        if rid < 0:
            continue
        if runs and runs[-1][0] == rid:
            runs[-1] = (rid, runs[-1][1], col)
            continue
        if runs:
            prev = texts[runs[-1][0]]
            text = texts[rid]
            if text[0] not in _CLOSER_START and prev not in _CURRENCY:
                runs.append((rid, col, col))  # (neither closes nor opens: the quick test)
                continue
            closes = _closes(prev, text)
            opens = not closes and prev in _CURRENCY and _VALUE_START.match(text) is not None
            if closes or opens:
                pid, first, _ = runs.pop()
                homes[len(texts)] = col if opens else homes.get(pid, first)
                texts.append(prev + text)
                heads.append(heads[pid] or heads[rid])
                rid = len(texts) - 1
                merged.append((row, rid))
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


_NO_ID = frozenset((-1,))


def _squeeze(rows: list[list[int]], home_columns: set[int], carried: bool = True) -> list[tuple[int, ...]]:
    """Drop spacer columns: keep a column only where some cell needs it.

    A cell that covers one column needs that column; a merged "$" + number cell needs the
    number's column (`home_columns`); a cell covering several columns needs one of them,
    the first, unless another is needed already. Columns that then hold the same cell as
    their left neighbour in every row are merged.

    Unless cells were `carried` down by rowspans, each cell is in one row only: then the
    cells of a column that are in neither neighbour column are exactly those covering one
    column, and the sets of ids per column tell it all.
    """
    if not rows:
        return []
    width = len(rows[0])
    columns = list(zip(*rows, strict=True))
    edge = (-2,) * len(rows)
    ids = [set(c) for c in columns]
    ids.append({-2})  # (beyond the last column)
    needed = [False] * width
    for j in range(width):
        here = ids[j]
        if j in home_columns:
            needed[j] = True
        elif len(here) == 1 and -1 in here:
            continue  # an empty column
        elif here - ids[j - 1 if j else -1] - ids[j + 1] - _NO_ID:
            needed[j] = True  # a cell that is in neither neighbour column covers one column
        elif carried:  # (a cell carried down may cover other columns in other rows)
            left = columns[j - 1] if j else edge
            right = columns[j + 1] if j + 1 < width else edge
            for rid, before, after in zip(columns[j], left, right, strict=True):
                if rid >= 0 and rid != before and rid != after:
                    needed[j] = True
                    break
    # Columns where some cell goes on into the next one (a superset: `_runs` checks each
    # row). A run of columns with one of them needed needs nothing more: only rows where a
    # cell covers two columns neither of which is needed yet can change anything.
    joined = [j for j in range(width - 1) if not (ids[j] & ids[j + 1]) <= _NO_ID]
    loose = [j for j in joined if not needed[j] and not needed[j + 1]]
    if loose:
        for r in rows:
            if any(r[j] == r[j + 1] >= 0 for j in loose):
                for first, last in _runs(r, joined):
                    if not any(needed[first : last + 1]):
                        needed[first] = True
    kept = [columns[j] for j in range(width) if needed[j]]
    kept = [c for j, c in enumerate(kept) if j == 0 or c != kept[j - 1]]
    return list(zip(*kept, strict=True))


def _runs(row: list[int], joined: list[int]) -> list[tuple[int, int]]:
    """(first, last) columns of each multi-column cell of a row; `joined` lists (in order)
    the columns where a cell of some row goes on into the next column."""
    runs = []
    first = last = -2
    for j in joined:
        rid = row[j]
        if rid < 0 or row[j + 1] != rid:
            continue
        if j == last and row[first] == rid:
            last = j + 1
            continue
        if first >= 0:
            runs.append((first, last))
        first, last = j, j + 1
    if first >= 0:
        runs.append((first, last))
    return runs


def _write(grid: _Grid, out: _Out) -> tuple[tuple[Cell, ...], ...]:
    """Write the rows, one line each, recording the span of each cell where first written,
    and return the rows of Cells: a cell covering columns appears once per column."""
    head_rows = _header_rows(grid)
    spans = grid.spans
    texts = grid.texts
    heads = grid.heads
    grid.start = out.pos
    rows: list[tuple[Cell, ...]] = []
    for k, row in enumerate(grid.rows):
        header = k < head_rows
        line: list[str] = []
        line_pos = out.pos
        cells: list[Cell] = []
        width = len(row)
        j = 0
        while j < width:
            rid = row[j]
            if rid < 0:
                cells.append(_EMPTY)
                j += 1
                continue
            end = j + 1
            while end < width and row[end] == rid:
                end += 1
            span = spans.get(rid)
            if span is None:  # first written here
                if line:
                    line_pos += 3
                text = texts[rid]
                span = spans[rid] = Span(line_pos, line_pos + len(text))
                line_pos += len(text)
                line.append(text)
            cell = Cell(texts[rid], span, end - j, heads[rid] or header)
            if end - j == 1:
                cells.append(cell)
            else:
                cells.extend([cell] * (end - j))
            j = end
        if line:  # as `out.put`: a line of cell texts ends with its only newline
            written = " | ".join(line) + "\n"
            out.parts.append(written)
            out.pos += len(written)
            out.newlines = 1
            out.space = False
            grid.end = out.pos - 1
        rows.append(tuple(cells))
    if grid.end > grid.start:
        out.blocks.append(Block("table", Span(grid.start, grid.end)))
    return tuple(rows)


_EMPTY = Cell("", None)
_NUMBER = re.compile(r"[$(\-–—]{0,3}\d[\d,]*(?:\.\d+)?[)%]{0,2}")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _header_rows(grid: _Grid) -> int:
    """How many rows head the table: those above the first row with a number (not a year)
    outside the label column, or above a label-only row ("Revenue:") that follows a heading row.
    """
    headed = False
    for k, r in enumerate(grid.rows):
        others = [i for i in r[1:] if i >= 0 and i != r[0]]
        if any(_is_value(grid.texts[i]) for i in others) or (headed and not others):
            return k
        headed = headed or bool(others)
    return 0


def _is_value(text: str) -> bool:
    return _NUMBER.fullmatch(text) is not None and _YEAR.fullmatch(text) is None
