"""Named queries: ``(cursor, Filters) -> DataFrame`` with documented columns.

Every value reaches SQL as a parameter. A filter applies to the tables that have its
dimension; ``QUERIES[name].filters`` says which, so a page can say what a view is not broken
down by instead of showing an empty chart.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import asdict, dataclass
from typing import Callable

import duckdb
import pandas as pd

from spotlight_dash import labels, metrics


@dataclass(frozen=True)
class Filters:
    programme: str | None = None
    year: int | None = None
    country: str | None = None
    pillar: int | None = None
    runo: str | None = None
    indicator: str | None = None  # drill-down into one indicator's history

    def params(self, *names: str) -> dict:
        values = asdict(self)
        return {n: values[n] for n in names}


@dataclass(frozen=True)
class Query:
    name: str
    run: Callable[[duckdb.DuckDBPyConnection, Filters], pd.DataFrame]
    columns: dict[str, str]
    filters: tuple[str, ...]

    @property
    def description(self) -> str:
        """What the query gives, in English; it lives beside its Russian in labels/catalogue_queries.py."""
        return labels.t(f"query.{self.name}")


QUERIES: dict[str, Query] = {}


def query(filters: tuple[str, ...], **columns: str):
    """Registers a named query; its description is the label ``query.<name>``."""
    def register(func):
        QUERIES[func.__name__] = Query(func.__name__, func, columns, filters)
        return func
    return register


# A period counts for a year when it overlaps the year (PHASE-I counts for 2020, 2021, 2022).
IN_YEAR = """($year IS NULL OR {alias}period_id IN (
    SELECT period_id FROM periods
    WHERE start_date <= make_date($year, 12, 31) AND end_date >= make_date($year, 1, 1)))"""


def _where(alias: str = "", **dims: str) -> str:
    """SQL conditions for the filters a table has; ``dims`` maps filter -> column."""
    parts = [f"($programme IS NULL OR {alias}programme_id = $programme)"]
    if "year" in dims:
        parts.append(IN_YEAR.format(alias=alias))
    for name, column in dims.items():
        if name != "year":
            parts.append(f"(${name} IS NULL OR {alias}{column} = ${name})")
    return " AND ".join(parts)


def _columns(table: str, *extra: tuple[str, ...]) -> tuple[list[str], list[str], list[str]]:
    """A fact table's key (the source aside), its figures (CLAIM_VALUES, plus ``extra``) and the rest,
    each name quoted; the rest is one value per group, a flag (interim, lower bound) true when one
    statement says so."""
    from spotlight_dash.schema import TABLES, column_meta
    spec = TABLES[table]
    key = [c for c in spec.key if c != "source_id"]
    figures = [*CLAIM_VALUES.get(table, {}), *extra]
    rest = [f'{"bool_or" if column_meta(table, c)["sql_type"] == "BOOLEAN" else "any_value"}("{c}") AS "{c}"'
            for c in spec.columns if c not in key and c not in figures and c != "source_id"]
    return [f'"{c}"' for c in key], [f'"{c}"' for c in figures], rest


_CITING_ALL = "string_agg(DISTINCT source_id, ';' ORDER BY source_id) AS source_id"


@functools.lru_cache(maxsize=None)  # the SQL depends on the table's registry entry only
def _facts(table: str) -> str:
    """``table`` read as facts, not statements (metrics: alternative statements), for a FROM clause.

    Rows that share the table's key but the source become one row citing every source. Each of the
    table's figures (CLAIM_VALUES) keeps its value where the statements agree, and is empty where they
    differ, with ``disputed`` true: no sum over facts can add two statements of one fact.
    """
    key, figures, rest = _columns(table)
    values = [f"CASE WHEN count(DISTINCT {c}) > 1 THEN NULL ELSE any_value({c}) END AS {c}" for c in figures]
    disputed = " OR ".join(f"count(DISTINCT {c}) > 1" for c in figures) or "false"
    columns = [*key, *rest, *values, f"({disputed}) AS disputed", _CITING_ALL]
    return f"(SELECT {', '.join(columns)} FROM {table} GROUP BY {', '.join(key)})"


@functools.lru_cache(maxsize=None)
def _statements(table: str) -> str:
    """``table`` with one row per distinct statement, for tables shown "as reported": sources that agree
    on a fact are one row citing both; sources that differ are a row each, ``sources_differ`` true."""
    key, figures, rest = _columns(table, *QUALIFIERS.get(table, ()))
    columns = [*key, *figures, *rest, _CITING_ALL,
               f"count(*) OVER (PARTITION BY {', '.join(key)}) > 1 AS sources_differ"]
    return f"(SELECT {', '.join(columns)} FROM {table} GROUP BY {', '.join(key + figures)})"


def _sum(figure: str, when: str = "true", alias: str = "") -> str:
    """A sum over facts (``_facts``): empty when one of them is disputed, whose statements may not be added."""
    return (f"CASE WHEN bool_or({alias}disputed) FILTER (WHERE {when}) THEN NULL "
            f"ELSE sum({alias}{figure}) FILTER (WHERE {when}) END")


def _cited(alias: str = "") -> str:
    """The sources of a group of facts, each fact citing one or more: sorted, distinct, ';'-separated."""
    return (f"nullif(array_to_string(list_sort(list_distinct(flatten(list(string_split({alias}source_id, ';'))))), ';'), '')")


def _run(cur: duckdb.DuckDBPyConnection, sql: str, filters: Filters) -> pd.DataFrame:
    names = [n for n in ("programme", "year", "country", "pillar", "runo", "indicator") if f"${n}" in sql]
    return cur.execute(sql, filters.params(*names)).df()


@query(("programme", "year", "country", "pillar", "runo"),
       programme_id="programme", organisation="RUNO code (UNW, UNFPA, UNDP)",
       organisation_name="RUNO name", currency="ISO 4217 currency of the amounts",
       approved="Spotlight funding approved", agency_contribution="the agency's own contribution",
       total="approved + agency contribution (both reported), else missing",
       sources_differ="true where two sources state one of these amounts differently (the amount is then empty)",
       period_ids="periods the amounts are for, ';'-separated", source_ids="sources of these rows, ';'-separated")
def budget_by_runo(cur, f: Filters) -> pd.DataFrame:
    sql = f"""
    SELECT f.programme_id, f.organisation, o.name AS organisation_name, f.currency,
           {_sum('amount', "f.kind = 'approved'", 'f.')} AS approved,
           {_sum('amount', "f.kind = 'agency_contribution'", 'f.')} AS agency_contribution,
           approved + agency_contribution AS total, bool_or(f.disputed) AS sources_differ,
           array_to_string(list_sort(list_distinct(list(f.period_id))), ';') AS period_ids,
           {_cited('f.')} AS source_ids
    FROM {_facts('finance')} f JOIN organisations o ON o.code = f.organisation AND o.is_runo
    WHERE f.kind IN ('approved', 'agency_contribution')
      AND {_where('f.', year='period_id', country='country', pillar='pillar', runo='organisation')}
    GROUP BY ALL ORDER BY approved DESC NULLS LAST, f.organisation"""
    return _run(cur, sql, f)


@query(("programme", "year", "runo"),
       programme_id="programme", organisation="RUNO code; empty = the programme as a whole",
       period_id="period of the expenditure or the stated rate", currency="currency",
       budget="approved (or revised) Spotlight budget for the phase", expenditure="expenditure reported for the period",
       expenditure_is_interim="true when some of it is not yet certified",
       delivery_rate_pct="expenditure / budget x 100, where both are reported",
       reported_rate_pct="delivery rate as stated in a document", target_rate_pct="the rate aimed for",
       aim_amount="target rate x budget: what must be spent to reach the aim",
       gap_to_aim="aim_amount - expenditure, where expenditure is reported",
       sources_differ="true where two sources state a budget, an expenditure or a rate differently (it is then empty)",
       source_ids="sources, ';'-separated")
def delivery(cur, f: Filters) -> pd.DataFrame:
    sql = f"""
    WITH budget AS (
        SELECT programme_id, organisation, currency,
               CASE WHEN count(*) FILTER (WHERE kind = 'budget_revised') > 0
                    THEN {_sum('amount', "kind = 'budget_revised'")} ELSE {_sum('amount', "kind = 'approved'")} END AS budget,
               bool_or(disputed) AS budget_disputed, {_cited()} AS src
        FROM {_facts('finance')} WHERE kind IN ('approved', 'budget_revised')
          AND {_where(runo='organisation')}
        GROUP BY GROUPING SETS ((programme_id, organisation, currency), (programme_id, currency))
        -- with a RUNO chosen, a total over RUNOs would be that RUNO's alone, passed off as the programme's
        HAVING $runo IS NULL OR GROUPING(organisation) = 0),
    spent AS (
        SELECT programme_id, organisation, period_id, currency, {_sum('amount')} AS expenditure,
               bool_or(is_interim) AS expenditure_is_interim, bool_or(disputed) AS spent_disputed, {_cited()} AS src
        FROM {_facts('finance')} WHERE kind = 'expenditure' AND {_where(year='period_id', runo='organisation')}
        GROUP BY GROUPING SETS ((programme_id, organisation, period_id, currency), (programme_id, period_id, currency))
        HAVING $runo IS NULL OR GROUPING(organisation) = 0),
    rates AS (
        SELECT programme_id, organisation, period_id,
               any_value(rate_pct) FILTER (WHERE kind = 'reported') AS reported_rate_pct,
               any_value(rate_pct) FILTER (WHERE kind = 'target') AS target_rate_pct,
               bool_or(disputed) AS rate_disputed, {_cited()} AS src
        FROM {_facts('delivery_rates')} WHERE {_where(year='period_id', runo='organisation')}
        GROUP BY ALL),
    periods_seen AS (
        SELECT DISTINCT programme_id, organisation, period_id FROM spent
        UNION SELECT DISTINCT programme_id, organisation, period_id FROM rates)
    SELECT p.programme_id, p.organisation, p.period_id, b.currency, b.budget, s.expenditure,
           s.expenditure_is_interim, r.reported_rate_pct, r.target_rate_pct,
           r.target_rate_pct / 100.0 * b.budget AS aim_amount,
           aim_amount - s.expenditure AS gap_to_aim,
           coalesce(b.budget_disputed, false) OR coalesce(s.spent_disputed, false) OR coalesce(r.rate_disputed, false)
               AS sources_differ,
           concat_ws(';', b.src, s.src, r.src) AS source_ids
    FROM periods_seen p
    LEFT JOIN budget b ON b.programme_id = p.programme_id AND b.organisation IS NOT DISTINCT FROM p.organisation
    LEFT JOIN spent s ON s.programme_id = p.programme_id AND s.organisation IS NOT DISTINCT FROM p.organisation
         AND s.period_id = p.period_id AND s.currency IS NOT DISTINCT FROM b.currency
    LEFT JOIN rates r ON r.programme_id = p.programme_id AND r.organisation IS NOT DISTINCT FROM p.organisation
         AND r.period_id = p.period_id
    ORDER BY p.programme_id, p.organisation NULLS FIRST, p.period_id"""
    frame = _run(cur, sql, f)
    # The rate is defined once, in metrics; the query only gathers its inputs.
    rates = [metrics.delivery_rate_pct(e, b) for e, b in zip(frame.expenditure, frame.budget)]
    frame.insert(frame.columns.get_loc("reported_rate_pct"), "delivery_rate_pct", pd.array(rates, dtype="Float64"))
    return frame


_REACH_COLUMNS = dict(
    programme_id="programme", period_id="period", kind="actual or target", reach_type="direct or indirect",
    sex="female, male; empty = all", age_group="adult, youth, child; empty = all",
    component="channel or component; empty = all", country="ISO3; empty = all countries",
    count="people; empty = not reported", note="how the figure was arrived at",
    sources_differ="another source states this figure differently (both rows are shown)", source_id="source")


@query(("programme", "year", "country"), **_REACH_COLUMNS)
def reach(cur, f: Filters) -> pd.DataFrame:
    sql = f"""SELECT {', '.join(_REACH_COLUMNS)} FROM {_statements('reach')}
    WHERE {_where(year='period_id', country='country')}
    ORDER BY programme_id, kind, reach_type, period_id, (sex IS NULL AND component IS NULL AND country IS NULL) DESC,
             count DESC NULLS LAST"""
    return _run(cur, sql, f)


@query(("programme", "year"),
       programme_id="programme", reach_type="direct or indirect", period_id="period of the actual",
       actual="total reached in the period (reported total row)", target="target for the programme",
       target_period_id="period of the target", share_of_target_pct="actual / target x 100",
       sources_differ="true where two sources state the actual or the target differently (it is then empty)",
       source_ids="sources")
def reach_against_target(cur, f: Filters) -> pd.DataFrame:
    sql = f"""
    WITH totals AS (SELECT * FROM {_facts('reach')} WHERE sex IS NULL AND age_group IS NULL AND component IS NULL AND country IS NULL),
    actual AS (SELECT programme_id, reach_type, period_id, count AS actual, disputed, source_id FROM totals
               WHERE kind = 'actual' AND {_where(year='period_id')}),
    target AS (SELECT programme_id, reach_type, period_id AS target_period_id, count AS target, disputed, source_id
               FROM totals WHERE kind = 'target' AND {_where()})
    SELECT coalesce(a.programme_id, t.programme_id) AS programme_id, coalesce(a.reach_type, t.reach_type) AS reach_type,
           a.period_id, a.actual, t.target, t.target_period_id,
           CASE WHEN t.target > 0 THEN 100.0 * a.actual / t.target END AS share_of_target_pct,
           coalesce(a.disputed, false) OR coalesce(t.disputed, false) AS sources_differ,
           concat_ws(';', a.source_id, t.source_id) AS source_ids
    FROM actual a FULL JOIN target t ON a.programme_id = t.programme_id AND a.reach_type = t.reach_type
    ORDER BY programme_id, reach_type, a.period_id"""
    return _run(cur, sql, f)


@query(("programme", "year", "country", "pillar"),
       programme_id="programme", period_id="period", country="ISO3, or INT", country_name="country name",
       hits="media hits (articles, TV items, stories)",
       sources_differ="true where two sources state these hits differently (they are then empty)", source_id="source")
def media_hits_by_country(cur, f: Filters) -> pd.DataFrame:
    sql = f"""SELECT m.programme_id, m.period_id, m.country, c.name AS country_name,
           CAST({_sum('count', alias='m.')} AS BIGINT) AS hits, bool_or(m.disputed) AS sources_differ,
           {_cited('m.')} AS source_id
    FROM {_facts('media')} m JOIN countries c ON c.iso3 = m.country
    WHERE m.measure = 'hits' AND {_where('m.', year='period_id', country='country', pillar='pillar')}
    GROUP BY ALL ORDER BY hits DESC NULLS LAST, m.country"""
    return _run(cur, sql, f)


@query(("programme", "year"),
       programme_id="programme", period_id="period", measure="hits, outlets, hits_eu_acknowledged, hits_investment_described",
       count="number", share_of_hits_pct="count / total hits x 100 (for the hits_* measures)",
       sources_differ="true where two sources state this count differently (it is then empty)", source_id="source")
def media_summary(cur, f: Filters) -> pd.DataFrame:
    sql = f"""WITH t AS (SELECT * FROM {_facts('media')} WHERE country IS NULL AND pillar IS NULL AND outlet IS NULL
                         AND media_type IS NULL AND {_where(year='period_id')})
    SELECT t.programme_id, t.period_id, t.measure, t.count,
           CASE WHEN t.measure LIKE 'hits_%' AND h.count > 0 THEN 100.0 * t.count / h.count END AS share_of_hits_pct,
           t.disputed AS sources_differ, t.source_id
    FROM t LEFT JOIN t h ON h.programme_id = t.programme_id AND h.period_id = t.period_id AND h.measure = 'hits'
    ORDER BY t.programme_id, t.period_id, t.measure"""
    return _run(cur, sql, f)


@query(("programme", "country", "pillar"),
       programme_id="programme", indicator_code="code", result_code="outcome or output",
       pillar="pillar of the outcome", title="indicator", unit="unit", direction="higher or lower is better",
       baseline="baseline value", target="target value", target_period_id="period of the target",
       actual="latest actual", actual_period_id="period of the latest actual",
       progress_pct="(actual - baseline) / (target - baseline) x 100", rag="green, amber, red or no data",
       sources_differ="true where two sources state the baseline, target or actual differently (it is then empty)",
       source_ids="sources")
def indicator_progress(cur, f: Filters) -> pd.DataFrame:
    sql = f"""
    WITH v AS (SELECT iv.*, p.start_date, p.end_date FROM {_facts('indicator_values')} iv JOIN periods p USING (period_id)
               WHERE iv.sex IS NULL AND iv.age_group IS NULL AND (
                   iv.country = $country
                   -- without a country filter: the programme-wide figure, or the only country's
                   OR ($country IS NULL AND (iv.country IS NULL OR NOT EXISTS (
                       SELECT 1 FROM indicator_values o WHERE o.programme_id = iv.programme_id
                       AND o.indicator_code = iv.indicator_code AND o.country IS DISTINCT FROM iv.country))))),
    pick AS (SELECT programme_id, indicator_code, kind,
                    arg_max(value, end_date) AS value, arg_max(period_id, end_date) AS period_id,
                    arg_max(disputed, end_date) AS disputed, {_cited()} AS src
             FROM v GROUP BY ALL)
    SELECT i.programme_id, i.indicator_code, i.result_code, coalesce(r.pillar, pr.pillar) AS pillar, i.title, i.unit,
           i.direction, b.value AS baseline, t.value AS target, t.period_id AS target_period_id,
           a.value AS actual, a.period_id AS actual_period_id,
           coalesce(b.disputed, false) OR coalesce(t.disputed, false) OR coalesce(a.disputed, false) AS sources_differ,
           concat_ws(';', i.source_id, b.src, t.src, a.src) AS source_ids
    FROM indicators i
    LEFT JOIN results r ON r.programme_id = i.programme_id AND r.result_code = i.result_code
    LEFT JOIN results pr ON pr.programme_id = r.programme_id AND pr.result_code = r.parent_code
    LEFT JOIN pick b ON b.programme_id = i.programme_id AND b.indicator_code = i.indicator_code AND b.kind = 'baseline'
    LEFT JOIN pick t ON t.programme_id = i.programme_id AND t.indicator_code = i.indicator_code AND t.kind = 'target'
    LEFT JOIN pick a ON a.programme_id = i.programme_id AND a.indicator_code = i.indicator_code AND a.kind = 'actual'
    WHERE {_where('i.')} AND ($pillar IS NULL OR coalesce(r.pillar, pr.pillar) = $pillar)
    ORDER BY i.programme_id, i.indicator_code"""
    frame = _run(cur, sql, f)
    periods = cur.execute("SELECT period_id, start_date, end_date FROM periods").df().set_index("period_id")
    progress, rag = [], []
    for row in frame.itertuples():
        p = metrics.progress_to_target(row.baseline, row.target, row.actual, row.direction)
        expected = None
        if row.target_period_id in periods.index and row.actual_period_id in periods.index:
            span = periods.loc[row.target_period_id]
            on = periods.loc[row.actual_period_id, "end_date"]
            expected = metrics.expected_progress(_date(span.start_date), _date(span.end_date), _date(on))
        progress.append(None if p is None else 100.0 * p)
        rag.append(metrics.rag_status(p, expected))
    frame.insert(frame.columns.get_loc("source_ids"), "progress_pct", pd.array(progress, dtype="Float64"))
    frame.insert(frame.columns.get_loc("source_ids"), "rag", rag)
    return frame


@query(("programme", "country", "indicator"),
       programme_id="programme", indicator_code="indicator", unit="unit", period_id="period", period_label="period",
       kind="baseline, target, milestone or actual", country="ISO3; empty = programme-wide", sex="sex; empty = all",
       age_group="age group; empty = all", value="value; empty = not reported", note="note", source_id="source")
def indicator_history(cur, f: Filters) -> pd.DataFrame:
    sql = f"""SELECT v.programme_id, v.indicator_code, i.unit, v.period_id, p.label AS period_label, v.kind,
           v.country, v.sex, v.age_group, v.value, v.note, v.source_id
    FROM indicator_values v JOIN periods p USING (period_id)
    JOIN indicators i ON i.programme_id = v.programme_id AND i.indicator_code = v.indicator_code
    WHERE {_where('v.', country='country')} AND v.indicator_code = $indicator
    ORDER BY p.end_date, array_position(['baseline', 'target', 'milestone', 'actual'], v.kind), v.country NULLS FIRST"""
    return _run(cur, sql, f)


@query(("programme", "pillar"),
       programme_id="programme", result_code="code", level="outcome or output", parent_code="outcome of an output",
       pillar="pillar", statement="result statement", indicators="number of indicators", source_id="source")
def results_framework(cur, f: Filters) -> pd.DataFrame:
    sql = f"""SELECT r.programme_id, r.result_code, r.level, r.parent_code, coalesce(r.pillar, o.pillar) AS pillar,
           r.statement, (SELECT count(*) FROM indicators i WHERE i.programme_id = r.programme_id
                         AND i.result_code = r.result_code) AS indicators, r.source_id
    FROM results r LEFT JOIN results o ON o.programme_id = r.programme_id AND o.result_code = r.parent_code
    WHERE {_where('r.')} AND ($pillar IS NULL OR coalesce(r.pillar, o.pillar) = $pillar)
    ORDER BY r.programme_id, coalesce(r.parent_code, r.result_code), r.level DESC, r.result_code"""
    return _run(cur, sql, f)


@query(("programme", "year", "country", "pillar"),
       programme_id="programme", pillar="pillar", hits="media hits",
       sources_differ="true where two sources state these hits differently (they are then empty)", source_id="sources")
def media_hits_by_pillar(cur, f: Filters) -> pd.DataFrame:
    sql = f"""SELECT programme_id, pillar, CAST({_sum('count')} AS BIGINT) AS hits, bool_or(disputed) AS sources_differ,
           {_cited()} AS source_id
    FROM {_facts('media')} WHERE measure = 'hits' AND pillar IS NOT NULL
      AND {_where(year='period_id', country='country', pillar='pillar')}
    GROUP BY ALL ORDER BY programme_id, pillar"""
    return _run(cur, sql, f)


@query(("programme", "year", "country", "pillar"),
       programme_id="programme", month="first day of the month", hits="media hits",
       sources_differ="true where two sources state these hits differently (they are then empty)", source_id="sources")
def media_hits_by_month(cur, f: Filters) -> pd.DataFrame:
    sql = f"""SELECT programme_id, date_trunc('month', published_on) AS month, CAST({_sum('count')} AS BIGINT) AS hits,
           bool_or(disputed) AS sources_differ, {_cited()} AS source_id
    FROM {_facts('media')} WHERE measure = 'hits' AND published_on IS NOT NULL
      AND ($year IS NULL OR year(published_on) = $year)
      AND {_where(country='country', pillar='pillar')}
    GROUP BY ALL ORDER BY programme_id, month"""
    return _run(cur, sql, f)


@query(("programme", "year", "country", "pillar", "runo"),
       programme_id="programme", organisation="organisation code", organisation_name="organisation",
       pillar="pillar; empty = all", country="ISO3; empty = all", period_id="period", kind="kind of amount",
       currency="currency", amount="amount; empty = not reported",
       is_lower_bound="the source gives the amount as a lower bound ('more than')", is_interim="not yet certified",
       sources_differ="another source states this amount differently: each statement is a row, never added",
       source_ids="sources")
def finance_detail(cur, f: Filters) -> pd.DataFrame:
    sql = f"""SELECT f.programme_id, f.organisation, o.name AS organisation_name, f.pillar, f.country, f.period_id,
           f.kind, f.currency, f.amount, f.is_lower_bound, f.is_interim, f.sources_differ, f.source_id AS source_ids
    FROM {_statements('finance')} f JOIN organisations o ON o.code = f.organisation
    WHERE {_where('f.', year='period_id', country='country', pillar='pillar', runo='organisation')}
    ORDER BY f.programme_id, f.kind, f.organisation, f.period_id, f.currency, f.amount"""
    return _run(cur, sql, f)


@query(("country", "year"),
       sdg_code="SDG indicator", title="official title", country="ISO3", year="year", what="series and breakdown",
       series="series code", breakdown="breakdown code", age="age group code; empty = all ages", unit="unit",
       value="value; empty = not published", source_row="row of the published file", source_id="source")
def sdg_values(cur, f: Filters) -> pd.DataFrame:
    sql = """SELECT v.sdg_code, i.title_en AS title, v.country, v.year,
           concat_ws(': ', v.series_label, v.breakdown_label)
               || coalesce(' (' || v.age_label || ')', '') AS what, v.series, v.breakdown, v.age, v.unit, v.value,
           v.source_row, v.source_id
    FROM sdg_values v JOIN sdg_indicators i USING (sdg_code)
    WHERE ($country IS NULL OR v.country = $country) AND ($year IS NULL OR v.year = $year)
    ORDER BY v.sdg_code, v.year, v.series, v.breakdown, v.age NULLS FIRST"""
    return _run(cur, sql, f)


@query(("country",),
       sdg_code="SDG indicator", title="official title", title_ru="official Russian title", country="ISO3",
       country_name="country", latest_year="latest year with data; empty = no data loaded", values="values loaded")
def sdg_coverage(cur, f: Filters) -> pd.DataFrame:
    sql = """SELECT i.sdg_code, i.title_en AS title, i.title_ru, c.iso3 AS country, c.name AS country_name,
           max(v.year) AS latest_year, count(v.value) AS "values"
    FROM sdg_indicators i CROSS JOIN countries c
    LEFT JOIN sdg_values v ON v.sdg_code = i.sdg_code AND v.country = c.iso3
    WHERE c.iso3 NOT IN ('REG', 'INT') AND ($country IS NULL OR c.iso3 = $country)
    GROUP BY ALL ORDER BY i.sdg_code, c.iso3"""
    return _run(cur, sql, f)


@query((),
       version="snapshot written", run_kind="build, import or rollback", finished_at="when (UTC)",
       user_name="by whom", file="file or folder read", sha256="SHA-256 of what was read",
       rows="rows per table", note="note")
def ingest_history(cur, f: Filters) -> pd.DataFrame:
    frame = cur.execute("""SELECT version, run_kind, finished_at, user_name, file, sha256, rows_json, note
                           FROM ingest_runs ORDER BY version DESC, finished_at DESC""").df()
    frame["rows"] = [", ".join(f"{k} {v}" for k, v in json.loads(r).items() if v) for r in frame.pop("rows_json")]
    return frame[["version", "run_kind", "finished_at", "user_name", "file", "sha256", "rows", "note"]]


@query((),
       period_id="period", label="name of the period", start_date="first day", end_date="last day")
def periods(cur, f: Filters) -> pd.DataFrame:
    return cur.execute("SELECT period_id, label, start_date, end_date FROM periods ORDER BY start_date, end_date").df()


@query((),
       year="calendar year")
def years(cur, f: Filters) -> pd.DataFrame:
    return cur.execute("""SELECT DISTINCT y AS year FROM periods,
                          range(year(start_date), year(end_date) + 1) t(y) ORDER BY y""").df()


# ---- the Steering Committee's meetings and notes (spotlight_dash/minutes.py reads them) ------------


def _has_records(cur) -> bool:
    """Whether the snapshot has the meetings' tables: one written before them (a server started without
    `make run`, which rebuilds it) has none, and shows no notes rather than an error under every chart."""
    found = cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('meetings', 'notes')")
    return found.fetchone()[0] == 2


@query((),
       meeting_id="meeting", held_on="the day of the meeting", title="title", snapshot="the snapshot it reviews",
       opened_by="opened by", closed="true once closed", notes="notes recorded in it",
       open_actions="its action points still open")
def meetings(cur, f: Filters) -> pd.DataFrame:
    if not _has_records(cur):
        return pd.DataFrame(columns=list(QUERIES["meetings"].columns))
    sql = """SELECT m.meeting_id, m.held_on, m.title, m.snapshot, m.opened_by, m.closed,
                    count(n.note_id) AS notes, count(n.note_id) FILTER (WHERE n.status = 'open') AS open_actions
             FROM meetings m LEFT JOIN notes n USING (meeting_id)
             GROUP BY ALL ORDER BY m.held_on DESC, m.meeting_id DESC"""
    return _run(cur, sql, f)


@query((),
       note_id="note", meeting_id="meeting", held_on="the day of the meeting", meeting_title="the meeting's title",
       kind="decision, action or comment", text="as written", language="the language it was written in",
       chart="the chart, or kpi:<key> for a headline card", link="the view, as a link's query string",
       snapshot="the snapshot on screen", author="written by", written_at="when (UTC)",
       owner="an action's owner organisation", owner_person="an action's owner, by name", due="an action's due date",
       status="open, done or dropped")
def notes(cur, f: Filters) -> pd.DataFrame:
    if not _has_records(cur):
        return pd.DataFrame(columns=list(QUERIES["notes"].columns))
    sql = """SELECT n.note_id, n.meeting_id, m.held_on, m.title AS meeting_title, n.kind, n.text, n.language,
                    n.chart, n.link, n.snapshot, n.author, n.written_at, n.owner, n.owner_person, n.due, n.status
             FROM notes n JOIN meetings m USING (meeting_id)
             ORDER BY m.held_on DESC, n.meeting_id DESC, n.note_id"""
    return _run(cur, sql, f)


def _date(value) -> dt.date:
    return pd.Timestamp(value).date()


def _rows(table: str, filters: tuple[str, ...], order: str, **dims: str):
    columns = {"programme_id": "programme"}

    def run(cur, f: Filters) -> pd.DataFrame:
        return _run(cur, f"SELECT * FROM {table} WHERE {_where(**dims)} ORDER BY {order}", f)

    run.__name__ = table
    return query(filters, **columns)(run)


campaigns = _rows("campaigns", ("programme", "year"), "programme_id, start_date NULLS LAST, campaign_id",
                  year="period_id")
events = _rows("events", ("programme", "country"), "programme_id, start_date, event_id, country NULLS FIRST",
               country="country")
reference_group = _rows("reference_group", ("programme", "country"), "programme_id, body, country NULLS FIRST",
                        country="country")


@query(("programme", "year", "country"),
       programme_id="programme", period_id="period", kind="applications_received, grants_awarded, grantee, max_amount_per_grantee",
       country="ISO3; empty = all countries", grantee_name="grantee", count="number", amount_usd="USD",
       note="note", source_id="source", disputed="another source states a different figure")
def grants(cur, f: Filters) -> pd.DataFrame:
    sql = f"""SELECT g.*, count(DISTINCT (g.count, g.amount_usd)) OVER (
                  PARTITION BY g.programme_id, g.period_id, g.kind, g.country, g.grantee_name) > 1 AS disputed
    FROM grants g WHERE {_where('g.', year='period_id', country='country')}
    ORDER BY g.programme_id, g.kind, g.country NULLS FIRST, g.grantee_name, g.source_id"""
    return _run(cur, sql, f)


@query(("programme",),
       source_id="source", document_id="document", file="file", title="document title",
       citation="short name of the document", section="section heading",
       quote="verbatim quote", location="file, sheet and row for a loaded file", used_by="table: rows citing it")
def sources(cur, f: Filters) -> pd.DataFrame:
    from spotlight_dash.schema import TABLES  # local: only this query needs the registry
    # Context data (SDG) belongs to no programme: it is listed whatever the programme filter.
    uses = " UNION ALL ".join(
        f"SELECT source_id, '{t}' AS tbl, {'programme_id' if 'programme_id' in spec.columns else 'NULL'} AS programme_id"
        f" FROM {t}" for t, spec in TABLES.items() if "source_id" in spec.columns and t != "sources")
    sql = f"""WITH uses AS ({uses}),
    counted AS (SELECT source_id, string_agg(tbl || ': ' || n, ', ' ORDER BY tbl) AS used_by FROM (
                SELECT source_id, tbl, count(*) AS n FROM uses WHERE programme_id IS NULL OR {_where()}
                GROUP BY ALL) GROUP BY source_id)
    SELECT s.source_id, s.document_id, d.file, d.title, coalesce(d.citation, d.title) AS citation, s.section, s.quote, s.location, c.used_by
    FROM sources s LEFT JOIN documents d USING (document_id) LEFT JOIN counted c USING (source_id)
    WHERE $programme IS NULL OR c.used_by IS NOT NULL
    ORDER BY s.document_id, s.source_id"""
    return _run(cur, sql, f)


# The columns that say "how much" in each fact table. Two sources that give different values
# in the same column for the same key (currency aside) disagree; a value one source leaves
# empty and another states is a complement, not a disagreement.
CLAIM_VALUES = {
    "finance": {"amount": "amount"},
    "reach": {"count": "count"}, "media": {"count": "count"},
    "grants": {"count": "count", "amount_usd": "amount_usd"}, "reference_group": {"members": "members"},
    "indicator_values": {"value": "value"}, "delivery_rates": {"rate_pct": "rate_pct"},
    "programme_dates": {"date": "date"},
    "events": {c: c for c in ("participants", "youth_participants", "views")},
    "campaigns": {c: c for c in ("posts", "stories", "views", "engagements", "followers", "female_audience_pct")},
}


# What belongs to a figure's statement besides its value: "more than 5,000,000" is not "5,000,000".
QUALIFIERS = {"finance": ("is_lower_bound",)}


@query(("programme",),
       programme_id="programme", table="table", claim="what the figures are about: the key's stated values, ' · '-separated",
       measure="which figure",
       value="the figure as one source states it", currency="currency of an amount",
       is_lower_bound="the source says 'more than'", source_id="source", quote="the source's quote")
def disagreements(cur, f: Filters) -> pd.DataFrame:
    from spotlight_dash.schema import TABLES
    parts = []
    for table, values in CLAIM_VALUES.items():
        dims = [c for c in TABLES[table].key if c not in ("source_id", "currency", "programme_id")]
        claim = f"concat_ws(' · ', {', '.join(f'CAST({d} AS VARCHAR)' for d in dims)})"
        columns = TABLES[table].columns
        currency = "currency" if "currency" in columns else "NULL"
        bound = "is_lower_bound" if "is_lower_bound" in columns else "false"
        for measure, expression in values.items():
            parts.append(f"""SELECT programme_id, '{table}' AS "table", {claim} AS claim, '{measure}' AS measure,
                CAST({expression} AS VARCHAR) AS value, {currency} AS currency, {bound} AS is_lower_bound, source_id
                FROM {table} WHERE {measure} IS NOT NULL AND {_where()}""")
    sql = f"""WITH claims AS ({' UNION ALL '.join(parts)})
    SELECT c.*, s.quote FROM claims c LEFT JOIN sources s USING (source_id)
    WHERE (c.programme_id, c."table", c.claim, c.measure, coalesce(c.currency, '')) IN (
        SELECT (programme_id, "table", claim, measure, coalesce(currency, '')) FROM claims
        GROUP BY ALL HAVING count(DISTINCT value) > 1)
    ORDER BY c.programme_id, c."table", c.claim, c.measure, c.source_id"""
    return _run(cur, sql, f)


@query(("programme",),
       programme_id="programme", name="name", short_name="short name", mptf_project_id="MPTF project",
       kind="date kind", date="date", source_id="source of the date")
def programmes(cur, f: Filters) -> pd.DataFrame:
    sql = f"""SELECT p.programme_id, p.name, p.short_name, p.mptf_project_id, d.kind, d.date, d.source_id
    FROM programmes p LEFT JOIN programme_dates d USING (programme_id) WHERE {_where('p.')}
    ORDER BY p.programme_id, d.date"""
    return _run(cur, sql, f)


# ---- IATI: the agencies' own publications ---------------------------------------------------
# Which budgets count is the rule of spotlight_dash/ingest/iati_budgets.py (the import warns by it):
# a revised budget (type 2) replaces the original (type 1) for the same period, never added to it;
# budgets of one activity and currency whose periods overlap are never added: the budget of the
# year they start in is not reported (budgets_overlap); a budget longer than a year (IATI rule
# 7.5.3) is never attributed to one year nor split by days: it is a row of its own (year empty,
# period_start/period_end its period) against the expenditure dated within that period. Every
# other budget counts for the year its period starts in. Expenditure is transaction type 4, in the
# year of its date, on the year rows; negative corrections count as published. Amounts are summed
# only within one currency.

_IATI_FINANCE = """
WITH acts AS (
    SELECT a.*, (SELECT CASE WHEN count(*) = 1 THEN any_value(c.country_code) WHEN count(*) > 1 THEN 'several' END
                 FROM iati_countries c WHERE c.iati_identifier = a.iati_identifier) AS country
    FROM iati_activities a WHERE ($programme IS NULL OR a.programme_id = $programme)),
kept AS (
    SELECT b.* FROM iati_budgets b
    WHERE b.period_end >= b.period_start AND (b.budget_type = 'revised' OR NOT EXISTS (
        SELECT 1 FROM iati_budgets r WHERE r.iati_identifier = b.iati_identifier AND r.budget_type = 'revised'
          AND r.period_start = b.period_start AND r.period_end = b.period_end))),
judged AS (
    SELECT k.*, k.period_end > k.period_start + INTERVAL 1 YEAR AS several_years,
           EXISTS (SELECT 1 FROM kept o WHERE o.iati_identifier = k.iati_identifier AND o.currency = k.currency
                   AND o.period_start <= k.period_end AND k.period_start <= o.period_end
                   AND NOT (o.budget_type = k.budget_type AND o.period_start = k.period_start
                            AND o.period_end = k.period_end AND o.occurrence = k.occurrence)) AS in_conflict
    FROM kept k),
budget AS (
    SELECT iati_identifier, year(period_start) AS year, currency,
           CASE WHEN bool_or(in_conflict) THEN NULL ELSE sum(value) END AS budget, bool_or(in_conflict) AS budgets_overlap,
           string_agg(DISTINCT status, ', ' ORDER BY status) AS budget_status, string_agg(DISTINCT source_id, ';') AS src
    FROM judged WHERE in_conflict OR NOT several_years GROUP BY ALL),
spent AS (
    SELECT iati_identifier, year(transaction_date) AS year, currency,
           sum(value) FILTER (WHERE transaction_type = '4') AS expenditure,
           sum(value) FILTER (WHERE transaction_type = '3') AS disbursement,
           sum(value) FILTER (WHERE transaction_type IN ('2', '11')) AS commitment,
           string_agg(DISTINCT source_id, ';') AS src
    FROM iati_transactions WHERE transaction_type IN ('2', '3', '4', '11') GROUP BY ALL),
by_year AS (
    SELECT coalesce(b.iati_identifier, s.iati_identifier) AS iati_identifier, coalesce(b.year, s.year) AS year,
           make_date(coalesce(b.year, s.year), 1, 1) AS period_start, make_date(coalesce(b.year, s.year), 12, 31) AS period_end,
           coalesce(b.currency, s.currency) AS currency, b.budget, coalesce(b.budgets_overlap, false) AS budgets_overlap,
           b.budget_status, s.expenditure, s.disbursement, s.commitment,
           CASE WHEN b.src = s.src THEN b.src ELSE concat_ws(';', b.src, s.src) END AS source_ids
    FROM budget b FULL JOIN spent s ON s.iati_identifier = b.iati_identifier AND s.year = b.year
         AND s.currency = b.currency),
by_period AS (
    SELECT p.iati_identifier, CAST(NULL AS BIGINT) AS year, p.period_start, p.period_end, p.currency,
           p.value AS budget, false AS budgets_overlap, p.status AS budget_status,
           sum(t.value) FILTER (WHERE t.transaction_type = '4') AS expenditure,
           sum(t.value) FILTER (WHERE t.transaction_type = '3') AS disbursement,
           sum(t.value) FILTER (WHERE t.transaction_type IN ('2', '11')) AS commitment,
           concat_ws(';', p.source_id, CASE WHEN string_agg(DISTINCT t.source_id, ';') <> p.source_id
                                           THEN string_agg(DISTINCT t.source_id, ';') END) AS source_ids
    FROM judged p LEFT JOIN iati_transactions t ON t.iati_identifier = p.iati_identifier AND t.currency = p.currency
         AND t.transaction_date BETWEEN p.period_start AND p.period_end AND t.transaction_type IN ('2', '3', '4', '11')
    WHERE p.several_years AND NOT p.in_conflict
    GROUP BY p.iati_identifier, p.period_start, p.period_end, p.currency, p.value, p.status, p.source_id,
             p.budget_type, p.occurrence),
joined AS (SELECT * FROM by_year UNION ALL BY NAME SELECT * FROM by_period)
SELECT a.reporting_org_ref, a.reporting_org_name, coalesce(a.country, 'none stated') AS country, a.programme_id,
       j.*, a.title
FROM joined j JOIN acts a USING (iati_identifier)
WHERE ($year IS NULL OR j.year = $year OR (j.year IS NULL AND $year BETWEEN year(j.period_start) AND year(j.period_end)))
"""

_IATI_PERIOD_COLUMNS = dict(
    year="calendar year; empty for a budget longer than a year, which is never attributed to one year",
    period_start="first day the row covers: 1 January of the year, or the start of a budget longer than a year",
    period_end="last day the row covers: 31 December of the year, or the end of that budget")


def _iati_rates(frame: pd.DataFrame) -> pd.DataFrame:
    rates = [metrics.delivery_rate_pct(e, b) for e, b in zip(frame.expenditure, frame.budget)]
    frame["delivery_rate"] = pd.array(rates, dtype="Float64")
    return frame


@query(("programme", "year"),
       iati_identifier="IATI activity identifier, verbatim", **_IATI_PERIOD_COLUMNS,
       currency="currency of both amounts (never converted, never mixed)",
       budget="budget for periods starting in the year, or the budget of the several-year period",
       expenditure="expenditure dated in the row's period (corrections included)",
       delivery_rate="expenditure / budget x 100 in per cent, where both are reported",
       budgets_overlap="true: the activity's budgets overlap in this period, so its budget is not reported")
def iati_delivery(cur, f: Filters) -> pd.DataFrame:
    sql = f"""SELECT * FROM ({_IATI_FINANCE})
        WHERE budget IS NOT NULL OR expenditure IS NOT NULL OR budgets_overlap
        ORDER BY iati_identifier, period_start, year NULLS LAST, currency"""
    frame = _iati_rates(_run(cur, sql, f))
    return frame[["iati_identifier", "year", "period_start", "period_end", "currency", "budget", "expenditure",
                  "delivery_rate", "budgets_overlap"]]


_IATI_TOTAL_COLUMNS = dict(
    currency="currency (totals are per currency)",
    budget="budget; not reported when an activity's budgets overlap in the period (budgets_overlap)",
    expenditure="expenditure (type 4)", disbursement="disbursements (type 3)",
    delivery_rate="expenditure / budget x 100, where both are reported",
    budgets_overlap="true: some activity's budgets overlap here, so the total budget is not reported",
    activities="activities counted", source_ids="files the figures come from")


def _iati_totals(cur, f: Filters, by: list[str]) -> pd.DataFrame:
    dims = ", ".join([*by, "period_start", "period_end"])
    sql = f"""SELECT {dims}, currency,
        CASE WHEN bool_or(budgets_overlap) THEN NULL ELSE sum(budget) END AS budget, sum(expenditure) AS expenditure,
        sum(disbursement) AS disbursement, bool_or(budgets_overlap) AS budgets_overlap,
        count(DISTINCT iati_identifier) AS activities, string_agg(DISTINCT source_ids, ';') AS source_ids
        FROM ({_IATI_FINANCE}) GROUP BY ALL ORDER BY {", ".join(by[:-1] + ["period_start", "year NULLS LAST"])}, currency"""
    frame = _iati_rates(_run(cur, sql, f))
    return frame[[*by, "period_start", "period_end", *_IATI_TOTAL_COLUMNS]]


@query(("programme", "year"),
       reporting_org_ref="publisher's IATI id", reporting_org_name="publisher", **_IATI_PERIOD_COLUMNS,
       **_IATI_TOTAL_COLUMNS)
def iati_delivery_by_organisation(cur, f: Filters) -> pd.DataFrame:
    return _iati_totals(cur, f, ["reporting_org_ref", "reporting_org_name", "year"])


@query(("programme", "year"),
       country="ISO 3166-1 alpha-2 as published, 'several' or 'none stated'", **_IATI_PERIOD_COLUMNS,
       **_IATI_TOTAL_COLUMNS)
def iati_delivery_by_country(cur, f: Filters) -> pd.DataFrame:
    return _iati_totals(cur, f, ["country", "year"])


@query(("programme", "year"),
       reporting_org_ref="publisher's IATI id", reporting_org_name="publisher", country="recipient country (or several)",
       programme_id="linked programme; empty = not linked", iati_identifier="activity", **_IATI_PERIOD_COLUMNS,
       currency="currency", budget="budget", budgets_overlap="true: overlapping budgets, so the budget is not reported",
       budget_status="indicative and/or committed", expenditure="expenditure",
       disbursement="disbursements", commitment="commitments (types 2 and 11)", source_ids="source files",
       title="activity title", delivery_rate="expenditure / budget x 100, where both are reported")
def iati_finance(cur, f: Filters) -> pd.DataFrame:
    sql = f"SELECT * FROM ({_IATI_FINANCE}) ORDER BY reporting_org_ref, iati_identifier, period_start, year NULLS LAST, currency"
    frame = _iati_rates(_run(cur, sql, f))
    return frame[["reporting_org_ref", "reporting_org_name", "country", "programme_id", "iati_identifier", "year",
                  "period_start", "period_end", "currency", "budget", "budgets_overlap", "budget_status",
                  "expenditure", "disbursement", "commitment", "source_ids", "title", "delivery_rate"]]


@query(("programme",),
       iati_identifier="activity", reporting_org_name="publisher", result_title="result", indicator="indicator title",
       measure="unit, percentage, ...", ascending="true = higher is better", kind="baseline, target or actual",
       period_start="period start (empty for a baseline)", period_end="period end", baseline_year="baseline year",
       dimensions="e.g. sex=female; empty = all", value="value; empty = not reported",
       value_text="the value as published when not a number", comment="publisher's comment",
       file="file", line="line of the element", element_path="element path")
def iati_indicator_results(cur, f: Filters) -> pd.DataFrame:
    from spotlight_dash import diff  # the row key expression shared with the import's row sources
    sql = f"""SELECT v.iati_identifier, a.reporting_org_name, i.result_title, i.title AS indicator, i.measure, i.ascending,
           v.kind, v.period_start, v.period_end, v.baseline_year, v.dimensions, v.value, v.value_text, v.comment,
           rs.file, rs.row_number AS line, rs.sheet AS element_path
    FROM iati_indicator_values v
    JOIN iati_indicators i USING (iati_identifier, result_no, indicator_no)
    JOIN iati_activities a USING (iati_identifier)
    LEFT JOIN row_sources rs ON rs.table_name = 'iati_indicator_values' AND rs.row_key = {diff.key_sql('iati_indicator_values', 'v')}
    WHERE ($programme IS NULL OR a.programme_id = $programme)
    ORDER BY v.iati_identifier, v.result_no, v.indicator_no,
             array_position(['baseline', 'target', 'actual'], v.kind), v.period_start NULLS FIRST, v.dimensions NULLS FIRST"""
    return _run(cur, sql, f)


@query(("programme",),
       iati_identifier="activity, verbatim", reporting_org_name="publisher", title="title",
       countries="recipient countries with percentages", spotlight_funded="funded by the MPTFO-Spotlight Initiative Fund",
       programme_id="linked programme; empty = not linked", source_id="source file")
def iati_activities(cur, f: Filters) -> pd.DataFrame:
    sql = """SELECT a.iati_identifier, a.reporting_org_name, a.title,
           (SELECT string_agg(c.country_code || coalesce(' ' || CAST(c.percentage AS VARCHAR) || '%', ''), ', '
                              ORDER BY c.country_code)
            FROM iati_countries c WHERE c.iati_identifier = a.iati_identifier) AS countries,
           a.spotlight_funded, a.programme_id, a.source_id
    FROM iati_activities a WHERE ($programme IS NULL OR a.programme_id = $programme)
    ORDER BY a.spotlight_funded DESC, a.reporting_org_name, a.iati_identifier"""
    return _run(cur, sql, f)


def run_query(cur: duckdb.DuckDBPyConnection, name: str, filters: Filters | None = None) -> pd.DataFrame:
    return QUERIES[name].run(cur, filters or Filters())
