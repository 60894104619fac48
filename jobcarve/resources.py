"""Where the shipped data lives: one resolver for the repository and the installed wheel.

In a checkout, ``task_catalogs/`` and ``reports/templates/`` sit next to the package; in a
wheel, hatchling's ``force-include`` puts them under ``jobcarve/_data/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Folder of shipped data: ``"task_catalogs"`` or ``"reports/templates"``."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"jobcarve data folder {name!r} is missing from this installation")


def catalog_dir() -> Path:
    """Folder of the task, support and cobot catalogues."""
    return data_dir("task_catalogs")
