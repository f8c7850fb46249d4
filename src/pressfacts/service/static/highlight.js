// The release text with every fact's spans marked, built from text nodes only:
// release text is never parsed as HTML, whatever it holds.

// Spans count code points (Python's str); JavaScript strings count UTF-16 units.
// Only a text with characters beyond the BMP needs the two told apart.
function offsetMapper(text) {
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset;
  const units = [0];
  for (const char of text) units.push(units[units.length - 1] + char.length);
  return (offset) => units[Math.min(offset, units.length - 1)];
}

// Each span of a fact: where it was read, and where the same figure is stated again.
function spansOf(fact, kind, toUnits, length) {
  const spans = [{ span: fact.span, main: true }, ...(fact.also_at || []).map((span) => ({ span, main: false }))];
  return spans
    .filter(({ span }) => span && span.end > span.start)
    .map(({ span, main }) => ({ start: toUnits(span.start), end: Math.min(toUnits(span.end), length), fact, kind, main }))
    .filter((mark) => mark.start < mark.end);
}

// Returns the text as a fragment and, for each fact id, its <mark> elements.
// Marks may overlap (a table cell read by two facts): the text is cut at every span
// boundary, and each piece is marked with all the facts covering it.
export function highlightedText(text, facts, unconfirmed = []) {
  const toUnits = offsetMapper(text);
  const marks = [
    ...facts.flatMap((f) => spansOf(f, "fact", toUnits, text.length)),
    ...unconfirmed.flatMap((f) => spansOf(f, "unconfirmed", toUnits, text.length)),
  ];
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  const marksOf = new Map();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const piece = document.createTextNode(text.slice(start, end));
    const covering = marks.filter((m) => m.start <= start && end <= m.end);
    if (covering.length === 0) {
      fragment.append(piece);
      continue;
    }
    const mark = document.createElement("mark");
    mark.append(piece);
    const ids = [...new Set(covering.map((m) => m.fact.id))];
    mark.dataset.facts = ids.join(" ");
    mark.className = covering.some((m) => m.kind === "fact") ? "fact" : "unconfirmed";
    if (!covering.some((m) => m.main)) mark.classList.add("restated");
    mark.tabIndex = 0;
    mark.title = covering.map((m) => `${m.fact.id} ${m.fact.metric}`).join("\n");
    for (const id of ids) {
      if (!marksOf.has(id)) marksOf.set(id, []);
      marksOf.get(id).push(mark);
    }
    fragment.append(mark);
  }
  return { fragment, marksOf };
}
