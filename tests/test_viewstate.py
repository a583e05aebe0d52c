"""Filters as they travel in a link: checked, described, and written back."""

from spotlight_dash import viewstate
from spotlight_dash.queries import Filters

CHOICES = viewstate.Choices(programmes={"SI-CA-REG": "Spotlight Central Asia", "SI-KGZ": "Spotlight Kyrgyzstan"},
                            years=(2020, 2021))


def test_a_link_sets_every_filter_and_normalises_case():
    filters, notices = viewstate.parse({"programme": "SI-KGZ", "year": "2021", "country": "kgz", "pillar": "3",
                                        "runo": "unw"}, CHOICES)
    assert filters == Filters(programme="SI-KGZ", year=2021, country="KGZ", pillar=3, runo="UNW")
    assert notices == []


def test_bad_values_are_dropped_with_a_notice_each():
    filters, notices = viewstate.parse({"programme": "<script>", "year": "1999", "country": "Narnia",
                                        "pillar": "x", "runo": "UNICEF"}, CHOICES)
    assert filters == Filters(programme="SI-CA-REG")
    assert len(notices) == 5
    assert notices[1] == "Year “1999” in the link is not one of the choices; it was ignored."


def test_the_remembered_view_fills_what_the_link_does_not_say():
    remembered = Filters(programme="SI-KGZ", year=2020, country="KAZ")
    filters, _ = viewstate.parse({"year": "2021"}, CHOICES, remembered)
    assert filters == Filters(programme="SI-KGZ", year=2021, country="KAZ")


def test_round_trip_through_the_url():
    filters = Filters(programme="SI-CA-REG", year=2020, pillar=6)
    assert viewstate.to_params(filters) == {"programme": "SI-CA-REG", "year": "2020", "pillar": "6"}
    assert viewstate.parse(viewstate.to_params(filters), CHOICES)[0] == filters


def test_the_description_names_the_filters_in_force():
    assert viewstate.describe(Filters(programme="SI-CA-REG"), CHOICES) == "Spotlight Central Asia · all years"
    assert (viewstate.describe(Filters(programme="SI-KGZ", year=2021, country="KGZ", runo="UNW"), CHOICES)
            == "Spotlight Kyrgyzstan · 2021 · Kyrgyzstan · UN Women")


def test_filters_a_query_cannot_apply_are_named():
    assert viewstate.not_applied(Filters(programme="SI-CA-REG", country="KAZ", year=2020), ("programme", "year")) == [
        "country"]
