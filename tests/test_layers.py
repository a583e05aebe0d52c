"""The design's layering, read from the source with ``ast``: app.py and pages/ -> ui -> queries/charts/exports ->
schema/store/ingest -> labels/codes. A new module has to be given its layer here, so the question
"who may import this?" is answered once, when the module is born."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "spotlight_dash"
STREAMLIT_FILE, STREAMLIT_FOLDERS = "app.py", ("pages/", "spotlight_dash/ui/")  # the only code importing Streamlit

# Lowest first; a module may import its own layer and the layers below, never one above.
# A name stands for the module and everything under it (``spotlight_dash.ingest`` is the package).
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("labels and codes", ("spotlight_dash", "spotlight_dash.labels", "spotlight_dash.codes",
                          "spotlight_dash.markdown_text", "spotlight_dash.formatting", "spotlight_dash.safe_cells",
                          "spotlight_dash.roles", "spotlight_dash.style", "spotlight_dash.table_layout")),
    ("schema, store and ingest", ("spotlight_dash.schema", "spotlight_dash.metrics", "spotlight_dash.diff",
                                  "spotlight_dash.store", "spotlight_dash.ingest", "spotlight_dash.synthetic",
                                  "spotlight_dash.workbook_template")),
    ("queries, charts and exports", ("spotlight_dash.queries", "spotlight_dash.viewstate", "spotlight_dash.scope",
                                     "spotlight_dash.provenance", "spotlight_dash.kpis", "spotlight_dash.minutes", "spotlight_dash.charts",
                                     "spotlight_dash.exports", "spotlight_dash.pandas_baseline",
                                     "spotlight_dash.stopwatch", "spotlight_dash.docs")),
    ("ui", ("spotlight_dash.ui",)),
    ("entry points", ("app", "pages", "scripts", "spotlight_dash.cli", "spotlight_dash.__main__",
                      "spotlight_dash.bench", "spotlight_dash.bench_browser")),
]
EXACT_ONLY = {"spotlight_dash"}  # the package's own __init__, not everything under it


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    files = [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "scripts").glob("*.py"),
             *(ROOT / PACKAGE).rglob("*.py")]
    return {_module_name(path): path for path in sorted(files)}


SOURCES = _sources()


def _imported(name: str, path: Path) -> list[tuple[str, int]]:
    """Every module ``name`` imports (also inside functions), with the line, as dotted names."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            found.append((module, node.lineno))
            found += [(f"{module}.{alias.name}", node.lineno) for alias in node.names]  # a submodule, if it is one
    return found


def _internal_edges() -> dict[str, dict[str, int]]:
    """module -> {project module it imports: line}, for the project's own modules."""
    edges: dict[str, dict[str, int]] = {}
    for name, path in SOURCES.items():
        edges[name] = {}
        for target, line in _imported(name, path):
            while target and target not in SOURCES:
                target = target.rpartition(".")[0]
            if target and target != name:
                edges[name].setdefault(target, line)
    return edges


EDGES = _internal_edges()


def _layer(name: str) -> int | None:
    best, level = -1, None
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            exact = name == prefix
            under = prefix not in EXACT_ONLY and name.startswith(prefix + ".")
            if (exact or under) and len(prefix) > best:
                best, level = len(prefix), index
    return level


def _where(name: str, line: int) -> str:
    return f"{SOURCES[name].relative_to(ROOT)}:{line}"


def test_every_module_has_a_layer():
    unplaced = sorted(name for name in SOURCES if _layer(name) is None)
    assert not unplaced, f"give these modules their layer in tests/test_layers.py LAYERS: {unplaced}"


def test_only_the_app_its_pages_and_ui_import_streamlit():
    outside = []
    for name, path in SOURCES.items():
        relative = path.relative_to(ROOT).as_posix()
        if relative == STREAMLIT_FILE or relative.startswith(STREAMLIT_FOLDERS):
            continue
        outside += [f"{_where(name, line)} imports {target}" for target, line in _imported(name, path)
                    if target == "streamlit" or target.startswith("streamlit.")]
    assert not outside, "only app.py, pages/ and spotlight_dash/ui/ may import Streamlit:\n" + "\n".join(outside)


def test_no_module_imports_a_layer_above_its_own():
    upward = []
    for name, targets in EDGES.items():
        for target, line in targets.items():
            mine, theirs = _layer(name), _layer(target)
            if mine is not None and theirs is not None and theirs > mine:
                upward.append(f"{_where(name, line)}: {name} ({LAYERS[mine][0]}) imports {target} "
                              f"({LAYERS[theirs][0]})")
    assert not upward, "a lower layer imports a higher one:\n" + "\n".join(upward)


def _a_cycle() -> list[str] | None:
    """One import cycle as a path (first module repeated at the end), or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = "open"
        stack.append(name)
        for target in sorted(EDGES.get(name, {})):
            if state.get(target) == "open":
                return stack[stack.index(target):] + [target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[name] = "done"
        return None

    for name in sorted(EDGES):
        if name not in state and (found := visit(name)):
            return found
    return None


def test_the_imports_have_no_cycle():
    cycle = _a_cycle()
    assert cycle is None, "import cycle: " + " -> ".join(
        f"{a} ({_where(a, EDGES[a][b])})" for a, b in zip(cycle, cycle[1:])) + f" -> {cycle[-1]}"


def test_the_walker_sees_a_cycle_and_an_upward_import_when_there_is_one():
    """The graph is read right: today's known imports are found (so an empty graph cannot pass)."""
    assert "spotlight_dash.labels" in EDGES["spotlight_dash.queries"]
    assert "spotlight_dash.ui.page_timing" in EDGES["spotlight_dash.bench"]  # imported inside a function
    assert "spotlight_dash.ingest.pipeline" in EDGES["spotlight_dash.cli"]  # from a subpackage
    assert _layer("spotlight_dash.labels.catalogue_queries") == 0 and _layer("pages.overview") == len(LAYERS) - 1


# Streamlit's own modules that are not its API; setting anything in them can break on any upgrade.
STREAMLIT_INTERNALS = ("streamlit.runtime", "streamlit.web", "streamlit.commands", "streamlit.elements",
                       "streamlit.navigation", "streamlit.testing.v1.app_test", "streamlit.testing.v1.local_script_runner")
# The benchmark's page timer hands AppTest a server's compiled-script cache (a server compiles a page
# once; AppTest on every run). It times pages, it is not the app; it is the one allowed exception.
INTERNALS_ALLOWED = {"spotlight_dash.ui.page_timing"}


def test_the_app_relies_on_no_streamlit_internal():
    reaching = []
    for name, path in SOURCES.items():
        reaching += [f"{_where(name, line)} imports {target}" for target, line in _imported(name, path)
                     if target.startswith(STREAMLIT_INTERNALS) and name not in INTERNALS_ALLOWED]
    assert not reaching, "Streamlit internals (use the public API: st.navigation, st.Page ...):\n" + "\n".join(reaching)


def test_every_page_is_in_app_pys_navigation():
    """A page app.py does not name would open only through Streamlit's pages-folder mode, outside the frame."""
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    missing = [page.name for page in (ROOT / "pages").glob("*.py") if f'"pages/{page.name}"' not in app]
    assert not missing, "pages not named in app.py's st.navigation: " + ", ".join(missing)
