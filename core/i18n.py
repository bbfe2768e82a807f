"""The core's translations: one small catalogue per language, no Qt, no build step.

Every text the core prints (PDFs, CLI messages) is written in English in the code, where it is
used, and passed through a translator: ``_ = translator("es")`` then ``_("Red flags")``. The
English text is the key (as in gettext), so a missing translation falls back to readable English
and a test lists it. Catalogues are Python dictionaries in ``core/locales/<code>.py``: they need
no compile step (the CLI and the PDFs translate from a plain checkout and from the frozen build),
mypy and ruff check them, and the app's Qt texts have their own system (``translations/*.ts``).

Words whose form depends on the noun (Spanish "pie izquierdo", "pierna izquierda") are looked up
with a context: ``_.context("feminine", "left")``; English has one form, so the key is the text.
"""

from __future__ import annotations

import datetime as dt
import locale
import os
from collections.abc import Mapping
from enum import StrEnum
from functools import cache
from importlib import import_module


class Language(StrEnum):
    """The languages NeuroExam speaks, as BCP 47 tags (also each PDF's /Lang)."""

    EN = "en"
    ES = "es"

    @property
    def native_name(self) -> str:
        """The language's name in itself, for menus."""
        return {"en": "English", "es": "Español"}[self.value]


DEFAULT = Language.EN
CONTEXT_SEPARATOR = "|"
"""Catalogue keys with a context are ``context|text`` (gettext uses \\x04)."""


@cache
def catalogue(language: Language | str) -> Mapping[str, str]:
    """The messages of ``language``: English text to translation (English: empty)."""
    language = Language(language)
    if language is DEFAULT:
        return {}
    module = import_module(f"core.locales.{language.value}")
    messages: Mapping[str, str] = module.MESSAGES
    return messages


class Translator:
    """Translates English texts into one language; called as ``_(text)``."""

    def __init__(self, language: Language | str) -> None:
        self.language = Language(language)
        self._messages = catalogue(self.language)

    def __call__(self, text: str) -> str:
        """The translation of ``text``, or ``text`` itself when the catalogue lacks it."""
        return self._messages.get(text, text)

    def context(self, context: str, text: str) -> str:
        """The translation of ``text`` in a grammatical ``context`` (e.g. "feminine")."""
        return self._messages.get(f"{context}{CONTEXT_SEPARATOR}{text}", text)


def translator(language: Language | str = DEFAULT) -> Translator:
    """A translator into ``language`` (a Language or its tag, e.g. "es")."""
    return Translator(language)


def parse_language(tag: str | None) -> Language | None:
    """The language of a locale name or tag ("es_ES.UTF-8", "es-MX", "en"); None if unknown."""
    if not tag:
        return None
    code = tag.split(".")[0].replace("-", "_").partition("_")[0].lower()
    try:
        return Language(code)
    except ValueError:
        return None


def system_language() -> Language:
    """The language of the system locale (LC_ALL, LC_MESSAGES, LANG), else English."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return parse_language(value) or DEFAULT
    return parse_language(locale.getlocale()[0]) or DEFAULT


def language_for(setting: str = "") -> Language:
    """The clinician's language: the setting when it names one, else the system locale's."""
    return parse_language(setting) or system_language()


def format_date(date: dt.date, language: Language | str) -> str:
    """A date as the language's readers write it: ISO 8601 in English (unambiguous between the
    US and the UK), day/month/year in Spanish (as Spain and Latin America write it)."""
    if Language(language) is Language.ES:
        return date.strftime("%d/%m/%Y")
    return date.isoformat()


def format_moment(moment: dt.datetime, language: Language | str) -> str:
    """A stored moment (UTC) as this computer's local time with its zone, and in UTC too when
    the two differ: "2026-03-09 10:42 CET (09:42 UTC)" (signatures: UTC stored, local shown)."""
    local = moment.astimezone()
    text = f"{format_date(local.date(), language)} {local:%H:%M} {local.tzname() or ''}".strip()
    if local.utcoffset() == dt.timedelta(0):
        return text if local.tzname() == "UTC" else f"{text} (UTC)"
    utc = moment.astimezone(dt.UTC)
    day = "" if utc.date() == local.date() else f"{format_date(utc.date(), language)} "
    return f"{text} ({day}{utc:%H:%M} UTC)"


def format_decimal(value: float, digits: int, language: Language | str) -> str:
    """A number with ``digits`` decimals and the language's decimal mark (Spanish: comma)."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if Language(language) is Language.ES else text
