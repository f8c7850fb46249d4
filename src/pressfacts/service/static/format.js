// How values read on the page. Numbers arrive as JSON numbers in full units.

const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 4 });
const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

export function formatValue(value, unit) {
  if (value === null || value === undefined) return "";
  const sign = value < 0 ? "−" : "";
  const size = Math.abs(value);
  switch (unit) {
    case "USD":
      return `${sign}$${whole.format(size)}`;
    case "USD/share":
      return `${sign}$${cents.format(size)}`;
    case "shares":
      return `${sign}${whole.format(size)} shares`;
    case "percent":
      return `${sign}${plain.format(size)}%`;
    default:
      return `${sign}${plain.format(size)}`;
  }
}

// Short money for chart axes: $9.1M, $1.2B.
export function shortMoney(value) {
  const sign = value < 0 ? "−" : "";
  const size = Math.abs(value);
  const steps = [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "K"]];
  for (const [step, suffix] of steps) {
    if (size >= step) return `${sign}$${plain.format(Math.round((size / step) * 10) / 10)}${suffix}`;
  }
  return `${sign}$${whole.format(size)}`;
}

export function formatPeriod(period) {
  if (!period) return "";
  const months = period.months ? `${period.months} months` : "at date";
  return `${period.label || period.end} (${months} to ${period.end})`;
}

export function formatBasis(fact) {
  const basis = fact.basis === "non_gaap" ? "non-GAAP" : "GAAP";
  return fact.basis_note ? `${basis} (${fact.basis_note})` : basis;
}

export function metricName(metric) {
  return metric.replaceAll("_", " ");
}
