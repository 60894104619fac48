"""The recommendation on the report's first screen: go, go with conditions, or not now.

The rule (docs/method.md, "The recommendation") uses only figures the report shows
elsewhere, each from its one home: the plan's extra workers, the business case's net
effect and lines, the cobots' payback and the Monte Carlo range of the net effect. The
thresholds are in ``task_catalogs/advice.yaml`` (policy, with their basis).

* **not now** (in this form): no new job, or a net effect per year below
  ``min_net_eur_per_year``;
* **go with conditions**: the net effect would fall below that threshold without the value
  of the freed hours or without the wage-cost subsidy, or the cobots do not pay back within
  their write-off period (``depreciation_years``, economics.yaml or the model's economics: the
  same test the plan puts a cell advised for freed hours to), or the net effect at the ``loss_percentile``-th percentile of
  the draws is below the threshold;
* **go**: otherwise.

Conditions are listed with the critical ones first, and among them the money at stake,
largest first; the first screen names the first ``max_conditions_shown`` and every
critical condition a job rests on (`first_screen`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jobcarve.economics import BusinessCase
from jobcarve.exceptions import InputError
from jobcarve.formatting import fixed, join_items, money, number, percent
from jobcarve.model import ProcessModel
from jobcarve.resources import catalog_dir
from jobcarve.uncertainty import Uncertainty
from jobcarve.yamlsource import load, read_text

Gettext = Callable[[str], str]
ADVICE_FILE = "advice.yaml"
KEYS = (
    "min_net_eur_per_year",
    "loss_percentile",
    "max_conditions_shown",
    "works_council_min_people",
)


@dataclass(frozen=True)
class Thresholds:
    """The recommendation's thresholds with their sources."""

    values: dict[str, float]
    sources: dict[str, str]


@lru_cache(maxsize=1)
def thresholds() -> Thresholds:
    """``task_catalogs/advice.yaml``; a missing or malformed entry is a located error."""
    path = catalog_dir() / ADVICE_FILE
    data: Any
    data, _smap, problems = load(read_text(path), str(path))  # the one YAML reader
    if problems:
        raise InputError(problems)
    values: dict[str, float] = {}
    sources: dict[str, str] = {}
    for key in KEYS:
        entry = data.get(key) if isinstance(data, dict) else None
        if not isinstance(entry, dict) or not isinstance(entry.get("value"), (int, float)):
            raise ValueError(f"{path}: {key}: expected a mapping with a numeric value and a source")
        values[key] = float(entry["value"])
        sources[key] = str(entry.get("source", ""))
    return Thresholds(values, sources)


@dataclass(frozen=True)
class Condition:
    key: str
    at_stake_eur: float
    text: str
    critical: bool


#: conditions a job rests on whatever the money: a floor check at its places, a later shift
JOB_CONDITIONS = frozenset({"exposure", "later_shift"})


def first_screen(
    conditions: Sequence[Condition], shown: int
) -> tuple[tuple[Condition, ...], tuple[Condition, ...]]:
    """The conditions the first screen names and the others (Costs and benefits lists
    them), each in the advice's order: the first ``shown`` (`max_conditions_shown`), and
    besides them every condition a job rests on (`JOB_CONDITIONS`, always critical), which
    has no money at stake and so comes after the other critical ones (a reading of the
    galvaniser: the late shift of a young man with a job coach only under Costs and
    benefits, behind three conditions on money). Split by position, so that each condition
    stands in one of the two."""
    named = [i < shown or c.key in JOB_CONDITIONS for i, c in enumerate(conditions)]
    return (
        tuple(c for c, n in zip(conditions, named, strict=True) if n),
        tuple(c for c, n in zip(conditions, named, strict=True) if not n),
    )


@dataclass(frozen=True)
class Advice:
    verdict: str  # go | go_with_conditions | not_now
    conditions: tuple[Condition, ...]
    next_steps: tuple[str, ...]


@dataclass(frozen=True)
class LoonwaardeGap:
    """A subsidised profile whose loonwaarde is five points or more below its pace: the
    jobs' hours, their count, and the standard hours a week the jobs do less if the rest is
    output these workers do not deliver (hours x (pace - loonwaarde))."""

    profile: str
    loonwaarde: float
    pace: float
    hours: float
    jobs: int

    @property
    def less(self) -> float:
        return self.hours * (self.pace - self.loonwaarde)


def loonwaarde_gaps(case: BusinessCase, process: ProcessModel) -> list[LoonwaardeGap]:
    """The profiles whose subsidy rests on a loonwaarde below their pace (one home for the
    first screen's condition and the business section's note). Only jobs that get a
    subsidy (a diff review: loondispensatie above its loonwaarde limit pays nothing)."""
    by_id = {p.id: p for p in process.profiles}
    hours: dict[str, float] = {}
    jobs: dict[str, int] = {}
    worth: dict[str, float] = {}
    for j in case.jobs:
        prof = by_id.get(j.profile)
        if prof is None or j.items.get("wage_cost_subsidy", 0.0) <= 0 or j.loonwaarde <= 0:
            continue
        # five points or more (rounded: 60% against 55% is 0.04999... in floating point)
        if round(prof.pace - j.loonwaarde, 6) < 0.05:
            continue
        hours[j.profile] = hours.get(j.profile, 0.0) + j.hours_per_week
        jobs[j.profile] = jobs.get(j.profile, 0) + 1
        worth[j.profile] = j.loonwaarde
    return [LoonwaardeGap(pid, worth[pid], by_id[pid].pace, hours[pid], jobs[pid]) for pid in hours]


def capacity_uses(case: BusinessCase, _: Gettext) -> str:
    """The uses whose freed hours are worth extra capacity in this case, in words: only those
    that bring worth (a review: work left undone, valued at 0 without a margin, was named
    in a sentence about euros it does not add)."""
    return _(" and ").join(
        name
        for use, name in (
            ("vacancies", _("vacancies filled")),
            ("backlog", _("work now left undone taken on")),
        )
        if case.freed_by_use.get(use, 0.0) > 0
    )


def _cash_and_capacity(case: BusinessCase, lang: str, _: Gettext) -> str:
    """How much of the freed hours' value is money paid today, and how much is capacity
    (the line ``value_freed_hours`` split by use: `BusinessCase.paid_value_eur_per_year`
    and `BusinessCase.capacity_value_eur_per_year`)."""
    paid = case.paid_value_eur_per_year
    capacity = case.capacity_value_eur_per_year
    uses = capacity_uses(case, _)
    if capacity <= 0 or not uses:
        return ""
    if paid <= 0:
        text = " " + _(
            "All of the value of these hours (%(capacity)s a year) is the worth of extra capacity (%(uses)s): it is no money saved, and pays only when the company turns those hours into more output."
        ) % {"capacity": money(capacity, lang), "uses": uses}
    else:
        text = " " + _(
            "Of the value of these hours, %(paid)s a year is money the company pays now or would pay (less overtime and agency work, no replacement hired for people who leave); %(capacity)s is the worth of extra capacity (%(uses)s): no money saved, it pays only when the company turns those hours into more output."
        ) % {"paid": money(paid, lang), "capacity": money(capacity, lang), "uses": uses}
    other = case.paid_first
    if other is not None and round(other[0]) != round(paid):
        text += " " + _(
            "Read the other way, with the freed hours ending overtime and agency work before they fill vacancies or take on work now left undone, %(paid)s a year of their value is money saved (overtime and agency hours no longer paid) and the net effect is %(net)s a year. Which the new jobs take first is the employer's choice; agency hours that cover an open vacancy today count only once."
        ) % {"paid": money(other[0], lang), "net": money(other[1], lang)}
    return text


def advise(
    *,
    extra_workers: int,
    freed_hours: float,
    case: BusinessCase | None,
    spread: Uncertainty | None,
    cobot_names: tuple[str, ...],
    lang: str,
    _: Gettext,
    cobots_for_risk_only: bool = False,
    why_no_job: tuple[str, ...] = (),
    slow_for_feed: tuple[str, ...] = (),
    cobot_places: tuple[str, ...] = (),
    heavy_work: tuple[str, ...] = (),
    lifting_left: tuple[str, ...] = (),
    repetitive_left: tuple[str, ...] = (),
    seasonal: tuple[str, ...] = (),
    year_round: tuple[float, float, float] = (0.0, 0.0, 0.0),
    people: int = 0,
    people_known: bool = False,
    leaver_hours: float = 0.0,
    loonwaarde_less: float = 0.0,
    exposed_jobs: tuple[str, ...] = (),
    later_shift_jobs: tuple[str, ...] = (),
    year_round_agency: tuple[str, ...] = (),
    leaver_wait_hours: float = 0.0,
    leaver_wait_wages: float = 0.0,
) -> Advice:
    """The recommendation, its conditions and next steps (see the module text)."""
    t = thresholds().values
    floor = t["min_net_eur_per_year"]
    conditions: list[Condition] = []
    net = case.net_eur_per_year if case is not None else 0.0
    lines = {item.key: item.amount_eur_per_year for item in case.lines} if case else {}
    value = lines.get("value_freed_hours", 0.0)
    subsidy = lines.get("wage_cost_subsidy", 0.0)
    if case is not None and value > 0:
        factor = case.rates.get("freed_hour_value_factor", 1.0)
        if value > net - floor and net > floor:
            breakeven = factor * (value - (net - floor)) / value
            text = _(
                "The %(hours)s hours per week that today's staff give up really go to the uses the model declares (open vacancies, overtime, agency hours, work now left undone, people leaving). The plan pays only if such an hour is worth at least %(share)s of its value as estimated."
            ) % {"hours": number(freed_hours, lang, 1), "share": percent(breakeven, lang, 0)}
        else:
            text = _(
                "The %(hours)s hours per week that today's staff give up really go to the uses the model declares (open vacancies, overtime, agency hours, work now left undone, people leaving)."
            ) % {"hours": number(freed_hours, lang, 1)}
        if seasonal:
            # agency hours of a seasonal peak, averaged over the year, are room only in the
            # season (reviews of the pet food and candle cases)
            text += " " + _(
                "Part of them rests on agency hours hired or overtime worked only in a season (%(roles)s): out of season that work is today's staff's, so the new jobs there need work that runs all year, or seasonal hours."
            ) % {"roles": join_items(seasonal)}
            # the jobs' work all year from their start, the cards' figures summed (two
            # readings of the duvet maker: "4 people (3.0 FTE)" of which about 1.4 FTE is
            # work all year before two retirements)
            hours, total, per_fte = year_round
            if total - hours >= 0.05 and per_fte > 0:
                text += " " + _(
                    "All year from their start, the new jobs have at least %(hours)s of their %(total)s hours a week of work (%(fte)s FTE of %(all)s); the job cards give each job's figure."
                ) % {
                    "hours": number(hours, lang, 1),
                    "total": number(total, lang, 1),
                    "fte": fixed(hours / per_fte, lang, 1),
                    "all": fixed(total / per_fte, lang, 1),
                }
        if year_round_agency:
            # agency hours the model gives no weeks for are counted in every production
            # week, worth an agency hour each (three readings: "the kitting peak", "at
            # peaks", "the deburring peak" in the model's words, valued all year)
            text += " " + _(
                "The agency hours they end are counted as hired in every production week, as the model gives no weeks for them (%(roles)s): where they are hired only for a peak, out of it that work is today's staff's, and the value of the hours is less; give their weeks a year in the model."
            ) % {"roles": join_items(year_round_agency)}
        leavers = [f for f in case.freed if f.use == "leavers"]
        leaver_value = case.freed_by_use.get("leavers", 0.0)
        if leavers and leaver_value > 0:
            # a leaver's hours are worth the replacement the company need not hire: no saving
            # where it would not replace anyway (a review of the packaging example read the
            # retiring packer's wage as a gain of the plan)
            without = net - leaver_value
            # the figures as shown, so that the shown ones subtract (a diff review: 8.65
            # taken showed as 8.6 with a rest of 29.3)
            taken = round(sum(f.hours_per_week for f in leavers), 1)
            contract = round(leaver_hours, 1)
            values = {
                "hours": number(taken, lang, 1),
                "year": min(f.from_year for f in leavers),
                "value": money(leaver_value, lang),
                "without": money(without, lang),
            }
            if contract - taken >= 0.05:
                # the new jobs take part of the leavers' hours: only that part is a
                # replacement saved (a reading of the medicine packer: 12 of a retiring
                # man's 38 h, and the report read as if he need not be replaced)
                # and in FTE: the replacement the company still weighs (a reading of the
                # galvaniser: "the company still has to hire about one hanger" was not said)
                per_fte = year_round[2]
                rest = {
                    **values,
                    "contract": number(contract, lang, 1),
                    "rest": number(contract - taken, lang, 1),
                    "rest_fte": fixed((contract - taken) / per_fte, lang, 1) if per_fte else "",
                }
                text += (
                    " "
                    + (
                        _(
                            "%(hours)s of them rest on people who leave, whose work the new jobs take on: the business case counts them at their wage cost from year %(year)s (%(value)s a year on average), as part of a replacement the company then need not hire. The new jobs take %(hours)s of the %(contract)s hours a week those who leave work today: who does the other %(rest)s hours of their work (%(rest_fte)s FTE), or whether they are replaced for it, the company decides; it is not in these figures, and without a replacement those who stay take it on (the work balance says what is left for each role). If the company would not have replaced them anyway (their colleagues absorbing the work), that is no saving, and the plan's net is %(without)s a year."
                        )
                        if per_fte
                        else _(
                            "%(hours)s of them rest on people who leave, whose work the new jobs take on: the business case counts them at their wage cost from year %(year)s (%(value)s a year on average), as part of a replacement the company then need not hire. The new jobs take %(hours)s of the %(contract)s hours a week those who leave work today: who does the other %(rest)s hours of their work, or whether they are replaced for it, the company decides; it is not in these figures. If the company would not have replaced them anyway (their colleagues absorbing the work), that is no saving, and the plan's net is %(without)s a year."
                        )
                    )
                    % rest
                )
            else:
                text += (
                    " "
                    + _(
                        "%(hours)s of them rest on people who leave, whose work the new jobs take on instead of a replacement: the business case counts them at their wage cost from year %(year)s (%(value)s a year on average), the replacement the company then need not hire. If the company would not have replaced them anyway (their colleagues absorbing the work), that is no saving, and the plan's net is %(without)s a year."
                    )
                    % values
                )
            capacity = case.capacity_value_eur_per_year
            if capacity >= 0.5:
                # the net without the replacement still holds the worth of extra capacity:
                # in money paid alone (a reading of the duct maker: "EUR 9,635" where money
                # paid, without the leaver's saved wage, was a cost of about EUR 5,500); the
                # first screen's figure counts the saving, this one not (a reading of the
                # galvaniser read two "money paid" figures as one)
                paid_without = without - capacity
                text += " " + (
                    _(
                        "Without that saving, in money paid alone the plan brings in %(paid)s a year (that net holds %(capacity)s worth of extra capacity, no money saved)."
                    )
                    if paid_without >= 0
                    else _(
                        "Without that saving, in money paid alone the plan costs %(paid)s a year (that net holds %(capacity)s worth of extra capacity, no money saved)."
                    )
                ) % {"paid": money(abs(paid_without), lang), "capacity": money(capacity, lang)}
            first = min(f.from_year for f in leavers)
            late = [j for j in case.jobs if j.from_year > 1]
            if late:
                # a job too small without the leavers' work starts when they go, in the
                # business case too (four readings: wages paid from year 1 for work that
                # exists only after a retirement); the first screen names the jobs
                start = min(j.from_year for j in late)
                horizon = len(case.cash_flow.years) if case.cash_flow else start
                text += " " + (
                    _(
                        "The business case starts the jobs that would be too small without that work in year %(year)s, when those people leave, and counts their wages, subsidies, coaching and the hours they free from then."
                    )
                    if start <= horizon
                    else _(
                        "The jobs that would be too small without that work start in year %(year)s, when those people leave: after the %(years)s years of the business case, so they are not in its figures."
                    )
                ) % {"year": start, "years": horizon}
            # the jobs that start at once: their wages count from year 1, the leavers' hours
            # from their year (two readings: the die caster's and the duct maker's jobs paid
            # in year 1 for work that exists only after a retirement)
            # at the wages of the jobs that hold those hours (`_leaver_wait_wages`)
            if leaver_wait_hours >= 0.05 and leaver_wait_wages > 0 and first > 1:
                text += " " + (
                    _(
                        "The wages count the other new jobs in full from year 1. Until they leave, about %(hours)s of those jobs' hours a week (at the workers' pace) have no work yet: about %(eur)s of wages a year, before subsidies, until year %(year)s. Start that part of them when they leave, or find other work for those hours."
                    )
                    if late
                    else _(
                        "The wages count every new job in full from year 1. Until they leave, about %(hours)s of the jobs' hours a week (at the workers' pace) have no work yet: about %(eur)s of wages a year, before subsidies, until year %(year)s. Start those jobs, or that part of them, when they leave, or find other work for those hours."
                    )
                ) % {
                    "hours": number(leaver_wait_hours, lang, 1),
                    "eur": money(leaver_wait_wages, lang),
                    "year": first,
                }
        coaching = case.coaching_hours_per_week_year1
        per = case.rates.get("coaching_hours_per_week", 0.0)
        later = [j for j in case.jobs if j.from_year > 1]
        if coaching > 0 and later:
            # the jobs that start when people leave are coached in their own first year (a
            # reading of the duct maker: 8 h in year 1 where two of the four jobs start in
            # year 2)
            text += " " + _(
                "In the first year the colleagues who guide the new workers give about %(hours)s hours a week of their own time to it, and %(later)s hours a week in year %(year)s for the jobs that start then (%(per)s hours per new worker; its cost is the line “Coaching by colleagues”): those years free that much less."
            ) % {
                "hours": number(coaching, lang, 1),
                "later": number(len(later) * per, lang, 1),
                "year": min(j.from_year for j in later),
                "per": number(per, lang, 1),
            }
        elif later and per > 0:
            text += " " + _(
                "In year %(year)s, when the new jobs start, the colleagues who guide the new workers give about %(hours)s hours a week of their own time to it (%(per)s hours per new worker; its cost is the line “Coaching by colleagues”): that year frees that much less."
            ) % {
                "hours": number(len(later) * per, lang, 1),
                "year": min(j.from_year for j in later),
                "per": number(per, lang, 1),
            }
        elif coaching > 0:
            # the guiding colleagues work in the roles the jobs take work from: their hours
            # come out of the freed hours in year 1 (priced under coaching, a review: not
            # deducted from the hours the headline frees)
            text += " " + _(
                "In the first year the colleagues who guide the new workers give about %(hours)s hours a week of their own time to it (%(per)s hours per new worker; its cost is the line “Coaching by colleagues”): the first year frees that much less."
            ) % {"hours": number(coaching, lang, 1), "per": number(per, lang, 1)}
        text += _cash_and_capacity(case, lang, _)
        conditions.append(Condition("freed_hours", value, text, net - value < floor))
    if case is not None and subsidy > 0:
        # name only the instruments the plan's jobs use (a review: loondispensatie named
        # where no profile has Wajong)
        used = {j.instrument for j in case.jobs if j.items.get("wage_cost_subsidy", 0.0) > 0}
        if used == {"lks"}:
            text = _(
                "Wage-cost subsidy brings %(amount)s a year: loonkostensubsidie from the municipality (Participatiewet), after a wage-value assessment, for the new workers from the target group."
            )
        elif used == {"loondispensatie"}:
            text = _(
                "Loondispensatie lowers the wage cost by %(amount)s a year: through UWV (Wajong), after a wage-value assessment, for the new workers from the target group."
            )
        else:
            text = _(
                "Wage-cost subsidy and loondispensatie are worth %(amount)s a year together: the municipality pays loonkostensubsidie (Participatiewet); with loondispensatie through UWV (Wajong) the employer pays the wage at the wage value and UWV tops up the worker's income. Both after a wage-value assessment, for the new workers from the target group."
            )
        text = text % {"amount": money(subsidy, lang)}
        if loonwaarde_less >= 0.05:
            # the plan counts the workers' output at their pace, the subsidy pays at a lower
            # loonwaarde (a reading of the garden furniture maker: 55% and 0.8 for one man,
            # in the assumptions only)
            text += " " + _(
                "The plan counts these workers' output at their pace, while the subsidy is for a lower loonwaarde: if the assessment finds the difference is output they do not deliver, the jobs do about %(hours)s standard hours a week less than the plan counts (Costs and benefits says what follows)."
            ) % {"hours": number(loonwaarde_less, lang, 1)}
        conditions.append(Condition("subsidy", subsidy, text, net - subsidy < floor))
    if case is not None and cobot_names:
        years = case.cobot_payback_years
        # within the cells' write-off period, the rate the plan's own test of a cell advised
        # for freed hours reads (`carving.plan._paying`; a diff review: advice.yaml's 5 years
        # beside a model's 7-year write-off gave the plan and the first screen two answers)
        most = case.rates["depreciation_years"]
        slow = years is None or years > most
        if slow:
            # a cobot kept only for the physical risk it takes away is not bought for a job
            # (a review: "only when its work is needed for the new jobs" beside a cobot no
            # job needed); the employer must remove that risk anyway (Arbobesluit art. 5.2)
            text = (
                _(
                    "Buy the cobot (%(model)s, %(investment)s) only where a lifting aid or another change at the workstation cannot remove the physical risk it takes away: that risk must go whatever the plan does, but the cobot does not earn itself back within %(years)s years."
                )
                if cobots_for_risk_only
                else _(
                    "Buy the cobot (%(model)s, %(investment)s) only when its work is needed for the new jobs: it does not earn itself back within %(years)s years."
                )
            ) % {
                "model": ", ".join(cobot_names),
                "investment": money(case.cobot_investment_eur, lang),
                "years": number(most, lang, 0 if float(most).is_integer() else 1),
            }
        else:
            # a risk assessment approves nothing: the cell is an assembly of machinery that
            # its integrator brings into conformity (a review of the CNC report); Regulation
            # (EU) 2023/1230 applies from 20 January 2027 and repeals Directive 2006/42/EC
            text = _(
                "Before people work next to the cobot cell (%(model)s), whoever builds it (the integrator, or the company where it builds the cell itself) issues its EC declaration of conformity (Machinery Directive 2006/42/EC; from 20 January 2027 the EU declaration of conformity of the Machinery Regulation (EU) 2023/1230), on a risk assessment under ISO 10218-2:2025 (which takes in ISO/TS 15066) that includes everyone who works in or near the cell."
            ) % {"model": ", ".join(cobot_names)}
        if slow_for_feed:
            # at the speed allowed near people the feed would have to run slower (a review:
            # a cobot at 18.6 s a wheel behind a coating machine that delivers one every 12 s)
            text += " " + _(
                "At %(units)s the cobot works slower than a person at the speed allowed near people: check that the line delivers no faster than the cobot works; where it does, the supplier shows that a safety scanner lets the arm run faster while nobody is near, or the feed runs longer (the cobot card gives the figures)."
            ) % {"units": join_items(slow_for_feed)}
        # a cell that serves more than one workstation: its card's words (one home)
        for places in cobot_places:
            text += " " + places
        conditions.append(Condition("cobot", case.cobot_investment_eur, text, slow))
    if exposed_jobs and extra_workers > 0:
        # a job that rests on a measurement at its places is a condition of the plan, not
        # only a line on its card (a reading of the hose maker: the COPD worker's job beside
        # the hose saw's rubber dust, and "3 people" on the first screen without a condition)
        conditions.append(
            Condition(
                "exposure",
                0.0,
                (
                    _(
                        "A job rests on a check at its workplaces: other work there raises what the worker's restriction keeps them from (dust or fumes, noise, cold, heat, vehicles; the job card names it): %(jobs)s. Measure the exposure, or check the routes apart from the vehicles, before the job starts; where that fails and the job cannot be kept away from that work, the plan loses that job."
                    )
                    if len(exposed_jobs) == 1
                    else _(
                        "Some jobs rest on a check at their workplaces: other work there raises what the worker's restriction keeps them from (dust or fumes, noise, cold, heat, vehicles; the job card names it): %(jobs)s. Measure the exposure, or check the routes apart from the vehicles, before the jobs start; where that fails and a job cannot be kept away from that work, the plan loses that job."
                    )
                )
                % {"jobs": join_items(exposed_jobs)},
                True,
            )
        )
    if later_shift_jobs and extra_workers > 0:
        # a job in a later shift is a condition of the plan: the coach and a fixed colleague
        # must be there then (a reading of the galvaniser: a young man with a job coach in
        # the late shift until 23:00, only on his card)
        conditions.append(
            Condition(
                "later_shift",
                0.0,
                _(
                    "The new jobs together hold more than one shift's share of work done in every shift, so at least one of them works in a later shift than the first: %(jobs)s (the job cards name the work). Agree the shift with each worker and job coach, with a fixed colleague and the coach there in that shift; where that cannot be arranged, the plan is made again with those jobs in the first shift, where they hold less of that work."
                )
                % {"jobs": join_items(later_shift_jobs)},
                True,
            )
        )
    low = spread.net_eur_per_year.p10 if spread is not None and spread.draws else None
    if low is not None and low < floor and net >= floor:
        conditions.append(
            Condition(
                "possible_loss",
                floor - low,
                _(
                    "Check the task times and volume on the shop floor, and agree with the employer what a freed hour is worth: with less favourable but possible values, in 1 of 10 outcomes the plan loses %(loss)s a year or more."
                )
                % {"loss": money(-low, lang)},
                True,
            )
        )
    conditions.sort(key=lambda c: (-c.critical, -abs(c.at_stake_eur), c.key))
    if extra_workers == 0 or case is None or net < floor:
        verdict = "not_now"
    elif any(c.critical for c in conditions):
        verdict = "go_with_conditions"
    else:
        verdict = "go"
    instruments = {j.instrument for j in case.jobs} if case is not None else set()
    steps = _next_steps(
        verdict,
        extra_workers,
        cobot_names,
        why_no_job,
        _,
        seconded="detachering" in instruments,
        hired=instruments != {"detachering"},
        subsidy=subsidy > 0,
        lkv_ag=_lkv_years(case),
        lang=lang,
        people=people,
        people_known=people_known,
    )
    # the lifting risks come before the reasons why a profile has no job (those close the
    # list in `_next_steps`): a risk is a step, a reason is not (a review of the CNC report)
    risks: tuple[str, ...] = ()
    if heavy_work:
        # lifting nobody does safely stays an open risk whatever the plan does (a review:
        # 80 h of hand turning at FM 0 was in no step); Arbobesluit art. 5.2-5.3
        risks += (
            _(
                "Redesign the lifting nobody does safely, whoever does it now: %(tasks)s. A lifting aid, a machine or a changed process; the employer's duty with or without this plan (Arbobesluit art. 5.2-5.3)."
            )
            % {"tasks": join_items(heavy_work)},
        )
    if lifting_left:
        # a lifting index above 1 is NIOSH's signal to redesign the lift, whoever lifts (a
        # review: the saw's bars at 2.0 stayed "as today" in a table and in no step)
        risks += (
            _(
                "Lower the lifting risk that stays with the people who lift after this plan, each with the remedy the table of lifting risks names: %(units)s. The employer's duty with or without this plan (Arbobesluit art. 5.2-5.3)."
            )
            % {"units": join_items(lifting_left)},
        )
    if repetitive_left:
        # KIM-MHO's highest band calls for redesign whoever does the work (a review: 80 h of
        # tray loading at demand 4 stayed with the packers, in no step)
        risks += (
            _(
                "Redesign the repetitive hand-arm work in the highest risk band that people still do after this plan, whoever does it: %(units)s. Longer cycles, rotation with other work, a machine or a cobot; the employer's duty with or without this plan (Arbobesluit art. 5.2-5.3, KIM-MHO)."
            )
            % {"units": join_items(repetitive_left)},
        )
    tail = len(why_no_job)
    if (
        risks
        and tail
        and steps[-tail:] == tuple(why_no_job)
        and _ends_with_why(verdict, extra_workers)
    ):
        steps = steps[:-tail] + risks + steps[-tail:]
    else:
        steps += risks
    return Advice(verdict, tuple(conditions), steps)


def _ends_with_why(verdict: str, workers: int) -> bool:
    """Whether `_next_steps` ends with the reasons why a profile has no job (every branch
    but the one without any job)."""
    return not (verdict == "not_now" and workers == 0)


def _next_steps(
    verdict: str,
    workers: int,
    cobots: tuple[str, ...],
    why_no_job: tuple[str, ...],
    _: Gettext,
    seconded: bool = False,
    hired: bool = True,
    subsidy: bool = True,
    lkv_ag: tuple[float, int] = (0.0, 0),
    lang: str = "en",
    people: int = 0,
    people_known: bool = False,
) -> tuple[str, ...]:
    """`seconded`: some job is a secondment (detachering); `hired`: some job is a hire, for
    which the employer service point brings candidates, the no-risk policy and (`subsidy`:
    some job gets one) the wage-cost subsidy; `lkv_ag`: the LKV for a disabled worker a
    year, which needs a doelgroepverklaring applied for in time; `people`: the company's
    people (`people_known`: the model's `company.employees`), else the headcount the model's
    roles give (a lower bound of the company's), for who is consulted."""
    if not _ends_with_why(verdict, workers):
        # no job: say why, not that it costs more than it brings
        steps = [*why_no_job] if why_no_job else [_("No new job can be made from this model.")]
        steps.append(
            _(
                "Look on the shop floor for what would change that (a support, a confirmed split, a declared use for freed hours) and run the analysis again."
            )
        )
        if cobots:
            steps.append(
                _("Decide on the cobot on its own merits: it makes no new job in this plan.")
            )
        return tuple(steps)
    if verdict == "not_now":
        steps = [
            _("Do not start with this plan as it stands: it costs more than it brings."),
            _(
                "Compare the scenarios (jobcarve compare), for example without a cobot or with fewer splits, and look for a version that pays."
            ),
            _(
                "Check the figures that weigh most (task times, volume, the value of freed hours) with the team leader."
            ),
        ]
        return tuple(steps)
    steps = [
        _(
            "Walk through the new jobs and the split tasks on the shop floor with the team leader and the staff who do the work now."
        ),
        # a works council is required from 50 people (WOR art. 2), a staff representation
        # (PVT) is possible from 10 (art. 35c); the model knows the people it models only
        _("Discuss the plan with the staff and the works council (OR) before anything changes.")
        if people >= thresholds().values["works_council_min_people"]
        # the company's own size, where the model gives it (a reading of the glass decorator:
        # "the works council from 50 people" for a company of 35)
        else _(
            "Discuss the plan with the staff and their representation before anything changes: with fewer than %(n)s people the company needs no works council (OR), so the staff representation (PVT) where there is one, else a staff meeting."
        )
        % {"n": number(thresholds().values["works_council_min_people"], lang, 0)}
        if people_known
        else _(
            "Discuss the plan with the staff and their representation before anything changes: the works council (OR) from 50 people, else the staff representation (PVT) or a staff meeting."
        ),
    ]
    if workers and hired:
        steps.append(
            _(
                "Ask the employer service point (werkgeversservicepunt) of your region for candidates, wage-cost subsidy and job coaching; check with each candidate that the no-risk policy of UWV (no-riskpolis) covers their sick pay: it holds without an application for people in the target group register and those with a Wajong, WIA, WAO or WAZ benefit (uwv.nl)."
            )
            if subsidy
            else _(
                "Ask the employer service point (werkgeversservicepunt) of your region for candidates and job coaching; check with each candidate that the no-risk policy of UWV (no-riskpolis) covers their sick pay: it holds without an application for people in the target group register and those with a Wajong, WIA, WAO or WAZ benefit (uwv.nl)."
            )
        )
    if workers and hired:
        # a trial placement lets both sides see whether the carved job works before the
        # contract (a review of the packaging example missed it); UWV's Beleidsregels
        # proefplaatsing, and the municipality for Participatiewet benefits (uwv.nl, awvn.nl)
        steps.append(
            _(
                "Where a candidate has a benefit, consider a trial placement (proefplaatsing) before the contract: up to 2 months of work with the benefit kept and no wage, with the consent of UWV (WW, Ziektewet, WIA, WAO, WAZ, Wajong) or of the municipality (Participatiewet). UWV asks the employer to state the intention of a contract of at least 6 months for at least the same hours and to insure the worker's liability; no probation period is agreed after it (uwv.nl)."
            )
        )
    if workers and hired and subsidy:
        # the subsidy follows a wage-value assessment at the workplace, after the start
        # (Regeling LKS 2021 art. 3; UWV for Wajong loondispensatie)
        steps.append(
            _(
                "Have the loonwaarde assessed at the workplace (loonwaardebepaling) once each new worker has started: by the municipality for loonkostensubsidie, by UWV for loondispensatie. The subsidy follows that assessment; the loonwaarde in this plan is an estimate until then."
            )
        )
    if workers and lkv_ag[0] > 0:
        # Wtl: the doelgroepverklaring is applied for within three months of the start
        # (since 1 October 2020; axis-accountants.com), else the LKV is lost
        steps.append(
            (
                _(
                    "Have the worker with a disability benefit (or the company, with the worker's authorisation) apply to UWV for the doelgroepverklaring within three months of the first working day: without it the LKV (%(amount)s a year for %(years)s years, as in the cash flow) is lost."
                )
                if lkv_ag[1] != 1
                else _(
                    "Have the worker with a disability benefit (or the company, with the worker's authorisation) apply to UWV for the doelgroepverklaring within three months of the first working day: without it the LKV (%(amount)s for the first year, as in the cash flow) is lost."
                )
            )
            % {"amount": money(lkv_ag[0], lang), "years": lkv_ag[1]}
        )
    if seconded:
        steps.append(
            _(
                "Agree the secondment (detachering) with the sociaal werkbedrijf in writing: the fee per hour worked that the business case uses, the job coaching it provides, cover when the worker is ill, and whether and when the worker may join the company."
            )
        )
    if cobots:
        steps.append(
            _(
                "Ask integrators for quotations for the cobot cell before you order: the robot with the link to the machine or line, grippers for the parts, programming and training, and the declaration of conformity of the cell."
            )
        )
    steps.append(
        _("Arrange the supports named on the job cards and name a coach for every new worker.")
    )
    if workers:
        # the plan knows tasks and demands, not the machines' energy or the hall's hazards:
        # the risk assessment of the new jobs is the employer's (Arbowet art. 5 and 8)
        steps.append(
            _(
                "Update the risk inventory and evaluation (RI&E) for the new jobs before anyone starts: every task on a job card with its machines and hazards, and the instruction and supervision each new worker needs (Arbowet art. 5 and 8)."
            )
        )
    # a profile left without a job beside the others: why (the reader asks)
    steps += why_no_job
    return tuple(steps)


def payback_text(case: BusinessCase, lang: str, _: Gettext) -> str:
    """The cobots' payback in words (one home for the first screen and the business case)."""
    if not case.cobots:
        return _("no cobot in the plan")
    if not case.cobot_investment_eur:
        return _("no investment to pay back")
    if case.cobot_payback_years is None:
        return _("does not pay back")
    return _("%(years)s years") % {"years": fixed(case.cobot_payback_years, lang, 1)}


def paid_payback_note(case: BusinessCase, lang: str, _: Gettext) -> str:
    """Where part of the cobots' value is the worth of extra capacity (vacancy hours, work
    left undone), their payback on the money paid alone, else "" (a review: "3.9 years"
    on the first screen for a cobot whose whole value was vacancy hours, which never pays
    back in money). One home for the first screen and the business case."""
    if not case.cobot_investment_eur or case.cobot_capacity_eur_per_year < 0.5:
        return ""
    years = case.cobot_paid_payback_years
    if years is None:
        return _(
            "from the worth of freed hours, %(capacity)s a year of it extra capacity; in money paid the investment is not earned back"
        ) % {"capacity": money(case.cobot_capacity_eur_per_year, lang)}
    return _(
        "from the worth of freed hours, %(capacity)s a year of it extra capacity; in money paid %(years)s years"
    ) % {
        "capacity": money(case.cobot_capacity_eur_per_year, lang),
        "years": fixed(years, lang, 1),
    }


def _lkv_years(case: BusinessCase | None) -> tuple[float, int]:
    """The LKV for a disabled worker a year, and the years it is paid, from the cash flow
    (its one home; a review read an average over the horizon here beside the yearly amount
    in the cash flow)."""
    flow = case.cash_flow if case is not None else None
    if flow is None:
        return 0.0, 0
    paid = [y.items.get("lkv_arbeidsgehandicapt", 0.0) for y in flow.years]
    paid = [p for p in paid if p > 0.005]
    return (paid[0], len(paid)) if paid else (0.0, 0)
