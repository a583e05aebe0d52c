"""Results framework: outcome -> output -> indicator, progress to target and RAG, one indicator's history."""

import streamlit as st

from spotlight_dash import metrics
from spotlight_dash.ui import chart_block, page

view = page.start("Results framework", "Outcomes, outputs and their indicators: baseline, target, latest actual, "
                  "progress to target and status. Indicators without data are listed, not hidden.")
progress = view.q("indicator_progress")
framework = view.q("results_framework")
if progress.empty and framework.empty:
    st.info("No results framework is recorded for this programme. Outcomes, outputs and indicators come from "
            "a source document or the Indicators sheet of the import workbook.", icon=":material/info:")
    page.footer(view)
    st.stop()

left, right = st.columns([3, 2])
with left:
    chart_block.show(view, "indicators-by-rag")
with right:
    no_data = progress[progress.rag == "no data"]
    st.markdown(f"**{len(progress)} indicators**, of which **{len(no_data)}** have no status: "
                "baseline, target or an actual is not reported.")
    st.caption(metrics.RAG_THRESHOLDS_TEXT)

st.subheader("Outcomes, outputs and indicators")
rag_marks = {"green": "🟢 green", "amber": "🟠 amber", "red": "🔴 red", "no data": "⚪ no data"}
outcomes = framework[framework.level != "output"]
for outcome in outcomes.itertuples():
    outputs = framework[framework.parent_code == outcome.result_code]
    codes = [outcome.result_code, *outputs.result_code]
    rows = progress[progress.result_code.isin(codes)]
    with st.expander(f"{outcome.result_code} · {outcome.statement}  ({len(rows)} indicators)", expanded=len(outcomes) < 4):
        for output in outputs.itertuples():
            st.markdown(f"**{output.result_code}** {output.statement}")
        if rows.empty:
            st.caption("No indicators recorded for this result.")
        else:
            st.dataframe(rows.assign(status=rows.rag.map(rag_marks))[
                ["indicator_code", "result_code", "title", "unit", "baseline", "target", "target_period_id",
                 "actual", "actual_period_id", "progress_pct", "status"]],
                hide_index=True, width="stretch", column_config={
                    "progress_pct": st.column_config.NumberColumn("progress %", format="%.0f"),
                    "title": st.column_config.TextColumn("indicator", width="large")})
unplaced = progress[~progress.result_code.isin(framework.result_code)]
if not unplaced.empty:
    st.markdown("**Indicators not linked to a recorded outcome or output**")
    st.dataframe(unplaced.drop(columns=["programme_id"]), hide_index=True, width="stretch")

st.subheader("One indicator's history")
options = list(progress.indicator_code)
asked = st.query_params.get("indicator")
chosen = st.selectbox("Indicator", options, key="indicator", index=options.index(asked) if asked in options else 0,
                      format_func=lambda c: f"{c} · {progress.set_index('indicator_code').title.get(c, '')}"[:120])
st.query_params["indicator"] = chosen
chart_block.show(view, "indicator-history", indicator=chosen)
page.footer(view)
