"""Splitting a task into simpler units: its own subtasks, the catalogue's split, or automatic.

Splitting is never free: every extra unit adds a hand-over overhead (a share of the task's
time, ``assessment.yaml`` split.handover_overhead_share), spread over the units in
proportion to their time, so the units' hours add up to the task's hours times
``1 + overhead x (units - 1)``. A task's own subtasks count only the hand-overs the split
adds: parts at different workstations or in different roles are handed over today already
(`new_handovers`). Units are ordered: a unit without an internal predecessor
inherits the task's predecessors, a unit without an internal successor feeds the task's
successors.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from jobcarve.catalog import CatalogEntry, SplitParams
from jobcarve.graph import task_hours_per_week
from jobcarve.messages import Reason
from jobcarve.model import DIMENSIONS, Handling, Planning, Task

#: Dimensions that the "set-up, measuring and decisions" part of an automatic split takes.
COGNITIVE = ("attention", "memory_learning", "problem_solving", "literacy_numeracy", "independence")
#: Dimension that the "heavy lift" part of an automatic split takes.
HEAVY = ("lifting",)


#: a part of a split task: (id suffix, name, share of the time, demands, handling,
#: (Dutch name, English name))
Part = tuple[str, str, float, dict[str, int], Handling, tuple[str, str]]


@dataclass(frozen=True)
class UnitSpec:
    """A unit before assessment: its work, demands, handling and internal precedence."""

    id: str
    name: str
    role: str
    hours_per_week: float
    seconds_per_unit: float | None
    demands: dict[str, int] | None
    handling: Handling
    after: tuple[str, ...]
    first: bool
    last: bool
    source_task: Task | None = None
    #: the unit's name in Dutch and English when the analysis named a part of the task
    #: (catalogue or automatic split); the report shows the one of its language
    names: tuple[str, str] | None = None
    #: product units per batch where the work is timed per batch (`time_min_per_batch`)
    batch_size_units: int | None = None
    #: the split's hand-over factor in `hours_per_week` and `seconds_per_unit` (1: none);
    #: the lifting itself takes the time without it (`lifting_time`)
    overhead: float = 1.0

    def lifting_time(self) -> tuple[float | None, float]:
        """Seconds per product unit and hours a week of the work itself, without the
        hand-over time a split adds: what NIOSH's frequency and duration are of (a reading
        of the die caster: the furnace's 2.0 h a shift of charging read as 2.2 h, past the
        table's 2-hour row)."""
        seconds = (
            self.seconds_per_unit / self.overhead if self.seconds_per_unit is not None else None
        )
        return seconds, self.hours_per_week / self.overhead


def batch_size(task: Task) -> int | None:
    """Product units per batch of a task timed per batch, else None."""
    return task.batch_size_units if task.time_min_per_batch is not None else None


def occurrence_seconds(task: Task) -> float | None:
    """Seconds of work per product unit that needs the task (None for fixed hours)."""
    if task.time_s_per_unit is not None:
        return task.time_s_per_unit
    if task.time_min_per_batch is not None and task.batch_size_units:
        return task.time_min_per_batch * 60 / task.batch_size_units
    return None


def overhead_factor(units: int, params: SplitParams) -> float:
    """Factor on the work of a task split into `units` units."""
    return 1 + params.handover_overhead_share.value * max(0, units - 1)


def single_unit(task: Task, planning: Planning, demands: dict[str, int] | None) -> list[UnitSpec]:
    """The task as its own unit."""
    return [
        UnitSpec(
            task.id,
            task.name,
            task.role or "",
            task_hours_per_week(task, planning),
            occurrence_seconds(task),
            demands,
            task.handling or Handling(),
            (),
            True,
            True,
            task,
            batch_size_units=batch_size(task),
        )
    ]


def subtask_units(task: Task, planning: Planning, params: SplitParams) -> list[UnitSpec]:
    """Units from a task's own (possibly nested) subtasks."""
    leaves, edges, firsts, lasts = _expand(
        task.subtasks, task.role or "", task.handling, task.workstation
    )
    factor = overhead_factor(new_handovers(leaves) + 1, params)
    preds: dict[str, list[str]] = {leaf.id: [] for leaf, *_rest in leaves}
    for a, b in sorted(edges):
        preds[b].append(a)
    out = []
    for leaf, role, handling, _place in leaves:
        occ = occurrence_seconds(leaf)
        out.append(
            UnitSpec(
                leaf.id,
                leaf.name,
                role,
                task_hours_per_week(leaf, planning) * factor,
                occ * factor if occ is not None else None,
                leaf.demand_profile(),
                handling or Handling(),
                tuple(preds[leaf.id]),
                leaf.id in firsts,
                leaf.id in lasts,
                leaf,
                batch_size_units=batch_size(leaf),
                overhead=factor,
            )
        )
    return out


#: a subtask leaf with the role, handling and workstation it inherits
Leaf = tuple[Task, str, Handling | None, str | None]


def new_handovers(leaves: list[Leaf]) -> int:
    """Hand-overs a split of the task's own subtasks adds: parts at one place in one role
    are one person's work today, so each part beyond the first there is a new hand-over;
    parts at different workstations or in different roles are handed over already (the
    product moves from station to station), so splitting them adds none."""
    groups = Counter((role, place) for _leaf, role, _h, place in leaves)
    return sum(n - 1 for n in groups.values())


def subtask_handovers(task: Task) -> int:
    """`new_handovers` of a task split into its own subtasks."""
    leaves, *_rest = _expand(task.subtasks, task.role or "", task.handling, task.workstation)
    return new_handovers(leaves)


def _expand(
    siblings: list[Task], role: str, handling: Handling | None, place: str | None
) -> tuple[list[Leaf], set[tuple[str, str]], set[str], set[str]]:
    leaves: list[Leaf] = []
    edges: set[tuple[str, str]] = set()
    first_of: dict[str, set[str]] = {}
    last_of: dict[str, set[str]] = {}
    for sub in siblings:
        own_role = sub.role or role
        own_handling = sub.handling or handling
        own_place = sub.workstation or place
        if sub.subtasks:
            inner, inner_edges, firsts, lasts = _expand(
                sub.subtasks, own_role, own_handling, own_place
            )
            leaves.extend(inner)
            edges |= inner_edges
        else:
            leaves.append((sub, own_role, own_handling, own_place))
            firsts = lasts = {sub.id}
        first_of[sub.id], last_of[sub.id] = firsts, lasts
    followed: set[str] = set()
    for sub in siblings:
        for pred in sub.after:
            followed.add(pred)
            edges |= {(a, b) for a in last_of[pred] for b in first_of[sub.id]}
    group_first = set().union(*(first_of[s.id] for s in siblings if not s.after))
    group_last = set().union(*(last_of[s.id] for s in siblings if s.id not in followed))
    return leaves, edges, group_first, group_last


def chain_units(
    task: Task,
    planning: Planning,
    parts: list[Part],
    params: SplitParams,
) -> list[UnitSpec]:
    """Units in sequence from (suffix, name, share of time, demands, handling, names) parts."""
    hours = task_hours_per_week(task, planning)
    occ = occurrence_seconds(task)
    factor = overhead_factor(len(parts), params)
    out: list[UnitSpec] = []
    for i, (suffix, name, share, demands, handling, names) in enumerate(parts):
        uid = f"{task.id}.{suffix}"
        out.append(
            UnitSpec(
                uid,
                name,
                task.role or "",
                hours * share * factor,
                occ * share * factor if occ is not None else None,
                demands,
                handling,
                (out[-1].id,) if out else (),
                i == 0,
                i == len(parts) - 1,
                names=names,
                batch_size_units=batch_size(task),
                overhead=factor,
            )
        )
    return out


def catalogue_units(
    task: Task,
    planning: Planning,
    entry: CatalogEntry,
    demands: dict[str, int],
    language: str,
    params: SplitParams,
) -> list[UnitSpec]:
    """Units from a catalogue entry's default split; a unit never demands more than the task.

    Where the model raises a demand of the task above the catalogue's, the parts that carry
    the catalogue task's level on that dimension carry the raised level too (the part
    where the judgement or the load sits is the part the modeller corrected). A part the
    catalogue rates at lifting 0 lifts nothing: the task's lifts are not its load (the
    coating check at the table, not the taking off the hooks).
    """
    base = (task.handling or Handling()).model_dump(exclude_none=True)
    # what the model states otherwise than the catalogue task (its own mass, its lifts):
    # a part that carries the task's attribute carries the model's value, not the
    # catalogue's typical one (a review: the heat exchanger lifted at the catalogue's 22 kg
    # where the model says 14)
    template = entry.handling.model_dump(exclude_none=True)
    stated = {k: v for k, v in base.items() if template.get(k) != v}
    typical = entry.demands.as_dict()
    # the pace of a line-fed task is the line's: a raise of it goes to the parts at the line
    paced = {"line_fed", "paced_line"}
    fed = [set(u.activities or ()) & paced for u in entry.default_split]
    owns = [u.demands.as_dict() for u in entry.default_split]
    carriers = {d: _carriers(owns, d, typical[d]) for d in DIMENSIONS}
    parts = []
    for index, (unit, at_line, own) in enumerate(zip(entry.default_split, fed, owns, strict=True)):
        unit_demands = {
            d: demands[d]
            if demands[d] > typical[d]
            and index in carriers[d]
            and (d != "pace" or at_line or not any(fed))
            else min(own[d], demands[d])
            for d in DIMENSIONS
        }
        part = unit.handling.model_dump(exclude_none=True) if unit.handling else {}
        # only where the catalogue gives the part the whole task's value (the lift of the
        # component is the component's mass); a part with a value of its own (the cut piece
        # of 2 kg beside the 12 kg bar, nothing held while fastening) keeps it
        kept = {k: stated[k] for k in part if k in stated and part[k] == template.get(k)}
        merged = {**base, **part, **kept}
        if "part_mass_kg" in part and "part_mass_kg" not in kept:
            # the task's heaviest load goes with its usual one: a part with a mass of its
            # own (the 2 kg piece cut from a bar of 12-16 kg) lifts no 16 kg (a diff review)
            merged.pop("part_mass_max_kg", None)
        handling = Handling(**merged)
        if own["lifting"] == 0 and not (unit.handling and unit.handling.lifted):
            handling = handling.model_copy(
                update={
                    "lifts_per_unit": None,
                    "lifts_per_hour": None,
                    "operations_per_hour": None,
                    "lift": None,
                }
            )
        label = unit.name_nl if language == "nl" else unit.name_en
        names = (f"{task.name}: {unit.name_nl}", f"{task.name}: {unit.name_en}")
        parts.append(
            (unit.id, f"{task.name}: {label}", unit.share_of_time, unit_demands, handling, names)
        )
    return chain_units(task, planning, parts, params)


def _carriers(owns: list[dict[str, int]], dim: str, level: int) -> set[int]:
    """The parts that take a raise of `dim`: those at the catalogue task's `level`; for a
    cognitive dimension only the thinking ones among them, with the most cognitive demand
    (keying lengths in from a cutting list, not loading the bars)."""
    at_level = [i for i, own in enumerate(owns) if own[dim] >= level]
    if dim not in COGNITIVE or not at_level:
        return set(at_level)
    load = {i: sum(owns[i][d] for d in COGNITIVE) for i in at_level}
    top = max(load.values())
    return {i for i in at_level if load[i] == top}


def team_lift_limit(params: SplitParams, load_constant_kg: float) -> float:
    """The heaviest load two people may lift together: each bears ``team_carry_share`` of
    it, at most the NIOSH load constant (23 / 0.6 = 38.3 kg)."""
    return load_constant_kg / params.team_carry_share.value


def too_heavy_to_hand_on(task: Task, params: SplitParams, load_constant_kg: float) -> float | None:
    """The weight limit of two people lifting together, where the task's load is above it.

    Each of two carriers bears ``team_carry_share`` of the load, at most the NIOSH load
    constant each: a heavier load is no lift to hand on to someone else, it needs a crane,
    hoist or forklift (a redesign), so an automatic split proposes no heavy-lift part for
    it (a review of two blind cases: core boxes of 40-150 kg, orders of 600 kg). None: the
    load is within that limit, or its mass is not given.
    """
    mass = task.handling.heaviest_kg if task.handling else None
    limit = team_lift_limit(params, load_constant_kg)
    return limit if mass is not None and mass > limit else None


def automatic_parts(
    task: Task, demands: dict[str, int], hard: set[str], language: str, params: SplitParams
) -> list[Part] | None:
    """Parts of an automatic split that takes the demanding dimensions `hard` out of the routine.

    None when no part of the task can be separated: the gaps are not on the cognitive
    dimensions (set-up, measuring, decisions) nor on lifting (the heavy lift). A cognitive
    demand at ``core_demand_level`` or higher is the core of the task (judging, reading,
    signing, programming, measuring): no part without it is proposed, since such a task has
    no routine part unless the adviser finds one on the floor (``subtasks``).

    The parts are a *proposal*: the plan never counts them (docs/method.md, "Splits").
    """
    cap = int(params.routine_cap.value)
    core = int(params.core_demand_level.value)
    cognitive = [d for d in COGNITIVE if d in hard and cap < demands[d] < core]
    heavy = [d for d in HEAVY if d in hard and demands[d] > cap]
    if not cognitive and not heavy:
        return None
    handling = task.handling or Handling()
    names = {
        "decisions": ("instellen, meten en beslissen", "set-up, measuring and decisions"),
        "heavy": ("zwaar tillen", "heavy lift"),
        "routine": ("routinewerk", "routine work"),
    }

    def label(key: str) -> str:
        nl, en = names[key]
        return f"{task.name}: {nl if language == 'nl' else en}"

    def both(key: str) -> tuple[str, str]:
        nl, en = names[key]
        return f"{task.name}: {nl}", f"{task.name}: {en}"

    parts: list[Part] = []
    routine_share = 1.0
    no_lift = handling.model_copy(update={"lifts_per_unit": 0.0, "lift": None})
    if cognitive:
        share = params.auto_split_demanding_share.value
        part = {d: (demands[d] if d not in HEAVY else min(demands[d], cap)) for d in DIMENSIONS}
        parts.append(("decisions", label("decisions"), share, part, no_lift, both("decisions")))
        routine_share -= share
    if heavy:
        share = params.auto_split_heavy_share.value
        part = {d: (demands[d] if d not in COGNITIVE else min(demands[d], cap)) for d in DIMENSIONS}
        parts.append(("heavy_lift", label("heavy"), share, part, handling, both("heavy")))
        routine_share -= share
    routine = {
        d: (min(demands[d], cap) if d in cognitive or d in heavy else demands[d])
        for d in DIMENSIONS
    }
    parts.append(
        (
            "routine",
            label("routine"),
            routine_share,
            routine,
            no_lift if heavy else handling,
            both("routine"),
        )
    )
    return parts


def split_reason(
    source: str, count: int, template: str | None = None, parts: list[str] | None = None
) -> Reason:
    """The reason that says how a task was split."""
    if source == "subtasks":
        return Reason("split.subtasks", {"count": count})
    if source == "catalogue":
        return Reason("split.catalogue", {"template": template or "", "count": count})
    if source == "automatic":
        return Reason(
            "split.automatic", {"parts": [f"split.part.{p}" for p in parts or []], "count": count}
        )
    return Reason("split.none")
