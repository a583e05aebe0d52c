"""The README's list of named queries, generated from the registry so the two cannot drift apart."""

from __future__ import annotations

from spotlight_dash import queries

START, END = "## Named queries\n", "\n## The pages\n"


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
    return "\n".join(lines)


def with_queries_section(readme: str) -> str:
    head, rest = readme.split(START, 1)
    return head + queries_section() + END + rest.split(END, 1)[1]


if __name__ == "__main__":  # python -m spotlight_dash.docs rewrites the README's section
    from pathlib import Path

    readme = Path(__file__).resolve().parents[1] / "README.md"
    readme.write_text(with_queries_section(readme.read_text(encoding="utf-8")), encoding="utf-8")
