"""The bundled examples validate and have the size and shape the issue asks for."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobcarve import read_process, summarize
from tests.conftest import EXAMPLES


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_validates(path: Path) -> None:
    """Each example reads without problems and has roles, profiles and a hard-to-fill role."""
    process = read_process(path)
    assert process.profiles and process.roles
    assert any(r.hard_to_fill for r in process.roles)
    assert "Assumptions" in path.read_text(encoding="utf-8")
    summary = summarize(process)
    for load in summary.roles:
        assert load.hours_per_week > 0
        assert load.utilisation is not None and load.utilisation <= 1.05


def test_example_sizes() -> None:
    """A CNC job shop of about 20 tasks, an assembly line of about 30, a packaging line of about 15."""
    sizes = {p.stem: len(read_process(p).tasks) for p in EXAMPLES}
    assert 18 <= sizes["cnc_job_shop"] <= 24
    assert 27 <= sizes["assembly_line"] <= 34
    assert 13 <= sizes["packaging_food"] <= 18
    assert read_process(Path(EXAMPLES[0]).parent / "assembly_line.yaml").process.kind == "line"
