"""Warnings: figures that may be right but deserve a second look before they are committed.

Unlike errors they do not block: the person loading the file acknowledges them
(``--accept-warnings``, or ``accept_warnings=True``). Each compares an incoming row with the
incoming and current rows it belongs with.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from spotlight_dash.ingest.report import IngestReport
from spotlight_dash.ingest.rules import Validated

BUDGET_KINDS = ("budget_revised", "approved")  # the revised budget, where there is one, is the budget
HISTORY_FACTOR = 10  # a value ten times the largest one seen for the indicator is suspicious


def _records(current: dict[str, pd.DataFrame], table: str) -> list[dict[str, Any]]:
    frame = current.get(table)
    if frame is None or frame.empty:
        return []
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def _incoming(validated: Validated, table: str) -> list[dict[str, Any]]:
    return [row.__dict__ for row, _ in validated.get(table, [])]


def expenditure_above_budget(validated: Validated, current: dict[str, pd.DataFrame], report: IngestReport) -> None:
    scope = ("programme_id", "organisation", "currency", "pillar", "country")
    budgets: dict[tuple, dict[str, float]] = {}
    for row in [*_records(current, "finance"), *_incoming(validated, "finance")]:  # incoming last: it wins
        if row["kind"] in BUDGET_KINDS and row["amount"] is not None:
            budgets.setdefault(tuple(row[c] for c in scope), {})[row["kind"]] = row["amount"]
    for row, raw in validated.get("finance", []):
        if row.kind != "expenditure" or row.amount is None:
            continue
        found = budgets.get(tuple(getattr(row, c) for c in scope), {})
        budget = next((found[k] for k in BUDGET_KINDS if k in found), None)
        if budget is not None and row.amount > budget:
            report.add(raw.place_of("amount"),
                       f"expenditure {row.amount:,.0f} {row.currency} is above the budget of {budget:,.0f} "
                       f"{row.currency} for {row.organisation}",
                       "check the amount and the currency; accept the warning if the overspend is real",
                       row.amount, severity="warning")


def target_on_wrong_side(validated: Validated, current: dict[str, pd.DataFrame], report: IngestReport) -> None:
    directions = {(r["programme_id"], r["indicator_code"]): r["direction"]
                  for r in [*_records(current, "indicators"), *_incoming(validated, "indicators")]}
    series = ("programme_id", "indicator_code", "country", "sex", "age_group")
    baselines = {tuple(r[c] for c in series): r["value"]
                 for r in [*_records(current, "indicator_values"), *_incoming(validated, "indicator_values")]
                 if r["kind"] == "baseline" and r["value"] is not None}
    for row, raw in validated.get("indicator_values", []):
        if row.kind != "target" or row.value is None:
            continue
        baseline = baselines.get(tuple(getattr(row, c) for c in series))
        direction = directions.get((row.programme_id, row.indicator_code), "higher")
        if baseline is None:
            continue
        wrong = row.value < baseline if direction == "higher" else row.value > baseline
        if wrong:
            side = "below" if direction == "higher" else "above"
            report.add(raw.place_of("value"),
                       f"the target {row.value:g} is {side} the baseline {baseline:g}, but {direction} is better "
                       f"for indicator {row.indicator_code}",
                       "check the target, the baseline and the indicator's direction", row.value, severity="warning")


def far_outside_history(validated: Validated, current: dict[str, pd.DataFrame], report: IngestReport) -> None:
    history: dict[tuple, list[float]] = {}
    for r in _records(current, "indicator_values"):
        if r["value"] is not None:
            history.setdefault((r["programme_id"], r["indicator_code"]), []).append(abs(float(r["value"])))
    for row, raw in validated.get("indicator_values", []):
        seen = history.get((row.programme_id, row.indicator_code), [])
        if row.value is None or not seen or max(seen) == 0:
            continue
        if abs(row.value) > HISTORY_FACTOR * max(seen):
            report.add(raw.place_of("value"),
                       f"the value {row.value:g} is far outside this indicator's history (largest so far "
                       f"{max(seen):g}); more than {HISTORY_FACTOR} times it",
                       "check for an extra digit or a different unit (percent vs count)", row.value, severity="warning")


def check(validated: Validated, current: dict[str, pd.DataFrame], report: IngestReport) -> None:
    expenditure_above_budget(validated, current, report)
    target_on_wrong_side(validated, current, report)
    far_outside_history(validated, current, report)
