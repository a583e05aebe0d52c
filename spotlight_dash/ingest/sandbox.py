"""Files from outside are read in a child process with limits, away from the server.

A reader of untrusted bytes can be made to abort (calamine asks for hundreds of GiB for one stray
cell and the allocator aborts the whole process), to hang, or to eat the machine's memory. Read in
the server's own process, that takes every session down with it. So ``read_apart`` runs a reader in
a child interpreter with a memory, CPU-time and output budget and a wall-clock timeout, and turns
every way the child can fail into one problem the user can read: "this file could not be read: ...".
The server and every other session go on.

The child is a fresh interpreter (``python -m spotlight_dash.ingest.sandbox``), not a fork: a fork
of the multi-threaded Streamlit server could inherit a lock another thread held, and
multiprocessing's fork server re-runs the parent's main script in every child. The file goes in
and the rows come back through files in a private temporary folder; the child's own limits
(RLIMIT_AS, RLIMIT_CPU, RLIMIT_FSIZE) bound what it can take, and the server kills it at the
deadline. Starting the interpreter and importing the readers costs ~0.5 s per file.
"""

from __future__ import annotations

import importlib
import logging
import os
import pickle
import resource
import signal
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, Callable

from spotlight_dash.ingest.report import IngestReport, Place, clip

GB = 2**30
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReaderLimits:
    memory_bytes: int = 3 * GB  # address space the reader may add to what the child starts with
    cpu_seconds: int = 120
    wall_seconds: float = 180.0
    output_bytes: int = 2 * GB  # the rows read, as sent back to the server


LIMITS = ReaderLimits()
READ_AGAIN = "open the file in the program that made it and save it again; if that does not help, send it to the " \
             "dashboard's maintainers"
PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def _virtual_memory_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _limit_this_process(limits: ReaderLimits) -> None:
    memory = _virtual_memory_bytes() + limits.memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 5))  # SIGXCPU, then SIGKILL
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.output_bytes, limits.output_bytes))
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)  # Python ignores it; a write beyond the limit ends the child


def _serve_one() -> None:
    """The child's side: read the job from stdin, the file after it; write the outcome to the job's path."""
    path, module, function, filename, args, limits, output = pickle.load(sys.stdin.buffer)
    sys.path[:] = path  # the server's, so that the reader's module is found as it was there
    data = sys.stdin.buffer.read()
    reader = getattr(importlib.import_module(module), function)
    _limit_this_process(limits)
    try:
        report = IngestReport()
        rows = reader(data, filename, report, *args)
        del data
        payload = pickle.dumps(("read", rows, report.problems), protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        payload = pickle.dumps(("memory", None, None))
    except Exception as exc:  # noqa: BLE001 - a reader's bug must reach the user as a message, not a dead child
        payload = pickle.dumps(("failed", f"{type(exc).__name__}: {exc}", traceback.format_exc()[-4000:]))
    Path(output).write_bytes(payload)


def _size(count: int) -> str:
    return f"{count / GB:.0f} GB" if count >= GB else f"{count / 2**20:.0f} MB"


def _why(outcome: str, detail: Any, exitcode: int | None, limits: ReaderLimits) -> str:
    """What stopped the child, in the user's words."""
    if outcome == "timeout":
        return f"reading it took longer than {limits.wall_seconds:.0f} seconds"
    if outcome == "memory" or exitcode in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGKILL):
        # An allocation beyond the limit aborts calamine (Rust) and raises MemoryError in Python.
        return f"reading it needs more memory than a reader may use ({_size(limits.memory_bytes)})"
    if exitcode == -signal.SIGXCPU:
        return f"reading it needed more than {limits.cpu_seconds} seconds of processor time"
    if outcome == "too much":
        return f"what it holds is larger than a reader may return ({_size(limits.output_bytes)})"
    if outcome == "failed":
        return f"the reader failed ({clip(str(detail), 120)})"
    if exitcode is not None and exitcode < 0:
        return f"the reader stopped ({signal.Signals(-exitcode).name})"
    return f"the reader stopped (exit status {exitcode})"


def read_apart(reader: Callable, data: bytes, filename: str, report: IngestReport, *args: Any,
               limits: ReaderLimits | None = None) -> Any:
    """``reader(data, filename, report, *args)`` run in a child; its problems are added to ``report``.

    ``reader`` is a module-level function of the package. When the child fails, the problem says
    why and the rows are None."""
    limits = limits or LIMITS
    with tempfile.TemporaryDirectory(prefix="spotlight-read-") as folder:
        job, output, errors = Path(folder, "job"), Path(folder, "rows.pickle"), Path(folder, "stderr")
        with job.open("wb") as stream:
            pickle.dump((sys.path, reader.__module__, reader.__name__, filename, args, limits, str(output)), stream)
            stream.write(data)
        with job.open("rb") as stdin, errors.open("wb") as stderr:
            child = subprocess.Popen([sys.executable, "-m", __name__], stdin=stdin, stdout=subprocess.DEVNULL,
                                     stderr=stderr, cwd=PACKAGE_ROOT)
            try:
                exitcode = child.wait(limits.wall_seconds)
                outcome = "stopped"
            except subprocess.TimeoutExpired:
                child.kill()
                exitcode, outcome = child.wait(), "timeout"
        detail = extra = None
        if outcome != "timeout" and exitcode == 0 and output.exists():
            outcome, detail, extra = pickle.loads(output.read_bytes())
        elif exitcode == -signal.SIGXFSZ:
            outcome = "too much"
        if outcome == "read":
            report.problems.extend(extra)
            return detail
        why = _why(outcome, detail, exitcode, limits)
        said = errors.read_bytes()[-2000:].decode(errors="replace").strip()
    log.warning("reading %s in a child failed: %s (exit code %s)%s", filename, why, exitcode,
                f"\n{extra}" if outcome == "failed" else f"\n{said}" if said else "")
    report.add(Place(PurePath(filename).name), f"this file could not be read: {why}", READ_AGAIN)
    return None


if __name__ == "__main__":
    _serve_one()
