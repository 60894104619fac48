"""The money of each carved job per year: wage, instrument, LKV, coaching, supports."""

from __future__ import annotations

from dataclasses import dataclass

from jobcarve.economics.defaults import Rates
from jobcarve.economics.figures import JobFigures, PlanFigures
from jobcarve.economics.freed import role_cost
from jobcarve.economics.lines import LINE_KEYS
from jobcarve.model import ProcessModel, Profile


def profile_loonwaarde(profile: Profile, r: Rates, v: dict[str, float]) -> float:
    """A profile's loonwaarde: its own, else the model's override, else pace x quality."""
    if profile.loonwaarde is not None:
        base = profile.loonwaarde
    elif "loonwaarde_share" in r.overridden:
        base = v["loonwaarde_share"]
    else:
        base = profile.pace * (profile.quality_factor or 1.0)
    return min(1.0, max(0.0, base * v.get("loonwaarde_scale", 1.0)))


@dataclass(frozen=True)
class _JobMoney:
    """The per-job amounts per year (cash), with what the formulas need to name them."""

    per_job: list[dict[str, list[float]]]
    meta: list[tuple[float, str]]  # loonwaarde and instrument per job
    subsidy_groups: dict[tuple[str, float], float]  # (instrument, LW) -> hours per week
    lkv_groups: dict[float, int]  # hours per week -> workers (LKV banenafspraak)
    lkv_ag_groups: dict[float, int]  # the same, LKV arbeidsgehandicapte werknemer
    support_count: dict[str, int]
    #: secondment fee per hour worked -> hours per week of the seconded jobs at that fee
    seconded_groups: dict[float, float]
    coached_hours: float
    coach_rate: float
    coach_shares: list[float]

    def average(self, key: str, horizon: int) -> float:
        return sum(sum(j[key]) for j in self.per_job) / horizon


def _job_money(
    process: ProcessModel, figures: PlanFigures, r: Rates, v: dict[str, float], horizon: int
) -> _JobMoney:
    """Every job's wage, instrument, LKV, coaching, job coach and supports per year."""
    paid = v["paid_weeks_per_year"]
    prod = process.planning.weeks_per_year
    wage_h = v["minimum_wage_eur_per_hour"] * (1 + v["holiday_pay_share"])
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

    rates = [coach_rate_of(job) for job in figures.jobs]
    # the plan line's rate: the jobs' mean, so that workers x hours x weeks x rate is the sum
    coach_rate = sum(rates) / len(rates) if rates else mean_cost
    coach_shares = [v["jobcoach_share_year1"], v["jobcoach_share_year2"], v["jobcoach_share_year3"]]
    coach_shares = [s if y < horizon else 0.0 for y, s in enumerate(coach_shares)]
    per_job_years: list[dict[str, list[float]]] = []
    job_meta: list[tuple[float, str]] = []
    subsidy_groups: dict[tuple[str, float], float] = {}
    lkv_groups: dict[float, int] = {}
    lkv_ag_groups: dict[float, int] = {}
    support_count: dict[str, int] = {}
    seconded_groups: dict[float, float] = {}
    coached_hours = 0.0
    for job, job_coach_rate in zip(figures.jobs, rates, strict=True):
        prof = profiles.get(job.profile)
        instrument: str = prof.instrument if prof is not None else "none"
        lw = profile_loonwaarde(prof, r, v) if prof is not None else 1.0
        h = job.hours_per_week
        wage = h * paid * wage_h * (1 + charges)
        fee = prof.secondment_rate_eur_per_hour if prof is not None else None
        if instrument == "detachering" and fee is not None:
            # the sociaal werkbedrijf stays the employer: it pays the wage and gets whatever
            # funds the worker brings; the company pays its fee for the hours worked
            wage = h * prod * fee
            seconded_groups[fee] = seconded_groups.get(fee, 0.0) + h
            subsidy = 0.0
        elif instrument == "lks":
            share = min(max(0.0, 1 - lw), cap)
            subsidy = share * h * paid * wage_h * (1 + supplement)
        elif instrument == "loondispensatie" and lw <= v["loondispensatie_max_loonwaarde_share"]:
            subsidy = (1 - lw) * h * paid * wage_h * (1 + charges)
        else:
            subsidy = 0.0
        if subsidy:
            key = (instrument, round(lw, 6))
            subsidy_groups[key] = subsidy_groups.get(key, 0.0) + h
        lkv = lkv_ag = 0.0
        kind = prof.lkv_kind if prof is not None else "none"
        if instrument == "detachering":
            kind = "none"  # any LKV is the employer's, the sociaal werkbedrijf
        if kind == "banenafspraak":
            lkv = min(v["lkv_eur_per_hour"] * h * paid, v["lkv_max_eur_per_year"])
            lkv_groups[round(h, 6)] = lkv_groups.get(round(h, 6), 0) + 1
        elif kind == "arbeidsgehandicapt":
            lkv_ag = min(v["lkv_ag_eur_per_hour"] * h * paid, v["lkv_ag_max_eur_per_year"])
            lkv_ag_groups[round(h, 6)] = lkv_ag_groups.get(round(h, 6), 0) + 1
        coaching_y1 = (
            v["coaching_hours_per_week"] * prod * job_coach_rate + v["praktijkverklaring_cost_eur"]
        )
        # a seconded worker's job coach is the sociaal werkbedrijf's, in its fee
        coached = "job_coach" in job.supports and instrument != "detachering"
        if coached:
            coached_hours += h
        support_cost = 0.0
        support_back = 0.0
        for sid in job.supports:
            price = r.supports.get(sid)
            if price is None or not price.cost_eur:
                continue
            support_count[sid] = support_count.get(sid, 0) + 1
            support_cost += price.cost_eur
            if price.reimbursable:
                support_back += price.cost_eur * v["support_reimbursed_share"]
        years: dict[str, list[float]] = {k: [0.0] * horizon for k in LINE_KEYS}
        for y in range(horizon):
            years["wage_cost_new_workers"][y] = -wage
            years["wage_cost_subsidy"][y] = subsidy
            years["lkv_banenafspraak"][y] = lkv
            years["lkv_arbeidsgehandicapt"][y] = lkv_ag if y < v["lkv_ag_years"] else 0.0
            if y == 0:
                years["coaching"][y] = -coaching_y1
                years["supports"][y] = -support_cost
                years["supports_reimbursement"][y] = support_back
            if coached and y < 3:
                cost = coach_shares[y] * h * prod * v["jobcoach_rate_eur_per_hour"]
                years["jobcoach"][y] = -cost
                years["jobcoach_reimbursement"][y] = cost * v["jobcoach_reimbursed_share"]
        per_job_years.append(years)
        job_meta.append((lw, instrument))

    return _JobMoney(
        per_job_years,
        job_meta,
        subsidy_groups,
        lkv_groups,
        lkv_ag_groups,
        support_count,
        seconded_groups,
        coached_hours,
        coach_rate,
        coach_shares,
    )
