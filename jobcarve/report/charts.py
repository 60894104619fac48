"""Chart geometry, as coordinates the templates draw.

The hours chart, the task board's lanes, the business case's tornado and the comparison
report's difference charts.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import networkx as nx

from jobcarve.carving.plan import Plan
from jobcarve.economics import BusinessCase
from jobcarve.formatting import money, number, part_name, percent
from jobcarve.model import ProcessModel, Role
from jobcarve.report.cards import JobCard
from jobcarve.report.labels import Gettext
from jobcarve.results import Analysis, Fit, TaskResult, Unit


@dataclass(frozen=True)
class Bar:
    label: str
    before: str
    after: str
    y: float
    before_width: float
    after_width: float
    hard_to_fill: bool


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    label_width: int
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, str], ...]


@dataclass(frozen=True)
class BoardTask:
    step: int
    name: str
    verdict: str
    verdict_label: str
    hours: str
    after: str
    holders: str


@dataclass(frozen=True)
class Lane:
    """One role's tasks in process order (the task board, a swimlane per role)."""

    role: str
    hard_to_fill: bool
    tasks: tuple[BoardTask, ...]
    #: the role's hours today, as the work balance gives them (its rows rounded each on its
    #: own may add up to a few tenths more or less)
    hours: str = ""


@dataclass(frozen=True)
class TornadoRow:
    label: str
    range: str
    y: float
    low_rect_x: float  # the bar from the base to the net with the input at its low end
    low_rect_width: float
    high_rect_x: float  # ... and at its high end
    high_rect_width: float
    low_x: float
    high_x: float
    net_low: str
    net_high: str
    low_worse: bool


@dataclass(frozen=True)
class TornadoChart:
    width: int
    height: int
    label_width: int
    base_x: float
    base: str
    rows: tuple[TornadoRow, ...]
    #: why a bar goes the way a reader would not expect
    notes: tuple[str, ...] = ()


def tornado_label(key: str, _: Gettext) -> str:
    """The label of a sensitivity input."""
    labels = {
        "loonwaarde_scale": _("loonwaarde of the profiles"),
        "freed_hour_value_factor": _("value of a freed hour"),
        "hours_scale": _("hours of the plan"),
        "cobot_cell_cost_eur": _("cost of a cobot cell"),
        "minimum_wage_eur_per_hour": _("hourly wage paid"),
        "employer_charges_share": _("employer charges"),
        "coaching_hours_per_week": _("coaching hours per week"),
        "jobcoach_rate_eur_per_hour": _("job coach rate"),
        "jobcoach_reimbursed_share": _("share of the job coach reimbursed"),
        "support_reimbursed_share": _("share of supports reimbursed"),
        "ramp_up_year1_share": _("productivity in year 1"),
        "vacancy_value_factor": _("value of vacancy work"),
        "agency_premium_share": _("agency premium"),
        "cobot_maintenance_eur_per_year": _("cobot maintenance"),
    }
    return labels.get(key, key)


def _input_range(key: str, low: float, high: float, lang: str) -> str:
    """A sensitivity input's range. The wage bar moves every wage paid by the same share
    (the statutory minimum's range over its floor): a CAO or youth wage is paid neither end
    of the minimum's range in euros, so the range is the rise (a diff review)."""
    if key == "minimum_wage_eur_per_hour" and low > 0:
        return f"+{percent(0.0, lang, 0)} – +{percent(high / low - 1, lang, 0)}"
    return f"{_input_value(key, low, lang)} – {_input_value(key, high, lang)}"


def _input_value(key: str, value: float, lang: str) -> str:
    """A sensitivity input's value: a percentage, an amount or a number."""
    if key.endswith(("_share", "_scale", "_factor")):
        return percent(value, lang, 0)
    if key.endswith(("_eur", "_per_hour", "_per_year")):
        return money(value, lang, cents=value < 100)
    return number(value, lang, 1)


def _tornado(case: BusinessCase, lang: str, _: Gettext) -> TornadoChart | None:
    s = case.sensitivity
    if s is None or not s.tornado:
        return None
    label_w, plot_w, row_h, margin = 230, 440, 30, 80
    base = s.base_net_eur_per_year
    reach = max(max(abs(b.net_at_low - base), abs(b.net_at_high - base)) for b in s.tornado)
    scale = (plot_w / 2 - margin) / reach if reach > 0 else 0.0
    centre = label_w + plot_w / 2
    rows = []
    for i, bar in enumerate(s.tornado):
        low_x = centre + (bar.net_at_low - base) * scale
        high_x = centre + (bar.net_at_high - base) * scale
        rows.append(
            TornadoRow(
                label=tornado_label(bar.key, _),
                range=_input_range(bar.key, bar.low_value, bar.high_value, lang),
                y=round(8 + i * row_h, 1),
                low_rect_x=round(min(low_x, centre), 1),
                low_rect_width=round(abs(low_x - centre), 1),
                high_rect_x=round(min(high_x, centre), 1),
                high_rect_width=round(abs(high_x - centre), 1),
                low_x=round(low_x, 1),
                high_x=round(high_x, 1),
                net_low=money(bar.net_at_low, lang),
                net_high=money(bar.net_at_high, lang),
                low_worse=bar.net_at_low < bar.net_at_high,
            )
        )
    notes = []
    for bar in s.tornado:
        if bar.key == "hours_scale" and max(bar.net_at_low, bar.net_at_high) < base - 0.5:
            notes.append(
                _(
                    "More and fewer hours of the plan both lower the result: the plan already uses the room its roles have, so more hours would be work nobody needs (worth nothing), and fewer free less."
                )
            )
        if bar.key == "loonwaarde_scale" and bar.net_at_high < base - 0.5:
            notes.append(
                _(
                    "A higher loonwaarde lowers the result: the wage-cost subsidy falls while the wage stays what it is; what the new workers produce is already in the value of the freed hours."
                )
            )
    return TornadoChart(
        width=label_w + plot_w,
        height=16 + row_h * len(rows),
        label_width=label_w,
        base_x=round(centre, 1),
        base=money(base, lang),
        rows=tuple(rows),
        notes=tuple(notes),
    )


#: demand dimensions on which a gap says the work is too heavy or too fast for a profile,
#: not that it takes skill (a review: 80 h of tray loading at repetitive demand 4 and pace 4
#: called "skilled work" on the task board)
PHYSICAL_OR_PACE = frozenset(
    ("lifting", "pushing_pulling", "repetitive_hand_arm", "posture_mobility", "pace")
)

#: the task board's kinds of work and the class (colour and symbol) each is drawn in: the
#: kinds below a class say why no profile does the work
KIND_CLASS = {
    "fits": "fits",
    "support": "support",
    "split": "split",
    "cobot": "cobot",
    "skilled": "skilled",
    "demanding": "skilled",
    "kept": "skilled",
    "heavy": "heavy",
    "repetitive": "heavy",
}


def _task_verdict(task: TaskResult, on_cobot: set[str], repetitive: int = 4) -> str:
    """The task's kind of work on the task board (a key of `KIND_CLASS`). ``repetitive``:
    carving.ergonomic_risk_repetitive_demand, the repetition demand that is a risk for
    anyone (KIM-MHO's highest band)."""
    # a cobot's task is one it takes whole; where it takes some parts, the task's own kind
    # stands and the holders name the cobot's parts (a reading of the medicine packer:
    # "line end, cobot, 94.8 h" where the cobot took 16.7 h of it)
    if task.units and all(u.id in on_cobot for u in task.units):
        return "cobot"
    fits = [f.verdict for f in task.fit.values()]
    if "fits" in fits:
        return "fits"
    if "fits_with_support" in fits:
        return "support"
    if "needs_split" in fits:
        return "split"
    # dangerous work is kept out of new jobs whatever else it demands (a review read "too
    # demanding" on cutting bale film with a hook knife in peat dust)
    if any(r.key == "fit.dangerous_work" for f in task.fit.values() for r in f.reasons):
        return "kept"
    # no profile, and a lift nobody does safely (LI >= 3, or not rated): not "skilled work"
    # but work to redesign (a review: 80 h of hand turning at FM 0 called skilled work)
    if task.units and all(
        u.lifting_risk is not None and u.lifting_risk.level in ("high", "not_rated")
        for u in task.units
    ):
        return "heavy"
    if task.units and all(
        u.demands.get("repetitive_hand_arm", 0) >= repetitive for u in task.units
    ):
        return "repetitive"
    blocking = {g.dimension for f in task.fit.values() for g in f.gaps if g.closed_by is None}
    if not task.fit or blocking - PHYSICAL_OR_PACE:
        return "skilled"
    return "demanding" if blocking else "kept"


def _chart(
    process: ProcessModel, plan: Plan | None, lang: str, titles: list[str] | None = None
) -> Chart:
    from jobcarve.graph import summarize

    if plan is None:
        before = {r.role: r.hours_per_week for r in summarize(process).roles}
        after = dict(before)
    else:
        # the work balance's figures (one home: a review found 43.8 here against 43.7 there,
        # the same hours summed two ways)
        before = {b.role: b.today_hours_per_week for b in plan.work_balance}
        after = {b.role: b.kept_hours_per_week for b in plan.work_balance}
    rows: list[tuple[Role | None, float, float]] = [
        (r, before.get(r.id, 0.0), after.get(r.id, 0.0)) for r in process.roles
    ]
    if plan is not None:
        for job in plan.carved:
            rows.append((None, 0.0, job.hours_per_week))
    top = max([b for _, b, _ in rows] + [a for _, _, a in rows] + [1.0])
    step = _nice_step(top)
    label_w, plot_w, row_h = 400, 300, 34
    bars = []
    for i, (role, b, a) in enumerate(rows):
        label = role.name if role is not None else (titles or [])[i - len(process.roles)]
        bars.append(
            Bar(
                label=label,
                before=number(b, lang, 1),
                after=number(a, lang, 1),
                y=10 + i * row_h,
                before_width=round(plot_w * b / (step * _ceil_div(top, step)), 1),
                after_width=round(plot_w * a / (step * _ceil_div(top, step)), 1),
                hard_to_fill=bool(role is not None and role.hard_to_fill),
            )
        )
    n_ticks = _ceil_div(top, step)
    ticks = tuple(
        (round(label_w + plot_w * k / n_ticks, 1), number(k * step, lang, 0))
        for k in range(n_ticks + 1)
    )
    return Chart(
        width=label_w + plot_w + 80,
        height=20 + row_h * len(rows) + 24,
        label_width=label_w,
        bars=tuple(bars),
        ticks=ticks,
    )


def _nice_step(top: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top / step <= 8:
            return float(step)
    return top / 8


def _ceil_div(a: float, b: float) -> int:
    return max(1, int(-(-a // b)))


def _on_cobot(plan: Plan, unit: str) -> bool:
    """A cobot takes or assists some of the unit."""
    return any(h.kind == "cobot" or h.cobot_assist for h in plan.unit_holder.get(unit, ()))


def _fits_someone(unit: Unit) -> bool:
    """Some profile fits the unit as it is or with supports."""
    return any(f.accessible for f in unit.fit.values())


def role_groups(task: TaskResult) -> list[tuple[str, list[Unit]]]:
    """A task's units per role: the task's own role first, then any subtask's own role in the
    order of the units (a subtask may belong to another role than its task)."""
    groups: dict[str, list[Unit]] = {}
    if task.role and any(u.role == task.role for u in task.units):
        groups[task.role] = []
    for u in task.units:
        groups.setdefault(u.role or task.role, []).append(u)
    return list(groups.items()) or [(task.role, [])]


def _group_fit(units: list[Unit]) -> dict[str, Fit]:
    """Per profile, how the parts of one role's share of a task fit: as the part itself where
    it is one, else as all of them ("fits" only where each fits as it is), some of them
    ("needs_split") or none (the first part's fit, with its gaps and reasons). A role's lane
    gives its own parts' kind of work, not the whole task's (a diff review: the quality
    lane read "fits after splitting" for a seal check nobody may do)."""
    if len(units) == 1:
        return dict(units[0].fit)
    out: dict[str, Fit] = {}
    for pid, first in units[0].fit.items():
        fits = [u.fit[pid] for u in units]
        if all(f.verdict == "fits" for f in fits):
            out[pid] = first
        elif all(f.accessible for f in fits):
            out[pid] = next(f for f in fits if f.verdict == "fits_with_support")
        elif any(f.accessible for f in fits):
            out[pid] = dataclasses.replace(first, verdict="needs_split")
        else:
            out[pid] = first
    return out


def _holders(
    u: Unit,
    plan: Plan,
    job_number: dict[str, int],
    closed: set[str],
    larger: set[str],
    room: dict[str, float],
    lang: str,
    _: Gettext,
) -> list[str]:
    """Who holds the unit after the plan, in the task board's words."""
    who: list[str] = []
    for h in plan.unit_holder.get(u.id, []):
        if h.kind == "carved" and h.holder in job_number:
            who.append(_("new job %(n)s") % {"n": job_number[h.holder]})
        elif h.kind == "cobot":
            who.append(_("cobot"))
        elif h.tending:
            who.append(_("the role tends the cobot"))
        elif h.kind == "role" and u.role in closed and _fits_someone(u):
            who.append(
                _(
                    "stays with the role: it fits a profile, but taking it would displace the people in the role (no vacancy, overtime, agency hours, work now left undone or leavers)"
                )
            )
        elif h.kind == "role" and u.id in larger and not _on_cobot(plan, u.id):
            today = sum(x.hours_per_week for x in plan.unit_holder[u.id])
            who.append(
                _(
                    "stays with the role: it fits a profile, but at %(hours)s h a week it is more than the %(room)s h the role may give up"
                )
                % {
                    "hours": number(today, lang, 1),
                    "room": number(room.get(u.role, 0.0), lang, 1),
                }
            )
        elif h.kind == "role":
            who.append(_("stays with the role"))
    return who


def _lanes(
    process: ProcessModel,
    analysis: Analysis,
    plan: Plan | None,
    kinds: dict[str, str],
    labels: dict[str, str],
    jobs: tuple[JobCard, ...],
    lang: str,
    _: Gettext,
    repetitive: int = 4,
) -> tuple[Lane, ...]:
    """The task board: a lane per role, tasks numbered in process order (topological). A
    task with parts of several roles shows in each role's lane with those parts, their hours
    and their own kind of work; each task's hours are rounded on their own, as the task table
    gives them, and the lane's heading gives the role's hours today as the work balance does
    (its rows may add up to a few tenths more or less)."""
    g: nx.DiGraph[str] = nx.DiGraph()
    for t in process.tasks:
        g.add_node(t.id)
        for p in t.after:
            g.add_edge(p, t.id)
    # ties in the model's order: by id, a task with no predecessor could be step 6 (a review)
    listed = {t.id: f"{i:06d}" for i, t in enumerate(process.tasks)}
    order = list(nx.lexicographical_topological_sort(g, key=lambda n: listed.get(n, n)))
    step = {tid: i for i, tid in enumerate(order, start=1)}
    results = {t.id: t for t in analysis.tasks}
    job_number = {j.id: i for i, j in enumerate(jobs, start=1)}
    lanes: dict[str, list[tuple[BoardTask, float]]] = {}
    on_cobot = set(plan.cobot_units) if plan is not None else set()
    # roles that may give up no work (no declared use): fitting work stays there by the
    # no-displacement rule, which the board says
    closed = (
        {b.role for b in plan.work_balance if b.absorbable_hours_per_week <= 0}
        if plan is not None and not plan.options.get("allow_displacement")
        else set()
    )
    larger = set(plan.larger_than_room) if plan is not None else set()
    room = {b.role: b.absorbable_hours_per_week for b in plan.work_balance} if plan else {}
    for tid in order:
        res = results[tid]
        groups = role_groups(res)
        # hours as the work balance counts them: without a split's hand-over overhead
        base = res.today_share
        after = sorted(step[p] for p in g.predecessors(tid))
        for role, units in groups:
            per_unit: list[tuple[str, str]] = []
            if plan is not None:
                for u in units:
                    per_unit.append(
                        (
                            part_name(u.label(lang), res.name),
                            ", ".join(
                                dict.fromkeys(
                                    _holders(u, plan, job_number, closed, larger, room, lang, _)
                                )
                            ),
                        )
                    )
            # a split task whose parts go different ways names each part with its own holders
            if len({text for _name, text in per_unit}) > 1:
                holders = "; ".join(f"{name}: {text}" for name, text in per_unit if text)
            else:
                holders = per_unit[0][1] if per_unit else ""
            # a task whose parts belong to several roles shows in each role's lane with that
            # role's parts, hours and kind of work (one home: the lanes sum to the work
            # balance's figures; a diff review read "cobot" on the part the cobot left alone)
            if len(groups) == 1:
                name, kind, hours = res.name, kinds[tid], res.hours_per_week
            else:
                name = f"{res.name}: {'; '.join(part_name(u.label(lang), res.name) for u in units)}"
                kind = _task_verdict(
                    dataclasses.replace(res, units=tuple(units), fit=_group_fit(units)),
                    on_cobot,
                    repetitive,
                )
                hours = sum(u.hours_per_week for u in units) * base
            lanes.setdefault(role, []).append(
                (
                    BoardTask(
                        step=step[tid],
                        name=name,
                        verdict=KIND_CLASS[kind],
                        verdict_label=labels[kind],
                        hours="",
                        after=(_("after step %(steps)s") % {"steps": ", ".join(map(str, after))})
                        if after
                        else _("first step"),
                        holders=holders,
                    ),
                    hours,
                )
            )
    # each task's hours as the task table gives them, rounded on its own (two adviser
    # readings: 141.8 on the board against 141.7 in the table when the rows were apportioned
    # to their lane's total); the lane's total is the work balance's figure
    return tuple(
        Lane(
            r.name,
            r.hard_to_fill,
            tuple(dataclasses.replace(t, hours=number(h, lang, 1)) for t, h in lanes[r.id]),
            number(sum(h for _t, h in lanes[r.id]), lang, 1),
        )
        for r in process.roles
        if r.id in lanes
    )


@dataclass(frozen=True)
class DiffBar:
    label: str
    value: str
    y: float
    x: float
    width: float
    negative: bool


@dataclass(frozen=True)
class DiffChart:
    """One figure across the scenarios, as horizontal bars from a zero line."""

    id: str
    title: str
    width: int
    height: int
    label_width: int
    zero: float
    bars: tuple[DiffBar, ...]


def diff_chart(
    chart_id: str, title: str, items: list[tuple[str, float, str]], label_w: int = 250
) -> DiffChart:
    """Bars of one figure per scenario; negative values run left of the zero line."""
    plot_w, row_h = 300, 26
    low = min([0.0, *(v for _l, v, _t in items)])
    high = max([0.0, *(v for _l, v, _t in items)])
    span = (high - low) or 1.0
    zero = label_w + plot_w * (-low / span)
    bars = []
    for i, (label, value, text) in enumerate(items):
        w = plot_w * abs(value) / span
        bars.append(
            DiffBar(
                label=label if len(label) <= 34 else label[:33] + "…",
                value=text,
                y=6 + i * row_h,
                x=round(zero - w if value < 0 else zero, 1),
                width=round(w, 1),
                negative=value < 0,
            )
        )
    return DiffChart(
        chart_id,
        title,
        label_w + plot_w + 110,
        12 + row_h * len(items),
        label_w,
        round(zero, 1),
        tuple(bars),
    )
