"""The jobcarve command: exit codes, messages on stderr, the same figures as Python."""

from __future__ import annotations

import json
from pathlib import Path

import jobcarve
from jobcarve import read_process, summarize
from tests.conftest import EXAMPLES, MINIMAL, ROOT, run_cli


def test_validate_examples() -> None:
    """`validate` accepts every example with exit code 0."""
    result = run_cli("validate", *map(str, EXAMPLES))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("ok: ") == len(EXAMPLES)


def test_validate_invalid_model(tmp_path: Path) -> None:
    """An invalid model: exit 2, one `error:` line per problem, no traceback."""
    path = tmp_path / "bad.yaml"
    path.write_text(MINIMAL.replace("role: helper", "role: nobody"), encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {path}:") and 'unknown role id "nobody"' in lines[0]
    assert "Traceback" not in result.stderr


def test_validate_collects_over_files(tmp_path: Path) -> None:
    """Problems of several files are all reported; valid files still say ok."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\n", encoding="utf-8")
    result = run_cli("validate", str(EXAMPLES[0]), str(bad))
    assert result.returncode == 2
    assert "ok: " in result.stdout
    # company, process, planning, roles and tasks are missing: five problems
    assert result.stderr.count("error: ") == 5


def test_usage_errors_exit_2() -> None:
    """Unknown commands and missing arguments are usage errors (exit 2)."""
    for args in (["bogus"], ["validate"], ["graph"], ["catalog", "show", "nope"]):
        result = run_cli(*args)
        assert result.returncode == 2, args
        assert result.stderr.startswith("error: "), result.stderr
        assert "Traceback" not in result.stderr


def test_version() -> None:
    """`--version` names jobcarve and its key dependencies."""
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith(f"jobcarve {jobcarve.__version__} (python ")
    assert "pydantic" in result.stdout and "networkx" in result.stdout


def test_schema_matches_docs() -> None:
    """`schema` prints the JSON Schema; docs/jobcarve-schema.json is up to date."""
    result = run_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert "tasks" in schema["properties"] and schema["additionalProperties"] is False
    assert (ROOT / "docs" / "jobcarve-schema.json").read_text(encoding="utf-8") == result.stdout


def test_catalog_commands() -> None:
    """`catalog list`, `catalog list --sector`, `catalog show` and `catalog supports`."""
    listing = run_cli("catalog", "list")
    assert listing.returncode == 0 and "palletize_boxes" in listing.stdout
    sector = run_cli("catalog", "list", "--sector", "assembly")
    assert "kit_parts" in sector.stdout and "palletize_boxes" not in sector.stdout
    show = run_cli("catalog", "show", "assemble_subassembly")
    assert show.returncode == 0 and "split -> kit" in show.stdout and "lifting 1" in show.stdout
    supports = run_cli("catalog", "supports")
    assert "job_coach" in supports.stdout
    unknown = run_cli("catalog", "list", "--sector", "bakery")
    assert unknown.returncode == 2 and "known: " in unknown.stderr


def test_init_writes_a_valid_model(tmp_path: Path) -> None:
    """`init` writes a commented starter model that validates, and refuses to overwrite."""
    result = run_cli("init", str(tmp_path / "new"))
    assert result.returncode == 0, result.stderr
    model = tmp_path / "new" / "process.yaml"
    assert model.read_text(encoding="utf-8").count("#") > 10
    assert run_cli("validate", str(model)).returncode == 0
    again = run_cli("init", str(tmp_path / "new"))
    assert again.returncode == 2 and "exists" in again.stderr


def test_graph_json_equals_python(tmp_path: Path) -> None:
    """`graph --json` gives the same figures as `jobcarve.summarize`."""
    path = EXAMPLES[0]
    result = run_cli("graph", str(path), "--json", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    expected = json.loads(json.dumps(summarize(read_process(path)).to_dict()))
    assert data == expected
    written = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    assert written["format"] == 1 and written["critical_path"] == expected["critical_path"]


def test_graph_table() -> None:
    """`graph` prints roles, FTE and the critical path."""
    result = run_cli("graph", str(EXAMPLES[0]))
    assert result.returncode == 0
    assert "critical path" in result.stdout and "FTE" in result.stdout


def test_internal_errors_have_no_traceback(tmp_path: Path) -> None:
    """A folder given as a model is an input error, not a crash."""
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 2 and "is a folder" in result.stderr
