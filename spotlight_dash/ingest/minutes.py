"""The Steering Committee's records: meetings, and the decisions, action points and comments made on
a figure. Each write is one row through the same way in as a file's rows (validate, compare, one new
snapshot; nothing half-written; ``undo`` takes it back), refused with every problem at once.

Text is kept exactly as written, in the language it was written in: plain text, never HTML; the
pages show it as text and the exports write it formula-safe.
"""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass
from typing import Any

import pandas as pd

from spotlight_dash import diff, schema, store
from spotlight_dash.ingest import pipeline
from spotlight_dash.ingest.report import IngestReport, Place, RawRow

FORM = {"meetings": "the meeting form", "notes": "the note form"}


@dataclass
class Written:
    """What a write gave: its problems (none when it was written), the new snapshot and the row's id."""

    report: IngestReport
    version: int | None = None
    row_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.version is not None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _next_id(frame: pd.DataFrame | None, column: str) -> int:
    return 1 if frame is None or frame.empty else int(pd.to_numeric(frame[column]).max()) + 1


def _row(frame: pd.DataFrame | None, column: str, value: int) -> dict[str, Any] | None:
    if frame is None or frame.empty:
        return None
    found = frame[pd.to_numeric(frame[column]) == value]
    if found.empty:
        return None
    # Plain Python values (numpy's integers are not ints to the row models).
    return {k: None if pd.isna(v) else getattr(v, "item", lambda: v)() if not isinstance(v, pd.Timestamp) else v
            for k, v in found.iloc[-1].to_dict().items()}


def _as_date(value) -> dt.date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, (dt.datetime, pd.Timestamp)) else value


def _commit(table: str, values: dict[str, Any], report: IngestReport, snapshot, user_name: str, what: str) -> Written:
    """Validate one row and write it as the next snapshot, onto exactly the snapshot it was checked on."""
    base, current, runs, row_sources = snapshot
    # Every problem at once: the row models' too, except on a field the form's own checks worded already.
    worded = {problem.place.column for problem in report.problems}
    checked = IngestReport()
    validated = pipeline.validate({table: [RawRow(table, values, Place(FORM[table]))]}, checked)
    report.problems.extend(p for p in checked.problems if p.place.column not in worded)
    if not report.ok:
        return Written(report)
    comparison = diff.compare(current, pipeline.to_frames(validated))
    key = schema.TABLES[table].key[0]
    if comparison.is_empty:  # the status it already has: nothing to write
        return Written(report, base, int(values[key]))
    run = store.Run("note", FORM[table], "", user_name, _now(), {table: 1}, note=what)
    try:
        version = store.commit(diff.apply(current, comparison), run, runs, row_sources=row_sources,
                               expected_version=base)
    except store.StoreError as exc:  # another write came first, or the disk is full: nothing was written
        report.add(Place(FORM[table]), str(exc), "record it again")
        return Written(report)
    return Written(report, version, int(values[key]))


def open_meeting(held_on: dt.date | None, title: str | None, user_name: str | None = None) -> Written:
    """A new meeting, reviewing the current snapshot's figures."""
    user_name = user_name or getpass.getuser()
    snapshot = pipeline.current_tables()
    report = IngestReport()
    if snapshot[0] is None:
        report.add(Place(FORM["meetings"]), "the store is empty: there are no figures for a meeting to review",
                   "build or load the figures first")
        return Written(report)
    meeting_id = _next_id(snapshot[1].get("meetings"), "meeting_id")
    values = {"meeting_id": meeting_id, "held_on": held_on, "title": title, "snapshot": snapshot[0],
              "opened_by": user_name, "closed": False}
    return _commit("meetings", values, report, snapshot, user_name, f"meeting {meeting_id} opened")


def close_meeting(meeting_id: int, user_name: str | None = None) -> Written:
    """No more notes in this meeting; its decisions and actions stay, and carry to the next one."""
    user_name = user_name or getpass.getuser()
    snapshot = pipeline.current_tables()
    report = IngestReport()
    meeting = _row(snapshot[1].get("meetings"), "meeting_id", meeting_id)
    if meeting is None:
        report.add(Place(FORM["meetings"], column="meeting_id"), f"there is no meeting {meeting_id}",
                   "choose a meeting that was opened", meeting_id)
        return Written(report)
    if meeting["closed"]:
        report.add(Place(FORM["meetings"], column="meeting_id"), f"meeting {meeting_id} is already closed",
                   "nothing to do", meeting_id)
        return Written(report)
    values = {**meeting, "held_on": _as_date(meeting["held_on"]), "closed": True}
    return _commit("meetings", values, report, snapshot, user_name, f"meeting {meeting_id} closed")


def _check_note(values: dict[str, Any], meeting: dict[str, Any] | None, report: IngestReport) -> None:
    place = Place(FORM["notes"])
    text = values["text"]
    if meeting is None:
        report.add(Place(place.file, column="meeting_id"), f"there is no meeting {values['meeting_id']}",
                   "open a meeting first", values["meeting_id"])
    elif meeting["closed"]:
        report.add(Place(place.file, column="meeting_id"), f"meeting {values['meeting_id']} is closed",
                   "open a new meeting to record more notes", values["meeting_id"])
    if text is None or not str(text).strip():
        report.add(Place(place.file, column="text"), "text: the note is empty", "write the decision, action or comment")
    elif len(str(text).strip()) > schema.NOTE_TEXT_LIMIT:
        report.add(Place(place.file, column="text"),
                   f"text: the note has {len(str(text).strip()):,} characters, above the limit of "
                   f"{schema.NOTE_TEXT_LIMIT:,}", "shorten it; put the details in the minutes")
    if values["kind"] == "action":
        if not values.get("owner") and not values.get("owner_person"):
            report.add(Place(place.file, column="owner"), "owner: an action point needs an owner",
                       "choose the organisation (or name the person) who will do it")
        due = values.get("due")
        if due is None:
            report.add(Place(place.file, column="due"), "due: an action point needs a due date", "give the date it is due")
        elif meeting is not None and isinstance(due, dt.date) and due < _as_date(meeting["held_on"]):
            report.add(Place(place.file, column="due"),
                       f"due: {due.isoformat()} is before the meeting ({_as_date(meeting['held_on']).isoformat()})",
                       "give a due date on or after the meeting", due.isoformat())
    else:
        for column in ("owner", "owner_person", "due"):
            if values.get(column) not in (None, ""):
                report.add(Place(place.file, column=column), f"{column}: only an action point has one",
                           "leave it empty, or record the note as an action point", values[column])


def record_note(meeting_id: int, kind: str, text: str | None, *, lang: str, snapshot: int, chart: str | None = None,
                link: str | None = None, owner: str | None = None, owner_person: str | None = None,
                due: dt.date | None = None, user_name: str | None = None) -> Written:
    """A decision, an action point (owner, due date; open until marked done or dropped) or a comment."""
    user_name = user_name or getpass.getuser()
    tables = pipeline.current_tables()
    report = IngestReport()
    meeting = _row(tables[1].get("meetings"), "meeting_id", meeting_id)
    values = {"note_id": _next_id(tables[1].get("notes"), "note_id"), "meeting_id": meeting_id, "kind": kind,
              "text": text, "language": lang, "chart": chart or None, "link": link or None,
              "snapshot": snapshot, "author": user_name, "written_at": _now(), "owner": owner or None,
              "owner_person": owner_person or None, "due": due, "status": "open" if kind == "action" else None}
    _check_note(values, meeting, report)
    return _commit("notes", values, report, tables, user_name, f"{kind} {values['note_id']} in meeting {meeting_id}")


def set_status(note_id: int, status: str, user_name: str | None = None) -> Written:
    """An action point done or dropped (or open again); the change is a snapshot like any other."""
    user_name = user_name or getpass.getuser()
    tables = pipeline.current_tables()
    report = IngestReport()
    note = _row(tables[1].get("notes"), "note_id", note_id)
    if note is None or note["kind"] != "action":
        report.add(Place(FORM["notes"], column="note_id"), f"there is no action point {note_id}",
                   "choose an action point from the list", note_id)
        return Written(report)
    values = {**note, "due": _as_date(note["due"]), "status": status,
              "written_at": pd.Timestamp(note["written_at"]).to_pydatetime()}
    return _commit("notes", values, report, tables, user_name, f"action {note_id} {status}")
