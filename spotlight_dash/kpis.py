"""Headline figures for the Committee, from the named queries' frames (pure, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from spotlight_dash import formatting as fmt


@dataclass(frozen=True)
class KPI:
    label: str
    value: str  # as shown; "not reported" when missing
    detail: str
    source_ids: tuple[str, ...]
    number: float | None = None  # for comparing two snapshots
    unit: str = ""
    key: str = ""  # stable across periods: "Delivery rate 2020" and "Delivery rate 2021" are one figure

    @property
    def reported(self) -> bool:
        return self.number is not None


def _sources(*cells) -> tuple[str, ...]:
    found: set[str] = set()
    for cell in cells:
        if isinstance(cell, str):
            found.update(s for s in cell.split(";") if s)
    return tuple(sorted(found))


def _sum_if_all_reported(series: pd.Series):
    return None if series.empty or series.isna().any() else float(series.sum())


def _first(frame: pd.DataFrame, column: str):
    return None if frame.empty or pd.isna(frame[column].iloc[0]) else float(frame[column].iloc[0])


def _join(*parts: str | None) -> str:
    return "; ".join(p for p in parts if p)


def headline(budget: pd.DataFrame, delivery: pd.DataFrame, reach: pd.DataFrame, media: pd.DataFrame) -> list[KPI]:
    kpis: list[KPI] = []
    usd = budget[budget.currency == "USD"]
    approved, contribution = _sum_if_all_reported(usd.approved), _sum_if_all_reported(usd.agency_contribution)
    total = None if approved is None or contribution is None else approved + contribution
    kpis.append(KPI("Total budget (USD)", fmt.number(total),
                    f"Spotlight funds {fmt.number(approved)} + agency contributions {fmt.number(contribution)}"
                    if total is not None else "No budget reported for this selection.",
                    _sources(*usd.source_ids), total, "USD", "Total budget (USD)"))

    programme_wide = delivery[delivery.organisation.isna()]
    reported = programme_wide.dropna(subset=["reported_rate_pct"]).tail(1)
    aim = programme_wide.dropna(subset=["target_rate_pct"]).tail(1)
    rate = _first(reported, "reported_rate_pct")
    aim_text = (f"aim {fmt.percent(aim.target_rate_pct.iloc[0])} by end of {aim.period_id.iloc[0]}"
                if len(aim) else None)
    kpis.append(KPI(f"Delivery rate{' ' + reported.period_id.iloc[0] if len(reported) else ''}",
                    fmt.percent(rate), _join(aim_text) or "No delivery rate reported for this selection.",
                    _sources(*reported.source_ids, *aim.source_ids), rate, "%", "Delivery rate"))

    for reach_type in ("direct", "indirect"):
        rows = reach[reach.reach_type == reach_type].dropna(subset=["actual"]).tail(1)
        target_rows = reach[(reach.reach_type == reach_type) & reach.target.notna()].tail(1)
        actual, target = _first(rows, "actual"), _first(target_rows, "target")
        share = _first(rows, "share_of_target_pct")
        detail = _join(f"rights holders; target {fmt.number(target)}" if target is not None else None,
                       f"{fmt.percent(share, 1)} of target" if share is not None else None)
        kpis.append(KPI(f"{reach_type.capitalize()} reach{' ' + rows.period_id.iloc[0] if len(rows) else ''}",
                        fmt.number(actual),
                        detail or f"No {reach_type} reach reported for this selection.",
                        _sources(*reach[reach.reach_type == reach_type].source_ids), actual, "people",
                        f"{reach_type.capitalize()} reach (rights holders)"))

    by_measure = {row.measure: row for row in media.itertuples()}
    hits = by_measure.get("hits")
    outlets, eu = by_measure.get("outlets"), by_measure.get("hits_eu_acknowledged")
    hit_count = None if hits is None or pd.isna(hits.count) else float(hits.count)
    detail = _join(f"by {fmt.number(outlets.count)} outlets" if outlets is not None and pd.notna(outlets.count) else None,
                   f"{fmt.percent(eu.share_of_hits_pct)} acknowledge the EU"
                   if eu is not None and pd.notna(eu.share_of_hits_pct) else None)
    kpis.append(KPI(f"Media hits{' ' + hits.period_id if hits else ''}", fmt.number(hit_count),
                    detail or "No media hits reported for this selection.",
                    _sources(*(r.source_id for r in (hits, outlets, eu) if r)), hit_count, "media hits", "Media hits"))
    return kpis


def compare(then: list[KPI], now: list[KPI]) -> pd.DataFrame:
    """Then, now and the difference per headline figure; a side not reported gives no difference."""
    earlier = {k.key: k for k in then}
    rows = []
    for kpi in now:
        old = earlier.get(kpi.key)
        before = old.number if old else None
        rows.append({"figure": kpi.key, "then": old.value if old else fmt.NOT_REPORTED, "now": kpi.value,
                     "difference": fmt.signed(kpi.number - before, unit=kpi.unit)
                     if kpi.number is not None and before is not None else "",
                     "changed": kpi.number != before})
    return pd.DataFrame(rows)


def indicator_reasons(progress: pd.DataFrame) -> pd.DataFrame:
    """Each indicator's status with the reason for it, as the Committee reads it."""
    rows = []
    for row in progress.itertuples():
        if row.rag == "no data":
            missing = [name for name, value in (("baseline", row.baseline), ("target", row.target), ("actual", row.actual))
                       if fmt.is_missing(value)]
            reason = (f"{' and '.join(missing)} not reported" if missing
                      else "target on the wrong side of the baseline, or the target period is unknown")
        else:
            reason = (f"{fmt.percent(row.progress_pct)} of the way from baseline {fmt.number(row.baseline, 1)} "
                      f"to target {fmt.number(row.target, 1)} (actual {fmt.number(row.actual, 1)}, "
                      f"{row.actual_period_id})")
        rows.append({"indicator": row.indicator_code, "title": row.title, "status": row.rag, "reason": reason})
    return pd.DataFrame(rows, columns=["indicator", "title", "status", "reason"])
