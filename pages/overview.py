"""Overview for the Steering Committee: are we on track, and what changed since the last meeting?"""

import streamlit as st

from spotlight_dash import kpis, viewstate
from spotlight_dash.exports import pack
from spotlight_dash.exports.context import open_view
from spotlight_dash.ui import chart_block, data, kpi_cards, page

view = page.start("Are we on track?", "Budget, delivery, reach, media and indicator status for the filters on the left.")


def headline(path: str) -> list[kpis.KPI]:
    q = lambda name: data.run_query(path, name, view.filters)  # noqa: E731
    return kpis.headline(q("budget_by_runo"), q("delivery"), q("reach_against_target"), q("media_summary"))


def pack_file(filters, fmt: str, since: int | None) -> bytes:
    # Its own connection: the download runs on another thread, after this script run has ended.
    view_for_pack, _ = open_view(viewstate.to_params(filters), version=view.snapshot.version)
    try:
        return pack.build(view_for_pack, fmt, since)
    finally:
        view_for_pack.close()


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

st.subheader("The Committee pack")
st.caption("Cover, headline figures, delivery, indicators with the reasons for their status, reach, "
           "communications, what changed since the snapshot chosen above, and the sources; for these filters.")
pack_since = since if earlier else None
for fmt, column in zip(("pptx", "pdf"), st.columns(4)):
    column.download_button(f"Pack ({fmt.upper()})", data=lambda f=fmt: pack_file(view.filters, f, pack_since),
                           file_name=f"spotlight-ca_committee-pack_v{view.snapshot.version:04d}.{fmt}",
                           on_click="ignore", icon=":material/slideshow:", key=f"pack-{fmt}", width="stretch")

page.table_section("Where the sources disagree", view.q("disagreements"), "No two sources disagree on a figure.",
                   "Each statement is kept with its own source; none is picked silently.")
page.footer(view)
