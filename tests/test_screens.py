"""What the screens show a clinician: the first start, Help, words instead of identifiers,
colours that stay readable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMenu, QTextBrowser

from core.settings import load_settings
from core.store import Store
from gui import main_window as main_window_module
from gui.dialogs import SettingsDialog
from gui.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(main_window_module, "show_error", lambda *args: None)
    monkeypatch.setattr(main_window_module.QDesktopServices, "openUrl", lambda url: True)
    shown = MainWindow(Store(f"sqlite:///{tmp_path / 'screens.db'}", actor="tester"))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_the_first_start_asks_for_the_clinic_telephone_the_handout_prints(
        qtbot: Any, window: MainWindow) -> None:
    assert window.clinic_button.isVisible()
    assert "telephone number" in window.start_text.text()

    def fill_in() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, SettingsDialog) and w.isVisible())
        dialog.fields["clinic_name"].setText("Riverside Spine Clinic")
        dialog.fields["clinic_phone"].setText("0100 000 111")
        dialog.accept()

    QTimer.singleShot(200, fill_in)
    window.clinic_button.click()
    assert load_settings().clinic_phone == "0100 000 111"
    assert not window.clinic_button.isVisible()
    assert "telephone number" not in window.start_text.text()


def test_every_command_is_in_a_menu_with_its_own_key_and_in_the_keyboard_reference(
        window: MainWindow) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    from gui.actions import COMMANDS, keyboard_reference_html

    in_menus = {action.text(): action for menu in window.menuBar().findChildren(QMenu)
                for action in menu.actions()}
    keys: list[QKeySequence] = []
    reference = keyboard_reference_html()
    for command in COMMANDS:
        action = in_menus[command.text]
        assert isinstance(action, QAction)
        assert action.shortcut() == command.sequence(), command.label
        if not command.sequence().isEmpty():
            keys.append(command.sequence())
            assert command.key_text() in reference
        assert command.label in reference and command.help in reference
    keys += [QKeySequence(QKeySequence.StandardKey.Undo), QKeySequence(QKeySequence.StandardKey.Redo)]
    assert len(keys) == len(set(k.toString() for k in keys)), "two commands share a key"


def test_the_exam_menu_works_only_on_an_open_exam(window: MainWindow) -> None:
    window.create_demo_patient()
    assert not window.command_actions["rest_normal"].isEnabled()
    window.open_exam("post-1")
    assert window.command_actions["rest_normal"].isEnabled()
    window.command_actions["next_step"].trigger()
    assert window.editor.steps.currentRow() == 1
    window.close_exam()
    assert not window.command_actions["sign"].isEnabled()


def test_help_windows_fit_the_screen_and_say_what_a_clinician_needs(
        qtbot: Any, window: MainWindow) -> None:
    from core.engine import RULES_VERSION

    available = window.screen().availableGeometry()
    window.command_actions["show_rules"].trigger()
    window.command_actions["about"].trigger()
    window.command_actions["keyboard_reference"].trigger()
    for viewer in (window._rules_viewer, window._about, window._keys_viewer):
        qtbot.waitExposed(viewer)
        assert viewer.height() <= available.height() and viewer.width() <= available.width()
    rules = window._rules_viewer.findChild(QTextBrowser).toPlainText()
    assert "Triage" in rules and RULES_VERSION in rules
    for developer_text in ("--markdown", "neuroexam rules", "clinical-reference", "by hand"):
        assert developer_text not in rules
    about = window._about.findChild(QTextBrowser).toPlainText()
    for needed in ("NeuroExam", RULES_VERSION, "LGPL-3.0-or-later", "screens.db"):
        assert needed in about, needed
