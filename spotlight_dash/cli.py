"""python -m spotlight_dash COMMAND: build, query, versions, rollback, chart, pack, template, export, import,
iati, undo-import, imports, check, bench-import, bench."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from spotlight_dash import queries, store, viewstate, workbook_template
from spotlight_dash.ingest import iati, pipeline, textdir, workbook
from spotlight_dash.ingest.report import IngestError, too_large

DATA_DIR = store.REPO_ROOT / "data"


class Refused(Exception):
    """An argument the command cannot act on (a snapshot that does not exist, a year with no data):
    ``main`` prints the message and exits 1; a user never sees a traceback for a mistyped value."""


def _versions_listed(versions) -> str:
    return ", ".join(f"v{v:04d}" for v in versions) or "none"


def _snapshot_argument(option: str, raw: str, allowed: list[int], meaning: str) -> int:
    """A snapshot number as typed ("3", "v0003"), parsed like a link value: one of ``allowed``."""
    digits = str(raw).strip().removeprefix("v").removeprefix("V").lstrip("0")  # versions print as v0003
    number = viewstate.url_choice(digits, allowed)
    if number is None:
        raise Refused(f"{option} {viewstate.echo(raw)!r}: there is no such snapshot {meaning}; "
                      f"the snapshots {meaning} are: {_versions_listed(allowed)}")
    return number


def _date_argument(option: str, raw: str | None):
    """A date as typed, YYYY-MM-DD; None when not given."""
    import datetime as dt

    if raw is None:
        return None
    try:
        return dt.date.fromisoformat(str(raw).strip())
    except ValueError:
        raise Refused(f"{option} {viewstate.echo(raw)!r} is not a date written YYYY-MM-DD, e.g. 2027-02-01") from None


def _filter_values(args, choices: viewstate.Choices) -> dict:
    """The filters given on the command line, each parsed like a link value; any that is not a choice refuses."""
    values, problems = {}, []
    for name in viewstate.FILTER_NAMES:
        raw = getattr(args, name, None)
        if raw is None:
            continue
        value = viewstate.parse_filter(name, raw, choices)
        if value is None:
            offered = ", ".join(str(option) for option in choices.options(name)) or "none"
            problems.append(f"--{name} {viewstate.echo(raw)!r} is not one of the choices ({offered})")
        else:
            values[name] = value
    if problems:
        raise Refused("; ".join(problems))
    return values


def _print_problems(report, stream=sys.stderr) -> None:
    for line in report.lines():
        print(line, file=stream)


def cmd_build(args) -> int:
    if args.if_changed and _current_build_matches(Path(args.data)):
        print(f"the current snapshot already holds {args.data}; nothing to build")
        return 0
    try:
        outcome = pipeline.build(Path(args.data), user_name=args.user, dry_run=args.dry_run)
    except IngestError as exc:
        _print_problems(exc.report)
        print(f"build stopped: {exc}; the current snapshot is unchanged", file=sys.stderr)
        return 1
    except store.StoreError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    _print_problems(outcome.report)
    rows = ", ".join(f"{name} {n}" for name, n in outcome.rows.items() if n)
    if outcome.version is None:
        print(f"dry run: valid ({rows}); nothing written")
    else:
        print(f"built snapshot v{outcome.version:04d} in {store.store_dir()} ({rows})")
    return 0


def _current_build_matches(data_dir: Path) -> bool:
    state = store.current_state()
    if state.path is None or state.problems:
        return False
    with store.open_reader(state.path) as con:
        runs = store.read_runs(con)
        layout_current = store.has_current_layout(con)
    # A snapshot written before a table or column was added is rebuilt even from the same data:
    # the pages' queries need the new layout.
    return bool(len(runs)) and layout_current and runs.iloc[-1].sha256 == textdir.fingerprint(data_dir)


def _current_reader():
    state = store.current_state()
    for problem in state.problems:
        print(f"store: {problem}", file=sys.stderr)
    if state.path is None:
        raise SystemExit(2)
    return store.open_reader(state.path)


def cmd_query(args) -> int:
    name = args.name
    if args.by is not None:
        # `delivery` alone is the programme's delivery; broken down by IATI activity it is the agencies' own.
        routes = {("delivery", "activity,year"): "iati_delivery"}
        name = routes.get((args.name, args.by.replace(" ", "")))
        if name is None:
            print(f"--by {args.by} is not offered for {args.name}; offered: "
                  + ", ".join(f"{q} --by {b}" for q, b in routes), file=sys.stderr)
            return 2
    with _current_reader() as con:
        choices = viewstate.choices_from(lambda query: queries.run_query(con.cursor(), query, queries.Filters()))
        # Only the filters given: a query without --programme covers every programme.
        filters = queries.Filters(**_filter_values(args, choices))
        frame = queries.run_query(con.cursor(), name, filters)
    if args.format == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif args.format == "json":
        print(frame.to_json(orient="records", date_format="iso", indent=1))
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200,
                               "display.max_colwidth", 60):
            print(frame.to_string(index=False) if len(frame) else "(no rows)")
    return 0


def cmd_versions(args) -> int:
    folder = store.store_dir()
    state = store.current_state(folder)
    for problem in state.problems:
        print(f"store: {problem}", file=sys.stderr)
    found = store.versions(folder)
    if not found:
        print(f"no snapshots in {folder}")
        return 1
    for version in found:
        path = store.snapshot_path(version, folder)
        mark = "*" if version == state.version else " "
        try:
            with store.open_reader(path) as con:
                runs = store.read_runs(con)
        except Exception as exc:  # a damaged file is listed, not fatal
            print(f"{mark} v{version:04d}  unreadable: {exc}")
            continue
        run = runs[runs.version == version].iloc[-1]
        rows = json.loads(run.rows_json)
        print(f"{mark} v{version:04d}  {run.finished_at:%Y-%m-%d %H:%M:%S} UTC  {run.run_kind:<8} by {run.user_name}"
              f"  {run.file}  sha256 {run.sha256[:16] or '-'}  {run.note}")
        print("          rows: " + ", ".join(f"{k} {v}" for k, v in rows.items() if v))
    return 0


def cmd_rollback(args) -> int:
    wanted = None
    if args.version is not None:
        wanted = _snapshot_argument("version", args.version, store.versions(), "in the store")
    try:
        version = store.rollback(wanted, args.user or "cli")
    except store.StoreError as exc:
        print(f"rollback refused: {exc}", file=sys.stderr)
        return 1
    print(f"v{version:04d} is now current (a copy of the snapshot rolled back to)")
    return 0


def _filter_params(args) -> dict[str, str]:
    return {n: str(getattr(args, n)) for n in ("programme", "year", "country", "pillar", "runo")
            if getattr(args, n, None) is not None}


def _export_view(args):
    from spotlight_dash.exports.context import open_view

    view, notices = open_view(_filter_params(args), lang=args.lang)
    if notices:  # a file for another view than the one asked for would be a silent mistake
        view.close()
        _filter_values(args, view.choices)  # refuses, naming the choices
        raise Refused("; ".join(notices))
    return view


def cmd_chart(args) -> int:
    from spotlight_dash import charts
    from spotlight_dash.exports.images import ExportUnavailable

    if args.list:
        print("\n".join(charts.CHARTS))
        return 0
    if args.name not in charts.CHARTS:
        print(f"unknown chart {args.name!r}; `chart --list` prints the names", file=sys.stderr)
        return 2
    view = _export_view(args)
    try:
        files = view.chart_files(args.name)
        data = {"xlsx": files.xlsx, "csv": files.csv}.get(args.format, lambda: files.image(args.format, args.shape))()
    except ExportUnavailable as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        view.close()
    out = Path(args.output or f"{files.base_name}.{args.format}")
    out.write_bytes(data)
    print(f"wrote {out} ({len(data):,} bytes)")
    return 0


def cmd_pack(args) -> int:
    from spotlight_dash.exports import pack
    from spotlight_dash.exports.images import ExportUnavailable

    meeting = _date_argument("--meeting-date", args.meeting_date)  # refused before the pack is drawn
    view = _export_view(args)
    try:
        since = None
        if args.since is not None:
            earlier = [v for v in store.versions() if v < view.version]
            since = _snapshot_argument("--since", args.since, earlier, f"before the current v{view.version:04d}")
        data = pack.build(view, args.format, since, meeting=meeting)
    except ExportUnavailable as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        view.close()
    out = Path(args.output)
    out.write_bytes(data)
    print(f"wrote {out} ({len(data):,} bytes)")
    return 0


def _add_language(p) -> None:
    from spotlight_dash import labels

    p.add_argument("--lang", choices=tuple(labels.LANGUAGES), default=labels.DEFAULT,
                   help="language of every word in the file (numbers and dates too)")


def _add_filters(p) -> None:
    # Read as text and checked like a link's values: a year the store has no data for refuses (exit 1).
    p.add_argument("--programme")
    p.add_argument("--year")
    p.add_argument("--country")
    p.add_argument("--pillar")
    p.add_argument("--runo")


def cmd_template(args) -> int:
    _, current, _, _ = pipeline.current_tables()
    Path(args.out).write_bytes(workbook_template.template_bytes(current, args.lang))
    print(f"wrote the data template to {args.out}")
    return 0


def cmd_export(args) -> int:
    version, current, runs, _ = pipeline.current_tables()
    if version is None:
        print("the store is empty; nothing to export", file=sys.stderr)
        return 1
    as_of = f"snapshot v{version:04d}, {runs.iloc[-1].finished_at:%Y-%m-%d %H:%M} UTC"
    Path(args.out).write_bytes(workbook_template.export_bytes(current, as_of, lang=args.lang))
    print(f"wrote {sum(len(f) for f in current.values())} rows of v{version:04d} to {args.out}")
    return 0


def _read_bounded(path: Path, limit: int) -> bytes | None:
    """The file's bytes, or None when it is larger than ``limit``: its size is asked first, and a pipe or
    a device (which has none) is read to one byte past the limit, never whole."""
    if path.stat().st_size > limit:
        return None
    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    return None if len(data) > limit else data


def _load_file(args, load, limit: int, split_fix: str, describe_links=None) -> int:
    """A workbook or IATI import as the command line reports it: problems, warnings, changes, outcome."""
    path = Path(args.file)
    try:
        data = _read_bounded(path, limit)
    except OSError as exc:
        print(f"{path}: cannot be read ({exc.strerror})", file=sys.stderr)
        return 1
    if data is None:
        size = path.stat().st_size if path.is_file() else None
        print(f"{path.name}: {too_large(size, limit)} -> {split_fix}", file=sys.stderr)
        print(f"1 error(s) in {path.name}; nothing was written", file=sys.stderr)
        return 1
    try:
        result = load(data, path.name)
    except store.StoreError as exc:
        print(f"import refused: {exc}", file=sys.stderr)
        return 1
    for line in result.report.detailed_lines():
        print(line, file=sys.stderr)
    if result.status == "problems":
        print(f"{len(result.report.errors)} error(s) in {path.name}; nothing was written", file=sys.stderr)
        return 1
    if describe_links:
        describe_links(result)
    if result.status == "warnings":
        print(f"{len(result.report.warnings)} warning(s); nothing was written. Check them, then run again with "
              "--accept-warnings to load the file anyway", file=sys.stderr)
        return 1
    print(f"changes: {result.comparison.text()}")
    if result.status == "nothing to change":
        print("the store already holds this file's rows; nothing to change, no new snapshot")
    elif result.version is None:
        print("dry run: the file is valid; nothing was written")
    else:
        print(f"imported {path.name} (sha256 {result.sha256[:16]}) as snapshot v{result.version:04d}")
    return 0


def cmd_import(args) -> int:
    return _load_file(args, lambda data, name: pipeline.import_workbook(
        data, name, args.user, dry_run=args.dry_run, accept_warnings=args.accept_warnings,
        remove_missing=args.remove_missing), workbook.Limits().max_file_bytes, workbook.SPLIT_ROWS)


def cmd_iati(args) -> int:
    def describe_links(result) -> None:
        if result.spotlight_activities and not result.linked:
            print(f"{len(result.spotlight_activities)} activities are funded by the MPTFO-Spotlight Initiative Fund "
                  f"and can be linked to a programme with --programme ID: {', '.join(result.spotlight_activities)}")
        if result.linked:
            print(f"linking to {result.programme_id}: {', '.join(result.linked)}")

    return _load_file(args, lambda data, name: pipeline.import_iati(
        data, name, args.user, programme_id=args.programme, dry_run=args.dry_run,
        accept_warnings=args.accept_warnings), iati.MAX_FILE_BYTES, iati.SPLIT_ACTIVITIES, describe_links)


def cmd_undo_import(args) -> int:
    try:
        version = pipeline.undo_last_import(args.user)
    except store.StoreError as exc:
        print(f"undo refused: {exc}", file=sys.stderr)
        return 1
    print(f"the last import is undone: v{version:04d} is now current (a copy of the snapshot before it)")
    return 0


def cmd_imports(args) -> int:
    history = pipeline.import_history()
    if history.empty:
        print("no ingest runs recorded")
        return 0
    for run in history.itertuples():
        print(f"v{int(run.version):04d}  {run.finished_at:%Y-%m-%d %H:%M:%S} UTC  {run.run_kind:<8} by {run.user_name}"
              f"  {run.file}  sha256 {run.sha256}")
        print(f"        rows: {run.rows}")
        if run.note:
            print(f"        {run.note}")
    return 0


def cmd_bench_import(args) -> int:
    from spotlight_dash import bench  # only the benchmark needs the generator

    bench.print_import_benchmark(args.rows)
    return 0


def cmd_check(args) -> int:
    """Readiness: 0 = the current snapshot answers; 1 = degraded (a fall-back is shown); 2 = nothing to show."""
    state = store.current_state()
    if state.path is None:
        print("not ready: " + "; ".join(state.problems), file=sys.stderr)
        return 2
    try:
        with store.open_reader(state.path) as con:
            budget = queries.run_query(con.cursor(), "budget_by_runo")
            as_of = store.data_as_of(con)
    except Exception as exc:  # noqa: BLE001 - whatever fails, the probe reports it
        print(f"not ready: snapshot v{state.version:04d} does not answer a query ({exc})", file=sys.stderr)
        return 2
    summary = f"snapshot v{state.version:04d} in {state.path.parent}, loaded {as_of}, {len(budget)} budget rows"
    if state.problems:
        print(f"degraded: showing {summary}; " + "; ".join(state.problems), file=sys.stderr)
        return 1
    print(f"ready: {summary}")
    return 0


def cmd_bench(args) -> int:
    if args.browser:  # the real app in headless Chromium; its own defaults: scales 1 and 1000, 10 runs
        from spotlight_dash import bench_browser

        bench_browser.run(args.scale or [1.0, 1000.0], runs=args.runs or 10, throttled_runs=args.throttled_runs,
                          json_file=args.json)
        return 0
    from spotlight_dash import bench

    bench.run(args.scale or [1.0], runs=args.runs or 5, import_rows=args.import_rows, json_file=args.json)
    return 0


def command_parser() -> argparse.ArgumentParser:
    """Every command and its options (tests/test_docs.py holds the documentation to it)."""
    parser = argparse.ArgumentParser(prog="python -m spotlight_dash", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="build a new snapshot from data/")
    p.add_argument("--data", default=str(DATA_DIR))
    p.add_argument("--dry-run", action="store_true", help="validate and report; write nothing")
    p.add_argument("--if-changed", action="store_true", help="skip when the current snapshot was built from this data")
    p.add_argument("--user", default=None)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("query", help="print a named query")
    p.add_argument("name", choices=sorted(queries.QUERIES))
    _add_filters(p)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--by", help="breakdown: `delivery --by activity,year` gives the IATI activities' delivery")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("versions", help="list snapshots and their ingest runs")
    p.set_defaults(func=cmd_versions)

    p = sub.add_parser("rollback", help="make an earlier snapshot current again")
    p.add_argument("version", nargs="?", help="e.g. 3 or v0003 (default: the snapshot before the current)")
    p.add_argument("--user", default=None)
    p.set_defaults(func=cmd_rollback)

    p = sub.add_parser("chart", help="export one chart as an image or its data; --list prints the names")
    p.add_argument("name", nargs="?")
    p.add_argument("--list", action="store_true")
    p.add_argument("--format", choices=("png", "svg", "pdf", "xlsx", "csv"), default="png")
    p.add_argument("--shape", choices=("wide", "square", "a4"), default="wide")
    _add_filters(p)
    _add_language(p)
    p.add_argument("-o", "--output", help="file to write (default: the chart's export name)")
    p.set_defaults(func=cmd_chart)

    p = sub.add_parser("pack", help="the Steering Committee pack as PPTX or PDF")
    p.add_argument("--format", choices=("pptx", "pdf"), default="pptx")
    p.add_argument("--since", help="earlier snapshot to compare with, e.g. 1 or v0001 (default: the one before)")
    p.add_argument("--meeting-date", metavar="YYYY-MM-DD", help="the meeting's date on the cover (default: today)")
    _add_filters(p)
    _add_language(p)
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_pack)

    p = sub.add_parser("template", help="write the empty data workbook (.xlsx) with dropdowns")
    p.add_argument("out")
    _add_language(p)
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("export", help="write the whole current store as a data workbook (.xlsx)")
    p.add_argument("out")
    _add_language(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="check a data workbook and load it as a new snapshot")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="check and show the changes; write nothing")
    p.add_argument("--accept-warnings", action="store_true", help="load even when there are warnings")
    p.add_argument("--remove-missing", action="append", default=[], metavar="TABLE",
                   help="remove the TABLE rows the workbook does not hold (repeat for several tables)")
    p.add_argument("--user", default=None)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("iati", help="check an IATI 2.03 activity file and load it as a new snapshot")
    p.add_argument("file")
    p.add_argument("--programme", help="link the Spotlight-funded activities of the file to this programme")
    p.add_argument("--dry-run", action="store_true", help="check and show the changes; write nothing")
    p.add_argument("--accept-warnings", action="store_true", help="load even when there are warnings")
    p.add_argument("--user", default=None)
    p.set_defaults(func=cmd_iati)

    p = sub.add_parser("undo-import", help="make the snapshot before the last import current again")
    p.add_argument("--user", default=None)
    p.set_defaults(func=cmd_undo_import)

    p = sub.add_parser("imports", help="list the ingest history: who, when, file, SHA-256, rows per table")
    p.set_defaults(func=cmd_imports)

    p = sub.add_parser("check", help="readiness: exit 0 when the current snapshot answers, 1 when degraded, 2 when not")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("bench-import", help="time a SYNTHETIC workbook import against openpyxl reading it")
    p.add_argument("--rows", type=int, default=100_000)
    p.set_defaults(func=cmd_bench_import)

    p = sub.add_parser("bench", help="SYNTHETIC store at each scale: pages, queries vs pandas, import, export, memory")
    p.add_argument("--scale", type=float, nargs="+", metavar="N",
                   help="1 = about the shipped data; 1000 = a million media rows (several scales allowed; "
                   "default 1, with --browser 1 and 1000)")
    p.add_argument("--runs", type=int, help="runs per median (default 5, with --browser 10)")
    p.add_argument("--browser", action="store_true",
                   help="time the real app in headless Chromium: first page, navigation, filter change, Next slide, "
                   "downloads, bytes, throttled network (p50/p95)")
    p.add_argument("--throttled-runs", type=int, help="with --browser: runs under the throttled network "
                   "(default: --runs, at most 3)")
    p.add_argument("--import-rows", type=int, help="finance rows in the import workbook (default 100 x scale, "
                   "between 1,000 and 100,000)")
    p.add_argument("--json", metavar="FILE", help="write the figures as JSON")
    p.set_defaults(func=cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = command_parser().parse_args(argv)
    try:
        return args.func(args)
    except Refused as exc:
        print(f"{args.command}: {exc}", file=sys.stderr)
        return 1
    except store.StoreError as exc:  # e.g. no snapshot yet: the store says what to do
        print(f"{args.command}: {exc}", file=sys.stderr)
        return 1
