"""Standard task catalogues and the supports catalogue (``task_catalogs/*.yaml``).

A task catalogue lists standard tasks of one sector of Dutch manufacturing SMEs with
their typical time, demands on all 13 dimensions, handling attributes, a default split
into simpler subtasks where practice splits the task, and the rationale of the ratings.
The supports catalogue lists the supports (work instructions, jigs, lifting aids, job
coaching) that close gaps between a task's demands and a worker's capacities.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, Field, ValidationError, model_validator

from jobcarve.exceptions import InputError, Problem
from jobcarve.model import DIMENSIONS, Capacities, Handling, Id, Text, _Block
from jobcarve.resources import catalog_dir
from jobcarve.yamlsource import SourceMap, load, read_text, validation_problems

TASK_CATALOG_GLOB = "tasks_*.yaml"
SUPPORTS_FILE = "supports.yaml"

M = TypeVar("M", bound=BaseModel)

Rating = Annotated[int, Field(ge=0, le=4)]


class TimeRange(_Block):
    """Typical time of one occurrence (a unit, a batch or a week), in seconds."""

    min_s: float = Field(gt=0)
    max_s: float = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> TimeRange:
        if self.max_s < self.min_s:
            raise ValueError(f"max_s ({self.max_s}) is below min_s ({self.min_s})")
        return self


class SplitUnit(_Block):
    """One simpler unit of a catalogue task's default split."""

    id: Id
    name_nl: Text
    name_en: Text
    share_of_time: float = Field(gt=0, le=1)
    demands: Capacities
    handling: Handling | None = None


class CatalogEntry(_Block):
    """A standard task."""

    id: Id
    name_nl: Text
    name_en: Text
    time_basis: Literal["per_unit", "per_batch", "per_week"]
    typical_time_s: TimeRange
    demands: Capacities
    handling: Handling = Field(default_factory=Handling)
    default_split: list[SplitUnit] = Field(default_factory=list)
    rationale: Text

    @model_validator(mode="after")
    def _split_shares(self) -> CatalogEntry:
        if self.default_split:
            total = sum(u.share_of_time for u in self.default_split)
            if abs(total - 1) > 0.011:
                raise ValueError(f"default_split shares add up to {total:.2f}, expected 1.00")
            if len(self.default_split) < 2:
                raise ValueError("a default_split needs at least two units")
        return self


class TaskCatalog(_Block):
    """One catalogue file of standard tasks for a sector."""

    format: Literal[1]
    id: Id
    sector: Text
    name_nl: Text
    name_en: Text
    compiled: Text = Field(description="When and by whom the ratings were compiled.")
    sources: list[Text] = Field(min_length=1)
    entries: list[CatalogEntry] = Field(min_length=1)


class Support(_Block):
    """A support that closes gaps on some dimensions, up to a level."""

    id: Id
    name_nl: Text
    name_en: Text
    route: Literal["T", "O", "B"] = Field(
        description="Mitigation route (Leidraad Werkvoorzieningen): T technology, "
        "O organisation, B begeleiding (coaching)."
    )
    closes: dict[str, Annotated[int, Field(ge=1, le=4)]] = Field(
        description="Dimension -> how many levels of gap the support closes."
    )
    rationale: Text
    source: Text

    @model_validator(mode="after")
    def _dimensions(self) -> Support:
        unknown = sorted(set(self.closes) - set(DIMENSIONS))
        if unknown:
            raise ValueError(f"unknown dimension(s) {', '.join(unknown)}")
        return self


class SupportsCatalog(_Block):
    """The supports catalogue file."""

    format: Literal[1]
    compiled: Text
    supports: list[Support] = Field(min_length=1)


@dataclass(frozen=True)
class Catalogs:
    """All shipped catalogues, indexed by id."""

    task_catalogs: tuple[TaskCatalog, ...]
    entries: dict[str, CatalogEntry]
    sector_of: dict[str, str]
    supports: dict[str, Support]


def _load_file(path: Path, schema: type[M]) -> M:
    text = read_text(path)
    data, smap, problems = load(text, str(path))
    if problems:
        raise InputError(problems)
    return _validate(data, schema, smap)


def _validate(data: object, schema: type[M], smap: SourceMap) -> M:
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise InputError(validation_problems(exc, schema, smap)) from None


def load_task_catalog(path: str | Path) -> TaskCatalog:
    """Load and validate one task catalogue file."""
    return _load_file(Path(path), TaskCatalog)


def load_supports(path: str | Path) -> SupportsCatalog:
    """Load and validate a supports catalogue file."""
    return _load_file(Path(path), SupportsCatalog)


def load_catalogs(folder: str | Path | None = None) -> Catalogs:
    """Load every catalogue in `folder` (the shipped ones by default), checking unique ids."""
    if folder is None:
        return _shipped()
    return _load_folder(Path(folder))


@lru_cache(maxsize=1)
def _shipped() -> Catalogs:
    return _load_folder(catalog_dir())


def _load_folder(folder: Path) -> Catalogs:
    catalogs = tuple(load_task_catalog(p) for p in sorted(folder.glob(TASK_CATALOG_GLOB)))
    entries: dict[str, CatalogEntry] = {}
    sector_of: dict[str, str] = {}
    problems: list[Problem] = []
    for cat in catalogs:
        for entry in cat.entries:
            if entry.id in entries:
                problems.append(
                    Problem(
                        str(folder),
                        0,
                        0,
                        "",
                        f'catalogue id "{entry.id}" is used twice ({sector_of[entry.id]} and {cat.sector})',
                    )
                )
            entries[entry.id] = entry
            sector_of[entry.id] = cat.sector
    if problems:
        raise InputError(problems)
    supports_path = folder / SUPPORTS_FILE
    supports = load_supports(supports_path).supports if supports_path.exists() else []
    return Catalogs(catalogs, entries, sector_of, {s.id: s for s in supports})
