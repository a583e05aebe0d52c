"""Headline figures for the Committee, from the named queries' frames (pure, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from spotlight_dash import formatting as fmt
from spotlight_dash import labels, metrics, scope


@dataclass(frozen=True)
class KPI:
    label: str
    value: str  # as shown; "not reported" when missing
    detail: str
    source_ids: tuple[str, ...]
    number: float | None = None  # for comparing two snapshots
    unit: str = ""
    key: str = ""  # stable across periods and languages: "Delivery rate 2020" and "2021" are one figure
    sources_differ: bool = False  # two sources state it differently: no one number

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


def _differ(frame: pd.DataFrame) -> bool:
    return "sources_differ" in frame and bool(frame.sources_differ.fillna(False).any())


def _join(*parts: str | None) -> str:
    return "; ".join(p for p in parts if p)


def headline(view) -> list[KPI]:
    """The Committee's headline figures for a view (a page's or the pack's: ``q``, ``filters``,
    ``choices``, ``lang``), each labelled with what it is for: a figure broader than the chosen
    country, pillar or RUNO says so in its label, and a figure two sources state differently says
    that instead of a number."""
    lang = view.lang
    t = labels.scoped("kpi", lang)

    def for_view(*names: str) -> scope.Scoped:
        return scope.scoped(view.q, names, view.filters)

    def number(value) -> str:
        return fmt.number(value, lang=lang)

    def percent(value, decimals: int = 0) -> str:
        return fmt.percent(value, decimals, lang)

    def when(rows: pd.DataFrame) -> str:
        return f" {rows.period_id.iloc[0]}" if len(rows) else ""

    def labelled(label: str, scoped: scope.Scoped) -> str:
        """The label with what the figure covers: "whole programme", or the country/RUNO/pillar it is for."""
        if scoped.whole_programme:
            return f"{label} · {t('whole_programme')}"
        narrowed = [view.choices.label(d, getattr(scoped.filters, d)) for d in scope.BREAKDOWNS
                    if getattr(scoped.filters, d) is not None]
        return " · ".join([label, *narrowed])

    def kpi(label, scoped, value, detail, none, sources, key, unit, differ=False) -> KPI:
        """``detail`` says more about a figure; ``none`` what is missing when nobody reported it."""
        note = scoped.note(lang)
        shown = fmt.number(value, lang=lang) if unit != "%" else percent(value)
        if value is None and differ:  # reported, but not as one number
            shown, detail = t("sources_differ"), _join(t("sources_differ_detail"), detail)
        elif value is None:
            detail = _join(detail, none)
        return KPI(labelled(label, scoped), shown, _join(note, detail), sources, value, unit, key, differ)

    kpis: list[KPI] = []
    budget = for_view("budget_by_runo")
    frame = budget.frames["budget_by_runo"]
    usd = frame[frame.currency == "USD"]
    approved, contribution = _sum_if_all_reported(usd.approved), _sum_if_all_reported(usd.agency_contribution)
    total = None if approved is None or contribution is None else approved + contribution
    kpis.append(kpi(t("budget"), budget, total,
                    t("budget_detail", approved=number(approved), contribution=number(contribution))
                    if total is not None else None, t("budget_none"),
                    _sources(*usd.source_ids), "budget", "USD", _differ(usd)))

    delivery = for_view("delivery")
    frame = delivery.frames["delivery"]
    programme_wide = frame[frame.organisation.isna()] if delivery.filters.runo is None else frame
    reported = programme_wide.dropna(subset=["reported_rate_pct"]).tail(1)
    aim = programme_wide.dropna(subset=["target_rate_pct"]).tail(1)
    rate = _first(reported, "reported_rate_pct")
    aim_text = (t("delivery_aim", aim=percent(aim.target_rate_pct.iloc[0]), period=aim.period_id.iloc[0])
                if len(aim) else None)
    kpis.append(kpi(t("delivery") + when(reported), delivery, rate, aim_text, t("delivery_none"),
                    _sources(*reported.source_ids, *aim.source_ids), "delivery", "%", _differ(programme_wide)))

    reach = for_view("reach_against_target")
    frame = reach.frames["reach_against_target"]
    for reach_type in ("direct", "indirect"):
        of_type = frame[frame.reach_type == reach_type]
        rows = of_type.dropna(subset=["actual"]).tail(1)
        target_rows = of_type[of_type.target.notna()].tail(1)
        actual, target = _first(rows, "actual"), _first(target_rows, "target")
        share = _first(rows, "share_of_target_pct")
        detail = _join(t("reach_target", target=number(target)) if target is not None else None,
                       t("reach_share", share=percent(share, 1)) if share is not None else None)
        kpis.append(kpi(t(f"{reach_type}_reach") + when(rows), reach, actual, detail, t(f"{reach_type}_none"),
                        _sources(*of_type.source_ids), f"{reach_type}_reach", "people", _differ(of_type)))

    def media() -> KPI:
        """Media hits: the programme's totals, or, for a chosen country or pillar, the hits recorded for it."""
        totals = for_view("media_summary")
        by_measure = {row.measure: row for row in totals.frames["media_summary"].itertuples()}
        hits = by_measure.get("hits")
        hit_count = None if hits is None or pd.isna(hits.count) else float(hits.count)
        if view.filters.country is not None or view.filters.pillar is not None:
            # The totals have no country or pillar; the hits by country do: they step in where they were recorded.
            by_country = for_view("media_hits_by_country")
            rows = by_country.frames["media_hits_by_country"]
            if not ({"country", "pillar"} & set(by_country.broader)) and not rows.empty:
                count = _sum_if_all_reported(rows.hits)
                detail = (t("media_of_programme", total=number(hit_count)) if hit_count is not None
                          and by_country.filters.pillar is None else "")
                period = f" {rows.period_id.iloc[0]}" if rows.period_id.nunique() == 1 else ""
                return kpi(t("media") + period, by_country, count, detail, t("media_none"), _sources(*rows.source_id),
                           "media", "media hits", _differ(rows))
        outlets, eu = by_measure.get("outlets"), by_measure.get("hits_eu_acknowledged")
        detail = _join(t("media_outlets", outlets=number(outlets.count)) if outlets is not None and pd.notna(outlets.count)
                       else None,
                       t("media_eu", share=percent(eu.share_of_hits_pct))
                       if eu is not None and pd.notna(eu.share_of_hits_pct) else None)
        return kpi(t("media") + (f" {hits.period_id}" if hits else ""), totals, hit_count, detail, t("media_none"),
                   _sources(*(r.source_id for r in (hits, outlets, eu) if r)), "media", "media hits",
                   bool(hits is not None and hits.sources_differ))

    kpis.append(media())
    return kpis


def compare(then: list[KPI], now: list[KPI], lang: str = "en") -> pd.DataFrame:
    """Then, now and the difference per headline figure; a side not reported gives no difference."""
    earlier = {k.key: k for k in then}
    rows = []
    for kpi in now:
        old = earlier.get(kpi.key)
        before = old.number if old else None
        rows.append({"figure": labels.t(f"kpi.key.{kpi.key}", lang), "then": old.value if old else fmt.not_reported(lang),
                     "now": kpi.value,
                     "difference": fmt.signed(kpi.number - before, unit=kpi.unit, lang=lang)
                     if kpi.number is not None and before is not None else "",
                     "changed": kpi.number != before})
    return pd.DataFrame(rows)


def indicator_reasons(progress: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Each indicator's status with the reason for it, as the Committee reads it."""
    rows = []
    for row in progress.itertuples():
        if row.rag == "no data":
            missing = [labels.t(f"kpi.value_kind.{name}", lang)
                       for name, value in (("baseline", row.baseline), ("target", row.target), ("actual", row.actual))
                       if fmt.is_missing(value)]
            reason = (labels.t("kpi.reason_missing", lang, missing=labels.t("kpi.and", lang).join(missing)) if missing
                      else labels.t("kpi.reason_undefined", lang))
        else:
            reason = labels.t("kpi.reason", lang, progress=fmt.percent(row.progress_pct, lang=lang),
                              baseline=fmt.number(row.baseline, 1, lang=lang), target=fmt.number(row.target, 1, lang=lang),
                              actual=fmt.number(row.actual, 1, lang=lang), period=row.actual_period_id)
        rows.append({"indicator": row.indicator_code, "title": row.title, "status": metrics.rag_name(row.rag, lang),
                     "reason": reason})
    return pd.DataFrame(rows, columns=["indicator", "title", "status", "reason"])
