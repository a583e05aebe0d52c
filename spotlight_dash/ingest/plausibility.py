"""Warnings: figures that may be right but deserve a second look before they are committed.

Unlike errors they do not block: the person loading the file acknowledges them
(``--accept-warnings``, or ``accept_warnings=True``). Each compares an incoming row with the
incoming and current rows it belongs with.
"""

from __future__ import annotations

import pandas as pd

from spotlight_dash.ingest.report import IngestReport
from spotlight_dash.ingest.rules import Validated, keys

BUDGET_KINDS = ("budget_revised", "approved")  # the revised budget, where there is one, is the budget
HISTORY_FACTOR = 10  # a value ten times the largest one seen for the indicator is suspicious


def _incoming(validated: Validated, table: str, columns: tuple[str, ...]) -> list[tuple]:
    """The incoming rows' values of ``columns``, one tuple per row."""
    valid = validated.get(table)
    return list(keys(valid, columns)) if valid is not None else []


def _stored(current: dict[str, pd.DataFrame], table: str, columns: tuple[str, ...]) -> list[tuple]:
    """The current snapshot's values of ``columns``, one tuple per row (missing as None)."""
    frame = current.get(table)
    if frame is None or frame.empty:
        return []
    values = frame[list(columns)].astype(object)
    return list(values.where(values.notna(), None).itertuples(index=False, name=None))


def expenditure_above_budget(validated: Validated, current: dict[str, pd.DataFrame], report: IngestReport) -> None:
    scope = ("programme_id", "organisation", "currency", "pillar", "country")
    columns = (*scope, "kind", "amount")
    budgets: dict[tuple, dict[str, float]] = {}
    for *where, kind, amount in [*_stored(current, "finance", columns), *_incoming(validated, "finance", columns)]:
        if kind in BUDGET_KINDS and amount is not None:  # incoming last: it wins
            budgets.setdefault(tuple(where), {})[kind] = amount
    for index, (*where, kind, amount) in enumerate(_incoming(validated, "finance", columns)):
        if kind != "expenditure" or amount is None:
            continue
        found = budgets.get(tuple(where), {})
        budget = next((found[k] for k in BUDGET_KINDS if k in found), None)
        if budget is not None and amount > budget:
            organisation, currency = where[1], where[2]
            report.add(validated["finance"].place_of(index, "amount"),
                       f"expenditure {amount:,.0f} {currency} is above the budget of {budget:,.0f} "
                       f"{currency} for {organisation}",
                       "check the amount and the currency; accept the warning if the overspend is real",
                       amount, severity="warning")


def target_on_wrong_side(validated: Validated, current: dict[str, pd.DataFrame], report: IngestReport) -> None:
    indicator = ("programme_id", "indicator_code", "direction")
    directions = {(p, i): d for p, i, d in [*_stored(current, "indicators", indicator),
                                           *_incoming(validated, "indicators", indicator)]}
    series = ("programme_id", "indicator_code", "country", "sex", "age_group")
    columns = (*series, "kind", "value")
    baselines = {tuple(where): value
                 for *where, kind, value in [*_stored(current, "indicator_values", columns),
                                             *_incoming(validated, "indicator_values", columns)]
                 if kind == "baseline" and value is not None}
    for index, (*where, kind, value) in enumerate(_incoming(validated, "indicator_values", columns)):
        if kind != "target" or value is None:
            continue
        baseline = baselines.get(tuple(where))
        programme_id, indicator_code = where[:2]
        direction = directions.get((programme_id, indicator_code), "higher")
        if baseline is None:
            continue
        wrong = value < baseline if direction == "higher" else value > baseline
        if wrong:
            side = "below" if direction == "higher" else "above"
            report.add(validated["indicator_values"].place_of(index, "value"),
                       f"the target {value:g} is {side} the baseline {baseline:g}, but {direction} is better "
                       f"for indicator {indicator_code}",
                       "check the target, the baseline and the indicator's direction", value, severity="warning")


def far_outside_history(validated: Validated, current: dict[str, pd.DataFrame], report: IngestReport) -> None:
    columns = ("programme_id", "indicator_code", "value")
    history: dict[tuple, list[float]] = {}
    for programme_id, indicator_code, value in _stored(current, "indicator_values", columns):
        if value is not None:
            history.setdefault((programme_id, indicator_code), []).append(abs(float(value)))
    for index, (programme_id, indicator_code, value) in enumerate(_incoming(validated, "indicator_values", columns)):
        seen = history.get((programme_id, indicator_code), [])
        if value is None or not seen or max(seen) == 0:
            continue
        if abs(value) > HISTORY_FACTOR * max(seen):
            report.add(validated["indicator_values"].place_of(index, "value"),
                       f"the value {value:g} is far outside this indicator's history (largest so far "
                       f"{max(seen):g}); more than {HISTORY_FACTOR} times it",
                       "check for an extra digit or a different unit (percent vs count)", value, severity="warning")


def check(validated: Validated, current: dict[str, pd.DataFrame], report: IngestReport) -> None:
    expenditure_above_budget(validated, current, report)
    target_on_wrong_side(validated, current, report)
    far_outside_history(validated, current, report)
