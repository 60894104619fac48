"""Business case, scenarios and uncertainty: hand-worked figures, orderings, reproducibility."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jobcarve import InputError, analyze, parse_process, plan, read_process
from jobcarve.economics import PlanFigures, business_case, rates
from jobcarve.scenarios import apply_scenario, compare
from jobcarve.uncertainty import monte_carlo, percentile
from tests.conftest import EXAMPLES, MINIMAL, run_cli

ECON = (
    MINIMAL
    + """economics:
  minimum_wage_eur_per_hour: 15
  holiday_pay_share: 0.08
  employer_charges_share: 0.2
  loonwaarde_share: 0.6
  lks_cap_share: 0.7
  lks_employer_supplement_share: 0.235
  coaching_hours_per_week: 2
  cobot_cell_cost_eur: 60000
  cobot_maintenance_eur_per_year: 3000
  depreciation_years: 5
  default_role_wage_cost_eur_per_hour: 40
"""
)


def test_business_case_by_hand() -> None:
    """One 20 h job, one cobot freeing 10 h/week of a 50 EUR/h hard-to-fill role, 46 weeks."""
    process = parse_process(
        ECON.replace(
            "{id: op, name: Operator, headcount: 2, education: MBO 2, hard_to_fill: true}",
            "{id: op, name: Operator, headcount: 2, education: MBO 2, hard_to_fill: true, wage_cost_eur_per_hour: 50}",
        )
    )
    figures = PlanFigures(
        job_hours=(20.0,), cobots=1, freed_by_role={"op": 30.0}, freed_by_cobot_role={"op": 10.0}
    )
    case = business_case(process, figures)
    # hourly WML with holiday pay: 15 x 1.08 = 16.20
    # wage cost: 20 h x 46 x 16.20 x 1.20 = 17,884.80
    assert case.line("wage_cost_new_workers") == pytest.approx(-17884.80)
    # subsidy: min(1 - 0.6, 0.7) = 0.4; 0.4 x 20 x 46 x 16.20 x 1.235 = 7,362.58
    assert case.line("wage_cost_subsidy") == pytest.approx(7362.576)
    # coaching: 1 worker x 2 h x 46 x 50 (the hard-to-fill role's cost) = 4,600
    assert case.line("coaching") == pytest.approx(-4600)
    # cobot: 60,000 / 5 = 12,000 depreciation, 3,000 maintenance
    assert case.line("cobot_depreciation") == pytest.approx(-12000)
    assert case.line("cobot_maintenance") == pytest.approx(-3000)
    # value freed: 30 h x 46 x 50 = 69,000
    assert case.line("value_freed_hours") == pytest.approx(69000)
    assert case.net_eur_per_year == pytest.approx(
        -17884.80 + 7362.576 - 4600 - 12000 - 3000 + 69000
    )
    # payback: 60,000 / (10 h x 46 x 50 - 3,000) = 60,000 / 20,000 = 3 years
    assert case.cobot_payback_years == pytest.approx(3.0)


def test_subsidy_cap() -> None:
    """A loonwaarde of 10% is capped at 70% subsidy: 0.7 x 10 x 46 x 16.20 x 1.235."""
    process = parse_process(ECON.replace("loonwaarde_share: 0.6", "loonwaarde_share: 0.1"))
    case = business_case(process, PlanFigures((10.0,), 0, {}, {}))
    assert case.line("wage_cost_subsidy") == pytest.approx(0.7 * 10 * 46 * 16.2 * 1.235)
    assert case.cobot_payback_years is None


def test_defaults_have_sources() -> None:
    """Every default rate names its source; a model override names the model."""
    r = rates(parse_process(ECON))
    assert r.sources["minimum_wage_eur_per_hour"] == "model economics.minimum_wage_eur_per_hour"
    r0 = rates(parse_process(MINIMAL))
    assert (
        r0["minimum_wage_eur_per_hour"] == 14.71
        and "2026" in r0.sources["minimum_wage_eur_per_hour"]
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "economics: {minimum_wage_eur_per_hour: -3}",
            "economics.minimum_wage_eur_per_hour: must be greater than or equal to 0",
        ),  # negative wage
        (
            "economics: {lks_cap_share: 1.5}",
            "economics.lks_cap_share: must be less than or equal to 1",
        ),  # cap above 100%
        (
            "scenarios: [{id: s1, name: S, profiles: [p9]}]",
            'scenarios[0].profiles[0]: unknown profile "p9"',
        ),  # unknown profile
        (
            "scenarios: [{id: as_is, name: S}]",
            'scenario id "as_is" is used twice or is a built-in scenario',
        ),  # built-in id
    ],
)
def test_inconsistent_economics(tmp_path: Path, extra: str, message: str) -> None:
    """Inconsistent economics and scenarios: exit 2, located message."""
    path = tmp_path / "m.yaml"
    path.write_text(MINIMAL + extra + "\n", encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 2 and message in result.stderr and f"{path}:" in result.stderr


def test_time_range_checked() -> None:
    """time_low above the time is an error at time_low."""
    with pytest.raises(InputError, match=r"time_low \(50\) is above the task's time \(36\)"):
        parse_process(
            MINIMAL.replace("time_s_per_unit: 36", "time_s_per_unit: 36\n    time_low: 50")
        )


def test_monte_carlo_reproducible_and_ordered() -> None:
    """Same seed, same figures; P10 <= P50 <= P90; another seed may differ."""
    process = read_process(EXAMPLES[1])
    best = plan(process, analyze(process), time_limit_s=3)
    one = monte_carlo(process, best, draws=150, seed=5).to_dict()
    two = monte_carlo(process, best, draws=150, seed=5).to_dict()
    assert one == two
    for key in ("extra_workers", "extra_fte", "net_eur_per_year"):
        s = one[key]
        assert s["p10"] <= s["p50"] <= s["p90"]
    assert one["extra_fte"]["p90"] <= best.summary()["extra_fte"] * 1.2


def test_percentile() -> None:
    """Linear interpolation like numpy's default; inf stays inf."""
    assert percentile([1, 2, 3, 4, 5], 50) == 3
    assert percentile([1, 2, 3, 4], 10) == pytest.approx(1.3)
    assert percentile([1, float("inf")], 90) == float("inf")


def test_scenario_orderings() -> None:
    """Allowing cobots never lowers the extra workers; a lower minimum job size never lowers them."""
    process = read_process(EXAMPLES[1])
    analysis = analyze(process)
    no_cobot = plan(process, analysis, time_limit_s=5, max_cobots=0)
    cobots = plan(process, analysis, time_limit_s=5, max_cobots=2)
    assert no_cobot.status == cobots.status == "optimal"
    assert cobots.summary()["extra_workers"] >= no_cobot.summary()["extra_workers"]
    big = plan(process, analysis, time_limit_s=5, min_job_hours=24)
    small = plan(process, analysis, time_limit_s=5, min_job_hours=12)
    assert big.status == small.status == "optimal"
    assert small.summary()["extra_workers"] >= big.summary()["extra_workers"]


def test_apply_scenario() -> None:
    """A scenario keeps its profiles and scales the volume."""
    process = read_process(EXAMPLES[1])
    changed = apply_scenario(process, process.scenarios[1])
    assert changed.planning.units_per_week == pytest.approx(1500 * 1.2)
    only = apply_scenario(process, process.scenarios[0])
    assert [p.id for p in only.profiles] == ["sheltered_worker"]


def test_compare_python_and_cli(tmp_path: Path) -> None:
    """compare() includes the three baselines and the model's scenarios; the CLI writes both files."""
    process = read_process(EXAMPLES[1])
    result = compare(process, time_limit_s=1, draws=20, lang="en")
    ids = [s.id for s in result.scenarios]
    assert ids[:3] == ["as_is", "split_only", "split_cobot"] and ids[3:] == [
        s.id for s in process.scenarios
    ]
    assert (
        result.scenarios[0].summary()["extra_workers"] == 0
        and result.scenarios[1].summary()["cobots"] == 0
    )
    out = tmp_path / "cmp"
    cli = run_cli(
        "compare",
        str(EXAMPLES[1]),
        "--out",
        str(out),
        "--time-limit",
        "1",
        "--draws",
        "20",
        "--lang",
        "en",
    )
    assert cli.returncode == 0, cli.stderr
    data = json.loads((out / "comparison.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in data["scenarios"]] == ids
    html = (out / "comparison.html").read_text(encoding="utf-8")
    assert "Scenarios compared" in html and "As is" in html


def test_analysis_json_has_business_case_and_range(tmp_path: Path) -> None:
    """analyze adds the business case and the Monte Carlo range to analysis.json and the report."""
    result = run_cli(
        "analyze", str(EXAMPLES[2]), "--out", str(tmp_path), "--time-limit", "2", "--draws", "50"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    assert {line["key"] for line in data["business_case"]["lines"]} >= {
        "wage_cost_new_workers",
        "wage_cost_subsidy",
        "value_freed_hours",
    }
    assert data["uncertainty"]["draws"] == 50
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Kosten en baten per jaar" in html and "Hoe zeker is dit?" in html
