"""Overview for the Steering Committee: are we on track, and what changed since the last meeting?"""

import streamlit as st

from spotlight_dash import kpis
from spotlight_dash.ui import chart_block, data, kpi_cards, page

view = page.start("Are we on track?", "Budget, delivery, reach, media and indicator status for the filters on the left.")


def headline(path: str) -> list[kpis.KPI]:
    q = lambda name: data.run_query(path, name, view.filters)  # noqa: E731
    return kpis.headline(q("budget_by_runo"), q("delivery"), q("reach_against_target"), q("media_summary"))


now = headline(view.snapshot.path)
kpi_cards.row(view, now)
chart_block.columns(view, ["budget-by-runo", "reach-against-target"], ["delivery-against-aim", "indicators-by-rag"])
chart_block.show(view, "media-hits-by-country")

st.subheader("What changed since an earlier snapshot")
earlier = data.earlier_snapshots(view.snapshot.version)
if not earlier:
    st.info("There is only one snapshot so far. After the next import, this compares the figures with the "
            "snapshot you choose, for example the one shown at the last Committee meeting.", icon=":material/history:")
else:
    asked = st.query_params.get("since", "")
    versions = list(earlier)
    default = versions.index(int(asked)) if asked.isdigit() and int(asked) in earlier else 0
    since = st.selectbox("Compare with snapshot", versions, index=default, format_func=lambda v: earlier[v])
    st.query_params["since"] = str(since)
    then = headline(data.snapshot_path(since))
    changes = kpis.compare(then, now)
    st.dataframe(changes.drop(columns="changed"), hide_index=True, width="stretch", column_config={
        "then": st.column_config.TextColumn(f"then (v{since:04d})"),
        "now": st.column_config.TextColumn(f"now (v{view.snapshot.version:04d})")})
    st.caption(f"{int(changes.changed.sum())} of {len(changes)} headline figures differ.")

page.table_section("Where the sources disagree", view.q("disagreements"), "No two sources disagree on a figure.",
                   "Each statement is kept with its own source; none is picked silently.")
page.footer(view)
