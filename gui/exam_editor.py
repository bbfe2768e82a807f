"""The guided exam: a step list, one page per step, the live triage banner above.

Steps may be visited in any order; Enter (or Ctrl+Enter inside the grids) goes to the next step;
each section's "rest normal" (Ctrl+R) fills what was not entered with normal values. Every edit
goes to ExamSession.edit, so it is undoable and saved as a draft at once.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.dermatome_map import values_from_exam
from core.engine.summary import assessment_text
from core.exam_items import SIDE_TESTS, SideTest
from core.grades import MotorGrade, ReflexGrade, SensoryGrade
from core.knowledge import (
    MOTOR_ITEMS,
    NOT_TESTABLE_REASON_LABELS,
    RED_FLAGS,
    REFLEXES,
    Dermatome,
    ItemKind,
    Muscle,
    NotTestableReason,
    RedFlag,
    Reflex,
    SensoryModality,
    Side,
)
from core.normal import Section, missing_items
from core.record import Exam, ExamKind, Pain
from gui.accessibility import name_form_fields
from gui.grade_model import TO_TEST_COLOUR, GradeGridModel
from gui.session import ExamSession
from gui.translation import core_words, date_text
from gui.widgets.dermatome_map import DermatomeMapPair
from gui.widgets.grade_grid import GradeGridView
from gui.widgets.triage_banner import TriageBanner

STEPS: list[tuple[str, Section | None]] = [
    (QT_TRANSLATE_NOOP("ExamEditor", "Context"), None),
    (QT_TRANSLATE_NOOP("ExamEditor", "Motor"), Section.MOTOR),
    (QT_TRANSLATE_NOOP("ExamEditor", "Sensory"), Section.SENSORY),
    (QT_TRANSLATE_NOOP("ExamEditor", "Reflexes and UMN signs"), Section.REFLEXES),
    (QT_TRANSLATE_NOOP("ExamEditor", "Walking and tension tests"), Section.FUNCTION),
    (QT_TRANSLATE_NOOP("ExamEditor", "Red flags and pain"), Section.RED_FLAGS),
    (QT_TRANSLATE_NOOP("ExamEditor", "Review"), None),
    (QT_TRANSLATE_NOOP("ExamEditor", "Sign"), None),
]
"""The steps by their English titles (the keys ``go_to`` takes); shown translated."""
NOT_EXAMINED = "not examined"


def step_title(text: str) -> str:
    """A step's title (STEPS) in the app's language."""
    return QCoreApplication.translate("ExamEditor", text)


def ask_nt_reason(parent: QWidget) -> NotTestableReason | None:
    """Ask why an item is not testable (the app always asks); None when cancelled."""
    words = core_words()
    labels = {words(label): reason for reason, label in NOT_TESTABLE_REASON_LABELS.items()}
    chosen, accepted = QInputDialog.getItem(
        parent, QCoreApplication.translate("ExamEditor", "Not testable"),
        QCoreApplication.translate("ExamEditor", "Why is it not testable?"), list(labels), 0,
        False)
    if not accepted:
        return None
    return labels[chosen]


def _native_keys(key: QKeySequence.StandardKey) -> str:
    """The platform's text for a standard key (Ctrl+P here, Cmd+P on macOS), for button labels."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


class ExamEditor(QWidget):
    """The whole guided exam for one ExamSession."""

    sign_requested = Signal(str)
    reports_requested = Signal()
    amend_requested = Signal()
    print_requested = Signal()
    discard_requested = Signal()

    def __init__(self, session: ExamSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.banner = TriageBanner()
        self.steps = QListWidget()
        self.steps.setAccessibleName(self.tr("Exam steps"))
        self.steps.setMinimumWidth(200)
        self.steps.setMaximumWidth(210)
        self.pages = QStackedWidget()
        self._build_pages()
        for title, _ in STEPS:
            self.steps.addItem(step_title(title))
        self.steps.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.steps.currentRowChanged.connect(lambda _: self._focus_page())
        self.rest_normal_button = QPushButton(self.tr("Rest normal (Ctrl+R)"))
        self.rest_normal_button.clicked.connect(self.rest_normal)
        self.next_button = QPushButton(self.tr("Next step (Enter)"))
        self.next_button.clicked.connect(self.next_step)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rest_normal_button)
        buttons.addStretch()
        buttons.addWidget(QLabel(self.tr("Beside each field (Ctrl+B):")))
        buttons.addWidget(self.compare_box)
        buttons.addWidget(self.next_button)
        body = QHBoxLayout()
        body.addWidget(self.steps)
        right = QVBoxLayout()
        right.addWidget(self.pages, 1)
        right.addLayout(buttons)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        self._add_shortcuts()
        session.exam_changed.connect(self.refresh)
        session.assessment_changed.connect(self.banner.show_assessment)
        self.refresh()
        self.banner.show_assessment(session.assessment)
        self.steps.setCurrentRow(0)

    # ----------------------------------------------------------------------------------------
    # Building
    # ----------------------------------------------------------------------------------------

    def _build_pages(self) -> None:
        self.references: dict[str, Exam] = {}
        """The earlier exams a clinician may see beside each field: the baseline (the latest
        preoperative exam) by default, the previous exam on request. Taken from the engine's
        context of the exam as it is now (see _sync_references)."""
        self.reference_name = "baseline"
        self.baseline: Exam | None = None
        self.compare_box = QComboBox()
        self.compare_box.setAccessibleName(self.tr("Compare with"))
        self.compare_box.setEnabled(False)
        self.compare_box.activated.connect(
            lambda _: self.compare_with(self.compare_box.currentData()))
        self.context_page = self._context_page()
        self.motor_model = GradeGridModel("motor")
        self.motor_grid = GradeGridView(self.motor_model, 5)
        self.motor_grid.value_entered.connect(self._grade_entered)
        self.sensory_page = self._sensory_page()
        self.reflex_model = GradeGridModel("reflexes")
        self.reflex_grid = GradeGridView(self.reflex_model, 4)
        self.reflex_grid.value_entered.connect(self._grade_entered)
        self.review = QTextBrowser()
        self.review.setAccessibleName(self.tr("Review"))
        self.motor_hint = _hint_label(self.tr("Items to test"))
        self.reflex_hint = _hint_label(self.tr("Reflexes to test"))
        pages = (self.context_page, _titled(self.tr("Motor strength (MRC 0-5; type the grade, "
                                                    "- or + after 4, N for not testable)"),
                                            self.motor_grid, self.motor_hint),
                 self.sensory_page, self._reflex_page(), self._function_page(),
                 self._red_flag_page(), _titled(self.tr("Review"), self.review),
                 self._sign_page())
        for page, (title, _) in zip(pages, STEPS, strict=True):
            page.setAccessibleName(self.tr("Step: {title}").format(title=step_title(title)))
            page.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so Enter and shortcuts reach us
            self.pages.addWidget(page)

    def _context_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.kind_box = QComboBox()
        for kind in ExamKind:
            self.kind_box.addItem(core_words()(kind.value), kind.value)
        self.kind_box.activated.connect(lambda _: self._set_field(
            "kind", ExamKind(self.kind_box.currentData())))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(self.tr("yyyy-MM-dd"))
        self.date_edit.editingFinished.connect(self._date_changed)
        self.surgery_box = QComboBox()
        self.surgery_box.addItem(self.tr("none"), None)
        words = core_words()
        for surgery in self.session.record.surgeries:
            self.surgery_box.addItem(f"{words(surgery.procedure)} {surgery.level.value} "
                                     f"{words.context('side', surgery.side.value)}, "
                                     f"{date_text(surgery.date)}", surgery.id)
        self.surgery_box.activated.connect(lambda _: self._set_field(
            "surgery_id", self.surgery_box.currentData()))
        self.examiner_edit = QLineEdit()
        self.examiner_edit.editingFinished.connect(
            lambda: self._set_field("examiner", self.examiner_edit.text().strip()))
        form.addRow(self.tr("Kind of exam"), self.kind_box)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Operation"), self.surgery_box)
        form.addRow(self.tr("Examiner"), self.examiner_edit)
        name_form_fields(form)
        return page

    def _sensory_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        switch = QHBoxLayout()
        self.modality_buttons = QButtonGroup(page)
        for modality in SensoryModality:
            button = QRadioButton(core_words()(modality.label).capitalize())
            button.setProperty("modality", modality.value)
            self.modality_buttons.addButton(button)
            switch.addWidget(button)
        self.modality_buttons.buttons()[0].setChecked(True)
        self.modality_buttons.buttonToggled.connect(lambda *_: self.refresh())
        self.show_baseline = QCheckBox(self._show_map_text())
        self.show_baseline.setEnabled(self.baseline is not None)
        self.show_baseline.toggled.connect(self._show_reference_map)
        switch.addStretch()
        switch.addWidget(self.show_baseline)
        maps = DermatomeMapPair()
        self.sensory_map, self.baseline_map = maps.now, maps.before
        self.sensory_map.value_chosen.connect(self._sensation_chosen)
        layout.addLayout(switch)
        layout.addWidget(maps, 1)
        hint = QLabel(self.tr("Click a region to cycle its value, or move with Tab or the "
                              "arrows and type 2 (normal), 1 (altered), 0 (absent), N (not "
                              "testable). Ctrl+T switches light touch and pin prick."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        return page

    def _side_test_rows(self, grid: QGridLayout, section: Section) -> int:
        """One row per per-side test of ``section`` (from the catalogue): a choice per side and
        the reference exam's values; returns the next free row."""
        grid.addWidget(QLabel(self.tr("Right")), 0, 1)
        grid.addWidget(QLabel(self.tr("Left")), 0, 2)
        grid.addWidget(QLabel(self.tr("Baseline")), 0, 3)
        row = 1
        for test in SIDE_TESTS:
            if test.section is not section:
                continue
            grid.addWidget(QLabel(core_words()(test.label)), row, 0)
            for column, side in ((1, Side.RIGHT), (2, Side.LEFT)):
                box = SideTestBox(test, side)
                box.value_chosen.connect(self._set_single)
                grid.addWidget(box, row, column)
                self._single_boxes[(test.field, side)] = box
            baseline = QLabel()
            self._baseline_labels[test.field] = baseline
            grid.addWidget(baseline, row, 3)
            row += 1
        return row

    def _reflex_page(self) -> QWidget:
        self._single_boxes: dict[tuple[str, Side], SideTestBox] = {}
        self._baseline_labels: dict[str, QLabel] = {}
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Reflexes (NINDS 0-4; N for not testable)")))
        layout.addWidget(self.reflex_hint)
        layout.addWidget(self.reflex_grid)
        grid = QGridLayout()
        self._side_test_rows(grid, Section.REFLEXES)
        layout.addLayout(grid)
        layout.addStretch(1)  # grid and tests take the room they need, from the top
        return page

    def _function_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setRowStretch(self._side_test_rows(grid, Section.FUNCTION), 1)
        return page

    def _red_flag_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Tick every red flag present. Ctrl+R records that all "
                                        "were asked and none is present.")))
        self.flag_boxes: dict[RedFlag, QCheckBox] = {}
        for flag, info in RED_FLAGS.items():
            box = QCheckBox(core_words()(info.label))
            box.clicked.connect(lambda checked, f=flag: self._toggle_flag(f, checked))
            self.flag_boxes[flag] = box
            layout.addWidget(box)
        pain = QHBoxLayout()
        self.pain_boxes: dict[str, QSpinBox] = {}
        for name, label in (("leg", self.tr("Leg pain (0-10)")),
                            ("back", self.tr("Back pain (0-10)"))):
            box = QSpinBox()
            box.setRange(-1, 10)
            box.setSpecialValueText(self.tr("not scored"))
            box.setAccessibleName(label)
            box.editingFinished.connect(lambda n=name, b=box: self._set_pain(n, b.value()))
            self.pain_boxes[name] = box
            pain.addWidget(QLabel(label))
            pain.addWidget(box)
        pain.addStretch()
        layout.addLayout(pain)
        layout.addStretch()
        return page

    def _sign_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.sign_status = QLabel()
        self.sign_examiner = QLineEdit()
        self.sign_examiner.setPlaceholderText(self.tr("Examiner's name"))
        self.sign_examiner.setAccessibleName(self.tr("Examiner signing"))
        self.sign_button = QPushButton(self.tr("Sign exam (Ctrl+Alt+S)"))
        self.sign_button.clicked.connect(
            lambda: self.sign_requested.emit(self.sign_examiner.text().strip()))
        self.amend_button = QPushButton(self.tr("Amend signed exam… (Ctrl+Shift+A)"))
        self.amend_button.clicked.connect(self.amend_requested.emit)
        self.reports_button = QPushButton(
            self.tr("Create clinician report and patient handout (Ctrl+Shift+R)"))
        self.reports_button.clicked.connect(self.reports_requested.emit)
        self.print_button = QPushButton(self.tr("Print both ({keys})").format(
            keys=_native_keys(QKeySequence.StandardKey.Print)))
        self.print_button.clicked.connect(self.print_requested.emit)
        self.discard_button = QPushButton(self.tr("Discard this draft…"))
        self.discard_button.clicked.connect(self.discard_requested.emit)
        for widget in (self.sign_status, self.sign_examiner, self.sign_button, self.amend_button,
                       self.reports_button, self.print_button, self.discard_button):
            layout.addWidget(widget)
        layout.addStretch()
        return page

    def _add_shortcuts(self) -> None:
        actions = [(self.tr("Rest normal"), QKeySequence("Ctrl+R"), self.rest_normal),
                   (self.tr("Next step"), QKeySequence("Ctrl+Return"), self.next_step),
                   (self.tr("Previous step"), QKeySequence("Ctrl+Backspace"),
                    self.previous_step),
                   (self.tr("Sign"), QKeySequence("Ctrl+Alt+S"),
                    lambda: self.sign_requested.emit(self.sign_examiner.text().strip())),
                   (self.tr("Reports"), QKeySequence("Ctrl+Shift+R"),
                    self.reports_requested.emit),
                   (self.tr("Switch light touch / pin prick"), QKeySequence("Ctrl+T"),
                    self.toggle_modality),
                   (self.tr("Compare with baseline / previous exam"), QKeySequence("Ctrl+B"),
                    self.toggle_reference),
                   (self.tr("Amend signed exam"), QKeySequence("Ctrl+Shift+A"),
                    self.amend_requested.emit),
                   (self.tr("Print reports"), QKeySequence(QKeySequence.StandardKey.Print),
                    self.print_requested.emit)]
        for text, keys, slot in actions:
            action = QAction(text, self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # ----------------------------------------------------------------------------------------
    # Navigation
    # ----------------------------------------------------------------------------------------

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.next_step()
        else:
            super().keyPressEvent(event)

    def compare_with(self, name: str) -> None:
        """Show the baseline or the previous exam beside every field."""
        if name not in self.references:
            return
        self.reference_name, self.baseline = name, self.references[name]
        self.compare_box.setCurrentIndex(self.compare_box.findData(name))
        self.show_baseline.setText(self._show_map_text())
        self.refresh()

    def _show_map_text(self) -> str:
        return (self.tr("Show previous map") if self.reference_name == "previous"
                else self.tr("Show baseline map"))

    def toggle_reference(self) -> None:
        """Switch between the baseline and the previous exam, when both exist."""
        names = list(self.references)
        if len(names) > 1:
            self.compare_with(names[(names.index(self.reference_name) + 1) % len(names)])

    def next_step(self) -> None:
        """Go to the next step."""
        self.steps.setCurrentRow(min(self.steps.currentRow() + 1, len(STEPS) - 1))

    def previous_step(self) -> None:
        """Go to the previous step."""
        self.steps.setCurrentRow(max(self.steps.currentRow() - 1, 0))

    def go_to(self, title: str) -> None:
        """Open the step with this title."""
        self.steps.setCurrentRow([t for t, _ in STEPS].index(title))

    def focus_step(self) -> None:
        """Give the keyboard to the current step (after the editor is shown: a new exam must not
        leave the focus in the patient search, where Enter would close it)."""
        self._focus_page()

    def _focus_page(self) -> None:
        focus = {1: self.motor_grid, 2: self.sensory_map, 3: self.reflex_grid,
                 7: self.sign_examiner}.get(self.steps.currentRow(), self.pages.currentWidget())
        focus.setFocus()

    def rest_normal(self) -> None:
        """Fill the current section's items not yet entered with normal values; the items that
        would decide between the leading lesions are left, and the cursor goes to the first."""
        section = STEPS[self.steps.currentRow()][1]
        if section is None:
            return
        to_test = self.session.fill_normal(section)
        grids = {Section.MOTOR: self.motor_grid, Section.REFLEXES: self.reflex_grid}
        grid = grids.get(section)
        if to_test and grid is not None:
            grid.move_to(to_test[0].side.value, str(to_test[0].item))
            grid.setFocus()

    # ----------------------------------------------------------------------------------------
    # Edits (each one undoable, through the session)
    # ----------------------------------------------------------------------------------------

    def _set_field(self, name: str, value: Any) -> None:
        self.session.edit(f"set {name}", lambda exam: setattr(exam, name, value))

    def _date_changed(self) -> None:
        date = self.date_edit.date()
        self._set_field("date", dt.date(date.year(), date.month(), date.day()))

    def _grade_entered(self, side: str, key: str, text: str) -> None:
        field = "motor" if key in Muscle._value2member_map_ else "reflexes"
        reason = None
        if text == "NT":
            reason = ask_nt_reason(self)
            if reason is None:
                return
        item = Muscle(key) if field == "motor" else Reflex(key)
        grade = None if text == "" else (MotorGrade(text) if field == "motor" else
                                         ReflexGrade("NT" if text == "NT" else int(text)))
        name = MOTOR_ITEMS[item].movement if field == "motor" else REFLEXES[item].label
        self.session.edit(f"{name[:1].upper()}{name[1:]}, {side}: {text or 'cleared'}",
                          lambda exam: _set_keyed(exam, field, Side(side), item, grade, reason))

    def _sensation_chosen(self, side: str, dermatome: str, value: SensoryGrade | None) -> None:
        modality = self.current_modality()
        reason = None
        if value is SensoryGrade.NT:
            reason = ask_nt_reason(self)
            if reason is None:
                return
        self.session.edit(f"{side} {dermatome} {modality.label}",
                          lambda exam: _set_keyed(exam, modality.value, Side(side),
                                                  Dermatome(dermatome), value, reason))

    def _set_single(self, test: SideTest, side: Side, value: object) -> None:
        self.session.edit(f"{test.label}, {side.value}: {_single_text(test, value)}",
                          lambda exam: getattr(exam, test.field).set(side, value))

    def _toggle_flag(self, flag: RedFlag, present: bool) -> None:
        def change(exam: Exam) -> None:
            flags = set(exam.red_flags or [])
            flags = flags | {flag} if present else flags - {flag}
            exam.red_flags = sorted(flags, key=list(RedFlag).index)
        self.session.edit(f"red flag {flag.value}", change)

    def _set_pain(self, name: str, value: int) -> None:
        def change(exam: Exam) -> None:
            pain = (exam.pain or Pain()).model_copy(update={name: None if value < 0 else value})
            exam.pain = pain
        self.session.edit(f"{name} pain", change)

    def _show_reference_map(self, on: bool) -> None:
        self.baseline_map.setVisible(on)
        self.refresh()

    def toggle_modality(self) -> None:
        """Show and edit the other sensory modality."""
        other = [b for b in self.modality_buttons.buttons() if not b.isChecked()][0]
        other.setChecked(True)

    def current_modality(self) -> SensoryModality:
        """The modality the sensory map shows and edits."""
        checked = self.modality_buttons.checkedButton()
        return SensoryModality(checked.property("modality"))

    # ----------------------------------------------------------------------------------------
    # Showing the exam
    # ----------------------------------------------------------------------------------------

    def _sync_references(self) -> None:
        """Take the baseline and the previous exam from the engine's context of the exam as it
        is now: changing the exam's date or kind can change both, and the grid must show what
        the engine compares against."""
        context = self.session.assessment.context
        references = {name: exam for name, exam in (("baseline", context.baseline),
                                                    ("previous", context.previous))
                      if exam is not None}
        if ({n: e.id for n, e in references.items()}
                == {n: e.id for n, e in self.references.items()}):
            return
        self.references = references
        if self.reference_name not in references:
            self.reference_name = "baseline" if "baseline" in references else "previous"
        self.baseline = references.get(self.reference_name)
        self.compare_box.clear()
        words = core_words()
        for name, exam in references.items():
            self.compare_box.addItem(f"{QCoreApplication.translate('ColumnTableModel', name)}: "
                                     f"{words(exam.kind.value)} "
                                     f"{date_text(exam.date)}", name)
        self.compare_box.setCurrentIndex(self.compare_box.findData(self.reference_name))
        self.compare_box.setEnabled(len(references) > 1)
        self.show_baseline.setText(self._show_map_text())
        self.show_baseline.setEnabled(self.baseline is not None)
        if self.baseline is None:
            self.show_baseline.setChecked(False)

    def refresh(self) -> None:
        """Show the session's exam in every page."""
        self._sync_references()
        exam, baseline = self.session.exam, self.baseline
        self.motor_model.set_exams(exam, baseline, self.reference_name)
        self.reflex_model.set_exams(exam, baseline, self.reference_name)
        modality = self.current_modality()
        self.sensory_map.set_values(values_from_exam(getattr(exam, modality.value)),
                                    self._changed_dermatomes(modality))
        self.sensory_map.set_caption(self.tr("Now: {date}").format(date=date_text(exam.date))
                                     if self.baseline_map.isVisible() else "")
        if baseline is not None:
            self.baseline_map.set_values(values_from_exam(getattr(baseline, modality.value)))
            reference = QCoreApplication.translate("ColumnTableModel", self.reference_name)
            self.baseline_map.set_caption(self.tr("{reference}: {kind} exam {date}").format(
                reference=reference.capitalize(), kind=core_words()(baseline.kind.value),
                date=date_text(baseline.date)))
        self._refresh_context(exam)
        for (field, side), choice in self._single_boxes.items():
            choice.show_value(getattr(exam, field).get(side))
        for test in SIDE_TESTS:
            base = getattr(baseline, test.field) if baseline else None
            self._baseline_labels[test.field].setText(
                "" if base is None else self.tr("R {right} · L {left}").format(
                    right=_single_text(test, base.get(Side.RIGHT)),
                    left=_single_text(test, base.get(Side.LEFT))))
        for flag, box in self.flag_boxes.items():
            box.setChecked(flag in (exam.red_flags or []))
        for name, box in self.pain_boxes.items():
            value = getattr(exam.pain, name) if exam.pain else None
            box.setValue(-1 if value is None else value)
        self._refresh_steps(exam)
        self._refresh_undecided()
        self.review.setPlainText(self._review_text(exam))
        signed, amending = self.session.read_only, self.session.amending
        if amending:
            self.sign_status.setText(self.tr(
                "Amending the signed exam: {reason}. Edits are saved together as a new signed "
                "revision; the earlier one is kept.").format(
                reason=self.session.amendment_reason))
        else:
            self.sign_status.setText(
                self.tr("Signed by {examiner} at {when} UTC.").format(
                    examiner=exam.examiner,
                    when=f"{date_text(exam.signed_at.date())} {exam.signed_at:%H:%M}")
                if signed and exam.signed_at else self.tr("Not signed yet."))
        self.sign_button.setText(self.tr("Save amendment (Ctrl+Alt+S)") if amending
                                 else self.tr("Sign exam (Ctrl+Alt+S)"))
        self.sign_button.setEnabled(not signed)
        self.amend_button.setVisible(signed)
        self.discard_button.setVisible(not signed and not amending)
        if not self.sign_examiner.text():
            self.sign_examiner.setText(exam.examiner)

    def _refresh_undecided(self) -> None:
        """Mark and list the unexamined items the engine says would decide between the leading
        lesions, on the step where each is tested."""
        deciders = self.session.assessment.undecided
        for kind, model, hint in ((ItemKind.MUSCLE, self.motor_model, self.motor_hint),
                                  (ItemKind.REFLEX, self.reflex_model, self.reflex_hint)):
            mine = [d for d in deciders if d.kind is kind]
            model.set_to_test({(d.side, str(d.item)): d.text for d in mine})
            hint.setVisible(bool(mine))
            hint.setText(self.tr("<b>Still undecided between the leading lesions.</b> Test "
                                 "these before you decide:") + "<br>"
                         + "<br>".join(f"• {escape(d.text)}" for d in mine[:5]))

    def _refresh_context(self, exam: Exam) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(exam.kind.value))
        self.date_edit.setDate(QDate(exam.date.year, exam.date.month, exam.date.day))
        self.surgery_box.setCurrentIndex(max(0, self.surgery_box.findData(exam.surgery_id)))
        self.examiner_edit.setText(exam.examiner)

    def _changed_dermatomes(self, modality: SensoryModality) -> frozenset[tuple[Side, Dermatome]]:
        assessment = self.session.assessment
        changes = (assessment.changes_since_previous if self.reference_name == "previous"
                   else assessment.changes)
        return frozenset((c.item.side, Dermatome(c.item.item)) for c in changes
                         if c.item.modality.value == modality.value
                         and c.kind.value not in ("unchanged", "not_comparable"))

    def _refresh_steps(self, exam: Exam) -> None:
        missing = missing_items(exam)
        for row, (title, section) in enumerate(STEPS):
            done = section is not None and not missing[section]
            self.steps.item(row).setText(f"{'✓ ' if done else ''}{step_title(title)}")

    def _review_text(self, exam: Exam) -> str:
        missing = missing_items(exam)
        lines = [assessment_text(self.session.assessment), self.tr("NOT EXAMINED:")]
        for section, items in missing.items():
            if items:
                lines.append("  " + self.tr("{section}: {count} items ({items})").format(
                    section=section.value.replace("_", " "), count=len(items),
                    items=", ".join(items[:6]) + (", ..." if len(items) > 6 else "")))
        if len(lines) == 2:
            lines.append("  " + self.tr("nothing: every item was examined"))
        return "\n".join(lines)


def _titled(title: str, widget: QWidget, hint: QLabel | None = None) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(QLabel(f"<b>{title}</b>"))
    if hint is not None:
        layout.addWidget(hint)
    # a text or a map fills the panel; a grid takes the room its content needs, from the top
    expanding = bool(widget.sizePolicy().verticalPolicy().value
                     & QSizePolicy.PolicyFlag.ExpandFlag.value)
    layout.addWidget(widget, 1 if expanding else 0)
    if not expanding:
        layout.addStretch(1)
    return page


def _hint_label(name: str) -> QLabel:
    """The engine's "still undecided" advice for one step, hidden while there is none."""
    hint = QLabel()
    hint.setWordWrap(True)
    hint.setAccessibleName(name)
    hint.setStyleSheet(f"QLabel {{ background: {TO_TEST_COLOUR}; color: #3D2E00; "
                       "padding: 6px 10px; border-radius: 4px; }")
    hint.hide()
    return hint


def _set_keyed(exam: Exam, field: str, side: Side, key: Any, value: Any,
               reason: NotTestableReason | None) -> None:
    by_side = getattr(exam, field)
    values = dict(by_side.get(side) or {})
    if value is None:
        values.pop(key, None)
    else:
        values[key] = value
    by_side.set(side, values)
    path = f"{field}.{side.value}.{key.value}"
    reasons = dict(exam.nt_reasons)
    reasons.pop(path, None)
    if reason is not None:
        reasons[path] = reason
    exam.nt_reasons = reasons


def _single_text(test: SideTest, value: Any) -> str:
    """A per-side test's value in the app's language ("positivo a 40°")."""
    words = core_words()
    if value is None:
        return QCoreApplication.translate("ExamEditor", "not examined")
    if isinstance(value, int) and test.count is not None:
        return words(test.count.text).format(value)
    return words(test.text(value))


class SideTestBox(QComboBox):
    """The choice of one per-side test's value on one side: "not examined", then the catalogue's
    values; it emits the value itself (an enum member or a count), never its text."""

    value_chosen = Signal(object, object, object)
    """(the SideTest, the Side, the value or None for "not examined")."""

    def __init__(self, test: SideTest, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.test, self.side = test, side
        self._values: list[Any] = [None, *test.values()]
        self.addItems([_single_text(test, v) for v in self._values])
        self.setAccessibleName(f"{core_words()(side.value)} {core_words()(test.label)}")
        self.activated.connect(lambda index: self.value_chosen.emit(
            self.test, self.side, self._values[index]))

    def show_value(self, value: Any) -> None:
        """Show ``value`` (an imported record may hold a count the list does not offer)."""
        if value not in self._values:
            self._values.append(value)
            self.addItem(_single_text(self.test, value))
        self.setCurrentIndex(self._values.index(value))
