"""One look for every chart, on screen and exported: the template, fonts and fixed colours.

Colours come from the Okabe-Ito palette, which stays distinguishable with the common forms of
colour blindness. A RUNO or a pillar has the same colour on every chart; charts never rely on
colour alone (bars carry their labels).
"""

from __future__ import annotations

from functools import lru_cache

import plotly.graph_objects as go

OKABE_ITO = {
    "blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "sky": "#56B4E9",
    "vermillion": "#D55E00", "purple": "#CC79A7", "yellow": "#F0E442", "black": "#000000",
}
SPOTLIGHT_PURPLE = "#5B2C83"  # the programme's colour, for single-series charts
MUTED = "#8C8C8C"  # targets, aims and "not reported"
TEXT = "#222222"
NOTE = "#555555"  # words in a chart that are not data: its footer, "not reported"
FONT = "DejaVu Sans, Arial, sans-serif"  # installed by the README's commands (fonts-dejavu-core)
FONT_FILE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
# A page's chart in the dark theme: its own backgrounds go (the page's shows through) and its words
# turn light. Exports stay light: a file is read on white paper and slides.
DARK_TEXT = "#E6E6E6"
DARK_NOTE = "#B4B4B4"
DARK_GRID = "#3C3F48"
DARK_LINE = "#6A6D75"

RUNO_COLOURS = {"UNW": OKABE_ITO["blue"], "UNFPA": OKABE_ITO["orange"], "UNDP": OKABE_ITO["green"],
                "EU": OKABE_ITO["sky"]}
PILLAR_COLOURS = {1: OKABE_ITO["blue"], 2: OKABE_ITO["orange"], 3: OKABE_ITO["green"],
                  4: OKABE_ITO["purple"], 5: OKABE_ITO["vermillion"], 6: OKABE_ITO["sky"]}
RAG_COLOURS = {"green": OKABE_ITO["green"], "amber": OKABE_ITO["orange"], "red": OKABE_ITO["vermillion"],
               "no data": MUTED}
REACH_COLOURS = {"direct": OKABE_ITO["blue"], "indirect": OKABE_ITO["sky"]}
SEX_COLOURS = {"female": OKABE_ITO["vermillion"], "male": OKABE_ITO["blue"], "all": MUTED}

# Explicit, so that an exported image looks like the screen whatever template Streamlit sets.
# A bar's figure is never turned sideways to squeeze inside it (textangle 0): where it does not fit
# upright, "auto" puts it beside the bar.
TEMPLATE = go.layout.Template(data=dict(bar=[go.Bar(constraintext="none", cliponaxis=False, textangle=0)]), layout=go.Layout(
    font=dict(family=FONT, size=14, color=TEXT),
    paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF",
    colorway=[SPOTLIGHT_PURPLE, *OKABE_ITO.values()],
    title=dict(font=dict(size=20), x=0, xanchor="left", xref="container", pad=dict(l=16)),
    xaxis=dict(showgrid=False, linecolor="#BBBBBB", ticks="outside", tickcolor="#BBBBBB", automargin=True),
    yaxis=dict(gridcolor="#E6E6E6", zerolinecolor="#BBBBBB", automargin=True),
    legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0, title_text=""),
    hoverlabel=dict(font_family=FONT),
    separators=".,",
))
TEMPLATE_JSON = TEMPLATE.to_plotly_json()  # for figures assembled from parts already validated
TEMPLATE_DARK_JSON = go.layout.Template(TEMPLATE).update(layout=dict(
    font=dict(color=DARK_TEXT), paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)",
    xaxis=dict(linecolor=DARK_LINE, tickcolor=DARK_LINE, gridcolor=DARK_GRID, zerolinecolor=DARK_LINE),
    yaxis=dict(linecolor=DARK_LINE, tickcolor=DARK_LINE, gridcolor=DARK_GRID, zerolinecolor=DARK_LINE),
)).to_plotly_json()


@lru_cache(maxsize=16)
def _font(px: int):
    try:
        from PIL import ImageFont

        return ImageFont.truetype(FONT_FILE, px)
    except (ImportError, OSError):  # no font file: an estimate from the average glyph
        return None


def text_width(text: str, px: float) -> float:
    """How wide ``text`` is drawn in the charts' font at ``px`` pixels: what wrapping a title to a
    figure's width needs (plotly never wraps on its own)."""
    font = _font(max(1, round(px)))
    return font.getlength(text) if font is not None else 0.62 * px * len(text)
