"""View models of the work balance (werkbalans), of the split proposals to check and of
the work to try out first.

Every figure comes from the plan (`Plan.work_balance`, `Plan.split_proposals`,
`Plan.trials`); this module only formats them for the report's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jobcarve.carving.balance import USES, RoleBalance, vacancy_cover
from jobcarve.carving.plan import Plan
from jobcarve.formatting import fixed, join_items, number, part_name
from jobcarve.model import ProcessModel, Role
from jobcarve.results import Analysis

Gettext = Callable[[str], str]


@dataclass(frozen=True)
class BalanceRow:
    role: str
    people: int
    contract_hours: str
    today: str
    released: str
    absorbed: str
    displaced: str
    displaced_hours: float
    kept: str
    kept_per_person: str
    #: contract hours per person the model's tasks do not fill
    outside_model: str
    #: physical load (0-4) of the role's modelled work today -> of what it keeps
    load: str = "-"


@dataclass(frozen=True)
class BalanceView:
    rows: tuple[BalanceRow, ...]
    released: str
    absorbed: str
    displaced: str
    displaced_hours: float
    allowed: bool
    #: roles whose kept work is heavier than a new job may be and got heavier by the plan,
    #: each as "role (today -> after)"
    heavier: tuple[str, ...] = ()
    #: a new job's ceiling on the physical load
    limit: str = ""
    #: the higher limit of a job for a profile able to do heavy work, where a job has it
    heavy_limit: str = ""
    #: some role's agency hours or overtime are only in a season: they absorb freed hours last
    seasonal_order: bool = False
    #: roles whose released hours rest on agency hours or overtime only part of the year, each
    #: as "role (hours; weeks a year)"
    seasonal: tuple[str, ...] = ()
    #: the released hours that rest on such seasonal agency hours
    seasonal_hours: str = ""
    #: roles whose released hours rest on people who leave, each as "role (hours)": that
    #: work moves when they leave, not before
    leavers: tuple[str, ...] = ()
    #: the released hours that rest on people who leave
    leaver_hours: str = ""
    #: roles whose leavers' released hours exceed the modelled work the leavers do today,
    #: each as "role (share of released: hours from those who stay)"
    leaver_other: tuple[str, ...] = ()
    #: roles that keep work done in every shift with fewer people, once the leavers have
    #: gone, than the process has shifts, each as "role (people for shifts: work)"
    short_shifts: tuple[str, ...] = ()
    #: roles whose staying people cannot do the work they keep once the leavers have gone
    short_leavers: tuple[str, ...] = ()
    #: in a process of two or three shifts, the roles whose released hours go to vacancies,
    #: overtime, agency hours or leavers and whose work is not all bound to the day shift, each as
    #: "role (hours)": the model does not say in which shift those uses are
    shift_uses: tuple[str, ...] = ()
    #: the process's shifts
    shifts: int = 1
    #: roles whose released hours go to open vacancies beyond the overtime and agency hours
    #: that cover them today, each as "role (hours: hours per person in post)": the
    #: vacancies' own work is not in the task hours, so the people in post do it in the
    #: hours they give up (a reading: "nobody loses work" beside 23 h kept of 38)
    vacancy_work: tuple[str, ...] = ()
    #: as `vacancy_work`, of roles whose leavers leave work with those who stay
    #: (`short_leavers`): there the vacancies' work is part of the own work that the leavers'
    #: work comes on top of, and the table's Other work per person is today's (a reading of
    #: the bed refurbisher: "it stands under Other work per person" beside a column of 5.6 h
    #: for 8 h of vacancy work each)
    vacancy_work_short: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProposalRow:
    task: str
    kind: str
    units: str
    adds_hours: str
    adds_workers: str
    evaluated: bool
    how: str


@dataclass(frozen=True)
class TrialRow:
    """Work a profile could do only with many gaps closed by supports: to try out first."""

    profile: str
    #: each unit with its hours per week and the supports that would close its gaps
    work: tuple[str, ...]


def use_names(_: Gettext) -> dict[str, str]:
    """The uses of freed hours, as the report names them."""
    return {
        "vacancies": _("hours of open vacancies"),
        "overtime": _("overtime today"),
        "agency": _("agency hours today"),
        "backlog": _("work left undone today"),
        "leavers": _("hours of people leaving"),
    }


def _covered(role: Role, hours: float, lang: str, _: Gettext) -> str:
    """What of the hours freed into a role's vacancies ends the overtime and agency hours
    that cover them today (`vacancy_cover`, valued as money in the business case), in
    words; empty where nothing covers them."""
    cover = vacancy_cover(role, hours)
    said = [
        text % {"hours": number(cover[use], lang, 1)}
        for use, text in (
            ("overtime", _("%(hours)s h of overtime")),
            ("agency", _("%(hours)s h of agency work")),
        )
        if cover[use] >= 0.05
    ]
    if not said:
        return ""
    return " " + _("(ending %(cover)s that cover them today)") % {"cover": _(" and ").join(said)}


def seasonal_roles(process: ProcessModel, plan: Plan) -> tuple[tuple[str, RoleBalance], ...]:
    """The roles (name, balance) whose released hours rest on agency hours or overtime only part
    of the year (`RoleBalance.seasonal_hours_per_week`)."""
    names = {r.id: r.name for r in process.roles}
    return tuple(
        (names.get(b.role, b.role), b)
        for b in plan.work_balance
        if b.seasonal_hours_per_week >= 0.05
    )


def short_shift_roles(
    process: ProcessModel, plan: Plan, analysis: Analysis | None
) -> dict[str, list[str]]:
    """Per role id, the units of work done in every shift (`Unit.shift` "every") it keeps,
    where it has people leaving and those who stay are fewer than the process's shifts: a
    shift then has nobody of the role for it (a review: one inspector left for a cosmetic
    check in two shifts). Read from the analysis' units (split parts and subtasks with a
    role of their own included); none without an analysis."""
    shifts = process.planning.shifts
    if shifts < 2 or analysis is None:
        return {}
    stay = {b.role: b.people - b.leavers for b in plan.work_balance if b.leavers > 0}
    out: dict[str, list[str]] = {}
    for unit in analysis.units:
        if unit.shift != "every" or stay.get(unit.role, shifts) >= shifts:
            continue
        if any(
            h.kind == "role" and h.hours_per_week >= 0.05 for h in plan.unit_holder.get(unit.id, ())
        ):
            out.setdefault(unit.role, []).append(unit.id)
    return out


def _load(b: RoleBalance, lang: str) -> str:
    if b.physical_load_today is None:
        return "-"
    after = "-" if b.physical_load_after is None else fixed(b.physical_load_after, lang, 1)
    return f"{fixed(b.physical_load_today, lang, 1)} → {after}"


def balance_view(
    process: ProcessModel,
    plan: Plan,
    lang: str,
    _: Gettext,
    rise: float | None = None,
    analysis: Analysis | None = None,
) -> BalanceView:
    """The work balance per role: today, released, where it goes, what people keep.

    `rise`: the rise of a role's physical load above a new job's ceiling at which the view
    names the role (`carving.role_load_rise_warning`); None: no warning.
    """
    names = use_names(_)
    role_names = {r.id: r.name for r in process.roles}
    ceiling = plan.options.get("max_job_ergonomic_load")
    limit = 4.0 if ceiling is None else float(ceiling)
    heavier = tuple(
        f"{role_names.get(b.role, b.role)} ({_load(b, lang)})"
        for b in plan.work_balance
        if rise is not None
        and b.released_hours_per_week >= 0.05
        and b.physical_load_today is not None
        and b.physical_load_after is not None
        and b.physical_load_after > limit + 1e-9
        and b.physical_load_after - b.physical_load_today >= rise - 1e-9
    )
    roles = {r.id: r for r in process.roles}
    rows = []
    for b in plan.work_balance:
        absorbed = [
            f"{number(b.absorbed[use], lang, 1)} {names[use]}"
            + (_covered(roles[b.role], b.absorbed[use], lang, _) if use == "vacancies" else "")
            for use in USES
            if b.absorbed.get(use, 0.0) >= 0.05
        ]
        per_person = b.kept_hours_per_person
        outside, short = _other_work(b)
        rows.append(
            BalanceRow(
                role=role_names.get(b.role, b.role),
                people=b.people,
                contract_hours=number(b.contract_hours_per_week, lang, 1),
                today=number(b.today_hours_per_week, lang, 1),
                released=number(b.released_hours_per_week, lang, 1),
                absorbed="; ".join(absorbed) if absorbed else "-",
                displaced=number(b.displaced_hours_per_week, lang, 1),
                displaced_hours=b.displaced_hours_per_week,
                kept=number(b.kept_hours_per_week, lang, 1),
                kept_per_person=number(per_person, lang, 1) if per_person is not None else "-",
                outside_model=(
                    (number(outside, lang, 1) + (" *" if short else ""))
                    if outside is not None
                    else "-"
                ),
                load=_load(b, lang),
            )
        )
    s = plan.figures()
    # a job of a profile able to do heavy work may carry more (a review read "at most 2.5"
    # here and 2.54 "within the limit (2.75)" on a card)
    higher = max((plan.load_limit(j.profile) for j in plan.carved), default=limit)
    stay = {b.role: b.people - b.leavers for b in plan.work_balance}
    # the vacancies' work the people in post do in the hours they hand over, where their
    # contracts have room for it beside their kept work (where the task hours hold more than
    # the staff in post can do, the vacancies' work is in them: nothing to say); with leavers
    # who leave work behind, it is part of their own work under the leavers' line, and the
    # table's Other work per person is today's (`_other_work`)
    vacancy = [
        (b, hours)
        for b, hours in (
            (b, _vacancy_work(roles[b.role], b)) for b in plan.work_balance if b.role in roles
        )
        if hours >= 0.5
        and stay[b.role] > 0
        and (b.outside_model_hours_per_person or 0.0) >= hours / stay[b.role] - 0.5
    ]
    labels = {u.id: u.label(lang) for u in analysis.units} if analysis is not None else {}
    return BalanceView(
        rows=tuple(rows),
        released=number(s.released_hours_per_week, lang, 1),
        absorbed=number(s.absorbed_hours_per_week, lang, 1),
        displaced=number(s.displacement_hours, lang, 1),
        displaced_hours=s.displacement_hours,
        allowed=bool(plan.options.get("allow_displacement")),
        heavier=heavier,
        limit=number(limit, lang, 2),
        heavy_limit=number(higher, lang, 2) if higher > limit + 1e-9 else "",
        seasonal_order=any(b.seasonal for b in plan.work_balance),
        seasonal=tuple(
            _("%(role)s (%(hours)s h a week; %(when)s)")
            % {
                "role": name,
                "hours": number(b.seasonal_hours_per_week, lang, 1),
                "when": "; ".join(
                    (
                        _("agency hours in %(weeks)s weeks a year")
                        if use == "agency"
                        else _("overtime in %(weeks)s weeks a year")
                    )
                    % {"weeks": number(weeks, lang, 0)}
                    for use, weeks in b.seasonal.items()
                ),
            }
            for name, b in seasonal_roles(process, plan)
        ),
        seasonal_hours=number(sum(b.seasonal_hours_per_week for b in plan.work_balance), lang, 1),
        leavers=tuple(
            _("%(role)s (%(hours)s h a week)")
            % {
                "role": role_names.get(b.role, b.role),
                "hours": number(b.absorbed["leavers"], lang, 1),
            }
            for b in plan.work_balance
            if b.absorbed.get("leavers", 0.0) >= 0.05
        ),
        leaver_hours=number(
            sum(b.absorbed.get("leavers", 0.0) for b in plan.work_balance), lang, 1
        ),
        leaver_other=tuple(
            _("%(role)s (%(share)s of %(hours)s h a week: %(other)s h from the %(stay)s who stay)")
            % {
                "role": role_names.get(b.role, b.role),
                "share": number(b.leaver_work_hours_per_week, lang, 1),
                "hours": number(b.absorbed["leavers"], lang, 1),
                "other": number(b.absorbed["leavers"] - b.leaver_work_hours_per_week, lang, 1),
                "stay": stay[b.role],
            }
            for b in plan.work_balance
            if b.absorbed.get("leavers", 0.0) - b.leaver_work_hours_per_week >= 0.5
        ),
        short_shifts=tuple(
            _("%(role)s (%(people)s for %(shifts)s shifts: %(work)s)")
            % {
                "role": role_names.get(role, role),
                "people": stay[role],
                "shifts": process.planning.shifts,
                "work": "; ".join(labels[u] for u in work),
            }
            for role, work in short_shift_roles(process, plan, analysis).items()
        ),
        short_leavers=tuple(
            _short_leavers(b, role_names.get(b.role, b.role), stay[b.role], lang, _)
            for b in plan.work_balance
            if b.short_after_leavers_hours_per_week
        ),
        shift_uses=tuple(
            _("%(role)s (%(hours)s h a week)")
            % {"role": role_names.get(role, role), "hours": number(hours, lang, 1)}
            for role, hours in shift_bound_uses(process, plan, analysis).items()
        ),
        shifts=process.planning.shifts,
        vacancy_work=tuple(
            _vacancy_text(b, role_names.get(b.role, b.role), hours, stay[b.role], lang, _)
            for b, hours in vacancy
            if not _other_work(b)[1]
        ),
        vacancy_work_short=tuple(
            _vacancy_text(b, role_names.get(b.role, b.role), hours, stay[b.role], lang, _)
            for b, hours in vacancy
            if _other_work(b)[1]
        ),
    )


def _other_work(b: RoleBalance) -> tuple[float | None, bool]:
    """The table's Other work per person, and whether the role's leavers leave work with
    those who stay (`short_leavers`). There their hours beside the model's tasks are today's,
    not what the kept work leaves of their contract (a diff review: 31.5 h per person and
    0.5 h of other work read as fitting beside a line saying 42.1 h are left on top of full
    contracts). The one home of the figure the rows show and the vacancy-work lines rest on."""
    if b.short_after_leavers_hours_per_week >= 0.05 and b.leavers > 0:
        return b.leaver_other_hours_per_week / b.leavers, True
    return b.outside_model_hours_per_person, False


def _vacancy_text(b: RoleBalance, name: str, hours: float, stay: int, lang: str, _: Gettext) -> str:
    return _("%(role)s (%(hours)s h a week: %(each)s h for each of the %(people)s who stay)") % {
        "role": name,
        "hours": number(hours, lang, 1),
        "each": number(hours / stay, lang, 1),
        "people": stay,
    }


def _vacancy_work(role: Role, b: RoleBalance) -> float:
    """The released hours a role's open vacancies absorb beyond the overtime and agency
    hours that cover them today: the people in post do the vacancies' work in them."""
    hours = b.absorbed.get("vacancies", 0.0)
    cover = vacancy_cover(role, hours)
    return max(0.0, hours - cover["overtime"] - cover["agency"])


def shift_bound_uses(
    process: ProcessModel, plan: Plan, analysis: Analysis | None
) -> dict[str, float]:
    """In a process of two or three shifts, per role whose work is not all bound to the day
    shift, the released hours that vacancies, overtime, agency hours and leavers absorb: the
    model does not say in which shift those are, nor the freed work. Where the new jobs take day
    work and the temp works the late shift, the temp's hours end only if someone of today's
    staff moves to that shift (two adviser readings, cases 89 and 91)."""
    if process.planning.shifts < 2 or analysis is None:
        return {}
    day_only = {
        role
        for role in {u.role for u in analysis.units}
        if all(u.shift == "day" for u in analysis.units if u.role == role)
    }
    out = {}
    for b in plan.work_balance:
        # a late-shift leaver's work in a day job asks the same move as a late-shift temp's
        hours = sum(
            b.absorbed.get(use, 0.0) for use in ("vacancies", "overtime", "agency", "leavers")
        )
        if hours >= 0.05 and b.role not in day_only:
            out[b.role] = hours
    return out


def proposal_rows(analysis: Analysis, plan: Plan, lang: str, _: Gettext) -> tuple[ProposalRow, ...]:
    """The split proposals to confirm or check on the floor, with what each would add."""
    effects = {e.task: e for e in plan.split_proposals}
    rows = []
    for task in analysis.proposals:
        proposal = task.proposal
        assert proposal is not None
        effect = effects.get(task.id)
        evaluated = effect is not None and effect.carved_hours_added is not None
        catalogue = proposal.source == "catalogue"
        rows.append(
            ProposalRow(
                task=task.name,
                kind=_("typical split from the catalogue, to confirm")
                if catalogue
                else _("jobcarve's proposal, to check on the floor"),
                # the parts without the task's name before each (it heads the row)
                units="; ".join(part_name(u.label(lang), task.name) for u in proposal.units),
                adds_hours=number(effect.carved_hours_added or 0.0, lang, 1)
                if evaluated and effect
                else "-",
                adds_workers=str(effect.extra_workers_added)
                if evaluated and effect and effect.extra_workers_added is not None
                else "-",
                evaluated=evaluated,
                how=_("confirm with catalogue_split: confirmed on the task")
                if catalogue
                else _("write the parts into the model as subtasks"),
            )
        )
    return tuple(rows)


def trial_rows(
    analysis: Analysis,
    plan: Plan,
    process: ProcessModel,
    support_names: dict[str, str],
    lang: str,
    _: Gettext,
) -> tuple[TrialRow, ...]:
    """The plan's trial units per profile (`Plan.trials`), named in the report's language,
    with the hours a successful trial could move at the profile's pace (as a job's hours)."""
    units = {u.id: u for u in analysis.units}
    profiles = {p.id: p for p in process.profiles}
    rows = []
    for pid, hours in plan.trials.items():
        profile = profiles[pid]
        work = []
        for uid, standard in hours.items():
            unit = units[uid]
            work.append(
                _("%(work)s (up to %(hours)s h/week, with %(supports)s)")
                % {
                    "work": unit.label(lang),
                    "hours": number(standard / profile.pace, lang, 1),
                    "supports": join_items(support_names.get(s, s) for s in unit.fit[pid].supports),
                }
            )
        rows.append(TrialRow(profile.name, tuple(work)))
    return tuple(rows)


def _short_leavers(b: RoleBalance, name: str, stay: int, lang: str, _: Gettext) -> str:
    """A role whose leavers leave work that the new jobs do not take
    (`RoleBalance.short_after_leavers_hours_per_week`): the modelled work the leavers do, their
    share of the overtime still worked, what the jobs take, and what is left for those who
    stay, on top of their own work; with the leavers' hours beside the model's tasks as a
    condition (they may leave with them). The figures as shown, so that they subtract (a diff
    review: 53.6 - 11.6 shown as 42.1)."""
    overtime = max(0.0, b.leaver_load_hours_per_week - b.leaver_work_hours_per_week)
    work, extra = round(b.leaver_work_hours_per_week, 1), round(overtime, 1)
    taken = round(b.absorbed.get("leavers", 0.0), 1)
    left = max(0.0, round(work + extra - taken, 1))
    said = {
        "role": name,
        "leavers": b.leavers,
        "work": number(work, lang, 1),
        "overtime": number(extra, lang, 1),
        "taken": number(taken, lang, 1),
        "short": number(left, lang, 1),
        "stay": stay,
        "other": number(b.leaver_other_hours_per_week, lang, 1),
    }
    if not stay:
        return _("%(role)s (%(kept)s h a week of work, and nobody of the role stays)") % {
            **said,
            "kept": said["short"],
        }
    text = (
        _("%(role)s (those who leave (%(leavers)s) do %(work)s h a week of the modelled work")
        % said
    )
    if extra >= 0.05:
        text += _(", and %(overtime)s h of the overtime still worked is theirs") % said
    text += (
        _(
            "; the new jobs take %(taken)s h of it: %(short)s h a week are left for those who stay (%(stay)s), on top of their own work"
        )
        % said
    )
    if b.leaver_other_hours_per_week >= 0.05:
        text += (
            _(
                "; if the leavers' other work beside the model's tasks (%(other)s h) stays too, it comes on top"
            )
            % said
        )
    return text + ")"
