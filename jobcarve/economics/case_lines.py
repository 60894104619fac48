"""The yearly lines of the business case, each with its formula."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from jobcarve.economics.defaults import Rates
from jobcarve.economics.figures import PlanFigures
from jobcarve.economics.freed import FreedValue
from jobcarve.economics.lines import N_, CaseLine, Part
from jobcarve.economics.money import _JobMoney, rising_terms
from jobcarve.model import ProcessModel


def _value_suffix(
    v: dict[str, float], prod: float, horizon: int, freed: Sequence[FreedValue]
) -> Part:
    """The common factors of the freed-hour values: weeks, ramp-up, leavers' start, scale."""
    values: tuple[tuple[str, str, float | str], ...] = (
        ("weeks", "weeks", prod),
        ("ramp", "share", v["ramp_up_year1_share"]),
        ("leavers", "count", v["leavers_from_year"]),
        ("years", "years", float(horizon)),
        ("scale", "number", v["freed_hour_value_factor"]),
    )
    leavers = any(f.use == "leavers" for f in freed)
    if v["freed_hour_value_factor"] != 1:
        template = (
            N_(
                "x %(scale)s (value factor) x %(weeks)s production weeks, year 1 at %(ramp)s, leavers from year %(leavers)s, / %(years)s years"
            )
            if leavers
            else N_(
                "x %(scale)s (value factor) x %(weeks)s production weeks, year 1 at %(ramp)s, / %(years)s years"
            )
        )
    else:
        template = (
            N_(
                "x %(weeks)s production weeks, year 1 at %(ramp)s, leavers from year %(leavers)s, / %(years)s years"
            )
            if leavers
            else N_("x %(weeks)s production weeks, year 1 at %(ramp)s, / %(years)s years")
        )
    return Part(template, values)


def _from_year(part: Part, years: int, horizon: int) -> Part:
    """A job line's term for jobs there only from a later year (they start when people
    leave: `JobFigures.starts_when_they_leave`): the term x its years of the horizon."""
    if years >= horizon:
        return part
    return dataclasses.replace(
        part,
        then=Part(
            N_("x %(n)s of %(years)s years (from year %(from)s, when people leave)"),
            (
                ("n", "years", float(years)),
                ("years", "years", float(horizon)),
                ("from", "count", float(horizon - years + 1)),
            ),
        ),
    )


def _wage_part(
    wage_h: float, basis: str, hours: float, paid: float, charges: float, v: dict[str, float]
) -> Part:
    """hours x paid weeks x the wage with holiday pay x (1 + employer charges), saying which
    wage it is (`jobcarve.economics.money.paid_wage`)."""
    terms: tuple[tuple[str, str, float | str], ...] = (
        ("hours", "hours", hours),
        ("weeks", "weeks", paid),
        ("wage", "eur", wage_h),
    )
    charged = (("charges", "share", charges),)
    if basis == "stated":
        return Part(
            N_(
                "%(hours)s h/week x %(weeks)s paid weeks x %(wage)s (the CAO wage stated for the profile, with holiday pay) x (1 + %(charges)s employer charges)"
            ),
            (*terms, *charged),
        )
    if basis.startswith("stated_youth_rising_"):
        years = float(rising_terms(basis)[1])
        return Part(
            N_(
                "%(hours)s h/week x %(weeks)s paid weeks x %(wage)s (the CAO wage stated for the profile, or the minimum wage for the age from the year it is higher: its average over %(years)s years, with holiday pay) x (1 + %(charges)s employer charges)"
            ),
            (*terms, ("years", "years", years), *charged),
        )
    if basis.startswith("youth_rising_"):
        # `money.rising_key`: the youth scale raises the wage with each birthday
        age, years = (float(x) for x in rising_terms(basis))
        return Part(
            N_(
                "%(hours)s h/week x %(weeks)s paid weeks x %(wage)s (the wage from age %(age)s on, which the youth minimum wage raises with each birthday: its average over %(years)s years, with holiday pay) x (1 + %(charges)s employer charges)"
            ),
            (*terms, ("age", "count", age), ("years", "years", years), *charged),
        )
    if basis.startswith("youth_minimum_wage_share_"):
        age = float(basis.rsplit("_", 1)[1])
        return Part(
            N_(
                "%(hours)s h/week x %(weeks)s paid weeks x %(wage)s (youth minimum wage at %(age)s, %(share)s of the minimum wage, with holiday pay) x (1 + %(charges)s employer charges)"
            ),
            (*terms, ("age", "count", age), ("share", "share", v[basis]), *charged),
        )
    return Part(
        N_(
            "%(hours)s h/week x %(weeks)s paid weeks x %(wage)s (minimum wage with holiday pay) x (1 + %(charges)s employer charges)"
        ),
        (*terms, *charged),
    )


def _subsidy_part(
    group: tuple[str, float, float, str, int], hours: float, paid: float, v: dict[str, float]
) -> Part:
    """The wage-cost subsidy of a group of jobs (`_JobMoney.subsidy_groups`: instrument,
    loonwaarde, the wage with holiday pay it is based on, a youth share key): loonkostensubsidie
    min(1 - LW, cap) on the statutory minimum for the age, or loondispensatie (1 - LW) on the
    wage paid."""
    instrument, lw, wage_h, youth, _years = group
    terms: tuple[tuple[str, str, float | str], ...] = (
        ("lw", "share", lw),
        ("hours", "hours", hours),
        ("weeks", "weeks", paid),
        ("wage", "eur", wage_h),
    )
    if instrument != "lks":
        return Part(
            N_(
                "loondispensatie (1 - %(lw)s) x %(hours)s h/week x %(weeks)s paid weeks x %(wage)s x (1 + %(charges)s)"
            ),
            (*terms, ("charges", "share", v["employer_charges_share"])),
        )
    terms = (*terms, ("cap", "share", v["lks_cap_share"]))
    supplement = (("supplement", "share", v["lks_employer_supplement_share"]),)
    if youth.startswith("youth_rising_"):
        age, years = (float(x) for x in rising_terms(youth))
        return Part(
            N_(
                "loonkostensubsidie min(1 - %(lw)s, %(cap)s) x %(hours)s h/week x %(weeks)s paid weeks x %(wage)s (the youth minimum wage from age %(age)s on, rising with each birthday: its average over %(years)s years, with holiday pay) x (1 + %(supplement)s)"
            ),
            (*terms, ("age", "count", age), ("years", "years", years), *supplement),
        )
    if youth:
        return Part(
            N_(
                "loonkostensubsidie min(1 - %(lw)s, %(cap)s) x %(hours)s h/week x %(weeks)s paid weeks x %(wage)s (youth minimum wage at %(age)s with holiday pay) x (1 + %(supplement)s)"
            ),
            (*terms, ("age", "count", float(youth.rsplit("_", 1)[1])), *supplement),
        )
    return Part(
        N_(
            "loonkostensubsidie min(1 - %(lw)s, %(cap)s) x %(hours)s h/week x %(weeks)s paid weeks x %(wage)s x (1 + %(supplement)s)"
        ),
        (*terms, *supplement),
    )


def _case_lines(
    process: ProcessModel,
    figures: PlanFigures,
    r: Rates,
    v: dict[str, float],
    money: _JobMoney,
    freed: Sequence[FreedValue],
    value_by_year: list[float],
    horizon: int,
) -> list[CaseLine]:
    """The yearly lines (average over the horizon), each with its formula."""
    paid = v["paid_weeks_per_year"]
    prod = process.planning.weeks_per_year
    charges = v["employer_charges_share"]
    subsidy_groups, lkv_groups = money.subsidy_groups, money.lkv_groups
    support_count, coached_hours = money.support_count, money.coached_hours
    coach_rate = money.coach_rate
    n_cobots = len(figures.cobots)
    cell = v["cobot_cell_cost_eur"]
    maint = v["cobot_maintenance_eur_per_year"]
    depreciation = n_cobots * cell / v["depreciation_years"] if n_cobots else 0.0

    def avg(key: str) -> float:
        return money.average(key, horizon)

    # the jobs there within the horizon; of them, those that start when people leave
    n = sum(1 for first in money.from_years if first <= horizon)
    late = [first for first in money.from_years if 1 < first <= horizon]
    years_part = Part(N_("/ %(years)s years"), (("years", "years", float(horizon)),))

    def lkv_terms(
        rate: str, most: str, h: float, count: int
    ) -> tuple[tuple[str, str, float | str], ...]:
        """workers x min(rate x hours x paid weeks, most): the terms both LKVs share."""
        return (
            ("workers", "count", float(count)),
            ("rate", "eur", v[rate]),
            ("hours", "hours", h),
            ("weeks", "weeks", paid),
            ("max", "eur0", v[most]),
        )

    seconded = money.seconded_groups
    lines: list[CaseLine] = [
        CaseLine(
            "wage_cost_new_workers",
            avg("wage_cost_new_workers"),
            ()
            if not n
            else (
                *(
                    _from_year(_wage_part(wage_h, basis, h, paid, charges, v), years, horizon)
                    for (wage_h, basis, years), h in sorted(money.wage_groups.items())
                ),
                *(
                    _from_year(
                        Part(
                            N_(
                                "%(hours)s h/week x %(weeks)s production weeks x %(fee)s secondment fee per hour worked (detachering)"
                            ),
                            (("hours", "hours", h), ("weeks", "weeks", prod), ("fee", "eur", fee)),
                        ),
                        years,
                        horizon,
                    )
                    for (fee, years), h in sorted(seconded.items())
                ),
            ),
        ),
        CaseLine(
            "wage_cost_subsidy",
            avg("wage_cost_subsidy"),
            tuple(
                _from_year(_subsidy_part(group, h, paid, v), group[4], horizon)
                for group, h in sorted(subsidy_groups.items())
            ),
        ),
        CaseLine(
            "lkv_banenafspraak",
            avg("lkv_banenafspraak"),
            tuple(
                _from_year(
                    Part(
                        N_(
                            "%(workers)s x min(%(rate)s x %(hours)s h/week x %(weeks)s paid weeks, %(max)s)"
                        ),
                        lkv_terms("lkv_eur_per_hour", "lkv_max_eur_per_year", h, count),
                    ),
                    years,
                    horizon,
                )
                for (h, years), count in sorted(lkv_groups.items())
            ),
        ),
        CaseLine(
            "lkv_arbeidsgehandicapt",
            avg("lkv_arbeidsgehandicapt"),
            tuple(
                Part(
                    N_(
                        "%(workers)s x min(%(rate)s x %(hours)s h/week x %(weeks)s paid weeks, %(max)s) x %(n)s years"
                    ),
                    (
                        *lkv_terms("lkv_ag_eur_per_hour", "lkv_ag_max_eur_per_year", h, count),
                        ("n", "years", float(years)),
                    ),
                )
                for (h, years), count in sorted(money.lkv_ag_groups.items())
            ),
            years_part if money.lkv_ag_groups else None,
        ),
        CaseLine(
            "coaching",
            avg("coaching"),
            (
                Part(
                    N_(
                        "%(workers)s x %(hours)s h/week x %(weeks)s weeks x %(rate)s in a job's first year"
                        " (per job the wage cost of the roles it works in, by their hours;"
                        " the jobs' mean)"
                    ),
                    (
                        ("workers", "count", float(n)),
                        ("hours", "hours", v["coaching_hours_per_week"]),
                        ("weeks", "weeks", prod),
                        ("rate", "eur", coach_rate),
                    ),
                    # the jobs that start when people leave are coached in their first year
                    Part(
                        N_("(for %(late)s of them in year %(from)s, when people leave)"),
                        (("late", "count", float(len(late))), ("from", "count", float(late[0]))),
                    )
                    if late
                    else None,
                ),
            )
            + (
                (
                    Part(
                        N_("%(workers)s x %(cost)s praktijkverklaring"),
                        (
                            ("workers", "count", float(n)),
                            ("cost", "eur0", v["praktijkverklaring_cost_eur"]),
                        ),
                    ),
                )
                if v["praktijkverklaring_cost_eur"]
                else ()
            )
            if n
            else (),
            years_part if n else None,
        ),
        CaseLine(
            "jobcoach",
            avg("jobcoach"),
            tuple(
                Part(
                    N_(
                        "(%(y1)s + %(y2)s + %(y3)s) x %(hours)s h/week x %(weeks)s weeks x %(rate)s"
                    ),
                    (
                        ("y1", "share", shares[0]),
                        ("y2", "share", shares[1]),
                        ("y3", "share", shares[2]),
                        ("hours", "hours", hours),
                        ("weeks", "weeks", prod),
                        ("rate", "eur", v["jobcoach_rate_eur_per_hour"]),
                    ),
                )
                for shares, hours in sorted(money.coached_groups.items(), reverse=True)
            )
            if coached_hours
            else (),
            years_part if coached_hours else None,
        ),
        CaseLine(
            "jobcoach_reimbursement",
            avg("jobcoach_reimbursement"),
            (
                Part(
                    N_("%(share)s of the job-coach cost"),
                    (("share", "share", v["jobcoach_reimbursed_share"]),),
                ),
            )
            if coached_hours
            else (),
        ),
        CaseLine(
            "supports",
            avg("supports"),
            tuple(
                Part(
                    N_("%(count)s x %(support)s at %(cost)s"),
                    (
                        ("count", "count", float(count)),
                        ("support", "support", sid),
                        ("cost", "eur0", r.supports[sid].cost_eur),
                    ),
                )
                for sid, count in sorted(support_count.items())
            ),
            years_part if support_count else None,
        ),
        CaseLine(
            "supports_reimbursement",
            avg("supports_reimbursement"),
            (
                *(
                    (
                        Part(
                            N_("%(share)s of %(cost)s for individual provisions"),
                            (
                                ("share", "share", v["support_reimbursed_share"]),
                                (
                                    "cost",
                                    "eur0",
                                    sum(
                                        r.supports[s].cost_eur * c
                                        for s, c in money.reimbursed_count.items()
                                    ),
                                ),
                            ),
                        ),
                    )
                    if money.reimbursed_count
                    else ()
                ),
                *(
                    Part(
                        N_(
                            "%(count)s x %(support)s not reimbursed: it removes a lifting risk that holds for anyone at the workstation, the employer's duty (Arbobesluit art. 5.2)"
                        ),
                        (("count", "count", float(count)), ("support", "support", sid)),
                    )
                    for sid, count in sorted(money.duty_count.items())
                ),
            ),
            years_part if money.reimbursed_count else None,
        ),
        CaseLine(
            "cobot_depreciation",
            0.0 - depreciation,
            (
                Part(
                    N_("%(cobots)s x %(cost)s / %(years)s years"),
                    (
                        ("cobots", "count", float(n_cobots)),
                        ("cost", "eur0", cell),
                        ("years", "years", v["depreciation_years"]),
                    ),
                ),
            )
            if n_cobots
            else (),
        ),
        CaseLine(
            "cobot_maintenance",
            0.0 - n_cobots * maint,
            (
                Part(
                    N_("%(cobots)s x %(cost)s"),
                    (("cobots", "count", float(n_cobots)), ("cost", "eur0", maint)),
                ),
            )
            if n_cobots
            else (),
        ),
        CaseLine(
            "value_freed_hours",
            sum(value_by_year) / horizon,
            tuple(f.part for f in freed),
            _value_suffix(v, prod, horizon, freed) if freed else None,
        ),
    ]
    return lines
