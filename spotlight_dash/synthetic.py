"""SYNTHETIC stores for benchmarks and load tests: frames generated with numpy, committed like any snapshot.

Scale 1 is of the order of the shipped data (one programme, ~1,600 fact rows); scale
1000 is about thirty programmes, six countries, six years, three hundred indicators, a million
media rows and a hundred thousand finance rows. Rows grow linearly with the scale: 1,000 media
rows, 100 finance rows and 20 reach rows per unit; one programme per ~33 units.

Every programme, source and document id starts with ``SYNTHETIC`` and every title and quote says
SYNTHETIC, so charts and exports drawn from these stores say so too (chart_files.ChartFiles.make).
Nothing here is a real figure.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from spotlight_dash import codes, schema, store

YEARS = tuple(range(2019, 2025))  # six years
COUNTRIES = ("KAZ", "KGZ", "TJK", "TKM", "UZB", "AFG")  # six countries
PILLARS = (1, 2, 3, 5, 6)
DOCUMENT = "SYNTHETIC-DOC"
KINDS = ("approved", "agency_contribution", "expenditure", "budget_revised", "transferred")


def programme_ids(scale: float) -> list[str]:
    count = max(1, round(30 * scale / 1000))
    return [f"SYNTHETIC-P{i:02d}" for i in range(1, count + 1)]


def _source(programme: str, topic: str) -> str:
    return f"SYNTHETIC-{programme.removeprefix('SYNTHETIC-')}-{topic}"


def _pick(values, index: np.ndarray) -> np.ndarray:
    return np.asarray(values, dtype=object)[index]


def frames(scale: float, seed: int = 7) -> dict[str, pd.DataFrame]:
    """Every table of the schema, SYNTHETIC, at ``scale``."""
    rng = np.random.default_rng(seed)
    progs = programme_ids(scale)
    topics = ("finance", "delivery", "reach", "media", "indicators", "results", "comms", "grants", "iati")
    out: dict[str, pd.DataFrame] = {}
    out["documents"] = pd.DataFrame([{
        "document_id": DOCUMENT, "file": "SYNTHETIC.txt", "title": "SYNTHETIC benchmark data, not real figures",
        "citation": "SYNTHETIC", "publisher": "SYNTHETIC", "published_on": dt.date(2025, 1, 1), "language": "en"}])
    out["sources"] = pd.DataFrame(
        [{"source_id": _source(p, t), "document_id": DOCUMENT, "section": f"SYNTHETIC {t}",
          "quote": f"SYNTHETIC {t} figures of {p}, generated for a benchmark", "location": None}
         for p in progs for t in topics] + [{"source_id": "SYNTHETIC-sdg", "document_id": DOCUMENT,
                                              "section": "SYNTHETIC SDG", "quote": "SYNTHETIC", "location": None}])
    periods = [(str(y), str(y), dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in YEARS]
    periods.append(("PHASE-I", "Phase I (SYNTHETIC)", dt.date(YEARS[0], 1, 1), dt.date(YEARS[-1], 12, 31)))
    out["periods"] = pd.DataFrame(periods, columns=schema.TABLES["periods"].columns)
    out["programmes"] = pd.DataFrame(
        [(p, f"SYNTHETIC programme {p[-2:]}", f"SYNTHETIC {p[-2:]}", f"SYNTHETIC-{i:08d}", "I", _source(p, "results"))
         for i, p in enumerate(progs)], columns=schema.TABLES["programmes"].columns)
    out["programme_dates"] = pd.DataFrame(
        [(p, kind, date, _source(p, "results")) for p in progs
         for kind, date in (("start", dt.date(YEARS[0], 1, 1)), ("end", dt.date(YEARS[-1], 12, 31)))],
        columns=schema.TABLES["programme_dates"].columns)
    out.update(_results(progs, rng))
    out["finance"] = _finance(progs, max(60, int(100 * scale)), rng)
    out["delivery_rates"] = pd.DataFrame(
        [(p, str(y), kind, None, rate, "SYNTHETIC", _source(p, "delivery")) for p in progs
         for y, kind, rate in ((YEARS[-1], "target", 70.0), (YEARS[1], "reported", 12.0))],
        columns=schema.TABLES["delivery_rates"].columns)
    out["reach"] = _reach(progs, max(40, int(20 * scale)), rng)
    out["media"] = _media(progs, max(100, int(1000 * scale)), rng)
    out.update(_communications(progs, rng))
    out["sdg_indicators"] = pd.DataFrame(
        [(c, f"SYNTHETIC SDG {c}", f"SYNTHETIC SDG {c}", "SYNTHETIC-sdg") for c in ("5.2.1", "5.3.1")],
        columns=schema.TABLES["sdg_indicators"].columns)
    out["sdg_values"] = pd.DataFrame(
        [(c, country, y, "SYNTHETIC_SERIES", "SYNTHETIC series", None, None, None, None, "Percent",
          float(rng.integers(5, 40)), None, "SYNTHETIC-sdg")
         for c in ("5.2.1", "5.3.1") for country in COUNTRIES[:4] for y in YEARS[::2]],
        columns=schema.TABLES["sdg_values"].columns)
    out.update(_iati(progs, max(6, int(2 * scale)), rng))
    for name in schema.RECORD_TABLES:  # no meeting is invented: the committee's record starts empty
        out[name] = pd.DataFrame(columns=schema.TABLES[name].columns)
    return {name: out[name][schema.TABLES[name].columns] for name in schema.TABLES}


def _results(progs: list[str], rng) -> dict[str, pd.DataFrame]:
    results, indicators, values = [], [], []
    for p in progs:
        src = _source(p, "results")
        for pillar in PILLARS:
            results.append((p, str(pillar), "outcome", None, pillar, f"SYNTHETIC outcome {pillar}", src))
            for out_no in (1, 2):
                code = f"{pillar}.{out_no}"
                results.append((p, code, "output", str(pillar), None, f"SYNTHETIC output {code}", src))
                indicators.append((p, f"{code}.1", code, f"SYNTHETIC indicator {code}.1", "number", "higher", False,
                                   _source(p, "indicators")))
    out_ind = pd.DataFrame(indicators, columns=schema.TABLES["indicators"].columns)
    for row in out_ind.itertuples():
        baseline = float(rng.integers(0, 50))
        target = baseline + float(rng.integers(10, 200))
        for country in (None, *COUNTRIES):
            values.append((row.programme_id, row.indicator_code, "PHASE-I", "baseline", country, None, None,
                           baseline, None, row.source_id))
            values.append((row.programme_id, row.indicator_code, "PHASE-I", "target", country, None, None,
                           target, None, row.source_id))
            for year in YEARS[1:-1]:
                values.append((row.programme_id, row.indicator_code, str(year), "actual", country, None, None,
                               baseline + (target - baseline) * float(rng.uniform(0, 1)) * (year - YEARS[0]) / 6,
                               None, row.source_id))
    return {"results": pd.DataFrame(results, columns=schema.TABLES["results"].columns), "indicators": out_ind,
            "indicator_values": pd.DataFrame(values, columns=schema.TABLES["indicator_values"].columns)}


def _finance(progs: list[str], rows: int, rng) -> pd.DataFrame:
    n = len(progs)
    prog = np.arange(rows) % n
    kind = rng.choice(len(KINDS), rows, p=[0.15, 0.05, 0.6, 0.05, 0.15])
    year = rng.integers(0, len(YEARS), rows)
    period = np.where(np.isin(kind, [0, 1, 3]), "PHASE-I", _pick([str(y) for y in YEARS], year))
    return pd.DataFrame({
        "programme_id": _pick(progs, prog),
        "organisation": _pick(codes.RUNOS, rng.integers(0, 3, rows)),
        "period_id": period,
        "kind": _pick(KINDS, kind),
        "pillar": pd.array(_pick(PILLARS, rng.integers(0, len(PILLARS), rows)), dtype="Int64"),
        "country": _pick(COUNTRIES, rng.integers(0, len(COUNTRIES), rows)),
        "activity_id": np.char.add("SYNTHETIC-ACT-", np.char.zfill(np.arange(rows).astype(str), 7)).astype(object),
        "amount": np.round(rng.uniform(1_000, 50_000, rows), 2),
        "currency": "USD",
        "is_interim": (kind == 2) & (year == len(YEARS) - 1),
        "source_id": _pick([_source(p, "finance") for p in progs], prog),
        "is_lower_bound": False,
    })


def _reach(progs: list[str], rows: int, rng) -> pd.DataFrame:
    records = []
    for p in progs:  # the reported totals: actual per year and a target, direct and indirect
        src = _source(p, "reach")
        for reach_type, size in (("direct", 10_000), ("indirect", 1_000_000)):
            records.append((p, "PHASE-I", "target", reach_type, None, None, None, None, size, "SYNTHETIC", src))
            for year in YEARS:
                records.append((p, str(year), "actual", reach_type, None, None, None, None,
                                int(size * rng.uniform(0.05, 0.3)), "SYNTHETIC", src))
    totals = pd.DataFrame(records, columns=schema.TABLES["reach"].columns)
    n = max(0, rows - len(totals))
    prog = np.arange(n) % len(progs)
    breakdown = pd.DataFrame({
        "programme_id": _pick(progs, prog), "period_id": _pick([str(y) for y in YEARS], rng.integers(0, 6, n)),
        "kind": "actual", "reach_type": _pick(("direct", "indirect"), rng.integers(0, 2, n)),
        "sex": _pick(codes.VOCABULARIES["sex"], rng.integers(0, 2, n)),
        "age_group": _pick(codes.VOCABULARIES["age_group"], rng.integers(0, 3, n)),
        "component": _pick(("SYNTHETIC training", "SYNTHETIC media", "SYNTHETIC services"), rng.integers(0, 3, n)),
        "country": _pick(COUNTRIES, rng.integers(0, len(COUNTRIES), n)),
        "count": rng.integers(1, 500, n), "note": None,
        "source_id": _pick([_source(p, "reach") for p in progs], prog)})
    return pd.concat([totals, breakdown], ignore_index=True)


def _media(progs: list[str], rows: int, rng) -> pd.DataFrame:
    """One row per dated media hit (count 1), plus the reported totals per programme and year."""
    prog = np.arange(rows) % len(progs)
    day = rng.integers(0, 365 * len(YEARS), rows)
    published = np.datetime64(f"{YEARS[0]}-01-01") + day.astype("timedelta64[D]")
    years = published.astype("datetime64[Y]").astype(int) + 1970
    country_codes = (*COUNTRIES, "INT")
    hits = pd.DataFrame({
        "programme_id": _pick(progs, prog), "period_id": years.astype(str), "measure": "hits",
        "country": _pick(country_codes, rng.integers(0, len(country_codes), rows)),
        "pillar": pd.array(_pick(PILLARS, rng.integers(0, len(PILLARS), rows)), dtype="Int64"),
        "media_type": _pick(("online", "tv", "print", "radio"), rng.integers(0, 4, rows)),
        "outlet": _pick([f"SYNTHETIC outlet {i}" for i in range(500)], rng.integers(0, 500, rows)),
        "published_on": published, "count": np.ones(rows, dtype="int64"),
        "source_id": _pick([_source(p, "media") for p in progs], prog)})
    per_year = hits.groupby(["programme_id", "period_id"]).size()
    totals = []
    for (p, year), count in per_year.items():
        for measure, share in (("hits", 1.0), ("outlets", 0.4), ("hits_eu_acknowledged", 0.8),
                               ("hits_investment_described", 0.3)):
            totals.append((p, year, measure, None, pd.NA, None, None, None, int(count * share), _source(p, "media")))
    return pd.concat([pd.DataFrame(totals, columns=hits.columns).astype({"pillar": "Int64"}), hits],
                     ignore_index=True)


def _communications(progs: list[str], rng) -> dict[str, pd.DataFrame]:
    campaigns, events, grants, group = [], [], [], []
    for p in progs:
        src = _source(p, "comms")
        for i in range(3):
            year = YEARS[1 + i]
            campaigns.append((p, f"SYNTHETIC-C{i}", f"SYNTHETIC campaign {i}", "SYNTHETIC partner", "social media",
                              str(year), dt.date(year, 3, 1), dt.date(year, 4, 1), 40, 10, 100_000 * (i + 1),
                              5_000 * (i + 1), 2_000, 60.0, src))
            events.append((p, f"SYNTHETIC-E{i}", f"SYNTHETIC event {i}", "conference", dt.date(year, 5, 1),
                           dt.date(year, 5, 2), None, 120, 40, 1_000, None, src))
        for country in COUNTRIES:
            grants.append((p, str(YEARS[2]), "grants_awarded", country, None, int(rng.integers(1, 9)), None, None,
                           _source(p, "grants")))
            group.append((p, "SYNTHETIC reference group", country, int(rng.integers(3, 12)), _source(p, "grants")))
    return {
        "campaigns": pd.DataFrame(campaigns, columns=schema.TABLES["campaigns"].columns),
        "events": pd.DataFrame(events, columns=schema.TABLES["events"].columns),
        "grants": pd.DataFrame(grants, columns=schema.TABLES["grants"].columns),
        "reference_group": pd.DataFrame(group, columns=schema.TABLES["reference_group"].columns),
    }


PUBLISHERS = (("SYNTHETIC-UNW", "SYNTHETIC UN Women"), ("SYNTHETIC-UNFPA", "SYNTHETIC UNFPA"),
              ("SYNTHETIC-UNDP", "SYNTHETIC UNDP"))


def _iati(progs: list[str], activities: int, rng) -> dict[str, pd.DataFrame]:
    """``activities`` SYNTHETIC IATI activities, a third of them linked to no programme (as imported files
    are until a user links them), each with a country, yearly budgets and expenditure, and two indicators."""
    tables: dict[str, list] = {name: [] for name in schema.IATI_TABLES}
    for i in range(activities):
        ident = f"SYNTHETIC-ACT-{i:06d}"
        org_ref, org_name = PUBLISHERS[i % len(PUBLISHERS)]
        programme = progs[i % len(progs)] if i % 3 else None
        src = _source(programme or progs[0], "iati")
        country = ("KZ", "KG", "TJ", "TM", "UZ", "AF")[i % 6]  # IATI publishes ISO 3166-1 alpha-2
        tables["iati_activities"].append((
            ident, org_ref, org_name, f"SYNTHETIC activity {i}", "USD", "2", dt.date(YEARS[0], 1, 1), None,
            dt.date(YEARS[-1], 12, 31), None, bool(i % 2), programme, src))
        tables["iati_participants"].append((ident, "funding", "SYNTHETIC-FUND", "SYNTHETIC fund", "40", src))
        tables["iati_countries"].append((ident, country, None, 100.0, src))
        tables["iati_sectors"].append((ident, "1", "15180", "SYNTHETIC sector", 100.0, src))
        for year in YEARS:
            budget = float(rng.integers(50_000, 500_000))
            tables["iati_budgets"].append((ident, "original", "committed", dt.date(year, 1, 1), dt.date(year, 12, 31), 1,
                                           budget, "USD", dt.date(year, 1, 1), src))
            tables["iati_transactions"].append((ident, "4", "expenditure", dt.date(year, 6, 30), "USD",
                                                round(budget * rng.uniform(0.2, 1.0), 2), 1, None, org_name, None, src))
        for indicator in (1, 2):
            tables["iati_indicators"].append((ident, 1, indicator, "1", "SYNTHETIC result", f"SYNTHETIC indicator {indicator}",
                                              "1", True, src))
            tables["iati_indicator_values"] += [
                (ident, 1, indicator, "baseline", None, None, None, 1, YEARS[0], 0.0, None, None, src),
                (ident, 1, indicator, "target", dt.date(YEARS[-1], 1, 1), dt.date(YEARS[-1], 12, 31), None, 1, None,
                 float(rng.integers(50, 500)), None, None, src),
                (ident, 1, indicator, "actual", dt.date(YEARS[2], 1, 1), dt.date(YEARS[2], 12, 31), None, 1, None,
                 float(rng.integers(10, 400)), None, None, src)]
    return {name: pd.DataFrame(rows, columns=schema.TABLES[name].columns) for name, rows in tables.items()}


def build_store(folder: Path, scale: float, seed: int = 7) -> tuple[int, dict[str, pd.DataFrame]]:
    """Commit a SYNTHETIC snapshot at ``scale`` into ``folder``; returns its version and the frames."""
    data = frames(scale, seed)
    run = store.Run("build", f"SYNTHETIC scale {scale:g}", "SYNTHETIC", "bench",
                    dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
                    {name: len(frame) for name, frame in data.items()}, note="SYNTHETIC benchmark data")
    return store.commit(data, run, folder=folder), data
