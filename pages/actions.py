"""The committee's action points: open ones by owner and due date, overdue first; and its decisions."""

import datetime as dt

import streamlit as st

from spotlight_dash import codes, formatting, minutes, viewstate
from spotlight_dash.exports import actions_file
from spotlight_dash.ingest import minutes as writer
from spotlight_dash.ui import auth, notes, page
from spotlight_dash.ui.language import t

view = page.start(t("nav.actions"), t("actions.question"))
lang = view.lang
meetings, recorded = notes.records(view.snapshot.path)
notes.flash()


def shortened(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def chosen_filters() -> tuple[str | None, str | None, int | None]:
    """Owner, status and meeting: this page's own filters, in the URL like the others (None: all)."""
    statuses = [*codes.ACTION_STATUSES, page.ALL]
    owners = minutes.owners(recorded)
    meeting_ids = [int(m) for m in meetings.meeting_id]
    names = {int(m.meeting_id): f"{formatting.date(m.held_on, lang)} · {m.title}" for m in meetings.itertuples()}
    asked_owner = page.from_link("owner", lambda raw: raw if raw in owners else None, t("actions.owner"))
    asked_status = page.from_link("status", lambda raw: raw if raw in statuses else None, t("actions.status"))
    asked_meeting = page.from_link("meeting", lambda raw: viewstate.url_choice(raw, meeting_ids), t("actions.meeting"))
    by_owner, by_status, by_meeting = st.columns(3)
    owner = by_owner.selectbox(t("actions.owner"), [page.ALL, *owners], key="actions-owner",
                               index=1 + owners.index(asked_owner) if asked_owner else 0,
                               format_func=lambda o: t("actions.everyone") if o == page.ALL
                               else codes.organisation_name(o, lang))
    status = by_status.selectbox(t("actions.status"), statuses, index=statuses.index(asked_status or "open"),
                                 key="actions-status", format_func=lambda s: t("actions.any_status") if s == page.ALL
                                 else minutes.status_word(s, lang))
    meeting = by_meeting.selectbox(t("actions.meeting"), [page.ALL, *meeting_ids], key="actions-meeting",
                                   index=1 + meeting_ids.index(asked_meeting) if asked_meeting else 0,
                                   format_func=lambda m: t("actions.every_meeting") if m == page.ALL else names[m])
    for name, value, default in (("owner", owner, page.ALL), ("status", status, "open"), ("meeting", meeting, page.ALL)):
        if value == default:
            st.query_params.pop(name, None)
        else:
            st.query_params[name] = str(value)
    return (None if owner == page.ALL else owner, None if status == page.ALL else status,
            None if meeting == page.ALL else meeting)


def action_table(listed) -> None:
    today = dt.date.today()
    st.subheader(t("actions.heading"))
    st.caption(t("actions.count", count=len(listed), overdue=int(listed.overdue.sum()),
                 today=formatting.date(today, lang)))
    if listed.empty:
        st.info(t("actions.none"), icon=":material/task_alt:")
        return
    page.table(listed.drop(columns="note_id").assign(
        overdue=[t("actions.overdue") if late else "" for late in listed.overdue],
        owner=[minutes.owner_name(o, None, lang) or None for o in listed.owner],
        status=[minutes.status_word(s, lang) for s in listed.status],
        chart=[minutes.place_name(c, lang) for c in listed.chart]), text=st.column_config.TextColumn(width="large"))


def status_form(listed) -> None:
    """An editor marks an action point done or dropped (or open again): a snapshot like any other write."""
    texts = dict(zip(listed.note_id, listed.text))
    with st.form("action-status", border=True):
        st.markdown(t("actions.mark"))
        choice = st.selectbox(t("actions.which"), list(texts), key="action-which",
                              format_func=lambda n: f"#{n} · {shortened(texts[n])}")
        status = st.segmented_control(t("actions.status"), list(codes.ACTION_STATUSES), default="done",
                                      format_func=lambda s: minutes.status_word(s, lang), key="action-new-status")
        if st.form_submit_button(t("actions.save"), icon=":material/save:"):
            done = writer.set_status(int(choice), status or "", notes.author())
            if done.ok:
                st.session_state[notes.WRITTEN] = t("actions.saved", number=int(choice), version=f"{done.version:04d}")
                st.rerun()
            notes.show_problems(done.report, lang)


if meetings.empty:
    st.info(t("actions.no_meetings"), icon=":material/event_note:")
else:
    st.caption(t("actions.not_filtered"))
    in_session = minutes.open_meeting(meetings)
    if in_session is not None:
        st.caption(view.t("actions.in_session", title=in_session.title,
                          day=formatting.date(in_session.held_on, lang)))
    owner, status, meeting = chosen_filters()
    # For the minutes: every action and decision, whatever the filters above (the file says so on its about sheet).
    st.download_button(t("actions.download"), icon=":material/download:", on_click="ignore", key="actions-xlsx",
                       data=lambda: actions_file.actions_workbook(recorded, meetings, lang, dt.date.today(),
                                                                  view.snapshot.version),
                       file_name=actions_file.file_name(view.snapshot.version, lang),
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    listed = minutes.actions(recorded, dt.date.today(), owner=owner, status=status, meeting=meeting)
    action_table(listed)
    if auth.is_editor() and not listed.empty:
        status_form(listed)
    decided = minutes.decisions(recorded, meeting)
    st.subheader(t("actions.decisions"))
    if decided.empty:
        st.info(t("actions.no_decisions"), icon=":material/gavel:")
    else:
        page.table(decided[["held_on", "meeting_title", "text", "chart", "author"]].assign(
            chart=[minutes.place_name(c, lang) for c in decided.chart]), text=st.column_config.TextColumn(width="large"))
    st.subheader(t("actions.meetings"))
    page.table(meetings.assign(closed=[t("actions.closed") if c else t("actions.open_now") for c in meetings.closed]))
page.footer(view)
