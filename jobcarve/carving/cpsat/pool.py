"""CP-SAT model of pool-mode carving (the only module, with line.py, that imports ortools).

Variables: x[u, p, j] unit u in carved job j of profile p; y[p, j] job used; c[u, m] unit
taken over by cobot m; s[u, m] unit assisted by cobot m; w[u, p, j] = x and assisted;
used[m] cobot used. Constraints, one method each: every unit has at most one new holder
(otherwise it stays with its role); a job holds at most one shift's share of work done in
every shift, and none of a later shift's share where it holds work bound to the day shift; a
job's hours lie between the minimum and the
profile's hours (pace-scaled, less the cobot's share of assisted units); a job holds at
least `min_kinds_per_job` different tasks, each at least `min_kind_share` of its work; its
hours-weighted physical load stays under the limit; no role gives up more of today's work
than its declared uses absorb (the work balance); cobots within their weekly hours and
number. Objectives, lexicographic, solved in stages with the previous optimum fixed
(the carved hours within a small slack) (`STAGES`): carved hours (the banenafspraak counts hours), hours freed in hard-to-fill
roles, hours of ergonomic risk a cobot takes, fewer (so larger) jobs and of as many jobs
more profiles served, fewer teams a job
works in (the roles whose work it holds: one colleague guides the new worker), less work
that fits its job's profile only with supports or a floor check of its place (hours x gaps
the supports close, a check one more: `PoolUnit.gaps`), fewer
cobots, then, only where a role has leavers, fewer hours resting on work that waits for
them (jobs that can start today), and last, only where a role has room of a season, fewer
hours resting on agency hours or overtime of that season. A stage asked for only by the
trial of one cobot that frees needed hours (`ASKED_STAGES`) comes right after the carved
hours: the hours the cobots free from the roles.

Each stage spends its share of the time limit as CP-SAT *deterministic* time with one
worker by default, so that the same input and seed give the same plan on an idle and on
a loaded machine; a wall-clock guard of ten times the limit only stops a run that would
hang, and the report then says the plan depends on the machine.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from jobcarve.carving.assignment import Assignment
from jobcarve.carving.cpsat import InterruptWatch
from jobcarve.carving.instance import SCALE, PoolInstance, apart
from jobcarve.carving.status import SolveStatus

STAGES = (
    "carved_hours",
    "cobot_freed_hours",
    "hard_to_fill_hours",
    "ergonomic_risk_hours",
    "jobs",
    "teams",
    "supported_hours",
    "cobots",
    "start_hours",
    "year_round_hours",
)
#: Share of the time limit per stage, relative: scaled so that the stages run share the limit.
STAGE_SHARE = (0.5, 0.15, 0.15, 0.1, 0.1, 0.05, 0.05, 0.1, 0.1, 0.1)
#: Stages solved only where the instance needs them: room there is today only where a role
#: has leavers (`PoolInstance.leaver_room`), year-round room only where a role has room of a
#: season (`PoolInstance.seasonal_room`), so that other plans keep their time.
OPTIONAL_STAGES = ("start_hours", "year_round_hours")
#: Stages solved only when asked for, with a time share of their own on top of the others'
#: (so that the stages before them solve as in the plan's own solve): the hours the cobots
#: free, right after the carved hours, for the trial of a cobot that frees needed hours
#: (`carving.plan`: a cobot the plan's own order leaves out because new jobs may take a part
#: of its work, where the agency hours or overtime that the cell would end are what counts).
ASKED_STAGES = ("cobot_freed_hours",)
#: The stages of a plan's own solve.
PLAN_STAGES = tuple(s for s in STAGES if s not in ASKED_STAGES)
#: Extra share of the time limit for taking back the carved hours after the later stages.
POLISH_SHARE = 0.1
#: The wall-clock guard of a stage, as a multiple of its deterministic limit (and at least
#: GUARD_MIN_S seconds).
GUARD_FACTOR = 10
GUARD_MIN_S = 30.0


@dataclass
class SolveReport:
    """Outcome of the staged solve."""

    assignment: Assignment
    status: SolveStatus  # optimal | feasible
    objective: list[int]
    bound: int
    stage_status: dict[str, SolveStatus] = field(default_factory=dict)
    seconds: float = 0.0
    interrupted: bool = False
    #: a stage was stopped by the wall-clock guard: the plan may depend on the machine
    guard_hit: bool = False
    #: CP-SAT deterministic time spent per stage (machine-independent effort)
    effort: dict[str, float] = field(default_factory=dict)


class PoolModel:
    """Builds and solves the CP-SAT model of one pool instance."""

    def __init__(self, inst: PoolInstance) -> None:
        self.inst = inst
        self.m = cp_model.CpModel()
        self.x: dict[tuple[int, int, int], cp_model.IntVar] = {}
        self.y: dict[tuple[int, int], cp_model.IntVar] = {}
        self.c: dict[tuple[int, int], cp_model.IntVar] = {}
        self.s: dict[tuple[int, int], cp_model.IntVar] = {}
        self.w: dict[tuple[int, int, int], cp_model.IntVar] = {}
        self.used: dict[int, cp_model.IntVar] = {}
        #: team[p, j, role]: job (p, j) holds work of that role
        self.team: dict[tuple[int, int, str], cp_model.IntVar] = {}
        #: per role with room of a season: the hours it gives up beyond its year-round room
        self.seasonal: list[cp_model.IntVar] = []
        #: per role with a limit: the hours it gives up (scaled) and its limit
        self.given: dict[str, tuple[cp_model.LinearExprT, int]] = {}
        self._variables()
        self._one_holder()
        self._one_shift()
        self._one_day()
        self._day_jobs()
        self._job_hours()
        self._variety()
        self._ergonomics()
        self._balance()
        self._rotation()
        self._cobots()
        self._symmetry()
        self._teams()
        self.terms = self._objective_terms()

    # ------------------------------------------------------------------ variables
    def _variables(self) -> None:
        inst, m = self.inst, self.m
        self.x_by_unit: dict[int, list[tuple[int, int, cp_model.IntVar]]] = {}
        self.x_by_job: dict[tuple[int, int], list[tuple[int, cp_model.IntVar]]] = {}
        self.c_by_unit: dict[int, list[cp_model.IntVar]] = {}
        self.s_by_unit: dict[int, list[cp_model.IntVar]] = {}
        self.on_cobot: dict[int, list[tuple[int, cp_model.IntVar]]] = {}
        self.w_by_unit: dict[int, list[cp_model.IntVar]] = {}
        self.w_by_job: dict[tuple[int, int], list[tuple[int, cp_model.IntVar]]] = {}
        for p, prof in enumerate(inst.profiles):
            for j in range(prof.slots):
                self.y[p, j] = m.new_bool_var(f"y{p}_{j}")
                self.x_by_job[p, j] = []
                for u, unit in enumerate(inst.units):
                    if unit.access[p]:
                        var = m.new_bool_var(f"x{u}_{p}_{j}")
                        self.x[u, p, j] = var
                        self.x_by_unit.setdefault(u, []).append((p, j, var))
                        self.x_by_job[p, j].append((u, var))
        for k in range(inst.options.max_cobots):
            self.used[k] = m.new_bool_var(f"cobot{k}")
            self.on_cobot[k] = []
            for u, unit in enumerate(inst.units):
                if unit.cobot == "candidate":
                    var = self.c[u, k] = m.new_bool_var(f"c{u}_{k}")
                    self.c_by_unit.setdefault(u, []).append(var)
                    self.on_cobot[k].append((u, var))
                elif unit.cobot == "assist":
                    var = self.s[u, k] = m.new_bool_var(f"s{u}_{k}")
                    self.s_by_unit.setdefault(u, []).append(var)
                    self.on_cobot[k].append((u, var))
        for u, assists in self.s_by_unit.items():
            assisted = cp_model.LinearExpr.sum(assists)
            for p, j, var in self.x_by_unit.get(u, []):
                w = m.new_bool_var(f"w{u}_{p}_{j}")
                m.add(w <= var)
                m.add(w <= assisted)
                m.add(w >= var + assisted - 1)
                self.w[u, p, j] = w
                self.w_by_unit.setdefault(u, []).append(w)
                self.w_by_job.setdefault((p, j), []).append((u, w))

    # ------------------------------------------------------------------ constraints
    def _one_holder(self) -> None:
        """A unit goes to at most one carved job or one cobot; else it stays with its role."""
        for u in range(self.inst.num_units):
            taken = [v for _, _, v in self.x_by_unit.get(u, [])] + self.c_by_unit.get(u, [])
            if len(taken) > 1:
                self.m.add_at_most_one(taken)
            assists = self.s_by_unit.get(u, [])
            if len(assists) > 1:
                self.m.add_at_most_one(assists)
            for p, j, var in self.x_by_unit.get(u, []):
                self.m.add_implication(var, self.y[p, j])

    def _one_shift(self) -> None:
        """A job holds at most one shift's share of work done in every shift, and of daily
        work its profile's days' share (`PoolInstance.part_cap`)."""
        units = self.inst.units
        for (p, _j), members in self.x_by_job.items():
            by_unit: dict[str, list[cp_model.IntVar]] = {}
            cap: dict[str, int] = {}
            for u, var in members:
                most = self.inst.part_cap(u, p)
                if most:
                    by_unit.setdefault(units[u].unit, []).append(var)
                    cap[units[u].unit] = most
            for unit, parts in sorted(by_unit.items()):
                if len(parts) > cap[unit]:
                    self.m.add(cp_model.LinearExpr.sum(parts) <= cap[unit])

    def _one_day(self) -> None:
        """A job holds at most a working day a day of work done on fewer days than the week
        (`PoolUnit.per_day`, `PoolInstance.day_limit`), in hundredths of an hour."""
        units = self.inst.units
        for (p, _j), members in sorted(self.x_by_job.items()):
            if not any(units[u].per_day for u, _v in members):
                continue
            # a day's share of the daily work is on that day too; a job without once-a-week work
            # cannot pass the limit with daily work alone (`day_limit` is a fifth of its hours
            # at least), so the row holds for every job of the profile
            days = self.inst.profiles[p].days
            day = [
                (round(units[u].day_hours(days) * 100), var)
                for u, var in members
                if units[u].day_hours(days)
            ]
            if sum(w for w, _v in day) > self.inst.day_limit(p) * 100:
                self.m.add(
                    cp_model.LinearExpr.weighted_sum([v for _w, v in day], [w for w, _v in day])
                    <= math.floor(self.inst.day_limit(p) * 100 + 1e-6)
                )

    def _day_jobs(self) -> None:
        """A job that holds work bound to the day shift holds no later shift's part of work
        done in every shift (`assignment.day_and_later`)."""
        units = self.inst.units
        for (p, j), members in self.x_by_job.items():
            day = [var for u, var in members if units[u].day]
            later = [var for u, var in members if units[u].shift_part > 0]
            if day and later:
                works_days = self.m.new_bool_var(f"day{p}_{j}")
                for var in day:
                    self.m.add_implication(var, works_days)
                for var in later:
                    self.m.add_implication(var, ~works_days)

    def _hours_expr(self, p: int, j: int) -> cp_model.LinearExprT:
        inst = self.inst
        pace = inst.profiles[p].pace
        share = inst.options.assist_share
        terms: list[cp_model.LinearExprT] = [
            round(inst.units[u].hours * SCALE / pace) * var for u, var in self.x_by_job[p, j]
        ]
        terms += [
            -round(inst.units[u].hours * share * SCALE / pace) * w
            for u, w in self.w_by_job.get((p, j), [])
        ]
        return cp_model.LinearExpr.sum(terms)

    def _job_hours(self) -> None:
        """Minimum hours <= job hours <= the profile's hours, for used jobs."""
        o = self.inst.options
        lo = round(o.min_job_hours * SCALE)
        for (p, j), y in self.y.items():
            hi = round(self.inst.profiles[p].hours_available * SCALE)
            hours = self._hours_expr(p, j)
            self.m.add(hours >= lo * y)
            self.m.add(hours <= hi * y)

    def _variety(self) -> None:
        """A used job holds units of at least `min_kinds_per_job` different tasks, each kind
        at least `min_kind_share` of the job's work (standard hours)."""
        need = self.inst.options.min_kinds_per_job
        share_pct = round(self.inst.options.min_kind_share * 100)
        units = self.inst.units
        for (p, j), y in self.y.items():
            kinds = []
            by_task: dict[str, list[tuple[int, cp_model.IntVar]]] = {}
            for u, var in self.x_by_job[p, j]:
                by_task.setdefault(units[u].task, []).append((u, var))
            total = cp_model.LinearExpr.sum(
                [units[u].scaled() * var for u, var in self.x_by_job[p, j]]
            )
            for task, members in sorted(by_task.items()):
                k = self.m.new_bool_var(f"k{p}_{j}_{task}")
                for _, var in members:
                    self.m.add_implication(var, k)
                self.m.add(k <= cp_model.LinearExpr.sum([v for _, v in members]))
                kinds.append(k)
                if share_pct > 0:
                    # 100 x own >= share x total when the kind is in the job; the big-M form
                    # keeps the LP relaxation informative (an enforcement literal does not)
                    own = cp_model.LinearExpr.sum([units[u].scaled() * v for u, v in members])
                    big = share_pct * round(self.inst.profiles[p].hours_available * SCALE)
                    self.m.add(100 * own >= share_pct * total - big * (1 - k))
            if kinds:
                self.m.add(cp_model.LinearExpr.sum(kinds) >= need * y)
            else:
                self.m.add(y == 0)

    def _balance(self) -> None:
        """No role gives up more of today's work than its declared uses absorb."""
        share = self.inst.options.assist_share
        per_role: dict[str, list[cp_model.LinearExprT]] = {}
        for u, unit in enumerate(self.inst.units):
            if unit.role not in self.inst.role_limits:
                continue
            full, part = unit.base_scaled(), unit.base_scaled(share)
            terms = per_role.setdefault(unit.role, [])
            terms += [full * v for _, _, v in self.x_by_unit.get(u, [])]
            # a unit a cobot takes over: people keep the share that tends the cell
            taken = unit.base_scaled(self.inst.options.taken_share)
            terms += [taken * v for v in self.c_by_unit.get(u, [])]
            terms += [part * v for v in self.s_by_unit.get(u, [])]
            # an assisted unit that moves to a carved job is counted in full above
            terms += [-part * w for w in self.w_by_unit.get(u, [])]
        for role, terms in sorted(per_role.items()):
            if terms:
                limit = round(self.inst.role_limits[role] * SCALE)
                self.m.add(cp_model.LinearExpr.sum(terms) <= limit)
                self.given[role] = (cp_model.LinearExpr.sum(terms), limit)

    def _start_term(self) -> cp_model.LinearExprT:
        """Minus the hours the roles give up beyond the room there is today, where a role
        has leavers (`PoolInstance.leaver_room`): the hours its leavers absorb, and those of
        a season after them (`balance.USES` with the seasonal uses last). Built when its
        stage starts, so that the earlier stages solve the same model as without it."""
        later = []
        for role, (given, limit) in sorted(self.given.items()):
            leave = round(self.inst.leaver_room.get(role, 0.0) * SCALE)
            if leave > 0:
                season = round(self.inst.seasonal_room.get(role, 0.0) * SCALE)
                rest = self.m.new_int_var(0, leave + season, f"later_{role}")
                self.m.add(rest >= given - (limit - season - leave))
                later.append(rest)
        return -cp_model.LinearExpr.sum(later)

    def _year_round_term(self) -> cp_model.LinearExprT:
        """Minus the hours the roles give up beyond their year-round room, where a role has
        room of a season (`PoolInstance.seasonal_room`). Built when its stage starts, so
        that the earlier stages solve the same model as without it."""
        for role, (given, limit) in sorted(self.given.items()):
            season = round(self.inst.seasonal_room.get(role, 0.0) * SCALE)
            if season > 0:
                rest = self.m.new_int_var(0, season, f"season_{role}")
                self.m.add(rest >= given - (limit - season))
                self.seasonal.append(rest)
        return -cp_model.LinearExpr.sum(self.seasonal)

    def _ergonomics(self) -> None:
        """Hours-weighted physical load of a job <= the limit (scaled by 100 to stay integer)."""
        for p, j in self.y:
            limit100 = round(self.inst.load_limit(p) * 100)
            terms = []
            for u, var in self.x_by_job[p, j]:
                unit = self.inst.units[u]
                coef = (unit.physical * 100 - limit100) * unit.scaled()
                if coef:
                    terms.append(coef * var)
            if terms:
                self.m.add(cp_model.LinearExpr.sum(terms) <= 0)

    def _rotation(self) -> None:
        """Repetitive units that need rotation take at most `rotation_max_share` of a job."""
        pct = round(self.inst.options.rotation_max_share * 100)
        units = self.inst.units
        for members in self.x_by_job.values():
            rot = [units[u].scaled() * v for u, v in members if units[u].rotation]
            if not rot:
                continue
            total = cp_model.LinearExpr.sum([units[u].scaled() * v for u, v in members])
            self.m.add(100 * cp_model.LinearExpr.sum(rot) <= pct * total)

    def _cobots(self) -> None:
        """Each cobot within its weekly hours and at one place (area or workstation), and at
        two workstations of it only for work of one kind (`PoolUnit.kinds`); a unit on a
        cobot marks the cobot used."""
        cap = round(self.inst.options.cobot_hours_available * SCALE)
        units = self.inst.units
        places = sorted({u.place for u in units if u.place is not None})
        for k in self.used:
            on = self.on_cobot[k]
            for i, (u, var) in enumerate(on):
                for v, other in on[i + 1 :]:
                    if apart(units[u], units[v]):
                        self.m.add_bool_or([var.negated(), other.negated()])
            if len(places) < 2:
                continue
            at = {pl: self.m.new_bool_var(f"at{k}_{pl}") for pl in places}
            self.m.add(cp_model.LinearExpr.sum(list(at.values())) <= 1)
            for u, var in on:
                place = units[u].place
                if place is not None:
                    self.m.add_implication(var, at[place])
        for k, used in self.used.items():
            load = []
            for u, var in self.on_cobot[k]:
                self.m.add_implication(var, used)
                load.append(round(self.inst.units[u].cobot_hours * SCALE) * var)
            if load:
                self.m.add(cp_model.LinearExpr.sum(load) <= cap)
            else:
                self.m.add(used == 0)

    def _symmetry(self) -> None:
        """Jobs of a profile are used in index order and hold falling hours; cobots are used
        in index order."""
        for (p, j), y in self.y.items():
            if (p, j + 1) in self.y:
                self.m.add(y >= self.y[p, j + 1])
                self.m.add(self._hours_expr(p, j) >= self._hours_expr(p, j + 1))
        for k in range(len(self.used) - 1):
            self.m.add(self.used[k] >= self.used[k + 1])
        # the equal parts of one large unit are interchangeable: part i+1 moves only if
        # part i moves (to any holder), and is assisted only if part i is
        units = self.inst.units
        for u in range(1, len(units)):
            if units[u].unit != units[u - 1].unit:
                continue
            # only where whoever may hold part i+1 may hold part i (the parts of a later
            # shift, or of the last days of daily work, are closed to some profiles)
            if any(a and not b for a, b in zip(units[u].access, units[u - 1].access, strict=True)):
                continue
            here = [v for _, _, v in self.x_by_unit.get(u, [])] + self.c_by_unit.get(u, [])
            before = [v for _, _, v in self.x_by_unit.get(u - 1, [])] + self.c_by_unit.get(
                u - 1, []
            )
            if here:
                self.m.add(cp_model.LinearExpr.sum(here) <= cp_model.LinearExpr.sum(before))

    def _teams(self) -> None:
        """team[p, j, role] is set where job (p, j) holds work of that role (for the
        objective: a job within few teams has one colleague to guide the new worker)."""
        units = self.inst.units
        for (p, j), members in self.x_by_job.items():
            for u, var in members:
                key = (p, j, units[u].role)
                if key not in self.team:
                    self.team[key] = self.m.new_bool_var(f"team{p}_{j}_{units[u].role}")
                self.m.add_implication(var, self.team[key])

    # ------------------------------------------------------------------ objective
    def _objective_terms(self) -> list[cp_model.LinearExprT]:
        inst = self.inst
        total = cp_model.LinearExpr.sum
        # fewer (so larger) jobs and, of as many jobs, more profiles served: a profile has a
        # job when its first slot is used (`_symmetry`); the weight keeps the job count first
        served = total([y for (_p, j), y in self.y.items() if j == 0])
        jobs = -(len(inst.profiles) + 1) * total(list(self.y.values())) + served
        carved = total([self._hours_expr(p, j) for (p, j) in self.y])
        share = inst.options.assist_share
        moved: list[cp_model.LinearExprT] = []
        risk: list[cp_model.LinearExprT] = []
        # the cobots' part of what the roles give up, as the work balance (`_balance`) counts
        # it, in the roles it limits (where displacement is allowed, none: no use absorbs
        # them): a unit taken over less the share its role keeps to tend the cell, an
        # assisted unit the cobot's share, less that share where the unit moves to a new job
        # (the job's term in `_balance` counts it whole; no job term here)
        freed: list[cp_model.LinearExprT] = []
        for u, unit in enumerate(inst.units):
            if unit.role in inst.role_limits:
                part = unit.base_scaled(share)
                freed += [
                    unit.base_scaled(inst.options.taken_share) * v
                    for v in self.c_by_unit.get(u, [])
                ]
                freed += [part * v for v in self.s_by_unit.get(u, [])]
                freed += [-part * w for w in self.w_by_unit.get(u, [])]
            if unit.risk:
                risk += [unit.scaled() * v for v in self.c_by_unit.get(u, [])]
                risk += [unit.scaled() * v for v in self.s_by_unit.get(u, [])]
            if not unit.hard_to_fill:
                continue
            full, part = unit.scaled(), round(unit.hours * share * SCALE)
            moved += [full * v for _, _, v in self.x_by_unit.get(u, [])]
            moved += [unit.scaled(inst.options.taken_share) * v for v in self.c_by_unit.get(u, [])]
            moved += [part * v for v in self.s_by_unit.get(u, [])]
            # an assisted unit that moves to a carved job is counted in full above
            moved += [-part * w for w in self.w_by_unit.get(u, [])]
        # hours of work that fits a job's profile only with supports, times the gaps they
        # close, a floor check of its place (noise nearby) one more: of two equal plans the
        # one whose jobs rest less on supports and checks
        supported = -total(
            [
                inst.units[u].scaled() * inst.units[u].gaps(p) * var
                for (u, p, _), var in self.x.items()
                if inst.units[u].gaps(p)
            ]
        )
        cobots = -total(list(self.used.values()))
        teams = -total(list(self.team.values()))
        return [
            carved,
            total(freed),
            total(moved),
            total(risk),
            jobs,
            teams,
            supported,
            cobots,
            total([]),  # hours there today: built when its stage starts (`_start_term`)
            total([]),  # year-round hours: built when its stage starts (`_year_round_term`)
        ]

    # ------------------------------------------------------------------ solve
    def hint(self, a: Assignment) -> None:
        """Start the search from an assignment (the greedy start)."""
        self.m.clear_hints()  # type: ignore[no-untyped-call]
        for (u, p, j), var in self.x.items():
            self.m.add_hint(var, a.job_of.get(u) == (p, j))
        used_jobs = set(a.job_of.values())
        for key, var in self.y.items():
            self.m.add_hint(var, key in used_jobs)
        for (u, k), var in self.c.items():
            self.m.add_hint(var, a.cobot_of.get(u) == k)
        for (u, k), var in self.s.items():
            self.m.add_hint(var, a.assist_of.get(u) == k)
        used_cobots = set(a.cobot_of.values()) | set(a.assist_of.values())
        for k, var in self.used.items():
            self.m.add_hint(var, k in used_cobots)
        for (u, p, j), var in self.w.items():
            self.m.add_hint(var, a.job_of.get(u) == (p, j) and u in a.assist_of)
        teams = {(p, j, self.inst.units[u].role) for u, (p, j) in a.job_of.items()}
        for team, var in self.team.items():
            self.m.add_hint(var, team in teams)

    def _hint_all(self, solver: cp_model.CpSolver) -> None:
        """Hint every variable with its value in the solver's solution (for the next stage)."""
        self.m.clear_hints()  # type: ignore[no-untyped-call]
        for index in range(len(self.m.proto.variables)):
            var = self.m.get_int_var_from_proto_index(index)
            self.m.add_hint(var, solver.value(var))

    def extract(self, solver: cp_model.CpSolver) -> Assignment:
        """The assignment of the solver's current solution."""
        a = Assignment()
        for (u, p, j), var in self.x.items():
            if solver.boolean_value(var):
                a.job_of[u] = (p, j)
        for (u, k), var in self.c.items():
            if solver.boolean_value(var):
                a.cobot_of[u] = k
        for (u, k), var in self.s.items():
            if solver.boolean_value(var):
                a.assist_of[u] = k
        return a

    def _solver(self, share: float) -> cp_model.CpSolver:
        """A solver for one stage: `share` of the time limit as deterministic time.

        A deterministic limit makes the same input and seed give the same plan, whatever
        else the machine does; the wall clock only guards against a hang.
        """
        o = self.inst.options
        solver = cp_model.CpSolver()
        params = solver.parameters
        params.random_seed = o.seed
        params.num_workers = o.workers
        limit = max(0.05, o.time_limit_s * share)
        params.max_deterministic_time = limit
        params.max_time_in_seconds = max(GUARD_MIN_S, limit * GUARD_FACTOR)
        # Ctrl-C is handled by InterruptWatch, which stops the search from a thread
        params.catch_sigint_signal = False
        return solver

    def solve(
        self,
        start: Assignment,
        progress: Callable[[str], None] | None = None,
        stages: tuple[str, ...] = PLAN_STAGES,
    ) -> SolveReport:
        """Staged lexicographic solve from the start assignment (of the named `stages`, in
        `STAGES` order; their time shares are scaled to the whole limit)."""
        o = self.inst.options
        skip = tuple(
            name
            for name, room in zip(
                OPTIONAL_STAGES, (self.inst.leaver_room, self.inst.seasonal_room), strict=True
            )
            if not room
        )
        chosen = [i for i, name in enumerate(STAGES) if name in stages and name not in skip]
        # an optional stage adds its share to the limit (as the polish does), so that the
        # other stages keep the time they have without it
        on_top = OPTIONAL_STAGES + ASKED_STAGES
        scale = 1.0 / sum(STAGE_SHARE[i] for i in chosen if STAGES[i] not in on_top)
        plan = [(STAGES[i], self.terms[i], STAGE_SHARE[i] * scale) for i in chosen]
        t0 = time.perf_counter()
        best = start
        values: list[int] = []
        stage_status: dict[str, SolveStatus] = {}
        bound = 0
        interrupted = guard_hit = False
        effort: dict[str, float] = {}
        self.hint(best)
        with InterruptWatch() as watch:
            for stage, (name, term, share) in enumerate(plan):
                if watch.interrupted:
                    break
                if name == "start_hours":
                    term = self._start_term()
                if name == "year_round_hours":
                    term = self._year_round_term()
                self.m.maximize(term)
                solver = self._solver(share)
                guard = solver.parameters.max_time_in_seconds
                # no repair_hint: with very short limits it aborts CP-SAT 9.15 ("Check failed:
                # heuristics.fixed_search != nullptr"), found by benchmarks/fuzz.py; the hints
                # given here are complete, feasible solutions and need no repair
                callback = _Progress(progress, name, self) if progress else None
                watch.attach(solver)
                status = solver.solve(self.m, callback) if callback else solver.solve(self.m)
                watch.attach(None)
                if status != cp_model.OPTIMAL and solver.wall_time >= guard * 0.99:
                    guard_hit = True
                effort[name] = solver.deterministic_time
                if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                    best = self.extract(solver)
                    value = round(solver.objective_value)
                    stage_status[name] = (
                        SolveStatus.OPTIMAL
                        if status == cp_model.OPTIMAL and not watch.interrupted
                        else SolveStatus.FEASIBLE
                    )
                    if stage == 0:
                        bound = round(solver.best_objective_bound)
                    values.append(value)
                    # the later objectives may give up a little of the carved hours (policy
                    # carved_hours_slack_hours): an hour is not worth an extra job, and the
                    # plan does not hinge on the last fraction the time limit reaches
                    slack = round(o.carved_hours_slack * SCALE) if name == "carved_hours" else 0
                    self.m.add(term >= value - slack)
                    self._hint_all(solver)
                else:  # no solution in this stage's time: keep the previous one and go on
                    stage_status[name] = SolveStatus.UNKNOWN
                    values.append(values[-1] if values else 0)
            if (
                o.carved_hours_slack > 0
                and stage_status.get(STAGES[0], SolveStatus.UNKNOWN) != SolveStatus.UNKNOWN
                and len(plan) > 1
                and not watch.interrupted
            ):
                # with every later choice kept (its value fixed above), take back the carved
                # hours the slack allowed: the headline is the most hours for the chosen
                # jobs and cobots, not what the last stage happened to land on
                self.m.maximize(self.terms[0])
                solver = self._solver(POLISH_SHARE)
                watch.attach(solver)
                status = solver.solve(self.m)
                watch.attach(None)
                if (
                    status != cp_model.OPTIMAL
                    and solver.wall_time >= solver.parameters.max_time_in_seconds * 0.99
                ):
                    guard_hit = True
                effort["carved_hours_polish"] = solver.deterministic_time
                if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                    best = self.extract(solver)
            interrupted = watch.interrupted
        # the status is that of the headline figure, the carved hours; the later
        # objectives' own statuses are reported per stage
        overall = stage_status.get(STAGES[0], SolveStatus.FEASIBLE)
        return SolveReport(
            best,
            overall,
            values,
            max(bound, values[0] if values else 0),
            stage_status,
            time.perf_counter() - t0,
            interrupted,
            guard_hit,
            effort,
        )


class _Progress(cp_model.CpSolverSolutionCallback):
    """Prints each improving solution of a stage (the only place that writes progress)."""

    def __init__(self, emit: Callable[[str], None], stage: str, model: PoolModel) -> None:
        super().__init__()
        self.emit, self.stage = emit, stage
        self.t0 = time.perf_counter()

    def on_solution_callback(self) -> None:
        self.emit(
            f"  {self.stage}: {self.objective_value:.0f} (bound {self.best_objective_bound:.0f}) "
            f"at {time.perf_counter() - self.t0:.1f} s"
        )
