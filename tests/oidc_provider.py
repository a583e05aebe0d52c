"""A real OpenID Connect provider for the tests: tests/oidc/provider.mjs (the `oidc-provider` npm
package, pinned in tests/oidc/package-lock.json; scripts/system-deps.sh installs node and it)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from browser_app import free_port

HERE = Path(__file__).resolve().parent / "oidc"
NODE = shutil.which("node")
INSTALLED = HERE / "node_modules" / "oidc-provider"
NEEDS_PROVIDER = pytest.mark.skipif(not (NODE and INSTALLED.is_dir()),
                                    reason="node or the oidc-provider package is missing (make test installs both)")
CLIENT_SECRET = "test-client-secret"
# The provider's two SYNTHETIC accounts: the login is the account id (any password).
EDITOR = {"login": "editor", "name": "Amina Karimova (SYNTHETIC)", "email": "Amina.Karimova@UNWomen.example"}
VIEWER = {"login": "viewer", "name": "Vera Viewer (SYNTHETIC)", "email": "vera.viewer@undp.example"}


@contextlib.contextmanager
def provider(app_origins: list[str], log: Path):
    """The provider on a free loopback port, accepting sign-ins back to ``app_origins``; yields its issuer URL."""
    port = free_port()
    proc = subprocess.Popen([NODE, str(HERE / "provider.mjs"), str(port), *app_origins], cwd=HERE,
                            env={**os.environ, "OIDC_CLIENT_SECRET": CLIENT_SECRET},
                            stdout=subprocess.PIPE, stderr=log.open("w"), text=True, start_new_session=True)
    try:
        if proc.stdout.readline().strip() != "ready":
            pytest.fail(f"the OpenID provider did not start: see {log}")
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)


def secrets_toml(app_origin: str, issuer: str, cookie_secret: str, editors: list[str], viewers: str = "public") -> str:
    """The .streamlit/secrets.toml of a server that signs in through ``issuer``."""
    quoted = ", ".join(f'"{e}"' for e in editors)
    return f"""[auth]
redirect_uri = "{app_origin}/oauth2callback"
cookie_secret = "{cookie_secret}"
client_id = "dashboard"
client_secret = "{CLIENT_SECRET}"
server_metadata_url = "{issuer}/.well-known/openid-configuration"
# oidc-provider knows no "select_account" (Streamlit's default prompt); "login" asks every time.
client_kwargs = {{ prompt = "login" }}

[access]
editors = [{quoted}]
viewers = "{viewers}"
"""


def sign_in_at_provider(page, account: dict) -> None:
    """The provider's development login form: its login is the account id."""
    page.locator("input[name=login]").wait_for(timeout=30_000)
    page.fill("input[name=login]", account["login"])
    page.fill("input[name=password]", "any password")
    page.locator("button[type=submit]").click()
