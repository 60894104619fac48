"""Locale formatting of numbers, money, hours and dates (Babel), for reports and reasons."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def locale_of(lang: str) -> str:
    """Babel locale of a report language."""
    return LOCALES[lang]


def number(value: float, lang: str, digits: int = 1) -> str:
    """``1234.5`` -> ``1.234,5`` (nl) or ``1,234.5`` (en), with at most `digits` decimals."""
    pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=locale_of(lang))


def fixed(value: float, lang: str, digits: int = 1) -> str:
    """Like `number` but always `digits` decimals: ``0,40``."""
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=locale_of(lang))


def money(value: float, lang: str) -> str:
    """``EUR 14,71`` style amounts (ISO code, so it reads the same on screen and paper)."""
    return format_currency(
        value, "EUR", format="¤ #,##0.00", currency_digits=False, locale=locale_of(lang)
    ).replace("€", "EUR")


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


def euro(value: float, lang: str, cents: bool = False) -> str:
    """Money as business reports write it: ``€ 128.209`` / ``−€ 128.209`` (nl), ``€128,209`` (en).

    Yearly estimates have no cents; rates per hour do (``cents=True``: ``€ 15,89``).
    """
    pattern = "#,##0.00" if cents else "#,##0"
    amount = round(value, 2 if cents else 0)
    text = format_decimal(abs(amount), format=pattern, locale=locale_of(lang))
    sign = "−" if amount < 0 else ""
    return f"{sign}€ {text}" if lang == "nl" else f"{sign}€{text}"
