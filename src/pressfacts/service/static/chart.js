// A small SVG line chart: periods along x (by their end date), money along y.
// Hand-written so the page needs nothing from outside the package.

import { shortMoney } from "./format.js";

const SVG = "http://www.w3.org/2000/svg";
const SIZE = { width: 760, height: 330, left: 72, right: 44, top: 34, bottom: 44 };

function el(name, attributes = {}, text = null) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

// About five round steps between the lowest and highest value (zero always shown).
function ticks(low, high) {
  const span = high - low || Math.abs(high) || 1;
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const out = [];
  for (let v = Math.floor(low / step) * step; v <= high + step / 2; v += step) out.push(v);
  return out;
}

// `series`: [{name, className, points: [{period_end, period_label, value}]}].
export function drawChart(container, series) {
  const points = series.flatMap((s) => s.points);
  container.replaceChildren();
  if (points.length === 0) {
    container.append(document.createTextNode("No stored figures for this company and these periods."));
    return;
  }
  const times = [...new Set(points.map((p) => p.period_end))].sort();
  const values = points.map((p) => p.value);
  const yTicks = ticks(Math.min(0, ...values), Math.max(0, ...values));
  const [yLow, yHigh] = [yTicks[0], yTicks[yTicks.length - 1]];
  const plotW = SIZE.width - SIZE.left - SIZE.right;
  const plotH = SIZE.height - SIZE.top - SIZE.bottom;
  // Periods are spread evenly: quarters and years read better as steps than on a time scale.
  const x = (end) => SIZE.left + (times.length === 1 ? plotW / 2 : (times.indexOf(end) / (times.length - 1)) * plotW);
  const y = (value) => SIZE.top + plotH - ((value - yLow) / (yHigh - yLow || 1)) * plotH;

  const svg = el("svg", { viewBox: `0 0 ${SIZE.width} ${SIZE.height}`, role: "img", class: "chart-svg" });
  svg.append(el("title", {}, series.map((s) => s.name).join(" and ") + " by period"));
  for (const value of yTicks) {
    svg.append(el("line", { x1: SIZE.left, x2: SIZE.width - SIZE.right, y1: y(value), y2: y(value), class: value === 0 ? "axis zero" : "grid-line" }));
    svg.append(el("text", { x: SIZE.left - 8, y: y(value) + 4, class: "tick y" }, shortMoney(value)));
  }
  const labelOf = new Map(points.map((p) => [p.period_end, p.period_label || p.period_end]));
  for (const end of times) {
    svg.append(el("text", { x: x(end), y: SIZE.height - SIZE.bottom + 18, class: "tick x" }, labelOf.get(end)));
    svg.append(el("text", { x: x(end), y: SIZE.height - SIZE.bottom + 34, class: "tick x date" }, end));
  }
  for (const s of series) {
    const sorted = [...s.points].sort((a, b) => (a.period_end < b.period_end ? -1 : 1));
    if (sorted.length > 1) {
      const path = sorted.map((p, i) => `${i ? "L" : "M"}${x(p.period_end).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
      svg.append(el("path", { d: path, class: `line ${s.className}` }));
    }
    for (const p of sorted) {
      const dot = el("circle", { cx: x(p.period_end), cy: y(p.value), r: 4.5, class: `dot ${s.className}` });
      dot.append(el("title", {}, `${s.name}, ${p.period_label}: ${shortMoney(p.value)}`));
      svg.append(dot);
    }
  }
  const legend = el("g", { class: "legend" });
  series.forEach((s, i) => {
    const left = SIZE.left + 8 + i * 150;
    legend.append(el("rect", { x: left, y: 10, width: 14, height: 4, class: `swatch ${s.className}` }));
    legend.append(el("text", { x: left + 20, y: 16 }, s.name));
  });
  svg.append(legend);
  container.append(svg);
}
