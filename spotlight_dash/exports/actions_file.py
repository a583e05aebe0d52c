"""The Steering Committee's record as a spreadsheet: action points (overdue first), decisions and
comments, each with the full text exactly as written, and an "about" sheet (pure: frames in, bytes out).

The committee pack clips long texts to fit its slides and points here for the full text, by the
note's number; so every note is on one of this file's sheets.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from spotlight_dash import codes, formatting, labels
from spotlight_dash import minutes as records
from spotlight_dash.exports.chart_files import workbook

ACTION_SHEET_COLUMNS = ["due", "overdue", "owner", "owner_person", "text", "status", "meeting_title", "held_on",
                        "chart", "note_id"]
NOTE_SHEET_COLUMNS = ["held_on", "meeting_title", "text", "chart", "author", "note_id"]
WIDTHS = {"text": 90, "meeting_title": 36, "chart": 34, "owner": 24, "owner_person": 22, "due": 12, "held_on": 14,
          "overdue": 12, "status": 12, "author": 16, "note_id": 10}


def clip(text, limit: int) -> tuple[str, bool]:
    """``text`` as written, or its first characters and an ellipsis when longer than ``limit``."""
    text = "" if formatting.is_missing(text) else str(text)
    if len(text) <= limit:
        return text, False
    return text[:limit - 1].rstrip() + "…", True


def action_rows(notes: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """Every action point: overdue first, then the others still open by due date, then done and dropped."""
    listed = records.actions(notes, today, status=None)
    order = [0 if late else 1 if status == "open" else 2 for late, status in zip(listed.overdue, listed.status)]
    return listed.assign(_order=order).sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


def _actions_sheet(notes: pd.DataFrame, lang: str, today: dt.date) -> pd.DataFrame:
    rows = action_rows(notes, today)
    sheet = pd.DataFrame({
        "due": rows.due,
        "overdue": [labels.t("record.overdue", lang) if late else None for late in rows.overdue],
        "owner": [None if formatting.is_missing(v) else codes.organisation_name(v, lang) for v in rows.owner],
        "owner_person": rows.owner_person,
        "text": rows.text,
        "status": [records.status_word(s, lang) for s in rows.status],
        "meeting_title": rows.meeting_title,
        "held_on": rows.held_on,
        "chart": [records.place_name(c, lang) for c in rows.chart],
        "note_id": rows.note_id,
    }, columns=ACTION_SHEET_COLUMNS)
    return labels.with_headers(sheet, lang)


def _notes_sheet(notes: pd.DataFrame, kind: str, lang: str) -> pd.DataFrame:
    rows = notes[notes.kind == kind] if "kind" in notes else pd.DataFrame(columns=NOTE_SHEET_COLUMNS)
    sheet = pd.DataFrame({
        "held_on": [None if formatting.is_missing(v) else pd.Timestamp(v).date() for v in rows.held_on],
        "meeting_title": rows.meeting_title,
        "text": rows.text,
        "chart": [records.place_name(c, lang) for c in rows.chart],
        "author": rows.author,
        "note_id": rows.note_id,
    }, columns=NOTE_SHEET_COLUMNS)
    return labels.with_headers(sheet, lang)


def actions_workbook(notes: pd.DataFrame, meetings: pd.DataFrame, lang: str, today: dt.date,
                     version: int | None = None, made: dt.datetime | None = None) -> bytes:
    """The XLSX of the committee's record: sheets "about", actions, decisions and comments.

    ``notes`` and ``meetings`` are the named queries' frames; ``today`` decides what is overdue;
    ``version`` is the snapshot they were read from (said on the about sheet). No cell is a formula:
    a text starting with = + - @ stays the text as written.
    """
    t = labels.scoped("actions_file", lang)
    made = made or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    latest = meetings.iloc[0] if len(meetings) else None
    about = [(t("what"), t("what_text")),
             (t("snapshot"), t("snapshot_text", version=version) if version else t("snapshot_unknown")),
             (t("made"), formatting.date(made, lang, with_time=True) + " UTC"),
             (t("overdue"), t("overdue_text", today=formatting.date(today, lang))),
             (t("texts"), t("texts_text")),
             (t("meetings"), t("meetings_text", count=len(meetings), title=latest.title,
                                day=formatting.date(pd.Timestamp(latest.held_on).date(), lang))
              if latest is not None else t("no_meetings"))]
    frames = {t("actions_sheet"): _actions_sheet(notes, lang, today),
              t("decisions_sheet"): _notes_sheet(notes, "decision", lang),
              t("comments_sheet"): _notes_sheet(notes, "comment", lang)}
    widths = {labels.column(name, lang): width for name, width in WIDTHS.items()}
    return workbook(about, frames, labels.t("about.sheet", lang), widths=widths)


def file_name(version: int | None, lang: str) -> str:
    """``spotlight-ca_committee-actions_v0012.xlsx`` (``_ru`` before the extension in Russian)."""
    return "_".join(["spotlight-ca", "committee-actions"] + ([f"v{version:04d}"] if version else [])) + \
        labels.file_suffix(lang) + ".xlsx"
