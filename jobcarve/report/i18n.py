"""Gettext catalogues of the reports (Babel): ``jobcarve/locale/<lang>/LC_MESSAGES/jobcarve.po``.

The .po files are compiled in memory when a report is made, so the repository holds only
text catalogues. English msgids are the source strings; both catalogues list every string.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "jobcarve"


def catalog_path(lang: str) -> Path:
    """The .po file of a language."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(lang: str) -> Catalog:
    """The parsed catalogue of a language."""
    with catalog_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang)


@lru_cache(maxsize=4)
def translations(lang: str) -> Translations:
    """Gettext translations of a language, compiled from its .po file."""
    buffer = io.BytesIO()
    write_mo(buffer, read_catalog(lang))
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


def extract_messages() -> dict[str, list[tuple[str, int]]]:
    """Every translatable string of the templates and the view model, with where it stands."""
    from babel.messages.extract import extract_from_file

    from jobcarve.resources import data_dir

    found: dict[str, list[tuple[str, int]]] = {}
    options = {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}
    templates = data_dir("reports/templates")
    sources = [(p, "jinja2.ext:babel_extract", options) for p in sorted(templates.glob("*.j2"))]
    for module in (
        "context.py",
        "labels.py",
        "charts.py",
        "cards.py",
        "business.py",
        "compare.py",
        "advice.py",
        "balance.py",
    ):
        sources.append((Path(__file__).with_name(module), "python", {}))
    # the business case's formula templates (marked N_ in the economics package)
    for path in sorted((Path(__file__).parent.parent / "economics").glob("*.py")):
        sources.append((path, "python", {}))
    for path, method, opts in sources:
        for lineno, message, _comments, _context in extract_from_file(
            method, str(path), options=opts
        ):
            text = message if isinstance(message, str) else message[0]
            found.setdefault(text, []).append((path.name, lineno))
    return found


def update_catalogs() -> None:
    """Write both .po files with every extracted string; keep existing Dutch translations.

    English msgstrs equal their msgids; new Dutch strings are left empty for a translator
    (the tests fail until they are filled).
    """
    from babel.messages.pofile import write_po

    messages = extract_messages()
    for lang in ("en", "nl"):
        old = read_catalog(lang) if catalog_path(lang).exists() else Catalog(locale=lang)
        cat = Catalog(locale=lang, project="jobcarve", domain=DOMAIN)
        for msgid, where in sorted(messages.items()):
            previous = old.get(msgid)
            text = msgid if lang == "en" else (previous.string if previous is not None else "")
            cat.add(msgid, text, locations=where)
        catalog_path(lang).parent.mkdir(parents=True, exist_ok=True)
        with catalog_path(lang).open("wb") as handle:
            write_po(handle, cat, width=100, omit_header=False, sort_output=True)


if __name__ == "__main__":
    update_catalogs()
