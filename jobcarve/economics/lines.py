"""The lines of the business case and their formulas (parts with typed values)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


def N_(message: str) -> str:
    """Mark a formula template for the report's translation catalogue (see report/i18n.py)."""
    return message


# ---------------------------------------------------------------------------------------
# Formulas: a line's formula is a sum of parts, each an English template with typed values,
# so the report can print it in its own language (numbers, money, labels).


@dataclass(frozen=True)
class Part:
    """One term of a formula: a template with %(name)s fields and their typed values.

    Kinds: ``hours`` (h/week), ``weeks``, ``eur`` (with cents), ``eur0`` (whole euros),
    ``share`` (a fraction, printed as a percentage), ``count``, ``years``, ``number``,
    ``role`` (a role id), ``support`` (a support id).
    """

    template: str
    values: tuple[tuple[str, str, float | str], ...]  # (name, kind, value)
    #: a factor or note that follows the term (the years a job that starts when people
    #: leave is there), a template of its own
    then: Part | None = None

    def render(
        self, fmt: Callable[[str, float | str], str], translate: Callable[[str], str]
    ) -> str:
        text = translate(self.template) % {name: fmt(kind, v) for name, kind, v in self.values}
        return text if self.then is None else f"{text} {self.then.render(fmt, translate)}"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "template": self.template,
            "values": {
                name: (round(v, 4) if isinstance(v, float) else v) for name, _k, v in self.values
            },
        }
        if self.then is not None:
            out["then"] = self.then.to_dict()
        return out


def english(kind: str, value: float | str) -> str:
    """A formula value in plain English notation (analysis.json)."""
    if isinstance(value, str):
        return value
    if kind == "eur":
        return f"EUR {value:,.2f}"
    if kind == "eur0":
        return f"EUR {value:,.0f}"
    if kind == "share":
        return f"{value * 100:.4g}%"
    if kind in ("count", "years"):
        return f"{value:g}"
    if kind == "weeks":
        return f"{value:.4g}"
    return f"{value:,.1f}"


@dataclass(frozen=True)
class CaseLine:
    """One line of the business case (average per year over the horizon)."""

    key: str
    amount_eur_per_year: float
    parts: tuple[Part, ...] = ()
    suffix: Part | None = None

    def render(
        self,
        fmt: Callable[[str, float | str], str] = english,
        translate: Callable[[str], str] = lambda s: s,
    ) -> str:
        text = " + ".join(p.render(fmt, translate) for p in self.parts) or "0"
        if self.suffix is not None:
            text = (
                f"({text}) {self.suffix.render(fmt, translate)}"
                if len(self.parts) > 1
                else (f"{text} {self.suffix.render(fmt, translate)}")
            )
        return text

    @property
    def formula(self) -> str:
        return self.render()

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "amount_eur_per_year": round(self.amount_eur_per_year, 2),
            "formula": self.formula,
            "terms": [p.to_dict() for p in self.parts],
            "common_factor": self.suffix.to_dict() if self.suffix is not None else None,
        }


#: Line keys in report order; the cash flow uses the same keys (cobot_investment instead of
#: cobot_depreciation).
LINE_KEYS = (
    "wage_cost_new_workers",
    "wage_cost_subsidy",
    "lkv_banenafspraak",
    "lkv_arbeidsgehandicapt",
    "coaching",
    "jobcoach",
    "jobcoach_reimbursement",
    "supports",
    "supports_reimbursement",
    "cobot_depreciation",
    "cobot_maintenance",
    "value_freed_hours",
)
#: The lines each carved job brings by itself (the rest are the cobots' and the freed hours')
JOB_LINE_KEYS = LINE_KEYS[: LINE_KEYS.index("supports_reimbursement") + 1]
