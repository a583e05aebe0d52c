"""docs/queries.md's list of named queries, generated from the registry so the two cannot drift apart."""

from __future__ import annotations

from pathlib import Path

from spotlight_dash import queries

QUERIES_DOC = Path(__file__).resolve().parents[1] / "docs" / "queries.md"
START = "## Every named query\n"  # everything from here to the end of the file is generated


def queries_section() -> str:
    lines = [START, "Rows are `DataFrame`s; `--format csv|json` prints them for scripts.\n"]
    for name, q in sorted(queries.QUERIES.items()):
        filters = ", ".join(q.filters) or "none"
        lines.append(f"**`{name}`** — {q.description} Filters: {filters}.\n")
        if list(q.columns) == ["programme_id"]:  # a table as stored
            lines.append(f"Columns: those of the `{name}` table (see `spotlight_dash/schema.py`).\n")
            continue
        lines.append("| column | meaning |\n|---|---|")
        lines += [f"| `{c}` | {m} |" for c, m in q.columns.items()]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def with_queries_section(text: str) -> str:
    """``text`` (docs/queries.md) with its generated part made from the registry as it is now."""
    return text.split(START, 1)[0] + queries_section()


if __name__ == "__main__":  # python -m spotlight_dash.docs rewrites docs/queries.md's generated part
    QUERIES_DOC.write_text(with_queries_section(QUERIES_DOC.read_text(encoding="utf-8")), encoding="utf-8")
