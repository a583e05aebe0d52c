"""The committee's meetings and notes in the store: each write one validated snapshot, refused with
every problem at once, undone by `undo`, kept by a rebuild, plain text whatever is typed."""

import datetime as dt

import pytest

from spotlight_dash import minutes as notes_of, queries, schema, store
from spotlight_dash.ingest import minutes, pipeline
from conftest import DATA, as_written_before_meetings, page_alone

MEETING_DAY = dt.date(2026, 12, 3)
HOSTILE = '=HYPERLINK("http://evil.example","click")<script>alert(1)</script>'


def _current(name: str):
    with store.open_reader(store.current_state().path) as con:
        return queries.run_query(con.cursor(), name)


def _meeting() -> int:
    opened = minutes.open_meeting(MEETING_DAY, "Regional Steering Committee, 5th meeting", "coordinator")
    assert opened.ok, opened.report.lines()
    return opened.row_id


def _action(meeting: int, text: str, **given):
    values = {"owner": "UNFPA", "due": dt.date(2027, 3, 1), "chart": "delivery-against-aim", **given}
    return minutes.record_note(meeting, "action", text, lang="en", snapshot=store.current_state().version,
                               user_name="coordinator", **values)


def test_a_meeting_and_its_notes_are_snapshots_that_undo_takes_back(store_copy):
    before = store.current_state().version
    meeting = _meeting()
    decision = minutes.record_note(meeting, "decision", "UNFPA to present a recovery plan for pillar 3 delivery by March",
                                   lang="en", snapshot=before, chart="delivery-against-aim", link="runo=UNFPA",
                                   user_name="coordinator")
    first = _action(meeting, "Present the recovery plan")
    second = _action(meeting, "Report reach by country", owner="UNW", chart="reach-against-target")
    assert decision.ok and first.ok and second.ok
    assert store.current_state().version == before + 4  # one snapshot per write

    recorded = _current("notes")
    assert recorded.kind.tolist() == ["decision", "action", "action"]
    assert recorded.chart.tolist() == ["delivery-against-aim", "delivery-against-aim", "reach-against-target"]
    assert recorded.link.iloc[0] == "runo=UNFPA" and set(recorded.author) == {"coordinator"}
    assert set(recorded.meeting_title) == {"Regional Steering Committee, 5th meeting"}
    assert recorded.status.tolist()[1:] == ["open", "open"]
    history = pipeline.import_history()
    assert history.run_kind.tolist()[-4:] == ["note"] * 4

    pipeline.undo_last_import("coordinator")
    assert _current("notes").text.tolist() == ["UNFPA to present a recovery plan for pillar 3 delivery by March",
                                               "Present the recovery plan"]


def test_every_problem_of_a_note_is_reported_at_once_and_nothing_is_written(store_copy):
    meeting = _meeting()
    version = store.current_state().version
    refused = _action(meeting, "   ", owner="UNICEF", due=dt.date(2026, 11, 30))
    assert not refused.ok and store.current_state().version == version
    by_column = {p.place.column: p for p in refused.report.errors}
    assert set(by_column) == {"text", "owner", "due"}
    assert "empty" in by_column["text"].message
    assert "UNICEF" in by_column["owner"].message and "UNFPA" in by_column["owner"].message  # the allowed codes
    assert "before the meeting (2026-12-03)" in by_column["due"].message

    too_long = _action(meeting, "x" * (schema.NOTE_TEXT_LIMIT + 1))
    assert [p.place.column for p in too_long.report.errors] == ["text"]
    assert "2,001 characters, above the limit of 2,000" in too_long.report.errors[0].message
    no_owner = minutes.record_note(meeting, "action", "Someone should", lang="en", snapshot=version, user_name="c")
    assert {p.place.column for p in no_owner.report.errors} == {"owner", "due"}
    assert store.current_state().version == version


def test_hostile_text_is_kept_exactly_as_plain_text(store_copy):
    meeting = _meeting()
    written = _action(meeting, HOSTILE, owner_person="Aigerim <b>K.</b>")
    assert written.ok
    stored = _current("notes").iloc[-1]
    assert stored.text == HOSTILE and stored.owner_person == "Aigerim <b>K.</b>"


def test_a_closed_meeting_takes_no_more_notes_and_a_status_change_is_a_snapshot(store_copy):
    meeting = _meeting()
    action = _action(meeting, "Present the recovery plan")
    assert minutes.close_meeting(meeting, "coordinator").ok
    late = minutes.record_note(meeting, "comment", "one more thing", lang="en", snapshot=1, user_name="c")
    assert not late.ok and "closed" in late.report.errors[0].message
    done = minutes.set_status(action.row_id, "done", "coordinator")
    assert done.ok and _current("notes").status.tolist() == ["done"]
    again = minutes.set_status(action.row_id, "done", "coordinator")
    assert again.version == done.version  # nothing changed: nothing written


def test_a_rebuild_from_data_keeps_the_committees_notes(store_copy):
    meeting = _meeting()
    _action(meeting, "Present the recovery plan")
    pipeline.build(DATA, user_name="tests")
    assert _current("notes").text.tolist() == ["Present the recovery plan"]
    assert _current("meetings").title.tolist() == ["Regional Steering Committee, 5th meeting"]


def test_a_snapshot_written_before_meetings_existed_still_opens_and_rolls_back(store_copy, fresh_caches):
    old = store.snapshot_path(store.current_state().version)
    as_written_before_meetings(old)
    with store.open_reader(old) as reader:
        assert not store.has_current_layout(reader)  # `build --if-changed` rebuilds such a snapshot
        assert store.read_tables(reader, ["notes"])["notes"].empty
        assert queries.run_query(reader.cursor(), "notes").empty  # no notes, not an error
    for name in ("overview", "reach", "actions"):  # a server started on it without `make run`'s rebuild
        at = page_alone(name).run()
        assert not at.exception, (name, at.exception)
    _meeting()
    store.rollback(1, "coordinator")
    assert _current("meetings").empty and _current("notes").empty


def test_actions_list_overdue_first_then_by_due_date(store_copy):
    meeting = _meeting()
    _action(meeting, "later", due=dt.date(2027, 6, 1))
    _action(meeting, "soon", due=dt.date(2027, 1, 15), owner="UNW")
    _action(meeting, "done already", due=dt.date(2026, 12, 10))
    minutes.set_status(3, "done", "coordinator")
    notes = _current("notes")
    listed = notes_of.actions(notes, today=dt.date(2027, 2, 1))
    assert listed.text.tolist() == ["soon", "later"] and listed.overdue.tolist() == [True, False]
    assert notes_of.actions(notes, today=dt.date(2027, 2, 1), owner="UNFPA").text.tolist() == ["later"]
    assert notes_of.actions(notes, today=dt.date(2027, 2, 1), status=None).text.tolist() == \
        ["soon", "done already", "later"]
    assert notes_of.owners(notes) == ["UNW", "UNFPA"]


@pytest.mark.parametrize("kind", ["decision", "comment"])
def test_only_an_action_point_has_an_owner_and_a_due_date(store_copy, kind):
    meeting = _meeting()
    refused = minutes.record_note(meeting, kind, "fine", lang="ru", snapshot=1, owner="UNDP", due=MEETING_DAY,
                                  user_name="c")
    assert {p.place.column for p in refused.report.errors} == {"owner", "due"}


def test_a_note_that_meets_another_write_is_refused_in_words_and_nothing_is_lost(store_copy, monkeypatch):
    meeting = _meeting()
    first = _action(meeting, "Present the recovery plan")

    def another_write_came_first(*args, **kwargs):
        raise store.StoreChanged("the store changed while this file was being checked; check it again")

    monkeypatch.setattr(store, "commit", another_write_came_first)
    refused = _action(meeting, "Report reach by country")
    assert not refused.ok and "the store changed" in refused.report.errors[0].message
    assert store.current_state().version == first.version
    assert _current("notes").text.tolist() == ["Present the recovery plan"]
