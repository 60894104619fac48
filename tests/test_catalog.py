"""The shipped catalogues load, validate and cover the sectors the issue names."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobcarve import DIMENSIONS, InputError
from jobcarve.catalog import load_catalogs, load_task_catalog
from jobcarve.resources import catalog_dir

CATALOG_FILES = sorted(catalog_dir().glob("tasks_*.yaml"))


@pytest.mark.parametrize("path", CATALOG_FILES, ids=[p.stem for p in CATALOG_FILES])
def test_each_catalogue_validates(path: Path) -> None:
    """Every catalogue file validates; every entry rates all 13 dimensions and says why."""
    catalog = load_task_catalog(path)
    assert catalog.sources and catalog.compiled
    for entry in catalog.entries:
        assert set(entry.demands.as_dict()) == set(DIMENSIONS)
        assert len(entry.rationale) > 20
        assert entry.name_nl != entry.name_en
        for unit in entry.default_split:
            assert set(unit.demands.as_dict()) == set(DIMENSIONS)


def test_catalogues_cover_four_sectors_with_60_entries() -> None:
    """At least four sector catalogues with 60 or more entries, ids unique across all."""
    cats = load_catalogs()
    assert len(cats.task_catalogs) >= 4
    assert {c.id for c in cats.task_catalogs} >= {
        "machining",
        "assembly",
        "welding_sheet_metal",
        "packaging_logistics",
    }
    assert sum(len(c.entries) for c in cats.task_catalogs) == len(cats.entries) >= 60
    assert sum(1 for e in cats.entries.values() if e.default_split) >= 15


def test_default_split_makes_routine_parts_easier() -> None:
    """A default split has at least one unit that demands less than the whole task somewhere."""
    for entry in load_catalogs().entries.values():
        if not entry.default_split:
            continue
        whole = entry.demands.as_dict()
        easiest = min(sum(u.demands.as_dict().values()) for u in entry.default_split)
        assert easiest < sum(whole.values()), entry.id


def test_supports_catalogue() -> None:
    """Supports name real dimensions, a route and a source."""
    supports = load_catalogs().supports
    assert {"picture_instructions", "jig_poka_yoke", "lifting_aid", "job_coach"} <= set(supports)
    for sup in supports.values():
        assert sup.closes and set(sup.closes) <= set(DIMENSIONS)
        assert sup.source


def test_broken_catalogue_is_located(tmp_path: Path) -> None:
    """A catalogue with an error gets a located message like a model."""
    bad = (CATALOG_FILES[0].read_text(encoding="utf-8")).replace(
        "time_basis: per_batch", "time_basis: per_lot", 1
    )
    path = tmp_path / "tasks_bad.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_task_catalog(path)
    text = str(info.value.problems[0])
    assert text.startswith(f"{path}:") and "time_basis" in text and "per_lot" in text
