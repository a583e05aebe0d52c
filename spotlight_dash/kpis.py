"""Headline figures for the Committee, from the named queries' frames (pure, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from spotlight_dash import formatting as fmt


@dataclass(frozen=True)
class KPI:
    label: str
    value: str
    detail: str
    source_ids: tuple[str, ...]


def _sources(*cells) -> tuple[str, ...]:
    found: set[str] = set()
    for cell in cells:
        if isinstance(cell, str):
            found.update(s for s in cell.split(";") if s)
    return tuple(sorted(found))


def _sum_if_all_reported(series: pd.Series):
    return None if series.empty or series.isna().any() else series.sum()


def headline(budget: pd.DataFrame, delivery: pd.DataFrame, reach: pd.DataFrame, media: pd.DataFrame) -> list[KPI]:
    kpis: list[KPI] = []
    usd = budget[budget.currency == "USD"]
    approved, contribution = _sum_if_all_reported(usd.approved), _sum_if_all_reported(usd.agency_contribution)
    total = None if fmt.is_missing(approved) or fmt.is_missing(contribution) else approved + contribution
    kpis.append(KPI("Total budget (USD)", fmt.number(total),
                    f"Spotlight funds {fmt.number(approved)} + agency contributions {fmt.number(contribution)}",
                    _sources(*usd.source_ids)))

    programme_wide = delivery[delivery.organisation.isna()]
    reported = programme_wide.dropna(subset=["reported_rate_pct"]).tail(1)
    aim = programme_wide.dropna(subset=["target_rate_pct"]).tail(1)
    rate = reported.reported_rate_pct.iloc[0] if len(reported) else None
    aim_text = (f"aim {fmt.percent(aim.target_rate_pct.iloc[0])} by end of {aim.period_id.iloc[0]}"
                if len(aim) else "aim not reported")
    kpis.append(KPI(f"Delivery rate{' ' + reported.period_id.iloc[0] if len(reported) else ''}",
                    fmt.percent(rate), aim_text,
                    _sources(*reported.source_ids, *aim.source_ids)))

    for reach_type in ("direct", "indirect"):
        rows = reach[reach.reach_type == reach_type].dropna(subset=["actual"]).tail(1)
        target_rows = reach[(reach.reach_type == reach_type) & reach.target.notna()].tail(1)
        actual = rows.actual.iloc[0] if len(rows) else None
        target = target_rows.target.iloc[0] if len(target_rows) else None
        share = rows.share_of_target_pct.iloc[0] if len(rows) else None
        kpis.append(KPI(f"{reach_type.capitalize()} rights holders reached"
                        f"{' ' + rows.period_id.iloc[0] if len(rows) else ''}", fmt.number(actual),
                        f"target {fmt.number(target)} ({fmt.percent(share, 1)} of target)",
                        _sources(*reach[reach.reach_type == reach_type].source_ids)))

    by_measure = {row.measure: row for row in media.itertuples()}
    hits = by_measure.get("hits")
    outlets, eu = by_measure.get("outlets"), by_measure.get("hits_eu_acknowledged")
    kpis.append(KPI(f"Media hits{' ' + hits.period_id if hits else ''}", fmt.number(hits.count if hits else None),
                    f"by {fmt.number(outlets.count if outlets else None)} outlets; "
                    f"{fmt.percent(eu.share_of_hits_pct if eu else None)} acknowledge the EU",
                    _sources(*(r.source_id for r in (hits, outlets, eu) if r))))
    return kpis
