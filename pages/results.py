"""Results framework: outcome -> output -> indicator, progress to target and RAG, one indicator's history."""

import streamlit as st

from spotlight_dash import metrics, viewstate
from spotlight_dash.ui import chart_block, page
from spotlight_dash.ui.language import t

view = page.start(t("nav.results"), t("results.question"))
progress = view.q("indicator_progress")
framework = view.q("results_framework")
if progress.empty and framework.empty:
    st.info(t("results.nothing"), icon=":material/info:")
    page.footer(view)
    st.stop()

left, right = st.columns([3, 2])
with left:
    chart_block.show(view, "indicators-by-rag")
with right:
    no_data = progress[progress.rag == "no data"]
    st.markdown(t("results.count", indicators=len(progress), without=len(no_data)))
    st.caption(metrics.rag_thresholds_text(view.lang))

st.subheader(t("results.framework"))
rag_marks = {level: f"{mark} {metrics.rag_name(level, view.lang)}"
             for level, mark in zip(metrics.RAG_LEVELS, ("🟢", "🟠", "🔴", "⚪"))}
outcomes = framework[framework.level != "output"]
# Each indicator's outcome (its result is the outcome or one of its outputs), to count them at once.
outcome_of = {code: code if level != "output" else parent
              for code, level, parent in zip(framework.result_code, framework.level, framework.parent_code)}
counts = progress.result_code.map(outcome_of).value_counts()
for outcome in outcomes.itertuples():
    # A closed outcome's table is made when it is opened: a large framework has dozens.
    section = st.expander(t("results.outcome", code=outcome.result_code, statement=outcome.statement,
                            count=int(counts.get(outcome.result_code, 0))),
                          expanded=len(outcomes) < 4, key=f"outcome-{outcome.result_code}", on_change="rerun")
    if not section.open:
        continue
    with section:
        outputs = framework[framework.parent_code == outcome.result_code]
        rows = progress[progress.result_code.isin([outcome.result_code, *outputs.result_code])]
        for output in outputs.itertuples():
            statement = output.statement if isinstance(output.statement, str) else t("results.no_statement")
            st.markdown(t("results.output", code=output.result_code, statement=statement))
        if rows.empty:
            st.caption(t("results.no_indicators"))
        else:
            page.table(rows.assign(status=rows.rag.map(rag_marks))[
                ["indicator_code", "result_code", "title", "unit", "baseline", "target", "target_period_id",
                 "actual", "actual_period_id", "progress_pct", "status"]],
                progress_pct=st.column_config.NumberColumn(format="%.0f"),
                title=st.column_config.TextColumn(width="large"))
unplaced = progress[~progress.result_code.isin(framework.result_code)]
if not unplaced.empty:
    st.markdown(f"**{t('results.unplaced')}**")
    page.table(unplaced.drop(columns=["programme_id"]))

st.subheader(t("results.history"))
options = list(progress.indicator_code)
asked = page.from_link("indicator", lambda raw: viewstate.url_code(raw, options), t("link.indicator"))
titles = dict(zip(progress.indicator_code, progress.title))
chosen = st.selectbox(t("results.indicator"), options, key="indicator", index=options.index(asked) if asked in options else 0,
                      format_func=lambda c: f"{c} · {titles.get(c, '')}"[:120])
st.query_params["indicator"] = chosen
chart_block.show(view, "indicator-history", indicator=chosen)
page.footer(view)
