"""The rates of the business case: catalogue defaults with a model's overrides, and the
years they run over."""

from __future__ import annotations

from dataclasses import dataclass, field

from jobcarve.catalog import Catalogs, EconomicsDefaults, load_catalogs
from jobcarve.model import ProcessModel

#: Catalogue entries that are not a single rate.
_NOT_RATES = ("format", "compiled", "valid_from", "support_costs")


@dataclass(frozen=True)
class SupportPrice:
    """One-off cost of a support per carved job, and whether it is an individual provision."""

    cost_eur: float
    reimbursable: bool
    source: str


@dataclass(frozen=True)
class Rates:
    """The economic figures in force for one model: defaults with the model's overrides."""

    values: dict[str, float]
    sources: dict[str, str]
    ranges: dict[str, tuple[float, float]]
    overridden: frozenset[str] = frozenset()
    supports: dict[str, SupportPrice] = field(default_factory=dict)
    #: the same sources in Dutch where the data file has them (the Dutch report's rate table)
    sources_nl: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, key: str) -> float:
        return self.values[key]


def rates(process: ProcessModel, catalogs: Catalogs | None = None) -> Rates:
    """The economic figures for a model, each with where it comes from."""
    cats = catalogs if catalogs is not None else load_catalogs()
    defaults = cats.economics
    if defaults is None:
        raise RuntimeError("task_catalogs/economics.yaml is missing")
    values: dict[str, float] = {}
    sources: dict[str, str] = {}
    sources_nl: dict[str, str] = {}
    ranges: dict[str, tuple[float, float]] = {}
    overrides = process.economics.model_dump(exclude_none=True)
    for name in EconomicsDefaults.model_fields:
        if name in _NOT_RATES:
            continue
        param = getattr(defaults, name)
        if name in overrides:
            values[name] = float(overrides[name])
            sources[name] = f"model economics.{name}"
        else:
            values[name] = param.value
            sources[name] = param.source
            if param.source_nl:
                sources_nl[name] = param.source_nl
            if param.low is not None and param.high is not None:
                ranges[name] = (param.low, param.high)
    prices = {
        sid: SupportPrice(item.cost_eur, item.reimbursable, item.source)
        for sid, item in defaults.support_costs.items.items()
    }
    for sid, cost in (overrides.get("support_costs_eur") or {}).items():
        known = prices.get(sid)
        prices[sid] = SupportPrice(
            float(cost), known.reimbursable if known else False, "model economics.support_costs_eur"
        )
    sources["support_costs"] = defaults.support_costs.source
    return Rates(values, sources, ranges, frozenset(overrides), prices, sources_nl)


def _year_weights(v: dict[str, float]) -> tuple[int, list[float]]:
    horizon = max(1, int(v["horizon_years"]))
    ramp = [v["ramp_up_year1_share"] if y == 1 else 1.0 for y in range(1, horizon + 1)]
    return horizon, ramp
