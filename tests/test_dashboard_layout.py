"""The dashboard's layout holds its import rule (dashboard/__init__.py): which folders may use
Streamlit and Altair, which may import which, nothing but the pages and app.py imports ui,
no private name crosses a module, and there are no import cycles."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = ROOT / "dashboard"
# folder -> the folders of dashboard/ it may import ("url.state" is url/state.py)
MAY_IMPORT = {
    "url": set(),
    "url.state": {"url"},
    "model": {"url"},
    "charts": {"model"},
    "tables": {"model"},
    "workshop": {"model"},
    "ui": {"url", "url.state", "model", "charts", "tables", "workshop"},
}
NO_STREAMLIT = {"url", "model", "charts", "tables", "workshop"}
NO_ALTAIR = {"url", "model", "tables", "workshop"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def folder(module: str) -> str:
    """A dashboard module's folder: url, url.state, model, ... ("" for dashboard itself)."""
    if module == "dashboard.url.state":
        return "url.state"
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in MAY_IMPORT) else ""


def imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) for each import in the file, relative imports resolved."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            found.append((base, [alias.name for alias in node.names]))
    return found


def dashboard_targets(module: str, names: list[str], known: set[str]) -> set[str]:
    """The dashboard modules an import statement loads: `from . import x` loads x."""
    targets = {module} if module in known else set()
    targets |= {f"{module}.{n}" for n in names if f"{module}.{n}" in known}
    return targets


SOURCES = sorted(DASHBOARD.rglob("*.py"))
MODULES = {module_name(p): p for p in SOURCES}
GRAPH = {
    name: {
        t
        for module, names in imports(path)
        for t in dashboard_targets(module, names, set(MODULES))
        if t != name
    }
    for name, path in MODULES.items()
}


def third_party(path: Path) -> set[str]:
    return {module.split(".")[0] for module, _ in imports(path)}


@pytest.mark.parametrize("name", sorted(MODULES))
def test_folders_import_only_what_the_rule_allows(name):
    own = folder(name)
    if own == "":
        assert not GRAPH[name], f"{name} should import nothing of the dashboard"
        return
    used = {folder(t) for t in GRAPH[name]} - {own, ""}
    assert used <= MAY_IMPORT[own], f"{name} imports {sorted(used - MAY_IMPORT[own])}"
    packages = third_party(MODULES[name])
    if own in NO_STREAMLIT:
        assert "streamlit" not in packages, f"{name} imports streamlit"
    if own in NO_ALTAIR:
        assert "altair" not in packages, f"{name} imports altair"


def test_nothing_in_the_dashboard_imports_ui():
    """ui draws the pages' elements: only the pages and app.py (outside dashboard/) use it."""
    for name in MODULES:
        if folder(name) != "ui":
            assert not {t for t in GRAPH[name] if folder(t) == "ui"}, f"{name} imports ui"


def test_no_private_name_crosses_a_module():
    for path in [*SOURCES, ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        for module, names in imports(path):
            private = [n for n in names if n.startswith("_") and n != "__future__"]
            assert not private, f"{path.relative_to(ROOT)} imports {private} from {module}"


def test_no_import_cycles():
    """Depth-first search: a module met again while its own imports are open is a cycle."""
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        for target in sorted(GRAPH[name]):
            assert state.get(target) != "open", " -> ".join([*path, name, target])
            if target not in state:
                visit(target, [*path, name])
        state[name] = "done"

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [])


def test_streamlit_free_folders_load_without_streamlit():
    """Imported for real in a fresh interpreter: nothing they load, the engine included,
    brings in Streamlit (nor Altair, for the folders that must not use it)."""
    free = sorted(n for n in MODULES if folder(n) in NO_STREAMLIT)
    no_altair = sorted(n for n in free if folder(n) in NO_ALTAIR)
    code = (
        "import importlib, sys\n"
        f"for name in {no_altair!r}: importlib.import_module(name)\n"
        "assert 'altair' not in sys.modules and 'streamlit' not in sys.modules\n"
        f"for name in {free!r}: importlib.import_module(name)\n"
        "assert 'streamlit' not in sys.modules, 'streamlit'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_stay_small(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 300
