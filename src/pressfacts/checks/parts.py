"""Parts within wholes: an amount stated as part of another is no larger than it.

"$1.7 million of last year's 4th quarter income, $0.22 of the reported $0.24
per share": the whole is a fact of the named metric and period, or an amount
stated outright.
"""

from __future__ import annotations

from pressfacts.checks.base import FactIndex, result, show, verdict
from pressfacts.models import CheckResult, Fact, Part, Release

KIND = "parts_within_wholes"


def check(release: Release, index: FactIndex) -> list[CheckResult]:
    return [r for part in release.parts if (r := _check_part(part, release, index)) is not None]


def _check_part(part: Part, release: Release, index: FactIndex) -> CheckResult | None:
    quote = " ".join(release.document.quote(part.span).split())
    if part.whole_value is not None:
        whole_fact = _fact_at(release.facts, part.whole_span)
        facts = (whole_fact,) if whole_fact else ()
        status = verdict(abs(part.value) <= abs(part.whole_value))
        detail = f"{quote} is part of the stated {part.whole_value}"
        return result(KIND, status, facts, part.whole_value, part.value, None, detail)
    if part.whole_metric is None or part.whole_period is None:
        return None
    metric = "eps" if part.unit == "USD/share" else part.whole_metric
    whole = index.eps(part.whole_period) if metric == "eps" else index.get(metric, part.whole_period)
    if whole is None:
        detail = f"{quote}: no {part.whole_metric} for {part.whole_period.label} to hold it"
        return result(KIND, "unknown", (), None, part.value, None, detail)
    status = verdict(abs(part.value) <= abs(whole.value))
    detail = f"{quote} of {whole.metric} {whole.period.label} {show(whole.value)}"
    return result(KIND, status, (whole,), whole.value, part.value, None, detail)


def _fact_at(facts: list[Fact], span: object) -> Fact | None:
    return next((f for f in facts if f.span == span or span in f.also_at), None)
