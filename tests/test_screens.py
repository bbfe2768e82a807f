"""What the screens show a clinician: the first start, Help, words instead of identifiers,
colours that stay readable."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QTextBrowser

from core.edits import ContextField, SetContext
from core.settings import load_settings
from core.store import Store
from gui import exam_control as exam_control_module
from gui import main_window as main_window_module
from gui.dialogs import SettingsDialog
from gui.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(main_window_module, "show_error", lambda *args: None)
    monkeypatch.setattr(exam_control_module.QDesktopServices, "openUrl", lambda url: True)
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


def _palette(window: str, base: str, text: str) -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, window), (QPalette.ColorRole.Base, base),
                         (QPalette.ColorRole.Text, text), (QPalette.ColorRole.WindowText, text)):
        palette.setColor(role, QColor(colour))
    return palette


PALETTES = {"light": _palette("#EFEFEF", "#FFFFFF", "#000000"),
            "dark": _palette("#2B2B2B", "#1E1E1E", "#E6E6E6")}


@pytest.mark.parametrize("name", list(PALETTES))
def test_every_colour_the_app_adds_keeps_4_5_to_1_against_light_and_dark_palettes(
        name: str) -> None:
    from core.engine.triage import LEVEL_COLOURS
    from core.trends import PALETTE
    from gui import palette as colours
    from gui.widgets.trend_chart import CHART_INK, CHART_PAPER

    palette = PALETTES[name]
    window = palette.color(QPalette.ColorRole.Window)
    base = palette.color(QPalette.ColorRole.Base)
    text_pairs = {f"triage {level.words}": (colours.TRIAGE_TEXT, colour)
                  for level, colour in LEVEL_COLOURS.items()}
    text_pairs |= {
        "error message": (colours.error_text(palette), window),
        "comparison exam's values": (colours.secondary_text(palette), base),
        "days since the operation": (colours.secondary_text(palette), window),
        "item to test": (colours.TO_TEST_TEXT, colours.TO_TEST_BACKGROUND),
        "notice": (colours.NOTICE_TEXT, colours.NOTICE_BACKGROUND),
        "unsaved edits banner": (colours.ALERT_TEXT, colours.ALERT_BACKGROUND),
        "text inside the trend chart": (CHART_INK, CHART_PAPER),
    }
    for what, (foreground, background) in text_pairs.items():
        assert colours.contrast(foreground, background) >= 4.5, what
    for colour in PALETTE:  # lines of the trend chart: 3:1 for graphics (WCAG 1.4.11)
        assert colours.contrast(colour, CHART_PAPER) >= 3.0, colour


def test_the_contrast_formula_gives_the_known_ratios() -> None:
    from gui.palette import contrast

    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


IDENTIFIER = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\b[A-Z][A-Za-z]+\.[A-Z][A-Z0-9_]+\b")
"""snake_case (great_toe_extension) or Enum.member (Level.URGENT): a program's names."""


def test_no_visible_text_of_any_screen_or_dialog_is_a_program_identifier(
        tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Walk every screen and dialog in English (the walk the Spanish test makes), with the exam
    steps' review text and the Help windows too, and fail on any identifier a person would
    read."""
    from PySide6.QtWidgets import QTextBrowser, QWidget
    from test_gui_spanish import _screens, _texts

    monkeypatch.setenv("NEUROEXAM_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(main_window_module, "show_error", lambda *args: None)
    window = MainWindow(Store(f"sqlite:///{tmp_path / 'walk.db'}", actor="tester"))
    qtbot.addWidget(window)
    window.show()
    found: list[str] = []
    for screen, root in _screens(window, tmp_path):
        texts = list(_texts(root))
        texts += [("text", b.toPlainText()) for b in root.findChildren(QTextBrowser)
                  if b.isVisible()]
        texts += [("tooltip", w.toolTip()) for w in root.findChildren(QWidget) if w.isVisible()]
        found += [f"{screen}, {what}: {match}" for what, text in texts
                  for match in IDENTIFIER.findall(text)]
    assert not found, "\n".join(sorted(set(found)))


def test_every_command_of_the_registry_is_in_a_menu_with_its_keys_and_in_the_reference(
        qtbot: Any, window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    from gui.actions import ACTIONS

    window.create_demo_patient()
    window.exams.open_exam("post-1")
    window._fill_exam_menu()
    in_menus = {action.text(): action for menu in window.menuBar().findChildren(QMenu)
                for action in menu.actions() if isinstance(action, QAction)}
    for spec in ACTIONS.values():
        action = in_menus[spec.label()]
        assert action.shortcut() == (spec.key_sequence() or action.shortcut()), spec.text
    window.show_keyboard_reference()
    reference = window._keys_viewer.findChild(QTextBrowser).toPlainText()
    for spec in ACTIONS.values():
        assert spec.label().replace("&", "") in reference
        assert spec.key_text() in reference
    keys = [spec.key_text() for spec in ACTIONS.values() if spec.key_text()]
    assert len(keys) == len(set(keys)), "two commands share a key"


def test_help_windows_fit_the_screen_and_say_what_a_clinician_needs(
        qtbot: Any, window: MainWindow) -> None:
    from core.engine import RULES_VERSION

    available = window.screen().availableGeometry()
    window.show_rules()
    window.show_about()
    window.show_keyboard_reference()
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


def test_a_signed_exam_says_it_is_read_only_and_the_title_follows_the_exam(
        window: MainWindow) -> None:
    window.create_demo_patient()
    window.exams.open_exam("post-1")  # signed in the demo data
    banner = window.editor.mode_banner
    assert banner.isVisible() and "read-only" in banner.text() and "Ctrl+Shift+A" in banner.text()
    assert "(signed)" in window.windowTitle() and "2026-03-09" in window.windowTitle()
    window.exams.close_exam()
    window.exams.new_exam()
    assert not window.editor.mode_banner.isVisible()
    session = window.exams.session
    new_date = session.exam.date.replace(day=1 if session.exam.date.day != 1 else 2)
    session.apply(SetContext(ContextField.DATE, new_date))
    assert new_date.isoformat() in window.windowTitle()
