// The page: a hash router over four views (extract, releases, one release, a company).

import { ApiError, apiGet, extractRelease, setToken } from "./api.js";
import { drawChart } from "./chart.js";
import { formatValue } from "./format.js";
import { renderRelease } from "./release-view.js";

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 25;
const state = { offset: 0, total: 0, series: null };

function status(id, message, isError = false) {
  const line = $(id);
  line.textContent = message;
  line.classList.toggle("error", isError);
}

function errorText(error) {
  return error instanceof ApiError ? `${error.message} (HTTP ${error.status})` : String(error);
}

function cell(text, className) {
  const td = document.createElement("td");
  if (className) td.className = className;
  td.textContent = text === null || text === undefined ? "" : String(text);
  return td;
}

function linkCell(text, href) {
  const td = document.createElement("td");
  if (!text) return td;
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  td.append(a);
  return td;
}

// ---------------------------------------------------------------- extract

async function onExtract(event) {
  event.preventDefault();
  const file = $("release-file").files[0];
  const text = $("release-input").value;
  if (!file && !text.trim()) {
    status("extract-status", "Paste a release or choose a file first.", true);
    return;
  }
  status("extract-status", "Extracting…");
  $("extract-button").disabled = true;
  try {
    const release = await extractRelease(file || text, { store: $("store-release").checked });
    renderRelease($("extract-result"), release);
    const stored = release.release_id ? " and stored" : "";
    const count = release.facts.length;
    status("extract-status", `Extracted${stored}: ${count} fact${count === 1 ? "" : "s"}.`);
    if (release.release_id) {
      const link = document.createElement("a");
      link.id = "stored-link";
      link.href = `#/release/${encodeURIComponent(release.release_id)}`;
      link.textContent = "open the stored release";
      $("extract-status").append(" ", link);
    }
  } catch (error) {
    status("extract-status", errorText(error), true);
  } finally {
    $("extract-button").disabled = false;
  }
}

// ---------------------------------------------------------------- releases

async function loadReleases() {
  status("releases-status", "Loading…");
  try {
    const page = await apiGet("/api/releases", {
      company: $("search-company").value.trim(),
      from: $("search-from").value,
      to: $("search-to").value,
      limit: PAGE_SIZE,
      offset: state.offset,
    });
    state.total = page.total;
    const rows = page.releases.map((r) => {
      const tr = document.createElement("tr");
      const company = r.ticker || r.cik || r.company;
      tr.append(
        cell(r.release_date),
        linkCell(r.company || "(unknown)", company ? `#/company/${encodeURIComponent(company)}` : "#/releases"),
        cell(r.ticker),
        linkCell(r.document, `#/release/${encodeURIComponent(r.id)}`),
        cell(r.facts, "num"),
        cell(r.status),
      );
      return tr;
    });
    $("releases-table").tBodies[0].replaceChildren(...rows);
    const last = Math.min(state.offset + PAGE_SIZE, page.total);
    $("page-info").textContent = page.total ? `${state.offset + 1}–${last} of ${page.total}` : "";
    $("prev-page").disabled = state.offset === 0;
    $("next-page").disabled = last >= page.total;
    status("releases-status", page.total ? "" : "No stored release matches.");
  } catch (error) {
    status("releases-status", errorText(error), true);
  }
}

// ---------------------------------------------------------------- one release

async function showRelease(id) {
  $("release-result").replaceChildren();
  status("release-status", "Loading…");
  try {
    const release = await apiGet(`/api/releases/${encodeURIComponent(id)}`);
    renderRelease($("release-result"), release);
    status("release-status", "");
  } catch (error) {
    status("release-status", errorText(error), true);
  }
}

// ---------------------------------------------------------------- a company

const METRICS = [
  { metric: "revenue", name: "revenue", className: "revenue" },
  { metric: "net_income", name: "net income", className: "net-income" },
];

async function showCompany(name) {
  $("company-title").textContent = name;
  $("chart").replaceChildren();
  $("series-table").tBodies[0].replaceChildren();
  status("company-status", "Loading…");
  try {
    const answers = await Promise.all(METRICS.map((m) => apiGet(`/api/companies/${encodeURIComponent(name)}/series`, { metric: m.metric })));
    state.series = METRICS.map((m, i) => ({ ...m, points: answers[i].points }));
    const all = state.series.flatMap((s) => s.points);
    const months = all.some((p) => p.months === 3) ? "3" : all.some((p) => p.months === 12) ? "12" : "";
    drawCompany(months);
    status("company-status", "");
  } catch (error) {
    state.series = null;
    status("company-status", errorText(error), true);
  }
}

function drawCompany(months) {
  if (!state.series) return;
  document.querySelectorAll("#months-choice button").forEach((b) => b.classList.toggle("active", b.dataset.months === months));
  const keep = (p) => months === "" || p.months === Number(months);
  const series = state.series.map((s) => ({ ...s, points: s.points.filter(keep) }));
  drawChart($("chart"), series);
  const periods = new Map();
  for (const s of series) {
    for (const p of s.points) {
      const key = `${p.period_end}/${p.months}`;
      if (!periods.has(key)) periods.set(key, { point: p, values: {} });
      periods.get(key).values[s.metric] = p;
    }
  }
  const rows = [...periods.values()]
    .sort((a, b) => (a.point.period_end + a.point.months < b.point.period_end + b.point.months ? -1 : 1))
    .map(({ point, values }) => {
      const tr = document.createElement("tr");
      tr.append(
        cell(point.period_label),
        cell(point.period_end),
        cell(values.revenue ? formatValue(values.revenue.value, "USD") : "", "num"),
        cell(values.net_income ? formatValue(values.net_income.value, "USD") : "", "num"),
        linkCell(point.document, `#/release/${encodeURIComponent(point.release_id)}`),
      );
      return tr;
    });
  $("series-table").tBodies[0].replaceChildren(...rows);
}

// ---------------------------------------------------------------- routing

function show(view) {
  for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== `view-${view}`;
  for (const link of document.querySelectorAll("nav a")) link.classList.toggle("active", link.dataset.nav === view);
}

function route() {
  const [, view = "", ...rest] = location.hash.split("/");
  const arg = decodeURIComponent(rest.join("/"));
  if (view === "releases") {
    show("releases");
    loadReleases();
  } else if (view === "release" && arg) {
    show("release");
    showRelease(arg);
  } else if (view === "company" && arg) {
    show("company");
    showCompany(arg);
  } else {
    show("extract");
  }
}

function init() {
  $("extract-form").addEventListener("submit", onExtract);
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    state.offset = 0;
    loadReleases();
  });
  $("prev-page").addEventListener("click", () => {
    state.offset = Math.max(0, state.offset - PAGE_SIZE);
    loadReleases();
  });
  $("next-page").addEventListener("click", () => {
    state.offset += PAGE_SIZE;
    loadReleases();
  });
  document.querySelectorAll("#months-choice button").forEach((b) => b.addEventListener("click", () => drawCompany(b.dataset.months)));
  document.addEventListener("pressfacts:token-needed", () => {
    $("token-form").hidden = false;
  });
  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    setToken($("token-input").value.trim());
    $("token-form").hidden = true;
    route();
  });
  window.addEventListener("hashchange", route);
  route();
}

init();
