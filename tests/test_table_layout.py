"""Tables readable at 1440 px: long text columns share the room the short ones leave, wrap where three
lines hold them, and a table that still cannot fit keeps its first column in view (issue 18)."""

import pandas as pd

from spotlight_dash import formatting as fmt
from spotlight_dash import labels
from spotlight_dash.table_layout import PAGE_PX, WRAPPED_ROW_PX, Layout, layout, natural_px

TITLE = ("Number of new and other media stories/reports that sensitively report on VAWG and "
         "gender-based violence in the region, with a survivor-centred approach")


def _headers(frame: pd.DataFrame) -> dict[str, str]:
    return {name: labels.column(name) for name in frame.columns}


def _drawn_px(frame: pd.DataFrame, fitted) -> int:
    return sum(fitted.widths.get(name, natural_px(name, frame[name])) for name in frame.columns)


def test_a_table_that_fits_is_left_as_streamlit_draws_it():
    frame = pd.DataFrame({"indicator": ["3.3.3"], "actual": ["9"], "period": ["2020"]})
    assert layout(frame, _headers(frame)) == Layout({}, None, None)


def test_a_long_title_takes_the_room_left_and_wraps_so_every_column_is_on_screen():
    frame = pd.DataFrame({"indicator": ["3.3.3"], "title": [TITLE], "unit": ["media stories/reports"],
                          "baseline": ["—"], "target": ["—"], "actual": ["9"], "period": ["2020"]})
    fitted = layout(frame, _headers(frame))
    assert natural_px("title", frame.title) == 500  # Streamlit would cut it at 500 px
    assert _drawn_px(frame, fitted) <= PAGE_PX and fitted.pinned is None
    assert fitted.row_height == WRAPPED_ROW_PX  # > 4rem: Streamlit wraps the title onto three lines


def test_text_too_long_for_three_lines_is_not_wrapped_half_cut_but_shown_from_its_start():
    frame = pd.DataFrame({"source": ["AR2020-reach-total"], "quote": [TITLE * 6], "section": ["Annex A"]})
    fitted = layout(frame, _headers(frame))
    assert fitted.row_height is None and _drawn_px(frame, fitted) <= PAGE_PX
    assert fitted.widths["quote"] > natural_px("quote", frame.quote)  # all the room the others leave


def test_a_table_that_cannot_fit_pins_its_first_column_whole_and_keeps_a_pages_own_widths(q):
    sources = fmt.for_reading(q("sources").drop(columns=["document_id", "file"]))
    fitted = layout(sources, _headers(sources), {"quote": "large"})
    assert fitted.pinned == "source_id" and "source_id" not in fitted.widths  # the row's name, whole
    assert "quote" not in fitted.widths  # the page's own "large" stands
    assert all(180 <= px <= 400 for px in fitted.widths.values()), fitted.widths
