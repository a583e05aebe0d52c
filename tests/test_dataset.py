"""The shipped dataset: every figure traceable to a quote, and the documents' figures intact."""

import csv
import re

import pytest

from conftest import DATA, DOCUMENTS, SHARED_SEEDS

REG = "SI-CA-REG"


def _rows(table):
    for path in sorted(DATA.rglob(f"{table}.csv")):
        if "store" in path.parts:
            continue
        with path.open(encoding="utf-8") as handle:
            yield from ((path, row) for row in csv.DictReader(handle))


def _squash(text):
    return re.sub(r"\s+", " ", text)


def test_every_quote_occurs_in_its_document():
    files = {row["document_id"]: row["file"] for _, row in _rows("documents")}
    checked = 0
    for path, row in _rows("sources"):
        if not row.get("quote"):  # data files (the SDG context) are cited by file and row instead
            continue
        text = _squash((DOCUMENTS / files[row["document_id"]]).read_text(encoding="utf-8"))
        assert _squash(row["quote"]) in text, f"{path}: quote of {row['source_id']} not in {files[row['document_id']]}"
        checked += 1
    assert checked > 50


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds is not beside this clone")
def test_document_copies_match_the_shared_seeds():
    for seed in SHARED_SEEDS.glob("*.txt"):
        assert (DOCUMENTS / seed.name).read_bytes() == seed.read_bytes(), seed.name


def test_every_fact_has_a_source_that_exists():
    source_ids = {row["source_id"] for _, row in _rows("sources")}
    for table in ("finance", "reach", "media", "grants", "campaigns", "events", "indicator_values"):
        for path, row in _rows(table):
            assert row["source_id"] in source_ids, f"{path}: unknown source {row['source_id']}"


def test_budget_by_runo_exactly_as_reported(q):
    budget = q("budget_by_runo", programme=REG).set_index("organisation")
    assert budget.loc["UNW", ["approved", "agency_contribution"]].tolist() == [2_541_617, 72_485]
    assert budget.loc["UNFPA", ["approved", "agency_contribution"]].tolist() == [688_010, 37_880]
    assert budget.loc["UNDP", ["approved", "agency_contribution"]].tolist() == [1_018_957, 73_512]
    # The report's totals are stated, not stored: the rows must add up to them.
    assert budget.approved.sum() == 4_248_584
    assert budget.agency_contribution.sum() == 183_877
    assert budget.total.sum() == 4_432_461
    assert set(budget.currency) == {"USD"}


def test_delivery_rate_reported_and_aim(q):
    delivery = q("delivery", programme=REG).set_index("period_id")
    assert delivery.loc["2020", "reported_rate_pct"] == 5
    assert delivery.loc["2021", "target_rate_pct"] == 70
    assert delivery.loc["2021", "aim_amount"] == pytest.approx(0.7 * 4_248_584)
    # No expenditure was reported, so no rate is computed and no gap is invented.
    assert delivery.expenditure.isna().all() and delivery.gap_to_aim.isna().all()


def test_reach_totals_and_targets_never_added(q):
    reach = q("reach_against_target", programme=REG).set_index("reach_type")
    assert reach.loc["direct", ["actual", "target"]].tolist() == [6_407, 231_397]
    assert reach.loc["indirect", ["actual", "target"]].tolist() == [5_800_330, 45_739_739]
    assert 6_407 + 5_800_330 not in reach.values
    rows = q("reach", programme=REG)
    small_grants = rows[(rows.component == "small grants") & (rows.reach_type == "direct")]
    assert dict(zip(small_grants.sex, small_grants["count"])) == {"female": 5_570, "male": 736}


def test_media_hits_by_country(q):
    hits = q("media_hits_by_country", programme=REG, year=2020)
    assert dict(zip(hits.country, hits.hits)) == {"KAZ": 39, "KGZ": 12, "TJK": 12, "UZB": 5, "INT": 9}
    summary = q("media_summary", programme=REG).set_index("measure")["count"].to_dict()
    assert summary == {"hits": 77, "outlets": 53, "hits_eu_acknowledged": 66, "hits_investment_described": 32}


def test_social_media_campaigns_and_events(q):
    campaigns = q("campaigns", programme=REG)
    social = campaigns[campaigns.posts == 597].iloc[0]
    assert (social.views, social.engagements, social.followers, social.female_audience_pct) == (
        5_900_000, 469_000, 118_000, 75)
    thanks = campaigns[campaigns.name.str.contains("Thank you for not being silent")].iloc[0]
    assert (thanks.stories, thanks.views, thanks.engagements) == (64, 727_000, 406_000)
    femagora = campaigns[campaigns.campaign_id == "femagora-16-days"]
    assert femagora.stories.max() == 16 and femagora.views.max() == 2_000_000 and femagora.engagements.max() == 9_000
    events = q("events", programme=REG)
    launch = events[events.event_type == "launch"].iloc[0]
    assert (str(launch.start_date.date()), launch.views) == ("2020-12-08", 35_598)
    conference = events[events.start_date.astype(str).str.startswith("2020-12-23")].iloc[0]
    assert conference.participants == 101
    consultation = events[(events.event_id == "cso-consultation-2020-10-20") & events.country.isna()].iloc[0]
    assert (consultation.participants, consultation.youth_participants) == (94, 35)
    assert events.start_date.astype(str).str.startswith("2022-05-24").any()


def test_output_indicators_2020(q):
    progress = q("indicator_progress", programme=REG).set_index("indicator_code")
    assert progress.loc[["3.2.2", "3.2.5", "3.3.3"], "actual"].tolist() == [5_900_000, 2, 9]
    # No baseline or target was reported: progress is not computed, the status says so.
    assert set(progress.loc[["3.2.2", "3.2.5", "3.3.3"], "rag"]) == {"no data"}


def test_civil_society_grants_and_reference_group(q):
    grants = q("grants", programme=REG)
    applications = grants[grants.kind == "applications_received"]
    assert dict(zip(applications.country.fillna("ALL"), applications["count"])) == {
        "ALL": 70, "KAZ": 17, "KGZ": 14, "TJK": 25, "TKM": 1, "UZB": 13}
    named = grants[grants.kind == "grantee"]
    assert named.groupby("country").size().to_dict() == {"KAZ": 5, "KGZ": 3, "TJK": 3, "UZB": 4}
    assert grants[grants.kind == "max_amount_per_grantee"].amount_usd.tolist() == [30_000]
    group = q("reference_group", programme=REG)
    rrg = group[group.body == "CS-RRG"]
    assert dict(zip(rrg.country.fillna("ALL"), rrg.members)) == {
        "ALL": 12, "AFG": 3, "KAZ": 1, "KGZ": 1, "TJK": 3, "TKM": 2, "UZB": 2}


def test_disagreements_are_kept_and_visible(q):
    grants = q("grants", programme=REG)
    awarded = grants[(grants.kind == "grants_awarded") & grants.country.isna()]
    assert sorted(awarded["count"]) == [12, 15] and awarded.disputed.all()
    listed = q("disagreements", programme=REG)
    assert {"grants", "finance", "programme_dates"} <= set(listed["table"])
    eu = listed[listed["table"] == "finance"]
    # The annual report's "more than 5 million USD" and the factsheet's 4,248,584 USD: two statements, apart.
    assert set(zip(eu.value, eu.currency, eu.is_lower_bound)) == {("5000000.0", "USD", True), ("4248584.0", "USD", False)}


def test_programme_facts_and_second_programme(q):
    programmes = q("programmes")
    reg = programmes[programmes.programme_id == REG]
    assert reg.mptf_project_id.iloc[0] == "00119463"
    dates = {(k, str(d.date())) for k, d in zip(reg.kind, reg.date)}
    assert {("approval", "2020-07-24"), ("end", "2022-12-31"), ("start", "2020-11-05")} <= dates
    assert "SI-KGZ" in set(programmes.programme_id)
    kgz = q("indicator_progress", programme="SI-KGZ")
    assert kgz.result_code.str.startswith("XM-DAC-41146-KGZ_D_").all() and kgz.actual.notna().all()
    assert 299 in set(kgz.actual)


def test_filters_narrow_the_rows(q):
    assert q("media_hits_by_country", country="KAZ").hits.tolist() == [39]
    assert q("media_hits_by_country", year=2019).empty
    assert q("budget_by_runo", runo="UNFPA").organisation.tolist() == ["UNFPA"]
