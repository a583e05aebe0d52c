"""A link is untrusted input: whatever a URL holds, every page opens, and a value that is not a
choice is dropped with the usual notice (issue 23, item 2)."""


import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from conftest import PAGES, page_alone
from spotlight_dash import viewstate
from spotlight_dash.markdown_text import shown
from spotlight_dash.queries import Filters

# Every parameter a page reads from its link: the filters, the language, and the pages' own.
PARAMETERS = (*viewstate.FILTER_NAMES, "lang", "since", "slide", "indicator")
CHOICES = viewstate.Choices(programmes={"SI-CA-REG": "Spotlight Central Asia", "SI-KGZ": "Spotlight Kyrgyzstan"},
                            years=(2020, 2021))
DROPPED = "in the link is not one of the choices"


@pytest.fixture(autouse=True)
def _fresh_caches():
    import streamlit as st
    st.cache_data.clear()
    st.cache_resource.clear()


def _run(page, params):
    at = page_alone(page)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _notices(at) -> list[str]:
    return [shown(w.value) for w in at.warning if DROPPED in shown(w.value)]


@pytest.mark.parametrize("page, params", [
    ("overview", {"year": "²"}),  # a superscript two: str.isdigit() says yes, int() says no
    ("delivery", {"pillar": "¹"}),
    ("meeting", {"slide": "²"}),
    ("overview", {"year": "9" * 5000}),  # more digits than int() converts
    ("overview", {"since": "²"}),
    ("overview", {"since": "9" * 5000}),
    ("results", {"indicator": "3.2.2" * 1000}),
])
def test_the_links_that_crashed_a_page_open_it_with_a_notice(two_snapshots, page, params):
    at = _run(page, params)
    assert not at.exception, at.exception
    assert len(_notices(at)) == 1, [w.value for w in at.warning]
    assert at.title  # the page itself is drawn, not just the notice


def test_a_dropped_year_leaves_the_view_at_all_years(use_shipped):
    at = _run("overview", {"year": "２０２０"})  # full-width digits look like 2020 but are not ASCII
    assert not at.exception
    assert at.selectbox(key="filter_year").value == "all"
    assert {m.label: m.value for m in at.metric}["Total budget (USD)"] == "4,432,461"
    assert _notices(at) == ["Year “２０２０” in the link is not one of the choices; it was ignored."]


def test_a_bad_slide_or_snapshot_in_the_link_falls_back_to_the_first(two_snapshots):
    at = _run("meeting", {"slide": "٣"})  # an Arabic-Indic three
    assert at.query_params["slide"] == "1" and _notices(at) == [
        "Slide “٣” in the link is not one of the choices; it was ignored."]
    at = _run("overview", {"since": "1", "year": "2020"})
    assert at.query_params["since"] == "1" and not _notices(at)


@pytest.mark.parametrize("raw", ["²", "٣", "２０２０", "9" * 5000, "+2020", "-1", "2020.0", "20 20", "", None, "0x7e4"])
def test_a_url_number_is_ascii_digits_in_range_or_nothing(raw):
    assert viewstate.url_number(raw, 1, 2100) is None


def test_a_url_number_and_code_accept_what_they_should():
    assert viewstate.url_number(" 2020 ", 1990, 2100) == 2020
    assert viewstate.url_choice("2021", (2020, 2021)) == 2021 and viewstate.url_choice("2019", (2020, 2021)) is None
    assert viewstate.url_code("kgz", ("KGZ",), upper=True) == "KGZ"
    assert viewstate.url_code("ǩgz", ("KGZ",), upper=True) is None
    assert viewstate.url_code("KGZ" + " " * 10_000, ("KGZ",)) is None  # bounded before it is even stripped


def _as_chosen(name, value: str) -> str:
    return value.strip().upper() if name in ("country", "runo") else value.strip()


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(viewstate.FILTER_NAMES), st.text(max_size=50) | st.from_regex(r"\d{1,6000}")))
def test_any_link_gives_choices_or_a_notice_never_an_exception(params):
    filters, notices = viewstate.parse(params, CHOICES)
    for name in viewstate.FILTER_NAMES:
        value = getattr(filters, name)
        assert value is None or value in CHOICES.options(name)
    given_values = {n: v for n, v in params.items() if v != ""}
    taken = [n for n, v in given_values.items() if str(getattr(filters, n)) == _as_chosen(n, v)]
    assert len(notices) == len(given_values) - len(taken)  # every value given is either taken or said
    assert all(len(n) < 200 for n in notices)  # the notice repeats a bounded part of the value


# Any Unicode, weighted towards what looks like a number to str.isdigit() but not to int():
# other scripts' digits, superscripts, and more digits than int() converts.
LINK_VALUES = (st.text(min_size=1, max_size=30) | st.text(st.characters(categories=("Nd", "No")), min_size=1, max_size=6)
               | st.from_regex(r"\A9{4301,5000}\Z"))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                    HealthCheck.too_slow])
@given(page=st.sampled_from(PAGES), params=st.dictionaries(st.sampled_from(PARAMETERS), LINK_VALUES, min_size=1))
def test_any_unicode_in_any_parameter_of_any_page_never_crashes_it(two_snapshots, page, params):
    at = _run(page, params)
    assert not at.exception, (page, params, at.exception)
    assert at.title


def test_the_remembered_view_is_a_filters_value():
    remembered = Filters(programme="SI-KGZ", year=2020)
    filters, notices = viewstate.parse({"year": "²"}, CHOICES, remembered)
    assert filters == remembered and len(notices) == 1
