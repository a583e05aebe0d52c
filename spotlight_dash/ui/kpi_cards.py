"""Headline figures as cards; a figure nobody reported says so in words, not as 0."""

from __future__ import annotations

import streamlit as st

from spotlight_dash import minutes
from spotlight_dash.kpis import KPI
from spotlight_dash.markdown_text import escape
from spotlight_dash.ui import notes
from spotlight_dash.ui.chart_block import source_list
from spotlight_dash.ui.page import View, opened_popover


def row(view: View, kpis: list[KPI]) -> None:
    for column, kpi in zip(st.columns(len(kpis)), kpis):
        # A KPI's words are plain text (the pack prints them too) with figures and names from the data:
        # escaped for Streamlit, which reads a metric's label and a caption as Markdown.
        label = escape(kpi.label)
        with column, st.container(border=True):
            if kpi.reported:
                # The label above, in full: what a figure is for ("· whole programme") must never be cut off.
                st.markdown(label)
                st.metric(label, escape(kpi.value), label_visibility="collapsed")
            else:
                shown = escape(kpi.value) if kpi.sources_differ else view.t("kpi.not_reported")
                st.markdown(f"{label}  \n**{shown}**")
            st.caption(escape(kpi.detail))
            if kpi.source_ids and (popover := opened_popover(st, view.t("kpi.source"), ":material/source:",
                                                             f"sources-kpi-{kpi.key}")) is not None:
                with popover:
                    source_list(view.sources, kpi.source_ids)
            notes.under(view, minutes.kpi_key(kpi.key))
