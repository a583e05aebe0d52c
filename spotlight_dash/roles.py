"""Who may change the store from the app: an editor is whoever knows the editor secret.

The secret is set on the server as ``SPOTLIGHT_EDITOR_SECRET`` (or ``editor_secret`` in
``.streamlit/secrets.toml``). With no secret configured there
is no editor at all (the app is read-only), so a forgotten setting never opens the import.
"""

from __future__ import annotations

import hmac
import os

EDITOR_SECRET_ENV = "SPOTLIGHT_EDITOR_SECRET"


def editor_secret_configured(configured: str | None = None) -> bool:
    return bool(configured or os.environ.get(EDITOR_SECRET_ENV))


def is_editor(supplied: str | None, configured: str | None = None) -> bool:
    """True when ``supplied`` equals the configured secret (compared in constant time).

    ``configured`` is a secret from elsewhere (Streamlit secrets); the environment wins.
    """
    expected = os.environ.get(EDITOR_SECRET_ENV) or configured or ""
    if not expected or not supplied:
        return False
    # compare_digest takes the same time wherever the strings differ: no guessing by timing.
    return hmac.compare_digest(supplied.encode("utf-8"), expected.encode("utf-8"))
