"""The ingest history as readers see it: what was loaded and by whom, not the server's folders or accounts."""

from __future__ import annotations

import getpass
from pathlib import PurePath

import pandas as pd

from spotlight_dash import labels


def readable(runs: pd.DataFrame, lang: str) -> pd.DataFrame:
    """File names without the server's folders; a run made on the server's command line says so instead of
    naming the server's Unix account (a signed-in editor's name is shown as recorded)."""
    server_account = getpass.getuser()
    out = runs.copy()
    out["file"] = [None if not isinstance(f, str) else PurePath(f).name for f in out.file]
    out["user_name"] = [labels.t("sources.server_command_line", lang) if u == server_account else u
                        for u in out.user_name]
    out["run_kind"] = [labels.t_or(f"run_kind.{k}", lang, k) for k in out.run_kind]
    return out
