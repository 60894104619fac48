"""Plans: who does each unit (an existing role, a carved job, a cobot), with the figures.

`plan(process)` analyses the process (unless an analysis is given), builds the pool
instance, runs the greedy start and the CP-SAT model, and returns a `Plan`.

Longer than 600 lines for a reason: the plan's records (`Plan`, `PlanJob`, `PlanCobot`,
the cobot effect, the split-proposal effect, job quality) and the decisions that produce
them (the cobot decision, the proposal re-plans, the line plan's wrapper) are one concept,
the plan as the employer reads it; the solver (cpsat/), the instance, the assignment rules
and the work balance live in their own modules.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from jobcarve.carving.assignment import (
    Assignment,
    LeaverShare,
    job_hours,
    leaver_shares,
    leaver_waits,
    named_jobs,
    objectives,
    released,
    violations,
)
from jobcarve.carving.balance import RoleBalance, weighted_load, work_balance
from jobcarve.carving.instance import (
    PHYSICAL,
    SCALE,
    PoolInstance,
    PoolOptions,
    build_instance,
    job_supports,
    resolve_options,
)
from jobcarve.carving.line import LineSolution, Objective
from jobcarve.carving.options import CarvingOptions
from jobcarve.carving.status import SolveStatus
from jobcarve.catalog import Catalogs, load_catalogs, profile_restrictions
from jobcarve.exceptions import UsageError
from jobcarve.messages import Reason
from jobcarve.model import ProcessModel
from jobcarve.results import Analysis


@dataclass(frozen=True)
class PlanJob:
    """A job in the plan: a carved job for a profile, or what remains of an existing role."""

    id: str
    kind: str  # carved | existing
    profile: str | None
    role: str | None
    hours_per_week: float
    units: tuple[str, ...]
    supports: tuple[str, ...]
    tasks: tuple[str, ...]
    unit_hours: dict[str, float] = field(default_factory=dict)
    #: job-quality checks of a carved job (`JobQuality`); None for existing roles
    quality: JobQuality | None = None
    #: hours-weighted physical demand of a carved job, as the plan holds it to its limit
    #: (`Plan.load_limit`: the units' full standard hours); None for existing roles
    physical_load: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "profile": self.profile,
            "role": self.role,
            "hours_per_week": round(self.hours_per_week, 3),
            "units": list(self.units),
            "unit_hours_per_week": {k: round(v, 3) for k, v in self.unit_hours.items()},
            "supports": list(self.supports),
            "tasks": list(self.tasks),
            "quality": self.quality.to_dict() if self.quality else None,
            "physical_load": round(self.physical_load, 3)
            if self.physical_load is not None
            else None,
        }


@dataclass(frozen=True)
class JobQuality:
    """The job-quality checks of a carved job (docs/method.md, "Job quality").

    * variety: at least `min_kinds` kinds of work (tasks), none under `min_share` of its
      hours (enforced by the plan, shown here);
    * colleagues: the job shares its work with existing roles whose people keep working
      there (not a lone station);
    * not the cobot's leftovers: less than half its hours are on tasks a cobot works on;
    * learning route: the catalogue tasks it practises, for an MBO praktijkverklaring.
    """

    kinds: int
    smallest_kind_share: float
    variety_ok: bool
    colleague_roles: tuple[str, ...]
    cobot_task_share: float
    learning_templates: tuple[str, ...]

    @property
    def colleagues_ok(self) -> bool:
        return bool(self.colleague_roles)

    @property
    def cobot_ok(self) -> bool:
        return self.cobot_task_share < 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "kinds": self.kinds,
            "smallest_kind_share": round(self.smallest_kind_share, 3),
            "variety_ok": self.variety_ok,
            "colleague_roles": list(self.colleague_roles),
            "colleagues_ok": self.colleagues_ok,
            "cobot_task_share": round(self.cobot_task_share, 3),
            "cobot_ok": self.cobot_ok,
            "learning": {
                "route": "praktijkverklaring" if self.learning_templates else None,
                "templates": list(self.learning_templates),
            },
        }


@dataclass(frozen=True)
class PlanCobot:
    """A cobot cell in the plan with the units it takes over or assists."""

    id: str
    model: str | None
    units: tuple[str, ...]
    assists: tuple[str, ...]
    hours_per_week: float
    #: why the cobot is proposed: "ergonomics" (it takes work with an ergonomic risk)
    #: and/or "adds_hours" (the plan without cobots carves fewer hours or frees fewer in
    #: hard-to-fill roles, or, for the work a cell takes over, fewer for the roles' uses)
    why: tuple[str, ...] = ()
    #: the units it takes or assists whose ergonomic risk it removes
    risk_units: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "model": self.model,
            "units": list(self.units),
            "assists": list(self.assists),
            "hours_per_week": round(self.hours_per_week, 3),
            "why": list(self.why),
            "risk_units": list(self.risk_units),
        }


@dataclass(frozen=True)
class CobotEffect:
    """What the plan's cobots add: its figures against the best plan without cobots."""

    carved_hours_without: float
    hard_to_fill_hours_without: float
    extra_workers_without: int
    carved_hours_added: float
    hard_to_fill_hours_added: float
    risk_hours_removed: float
    #: hours freed for the roles' declared uses (vacancies, overtime, agency hours, backlog,
    #: leavers) by the plan without cobots, and what the cobots add to them
    freed_hours_without: float = 0.0
    freed_hours_added: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in self.__dict__.items()}


@dataclass(frozen=True)
class ProposalEffect:
    """What confirming one split proposal would add to the plan (re-planned with it)."""

    task: str
    source: str
    extra_workers_added: int | None
    carved_hours_added: float | None

    def to_dict(self) -> dict[str, Any]:
        hours = self.carved_hours_added
        return {
            "task": self.task,
            "source": self.source,
            "status": "to_confirm" if self.source == "catalogue" else "to_check",
            "evaluated": hours is not None,
            "extra_workers_added": self.extra_workers_added,
            "carved_hours_added_per_week": None if hours is None else round(hours, 3),
        }


@dataclass(frozen=True)
class Holding:
    """Who does (part of) a unit in the plan, and for how many hours per week."""

    #: carved (a carved job), cobot (a cobot takes it over) or role (an existing role keeps it)
    kind: str
    #: the job id, cobot id or role id
    holder: str
    hours_per_week: float
    #: a cobot assists the holder with this unit
    cobot_assist: bool
    #: the role tends the cobot that took this unit over (`cobot.tending_share` of its hours)
    tending: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "holder": self.holder,
            "hours_per_week": round(self.hours_per_week, 3),
            "cobot_assist": self.cobot_assist,
            "tending": self.tending,
        }


@dataclass(frozen=True)
class PlanSummary:
    """A plan's headline figures (hours per week; FTE at the model's hours per FTE)."""

    extra_workers: int
    extra_fte: float
    banenafspraak_jobs: float
    carved_hours_per_week: float
    #: hours freed in hard-to-fill roles (the work balance's released hours of those roles)
    skilled_hours_freed_per_week: float
    released_hours_per_week: float
    absorbed_hours_per_week: float
    displacement_hours: float
    cobots: int
    cobot_hours_per_week: float
    status: SolveStatus
    gap: float
    #: the proven most carved hours; None when the solver proved none
    bound_carved_hours_per_week: float | None
    #: the wall-clock guard stopped a stage: the plan may depend on the machine
    machine_dependent: bool
    #: the extra workers whose profile is in the doelgroepregister banenafspraak (a WW
    #: job seeker without a register route is one of the extra workers, not of these)
    register_workers: int = 0

    @classmethod
    def empty(cls) -> PlanSummary:
        """The figures of no plan ("as is"): nothing carved, nothing freed."""
        return cls(
            0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0, 0.0, SolveStatus.OPTIMAL, 0.0, 0.0, False
        )

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Plan:
    """A plan with its headline figures, status and gap."""

    status: SolveStatus
    gap: float
    bound_carved_hours: float | None
    jobs: tuple[PlanJob, ...]
    cobots: tuple[PlanCobot, ...]
    #: unit id -> who does it (carved jobs, cobots, roles), in hours per week
    unit_holder: dict[str, tuple[Holding, ...]]
    options: dict[str, Any]
    greedy_jobs: int
    seconds: float
    stage_status: dict[str, SolveStatus]
    hours_per_fte: float
    banenafspraak_hours: float
    #: profiles whose people count for the banenafspraak (in the doelgroepregister: their
    #: loonkostenvoordeel is the banenafspraak one, `Profile.lkv_kind`)
    register_profiles: frozenset[str]
    skilled_hours_freed: float
    reasons: tuple[Reason, ...] = field(default_factory=tuple)
    interrupted: bool = False
    #: hard-to-fill role -> hours per week before less hours kept (sums to skilled_hours_freed)
    freed_by_role: dict[str, float] = field(default_factory=dict)
    #: per role: today's work, what the plan releases and where it goes
    work_balance: tuple[RoleBalance, ...] = ()
    #: the wall-clock guard stopped a solver stage: the plan may depend on the machine
    guard_hit: bool = False
    #: what the cobots add against the plan without them (None: no cobot in the plan)
    cobot_effect: CobotEffect | None = None
    #: cobots the solver placed that add nothing: options with their cost, not advice
    cobot_options: tuple[PlanCobot, ...] = ()
    #: what confirming each split proposal would add
    split_proposals: tuple[ProposalEffect, ...] = ()
    #: per profile id (one that may get a job), unit id -> standard hours per week of work
    #: it could do only with more gaps closed by supports than the plan counts
    #: (carving.max_counted_supported_gaps) that could still move: what the unit's role
    #: keeps of it, at most the room the plan leaves the role. To try out first, not counted
    trials: dict[str, dict[str, float]] = field(default_factory=dict)
    #: units a profile could do that stay with their role: larger than the role may give
    #: up, so it cannot give them up whole (carving.max_unit_room_ratio)
    larger_than_room: tuple[str, ...] = ()
    #: the solver's view of the plan (for re-planning, e.g. Monte Carlo); not in the JSON
    instance: PoolInstance | None = field(default=None, repr=False, compare=False)
    assignment: Assignment | None = field(default=None, repr=False, compare=False)

    @property
    def carved(self) -> list[PlanJob]:
        return [j for j in self.jobs if j.kind == "carved"]

    def carved_standard_hours(self, unit: str) -> float:
        """The standard hours a week of ``unit`` that the carved jobs hold, on the basis of
        the unit's hours (with a split's hand-over time; a job's own hours of it are at its
        profile's pace)."""
        return sum(h.hours_per_week for h in self.unit_holder.get(unit, ()) if h.kind == "carved")

    def load_limit(self, profile: str | None) -> float:
        """The highest hours-weighted physical load of a job of ``profile``: the plan's
        ``max_job_ergonomic_load``, more for a profile able to do heavy work."""
        limits = self.options.get("job_load_limits") or {}
        if profile in limits:
            return float(limits[profile])
        return float(self.options["max_job_ergonomic_load"])

    def leaver_shares(self) -> dict[str, LeaverShare]:
        """Per carved job id, whether it starts when people leave and the leavers' hours it
        is read against (`assignment.leaver_shares`); empty for a plan without its solver's
        view."""
        return dict(self._leaver_shares)

    @cached_property
    def _leaver_shares(self) -> dict[str, LeaverShare]:
        # read once per plan: each card asks it twice, the first screen twice more (the
        # business case reads the same rule from its figures, `figures_from_assignment`)
        if self.instance is None or self.assignment is None:
            return {}
        return leaver_shares(self.instance, self.assignment, self._named(), self.work_balance)

    def late_jobs(self) -> frozenset[str]:
        """The ids of the carved jobs too small without the work that waits for people
        leaving: they start when they go."""
        return frozenset(j for j, share in self.leaver_shares().items() if share.late)

    def starts_when_they_leave(self, job: PlanJob) -> bool:
        """True where ``job`` is one of `late_jobs`."""
        return job.id in self.late_jobs()

    def job_waits(self, job: PlanJob) -> dict[str, tuple[float, float]]:
        """Per role, the most of ``job``'s own hours that come free only when the role's
        leavers go, and those hours in today's hours (`assignment.leaver_waits`), read
        against the leavers' hours `leaver_shares` gives it; empty for a plan without its
        solver's view."""
        share = self.leaver_shares().get(job.id)
        if share is None:
            return {}
        return self.job_rests_on(job, share.leaving)

    def job_rests_on(
        self, job: PlanJob, hours: Mapping[str, float]
    ) -> dict[str, tuple[float, float]]:
        """Per role, the most of ``job``'s own hours that rest on ``hours`` of the role's
        freed hours (today's hours per role: what the leavers absorb, or the seasonal agency
        hours and overtime), and those hours in today's hours (`assignment.leaver_waits`);
        empty for a plan without its solver's view."""
        if self.instance is None or self.assignment is None:
            return {}
        named = [(p, m) for jid, p, m in self._named() if jid == job.id]
        if not named:
            return {}
        return leaver_waits(self.instance, self.assignment, named, hours)

    def seasonal_rests(self, job: PlanJob) -> dict[str, tuple[float, float]]:
        """Per role, the most of ``job``'s own hours that rest on agency hours or overtime
        worked only in a season (the work balance's `seasonal_hours_per_week`), and those
        hours in today's hours (`job_rests_on`)."""
        season = {
            b.role: b.seasonal_hours_per_week
            for b in self.work_balance
            if b.seasonal_hours_per_week >= 0.05
        }
        return self.job_rests_on(job, season) if season else {}

    def year_round_hours(self, job: PlanJob) -> float:
        """The least of ``job``'s own hours a week that is work all year from its start:
        without its part that rests on season-only agency hours or overtime
        (`seasonal_rests`), and, for a job that starts at once, without its part that waits
        for people leaving (`job_waits`). The card's and the first screen's figure (two
        readings of the duvet maker: a job with no work out of season before two
        retirements, and "4 people (3.0 FTE)" of which about 1.4 FTE all year)."""
        season = sum(h for h, _t in self.seasonal_rests(job).values())
        waiting = 0.0
        if not self.starts_when_they_leave(job):
            waiting = sum(h for h, _t in self.job_waits(job).values())
        return max(0.0, job.hours_per_week - season - waiting)

    def waits_at_start(self) -> dict[str, tuple[float, float]]:
        """Per role, the hours of the jobs that start at once (not `late_jobs`) that wait for
        people leaving, and those hours in today's hours: read together against the leavers'
        hours the late jobs leave them (`leaver_shares`). The first screen says what the
        wages pay for those hours until they leave."""
        shares = self.leaver_shares()
        if not shares or self.instance is None or self.assignment is None:
            return {}
        early = [(p, m) for jid, p, m in self._named() if not shares[jid].late]
        if not early:
            return {}
        leaving = next(s.leaving for s in shares.values() if not s.late)
        return leaver_waits(self.instance, self.assignment, early, leaving)

    def _named(self) -> list[tuple[str, int, list[int]]]:
        return list(self._named_jobs)

    @cached_property
    def _named_jobs(self) -> tuple[tuple[str, int, list[int]], ...]:
        if self.instance is None or self.assignment is None:
            return ()
        return tuple(named_jobs(self.instance, self.assignment))

    @property
    def cobot_units(self) -> frozenset[str]:
        """The units a cobot of the plan takes, or takes part of."""
        return frozenset(
            uid for uid, hs in self.unit_holder.items() if any(h.kind == "cobot" for h in hs)
        )

    @property
    def displacement_hours(self) -> float:
        """Hours of today's staff's work the plan takes with no declared use for them."""
        return sum(b.displaced_hours_per_week for b in self.work_balance)

    @property
    def freed_hours(self) -> float:
        """Hours a week the plan frees from today's staff that the roles' declared uses
        absorb (vacancies, overtime, agency hours, backlog, leavers): the one home of
        `PlanSummary.absorbed_hours_per_week`."""
        return sum(sum(b.absorbed.values()) for b in self.work_balance)

    def banenafspraak_count(self, ids: Collection[str] | None = None) -> float:
        """Banenafspraak jobs as counted: the weekly hours of the carved jobs (those in
        ``ids``, else all) of profiles in the target group register, over the hours of one
        such job. The one home of the count, for the headline and its later part."""
        return (
            sum(
                j.hours_per_week
                for j in self.carved
                if j.profile in self.register_profiles and (ids is None or j.id in ids)
            )
            / self.banenafspraak_hours
        )

    def figures(self) -> PlanSummary:
        """The headline figures, typed (`summary` is the same as plain data)."""
        carved_hours = sum(j.hours_per_week for j in self.carved)
        bound = self.bound_carved_hours
        return PlanSummary(
            extra_workers=len(self.carved),
            extra_fte=round(carved_hours / self.hours_per_fte, 3),
            banenafspraak_jobs=round(self.banenafspraak_count(), 3),
            carved_hours_per_week=round(carved_hours, 3),
            skilled_hours_freed_per_week=round(self.skilled_hours_freed, 3),
            released_hours_per_week=round(
                sum(b.released_hours_per_week for b in self.work_balance), 3
            ),
            absorbed_hours_per_week=round(self.freed_hours, 3),
            displacement_hours=round(self.displacement_hours, 3),
            cobots=len(self.cobots),
            cobot_hours_per_week=round(sum(c.hours_per_week for c in self.cobots), 3),
            status=self.status,
            gap=round(self.gap, 4),
            bound_carved_hours_per_week=None if bound is None else round(bound, 3),
            machine_dependent=self.guard_hit,
            register_workers=sum(1 for j in self.carved if j.profile in self.register_profiles),
        )

    def summary(self) -> dict[str, Any]:
        """The headline figures as plain data (`figures().to_dict()`)."""
        return self.figures().to_dict()

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.summary(),
            "work_balance": [b.to_dict() for b in self.work_balance],
            "jobs": [j.to_dict() for j in self.jobs],
            "cobots": [c.to_dict() for c in self.cobots],
            "cobot_effect": self.cobot_effect.to_dict() if self.cobot_effect else None,
            "cobot_options": [c.to_dict() for c in self.cobot_options],
            "split_proposals": [e.to_dict() for e in self.split_proposals],
            "trials": self.trials,
            "larger_than_room": list(self.larger_than_room),
            "units": {u: [h.to_dict() for h in hs] for u, hs in self.unit_holder.items()},
            "options": self.options,
            "solver": {
                "greedy_extra_workers": self.greedy_jobs,
                "stages": self.stage_status,
                "wall_clock_guard_hit": self.guard_hit,
            },
            "reasons": [r.to_dict() for r in self.reasons],
        }


def plan(
    process: ProcessModel,
    analysis: Analysis | None = None,
    *,
    catalogs: Catalogs | None = None,
    progress: Callable[[str], None] | None = None,
    evaluate_proposals: bool = True,
    options: CarvingOptions | None = None,
    **overrides: float | int | None,
) -> Plan:
    """The best plan for a pool process: carved jobs, cobots, and who does each unit.

    Options (`CarvingOptions`, or the same names as keywords; each overrides the model's
    ``options:`` and the sourced default; an unknown name is a `UsageError`):
    ``min_job_hours``, ``min_kinds_per_job``, ``max_job_ergonomic_load``,
    ``heavy_work_load_margin``, ``max_cobots``, ``allow_displacement``, ``time_limit_s``,
    ``seed``, ``workers``.

    The plan keeps every role's work balance (it takes from a role at most what the role's
    declared uses absorb, unless ``allow_displacement``). Cobots stay in the plan only
    where they remove an ergonomic risk, add carved or hard-to-fill hours, or free hours for
    the roles' declared uses by the work they take over, beyond the best plan without cobots
    (`_decide_cobots`); otherwise that plan is returned and the cobots are listed as
    options. A plan that ends without a cobot is tried once more with one cell that frees
    as many hours as it can (`_try_freeing_cobot`). With ``evaluate_proposals`` each split proposal (the largest
    ``proposals_evaluated`` of them) is re-planned as if confirmed, to say what it adds.
    """
    from jobcarve.analysis import analyze

    cats = catalogs if catalogs is not None else load_catalogs()
    assert cats.params is not None
    result = analysis if analysis is not None else analyze(process, cats)
    chosen = (options or CarvingOptions()).replace(**overrides)
    opts = resolve_options(process, cats.params, _rotation_share(cats), **chosen.overrides())
    best = _solve(result, process, opts, progress, cats)
    if best.cobots and not best.interrupted:
        if progress:
            progress("plan without cobots, to weigh what the cobots add")
        without = _solve(result, process, dataclasses.replace(opts, max_cobots=0), progress, cats)
        min_added = cats.params.carving.min_cobot_added_hours.value
        paying = _paying(process, result, cats)
        decided = _decide_cobots(best, without, min_added, opts.carved_hours_slack, paying)
        dropped: tuple[PlanCobot, ...] = ()
        # a cobot without a reason of its own is not advised: plan again without its work
        # on a cobot (at most a few rounds). Only the idle cells' work is closed to cobots:
        # another candidate may now take the freed slot (a review: a 4 h crate-washer assist
        # was dropped, and with it the chance of a cobot at palletising with LI 2.4)
        # After three rounds no new cell may come in (only the kept cells' work may go to a
        # cobot), and a plan that still has an idle cell gives way to the plan without cobots.
        no_cobot: frozenset[str] = frozenset()
        cells = opts
        # whether the plan has its cells rests on every solve that weighed them: a
        # wall-clock guard in any makes it depend on the machine
        guard_hit = best.guard_hit or without.guard_hit
        for round_ in range(6):
            idle = tuple(c for c in decided.cobots if not c.why)
            if not idle or decided.interrupted:
                break
            dropped += idle
            kept = {u for c in decided.cobots if c.why for u in (*c.units, *c.assists)}
            if round_ < 3:
                # an idle cell's work that a kept cell shares stays open to cobots, with one
                # cell fewer: the kept cell takes what it can of it (a review: a palletising
                # unit over two cells, the second with 3 h of it)
                no_cobot |= {u for c in idle for u in (*c.units, *c.assists)} - kept
                sharing = sum(1 for c in idle if kept & {*c.units, *c.assists})
                if sharing:
                    # one cell fewer for each idle cell that shares a kept cell's unit; an
                    # idle cell that shares none leaves its slot to another candidate
                    cells = dataclasses.replace(cells, max_cobots=len(decided.cobots) - sharing)
            else:
                assert decided.instance is not None
                no_cobot = frozenset(u.unit for u in decided.instance.units) - kept
            if progress:
                progress("plan again without the cobots that add nothing of their own")
            again = _solve(result, process, cells, progress, cats, no_cobot=no_cobot)
            guard_hit = guard_hit or again.guard_hit
            decided = (
                _decide_cobots(again, without, min_added, opts.carved_hours_slack, paying)
                if again.cobots
                else dataclasses.replace(without, cobot_options=())
            )
        if any(not c.why for c in decided.cobots) and not decided.interrupted:
            dropped += tuple(c for c in decided.cobots if c not in dropped)
            decided = dataclasses.replace(without, cobot_options=())
        # cells of several rounds, numbered apart from the plan's own cobot-N (and from
        # each other: each round numbers its cells from 1)
        offered = tuple(
            dataclasses.replace(c, id=f"option-{n}")
            for n, c in enumerate(decided.cobot_options + dropped, start=1)
        )
        best = dataclasses.replace(
            decided,
            cobot_options=offered,
            # the options the plan ran with, not those of the comparison without cobots
            options={**decided.options, "max_cobots": opts.max_cobots},
            guard_hit=guard_hit,
        )
    if not best.cobots and not best.interrupted and opts.max_cobots > 0:
        best = _try_freeing_cobot(result, process, opts, progress, cats, best)
    if evaluate_proposals and not best.interrupted and result.proposals:
        effects, stopped = _proposal_effects(process, result, best, opts, cats, progress)
        # Ctrl-C during a proposal's re-plan stops the run as it does during the plan
        best = dataclasses.replace(best, split_proposals=effects, interrupted=stopped)
    return best


def _try_freeing_cobot(
    result: Analysis,
    process: ProcessModel,
    opts: PoolOptions,
    progress: Callable[[str], None] | None,
    cats: Catalogs,
    without: Plan,
) -> Plan:
    """A plan without an advised cobot, tried once more with one cell that takes work over
    and frees as many hours as it can (the stage `cobot_freed_hours` right after the carved
    hours; assists closed). The plan's own order asks the hard-to-fill hours first, where
    new jobs taking part of a candidate's work tie with a cell taking all of it; the cell
    then takes a few hours and is dropped, while the new jobs could take work that agency
    staff or overtime do instead (a blind expert's valve maker: a lathe-tending cell freeing
    35.5 h of 38 h of the machinists' room, the new jobs in assembly in its agency hours).
    The tried plan is kept when its cobot has a reason (`_decide_cobots`), it carves at
    least as many jobs, as many hours (within the slack) and frees as many hard-to-fill
    hours (within the slack); else ``without``. Tried only where the candidates' hours reach
    a cell's least (`min_cobot_added_hours`)."""
    from jobcarve.carving.cpsat.pool import STAGES

    assert cats.params is not None
    min_added = cats.params.carving.min_cobot_added_hours.value
    units = {u.id: u for u in result.units}
    # the most a cell could free: the candidates' hours less the share that tends the cell
    candidates = sum(u.hours_per_week for u in units.values() if u.cobot.label == "candidate")
    if candidates * opts.taken_share < min_added:
        return without
    if progress:
        progress("plan again with one cobot that frees as many hours as it can")
    # a cell that takes work over: an assist frees only a share of a person's pace, who
    # stays at the station, which is no reason of its own for a cell (a blind expert's
    # parcel packing, "human", once came in as an assist freeing 9 h)
    assists = frozenset(u.id for u in result.units if u.cobot.label == "assist")
    trial = _solve(
        result,
        process,
        dataclasses.replace(opts, max_cobots=1),
        progress,
        cats,
        STAGES,
        no_cobot=assists,
    )
    # whether the plan has a cell rests on both solves: a wall-clock guard in either makes
    # it depend on the machine
    guard_hit = without.guard_hit or trial.guard_hit
    if trial.interrupted:
        return dataclasses.replace(without, interrupted=True, guard_hit=guard_hit)
    if not trial.cobots:
        return dataclasses.replace(without, guard_hit=guard_hit)
    decided = _decide_cobots(
        trial, without, min_added, opts.carved_hours_slack, _paying(process, result, cats)
    )
    slack = opts.carved_hours_slack + 0.005
    if (
        not decided.cobots
        or not all(c.why for c in decided.cobots)
        or len(decided.carved) < len(without.carved)
        or _carved_hours(decided) < _carved_hours(without) - slack
        or decided.skilled_hours_freed < without.skilled_hours_freed - slack
    ):
        return dataclasses.replace(without, guard_hit=guard_hit)
    taken = {u for c in decided.cobots for u in (*c.units, *c.assists)}
    others = tuple(c for c in without.cobot_options if not taken & {*c.units, *c.assists})
    return dataclasses.replace(
        decided,
        cobot_options=tuple(
            dataclasses.replace(c, id=f"option-{n}") for n, c in enumerate(others, start=1)
        ),
        options={**decided.options, "max_cobots": opts.max_cobots},
        guard_hit=guard_hit,
    )


def _rotation_share(cats: Catalogs) -> float:
    """The most of a job that repetitive work needing rotation may take (supports catalogue)."""
    shares = [s.max_share_of_job for s in cats.supports.values() if s.rotation]
    return min((s for s in shares if s is not None), default=0.5)


def no_night_profiles(process: ProcessModel, cats: Catalogs) -> frozenset[str]:
    """Ids of the profiles whose jobs hold no night work: all of them where new jobs hold
    none (`carving.night_work_in_new_jobs` 0), else those with a restriction that rules out
    night work."""
    params = cats.params
    if params is None or not params.carving.night_work_in_new_jobs.value:
        return frozenset(p.id for p in process.profiles)
    rules = {r.id for r in params.restrictions if r.no_night_work}
    return frozenset(
        p.id
        for p in process.profiles
        if any(r.kind in rules for r in profile_restrictions(p, params.restrictions))
    )


def day_only_profiles(process: ProcessModel, cats: Catalogs) -> frozenset[str]:
    """Ids of the profiles whose jobs hold only the day shift's share of work done in every
    shift (a restriction with `day_shift_only`)."""
    params = cats.params
    if params is None:
        return frozenset()
    rules = {r.id for r in params.restrictions if r.day_shift_only}
    return frozenset(
        p.id
        for p in process.profiles
        if any(r.kind in rules for r in profile_restrictions(p, params.restrictions))
    )


def heavy_work_profiles(process: ProcessModel, cats: Catalogs) -> frozenset[str]:
    """Ids of the profiles able to do heavy work: capacity `carving.heavy_work_capacity` or
    more on each physical demand (lifting, pushing and pulling, repetitive work, posture) and
    no restriction that caps one of them. Their jobs may weigh `carving.heavy_work_load_margin`
    more than ``max_job_ergonomic_load`` (the KIM dose model rates a load against who
    carries it)."""
    params = cats.params
    if params is None:
        return frozenset()
    least = params.carving.heavy_work_capacity.value
    capping = {r.id for r in params.restrictions if r.lift_mass_cap or set(r.caps) & set(PHYSICAL)}
    return frozenset(
        p.id
        for p in process.profiles
        if min(getattr(p.capacities, d) for d in PHYSICAL) >= least
        and not any(r.kind in capping for r in profile_restrictions(p, params.restrictions))
    )


def _solve(
    result: Analysis,
    process: ProcessModel,
    opts: PoolOptions,
    progress: Callable[[str], None] | None,
    cats: Catalogs,
    stages: tuple[str, ...] | None = None,
    no_cobot: frozenset[str] = frozenset(),
) -> Plan:
    """One staged CP-SAT solve from the greedy start, as a `Plan` (the units in `no_cobot`
    go to no cobot)."""
    from jobcarve.carving.cpsat.pool import PLAN_STAGES, STAGES, PoolModel
    from jobcarve.carving.greedy import greedy

    aids = frozenset(s.id for s in cats.supports.values() if "lifting" in s.closes)
    inst = build_instance(
        result,
        process,
        opts,
        aids,
        no_night_profiles(process, cats),
        heavy_work_profiles(process, cats),
        day_only_profiles(process, cats),
        tuple(cats.params.restrictions) if cats.params else (),
    )
    if no_cobot:
        inst = dataclasses.replace(
            inst,
            units=tuple(
                dataclasses.replace(u, cobot="human") if u.unit in no_cobot else u
                for u in inst.units
            ),
        )
    start = greedy(inst)
    assert not violations(inst, start), violations(inst, start)
    report = PoolModel(inst).solve(start, progress, stages or PLAN_STAGES)
    final = report.assignment
    if violations(inst, final):  # pragma: no cover - the model and the checker must agree
        raise AssertionError(f"solver plan breaks constraints: {violations(inst, final)}")
    carved = objectives(inst, final)[0]
    bound = report.bound if report.stage_status.get(STAGES[0]) != SolveStatus.UNKNOWN else None
    gap = max(0.0, (bound - carved) / bound) if bound else 0.0
    result_plan = _to_plan(
        inst,
        process,
        final,
        report.status,
        gap,
        None if bound is None else bound / SCALE,
        len(start.jobs()),
        report.seconds,
        report.stage_status,
        cats,
    )
    found = _carved_hours(result_plan)
    if result_plan.bound_carved_hours is not None and result_plan.bound_carved_hours < found:
        # the solver's bound is on hours rounded per unit to 1/SCALE; the plan's hours are
        # exact sums, so a plan at its bound may show a few hundredths above it
        result_plan = dataclasses.replace(result_plan, bound_carved_hours=found)
    reasons = result_plan.reasons
    # (not for a difference the report's one decimal would not show)
    if report.objective and carved < report.objective[0] - SCALE * 0.05:
        # the later objectives used the slack on the carved hours (fewer jobs or cobots)
        reasons += (
            Reason(
                "plan.slack",
                {
                    "best": report.objective[0] / SCALE,
                    "carved": carved / SCALE,
                    "slack": inst.options.carved_hours_slack,
                },
            ),
        )
    return dataclasses.replace(
        result_plan,
        reasons=reasons,
        interrupted=report.interrupted,
        guard_hit=report.guard_hit,
        instance=inst,
        assignment=final,
    )


def _carved_hours(p: Plan) -> float:
    return sum(j.hours_per_week for j in p.carved)


def _paying(
    process: ProcessModel, result: Analysis, cats: Catalogs
) -> Callable[[Plan], frozenset[str]] | None:
    """The cells of a plan that earn themselves back within their depreciation period on what
    they add to the value of the freed hours (the business case's `CobotCase.payback_years`
    against `depreciation_years`, economics.yaml): the test of a cell advised for the hours
    it frees alone, whose reason is money (a reading of the weaving mill: a cell freeing
    8.5 h of a store man's work, paid back in 7.6 years of a 5-year write-off). None (not
    asked) with a catalogue folder that has no economics.yaml: no business case to ask."""
    if cats.economics is None:
        return None

    def paying(p: Plan) -> frozenset[str]:
        # the business case builds on the plan: imported here, not at the module's top
        from jobcarve.economics.case import business_case
        from jobcarve.economics.defaults import rates
        from jobcarve.economics.figures import plan_figures

        r = rates(process, cats)
        case = business_case(process, plan_figures(process, result, p), r, sensitivity=False)
        years = r["depreciation_years"]
        return frozenset(
            c.id for c in case.cobots if c.payback_years is not None and c.payback_years <= years
        )

    return paying


def _decide_cobots(
    with_cobots: Plan,
    without: Plan,
    min_added: float,
    slack: float = 0.0,
    paying: Callable[[Plan], Collection[str]] | None = None,
) -> Plan:
    """Give each cobot its reasons: it removes at least `min_added` hours a week of
    ergonomic risk, or the cobots add at least `min_added` carved hours or hours freed in
    hard-to-fill roles and this cobot does at least `min_added` hours of that work itself (a
    cell that assists two hours a week is not advised because another cell adds hours), or
    the cobots free at least `min_added` hours more for the roles' declared uses (agency
    hours and overtime that end: blind experts count them, a cell "paid back on the agency
    hours") and the work this cell takes over frees that many itself, at as many jobs and
    carved and hard-to-fill hours as the plan without cobots (within ``slack``), and it earns
    itself back on them (``paying``: the ids of the cells that do; None: not asked). With no
    reason for any cobot, the plan without them, listing them as options."""
    carved_added = _carved_hours(with_cobots) - _carved_hours(without)
    hard_added = with_cobots.skilled_hours_freed - without.skilled_hours_freed
    freed_added = with_cobots.freed_hours - without.freed_hours
    adds = max(carved_added, hard_added) >= min_added
    # hours freed for the roles' other uses count for the work a cell takes over, not for
    # what it assists: an assist only speeds up a person who stays at the station (a blind
    # expert's parcel packing, "human", came in as an assist cell freeing 9 h of agency
    # hours); and not at the cost of the plan's earlier aims (a diff review: a bakery's cell
    # freeing 18.6 h more in all, 10.1 h fewer in hard-to-fill roles)
    frees = (
        freed_added >= min_added
        and len(with_cobots.carved) >= len(without.carved)
        and carved_added >= -slack - 0.005
        and hard_added >= -slack - 0.005
    )
    own_freed = _freed_hours_by_cobot(with_cobots)
    inst = with_cobots.instance
    assert inst is not None
    risky = {u.unit for u in inst.units if u.risk}
    own_risk = _risk_hours_by_cobot(with_cobots)
    cobots = []
    pays: Collection[str] | None = None
    for c in with_cobots.cobots:
        risk_units = tuple(u for u in (*c.units, *c.assists) if u in risky)
        # below `min_added` hours of risky work a lifting aid or job rotation is the
        # proportionate remedy, not a cobot cell (the same yearly-cost policy); the cell's
        # own parts of the work count, not the whole of a unit two cells share (a review: a
        # second cell taking 3 h of a 22.6 h palletising unit was advised for ergonomics)
        ergonomic = bool(risk_units) and own_risk.get(c.id, 0.0) >= min_added
        adding = adds and c.hours_per_week >= min_added
        freeing = frees and own_freed.get(c.id, 0.0) >= min_added - 0.005
        if freeing and not adding and paying is not None:
            # freed hours are a reason of money: a cell that does not earn itself back on
            # them is an option with its cost, not advice
            pays = paying(with_cobots) if pays is None else pays
            freeing = c.id in pays
        own = adding or freeing
        why = (("ergonomics",) if ergonomic else ()) + (("adds_hours",) if own else ())
        cobots.append(dataclasses.replace(c, why=why, risk_units=risk_units))
    if not any(c.why for c in cobots):
        return dataclasses.replace(without, cobot_options=tuple(cobots))
    risk_hours = sum(own_risk.values())
    effect = CobotEffect(
        carved_hours_without=_carved_hours(without),
        hard_to_fill_hours_without=without.skilled_hours_freed,
        extra_workers_without=len(without.carved),
        carved_hours_added=carved_added,
        hard_to_fill_hours_added=hard_added,
        risk_hours_removed=risk_hours,
        freed_hours_without=without.freed_hours,
        freed_hours_added=freed_added,
    )
    return dataclasses.replace(with_cobots, cobots=tuple(cobots), cobot_effect=effect)


def _freed_hours_by_cobot(p: Plan) -> dict[str, float]:
    """Per cobot (its plan id), the hours a week of today's work that the units it takes
    over free (less the share its role keeps to tend it, as the work balance counts them),
    in the roles whose declared uses limit what they give up (the solver's stage
    `cobot_freed_hours` counts the same; where displacement is allowed, none: no freed hour
    is then known to be needed, a second diff review); what it assists is left out."""
    inst, a = p.instance, p.assignment
    if inst is None or a is None:
        return {}
    taken = inst.options.taken_share
    return {
        cid: sum(
            inst.units[u].base_hours * taken
            for u in members
            if u not in a.assist_of and inst.units[u].role in inst.role_limits
        )
        for cid, members in a.cells()
    }


def _risk_hours_by_cobot(p: Plan) -> dict[str, float]:
    """Per cobot (its plan id), the hours a week of risky work it takes or assists, in
    today's hours: a part of a unit it takes over whole, with the hours its role keeps to
    tend it (the cobot does all of the handling); a part it assists at the cobot's share
    (`PoolOptions.assist_share`: the person still does the rest). One home for each cell's
    reason and for the plan's `risk_hours_removed`."""
    inst, a = p.instance, p.assignment
    if inst is None or a is None:
        return {}
    share = inst.options.assist_share
    return {
        cid: sum(
            inst.units[u].base_hours * (share if u in a.assist_of else 1.0)
            for u in members
            if inst.units[u].risk
        )
        for cid, members in a.cells()
    }


def _proposal_effects(
    process: ProcessModel,
    result: Analysis,
    base: Plan,
    opts: PoolOptions,
    cats: Catalogs,
    progress: Callable[[str], None] | None,
) -> tuple[tuple[ProposalEffect, ...], bool]:
    """Re-plan with each proposal confirmed (largest first, up to the sourced number); True
    when an interrupt (Ctrl-C, SIGTERM) stopped a re-plan, with the effects so far."""
    from jobcarve.analysis import analyze

    assert cats.params is not None
    most = int(cats.params.carving.proposals_evaluated.value)
    ranked = sorted(result.proposals, key=lambda t: (-t.hours_per_week, t.id))
    evaluate = {t.id for t in ranked[:most]}
    # an evaluation answers "how many more hours, in how many jobs": the carved-hours and
    # jobs stages only, with a tenth of the plan's effort
    eval_opts = dataclasses.replace(opts, time_limit_s=opts.time_limit_s / 10)
    carved = _carved_hours(base)
    out = []
    for task in result.proposals:
        assert task.proposal is not None
        if task.id not in evaluate:
            out.append(ProposalEffect(task.id, task.proposal.source, None, None))
            continue
        if progress:
            progress(f"split proposal {task.id}: plan as if confirmed")
        confirmed = analyze(process, cats, confirmed=frozenset({task.id}))
        trial = _solve(confirmed, process, eval_opts, None, cats, ("carved_hours", "jobs"))
        if trial.interrupted:
            return tuple(out), True
        out.append(
            ProposalEffect(
                task.id,
                task.proposal.source,
                max(0, len(trial.carved) - len(base.carved)),
                max(0.0, _carved_hours(trial) - carved),
            )
        )
    return tuple(out), False


def _to_plan(
    inst: PoolInstance,
    process: ProcessModel,
    a: Assignment,
    status: SolveStatus,
    gap: float,
    bound: float | None,
    greedy_jobs: int,
    seconds: float,
    stages: dict[str, SolveStatus],
    cats: Catalogs,
) -> Plan:
    units = inst.units
    share = inst.options.assist_share
    holders: dict[str, list[dict[str, Any]]] = {}

    def hold(u: int, kind: str, holder: str, hours: float, tending: bool = False) -> None:
        entry = {
            "kind": kind,
            "holder": holder,
            "hours_per_week": hours,
            "cobot_assist": u in a.assist_of,
            "tending": tending,
        }
        for item in holders.setdefault(units[u].unit, []):
            if (item["kind"], item["holder"], item["cobot_assist"], item["tending"]) == (
                kind,
                holder,
                u in a.assist_of,
                tending,
            ):
                item["hours_per_week"] += hours
                return
        holders[units[u].unit].append(entry)

    def human_hours(u: int) -> float:
        return units[u].hours * (1 - (share if u in a.assist_of else 0.0))

    def per_unit(members: list[int], pace: float = 1.0) -> dict[str, float]:
        out: dict[str, float] = {}
        for u in members:
            out[units[u].unit] = out.get(units[u].unit, 0.0) + human_hours(u) / pace
        return out

    jobs: list[PlanJob] = []
    for job_id, p, members in named_jobs(inst, a):
        prof = inst.profiles[p]
        supports = job_supports(inst, members, p)
        hours = per_unit(members, prof.pace)
        weight = sum(units[u].hours for u in members)
        jobs.append(
            PlanJob(
                job_id,
                "carved",
                prof.id,
                None,
                job_hours(inst, members, p, a),
                tuple(hours),
                tuple(supports),
                tuple(sorted({units[u].task for u in members})),
                hours,
                physical_load=sum(units[u].physical * units[u].hours for u in members) / weight
                if weight
                else 0.0,
            )
        )
        for u in members:
            hold(u, "carved", job_id, human_hours(u))
    cobots: list[PlanCobot] = []
    cobot_models = {c.id: c for c in cats.cobots}
    for cid, members in a.cells():
        takes = tuple(dict.fromkeys(units[u].unit for u in members if u in a.cobot_of))
        assists = tuple(dict.fromkeys(units[u].unit for u in members if u in a.assist_of))
        models = [
            m
            for m in (units[u].cobot_model for u in members)
            if m is not None and m in cobot_models
        ]
        model = (
            max(models, key=lambda mid: (cobot_models[mid].payload_kg, cobot_models[mid].reach_mm))
            if models
            else None
        )
        cobots.append(
            PlanCobot(cid, model, takes, assists, sum(units[u].cobot_hours for u in members))
        )
        for u in members:
            if u in a.cobot_of:
                # today's hours less what its role keeps to tend the cell: the cobot's and the
                # role's holdings add up to today's hours, and the cobot's is what the work
                # balance releases to it (`released_by`)
                hold(u, "cobot", cid, units[u].base_hours * inst.options.taken_share)

    def kept_base(members: list[int]) -> dict[str, float]:
        # the role keeps its work in today's hours: no hand-over overhead, less the share
        # a cobot assists with
        out: dict[str, float] = {}
        for u in members:
            keep = units[u].base_hours * (1 - (share if u in a.assist_of else 0.0))
            out[units[u].unit] = out.get(units[u].unit, 0.0) + keep
        return out

    tending = inst.options.tending_share
    tended_by: dict[str, dict[str, float]] = {}
    for role in process.roles:
        members = [
            u
            for u, unit in enumerate(units)
            if unit.role == role.id and u not in a.job_of and u not in a.cobot_of
        ]
        hours = kept_base(members)
        # the role tends the cobots that took its units over (one home for the share:
        # `released_by` releases the rest)
        tended = [u for u in a.cobot_of if units[u].role == role.id and tending > 0]
        for u in tended:
            hours[units[u].unit] = hours.get(units[u].unit, 0.0) + units[u].base_hours * tending
            tends = tended_by.setdefault(role.id, {})
            tends[units[u].unit] = tends.get(units[u].unit, 0.0) + units[u].base_hours * tending
        jobs.append(
            PlanJob(
                role.id,
                "existing",
                None,
                role.id,
                sum(hours.values()),
                tuple(hours),
                (),
                tuple(sorted({units[u].task for u in (*members, *tended)})),
                hours,
            )
        )
        for u in members:
            hold(u, "role", role.id, units[u].base_hours * (1 - (share if u in a.assist_of else 0)))
        for u in tended:
            hold(u, "role", role.id, units[u].base_hours * tending, tending=True)
    holder = {
        k: tuple(
            Holding(
                h["kind"],
                h["holder"],
                round(h["hours_per_week"], 3),
                h["cobot_assist"],
                h["tending"],
            )
            for h in v
        )
        for k, v in sorted(holders.items())
    }
    balance = _with_role_loads(work_balance(process, released(inst, a)), inst, jobs, tended_by)
    jobs = _with_quality(jobs, inst, a, process, balance)
    # hours freed in a hard-to-fill role = its hours before less what it keeps after the plan:
    # the work balance's released hours (one home; the report's before/after table and the
    # business case add up to it)
    hard_roles = {r.id for r in process.roles if r.hard_to_fill}
    freed_by_role = {b.role: b.released_hours_per_week for b in balance if b.role in hard_roles}
    freed = sum(freed_by_role.values())
    reasons: list[Reason] = []
    o = inst.options
    if not any(p.slots for p in inst.profiles):
        reasons.append(Reason("plan.no_slots", {"min_hours": o.min_job_hours}))
    elif not any(j.kind == "carved" for j in jobs):
        reasons += why_no_job(inst, proven=status == SolveStatus.OPTIMAL)
    else:
        # a profile left without a job beside the others: what the other jobs and the cobots
        # left of the roles' room
        with_job = {j.profile for j in jobs if j.kind == "carved" and j.profile}
        taken = {b.role: b.released_hours_per_week for b in balance}
        reasons += why_no_job(
            inst, taken, with_job, {*a.job_of, *a.cobot_of}, proven=status == SolveStatus.OPTIMAL
        )
    room = room_left(inst, balance)
    trials = _trials(inst, holder, room)
    reasons = _with_held_back_work(reasons, inst, trials, room)
    return Plan(
        status=status,
        gap=gap,
        bound_carved_hours=bound,
        jobs=tuple(jobs),
        cobots=tuple(cobots),
        unit_holder=dict(sorted(holder.items())),
        options={
            "min_job_hours": o.min_job_hours,
            "min_kinds_per_job": o.min_kinds_per_job,
            "max_job_ergonomic_load": o.max_job_ergonomic_load,
            "heavy_work_load_margin": o.heavy_work_load_margin,
            # the profiles whose jobs may weigh more (able to do heavy work), with their limit
            "job_load_limits": {
                p.id: p.load_limit for p in inst.profiles if p.load_limit is not None
            },
            "max_cobots": o.max_cobots,
            "allow_displacement": o.allow_displacement,
            "min_kind_share": o.min_kind_share,
            "max_counted_supported_gaps": o.max_counted_supported_gaps,
            "max_unit_room_ratio": o.max_unit_room_ratio,
            "cobot_hours_available": round(o.cobot_hours_available, 3),
            "time_limit_s": o.time_limit_s,
            "seed": o.seed,
            "workers": o.workers,
        },
        greedy_jobs=greedy_jobs,
        seconds=seconds,
        stage_status=stages,
        hours_per_fte=o.hours_per_fte,
        banenafspraak_hours=o.banenafspraak_hours,
        register_profiles=frozenset(p.id for p in process.profiles if p.in_register),
        skilled_hours_freed=freed,
        freed_by_role=freed_by_role,
        reasons=tuple(reasons),
        work_balance=balance,
        trials=trials,
        larger_than_room=tuple(
            dict.fromkeys(
                u.unit
                for u in inst.units
                if any(u.unit in ids for ids in inst.larger_than_room.values())
            )
        ),
    )


def _with_held_back_work(
    reasons: list[Reason],
    inst: PoolInstance,
    trials: Mapping[str, Mapping[str, float]],
    room: Mapping[str, float],
) -> list[Reason]:
    """After each no-job reason of a profile with trial work (which that reason does not
    count), the trial work's hours at the profile's pace, its roles' room at most; and the
    fitting work held back because each unit is larger than its role may give up."""
    role_of = {u.unit: u.role for u in inst.units}
    today: dict[str, float] = {}
    for u in inst.units:
        today[u.unit] = today.get(u.unit, 0.0) + u.base_hours
    by_name = {p.name: p for p in inst.profiles}
    out: list[Reason] = []
    for reason in reasons:
        out.append(reason)
        profile = by_name.get(reason.params.get("profile", ""))
        if not reason.key.startswith("plan.no_job") or profile is None:
            continue
        if larger := inst.larger_than_room.get(profile.id):
            out.append(
                Reason(
                    "plan.no_job.larger",
                    {
                        "profile": profile.name,
                        "count": len(larger),
                        "hours": sum(today[u] for u in larger),
                    },
                )
            )
        hours = trials.get(profile.id)
        if not hours:
            continue
        per_role: dict[str, float] = {}
        for unit, h in hours.items():
            per_role[role_of[unit]] = per_role.get(role_of[unit], 0.0) + h
        standard = sum(min(h, room.get(r, math.inf)) for r, h in per_role.items())
        out.append(
            Reason(
                "plan.no_job.trials", {"profile": profile.name, "hours": standard / profile.pace}
            )
        )
    return out


def _with_role_loads(
    balance: tuple[RoleBalance, ...],
    inst: PoolInstance,
    jobs: list[PlanJob],
    tended_by: Mapping[str, Mapping[str, float]] | None = None,
) -> tuple[RoleBalance, ...]:
    """The work balance with each role's physical load today and after the plan.

    Carving takes the light work a role shares out; what its people keep can be heavier
    than any new job may be (a review: store hands left with 73% hand turning). The measure
    is a new job's (`max_job_ergonomic_load`), so the report can hold both to one limit.
    ``tended_by``: per role, the hours of each unit it keeps to tend the cobot that took it
    over; they count at `PoolOptions.tending_physical`, as the cobot does the handling.
    """
    physical: dict[str, float] = {u.unit: u.physical for u in inst.units}
    today: dict[str, dict[str, float]] = {}
    for u in inst.units:
        work = today.setdefault(u.role, {})
        work[u.unit] = work.get(u.unit, 0.0) + u.base_hours
    kept: dict[str, dict[str, float]] = {}
    for j in jobs:
        if j.kind != "existing" or not j.role:
            continue
        tends = (tended_by or {}).get(j.role, {})
        work = {uid: h - tends.get(uid, 0.0) for uid, h in j.unit_hours.items()}
        for uid, h in tends.items():
            key = f"{uid} (tending)"
            work[key] = h
            physical[key] = inst.options.tending_physical
        kept[j.role] = work
    return tuple(
        dataclasses.replace(
            b,
            physical_load_today=weighted_load(today.get(b.role, {}), physical),
            physical_load_after=weighted_load(kept.get(b.role, {}), physical),
        )
        for b in balance
    )


def room_left(inst: PoolInstance, balance: tuple[RoleBalance, ...]) -> dict[str, float]:
    """Per role, the hours it may still give up after the plan (infinite without a limit)."""
    return {
        b.role: math.inf
        if inst.options.allow_displacement or b.role not in inst.role_limits
        else max(0.0, inst.role_limits[b.role] - b.released_hours_per_week)
        for b in balance
    }


def role_keeps(holder: Mapping[str, tuple[Holding, ...]], unit: str) -> float:
    """Today's hours a week of ``unit`` its role keeps after the plan (`Plan.unit_holder`),
    without the hours it tends a cobot that took the unit over: the work that could still
    move to a job."""
    return sum(h.hours_per_week for h in holder.get(unit, ()) if h.kind == "role" and not h.tending)


def _trials(
    inst: PoolInstance,
    holder: Mapping[str, tuple[Holding, ...]],
    room: Mapping[str, float],
) -> dict[str, dict[str, float]]:
    """The instance's trial units (`PoolInstance.trials`) of profiles that may get a job,
    with the standard hours a successful trial could still move: what the unit's role keeps
    of it, at most the `room` the plan leaves the role, one shift's share of work done in
    every shift and a working day a day of work done on fewer days (work the plan gave to
    another job or a cobot, or a role with no room left, is no trial)."""
    role = {u.unit: u.role for u in inst.units}
    # of work done in every shift one job holds one shift's share at most, of daily work its
    # profile's days' share (`PoolInstance.part_cap`)
    first: dict[str, int] = {}
    for i, u in enumerate(inst.units):
        first.setdefault(u.unit, i)
    # of work done on fewer days a job holds a working day a day at most (`day_limit`)
    per_day = {u.unit: (u.per_day, u.base_hours) for u in inst.units if u.per_day}
    index = {p.id: i for i, p in enumerate(inst.profiles)}
    places = {p.id for p in inst.profiles if p.slots}
    out: dict[str, dict[str, float]] = {}
    for profile, units in sorted(inst.trials.items()):
        if profile not in places:
            continue
        day = inst.day_limit(index[profile])
        hours = {}
        for unit in units:
            cap = inst.part_cap(first[unit], index[profile]) if unit in first else 0
            most = cap * inst.units[first[unit]].base_hours if cap else math.inf
            if unit in per_day:
                each, base = per_day[unit]
                most = min(most, day / each * base)
            # tending a cobot that took the unit over is no work to try out
            kept = role_keeps(holder, unit)
            movable = min(kept, room.get(role[unit], math.inf), most)
            if movable > 0.05:
                hours[unit] = round(movable, 3)
        if hours:
            out[profile] = hours
    return out


def why_no_job(
    inst: PoolInstance,
    taken: Mapping[str, float] | None = None,
    with_job: Collection[str] = (),
    held: Collection[int] = (),
    proven: bool = False,
) -> list[Reason]:
    """Why a profile got no job, where one constraint alone explains it.

    The profile has fewer hours available than a job needs (``min_job_hours``); the work
    that fits it, within what its roles may give up, is too little or of too few kinds for
    a job (``min_job_hours``, ``min_kinds_per_job``: also where so little fits that the
    optimiser got no place for it); or even its lightest bundle of ``min_job_hours`` loads
    the body more than its jobs may carry (``max_job_ergonomic_load``, more for a profile able
    to do heavy work: `PoolInstance.load_limit`; hours-weighted physical demand).
    A profile where none holds gets the reason that the rules bind together
    (``plan.no_job.together``), with the work that fits and what the others left of it,
    where the plan is ``proven`` optimal; in a plan the solver did not prove, that a job
    was not found in its time (``plan.no_job.unproven``: a longer run may find one).

    ``taken``: hours per role the plan's jobs and cobots already release; ``held``: the
    units (indices) in those jobs and cobots. Where the work that fits would make a job with
    the roles' whole room but not with what the other jobs and cobots leave of it, the
    reason says that they took it (``plan.no_job.taken``, with what is left, or ``plan.no_job.taken_all`` where nothing is); where it would
    not even with the whole room, that too little fits (``plan.no_job.room``). Profiles in
    ``with_job`` are not explained.
    """
    o = inst.options
    used: Mapping[str, float] = taken or {}
    busy = set(held)

    def left(role: str, spent: Mapping[str, float]) -> float:
        if o.allow_displacement or role not in inst.role_limits:
            return math.inf
        return max(0.0, inst.role_limits[role] - spent.get(role, 0.0))

    def reach(p: int, spent: Mapping[str, float], gone: set[int]) -> tuple[float, int, float]:
        """Hours and kinds of the work that fits profile p within the room left, and the
        physical load of its lightest bundle of a job's hours."""
        fitting = [
            (i, u)
            for i, u in enumerate(inst.units)
            if u.access[p] and i not in gone and left(u.role, spent) > 1e-6
        ]
        room = {role: left(role, spent) for role in {u.role for _i, u in fitting}}
        hours = load = 0.0
        given = dict.fromkeys(room, 0.0)
        # a job holds at most one shift's share, and of daily work its days' share, of a unit
        # (`PoolInstance.part_cap`; a diff review: the reason ignored it)
        parts: dict[str, int] = {}
        for i, u in sorted(fitting, key=lambda iu: (iu[1].physical, iu[1].id)):
            most = inst.part_cap(i, p)
            if most and parts.get(u.unit, 0) >= most:
                continue
            share = min(u.base_hours, room[u.role] - given[u.role])
            if share <= 0:
                continue
            parts[u.unit] = parts.get(u.unit, 0) + 1
            given[u.role] += share
            if hours < o.min_job_hours:
                load += u.physical * min(share, o.min_job_hours - hours)
            hours += share
        # a kind of work counts where it can be its share of even the smallest job
        # (min_kind_share; a reading of the cable-harness maker: 1.1 h of splicing left
        # counted as a third kind beside kitting and labels), on its own: what its parts
        # (at most the part cap of each unit) give within its roles' room, whatever the
        # greedy bundle above left it (a diff review)
        least = o.min_kind_share * o.min_job_hours - 1e-9
        alone: dict[str, dict[str, float]] = {}
        counted: dict[str, int] = {}
        for i, u in fitting:
            most = inst.part_cap(i, p)
            if most and counted.get(u.unit, 0) >= most:
                continue
            counted[u.unit] = counted.get(u.unit, 0) + 1
            by_role = alone.setdefault(u.task, {})
            by_role[u.role] = by_role.get(u.role, 0.0) + u.base_hours
        kinds = sum(
            1
            for by_role in alone.values()
            if sum(min(h, room[r]) for r, h in by_role.items()) >= least
        )
        return hours, kinds, load

    def too_little(hours: float, kinds: int) -> bool:
        return hours < o.min_job_hours or kinds < o.min_kinds_per_job

    out: list[Reason] = []
    for p, prof in enumerate(inst.profiles):
        if prof.id in with_job:
            continue
        name = prof.name
        if prof.hours_available < o.min_job_hours:
            out.append(
                Reason(
                    "plan.no_job.hours",
                    {"profile": name, "hours": prof.hours_available, "min_hours": o.min_job_hours},
                )
            )
            continue
        hours, kinds, load = reach(p, {}, set())
        whole = hours
        key = "plan.no_job.room"
        if not too_little(hours, kinds) and (used or busy):
            hours, kinds, load = reach(p, used, busy)
            key = "plan.no_job.taken"
        if too_little(hours, kinds) and key == "plan.no_job.taken" and hours < 0.05:
            # nothing left: no "0.0 hours (kinds of work: 0)" (a review of the CNC report)
            out.append(Reason("plan.no_job.taken_all", {"profile": name}))
        elif too_little(hours, kinds):
            out.append(
                Reason(
                    key,
                    {
                        "profile": name,
                        "hours": hours,
                        "kinds": kinds,
                        "min_hours": o.min_job_hours,
                        "min_kinds": o.min_kinds_per_job,
                    },
                )
            )
        elif load / o.min_job_hours > inst.load_limit(p):
            out.append(
                Reason(
                    "plan.no_job.load",
                    {
                        "profile": name,
                        "load": load / o.min_job_hours,
                        "max": inst.load_limit(p),
                    },
                )
            )
        else:
            # no rule alone explains it, so the rules together do: say what fits and what
            # the others left, not nothing (a reading of the cable-harness maker: "the third
            # profile gets no job and the report never says why")
            if not proven:
                out.append(Reason("plan.no_job.unproven", {"profile": name, "whole": whole}))
                continue
            out.append(
                Reason(
                    "plan.no_job.together" if used or busy else "plan.no_job.together_alone",
                    {
                        "profile": name,
                        "whole": whole,
                        "hours": hours,
                        "kinds": kinds,
                        "min_hours": o.min_job_hours,
                        "min_kinds": o.min_kinds_per_job,
                    },
                )
            )
    return out


def _with_quality(
    jobs: list[PlanJob],
    inst: PoolInstance,
    a: Assignment,
    process: ProcessModel,
    balance: tuple[RoleBalance, ...],
) -> list[PlanJob]:
    """The carved jobs with their job-quality checks."""
    o = inst.options
    working = {b.role for b in balance if b.people > 0 and b.kept_hours_per_week > 0.05}
    role_of = {u.task: u.role for u in inst.units}
    cobot_tasks = {inst.units[u].task for u in (*a.cobot_of, *a.assist_of)}
    # the standard task a unit practises whole: its own template. A part of a task with a
    # template (a catalogue split's part, a subtask without a template of its own) practises
    # only a piece of that standard task's work process, so it names none (a review:
    # "CNC machine set-up" as the route of a job that fetches the tools for it)
    templates: dict[str, str | None] = {}

    def walk(task: Any) -> None:
        templates[task.id] = task.template
        for sub in task.subtasks:
            walk(sub)

    for t in process.tasks:
        walk(t)
    # a job that holds every part of a task practises the whole (a diff review: all three
    # parts of unloading the laser lost their standard task)
    parts_of: dict[str, set[str]] = {}
    for u in inst.units:
        parts_of.setdefault(u.task, set()).add(u.unit)
    out = []
    for job in jobs:
        if job.kind != "carved":
            out.append(job)
            continue
        kinds: dict[str, float] = {}
        for unit_id, hours in job.unit_hours.items():
            task = next(u.task for u in inst.units if u.unit == unit_id)
            kinds[task] = kinds.get(task, 0.0) + hours
        total = sum(kinds.values()) or 1.0
        smallest = min(kinds.values()) / total if kinds else 0.0
        quality = JobQuality(
            kinds=len(kinds),
            smallest_kind_share=smallest,
            variety_ok=len(kinds) >= o.min_kinds_per_job and smallest >= o.min_kind_share - 0.005,
            colleague_roles=tuple(sorted({role_of[t] for t in kinds if role_of[t] in working})),
            cobot_task_share=sum(h for t, h in kinds.items() if t in cobot_tasks) / total,
            learning_templates=tuple(
                sorted(
                    {tpl for u in job.unit_hours if (tpl := templates.get(u)) is not None}
                    | {
                        tpl
                        for t, parts in parts_of.items()
                        if (tpl := templates.get(t)) is not None and parts <= set(job.unit_hours)
                    }
                )
            ),
        )
        out.append(dataclasses.replace(job, quality=quality))
    return out


def line_plan(
    process: ProcessModel,
    analysis: Analysis | None = None,
    *,
    objective: Objective = "max_target_group",
    takt_s: float | None = None,
    catalogs: Catalogs | None = None,
    options: CarvingOptions | None = None,
    cobot_units: frozenset[str] | None = None,
    **overrides: float | int | None,
) -> LineSolution:
    """The line balance of a process of kind ``line`` (see `jobcarve.carving.line`).

    ``cobot_units``: the units a cobot may take on the line (None: every candidate); the
    report's line takes only those of its plan's cobots.

    ``objective``: ``min_cycle`` (the whole team staffs stations; shortest cycle),
    ``min_stations`` (fewest workers at the takt) or ``max_target_group`` (most workers
    from the target group at the takt, then fewest stations). The takt defaults to
    ``planning.takt_s``. Shortest-cycle lines without cobots whose work balance does not
    bind are plain ALWABP-2 and go to the engine of ``jobcarve balance``
    (`solve_alwabp2`); the others to the CP-SAT line model, which holds cobots and the
    work balance and starts from that engine's constructive line.
    """
    from jobcarve.analysis import analyze
    from jobcarve.carving.cpsat.line import solve_line
    from jobcarve.carving.cpsat.pool import GUARD_FACTOR, GUARD_MIN_S
    from jobcarve.carving.line import line_problem
    from jobcarve.carving.line.alwabp import solve_alwabp2

    cats = catalogs if catalogs is not None else load_catalogs()
    assert cats.params is not None
    result = analysis if analysis is not None else analyze(process, cats)
    chosen = (options or CarvingOptions()).replace(**overrides)
    opts = resolve_options(process, cats.params, _rotation_share(cats), **chosen.overrides())
    problem = line_problem(
        process,
        result,
        max_cobots=opts.max_cobots,
        allow_displacement=opts.allow_displacement,
        max_counted_supported_gaps=opts.max_counted_supported_gaps,
        cobot_units=cobot_units,
    )
    takt = takt_s if takt_s is not None else process.planning.takt_s
    cycle = None
    if objective != "min_cycle":
        if takt is None:
            raise UsageError(f"objective {objective} needs a takt: planning.takt_s or --takt")
        cycle = round(takt / problem.time_unit)
    if objective not in ("min_cycle", "min_stations", "max_target_group"):
        raise UsageError(f"unknown line objective {objective!r}")
    if objective == "min_cycle" and not problem.work_balance_allows_all:
        # every worker staffs a station, more target-group workers than free places
        assert problem.max_target_group is not None
        return LineSolution(
            objective,
            "infeasible",
            0,
            (),
            0,
            0,
            0.0,
            f"the shortest cycle puts all {len(problem.workers)} workers on the line, but the "
            f"work balance has places for {problem.max_target_group} of its "
            f"{problem.target_group_workers} target-group workers: balance for the most "
            "target-group workers at the takt instead (objective max_target_group)",
        )
    if objective == "min_cycle" and problem.plain_alwabp2:
        # the engine of the published benchmarks: constructive line, bounds, CP-SAT, probes
        return solve_alwabp2(
            problem, time_limit_s=opts.time_limit_s, seed=opts.seed, workers=opts.workers
        )
    # the time limit is CP-SAT's deterministic time, as for the pool plan, so that a line
    # does not depend on the machine's load (the wall clock is only the guard)
    solution = solve_line(
        problem,
        objective,
        cycle_time=cycle,
        time_limit_s=max(GUARD_MIN_S, opts.time_limit_s * GUARD_FACTOR),
        effort_s=opts.time_limit_s,
        seed=opts.seed,
        workers=opts.workers,
    )
    if not solution.stations and cycle is not None:
        # no line at the takt: what alone rules it out, for the report to say
        solution.stats["no_line"] = problem.why_no_line(cycle)
    return solution
