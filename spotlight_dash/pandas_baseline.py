"""The main named queries written the usual pandas way, on whole tables already in memory.

Only the benchmark uses these: they are the yardstick the DuckDB queries are measured against,
so they are written as a competent pandas dashboard would write them (boolean masks, groupby,
merge; no row loops except where queries.py has the same loop). Each returns the same rows and
figures as its named query for the same filters (the benchmark test checks the figures).
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import pandas as pd

from spotlight_dash import metrics
from spotlight_dash.queries import Filters

Tables = dict[str, pd.DataFrame]


def _years(t: Tables, year: int | None) -> set[str] | None:
    if year is None:
        return None
    p = t["periods"]
    start, end = pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
    return set(p.period_id[(pd.to_datetime(p.start_date) <= end) & (pd.to_datetime(p.end_date) >= start)])


def _mask(df: pd.DataFrame, t: Tables, f: Filters, **dims: str) -> pd.Series:
    keep = pd.Series(True, index=df.index)
    if f.programme is not None:
        keep &= df.programme_id == f.programme
    if "year" in dims and f.year is not None:
        keep &= df[dims["year"]].isin(_years(t, f.year))
    for name, column in dims.items():
        value = getattr(f, name)
        if name != "year" and value is not None:
            keep &= df[column] == value
    return keep


def _ids(series: pd.Series) -> str:
    return ";".join(sorted(series.dropna().unique()))


def budget_by_runo(t: Tables, f: Filters) -> pd.DataFrame:
    fin = t["finance"]
    fin = fin[fin.kind.isin(["approved", "agency_contribution"])
              & _mask(fin, t, f, year="period_id", country="country", pillar="pillar", runo="organisation")]
    orgs = t["organisations"]
    fin = fin.merge(orgs[orgs.is_runo][["code", "name"]].rename(columns={"code": "organisation",
                                                                         "name": "organisation_name"}))
    keys = ["programme_id", "organisation", "organisation_name", "currency"]
    sums = fin.pivot_table(index=keys, columns="kind", values="amount", aggfunc="sum").reindex(
        columns=["approved", "agency_contribution"])
    out = sums.join(fin.groupby(keys).source_id.agg(_ids).rename("source_ids")).reset_index()
    out.insert(6, "total", out.approved + out.agency_contribution)
    return out.sort_values(["approved", "organisation"], ascending=[False, True], na_position="last")


def delivery(t: Tables, f: Filters) -> pd.DataFrame:
    fin = t["finance"]
    base = fin[fin.kind.isin(["approved", "budget_revised"]) & _mask(fin, t, f, runo="organisation")]
    spent = fin[(fin.kind == "expenditure") & _mask(fin, t, f, year="period_id", runo="organisation")]
    rates = t["delivery_rates"]
    rates = rates[_mask(rates, t, f, year="period_id", runo="organisation")]

    def budgets(keys):
        by_kind = base.pivot_table(index=keys, columns="kind", values="amount", aggfunc="sum").reindex(
            columns=["approved", "budget_revised"])
        out = by_kind.budget_revised.fillna(by_kind.approved).rename("budget").to_frame()
        return out.join(base.groupby(keys).source_id.agg(_ids).rename("b_src")).reset_index()

    def spending(keys):
        g = spent.groupby(keys)
        return pd.DataFrame({"expenditure": g.amount.sum(), "expenditure_is_interim": g.is_interim.any(),
                             "s_src": g.source_id.agg(_ids)}).reset_index()

    b = pd.concat([budgets(["programme_id", "organisation", "currency"]),
                   budgets(["programme_id", "currency"]).assign(organisation=None)], ignore_index=True)
    s = pd.concat([spending(["programme_id", "organisation", "period_id", "currency"]),
                   spending(["programme_id", "period_id", "currency"]).assign(organisation=None)], ignore_index=True)
    rates = rates.assign(organisation=rates.organisation.astype(object).where(rates.organisation.notna(), ""))
    keys = ["programme_id", "organisation", "period_id"]
    r = rates.pivot_table(index=keys, columns="kind", values="rate_pct", aggfunc="max").reindex(
        columns=["reported", "target"]).rename(columns={"reported": "reported_rate_pct", "target": "target_rate_pct"})
    r = r.join(rates.groupby(keys).source_id.agg(_ids).rename("r_src")).reset_index()
    for frame in (b, s):  # "" stands for "the programme as a whole" while joining
        frame["organisation"] = frame.organisation.astype(object).where(frame.organisation.notna(), "")
    seen = pd.concat([s[["programme_id", "organisation", "period_id"]],
                      r[["programme_id", "organisation", "period_id"]]]).drop_duplicates()
    out = seen.merge(b, how="left", on=["programme_id", "organisation"])
    out = out.merge(s, how="left", on=["programme_id", "organisation", "period_id", "currency"])
    out = out.merge(r, how="left", on=["programme_id", "organisation", "period_id"])
    out["aim_amount"] = out.target_rate_pct / 100.0 * out.budget
    out["gap_to_aim"] = out.aim_amount - out.expenditure
    out["delivery_rate_pct"] = np.where(out.budget > 0, 100.0 * out.expenditure / out.budget, np.nan)
    out["source_ids"] = out[["b_src", "s_src", "r_src"]].apply(lambda x: ";".join(v for v in x if isinstance(v, str)),
                                                               axis=1)
    out["organisation"] = out.organisation.replace("", None)
    return out.sort_values(["programme_id", "organisation", "period_id"], na_position="first")


def reach_against_target(t: Tables, f: Filters) -> pd.DataFrame:
    reach = t["reach"]
    totals = reach[reach.sex.isna() & reach.age_group.isna() & reach.component.isna() & reach.country.isna()]
    actual = totals[(totals.kind == "actual") & _mask(totals, t, f, year="period_id")]
    target = totals[(totals.kind == "target") & _mask(totals, t, f)]
    out = actual[["programme_id", "reach_type", "period_id", "count", "source_id"]].rename(
        columns={"count": "actual"}).merge(
        target[["programme_id", "reach_type", "period_id", "count", "source_id"]].rename(
            columns={"count": "target", "period_id": "target_period_id"}),
        how="outer", on=["programme_id", "reach_type"], suffixes=("_a", "_t"))
    out["share_of_target_pct"] = np.where(out.target > 0, 100.0 * out.actual / out.target, np.nan)
    return out.sort_values(["programme_id", "reach_type", "period_id"])


def media_hits_by_country(t: Tables, f: Filters) -> pd.DataFrame:
    media = t["media"]
    media = media[(media.measure == "hits") & _mask(media, t, f, year="period_id", country="country", pillar="pillar")]
    media = media.merge(t["countries"][["iso3", "name"]].rename(columns={"iso3": "country", "name": "country_name"}))
    g = media.groupby(["programme_id", "period_id", "country", "country_name"])
    out = pd.DataFrame({"hits": g["count"].sum(), "source_id": g.source_id.agg(_ids)}).reset_index()
    return out.sort_values(["hits", "country"], ascending=[False, True])


def media_summary(t: Tables, f: Filters) -> pd.DataFrame:
    media = t["media"]
    totals = media[media.country.isna() & media.pillar.isna() & media.outlet.isna() & media.media_type.isna()
                   & _mask(media, t, f, year="period_id")]
    hits = totals[totals.measure == "hits"][["programme_id", "period_id", "count"]].rename(columns={"count": "hits"})
    out = totals[["programme_id", "period_id", "measure", "count", "source_id"]].merge(
        hits, how="left", on=["programme_id", "period_id"])
    out["share_of_hits_pct"] = np.where(out.measure.str.startswith("hits_") & (out.hits > 0),
                                        100.0 * out["count"] / out.hits, np.nan)
    return out.drop(columns="hits").sort_values(["programme_id", "period_id", "measure"])


def indicator_progress(t: Tables, f: Filters) -> pd.DataFrame:
    values = t["indicator_values"]
    values = values[values.sex.isna() & values.age_group.isna()].merge(
        t["periods"][["period_id", "start_date", "end_date"]], on="period_id")
    if f.country is not None:
        values = values[values.country == f.country]
    else:  # the programme-wide figure, or the only country's
        countries = t["indicator_values"].assign(c=t["indicator_values"].country.fillna("")).groupby(
            ["programme_id", "indicator_code"]).c.nunique().rename("n_countries").reset_index()
        values = values.merge(countries, on=["programme_id", "indicator_code"])
        values = values[values.country.isna() | (values.n_countries == 1)]
    latest = values.sort_values("end_date").groupby(["programme_id", "indicator_code", "kind"]).agg(
        value=("value", "last"), period_id=("period_id", "last"), src=("source_id", _ids)).reset_index()
    results = t["results"]
    parents = results[["programme_id", "result_code", "pillar"]].rename(
        columns={"result_code": "parent_code", "pillar": "parent_pillar"})
    results = results.merge(parents, how="left", on=["programme_id", "parent_code"])
    results["pillar"] = results.pillar.fillna(results.parent_pillar)
    out = t["indicators"].merge(results[["programme_id", "result_code", "pillar"]], how="left",
                                on=["programme_id", "result_code"])
    if f.programme is not None:
        out = out[out.programme_id == f.programme]
    if f.pillar is not None:
        out = out[out.pillar == f.pillar]
    for kind in ("baseline", "target", "actual"):
        pick = latest[latest.kind == kind].drop(columns="kind").rename(
            columns={"value": kind, "period_id": f"{kind}_period_id", "src": f"{kind}_src"})
        out = out.merge(pick, how="left", on=["programme_id", "indicator_code"])
    periods = t["periods"].set_index("period_id")
    progress, rag = [], []
    for row in out.itertuples():  # the same definitions as the named query (metrics.py)
        p = metrics.progress_to_target(row.baseline, row.target, row.actual, row.direction)
        expected = None
        if row.target_period_id in periods.index and row.actual_period_id in periods.index:
            span = periods.loc[row.target_period_id]
            expected = metrics.expected_progress(pd.Timestamp(span.start_date).date(),
                                                 pd.Timestamp(span.end_date).date(),
                                                 pd.Timestamp(periods.loc[row.actual_period_id, "end_date"]).date())
        progress.append(None if p is None else 100.0 * p)
        rag.append(metrics.rag_status(p, expected))
    out["progress_pct"] = pd.array(progress, dtype="Float64")
    out["rag"] = rag
    return out.sort_values(["programme_id", "indicator_code"])


BASELINES: dict[str, Callable[[Tables, Filters], pd.DataFrame]] = {
    "budget_by_runo": budget_by_runo, "delivery": delivery, "reach_against_target": reach_against_target,
    "media_hits_by_country": media_hits_by_country, "media_summary": media_summary,
    "indicator_progress": indicator_progress,
}

# The figures compared between each baseline and its named query (same rows, same sums).
CHECKED = {"budget_by_runo": ["approved", "agency_contribution"], "delivery": ["budget", "expenditure"],
           "reach_against_target": ["actual", "target"], "media_hits_by_country": ["hits"],
           "media_summary": ["count"], "indicator_progress": ["baseline", "target", "actual", "progress_pct"]}


def agrees(name: str, duck: pd.DataFrame, panda: pd.DataFrame) -> bool:
    """Same number of rows and the same totals of the figures that matter, within rounding."""
    if len(duck) != len(panda):
        return False
    for column in CHECKED[name]:
        a = pd.to_numeric(duck[column], errors="coerce").astype("float64").sum()
        b = pd.to_numeric(panda[column], errors="coerce").astype("float64").sum()
        if not np.isclose(a, b, rtol=1e-9, atol=1e-6):
            return False
    return True
