"""The command line refuses a value it cannot act on with exit 1 and a message that names what
exists, never a traceback and never silently something else (issue 23, item 9)."""

import pytest

from spotlight_dash import cli, store

NINES = "9" * 5000  # more digits than int() converts


@pytest.fixture(autouse=True)
def _two(two_snapshots):
    return two_snapshots


@pytest.mark.parametrize("since", ["999", "v0002", "²", NINES])
def test_pack_since_a_snapshot_that_is_not_earlier_refuses_and_names_the_earlier_ones(tmp_path, capsys, since):
    out = tmp_path / "pack.pptx"
    assert cli.main(["pack", "--since", since, "-o", str(out)]) == 1
    message = capsys.readouterr().err
    assert "there is no such snapshot before the current v0002" in message and message.rstrip().endswith("v0001")
    assert not out.exists()


@pytest.mark.parametrize("version", ["999", "vx", "²", NINES])
def test_rollback_to_an_unknown_version_refuses_and_changes_nothing(capsys, version):
    assert cli.main(["rollback", version]) == 1
    assert "the snapshots in the store are: v0001, v0002" in capsys.readouterr().err
    assert store.versions() == [1, 2] and store.current_state().version == 2


def test_rollback_to_a_version_as_typed_still_works(capsys):
    assert cli.main(["rollback", "v0001"]) == 0
    assert "v0003 is now current" in capsys.readouterr().out


@pytest.mark.parametrize("option, value, choices", [
    ("--year", "1999", "(2019, 2020, 2021, 2022, 2023, 2024)"),
    ("--year", "²", "(2019, 2020"),
    ("--year", NINES, "(2019, 2020"),
    ("--pillar", "7", "(1, 2, 3, 4, 5, 6)"),
    ("--country", "narnia", "(KAZ, KGZ"),
    ("--programme", "SI-XYZ", "(SI-CA-REG, SI-KGZ)"),
])
def test_a_filter_that_is_not_a_choice_refuses_the_chart_and_the_query(tmp_path, capsys, option, value, choices):
    out = tmp_path / "chart.csv"
    assert cli.main(["chart", "budget-by-runo", "--format", "csv", option, value, "-o", str(out)]) == 1
    assert f"{option} " in (message := capsys.readouterr().err) and choices in message
    assert not out.exists()  # not a file for all years instead of the one asked for
    assert cli.main(["query", "budget_by_runo", option, value]) == 1
    assert choices in capsys.readouterr().err


def test_a_filter_that_is_a_choice_still_narrows_the_query(capsys):
    assert cli.main(["query", "budget_by_runo", "--year", "2020", "--runo", "unw", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 and "2541617" in lines[1]


@pytest.mark.parametrize("day", ["01.02.2027", "2027-02-30", "tomorrow", NINES])
def test_pack_refuses_a_meeting_date_that_is_not_a_day(tmp_path, capsys, day):
    out = tmp_path / "pack.pdf"
    assert cli.main(["pack", "--format", "pdf", "--meeting-date", day, "-o", str(out)]) == 1
    assert "is not a date written YYYY-MM-DD" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.skipif(not __import__("shutil").which("chromium"), reason="Chromium is not installed (make test installs it)")
def test_pack_puts_the_meeting_date_given_on_its_cover(tmp_path):
    import subprocess

    out = tmp_path / "pack.pdf"
    assert cli.main(["pack", "--format", "pdf", "--meeting-date", "2027-02-01", "--lang", "ru", "-o", str(out)]) == 0
    cover = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "Заседание: 01 февраля 2027" in cover
