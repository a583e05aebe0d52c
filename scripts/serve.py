"""make serve: several dashboard processes over one store behind nginx, on one machine.

    python scripts/serve.py [--processes 2] [--port 8080] [--host localhost] [--secrets FILE]

Each process is `streamlit run app.py` on loopback (ports --first-app-port, +1, ...), all reading the
store in SPOTLIGHT_STORE; nginx (deploy/nginx.conf.template) listens on --port with WebSocket upgrade
and sticky sessions. Every process gets the same server.cookieSecret (SPOTLIGHT_COOKIE_SECRET, or a
random one for this run) and the same secrets file, so a sign-in is valid on any of them.
Ctrl-C (or SIGTERM) stops them all. Prints "serving http://HOST:PORT" when every process answers.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "deploy" / "nginx.conf.template"


def nginx_conf(run: Path, listen: str, host: str, app_ports: list[int]) -> str:
    servers = "\n".join(f"        server 127.0.0.1:{port};" for port in app_ports)
    return (TEMPLATE.read_text(encoding="utf-8").replace("@@RUN@@", str(run)).replace("@@LISTEN@@", listen)
            .replace("@@HOST@@", host).replace("@@SERVERS@@", servers))


def _answers(url: str) -> bool:
    try:
        return urllib.request.urlopen(url, timeout=2).read() == b"ok"
    except OSError:
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=int(os.environ.get("PROCESSES", 2)))
    parser.add_argument("--port", type=int, default=int(os.environ.get("SERVE_PORT", 8080)), help="nginx's port")
    parser.add_argument("--listen", default=None, help="nginx's listen address (default 127.0.0.1:PORT)")
    parser.add_argument("--first-app-port", type=int, default=8601)
    parser.add_argument("--host", default=os.environ.get("SERVE_HOST", "localhost"),
                        help="the host name users reach (server.allowedHosts and nginx's server_name)")
    parser.add_argument("--secrets", type=Path, default=None,
                        help="secrets.toml for every process (default: .streamlit/secrets.toml if it exists)")
    parser.add_argument("--run-dir", type=Path, default=Path(os.environ.get("SERVE_RUN_DIR", ROOT / "data" / "serve")),
                        help="nginx's configuration, pid and logs, and each process's log")
    args = parser.parse_args(argv)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(nginx):
        print("nginx is not installed: run ./scripts/system-deps.sh (Debian's nginx)", file=sys.stderr)
        return 2
    run = args.run_dir.resolve()
    run.mkdir(parents=True, exist_ok=True)
    app_ports = [args.first_app_port + i for i in range(args.processes)]
    secrets_file = args.secrets or (ROOT / ".streamlit" / "secrets.toml")
    env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": os.environ.get("SPOTLIGHT_COOKIE_SECRET")
           or secrets.token_urlsafe(32)}
    (run / "nginx.conf").write_text(nginx_conf(run, args.listen or f"127.0.0.1:{args.port}", args.host, app_ports))

    children: list[subprocess.Popen] = []

    def stop(*_):
        for child in children:  # only what this script started, by its own process group
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for port in app_ports:
        options = ["--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(port),
                   "--server.allowedHosts", args.host, "--server.fileWatcherType", "none"]
        if secrets_file.exists():
            options += ["--secrets.files", str(secrets_file.resolve())]
        children.append(subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", *options], cwd=ROOT,
                                         env=env, stdout=subprocess.DEVNULL,
                                         stderr=(run / f"app-{port}.log").open("w"), start_new_session=True))
    deadline = time.time() + 90
    while not all(_answers(f"http://127.0.0.1:{port}/_stcore/health") for port in app_ports):
        if time.time() > deadline or any(c.poll() is not None for c in children):
            print(f"an app process did not start: see {run}/app-*.log", file=sys.stderr)
            stop()
        time.sleep(0.5)
    children.append(subprocess.Popen([nginx, "-p", str(run), "-e", str(run / "nginx-error.log"), "-c",
                                      str(run / "nginx.conf"), "-g", "daemon off;"], start_new_session=True))
    while not _answers(f"http://127.0.0.1:{args.port}/_stcore/health"):
        if time.time() > deadline or children[-1].poll() is not None:
            print(f"nginx did not start: see {run}/nginx-error.log", file=sys.stderr)
            stop()
        time.sleep(0.3)
    print(f"serving http://{args.host}:{args.port} ({args.processes} processes; logs in {run})", flush=True)
    while all(c.poll() is None for c in children):
        time.sleep(1)
    print("a process stopped: stopping the others", file=sys.stderr)
    stop()
    return 1


if __name__ == "__main__":
    sys.exit(main())
