"""The app's language: Qt's own translation system for the app's texts, the core's catalogue
for the clinical words the core supplies.

The app's texts are wrapped in ``self.tr`` (or ``QCoreApplication.translate``); `make
translations` extracts them with pyside6-lupdate into ``translations/neuroexam_es.ts`` (committed,
edited with Qt Linguist or by hand) and compiles ``assets/translations/neuroexam_es.qm`` with
pyside6-lrelease. Qt's own texts (standard buttons, context menus of line edits) come from Qt's
``qtbase_es.qm``, shipped with PySide6 and bundled by build.spec. The language is the setting
*Language*, else the system locale's (core.i18n.language_for), chosen once at start.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from core.assets import asset_path
from core.i18n import DEFAULT, Language, Translator, format_date, language_for, translator

log = logging.getLogger(__name__)

_current = DEFAULT
_installed: list[QTranslator] = []


def qm_path(language: Language) -> str:
    """The compiled translations of the app's own texts into ``language``."""
    return str(asset_path("translations", f"neuroexam_{language.value}.qm"))


def install(app: QCoreApplication, setting: str = "") -> Language:
    """Load the translators of ``setting``'s language (else the system locale's) into ``app``
    and make it the language of the core texts the app shows; returns the language."""
    global _current
    uninstall(app)
    language = language_for(setting)
    _current = language
    QLocale.setDefault(QLocale(language.value))
    if language is DEFAULT:
        return language
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{language.value}", qt_folder),
                         (f"neuroexam_{language.value}", str(asset_path("translations")))):
        qt_translator = QTranslator(app)
        if qt_translator.load(name, folder):
            app.installTranslator(qt_translator)
            _installed.append(qt_translator)
        else:
            log.warning("translations %s not found in %s", name, folder)
    return language


def uninstall(app: QCoreApplication) -> None:
    """Back to English (the tests switch languages within one application)."""
    global _current
    while _installed:
        app.removeTranslator(_installed.pop())
    _current = DEFAULT
    QLocale.setDefault(QLocale(DEFAULT.value))


def language() -> Language:
    """The app's language, as installed."""
    return _current


def core_words() -> Translator:
    """A translator of the core's texts (knowledge labels, the engine's level words) into the
    app's language."""
    return translator(_current)


def date_text(date: dt.date) -> str:
    """A date as the app's language writes it (ISO in English, day/month/year in Spanish)."""
    return format_date(date, _current)
