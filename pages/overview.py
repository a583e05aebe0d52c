"""Overview for the Steering Committee: are we on track, and what changed since the last meeting?"""

import datetime as dt

import streamlit as st

from spotlight_dash import codes, kpis, labels, minutes, provenance, viewstate
from spotlight_dash import formatting as fmt
from spotlight_dash.exports import pack
from spotlight_dash.exports.context import open_view
from spotlight_dash.ui import chart_block, data, kpi_cards, notes, page
from spotlight_dash.ui.language import t

view = page.start(t("overview.title"), t("overview.question"))


def pack_file(filters, fmt: str, since: int | None, lang: str, meeting: dt.date) -> bytes:
    # Its own connection: the download runs on another thread, after this script run has ended.
    view_for_pack, _ = open_view(viewstate.to_params(filters), version=view.snapshot.version, lang=lang)
    try:
        return pack.build(view_for_pack, fmt, since, meeting=meeting)
    finally:
        view_for_pack.close()


now = kpis.headline(view)
kpi_cards.row(view, now)
chart_block.columns(view, ["budget-by-runo", "reach-against-target"], ["delivery-against-aim", "indicators-by-rag"])
chart_block.show(view, "media-hits-by-country")

meetings, recorded = notes.records(view.snapshot.path)
last = minutes.last_meeting(meetings, view.snapshot.version)
earlier = data.earlier_snapshots(view.snapshot.version, view.lang)
if last is not None:
    # What the committee asked last time, before what moved: the figures it reviewed are the comparison's base.
    st.subheader(t("overview.since_meeting"))
    st.caption(t("overview.since_meeting_caption", title=last.title, day=fmt.date(last.held_on, view.lang),
                 version=f"{int(last.snapshot):04d}"))
    due = minutes.actions(recorded, dt.date.today())
    if due.empty:
        st.info(t("overview.no_actions_due"), icon=":material/task_alt:")
    else:
        st.markdown(t("overview.actions_due"))
        page.table(due[["due", "overdue", "owner", "owner_person", "text", "meeting_title"]].assign(
            overdue=[t("actions.overdue") if late else "" for late in due.overdue],
            owner=[codes.organisation_name(o, view.lang) if isinstance(o, str) else None for o in due.owner]),
            text=st.column_config.TextColumn(width="large"))
    page.link(notes.ACTIONS_PAGE, t("overview.all_actions"), ":material/checklist:")
else:
    st.subheader(t("overview.changed"))
if not earlier:
    st.info(t("overview.one_snapshot"), icon=":material/history:")
else:
    versions = list(earlier)
    asked = page.from_link("since", lambda raw: viewstate.url_choice(raw, versions), t("link.since"))
    reviewed = int(last.snapshot) if last is not None and int(last.snapshot) in versions else None
    default = versions.index(asked) if asked is not None else versions.index(reviewed) if reviewed else 0
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
day_column, *columns = st.columns(4, vertical_alignment="bottom")
meeting_day = day_column.date_input(t("overview.pack_meeting_date"), help=t("overview.pack_meeting_date_help"),
                                    value=minutes.pack_day(meetings, dt.date.today()),
                                    format=t("format.date_input"), key="pack-meeting-date") or dt.date.today()
for fmt, column in zip(("pptx", "pdf"), columns):
    column.download_button(t("overview.pack_button", format=fmt.upper()),
                           data=lambda f=fmt: pack_file(view.filters, f, pack_since, view.lang, meeting_day),
                           file_name=f"spotlight-ca_committee-pack_v{view.snapshot.version:04d}{labels.file_suffix(view.lang)}.{fmt}",
                           on_click="ignore", icon=":material/slideshow:", key=f"pack-{fmt}", width="stretch")

disagreements = provenance.disagreements_in_words(view.q("disagreements"), view.sources, view.period_labels, view.lang)
page.table_section(t("overview.disagreements"), disagreements, t("overview.no_disagreements"),
                   t("overview.disagreements_caption"), quote=st.column_config.TextColumn(width="large"))
page.footer(view)
