"""Meeting mode for the Committee: one large chart or KPI block per screen, readable from the back of a room."""

import pandas as pd
import streamlit as st

from spotlight_dash import kpis, labels, viewstate
from spotlight_dash.ui import chart_block, kpi_cards, language, notes, page
from spotlight_dash.ui.language import t

# Static styling only (no data goes into HTML): hide the sidebar and the toolbar, enlarge type.
st.html("""<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"] {display: none;}
[data-testid="stMetricValue"] {font-size: 2.8rem;}
[data-testid="stMetricLabel"] p {font-size: 1.6rem;}
[data-testid="stCaptionContainer"] p, [data-testid="stText"] {font-size: 1.25rem;}
.block-container {padding-top: 1rem;}
.st-key-plot-warm-up {visibility: hidden; position: absolute;}
h1 {font-size: 1.3rem !important; padding: 0 !important;}
</style>""")

# Keyboards send ←/→ and presentation clickers PageUp/PageDown: each presses Previous or Next. A static
# script (no data in it), listening once per browser tab; it lets keys typed into a note's form be.
st.html("""<script>
if (!window.spotlightMeetingKeys) {
  window.spotlightMeetingKeys = true;
  document.addEventListener("keydown", (event) => {
    const step = {ArrowRight: "next", PageDown: "next", ArrowLeft: "previous", PageUp: "previous"}[event.key];
    if (!step || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.target.closest("input, textarea, select, [contenteditable=true], [role=listbox], [role=dialog]")) return;
    const button = document.querySelector(".st-key-meeting_" + step + " button");
    if (button && !button.disabled) { event.preventDefault(); button.click(); }
  });
}
</script>""", unsafe_allow_javascript=True)

SLIDES = ("headline", "budget-by-runo", "delivery-against-aim", "reach-against-target", "indicators-by-rag",
          "media-hits-by-country", "media-eu-acknowledgement")

OVERVIEW_PAGE = "pages/overview.py"
view = page.start(t("nav.committee"))
notes.meeting_bar(view)  # the meeting this belongs to; notes made here go to it
if "meeting_slide" not in st.session_state:  # the link's slide counts once, as the filters do
    asked = page.from_link("slide", lambda raw: viewstate.url_number(raw, 1, len(SLIDES)), t("link.slide"))
    st.session_state.meeting_slide = asked or 1

previous, where, switch, leave, following = st.columns([1, 4, 1, 1, 1])
if previous.button(t("meeting.previous"), icon=":material/arrow_back:", width="stretch", key="meeting_previous",
                   disabled=st.session_state.meeting_slide == 1):
    st.session_state.meeting_slide -= 1
if following.button(t("meeting.next"), icon=":material/arrow_forward:", width="stretch", key="meeting_next",
                    disabled=st.session_state.meeting_slide == len(SLIDES)):
    st.session_state.meeting_slide += 1
with switch:
    language.other_language_button()  # the sidebar, where the switch usually is, is hidden here
page.link(OVERVIEW_PAGE, t("meeting.leave"), ":material/close_fullscreen:", where=leave)  # the sidebar's way out is hidden
slide = st.session_state.meeting_slide
st.query_params["slide"] = str(slide)
where.markdown(t("meeting.where", slide=slide, slides=len(SLIDES), description=view.description))



def without_status(view) -> pd.DataFrame | None:
    """The indicators and what each lacks, when not one of them has a status: a bar of "no data" says nothing."""
    progress = view.q("indicator_progress")
    if progress.empty or (progress.rag != "no data").any():
        return None
    return kpis.indicator_reasons(progress, view.lang)


name = SLIDES[slide - 1]
if name == "headline":
    headline = kpis.headline(view)
    kpi_cards.row(view, headline)  # one row: the whole slide on a 1366×768 projector
    chart_block.warm_up()  # the next slides' charts then draw at once
elif name == "indicators-by-rag" and (missing := without_status(view)) is not None:
    with st.container(border=True):
        chart_block.heading(labels.t(f"chart.{name}.title", view.lang), large=True)
        st.info(t("meeting.no_status", count=len(missing)), icon=":material/info:")
        page.table(missing.drop(columns="status"), reason=st.column_config.TextColumn(width="large"))
        notes.under(view, name)
else:
    # The whole slide, source line included, fits a 1366×768 projector without scrolling, in Russian too.
    chart_block.show(view, name, font_scale=1.4, height=340, at_most=True)
st.caption(view.as_of)
