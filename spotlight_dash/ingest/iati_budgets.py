"""Which of an activity's IATI budgets count, and how: the rule the import warns by.

The figures themselves are computed in SQL (queries._IATI_FINANCE) by the same rule, which is:

1. A budget that ends before it starts is left out (and said so).
2. A revised budget (type 2) replaces the original (type 1) of exactly the same period.
3. Two remaining budgets of one activity and one currency whose periods overlap are never added:
   the publisher gives two figures for the same months and we cannot tell which is right, so
   the budget of the year(s) they start in is "not reported" (``budgets_overlap`` says why).
4. A budget whose period is longer than a year (IATI rule 7.5.3 asks for a year at most) is not
   attributed to any one year and not split by days: it is shown for its own period, against the
   expenditure dated within that period.
5. Every other budget counts for the calendar year its period starts in.

A budget far below the expenditure dated within its period (UNICEF publishes USD 1, 2 or 10 next
to millions spent) is kept as published, as every figure is, and warned about: its delivery rate
reads in the millions of percent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from spotlight_dash.ingest.iati_values import one_year_after


@dataclass
class Budget:
    element: Any  # the <budget>, for the warning's place
    kind: str  # original | revised
    start: dt.date
    end: dt.date
    currency: str
    value: float

    @property
    def period(self) -> str:
        return f"{self.start.isoformat()} to {self.end.isoformat()}"

    @property
    def several_years(self) -> bool:
        return self.end > one_year_after(self.start)


def inverted(budget: Budget) -> bool:
    return budget.end < budget.start


def replaced(budget: Budget, budgets: list[Budget]) -> bool:
    return budget.kind == "original" and any(
        other.kind == "revised" and (other.start, other.end) == (budget.start, budget.end) for other in budgets)


def overlapping_pairs(budgets: list[Budget]) -> list[tuple[Budget, Budget]]:
    """Pairs of counted budgets (same currency) whose periods share at least a day."""
    counted = [b for b in budgets if not inverted(b) and not replaced(b, budgets)]
    return [(first, second) for i, first in enumerate(counted) for second in counted[i + 1:]
            if first.currency == second.currency and first.start <= second.end and second.start <= first.end]


TOKEN_SHARE = 0.01  # a budget below 1 % of the expenditure within its period is warned about


def spent_within(budget: Budget, expenditure: list[tuple[dt.date, str, float]]) -> float:
    """The expenditure (date, currency, value) dated within the budget's period, in its currency."""
    return sum(value for day, currency, value in expenditure
               if currency == budget.currency and budget.start <= day <= budget.end)


def token(budget: Budget, spent: float) -> bool:
    return 0 < budget.value < TOKEN_SHARE * spent
