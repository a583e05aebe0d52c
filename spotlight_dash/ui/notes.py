"""The committee's notes where they were made: under a chart or headline card ("2 notes"), and for an
editor in an open meeting, the form that records a decision, an action point or a comment there.

A note's text is shown as text (``st.text``), never as Markdown or HTML: it is whatever was typed.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from spotlight_dash import codes, formatting, labels, minutes, viewstate
from spotlight_dash.ingest import minutes as writer
from spotlight_dash.labels import messages
from spotlight_dash.markdown_text import escape
from spotlight_dash.queries import Filters
from spotlight_dash.ui import auth, data
from spotlight_dash.ui.language import t

ACTIONS_PAGE = "pages/actions.py"
WRITTEN = "note_written"  # what the last write said, shown once after the rerun it asks for
AUTHOR = "note_author"  # the name an editor without sign-in gave once
NO_OWNER = ""


def records(path: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The meetings and notes of a snapshot (cached with every other query)."""
    return data.run_query(path, "meetings", Filters()), data.run_query(path, "notes", Filters())


def author() -> str:
    return auth.loaded_by() or st.session_state.get(AUTHOR) or t("data.editor_in_app")


def describe(note, view) -> str:
    """The line above a note's text: what it is, when and by whom; for an action, who and by when; and
    the selection it was made on where that is not the one on the screen."""
    lang = view.lang
    parts = [minutes.kind_word(note.kind, lang), formatting.date(note.held_on, lang), str(note.meeting_title),
             str(note.author)]
    if seen := viewstate.seen_for(note.link, view.filters, view.choices):
        parts.append(labels.t("record.seen_for", lang, selection=seen))
    if note.kind == "action":
        parts.append(labels.t("notes.action_line", lang, owner=minutes.owner_name(note.owner, note.owner_person, lang),
                              due=formatting.date(note.due, lang), status=minutes.status_word(note.status, lang)))
    return " · ".join(parts)


def show_note(note, view) -> None:
    st.caption(escape(describe(note, view)))
    st.text(note.text)  # as written, in the language it was written in


def flash() -> None:
    """The outcome of the write this rerun follows, once."""
    said = st.session_state.pop(WRITTEN, None)
    if said:
        st.success(said, icon=":material/check_circle:")


def show_problems(report, lang: str) -> None:
    lines = [messages.translate(p.message, lang) + (f" → {messages.translate(p.fix, lang)}" if p.fix else "")
             for p in report.errors]
    st.error(escape("\n\n".join(lines)), icon=":material/error:")


def under(view, chart: str) -> None:
    """"N notes" under a chart or card: the notes made on it, and the form in an open meeting."""
    meetings, notes = records(view.snapshot.path)
    made_here = minutes.on_chart(notes, chart)
    meeting = minutes.open_meeting(meetings) if auth.is_editor() else None
    if made_here.empty and meeting is None:
        return
    label = view.t("notes.count", count=len(made_here)) if len(made_here) else view.t("notes.add")
    # Made only while open: a page has a dozen charts, and most notes are read in the meeting.
    section = st.expander(label, icon=":material/sticky_note_2:", key=f"notes-{chart}", on_change="rerun")
    if not section.open:
        return
    with section:
        for note in made_here.itertuples():
            show_note(note, view)
        if meeting is not None:
            form(view, chart, meeting)


def form(view, chart: str, meeting) -> None:
    """Record a decision, an action point or a comment on ``chart``, in the open meeting."""
    # Not cleared on submit: a refused note keeps what was typed, to be corrected, not typed again.
    with st.form(key=f"note-form-{chart}", border=False):
        st.caption(view.t("notes.in_meeting", title=meeting.title, day=formatting.date(meeting.held_on, view.lang)))
        kind = st.segmented_control(t("notes.kind"), list(codes.NOTE_KINDS), default="decision",
                                    format_func=lambda k: minutes.kind_word(k, view.lang), key=f"note-kind-{chart}")
        text = st.text_area(t("notes.text"), max_chars=2000, key=f"note-text-{chart}")
        st.caption(t("notes.action_fields"))
        owner_column, person_column, due_column = st.columns(3)
        owner = owner_column.selectbox(t("notes.owner"), [NO_OWNER, *codes.ORGANISATIONS], key=f"note-owner-{chart}",
                                       format_func=lambda c: "—" if c == NO_OWNER else codes.organisation_name(c, view.lang))
        person = person_column.text_input(t("notes.person"), max_chars=120, key=f"note-person-{chart}")
        due = due_column.date_input(t("notes.due"), value=None, min_value=dt.date(2000, 1, 1), key=f"note-due-{chart}",
                                    format=t("format.date_input"))
        if auth.loaded_by() is None:
            st.text_input(t("data.your_name"), key=AUTHOR, max_chars=80)
        if not st.form_submit_button(t("notes.record"), icon=":material/add_comment:"):
            return
    written = writer.record_note(int(meeting.meeting_id), kind or "", text, lang=view.lang,
                                 snapshot=int(view.snapshot.version), chart=chart,
                                 link=urlencode(viewstate.to_params(view.filters)), owner=owner or None,
                                 owner_person=person or None, due=due, user_name=author())
    if not written.ok:
        show_problems(written.report, view.lang)
        return
    st.session_state[WRITTEN] = t("notes.recorded", kind=minutes.kind_word(kind, view.lang), version=f"{written.version:04d}")
    for field in ("text", "owner", "person", "due"):  # a fresh form for the next note
        st.session_state.pop(f"note-{field}-{chart}", None)
    st.rerun()


def meeting_bar(view) -> None:
    """Meeting mode's line about the meeting it belongs to, and an editor's open / close."""
    flash()
    meetings, _ = records(view.snapshot.path)
    meeting = minutes.open_meeting(meetings)
    editor = auth.is_editor()
    if meeting is None:
        if editor:
            with st.popover(t("meetings.open"), icon=":material/event_available:"):
                with st.form("open-meeting", border=False):
                    day = st.date_input(t("meetings.day"), value=dt.date.today(), key="meeting-day",
                                        format=t("format.date_input"))
                    title = st.text_input(t("meetings.title"), max_chars=200, key="meeting-title",
                                          placeholder=t("meetings.title_example"))
                    if auth.loaded_by() is None:
                        st.text_input(t("data.your_name"), key=AUTHOR, max_chars=80)
                    if st.form_submit_button(t("meetings.open"), icon=":material/event_available:"):
                        opened = writer.open_meeting(day, title, author())
                        if opened.ok:
                            st.session_state[WRITTEN] = t("meetings.opened", version=f"{opened.version:04d}")
                            st.rerun()
                        show_problems(opened.report, view.lang)
        else:
            st.caption(t("meetings.none_open"))
        return
    line, close = st.columns([5, 1])
    line.markdown(view.t("meetings.current", title=meeting.title, day=formatting.date(meeting.held_on, view.lang),
                         version=f"{int(meeting.snapshot):04d}"))
    if _figures_changed_since(view, int(meeting.snapshot)):
        line.caption(t("meetings.newer_data", reviewed=f"{int(meeting.snapshot):04d}", version=f"{view.snapshot.version:04d}"))
    if editor and close.button(t("meetings.close"), icon=":material/event_busy:", key="meeting-close"):
        closed = writer.close_meeting(int(meeting.meeting_id), author())
        if closed.ok:
            st.session_state[WRITTEN] = t("meetings.closed", version=f"{closed.version:04d}")
            st.rerun()
        show_problems(closed.report, view.lang)


def _figures_changed_since(view, reviewed: int) -> bool:
    """Whether a workbook, IATI file or build came after the reviewed snapshot (notes change no figure)."""
    runs = data.run_query(view.snapshot.path, "ingest_history", Filters())
    return bool(((runs.version > reviewed) & (runs.run_kind != "note")).any())

