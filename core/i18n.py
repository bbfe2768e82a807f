"""The core's translations: one small catalogue per language, no Qt, no build step.

Every text the core prints (PDFs, CLI messages) is written in English in the code, where it is
used, and passed through a translator: ``_ = translator("es")`` then ``_("Red flags")``. The
English text is the key (as in gettext), so a missing translation falls back to readable English
and a test lists it. Catalogues are Python dictionaries in ``core/locales/<code>.py``: they need
no compile step (the CLI and the PDFs translate from a plain checkout and from the frozen build),
mypy and ruff check them, and the app's Qt texts have their own system (``translations/*.ts``).

Words whose form depends on the noun (Spanish "pie izquierdo", "pierna izquierda") are looked up
with a context: ``_.context("feminine", "left")``; English has one form, so the key is the text.

Sentences composed from findings (the engine's reasons, terms for and against, what is
undecided) are ``Phrase`` objects: an English template with named fields, translated when they
are read (``phrase.render(_)``; ``str(phrase)`` is the English). The code that decides what a
sentence says builds it once; each language only words the template. A translation may ask for
another form of a word field with a context suffix: ``{side_abbreviation}`` is the ``side``
field looked up as ``_.context("abbreviation", ...)`` ("izq."), ``{lesion_of}`` as
``_.context("of", ...)`` ("de la raíz L5").
"""

from __future__ import annotations

import datetime as dt
import locale
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
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
    """The messages of ``language``: English text to translation (English: empty); both the
    texts looked up whole (``MESSAGES``) and the templates of composed messages (``COMPOSED``)."""
    language = Language(language)
    if language is DEFAULT:
        return {}
    module = import_module(f"core.locales.{language.value}")
    return {**module.MESSAGES, **module.COMPOSED}


_FIELD = re.compile(r"\{([a-z_]+)\}")


@cache
def _composed_patterns(language: Language) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The templates of ``language``'s composed messages as patterns, the most specific (the
    most literal text) first, so that a short template never takes a longer one's message."""
    if language is DEFAULT:
        return ()
    templates: Mapping[str, str] = import_module(f"core.locales.{language.value}").COMPOSED
    patterns = []
    for template in sorted(templates, key=lambda t: -len(_FIELD.sub("", t))):
        parts, seen, last = [], set(), 0
        for field in _FIELD.finditer(template):
            parts.append(re.escape(template[last:field.start()]))
            name = field.group(1)
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
            seen.add(name)
            last = field.end()
        parts.append(re.escape(template[last:]))
        patterns.append((re.compile("".join(parts), re.DOTALL), template))
    return tuple(patterns)


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

    def message(self, text: str) -> str:
        """A message composed elsewhere in English (an error of the store, of reading a record),
        in this language: its translation when the catalogue has the text, else the translation
        of the catalogue template it was formatted from (``COMPOSED``, recognised by its shape),
        each field translated the same way; else, for a text of several lines (a list of
        problems or differences) or one line of such a list, each line (its indent and "- "
        kept); else the English."""
        found = self._messages.get(text)
        if found is not None:
            return found
        for pattern, template in _composed_patterns(self.language):
            match = pattern.fullmatch(text)
            if match:
                fields = {name: self.message(value) for name, value in match.groupdict().items()}
                return self._messages[template].format(**fields)
        if "\n" in text:
            return "\n".join(self._line(line) for line in text.split("\n"))
        return self._line(text) if text.startswith((" ", "- ")) else text

    def _line(self, line: str) -> str:
        """One line of a message, its indent and list marker ("  - ") kept; a line "where:
        what" that is not a message as a whole (a record's problem) keeps its "where"."""
        text = line.lstrip().removeprefix("- ")
        marker = line[:len(line) - len(text)]
        found = self.message(text) if text else text
        start = text.find(": ")
        while found == text and start >= 0:  # the "where" may hold ": " itself
            found = text[:start + 2] + self.message(text[start + 2:])
            start = text.find(": ", start + 2)
        return marker + found


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
    return _decimal(f"{value:.{digits}f}", Language(language))


def _decimal(text: str, language: Language) -> str:
    return text.replace(".", ",") if language is Language.ES else text


@dataclass(frozen=True, slots=True)
class Number:
    """A number in a phrase, written with the reader's decimal mark (``spec`` as in format())."""

    value: float
    spec: str = "g"


@dataclass(frozen=True, slots=True)
class Joined:
    """Several fields written as one, with a separator (itself a field: " or " is a Phrase)."""

    items: tuple[Field, ...]
    separator: Field = ", "
    capitalised: bool = False
    """Upper-case the first letter of the result (a list that opens a sentence)."""

    def __str__(self) -> str:
        return render(self, _ENGLISH)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A text translated when it is read: an English ``template`` (the catalogue key) with named
    ``fields``; a field is verbatim text (a grade, a code, a number), another Phrase (a word or
    a sentence of its own), a Number or a Joined list. ``context`` looks the template up in a
    grammatical context (see Translator.context)."""

    template: str
    fields: tuple[tuple[str, Field], ...] = ()
    context: str = ""

    def render(self, _: Translator) -> str:
        """The phrase in ``_``'s language."""
        text = _.context(self.context, self.template) if self.context else _(self.template)
        return text.format_map(_Fields(self.fields, _)) if self.fields else text

    def __str__(self) -> str:
        return self.render(_ENGLISH)


Field = str | int | Phrase | Number | Joined


def phrase(template: str, **fields: Field) -> Phrase:
    """A Phrase with its fields given by name: ``phrase("{side} {movement}", side=...)``."""
    return Phrase(template, tuple(fields.items()))


def word(text: str, context: str = "") -> Phrase:
    """One translatable word or term, without fields (a movement, a side, a lesion)."""
    return Phrase(text, (), context)


def render(value: Field, _: Translator) -> str:
    """A field (or a whole phrase) in ``_``'s language."""
    if isinstance(value, Phrase):
        return value.render(_)
    if isinstance(value, Number):
        return _decimal(format(value.value, value.spec), _.language)
    if isinstance(value, Joined):
        text = render(value.separator, _).join(render(item, _) for item in value.items)
        return text[:1].upper() + text[1:] if value.capitalised else text
    return str(value)


class _Fields(dict[str, str]):
    """A phrase's fields rendered for format_map; ``name_context`` gives the word field
    ``name`` in a grammatical context."""

    def __init__(self, fields: tuple[tuple[str, Field], ...], _: Translator) -> None:
        super().__init__((name, render(value, _)) for name, value in fields)
        self._raw = dict(fields)
        self._translate = _

    def __missing__(self, key: str) -> str:
        name, _sep, context = key.rpartition("_")
        value = self._raw.get(name)
        if isinstance(value, Phrase) and not value.fields and context:
            return self._translate.context(context, value.template)
        raise KeyError(key)


_ENGLISH = Translator(DEFAULT)
