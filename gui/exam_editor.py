"""The guided exam: a step list, one page per step, the live triage banner above.

Steps may be visited in any order; Enter (or Ctrl+Enter inside the grids) goes to the next step;
each section's "rest normal" (Ctrl+R) fills what was not entered with normal values. Each step's
layout is a module of gui/steps/; this is their one controller: it shows the session's exam in
every step, takes every step's edits (values of core.edits, on each step's ``edited`` signal) into
one slot that makes them undoable (ExamSession.apply), and moves between steps. The baseline and
the previous exam beside every field are the engine's, read from the assessment on every refresh.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.edits import ExamEdit, SetGrade
from core.knowledge import Dermatome, ItemKind, Side
from core.normal import Section, missing_items
from core.record import Exam
from gui.actions import ActionId, key_text, make_action
from gui.session import ExamSession
from gui.steps.common import ask_nt_reason
from gui.steps.context import ContextStep
from gui.steps.function import FunctionStep
from gui.steps.motor import MotorStep
from gui.steps.red_flags import RedFlagStep
from gui.steps.reflexes import ReflexStep
from gui.steps.review import ReviewStep
from gui.steps.sensory import SensoryStep
from gui.steps.sign import SignStep
from gui.translation import core_words, date_text
from gui.widgets.triage_banner import TriageBanner

STEPS: list[tuple[str, Section | None]] = [
    (str(QT_TRANSLATE_NOOP("ExamEditor", "Context")), None),
    (str(QT_TRANSLATE_NOOP("ExamEditor", "Motor")), Section.MOTOR),
    (str(QT_TRANSLATE_NOOP("ExamEditor", "Sensory")), Section.SENSORY),
    (str(QT_TRANSLATE_NOOP("ExamEditor", "Reflexes and UMN signs")), Section.REFLEXES),
    (str(QT_TRANSLATE_NOOP("ExamEditor", "Walking and tension tests")), Section.FUNCTION),
    (str(QT_TRANSLATE_NOOP("ExamEditor", "Red flags and pain")), Section.RED_FLAGS),
    (str(QT_TRANSLATE_NOOP("ExamEditor", "Review")), None),
    (str(QT_TRANSLATE_NOOP("ExamEditor", "Sign")), None),
]
"""The steps by their English titles (the keys ``go_to`` takes); shown translated."""
REFERENCES = ("baseline", "previous")
REFUSED_FLASH_MS = 2500
"""How long the signed-exam bar stays red after an edit was refused: long enough to be seen
where the eyes are (on the field), short enough not to read as a lasting error."""
"""The earlier exams a clinician may see beside each field, as the engine's context names them."""


def step_title(text: str) -> str:
    """A step's title (STEPS) in the app's language."""
    return QCoreApplication.translate("ExamEditor", text)


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
        self.reference_name = "baseline"
        """Which earlier exam stands beside each field: "baseline" (the latest preoperative
        exam) by default, "previous" on request (Ctrl+B)."""
        self.banner = TriageBanner()
        self.steps = QListWidget()
        self.steps.setAccessibleName(self.tr("Exam steps"))
        self.steps.setMinimumWidth(200)
        self.steps.setMaximumWidth(210)
        self.pages = QStackedWidget()
        self.compare_box = QComboBox()
        self.compare_box.setAccessibleName(self.tr("Compare with"))
        self.compare_box.setEnabled(False)
        self.compare_box.activated.connect(
            lambda _: self.compare_with(self.compare_box.currentData()))
        self._build_steps()
        for title, _ in STEPS:
            self.steps.addItem(step_title(title))
        self.steps.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.steps.currentRowChanged.connect(lambda _: self._focus_page())
        self.rest_normal_button = QPushButton(self.tr("Rest normal ({keys})").format(
            keys=key_text(ActionId.REST_NORMAL)))
        self.rest_normal_button.clicked.connect(self.rest_normal)
        self.next_button = QPushButton(self.tr("Next step (Enter)"))
        self.next_button.clicked.connect(self.next_step)
        self.steps.currentRowChanged.connect(self._update_step_buttons)
        self._update_step_buttons(self.steps.currentRow())
        buttons = QHBoxLayout()
        buttons.addWidget(self.rest_normal_button)
        buttons.addStretch()
        buttons.addWidget(QLabel(self.tr("Beside each field ({keys}):").format(
            keys=key_text(ActionId.TOGGLE_REFERENCE))))
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
        self.mode_bar, self.mode_banner, self.amend_button = self._mode_banner()
        layout.addWidget(self.mode_bar)
        layout.addLayout(body, 1)
        self._add_shortcuts()
        session.exam_changed.connect(self.refresh)
        session.edit_refused.connect(self._edit_refused)
        session.assessment_changed.connect(self.banner.show_assessment)
        self.refresh()
        self.banner.show_assessment(session.assessment)
        self.steps.setCurrentRow(0)

    # ----------------------------------------------------------------------------------------
    # Building
    # ----------------------------------------------------------------------------------------

    def _build_steps(self) -> None:
        self.context = ContextStep(self.session.record)
        self.motor = MotorStep()
        self.sensory = SensoryStep()
        self.sensory.view_changed.connect(self.refresh)
        self.reflexes = ReflexStep()
        self.function = FunctionStep()
        self.red_flags = RedFlagStep()
        for step in (self.context, self.motor, self.sensory, self.reflexes, self.function,
                     self.red_flags):
            step.edited.connect(self.apply_edit)  # every step's edits, typed, to one slot
        self.review = ReviewStep()
        self.sign = SignStep()
        self.sign.sign_requested.connect(self.sign_requested)
        self.sign.amend_requested.connect(self.amend_requested)
        self.sign.reports_requested.connect(self.reports_requested)
        self.sign.print_requested.connect(self.print_requested)
        self.sign.discard_requested.connect(self.discard_requested)
        pages = (self.context, self.motor.page, self.sensory, self.reflexes, self.function,
                 self.red_flags, self.review.page, self.sign)
        for page, (title, _) in zip(pages, STEPS, strict=True):
            page.setAccessibleName(self.tr("Step: {title}").format(title=step_title(title)))
            page.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so Enter and shortcuts reach us
            self.pages.addWidget(page)

    def _add_shortcuts(self) -> None:
        slots = {ActionId.REST_NORMAL: self.rest_normal, ActionId.NEXT_STEP: self.next_step,
                 ActionId.PREVIOUS_STEP: self.previous_step,
                 ActionId.SIGN: self.sign.request_signing,
                 ActionId.REPORTS: self.reports_requested.emit,
                 ActionId.TOGGLE_MODALITY: self.sensory.toggle_modality,
                 ActionId.TOGGLE_REFERENCE: self.toggle_reference,
                 ActionId.AMEND: self.amend_requested.emit,
                 ActionId.PRINT: self.print_requested.emit}
        for action_id, slot in slots.items():
            self.addAction(make_action(action_id, self, slot,
                                       Qt.ShortcutContext.WidgetWithChildrenShortcut))

    # ----------------------------------------------------------------------------------------
    # Navigation
    # ----------------------------------------------------------------------------------------

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.next_step()
        else:
            super().keyPressEvent(event)

    def references(self) -> dict[str, Exam]:
        """The earlier exams the engine compares this one with, by name (the exam's date and
        kind decide them, so they are read from the assessment each time)."""
        context = self.session.assessment.context
        found = {"baseline": context.baseline, "previous": context.previous}
        return {name: exam for name, exam in found.items() if exam is not None}

    @property
    def baseline(self) -> Exam | None:
        """The earlier exam shown beside each field now."""
        return self.references().get(self.reference_name)

    def compare_with(self, name: str) -> None:
        """Show the baseline or the previous exam beside every field."""
        if name not in self.references():
            return
        self.reference_name = name
        self.refresh()

    def toggle_reference(self) -> None:
        """Switch between the baseline and the previous exam, when both exist."""
        names = list(self.references())
        if len(names) > 1:
            self.compare_with(names[(names.index(self.reference_name) + 1) % len(names)]
                              if self.reference_name in names else names[0])

    def next_step(self) -> None:
        """Go to the next step."""
        self.steps.setCurrentRow(min(self.steps.currentRow() + 1, len(STEPS) - 1))

    def _update_step_buttons(self, row: int) -> None:
        """Rest normal only where a step has items to fill, Next step only before the last."""
        self.rest_normal_button.setEnabled(0 <= row < len(STEPS) and STEPS[row][1] is not None)
        self.next_button.setEnabled(row < len(STEPS) - 1)

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
        focus = {1: self.motor.grid, 2: self.sensory.map, 3: self.reflexes.grid,
                 7: self.sign.examiner}.get(self.steps.currentRow())
        (focus or self.pages.currentWidget() or self).setFocus()

    def rest_normal(self) -> None:
        """Fill the current section's items not yet entered with normal values; the items that
        would decide between the leading lesions are left, and the cursor goes to the first."""
        section = STEPS[self.steps.currentRow()][1]
        if section is None:
            return
        to_test = self.session.fill_normal(section)
        grids = {Section.MOTOR: self.motor.grid, Section.REFLEXES: self.reflexes.grid}
        grid = grids.get(section)
        if to_test and grid is not None:
            grid.move_to(to_test[0].side.value, str(to_test[0].item))
            grid.setFocus()

    # ----------------------------------------------------------------------------------------
    # Edits: every step emits core.edits values; this one slot makes them undoable
    # ----------------------------------------------------------------------------------------

    def apply_edit(self, edit: ExamEdit) -> None:
        """Make a step's edit, undoable, through the session; an NT grade first asks why."""
        if isinstance(edit, SetGrade) and edit.needs_reason:
            reason = ask_nt_reason(self)
            if reason is None:
                return
            edit = replace(edit, reason=reason)
        self.session.apply(edit)

    def toggle_modality(self) -> None:
        """Show and edit the other sensory modality."""
        self.sensory.toggle_modality()

    # ----------------------------------------------------------------------------------------
    # Showing the exam
    # ----------------------------------------------------------------------------------------

    def _show_references(self) -> None:
        """The compare box and the map switch name the earlier exams the engine uses now."""
        references = self.references()
        if self.reference_name not in references:
            self.reference_name = "baseline" if "baseline" in references else "previous"
        self.compare_box.clear()
        words = core_words()
        for name, exam in references.items():
            self.compare_box.addItem(f"{QCoreApplication.translate('ColumnTableModel', name)}: "
                                     f"{words(exam.kind.value)} {date_text(exam.date)}", name)
        self.compare_box.setCurrentIndex(self.compare_box.findData(self.reference_name))
        self.compare_box.setEnabled(len(references) > 1)
        self.sensory.set_reference(self.reference_name, references.get(self.reference_name))

    def refresh(self) -> None:
        """Show the session's exam in every step."""
        self._show_references()
        exam, baseline = self.session.exam, self.baseline
        self.motor.model.set_exams(exam, baseline, self.reference_name)
        self.reflexes.model.set_exams(exam, baseline, self.reference_name)
        self.sensory.show_exam(exam, baseline, self.reference_name, self._changed_dermatomes())
        self.context.show_exam(exam)
        self.reflexes.tests.show_exam(exam, baseline, self.reference_name)
        self.function.tests.show_exam(exam, baseline, self.reference_name)
        self.red_flags.show_exam(exam)
        self._refresh_steps(exam)
        self._refresh_undecided()
        self.review.show_exam(exam, self.session.assessment)
        self.sign.show_exam(exam, self.session.read_only, self.session.amendment_reason)
        self._show_mode(exam)

    def _mode_banner(self) -> tuple[QFrame, QLabel, QPushButton]:
        """The bar above every step that says a signed exam is read-only (with an Amend button)
        or that it is being amended; it turns red for a moment when an edit is refused."""
        from gui.palette import (
            ALERT_BACKGROUND,
            ALERT_BORDER,
            ALERT_TEXT,
            NOTICE_BACKGROUND,
            NOTICE_BORDER,
            NOTICE_TEXT,
        )

        bar = QFrame()
        bar.setObjectName("modeBanner")
        bar.setStyleSheet(
            f"#modeBanner {{ background: {NOTICE_BACKGROUND}; border: 1px solid {NOTICE_BORDER}; }}"
            f" #modeBanner QLabel {{ color: {NOTICE_TEXT}; padding: 2px 4px; }}"
            f' #modeBanner[refused="true"] {{ background: {ALERT_BACKGROUND}; '
            f"border: 3px solid {ALERT_BORDER}; }}"
            f' #modeBanner[refused="true"] QLabel {{ color: {ALERT_TEXT}; }}')
        text = QLabel()
        text.setWordWrap(True)
        text.setAccessibleName(self.tr("Exam status"))
        # "Take over editing" (an expired lock): a link, reached with Tab like a button.
        text.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        text.linkActivated.connect(lambda _: self.session.claim_lock(take_over=True))
        amend = QPushButton(self.tr("Amend…"))
        amend.setToolTip(self.tr("Amend the signed exam ({keys}): you are asked why").format(
            keys=key_text(ActionId.AMEND)))
        amend.clicked.connect(self.amend_requested)
        row = QHBoxLayout(bar)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(text, 1)
        row.addWidget(amend)
        bar.hide()
        self._unflash = QTimer(self)
        self._unflash.setSingleShot(True)
        self._unflash.setInterval(REFUSED_FLASH_MS)
        self._unflash.timeout.connect(lambda: self._set_refused(False))
        return bar, text, amend

    def _show_mode(self, exam: Exam) -> None:
        lock = self.session.held_elsewhere
        if lock is not None:
            from core.store.locks import local_time

            text = self.tr("<b>Read-only here: being edited by {name} at {workstation} since "
                           "{since}.</b> It opens for editing here when they close it.").format(
                name=escape(lock.holder_name), workstation=escape(lock.workstation),
                since=local_time(lock.since))
            if lock.stale:
                text = self.tr("<b>Read-only here: {name} opened it for editing at {workstation} "
                               "at {since}, but that workstation has given no sign of life since "
                               "{seen}; the lock has expired.</b> <a href=\"take-over\">Take "
                               "over editing</a> (what they saved is kept).").format(
                    name=escape(lock.holder_name), workstation=escape(lock.workstation),
                    since=local_time(lock.since), seen=local_time(lock.seen))
            self.mode_banner.setText(text)
        elif self.session.amending:
            self.mode_banner.setText(self.tr(
                "<b>Amending the signed exam</b> ({reason}). Your changes are saved together as "
                "a new signed revision with {keys}; the earlier revision is kept.").format(
                reason=escape(self.session.amendment_reason or ""), keys=key_text(ActionId.SIGN)))
        elif self.session.read_only:
            self.mode_banner.setText(self.tr(
                "<b>Signed exam: read-only.</b> {keys} amends it (you are asked why).").format(
                keys=key_text(ActionId.AMEND)))
        self.amend_button.setVisible(self.session.read_only and lock is None)
        self.mode_bar.setVisible(self.session.amending or self.session.read_only)

    def _edit_refused(self) -> None:
        """Typing into a signed exam: undo what the field shows, say why nothing changed where
        the clinician looks, in red for a moment, and offer Amend."""
        self.refresh()  # a combo box or a field showing the refused value shows the exam again
        message = self.tr("This exam is signed; nothing was changed. Choose Amend to change it.")
        self.mode_banner.setText(f"<b>{escape(message)}</b> "
                                 + self.tr("{keys} amends it (you are asked why).").format(
                                     keys=key_text(ActionId.AMEND)))
        self._set_refused(True)
        self._unflash.start()
        QApplication.beep()
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.mode_banner, message))

    def _set_refused(self, refused: bool) -> None:
        """The bar's alert look on or off (a dynamic property its style sheet reads)."""
        self.mode_bar.setProperty("refused", refused)
        self.mode_bar.style().unpolish(self.mode_bar)
        self.mode_bar.style().polish(self.mode_bar)
        for child in self.mode_bar.findChildren(QWidget):
            child.style().unpolish(child)
            child.style().polish(child)

    def _refresh_undecided(self) -> None:
        """Mark and list the unexamined items the engine says would decide between the leading
        lesions, on the step where each is tested."""
        deciders = self.session.assessment.undecided
        for kind, model, hint in ((ItemKind.MUSCLE, self.motor.model, self.motor.hint),
                                  (ItemKind.REFLEX, self.reflexes.model, self.reflexes.hint)):
            mine = [d for d in deciders if d.kind is kind]
            words = core_words()
            model.set_to_test({(d.side, str(d.item)): d.text.render(words) for d in mine})
            hint.setVisible(bool(mine))
            hint.setText(self.tr("<b>Still undecided between the leading lesions.</b> Test "
                                 "these before you decide:") + "<br>"
                         + "<br>".join(f"• {escape(d.text.render(words))}" for d in mine[:5]))

    def _changed_dermatomes(self) -> frozenset[tuple[Side, Dermatome]]:
        """The dermatomes of the shown modality that changed against the shown reference."""
        return self.session.assessment.changed_dermatomes(self.sensory.modality(),
                                                          self.reference_name == "previous")

    def _refresh_steps(self, exam: Exam) -> None:
        missing = missing_items(exam)
        for row, (title, section) in enumerate(STEPS):
            done = section is not None and not missing[section]
            self.steps.item(row).setText(f"{'✓ ' if done else ''}{step_title(title)}")
