"""A non-editable wheel works outside the repository, with its catalogues inside."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.slow


def test_wheel_install_outside_repo(tmp_path: Path) -> None:
    """Build the wheel, install it in a fresh venv, validate an example copied elsewhere."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    wheels = list(dist.glob("jobcarve-*.whl"))
    assert len(wheels) == 1
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheels[0])],
        check=True,
        capture_output=True,
        timeout=600,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    model = work / "model.yaml"
    shutil.copy(EXAMPLES[0], model)
    clean_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    result = subprocess.run(
        [str(env_dir / "bin" / "jobcarve"), "validate", str(model)],
        capture_output=True,
        text=True,
        cwd=work,
        env=clean_env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    listing = subprocess.run(
        [str(env_dir / "bin" / "jobcarve"), "catalog", "list"],
        capture_output=True,
        text=True,
        cwd=work,
        env=clean_env,
        timeout=300,
    )
    assert "palletize_boxes" in listing.stdout
    located = subprocess.run(
        [str(python), "-c", "import jobcarve.resources as r; print(r.catalog_dir())"],
        capture_output=True,
        text=True,
        cwd=work,
        env=clean_env,
        timeout=300,
    )
    assert "site-packages/jobcarve/_data/task_catalogs" in located.stdout
