"""Overview for the Steering Committee: are we on track, and what changed since the last meeting?"""

import streamlit as st

from spotlight_dash import kpis, labels, provenance, viewstate
from spotlight_dash.exports import pack
from spotlight_dash.exports.context import open_view
from spotlight_dash.ui import chart_block, data, kpi_cards, page
from spotlight_dash.ui.language import t

view = page.start(t("overview.title"), t("overview.question"))


def pack_file(filters, fmt: str, since: int | None, lang: str) -> bytes:
    # Its own connection: the download runs on another thread, after this script run has ended.
    view_for_pack, _ = open_view(viewstate.to_params(filters), version=view.snapshot.version, lang=lang)
    try:
        return pack.build(view_for_pack, fmt, since)
    finally:
        view_for_pack.close()


now = kpis.headline(view)
kpi_cards.row(view, now)
chart_block.columns(view, ["budget-by-runo", "reach-against-target"], ["delivery-against-aim", "indicators-by-rag"])
chart_block.show(view, "media-hits-by-country")

st.subheader(t("overview.changed"))
earlier = data.earlier_snapshots(view.snapshot.version, view.lang)
if not earlier:
    st.info(t("overview.one_snapshot"), icon=":material/history:")
else:
    versions = list(earlier)
    asked = page.from_link("since", lambda raw: viewstate.url_choice(raw, versions), t("link.since"))
    default = versions.index(asked) if asked is not None else 0
    since = st.selectbox(t("overview.compare_with"), versions, index=default, format_func=lambda v: earlier[v])
    st.query_params["since"] = str(since)
    then = kpis.headline(view.at_snapshot(data.snapshot_path(since)))
    changes = kpis.compare(then, now, view.lang)
    page.table(changes.drop(columns="changed"),
               then=st.column_config.TextColumn(t("overview.then", version=since)),
               now=st.column_config.TextColumn(t("overview.now", version=view.snapshot.version)))
    st.caption(t("overview.differ", changed=int(changes.changed.sum()), total=len(changes)))

st.subheader(t("overview.pack"))
st.caption(t("overview.pack_caption"))
pack_since = since if earlier else None
for fmt, column in zip(("pptx", "pdf"), st.columns(4)):
    column.download_button(t("overview.pack_button", format=fmt.upper()),
                           data=lambda f=fmt: pack_file(view.filters, f, pack_since, view.lang),
                           file_name=f"spotlight-ca_committee-pack_v{view.snapshot.version:04d}{labels.file_suffix(view.lang)}.{fmt}",
                           on_click="ignore", icon=":material/slideshow:", key=f"pack-{fmt}", width="stretch")

disagreements = provenance.disagreements_in_words(view.q("disagreements"), view.sources, view.period_labels, view.lang)
page.table_section(t("overview.disagreements"), disagreements, t("overview.no_disagreements"),
                   t("overview.disagreements_caption"), quote=st.column_config.TextColumn(width="large"))
page.footer(view)
