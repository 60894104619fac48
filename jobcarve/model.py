"""Schema of a process model, format 1 (the YAML boundary).

Every block forbids unknown keys; units are part of field names (``time_s_per_unit``,
``part_mass_kg``, ``hours_per_week``). The 13 demand dimensions follow the domain brief
(docs/model-format.md, section "Demands"): one shared 0-4 scale for what a task demands
and what a worker profile can do, 0 meaning "not demanded" and 4 "very high".
"""

from __future__ import annotations

import typing
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictInt,
    ValidationInfo,
    field_validator,
)

FORMAT_VERSION = 1

#: The 13 demand dimensions, in report order (domain brief, section 2.5).
DIMENSIONS: tuple[str, ...] = (
    "lifting",
    "pushing_pulling",
    "repetitive_hand_arm",
    "fine_motor",
    "posture_mobility",
    "sensory",
    "attention",
    "memory_learning",
    "problem_solving",
    "literacy_numeracy",
    "pace",
    "independence",
    "social_communication",
)

#: Highest rating on the shared demand/capacity scale.
MAX_RATING = 4

#: Accepted education levels of a role (Dutch system; "none" = no formal level).
EDUCATION_LEVELS: tuple[str, ...] = (
    "none",
    "MBO 1",
    "MBO 2",
    "MBO 3",
    "MBO 4",
    "HBO",
    "WO",
)

#: Handling flags of what the work exposes the person to, or asks of them: a restriction
#: may exclude them (`restrictions:` in assessment.yaml), and a part's flag holds for its
#: whole task.
ExposureFlag = Literal[
    "hazardous_tool",
    "vibrating_tool",
    "hazardous_substance",
    "dust_fumes",
    "colour_coded",
    "two_hand_control",
    "wet_work",
    "cold_work",
    "hot_work",
    "noise",
    "vehicle_traffic",
    "walking",
]
EXPOSURE_FLAGS: tuple[str, ...] = typing.get_args(ExposureFlag)
#: the flags of what surrounds or touches the person at work, which a job card names (dangerous
#: work is never in a new job) and for which a kind of work may stand where the model does not
#: state them (cleaning: wet work)
AMBIENT_EXPOSURES: tuple[str, ...] = (
    "dust_fumes",
    "wet_work",
    "cold_work",
    "hot_work",
    "noise",
    "vehicle_traffic",
    "vibrating_tool",
)

Id = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z][A-Za-z0-9_-]{0,63}$",
        description="Identifier: a letter, then letters, digits, '_' or '-' (64 at most).",
    ),
]
#: working days in a week: work without `days_per_week` is done on each of them
WORKING_DAYS = 5
Rating = Annotated[StrictInt, Field(ge=0, le=MAX_RATING)]
#: The ages of the statutory youth minimum wage (economics.yaml
#: ``youth_minimum_wage_share_15`` to ``_20``); from 21 the adult minimum applies.
YOUTH_AGES = range(15, 21)
Text = Annotated[str, Field(min_length=1, max_length=200)]
LongText = Annotated[str, Field(max_length=4000)]


def _numeric(annotation: object) -> bool:
    """Whether a field takes a float and not a boolean."""
    if annotation is float:  # (integer fields are strict already)
        return True
    args = typing.get_args(annotation)
    return bool(args) and bool not in args and any(_numeric(a) for a in args)


class _Block(BaseModel):
    """Base of every block: unknown keys are errors, NaN and infinity are refused."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        allow_inf_nan=False,
        str_strip_whitespace=True,
        validate_default=True,
    )

    @field_validator("*", mode="before")
    @classmethod
    def _no_booleans_as_numbers(cls, value: object, info: ValidationInfo) -> object:
        """`time_s_per_unit: yes` is not 1 second: YAML reads yes/no/on/off as booleans."""
        if isinstance(value, bool) and info.field_name is not None:
            field = cls.model_fields.get(info.field_name)
            if field is not None and _numeric(field.annotation):
                raise ValueError(
                    f"must be a number, found {str(value).lower()} "
                    "(YAML reads yes/no/on/off as true/false)"
                )
        return value


class Demands(_Block):
    """What a task demands of a person on each dimension (0-4); omitted keys are open.

    A task that names a ``template`` inherits the catalogue's ratings for the keys it
    omits; a task without a template counts an omitted dimension as 0 (not demanded).
    """

    lifting: Rating | None = Field(None, description="Lifting and carrying (NIOSH/KIM-LHC band).")
    pushing_pulling: Rating | None = Field(None, description="Pushing and pulling (KIM-PP band).")
    repetitive_hand_arm: Rating | None = Field(
        None, description="Repetitive hand and arm work (KIM-MHO band, cycles per hour)."
    )
    fine_motor: Rating | None = Field(None, description="Fine motor skill and precision.")
    posture_mobility: Rating | None = Field(
        None, description="Posture and mobility: standing, bending, kneeling, walking."
    )
    sensory: Rating | None = Field(None, description="Vision (including colour) and hearing.")
    attention: Rating | None = Field(None, description="Attention and concentration span.")
    memory_learning: Rating | None = Field(
        None, description="Steps to remember, variants, learning new tasks."
    )
    problem_solving: Rating | None = Field(
        None, description="Decisions, exceptions, judgement, quality checks."
    )
    literacy_numeracy: Rating | None = Field(None, description="Reading text, writing, counting.")
    pace: Rating | None = Field(None, description="Time pressure, machine pacing, peaks.")
    independence: Rating | None = Field(
        None, description="Self-direction: planning own work with little supervision."
    )
    social_communication: Rating | None = Field(
        None, description="Contact with colleagues and customers, teamwork."
    )

    def as_dict(self) -> dict[str, int | None]:
        """Ratings by dimension, in `DIMENSIONS` order."""
        return {d: getattr(self, d) for d in DIMENSIONS}


class Capacities(_Block):
    """What a worker profile can do on each dimension (0-4); every dimension is required."""

    lifting: Rating
    pushing_pulling: Rating
    repetitive_hand_arm: Rating
    fine_motor: Rating
    posture_mobility: Rating
    sensory: Rating
    attention: Rating
    memory_learning: Rating
    problem_solving: Rating
    literacy_numeracy: Rating
    pace: Rating
    independence: Rating
    social_communication: Rating

    def as_dict(self) -> dict[str, int]:
        """Capacities by dimension, in `DIMENSIONS` order."""
        return {d: getattr(self, d) for d in DIMENSIONS}


class Lift(_Block):
    """Lift geometry for the revised NIOSH lifting equation (NIOSH 94-110)."""

    horizontal_cm: float = Field(ge=0, le=200, description="Hand distance from mid-ankles.")
    vertical_cm: float = Field(ge=0, le=250, description="Hand height at the start of the lift.")
    travel_cm: float = Field(ge=0, le=250, description="Vertical travel of the lift.")
    asymmetry_deg: float = Field(0, ge=0, le=180, description="Twist angle.")
    coupling: Literal["good", "fair", "poor"] = "fair"


class Handling(_Block):
    """Handling attributes for the ergonomic and cobot assessment; omitted keys are unknown."""

    part_mass_kg: float | None = Field(None, ge=0, le=1000)
    part_mass_max_kg: float | None = Field(
        None,
        ge=0,
        le=1000,
        description="The heaviest load where loads vary (cartons of 8-18 kg: part_mass_kg 13, "
        "part_mass_max_kg 18). The lifting index, a lifting restriction, the cobot's payload "
        "and its speed near people take the heaviest; the load band and the time the usual "
        "load. Default: part_mass_kg.",
    )
    lifts_per_unit: float | None = Field(None, ge=0, le=1000)
    presentation: Literal["fixed", "variable"] | None = None
    part_type: Literal["rigid", "flexible", "fragile"] | None = None
    tolerance_mm: float | None = Field(None, gt=0, le=1000)
    variants: StrictInt | None = Field(None, ge=1, le=100000)
    hazardous_tool: StrictBool | None = None
    head_exposure: StrictBool | None = Field(
        None, description="The head or face of a person is within reach of the moving part."
    )
    process_force_n: float | None = Field(None, ge=0, le=100000)
    process_torque_nm: float | None = Field(None, ge=0, le=10000)
    reach_mm: float | None = Field(None, gt=0, le=10000)
    lift: Lift | None = None
    machine_hazard: StrictBool | None = Field(
        None,
        description="The tended machine (saw blade, press, arc, sealer) is hazardous; the robot "
        "only loads or unloads it, so the machine keeps its own guarding (not a cobot gate).",
    )
    machine_force_n: float | None = Field(
        None,
        ge=0,
        le=1000000,
        description="Force the tended machine applies (a press, a press brake, a welding gun); "
        "not a force the robot exerts (that is process_force_n).",
    )
    operations_per_unit: float | None = Field(
        None,
        gt=0,
        le=1000,
        description="Robot operations (pick-and-place moves, screws, inserts) per product unit; "
        "0.1 when one carton holds ten products. Default: lifts_per_unit, else 1.",
    )
    measuring_tolerance_mm: float | None = Field(
        None,
        gt=0,
        le=1000,
        description="Tolerance the person measures or checks (a caliper reading); tolerance_mm is "
        "the placement tolerance a robot must hold.",
    )
    part_size_mm: float | None = Field(
        None, gt=0, le=20000, description="Largest dimension of the part handled."
    )
    walking: StrictBool | None = Field(
        None,
        description="The work means walking between places (store picking, transport, fetching "
        "tools), which a stationary cobot cannot do.",
    )
    vibrating_tool: StrictBool | None = Field(
        None, description="The person holds a vibrating power tool (grinder, blasting nozzle)."
    )
    hazardous_substance: StrictBool | None = Field(
        None,
        description="The work exposes the person to hazardous substances that need respiratory "
        "protection or an explosion-safe (ATEX) booth: solvent spraying, powder coating, "
        "isocyanates.",
    )
    dust_fumes: StrictBool | None = Field(
        None,
        description="The person regularly breathes dust, fumes, vapours or gases at this work, "
        "extraction or not: sawing, grinding, sanding, rubber, wood or flour dust, welding fumes "
        "(what COPD and asthma are kept from; NVAB guideline Astma en COPD 2019).",
    )
    colour_coded: StrictBool | None = Field(
        None,
        description="The work depends on telling colours or colour shades apart: colour-coded "
        "wires, plugs or labels, colour checks (for the restriction no_colour_work).",
    )
    two_hand_control: StrictBool | None = Field(
        None,
        description="The work needs two working hands at once: a machine started with a "
        "two-hand control device (a press, a sealer), or holding and working with both hands "
        "(for the restriction one_hand).",
    )
    wet_work: StrictBool | None = Field(
        None,
        description="The hands are wet or touch wet, irritating or sensitising material for a "
        "good part of the work: water, fresh concrete, mortar or cement, cutting fluids, wet "
        "food (for the restriction no_wet_work).",
    )
    cold_work: StrictBool | None = Field(
        None,
        description="The work is done in the cold for a good part of it: a chilled hall or cold "
        "store (air below about 10 C), chilled or frozen product in the hands, outdoors in "
        "winter (for the restriction no_cold_work).",
    )
    hot_work: StrictBool | None = Field(
        None,
        description="The work is done in heat for a good part of it: at a furnace, kiln, oven "
        "or hot product, in a stoving room, a greenhouse or a hall in summer (heat stress, "
        "WBGT above about 25 C) (for the restriction no_hot_work).",
    )
    noise: StrictBool | None = Field(
        None,
        description="The work is done at a workplace with noise of 80 dB(A) or more (the level "
        "of the Arbobesluit's lower action value, art. 6.6, there a daily exposure): a weaving "
        "hall, presses, a saw line, a bottling line (for the restriction no_noise), however "
        "short the work there.",
    )
    vehicle_traffic: StrictBool | None = Field(
        None,
        description="The work is done on foot where forklifts, trucks or loaders drive, without "
        "a walkway separated from them: a yard, a loading dock, a bale field (for the "
        "restriction no_vehicle_traffic).",
    )
    lifts_per_hour: float | None = Field(
        None,
        ge=0,
        le=3600,
        description="Lifts per working hour, for tasks given in hours per week or without "
        "lifts_per_unit (NIOSH frequency).",
    )
    operations_per_hour: float | None = Field(
        None,
        gt=0,
        le=3600,
        description="Robot operations (pick-and-place moves) per working hour, for tasks given "
        "in hours per week, where they differ from the lifts: nesting a bucket every 4 s and "
        "lifting the stack of 20 onto a trolley is 900 operations and 45 lifts an hour. "
        "Default: lifts_per_hour.",
    )

    @property
    def lifted(self) -> bool:
        """Whether the person lifts a load: a mass and lifts per unit or per hour."""
        return bool(self.part_mass_kg) and bool(self.lifts_per_unit or self.lifts_per_hour)

    @property
    def heaviest_kg(self) -> float | None:
        """The heaviest load handled: `part_mass_max_kg` where loads vary, else the one mass
        (None: not given). What a lifting limit, a lifting index and a cobot's payload are
        checked against (NIOSH 94-110 records the average and the maximum weight where the
        load varies and rates the task at the maximum)."""
        if self.part_mass_max_kg is not None and self.part_mass_kg is not None:
            return max(self.part_mass_max_kg, self.part_mass_kg)
        return self.part_mass_kg


class Task(_Block):
    """One piece of work in the process, with its time model, precedence and demands.

    Time model, exactly one of:

    * ``time_s_per_unit`` (seconds per product unit; times ``share_of_units`` of the weekly volume),
    * ``time_min_per_batch`` with ``batch_size_units`` (minutes per batch of that many units),
    * ``hours_per_week`` (fixed hours, independent of volume).

    A task with ``subtasks`` takes its time from them and gives none itself.
    """

    id: Id
    name: Text
    description: LongText = ""
    role: Id | None = Field(None, description="Existing role that does the task now.")
    template: Id | None = Field(None, description="Catalogue task whose values it inherits.")
    time_s_per_unit: float | None = Field(None, gt=0, le=604800)
    share_of_units: float = Field(1.0, gt=0, le=1, description="Share of units that need it.")
    time_min_per_batch: float | None = Field(None, gt=0, le=10080)
    batch_size_units: StrictInt | None = Field(None, ge=1, le=10**9)
    hours_per_week: float | None = Field(
        None,
        gt=0,
        le=100000,
        description="Fixed hours per week: the work of all who do it today (9 welders' 180 h).",
    )
    after: list[Id] = Field(default_factory=list, description="Tasks that must come first.")
    time_low: float | None = Field(
        None, gt=0, description="Lowest likely time, in the unit of the task's time."
    )
    time_high: float | None = Field(
        None, gt=0, description="Highest likely time, in the unit of the task's time."
    )
    demands: Demands | None = None
    handling: Handling | None = None
    subtasks: list[Task] = Field(default_factory=list, description="A hand-made split.")
    catalogue_split: Literal["confirmed", "rejected"] | None = Field(
        None,
        description=(
            "The adviser's word on the template's catalogue split: 'confirmed' (seen on the "
            "floor: the plan uses it), 'rejected' (the task stays whole, and no automatic split "
            "is proposed either, with or without a template); omitted: listed to check."
        ),
    )
    workstation: Id | None = Field(
        None, description="Workstation where the task is done (subtasks inherit it)."
    )
    shift: Literal["any", "every", "day", "night"] | None = Field(
        None,
        description="When the work is done: 'any' shift (it can be planned in any shift, "
        "the day included), "
        "'every' shift the process runs in equal shares (a sample round, minding a line: one "
        "person holds at most one shift's share, and new jobs no night share), the 'day' "
        "shift only (a department that works one shift in a plant of more, office hours, a "
        "fixed morning block, deliveries: a new job holding it "
        "works days, so of work done in every shift it holds only the day shift's share), or "
        "the 'night' shift (night cleaning: not for new jobs); subtasks inherit it; default: "
        "any.",
    )
    on_line: bool | None = Field(
        None,
        description="Process of kind 'line' only: false for work per product done beside the "
        "paced line, decoupled from its takt by a buffer (copper pre-assembly feeding the line, "
        "kitting, a test loop), which the line balance leaves out and which several people may "
        "do side by side; subtasks inherit it; default: true (on the line).",
    )
    days_per_week: StrictInt | None = Field(
        None,
        ge=1,
        le=WORKING_DAYS,
        description="On how many days a week the work is done, where it is not every working "
        "day (the wash line is cleaned on Fridays: 1; 5 is every day, for work in hours a week "
        "that must be done daily: a job of a profile of fewer days then holds only its days' "
        "share of it). A new job holds at most "
        "a working day a day of such work and its daily work together, in the worker's own "
        "hours at their pace; its lifting counts on those days; the job's week shows it on "
        "its days. Subtasks inherit it; default: every working day.",
    )
    area: Id | None = Field(
        None,
        description="Area of adjacent workstations (one cobot cell may serve one area, and "
        "work of different kinds only at one workstation).",
    )
    activities: list[Id] | None = Field(
        None,
        description="Kinds of activity (counting, reading, positioning, line_fed, ...), which "
        "decide where a support applies and which work one cobot cell may serve together; "
        "default: the template's.",
    )
    aids_in_use: list[Id] = Field(
        default_factory=list,
        description="Supports already in use on this task today (part of its demands; "
        "neither counted again nor proposed as new).",
    )
    aids_unusable: list[Id] = Field(
        default_factory=list,
        description="Supports the company has that cannot be used on this task (not at its "
        "workstation, or unfit for the part or the work): they close no gap here and are "
        "not proposed; with the parent's.",
    )

    def demand_profile(self) -> dict[str, int] | None:
        """Demands on all 13 dimensions (omitted ones are 0), or None if none are given.

        For a task with subtasks, at least the highest demand of any subtask on each
        dimension: the task as a whole asks what its hardest part asks (its own or its
        template's ratings may only add to that).
        """
        own = (
            {d: v or 0 for d, v in self.demands.as_dict().items()}
            if self.demands is not None
            else None
        )
        parts = [s.demand_profile() for s in self.subtasks]
        if not parts or any(p is None for p in parts):
            return own
        peak = {d: max(p[d] for p in parts if p is not None) for d in DIMENSIONS}
        return peak if own is None else {d: max(own[d], peak[d]) for d in DIMENSIONS}


class Adviser(_Block):
    """Who wrote the advice (printed on the report's cover)."""

    name: Annotated[str, Field(max_length=200)] = ""
    organisation: Annotated[str, Field(max_length=200)] = ""


class Company(_Block):
    """The company, as the report names it."""

    name: Text
    sector: Text
    location: Annotated[str, Field(max_length=200)] = ""
    adviser: Adviser | None = None
    employees: StrictInt | None = Field(
        None,
        ge=1,
        le=1_000_000,
        description="People the company employs, all of them (not only the roles modelled): "
        "whom the plan is discussed with (a works council from 50, WOR art. 2; else the staff "
        "representation or a staff meeting). Without it the roles' headcount is the lower bound.",
    )


class ProcessInfo(_Block):
    """The process that this model describes."""

    name: Text
    description: LongText = ""
    kind: Literal["pool", "line"] = Field(
        "pool", description="'pool': work in hours per week; 'line': a paced line with a takt."
    )


class Planning(_Block):
    """Planning figures that turn task times into hours per week and FTE."""

    units_per_week: float = Field(gt=0, le=10**9)
    weeks_per_year: float = Field(46, gt=0, le=53)
    hours_per_fte: float = Field(36, ge=1, le=60, description="Hours of one full-time job.")
    shifts: StrictInt = Field(1, ge=1, le=3)
    takt_s: float | None = Field(None, gt=0, le=86400, description="Line takt, kind 'line' only.")
    units_per_week_low: float | None = Field(
        None, gt=0, le=10**9, description="Lowest likely weekly volume."
    )
    units_per_week_high: float | None = Field(
        None, gt=0, le=10**9, description="Highest likely weekly volume."
    )


class Role(_Block):
    """An existing job at the company."""

    id: Id
    name: Text
    headcount: StrictInt = Field(ge=0, le=100000)
    education: str = Field(description="One of: " + ", ".join(EDUCATION_LEVELS))
    hours_per_week: float | None = Field(
        None, gt=0, le=60, description="Contract hours per person; default planning.hours_per_fte."
    )
    wage_cost_eur_per_hour: float | None = Field(None, gt=0, le=500)
    hard_to_fill: StrictBool = Field(False, description="Vacancies for this role are hard to fill.")
    # The declared uses of hours freed from this role (the work balance, docs/method.md):
    # the plan moves work away from today's staff only as far as these absorb it. Declare
    # each hour once: overtime or agency hours that cover an open vacancy today count
    # under the vacancy, not again.
    vacancies: StrictInt = Field(
        0, ge=0, le=100000, description="Open vacancies; each covers the role's contract hours."
    )
    overtime_hours_per_week: float = Field(
        0, ge=0, le=10000, description="Overtime the role's people work today (total per week)."
    )
    agency_hours_per_week: float = Field(
        0, ge=0, le=10000, description="Temporary or agency hours hired for the role today."
    )
    agency_rate_eur_per_hour: float | None = Field(
        None,
        gt=0,
        le=1000,
        description="What an agency hour costs on the agency's invoice; default the role's "
        "wage cost x (1 + the agency premium).",
    )
    agency_weeks_per_year: float | None = Field(
        None,
        gt=0,
        le=53,
        description="Weeks a year in which the agency hours are hired (a seasonal peak); "
        "agency_hours_per_week is then their average over the production weeks. Default: "
        "every production week.",
    )
    overtime_weeks_per_year: float | None = Field(
        None,
        gt=0,
        le=53,
        description="Weeks a year in which the overtime is worked (a seasonal peak); "
        "overtime_hours_per_week is then its average over the production weeks. Default: "
        "every production week.",
    )
    vacancy_overtime_hours_per_week: float = Field(
        0,
        ge=0,
        le=10000,
        description="Of the vacancies' hours, the overtime the role's people work today to cover"
        " them (total per week). Part of the vacancies, not another use: the freed hours that"
        " fill the vacancies end this overtime first, and it is valued as overtime no longer"
        " paid. Not declared again in overtime_hours_per_week.",
    )
    vacancy_agency_hours_per_week: float = Field(
        0,
        ge=0,
        le=10000,
        description="Of the vacancies' hours, the agency hours hired today to cover them (per"
        " week). Part of the vacancies, not another use: the freed hours that fill the vacancies"
        " end these after the covering overtime, valued as agency hours no longer hired. Not"
        " declared again in agency_hours_per_week.",
    )
    backlog_hours_per_week: float = Field(
        0,
        ge=0,
        le=10000,
        description="Work refused or left undone today (or growth) the role's people would take on.",
    )
    leavers: StrictInt = Field(
        0,
        ge=0,
        le=100000,
        description="People leaving the role within the horizon whose work the new jobs may take on instead of a replacement the company would otherwise hire.",
    )
    vacancy_value_eur_per_hour: float | None = Field(
        None, ge=0, le=1000, description="What an hour of vacancy work done brings (contribution)."
    )
    backlog_margin_eur_per_hour: float | None = Field(
        None, ge=0, le=1000, description="Margin on an hour of backlog work taken on."
    )

    @field_validator("education", mode="before")
    @classmethod
    def _education(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        key = value.replace(" ", "").replace("-", "").lower()
        for level in EDUCATION_LEVELS:
            if level.replace(" ", "").lower() == key:
                return level
        raise ValueError(f"expected one of {', '.join(EDUCATION_LEVELS)}, found {value!r}")


class Restriction(_Block):
    """A restriction of a worker profile in physical or organisational terms.

    The mapping to demands is in ``task_catalogs/assessment.yaml`` (``restrictions``) and is
    shown with every verdict it changes.
    """

    kind: Id = Field(description="Restriction id from assessment.yaml (restrictions).")
    value: float | None = Field(None, ge=0, le=1000, description="Its number (e.g. kg).")


class Profile(_Block):
    """A worker profile: a target-group archetype, never a named person."""

    id: Id
    name: Text
    description: LongText = ""
    capacities: Capacities
    hours_per_week_available: float = Field(gt=0, le=60)
    days_per_week: StrictInt | None = Field(
        None,
        ge=1,
        le=5,
        description="Days a week the people of this profile work (24 h on four days: 4); the"
        " job card's week has these days, a job holds at most these days' share of work that"
        " arises every day, and at most a day of its hours of work done on fewer days. None:"
        " as the job's work needs.",
    )
    max_hours_per_day: float | None = Field(
        None,
        gt=0,
        le=24,  # a day; the law's longest (12, under 18 9) is checked when the model is read
        description="Longest working day of the people of this profile (five mornings of 4 h:"
        " 4); the job card's week spreads the job's hours over enough days, and a job holds at"
        " most this day of work done on fewer days. At most the Arbeidstijdenwet's longest day"
        " (12 h, under 18: 9 h; checked when the model is read).",
    )
    pace: float = Field(
        1.0, ge=0.05, le=1, description="Relative pace; 0.7 needs 1/0.7 of the time."
    )
    supports: list[Id] = Field(
        default_factory=list,
        description="Supports this profile can use: these and no others (job rotation is always"
        " open); empty: every support the company provides.",
    )
    needs: list[Id] = Field(
        default_factory=list,
        description="Supports every job of this profile holds, whatever its work asks (a job"
        " coach the municipality or UWV grants the people of this profile): the job card lists"
        " them and the business case costs them.",
    )
    max_workers: StrictInt | None = Field(
        None, ge=1, le=10000, description="How many people of this profile could be hired."
    )
    restrictions: list[Restriction] = Field(
        default_factory=list,
        description="Restrictions in physical terms (no lifting over 5 kg, no vibrating tools, "
        "no night shifts, dislikes interruptions), mapped to demands.",
    )
    # The business case (docs/method.md, "Business case"): the wage instrument and the
    # loonwaarde, which a loonwaardebepaling on the workplace sets (tempo x kwaliteit x
    # inzetbaarheid); before it, the default is pace x quality_factor.
    loonwaarde: float | None = Field(
        None, gt=0, le=1, description="Assessed loonwaarde (share of WML); default pace x quality."
    )
    quality_factor: float | None = Field(
        None, gt=0, le=1, description="Share of usable output (kwaliteit); default 1."
    )
    instrument: Literal["lks", "loondispensatie", "detachering", "none"] = Field(
        "lks",
        description=(
            "Wage instrument: loonkostensubsidie (Participatiewet), Wajong loondispensatie, "
            "detachering (the worker stays employed by a sociaal werkbedrijf, which seconds "
            "them; the company pays secondment_rate_eur_per_hour), or none."
        ),
    )
    secondment_rate_eur_per_hour: float | None = Field(
        None,
        gt=0,
        le=200,
        description=(
            "With instrument detachering: the fee (inleenvergoeding) per hour worked agreed "
            "with the sociaal werkbedrijf, which stays the employer (wage, its subsidies, sick "
            "pay); required there, and only there."
        ),
    )
    age: StrictInt | None = Field(
        None,
        ge=15,
        le=99,
        description=(
            "Age of the people this profile describes (an archetype: school leavers of 19), "
            "for the statutory minimum wage: below 21 the youth scale applies, to the wage and "
            "to the loonkostensubsidie, in each year of the business case at that year's age; "
            "below 18 the Arbeidstijdenwet's rules for young people "
            "hold of themselves (restriction under_18: no night work, no vibrating hand tools, "
            "at most 40 hours a week); no profile is under 16; empty: 21 or older."
        ),
    )
    hourly_wage_eur: float | None = Field(
        None,
        gt=0,
        le=200,
        description=(
            "Gross hourly wage the company pays for these jobs (its CAO scale), without "
            "holiday pay; at least the statutory minimum for the age. Empty: that minimum. "
            "The loonkostensubsidie stays based on the minimum wage; the employer pays the "
            "difference."
        ),
    )
    lkv: Literal["banenafspraak", "arbeidsgehandicapt", "none"] | None = Field(
        None,
        description=(
            "Loonkostenvoordeel the employer claims: banenafspraak (doelgroepregister), "
            "arbeidsgehandicapt (a doelgroepverklaring from UWV after a WIA, WAO, WAZ, "
            "Wajong or Ziektewet benefit; years 1-3), or none; default banenafspraak with "
            "instrument lks or loondispensatie, else none."
        ),
    )

    @property
    def own_day(self) -> float | None:
        """The working day of the people of this profile where the model gives their week:
        `max_hours_per_day`, else their hours over `days_per_week` (24 h on four days: 6);
        None where it gives neither. The plan's day of work done on fewer days
        (`PoolInstance.day_limit`)."""
        if self.max_hours_per_day is not None:
            return self.max_hours_per_day
        if self.days_per_week is not None:
            return self.hours_per_week_available / self.days_per_week
        return None

    @property
    def lkv_kind(self) -> str:
        """The loonkostenvoordeel of this profile, with its default from the instrument."""
        if self.lkv is not None:
            return self.lkv
        return "banenafspraak" if self.instrument in ("lks", "loondispensatie") else "none"

    @property
    def in_register(self) -> bool:
        """Whether the people of this profile are in the doelgroepregister banenafspraak.

        A wage instrument (loonkostensubsidie, loondispensatie) means the register unless the
        LKV says a disabled worker outside it (``arbeidsgehandicapt``); ``lkv: banenafspraak``
        means the register; an employer who claims no LKV (``lkv: none``) does not change it.
        """
        if self.lkv is not None and self.lkv != "none":
            return self.lkv == "banenafspraak"
        # a seconded worker counts for the banenafspraak at the company where they work
        # (seo.nl for SZW: seconded workers count at the hirer, not at the SW company)
        return self.instrument != "none"


class Options(_Block):
    """Options for the analyses; an omitted option takes its sourced default from
    ``task_catalogs/assessment.yaml``."""

    language: Literal["nl", "en"] = "nl"
    seed: StrictInt = Field(0, ge=0, le=2**31 - 1)
    handover_overhead_share: float | None = Field(None, ge=0, le=0.5)
    min_job_hours: float | None = Field(
        None, gt=0, le=60, description="Fewest hours per week of a carved job."
    )
    min_kinds_per_job: StrictInt | None = Field(
        None, ge=1, le=20, description="Fewest different tasks in a carved job."
    )
    max_job_ergonomic_load: float | None = Field(None, ge=0, le=4)
    heavy_work_load_margin: float | None = Field(
        None,
        ge=0,
        le=1,
        description="How much more physical load a job of a profile able to do heavy work may "
        "carry than max_job_ergonomic_load (default carving.heavy_work_load_margin); 0 holds "
        "every job to one limit.",
    )
    max_cobots: StrictInt | None = Field(None, ge=0, le=50)
    allow_displacement: StrictBool = Field(
        False,
        description=(
            "Let the plan take more work from today's staff than the declared uses absorb "
            "(the headline then states the displaced hours)."
        ),
    )
    time_limit_s: float | None = Field(None, gt=0, le=86400)
    workers: StrictInt = Field(1, ge=1, le=64, description="Solver worker threads.")
    draws: StrictInt | None = Field(
        None, ge=0, le=100000, description="Monte Carlo draws (0: none)."
    )


class Economics(_Block):
    """Overrides of the economic defaults (task_catalogs/economics.yaml); omitted keys keep them."""

    minimum_wage_eur_per_hour: float | None = Field(None, ge=0, le=200)
    youth_minimum_wage_share_20: float | None = Field(None, ge=0, le=1)
    youth_minimum_wage_share_19: float | None = Field(None, ge=0, le=1)
    youth_minimum_wage_share_18: float | None = Field(None, ge=0, le=1)
    youth_minimum_wage_share_17: float | None = Field(None, ge=0, le=1)
    youth_minimum_wage_share_16: float | None = Field(None, ge=0, le=1)
    youth_minimum_wage_share_15: float | None = Field(None, ge=0, le=1)
    holiday_pay_share: float | None = Field(None, ge=0, le=1)
    employer_charges_share: float | None = Field(None, ge=0, le=1)
    loonwaarde_share: float | None = Field(None, ge=0, le=1)
    lks_cap_share: float | None = Field(None, ge=0, le=1)
    lks_employer_supplement_share: float | None = Field(None, ge=0, le=1)
    coaching_hours_per_week: float | None = Field(None, ge=0, le=40)
    praktijkverklaring_cost_eur: float | None = Field(None, ge=0, le=100000)
    cobot_cell_cost_eur: float | None = Field(None, ge=0, le=10**7)
    cobot_maintenance_eur_per_year: float | None = Field(None, ge=0, le=10**6)
    depreciation_years: float | None = Field(None, gt=0, le=50)
    default_role_wage_cost_eur_per_hour: float | None = Field(None, ge=0, le=500)
    freed_hour_value_factor: float | None = Field(None, ge=0, le=10)
    default_time_spread_share: float | None = Field(None, ge=0, le=0.9)
    default_volume_spread_share: float | None = Field(None, ge=0, le=0.9)
    paid_weeks_per_year: float | None = Field(None, gt=0, le=53)
    loonwaarde_spread_share: float | None = Field(None, ge=0, le=0.9)
    loondispensatie_max_loonwaarde_share: float | None = Field(None, ge=0, le=1)
    lkv_eur_per_hour: float | None = Field(None, ge=0, le=100)
    lkv_max_eur_per_year: float | None = Field(None, ge=0, le=100000)
    lkv_ag_eur_per_hour: float | None = Field(None, ge=0, le=100)
    lkv_ag_max_eur_per_year: float | None = Field(None, ge=0, le=100000)
    lkv_ag_years: StrictInt | None = Field(None, ge=0, le=10)
    jobcoach_share_year1: float | None = Field(None, ge=0, le=1)
    jobcoach_share_year2: float | None = Field(None, ge=0, le=1)
    jobcoach_share_year3: float | None = Field(None, ge=0, le=1)
    jobcoach_rate_eur_per_hour: float | None = Field(None, ge=0, le=1000)
    jobcoach_reimbursed_share: float | None = Field(None, ge=0, le=1)
    support_reimbursed_share: float | None = Field(None, ge=0, le=1)
    ramp_up_year1_share: float | None = Field(None, ge=0, le=1)
    horizon_years: StrictInt | None = Field(None, ge=1, le=30)
    discount_rate_share: float | None = Field(None, ge=0, le=1)
    vacancy_value_factor: float | None = Field(None, ge=0, le=10)
    overtime_surcharge_share: float | None = Field(None, ge=0, le=5)
    agency_premium_share: float | None = Field(None, ge=0, le=5)
    leavers_from_year: StrictInt | None = Field(None, ge=1, le=30)
    tornado_spread_share: float | None = Field(None, gt=0, le=0.9)
    support_costs_eur: dict[Id, Annotated[float, Field(ge=0, le=10**6)]] | None = Field(
        None, description="One-off cost per carved job of a support, by support id."
    )


class Scenario(_Block):
    """A named set of options to compare (``jobcarve compare``)."""

    id: Id
    name: Text
    profiles: list[Id] | None = Field(
        None, description="Only these worker profiles (default: all)."
    )
    max_cobots: StrictInt | None = Field(None, ge=0, le=50)
    allow_displacement: StrictBool | None = Field(
        None, description="Allow displacement of today's staff in this scenario."
    )
    volume_change_share: float = Field(
        0.0, ge=-0.9, le=5, description="Change of the weekly volume, 0.1 = +10%."
    )
    min_job_hours: float | None = Field(None, gt=0, le=60)
    min_kinds_per_job: StrictInt | None = Field(None, ge=1, le=20)
    max_job_ergonomic_load: float | None = Field(None, ge=0, le=4)
    heavy_work_load_margin: float | None = Field(None, ge=0, le=1)


class ProcessModel(_Block):
    """A complete process model, format 1."""

    format: Literal[1] = Field(description="Model format version; this jobcarve reads 1.")
    company: Company
    process: ProcessInfo
    planning: Planning
    roles: list[Role] = Field(min_length=1)
    tasks: list[Task] = Field(min_length=1)
    profiles: list[Profile] = Field(default_factory=list)
    supports: list[Id] = Field(
        default_factory=list,
        description="Supports the company provides (supports catalogue ids); open to the"
        " profiles that list none of their own.",
    )
    options: Options = Field(default_factory=Options)
    economics: Economics = Field(default_factory=Economics)
    scenarios: list[Scenario] = Field(default_factory=list)

    _source: Any = PrivateAttr(default=None)

    @property
    def source(self) -> Any:
        """The `SourceMap` of the file this model was read from (None if built in Python)."""
        return self._source
