"""One look for every chart, on screen and exported: the template, fonts and fixed colours.

Colours come from the Okabe-Ito palette, which stays distinguishable with the common forms of
colour blindness. A RUNO or a pillar has the same colour on every chart; charts never rely on
colour alone (bars carry their labels).
"""

from __future__ import annotations

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

RUNO_COLOURS = {"UNW": OKABE_ITO["blue"], "UNFPA": OKABE_ITO["orange"], "UNDP": OKABE_ITO["green"],
                "EU": OKABE_ITO["sky"]}
PILLAR_COLOURS = {1: OKABE_ITO["blue"], 2: OKABE_ITO["orange"], 3: OKABE_ITO["green"],
                  4: OKABE_ITO["purple"], 5: OKABE_ITO["vermillion"], 6: OKABE_ITO["sky"]}
RAG_COLOURS = {"green": OKABE_ITO["green"], "amber": OKABE_ITO["orange"], "red": OKABE_ITO["vermillion"],
               "no data": MUTED}
REACH_COLOURS = {"direct": OKABE_ITO["blue"], "indirect": OKABE_ITO["sky"]}
SEX_COLOURS = {"female": OKABE_ITO["vermillion"], "male": OKABE_ITO["blue"], "all": MUTED}

# Explicit, so that an exported image looks like the screen whatever template Streamlit sets.
TEMPLATE = go.layout.Template(data=dict(bar=[go.Bar(constraintext="none", cliponaxis=False)]), layout=go.Layout(
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
