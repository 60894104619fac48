"""The business case of a plan: what the new jobs and cobots cost and bring, year by year.

Defaults come from ``task_catalogs/economics.yaml`` (each with its source and date, or
marked policy/estimate); a model's ``economics:`` block overrides any of them. Amounts are
euros. docs/method.md ("Business case") states every formula; in short, per carved job of
h paid hours a week (the hours already include the profile's slower pace):

* wage cost = h x paid weeks (52.14) x WML x (1 + holiday pay) x (1 + employer charges);
* the wage instrument of the job's profile, on its loonwaarde LW (the profile's
  ``loonwaarde``, else pace x quality factor): loonkostensubsidie = min(1 - LW, cap) x h x
  paid weeks x WML x (1 + holiday pay) x (1 + 23.5%), or Wajong loondispensatie =
  (1 - LW) x h x paid weeks x WML x (1 + holiday pay) x (1 + employer charges) when LW is
  at most 75%, or nothing. Pace lengthens the hours and the subsidy pays for the slower
  pace once: with LW = pace the employer pays for the standard hours the work takes;
* a seconded job (detachering) instead: h x production weeks x the fee agreed with the
  sociaal werkbedrijf, which stays the employer (no subsidy, LKV or job coach here);
* LKV banenafspraak = min(EUR 1.01 x h x paid weeks, EUR 2,000) for profiles with an
  instrument (they are in the doelgroepregister);
* coaching by a colleague in year 1; an external job coach for jobs that need one, 15% /
  7.5% / 6% of the worked hours in years 1-3, and its reimbursement; supports bought in
  year 1 and the reimbursement of individual provisions;
* cobots: the investment in year 1 (depreciation in the yearly view) and maintenance;
* the value of freed hours, by where each hour goes (the work balance,
  `jobcarve.carving.balance`): an open vacancy filled (the stated contribution, else the
  role's wage cost), overtime no longer worked (role cost x (1 + CAO surcharge)), agency
  hours no longer hired (role cost x (1 + agency premium)), backlog taken on (the stated
  margin, else nothing), leavers not replaced (the role's cost, from year 2); hours no use
  absorbs are worth nothing. Freed hours count in production weeks; year 1 counts the
  ramp-up share.

`business_case` gives the yearly lines (the average year over the horizon, so that the
lines times the horizon equal the cash flow's total when depreciation runs over the
horizon), the cash flow per year with NPV and payback year, the case per carved job and
per cobot, and the sensitivity (break-even value of a freed hour, tornado).

The package splits it by concept: `defaults` (the rates, defaults with overrides; not
named ``rates`` so the module does not shadow the function), `lines` (formula parts, case
lines), `figures` (what a plan gives), `freed` (value of freed hours), `money` (per-job
amounts), `case_lines` (the yearly lines), `case` (`business_case`), `sensitivity`.
"""

from jobcarve.economics.case import BusinessCase, CashFlow, CobotCase, JobCase, Year, business_case
from jobcarve.economics.defaults import Rates, SupportPrice, rates
from jobcarve.economics.figures import (
    EMPTY,
    CobotFigures,
    JobFigures,
    PlanFigures,
    figures_from_assignment,
    plan_balance,
    plan_figures,
    scaled_figures,
)
from jobcarve.economics.freed import FreedValue, role_cost, value_freed_hours
from jobcarve.economics.lines import LINE_KEYS, N_, CaseLine, Part, english
from jobcarve.economics.money import profile_loonwaarde
from jobcarve.economics.sensitivity import (
    TORNADO_BARS,
    TORNADO_INPUTS,
    Sensitivity,
    TornadoBar,
    sensitivity_of,
)

__all__ = [
    "EMPTY",
    "LINE_KEYS",
    "N_",
    "TORNADO_BARS",
    "TORNADO_INPUTS",
    "BusinessCase",
    "CaseLine",
    "CashFlow",
    "CobotCase",
    "CobotFigures",
    "FreedValue",
    "JobCase",
    "JobFigures",
    "Part",
    "PlanFigures",
    "Rates",
    "Sensitivity",
    "SupportPrice",
    "TornadoBar",
    "Year",
    "business_case",
    "english",
    "figures_from_assignment",
    "plan_balance",
    "plan_figures",
    "profile_loonwaarde",
    "rates",
    "role_cost",
    "scaled_figures",
    "sensitivity_of",
    "value_freed_hours",
]
