"""Issue 20's walk through a whole meeting, as an editor does it in the app: open the meeting in Meeting
mode, step through the slides, record a decision and two action points on different charts, take a
comment back with undo, close the meeting; the next snapshot's Overview and the Actions page show the
actions due, each note as written."""

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from conftest import page_alone
from spotlight_dash import queries, store
from spotlight_dash.exports import pack
from spotlight_dash.exports.context import open_view
from spotlight_dash.ingest import pipeline
from spotlight_dash.ui import auth

HOSTILE = '=HYPERLINK("http://outside.invalid","x") <b>bold</b> **not bold**'
pytestmark = pytest.mark.usefixtures("fresh_caches")


def _page(name: str, editor: bool = True) -> AppTest:
    at = page_alone(name)
    at.session_state[auth.EDITOR] = editor
    return at.run()


def _submit(at: AppTest, label: str) -> AppTest:
    [button] = [b for b in at.button if b.label == label]
    return button.click().run()


def _note(at: AppTest, chart: str, kind: str, text: str, owner: str = "", person: str = "",
          due: dt.date | None = None) -> AppTest:
    at.session_state[f"notes-{chart}"] = True  # open the chart's notes (made only while open)
    at.run()
    at.session_state[f"note-kind-{chart}"] = kind
    at.text_area(key=f"note-text-{chart}").input(text)
    at.selectbox(key=f"note-owner-{chart}").set_value(owner)
    at.text_input(key=f"note-person-{chart}").input(person)
    at.date_input(key=f"note-due-{chart}").set_value(due)
    return _submit(at, "Record")


def _stored(name: str):
    with store.open_reader(store.current_state().path) as con:
        return queries.run_query(con.cursor(), name)


def _texts(at: AppTest) -> str:
    return " ".join([m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.success]
                    + [e.value for e in at.error] + [s.value for s in at.subheader])


def test_a_whole_meeting_from_opening_to_the_next_overview(store_copy, monkeypatch):
    monkeypatch.setenv("SPOTLIGHT_EDITOR_SECRET", "s3cret")
    reviewed = store.current_state().version
    at = _page("meeting")
    assert not at.exception, at.exception
    at.date_input(key="meeting-day").set_value(dt.date(2026, 12, 3))
    at.text_input(key="meeting-title").input("Regional Steering Committee, 5th meeting")
    at = _submit(at, "Open a meeting")
    assert "Meeting opened" in _texts(at)
    assert "Regional Steering Committee, 5th meeting" in _texts(at) and f"v{reviewed:04d}" in _texts(at)

    at.button(key="meeting_next").click().run()  # slide 2: the budget
    at = _note(at, "budget-by-runo", "decision", "UNFPA to present a recovery plan for pillar 3 delivery by March")
    assert "Decision recorded" in _texts(at), _texts(at)
    at.button(key="meeting_next").click().run()  # slide 3: delivery
    at = _note(at, "delivery-against-aim", "action", "Present the recovery plan", owner="UNFPA",
               due=dt.date(2027, 3, 31))
    at.button(key="meeting_next").click().run()  # slide 4: reach
    refused = _note(at, "reach-against-target", "action", HOSTILE, owner="UNW", due=dt.date(2026, 11, 1))
    assert "before the meeting (2026-12-03)" in _texts(refused)  # refused, and what was typed is kept:
    assert refused.text_area(key="note-text-reach-against-target").value == HOSTILE
    at = _note(refused, "reach-against-target", "action", HOSTILE, owner="UNW", person="Aigerim K.",
               due=dt.date(2027, 1, 15))
    assert "Action recorded" in _texts(at)
    at = _note(at, "reach-against-target", "comment", "A comment taken back")
    pipeline.undo_last_import("coordinator")  # the Data page's undo: the last note goes
    assert _stored("notes").kind.tolist() == ["decision", "action", "action"]

    at = _page("meeting")
    at.button(key="meeting-close").click().run()
    assert "Meeting closed" in _texts(at)
    stored = _stored("notes")
    assert stored.text.tolist()[2] == HOSTILE  # as typed, plain text
    assert stored.chart.tolist() == ["budget-by-runo", "delivery-against-aim", "reach-against-target"]
    assert stored.snapshot.tolist() == [reviewed + 1, reviewed + 2, reviewed + 3]  # the snapshot on screen, each time

    overview = _page("overview", editor=False)
    assert not overview.exception, overview.exception
    assert "Since the last meeting" in _texts(overview)
    [actions_due] = [d.value for d in overview.dataframe if "text" in d.value.columns]
    assert actions_due.text.tolist() == [HOSTILE, "Present the recovery plan"]  # by due date
    assert "Notes: 1" in [e.label for e in overview.expander]  # under the budget chart: its decision
    unfpa = page_alone("overview")  # the same card for UNFPA says the decision was made for all of them
    unfpa.query_params["runo"] = "UNFPA"
    unfpa.session_state["notes-budget-by-runo"] = True
    assert "seen for all RUNOs" in _texts(unfpa.run())
    assert "seen for" not in _texts(overview)

    actions = _page("actions", editor=False)
    assert not actions.exception, actions.exception
    [listed, decided, meetings] = [d.value for d in actions.dataframe]
    assert listed.text.tolist() == [HOSTILE, "Present the recovery plan"]
    assert decided.text.tolist() == ["UNFPA to present a recovery plan for pillar 3 delivery by March"]
    assert len(meetings) == 1

    view, _ = open_view({})  # the pack of the snapshot after the meeting carries its record
    try:
        slides = pack.outline(view, today=dt.date(2026, 12, 4))
    finally:
        view.close()
    record = next(s for s in slides if s.title == "Decisions and open actions")
    assert record.table.to_dict("list")["text"] == ["UNFPA to present a recovery plan for pillar 3 delivery by March",
                                                    HOSTILE, "Present the recovery plan"]
