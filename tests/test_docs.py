"""The documents say what the code does: every command, option, query, chart, make target, file
and link they name exists, and docs/queries.md is the registry as it is."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from spotlight_dash import charts, cli, docs, queries

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]
REFERENCE = [d for d in DOCUMENTS if d.name != "CHANGELOG.md"]  # the changelog may name what is gone
PREFIX = "python -m spotlight_dash "


def _commands() -> dict[str, set[str]]:
    """Each command of the command line and its option strings."""
    parser = cli.command_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {name: set(p._option_string_actions) for name, p in sub.choices.items()}


COMMANDS = _commands()


def _code(document: Path) -> list[tuple[int, str]]:
    """Every line of a fenced block and every inline code span, with its line number."""
    found, fenced = [], False
    for number, line in enumerate(document.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            fenced = not fenced
        elif fenced:
            found.append((number, line.split(" #")[0]))
        else:
            found += [(number, span) for span in re.findall(r"`([^`]+)`", line)]
    return found


def _documented_commands(document: Path) -> list[tuple[int, str, list[str]]]:
    """(line, command, words after it) for each `python -m spotlight_dash COMMAND ...` and each
    span that starts with a command's name and gives an option (`pack --since 999`)."""
    out = []
    for number, code in _code(document):
        for part in code.split(";"):
            if PREFIX in part:
                words = part.split(PREFIX, 1)[1].split()
            else:
                words = part.split()
                if not (words and words[0] in COMMANDS and any(w.startswith("-") for w in words[1:])):
                    continue
            for command in words[0].split("|") if words else []:
                out.append((number, command, words[1:]))
    return out


@pytest.mark.parametrize("document", REFERENCE, ids=lambda d: d.name)
def test_every_documented_command_and_option_exists(document):
    wrong = []
    for number, command, words in _documented_commands(document):
        if command not in COMMANDS:
            wrong.append(f"{document.name}:{number}: no command {command!r}")
            continue
        for word in words:
            option = re.match(r"\[?(--?[a-z][a-z-]*)", word)
            if option and option.group(1) not in COMMANDS[command]:
                wrong.append(f"{document.name}:{number}: {command} has no option {option.group(1)}")
        named = words[0] if words else ""
        if command == "query" and re.fullmatch(r"[a-z][a-z_]*", named) and named not in queries.QUERIES:
            wrong.append(f"{document.name}:{number}: no named query {named!r}")
        if command == "chart" and re.fullmatch(r"[a-z][a-z-]*", named) and named not in charts.CHARTS:
            wrong.append(f"{document.name}:{number}: no chart {named!r}")
    for number, line in enumerate(document.read_text(encoding="utf-8").splitlines(), 1):
        wrong += [f"{document.name}:{number}: no named query {name!r}"
                  for name in re.findall(r"`([a-z_]+)` query\b", line) if name not in queries.QUERIES]
    assert not wrong, "\n".join(wrong)


def test_the_documents_show_the_commands_people_run():
    """So that the check above is not passing on an empty list."""
    documented = {c for d in REFERENCE for _, c, _ in _documented_commands(d)}
    assert {"build", "query", "chart", "pack", "import", "iati", "rollback", "check", "bench"} <= documented
    assert set(COMMANDS) <= documented, f"commands no document mentions: {sorted(set(COMMANDS) - documented)}"


@pytest.mark.parametrize("document", REFERENCE, ids=lambda d: d.name)
def test_every_make_target_and_file_named_exists(document):
    targets = set(re.findall(r"(?m)^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8")))
    wrong = []
    for number, code in _code(document):
        wrong += [f"{document.name}:{number}: no make target {t!r}"
                  for t in re.findall(r"\bmake ([a-z][a-z-]*)", code) if t not in targets]
        for path in re.findall(r"(?:^|[\s(])((?:spotlight_dash|tests|scripts|pages|docs|data)/[\w./-]*\w/?)", code):
            if not path.startswith("data/store") and not (ROOT / path.split("::")[0]).exists():
                wrong.append(f"{document.name}:{number}: no file {path}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.name)
def test_every_link_between_the_documents_leads_somewhere(document):
    text = re.sub(r"`[^`]*`", "", document.read_text(encoding="utf-8"))  # code shows links, it does not make them
    wrong = [target for target in re.findall(r"\]\(([^)#\s]+)[^)]*\)", text)
             if "://" not in target and not (document.parent / target).exists()]
    assert not wrong, f"{document.name} links to files that do not exist: {wrong}"


def test_the_readme_is_a_front_door():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 150
    assert "make run" in readme and "make test" in readme and "PORT=" in readme
    assert re.search(r"!\[[^]]+\]\(docs/overview\.png\)", readme)


def test_docs_list_every_named_query_as_registered():
    text = docs.QUERIES_DOC.read_text(encoding="utf-8")
    assert text == docs.with_queries_section(text), (
        "docs/queries.md's named queries are out of date: run .venv/bin/python -m spotlight_dash.docs")
    assert all(f"**`{name}`**" in text for name in queries.QUERIES)
