"""The import graph's fences (docs/architecture.md): each third-party library with one home,
so that a replacement or an upgrade touches one place."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

#: library -> the folder or module that may import it
HOMES = {
    "ortools": "jobcarve/carving/cpsat",
    "jinja2": "jobcarve/report/html.py",
    "typer": "jobcarve/cli.py",
    "openpyxl": "jobcarve/spreadsheet",
    "yaml": "jobcarve/yamlsource.py",
    "playwright": "jobcarve/report/pdf.py",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_each_library_has_one_home() -> None:
    strays = []
    for path in sorted((ROOT / "jobcarve").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for lib in _imports(path) & set(HOMES):
            home = HOMES[lib]
            if not (rel == home or rel.startswith(home + "/")):
                strays.append(f"{rel} imports {lib} (its home is {home})")
    assert not strays, strays
