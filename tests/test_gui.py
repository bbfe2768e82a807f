"""The app driven as a clinician drives it: keyboard first, real widgets, real database."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QTextBrowser, QWidget

from core.demo import demo_record
from core.edits import FillNormal, SetGrade, SetSideTest
from core.engine.triage import LEVEL_COLOURS, Level
from core.exam_items import FAMILY, SIDE_TEST, Section
from core.grades import MotorGrade, SensoryGrade
from core.knowledge import Dermatome, DiscLevel, Muscle, RedFlag, Side
from core.normal import fill_normal
from core.record import Exam, ExamKind, ExamStatus, Patient, Surgery, SurgerySide
from core.store import Store
from gui import exam_control as exam_control_module
from gui import main_window as main_window_module
from gui import store_opening as store_opening_module
from gui.dialogs import PatientDialog
from gui.main_window import MainWindow

TODAY = dt.date.today()


class Keyboard:
    """Presses keys on whatever has focus, and counts every keystroke (a chord counts once)."""

    def __init__(self, qtbot: Any, window: MainWindow) -> None:
        self.qtbot, self.window, self.count = qtbot, window, 0

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
              times: int = 1, target: QWidget | None = None) -> None:
        for _ in range(times):
            self.qtbot.keyClick(target or QApplication.focusWidget() or self.window, key, modifier)
            self.count += 1

    def type(self, text: str, target: QWidget | None = None) -> None:
        for character in text:
            self.qtbot.keyClicks(target or QApplication.focusWidget() or self.window, character)
            self.count += 1


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Error messages the app shows, captured instead of popping up."""
    shown: list[str] = []
    for module in (main_window_module, exam_control_module, store_opening_module):
        monkeypatch.setattr(module, "show_error",
                            lambda parent, title, message: shown.append(f"{title}: {message}"))
    monkeypatch.setattr(exam_control_module.QDesktopServices, "openUrl", lambda url: True)
    return shown


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'gui.db'}", actor="tester")


@pytest.fixture
def window(qtbot: Any, store: Store, messages: list[str]) -> MainWindow:
    shown = MainWindow(store)
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    qtbot.waitExposed(shown)
    return shown


def enter_motor(editor: Any, side: Side, muscle: Muscle, grade: str) -> None:
    """What typing ``grade`` on a motor cell emits ("" clears it)."""
    editor.motor.grid.grade_entered.emit(
        SetGrade(FAMILY["motor"], side, muscle, MotorGrade(grade) if grade else None))


def seed_patient(store: Store) -> None:
    """A patient operated on (left L4-L5) a week ago, with a preoperative exam 10 days before."""
    store.save_patient(Patient(id="P-1", family_name="Keyes", given_name="Robin"))
    store.save_surgery("P-1", Surgery(id="op-1", level=DiscLevel.L4_L5, side=SurgerySide.LEFT,
                                      date=TODAY - dt.timedelta(days=7)))
    preop = fill_normal(Exam(id="pre", date=TODAY - dt.timedelta(days=17),
                             kind=ExamKind.PREOPERATIVE, surgery_id="op-1", examiner="Dr A"))
    preop.motor.left = {**(preop.motor.left or {}), Muscle.GREAT_TOE_EXTENSION: MotorGrade.G4}
    store.save_draft("P-1", preop, 0)
    store.sign_exam("P-1", preop, 1, "Dr A")


def test_first_start_offers_the_demo_patient(qtbot: Any, window: MainWindow) -> None:
    assert window.demo_button.isVisible() and "No patients yet" in window.start_text.text()
    qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)
    assert window.record is not None and window.record.patient.id == "DEMO-0001"
    assert window.patient_page.timeline_model.rowCount() == 3


def test_search_as_you_type_uses_the_list_model(qtbot: Any, window: MainWindow,
                                                store: Store) -> None:
    store.import_record(demo_record())
    store.save_patient(Patient(id="MRN-9", family_name="Zhou", given_name="Li"))
    window.patient_model.search("")
    qtbot.keyClicks(window.search, "zh")
    assert window.patient_model.rowCount() == 1
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.record is not None and window.record.patient.id == "MRN-9"


def test_a_whole_exam_by_keyboard_from_new_patient_to_signed_report(
        qtbot: Any, window: MainWindow, store: Store) -> None:
    keys = Keyboard(qtbot, window)

    failures: list[BaseException] = []

    def fill_patient_dialog() -> None:
        dialog = next(d for d in window.findChildren(PatientDialog) if d.isVisible())
        try:
            for field, text in ((dialog.record_id, "NEW-1"), (dialog.family, "Okafor"),
                                (dialog.given, "Ada"), (dialog.birth, "1980-02-29")):
                keys.type(text, target=field)
            keys.press(Qt.Key.Key_Return, target=dialog.birth)
        except BaseException as error:  # never leave a modal dialog open in a test
            failures.append(error)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, fill_patient_dialog)
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not failures, failures
    assert window.record is not None and window.record.patient.family_name == "Okafor"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the dialog has gone
    normal_exam_keys(keys, window)
    assert window.session is not None and window.session.exam.status is ExamStatus.SIGNED
    keys.press(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.exams.last_reports is not None, timeout=30000)
    report, handout = window.exams.last_reports  # type: ignore[misc]
    assert Path(report).read_bytes().startswith(b"%PDF") and Path(handout).exists()


def normal_exam_keys(keys: Keyboard, window: MainWindow) -> None:
    """A fully normal exam: new exam, then rest normal and Enter through every step, sign."""
    ctrl = Qt.KeyboardModifier.ControlModifier
    keys.press(Qt.Key.Key_N, ctrl)
    keys.press(Qt.Key.Key_Return)  # context: defaults are right
    for _ in range(5):  # motor, sensory, reflexes, function, red flags
        keys.press(Qt.Key.Key_R, ctrl)
        keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Return)  # review
    keys.type("Dr K")  # the examiner's name on the sign step
    keys.press(Qt.Key.Key_S, ctrl | Qt.KeyboardModifier.AltModifier)


def test_a_fully_normal_exam_takes_18_keystrokes(qtbot: Any, window: MainWindow,
                                                  store: Store) -> None:
    seed_patient(store)
    window.open_patient("P-1")
    keys = Keyboard(qtbot, window)
    normal_exam_keys(keys, window)
    session = window.session
    assert session is not None and session.exam.status is ExamStatus.SIGNED
    assert session.assessment.triage.level is Level.ROUTINE
    assert session.exam.examiner == "Dr K"
    print(f"\nkeystrokes, fully normal exam: {keys.count}")
    assert keys.count == 18  # the figure README.md states


def test_the_seed_case_takes_43_keystrokes(qtbot: Any, window: MainWindow,
                                           store: Store) -> None:
    """A week after a left L4-L5 microdiscectomy: toes cannot be lifted, L5 numb."""
    seed_patient(store)
    window.open_patient("P-1")
    keys = Keyboard(qtbot, window)
    ctrl = Qt.KeyboardModifier.ControlModifier
    keys.press(Qt.Key.Key_N, ctrl)
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Down, times=3)          # ankle dorsiflexion, right column
    keys.press(Qt.Key.Key_Tab)                    # left column
    for grade, downs in (("3", 1), ("1", 1), ("2", 1), ("4", 2), ("4", 0)):
        keys.type(grade)                          # TA 3, EHL 1, EDL 2, inversion 4, hip abd 4
        keys.press(Qt.Key.Key_Down, times=downs)
    keys.press(Qt.Key.Key_R, ctrl)
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Left, times=5)          # left L5 on the map
    keys.type("1")
    keys.press(Qt.Key.Key_T, ctrl)                # pin prick
    keys.type("1")
    keys.press(Qt.Key.Key_R, ctrl)
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_R, ctrl)                # reflexes normal
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Tab, times=2)           # left heel walk
    keys.type("u")                                # unable
    keys.press(Qt.Key.Key_R, ctrl)
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_R, ctrl)                # red flags asked, none present
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Return)                 # review
    keys.type("Dr K")
    keys.press(Qt.Key.Key_S, ctrl | Qt.KeyboardModifier.AltModifier)
    session = window.session
    assert session is not None
    exam = session.exam
    assert exam.motor_grade(Side.LEFT, Muscle.GREAT_TOE_EXTENSION) is MotorGrade.G1
    assert exam.motor_grade(Side.LEFT, Muscle.HIP_ABDUCTION) is MotorGrade.G4
    assert exam.sensory_grade(_lt(), Side.LEFT, Dermatome.L5) is SensoryGrade.ALTERED
    assert exam.heel_walk.left is not None and exam.heel_walk.left.value == "unable"
    assert exam.status is ExamStatus.SIGNED
    assert session.assessment.triage.level is Level.URGENT
    assert session.assessment.localisation[0].lesion.value == "L5_root"
    print(f"\nkeystrokes, seed case: {keys.count}")
    assert keys.count == 43  # the figure README.md states


def _lt() -> Any:
    from core.knowledge import SensoryModality

    return SensoryModality.LIGHT_TOUCH


def test_undo_and_redo_of_grades_and_map_clicks(qtbot: Any, window: MainWindow,
                                                store: Store) -> None:
    seed_patient(store)
    window.open_patient("P-1")
    window.exams.new_exam()
    editor, session = window.editor, window.session
    assert editor is not None and session is not None
    editor.go_to("Motor")
    editor.motor.grid.move_to("left", "great_toe_extension")
    qtbot.keyClick(editor.motor.grid, Qt.Key.Key_2)
    assert session.exam.motor_grade(Side.LEFT, Muscle.GREAT_TOE_EXTENSION) is MotorGrade.G2
    assert window.isWindowModified()
    text = session.undo_stack.undoText()  # read by a person in the Edit menu: no identifiers
    assert text.endswith(", left: 2") and "_" not in text and text[:1].isupper(), text
    editor.go_to("Sensory")
    point = editor.sensory.map.widget_point(Side.RIGHT, Dermatome.S1).toPoint()
    qtbot.mouseClick(editor.sensory.map, Qt.MouseButton.LeftButton, pos=point)
    assert session.exam.sensory_grade(_lt(), Side.RIGHT, Dermatome.S1) is SensoryGrade.NORMAL
    session.undo_stack.undo()
    assert session.exam.sensory_grade(_lt(), Side.RIGHT, Dermatome.S1) is None
    session.undo_stack.undo()
    assert session.exam.motor_grade(Side.LEFT, Muscle.GREAT_TOE_EXTENSION) is None
    assert not window.isWindowModified()
    session.undo_stack.redo()
    assert session.exam.motor_grade(Side.LEFT, Muscle.GREAT_TOE_EXTENSION) is MotorGrade.G2
    stored = store.load_exam("P-1", session.exam.id).exam
    assert stored.motor_grade(Side.LEFT, Muscle.GREAT_TOE_EXTENSION) is MotorGrade.G2


def test_a_red_flag_turns_the_banner_to_emergency(qtbot: Any, window: MainWindow,
                                                  store: Store) -> None:
    seed_patient(store)
    window.open_patient("P-1")
    window.exams.new_exam()
    editor = window.editor
    assert editor is not None
    editor.go_to("Red flags and pain")
    assert editor.banner.level is not Level.EMERGENCY
    box = editor.red_flags.flag_boxes[RedFlag.SADDLE_ANAESTHESIA]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert editor.banner.level is Level.EMERGENCY
    assert "EMERGENCY" in editor.banner.text() and "Cauda equina" in editor.banner.text()


def test_baseline_values_are_shown_beside_the_grades(window: MainWindow, store: Store) -> None:
    seed_patient(store)
    window.open_patient("P-1")
    window.exams.new_exam()
    editor = window.editor
    assert editor is not None
    model = editor.motor.model
    row = [m.value for m in model.keys].index("great_toe_extension")
    assert model.data(model.index(row, 4)) == "4"        # left baseline
    editor.motor.grid.move_to("left", "great_toe_extension")
    enter_motor(editor, Side.LEFT, Muscle.GREAT_TOE_EXTENSION, "1")
    assert model.data(model.index(row, 3)) == "● 1"      # changed against baseline, marked


def test_a_draft_comes_back_after_the_app_is_reopened(qtbot: Any, store: Store,
                                                      messages: list[str]) -> None:
    seed_patient(store)
    first = MainWindow(store)
    qtbot.addWidget(first)
    first.open_patient("P-1")
    first.exams.new_exam()
    assert first.editor is not None
    enter_motor(first.editor, Side.LEFT, Muscle.ANKLE_DORSIFLEXION, "3")
    exam_id = first.session.exam.id  # type: ignore[union-attr]
    first.close()
    second = MainWindow(store)
    qtbot.addWidget(second)
    second.open_patient("P-1")
    second.exams.open_exam(exam_id)
    assert second.session is not None
    assert second.session.exam.motor_grade(Side.LEFT, Muscle.ANKLE_DORSIFLEXION) is MotorGrade.G3
    assert second.session.exam.status is ExamStatus.DRAFT


def test_editing_an_exam_saved_elsewhere_shows_the_conflict(window: MainWindow, store: Store,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    seed_patient(store)
    window.open_patient("P-1")
    window.exams.new_exam()
    session = window.session
    assert session is not None and window.editor is not None
    other = Store(store.url, actor="workstation 2")
    theirs = other.load_exam("P-1", session.exam.id)
    other.save_draft("P-1", theirs.exam.model_copy(update={"notes": "theirs"}), theirs.revision)
    enter_motor(window.editor, Side.LEFT, Muscle.KNEE_EXTENSION, "4")
    banner = window.exams.unsaved_banner.isVisibleTo(window) and window.exams.unsaved_text.text()
    assert banner and "Not saved" in banner
    assert "saved elsewhere" in banner and "workstation 2" in banner
    assert store.load_exam("P-1", session.exam.id).exam.notes == "theirs"
    # A later edit is not refused silently: it says again that it was not saved.
    window.exams.unsaved_banner.hide()
    enter_motor(window.editor, Side.LEFT, Muscle.HIP_FLEXION, "4")
    assert window.exams.unsaved_banner.isVisibleTo(window) and session.unsaved is not None
    # Closing warns: Cancel keeps the exam and its edits on screen, Discard closes it.
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def answer(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "warning", answer)
    assert window.exams.close_exam() is False and window.session is session
    assert "could not be saved" in asked[0] and "saved elsewhere" in asked[0]
    assert window.exams.close_exam() is True and window.session is None
    assert not window.exams.unsaved_banner.isVisibleTo(window)


def test_a_locked_database_keeps_the_edit_on_screen_until_retry_stores_it(
        window: MainWindow, store: Store) -> None:
    import sqlite3

    seed_patient(store)
    window.open_patient("P-1")
    window.exams.new_exam()
    session = window.session
    assert session is not None and window.editor is not None
    database = store.url.removeprefix("sqlite:///")
    blocker = sqlite3.connect(database, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
    try:
        enter_motor(window.editor, Side.LEFT, Muscle.KNEE_EXTENSION, "3")
        banner = window.exams.unsaved_text.text()
        assert window.exams.unsaved_banner.isVisibleTo(window) and "Not saved" in banner
        assert "busy" in banner.lower() or "locked" in banner.lower()
        assert session.exam.motor.left is not None
        assert session.exam.motor.left[Muscle.KNEE_EXTENSION] is MotorGrade.G3
    finally:
        blocker.rollback()
        blocker.close()
    retry = next(b for b in window.exams.unsaved_banner.findChildren(QPushButton) if b.text() == "Retry")
    retry.click()
    assert not window.exams.unsaved_banner.isVisibleTo(window) and session.unsaved is None
    stored = store.load_exam("P-1", session.exam.id).exam
    assert stored.motor.left is not None and stored.motor.left[Muscle.KNEE_EXTENSION] is MotorGrade.G3


def test_the_help_menu_shows_the_rules_with_sources(window: MainWindow) -> None:
    help_menu = window.menuBar().actions()[-1].menu()
    assert help_menu is not None
    rules = next(a for a in help_menu.actions() if "rules" in a.text())
    assert rules.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    rules.trigger()
    text = window._rules_viewer.findChild(QTextBrowser).toPlainText()
    assert "EM-CES" in text and "NICE" in text


def test_the_item_models_are_consistent(qtmodeltester: Any, window: MainWindow,
                                        store: Store) -> None:
    window.create_demo_patient()
    qtmodeltester.check(window.patient_model)
    qtmodeltester.check(window.patient_page.timeline_model)
    window.exams.open_exam("post-1")
    assert window.editor is not None
    qtmodeltester.check(window.editor.motor.model)
    qtmodeltester.check(window.editor.reflexes.model)


def test_a_new_patient_with_an_existing_record_id_is_refused_not_overwritten(
        window: MainWindow, store: Store, messages: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    store.save_patient(Patient(id="MRN-1", family_name="Original", given_name="Kept"))
    for number in range(60):  # more prefix matches than the search list shows
        store.save_patient(Patient(id=f"MRN-1{number:02d}", family_name="Aaron",
                                   given_name=str(number)))

    def fill(dialog: Any) -> bool:
        dialog.record_id.setText("MRN-1")
        dialog.family.setText("Impostor")
        dialog.given.setText("New")
        return True

    monkeypatch.setattr(window, "run_dialog", fill)
    window.new_patient()
    assert any("MRN-1 exists" in m for m in messages)
    assert store.load_record("MRN-1").patient.family_name == "Original"


def test_export_from_the_menu_writes_a_deidentified_csv_off_the_gui_thread(
        qtbot: Any, window: MainWindow, store: Store, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window.create_demo_patient()
    out = tmp_path / "registry.csv"

    def choose(dialog: Any) -> bool:
        dialog.scope.setCurrentText("All patients")
        dialog.format.setCurrentText("FHIR R4 Bundle (with the clinician PDF)")
        assert not dialog.deidentify.isEnabled()  # de-identification is for CSV only
        dialog.format.setCurrentText("CSV, one row per exam")
        dialog.deidentify.setChecked(True)
        dialog.path.setText(str(out))
        return True

    monkeypatch.setattr(window, "run_dialog", choose)
    next(a for a in window.menuBar().actions()[0].menu().actions()
         if a.text() == "&Export…").trigger()
    qtbot.waitUntil(lambda: window.exchange.last_export is not None, timeout=30000)
    text = out.read_text(encoding="utf-8-sig")
    assert "DEMO-0001" not in text and "Demo" not in text and text.count("\n") == 4
    assert "Exported 1 patients, 3 exams" in window.statusBar().currentMessage()
    assert window.progress.isHidden()


def test_import_from_the_menu_adds_patients_and_a_conflict_changes_nothing(
        qtbot: Any, window: MainWindow, store: Store, messages: list[str], tmp_path: Path) -> None:
    from core.exchange.records_file import write_records

    first = tmp_path / "first.json"
    write_records(first, [demo_record()])
    window.exchange.import_records(str(first))
    qtbot.waitUntil(lambda: window.exchange.last_import is not None, timeout=30000)
    assert window.patient_model.rowCount() == 1
    changed = demo_record()
    changed.exams[0].notes = "edited at another clinic"
    second = tmp_path / "second.json"
    write_records(second, [changed])
    window.exchange.import_records(str(second))
    qtbot.waitUntil(lambda: bool(messages), timeout=30000)
    assert "Import:" in messages[0] and "notes: stored" in messages[0]
    assert store.load_record("DEMO-0001").to_json_dict() == demo_record().to_json_dict()


def test_the_app_starts_without_loading_the_fhir_library() -> None:
    import subprocess
    import sys

    code = ("import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
            "from core.store import open_store; from gui.main_window import MainWindow;"
            "w = MainWindow(open_store('sqlite://')); w.show(); app.processEvents();"
            "print(any(m.startswith('fhir') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, env={**__import__("os").environ,
                                             "QT_QPA_PLATFORM": "offscreen"})
    assert result.stdout.strip() == "False"


def test_the_window_shows_first_and_the_records_open_after_its_first_paint(
        qtbot: Any, store: Store, messages: list[str]) -> None:
    store.import_record(demo_record())
    shown = MainWindow()
    qtbot.addWidget(shown)
    shown.opening.after_first_paint(store.url)
    assert "Opening the records" in shown.start_text.text() and not shown.menuBar().isEnabled()
    with qtbot.waitSignal(shown.store_opened, timeout=10000):
        shown.show()
    assert shown.patient_model.rowCount() == 1 and shown.menuBar().isEnabled()
    assert not messages


def test_a_damaged_database_at_start_says_so_and_changes_nothing(
        qtbot: Any, tmp_path: Path, messages: list[str]) -> None:
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database" * 100)
    shown = MainWindow()
    qtbot.addWidget(shown)
    shown.opening.after_first_paint(f"sqlite:///{damaged}")
    shown.show()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert "is not an SQLite database" in messages[0] and "It was not changed" in messages[0]
    assert "could not be opened" in shown.start_text.text()
    assert damaged.read_bytes() == b"not a database" * 100


def test_the_previous_exam_is_shown_beside_the_fields_on_request(
        qtbot: Any, window: MainWindow) -> None:
    window.create_demo_patient()
    window.exams.open_exam("fu-7w")
    editor = window.editor
    assert editor is not None and editor.reference_name == "baseline"
    record = demo_record()
    before, previous = record.exam("pre-1"), record.exam("post-1")
    assert before is not None and previous is not None
    model = editor.motor.model
    row = [m.value for m in model.keys].index("great_toe_extension")
    left = Muscle.GREAT_TOE_EXTENSION
    assert model.data(model.index(row, 4)) == before.motor_grade(Side.LEFT, left).value
    qtbot.keyClick(editor.motor.grid, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert editor.reference_name == "previous"
    assert model.headerData(4, Qt.Orientation.Horizontal) == "previous"
    assert model.data(model.index(row, 4)) == previous.motor_grade(Side.LEFT, left).value
    assert editor.compare_box.currentText().startswith("previous: postoperative")


def test_a_signed_exam_is_amended_with_a_reason_and_the_old_revision_kept(
        qtbot: Any, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    window.create_demo_patient()
    window.exams.open_exam("post-1")
    editor, session = window.editor, window.session
    assert editor is not None and session is not None and session.read_only
    enter_motor(editor, Side.LEFT, Muscle.KNEE_EXTENSION, "4")   # refused while signed
    assert session.exam.motor_grade(Side.LEFT, Muscle.KNEE_EXTENSION) is MotorGrade.G5
    monkeypatch.setattr(window, "ask_text", lambda title, label: "knee extension misrecorded")
    editor.steps.setCurrentRow(7)
    qtbot.keyClick(editor.pages.currentWidget(), Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert session.amending and "misrecorded" in editor.sign.status.text()
    enter_motor(editor, Side.LEFT, Muscle.KNEE_EXTENSION, "4")
    assert store.load_exam("DEMO-0001", "post-1").exam.motor_grade(
        Side.LEFT, Muscle.KNEE_EXTENSION) is MotorGrade.G5           # nothing saved until the end
    qtbot.keyClick(editor.pages.currentWidget(), Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert not session.amending and session.read_only
    history = store.history("DEMO-0001", "post-1")
    assert [r.reason for r in history][-1] == "knee extension misrecorded"
    assert history[-2].exam.motor_grade(Side.LEFT, Muscle.KNEE_EXTENSION) is MotorGrade.G5
    assert history[-1].exam.motor_grade(Side.LEFT, Muscle.KNEE_EXTENSION) is MotorGrade.G4


def test_every_focusable_control_has_an_accessible_name(window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel

    from gui.dialogs import ExportDialog, SettingsDialog, SurgeryDialog

    window.create_demo_patient()
    window.exams.open_exam("post-1")
    roots: list[QWidget] = [window, PatientDialog(window), SurgeryDialog("op-2", window),
                            SettingsDialog(window.settings, window),
                            ExportDialog("DEMO-0001", Path("."), window)]
    unnamed = []
    for root in roots:
        for widget in root.findChildren(QWidget):
            internal = widget.objectName().startswith("qt_") or isinstance(
                widget.parent(), QComboBox) or isinstance(widget.parentWidget(), QComboBox)
            if (widget.focusPolicy() == Qt.FocusPolicy.NoFocus or isinstance(widget, QLabel)
                    or internal or widget.accessibleName()
                    or (isinstance(widget, QAbstractButton) and widget.text())):
                continue
            if type(widget).__name__ == "QListView" and isinstance(
                    widget.parent().parent(), QComboBox):
                continue
            unnamed.append(f"{type(widget).__name__} in {type(root).__name__}")
    assert not unnamed, unnamed


def test_window_size_and_export_folder_come_back_without_patient_data(
        qtbot: Any, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gui import window_state

    first = MainWindow(store)
    qtbot.addWidget(first)
    first.resize(760, 540)  # inside the offscreen screen, which restoreGeometry clamps to
    first.show()
    first.create_demo_patient()  # a patient and an exam open while the state is written
    first.exams.open_exam("post-1")
    assert first.exams.session is not None
    window_state.remember_folder("export_folder", tmp_path / "exports.csv")
    first.close()
    second = MainWindow(store)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (760, 540)
    assert window_state.recent_folder("export_folder", Path("/")) == tmp_path
    state_file = Path(window_state.window_state().fileName())
    import os

    assert state_file.is_relative_to(os.environ["NEUROEXAM_HOME"])  # never the user's own config
    stored = state_file.read_text(encoding="utf-8", errors="replace")
    assert "geometry" in stored and "export_folder" in stored
    for private in ("DEMO", "post-1", "Demo"):  # the record id, the exam id, the family name
        assert private not in stored


def test_a_new_exam_shows_not_assessed_in_a_neutral_colour(qtbot: Any, window: MainWindow,
                                                            store: Store) -> None:
    seed_patient(store)
    window.open_patient("P-1")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = window.editor
    assert editor is not None
    banner = editor.banner
    assert banner.level is Level.NOT_ASSESSED
    assert "NOT ASSESSED" in banner.text() and "ROUTINE" not in banner.text()
    assert LEVEL_COLOURS[Level.NOT_ASSESSED] in banner.styleSheet()
    assert LEVEL_COLOURS[Level.ROUTINE] not in banner.styleSheet()


def test_rest_normal_leaves_the_items_that_decide_root_or_nerve_and_moves_to_them(
        qtbot: Any, window: MainWindow, store: Store) -> None:
    """A foot drop with nothing else graded: Ctrl+R fills the motor step but not inversion and
    hip abduction; the cursor goes to the first item to test, and the step says why."""
    seed_patient(store)
    window.open_patient("P-1")
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window, Qt.Key.Key_N, ctrl)
    editor = window.editor
    assert editor is not None
    editor.go_to("Motor")
    for muscle, grade in ((Muscle.ANKLE_DORSIFLEXION, "2"), (Muscle.GREAT_TOE_EXTENSION, "1"),
                          (Muscle.TOE_EXTENSION, "2")):
        editor.motor.grid.move_to("left", muscle.value)
        qtbot.keyClicks(editor.motor.grid, grade)
    assert editor.motor.hint.isVisibleTo(editor)
    assert "ankle inversion" in editor.motor.hint.text()
    qtbot.keyClick(editor.motor.grid, Qt.Key.Key_R, ctrl)
    exam = window.session.exam  # type: ignore[union-attr]
    left = exam.motor.get(Side.LEFT) or {}
    assert Muscle.HIP_FLEXION in left, "the other items are filled"
    for deciding in (Muscle.ANKLE_INVERSION, Muscle.HIP_ABDUCTION):
        assert deciding not in left, f"{deciding} must be left to test"
        row = editor.motor.model.keys.index(deciding)
        assert editor.motor.model.data(editor.motor.model.index(row, 3)) == "test ▸"
    current = editor.motor.grid.current_cell()
    assert current is not None and current[0] == "left"
    assert current[1] in {d.item for d in window.session.assessment.undecided}  # type: ignore[union-attr]
    qtbot.keyClicks(editor.motor.grid, "4")  # weak: the L5 root now leads clearly
    assessment = window.session.assessment  # type: ignore[union-attr]
    assert assessment.headline_localisation[0].lesion.value == "L5_root"


def test_signing_asks_for_the_cauda_equina_questions_beside_root_signs_in_both_legs(
        qtbot: Any, window: MainWindow, store: Store, messages: list[str]) -> None:
    seed_patient(store)
    window.open_patient("P-1")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    session, editor = window.session, window.editor
    assert session is not None and editor is not None

    for side, angle in ((Side.LEFT, 40), (Side.RIGHT, 50)):  # root signs in both legs
        session.apply(SetSideTest(SIDE_TEST["straight_leg_raise"], side, angle))
    session.apply(FillNormal(Section.MOTOR))
    window.exams.sign_exam("Dr K")
    assert session.exam.status is not ExamStatus.SIGNED
    assert any("cauda equina questions" in m for m in messages)
    assert editor.steps.currentItem().text().endswith("Red flags and pain")
    session.apply(FillNormal(Section.RED_FLAGS))  # asked, none present
    window.exams.sign_exam("Dr K")
    assert session.exam.status is ExamStatus.SIGNED


def test_the_baseline_column_follows_the_engine_when_the_exam_date_changes(
        window: MainWindow, store: Store) -> None:
    """Two preoperative exams (great toe 4, then 3): moving the new exam's date to between them
    makes the first one the baseline, in the engine and in the grid alike."""
    seed_patient(store)  # "pre": 17 days ago, great toe extension 4 on the left
    later = fill_normal(Exam(id="pre-2", date=TODAY - dt.timedelta(days=9),
                             kind=ExamKind.PREOPERATIVE, surgery_id="op-1", examiner="Dr A"))
    later.motor.left = {**(later.motor.left or {}), Muscle.GREAT_TOE_EXTENSION: MotorGrade.G3}
    store.save_draft("P-1", later, 0)
    store.sign_exam("P-1", later, 1, "Dr A")
    window.open_patient("P-1")
    window.exams.new_exam()
    editor, session = window.editor, window.session
    assert editor is not None and session is not None
    model = editor.motor.model
    row = [m.value for m in model.keys].index("great_toe_extension")
    assert session.assessment.context.baseline.id == "pre-2"  # type: ignore[union-attr]
    assert model.data(model.index(row, 4)) == "3"
    editor.go_to("Context")
    between = TODAY - dt.timedelta(days=12)
    editor.context.date_edit.setDate(between)
    editor.context.date_edit.editingFinished.emit()
    assert session.exam.date == between
    assert session.assessment.context.baseline.id == "pre"  # type: ignore[union-attr]
    assert model.data(model.index(row, 4)) == "4"
    assert editor.compare_box.currentText().startswith(f"baseline: preoperative "
                                                       f"{(TODAY - dt.timedelta(days=17))}")


def test_ctrl_n_from_an_open_exam_puts_the_keyboard_in_the_new_exam(
        qtbot: Any, window: MainWindow, store: Store) -> None:
    """Enter after Ctrl+N goes to the new exam's step, not to the patient search (which would
    open the first patient and so close the new exam)."""
    seed_patient(store)
    window.open_patient("P-1")
    keys = Keyboard(qtbot, window)
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    first = window.session.exam.id  # type: ignore[union-attr]
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.editor is not None and window.session is not None
    second = window.session.exam.id
    assert second != first
    focus = QApplication.focusWidget()
    assert focus is not window.search and window.editor.isAncestorOf(focus)
    keys.press(Qt.Key.Key_Return)
    assert window.editor is not None and window.session is not None
    assert window.session.exam.id == second
    assert window.editor.steps.currentRow() == 1  # Enter went to the next step


def answer_next_message_box(qtbot: Any, button: Any, asked: list[str]) -> None:
    """Click ``button`` in the next message box the app shows (the real dialog, answered as a
    user would), noting its text and the buttons it offered."""
    from PySide6.QtWidgets import QMessageBox

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        asked.append(box.text())
        asked.extend(b.text().replace("&", "") for b in box.buttons())
        box.button(button).click()
    QTimer.singleShot(0, answer)


@pytest.mark.parametrize("choice", ["Save", "Discard", "Cancel"])
def test_closing_an_unsaved_amendment_offers_save_discard_and_cancel(
        qtbot: Any, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch,
        choice: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    window.create_demo_patient()
    window.exams.open_exam("post-1")
    session = window.session
    assert session is not None
    monkeypatch.setattr(window, "ask_text", lambda title, label: "knee extension misrecorded")
    window.exams.amend_exam()
    enter_motor(window.editor, Side.LEFT, Muscle.KNEE_EXTENSION, "4")
    asked: list[str] = []
    answer_next_message_box(qtbot, getattr(QMessageBox.StandardButton, choice), asked)
    closed = window.exams.close_exam()
    assert "has not been saved" in asked[0] and {"Save", "Discard", "Cancel"} <= set(asked[1:])
    stored = store.load_exam("DEMO-0001", "post-1").exam
    grade = stored.motor_grade(Side.LEFT, Muscle.KNEE_EXTENSION)
    if choice == "Save":
        assert closed and window.session is None and grade is MotorGrade.G4
        assert store.history("DEMO-0001", "post-1")[-1].reason == "knee extension misrecorded"
    elif choice == "Discard":
        assert closed and window.session is None and grade is MotorGrade.G5
    else:
        assert not closed and window.session is session and session.amending
        assert session.exam.motor_grade(Side.LEFT, Muscle.KNEE_EXTENSION) is MotorGrade.G4
        assert grade is MotorGrade.G5
        session.cancel_amendment()  # so that closing the window at the end asks nothing


def test_the_operation_dialog_requires_a_level_and_a_side_and_never_replaces_one(
        qtbot: Any, window: MainWindow, store: Store) -> None:
    """A patient whose only operation is op-2: the dialog proposes op-3, suggests no level or
    side, refuses OK until both are chosen, and op-2 stays as it was."""
    from gui.dialogs import SurgeryDialog

    store.save_patient(Patient(id="P-2", family_name="Vale", given_name="Sam"))
    op2 = Surgery(id="op-2", level=DiscLevel.L5_S1, side=SurgerySide.RIGHT,
                  date=TODAY - dt.timedelta(days=90))
    store.save_surgery("P-2", op2)
    window.open_patient("P-2")
    seen: dict[str, Any] = {}

    def fill() -> None:
        dialog = next((d for d in window.findChildren(SurgeryDialog) if d.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, fill)
            return
        seen.update(id=dialog.surgery_id, level=dialog.level.currentText(),
                    side=dialog.side.currentText())
        dialog._try_accept()
        seen["message"] = dialog.message.text()
        seen["open"] = dialog.isVisible()
        dialog.level.setCurrentText(DiscLevel.L4_L5.value)
        dialog._try_accept()
        seen["message_side"] = dialog.message.text()
        dialog.side.setCurrentText(SurgerySide.LEFT.value)
        dialog._try_accept()
    QTimer.singleShot(0, fill)
    window.new_surgery()
    assert seen["id"] == "op-3" and seen["level"] == "" and seen["side"] == ""
    assert seen["open"] and "Disc level and Side: choose one" in seen["message"]
    assert "Side: choose one" in seen["message_side"]
    record = store.load_record("P-2")
    assert record.surgery("op-2") == op2
    added = record.surgery("op-3")
    assert added is not None and (added.level, added.side) == (DiscLevel.L4_L5, SurgerySide.LEFT)


def test_a_draft_is_discarded_after_asking_audited_and_its_id_never_reused(
        qtbot: Any, window: MainWindow, store: Store) -> None:
    from PySide6.QtWidgets import QMessageBox

    seed_patient(store)
    window.open_patient("P-1")
    window.exams.new_exam()
    editor, session = window.editor, window.session
    assert editor is not None and session is not None
    enter_motor(editor, Side.LEFT, Muscle.KNEE_EXTENSION, "4")
    discarded = session.exam.id
    editor.go_to("Sign")
    assert editor.sign.discard_button.isVisible()
    asked: list[str] = []
    answer_next_message_box(qtbot, QMessageBox.StandardButton.Discard, asked)
    qtbot.mouseClick(editor.sign.discard_button, Qt.MouseButton.LeftButton)
    assert "Discard the draft exam" in asked[0]
    assert window.session is None and window.record is not None
    assert [e.id for e in store.load_record("P-1").exams] == ["pre"]
    entries = [e for e in store.audit_entries("P-1") if e["action"] == "draft_discarded"]
    assert [(e["exam_id"], e["actor"]) for e in entries] == [(discarded, "tester")]
    window.exams.new_exam()
    assert window.session is not None and window.session.exam.id != discarded


def test_a_signed_exam_offers_no_discard_and_the_store_refuses_it(
        window: MainWindow, store: Store) -> None:
    from core.store import SignedExamError
    from core.store.drafts import discard_draft

    seed_patient(store)
    window.open_patient("P-1")
    window.exams.open_exam("pre")
    assert window.editor is not None
    window.editor.go_to("Sign")
    assert not window.editor.sign.discard_button.isVisible()
    stored = store.load_exam("P-1", "pre")
    with pytest.raises(SignedExamError, match="never discarded"):
        discard_draft(store, "P-1", "pre", stored.revision)
    assert store.load_exam("P-1", "pre") == stored


def test_print_is_the_platform_print_key_and_signing_is_not_save_as(window: MainWindow) -> None:
    """Ctrl+P (StandardKey.Print) prints, writing the PDFs has its own key, and nothing the exam
    editor does sits on the platform's Save As key, which a user presses expecting a file dialog."""
    window.create_demo_patient()
    window.exams.open_exam("post-1")
    assert window.editor is not None
    by_key = {action.shortcut(): action.text() for action in window.editor.actions()}
    assert by_key[QKeySequence(QKeySequence.StandardKey.Print)] == "Print reports"
    assert by_key[QKeySequence("Ctrl+Shift+R")] == "Reports"
    assert QKeySequence(QKeySequence.StandardKey.SaveAs) not in by_key
    assert by_key[QKeySequence("Ctrl+Alt+S")] == "Sign"


def test_the_app_writes_the_automatic_backup_and_warns_when_it_fails(
        qtbot: Any, window: MainWindow, store: Store, tmp_path: Path) -> None:
    from core.settings import Settings
    from core.store.scheduled import automatic_backups

    seed_patient(store)
    window.settings = Settings(backup_folder=str(tmp_path / "auto"))
    window.start_automatic_backups()
    qtbot.waitUntil(lambda: len(automatic_backups(tmp_path / "auto")) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: "Automatic backup written" in window.statusBar().currentMessage())
    assert not window.backup_warning.isVisibleTo(window)
    # A backup folder that cannot be made (a file stands where it should be): a warning stays.
    (tmp_path / "blocked").write_text("not a folder")
    window.settings = Settings(backup_folder=str(tmp_path / "blocked" / "auto"))
    window.start_automatic_backups()
    qtbot.waitUntil(lambda: window.backup_warning.isVisibleTo(window), timeout=10_000)
    assert "blocked" in window.backup_warning.toolTip()


def test_a_signed_exam_keeps_its_assessment_when_the_operation_is_edited_later(
        window: MainWindow, store: Store) -> None:
    store.import_record(demo_record())
    window.open_patient("DEMO-0001")
    window.exams.open_exam("post-1")
    assert window.session is not None
    from core.engine.summary import assessment_text

    signed_level = window.session.assessment.triage.level
    signed_text = assessment_text(window.session.assessment)
    assert not window.exams.signing_notice.isVisibleTo(window)
    window.exams.close_exam()
    operation = store.load_record("DEMO-0001").surgeries[0]
    store.save_surgery("DEMO-0001", operation.model_copy(update={"side": SurgerySide.RIGHT,
                                                                 "level": DiscLevel.L5_S1}))
    window.open_patient("DEMO-0001")
    timeline = window.patient_page.timeline_model
    rows = {timeline.index(r, 0).data(): timeline.index(r, 3).data()
            for r in range(timeline.rowCount())}
    post = store.load_exam("DEMO-0001", "post-1").exam
    assert rows[post.date.isoformat()] == signed_level.label.upper()
    window.exams.open_exam("post-1")
    assert window.session is not None
    assert assessment_text(window.session.assessment) == signed_text
    notice = window.exams.signing_notice.text()
    assert window.exams.signing_notice.isVisibleTo(window) and f"operation {operation.id}" in notice
    # Amending assesses against the records as they are now, and the notice goes.
    window.session.begin_amendment("operation corrected")
    assert not window.exams.signing_notice.isVisibleTo(window)
    assert assessment_text(window.session.assessment) != signed_text


def test_the_printed_report_of_a_signed_exam_survives_an_edited_operation(
        qtbot: Any, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfReader

    monkeypatch.setattr(exam_control_module.QDesktopServices, "openUrl", lambda url: True)
    store.import_record(demo_record())

    def printed_report() -> list[str]:
        window.open_patient("DEMO-0001")
        window.exams.open_exam("post-1")
        window.exams.last_reports = None
        window.exams.create_reports()
        qtbot.waitUntil(lambda: window.exams.last_reports is not None, timeout=30_000)
        assert window.exams.last_reports is not None
        text = "\n".join(page.extract_text() for page in PdfReader(window.exams.last_reports[0]).pages)
        # The moment of printing is the one thing that may differ between the two printouts.
        moment = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC")
        return [moment.sub("<time>", line) for line in text.splitlines() if "Printed" not in line]

    before = printed_report()
    operation = store.load_record("DEMO-0001").surgeries[0]
    store.save_surgery("DEMO-0001", operation.model_copy(update={"side": SurgerySide.RIGHT,
                                                                 "level": DiscLevel.L5_S1}))
    assert printed_report() == before
    written = [e for e in store.audit_entries("DEMO-0001") if e["action"] == "pdf_written"]
    assert len(written) == 2 and "post-1" in written[0]["detail"]
