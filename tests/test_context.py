"""The Context page's national SDG data: the shipped rows are the publication's, with official titles."""

import csv

import pytest

from conftest import DATA, ROOT
from spotlight_dash.ingest.sdg import convert

REFERENCE_SDG = ROOT.parent / "shared" / "reference" / "sdg"


def _shipped(table):
    with (DATA / "context" / f"{table}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.skipif(not REFERENCE_SDG.is_dir(), reason="../shared/reference/sdg is not beside this clone")
def test_shipped_context_is_what_the_publication_converts_to():
    converted = convert(REFERENCE_SDG)
    for table in ("sdg_indicators", "sdg_values"):
        shipped = _shipped(table)
        assert len(shipped) == len(converted[table]), table
        for ours, theirs in zip(shipped, converted[table]):
            assert {k: v for k, v in ours.items() if v} == {k: str(v) for k, v in theirs.items() if v is not None}


def test_context_figures_as_published(q):
    values = q("sdg_values")
    child_marriage = values[(values.sdg_code == "5.3.1") & (values.year == 2015)].set_index("series")
    assert child_marriage.loc["SP_DYN_MRBF18", "value"] == 7.0
    violence = values[(values.sdg_code == "5.2.1") & (values.year == 2015)]
    physical = violence[(violence.what == "During lifetime: Physical violence") & violence.age.isna()]
    assert physical.value.tolist() == [16.2]


def test_official_titles_in_both_languages(q):
    titles = q("sdg_coverage").drop_duplicates("sdg_code").set_index("sdg_code")
    assert titles.loc["5.3.1", "title"].startswith("Proportion of women aged 20–24 years who were married")
    assert titles.loc["5.3.1", "title_ru"].startswith("Доля женщин в возрасте от 20 до 24 лет")


def test_countries_without_national_data_are_listed_as_such(q):
    coverage = q("sdg_coverage")
    assert set(coverage[coverage.country == "KAZ"].latest_year.dropna()) == {2015, 2018} or \
        coverage[coverage.country == "KAZ"].latest_year.notna().all()
    others = coverage[coverage.country != "KAZ"]
    assert len(others) > 0 and others.latest_year.isna().all()
