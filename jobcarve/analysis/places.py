"""Workplaces: where a unit's work is done, and what other work there brings to a profile
kept from an exposure around it.

The one home of the floor check "other work at the job's workplaces raises an exposure the
profile's restriction keeps the worker from" (dust, noise, heat, vehicles driving there):
the job cards state it (`report.cards`), and the plan weighs it as one more gap of the work
(`carving.instance.PoolUnit.floor_checks`), so that of two equal plans the one whose jobs
are away from such work is chosen (a reading of the dental lab: the autistic woman, kept
from noise, placed beside the polishing lathe while the quiet scanning went to the deaf
woman).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from jobcarve.catalog import RestrictionRule, profile_restrictions
from jobcarve.model import Profile
from jobcarve.results import Unit


def place_of(unit: Unit) -> str:
    """Where a unit's work is done: its area, else its workstation, else its role's own
    work (the model names no place for it)."""
    return str(unit.area or unit.workstation or f"role:{unit.role}")


@dataclass(frozen=True)
class Nearby:
    """Other work at a job's workplaces that brings what a restriction keeps the worker
    from: an exposure around the person (`RestrictionRule.ambient`: ``flags`` the ones
    raised), or vehicles driving there (``vehicles``: the way to the work and the work)."""

    rule: RestrictionRule
    flags: tuple[str, ...]
    vehicles: bool
    units: tuple[Unit, ...]


def _kept_from(profile: Profile, rules: Iterable[RestrictionRule]) -> list[RestrictionRule]:
    """The profile's restrictions for which other work nearby counts: one about the air,
    sound or temperature around the person (hand eczema is not kept from a lacquer booth
    nearby), or one that keeps the person from vehicles (an adviser's reading: a man who
    cannot hear forklifts, at a label station in the hall where they drive, with only his
    kanban round flagged)."""
    by_id = {r.id: r for r in rules}
    found = [by_id.get(r.kind) for r in profile_restrictions(profile, by_id.values())]
    return [r for r in found if r is not None and (r.ambient or "vehicle_traffic" in r.excludes)]


def _flags(rule: RestrictionRule) -> tuple[str, ...]:
    return tuple(rule.excludes) if rule.ambient else ("vehicle_traffic",)


def _brings(unit: Unit, rule: RestrictionRule) -> bool:
    """The unit's work brings what the rule keeps the worker from, to its place: a flag of
    its handling, or, for vehicles, the driving itself (a diff review: a forklift hangs big
    bags in a mixing hall where nothing is flagged as among vehicles)."""
    if any(getattr(unit.handling, f) for f in _flags(rule)):
        return True
    return not rule.ambient and "driving" in unit.activities


def exposures_near(
    profile: Profile,
    unit_ids: Collection[str],
    units: Mapping[str, Unit],
    rules: Iterable[RestrictionRule],
) -> list[Nearby]:
    """What other work at the places of ``unit_ids`` (a job's work) brings that the profile's
    restrictions keep the worker from, per restriction; work in ``unit_ids`` is not
    counted."""
    places = {place_of(units[u]) for u in unit_ids}
    out = []
    for rule in _kept_from(profile, rules):
        near = tuple(
            u
            for uid, u in units.items()
            if uid not in unit_ids and place_of(u) in places and _brings(u, rule)
        )
        if near:
            raised = tuple(f for f in _flags(rule) if any(getattr(u.handling, f) for u in near))
            out.append(Nearby(rule, raised, not rule.ambient, near))
    return out


def floor_checks(
    profile: Profile, units: Iterable[Unit], rules: Iterable[RestrictionRule]
) -> dict[str, int]:
    """Per unit, the number of the profile's restrictions that other work at its place
    brings (`exposures_near` of that unit alone): the floor checks a job holding it owes.

    The card leaves out all of the job's own work, this count only the unit's: the two
    differ only where a job holds work that itself brings what the restriction keeps the
    worker from, which the fit rules out for an exposure around the person; for vehicles a
    profile kept from walking among them may drive (a diff review; no case has it)."""
    units = list(units)
    counts = dict.fromkeys((u.id for u in units), 0)
    for rule in _kept_from(profile, rules):
        brings = {u.id: _brings(u, rule) for u in units}
        at_place: dict[str, int] = {}
        for u in units:
            if brings[u.id]:
                place = place_of(u)
                at_place[place] = at_place.get(place, 0) + 1
        for u in units:
            if at_place.get(place_of(u), 0) - brings[u.id] > 0:
                counts[u.id] += 1
    return counts
