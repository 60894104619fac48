"""The value of freed hours, by where they go (the work balance's uses)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from jobcarve.carving.balance import USES, RoleBalance, vacancy_cover
from jobcarve.economics.lines import N_, Part
from jobcarve.model import Role

# ---------------------------------------------------------------------------------------
# The value of freed hours, by destination.


@dataclass(frozen=True)
class FreedValue:
    """The yearly value (a full year at full pace) of one role's hours going to one use."""

    role: str
    use: str  # a key of USES, or "displaced"
    hours_per_week: float
    eur_per_hour: float
    part: Part
    from_year: int = 1
    #: hours the jobs that start when people leave free (`late_split`), from their year
    with_late_jobs: bool = False

    @property
    def eur_per_year_full(self) -> float:
        return self.hours_per_week * self.eur_per_hour


#: uses of freed hours whose value is money the company pays today or would pay (overtime,
#: agency hours, a leaver's replacement); the others (vacancies, backlog) are worth what the
#: company makes of the extra capacity, no money saved (the advice says which is which)
PAID_USES = ("overtime", "agency", "leavers")


def role_cost(role: Role, v: dict[str, float]) -> float:
    """The role's employer cost per hour (the model's figure, else the sourced default)."""
    return role.wage_cost_eur_per_hour or v["default_role_wage_cost_eur_per_hour"]


def _agency_rate(role: Role, cost: float, v: dict[str, float]) -> float:
    """What an agency hour no longer hired saves: the role's invoice rate where the model
    gives it, else its cost x (1 + the agency premium)."""
    rate = role.agency_rate_eur_per_hour
    return rate if rate is not None else cost * (1 + v["agency_premium_share"])


def _overtime_rate(cost: float, v: dict[str, float]) -> float:
    """What an overtime hour no longer worked saves: the role's cost x (1 + the surcharge)."""
    return cost * (1 + v["overtime_surcharge_share"])


def _season(b: RoleBalance, use: str, weeks_per_year: float) -> float:
    """The weeks a year the role's ``use`` (agency hours, overtime) runs: its season where
    the model declares one (`RoleBalance.seasonal`), else every production week."""
    return min(b.seasonal.get(use, weeks_per_year), weeks_per_year)


def _agency_value(
    hours: float,
    b: RoleBalance,
    role: Role,
    cost: float,
    v: dict[str, float],
    weeks_per_year: float,
) -> tuple[float, Part]:
    """What an agency hour no longer hired is worth per production week, and its formula:
    the invoice rate the model states, else the role's cost x (1 + the agency premium); for
    agency hours hired only in a season, that share of the production weeks (a new job takes
    the work all year, the agency hours go only in season)."""
    rate = role.agency_rate_eur_per_hour
    each = _agency_rate(role, cost, v)
    values: tuple[tuple[str, str, float | str], ...] = (
        ("hours", "hours", hours),
        ("role", "role", b.role),
    ) + (
        (("rate", "eur", rate),)
        if rate is not None
        else (("cost", "eur", cost), ("premium", "share", v["agency_premium_share"]))
    )
    season = _season(b, "agency", weeks_per_year)
    if season < weeks_per_year:
        values += (("season", "weeks", season), ("weeks", "weeks", weeks_per_year))
    # the four formulas as whole sentences, so that each is translated as one
    template = {
        (True, False): N_("%(hours)s h/week less agency work (%(role)s) x %(rate)s invoice rate"),
        (False, False): N_(
            "%(hours)s h/week less agency work (%(role)s) x %(cost)s x (1 + %(premium)s)"
        ),
        (True, True): N_(
            "%(hours)s h/week less agency work (%(role)s) x %(rate)s invoice rate x %(season)s/%(weeks)s weeks (agency hours in season only)"
        ),
        (False, True): N_(
            "%(hours)s h/week less agency work (%(role)s) x %(cost)s x (1 + %(premium)s) x %(season)s/%(weeks)s weeks (agency hours in season only)"
        ),
    }[(rate is not None, season < weeks_per_year)]
    return each * season / weeks_per_year, Part(template, values)


def _vacancy_cover(
    hours: float, b: RoleBalance, role: Role, cost: float, v: dict[str, float]
) -> list[FreedValue]:
    """The freed hours that fill a role's vacancies and end the overtime and agency hours
    covering them today (`Role.vacancy_overtime_hours_per_week`, then
    `vacancy_agency_hours_per_week`), valued as overtime no longer paid and agency hours no
    longer hired; the rest of ``hours`` fills the vacancies' uncovered work (a reading of
    the kitchen case: 12 h of welders' overtime a week covered part of a vacancy, and was
    valued as capacity, not as the money it costs)."""
    out: list[FreedValue] = []
    cover = vacancy_cover(role, hours)
    overtime, agency = cover["overtime"], cover["agency"]
    if overtime > 1e-9:
        out.append(
            FreedValue(
                b.role,
                "overtime",
                overtime,
                _overtime_rate(cost, v),
                Part(
                    N_(
                        "%(hours)s h/week less overtime that covers a vacancy (%(role)s) x %(cost)s x (1 + %(surcharge)s)"
                    ),
                    (
                        ("hours", "hours", overtime),
                        ("role", "role", b.role),
                        ("cost", "eur", cost),
                        ("surcharge", "share", v["overtime_surcharge_share"]),
                    ),
                ),
            )
        )
    if agency > 1e-9:
        rate = role.agency_rate_eur_per_hour
        said: tuple[tuple[str, str, float | str], ...] = (
            ("hours", "hours", agency),
            ("role", "role", b.role),
        )
        out.append(
            FreedValue(
                b.role,
                "agency",
                agency,
                _agency_rate(role, cost, v),
                Part(
                    N_(
                        "%(hours)s h/week less agency work that covers a vacancy (%(role)s) x %(rate)s invoice rate"
                    ),
                    (*said, ("rate", "eur", rate)),
                )
                if rate is not None
                else Part(
                    N_(
                        "%(hours)s h/week less agency work that covers a vacancy (%(role)s) x %(cost)s x (1 + %(premium)s)"
                    ),
                    (*said, ("cost", "eur", cost), ("premium", "share", v["agency_premium_share"])),
                ),
            )
        )
    return out


def value_freed_hours(
    balances: Iterable[RoleBalance],
    roles: Sequence[Role],
    v: dict[str, float],
    weeks_per_year: float,
) -> list[FreedValue]:
    """What each role's freed hours are worth per production week (of ``weeks_per_year``),
    use by use.

    The value of an hour (euros, times ``freed_hour_value_factor``):

    * ``vacancies``: the role's ``vacancy_value_eur_per_hour``, else its wage cost x
      ``vacancy_value_factor``; the first of them end the overtime and agency hours that
      cover the vacancies today (``vacancy_overtime_hours_per_week``,
      ``vacancy_agency_hours_per_week``), valued as those (`_vacancy_cover`);
    * ``overtime``: wage cost x (1 + ``overtime_surcharge_share``); overtime worked only in
      a season (``overtime_weeks_per_year``) is saved only in its weeks, as seasonal agency
      hours are;
    * ``agency``: the role's ``agency_rate_eur_per_hour`` (the invoice rate), else wage cost
      x (1 + ``agency_premium_share``); agency hours hired only in a
      season (``agency_weeks_per_year``) are saved only in its weeks, so the hour counts
      that share of the production weeks;
    * ``backlog``: the role's ``backlog_margin_eur_per_hour``, else 0;
    * ``leavers``: wage cost x paid weeks / production weeks (the replacement not hired, a
      salary paid in every week of the year), from ``leavers_from_year``;
    * hours no use absorbs (displaced): 0.
    """
    by_id = {r.id: r for r in roles}
    scale = v["freed_hour_value_factor"]
    out: list[FreedValue] = []
    for b in balances:
        role = by_id.get(b.role)
        if role is None:
            continue
        cost = role_cost(role, v)
        for use in USES:
            hours = b.absorbed.get(use, 0.0)
            if hours <= 0:
                continue
            start = 1
            if use == "vacancies":
                for cover in _vacancy_cover(hours, b, role, cost, v):
                    out.append(replace(cover, eur_per_hour=cover.eur_per_hour * scale))
                    hours -= cover.hours_per_week
                if hours <= 1e-9:
                    continue
                if role.vacancy_value_eur_per_hour is not None:
                    each = role.vacancy_value_eur_per_hour
                    part = Part(
                        N_("%(hours)s h/week fill vacancies (%(role)s) x %(value)s stated value"),
                        (
                            ("hours", "hours", hours),
                            ("role", "role", b.role),
                            ("value", "eur", each),
                        ),
                    )
                else:
                    each = cost * v["vacancy_value_factor"]
                    part = Part(
                        N_(
                            "%(hours)s h/week fill vacancies (%(role)s) x %(cost)s wage cost x %(factor)s"
                        ),
                        (
                            ("hours", "hours", hours),
                            ("role", "role", b.role),
                            ("cost", "eur", cost),
                            ("factor", "number", v["vacancy_value_factor"]),
                        ),
                    )
            elif use == "overtime":
                each = _overtime_rate(cost, v)
                said: tuple[tuple[str, str, float | str], ...] = (
                    ("hours", "hours", hours),
                    ("role", "role", b.role),
                    ("cost", "eur", cost),
                    ("surcharge", "share", v["overtime_surcharge_share"]),
                )
                season = _season(b, "overtime", weeks_per_year)
                if season < weeks_per_year:
                    # overtime of a seasonal peak is saved only in its weeks, as seasonal
                    # agency hours are (a review: Saturday overtime in the autumn peak)
                    each *= season / weeks_per_year
                    part = Part(
                        N_(
                            "%(hours)s h/week less overtime (%(role)s) x %(cost)s x (1 + %(surcharge)s) x %(season)s/%(weeks)s weeks (overtime in season only)"
                        ),
                        (*said, ("season", "weeks", season), ("weeks", "weeks", weeks_per_year)),
                    )
                else:
                    part = Part(
                        N_(
                            "%(hours)s h/week less overtime (%(role)s) x %(cost)s x (1 + %(surcharge)s)"
                        ),
                        said,
                    )
            elif use == "agency":
                each, part = _agency_value(hours, b, role, cost, v, weeks_per_year)
            elif use == "backlog":
                each = role.backlog_margin_eur_per_hour or 0.0
                part = (
                    Part(
                        N_(
                            "%(hours)s h/week of work now left undone, done (%(role)s) x %(margin)s margin"
                        ),
                        (
                            ("hours", "hours", hours),
                            ("role", "role", b.role),
                            ("margin", "eur", each),
                        ),
                    )
                    if role.backlog_margin_eur_per_hour is not None
                    else Part(
                        N_(
                            "%(hours)s h/week of work now left undone, done (%(role)s): no margin stated, 0"
                        ),
                        (("hours", "hours", hours), ("role", "role", b.role)),
                    )
                )
            else:  # leavers
                # a replacement not hired is a salary not paid in every week of the year, as
                # the new workers' wages are (two readings: the leavers' saving over 46
                # production weeks beside the new wages over 52.14 paid weeks); per
                # production week that is the paid weeks' share
                paid = v["paid_weeks_per_year"]
                each = cost * paid / weeks_per_year
                start = int(v["leavers_from_year"])
                part = Part(
                    N_(
                        "%(hours)s h/week replace leavers (%(role)s) x %(cost)s wage cost x %(paid)s/%(weeks)s weeks (a salary is paid in every week of the year), from year %(year)s"
                    ),
                    (
                        ("hours", "hours", hours),
                        ("role", "role", b.role),
                        ("cost", "eur", cost),
                        ("paid", "weeks", paid),
                        ("weeks", "weeks", weeks_per_year),
                        ("year", "count", float(start)),
                    ),
                )
            out.append(FreedValue(b.role, use, hours, each * scale, part, start))
        if b.displaced_hours_per_week > 0:
            out.append(
                FreedValue(
                    b.role,
                    "displaced",
                    b.displaced_hours_per_week,
                    0.0,
                    Part(
                        N_("%(hours)s h/week displaced (%(role)s): no value"),
                        (("hours", "hours", b.displaced_hours_per_week), ("role", "role", b.role)),
                    ),
                )
            )
    return out


def late_split(
    full: Sequence[FreedValue], before: Sequence[FreedValue], year: int, ramp_share: float
) -> list[FreedValue]:
    """The freed hours' values of a plan whose jobs too small without the work that waits
    for people leaving start when they go (`JobFigures.starts_when_they_leave`): ``full``
    valued with every job, ``before`` without those jobs (`less_released`). Each value of
    ``full`` keeps from its own year the hours ``before`` has of it (same role, use and
    value per hour); the rest counts from ``year`` (or its own later year), marked
    `FreedValue.with_late_jobs`: the late jobs free it, at ``ramp_share`` (the ramp-up) in
    their first year."""
    ramp: tuple[str, str, float | str] = ("ramp", "share", ramp_share)
    left = [b.hours_per_week for b in before]
    out: list[FreedValue] = []
    for f in full:
        early = 0.0
        for i, b in enumerate(before):
            if (b.role, b.use) == (f.role, f.use) and abs(b.eur_per_hour - f.eur_per_hour) < 1e-9:
                take = min(left[i], f.hours_per_week - early)
                left[i] -= take
                early += take
        late = f.hours_per_week - early
        if late <= 1e-6:
            out.append(f)
            continue
        if early > 1e-6:
            out.append(_with_hours(f, early))
        rest = _with_hours(f, late)
        start: tuple[str, str, float | str] = ("from", "count", float(max(year, f.from_year)))
        note = (
            # a use counted from the leavers' year anyway (their replacement) says its year
            Part(
                N_("(with the jobs that start then, at %(ramp)s in year %(from)s)"),
                (ramp, start),
            )
            if f.from_year >= year
            else Part(
                N_(
                    "from year %(from)s, with the jobs that start when people leave, at %(ramp)s in that year"
                ),
                (start, ramp),
            )
        )
        out.append(
            replace(
                rest,
                from_year=max(year, f.from_year),
                with_late_jobs=True,
                part=replace(rest.part, then=note),
            )
        )
    return out


def _with_hours(f: FreedValue, hours: float) -> FreedValue:
    """``f`` for ``hours`` a week, its formula's hours too."""
    values = tuple(
        (name, kind, hours if name == "hours" else value) for name, kind, value in f.part.values
    )
    return replace(f, hours_per_week=hours, part=replace(f.part, values=values))
