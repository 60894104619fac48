"""Credible plans (issue #13): the work balance, confirmed splits only, the cobot decision,
job quality and plans that do not depend on the machine's load.

Micro-models are written with the expected plan first (in the docstring and comments), from
the rules in docs/method.md ("Credible plans"), not from the tool's output.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from jobcarve import read_process
from jobcarve.analysis import analyze
from jobcarve.carving import plan
from jobcarve.carving.balance import absorb, role_uses, today_hours
from jobcarve.carving.line import line_problem
from jobcarve.carving.plan import line_plan
from jobcarve.catalog import load_catalogs
from tests.conftest import EXAMPLES, run_cli

T = TypeVar("T")
ALL4 = "{lifting: 4, pushing_pulling: 4, repetitive_hand_arm: 4, fine_motor: 4, posture_mobility: 4, sensory: 4, attention: 4, memory_learning: 4, problem_solving: 4, literacy_numeracy: 4, pace: 4, independence: 4, social_communication: 4}"
SIMPLE = "{lifting: 1, repetitive_hand_arm: 1, fine_motor: 1, attention: 1, pace: 1}"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "model.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def packing_shop(tmp_path: Path, uses: str = "", extra_task: str = "") -> Path:
    """Three simple 10 h tasks of one role of 2 packers (36 h each), one capable profile."""
    return write(
        tmp_path,
        f"""\
        format: 1
        company: {{name: Test BV, sector: packaging}}
        process: {{name: Packing}}
        planning: {{units_per_week: 100, hours_per_fte: 36}}
        roles:
          - {{id: packer, name: Inpakker, headcount: 2, education: MBO 1{uses}}}
        tasks:
          - {{id: fold, name: Dozen vouwen, role: packer, hours_per_week: 10, demands: {SIMPLE}}}
          - {{id: pack, name: Inpakken, role: packer, hours_per_week: 10, demands: {SIMPLE}}}
          - {{id: label, name: Etiketteren, role: packer, hours_per_week: 10, demands: {SIMPLE}}}
        {extra_task}
        profiles:
          - id: able
            name: Able
            capacities: {ALL4}
            hours_per_week_available: 32
        """,
    )


def with_profiles(tmp_path: Path, profiles: str, replace: tuple[str, str] = ("", "")) -> Path:
    """The packing shop with 20 agency hours and these profiles added (YAML list items)."""
    text = packing_shop(tmp_path, ", agency_hours_per_week: 20").read_text(encoding="utf-8")
    model = tmp_path / "profiles.yaml"
    text = text.replace(*replace) if replace[0] else text
    model.write_text(text.rstrip("\n") + "\n" + profiles, encoding="utf-8")
    return model


def test_a_profile_without_a_job_beside_another_says_why(tmp_path: Path) -> None:
    """20 agency hours, two equally able profiles: one job takes all 20 h (three kinds,
    at least 12 h), so nothing is left for the second profile, and the plan says that the
    other jobs took the room, with the hours left (0 of the 12 a job needs); the report's
    next steps carry it. Worked by hand: the roles may give up 20 h, the job takes 20."""
    model = with_profiles(
        tmp_path,
        f"  - id: other\n    name: Other\n    capacities: {ALL4}\n    hours_per_week_available: 32\n",
    )
    result = plan(read_process(model), time_limit_s=2)
    assert result.summary()["extra_workers"] == 1
    (why,) = [r for r in result.reasons if r.key.startswith("plan.no_job")]
    # nothing left: said as such, not as "0.0 hours (kinds of work: 0)" (a review)
    assert why.key == "plan.no_job.taken_all"
    assert why.params["profile"] in ("Able", "Other")
    done = run_cli(
        "analyze", str(model), "-o", str(tmp_path / "out"), "--lang", "en", "--time-limit", "2"
    )
    assert done.returncode == 0, done.stderr
    report = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert (
        f"No new job for {why.params['profile']}: the work that fits and that the roles may give "
        "up already goes to the other new jobs and cobots" in report
    )
    assert "kinds of work: 0" not in report


def test_banenafspraak_jobs_count_only_profiles_in_the_register(tmp_path: Path) -> None:
    """One job of 20 h: 20 / 25.5 = 0.784 banenafspraak jobs for a profile with a wage
    instrument (in the doelgroepregister); none for one without (a WIA benefit, say),
    unless the model says its LKV is the banenafspraak one."""
    text = packing_shop(tmp_path, ", agency_hours_per_week: 20").read_text(encoding="utf-8")
    for extra, expected in (
        ("", 0.784),
        ("    instrument: none\n", 0.0),
        ("    instrument: none\n    lkv: banenafspraak\n", 0.784),
    ):
        model = tmp_path / "one.yaml"
        model.write_text(text + extra, encoding="utf-8")
        figures = plan(read_process(model), time_limit_s=2).figures()
        assert figures.extra_workers == 1 and figures.carved_hours_per_week == pytest.approx(20)
        assert figures.banenafspraak_jobs == pytest.approx(expected, abs=1e-3)


def test_uses_and_absorption_order() -> None:
    """Uses are contract hours x vacancies and leavers plus the declared hours; freed hours
    go to vacancies, overtime, agency, backlog, leavers in that order; the rest is displaced."""
    process = read_process(EXAMPLES[0])  # any model: roles are rebuilt below
    role = process.roles[0].model_copy(
        update={
            "hours_per_week": 30.0,
            "vacancies": 1,
            "overtime_hours_per_week": 4.0,
            "agency_hours_per_week": 8.0,
            "backlog_hours_per_week": 2.0,
            "leavers": 1,
            "headcount": 3,
        }
    )
    uses = role_uses(role, 36)
    assert uses == {"vacancies": 30, "overtime": 4, "agency": 8, "backlog": 2, "leavers": 30}
    absorbed, displaced = absorb(40, uses)
    assert absorbed == {"vacancies": 30, "overtime": 4, "agency": 6, "backlog": 0, "leavers": 0}
    assert displaced == 0
    absorbed, displaced = absorb(80, uses)
    assert sum(absorbed.values()) == 74 and displaced == 6


def test_every_profile_without_a_job_is_told_why(tmp_path: Path) -> None:
    """Beside the able profile's job (all 20 agency hours), a profile for whom only labelling
    fits (10 h, one kind: less than a job's 12 h, so the optimiser gives it no place at all)
    and one with 8 hours a week available (less than a job's 12) each get their reason,
    not silence. Worked by hand from the options: 12 h and 3 kinds a job."""
    weak = ALL4.replace("fine_motor: 4", "fine_motor: 0")
    label = "name: Etiketteren, role: packer, hours_per_week: 10, demands: " + SIMPLE
    model = with_profiles(
        tmp_path,
        f"  - id: little\n    name: Little\n    capacities: {weak}\n"
        "    hours_per_week_available: 32\n"
        f"  - id: part\n    name: Part\n    capacities: {ALL4}\n    hours_per_week_available: 8\n",
        (label, label.replace("fine_motor: 1", "fine_motor: 0")),
    )
    result = plan(read_process(model), time_limit_s=2)
    assert result.summary()["extra_workers"] == 1
    why = {r.params["profile"]: r for r in result.reasons if r.key.startswith("plan.no_job")}
    assert set(why) == {"Little", "Part"}
    # too little fits it even with the packers' whole room: labelling, 10 h of one kind
    assert why["Little"].key == "plan.no_job.room"
    assert why["Little"].params["hours"] == pytest.approx(10) and why["Little"].params["kinds"] == 1
    assert why["Part"].key == "plan.no_job.hours"
    assert why["Part"].params == {"profile": "Part", "hours": 8, "min_hours": 12}
    assert "8 hours per week available" in why["Part"].text("en")


def test_of_two_equal_plans_the_one_that_rests_less_on_supports(tmp_path: Path) -> None:
    """Room for one job (20 agency hours), two profiles at the same pace and hours: one does
    the work as it is, the other only with a job coach (memory and learning 0 against the
    tasks' 1). Both plans carve the same 20 h in one job; the plan gives the job to the
    profile that needs no support, whichever comes first in the model (docs/method.md 5.3,
    stage 5). Worked by hand."""
    demands = SIMPLE.replace("pace: 1", "pace: 1, memory_learning: 1")
    coached = ALL4.replace("memory_learning: 4", "memory_learning: 0")
    jobs = {}
    for order in ("helped first", "able first"):
        helped = (
            f"  - id: helped\n    name: Helped\n    capacities: {coached}\n"
            "    hours_per_week_available: 32\n    supports: [job_coach]\n"
        )
        able = (
            f"  - id: plain\n    name: Plain\n    capacities: {ALL4}\n"
            "    hours_per_week_available: 32\n"
        )
        model = with_profiles(
            tmp_path,
            helped + able if order == "helped first" else able + helped,
            (SIMPLE, demands),
        )
        text = model.read_text(encoding="utf-8").replace(
            f"  - id: able\n    name: Able\n    capacities: {ALL4}\n"
            "    hours_per_week_available: 32\n",
            "",
        )
        model.write_text(text, encoding="utf-8")
        result = plan(read_process(model), time_limit_s=2)
        (job,) = result.carved
        jobs[order] = job.profile
        assert job.hours_per_week == pytest.approx(20)
    assert jobs == {"helped first": "plain", "able first": "plain"}


def test_work_kept_per_person_counts_the_people_who_stay(tmp_path: Path) -> None:
    """Two packers, one leaving and not replaced (36 h of room): the 30 h of packing the plan
    leaves them falls to the one who stays (30 h, not 15 h each). Worked by hand: 30 h of
    work, room 36 h, no profile here can take any of it (a profile at 0 everywhere)."""
    text = packing_shop(tmp_path, ", leavers: 1").read_text(encoding="utf-8")
    (tmp_path / "leaver.yaml").write_text(
        text.replace(f"capacities: {ALL4}", f"capacities: {ALL4.replace(': 4', ': 0')}"),
        encoding="utf-8",
    )
    result = plan(read_process(tmp_path / "leaver.yaml"), time_limit_s=2)
    (balance,) = result.work_balance
    assert balance.people == 2 and balance.leavers == 1
    assert balance.kept_hours_per_week == pytest.approx(30)
    assert balance.kept_hours_per_person == pytest.approx(30)
    assert balance.to_dict()["leavers"] == 1
    # the stayer's 36 contract hours less the 30 h kept: 6 h of work the model does not hold
    assert balance.outside_model_hours_per_person == pytest.approx(6)
    assert balance.to_dict()["outside_model_hours_per_person"] == pytest.approx(6)


def test_work_kept_per_person_leaves_out_the_agency_hours_still_hired(tmp_path: Path) -> None:
    """Two packers with 20 agency hours in their 90 h of work (the task hours include the
    agency hours) and no profile able to take any of it: each packer keeps (90 - 20) / 2 =
    35 h, not 45 h (a review read 107 kept hours of two packers as 53.5 h a person)."""
    extra = "  - {id: box, name: Dozen, role: packer, hours_per_week: 60, demands: " + SIMPLE + "}"
    text = packing_shop(tmp_path, ", agency_hours_per_week: 20", extra).read_text(encoding="utf-8")
    (tmp_path / "agency.yaml").write_text(
        text.replace(f"capacities: {ALL4}", f"capacities: {ALL4.replace(': 4', ': 0')}"),
        encoding="utf-8",
    )
    (balance,) = plan(read_process(tmp_path / "agency.yaml"), time_limit_s=2).work_balance
    assert balance.kept_hours_per_week == pytest.approx(90)
    assert balance.agency_kept_hours_per_week == pytest.approx(20)
    assert balance.kept_hours_per_person == pytest.approx(35)
    assert balance.outside_model_hours_per_person == pytest.approx(1)


def test_outside_model_hours_per_person_is_never_negative(tmp_path: Path) -> None:
    """Two packers at 36 h with 90 h of modelled work and no use for freed hours: they keep
    45 h each, more than their contract, so no contract hour is left for other work (0, not
    -9); with both leaving there is nobody to share the work and no figure (None)."""
    extra = "  - {id: box, name: Dozen, role: packer, hours_per_week: 60, demands: " + SIMPLE + "}"
    result = plan(read_process(packing_shop(tmp_path, extra_task=extra)), time_limit_s=2)
    (balance,) = result.work_balance
    assert balance.kept_hours_per_person == pytest.approx(45)
    assert balance.outside_model_hours_per_person == 0
    gone = packing_shop(tmp_path, ", leavers: 2")
    (balance,) = plan(read_process(gone), time_limit_s=2).work_balance
    assert balance.outside_model_hours_per_person is None


def test_no_uses_no_jobs(tmp_path: Path) -> None:
    """Packers with no declared use for freed hours keep all their 30 h: no carved job."""
    result = plan(read_process(packing_shop(tmp_path)), time_limit_s=2)
    assert result.summary()["extra_workers"] == 0
    (balance,) = result.work_balance
    assert balance.released_hours_per_week == 0 and balance.kept_hours_per_week == 30


def test_no_job_says_why(tmp_path: Path) -> None:
    """A plan without a job says which constraint stands in the way (docs/method.md): with
    no declared use the roles may give up nothing, so the fitting work is 0 h of the 12 h a
    job needs; with 20 agency hours but only heavy work (lifting, pushing and posture at 3:
    an hours-weighted physical load of 3.0 against the 2.75 allowed for a profile able to do
    heavy work, 2.5 + carving.heavy_work_load_margin) no job is light enough.
    The report then says why, not that the plan costs more than it brings."""
    no_room = plan(read_process(packing_shop(tmp_path)), time_limit_s=2)
    (why,) = no_room.reasons
    assert why.key == "plan.no_job.room" and why.params["hours"] == 0
    assert not no_room.larger_than_room  # a role without room is the work balance's
    heavy = "{lifting: 3, pushing_pulling: 3, posture_mobility: 3, attention: 1}"
    model = packing_shop(tmp_path, ", agency_hours_per_week: 20").read_text(encoding="utf-8")
    (tmp_path / "heavy.yaml").write_text(model.replace(SIMPLE, heavy), encoding="utf-8")
    process = read_process(tmp_path / "heavy.yaml")
    result = plan(process, time_limit_s=2)
    assert result.summary()["extra_workers"] == 0
    (why,) = result.reasons
    assert why.key == "plan.no_job.load"
    assert why.params["load"] == pytest.approx(3.0) and why.params["max"] == 2.75
    result_cli = run_cli(
        "analyze",
        str(tmp_path / "heavy.yaml"),
        "-o",
        str(tmp_path / "out"),
        "--lang",
        "en",
        "--time-limit",
        "2",
    )
    assert result_cli.returncode == 0, result_cli.stderr
    report = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "No new job for Able: even the lightest bundle" in report
    assert "costs more than it brings" not in report


def test_uses_bound_the_plan(tmp_path: Path) -> None:
    """20 agency hours let 20 of the 30 h move: each 10 h task is shared out in parts of at
    most 4 h (3 x 3.33 h), so one job of 20 h holds parts of all three tasks; the packers
    keep 10 h, and the 20 h they give up are all absorbed by the agency hours."""
    model = packing_shop(tmp_path, ", agency_hours_per_week: 20")
    result = plan(read_process(model), time_limit_s=2)
    s = result.summary()
    assert s["extra_workers"] == 1 and s["carved_hours_per_week"] == pytest.approx(20, abs=0.05)
    (b,) = result.work_balance
    assert b.absorbed["agency"] == pytest.approx(20, abs=0.05) and b.displaced_hours_per_week == 0
    assert b.kept_hours_per_week == pytest.approx(10, abs=0.05)


def test_displacement_only_when_allowed(tmp_path: Path) -> None:
    """With allow_displacement the plan may take all 30 h; the 10 h beyond the 20 agency
    hours are reported as displacement, in the summary and the balance."""
    model = packing_shop(tmp_path, ", agency_hours_per_week: 20")
    result = plan(read_process(model), time_limit_s=2, allow_displacement=True)
    s = result.summary()
    assert s["carved_hours_per_week"] == pytest.approx(30, abs=0.05)
    assert s["displacement_hours"] == pytest.approx(10, abs=0.05)


def test_automatic_split_is_only_a_proposal(tmp_path: Path) -> None:
    """A task whose gap is a moderate decision demand (problem solving 2, capacity 1) gets an
    automatic split proposal, which never enters the plan's units."""
    model = write(
        tmp_path,
        """\
        format: 1
        company: {name: Test BV, sector: metal}
        process: {name: Work}
        planning: {units_per_week: 100}
        roles: [{id: op, name: Operator, headcount: 2, education: MBO 2, vacancies: 1}]
        tasks:
          - id: check
            name: Controleren en sorteren
            role: op
            hours_per_week: 20
            demands: {problem_solving: 2, attention: 1}
        profiles:
          - id: low
            name: Low
            capacities: {lifting: 2, pushing_pulling: 2, repetitive_hand_arm: 2, fine_motor: 2, posture_mobility: 2, sensory: 2, attention: 2, memory_learning: 2, problem_solving: 1, literacy_numeracy: 2, pace: 2, independence: 2, social_communication: 2}
            hours_per_week_available: 24
        """,
    )
    analysis = analyze(read_process(model))
    (task,) = analysis.tasks
    assert task.split == "none" and [u.id for u in task.units] == ["check"]
    assert task.proposal is not None and task.proposal.source == "automatic"
    assert task.fit["low"].verdict == "not_accessible"
    assert all("." not in u.id for u in analysis.units)  # no proposal unit is planned


def test_no_split_of_a_core_demand(tmp_path: Path) -> None:
    """CAM programming (literacy, problem solving and independence 4) has no routine part:
    no proposal at all, and the reason names the core."""
    model = write(
        tmp_path,
        """\
        format: 1
        company: {name: Test BV, sector: metal}
        process: {name: Work}
        planning: {units_per_week: 100}
        roles: [{id: setter, name: Setter, headcount: 1, education: MBO 4}]
        tasks:
          - {id: cam, name: CAM-programma maken, role: setter, hours_per_week: 12, template: cnc_program_edit}
        profiles:
          - id: low
            name: Low
            capacities: {lifting: 2, pushing_pulling: 2, repetitive_hand_arm: 2, fine_motor: 2, posture_mobility: 2, sensory: 2, attention: 2, memory_learning: 1, problem_solving: 1, literacy_numeracy: 1, pace: 1, independence: 1, social_communication: 2}
            hours_per_week_available: 24
        """,
    )
    (task,) = analyze(read_process(model)).tasks
    assert task.proposal is None and task.fit["low"].verdict == "not_accessible"
    assert any(r.key == "split.core" for r in task.split_reasons)


def test_catalogue_split_enters_only_when_confirmed() -> None:
    """In the CNC example set-up is confirmed (in the plan's units), sawing is not (a
    proposal to confirm, not in the plan)."""
    analysis = analyze(read_process(EXAMPLES[1]))
    tasks = {t.id: t for t in analysis.tasks}
    assert tasks["setup_milling"].split == "catalogue" and tasks["setup_milling"].proposal is None
    assert tasks["saw_stock"].split == "none" and tasks["saw_stock"].proposal is not None
    assert tasks["saw_stock"].proposal.source == "catalogue"
    assert "saw_stock" in {u.id for u in analysis.units}


def test_examples_keep_the_work_balance() -> None:
    """On every example no role gives up more than its declared uses; nothing is displaced;
    every carved job has three kinds of work, each at least 10% of its hours."""
    for path in EXAMPLES:
        process = read_process(path)
        result = plan(process, time_limit_s=3, evaluate_proposals=False)
        uses = {
            r.id: sum(role_uses(r, process.planning.hours_per_fte).values()) for r in process.roles
        }
        today = today_hours(process)
        for b in result.work_balance:
            assert b.released_hours_per_week <= uses[b.role] + 0.05, (path.name, b.role)
            assert b.kept_hours_per_week == pytest.approx(
                today[b.role] - b.released_hours_per_week, abs=0.01
            )
        assert result.summary()["displacement_hours"] == 0
        inst, a = result.instance, result.assignment
        assert inst is not None and a is not None
        for members in a.jobs().values():
            kinds: dict[str, float] = {}
            for u in members:
                kinds[inst.units[u].task] = kinds.get(inst.units[u].task, 0.0) + inst.units[u].hours
            assert len(kinds) >= 3
            assert min(kinds.values()) >= 0.1 * sum(kinds.values()) - 0.01 * len(members)


def test_cobot_reasons() -> None:
    """Every cobot in a plan says why, for itself: it removes at least 8 h/week of
    ergonomic risk, or the cobots add at least 8 h/week (carved, hard-to-fill, or freed for
    the roles' declared uses) and this cell does at least 8 h/week of the work (min_cobot_added_hours, the cell's yearly cost); a cell that only assists a few
    hours is an option, not advice."""
    carving = load_catalogs().params.carving  # type: ignore[union-attr]
    least, slack = carving.min_cobot_added_hours.value, carving.carved_hours_slack_hours.value
    for path in EXAMPLES:
        result = plan(read_process(path), time_limit_s=3, evaluate_proposals=False)
        for cobot in result.cobots:
            assert cobot.why, (path.name, cobot.id)
            if "ergonomics" in cobot.why:
                assert cobot.risk_units
            if "adds_hours" in cobot.why:
                assert cobot.hours_per_week >= least, (path.name, cobot.id)
                effect = result.cobot_effect
                assert effect is not None
                adds = max(effect.carved_hours_added, effect.hard_to_fill_hours_added) >= least
                # or it frees hours for the roles' uses by the work it takes over itself (the
                # hours of people's work it takes, as the plan's holders and the card give
                # them), at the plan's carved and hard-to-fill hours
                own = sum(
                    h.hours_per_week
                    for u in cobot.units
                    for h in result.unit_holder[u]
                    if h.kind == "cobot" and h.holder == cobot.id
                )
                frees = (
                    effect.freed_hours_added >= least
                    and own >= least - 0.005
                    and effect.carved_hours_added >= -slack - 0.005
                    and effect.hard_to_fill_hours_added >= -slack - 0.005
                )
                assert adds or frees, (path.name, cobot.id, effect, own)
        for option in result.cobot_options:
            assert not option.why, (path.name, option.id)


def _busy(stop_at: float) -> None:  # pragma: no cover - runs in a child process
    x = 0
    while time.monotonic() < stop_at:
        x += 1


def _on_a_busy_machine(run: Callable[[], T]) -> T:
    """`run()` while twice as many processes as CPUs keep every CPU busy."""
    stop_at = time.monotonic() + 300
    workers = [
        multiprocessing.Process(target=_busy, args=(stop_at,), daemon=True)
        for _ in range(2 * (os.cpu_count() or 2))
    ]
    for w in workers:
        w.start()
    try:
        return run()
    finally:
        for w in workers:
            w.terminate()
            w.join()


def test_same_plan_on_a_loaded_machine() -> None:
    """The same model, options and seed give the same plan whether the machine is idle or
    every CPU is kept busy by other processes (the solver's effort is deterministic)."""
    process = read_process(EXAMPLES[2])
    idle = plan(process, time_limit_s=2, seed=1).to_dict()
    loaded = _on_a_busy_machine(lambda: plan(process, time_limit_s=2, seed=1).to_dict())
    assert loaded == idle
    assert loaded["solver"]["wall_clock_guard_hit"] is False


def test_same_line_on_a_loaded_machine() -> None:
    """Line mode as well: the assembly example's line (CP-SAT line model, cobots) is the same
    idle and with every CPU kept busy, since its time limit is deterministic time (a run of
    the example gave 6 stations busy and 5 idle when the limit was wall time)."""
    process = read_process(next(p for p in EXAMPLES if p.stem == "assembly_line"))
    idle = line_plan(process, time_limit_s=2, seed=1)
    loaded = _on_a_busy_machine(lambda: line_plan(process, time_limit_s=2, seed=1))
    assert loaded.stations == idle.stations and loaded.cycle_time == idle.cycle_time


def test_line_mode_keeps_the_work_balance() -> None:
    """A station staffed by a target-group worker is a place of today's staff: the assembly
    example's line roles free two whole places (the assembler vacancy: 36 h + 14 h of
    refused orders at 38 h contracts is one place; the test technician vacancy is one;
    3 h of logistics overtime is none), so at most two target-group workers staff the
    line; with displacement allowed the limit is lifted."""
    process = read_process(next(p for p in EXAMPLES if p.stem == "assembly_line"))
    kept = line_plan(process, time_limit_s=5)
    assert kept.stations and kept.stats["target_group_workers"] <= 2
    analysis = analyze(process)
    assert line_problem(process, analysis).max_target_group == 2
    assert line_problem(process, analysis, allow_displacement=True).max_target_group is None


def test_a_profile_whose_work_the_other_jobs_hold_is_told_so() -> None:
    """The CNC example: the sheltered workers' two jobs hold the units that fit the routine
    worker (their roles keep room), so the routine worker is told what the other jobs and
    the cobot leave; the back-injured profile, for whom 5 h of two kinds fits even with the
    roles' whole room, is told that too little fits (docs/method.md 5.2)."""
    process = read_process(Path(__file__).parent.parent / "examples" / "cnc_job_shop.yaml")
    result = plan(process, time_limit_s=5)
    with_job = {j.profile for j in result.carved}
    why = {r.params["profile"]: r.key for r in result.reasons if r.key.startswith("plan.no_job")}
    names = {p.id: p.name for p in process.profiles}
    assert with_job == {"sheltered_worker"}
    assert why == {
        names["routine_worker"]: "plan.no_job.taken_all",
        names["limited_lifting"]: "plan.no_job.room",
    }


def test_the_work_balance_shows_when_the_work_that_stays_gets_heavier(tmp_path: Path) -> None:
    """Packers (2 x 36 h, 20 agency hours) fold, pack and label (10 h each, physical demand
    1) and carry 30 h of lifting-4 work no profile may do. Today: (30 x 1 + 30 x 4) / 60 =
    2.5. The profile takes 20 h of the light work, so the packers keep 10 h light and 30 h
    heavy: (10 x 1 + 30 x 4) / 40 = 3.25 (3.2 at one decimal), above a new job's 2.5 and 0.75 up: the report's
    work balance names the role. Worked by hand."""
    from jobcarve.report.balance import balance_view
    from jobcarve.report.i18n import translations

    heavy = (
        "  - {id: carry, name: Sjouwen, role: packer, hours_per_week: 30, demands: {lifting: 4}}"
    )
    model = packing_shop(tmp_path, ", agency_hours_per_week: 20", heavy)
    text = model.read_text(encoding="utf-8").replace(
        f"capacities: {ALL4}", f"capacities: {ALL4.replace('lifting: 4', 'lifting: 2')}"
    )
    model.write_text(text, encoding="utf-8")
    process = read_process(model)
    result = plan(process, time_limit_s=2)
    (balance,) = result.work_balance
    assert balance.released_hours_per_week == pytest.approx(20)
    assert balance.physical_load_today == pytest.approx(2.5)
    assert balance.physical_load_after == pytest.approx(3.25)
    assert balance.to_dict()["physical_load_after"] == pytest.approx(3.25)
    view = balance_view(process, result, "en", translations("en").gettext, 0.25)
    assert view.heavier == ("Inpakker (2.5 → 3.2)",) and view.limit == "2.5"
    assert view.rows[0].load == "2.5 → 3.2"  # 3.25 at one decimal
    # a rise below the warning's threshold: no warning, the column still shows it
    assert balance_view(process, result, "en", translations("en").gettext, 1.0).heavier == ()
    # a ceiling of 0 is a ceiling (not "none given"): the warning holds it
    strict = dataclasses.replace(result, options={**result.options, "max_job_ergonomic_load": 0})
    assert balance_view(process, strict, "en", translations("en").gettext, 0.25).limit == "0"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_job_card_for_a_worker_of_17_names_the_work_to_check(tmp_path: Path, lang: str) -> None:
    """The packing shop with noisy folding and a forklift run, 40 agency hours, and the able
    profile at 17: the job takes them (no rule excludes them), and its card names the noise
    check (85 dB(A)) at the folding and the certificate and supervision at the forklift, with
    the working hours of the Arbeidstijdenwet (a diff review: the checks were in
    analysis.json only)."""
    from jobcarve.catalog import load_catalogs
    from jobcarve.report.cards import _job_cards
    from jobcarve.report.i18n import translations

    drive = (
        "  - {id: drive, name: Heftruck rijden, role: packer, hours_per_week: 6,"
        f" activities: [driving], demands: {SIMPLE}}}"
    )
    model = packing_shop(tmp_path, ", agency_hours_per_week: 40", drive)
    text = model.read_text(encoding="utf-8")
    text = text.replace(
        f"hours_per_week: 10, demands: {SIMPLE}}}\n  - {{id: pack",
        f"hours_per_week: 10, demands: {SIMPLE}, handling: {{noise: true}}}}\n  - {{id: pack",
    )
    text = text.replace("hours_per_week_available: 32", "hours_per_week_available: 32\n    age: 17")
    model.write_text(text, encoding="utf-8")
    process = read_process(model)
    analysis = analyze(process)
    result = plan(process, analysis, time_limit_s=2)
    held = {u for job in result.carved for u in job.unit_hours}
    assert {"fold", "drive"} <= held
    units = {u.id: u for u in analysis.units}
    gettext = translations(lang).gettext
    cards = _job_cards(process, result, units, {}, None, lang, gettext, load_catalogs())
    lines = [line for card in cards for line in card.floor]
    floor = "\n".join(lines)
    noise = next(line for line in lines if "85 dB(A)" in line)
    forklift = next(
        line
        for line in lines
        if ("heftruckcertificaat" if lang == "nl" else "forklift certificate") in line
    )
    assert "Dozen vouwen" in noise and "Heftruck rijden" in forklift
    assert ("12 uur rust" if lang == "nl" else "12 hours of rest") in floor


def test_the_snack_plants_cards_say_the_late_shift_and_lockout() -> None:
    """The snack plant (three shifts, blind case 87): a job of a profile that works no
    nights which shares work done in every shift with another job is told the late shift,
    never the night shift (a review asked which shift the workers of 17 work); a job that
    cleans inside a machine with its own hazard (the seasoning drum) is told to have it
    locked out first (two reviews)."""
    from jobcarve.carving.plan import no_night_profiles
    from jobcarve.catalog import load_catalogs
    from jobcarve.report.cards import _job_cards
    from jobcarve.report.i18n import translations

    process = read_process(Path(__file__).parent / "cases" / "snack_plant.yaml")
    analysis = analyze(process)
    result = plan(process, analysis, time_limit_s=3, evaluate_proposals=False)
    units = {u.id: u for u in analysis.units}
    cats = load_catalogs()
    cards = _job_cards(process, result, units, {}, None, "en", translations("en").gettext, cats)
    night_free = no_night_profiles(process, cats)
    late = locked = 0
    for job, card in zip(result.carved, cards, strict=True):
        floor = "\n".join(card.floor)
        if "the new jobs together hold more than" in floor and job.profile in night_free:
            assert "works the late shift, never the night shift" in floor
            late += 1
        drum = [u for u in job.unit_hours if units[u].handling.machine_hazard]
        cleaning = [u for u in drum if "cleaning" in units[u].activities]
        assert ("(lockout-tagout)" in floor) == bool(cleaning), card.title
        locked += bool(cleaning)
    assert late and locked, "the plan no longer shares shift work or the drum cleaning"
    # the palletising cell keeps the line's rate only with a safety scanner: its share of
    # hours says so (a review read "runs 64%" as spare capacity)
    from jobcarve.report.cards import _cobot_cards

    (cell,) = _cobot_cards(process, result, analysis, units, "en", cats, translations("en").gettext)
    assert cell.slow_for_feed
    assert cell.use_short.endswith("at the line's rate with a safety scanner")
