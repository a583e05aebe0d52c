"""The meetings' notes as the pages, the pack and the actions spreadsheet read them (pure: frames in,
frames out). The rows come from the ``meetings`` and ``notes`` queries; ingest/minutes.py writes them."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from spotlight_dash import codes, formatting, labels

KPI_PREFIX = "kpi:"  # a note on a headline card names the card as kpi:<key>
ACTION_COLUMNS = ["due", "overdue", "owner", "owner_person", "text", "status", "meeting_title", "held_on", "chart",
                  "note_id"]


def kpi_key(key: str) -> str:
    return f"{KPI_PREFIX}{key}"


def place_name(chart, lang: str) -> str:
    """What a note was made on, in words: a chart's title, a headline card's figure, or the meeting itself."""
    if not isinstance(chart, str) or not chart:
        return labels.t("record.on_meeting", lang)
    if chart.startswith(KPI_PREFIX):
        return labels.t_or(f"kpi.key.{chart.removeprefix(KPI_PREFIX)}", lang, chart)
    return labels.t_or(f"chart.{chart}.title", lang, chart)


def owner_name(owner, person, lang: str) -> str:
    """ "UN Women (Aigerim K.)", "UN Women" or "Aigerim K.": the organisation by its name in ``lang``."""
    organisation = None if formatting.is_missing(owner) else codes.organisation_name(owner, lang)
    person = None if formatting.is_missing(person) else str(person)
    if organisation and person:
        return f"{organisation} ({person})"
    return organisation or person or ""


def kind_word(kind: str, lang: str) -> str:
    return labels.t(f"record.kind.{kind}", lang)


def status_word(status, lang: str) -> str:
    return "" if formatting.is_missing(status) else labels.t(f"record.status.{status}", lang)


def due_words(due, overdue: bool, lang: str) -> str:
    """The due date as a reader reads it, with "overdue" in words when it is."""
    day = formatting.date(due, lang)
    return labels.t("record.due_overdue", lang, date=day) if overdue else day


def _day(value) -> dt.date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def open_meeting(meetings: pd.DataFrame) -> pd.Series | None:
    """The meeting notes go to now: the newest one not closed, if any."""
    still_open = meetings[~meetings.closed.astype(bool)] if len(meetings) else meetings
    return None if still_open.empty else still_open.iloc[0]


def pack_day(meetings: pd.DataFrame, today: dt.date) -> dt.date:
    """The meeting date a pack's cover starts with: the meeting in progress's day, else ``today``."""
    in_progress = open_meeting(meetings)
    return today if in_progress is None else _day(in_progress.held_on) or today


def last_meeting(meetings: pd.DataFrame, current_version: int) -> pd.Series | None:
    """The newest closed meeting that reviewed an earlier snapshot: what "since the last meeting" counts from."""
    if meetings.empty:
        return None
    closed = meetings[meetings.closed.astype(bool) & (meetings.snapshot < current_version)]
    return None if closed.empty else closed.iloc[0]


def on_chart(notes: pd.DataFrame, chart: str) -> pd.DataFrame:
    """The notes made on one chart or headline card, newest meeting first."""
    return notes[notes.chart == chart] if len(notes) else notes


def counts_by_chart(notes: pd.DataFrame) -> dict[str, int]:
    return notes.chart.dropna().value_counts().to_dict() if len(notes) else {}


def actions(notes: pd.DataFrame, today: dt.date, owner: str | None = None, status: str | None = "open",
            meeting: int | None = None) -> pd.DataFrame:
    """Action points, overdue first, then by due date; ``status`` None is every status.

    Overdue: still open and due before ``today``. Owner is the organisation's code (or a person's name).
    """
    rows = notes[notes.kind == "action"] if len(notes) else pd.DataFrame(columns=[*ACTION_COLUMNS, "kind"])
    if status is not None:
        rows = rows[rows.status == status]
    if owner is not None:
        rows = rows[(rows.owner == owner) | (rows.owner_person == owner)]
    if meeting is not None:
        rows = rows[rows.meeting_id == meeting]
    due = [_day(value) for value in rows.due]
    overdue = [d is not None and d < today and s == "open" for d, s in zip(due, rows.status)]
    frame = rows.assign(due=due, overdue=overdue, held_on=[_day(v) for v in rows.held_on])
    frame = frame.sort_values(["overdue", "due", "note_id"], ascending=[False, True, True], na_position="last")
    return frame[ACTION_COLUMNS].reset_index(drop=True)


def owners(notes: pd.DataFrame) -> list[str]:
    """Everyone an action is assigned to: organisations (in the codes' order), then people by name."""
    acts = notes[notes.kind == "action"] if len(notes) else notes
    if acts.empty:
        return []
    found = set(acts.owner.dropna())
    people = sorted(set(acts.owner_person.dropna()) - found)
    return [code for code in codes.ORGANISATIONS if code in found] + people


def decisions(notes: pd.DataFrame, meeting: int | None = None) -> pd.DataFrame:
    rows = notes[notes.kind == "decision"] if len(notes) else notes
    return rows if meeting is None else rows[rows.meeting_id == meeting]
