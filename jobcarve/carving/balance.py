"""The work balance (werkbalans): what each existing role gives up, and where those hours go.

Job carving takes simple work away from today's staff. That is only advice an adviser can
sign when the freed hours have somewhere to go: open vacancies, overtime worked today,
agency hours hired today, work refused or left undone today (backlog), and people who
leave and are not replaced. These are the *uses* a model declares per role
(``roles[].vacancies``, ``overtime_hours_per_week``, ``agency_hours_per_week``,
``backlog_hours_per_week``, ``leavers``). The plan takes from a role at most what its uses
absorb (unless ``allow_displacement`` is set); freed hours are absorbed by the uses in the
order of `USES` (agency hours or overtime only in a season last: `seasonal_last`), and hours
no use absorbs are *displaced*: work taken from people employed today with nothing in its
place.

All hours here are hours of today's work (standard time, no hand-over overhead), so a
role's released and kept hours add up to its work today.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from jobcarve.model import ProcessModel, Role, Task

#: The uses of freed hours, in the order they absorb them: the open vacancies first (the
#: reason most SMEs carve jobs), then the costliest cover (overtime, agency hours), then
#: work the team would take on, then attrition.
USES: tuple[str, ...] = ("vacancies", "overtime", "agency", "backlog", "leavers")


#: The uses a model may declare as worked only in a season, each with the key of its weeks
#: a year on the role (the use's hours are then their average over the production weeks).
SEASONAL_USES: dict[str, str] = {
    "overtime": "overtime_weeks_per_year",
    "agency": "agency_weeks_per_year",
}


def seasonal_uses(role: Role, weeks_per_year: float) -> dict[str, float]:
    """The role's uses worked only in a season (fewer weeks than the production weeks), with
    their weeks a year."""
    out = {}
    for use, key in SEASONAL_USES.items():
        weeks = getattr(role, key)
        if weeks is not None and weeks < weeks_per_year - 1e-9:
            out[use] = float(weeks)
    return out


def seasonal_last(order: tuple[str, ...], seasonal: Mapping[str, float]) -> tuple[str, ...]:
    """``order`` with the uses worked only in a season (use -> weeks a year) moved to the end,
    the shortest season last.

    A new job works all year; out of season the work that rests on agency hours hired, or
    overtime worked, only in a season is today's staff's, so it rests on them only where no
    year-round use is left (report reviews of the pet food and fencing cases: displacement
    out of season, while a leaver's hours stood free)."""
    return (
        *(use for use in order if use not in seasonal),
        *sorted((use for use in order if use in seasonal), key=lambda use: -seasonal[use]),
    )


#: The second reading of the same freed hours, which the business case shows beside the
#: first where it differs: the paid cover first (overtime, agency hours), then vacancies and
#: backlog, attrition last. Which hours the new jobs take first is the employer's choice (a
#: review: the racker's 18 h filled the vacancy as capacity, where ending the late-shift
#: agency hours would have saved money).
PAID_FIRST: tuple[str, ...] = ("overtime", "agency", "vacancies", "backlog", "leavers")


def contract_hours(role: Role, hours_per_fte: float) -> float:
    """Contract hours per week of one person in the role."""
    return role.hours_per_week if role.hours_per_week is not None else hours_per_fte


def role_uses(role: Role, hours_per_fte: float) -> dict[str, float]:
    """Hours per week each declared use of the role can absorb."""
    per_person = contract_hours(role, hours_per_fte)
    return {
        "vacancies": role.vacancies * per_person,
        "overtime": role.overtime_hours_per_week,
        "agency": role.agency_hours_per_week,
        "backlog": role.backlog_hours_per_week,
        "leavers": min(role.leavers, role.headcount) * per_person,
    }


def vacancy_cover(role: Role, hours: float) -> dict[str, float]:
    """Of ``hours`` freed into a role's vacancies, those that end the overtime and then the
    agency hours that cover the vacancies today (`Role.vacancy_overtime_hours_per_week`,
    `vacancy_agency_hours_per_week`); the rest fill the vacancies' uncovered work."""
    return _cover(hours, role.vacancy_overtime_hours_per_week, role.vacancy_agency_hours_per_week)


def _cover(hours: float, overtime: float, agency: float) -> dict[str, float]:
    """`vacancy_cover` on its figures: the overtime first, then the agency hours."""
    ended = min(hours, overtime)
    return {"overtime": ended, "agency": min(hours - ended, agency)}


def today_hours(process: ProcessModel) -> dict[str, float]:
    """Hours per week of today's work per role (a subtask's own role counts for its hours)."""
    from jobcarve.graph import task_hours_per_week

    out = {r.id: 0.0 for r in process.roles}

    def walk(task: Task, role: str | None) -> None:
        own = task.role or role
        if task.subtasks:
            for sub in task.subtasks:
                walk(sub, own)
        elif own is not None:
            out[own] = out.get(own, 0.0) + task_hours_per_week(task, process.planning)

    for task in process.tasks:
        walk(task, None)
    return out


@dataclass(frozen=True)
class RoleBalance:
    """One role's work balance: today's work, what the plan releases, where it goes."""

    role: str
    people: int
    contract_hours_per_week: float
    today_hours_per_week: float
    uses: dict[str, float]
    released_hours_per_week: float
    absorbed: dict[str, float]
    displaced_hours_per_week: float
    #: people leaving within the horizon and not replaced (at most the headcount)
    leavers: int = 0
    #: hours-weighted physical demand (0-4, the highest of lifting, pushing and pulling,
    #: repetitive hand-arm work and posture per unit) of the role's modelled work today and
    #: of what it keeps after the plan: the same measure as a new job's ceiling
    #: (`max_job_ergonomic_load`); None without modelled work
    physical_load_today: float | None = None
    physical_load_after: float | None = None
    #: released hours absorbed by agency hours hired or overtime worked only part of the
    #: year (a seasonal peak, `SEASONAL_USES`): out of season they are work of today's staff
    seasonal_hours_per_week: float = 0.0
    #: the weeks a year the role's agency hours are hired, where fewer than the production
    #: weeks; None: all year
    agency_weeks_per_year: float | None = None
    #: the weeks a year the role's overtime is worked, where fewer than the production
    #: weeks; None: all year
    overtime_weeks_per_year: float | None = None
    #: the overtime and agency hours that cover the role's vacancies today (part of the
    #: vacancies' use, `Role.vacancy_overtime_hours_per_week`, `vacancy_agency_hours_per_week`):
    #: hours worked today, in the task hours, as the role's own overtime and agency hours are
    vacancy_overtime_hours_per_week: float = 0.0
    vacancy_agency_hours_per_week: float = 0.0

    def cover_kept(self, use: str) -> float:
        """The overtime (``use`` "overtime") or agency hours covering the vacancies that are
        still worked after the plan: the declared cover less what the freed hours end
        (`vacancy_cover`; a diff review: the kept hours per person counted 20 h of agency
        cover still hired as the staff's own)."""
        declared = {
            "overtime": self.vacancy_overtime_hours_per_week,
            "agency": self.vacancy_agency_hours_per_week,
        }
        ended = _cover(self.absorbed.get("vacancies", 0.0), *declared.values())
        return max(0.0, declared[use] - ended[use])

    @property
    def seasonal(self) -> dict[str, float]:
        """The uses worked only in a season, with their weeks a year (`SEASONAL_USES`: the
        weeks' keys are this balance's fields too)."""
        weeks = {use: getattr(self, key) for use, key in SEASONAL_USES.items()}
        return {use: w for use, w in weeks.items() if w is not None}

    @property
    def capacity_hours_per_week(self) -> float:
        """People x contract hours."""
        return self.people * self.contract_hours_per_week

    @property
    def kept_hours_per_week(self) -> float:
        """Today's work the role's people keep."""
        return max(0.0, self.today_hours_per_week - self.released_hours_per_week)

    @property
    def agency_kept_hours_per_week(self) -> float:
        """Agency hours still hired after the plan (the task hours include them), those that
        cover a vacancy included."""
        own = max(0.0, self.uses.get("agency", 0.0) - self.absorbed.get("agency", 0.0))
        return own + self.cover_kept("agency")

    @property
    def kept_hours_per_person(self) -> float | None:
        """The work kept, less what agency staff still do, shared by the people who stay
        (those leaving are not replaced). A review: 107 kept hours of two packers read as
        53.5 h a person, where 40 of them are the agency temps' hours."""
        staying = self.people - self.leavers
        own = max(0.0, self.kept_hours_per_week - self.agency_kept_hours_per_week)
        return own / staying if staying > 0 else None

    def _own_work(self) -> float:
        """Today's modelled work of the role's own people: the task hours less the agency
        hours and overtime (those covering a vacancy included)."""
        return max(
            0.0,
            self.today_hours_per_week
            - self.uses["agency"]
            - self.uses["overtime"]
            - self.vacancy_overtime_hours_per_week
            - self.vacancy_agency_hours_per_week,
        )

    @property
    def leaver_work_hours_per_week(self) -> float:
        """The modelled work the people leaving do today, at the role's share per person
        (today's work less the agency hours and overtime, over the people, at most the
        contract). A leaver frees their contract hours (`role_uses`); the hours above this
        share come from those who stay, who take over the leaver's other work in their
        place (a review of the packaging example: 37.8 h for a packer who did 24 h of the
        modelled work)."""
        if self.people <= 0 or self.leavers <= 0:
            return 0.0
        share = min(self.contract_hours_per_week, self._own_work() / self.people)
        return self.leavers * share

    @property
    def outside_model_hours_per_person(self) -> float | None:
        """Contract hours per staying person that the model's tasks do not fill.

        The model describes the work the plan may move, not every hour of a job: meetings,
        training, other tasks. Without this figure a kept share far below the contract
        reads as idle time the plan creates; the plan moves only hours a use absorbs.
        """
        kept = self.kept_hours_per_person
        return None if kept is None else max(0.0, self.contract_hours_per_week - kept)

    @property
    def short_after_leavers_hours_per_week(self) -> float:
        """Where people leave and are not replaced: the leavers' work that stays with those
        who stay (`leaver_load_hours_per_week`, the modelled work the leavers do today and
        their share of the overtime still worked) less what the new jobs take of the
        leavers' hours (the use ``leavers``); 0 where the jobs take it all.

        Those who stay keep their own work: their share of the modelled work less what they
        hand over, the vacancies' work and the backlog they take on in those hours, and the
        hours of their contract the model's tasks do not fill (repairs, samples, training:
        the model describes the work the plan may move, not every hour of a job). Whatever
        the leavers leave undone is then on top of full contracts. Two adviser readings (the
        textile sorter, the trailer maker): a dismantling role kept 55 h of work for the one
        person of 38 h who stays, and the balance said nothing; three more (the duvet maker,
        the dental lab, the duct maker) found the hours those who stay do beside the model's
        tasks read as free, and a role 42 h short unnamed. The leavers' own hours beside the
        tasks (`leaver_other_hours_per_week`) are not counted: they may leave with them.

        Two edges are read on the safe side and seen in no case: where nobody of the role
        stays, the figure still holds the vacancy's work and backlog the jobs freed hours
        for; with ``allow_displacement``, the hours displaced relieve those who stay and are
        not taken off (the displacement warning stands beside it)."""
        if self.leavers <= 0 or self.people <= 0:
            return 0.0
        short = self.leaver_load_hours_per_week - self.absorbed.get("leavers", 0.0)
        # a tenth of an hour is below what the balance shows
        return short if short >= 0.05 else 0.0

    @property
    def leaver_load_hours_per_week(self) -> float:
        """The work the leavers leave behind once they go: the modelled work they do today
        (`leaver_work_hours_per_week`) and their share of the overtime still worked after
        the plan, which those who stay then work."""
        if self.leavers <= 0 or self.people <= 0:
            return 0.0
        overtime_kept = max(
            0.0, self.uses["overtime"] - self.absorbed.get("overtime", 0.0)
        ) + self.cover_kept("overtime")
        return self.leaver_work_hours_per_week + overtime_kept * self.leavers / self.people

    @property
    def leaver_other_hours_per_week(self) -> float:
        """The leavers' contract hours the model's tasks do not fill today (their share of
        the role's other work): on top of `short_after_leavers_hours_per_week` where that
        work stays when they go."""
        return max(
            0.0, self.leavers * self.contract_hours_per_week - self.leaver_work_hours_per_week
        )

    @property
    def absorbable_hours_per_week(self) -> float:
        return sum(self.uses.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "people": self.people,
            "leavers": self.leavers,
            "leaver_work_hours_per_week": round(self.leaver_work_hours_per_week, 3),
            "contract_hours_per_week": round(self.contract_hours_per_week, 3),
            "capacity_hours_per_week": round(self.capacity_hours_per_week, 3),
            "today_hours_per_week": round(self.today_hours_per_week, 3),
            "uses_hours_per_week": {k: round(v, 3) for k, v in self.uses.items()},
            "released_hours_per_week": round(self.released_hours_per_week, 3),
            "absorbed_hours_per_week": {k: round(v, 3) for k, v in self.absorbed.items()},
            "displaced_hours_per_week": round(self.displaced_hours_per_week, 3),
            "kept_hours_per_week": round(self.kept_hours_per_week, 3),
            "kept_hours_per_person": _round(self.kept_hours_per_person),
            "physical_load_today": _round(self.physical_load_today),
            "physical_load_after": _round(self.physical_load_after),
            "outside_model_hours_per_person": _round(self.outside_model_hours_per_person),
            "short_after_leavers_hours_per_week": round(self.short_after_leavers_hours_per_week, 3),
            "leaver_load_hours_per_week": round(self.leaver_load_hours_per_week, 3),
            "leaver_other_hours_per_week": round(self.leaver_other_hours_per_week, 3),
            "seasonal_hours_per_week": round(self.seasonal_hours_per_week, 3),
            "vacancy_cover_kept_hours_per_week": {
                use: round(self.cover_kept(use), 3) for use in ("overtime", "agency")
            },
            "agency_weeks_per_year": _round(self.agency_weeks_per_year),
            "overtime_weeks_per_year": _round(self.overtime_weeks_per_year),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def weighted_load(work: dict[str, float], physical: Mapping[str, float]) -> float | None:
    """The hours-weighted physical demand of work (unit id -> hours per week)."""
    hours = sum(work.values())
    if hours <= 0.005:
        return None
    return sum(physical[u] * h for u, h in work.items()) / hours


def absorb(
    released: float, uses: dict[str, float], order: tuple[str, ...] = USES
) -> tuple[dict[str, float], float]:
    """Freed hours per use, in ``order`` (`USES`, or `PAID_FIRST`), and the hours no use
    absorbs."""
    left = max(0.0, released)
    absorbed: dict[str, float] = {}
    for use in order:
        take = min(left, uses.get(use, 0.0))
        absorbed[use] = take
        left -= take
    # hundredths of an hour are the solver's resolution: smaller rests are rounding
    return absorbed, (left if left > 0.01 else 0.0)


def work_balance(process: ProcessModel, released: dict[str, float]) -> tuple[RoleBalance, ...]:
    """The work balance of every role, given the hours the plan releases from each."""
    today = today_hours(process)
    fte = process.planning.hours_per_fte
    out = []
    for role in process.roles:
        uses = role_uses(role, fte)
        freed = min(released.get(role.id, 0.0), today.get(role.id, 0.0))
        seasonal = seasonal_uses(role, process.planning.weeks_per_year)
        absorbed, displaced = absorb(freed, uses, seasonal_last(USES, seasonal))
        out.append(
            RoleBalance(
                role=role.id,
                people=role.headcount,
                contract_hours_per_week=contract_hours(role, fte),
                today_hours_per_week=today.get(role.id, 0.0),
                uses=uses,
                released_hours_per_week=freed,
                absorbed=absorbed,
                displaced_hours_per_week=displaced,
                leavers=min(role.leavers, role.headcount),
                seasonal_hours_per_week=sum((absorbed[use] for use in seasonal), 0.0),
                agency_weeks_per_year=seasonal.get("agency"),
                overtime_weeks_per_year=seasonal.get("overtime"),
                vacancy_overtime_hours_per_week=role.vacancy_overtime_hours_per_week,
                vacancy_agency_hours_per_week=role.vacancy_agency_hours_per_week,
            )
        )
    return tuple(out)


def less_released(
    balance: Sequence[RoleBalance], hours: Mapping[str, float], order: tuple[str, ...] = USES
) -> tuple[RoleBalance, ...]:
    """The roles' balances with ``hours`` (per role, today's hours) less released, absorbed
    in ``order`` (`USES`, or `PAID_FIRST` for the second reading; seasonal uses last): the
    plan before the jobs that start when people leave are there
    (`carving.assignment.leaver_shares`)."""
    out = []
    for b in balance:
        freed = max(0.0, b.released_hours_per_week - hours.get(b.role, 0.0))
        absorbed, displaced = absorb(freed, b.uses, seasonal_last(order, b.seasonal))
        out.append(
            dataclasses.replace(
                b,
                released_hours_per_week=freed,
                absorbed=absorbed,
                displaced_hours_per_week=displaced,
                seasonal_hours_per_week=sum((absorbed[use] for use in b.seasonal), 0.0),
            )
        )
    return tuple(out)


def leaver_hours(balance: Sequence[RoleBalance]) -> dict[str, float]:
    """Per role, the freed hours the use ``leavers`` absorbs (today's hours)."""
    return {b.role: b.absorbed.get("leavers", 0.0) for b in balance}
