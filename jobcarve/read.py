"""Read a process model: YAML text -> validated `ProcessModel`, every problem at once.

Each problem is one line ``FILE:LINE:COL: path: message``. Checks run in three layers:
the YAML layer (syntax, limits, duplicate keys, tags), the schema layer (types, ranges,
unknown keys with suggestions) and the cross-reference layer (duplicate ids, dangling
``after``/``role``/``template``/support references, precedence cycles, time models).
The schema and cross-reference layers both run, so the author fixes everything in one go.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
from pydantic import ValidationError

from jobcarve.catalog import Catalogs, load_catalogs, young_rules
from jobcarve.exceptions import InputError, Problem
from jobcarve.model import (
    FORMAT_VERSION,
    YOUTH_AGES,
    Demands,
    Handling,
    Planning,
    ProcessModel,
    Task,
)
from jobcarve.yamlsource import (
    DEFAULT_LIMITS,
    MAX_SUGGESTIONS,
    Limits,
    Loc,
    SourceMap,
    Suggester,
    decode,
    load,
    read_text,
    show,
    validation_problems,
)

_TIME_KEYS = ("time_s_per_unit", "time_min_per_batch", "hours_per_week")


def read_process(
    path: str | Path, *, limits: Limits = DEFAULT_LIMITS, catalogs: Catalogs | None = None
) -> ProcessModel:
    """Read and validate a process model file.

    Parameters
    ----------
    path
        The YAML file.
    limits
        Size, depth and count limits (docs/limits.md).
    catalogs
        Catalogues for ``template`` and support references; the shipped ones by default.

    Raises
    ------
    InputError
        With every problem found, each located by file, line, column and model path.
    """
    text = read_text(path, limits)
    return parse_process(text, str(path), limits=limits, catalogs=catalogs)


def parse_process(
    text: str | bytes,
    file: str = "<string>",
    *,
    limits: Limits = DEFAULT_LIMITS,
    catalogs: Catalogs | None = None,
) -> ProcessModel:
    """Validate a process model given as YAML text (see `read_process`)."""
    if isinstance(text, bytes):
        if len(text) > limits.max_file_bytes:
            raise InputError(
                [
                    Problem(
                        file,
                        0,
                        0,
                        "",
                        f"text is {len(text):,} bytes; the limit is {limits.max_file_bytes:,}",
                    )
                ]
            )
        text = decode(text, file)
    elif len(text) > limits.max_file_bytes:
        raise InputError(
            [
                Problem(
                    file,
                    0,
                    0,
                    "",
                    f"text is {len(text):,} characters; the limit is {limits.max_file_bytes:,}",
                )
            ]
        )
    data, smap, problems = load(text, file, limits)
    if data is None:
        raise InputError(
            [
                Problem(
                    file, 1, 1, "", "empty model: expected a mapping that starts with 'format: 1'"
                )
            ]
        )
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single value {data!r}"[:60]
        raise InputError(
            [
                smap.problem(
                    (),
                    f"expected a mapping with format, company, process, ... at the top, found {kind}",
                )
            ]
        )
    fmt = data.get("format")
    if "format" in data and fmt != FORMAT_VERSION:
        raise InputError(
            [
                smap.problem(
                    ("format",),
                    f"unsupported format {fmt!r}: this jobcarve reads format {FORMAT_VERSION}",
                )
            ]
        )
    tasks = data.get("tasks")
    if isinstance(tasks, list) and len(tasks) > limits.max_tasks:
        raise InputError(
            [smap.problem(("tasks",), f"{len(tasks):,} tasks; the limit is {limits.max_tasks:,}")]
        )
    cats = catalogs if catalogs is not None else load_catalogs()
    model: ProcessModel | None = None
    try:
        model = ProcessModel.model_validate(data)
    except ValidationError as exc:
        problems.extend(validation_problems(exc, ProcessModel, smap))
    problems.extend(_cross_check(data, smap, cats, limits))
    if problems or model is None:
        raise InputError(_sorted_unique(problems))
    resolved = model.model_copy(update={"tasks": [_resolve(t, cats) for t in model.tasks]})
    resolved._source = smap
    return resolved


def _sorted_unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[int, int, str, str]] = set()
    out = []
    for p in sorted(problems, key=lambda p: (p.line, p.column, p.path)):
        key = (p.line, p.column, p.path, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _resolve(task: Task, cats: Catalogs) -> Task:
    """Merge a task's catalogue template into it (local values win)."""
    update: dict[str, Any] = {"subtasks": [_resolve(s, cats) for s in task.subtasks]}
    entry = cats.entries.get(task.template) if task.template else None
    if entry is not None:
        local = task.demands.model_dump(exclude_none=True) if task.demands else {}
        update["demands"] = Demands(**{**entry.demands.as_dict(), **local})
        handling = entry.handling.model_dump(exclude_none=True)
        if task.handling is not None:
            handling.update(task.handling.model_dump(exclude_none=True))
        update["handling"] = Handling(**handling)
        if not task.description:
            update["description"] = entry.name_en
    return task.model_copy(update=update)


def _entries(data: Any, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    items = data.get(key) if isinstance(data, dict) else None
    if isinstance(items, list):
        for i, item in enumerate(items):
            if isinstance(item, dict):
                yield i, item


def _check_secondment(
    profile: dict[str, Any], loc: Loc, smap: SourceMap, problems: list[Problem]
) -> None:
    """A seconded profile states its fee, and only a seconded one: the fee replaces the
    wage in the business case, and without it the case would cost the worker as a hire.
    (Its ``lkv`` may still say who the people are, a WIA benefit or the register; the LKV
    itself is the sociaal werkbedrijf's, so the business case counts none.)"""
    instrument = profile.get("instrument")
    # "Detachering" is a schema error of its own; do not also call the fee misplaced
    seconded = isinstance(instrument, str) and instrument.strip().lower() == "detachering"
    rate = profile.get("secondment_rate_eur_per_hour")
    if seconded and rate is None:
        problems.append(
            smap.problem(
                (*loc, "instrument"),
                "instrument detachering needs secondment_rate_eur_per_hour: the fee per hour "
                "worked agreed with the sociaal werkbedrijf",
            )
        )
    if rate is not None and not seconded:
        problems.append(
            smap.problem(
                (*loc, "secondment_rate_eur_per_hour"),
                "secondment_rate_eur_per_hour is only for instrument detachering",
            )
        )


def _statutory_rates(data: dict[str, Any], cats: Catalogs) -> dict[str, float]:
    """The minimum wage and the youth shares in force for a model: the catalogue's, with the
    model's own figures where it states a valid one (a bad one is a schema error already)."""
    out: dict[str, float] = {}
    block = data.get("economics")
    own = block if isinstance(block, dict) else {}
    defaults = cats.economics
    if defaults is None:
        return out
    for key in (
        "minimum_wage_eur_per_hour",
        *(f"youth_minimum_wage_share_{a}" for a in YOUTH_AGES),
    ):
        value = own.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
            out[key] = float(value)
        else:
            out[key] = getattr(defaults, key).value
    return out


def _check_wage(
    profile: dict[str, Any],
    loc: Loc,
    smap: SourceMap,
    problems: list[Problem],
    rates: dict[str, float],
) -> None:
    """A stated CAO wage is at least the statutory minimum for the profile's age, and is not
    given with detachering (the fee replaces the wage)."""
    stated = profile.get("hourly_wage_eur")
    if not isinstance(stated, (int, float)) or isinstance(stated, bool) or not rates:
        return
    instrument = profile.get("instrument")
    if isinstance(instrument, str) and instrument.strip().lower() == "detachering":
        problems.append(
            smap.problem(
                (*loc, "hourly_wage_eur"),
                "hourly_wage_eur is not for instrument detachering: the sociaal werkbedrijf "
                "pays the wage, the company its secondment_rate_eur_per_hour",
            )
        )
        return
    age = profile.get("age")
    young = isinstance(age, int) and not isinstance(age, bool) and age in YOUTH_AGES
    minimum = rates["minimum_wage_eur_per_hour"]
    if young:
        minimum *= rates[f"youth_minimum_wage_share_{age}"]
    if stated < minimum - 0.005:
        at = f"at age {age}" if young else "from age 21"
        problems.append(
            smap.problem(
                (*loc, "hourly_wage_eur"),
                f"hourly_wage_eur {stated:.2f} is below the statutory minimum wage of "
                f"{minimum:.2f} an hour {at}",
            )
        )


def _check_vacancy_cover(
    role: dict[str, Any], loc: Loc, data: dict[str, Any], smap: SourceMap, problems: list[Problem]
) -> None:
    """The overtime and agency hours that cover a role's vacancies today are part of the
    vacancies' hours: at most the vacancies times the contract hours (a vacancy of 38 h
    covered by 12 h of overtime)."""

    def number(block: Any, key: str, default: float) -> float:
        value = block.get(key, default) if isinstance(block, dict) else default
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return float(value) if ok else default

    cover = [
        k
        for k in ("vacancy_overtime_hours_per_week", "vacancy_agency_hours_per_week")
        if number(role, k, 0.0) > 0
    ]
    if not cover:
        return
    vacancies = role.get("vacancies", 0)
    if not isinstance(vacancies, int) or isinstance(vacancies, bool):
        return  # the schema says what is wrong with it
    fte = number(
        data.get("planning"), "hours_per_fte", Planning.model_fields["hours_per_fte"].default
    )
    contract = number(role, "hours_per_week", fte)
    covered = sum(number(role, k, 0.0) for k in cover)
    if covered > vacancies * contract + 1e-9:
        room = (
            f"{vacancies} vacanc{'y' if vacancies == 1 else 'ies'} of {contract:g} hours"
            if vacancies
            else "no vacancies"
        )
        problems.append(
            smap.problem(
                (*loc, cover[-1]),
                f"{' and '.join(cover)} ({covered:g} hours) cover more than the role's "
                f"vacancies hold ({room}); declare the vacancies, or give the hours as "
                "overtime_hours_per_week or agency_hours_per_week",
            )
        )


def _check_employees(data: dict[str, Any], smap: SourceMap, problems: list[Problem]) -> None:
    """The company's people (`company.employees`) are at least the people its roles model:
    fewer is a slip (the roles' headcount is what the work balance counts)."""
    company = data.get("company")
    size = company.get("employees") if isinstance(company, dict) else None
    if not isinstance(size, int) or isinstance(size, bool):
        return  # absent, or the schema says what is wrong with it
    modelled = sum(
        r["headcount"]
        for _i, r in _entries(data, "roles")
        if isinstance(r.get("headcount"), int) and not isinstance(r.get("headcount"), bool)
    )
    if size < modelled:
        problems.append(
            smap.problem(
                ("company", "employees"),
                f"employees {size} is fewer than the {modelled} people the roles model "
                "(their headcount); give all the company's people",
            )
        )


def _check_week(
    profile: dict[str, Any], loc: Loc, smap: SourceMap, problems: list[Problem], cats: Catalogs
) -> None:
    """A profile's longest day is at most the law's (`carving.max_hours_per_day`, 12; under
    18 `max_hours_per_day_under_18`, 9), and its hours a week fit in its days and its longest
    day, the law's where it gives none (25.5 h on one day does not)."""
    if cats.params is None:
        return
    young = bool(young_rules(profile.get("age"), cats.params.restrictions))
    law = cats.params.carving.longest_day(young)
    given = profile.get("max_hours_per_day")
    if not isinstance(given, (int, float)) or isinstance(given, bool):
        given = None
    if given is not None and given > law + 1e-9:
        problems.append(
            smap.problem(
                (*loc, "max_hours_per_day"),
                f"max_hours_per_day {given:g} is above the {law:g} hours a day the "
                f"Arbeidstijdenwet allows{' under 18' if young else ''}",
            )
        )
        return
    hours = profile.get("hours_per_week_available")
    days = profile.get("days_per_week")
    if not isinstance(hours, (int, float)) or isinstance(hours, bool):
        return
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 5:
        days = 5
    longest = given if given is not None else law
    if hours > days * longest + 1e-9:
        problems.append(
            smap.problem(
                (*loc, "hours_per_week_available"),
                f"hours_per_week_available {hours:g} does not fit in {days} days of at most "
                f"{longest:g} hours (days_per_week, else 5; max_hours_per_day, else the "
                "Arbeidstijdenwet's longest day)",
            )
        )


def _check_age(
    profile: dict[str, Any], loc: Loc, smap: SourceMap, problems: list[Problem], cats: Catalogs
) -> None:
    """A restriction that follows from the age (`below_age`: under 18) is not listed by the
    model; a profile is not younger than such a rule's `min_age` (no industrial work under
    16), nor, below its age, available more hours a week than it allows."""
    rules = [r for r in (cats.params.restrictions if cats.params else ()) if r.below_age]
    if not rules:
        return
    listed = profile.get("restrictions")
    for j, item in enumerate(listed if isinstance(listed, list) else ()):
        kind = item.get("kind") if isinstance(item, dict) else None
        rule = next((r for r in rules if r.id == kind), None)
        if rule is not None:
            problems.append(
                smap.problem(
                    (*loc, "restrictions", j, "kind"),
                    f"restriction {rule.id} follows from the profile's age (below "
                    f"{rule.below_age}): give age instead of listing it",
                )
            )
    age = profile.get("age")
    if not isinstance(age, int) or isinstance(age, bool):
        return
    hours = profile.get("hours_per_week_available")
    for rule in rules:
        assert rule.below_age is not None
        if rule.min_age is not None and age < rule.min_age:
            problems.append(
                smap.problem(
                    (*loc, "age"),
                    f"age {age}: below {rule.min_age} the law allows only light, non-industrial "
                    "work (Nadere regeling kinderarbeid); a profile for factory work is "
                    f"{rule.min_age} or older",
                )
            )
        elif (
            rule in young_rules(age, rules)
            and rule.max_hours_per_week is not None
            and isinstance(hours, (int, float))
            and not isinstance(hours, bool)
            and hours > rule.max_hours_per_week
        ):
            problems.append(
                smap.problem(
                    (*loc, "hours_per_week_available"),
                    f"hours_per_week_available {hours:g} at age {age}: below "
                    f"{rule.below_age} the Arbeidstijdenwet allows at most "
                    f"{rule.max_hours_per_week:g} hours a week on average, school hours included",
                )
            )


def _cross_check(
    data: dict[str, Any], smap: SourceMap, cats: Catalogs, limits: Limits
) -> list[Problem]:
    problems: list[Problem] = []
    budget = [MAX_SUGGESTIONS]  # "did you mean" lookups for the whole file
    _check_id_spacing(data, smap, problems)

    def unique_ids(kind: str, items: list[tuple[Loc, dict[str, Any]]]) -> set[str]:
        first: dict[str, Loc] = {}
        for loc, item in items:
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            ident = ident.strip()  # the schema strips; "a " and "a" are the same id
            if ident in first:
                line = smap.locate((*first[ident], "id"))[0]
                problems.append(
                    smap.problem(
                        (*loc, "id"),
                        f"duplicate {kind} id {show(ident, 80)} (first defined at line {line})",
                    )
                )
            else:
                first[ident] = loc
        return set(first)

    role_ids = unique_ids("role", [(("roles", i), r) for i, r in _entries(data, "roles")])
    for i, role in _entries(data, "roles"):
        _check_vacancy_cover(role, ("roles", i), data, smap, problems)
    _check_employees(data, smap, problems)
    unique_ids("profile", [(("profiles", i), p) for i, p in _entries(data, "profiles")])

    all_tasks: list[tuple[Loc, dict[str, Any], int]] = []

    def walk(loc: Loc, depth: int) -> None:
        container: Any = data
        for part in loc:
            container = container[part]
        for i, task in _entries(container, "tasks" if depth == 0 else "subtasks"):
            tloc: Loc = (*loc, "tasks" if depth == 0 else "subtasks", i)
            all_tasks.append((tloc, task, depth))
            if isinstance(task.get("subtasks"), list) and task["subtasks"]:
                if depth + 1 > limits.max_subtask_depth:
                    problems.append(
                        smap.problem(
                            (*tloc, "subtasks"),
                            f"subtasks nested deeper than {limits.max_subtask_depth} levels",
                        )
                    )
                else:
                    walk(tloc, depth + 1)

    walk((), 0)
    unique_ids("task", [(loc, t) for loc, t, _ in all_tasks])

    role_hint = Suggester(role_ids, budget)
    template_hint = Suggester(cats.entries, budget)
    for loc, task, depth in all_tasks:
        _check_task(task, loc, depth, role_ids, cats, smap, problems, role_hint, template_hint)

    # precedence: among top-level tasks, and among the subtasks of each task
    groups: dict[Loc, list[tuple[Loc, dict[str, Any]]]] = {}
    for loc, task, _ in all_tasks:
        groups.setdefault(loc[:-2], []).append((loc, task))
    for parent, members in groups.items():
        _check_precedence(parent, members, smap, problems, budget)

    supports = set(cats.supports)
    support_hint = Suggester(supports, budget)
    statutory = _statutory_rates(data, cats)
    for i, profile in _entries(data, "profiles"):
        _check_secondment(profile, ("profiles", i), smap, problems)
        _check_wage(profile, ("profiles", i), smap, problems, statutory)
        _check_age(profile, ("profiles", i), smap, problems, cats)
        _check_week(profile, ("profiles", i), smap, problems, cats)
        for key in ("supports", "needs"):
            _check_supports(
                profile.get(key), ("profiles", i, key), supports, smap, problems, support_hint
            )
    _check_supports(data.get("supports"), ("supports",), supports, smap, problems, support_hint)
    economics_block = data.get("economics")
    costs = economics_block.get("support_costs_eur") if isinstance(economics_block, dict) else None
    if isinstance(costs, dict):
        for sid in costs:
            if isinstance(sid, str) and sid not in supports:
                problems.append(
                    smap.problem(
                        ("economics", "support_costs_eur", sid),
                        f"unknown support {show(sid, 80)}{support_hint(sid)}",
                    )
                )
            elif sid == "job_coach":
                # one home for the coach's cost: its hours (a price here would be paid twice)
                problems.append(
                    smap.problem(
                        ("economics", "support_costs_eur", sid),
                        "the job coach is costed by its hours, not as a purchase: set "
                        "economics.jobcoach_rate_eur_per_hour and jobcoach_share_year1-3 instead",
                    )
                )

    profile_ids = {p.get("id") for _, p in _entries(data, "profiles")}
    known_profiles = {p for p in profile_ids if isinstance(p, str)}
    profile_hint = Suggester(known_profiles, budget)
    scenario_ids: set[str] = set()
    for i, scenario in _entries(data, "scenarios"):
        sid = scenario.get("id")
        if isinstance(sid, str):
            if sid in scenario_ids or sid in ("as_is", "split_only", "split_cobot"):
                problems.append(
                    smap.problem(
                        ("scenarios", i, "id"),
                        f"scenario id {show(sid, 80)} is used twice or is a built-in scenario",
                    )
                )
            scenario_ids.add(sid)
        names = scenario.get("profiles")
        if names == []:
            problems.append(
                smap.problem(
                    ("scenarios", i, "profiles"),
                    "scenario has an empty profile list, so no one to carve jobs for: name at "
                    "least one profile, or leave profiles: out to keep them all",
                )
            )
        if isinstance(names, list):
            for j, pid in enumerate(names):
                if isinstance(pid, str) and pid not in profile_ids:
                    problems.append(
                        smap.problem(
                            ("scenarios", i, "profiles", j),
                            f"unknown profile {show(pid, 80)}{profile_hint(pid)}",
                        )
                    )
    for loc, task, _ in all_tasks:
        _check_range(task, loc, smap, problems)
    planning_block = data.get("planning")
    if isinstance(planning_block, dict):
        low, mid, high = (
            planning_block.get(k)
            for k in ("units_per_week_low", "units_per_week", "units_per_week_high")
        )
        if isinstance(low, (int, float)) and isinstance(mid, (int, float)) and low > mid:
            problems.append(
                smap.problem(
                    ("planning", "units_per_week_low"),
                    f"units_per_week_low ({low}) is above units_per_week ({mid})",
                )
            )
        if isinstance(high, (int, float)) and isinstance(mid, (int, float)) and high < mid:
            problems.append(
                smap.problem(
                    ("planning", "units_per_week_high"),
                    f"units_per_week_high ({high}) is below units_per_week ({mid})",
                )
            )

    process = data.get("process")
    planning = data.get("planning")
    if (
        isinstance(process, dict)
        and process.get("kind") == "line"
        and isinstance(planning, dict)
        and "takt_s" not in planning
    ):
        problems.append(
            smap.problem(
                ("planning",), "a process of kind 'line' needs planning.takt_s (seconds per unit)"
            )
        )
    if not (isinstance(process, dict) and process.get("kind") == "line"):
        for loc, task, _ in all_tasks:
            if "on_line" in task:
                problems.append(
                    smap.problem(
                        (*loc, "on_line"),
                        "on_line applies to a process of kind 'line' only (process.kind)",
                    )
                )
    return problems


_ID_FIELDS = ("id", "role", "template")


def _check_id_spacing(data: dict[str, Any], smap: SourceMap, problems: list[Problem]) -> None:
    """Ids and references with spaces around them are refused, where they are written.

    The schema strips spaces from text, so ``id: "a "`` next to ``id: a`` would silently be
    the same id twice; with spaces refused, every id means the same in every check.
    """

    def check(value: Any, loc: Loc) -> None:
        if isinstance(value, str) and value != value.strip() and value.strip():
            problems.append(
                smap.problem(
                    loc,
                    f"id {show(value, 80)} has spaces around it; write {show(value.strip(), 80)}",
                )
            )

    def task_list(items: Any, loc: Loc) -> None:
        if not isinstance(items, list):
            return
        for i, task in enumerate(items):
            if not isinstance(task, dict):
                continue
            for key in _ID_FIELDS:
                check(task.get(key), (*loc, i, key))
            after = task.get("after")
            if isinstance(after, list):
                for j, pred in enumerate(after):
                    check(pred, (*loc, i, "after", j))
            task_list(task.get("subtasks"), (*loc, i, "subtasks"))

    task_list(data.get("tasks"), ("tasks",))
    for key in ("roles", "profiles", "scenarios"):
        for i, item in _entries(data, key):
            check(item.get("id"), (key, i, "id"))
            for list_key in ("supports", "needs", "profiles"):
                values = item.get(list_key)
                if isinstance(values, list):
                    for j, value in enumerate(values):
                        check(value, (key, i, list_key, j))


def _check_range(task: dict[str, Any], loc: Loc, smap: SourceMap, problems: list[Problem]) -> None:
    """time_low <= the task's time <= time_high, in the unit of its time model."""
    time = next((task[k] for k in _TIME_KEYS if isinstance(task.get(k), (int, float))), None)
    low, high = task.get("time_low"), task.get("time_high")
    if time is None:
        for key in ("time_low", "time_high"):
            if key in task:
                problems.append(
                    smap.problem((*loc, key), f"{key} needs a time on the same task", key=True)
                )
        return
    if isinstance(low, (int, float)) and low > time:
        problems.append(
            smap.problem((*loc, "time_low"), f"time_low ({low}) is above the task's time ({time})")
        )
    if isinstance(high, (int, float)) and high < time:
        problems.append(
            smap.problem(
                (*loc, "time_high"), f"time_high ({high}) is below the task's time ({time})"
            )
        )


def _check_supports(
    value: Any,
    loc: Loc,
    known: set[str],
    smap: SourceMap,
    problems: list[Problem],
    hint: Suggester,
) -> None:
    if not isinstance(value, list):
        return
    for j, sup in enumerate(value):
        if isinstance(sup, str) and sup not in known:
            problems.append(
                smap.problem(
                    (*loc, j),
                    f"unknown support {show(sup, 80)}{hint(sup)}; see `jobcarve catalog supports`",
                )
            )


def _check_task(
    task: dict[str, Any],
    loc: Loc,
    depth: int,
    role_ids: set[str],
    cats: Catalogs,
    smap: SourceMap,
    problems: list[Problem],
    role_hint: Suggester,
    template_hint: Suggester,
) -> None:
    role = task.get("role")
    if depth == 0 and "role" not in task:
        problems.append(
            smap.problem(
                loc, 'missing required key "role" (the existing role that does this task now)'
            )
        )
    if isinstance(role, str) and role.strip() not in role_ids:
        problems.append(
            smap.problem((*loc, "role"), f"unknown role id {show(role, 80)}{role_hint(role)}")
        )
    template = task.get("template")
    if isinstance(template, str) and template not in cats.entries:
        problems.append(
            smap.problem(
                (*loc, "template"),
                f"unknown catalogue task {show(template, 80)}{template_hint(template)}; "
                "see `jobcarve catalog list`",
            )
        )
    subtasks = task.get("subtasks")
    given = [k for k in _TIME_KEYS if k in task]
    handling = task.get("handling")
    ops = isinstance(handling, dict) and "operations_per_hour" in handling
    if isinstance(handling, dict) and "part_mass_max_kg" in handling:
        # the usual load may come from the template, key by key (a diff review)
        entry = cats.entries.get(template) if isinstance(template, str) else None
        inherited = entry.handling.part_mass_kg if entry and entry.handling else None
        heaviest = handling.get("part_mass_max_kg")
        usual = handling.get("part_mass_kg", inherited)
        if usual is None:
            problems.append(
                smap.problem(
                    (*loc, "handling", "part_mass_max_kg"),
                    "part_mass_max_kg needs part_mass_kg, the mass of the usual load",
                    key=True,
                )
            )
        elif (
            isinstance(heaviest, (int, float))
            and isinstance(usual, (int, float))
            and heaviest < usual
        ):
            problems.append(
                smap.problem(
                    (*loc, "handling", "part_mass_max_kg"),
                    f"part_mass_max_kg ({heaviest:g}) is below part_mass_kg ({usual:g}"
                    f"{', from the template' if 'part_mass_kg' not in handling else ''}): give "
                    "the heaviest load",
                )
            )
    if isinstance(subtasks, list) and subtasks:
        # subtasks without a handling of their own inherit the parent's operations an hour
        per_unit = ops and next(
            (
                str(sub.get("id"))
                for sub in subtasks
                if isinstance(sub, dict)
                and any(k in sub for k in _TIME_KEYS)
                and "hours_per_week" not in sub
                and not sub.get("handling")
            ),
            None,
        )
        if per_unit:
            problems.append(
                smap.problem(
                    (*loc, "handling", "operations_per_hour"),
                    "operations_per_hour applies to hours_per_week; subtask "
                    f"{show(per_unit, 40)} is timed per unit or per batch: give "
                    "operations_per_unit",
                    key=True,
                )
            )
        for key in (*given, "batch_size_units", "share_of_units"):
            if key in task:
                problems.append(
                    smap.problem(
                        (*loc, key),
                        f"a task with subtasks takes its time from them; move {key} to the subtasks",
                        key=True,
                    )
                )
        return
    if not given:
        problems.append(
            smap.problem(
                loc,
                "no time given: add time_s_per_unit, time_min_per_batch with batch_size_units, or hours_per_week",
            )
        )
    elif len(given) > 1:
        given.sort(key=lambda k: smap.locate_key((*loc, k)))
        problems.append(
            smap.problem(
                (*loc, given[-1]), f"give one time model, found {' and '.join(given)}", key=True
            )
        )
    if ("time_min_per_batch" in task) != ("batch_size_units" in task):
        have, need = (
            ("time_min_per_batch", "batch_size_units")
            if "time_min_per_batch" in task
            else ("batch_size_units", "time_min_per_batch")
        )
        problems.append(smap.problem((*loc, have), f"{have} needs {need}", key=True))
    if ops and given and "hours_per_week" not in given:
        problems.append(
            smap.problem(
                (*loc, "handling", "operations_per_hour"),
                "operations_per_hour applies to hours_per_week; for a time per unit or per "
                "batch give operations_per_unit",
                key=True,
            )
        )
    if "share_of_units" in task and given == ["hours_per_week"]:
        problems.append(
            smap.problem(
                (*loc, "share_of_units"),
                "share_of_units applies to per-unit and per-batch times, not to hours_per_week",
                key=True,
            )
        )


def _check_precedence(
    parent: Loc,
    members: list[tuple[Loc, dict[str, Any]]],
    smap: SourceMap,
    problems: list[Problem],
    budget: list[int],
) -> None:
    ids = {t["id"].strip(): loc for loc, t in members if isinstance(t.get("id"), str)}
    hint_for = Suggester(ids, budget)
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(ids)
    where = "subtask" if parent else "task"
    for loc, task in members:
        after = task.get("after")
        own = task.get("id")
        own = own.strip() if isinstance(own, str) else own
        if not isinstance(after, list):
            continue
        for j, raw in enumerate(after):
            if not isinstance(raw, str):
                continue
            pred = raw.strip()
            if pred == own:
                problems.append(
                    smap.problem(
                        (*loc, "after", j), f"task {show(own, 80)} cannot come after itself"
                    )
                )
            elif pred not in ids:
                hint = hint_for(pred)
                scope = " (a subtask can only follow its siblings)" if parent and not hint else ""
                problems.append(
                    smap.problem(
                        (*loc, "after", j), f"unknown {where} id {show(pred, 80)}{hint}{scope}"
                    )
                )
            elif isinstance(own, str):
                graph.add_edge(pred, own, index=j)
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        start = min(component, key=lambda n: smap.locate(ids[n]))
        cycle = nx.find_cycle(graph.subgraph(component), source=start)
        names = [show(u, 40)[1:-1] for u, _ in cycle] + [show(cycle[0][0], 40)[1:-1]]
        if len(names) > 12:  # a long cycle is named by its ends, not an 80 KB line
            names = [*names[:6], f"... ({len(names) - 11:,} more)", *names[-5:]]
        closing = cycle[-1]  # the entry in the first task's `after` that closes the loop
        loc = (*ids[closing[1]], "after", graph.edges[closing]["index"])
        problems.append(smap.problem(loc, "precedence cycle: " + " -> ".join(names)))
