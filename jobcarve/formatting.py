"""Locale formatting of numbers, money, hours and dates (Babel), for reports and reasons."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def locale_of(lang: str) -> str:
    """Babel locale of a report language."""
    return LOCALES[lang]


def part_name(label: str, task: str) -> str:
    """A part's name without its task's name in front ("Task: routine work" -> "routine work"):
    where the task already heads the row."""
    prefix = f"{task}: "
    return label[len(prefix) :] if label.startswith(prefix) and len(label) > len(prefix) else label


def number(value: float, lang: str, digits: int = 1) -> str:
    """``1234.5`` -> ``1.234,5`` (nl) or ``1,234.5`` (en), with at most `digits` decimals."""
    pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=locale_of(lang))


def fixed(value: float, lang: str, digits: int = 1) -> str:
    """Like `number` but always `digits` decimals: ``0,40``."""
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=locale_of(lang))


def money(value: float, lang: str, cents: bool = False) -> str:
    """Euro amounts with the sign before: ``€ 35.781`` / ``−€ 35.781`` (nl), ``€35,781`` (en).

    The space after the euro sign does not break (the amount stays on one line).

    Yearly figures are estimates and have no cents; rates per hour pass ``cents=True``.
    A cost is written with a minus sign before the euro sign, as Dutch business reports do.
    """
    digits = 2 if cents else 0
    amount = fixed(abs(value), lang, digits) if cents else number(round(abs(value)), lang, 0)
    sign = "\u2212\u2060" if round(value, digits) < 0 else ""  # minus + word joiner: one line
    return f"{sign}€\u00a0{amount}" if lang == "nl" else f"{sign}€{amount}"


def percent(value: float, lang: str, digits: int = 0) -> str:
    """``0.125`` -> ``13%`` / ``12,5%``."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(value, format=pattern, locale=locale_of(lang))


def day(value: date | datetime, lang: str) -> str:
    """A date in the language's long form: ``26 november 2026``."""
    return format_date(value, format="long", locale=locale_of(lang))


def format_spec(value: float, spec: str, lang: str) -> str:
    """A Python format spec (``.2f``, ``.0f``, ``g``, ``.0%``) in the language's notation."""
    if spec.endswith("%"):
        digits = int(spec[1:-1] or 0) if spec.startswith(".") else 0
        return percent(value, lang, digits)
    if spec.endswith("f"):
        digits = int(spec[1:-1] or 0) if spec.startswith(".") else 6
        return fixed(value, lang, digits)
    if spec in ("g", ""):
        return number(value, lang, 3)
    return format(value, spec)


def join_items(items: Iterable[object]) -> str:
    """Items of a list in running text: parted by commas, or by semicolons where an item holds
    a comma itself ("lezen, schrijven en rekenen", "Tilhulp (vacuumtiller, balancer)")."""
    texts = [str(i) for i in items]
    return ("; " if any("," in t for t in texts) else ", ").join(texts)
