// One release: its text with the facts marked, the facts as a table beside it, and the
// details of the fact picked (by a click on its mark or its row).

import { formatBasis, formatPeriod, formatValue, metricName } from "./format.js";
import { highlightedText } from "./highlight.js";

function node(tag, { className, text, attrs } = {}, children = []) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined && text !== null) element.textContent = String(text);
  for (const [key, value] of Object.entries(attrs || {})) element.setAttribute(key, value);
  element.append(...children);
  return element;
}

export function companyKey(release) {
  return release.ticker || release.cik || release.company || "";
}

function header(release) {
  const checks = release.checks || [];
  const count = (status) => checks.filter((c) => c.status === status).length;
  const facts = release.facts.length;
  const bits = [release.company, release.ticker, release.release_date].filter(Boolean).join(" · ");
  const summary = `${facts} fact${facts === 1 ? "" : "s"}, ${release.unconfirmed.length} unconfirmed; checks: ${count("pass")} pass, ${count("fail")} fail, ${count("unknown")} unknown`;
  const head = node("div", { className: "release-head" }, [
    node("h2", { text: release.document }),
    node("p", { className: "meta", text: bits || "company not found" }),
    node("p", { className: "meta", text: summary }),
  ]);
  const key = companyKey(release);
  if (key) {
    const link = node("a", { text: "company page", attrs: { href: `#/company/${encodeURIComponent(key)}`, id: "company-link" } });
    head.append(node("p", {}, [link]));
  }
  return head;
}

function detailRows(fact) {
  const rows = [
    ["metric", metricName(fact.metric)],
    ["value", formatValue(fact.value, fact.unit)],
    ["period", formatPeriod(fact.period)],
    ["basis", formatBasis(fact)],
    ["source", fact.source + (fact.position ? ` (table ${fact.position.table}, row ${fact.position.row}, column ${fact.position.column})` : "")],
    ["quote", fact.quote],
    ["label", fact.label],
    ["concept", fact.concept],
    ["rule", fact.rule],
    ["confidence", fact.confidence],
  ];
  return rows.filter(([, value]) => value !== null && value !== undefined && value !== "");
}

function showDetail(panel, fact, release) {
  const list = node("dl", { className: "detail-list" });
  for (const [name, value] of detailRows(fact)) {
    list.append(node("dt", { text: name }), node("dd", { text: value, attrs: { "data-field": name } }));
  }
  const checks = (release.checks || []).filter((c) => (c.facts || []).includes(fact.id));
  const checkList = node("ul", { className: "checks" });
  for (const check of checks) {
    checkList.append(node("li", { className: `check ${check.status}` }, [
      node("strong", { text: `${check.status} ` }),
      node("span", { text: `${check.kind}: ${check.detail || ""}` }),
    ]));
  }
  if (checks.length === 0) checkList.append(node("li", { className: "check none", text: "no check covers this fact" }));
  const flags = (fact.flags || []).map((flag) => node("li", { className: "flag", text: flag }));
  panel.replaceChildren(
    node("h3", { text: `${fact.id} · ${metricName(fact.metric)}` }),
    list,
    node("h4", { text: "checks" }),
    checkList,
    ...(flags.length ? [node("h4", { text: "flags" }), node("ul", { className: "flags" }, flags)] : []),
  );
}

function factsTable(facts, kind, select) {
  const body = node("tbody");
  for (const fact of facts) {
    const row = node("tr", { className: kind, attrs: { "data-fact": fact.id, tabindex: "0" } }, [
      node("td", { text: fact.id }),
      node("td", { text: metricName(fact.metric) }),
      node("td", { text: fact.period ? fact.period.label : "" }),
      node("td", { className: "num", text: formatValue(fact.value, fact.unit) }),
      node("td", { text: fact.basis === "non_gaap" ? "non-GAAP" : "GAAP" }),
      node("td", { text: fact.source }),
    ]);
    row.addEventListener("click", () => select(fact.id, true));
    row.addEventListener("keydown", (event) => event.key === "Enter" && select(fact.id, true));
    body.append(row);
  }
  const head = node("thead", {}, [node("tr", {}, ["id", "metric", "period", "value", "basis", "source"].map((h) => node("th", { text: h })))]);
  return node("table", { className: `grid facts-table ${kind}` }, [head, body]);
}

export function renderRelease(container, release) {
  const facts = release.facts || [];
  const unconfirmed = release.unconfirmed || [];
  const byId = new Map([...facts, ...unconfirmed].map((f) => [f.id, f]));
  const text = release.text;
  const textPane = node("pre", { className: `release-text ${release.format === "text" ? "mono" : ""}`, attrs: { id: "release-text" } });
  let marksOf = new Map();
  if (typeof text === "string") {
    const built = highlightedText(text, facts, unconfirmed);
    textPane.append(built.fragment);
    marksOf = built.marksOf;
  } else {
    textPane.append(document.createTextNode("This release's text is not in the store (stored before texts were kept): ingest it again to see its facts in place."));
  }
  const detail = node("div", { className: "fact-detail", attrs: { id: "fact-detail", "aria-live": "polite" } }, [
    node("p", { className: "hint", text: "Click a highlighted figure or a row to see its metric, value, period, basis and checks." }),
  ]);
  const side = node("aside", { className: "side-pane" }, [detail, node("h3", { text: "facts" }), factsTable(facts, "fact", select)]);
  if (unconfirmed.length) side.append(node("h3", { text: "unconfirmed" }), factsTable(unconfirmed, "unconfirmed", select));

  function select(id, scroll) {
    const fact = byId.get(id);
    if (!fact) return;
    container.querySelectorAll(".selected").forEach((e) => e.classList.remove("selected"));
    (marksOf.get(id) || []).forEach((mark) => mark.classList.add("selected"));
    container.querySelectorAll(`tr[data-fact="${CSS.escape(id)}"]`).forEach((row) => row.classList.add("selected"));
    showDetail(detail, fact, release);
    const first = (marksOf.get(id) || [])[0];
    if (scroll && first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  textPane.addEventListener("click", (event) => {
    const mark = event.target.closest("mark");
    if (mark) select(mark.dataset.facts.split(" ")[0], false);
  });
  textPane.addEventListener("keydown", (event) => {
    const mark = event.target.closest("mark");
    if (mark && event.key === "Enter") select(mark.dataset.facts.split(" ")[0], false);
  });
  container.replaceChildren(header(release), node("div", { className: "release-body" }, [node("div", { className: "text-pane" }, [textPane]), side]));
}
