"""The app in Spanish: every visible text of every screen and dialog is translated.

The same screens are built in English and in Spanish and walked widget by widget (labels,
buttons, fields' placeholders, list and combo items, table headers and cells, menus, window
titles, accessible names); a text shown identically in both languages, with a word in it that is
not a name, a code or a number, was not translated.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTextBrowser,
    QWidget,
)

from core.settings import HOME_ENV, Settings
from core.store import Store
from gui import translation
from gui.dialogs import ExportDialog, PatientDialog, SettingsDialog, SurgeryDialog
from gui.main_window import MainWindow

SAME_IN_BOTH = re.compile(
    r"NeuroExam|DEMO-0001|DEMO|Alex|Dr Demo Examiner|Riverside Spine Clinic|"
    r"\b(?:[LST]\d(?:-\d)?|MRC|NINDS|LEMS|ISNCSCI|FHIR|JSON|CSV|URL|PNG|JPEG|UTC|NT|Ctrl|Alt|"
    r"Enter|Tab|normal|total|English|Español|bilateral|paracentral|foraminal)\b|\S*[/\\]\S*")
"""Names of the demo patient and clinic, codes, keys, paths and words both languages share."""


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text).replace("&", "")


def _texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) for every text a user can see or hear under ``root``."""
    if isinstance(root, QMainWindow):
        yield "window title", root.windowTitle()
        for action in root.menuBar().actions():
            yield "menu", action.text()
            yield from (("menu item", a.text()) for a in action.menu().actions())
    elif root.isWindow():
        yield "window title", root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        what = type(widget).__name__
        if isinstance(widget, QTextBrowser):  # the review step: the engine's summary, by line
            yield from ((f"{what} line", line.strip())
                        for line in widget.toPlainText().splitlines())
        yield f"{what} accessible name", widget.accessibleName()
        if isinstance(widget, QLabel | QAbstractButton):
            yield what, widget.text()
        elif isinstance(widget, QLineEdit):
            yield f"{what} placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            yield from ((f"{what} item", widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model, top = widget.model(), QModelIndex()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(top)
            for column in range(columns):
                yield f"{what} header", str(model.headerData(column, Qt.Orientation.Horizontal)
                                            or "")
            for row in range(model.rowCount(top)):
                for column in range(columns):
                    yield f"{what} cell", str(model.index(row, column).data() or "")


def _untranslated(english: list[tuple[str, str]], spanish: list[tuple[str, str]]) -> list[str]:
    """Texts of the Spanish screen that the English screen shows too, with a word in them."""
    shown_in_english = {text for _, text in english}
    return sorted({f"{what}: {text!r}" for what, text in spanish if text in shown_in_english
                   and re.search(r"[A-Za-z]{3,}", SAME_IN_BOTH.sub(" ", _plain(text)))})


def _screens(window: MainWindow, folder: Path) -> Iterator[tuple[str, QWidget]]:
    """Every screen: the start page, the patient page, each exam step, each dialog."""
    yield "start page", window
    window.create_demo_patient()
    yield "patient page", window
    window.open_exam("post-1")
    editor = window.editor
    for row in range(editor.steps.count()):
        editor.steps.setCurrentRow(row)
        yield f"exam step {row + 1}", window
    window.close_exam()
    clinic = Settings(clinic_name="Riverside Spine Clinic", default_examiner="Dr Demo Examiner")
    dialogs: list[tuple[str, Callable[[], QWidget]]] = [
        ("new patient", PatientDialog), ("new operation", lambda: SurgeryDialog("op-2")),
        ("settings", lambda: SettingsDialog(clinic)),
        ("export", lambda: ExportDialog("DEMO-0001", folder))]
    for name, make in dialogs:
        dialog = make()
        dialog.show()
        yield name, dialog
        dialog.close()
        dialog.deleteLater()


def _walk(folder: Path, language: str) -> dict[str, list[tuple[str, str]]]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation.install(app, language)
    home = os.environ.get(HOME_ENV)
    os.environ[HOME_ENV] = str(folder / "home")  # no settings of the user's own
    try:
        store = Store(f"sqlite:///{folder / f'{language}.db'}", actor="tester")
        window = MainWindow(store)
        window.show()
        seen = {}
        for name, screen in _screens(window, folder):
            QCoreApplication.processEvents()
            seen[name] = list(_texts(screen))
        window.close()
        window.deleteLater()
        store.close()
        return seen
    finally:
        translation.uninstall(app)
        if home is None:
            os.environ.pop(HOME_ENV, None)
        else:
            os.environ[HOME_ENV] = home


@pytest.fixture(scope="module")
def both_languages(tmp_path_factory: pytest.TempPathFactory,
                   qapp: QApplication) -> dict[str, dict[str, list[tuple[str, str]]]]:
    return {language: _walk(tmp_path_factory.mktemp(language), language)
            for language in ("en", "es")}


@pytest.mark.parametrize("screen", ["start page", "patient page",
                                    *[f"exam step {n}" for n in range(1, 9)], "new patient",
                                    "new operation", "settings", "export"])
def test_every_visible_text_is_translated(both_languages: dict[str, Any], screen: str) -> None:
    left = _untranslated(both_languages["en"][screen], both_languages["es"][screen])
    assert not left, f"untranslated in the Spanish {screen}:\n" + "\n".join(left)


def test_the_translations_are_complete_and_compiled() -> None:
    source = Path(__file__).resolve().parent.parent / "translations" / "neuroexam_es.ts"
    text = source.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text and "<translation></translation>" not in text
    assert Path(translation.qm_path(translation.Language.ES)).is_file(), "run make"


def test_the_language_comes_from_the_setting_or_the_system_locale(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    try:
        assert translation.install(qapp, "") is translation.Language.ES
        assert QCoreApplication.translate("MainWindow", "&File") == "&Archivo"
        assert translation.install(qapp, "en") is translation.Language.EN
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        translation.uninstall(qapp)


def test_language_settings_are_choices_not_typing(qapp: QApplication) -> None:
    """The clinician picks a language (and the paper, and "both languages") from what exists."""
    from PySide6.QtWidgets import QCheckBox

    dialog = SettingsDialog(Settings(language="es", handout_both_languages=True))
    assert "language" not in dialog.fields and "page_size" not in dialog.fields
    assert isinstance(dialog.choices["handout_both_languages"], QCheckBox)
    offered = [dialog.language.itemData(i) for i in range(dialog.language.count())]
    assert offered == ["", *[language.value for language in translation.Language]]
    assert dialog.language.currentText() == "Español"
    assert dialog.build().handout_both_languages is True
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("Letter"))
    dialog.both_languages.setChecked(False)
    chosen = dialog.build()
    assert (chosen.language, chosen.page_size, chosen.handout_both_languages) == \
        ("en", "Letter", False)
    dialog.deleteLater()
