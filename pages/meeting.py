"""Meeting mode for the Committee: one large chart or KPI block per screen, readable from the back of a room."""

import streamlit as st

from spotlight_dash import kpis, viewstate
from spotlight_dash.ui import chart_block, kpi_cards, language, notes, page
from spotlight_dash.ui.language import t

# Static styling only (no data goes into HTML): hide the sidebar and the toolbar, enlarge type.
st.html("""<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"] {display: none;}
[data-testid="stMetricValue"] {font-size: 4.5rem;}
[data-testid="stMetricLabel"] p {font-size: 1.6rem;}
[data-testid="stCaptionContainer"] p, [data-testid="stText"] {font-size: 1.25rem;}
.block-container {padding-top: 1rem;}
</style>""")

SLIDES = ("headline", "budget-by-runo", "delivery-against-aim", "reach-against-target", "indicators-by-rag",
          "media-hits-by-country", "media-eu-acknowledgement")

view = page.start(t("nav.committee"))
notes.meeting_bar(view)  # the meeting this belongs to; notes made here go to it
if "meeting_slide" not in st.session_state:  # the link's slide counts once, as the filters do
    asked = page.from_link("slide", lambda raw: viewstate.url_number(raw, 1, len(SLIDES)), t("link.slide"))
    st.session_state.meeting_slide = asked or 1

previous, where, switch, following = st.columns([1, 4, 1, 1])
if previous.button(t("meeting.previous"), icon=":material/arrow_back:", width="stretch", key="meeting_previous",
                   disabled=st.session_state.meeting_slide == 1):
    st.session_state.meeting_slide -= 1
if following.button(t("meeting.next"), icon=":material/arrow_forward:", width="stretch", key="meeting_next",
                    disabled=st.session_state.meeting_slide == len(SLIDES)):
    st.session_state.meeting_slide += 1
with switch:
    language.other_language_button()  # the sidebar, where the switch usually is, is hidden here
slide = st.session_state.meeting_slide
st.query_params["slide"] = str(slide)
where.markdown(t("meeting.where", slide=slide, slides=len(SLIDES), description=view.description))

name = SLIDES[slide - 1]
if name == "headline":
    headline = kpis.headline(view)
    kpi_cards.row(view, headline[:3])
    kpi_cards.row(view, headline[3:])
else:
    chart_block.show(view, name, font_scale=1.6, height=420)
st.caption(view.as_of)
