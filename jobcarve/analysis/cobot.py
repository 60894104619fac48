"""Cobot suitability of a unit: knock-out gates, caps, a feasibility score, a benefit score.

The scheme follows the guide's recommendation (cobots_hrc.md sec. 5): gates first, each
with a reason and source; then a weighted 1-5 score per criterion (part presentation,
handling, joining, safety, repetitiveness, variants, judgement) giving feasibility
F = 100 x sum(w (s - 1) / 4); benefit B (ergonomics, repetition, monotony, hours freed)
kept apart.

What the robot holds or exerts (``hazardous_tool``, ``process_force_n``) is kept apart
from what the tended machine does (``machine_hazard``, ``machine_force_n``): a saw blade
or a press is the machine's hazard, guarded by the machine, not the cobot's. Gates that
only rule out power and force limiting (a hazardous tool held by the robot, the robot's
force or torque, a face within reach, a part too large to swing near people, a takt too
short for collaborative speeds) make the unit ``guarded_cell``: automation in a guarded
cell, not a cobot, when the robot could do the work otherwise. Other gates (payload,
reach, precision, walking, cleaning, flexible parts, judgement) make it ``human``. Caps (variable
presentation, many variants, perception) make a cobot at best an ``assist``. Capacity is
not speed: more hours than one cell has means more cells or partial coverage
(``cells_needed``), never a gate. All numbers come from ``assessment.yaml`` and
``cobots.yaml``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from jobcarve.catalog import CobotModel, CobotParams
from jobcarve.messages import Reason
from jobcarve.model import Handling
from jobcarve.results import CobotChoice, CobotLabel, CobotVerdict, Criterion, Gate

#: Gates that rule out power and force limiting but not a robot in a guarded cell.
GUARDED_GATES = frozenset(
    {
        "hazardous_tool",
        "hazardous_substance",
        "head_exposure",
        "force",
        "torque",
        "takt",
        "part_size",
        "too_fast",
    }
)
#: activities whose rate a line or machine sets (task_catalogs/supports.yaml, activities)
LINE_PACED = frozenset({"line_fed", "paced_line"})


@dataclass(frozen=True)
class UnitWork:
    """What the cobot assessment needs to know of a unit."""

    demands: dict[str, int]
    handling: Handling
    hours_per_week: float
    seconds_per_unit: float | None
    lifting_index: float | None
    activities: tuple[str, ...] = ()
    #: product units per batch where the task is timed per batch (`time_min_per_batch`):
    #: without operations or lifts per unit and under `min_human_move_s` a product, its
    #: moves are unknown (a batch record of 9,771 packs is no 9,771 moves of 0.04 s)
    batch_size_units: int | None = None


@dataclass(frozen=True)
class Capacity:
    """Time a cobot cell has in a week, and the line takt if the process is paced."""

    available_hours_per_week: float
    takt_s: float | None
    units_per_week: float


def speed_limit(params: CobotParams, robot_mass_kg: float, load_kg: float) -> float:
    """Peak speed (m/s) allowed near the exposed body region by the ISO/TS 15066 energy model."""
    region = params.exposed_region
    m_r = robot_mass_kg / 2 + load_kg
    mu = 1 / (1 / region.effective_mass_kg + 1 / m_r)
    k = region.spring_constant_n_mm * 1000  # N/m
    force = min(region.transient_force_n, region.transient_pressure_n_cm2 * region.contact_area_cm2)
    return force / math.sqrt(mu * k)


def choose_model(
    models: Sequence[CobotModel],
    payload_kg: float | None,
    reach_mm: float | None,
    tolerance_mm: float | None,
    params: CobotParams,
) -> CobotModel | None:
    """The smallest model (payload, then reach) that passes payload, reach and precision.

    Models whose numbers come from secondary tables only (confidence ``low``) are chosen
    only when no model with a sourced rating passes.
    """
    factor = params.tolerance_repeatability_factor.value
    rank = {"high": 0, "medium": 1, "low": 2}
    fitting = [
        m
        for m in models
        if (payload_kg is None or m.payload_kg >= payload_kg)
        and (reach_mm is None or m.reach_mm >= reach_mm)
        and (
            tolerance_mm is None
            or (m.repeatability_mm is not None and tolerance_mm >= factor * m.repeatability_mm)
            or (m.repeatability_mm is None and tolerance_mm >= 0.5)
        )
    ]
    # a low-confidence rating (secondary tables, unchecked) is used only when no model with
    # a sourced rating fits
    return min(
        fitting,
        key=lambda m: (m.confidence == "low", m.payload_kg, m.reach_mm, rank[m.confidence], m.id),
        default=None,
    )


def _gripper_mass(h: Handling, params: CobotParams) -> float:
    """The end effector's mass: a small gripper, or an area gripper for a large part."""
    if h.part_size_mm is not None and h.part_size_mm > params.large_part_size_mm.value:
        return params.large_gripper_mass_kg.value
    return params.gripper_mass_kg.value


def moves_per_unit(h: Handling) -> float:
    """Robot operations per product unit: operations_per_unit, else lifts_per_unit, else 1."""
    if h.operations_per_unit is not None:
        return h.operations_per_unit
    if h.lifts_per_unit:
        return h.lifts_per_unit
    return 1.0


def assess_cobot(
    work: UnitWork, models: Sequence[CobotModel], params: CobotParams, capacity: Capacity
) -> CobotVerdict:
    """The cobot verdict of one unit."""
    h = work.handling
    d = work.demands
    gates: list[Gate] = []
    reasons: list[Reason] = []
    missing = [
        f
        for f in ("part_mass_kg", "presentation", "part_type", "variants")
        if getattr(h, f) is None
    ]

    gripper = _gripper_mass(h, params)
    # the cobot carries the heaviest part, not the usual one (a reading: a palletiser sized
    # on 13 kg cartons where they weigh up to 18 kg)
    heaviest = h.heaviest_kg
    payload_need = (
        (heaviest + gripper) * params.payload_margin.value if heaviest is not None else None
    )
    reach_need = h.reach_mm * params.reach_margin.value if h.reach_mm is not None else None
    max_payload = max(m.payload_kg for m in models)
    max_reach = max(m.reach_mm for m in models)
    if payload_need is not None and payload_need > max_payload:
        gates.append(
            Gate("payload", Reason("gate.payload", {"need": payload_need, "max": max_payload}))
        )
    if reach_need is not None and reach_need > max_reach:
        gates.append(Gate("reach", Reason("gate.reach", {"need": reach_need, "max": max_reach})))
    if h.walking:
        gates.append(Gate("walking", Reason("gate.walking")))
    if "driving" in work.activities:
        gates.append(Gate("driving", Reason("gate.driving")))
    if "picking" in work.activities:
        # order picking: which article, from which bin, how many, changes with every order,
        # and the articles lie loose in their bins (bin picking)
        gates.append(Gate("picking", Reason("gate.picking")))
    if (
        "cleaning" in work.activities
        and "machine_operation" not in work.activities
        and h.presentation == "variable"
    ):
        # cleaning by hand: the dirt is where it is, and finding it is perception in an
        # unstructured scene (a washer the person feeds is machine work, judged as such)
        gates.append(Gate("cleaning", Reason("gate.cleaning")))
    if h.part_type == "flexible":
        gates.append(Gate("flexible", Reason("gate.flexible")))
    if d["problem_solving"] >= params.judgement_knockout_problem_solving.value:
        gates.append(
            Gate(
                "judgement",
                Reason(
                    "gate.judgement",
                    {
                        "level": d["problem_solving"],
                        "max": params.judgement_knockout_problem_solving.value,
                    },
                ),
            )
        )
    elif d["literacy_numeracy"] >= params.reading_knockout_literacy.value:
        gates.append(
            Gate(
                "reading",
                Reason(
                    "gate.reading",
                    {
                        "level": d["literacy_numeracy"],
                        "max": params.reading_knockout_literacy.value,
                    },
                ),
            )
        )
    elif (
        d["sensory"] >= params.perception_cap_sensory.value
        and d["problem_solving"] >= params.inspection_knockout_problem_solving.value
    ):
        gates.append(
            Gate(
                "inspection",
                Reason(
                    "gate.inspection",
                    {"sensory": d["sensory"], "problem_solving": d["problem_solving"]},
                ),
            )
        )
    if (
        h.presentation == "variable"
        and h.variants is not None
        and h.variants > params.max_variants_random.value
    ):
        # random presentation of a mix: vision, a gripper per variant and re-teaching;
        # not even an assist pays (cobots_hrc.md step B: random bin 1-2/5, > 10 variants <= 2/5)
        gates.append(
            Gate(
                "random_mix",
                Reason(
                    "gate.random_mix",
                    {"variants": h.variants, "max": int(params.max_variants_random.value)},
                ),
            )
        )
    if h.hazardous_tool:
        gates.append(Gate("hazardous_tool", Reason("gate.hazardous_tool")))
    if h.hazardous_substance:
        # the person is protected from the substance by a closed process (a booth, an
        # enclosed machine), not by an arm beside them; standard cobots are not Ex-certified
        gates.append(Gate("hazardous_substance", Reason("gate.hazardous_substance")))
    if h.head_exposure:
        gates.append(Gate("head_exposure", Reason("gate.head_exposure")))
    if h.part_size_mm is not None and h.part_size_mm > params.max_shared_part_size_mm.value:
        gates.append(
            Gate(
                "part_size",
                Reason(
                    "gate.part_size",
                    {"size": h.part_size_mm, "max": params.max_shared_part_size_mm.value},
                ),
            )
        )
    if h.process_force_n is not None and h.process_force_n > params.max_process_force_n.value:
        gates.append(
            Gate(
                "force",
                Reason(
                    "gate.force",
                    {"force": h.process_force_n, "max": params.max_process_force_n.value},
                ),
            )
        )
    if h.process_torque_nm is not None and h.process_torque_nm > params.max_process_torque_nm.value:
        gates.append(
            Gate(
                "torque",
                Reason(
                    "gate.torque",
                    {"torque": h.process_torque_nm, "max": params.max_process_torque_nm.value},
                ),
            )
        )
    known = [m.repeatability_mm for m in models if m.repeatability_mm is not None]
    factor = params.tolerance_repeatability_factor.value
    if h.tolerance_mm is not None and known and h.tolerance_mm < factor * min(known):
        gates.append(
            Gate(
                "tolerance",
                Reason(
                    "gate.tolerance",
                    {"tolerance": h.tolerance_mm, "factor": factor, "repeatability": min(known)},
                ),
            )
        )
    if h.machine_force_n:
        reasons.append(Reason("cobot.machine", {"force": h.machine_force_n}))
    elif h.machine_hazard:
        # no force given: no "(0 N)" (a review of the CNC report)
        reasons.append(Reason("cobot.machine_hazard", {}))
    if h.measuring_tolerance_mm is not None:
        reasons.append(Reason("cobot.measuring", {"tolerance": h.measuring_tolerance_mm}))

    model = None
    if not any(g.gate in ("payload", "reach") for g in gates):
        model = choose_model(
            models,
            payload_need,
            reach_need,
            h.tolerance_mm if not any(g.gate == "tolerance" for g in gates) else None,
            params,
        )
        if model is None:
            # say what no model meets: the precision where payload and reach alone would do
            # (a review read "payload 6.2 kg and reach 0 mm" on a task without a reach)
            tol = h.tolerance_mm
            if tol is not None and choose_model(models, payload_need, None, tol, params) is None:
                reason = Reason(
                    "gate.no_model_tolerance", {"payload": payload_need or 0.0, "tolerance": tol}
                )
            elif tol is not None and choose_model(models, None, reach_need, tol, params) is None:
                reason = Reason(
                    "gate.no_model_reach_tolerance", {"reach": reach_need or 0.0, "tolerance": tol}
                )
            elif (
                tol is not None
                and choose_model(models, payload_need, reach_need, None, params) is not None
            ):
                # each pair is met by some model, the three together by none
                reason = Reason(
                    "gate.no_model_all",
                    {
                        "payload": payload_need or 0.0,
                        "reach": reach_need or 0.0,
                        "tolerance": tol,
                    },
                )
            else:
                reason = Reason(
                    "gate.no_model", {"payload": payload_need or 0.0, "reach": reach_need or 0.0}
                )
            gates.append(Gate("no_model", reason))

    # estimated cobot time at speeds allowed near people
    load = (h.heaviest_kg or 0.0) + gripper
    robot_mass = (
        model.weight_kg if model and model.weight_kg else None
    ) or params.default_robot_mass_kg.value
    v_max = speed_limit(params, robot_mass, load)
    cobot_s: float | None = None
    cobot_hours = work.hours_per_week
    cells = 1
    moves = moves_per_unit(h)
    human_move_s: float | None = None
    line_rate = False
    # moves an hour where no time per unit is known: the operations, else the lifts
    per_hour = h.operations_per_hour or h.lifts_per_hour
    # work timed per batch with no operations or lifts per unit, at less than a move by hand
    # a product (`min_human_move_s`): it is not handled product by product, so its moves are
    # unknown: the moves an hour where given, else no cobot speed is claimed (a reading of
    # the medicine packer: "a person does one move in 0.0 s" at a batch record of 9,771
    # packs; a diff review: a batch is no handling cycle of its own either)
    unknown_moves = bool(
        work.batch_size_units
        and h.operations_per_unit is None
        and not h.lifts_per_unit
        and work.seconds_per_unit is not None
        and work.seconds_per_unit < params.min_human_move_s.value
    )
    # the time per unit sets the cycle, unless its moves are unknown
    timed = work.seconds_per_unit is not None and not unknown_moves
    if timed:
        assert work.seconds_per_unit is not None
        human_move_s = work.seconds_per_unit / moves
    elif per_hour:
        human_move_s = 3600 / per_hour
    if (
        human_move_s is not None
        and human_move_s * params.max_cobot_slowdown.value < params.min_cycle_s.value
    ):
        # speed, not capacity: each move is faster than a cobot near people can go
        gates.append(
            Gate(
                "too_fast",
                Reason(
                    "gate.too_fast", {"human_s": human_move_s, "min_s": params.min_cycle_s.value}
                ),
            )
        )
    # the human's cycle: per unit (with its moves), or per lift where only the lifts an hour
    # are known (a review: a 12 s destarcher feed went unchecked, its cobot at 20 s)
    cycle_s: float | None = None
    cycle_moves = moves
    if timed:
        cycle_s = work.seconds_per_unit
    elif per_hour:
        cycle_s, cycle_moves = 3600 / per_hour, 1
    if cycle_s is not None:
        path_m = 2 * (h.reach_mm or params.default_reach_mm.value) / 1000
        move_s = path_m / (v_max * params.mean_speed_share.value) + params.grip_release_s.value
        cobot_s = max(cycle_s, cycle_moves * max(params.min_cycle_s.value, move_s))
        cobot_hours = work.hours_per_week * cobot_s / cycle_s
        line_rate = (
            bool(set(work.activities) & LINE_PACED)
            and cobot_s > cycle_s * (1 + params.line_rate_margin.value) + 1e-9
        )
        if (
            capacity.takt_s is not None
            and cobot_hours * 3600 / capacity.units_per_week > capacity.takt_s
        ):
            per_unit = cobot_hours * 3600 / capacity.units_per_week
            gates.append(
                Gate("takt", Reason("gate.takt", {"cobot_s": per_unit, "takt": capacity.takt_s}))
            )
        if timed:
            reasons.append(
                Reason("cobot.speed", {"v_max": v_max, "cobot_s": cobot_s, "moves": moves})
            )
        else:
            reasons.append(
                Reason(
                    "cobot.speed_ops" if h.operations_per_hour else "cobot.speed_lift",
                    {
                        "v_max": v_max,
                        "lifts": per_hour,
                        "human_s": cycle_s,
                        "cobot_s": cobot_s,
                        "hours": work.hours_per_week,
                        "cobot_hours": cobot_hours,
                    },
                )
            )
    elif unknown_moves:
        reasons.append(
            Reason(
                "cobot.batch_moves",
                {"batch": work.batch_size_units, "min_s": params.min_human_move_s.value},
            )
        )
    else:
        reasons.append(Reason("cobot.no_cycle"))
    guarded_only = bool(gates) and all(g.gate in GUARDED_GATES for g in gates)
    criteria = _criteria(work, params, guarded=guarded_only)
    feasibility = 100 * sum(c.weight * (c.score - 1) / 4 for c in criteria)
    benefit = _benefit(work, params)
    caps = _caps(h, d, params)

    label: CobotLabel
    nothing_handled = h.part_mass_kg is None and h.presentation is None and h.part_type is None
    if nothing_handled and not gates:
        label = "human"
        reasons.insert(0, Reason("cobot.no_handling"))
    elif guarded_only:
        if (
            feasibility >= params.candidate_min_feasibility.value
            and h.part_mass_kg is not None
            and not caps
        ):
            label = "guarded_cell"
            reasons.insert(
                0,
                Reason(
                    "cobot.guarded_cell",
                    {"feasibility": feasibility, "gates": [f"gate.{g.gate}.short" for g in gates]},
                ),
            )
        else:
            label = "human"
            reasons.insert(0, Reason("cobot.human_gate"))
            reasons.insert(1, Reason("cobot.guarded_low", {"feasibility": feasibility}))
    elif gates:
        label = "human"
        reasons.insert(0, Reason("cobot.human_gate"))
    elif feasibility >= params.candidate_min_feasibility.value and h.part_mass_kg is not None:
        if caps:
            label = "assist"
            reasons.insert(0, Reason("cobot.assist", {"feasibility": feasibility}))
            reasons.insert(1, Reason("cobot.capped", {"caps": [c[1] for c in caps]}))
        else:
            label = "candidate"
            reasons.insert(0, Reason("cobot.candidate", {"feasibility": feasibility}))
    elif feasibility >= params.assist_min_feasibility.value:
        label = "assist"
        reasons.insert(0, Reason("cobot.assist", {"feasibility": feasibility}))
        if feasibility >= params.candidate_min_feasibility.value:
            reasons.insert(1, Reason("cobot.mass_unknown"))
        if caps:
            reasons.insert(1, Reason("cobot.capped", {"caps": [c[1] for c in caps]}))
    else:
        label = "human"
        reasons.insert(0, Reason("cobot.human_score", {"feasibility": feasibility}))
    if line_rate and label == "candidate" and cobot_s is not None and cycle_s is not None:
        # a line or machine feeds this work at the person's rate, so more cobot hours are not
        # a matter of cells: the feed would run slower. The speed estimate is the one allowed
        # near people; a cell whose scanner lets the arm run faster when nobody is near may
        # keep up, so this is a condition to check, not a gate (experts label such
        # palletising candidates)
        reasons.insert(
            1,
            Reason(
                "cobot.line_rate",
                {
                    # per move, as the person and the cobot make them (a review: a bucket
                    # of eight bouquets read as "one in 1.1 s", per bouquet)
                    "cobot_s": cobot_s / cycle_moves,
                    "human_s": cycle_s / cycle_moves,
                    "hours": work.hours_per_week,
                    "cobot_hours": cobot_hours,
                },
            ),
        )
    # the hours the cell runs: where a line or machine feeds a candidate's work faster than
    # the speed allowed near people, the cell keeps the feed's rate on the condition that a
    # scanner lets the arm run faster while nobody is near (reason cobot.line_rate, above):
    # one cell for the feed's hours, not a second cell for the slower estimate (a blind
    # case: a second cell for egg boxes every 14 s, where the expert asked for a scanner).
    # An assist works beside a person, so it has no such condition and runs the estimate
    run_hours = work.hours_per_week if line_rate and label == "candidate" else cobot_hours
    if run_hours > capacity.available_hours_per_week:
        # capacity is not speed: more hours need more cells, or one cell covers a share
        # (appended where it stood before the label's reasons went in front)
        cells = math.ceil(run_hours / capacity.available_hours_per_week - 1e-9)
        reasons.append(
            Reason(
                "cobot.capacity",
                {
                    "cobot_hours": run_hours,
                    "available": capacity.available_hours_per_week,
                    "cells": cells,
                    "share": capacity.available_hours_per_week / run_hours,
                },
            )
        )
    choice = None
    if model is not None and payload_need is not None:
        choice = CobotChoice(
            model.id,
            model.manufacturer,
            model.model,
            model.payload_kg,
            model.reach_mm,
            round(payload_need, 2),
            round(model.payload_kg - payload_need, 2),
        )
        reasons.append(
            Reason(
                "cobot.model",
                {
                    "model": f"{model.manufacturer} {model.model}",
                    "payload": model.payload_kg,
                    "reach": model.reach_mm,
                    "need": payload_need,
                    "margin": model.payload_kg - payload_need,
                },
            )
        )
    share = (
        1.0
        if label in ("candidate", "guarded_cell")
        else params.assist_share.value
        if label == "assist"
        else 0.0
    )
    # a cell the cobot runs still needs people for part of the hours it takes over: bringing
    # parts or pallets, taking away the output, clearing faults, changeovers
    tending = work.hours_per_week * params.tending_share.value if share == 1.0 else 0.0
    freed = work.hours_per_week * share - tending
    if share:
        reasons.append(Reason("cobot.freed", {"hours": freed}))
    if tending:
        reasons.append(Reason("cobot.tending", {"hours": tending}))
    if missing:
        reasons.append(Reason("cobot.missing", {"fields": missing}))
    reasons.extend(
        Reason("cobot.criterion", {"criterion": c.name, "score": c.score, "why": c.why})
        for c in criteria
    )
    return CobotVerdict(
        label=label,
        feasibility=feasibility,
        benefit=benefit,
        gates=tuple(gates),
        criteria=tuple(criteria),
        reasons=tuple(reasons),
        model=choice,
        # a time per lift or operation (moves an hour) is no time per product unit
        cobot_s_per_unit=cobot_s if timed else None,
        speed_limit_m_s=v_max,
        hours_freed_per_week=freed,
        cobot_hours_per_week=run_hours * share,
        missing=tuple(missing),
        cells_needed=cells,
        capped_by=tuple(c[0] for c in caps),
    )


def _caps(h: Handling, d: dict[str, int], params: CobotParams) -> list[tuple[str, str]]:
    """What makes a cobot at best an assist: (key, message key of the short text)."""
    caps: list[tuple[str, str]] = []
    if h.presentation == "variable":
        caps.append(("presentation", "cap.presentation"))
    if h.variants is not None and h.variants > params.max_variants_candidate.value:
        caps.append(("variants", "cap.variants"))
    if d["sensory"] >= params.perception_cap_sensory.value:
        caps.append(("perception", "cap.perception"))
    return caps


def _criteria(work: UnitWork, params: CobotParams, guarded: bool = False) -> list[Criterion]:
    h, d = work.handling, work.demands
    w = params.weights
    # unknown inputs score 2: a cobot is proposed on what is known, not on hope
    presentation = {
        "fixed": (5, "fixed position"),
        "variable": (2, "variable position, needs vision or a feeder"),
    }.get(h.presentation or "", (2, "unknown"))
    handling = {
        "rigid": (5, "rigid part"),
        "fragile": (3, "fragile part"),
        "flexible": (1, "flexible part"),
    }.get(h.part_type or "", (2, "unknown"))
    if h.part_type == "flexible" or d["fine_motor"] >= 4:
        joining = (1, "flexible parts or very fine work")
    elif h.process_force_n:
        joining = (2, "force fit")
    elif h.process_torque_nm or (h.tolerance_mm is not None and h.tolerance_mm < 1):
        joining = (4, "low-torque screw or chamfered insert")
    elif d["fine_motor"] >= 3:
        joining = (3, "fine positioning")
    else:
        joining = (5, "place")
    if guarded:
        safety = (5, "guarded cell: no person in the robot's path")
    elif h.head_exposure or h.hazardous_tool:
        safety = (1, "head exposed or hazardous tool")
    elif (h.heaviest_kg or 0) >= 10:
        safety = (3, "heavy load near the torso: slow speed")
    elif h.machine_hazard:
        safety = (3, "tended machine with its own hazard: interlocks needed")
    else:
        safety = (
            (4, "hands and arms exposed at low load")
            if h.part_mass_kg is not None
            else (2, "unknown load")
        )
    rep_score = 1 + d["repetitive_hand_arm"]
    if work.hours_per_week >= 10 and rep_score < 5:
        rep_score += 1
    repetitiveness = (
        rep_score,
        f"repetition {d['repetitive_hand_arm']}/4, {work.hours_per_week:.1f} h/week",
    )
    v = h.variants
    if v is None:
        variants = (2, "unknown")
    else:
        variants = (
            5 if v <= 2 else 4 if v <= 5 else 3 if v <= 10 else 2 if v <= 30 else 1,
            f"{v} variants",
        )
    judge = 5 - d["problem_solving"]
    if d["sensory"] >= 3:
        judge -= 1
    judgement = (
        max(1, judge),
        f"problem solving {d['problem_solving']}/4, sensory {d['sensory']}/4",
    )
    scores = {
        "presentation": presentation,
        "handling": handling,
        "joining": joining,
        "safety": safety,
        "repetitiveness": repetitiveness,
        "variants": variants,
        "judgement": judgement,
    }
    return [Criterion(name, score, getattr(w, name), why) for name, (score, why) in scores.items()]


def _benefit(work: UnitWork, params: CobotParams) -> float:
    d = work.demands
    w = params.benefit_weights
    ergonomic = max(d["lifting"], d["posture_mobility"], d["pushing_pulling"]) / 4
    if work.lifting_index is not None:
        ergonomic = max(ergonomic, min(1.0, work.lifting_index / 2))
    repetition = d["repetitive_hand_arm"] / 4
    monotony = repetition * (1 - d["problem_solving"] / 4)
    hours = min(1.0, work.hours_per_week / params.benefit_full_hours_per_week.value)
    return 100 * (
        w.ergonomics * ergonomic
        + w.repetition * repetition
        + w.monotony * monotony
        + w.hours * hours
    )
