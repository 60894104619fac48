"""Pool-mode carving: one micro-instance per constraint and objective term, optimum by hand."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobcarve import plan, read_process
from jobcarve.carving.assignment import (
    Assignment,
    objectives,
    released,
    released_by,
    violations,
)
from jobcarve.carving.cpsat.pool import PoolModel
from jobcarve.carving.greedy import greedy
from jobcarve.carving.instance import PoolInstance, PoolOptions, PoolProfile, PoolUnit
from jobcarve.carving.plan import Plan
from jobcarve.model import ProcessModel
from tests.conftest import EXAMPLES, ROOT


def unit(
    uid: str,
    hours: float,
    *,
    task: str | None = None,
    hard: bool = False,
    physical: int = 1,
    access: tuple[bool, ...] = (True,),
    cobot: str = "human",
    cobot_hours: float = 0.0,
    role: str | None = None,
    risk: bool = False,
) -> PoolUnit:
    return PoolUnit(
        uid,
        uid,
        task or uid,
        role or ("role_h" if hard else "role"),
        hours,
        hard,
        physical,
        access,
        tuple(() for _ in access),
        cobot,
        cobot_hours,
        None,
        base_hours=hours,
        risk=risk,
    )


def options(**kw: float) -> PoolOptions:
    base = dict(
        min_job_hours=12,
        min_kinds_per_job=1,
        max_job_ergonomic_load=4.0,
        max_cobots=0,
        cobot_hours_available=30.6,
        assist_share=0.5,
        banenafspraak_hours=25.5,
        hours_per_fte=36,
        time_limit_s=5,
        seed=0,
        workers=1,
        share_hours=4,
    )
    base.update(kw)
    return PoolOptions(**base)  # type: ignore[arg-type]


def profile(hours: float = 24, pace: float = 1.0, slots: int = 3, pid: str = "p") -> PoolProfile:
    return PoolProfile(pid, pid, hours, pace, slots)


def solve(
    units: list[PoolUnit],
    profiles: list[PoolProfile],
    limits: dict[str, float] | None = None,
    **kw: float,
) -> tuple[PoolInstance, Assignment, str]:
    inst = PoolInstance(tuple(units), tuple(profiles), options(**kw), limits or {})
    start = greedy(inst)
    assert not violations(inst, start)
    report = PoolModel(inst).solve(start)
    assert not violations(inst, report.assignment), violations(inst, report.assignment)
    return inst, report.assignment, report.status


def test_min_hours() -> None:
    """Three 5 h units make one 15 h job at a 12 h minimum, none at a 16 h minimum."""
    units = [unit("a", 5), unit("b", 5), unit("c", 5)]
    _, a, status = solve(units, [profile()])
    assert len(a.jobs()) == 1 and status == "optimal"  # 15 h: one job; two would need 24 h
    _, a, _ = solve(units, [profile()], min_job_hours=16)
    assert len(a.jobs()) == 0  # 15 h < 16 h


def test_profile_hours_cap_jobs() -> None:
    """Six 5 h units, jobs of at most 12 h and at least 10 h: three jobs of two units."""
    units = [unit(f"u{i}", 5) for i in range(6)]
    _, a, _ = solve(units, [profile(hours=12)], min_job_hours=10)
    assert len(a.jobs()) == 3  # 30 h in 10 h jobs; a job of three units (15 h) exceeds 12 h
    assert all(len(m) == 2 for m in a.jobs().values())


def test_variety() -> None:
    """Units of two tasks cannot make a job that needs three kinds; with two kinds they can."""
    units = [
        unit("a1", 4, task="a"),
        unit("a2", 4, task="a"),
        unit("b1", 4, task="b"),
        unit("b2", 4, task="b"),
    ]
    _, a, _ = solve(units, [profile()], min_kinds_per_job=3)
    assert len(a.jobs()) == 0
    _, a, _ = solve(units, [profile()], min_kinds_per_job=2)
    assert len(a.jobs()) == 1  # 16 h of two kinds


def test_ergonomic_limit() -> None:
    """A limit of 2.0 keeps the heavy unit out: only the two light units (12 h) form the job."""
    units = [
        unit("heavy", 8, physical=4),
        unit("light", 8, physical=1),
        unit("light2", 4, physical=1),
    ]
    inst, a, _ = solve(units, [profile(slots=1)], max_job_ergonomic_load=2.5)
    # all three: (4x8 + 1x8 + 1x4) / 20 = 2.2 <= 2.5
    assert objectives(inst, a)[0] == 2000
    inst, a, _ = solve(units, [profile(slots=1)], max_job_ergonomic_load=2.0)
    # with the heavy unit the load is at least (32 + 4) / 12 = 3.0 > 2.0; without it 12 h at load 1
    assert objectives(inst, a)[0] == 1200 and len(a.jobs()) == 1


def test_a_profile_able_to_do_heavy_work_has_its_own_load_limit() -> None:
    """12 h at demand 3 and 4 h at demand 1: (36 + 4) / 16 = 2.5 at most for everyone; with
    12 h more at demand 3 the job weighs (72 + 4) / 28 = 2.71, which only a profile whose own
    limit is 2.75 (able to do heavy work) may carry: the solver, the greedy start and the
    checker hold each job to its profile's limit."""
    units = [
        unit("rack1", 12, physical=3, task="rack"),
        unit("rack2", 12, physical=3, task="rack"),
        unit("plug", 4, physical=1, task="plug"),
    ]
    inst, a, _ = solve(units, [profile(hours=40, slots=1)], max_job_ergonomic_load=2.5)
    assert objectives(inst, a)[0] == 1600  # one rack unit and the plugs
    strong = dataclasses.replace(profile(hours=40, slots=1), load_limit=2.75)
    inst, a, _ = solve(units, [strong], max_job_ergonomic_load=2.5)
    assert objectives(inst, a)[0] == 2800  # both rack units
    assert inst.load_limit(0) == 2.75
    weak = dataclasses.replace(inst, profiles=(profile(hours=40, slots=1),))
    assert any("physical load 2.71 > 2.5" in v for v in violations(weak, a))


def test_a_job_stays_within_few_teams() -> None:
    """Two jobs of 8 h, each of two kinds, from four 4 h units of two roles: pairing each
    role's two units makes two jobs of one team each, mixing them two jobs of two teams;
    the carved hours and jobs are the same, and the teams stage picks the first (a review:
    a young man's job spread over five halls)."""
    units = [
        unit("wash_a", 4, role="wash"),
        unit("pack_a", 4, role="pack"),
        unit("wash_b", 4, role="wash"),
        unit("pack_b", 4, role="pack"),
    ]
    inst, a, _ = solve(units, [profile(hours=8, slots=2)], min_job_hours=8, min_kinds_per_job=2)
    assert objectives(inst, a)[:4] == (1600, 0, 0, -2)
    assert objectives(inst, a)[5] == -2  # one team per job
    for members in a.jobs().values():
        assert len({inst.units[u].role for u in members}) == 1


def test_pace_scales_hours() -> None:
    """At pace 0.5 three 4 h units take 24 h; at pace 0.4 only two fit in 24 h (20 h)."""
    units = [unit("a", 4), unit("b", 4), unit("c", 4)]
    inst, a, _ = solve(units, [profile(pace=0.5, slots=1)])
    assert objectives(inst, a)[0] == 2400
    inst, a, _ = solve(units, [profile(pace=0.4, slots=1)])
    assert objectives(inst, a)[0] == 2000  # 2 x 4 / 0.4


def test_capability() -> None:
    """A unit the profile cannot do never enters its job."""
    units = [unit("a", 6), unit("b", 6), unit("x", 6, access=(False,))]
    _, a, _ = solve(units, [profile()])
    assert 2 not in a.job_of and len(a.jobs()) == 1


def test_hard_to_fill_tie_break() -> None:
    """With room for one 12 h unit, the one from a hard-to-fill role moves."""
    units = [unit("easy", 12), unit("hard", 12, hard=True)]
    inst, a, _ = solve(units, [profile(hours=12, slots=1)])
    assert list(a.job_of) == [1]
    assert objectives(inst, a)[1] == 1200


def test_cobot_takes_hard_to_fill_work() -> None:
    """A candidate unit of a hard-to-fill role that no profile can do goes to a cobot."""
    units = [unit("lift", 10, hard=True, access=(False,), cobot="candidate", cobot_hours=12)]
    inst, a, _ = solve(units, [profile()], max_cobots=1)
    assert a.cobot_of == {0: 0} and objectives(inst, a)[1] == 1000
    assert objectives(inst, a)[7] == -1
    _, a, _ = solve(units, [profile()], max_cobots=0)
    assert a.cobot_of == {}


def test_cobot_capacity_and_count() -> None:
    """Two units of 20 cobot hours need two cobots of 30.6 h; with one cobot only one moves."""
    units = [
        unit(f"c{i}", 10, hard=True, access=(False,), cobot="candidate", cobot_hours=20)
        for i in range(2)
    ]
    _, a, _ = solve(units, [profile()], max_cobots=2)
    assert len(a.cobots()) == 2
    _, a, _ = solve(units, [profile()], max_cobots=1)
    assert len(a.cobot_of) == 1


def test_one_cell_serves_two_workstations_only_for_work_of_one_kind() -> None:
    """An office chair maker's one arm was given the screwing at line station 1 and the
    palletising at the line's end (a reading: 5.1 h rode along, and the arm was chosen for the
    carton). One cell serves work of one kind (two pallet spots side by side), or work at one
    workstation the model names; where a kind is not known, as before. The plan, its greedy
    start and its check keep the same rule."""
    from jobcarve.carving.instance import apart, cell_kinds

    assert cell_kinds(("positioning", "line_fed", "bench_work")) == {"positioning"}
    # work that only lifts or is fed is of one kind, moving loads; no activity, no kind known
    assert cell_kinds(("lifting", "line_fed")) == {"handling"} and cell_kinds(()) == set()
    # work said only to be at a bench, read or counted: no kind known
    assert cell_kinds(("bench_work", "counting")) == set()

    def at(uid: str, station: str | None, *kinds: str) -> PoolUnit:
        u = unit(uid, 10, hard=True, access=(False,), cobot="candidate", cobot_hours=12)
        return dataclasses.replace(u, place="hall", station=station, kinds=cell_kinds(kinds))

    screw = at("screw", "station_1", "positioning", "line_fed")
    pallet = at("pallet", "pallet_spot", "palletising", "lifting", "line_fed")
    pallet2 = at("pallet2", "pallet_spot_2", "palletising", "lifting")
    assert apart(screw, pallet) and apart(pallet, screw)
    assert not apart(pallet, pallet2)
    assert not apart(screw, dataclasses.replace(pallet, station="station_1"))
    assert not apart(screw, dataclasses.replace(pallet, kinds=frozenset()))
    # where the model names no workstation, one arm is not known to reach both
    assert apart(
        dataclasses.replace(screw, station=None), dataclasses.replace(pallet, station=None)
    )
    assert not apart(
        dataclasses.replace(pallet, station=None), dataclasses.replace(pallet2, station=None)
    )
    # one cobot: the palletising pair shares it, the screwing and the palletising do not
    inst, a, _ = solve([screw, pallet], [profile()], max_cobots=1)
    assert len(a.cobot_of) == 1
    inst, a, _ = solve([pallet, pallet2], [profile()], max_cobots=1)
    assert a.cobot_of == {0: 0, 1: 0}
    # two cobots: one cell each
    inst, a, _ = solve([screw, pallet], [profile()], max_cobots=2)
    assert len(a.cobots()) == 2
    both = dataclasses.replace(a, cobot_of={0: 0, 1: 0})
    assert any("two workstations, no kind of work in common" in v for v in violations(inst, both))


def test_fewer_cobots() -> None:
    """A cobot that frees no hard-to-fill hours is not used."""
    units = [unit("c", 10, access=(False,), cobot="candidate", cobot_hours=10)]
    _, a, _ = solve(units, [profile()], max_cobots=2)
    assert a.cobot_of == {}


def test_assist_lowers_job_hours() -> None:
    """An assisted unit costs the person half its hours: 8 + 6 + 4 x 0.5 = 16 h."""
    units = [unit("a", 8), unit("b", 6), unit("s", 4, cobot="assist", cobot_hours=2)]
    inst, a, _ = solve(units, [profile(hours=16, slots=1)], max_cobots=1)
    # without the assist the best job is a + b = 14 h (all three need 18 h > 16 h);
    # with the cobot assisting s, all three fit in exactly 16 h, so more hours are carved
    assert len(a.job_of) == 3 and a.assist_of == {2: 0}
    assert objectives(inst, a)[0] == 1600


def test_of_as_many_jobs_more_profiles_get_one() -> None:
    """Two jobs of 8 h from four 4 h units: the greedy start gives both to the first profile
    (its slots come first); of two plans with the same hours and jobs the plan serves both
    profiles (a review: two school leavers' jobs and none for the woman with autism), even
    where the second profile needs a support for the work (a later stage, which alone would
    keep both jobs with the first)."""
    units = [
        dataclasses.replace(
            unit(f"u{i}", 4, task=f"t{i % 2}", access=(True, True)), supported_gaps=(0, 1)
        )
        for i in range(4)
    ]
    profiles = [profile(hours=8, slots=2, pid="a"), profile(hours=8, slots=2, pid="b")]
    inst = PoolInstance(tuple(units), tuple(profiles), options(min_job_hours=8), {})
    start = greedy(inst)
    assert {p for p, _ in start.jobs()} == {0}  # both jobs for the first profile
    inst, a, _ = solve(units, profiles, min_job_hours=8)
    assert len(a.jobs()) == 2 and {p for p, _ in a.jobs()} == {0, 1}
    assert objectives(inst, a)[3:5] == (-2, 2)


def test_fewer_larger_jobs_for_the_same_hours() -> None:
    """24 h of work makes one 24 h job, not two 12 h jobs: the banenafspraak counts hours,
    and for the same hours fewer, larger jobs come first."""
    units = [unit(f"u{i}", 6) for i in range(4)]
    inst, a, _ = solve(units, [profile(hours=24, slots=2)])
    assert len(a.jobs()) == 1 and objectives(inst, a)[0] == 2400


def test_hours_before_jobs() -> None:
    """Two jobs of 20 h (40 h) beat one job of 24 h: carved hours come first."""
    units = [unit(f"u{i}", 5, task=f"t{i % 4}") for i in range(8)]
    inst, a, _ = solve(units, [profile(hours=24, slots=2)], min_kinds_per_job=3)
    assert objectives(inst, a)[0] == 4000 and len(a.jobs()) == 2


def test_work_balance_caps_what_a_role_gives_up() -> None:
    """A role whose declared uses absorb 10 h gives up at most 10 h: of its three 6 h units
    one moves (6 h); with room for 12 h, two move; with no limit, all three (18 h)."""
    units = [unit(f"r{i}", 6, task=f"t{i}") for i in range(3)]
    for limit, moved in ((10.0, 6.0), (12.0, 12.0), (None, 18.0)):
        limits = {} if limit is None else {"role": limit}
        inst, a, _ = solve(units, [profile(hours=24, slots=1)], limits, min_job_hours=6)
        hours = sum(inst.units[u].base_hours for u in a.job_of)
        assert hours == pytest.approx(moved), (limit, hours)


def test_work_balance_counts_what_a_cobot_takes() -> None:
    """A cobot that takes a unit releases its hours too: with uses of 5 h, the 10 h unit of a
    hard-to-fill role stays with its people even though a cobot could take it."""
    units = [unit("lift", 10, hard=True, access=(False,), cobot="candidate", cobot_hours=12)]
    _, a, _ = solve(units, [profile()], {"role_h": 5.0}, max_cobots=1)
    assert a.cobot_of == {}
    _, a, _ = solve(units, [profile()], {"role_h": 10.0}, max_cobots=1)
    assert a.cobot_of == {0: 0}


def test_a_role_keeps_the_hours_that_tend_the_cobot() -> None:
    """A cobot that takes a unit over releases its hours less the share people keep to tend
    the cell (cobot.tending_share): with 20% kept, the 10 h unit releases 8 h, so uses of
    8 h let the cobot take it (uses of 7.9 h do not), and the objective counts 8 h freed."""
    units = [unit("lift", 10, hard=True, access=(False,), cobot="candidate", cobot_hours=12)]
    inst, a, _ = solve(units, [profile()], {"role_h": 8.0}, max_cobots=1, tending_share=0.2)
    assert a.cobot_of == {0: 0}
    assert released_by(inst, a, 0) == (0.0, pytest.approx(8.0))
    assert released(inst, a) == {"role_h": pytest.approx(8.0)}
    assert objectives(inst, a)[1] == 800
    _, a, _ = solve(units, [profile()], {"role_h": 7.9}, max_cobots=1, tending_share=0.2)
    assert a.cobot_of == {}


def test_kind_share() -> None:
    """Every kind of work is at least 10% of a carved job: a 1 h unit cannot be the third
    kind of a 21 h job (4.8%), so no job of three kinds exists; at 4 h (16%) one does."""
    base = [unit("a", 10, task="a"), unit("b", 10, task="b")]
    _, a, _ = solve(
        [*base, unit("c", 1, task="c")], [profile()], min_kinds_per_job=3, min_kind_share=0.1
    )
    assert a.jobs() == {}
    _, a, _ = solve(
        [*base, unit("c", 4, task="c")], [profile()], min_kinds_per_job=3, min_kind_share=0.1
    )
    assert len(a.jobs()) == 1


def test_cobot_for_ergonomic_risk() -> None:
    """A cobot takes a unit with an ergonomic risk (lifting index > 1) even where it frees no
    hard-to-fill hours, as long as the role's uses absorb the hours; without a risk it does not."""
    risky = [unit("pal", 6, access=(False,), cobot="candidate", cobot_hours=8, risk=True)]
    _, a, _ = solve(risky, [profile()], {"role": 6.0}, max_cobots=1)
    assert a.cobot_of == {0: 0}
    plain = [unit("pal", 6, access=(False,), cobot="candidate", cobot_hours=8)]
    _, a, _ = solve(plain, [profile()], {"role": 6.0}, max_cobots=1)
    assert a.cobot_of == {}


@st.composite
def instances(draw: st.DrawFn) -> PoolInstance:
    n_prof = draw(st.integers(1, 2))
    units = []
    for i in range(draw(st.integers(1, 12))):
        access = tuple(draw(st.booleans()) for _ in range(n_prof))
        cobot = draw(st.sampled_from(["human", "human", "candidate", "assist"]))
        units.append(
            unit(
                f"u{i}",
                draw(st.integers(1, 12)),
                task=f"t{draw(st.integers(0, 5))}",
                hard=draw(st.booleans()),
                physical=draw(st.integers(0, 4)),
                access=access,
                cobot=cobot,
                cobot_hours=draw(st.integers(1, 20)),
            )
        )
    profs = [
        profile(
            hours=draw(st.sampled_from([16, 24, 32])),
            pace=draw(st.sampled_from([0.7, 1.0])),
            slots=draw(st.integers(0, 3)),
            pid=f"p{k}",
        )
        for k in range(n_prof)
    ]
    opts = options(
        min_job_hours=draw(st.sampled_from([8, 12])),
        min_kinds_per_job=draw(st.integers(1, 3)),
        max_job_ergonomic_load=draw(st.sampled_from([2.0, 2.5, 4.0])),
        max_cobots=draw(st.integers(0, 2)),
        time_limit_s=1,
        min_kind_share=draw(st.sampled_from([0.0, 0.1])),
    )
    limits = {
        role: limit
        for role in ("role", "role_h")
        if (limit := draw(st.sampled_from([None, 0.0, 10.0, 30.0]))) is not None
    }
    return PoolInstance(tuple(units), tuple(profs), opts, limits)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_random_instances(inst: PoolInstance) -> None:
    """Every constraint holds and CP-SAT is never worse than the greedy start."""
    start = greedy(inst)
    assert not violations(inst, start)
    best = PoolModel(inst).solve(start).assignment
    assert not violations(inst, best)
    g, c = objectives(inst, start), objectives(inst, best)
    assert c[0] >= g[0] - len(inst.units)  # hundredths rounding per unit


def test_examples_get_plans() -> None:
    """Each example gets carved jobs, with a status and the figures the summary names."""
    for path in EXAMPLES:
        result = plan(read_process(path), time_limit_s=4)
        s = result.summary()
        assert s["extra_workers"] >= 2 and s["status"] in ("optimal", "feasible")
        assert s["extra_fte"] == pytest.approx(
            s["carved_hours_per_week"] / result.hours_per_fte, abs=1e-3
        )
        assert s["banenafspraak_jobs"] == pytest.approx(s["carved_hours_per_week"] / 25.5, abs=1e-3)
        for job in result.carved:
            assert job.hours_per_week >= 12 - 0.2 and len(job.tasks) >= 3


def test_same_seed_same_plan() -> None:
    """The same input and seed give the same plan."""
    process = read_process(EXAMPLES[2])
    one = plan(process, time_limit_s=2, seed=3).to_dict()
    two = plan(process, time_limit_s=2, seed=3).to_dict()
    assert one == two


def test_work_with_many_gaps_closed_by_supports_is_a_trial_not_counted() -> None:
    """Work a profile fits only when supports close more gaps than the plan counts
    (carving.max_counted_supported_gaps) is in no job of that profile and is listed as a
    trial; with the limit raised the same work may be carved again."""
    import dataclasses

    from jobcarve import analyze
    from jobcarve.catalog import load_catalogs

    process = read_process(EXAMPLES[0])  # the assembly line
    analysis = analyze(process)
    cats = load_catalogs()
    assert cats.params is not None
    limit = int(cats.params.carving.max_counted_supported_gaps.value)
    assert limit == 2
    result = plan(process, analysis, time_limit_s=2, evaluate_proposals=False)
    units = {u.id: u for u in analysis.units}
    expected = {
        (p, u.id)
        for u in analysis.units
        for p, f in u.fit.items()
        if f.accessible and f.supported_gaps > limit
    }
    listed = {(p, u) for p, ids in result.trials.items() for u in ids}
    assert listed and listed <= expected  # only work that could still move is listed
    for job in result.carved:
        for uid in job.unit_hours:
            assert units[uid].fit[job.profile].supported_gaps <= limit
    for hours in result.trials.values():
        for uid, h in hours.items():  # no trial is work the plan gave to a job or a cobot
            kept = sum(x.hours_per_week for x in result.unit_holder[uid] if x.kind == "role")
            assert 0 < h <= kept + 1e-6
    assert result.to_dict()["trials"] == result.trials
    param = cats.params.carving.max_counted_supported_gaps.model_copy(update={"value": 3})
    carving = cats.params.carving.model_copy(update={"max_counted_supported_gaps": param})
    params = cats.params.model_copy(update={"carving": carving})
    wider = dataclasses.replace(cats, params=params)
    again = plan(process, analysis, catalogs=wider, time_limit_s=2, evaluate_proposals=False)
    assert not again.trials


def test_a_trial_is_only_work_that_could_still_move() -> None:
    """`_trials` lists what the unit's role keeps, at most the room the plan leaves the role;
    nothing for a role without room left, a profile without places or work all taken, and
    everything the role keeps where displacement is allowed."""
    from jobcarve.carving.balance import RoleBalance
    from jobcarve.carving.plan import Holding, _trials, room_left

    units = (unit("a", 6.0, role="r1"), unit("b", 6.0, role="r2"))
    profiles = (profile(pid="p"), profile(pid="q", slots=0))
    trials = {"p": ("a", "b"), "q": ("a",)}
    holder = {
        "a": (Holding("role", "r1", 6.0, False),),
        "b": (Holding("carved", "p-1", 4.0, False), Holding("role", "r2", 2.0, False)),
    }

    def role(rid: str, released: float) -> RoleBalance:
        return RoleBalance(rid, 2, 38.0, 60.0, {"overtime": 5.0}, released, {}, 0.0)

    balance = (role("r1", 1.0), role("r2", 5.0))
    inst = PoolInstance(units, profiles, options(), {"r1": 5.0, "r2": 5.0}, trials)
    room = room_left(inst, balance)
    assert room == {"r1": 4.0, "r2": 0.0}
    assert _trials(inst, holder, room) == {"p": {"a": 4.0}}  # r2 has no room left
    free = PoolInstance(units, profiles, options(allow_displacement=True), {}, trials)
    everything = room_left(free, balance)
    assert _trials(free, holder, everything) == {"p": {"a": 6.0, "b": 2.0}}


def test_a_profile_without_a_job_is_told_of_its_trial_work() -> None:
    """With no work counted where supports close a gap (the limit at 0), the assembly
    example's profiles get no job; each no-job reason is followed by the trial work beside
    it, at most its roles' room."""
    strict = _counting_gaps(0)
    process = read_process(EXAMPLES[0])
    result = plan(process, catalogs=strict, time_limit_s=2, evaluate_proposals=False)
    assert not result.carved and result.trials
    names = {p.id: p.name for p in process.profiles}
    pace = {p.name: p.pace for p in process.profiles}
    told = [r for r in result.reasons if r.key == "plan.no_job.trials"]
    assert {r.params["profile"] for r in told} == {names[p] for p in result.trials}
    room = {b.role: b.absorbable_hours_per_week for b in result.work_balance}
    for i, r in enumerate(result.reasons):
        if r.key != "plan.no_job.trials":
            continue
        # right after the same profile's own no-job reason
        before = result.reasons[i - 1]
        assert before.key.startswith("plan.no_job.") and before.key != r.key
        assert before.params["profile"] == r.params["profile"]
        pid = next(p for p, n in names.items() if n == r.params["profile"])
        roles = {h.holder for u in result.trials[pid] for h in result.unit_holder[u]}
        listed = sum(result.trials[pid].values()) / pace[r.params["profile"]]
        bound = sum(room.get(x, 0.0) for x in roles) / pace[r.params["profile"]]
        assert 0 < r.params["hours"] <= min(listed, bound) + 1e-6


def _counting_gaps(limit: int):  # type: ignore[no-untyped-def]
    """The catalogues with the plan counting work only where supports close at most
    ``limit`` gaps (`carving.max_counted_supported_gaps`); 0: only work that fits as it is."""
    import dataclasses

    from jobcarve.catalog import load_catalogs

    cats = load_catalogs()
    assert cats.params is not None
    param = cats.params.carving.max_counted_supported_gaps.model_copy(update={"value": limit})
    carving = cats.params.carving.model_copy(update={"max_counted_supported_gaps": param})
    return dataclasses.replace(cats, params=cats.params.model_copy(update={"carving": carving}))


def test_the_line_leaves_work_to_try_out_first_to_the_line_workers() -> None:
    """The assembly line staffs target-group stations only with work the plan counts: no
    station of a profile holds a unit that fits it only with more gaps closed by supports
    than carving.max_counted_supported_gaps (the assembly example has such a unit)."""
    from jobcarve import analyze
    from jobcarve.carving import line_plan

    process = read_process(EXAMPLES[0])
    analysis = analyze(process)
    fits = {u.id: u.fit for u in analysis.units}
    assert any(f.supported_gaps > 2 for fit in fits.values() for f in fit.values() if f.accessible)
    line = line_plan(process, analysis, time_limit_s=3)
    profiles = {p.id for p in process.profiles}
    staffed = [s for s in line.stations if s.worker.split("#")[0] in profiles]
    assert staffed
    for station in staffed:
        profile = station.worker.split("#")[0]
        for uid in station.tasks:
            assert fits[uid][profile].supported_gaps <= 2


def test_a_plan_without_its_cobots_keeps_the_options_it_ran_with() -> None:
    """When the cobots add nothing and the plan without them is returned, its options are
    the plan's own (the report's assumptions once said "at most 0 cobots"). The cosmetics
    filler's cell takes over the bottle packing (2.7 h freed) and assists the palletising:
    the hours the plan frees with it come mostly from the assist, which is no reason."""
    from pathlib import Path

    from jobcarve.catalog import load_catalogs

    process = read_process(Path(__file__).parent / "cases" / "cosmetics_filling.yaml")
    result = plan(process, time_limit_s=2, evaluate_proposals=False)
    assert result.cobot_options and not result.cobots  # its cobot adds nothing here
    # the options are numbered apart from a plan's cobots, once each (analysis.json)
    ids = [c.id for c in result.cobot_options]
    assert len(set(ids)) == len(ids) and all(i.startswith("option-") for i in ids)
    default = load_catalogs().params.carving.max_cobots.value  # type: ignore[union-attr]
    assert result.options["max_cobots"] == default == 2


def test_a_unit_larger_than_its_roles_room_stays_with_the_role() -> None:
    """A unit goes into a new job only when its role could give it up whole
    (carving.max_unit_room_ratio, 1): case 25's motor fitting (15 h) fits the aphasia
    profile, but the motor technicians may give up only their 4 h of backlog. It stays with
    them, is named in `larger_than_room` (analysis.json too), and with the ratio raised the
    plan may carve a share of it again, within the same 4 h."""
    import dataclasses

    from jobcarve import analyze
    from jobcarve.catalog import load_catalogs
    from tests.conftest import ROOT

    process = read_process(ROOT / "tests" / "cases" / "sunshade_maker.yaml")
    analysis = analyze(process)
    unit = next(u for u in analysis.units if u.id == "insert_motor")
    assert unit.fit["aphasia_installer"].accessible
    result = plan(process, analysis, time_limit_s=2, evaluate_proposals=False)
    room = {b.role: b.absorbable_hours_per_week for b in result.work_balance}
    assert room[unit.role] == pytest.approx(4.0)
    assert room[unit.role] < unit.hours_per_week
    assert "insert_motor" in result.larger_than_room
    assert result.to_dict()["larger_than_room"] == list(result.larger_than_room)
    assert [h.kind for h in result.unit_holder["insert_motor"]] == ["role"]
    units = {u.id: u for u in analysis.units}
    for uid in result.larger_than_room:  # each one is larger than its role's room
        assert units[uid].hours_per_week > room[units[uid].role]
    for job in result.carved:
        assert not set(job.units) & set(result.larger_than_room)
    cats = load_catalogs()
    assert cats.params is not None
    assert cats.params.carving.max_unit_room_ratio.value == 1.0
    param = cats.params.carving.max_unit_room_ratio.model_copy(update={"value": 10.0})
    carving = cats.params.carving.model_copy(update={"max_unit_room_ratio": param})
    wider = dataclasses.replace(cats, params=cats.params.model_copy(update={"carving": carving}))
    again = plan(process, analysis, catalogs=wider, time_limit_s=2, evaluate_proposals=False)
    assert not again.larger_than_room

    # the plan may carve a share of it (it did before hand-over time counted only new
    # hand-overs; now other work fills the profile first), within the same 4 h
    def open_to_a_job(result: Plan) -> bool:
        assert result.instance is not None
        return any(any(u.access) for u in result.instance.units if u.unit == "insert_motor")

    assert open_to_a_job(again) and not open_to_a_job(result)
    moved = sum(h.hours_per_week for h in again.unit_holder["insert_motor"] if h.kind != "role")
    assert moved <= 4.0 + 1e-6  # whatever share it carves stays within the role's room


def test_the_room_rule_compares_todays_hours_and_leaves_roles_without_room_alone() -> None:
    """The rule compares a unit's hours today, without the hand-over time of a split task:
    case 2's visual check (about 33 h with hand-over time, under 31 h today) fits within the
    operators' 32 h of room and is carved in part. With displacement allowed the rule does
    not apply (case 25's motor fitting is then not held back)."""
    from jobcarve import analyze
    from tests.conftest import ROOT

    process = read_process(ROOT / "tests" / "cases" / "injection_moulding.yaml")
    analysis = analyze(process)
    result = plan(process, analysis, time_limit_s=2, evaluate_proposals=False)
    unit = next(u for u in analysis.units if u.id == "visual_check_sample")
    room = {b.role: b.absorbable_hours_per_week for b in result.work_balance}
    today = sum(h.hours_per_week for h in result.unit_holder[unit.id])
    assert today <= room[unit.role] < unit.hours_per_week
    assert unit.id not in result.larger_than_room
    assert any(h.kind == "carved" for h in result.unit_holder[unit.id])
    for uid in result.larger_than_room:
        held = sum(h.hours_per_week for h in result.unit_holder[uid])
        role = next(u.role for u in analysis.units if u.id == uid)
        assert held > room[role] > 0
    sunshade = read_process(ROOT / "tests" / "cases" / "sunshade_maker.yaml")
    free = plan(sunshade, time_limit_s=2, evaluate_proposals=False, allow_displacement=True)
    assert not free.larger_than_room


def test_the_room_rule_is_applied_again_at_each_drawn_hours() -> None:
    """The Monte Carlo re-plan applies the room rule to the drawn hours: case 29's unpacking
    of empties (about 19.3 h today against the empties role's 20 h of room) is carved in part;
    10% more work makes it larger than the room, and the re-plan then carves none of it."""
    from jobcarve.carving.replan import replan
    from tests.conftest import ROOT

    result = plan(
        read_process(ROOT / "tests" / "cases" / "brewery_bottling.yaml"),
        time_limit_s=2,
        evaluate_proposals=False,
    )
    uid = "sort_empties.unpack_sort"
    assert any(h.kind == "carved" for h in result.unit_holder[uid])
    assert uid not in result.larger_than_room

    def carved(factor: dict[str, float]) -> list[str]:
        drawn = replan(result, factor)
        assert not violations(drawn.instance, drawn.assignment)
        units = drawn.instance.units
        return [units[u].unit for u in drawn.assignment.job_of if units[u].unit == uid]

    assert carved({"sort_empties": 1.0})
    assert not carved({"sort_empties": 1.1})


def test_the_room_ratio_must_be_above_zero() -> None:
    """carving.max_unit_room_ratio at 0 (or NaN) would hold back every unit of a role with room
    while the report says each is larger than the room: the data file is refused."""
    from pydantic import ValidationError

    from jobcarve.catalog import AssessmentParams, load_catalogs

    params = load_catalogs().params
    assert params is not None
    for bad in (0.0, -1.0, float("nan")):
        data = params.model_dump()
        data["carving"]["max_unit_room_ratio"]["value"] = bad
        with pytest.raises(ValidationError, match="max_unit_room_ratio"):
            AssessmentParams.model_validate(data)


def test_a_profile_without_a_job_is_told_of_work_larger_than_its_roles_room() -> None:
    """Case 12 has no job: the deaf profile's third kind of work would be plate making (14 h
    against prepress's 6 h of room). After its no-job reason it is told how much fitting work
    stayed with the roles for that reason, and the reason names no unit that is not held back."""
    from jobcarve import analyze
    from tests.conftest import ROOT

    process = read_process(ROOT / "tests" / "cases" / "print_finishing.yaml")
    analysis = analyze(process)
    result = plan(process, analysis, time_limit_s=2, evaluate_proposals=False)
    assert not result.carved and "make_plates" in result.larger_than_room
    names = {p.id: p.name for p in process.profiles}
    told = {r.params["profile"]: r for r in result.reasons if r.key == "plan.no_job.larger"}
    deaf = told[names["deaf_ngt"]]
    held = {
        u.id: sum(h.hours_per_week for h in result.unit_holder[u.id])
        for u in analysis.units
        if u.id in result.larger_than_room and u.fit["deaf_ngt"].accessible
    }
    assert deaf.params["count"] == len(held) >= 1
    assert deaf.params["hours"] == pytest.approx(sum(held.values()), abs=0.01)
    index = result.reasons.index(deaf)
    before = result.reasons[index - 1]
    assert before.key == "plan.no_job.room" and before.params["profile"] == names["deaf_ngt"]
    assert "make_plates" in held


def test_a_job_holds_one_shifts_share_of_work_done_in_every_shift() -> None:
    """Three parts of a round done in each of three shifts (`per_holder` 1): a job holds one
    of them, and the night part (closed to profile a, which works no nights) only a job of
    profile b; the greedy start and the checker keep the same rule."""
    import dataclasses

    def part(i: int, access: tuple[bool, ...]) -> PoolUnit:
        return dataclasses.replace(
            unit(f"round#{i}", 4, task="round", access=access), unit="round", per_holder=1
        )

    units = [part(1, (True, True)), part(2, (True, True)), part(3, (False, True))]
    units += [unit("pack", 12, access=(True, True)), unit("fold", 12, access=(True, True))]
    inst, a, _ = solve(units, [profile(pid="a"), profile(pid="b")], min_job_hours=4)
    for (p, _j), members in a.jobs().items():
        rounds = [u for u in members if inst.units[u].unit == "round"]
        assert len(rounds) <= 1
        if p == 0:
            assert 2 not in rounds
    assert sum(1 for u in a.job_of if inst.units[u].unit == "round") == 3  # all three carved
    two = Assignment({0: (0, 0), 1: (0, 0), 3: (0, 0)})
    assert any("over one shift's or its days' share" in v for v in violations(inst, two))


def test_work_done_in_every_shift_goes_to_a_night_free_profile_by_day_share() -> None:
    """Pet food (case 56): the sample round (12 h a week, a sample every 30 minutes in all
    three shifts) went whole to the profile that may not work nights (the review's finding 1).
    Marked `shift: every`, a job holds one shift's share (4 h), that profile none of the
    night's, and its fit says so. Marked as work done only at night (`shift: night`), the wet
    cleaning would not be for that profile at all."""
    from jobcarve import analyze
    from tests.conftest import ROOT

    marked = read_process(ROOT / "tests" / "cases" / "pet_food.yaml")
    data = marked.model_dump(exclude_none=True)
    for task in data["tasks"]:
        for sub in task.get("subtasks", []):
            sub.pop("shift", None)  # the model as its writer had it: no shift marked
    base = type(marked).model_validate(data)
    before = plan(base, time_limit_s=2, evaluate_proposals=False)
    held = {h.holder: h.hours_per_week for h in before.unit_holder["kibble_sample_round"]}
    assert max(held.values()) > 4.0 + 1e-6  # before: more than one shift's share in one job

    data = base.model_dump(exclude_none=True)
    for task in data["tasks"]:
        for sub in task.get("subtasks", []):
            if sub["id"] == "kibble_sample_round":
                sub["shift"] = "every"
            if sub["id"] == "foam_rinse":
                sub["shift"] = "night"
    process = type(base).model_validate(data)
    analysis = analyze(process)
    unit = next(u for u in analysis.units if u.id == "kibble_sample_round")
    assert unit.shift == "every" and unit.to_dict()["shift"] == "every"
    notes = [r.key for r in unit.fit["schizo_stable"].reasons]
    assert "fit.restriction_night_share" in notes
    assert "fit.restriction_schedule" not in notes
    after = plan(process, analysis, time_limit_s=2, evaluate_proposals=False)
    share = unit.hours_per_week / 3
    jobs = {j.id: j for j in after.carved}
    for holder in after.unit_holder["kibble_sample_round"]:
        if holder.kind == "role":
            continue
        assert holder.hours_per_week <= share + 1e-6
    night_free = [j for j in after.carved if j.profile == "schizo_stable"]
    assert sum(j.unit_hours.get("kibble_sample_round", 0.0) for j in night_free) <= (
        2 * share / 0.9 + 1e-6
    )
    assert jobs  # the plan still carves jobs
    rinse = next(u for u in analysis.units if u.id == "foam_rinse")
    assert not rinse.fit["schizo_stable"].accessible
    assert any(r.params.get("flag") == "flag.night" for r in rinse.fit["schizo_stable"].reasons)
    assert any(f.accessible for p, f in rinse.fit.items() if p != "schizo_stable")
    assert all("foam_rinse" not in j.units for j in night_free)
    # new jobs hold no night work at all (carving.night_work_in_new_jobs 0): the other
    # profiles' fit notes it, and the night cleaning stays with today's crew
    other = next(f for p, f in rinse.fit.items() if p != "schizo_stable" and f.accessible)
    assert "fit.night_not_in_new_jobs" in [r.key for r in other.reasons]
    assert [h.kind for h in after.unit_holder["foam_rinse"]] == ["role"]

    # one shift of three: the flag means nothing in a one-shift process
    single = process.model_copy(
        update={"planning": process.planning.model_copy(update={"shifts": 1})}
    )
    assert next(u for u in analyze(single).units if u.id == "kibble_sample_round").shift == "any"


def test_work_to_try_out_first_keeps_the_shift_rules() -> None:
    """Pet food: line supply at the FFS lines (12 h a week) is work the LVB profile could try
    out first. Done in every shift, a trial could move one shift's share (4 h) at most; done
    only at night, it is no trial at all, as no new job holds night work (a review found
    "up to 15 h" and "up to 11.6 h" listed)."""
    from tests.conftest import ROOT

    base = read_process(ROOT / "tests" / "cases" / "pet_food.yaml")

    def marked(word: str) -> Plan:
        data = base.model_dump(exclude_none=True)
        for task in data["tasks"]:
            for sub in task.get("subtasks", []):
                if sub["id"] == "supply_ffs":
                    sub["shift"] = word
        return plan(type(base).model_validate(data), time_limit_s=2, evaluate_proposals=False)

    every = marked("every")
    assert 0 < every.trials["lvb_animals"]["supply_ffs"] <= 12 / 3 + 1e-6
    night = marked("night")
    assert all("supply_ffs" not in t for t in night.trials.values())
    assert [h.kind for h in night.unit_holder["supply_ffs"]] == ["role"]


def test_heavy_work_profiles_and_their_limit_in_the_plan() -> None:
    """A profile with capacity 3 on lifting, pushing, repetitive work and posture is able to
    do heavy work (carving.heavy_work_capacity); 2 on posture, or a lifting limit, is not.
    Its jobs may carry max_job_ergonomic_load + carving.heavy_work_load_margin: 24 h of
    racking at demand 3 and 8 h of plugging at 1 weigh (72 + 8) / 32 = 2.5, and 32 h of
    racking with the plugging (104 / 40 = 2.6) only for it."""
    from jobcarve.carving.plan import heavy_work_profiles
    from jobcarve.catalog import load_catalogs
    from jobcarve.model import Restriction
    from tests.conftest import one_role_model

    cats = load_catalogs()
    carving = cats.params.carving  # type: ignore[union-attr]
    tasks = """
        - {id: rack, name: Rack, role: op, hours_per_week: 32, activities: [lifting],
           demands: {lifting: 3, posture_mobility: 3}}
        - {id: plug, name: Plug, role: op, hours_per_week: 8, demands: {lifting: 1}}
        """
    strong = one_role_model(tasks, capacity=3)
    assert heavy_work_profiles(strong, cats) == {"p"}
    assert not heavy_work_profiles(one_role_model(tasks, capacity=3, posture_mobility=2), cats)
    limited = strong.model_copy(
        update={
            "profiles": [
                strong.profiles[0].model_copy(
                    update={"restrictions": [Restriction(kind="max_lift_kg", value=10)]}
                )
            ]
        }
    )
    assert not heavy_work_profiles(limited, cats)
    strong = strong.model_copy(
        update={
            "profiles": [strong.profiles[0].model_copy(update={"hours_per_week_available": 40})]
        }
    )
    result = plan(strong, allow_displacement=True, min_kinds_per_job=2, time_limit_s=5)
    limit = carving.max_job_ergonomic_load.value + carving.heavy_work_load_margin.value
    assert result.options["job_load_limits"] == {"p": pytest.approx(limit)}
    assert result.load_limit("p") == pytest.approx(limit)
    assert result.load_limit(None) == carving.max_job_ergonomic_load.value
    (job,) = result.carved
    hours = job.unit_hours
    load = (3 * hours["rack"] + hours["plug"]) / (hours["rack"] + hours["plug"])
    assert carving.max_job_ergonomic_load.value < load <= limit + 1e-6
    assert job.physical_load == pytest.approx(load)
    # the model's option switches the margin off: every job at the one limit
    one_limit = strong.model_copy(
        update={"options": strong.options.model_copy(update={"heavy_work_load_margin": 0.0})}
    )
    result = plan(one_limit, allow_displacement=True, min_kinds_per_job=2, time_limit_s=5)
    assert result.options["heavy_work_load_margin"] == 0.0
    assert not result.options["job_load_limits"]
    assert result.load_limit("p") == carving.max_job_ergonomic_load.value
    assert all(
        j.physical_load is not None
        and j.physical_load <= carving.max_job_ergonomic_load.value + 1e-6
        for j in result.carved
    )
    # and a call's option wins over the model's: a wider margin
    result = plan(
        one_limit,
        allow_displacement=True,
        min_kinds_per_job=2,
        time_limit_s=5,
        heavy_work_load_margin=0.5,
    )
    assert result.load_limit("p") == pytest.approx(carving.max_job_ergonomic_load.value + 0.5)
    # the margin stops at the top of the scale
    top = plan(
        strong,
        allow_displacement=True,
        min_kinds_per_job=2,
        time_limit_s=1,
        max_job_ergonomic_load=3.9,
        evaluate_proposals=False,
    )
    assert top.load_limit("p") == 4.0


def test_day_shift_only_keeps_a_profiles_jobs_to_the_day_shifts_share() -> None:
    """Two shifts, a round done in every shift (40 h: 20 h a shift). Jobs of a profile who
    works days only (`day_shift_only`) together hold at most the day shift's 20 h; without
    the restriction two such jobs take both shifts' shares (a report review: the optical
    lab's wheelchair user, who works days only, was left to work the late shift, which the
    format could not state for two shifts)."""
    from jobcarve import analyze, parse_process
    from jobcarve.model import DIMENSIONS

    text = """\
format: 1
company: {name: T, sector: s}
process: {name: P}
planning: {units_per_week: 100, shifts: 2}
options: {min_kinds_per_job: 1, min_job_hours: 8}
roles:
  - {id: op, name: Op, headcount: 4, education: MBO 2, vacancies: 2}
tasks:
  - {id: round, name: Round, role: op, hours_per_week: 40, shift: every, demands: {pace: 1}}
profiles:
  - id: d
    name: D
    capacities: {physical_lifting: 2}
    hours_per_week_available: 20
    max_workers: 3
RESTRICTIONS
"""

    def model(restrictions: str) -> ProcessModel:
        caps = ", ".join(f"{d}: 2" for d in DIMENSIONS)
        body = text.replace("{physical_lifting: 2}", "{" + caps + "}")
        return parse_process(body.replace("RESTRICTIONS\n", restrictions), "m.yaml")

    free = plan(model(""), time_limit_s=2, evaluate_proposals=False)
    assert len(free.carved) >= 2
    assert free.carved_standard_hours("round") > 20 + 1
    days = model("    restrictions: [{kind: day_shift_only}]\n")
    only = plan(days, time_limit_s=2, evaluate_proposals=False)
    assert only.carved, "the day shift's share still makes a job"
    assert only.carved_standard_hours("round") <= 20 + 1e-6
    # the fit says so, with the shifts
    (unit,) = analyze(days).units
    assert "fit.restriction_day_share" in [r.key for r in unit.fit["d"].reasons]
    # one shift: nothing to restrict
    single = days.model_copy(update={"planning": days.planning.model_copy(update={"shifts": 1})})
    (unit,) = analyze(single).units
    assert "fit.restriction_day_share" not in [r.key for r in unit.fit["d"].reasons]


def test_a_dropped_cobot_frees_its_slot_for_another_candidate() -> None:
    """The liquorice factory (at most 2 cobots): the best plan uses a cobot to assist at the
    crate washer (4 h, no reason of its own: it is dropped) and one at the destarcher feed.
    Planned again, only the dropped cell's work is closed to cobots, so the palletising of
    10 kg cartons (LI 2.4, 16.7 h) gets the freed slot (a report review: the re-plan
    allowed only the kept cells' work, and the obvious candidate stayed with the packers)."""
    from pathlib import Path

    process = read_process(Path(__file__).parent / "cases" / "liquorice_factory.yaml")
    result = plan(process, time_limit_s=5, evaluate_proposals=False)
    cells = {u: c.why for c in result.cobots for u in (*c.units, *c.assists)}
    # it removes the lifting risk (and frees the packers' agency hours besides)
    assert "ergonomics" in cells.get("palletise_cartons", ())
    assert "load_crate_washer" not in cells
    assert any("load_crate_washer" in c.assists for c in result.cobot_options)


def test_work_bound_to_the_day_shift_makes_a_day_job() -> None:
    """Two shifts, a round done in every shift (40 h: 20 h a shift) and lab samples in a
    fixed morning block (10 h, `shift: day`). Profile d works days only (20 h): the day
    share of the round is hers. Profile e (30 h) could take the samples and the late
    shift's 20 h of the round, 50 h carved in all; but nobody works the morning block and
    the late shift, so with the samples bound to the day, 40 h (a report review: the
    dispensary's day work and the morning lab block in the job that held the late shift's
    bag tipping). Worked by hand: d 20 h; e either the samples (10 h) or 20 h of the
    round, or d the samples and 10 h of the day share and e 20 h of the round."""
    from jobcarve import parse_process
    from jobcarve.carving.assignment import day_and_later, violations
    from jobcarve.model import DIMENSIONS

    caps = ", ".join(f"{d}: 2" for d in DIMENSIONS)
    text = f"""\
format: 1
company: {{name: T, sector: s}}
process: {{name: P}}
planning: {{units_per_week: 100, shifts: 2}}
options: {{min_kinds_per_job: 1, min_job_hours: 8}}
roles:
  - {{id: op, name: Op, headcount: 4, education: MBO 2, vacancies: 2}}
tasks:
  - {{id: round, name: Round, role: op, hours_per_week: 40, shift: every, demands: {{pace: 1}}}}
  - {{id: samples, name: Samples, role: op, hours_per_week: 10, SHIFT demands: {{pace: 1}}}}
  - {{id: clean, name: Clean, role: op, hours_per_week: 5, shift: night, demands: {{pace: 1}}}}
profiles:
  - {{id: d, name: D, capacities: {{{caps}}}, hours_per_week_available: 20, max_workers: 1,
     restrictions: [{{kind: day_shift_only}}]}}
  - {{id: e, name: E, capacities: {{{caps}}}, hours_per_week_available: 30, max_workers: 1}}
"""
    anytime = plan(parse_process(text.replace("SHIFT ", ""), "m.yaml"), time_limit_s=2)
    assert sum(j.hours_per_week for j in anytime.carved) == pytest.approx(50)
    bound = plan(parse_process(text.replace("SHIFT ", "shift: day, "), "m.yaml"), time_limit_s=2)
    assert sum(j.hours_per_week for j in bound.carved) == pytest.approx(40)
    inst, assignment = bound.instance, bound.assignment
    assert inst is not None and assignment is not None
    assert not any(day_and_later(inst, members) for members in assignment.jobs().values())
    # the check itself: the samples and a late part of the round in one job
    samples = next(u for u, unit in enumerate(inst.units) if unit.unit == "samples")
    late = next(u for u, unit in enumerate(inst.units) if unit.shift_part == 1)
    assert day_and_later(inst, [samples, late]) and not day_and_later(inst, [samples])
    # work done only at night is a later shift's too (a diff review: with night work open
    # to new jobs, one job held the morning samples and the night cleaning)
    night = next(u for u, unit in enumerate(inst.units) if unit.unit == "clean")
    assert inst.units[night].shift_part == 1 and day_and_later(inst, [samples, night])
    trial = dataclasses.replace(assignment, job_of={samples: (1, 0), late: (1, 0)})
    assert any("day-shift work and a later shift" in v for v in violations(inst, trial))


def test_a_jobs_learning_route_reads_a_subtasks_own_standard_task() -> None:
    """The assembly example's hand-made subtask board_solder has its own standard task
    (solder_tht) under a task of another (assemble_subassembly): a job that holds it
    practises soldering, and its learning route says so (a diff review: only the parent's
    standard task was read)."""
    from tests.conftest import ROOT

    process = read_process(ROOT / "examples" / "assembly_line.yaml")
    result = plan(process, time_limit_s=2, evaluate_proposals=False)
    holding = [j for j in result.carved if "board_solder" in j.unit_hours]
    assert holding, "a job holds the soldering"
    for job in holding:
        assert job.quality is not None
        assert "solder_tht" in job.quality.learning_templates
    for job in result.carved:
        assert job.quality is not None
        if not any(u.startswith("board_") for u in job.unit_hours):
            assert "solder_tht" not in job.quality.learning_templates


def test_tending_is_no_trial_work() -> None:
    """Tending a cobot that took a unit over is no work a profile could try out
    (`Plan.trials`): only the role's own holding of a unit counts."""
    from jobcarve.carving.plan import Holding, _trials

    holders = {
        "pal": (Holding("cobot", "cobot-1", 8.0, False), Holding("role", "op", 2.0, False, True)),
        "wrap": (Holding("role", "op", 5.0, False),),
    }
    units = [unit("pal", 10, role="op"), unit("wrap", 5, role="op")]
    inst = dataclasses.replace(
        PoolInstance(tuple(units), (profile(pid="p"),), options(), {}),
        trials={"p": ("pal", "wrap")},
    )
    assert _trials(inst, holders, {"op": 20.0}) == {"p": {"wrap": 5.0}}


def test_each_cell_counts_only_its_own_part_of_the_risk() -> None:
    """A risky unit shared by two cells (its volume split in parts): each cell's risk hours
    are its own parts, whole with the hours kept to tend them (a review found 8 of 10 risky
    hours counted, under the 8 h a cobot is advised for), so a cell with 3 h of a 22 h unit
    is not advised for ergonomics because the other cell takes the rest (a review); a risky
    unit a cell assists counts at the cobot's share (the person still does half)."""
    from types import SimpleNamespace

    from jobcarve.carving.plan import _risk_hours_by_cobot

    parts = [
        dataclasses.replace(unit(f"pal#{i}", h, role="op", risk=True), unit="pal")
        for i, h in enumerate((10.0, 9.0, 3.0))
    ]
    helped = unit("lift", 10, role="op", risk=True, cobot="assist")
    inst = PoolInstance((*parts, unit("wrap", 5, role="op"), helped), (profile(),), options(), {})
    a = Assignment(cobot_of={0: 0, 1: 0, 2: 1, 3: 1}, assist_of={4: 1})
    plan = SimpleNamespace(instance=inst, assignment=a)
    assert _risk_hours_by_cobot(plan) == {"cobot-1": 19.0, "cobot-2": 8.0}  # type: ignore[arg-type]


def test_a_part_of_a_standard_task_is_no_learning_route() -> None:
    """The CNC example: a job that fetches the tools for the set-ups (a catalogue split's
    part of "set up a CNC machine") or checks with a go/no-go gauge (a part of measuring)
    does not practise the set-up or the measuring work process, so those standard tasks are
    not its learning route (a review); a whole standard task it holds is. The sheet metal
    case: a job that holds every part of unloading the laser (three hand-made subtasks)
    practises the whole, and names it (a diff review)."""
    from tests.conftest import ROOT

    process = read_process(ROOT / "examples" / "cnc_job_shop.yaml")
    result = plan(process, time_limit_s=2, evaluate_proposals=False)
    own = {t.id: t.template for t in process.tasks}
    assert any("." in u for j in result.carved for u in j.unit_hours), "a job holds a part"
    for job in result.carved:
        assert job.quality is not None
        assert set(job.quality.learning_templates) == {own[u] for u in job.unit_hours if own.get(u)}
        assert "cnc_setup" not in job.quality.learning_templates
        assert "measure_caliper" not in job.quality.learning_templates

    sheet = read_process(ROOT / "tests" / "cases" / "sheet_metal_welding.yaml")
    result = plan(sheet, time_limit_s=2, evaluate_proposals=False)
    parts = {s.id for t in sheet.tasks if t.id == "laser_unload_sort" for s in t.subtasks}
    assert len(parts) == 3
    for job in result.carved:
        assert job.quality is not None
        whole = parts <= set(job.unit_hours)
        assert ("laser_unload_sort" in job.quality.learning_templates) == whole, job.id


def _washed_on_fridays() -> ProcessModel:
    """Case 89 with its wash line, screen plates, litter and scrap done on one day a week."""
    once = {"clean_wash_line", "clean_screen_plates", "pick_litter", "sort_scrap"}
    process = read_process(ROOT / "tests" / "cases" / "plastic_recycling.yaml")

    def weekly(t):  # type: ignore[no-untyped-def]
        subs = [weekly(s) for s in t.subtasks]
        update = {"subtasks": subs, **({"days_per_week": 1} if t.id in once else {})}
        return t.model_copy(update=update)

    return process.model_copy(update={"tasks": [weekly(t) for t in process.tasks]})


def test_work_done_on_fewer_days_fits_in_the_workers_own_day() -> None:
    """Where the model gives a profile's week (`max_hours_per_day`, or `days_per_week`),
    its day of work done on fewer days is that day, not a fifth of a full-time week: five
    mornings of 5 h hold at most 5 h of the Friday wash, in the worker's own hours (a diff
    review: the plan's day assumed five days of 7.6 h while the card kept to the worker's)."""
    from jobcarve import analyze
    from jobcarve.carving.instance import build_instance, resolve_options
    from jobcarve.catalog import load_catalogs

    friday = _washed_on_fridays()
    mornings = [
        p.model_copy(update={"max_hours_per_day": 5.0, "hours_per_week_available": 25.0})
        for p in friday.profiles
    ]
    four_days = friday.profiles[0].model_copy(update={"days_per_week": 4})
    assert four_days.own_day == friday.profiles[0].hours_per_week_available / 4
    assert friday.profiles[0].own_day is None
    short = friday.model_copy(update={"profiles": mornings})
    analysis = analyze(short)
    cats = load_catalogs()
    assert cats.params is not None
    inst = build_instance(analysis, short, resolve_options(short, cats.params))
    for i, p in enumerate(mornings):
        assert inst.day_limit(i) == pytest.approx(5.0 * p.pace)
    bound = {u.id for u in analysis.units if u.days_per_week == 1}
    result = plan(short, analysis, time_limit_s=2, evaluate_proposals=False)
    held = [sum(job.unit_hours.get(u, 0.0) for u in bound) for job in result.carved]
    assert any(h > 0 for h in held)
    assert max(held) <= 5.0 + 0.05
    # a profile of four days: its day is its hours over four, and its daily work is shared
    # over those four days, so that day holds a quarter of it (the diff review: a fifth was
    # counted while the card spread it over four: a Friday of 6.4 h in a day of 6)
    from jobcarve.carving.assignment import day_work

    fours = [p.model_copy(update={"days_per_week": 4}) for p in friday.profiles]
    four = friday.model_copy(update={"profiles": fours})
    inst = build_instance(analysis := analyze(four), four, resolve_options(four, cats.params))
    units = inst.units
    for i, p in enumerate(fours):
        assert inst.profiles[i].days == 4
        assert inst.day_limit(i) == pytest.approx(p.hours_per_week_available / 4 * p.pace)
        daily = next(k for k, u in enumerate(units) if u.daily and u.access[i])
        once = next(k for k, u in enumerate(units) if u.per_day and u.access[i])
        expected = units[once].per_day + units[daily].hours / 4
        assert day_work(inst, [once, daily], i) == pytest.approx(expected)
    result = plan(four, analysis, time_limit_s=2, evaluate_proposals=False)
    assert result.instance is not None and result.assignment is not None
    checked = 0
    for (i, _j), members in result.assignment.jobs().items():
        if any(result.instance.units[k].per_day for k in members):
            # the four-day worker's day, with a quarter of the job's daily work
            limit = result.instance.day_limit(i)
            assert day_work(result.instance, members, i) <= limit + 0.01 * len(members)
            checked += 1
    assert checked


def test_a_job_of_four_days_holds_four_fifths_of_daily_work() -> None:
    """Daily work (a time per product, or done in every shift) in a job of a profile that
    works four days: the job holds at most four fifths of it, and the fifth day's share stays
    with the role or goes to another holder (two adviser readings: a four-day job held all of
    the daily reel changes, and nobody had them on the fifth day, while the balance counted
    them freed). A profile of five days may still hold all of it."""
    from jobcarve import analyze

    friday = _washed_on_fridays()
    fours = [p.model_copy(update={"days_per_week": 4}) for p in friday.profiles]
    four = friday.model_copy(update={"profiles": fours})
    analysis = analyze(four)
    result = plan(four, analysis, time_limit_s=2, evaluate_proposals=False)
    inst, a = result.instance, result.assignment
    assert inst is not None and a is not None
    daily = {u.unit for u in inst.units if u.daily}
    assert daily and all(u.day_parts % 5 == 0 for u in inst.units if u.daily)
    total = {unit: sum(u.base_hours for u in inst.units if u.unit == unit) for unit in daily}
    held_daily = 0
    for (i, _j), members in a.jobs().items():
        for unit in daily:
            parts = [k for k in members if inst.units[k].unit == unit]
            assert len(parts) <= inst.part_cap(parts[0], i) if parts else True
            hours = sum(inst.units[k].base_hours for k in parts)
            assert hours <= 0.8 * total[unit] + 1e-6
            held_daily += bool(parts)
    assert held_daily
    # and the jobs of four days together: they all work Monday to Thursday, so Friday's
    # share of daily work stays with the role (a reading of the hose maker: two four-day
    # jobs held all of the foam cleaning); that share is closed to them in the instance
    shared = 0
    for unit in daily:
        together = sum(
            inst.units[k].base_hours
            for members in a.jobs().values()
            for k in members
            if inst.units[k].unit == unit
        )
        assert together <= 0.8 * total[unit] + 1e-6, unit
        parts = [u for u in inst.units if u.unit == unit]
        if not parts[0].day_parts:
            continue  # no profile of fewer days may do it: not shared by the day
        # in each shift's share, the last fifth (Friday's) is open to nobody here
        day = parts[0].day_parts
        fridays = [u for i, u in enumerate(parts) if i % day >= day * 4 // 5]
        others = [u for i, u in enumerate(parts) if i % day < day * 4 // 5]
        assert len(fridays) * 5 == len(parts)
        assert not any(any(u.access) for u in fridays)
        assert any(any(u.access) for u in others)
        shared += 1
    assert shared
    # a profile of three days beside one of four: each holds only its own days' parts, so a
    # fitting four-day profile does not open Thursday to the three-day one (a diff review)
    days = [3 if k == 0 else 4 for k in range(len(friday.profiles))]
    mixed = friday.model_copy(
        update={
            "profiles": [
                p.model_copy(update={"days_per_week": d})
                for p, d in zip(friday.profiles, days, strict=True)
            ]
        }
    )
    mixed_inst = plan(mixed, analyze(mixed), time_limit_s=2, evaluate_proposals=False).instance
    assert mixed_inst is not None and len(set(days)) == 2
    opened = 0
    for unit in {u.unit for u in mixed_inst.units if u.day_parts}:
        parts = [u for u in mixed_inst.units if u.unit == unit]
        day = parts[0].day_parts
        for i, u in enumerate(parts):
            for k, d in enumerate(days):
                if u.access[k]:
                    assert i % day < day * d // 5, (unit, i, k)
                    opened += 1
    assert opened
    # every daily unit a job took has the rest of it with another holder
    checked_rest = False
    for unit in daily:
        holders = result.unit_holder.get(unit, ())
        if any(h.kind == "carved" for h in holders):
            checked_rest = True
            assert len({(h.kind, h.holder) for h in holders if not h.tending}) >= 2, holders
    assert checked_rest
    # five days: no such cap
    five = plan(friday, analyze(friday), time_limit_s=2, evaluate_proposals=False)
    assert five.instance is not None
    assert all(u.day_parts == 0 for u in five.instance.units)


def test_weekly_hours_given_as_done_on_five_days_are_shared_by_the_day() -> None:
    """Work in hours a week is movable within the week, so a job of four days may hold all of
    it; given as done on five days (`days_per_week: 5`: the galvaniser's order check before
    the carrier comes), it is daily work, and a profile of four days holds only its days'
    share (two readings: "about 0.8 h on the other days" beside a balance that counted all of
    it freed)."""
    from jobcarve import analyze
    from jobcarve.carving.instance import build_instance, resolve_options
    from jobcarve.catalog import load_catalogs

    cats = load_catalogs()
    assert cats.params is not None
    base = read_process(ROOT / "examples" / "packaging_food.yaml")
    fours = [p.model_copy(update={"days_per_week": 4}) for p in base.profiles]
    weekly = {"tidy_area", "clean_line"}
    for days in (None, 5):
        tasks = [
            t.model_copy(update={"days_per_week": days}) if t.id in weekly else t
            for t in base.tasks
        ]
        process = base.model_copy(update={"profiles": fours, "tasks": tasks})
        analysis = analyze(process)
        assert all(u.daily is (days == 5) for u in analysis.units if u.task in weekly)
        inst = build_instance(analysis, process, resolve_options(process, cats.params))
        parts = [u for u in inst.units if u.task in weekly and any(u.access)]
        assert parts
        if days == 5:
            assert all(u.day_parts and u.day_parts % 5 == 0 for u in parts)
            # a job of four days holds at most four of each shift's five days' parts
            assert all(
                inst.part_cap(k, 0) == u.day_parts * 4 // 5
                for k, u in enumerate(inst.units)
                if u in parts
            )
        else:
            assert not any(u.day_parts for u in parts)


def test_why_no_job_counts_a_four_day_profiles_share_of_daily_work() -> None:
    """12 h of daily work in five day shares fits a job of 12 h by its hours, but a profile
    of four days holds four of them, 9.6 h: it gets no job, and the reason says so with the
    hours it could hold (a diff review: the reason ignored the part cap)."""
    import dataclasses

    from jobcarve.carving.plan import why_no_job

    parts = [
        dataclasses.replace(
            unit(f"pack#{i}", 2.4, task="pack"), unit="pack", daily=True, day_parts=5
        )
        for i in range(1, 6)
    ]
    four = dataclasses.replace(profile(), days=4)
    inst, a, _ = solve(parts, [four], min_job_hours=12, min_kinds_per_job=1)
    assert not a.jobs()
    [reason] = why_no_job(inst)
    assert reason.key == "plan.no_job.room"
    assert reason.params["hours"] == pytest.approx(9.6)
    five = PoolInstance(tuple(parts), (profile(),), inst.options, {})
    # five days: all 12 h fit one job, so no rule alone rules it out; asked of a profile
    # left without a job, the reason is that the rules bind together where the plan is
    # proven, else that the solver's time ran out (a diff review: "together they do" was
    # said of plans nobody had proven)
    [unproven] = why_no_job(five)
    assert unproven.key == "plan.no_job.unproven"
    [together] = why_no_job(five, proven=True)
    assert together.key == "plan.no_job.together_alone"
    assert together.params["whole"] == unproven.params["whole"] == pytest.approx(12.0)


def test_work_done_on_one_day_a_week_is_at_most_a_day_in_a_job() -> None:
    """Case 89's wash line is cleaned on Fridays: 16 h of it sat in a job as 2.4 h blocks
    every day (an adviser's reading). With `days_per_week: 1` on it and on three more tasks
    (the screen plates, the yard's litter and scrap), a job holds at most a working day a
    day of all such work together, in the worker's own hours at their pace (a diff review
    found 13.2 h of such work in one job when the limit was per unit); the checker flags
    more, and the job's week puts it on the last day."""
    from jobcarve import analyze
    from jobcarve.carving.assignment import day_work
    from jobcarve.carving.instance import build_instance, resolve_options
    from jobcarve.catalog import load_catalogs
    from jobcarve.report.cards import _schedule

    friday = _washed_on_fridays()
    analysis = analyze(friday)
    bound = {u.id: u for u in analysis.units if u.days_per_week == 1}
    assert {u.task for u in bound.values()} == {"clean_wash_line", "run_extruders", "yard_cleaning"}
    day = friday.planning.hours_per_fte / 5
    assert max(u.hours_per_week for u in bound.values()) > day  # no one job may hold it all
    result = plan(friday, analysis, time_limit_s=2, evaluate_proposals=False)
    held = {job.id: sum(job.unit_hours.get(u, 0.0) for u in bound) for job in result.carved}
    assert any(h > 0 for h in held.values())
    assert max(held.values()) <= day + 0.05  # the worker's own hours, all such work together
    # the checker: all of the wash line's largest unit in one job is over a day
    cats = load_catalogs()
    assert cats.params is not None
    inst = build_instance(analysis, friday, resolve_options(friday, cats.params))
    big = max(bound.values(), key=lambda u: u.hours_per_week)
    parts = [i for i, u in enumerate(inst.units) if u.unit == big.id]
    assert day_work(inst, parts, 0) > inst.day_limit(0)
    everything = Assignment(dict.fromkeys(parts, (0, 0)))
    assert any("over a working day" in v for v in violations(inst, everything))
    # the week: on the last day only
    units = {u.id: u for u in analysis.units}
    job = next(j for j in result.carved if set(j.units) & set(bound))
    by_hours = sorted(job.unit_hours.items(), key=lambda kv: -kv[1])
    week = _schedule(by_hours, units, job.hours_per_week, "en")
    assert len(week) == 5  # on its day, the week's last: a job of 24 h works five days then
    # that day, with the job's daily work, is at most a working day (a second diff review: a
    # Friday of 11.4 h when only the once-a-week work counted)
    for j in result.carved:
        if set(j.units) & set(bound):
            jh = sorted(j.unit_hours.items(), key=lambda kv: -kv[1])
            days = _schedule(jh, units, j.hours_per_week, "en")
            assert float(days[-1].hours) <= day + 0.1, (j.id, [d.hours for d in days])
    for uid in set(job.units) & set(bound):
        days_with = [d.day for d in week if any(w.name == units[uid].label("en") for w in d.work)]
        assert days_with == [week[-1].day]


def two_roles(first: str, second: str, first_task: str, second_task: str) -> str:
    """A model of two roles (YAML flow mappings) with one task of 12 h each that a profile of
    12 h fits alike: the plan's choice between them is the later stages' (the room they
    declare)."""
    return f"""\
format: 1
company: {{name: Two BV, sector: metal}}
process: {{name: Two}}
planning: {{units_per_week: 100}}
roles:
  - {first}
  - {second}
tasks:
  - {first_task}, hours_per_week: 12, demands: {{fine_motor: 1}}}}
  - {second_task}, hours_per_week: 12, demands: {{fine_motor: 1}}}}
profiles:
  - id: p
    name: P
    capacities: {{lifting: 2, pushing_pulling: 2, repetitive_hand_arm: 2, fine_motor: 2, posture_mobility: 2, sensory: 2, attention: 2, memory_learning: 2, problem_solving: 2, literacy_numeracy: 2, pace: 2, independence: 2, social_communication: 2}}
    hours_per_week_available: 12
    max_workers: 1
options: {{min_kinds_per_job: 1, min_job_hours: 12}}
"""


def test_the_plan_prefers_a_roles_year_round_room_to_room_of_a_season() -> None:
    """Two roles give up work that fits the profile alike: packers whose room is agency hours
    hired only in 18 weeks (averaged over the year), finishers whose room is agency hours all
    year. Of two plans with as many carved hours, the plan takes the finishers' work, and
    nothing rests on the season (an adviser's reading of the valve maker: 21.3 h of the
    packers' seasonal agency room used while the finishers' year-round room fitted)."""
    from jobcarve import analyze, parse_process

    text = two_roles(
        "{id: pack, name: Packer, headcount: 3, education: MBO 1, agency_hours_per_week: 12,"
        " agency_weeks_per_year: 18}",
        "{id: finish, name: Finisher, headcount: 3, education: MBO 2, agency_hours_per_week: 12}",
        "{id: box, name: Boxing, role: pack",
        "{id: tumble, name: Tumbling, role: finish",
    )
    process = parse_process(text, "season.yaml")
    result = plan(process, analyze(process), time_limit_s=2, evaluate_proposals=False)
    assert result.instance is not None and result.instance.seasonal_room == {"pack": 12.0}
    [job] = result.carved
    assert set(job.tasks) == {"tumble"}
    balance = {b.role: b for b in result.work_balance}
    assert balance["finish"].released_hours_per_week == pytest.approx(12)
    assert balance["pack"].released_hours_per_week == 0
    assert result.stage_status["year_round_hours"] == "optimal"


def test_the_plan_prefers_room_there_is_today_to_work_that_waits_for_leavers() -> None:
    """Two roles give up work that fits the profile alike: assemblers whose only room is a
    colleague who retires, warehouse staff with an open vacancy. Of two plans with as many
    carved hours, the plan takes the vacancy's work, so the job can start now and need not
    wait for the retirement (readings of the ladder maker and the juice press: every job
    waited for the leavers of 2027 while a vacancy's work fitted)."""
    from jobcarve import analyze, parse_process

    text = two_roles(
        "{id: assemble, name: Assembler, headcount: 3, education: MBO 2, leavers: 1}",
        "{id: store, name: Warehouse, headcount: 3, education: MBO 1, vacancies: 1}",
        "{id: kit, name: Kitting, role: assemble",
        "{id: pick, name: Picking, role: store",
    )
    process = parse_process(text, "start.yaml")
    result = plan(process, analyze(process), time_limit_s=2, evaluate_proposals=False)
    assert result.instance is not None and result.instance.leaver_room == {"assemble": 36.0}
    [job] = result.carved
    assert set(job.tasks) == {"pick"}
    assert not result.late_jobs()
    balance = {b.role: b for b in result.work_balance}
    assert balance["store"].absorbed["vacancies"] == pytest.approx(12)
    assert balance["assemble"].released_hours_per_week == 0
    assert result.stage_status["start_hours"] == "optimal"
    # the objective counts the hours resting on the leaver: none here, 12 with the kitting
    assert result.assignment is not None
    assert objectives(result.instance, result.assignment)[8] == 0


def test_why_no_job_counts_a_kind_on_its_own_not_by_the_greedy_bundle() -> None:
    """A role's room of 12 h, a light kind of 11 h (parts 4, 4 and 3) and a heavier kind of
    5 h, two kinds needed: the lightest bundle gives the light kind 11 h and the heavy one 1
    h, below its share of the smallest job (1.2 h), yet 8 h of the one and 4 h of the other
    make a job. The kind counts on its own (a diff review of the kind rule), so no single
    rule is blamed; a kind whose hours cannot reach its share is not counted."""
    import dataclasses

    from jobcarve.carving.plan import why_no_job

    light = [unit(f"a{i}", h, task="a") for i, h in enumerate((4.0, 4.0, 3.0))]
    heavy = [unit(f"b{i}", 2.5, task="b", physical=3) for i in range(2)]
    limits = {"role": 12.0}
    o = options(min_kinds_per_job=2, min_kind_share=0.1)
    inst = PoolInstance(tuple(light + heavy), (profile(),), o, limits)
    [reason] = why_no_job(inst)
    assert reason.key == "plan.no_job.unproven"  # two kinds, 12 h: no single rule
    tiny = [dataclasses.replace(heavy[0], hours=1.0, base_hours=1.0)]
    inst = PoolInstance(tuple(light + tiny), (profile(),), o, limits)
    [reason] = why_no_job(inst)
    # 1 h cannot be its 1.2 h share of the smallest job: one kind
    assert reason.key == "plan.no_job.room" and reason.params["kinds"] == 1
    short = [dataclasses.replace(heavy[0], hours=2.0, base_hours=2.0)]
    inst = PoolInstance(tuple(light + short), (profile(),), o, {"role": 11.5})
    [reason] = why_no_job(inst)
    # the bundle leaves the 2 h kind 0.5 h of the room, but on its own it has 2 h: two
    # kinds, and the reason is the hours (11.5 of 12)
    assert reason.key == "plan.no_job.room" and reason.params["kinds"] == 2
    assert reason.params["hours"] == pytest.approx(11.5)


def test_the_plan_keeps_a_profile_kept_from_noise_away_from_noisy_work_nearby() -> None:
    """One role with two open vacancies, in two rooms: the polishing room holds noisy
    polishing and quiet boiling out, the scanning room quiet scanning. A profile kept from
    noise fits boiling out and scanning alike, a second profile anything. Of plans with as
    many carved hours, jobs and teams (one team each), the one where the profile kept from
    noise scans and the other takes the polishing room's work: a job beside the polishing
    lathe owes a floor check (an adviser's reading of the dental lab: the autistic woman
    beside the lathe while the quiet scanning went to the deaf woman). The objective counts
    such a check as a gap; without it the plan puts her beside the lathe (a diff review
    found the first form of this test decided by the teams stage)."""
    from jobcarve import analyze, parse_process
    from jobcarve.analysis.places import exposures_near, floor_checks
    from jobcarve.catalog import load_catalogs

    caps = (
        "{lifting: 2, pushing_pulling: 2, repetitive_hand_arm: 2, fine_motor: 2,"
        " posture_mobility: 2, sensory: 2, attention: 2, memory_learning: 2, problem_solving: 2,"
        " literacy_numeracy: 2, pace: 2, independence: 2, social_communication: 2}"
    )
    text = f"""\
format: 1
company: {{name: Lab BV, sector: metal}}
process: {{name: Lab}}
planning: {{units_per_week: 100}}
roles:
  - {{id: tech, name: Technician, headcount: 6, education: MBO 2, vacancies: 2}}
tasks:
  - {{id: boil, name: Boiling out, role: tech, area: polish_room, hours_per_week: 12,
     demands: {{fine_motor: 1}}}}
  - {{id: lathe, name: Polishing, role: tech, area: polish_room, hours_per_week: 12,
     demands: {{fine_motor: 1}}, handling: {{noise: true}}}}
  - {{id: scanning, name: Scanning, role: tech, area: scan_room, hours_per_week: 12,
     demands: {{fine_motor: 1}}}}
profiles:
  - {{id: quiet, name: Quiet, capacities: {caps}, hours_per_week_available: 12, max_workers: 1,
     restrictions: [{{kind: no_noise}}]}}
  - {{id: any, name: Any, capacities: {caps}, hours_per_week_available: 24, max_workers: 1}}
options: {{min_kinds_per_job: 1, min_job_hours: 12}}
"""
    process = parse_process(text, "lab.yaml")
    analysis = analyze(process)
    rules = load_catalogs().params.restrictions  # type: ignore[union-attr]
    quiet, anyone = process.profiles
    units = {u.id: u for u in analysis.units}
    assert floor_checks(quiet, analysis.units, rules) == {"boil": 1, "lathe": 0, "scanning": 0}
    assert set(floor_checks(anyone, analysis.units, rules).values()) == {0}
    (near,) = exposures_near(quiet, ["boil"], units, rules)
    assert near.rule.id == "no_noise" and near.flags == ("noise",) and not near.vehicles
    assert [u.id for u in near.units] == ["lathe"]
    assert not exposures_near(quiet, ["scanning"], units, rules)

    result = plan(process, analysis, time_limit_s=2, evaluate_proposals=False)
    jobs = {j.profile: set(j.tasks) for j in result.carved}
    assert jobs == {"quiet": {"scanning"}, "any": {"boil", "lathe"}}
    # the objective (its seventh term) counts the check: none here, 12 h x 1 gap with the
    # profile kept from noise beside the lathe
    inst, a = result.instance, result.assignment
    assert inst is not None and a is not None
    assert objectives(inst, a)[6] == 0
    swapped = Assignment(
        job_of={
            u: (p, j) if inst.units[u].unit == "lathe" else ((1 - p), 0)
            for u, (p, j) in a.job_of.items()
        }
    )
    assert {inst.units[u].unit: p for u, (p, _) in swapped.job_of.items()} == {
        "scanning": 1,
        "boil": 0,
        "lathe": 1,
    }
    assert objectives(inst, swapped)[6] == -1200
    # the stages before it cannot tell the two plans apart
    assert objectives(inst, swapped)[:6] == objectives(inst, a)[:6]


def test_a_trial_of_daily_work_moves_a_four_day_profiles_days_share() -> None:
    """Daily work that a profile of four days may only try out (supports close more gaps
    than the plan counts) is shared out by the day like work it may do, so that a successful
    trial moves at most four fifths of it (a diff review: `_trials` offered all of it)."""
    strict = _counting_gaps(0)
    base = read_process(EXAMPLES[0])
    # one profile of four days, which may only try out daily work no other does
    fours = [
        p.model_copy(update={"days_per_week": 4}) if p.id == "autism_detail" else p
        for p in base.profiles
    ]
    process = base.model_copy(update={"profiles": fours})
    result = plan(process, catalogs=strict, time_limit_s=2, evaluate_proposals=False)
    assert result.instance is not None
    inst = result.instance
    from jobcarve import analyze

    daily = {u.id for u in analyze(process, catalogs=strict).units if u.daily}
    tried = [(u, h) for u, h in result.trials.get("autism_detail", {}).items() if u in daily]
    for unit, hours in tried:
        parts = [u for u in inst.units if u.unit == unit]
        assert parts[0].day_parts and parts[0].day_parts % 5 == 0, unit
        whole = sum(u.base_hours for u in parts)
        assert hours <= 0.8 * whole + 1e-3, (unit, hours, whole)
    assert tried


def _cell_policy():  # type: ignore[no-untyped-def]
    """The catalogues, the fewest hours a cell is advised for and the carved hours' slack."""
    from jobcarve.catalog import load_catalogs

    cats = load_catalogs()
    assert cats.params is not None
    carving = cats.params.carving
    return cats, carving.min_cobot_added_hours.value, carving.carved_hours_slack_hours.value


def test_a_cobot_that_ends_agency_hours_is_advised() -> None:
    """Case 93, the valve maker: a lathe-tending cell (44.4 h, rigid 0.6 kg bodies) in the
    hard-to-fill machinists' role, whose room is 38 h. The plan's own order asks the
    hard-to-fill hours first, and new jobs taking the machinists' gauge checks tie with the
    cell; the cell took a few hours and was dropped. Tried with one cell that frees as many
    hours as it can, the cell takes over most of the loading (no new job holds any of it)
    and the new jobs take work that agency staff do in assembly: as many jobs, carved hours
    and hard-to-fill hours (within the slack), and at least 8 h a week more freed for the
    roles' declared uses, at least 8 h of it by the work the cell takes over (its blind
    expert: "the cobot", sure). At 2 s the cell also adds hard-to-fill hours; the office chair
    maker's test below has a cell advised for the freed hours alone."""
    _cats, least, slack = _cell_policy()
    process = read_process(ROOT / "tests" / "cases" / "valve_maker.yaml")
    result = plan(process, time_limit_s=2, evaluate_proposals=False)
    assert [(c.units, c.why) for c in result.cobots] == [(("tend_cnc_cells",), ("adds_hours",))]
    effect = result.cobot_effect
    assert effect is not None
    assert effect.freed_hours_added >= least
    assert effect.carved_hours_added >= -slack - 0.005
    assert effect.hard_to_fill_hours_added >= -slack - 0.005
    assert len(result.carved) >= effect.extra_workers_without
    # no new job holds a part of the loading; the cell takes over at least 8 h of it
    holders = result.unit_holder["tend_cnc_cells"]
    assert "carved" not in {h.kind for h in holders}
    assert sum(h.hours_per_week for h in holders if h.kind == "cobot") >= least


def test_a_cell_advised_for_the_hours_it_frees_keeps_the_plans_earlier_aims() -> None:
    """Case 98, the office chair maker: the seat-screwing cell adds fewer than 8 carved or
    hard-to-fill hours, so it is advised for the hours it frees for the roles' declared uses
    (the assemblers' agency hours): at least 8 h a week more in the plan, at least 8 h by the
    work it takes over itself. The reason holds only at the plan's earlier aims and by the
    cell's own work: against a plan without cobots that freed more hard-to-fill hours (beyond
    the slack), or with a least above what the cell frees itself, it has none (a diff review:
    a bakery's cell freed 18.6 h more in all and 10.1 h fewer in hard-to-fill roles)."""
    from jobcarve import analyze
    from jobcarve.carving.plan import _decide_cobots, _paying

    cats, least, slack = _cell_policy()
    process = read_process(ROOT / "tests" / "cases" / "office_chairs.yaml")
    result = plan(process, time_limit_s=2, evaluate_proposals=False)
    without = plan(process, time_limit_s=2, evaluate_proposals=False, max_cobots=0)
    (cell,) = result.cobots
    assert cell.why == ("adds_hours",)
    effect = result.cobot_effect
    assert effect is not None
    assert max(effect.carved_hours_added, effect.hard_to_fill_hours_added) < least
    assert effect.freed_hours_added >= least
    assert effect.freed_hours_without == pytest.approx(without.freed_hours)
    # its own: the hours of people's work it takes over, as the plan's holders give them
    own = sum(
        h.hours_per_week
        for u in cell.units
        for h in result.unit_holder[u]
        if h.kind == "cobot" and h.holder == cell.id
    )
    assert own >= least
    assert [c.why for c in _decide_cobots(result, without, least, slack).cobots] == [
        ("adds_hours",)
    ]
    richer = dataclasses.replace(
        without, skilled_hours_freed=result.skilled_hours_freed + slack + 0.5
    )
    assert not _decide_cobots(result, richer, least, slack).cobots
    assert not _decide_cobots(result, without, own + 0.5, slack).cobots
    # freed hours are a reason of money: the cell earns itself back on them (the business
    # case's payback within the depreciation period), else it is no advice
    assert _paying(process, analyze(process), cats)(result) == {cell.id}
    assert [
        c.why for c in _decide_cobots(result, without, least, slack, lambda p: {cell.id}).cobots
    ] == [("adds_hours",)]
    assert not _decide_cobots(result, without, least, slack, lambda p: frozenset()).cobots
    # where displacement is allowed no freed hour is known to be needed: no cell is advised
    # for freed hours (a second diff review: the valve maker's cell passed on displaced hours)
    # (here its only reason), so the plan has none
    loose = plan(process, time_limit_s=2, evaluate_proposals=False, allow_displacement=True)
    assert not loose.cobots


def test_a_cell_that_frees_hours_it_does_not_earn_back_is_not_advised(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Case 70, the weaving mill: a cell at the cone station would free 8.5 h of the retiring
    store man's work and add no carved or hard-to-fill hours; on those hours it earns itself
    back in 7.6 years, beyond its 5-year depreciation (a reading: "the cobot should not be
    bought"). Freed hours are a reason of money, so the plan has no cell, and the cone station
    stays people's work. Where every cell counted as paying, the plan would advise it: the
    payback is what keeps it out (at 5 deterministic seconds, as the cases run)."""
    import importlib

    # the module (the package's name `plan` is its function)
    planning = importlib.import_module("jobcarve.carving.plan")

    process = read_process(ROOT / "tests" / "cases" / "weaving_mill.yaml")
    result = plan(process, time_limit_s=5, evaluate_proposals=False)
    assert not result.cobots
    assert "cobot" not in {h.kind for h in result.unit_holder["unpack_cones"]}
    monkeypatch.setattr(
        planning, "_paying", lambda *_a: lambda p: frozenset(c.id for c in p.cobots)
    )
    paid = plan(process, time_limit_s=5, evaluate_proposals=False)
    assert [(c.units, c.why) for c in paid.cobots] == [(("unpack_cones",), ("adds_hours",))]
