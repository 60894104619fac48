"""Standard task catalogues and the supports catalogue (``task_catalogs/*.yaml``).

A task catalogue lists standard tasks of one sector of Dutch manufacturing SMEs with
their typical time, demands on all 13 dimensions, handling attributes, a default split
into simpler subtasks where practice splits the task, and the rationale of the ratings.
The supports catalogue lists the supports (work instructions, jigs, lifting aids, job
coaching) that close gaps between a task's demands and a worker's capacities.

Longer than 600 lines for a reason: the schema of every shipped catalogue and the
parameters with their sources is one concept, the data the rules read; each file's
loading is a few lines beside its schema.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, Field, ValidationError, model_validator

from jobcarve.exceptions import InputError, Problem
from jobcarve.model import (
    DIMENSIONS,
    Capacities,
    ExposureFlag,
    Handling,
    Id,
    Profile,
    Restriction,
    Text,
    _Block,
)
from jobcarve.resources import catalog_dir
from jobcarve.yamlsource import SourceMap, load, read_text, validation_problems

TASK_CATALOG_GLOB = "tasks_*.yaml"
SUPPORTS_FILE = "supports.yaml"
COBOTS_FILE = "cobots.yaml"
ASSESSMENT_FILE = "assessment.yaml"
ECONOMICS_FILE = "economics.yaml"

M = TypeVar("M", bound=BaseModel)

Rating = Annotated[int, Field(ge=0, le=4)]
Source = Annotated[str, Field(min_length=1, max_length=1000)]


class TimeRange(_Block):
    """Typical time of one occurrence (a unit, a batch or a week), in seconds."""

    min_s: float = Field(gt=0)
    max_s: float = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> TimeRange:
        if self.max_s < self.min_s:
            raise ValueError(f"max_s ({self.max_s}) is below min_s ({self.min_s})")
        return self


class SplitUnit(_Block):
    """One simpler unit of a catalogue task's default split."""

    id: Id
    name_nl: Text
    name_en: Text
    share_of_time: float = Field(gt=0, le=1)
    demands: Capacities
    handling: Handling | None = None
    activities: list[Id] | None = Field(
        None, description="Kinds of activity of this unit; default: the task's."
    )


class CatalogEntry(_Block):
    """A standard task."""

    id: Id
    name_nl: Text
    name_en: Text
    time_basis: Literal["per_unit", "per_batch", "per_week"]
    typical_time_s: TimeRange
    demands: Capacities
    handling: Handling = Field(default_factory=Handling)
    activities: list[Id] = Field(
        default_factory=list,
        description="Kinds of activity (supports.yaml activities), which decide where a support applies.",
    )
    default_split: list[SplitUnit] = Field(default_factory=list)
    rationale: Text

    @model_validator(mode="after")
    def _split_shares(self) -> CatalogEntry:
        if self.default_split:
            total = sum(u.share_of_time for u in self.default_split)
            if abs(total - 1) > 0.011:
                raise ValueError(f"default_split shares add up to {total:.2f}, expected 1.00")
            if len(self.default_split) < 2:
                raise ValueError("a default_split needs at least two units")
            whole = self.demands.as_dict()
            for unit in self.default_split:
                over = [d for d, v in unit.demands.as_dict().items() if v > whole[d]]
                if over:
                    raise ValueError(
                        f"default_split unit {unit.id} demands more than the task on "
                        f"{', '.join(over)}: a task's demands are the peak of its parts"
                    )
        return self


class _Sourced(_Block):
    """A datum with its source, in English and (for the Dutch report) in Dutch."""

    source: Source
    source_nl: Source | None = Field(
        None, description="The source in Dutch, for the Dutch report (the kind word left out)."
    )


class TaskCatalog(_Block):
    """One catalogue file of standard tasks for a sector."""

    format: Literal[1]
    id: Id
    sector: Text
    name_nl: Text
    name_en: Text
    compiled: Text = Field(description="When and by whom the ratings were compiled.")
    sources: list[Text] = Field(min_length=1)
    sources_nl: list[Text] | None = Field(
        None, description="The sources in Dutch, in the same order, for the Dutch report."
    )
    entries: list[CatalogEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _dutch_sources(self) -> TaskCatalog:
        if self.sources_nl is not None and len(self.sources_nl) != len(self.sources):
            raise ValueError(
                f"sources_nl has {len(self.sources_nl)} items, sources {len(self.sources)}: "
                "give one Dutch text per source, in the same order"
            )
        return self


class Applicability(_Block):
    """Where a support applies: the kinds of activity and handling it helps with, and why."""

    activities_any: list[Id] = Field(
        default_factory=list, description="It applies only to tasks with one of these activities."
    )
    activities_none: list[Id] = Field(
        default_factory=list, description="It never applies to tasks with one of these activities."
    )
    activities_not_only: list[Id] = Field(
        default_factory=list,
        description="It does not apply to tasks whose activities are all among these (running a "
        "machine and nothing else).",
    )
    min_part_mass_kg: float | None = Field(
        None,
        gt=0,
        description="Only where a part of at least this mass is handled (a load an aid can take).",
    )
    stationary: bool = Field(False, description="Only where the work is done at one place.")
    max_part_size_mm: float | None = Field(None, gt=0)
    max_variants: int | None = Field(
        None,
        gt=0,
        description="Only where the work has at most this many variants (something is made "
        "per variant, such as a picture set).",
    )
    reason_nl: Text
    reason_en: Text
    source: Source


class Taper(_Block):
    """A support that is given for a limited time, in a falling share of the working hours."""

    hours_share_by_year: list[Annotated[float, Field(ge=0, le=1)]] = Field(
        min_length=1, max_length=10
    )
    source: Source


class Support(_Sourced):
    """A support that closes gaps on some dimensions, up to a level."""

    id: Id
    name_nl: Text
    name_en: Text
    route: Literal["T", "O", "B"] = Field(
        description="Mitigation route (Leidraad Werkvoorzieningen): T technology, "
        "O organisation, B begeleiding (coaching)."
    )
    closes: dict[str, Annotated[int, Field(ge=1, le=4)]] = Field(
        description="Dimension -> how many levels of gap the support closes."
    )
    rationale: Source
    applies_to: Applicability | None = Field(
        None, description="Where it applies; omitted: on every task."
    )
    taper: Taper | None = Field(
        None, description="A temporary support: its share of the hours per year, then none."
    )
    rotation: bool = Field(
        False,
        description="Job rotation inside a carved job: always available; the carving must keep "
        "the unit's share of the job at or below max_share_of_job.",
    )
    max_share_of_job: float | None = Field(None, gt=0, le=1)
    max_demand: dict[str, Annotated[int, Field(ge=0, le=4)]] = Field(
        default_factory=dict,
        description="Dimension -> the highest demand on which the support still closes a gap "
        "(above it the work itself must be redesigned).",
    )

    closes_only_below: dict[str, dict[str, Annotated[int, Field(ge=1, le=4)]]] = Field(
        default_factory=dict,
        description="Closed dimension -> {profile dimension: level}: the support closes a gap "
        "on that dimension only for a profile whose capacity on the profile dimension is below "
        "the level, the limitation it makes up for (a magnifier helps fine work where sight "
        "limits it, not where the hands do).",
    )

    @model_validator(mode="after")
    def _dimensions(self) -> Support:
        conditions = {d for cond in self.closes_only_below.values() for d in cond}
        unknown = sorted(
            (set(self.closes) | set(self.max_demand) | set(self.closes_only_below) | conditions)
            - set(DIMENSIONS)
        )
        if unknown:
            raise ValueError(f"unknown dimension(s) {', '.join(unknown)}")
        if "repetitive_hand_arm" in self.closes and not self.rotation:
            raise ValueError(
                "only job rotation (rotation: true) closes repetitive hand-arm work: an aid "
                "does not lower the number of movements (BAuA KIM-MHO)"
            )
        if self.rotation and self.max_share_of_job is None:
            raise ValueError("a rotation support needs max_share_of_job")
        return self


class SupportsCatalog(_Block):
    """The supports catalogue file."""

    format: Literal[1]
    compiled: Text
    activities: dict[str, Text] = Field(
        default_factory=dict, description="Kinds of activity that tasks and supports name."
    )
    supports: list[Support] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_activities(self) -> SupportsCatalog:
        for sup in self.supports:
            if sup.applies_to is None:
                continue
            cond = sup.applies_to
            named = (
                set(cond.activities_any) | set(cond.activities_none) | set(cond.activities_not_only)
            )
            unknown = sorted(named - set(self.activities))
            if unknown:
                raise ValueError(f"support {sup.id} names unknown activities {', '.join(unknown)}")
        return self


class CobotModel(_Block):
    """A collaborative robot model with its published numbers (null where none were found)."""

    id: Id
    manufacturer: Text
    model: Text
    payload_kg: float = Field(gt=0, le=100)
    reach_mm: float = Field(gt=0, le=5000)
    repeatability_mm: float | None = Field(None, gt=0, le=5)
    weight_kg: float | None = Field(None, gt=0, le=500)
    max_tcp_speed_m_s: float | None = Field(None, gt=0, le=10)
    sources: list[Id] = Field(min_length=1)
    confidence: Literal["high", "medium", "low"]


class CobotCatalog(_Block):
    """The cobot catalogue file."""

    format: Literal[1]
    compiled: Text
    sources: dict[str, Source]
    models: list[CobotModel] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_sources(self) -> CobotCatalog:
        for model in self.models:
            unknown = sorted(set(model.sources) - set(self.sources))
            if unknown:
                raise ValueError(f"model {model.id} names unknown source(s) {', '.join(unknown)}")
        return self


class Param(_Sourced):
    """A number with its source."""

    value: float


class Bands(_Sourced):
    """Ascending band limits with their source."""

    value: list[float] = Field(min_length=1)


class SplitParams(_Block):
    handover_overhead_share: Param
    auto_split_demanding_share: Param
    auto_split_heavy_share: Param
    routine_cap: Param
    core_demand_level: Param
    team_carry_share: Param


DangerFlag = Literal["hazardous_tool", "vibrating_tool", "hazardous_substance", "dust_fumes"]


class DangerousWork(_Sourced):
    """Which handling flags make work dangerous: not work for a new job."""

    any_of: list[Annotated[list[DangerFlag], Field(min_length=1)]] = Field(
        min_length=1,
        description="Work is dangerous when all flags of any one of these lists are set.",
    )

    def applies(self, handling: Handling) -> bool:
        """Whether work with this handling is dangerous."""
        return any(all(getattr(handling, f) for f in flags) for flags in self.any_of)


class FitParams(_Block):
    over_capacity_margin: Param
    over_capacity_dimensions: Param
    max_supported_gaps: Param
    dangerous_work: DangerousWork


class FrequencyTable(_Sourced):
    """NIOSH frequency multiplier: lifts/min, 3 durations for V < 75 cm, 3 for V >= 75 cm."""

    rows: list[Annotated[list[float], Field(min_length=7, max_length=7)]] = Field(min_length=2)


class CouplingTable(_Sourced):
    good: Annotated[list[float], Field(min_length=2, max_length=2)]
    fair: Annotated[list[float], Field(min_length=2, max_length=2)]
    poor: Annotated[list[float], Field(min_length=2, max_length=2)]


class ErgonomicsParams(_Block):
    niosh_load_constant_kg: Param
    niosh_frequency_table: FrequencyTable
    niosh_coupling: CouplingTable
    lifting_index_bands: Bands
    load_mass_bands_kg: Bands
    high_frequency_lifts_per_hour: Param
    high_frequency_min_mass_kg: Param
    raise_margin_levels: Param
    default_lifts_per_min: Param
    risk_lifting_index: Param
    high_risk_lifting_index: Param
    weak_lift_multiplier: Param
    frequency_rounding_share: Param


class BodyRegion(_Sourced):
    """ISO/TS 15066 limits of the body region that a cobot may hit."""

    name: Text
    transient_force_n: float = Field(gt=0)
    transient_pressure_n_cm2: float = Field(gt=0)
    spring_constant_n_mm: float = Field(gt=0)
    effective_mass_kg: float = Field(gt=0)
    contact_area_cm2: float = Field(gt=0)


class _Weights(_Sourced):
    """Weights that must add up to 1, with their source."""

    @model_validator(mode="after")
    def _sum(self) -> _Weights:
        total = sum(self.model_dump(exclude={"source", "source_nl"}).values())
        if abs(total - 1) > 1e-6:
            raise ValueError(f"weights add up to {total:.3f}, expected 1")
        return self


class FeasibilityWeights(_Weights):
    presentation: float = Field(ge=0, le=1)
    handling: float = Field(ge=0, le=1)
    joining: float = Field(ge=0, le=1)
    safety: float = Field(ge=0, le=1)
    repetitiveness: float = Field(ge=0, le=1)
    variants: float = Field(ge=0, le=1)
    judgement: float = Field(ge=0, le=1)


class BenefitWeights(_Weights):
    ergonomics: float = Field(ge=0, le=1)
    repetition: float = Field(ge=0, le=1)
    monotony: float = Field(ge=0, le=1)
    hours: float = Field(ge=0, le=1)


class CobotParams(_Block):
    gripper_mass_kg: Param
    payload_margin: Param
    reach_margin: Param
    min_cycle_s: Param
    min_human_move_s: Param
    line_rate_margin: Param
    max_cobot_slowdown: Param
    tolerance_repeatability_factor: Param
    max_process_force_n: Param
    max_process_torque_nm: Param
    exposed_region: BodyRegion
    default_robot_mass_kg: Param
    mean_speed_share: Param
    grip_release_s: Param
    default_reach_mm: Param
    available_hours_share: Param
    assist_share: Param
    #: of the hours a cobot takes over, the share people keep: tending the cell
    tending_share: Param
    #: the physical demand (0-4) of tending a cobot cell
    tending_physical_demand: Param
    weights: FeasibilityWeights
    benefit_weights: BenefitWeights
    benefit_full_hours_per_week: Param
    candidate_min_feasibility: Param
    assist_min_feasibility: Param
    max_variants_candidate: Param
    max_variants_random: Param
    judgement_knockout_problem_solving: Param
    reading_knockout_literacy: Param
    perception_cap_sensory: Param
    inspection_knockout_problem_solving: Param
    large_part_size_mm: Param
    large_gripper_mass_kg: Param
    max_shared_part_size_mm: Param


class RestrictionCheck(_Block):
    """Work a restriction does not exclude but asks to check: by a handling flag of the unit
    or an activity of its work."""

    flag: ExposureFlag | None = None
    activity: Id | None = None
    nl: str = Field(max_length=400)
    en: str = Field(max_length=400)

    @model_validator(mode="after")
    def _one(self) -> RestrictionCheck:
        if (self.flag is None) == (self.activity is None):
            raise ValueError("a check names either a flag or an activity")
        return self


class RestrictionRule(_Block):
    """How a restriction in physical terms maps to the demand dimensions."""

    id: Id
    name_nl: Text
    name_en: Text
    caps: dict[str, Annotated[int, Field(ge=0, le=4)]] = Field(
        default_factory=dict, description="Dimension -> highest capacity the restriction allows."
    )
    lift_mass_cap: bool = Field(
        False, description="value (kg) caps lifting at the load band of that mass."
    )
    excludes: list[ExposureFlag] = Field(
        default_factory=list, description="Handling flags the person must not work with."
    )
    excludes_activities: list[Id] = Field(
        default_factory=list, description="Kinds of activity the person must not do."
    )
    no_night_work: bool = Field(
        False,
        description="The person works no night shift: of work done in every shift "
        "(a task's shift: every), a job takes no night share; work in the night shift "
        "(shift: night) is not for this person.",
    )
    ambient: bool = Field(
        False,
        description="The restriction is about the air, sound or temperature around the "
        "person: other work at the same place that raises an excluded exposure matters too "
        "(a job card's floor check).",
    )
    day_shift_only: bool = Field(
        False,
        description="The person works the day shift only: of work done in every shift, a job "
        "takes only the first (day) shift's share, also when the process runs two shifts "
        "(needs no_night_work too).",
    )
    schedule_nl: str = Field("", max_length=400, description="A condition for the schedule.")
    schedule_en: str = Field("", max_length=400)
    below_age: int | None = Field(
        None,
        ge=16,
        le=21,
        description="The restriction follows from the profile's age: it applies of itself to "
        "every profile younger than this (the Arbeidstijdenwet for 16 and 17), and a model "
        "does not list it.",
    )
    min_age: int | None = Field(
        None,
        ge=13,
        le=18,
        description="With below_age: no profile younger than this (children may not do "
        "industrial work).",
    )
    max_hours_per_week: float | None = Field(
        None,
        gt=0,
        le=60,
        description="With below_age: the most hours a week such a profile may work on average.",
    )
    checks: list[RestrictionCheck] = Field(
        default_factory=list,
        description="Work to check for this person on the floor: a note with the fit, not an "
        "exclusion.",
    )
    source: Source

    def named(self, value: float | None, lang: str) -> str:
        """The restriction in words with its value ("no lifting over 10 kg"): one home for
        the fit's reasons and the job cards."""
        name = self.name_nl if lang == "nl" else self.name_en
        return name.format(value=value if value is not None else 0.0)

    @model_validator(mode="after")
    def _dimensions(self) -> RestrictionRule:
        unknown = sorted(set(self.caps) - set(DIMENSIONS))
        if unknown:
            raise ValueError(f"unknown dimension(s) {', '.join(unknown)}")
        return self


def checks_hit(
    rule: RestrictionRule, handling: Handling, activities: Iterable[str]
) -> list[RestrictionCheck]:
    """The rule's checks that a unit with this handling and these activities raises (one
    home for the fit's notes and the job cards' floor checks)."""
    acts = set(activities)
    return [
        c
        for c in rule.checks
        if (c.flag is not None and bool(getattr(handling, c.flag, None)))
        or (c.activity is not None and c.activity in acts)
    ]


def profile_restrictions(
    profile: Profile, rules: Iterable[RestrictionRule]
) -> tuple[Restriction, ...]:
    """The restrictions that hold for a profile: those the model lists, and those that follow
    from its age (a rule's ``below_age``: under 18, the Arbeidstijdenwet's rules for young
    people). The one home of that rule for the fit, the plan and the job cards."""
    own = tuple(profile.restrictions)
    listed = {r.kind for r in own}
    implied = tuple(
        Restriction(kind=rule.id)
        for rule in young_rules(profile.age, rules)
        if rule.id not in listed
    )
    return own + implied


def young_rules(age: object, rules: Iterable[RestrictionRule]) -> list[RestrictionRule]:
    """The rules for young workers that hold at an age (a rule's ``below_age``: under 18);
    none without an age. The one home of "under 18" for the restrictions, the model's
    checks and the job cards' longest day and breaks."""
    if not isinstance(age, int) or isinstance(age, bool):
        return []
    return [r for r in rules if r.below_age is not None and age < r.below_age]


class CarvingParams(_Block):
    min_job_hours: Param
    min_kinds_per_job: Param
    max_job_ergonomic_load: Param
    heavy_work_load_margin: Param
    heavy_work_capacity: Param
    role_load_rise_warning: Param
    night_work_in_new_jobs: Param
    banenafspraak_hours: Param
    max_cobots: Param
    volume_share_hours: Param
    max_volume_shares_per_unit: Param
    max_unit_room_ratio: Param
    time_limit_s: Param
    min_kind_share: Param
    max_counted_supported_gaps: Param
    carved_hours_slack_hours: Param
    ergonomic_risk_lifting_index: Param
    ergonomic_risk_repetitive_demand: Param
    min_cobot_added_hours: Param
    proposals_evaluated: Param
    break_after_hours: Param
    break_after_hours_under_18: Param
    long_break_after_hours: Param
    max_hours_per_day: Param
    max_hours_per_day_under_18: Param

    def longest_day(self, young: bool) -> float:
        """The Arbeidstijdenwet's longest working day: `max_hours_per_day` (12), for a worker
        under 18 `max_hours_per_day_under_18` (9). One home for the model's checks and the
        job cards' week plan."""
        return (self.max_hours_per_day_under_18 if young else self.max_hours_per_day).value

    def break_after(self, young: bool) -> float:
        """The hours of work after which a break is due (Arbeidstijdenwet art. 5:4):
        `break_after_hours`, for a worker under 18 `break_after_hours_under_18`."""
        return (self.break_after_hours_under_18 if young else self.break_after_hours).value


class AssessmentParams(_Block):
    """Thresholds, weights and limits of the analysis, each with its source."""

    format: Literal[1]
    compiled: Text
    split: SplitParams
    fit: FitParams
    ergonomics: ErgonomicsParams
    cobot: CobotParams
    carving: CarvingParams
    restrictions: list[RestrictionRule] = Field(default_factory=list)

    @model_validator(mode="after")
    def _counted_within_supported(self) -> AssessmentParams:
        counted = self.carving.max_counted_supported_gaps.value
        if counted != int(counted) or not 0 <= counted <= self.fit.max_supported_gaps.value:
            raise ValueError(
                "carving.max_counted_supported_gaps must be a whole number from 0 to"
                " fit.max_supported_gaps"
            )
        ratio = self.carving.max_unit_room_ratio.value
        if not ratio > 0:  # also NaN
            raise ValueError("carving.max_unit_room_ratio must be above 0")
        return self

    def assumptions(self) -> list[dict[str, object]]:
        """Every parameter as {key, value, source}, for reports and JSON."""
        out: list[dict[str, object]] = []

        def walk(prefix: str, block: BaseModel) -> None:
            data = block.model_dump()
            if "source" in data:
                value = {k: v for k, v in data.items() if k not in ("source", "source_nl")}
                shown = value.get("value", value.get("rows", value))
                row = {"key": prefix, "value": shown, "source": data["source"]}
                if data.get("source_nl"):
                    row["source_nl"] = data["source_nl"]
                out.append(row)
                return
            for name in type(block).model_fields:
                child = getattr(block, name)
                if isinstance(child, BaseModel):
                    walk(f"{prefix}.{name}" if prefix else name, child)

        for section in ("split", "fit", "ergonomics", "cobot", "carving"):
            walk(section, getattr(self, section))
        return out


class RangedParam(_Sourced):
    """A number with its source and, where uncertain, a low-high range."""

    value: float
    low: float | None = None
    high: float | None = None


class SupportCost(_Block):
    """The one-off cost of a support per carved job that uses it."""

    cost_eur: float = Field(ge=0, le=10**6)
    reimbursable: bool = Field(description="An individual provision UWV or the gemeente may pay.")
    source: Source


class SupportCosts(_Block):
    """Support costs by support id (economics.yaml ``support_costs``)."""

    source: Source
    items: dict[str, SupportCost]


class EconomicsDefaults(_Block):
    """Economic defaults with sources (task_catalogs/economics.yaml)."""

    format: Literal[1]
    compiled: Text
    valid_from: date = Field(
        description="The day the wages and subsidies below are in force from (the minimum wage "
        "changes every 1 January and 1 July): the report says it, to recompute at the start."
    )
    minimum_wage_eur_per_hour: RangedParam
    youth_minimum_wage_share_20: RangedParam
    youth_minimum_wage_share_19: RangedParam
    youth_minimum_wage_share_18: RangedParam
    youth_minimum_wage_share_17: RangedParam
    youth_minimum_wage_share_16: RangedParam
    youth_minimum_wage_share_15: RangedParam
    holiday_pay_share: RangedParam
    paid_weeks_per_year: RangedParam
    employer_charges_share: RangedParam
    loonwaarde_share: RangedParam
    loonwaarde_spread_share: RangedParam
    loondispensatie_max_loonwaarde_share: RangedParam
    lks_cap_share: RangedParam
    lks_employer_supplement_share: RangedParam
    lkv_eur_per_hour: RangedParam
    lkv_max_eur_per_year: RangedParam
    lkv_ag_eur_per_hour: RangedParam
    lkv_ag_max_eur_per_year: RangedParam
    lkv_ag_years: RangedParam
    coaching_hours_per_week: RangedParam
    jobcoach_share_year1: RangedParam
    jobcoach_share_year2: RangedParam
    jobcoach_share_year3: RangedParam
    jobcoach_rate_eur_per_hour: RangedParam
    jobcoach_reimbursed_share: RangedParam
    support_reimbursed_share: RangedParam
    ramp_up_year1_share: RangedParam
    praktijkverklaring_cost_eur: RangedParam
    cobot_cell_cost_eur: RangedParam
    cobot_maintenance_eur_per_year: RangedParam
    depreciation_years: RangedParam
    horizon_years: RangedParam
    discount_rate_share: RangedParam
    vacancy_value_factor: RangedParam
    overtime_surcharge_share: RangedParam
    agency_premium_share: RangedParam
    leavers_from_year: RangedParam
    default_role_wage_cost_eur_per_hour: RangedParam
    freed_hour_value_factor: RangedParam
    tornado_spread_share: RangedParam
    default_time_spread_share: RangedParam
    default_volume_spread_share: RangedParam
    draws: RangedParam
    support_costs: SupportCosts


@dataclass(frozen=True)
class Catalogs:
    """All shipped catalogues, indexed by id."""

    task_catalogs: tuple[TaskCatalog, ...]
    entries: dict[str, CatalogEntry]
    sector_of: dict[str, str]
    supports: dict[str, Support]
    cobots: tuple[CobotModel, ...] = ()
    params: AssessmentParams | None = None
    economics: EconomicsDefaults | None = None
    activities: dict[str, str] = field(default_factory=dict)


def _load_file(path: Path, schema: type[M]) -> M:
    text = read_text(path)
    data, smap, problems = load(text, str(path))
    if problems:
        raise InputError(problems)
    return _validate(data, schema, smap)


def _validate(data: object, schema: type[M], smap: SourceMap) -> M:
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise InputError(validation_problems(exc, schema, smap)) from None


def load_task_catalog(path: str | Path) -> TaskCatalog:
    """Load and validate one task catalogue file."""
    return _load_file(Path(path), TaskCatalog)


def load_supports(path: str | Path) -> SupportsCatalog:
    """Load and validate a supports catalogue file."""
    return _load_file(Path(path), SupportsCatalog)


def load_catalogs(folder: str | Path | None = None) -> Catalogs:
    """Load every catalogue in `folder` (the shipped ones by default), checking unique ids."""
    if folder is None:
        return _shipped()
    return _load_folder(Path(folder))


@lru_cache(maxsize=1)
def _shipped() -> Catalogs:
    return _load_folder(catalog_dir())


def _load_folder(folder: Path) -> Catalogs:
    catalogs = tuple(load_task_catalog(p) for p in sorted(folder.glob(TASK_CATALOG_GLOB)))
    entries: dict[str, CatalogEntry] = {}
    sector_of: dict[str, str] = {}
    problems: list[Problem] = []
    for cat in catalogs:
        for entry in cat.entries:
            if entry.id in entries:
                problems.append(
                    Problem(
                        str(folder),
                        0,
                        0,
                        "",
                        f'catalogue id "{entry.id}" is used twice ({sector_of[entry.id]} and {cat.sector})',
                    )
                )
            entries[entry.id] = entry
            sector_of[entry.id] = cat.sector
    if problems:
        raise InputError(problems)
    supports_path = folder / SUPPORTS_FILE
    supports_file = load_supports(supports_path) if supports_path.exists() else None
    supports = supports_file.supports if supports_file is not None else []
    activities = dict(supports_file.activities) if supports_file is not None else {}
    problems += [
        Problem(str(folder), 0, 0, "", f'catalogue task "{e.id}" names unknown activity "{a}"')
        for e in entries.values()
        for a in [*e.activities, *(x for u in e.default_split for x in (u.activities or []))]
        if supports_file is not None and a not in activities
    ]
    if problems:
        raise InputError(problems)
    cobots_path = folder / COBOTS_FILE
    cobots = tuple(_load_file(cobots_path, CobotCatalog).models) if cobots_path.exists() else ()
    params_path = folder / ASSESSMENT_FILE
    params = _load_file(params_path, AssessmentParams) if params_path.exists() else None
    if params is not None and activities:
        unknown = [
            Problem(
                str(params_path), 0, 0, "", f'restriction "{r.id}" names unknown activity "{a}"'
            )
            for r in params.restrictions
            for a in r.excludes_activities
            if a not in activities
        ]
        if unknown:
            raise InputError(unknown)
    economics_path = folder / ECONOMICS_FILE
    economics = _load_file(economics_path, EconomicsDefaults) if economics_path.exists() else None
    return Catalogs(
        catalogs,
        entries,
        sector_of,
        {s.id: s for s in supports},
        cobots,
        params,
        economics,
        activities,
    )
