"""The money of each carved job per year: wage, instrument, LKV, coaching, supports."""

from __future__ import annotations

from dataclasses import dataclass

from jobcarve.economics.defaults import Rates
from jobcarve.economics.figures import JobFigures, PlanFigures
from jobcarve.economics.freed import role_cost
from jobcarve.economics.lines import LINE_KEYS
from jobcarve.model import YOUTH_AGES, ProcessModel, Profile


def profile_loonwaarde(profile: Profile, r: Rates, v: dict[str, float]) -> float:
    """A profile's loonwaarde: its own, else the model's override, else pace x quality."""
    if profile.loonwaarde is not None:
        base = profile.loonwaarde
    elif "loonwaarde_share" in r.overridden:
        base = v["loonwaarde_share"]
    else:
        base = profile.pace * (profile.quality_factor or 1.0)
    return min(1.0, max(0.0, base * v.get("loonwaarde_scale", 1.0)))


def statutory_wage(age: int | None, v: dict[str, float]) -> tuple[float, str]:
    """The statutory minimum wage per hour (without holiday pay) at an age, and the key of
    its youth share ("" from 21): the base of the loonkostensubsidie."""
    if age is not None and age < 21:
        key = f"youth_minimum_wage_share_{max(YOUTH_AGES.start, age)}"
        return v["minimum_wage_eur_per_hour"] * v[key], key
    return v["minimum_wage_eur_per_hour"], ""


def paid_wage(profile: Profile | None, age: int | None, v: dict[str, float]) -> tuple[float, str]:
    """The wage per hour (without holiday pay) the company pays a profile's worker at an age,
    and its basis: the profile's stated CAO wage ("stated"), never below the statutory
    minimum for the age (a youth share key, or "minimum")."""
    minimum, key = statutory_wage(age, v)
    stated = profile.hourly_wage_eur if profile is not None else None
    # the tornado's wage bar pays more without moving the statutory minimum that the
    # loonkostensubsidie rests on (a reading: a higher wage raised the subsidy too)
    scale = max(1.0, v.get("wage_paid_scale", 1.0))
    if stated is not None and stated > minimum:
        return stated * scale, "stated"
    return minimum * scale, key or "minimum"


def ages_by_year(profile: Profile | None, horizon: int) -> list[int | None]:
    """The profile's age in each year of the business case: a worker of 17 is 18 the next
    year, and the youth minimum wage rises with each birthday (a review: a cash flow that
    kept a school leaver at 17 for five years)."""
    age = profile.age if profile is not None else None
    return [None if age is None else age + y for y in range(horizon)]


def rising_key(age: int, horizon: int) -> str:
    """The basis of a wage that rises with the youth scale over the business case: the age
    in its first year and the years averaged (`case_lines` writes its formula)."""
    return f"youth_rising_{age}_{horizon}"


def rising_terms(basis: str) -> tuple[int, int]:
    """The first year's age and the years of a `rising_key` basis (also with the prefix
    ``stated_``): the one reader of that key."""
    age, years = basis.rsplit("_", 2)[1:]
    return int(age), int(years)


@dataclass(frozen=True)
class JobWage:
    """Who pays a carved job's worker what: the business case's terms of one job."""

    loonwaarde: float
    instrument: str
    #: the wage per hour paid, without holiday pay (the secondment fee for detachering)
    wage_eur_per_hour: float
    #: `paid_wage`'s basis: minimum, stated or a youth share key; detachering for a fee;
    #: `rising_key` where the youth scale raises it over the years (the wage is the first
    #: year's)
    wage_basis: str
    #: the youth share key of the statutory minimum for the profile's age ("" from 21), in
    #: the first year
    youth_key: str
    #: every youth share key the job's wage or subsidy uses over the business case's years
    youth_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class _JobMoney:
    """The per-job amounts per year (cash), with what the formulas need to name them."""

    per_job: list[dict[str, list[float]]]
    meta: list[JobWage]  # per job
    #: per job, the year it starts: 1, or the leavers' year for a job too small without the
    #: work that waits for them (`JobFigures.starts_when_they_leave`)
    from_years: list[int]
    #: (instrument, LW, wage per hour with holiday pay it is based on, the youth share key
    #: of a loonkostensubsidie on the youth minimum or "", the years the jobs are there) ->
    #: hours per week
    subsidy_groups: dict[tuple[str, float, float, str, int], float]
    #: (wage per hour with holiday pay, its basis: `paid_wage`, the years the jobs are
    #: there) -> hours per week of the hired jobs at that wage
    wage_groups: dict[tuple[float, str, int], float]
    #: (hours per week, years the jobs are there) -> workers (LKV banenafspraak)
    lkv_groups: dict[tuple[float, int], int]
    #: (hours per week, years of LKV) -> workers (LKV arbeidsgehandicapte werknemer)
    lkv_ag_groups: dict[tuple[float, int], int]
    support_count: dict[str, int]
    #: of `support_count`, those reimbursed as individual provisions, and those not because
    #: they remove a lifting risk that holds for anyone (`JobFigures.duty_supports`)
    reimbursed_count: dict[str, int]
    duty_count: dict[str, int]
    #: (secondment fee per hour worked, years the jobs are there) -> hours per week of the
    #: seconded jobs at that fee
    seconded_groups: dict[tuple[float, int], float]
    coached_hours: float
    #: the job coach's shares of the jobs' first three years within the horizon -> hours
    #: per week of the coached jobs
    coached_groups: dict[tuple[float, ...], float]
    coach_rate: float

    def average(self, key: str, horizon: int) -> float:
        return sum(sum(j[key]) for j in self.per_job) / horizon


def _job_money(
    process: ProcessModel, figures: PlanFigures, r: Rates, v: dict[str, float], horizon: int
) -> _JobMoney:
    """Every job's wage, instrument, LKV, coaching, job coach and supports per year."""
    paid = v["paid_weeks_per_year"]
    prod = process.planning.weeks_per_year
    holiday = 1 + v["holiday_pay_share"]
    charges = v["employer_charges_share"]
    supplement = v["lks_employer_supplement_share"]
    cap = v["lks_cap_share"]
    profiles = {p.id: p for p in process.profiles}
    costs = {role.id: role_cost(role, v) for role in process.roles}
    mean_cost = (
        sum(costs.values()) / len(costs) if costs else v["default_role_wage_cost_eur_per_hour"]
    )

    def coach_rate_of(job: JobFigures) -> float:
        # the coaching colleague works where the new worker works: the wage cost of the
        # roles the job takes work from, weighted by those hours (a review found the plain
        # mean of every role, office and graders included, with no basis shown)
        weight = sum(h for role, h in job.released.items() if role in costs)
        if weight <= 0:
            return mean_cost
        return sum(costs[role] * h for role, h in job.released.items() if role in costs) / weight

    # a job too small without the work that waits for people leaving starts in the year they
    # go (`JobFigures.starts_when_they_leave`; four readings: the wages counted from year 1)
    leavers_year = max(1, int(v["leavers_from_year"]))
    starts = [leavers_year if job.starts_when_they_leave else 1 for job in figures.jobs]
    rates = [coach_rate_of(job) for job in figures.jobs]
    # the plan line's rate: the mean of the jobs within the horizon, so that workers x hours
    # x weeks x rate is the sum
    there = [rate for rate, start in zip(rates, starts, strict=True) if start <= horizon]
    coach_rate = sum(there) / len(there) if there else mean_cost
    shares = [v["jobcoach_share_year1"], v["jobcoach_share_year2"], v["jobcoach_share_year3"]]
    per_job_years: list[dict[str, list[float]]] = []
    job_meta: list[JobWage] = []
    subsidy_groups: dict[tuple[str, float, float, str, int], float] = {}
    wage_groups: dict[tuple[float, str, int], float] = {}
    lkv_groups: dict[tuple[float, int], int] = {}
    lkv_ag_groups: dict[tuple[float, int], int] = {}
    support_count: dict[str, int] = {}
    reimbursed_count: dict[str, int] = {}
    duty_count: dict[str, int] = {}
    seconded_groups: dict[tuple[float, int], float] = {}
    coached_groups: dict[tuple[float, ...], float] = {}
    from_years: list[int] = []
    coached_hours = 0.0
    for job, job_coach_rate, start in zip(figures.jobs, rates, starts, strict=True):
        prof = profiles.get(job.profile)
        instrument: str = prof.instrument if prof is not None else "none"
        lw = profile_loonwaarde(prof, r, v) if prof is not None else 1.0
        h = job.hours_per_week
        # the years the job is there: from year 1, or from the leavers' year
        first = start - 1
        active = list(range(first, horizon))
        n_active = len(active)
        from_years.append(start)
        # the wage paid (a stated CAO wage, else the statutory minimum for the age) and the
        # statutory minimum the loonkostensubsidie is based on, both with holiday pay, in
        # each year the job is there at the worker's age that year; the lines show their
        # average
        # a job that starts after the horizon: its terms at its first year's age
        ages = [ages_by_year(prof, max(horizon, start))[y] for y in active or [first]]
        pays = [paid_wage(prof, a, v) for a in ages]
        wage_hs = [p * holiday for p, _b in pays]
        statutory = [statutory_wage(a, v) for a in ages]
        minimum_hs = [m * holiday for m, _k in statutory]
        pay, basis = pays[0]
        youth_key = statutory[0][1]
        age0 = ages[0]
        years_paid = max(1, n_active)
        if age0 is not None and max(wage_hs) - min(wage_hs) > 1e-9:
            # a CAO wage that the minimum for the age overtakes is still a CAO wage until
            # then (a diff review: "youth minimum wage at 19" for a CAO wage of EUR 13)
            stated = any(b == "stated" for _p, b in pays)
            basis = ("stated_" if stated else "") + rising_key(age0, years_paid)
        # every youth share the wage or the subsidy uses over the years (the rate table)
        youth_keys = tuple(sorted({k for _m, k in statutory} - {""}))
        min_key = youth_key
        if age0 is not None and max(minimum_hs) - min(minimum_hs) > 1e-9:
            min_key = rising_key(age0, years_paid)
        wage_h = sum(wage_hs) / years_paid
        minimum_h = sum(minimum_hs) / years_paid
        # per year of the horizon: nothing before the job is there
        wage_of = dict(zip(active, wage_hs, strict=False))
        minimum_of = dict(zip(active, minimum_hs, strict=False))
        wages = [
            h * paid * wage_of[y] * (1 + charges) if y in wage_of else 0.0 for y in range(horizon)
        ]
        fee = prof.secondment_rate_eur_per_hour if prof is not None else None
        base_h = wage_h
        seconded = instrument == "detachering" and fee is not None
        subsidies = [0.0] * horizon
        if seconded and fee is not None:
            # the sociaal werkbedrijf stays the employer: it pays the wage and gets whatever
            # funds the worker brings; the company pays its fee for the hours worked
            wages = [h * prod * fee if y in wage_of else 0.0 for y in range(horizon)]
            if n_active:  # a job after the horizon is in no formula
                seconded_groups[fee, n_active] = seconded_groups.get((fee, n_active), 0.0) + h
        elif instrument == "lks":
            # on the statutory minimum: a CAO wage above it is the employer's (Participatiewet)
            share = min(max(0.0, 1 - lw), cap)
            base_h = minimum_h
            subsidies = [
                share * h * paid * minimum_of[y] * (1 + supplement) if y in minimum_of else 0.0
                for y in range(horizon)
            ]
        elif instrument == "loondispensatie" and lw <= v["loondispensatie_max_loonwaarde_share"]:
            # the employer pays the loonwaarde of the wage it would pay
            subsidies = [
                (1 - lw) * h * paid * wage_of[y] * (1 + charges) if y in wage_of else 0.0
                for y in range(horizon)
            ]
        if not seconded and n_active:
            key_w = (wage_h, basis, n_active)
            wage_groups[key_w] = wage_groups.get(key_w, 0.0) + h
        if any(subsidies):
            key = (
                instrument,
                round(lw, 6),
                base_h,
                min_key if instrument == "lks" else "",
                n_active,
            )
            subsidy_groups[key] = subsidy_groups.get(key, 0.0) + h
        lkv = lkv_ag = 0.0
        kind = prof.lkv_kind if prof is not None else "none"
        if instrument == "detachering":
            kind = "none"  # any LKV is the employer's, the sociaal werkbedrijf
        ag_years = min(int(v["lkv_ag_years"]), n_active)
        if n_active and kind == "banenafspraak":
            lkv = min(v["lkv_eur_per_hour"] * h * paid, v["lkv_max_eur_per_year"])
            key_l = (round(h, 6), n_active)
            lkv_groups[key_l] = lkv_groups.get(key_l, 0) + 1
        elif n_active and kind == "arbeidsgehandicapt":
            lkv_ag = min(v["lkv_ag_eur_per_hour"] * h * paid, v["lkv_ag_max_eur_per_year"])
            key_l = (round(h, 6), ag_years)
            lkv_ag_groups[key_l] = lkv_ag_groups.get(key_l, 0) + 1
        coaching_y1 = (
            v["coaching_hours_per_week"] * prod * job_coach_rate + v["praktijkverklaring_cost_eur"]
        )
        # a seconded worker's job coach is the sociaal werkbedrijf's, in its fee
        coached = "job_coach" in job.supports and instrument != "detachering" and n_active > 0
        # the job coach's shares of the job's first three years, those within the horizon
        own_shares = tuple(s if first + k < horizon else 0.0 for k, s in enumerate(shares))
        if coached:
            coached_hours += h
            coached_groups[own_shares] = coached_groups.get(own_shares, 0.0) + h
        support_cost = 0.0
        support_back = 0.0
        for sid in job.supports if n_active else ():
            price = r.supports.get(sid)
            if price is None or not price.cost_eur:
                continue
            support_count[sid] = support_count.get(sid, 0) + 1
            support_cost += price.cost_eur
            if price.reimbursable and sid in job.duty_supports:
                # a lifting aid that removes a lifting risk holding for anyone at the station is the
                # employer's duty (Arbobesluit art. 5.2), which UWV does not reimburse (a
                # review of the packaging example)
                duty_count[sid] = duty_count.get(sid, 0) + 1
            elif price.reimbursable:
                reimbursed_count[sid] = reimbursed_count.get(sid, 0) + 1
                support_back += price.cost_eur * v["support_reimbursed_share"]
        years: dict[str, list[float]] = {k: [0.0] * horizon for k in LINE_KEYS}
        for y in active:
            k = y - first  # the job's own year
            years["wage_cost_new_workers"][y] = -wages[y]
            years["wage_cost_subsidy"][y] = subsidies[y]
            years["lkv_banenafspraak"][y] = lkv
            years["lkv_arbeidsgehandicapt"][y] = lkv_ag if k < ag_years else 0.0
            if k == 0:
                years["coaching"][y] = -coaching_y1
                years["supports"][y] = -support_cost
                years["supports_reimbursement"][y] = support_back
            if coached and k < 3:
                cost = own_shares[k] * h * prod * v["jobcoach_rate_eur_per_hour"]
                years["jobcoach"][y] = -cost
                years["jobcoach_reimbursement"][y] = cost * v["jobcoach_reimbursed_share"]
        per_job_years.append(years)
        # a seconded job's fee replaces wage and subsidy: no youth share of the company's
        job_meta.append(
            JobWage(lw, instrument, fee, "detachering", "")
            if seconded and fee is not None
            else JobWage(lw, instrument, pay, basis, youth_key, youth_keys)
        )

    return _JobMoney(
        per_job_years,
        job_meta,
        from_years,
        subsidy_groups,
        wage_groups,
        lkv_groups,
        lkv_ag_groups,
        support_count,
        reimbursed_count,
        duty_count,
        seconded_groups,
        coached_hours,
        coached_groups,
        coach_rate,
    )
