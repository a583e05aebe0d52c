"""Every chart from the shipped data: titled, sourced, dated; empty when nothing is reported, never zero-filled."""

import shutil

import pandas as pd
import plotly.graph_objects as go
import pytest

from conftest import ROOT
from spotlight_dash import charts, provenance, queries, store, synthetic
from spotlight_dash.ingest import pipeline
from spotlight_dash.queries import Filters

REG = "SI-CA-REG"
META = charts.ChartMeta("Spotlight CA · 2020", "Source: Annual report 2020 (Media)", "Data as of 1 Jan 2026 · snapshot v0001")


def frames(q, chart, **filters):
    return {name: q(name, **filters) for name in chart.queries}


@pytest.mark.parametrize("name", [n for n in charts.CHARTS if n != "indicator-history"])
def test_every_chart_carries_title_filters_unit_and_source(q, name):
    chart = charts.CHARTS[name]
    figure = chart.figure(frames(q, chart, programme=REG), META)
    if figure is None:
        assert chart.empty()  # the page says what is missing instead
        return
    assert figure.layout.title.text.replace("<br>", " ") == chart.title()
    assert "Spotlight CA · 2020" in figure.layout.title.subtitle.text.replace("<br>", " ")
    footer = figure.layout.annotations[-1].text.replace("<br>", " ")
    assert "Source: Annual report 2020" in footer and "snapshot v0001" in footer
    assert figure.layout.template.layout.font.family.startswith("DejaVu Sans")


def test_media_by_country_shows_the_reported_figures(q):
    chart = charts.CHARTS["media-hits-by-country"]
    bar = chart.figure(frames(q, chart, programme=REG), META).data[0]
    assert dict(zip(bar.x, bar.y)) == {"Kazakhstan": 39, "Kyrgyzstan": 12, "Tajikistan": 12, "International": 9,
                                       "Uzbekistan": 5}


def test_direct_and_indirect_reach_are_never_on_one_axis(q):
    chart = charts.CHARTS["reach-against-target"]
    figure = chart.figure(frames(q, chart, programme=REG), META)
    assert len(figure.data) == 2 and figure.data[0].yaxis != figure.data[1].yaxis
    assert list(figure.data[0].y) == [6407, 231397]
    assert list(figure.data[1].y) == [5800330, 45739739]


def test_reach_nobody_reported_is_no_bar_and_says_so(q):
    from spotlight_dash.exports import alt_text

    chart = charts.CHARTS["reach-against-target"]
    frame = q("reach_against_target", programme=REG)
    unreported = frame.assign(actual=frame.actual.where(frame.reach_type != "direct"),
                              period_id=frame.period_id.where(frame.reach_type != "direct"))
    figure = chart.figure({"reach_against_target": unreported}, META)
    direct = figure.data[0]
    assert list(direct.y) == [None, 231397]  # no bar at 0 for the missing figure
    assert [a.text for a in figure.layout.annotations if a.text == "not reported"] == ["not reported"]
    described = alt_text.describe(figure, "Reach", "Spotlight CA", "people", "Source: …")
    assert "Reached not reported" in described and "Reached 0" not in described


def test_a_reach_breakdown_of_many_groups_draws_the_largest_and_says_so(q):
    chart = charts.CHARTS["reach-direct-breakdown"]
    shipped = chart.figure(frames(q, chart, programme=REG), META)
    assert "largest" not in shipped.layout.title.subtitle.text  # a handful: all drawn
    template = q("reach", programme=REG).iloc[[0]]
    many = pd.concat([template.assign(kind="actual", reach_type="direct", component=f"Group {i}", country=None,
                                      sex=None, age_group=None, count=i) for i in range(1, 31)], ignore_index=True)
    figure = chart.figure({"reach": many}, META)
    drawn = {name for bar in figure.data for name in bar.customdata}  # each bar's name (written above it)
    assert drawn == {f"Group {i}" for i in range(11, 31)}
    assert figure.layout.title.subtitle.text.replace("<br>", " ").endswith(
        "The 20 largest of 30 groups; the chart's data has every group.")


def test_a_reach_breakdown_of_several_years_draws_the_latest_and_says_so(q):
    chart = charts.CHARTS["reach-direct-breakdown"]
    reach = q("reach", programme=REG)
    rows = reach[(reach.kind == "actual") & (reach.reach_type == "direct") & reach.component.notna()]
    later = rows.assign(period_id="2021", count=rows["count"] + 1)
    figure = chart.figure({"reach": pd.concat([reach, later], ignore_index=True)}, META)
    assert sorted(v for bar in figure.data for v in bar.x) == sorted(later["count"])  # 2021's figures only
    assert figure.layout.title.subtitle.text.replace("<br>", " ").endswith(
        "Latest period reported: 2021; choose a year to see another.")


def test_runo_colours_are_fixed_on_every_chart(q):
    chart = charts.CHARTS["budget-by-runo"]
    bar = chart.figure(frames(q, chart, programme=REG), META).data[0]
    colours = dict(zip((name.split(" · ")[0] for name in bar.customdata), bar.marker.color))
    assert colours == {"UN Women": "#0072B2", "UNFPA": "#E69F00", "UNDP": "#009E73"}


def test_nothing_reported_gives_the_empty_state_not_zeros(q):
    for name in ("budget-by-runo", "media-hits-by-country", "expenditure-against-aim"):
        chart = charts.CHARTS[name]
        assert chart.figure(frames(q, chart, programme="SI-KGZ"), META) is None


def test_synthetic_data_is_marked_in_the_title(q):
    chart = charts.CHARTS["media-hits-by-country"]
    meta = charts.ChartMeta("x", "Source: SYNTHETIC benchmark data", "now", synthetic=True)
    assert chart.figure(frames(q, chart, programme=REG), meta).layout.title.text.startswith("SYNTHETIC")


def test_the_source_line_names_documents_by_their_short_name(q):
    media = q("media_hits_by_country", programme=REG)
    line = provenance.source_line(q("sources"), provenance.source_ids([media]))
    assert line == "Source: Annual report 2020 (Communications and Visibility)"


def test_export_names_say_what_the_file_is():
    assert charts.export_name("media-hits-by-country", Filters(programme=REG, year=2020), 7) == \
        "spotlight-ca_media-hits-by-country_2020_v0007"
    assert charts.export_name("budget-by-runo", Filters(programme="SI-KGZ", country="KGZ"), 12) == \
        "spotlight-ca_si-kgz_budget-by-runo_all-years_kgz_v0012"


IATI_FILE = "spotlight_unwomen_undp_ec_2021_extract.xml"


@pytest.fixture(scope="module")
def with_iati(shipped_store, tmp_path_factory):
    """The shipped store plus one IATI file linked to the regional programme: the shipped data has none."""
    folder = tmp_path_factory.mktemp("iati") / "store"
    shutil.copytree(shipped_store, folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SPOTLIGHT_STORE", str(folder))
        data = (ROOT / "tests" / "fixtures" / "iati" / IATI_FILE).read_bytes()
        result = pipeline.import_iati(data, IATI_FILE, "tests", programme_id=REG, accept_warnings=True)
        assert result.status == "committed"
    con = store.open_reader(store.current_state(folder).path)
    yield lambda name, **filters: queries.run_query(con.cursor(), name, Filters(**filters))
    con.close()


@pytest.fixture(scope="module")
def synthetic_q(tmp_path_factory):
    """A small SYNTHETIC store: it has what the shipped data lacks, expenditure against the aim."""
    folder = tmp_path_factory.mktemp("synthetic")
    synthetic.build_store(folder, 1)
    con = store.open_reader(store.current_state(folder).path)
    programme = queries.run_query(con.cursor(), "programmes", Filters()).programme_id.iloc[0]
    yield lambda name, **filters: queries.run_query(con.cursor(), name, Filters(**{**filters, "programme": programme}))
    con.close()


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_every_chart_is_a_valid_plotly_figure(with_iati, synthetic_q, name, lang):
    """Charts are built unvalidated for speed: plotly's validation runs here instead, so that a misspelt
    property or a bad value fails the tests rather than silently drawing nothing."""
    chart = charts.CHARTS[name]
    meta = charts.ChartMeta("Spotlight CA · 2020", "Source: x", "now", font_scale=1.6, lang=lang)
    drawn = [figure for run in (with_iati, synthetic_q)
             for filters in (dict(), dict(year=2020), dict(country="KAZ"), dict(indicator="3.2.2"))
             if (figure := chart.figure(frames(run, chart, programme=REG, **filters), meta)) is not None]
    assert drawn, "nothing drawn: the test would check nothing"
    for figure in drawn:
        go.Figure(figure.to_plotly_json())  # raises ValueError on an unknown property or a bad value
