"""Filters as they travel in a link: checked, described, and written back."""

import pandas as pd

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


def test_a_figure_broader_than_the_selection_says_so():
    from spotlight_dash import scope

    def run(name, **filters):  # media totals have no country; the budget has one, but nothing at KAZ
        asked = Filters(**filters)
        return pd.DataFrame({"n": [1]} if name == "media_summary" or asked.country is None else {"n": []})

    media = scope.scoped(run, ["media_summary"], Filters(programme="SI-CA-REG", country="KAZ", year=2020))
    assert media.broader == ("country",) and media.filters.year == 2020
    assert media.note() == "whole programme: not reported by country"
    budget = scope.scoped(run, ["budget_by_runo"], Filters(programme="SI-CA-REG", country="KAZ", runo="UNW"))
    # It steps back from the country only: the RUNO's own figures stay the RUNO's.
    assert budget.broader == ("country",) and budget.filters.runo == "UNW" and not budget.frames["budget_by_runo"].empty
    assert budget.note() == "not reported by country"  # it is still UN Women's: not "whole programme"
    assert scope.scoped(run, ["budget_by_runo"], Filters(programme="SI-CA-REG")).broader == ()
