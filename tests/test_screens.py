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
    for background in (window, base):  # the focus ring: 3:1 (WCAG 2.2, focus appearance)
        assert colours.contrast(colours.focus_colour(palette), background) >= 3.0


@pytest.mark.parametrize(("width", "height", "language"), [(1600, 1000, "en"), (1280, 860, "es")])
def test_no_two_texts_of_the_paired_maps_overlap(qtbot: Any, window: MainWindow, width: int,
                                                 height: int, language: str) -> None:
    """The sensory step with the baseline map shown draws both maps small, so their labels are
    written larger than the sheet: the labels, the views' titles and the side marks (R, L) must
    still keep apart, in English and in Spanish (longer titles), in a smaller window too."""
    from test_dermatome_map import _overlaps

    from core.dermatome_map import LABEL_SIZE
    from gui import translation

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation.install(app, language)
    try:
        window.resize(width, height)
        window.create_demo_patient()
        window.open_exam("post-1")
        editor = window.editor
        assert editor is not None
        editor.steps.setCurrentRow(2)
        editor.sensory.show_baseline.setChecked(True)
        QApplication.processEvents()
        for shown in (editor.sensory.map, editor.sensory.baseline_map):
            assert shown.isVisible() and shown.label_size() > LABEL_SIZE, "labels enlarged here"
            boxes = [(f"{text} at {box.left():.0f},{box.top():.0f}",
                      (box.left(), box.top(), box.right(), box.bottom()))
                     for text, box, _ in shown.placed_texts()]
            assert not _overlaps(boxes)
            assert "Silla, desde atrás" in {text for text, _, _ in shown.placed_texts()} or (
                language == "en")
    finally:
        translation.uninstall(app)


def test_the_contrast_formula_gives_the_known_ratios() -> None:
    from gui.palette import contrast

    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


IDENTIFIER = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\b[A-Z][A-Za-z]+\.[A-Z][A-Z0-9_]+\b")
"""snake_case (great_toe_extension) or Enum.member (Level.URGENT): a program's names."""


def _other_windows(window: MainWindow) -> Any:
    """The windows the screen walk of the translation test leaves out: Help (rules, keyboard
    reference, About), the audit history, the clinic-mode login and new-user dialogs."""
    from gui.login import LoginDialog
    from gui.users import NewUserDialog

    window.open_patient("DEMO-0001")
    window.show_audit_history()
    yield "audit history", window.audit_dialog
    window.audit_dialog.close()
    for name, show, attribute in (("rules", window.show_rules, "_rules_viewer"),
                                  ("keyboard reference", window.show_keyboard_reference,
                                   "_keys_viewer"),
                                  ("about", window.show_about, "_about")):
        show()
        yield name, getattr(window, attribute)
        getattr(window, attribute).close()
    for name, dialog in (("login", LoginDialog("postgresql+psycopg://ada@db.example/neuroexam")),
                         ("new user", NewUserDialog())):
        dialog.show()
        yield name, dialog
        dialog.close()
        dialog.deleteLater()


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
    for screen, root in [*_screens(window, tmp_path), *_other_windows(window)]:
        texts = list(_texts(root))
        texts += [("text", b.toPlainText()) for b in root.findChildren(QTextBrowser)
                  if b.isVisible()]
        texts += [("tooltip", w.toolTip()) for w in root.findChildren(QWidget) if w.isVisible()]
        assert texts, f"nothing read on the {screen}"
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


def test_choice_steps_mark_changes_and_show_the_baseline_as_secondary(
        qtbot: Any, window: MainWindow) -> None:
    """As in the grids: a value that differs from the baseline is marked "●" and bold, the
    baseline's values are secondary (grey, italic) beside it."""
    from core.knowledge import Side
    from gui.palette import secondary_text

    window.create_demo_patient()
    window.open_exam("post-1")  # heel walk: left unable, baseline normal on both sides
    editor = window.editor
    assert editor is not None
    tests = editor.function.tests
    left, right = tests.boxes[("heel_walk", Side.LEFT)], tests.boxes[("heel_walk", Side.RIGHT)]
    assert left.currentText() == "● unable" and left.font().bold()
    assert right.currentText() == "normal" and not right.font().bold()
    assert [left.itemText(i) for i in range(left.count())].count("● unable") == 1
    reference = tests.references["heel_walk"]
    assert reference.text() == "R normal · L normal"
    assert secondary_text(window.palette()) in reference.styleSheet()
    assert "italic" in reference.styleSheet()
    # the column is headed by what it shows: the baseline, or the previous exam on request
    assert tests.reference_heading.text() == "Baseline"
    editor.compare_with("previous")
    assert tests.reference_heading.text() == "Previous"


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


def test_typing_into_a_signed_exam_says_why_nothing_changed_and_offers_amend(
        qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import Qt

    from core.grades import MotorGrade
    from core.knowledge import Muscle, Side
    from gui.exam_editor import REFUSED_FLASH_MS

    window.create_demo_patient()
    window.exams.open_exam("post-1")  # signed in the demo data
    editor = window.editor
    bar, banner = editor.mode_bar, editor.mode_banner
    assert editor.amend_button.isVisible() and bar.property("refused") in (None, False)
    before = editor.session.exam.motor_grade(Side.LEFT, Muscle.ANKLE_DORSIFLEXION)
    editor.steps.setCurrentRow(1)
    editor.motor.grid.move_to("left", Muscle.ANKLE_DORSIFLEXION.value)
    qtbot.keyClick(editor.motor.grid, Qt.Key.Key_5)

    assert editor.session.exam.motor_grade(Side.LEFT, Muscle.ANKLE_DORSIFLEXION) == before
    assert "This exam is signed; nothing was changed. Choose Amend to change it." in banner.text()
    assert bar.property("refused") is True and bar.isVisible()
    # Not the banner of a failed save: nothing was lost, there is nothing to retry.
    assert not window.exams.unsaved_banner.isVisible() and not window.isWindowModified()
    qtbot.waitUntil(lambda: bar.property("refused") is False, timeout=REFUSED_FLASH_MS + 2000)

    # A choice box shows the exam's value again instead of the refused one.
    editor.steps.setCurrentRow(4)
    box = next(iter(editor.function.tests.boxes.values()))
    shown = box.currentIndex()
    box.setCurrentIndex((shown + 1) % box.count())
    box.activated.emit(box.currentIndex())
    assert box.currentIndex() == shown and bar.property("refused") is True

    # The bar's Amend button asks why, then the same key goes in.
    monkeypatch.setattr(window, "ask_text", lambda title, label: "dorsiflexion misrecorded")
    editor.amend_button.click()
    assert "Amending the signed exam" in banner.text() and not editor.amend_button.isVisible()
    editor.steps.setCurrentRow(1)
    editor.motor.grid.move_to("left", Muscle.ANKLE_DORSIFLEXION.value)
    qtbot.keyClick(editor.motor.grid, Qt.Key.Key_5)
    assert editor.session.exam.motor_grade(Side.LEFT, Muscle.ANKLE_DORSIFLEXION) is MotorGrade.G5
    qtbot.keyClick(editor.motor.grid, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert editor.session.read_only and editor.amend_button.isVisible()


@pytest.mark.parametrize("name", list(PALETTES))
def test_keyboard_focus_is_ringed_on_grid_map_button_and_choice_box(
        qtbot: Any, window: MainWindow, name: str) -> None:
    """The ring of gui/focus_ring.py goes round whatever takes the keyboard, in the focus colour,
    in both palettes, and follows the focus."""
    from PySide6.QtCore import QPoint, QRect, Qt

    from gui.focus_ring import RING, FocusRing
    from gui.palette import focus_colour

    window.setPalette(PALETTES[name])
    window.activateWindow()
    qtbot.waitActive(window)
    window.create_demo_patient()
    window.exams.new_exam()
    editor = window.editor
    box = next(iter(editor.function.tests.boxes.values()))
    for step, target in ((1, editor.motor.grid), (2, editor.sensory.map),
                         (2, editor.rest_normal_button), (4, box)):
        editor.steps.setCurrentRow(step)
        target.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda target=target: QApplication.focusWidget() is target)
        ring = window.findChild(FocusRing)
        assert ring is not None and ring.isVisible() and ring.target is target
        frame = QRect(target.mapTo(window, QPoint(0, 0)), target.size())
        assert ring.geometry().contains(frame) and ring.geometry() != frame
        image = window.grab().toImage()
        ratio = image.devicePixelRatio()
        middle_of_top = QPoint(int(ring.geometry().center().x() * ratio),
                               int((ring.geometry().top() + RING / 2) * ratio))
        assert image.pixelColor(middle_of_top).name() == focus_colour(window.palette()).name()


def test_the_help_windows_speak_spanish(qtbot: Any, window: MainWindow) -> None:
    """The keyboard reference (commands, what each does, the keys inside the exam) and About in
    Spanish: no English text of theirs is left."""
    from gui import translation
    from gui.actions import ACTIONS
    from gui.help import FIELD_KEYS

    app = QApplication.instance()
    translation.install(app, "es")
    try:
        window.show_keyboard_reference()
        window.show_about()
        reference = window._keys_viewer.findChild(QTextBrowser).toPlainText()
        about = window._about.findChild(QTextBrowser).toPlainText()
    finally:
        translation.uninstall(app)
    assert "Referencia de teclado" in reference and "Dentro de la exploración" in reference
    english = [spec.description for spec in ACTIONS.values()]
    english += [text for row in FIELD_KEYS for text in (row[0], row[2]) if " " in text]
    left = [text for text in english if text in reference]
    assert not left, left
    assert "Reglas clínicas" in about and "Base de datos en uso" in about
    assert "decision-support" not in about
