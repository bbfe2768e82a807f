"""The exam being edited: undoable edits, draft saving, and the live assessment.

Every edit is a value of core.edits (ExamEdit) and goes through one QUndoCommand, which holds the
edit and its inverse (taken from the exam before it) and names itself in the edit's clinical
words; redo() and undo() both call ExamSession.replace_exam, the one place that saves the draft to
the store and re-runs the engine. "Unsaved" state is derived from the undo stack, never kept by
hand.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from core.edits import ExamEdit, FillNormal, start_amendment
from core.engine import Assessment, assess
from core.engine.guided import rest_normal
from core.engine.undecided import Decider
from core.normal import Section
from core.record import Exam, ExamStatus, PatientRecord
from core.store import ConflictError, EditLock, Store, StoreError
from core.store.records import changed_since_signing
from gui.translation import core_words


class ExamEditCommand(QUndoCommand):
    """The one undo command: a core edit, applied by redo(), and its inverse, by undo()."""

    def __init__(self, session: ExamSession, edit: ExamEdit) -> None:
        super().__init__(edit.words(core_words()))
        self._session, self._edit = session, edit
        self._inverse = edit.inverse(session.exam)

    def redo(self) -> None:
        self._session.replace_exam(self._edit.applied_to(self._session.exam))

    def undo(self) -> None:
        self._session.replace_exam(self._inverse.applied_to(self._session.exam))


class ExamSession(QObject):
    """An exam open for editing, with the patient's other exams for comparison."""

    exam_changed = Signal()
    assessment_changed = Signal(object)
    save_failed = Signal(str)
    saved = Signal()
    edit_refused = Signal()
    """An edit of a signed exam was refused (nothing changed): the editor says why."""

    def __init__(self, store: Store, record: PatientRecord, exam: Exam, revision: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.record = record
        self.exam = exam
        self.revision = revision
        self.undo_stack = QUndoStack(self)
        self.amendment_reason: str | None = None
        """Set while a signed exam is being amended: edits stay here until the amendment is
        saved, as a new signed revision with this reason (the store keeps the old one)."""
        self.unsaved: str | None = None
        """Why the exam on screen is not the stored one (the last save failed), or None when
        everything shown is stored. The edits stay on screen until a save succeeds."""
        self.as_signed = store.record_as_signed(record.patient.id, exam.id) \
            if exam.status is ExamStatus.SIGNED else None
        """The record this signed exam was assessed against when signed (None for a draft or
        an exam signed before NeuroExam kept it); a read-only exam is assessed against it."""
        self.held_elsewhere: EditLock | None = None
        """The colleague's lock while another window or workstation edits this exam: it is
        read-only here until they close it (or their lock expires and it is taken over)."""
        if exam.status is ExamStatus.DRAFT:
            self.claim_lock()
        self.assessment: Assessment = self._assess()

    @property
    def patient_id(self) -> str:
        """The patient's record id."""
        return self.record.patient.id

    @property
    def read_only(self) -> bool:
        """A signed exam is read-only unless an amendment has been started; any exam is while a
        colleague edits it."""
        return (self.exam.status is ExamStatus.SIGNED and self.amendment_reason is None) \
            or self.held_elsewhere is not None

    # ----------------------------------------------------------------------------------------
    # The edit lock (core/store/locks.py): taken while this window edits the exam
    # ----------------------------------------------------------------------------------------

    def claim_lock(self, take_over: bool = False) -> None:
        """Mark the exam as edited here; when a colleague has it, note whose it is (read-only
        here). ``take_over`` takes an expired lock. A lock that cannot be taken (the database is
        unreachable, the role edits nothing) leaves the exam as it is: saving is still guarded
        by revisions and says why it fails."""
        before = self.held_elsewhere
        try:
            lock = self.store.take_lock(self.patient_id, self.exam.id, take_over)
        except StoreError:
            return
        self.held_elsewhere = None if lock.mine else lock
        if before is not None and lock.mine:
            self._reload()  # the colleague's saves since it was opened here
        elif self.held_elsewhere != before:
            self.exam_changed.emit()

    def _reload(self) -> None:
        """Show the exam as stored now (edited or signed by a colleague meanwhile)."""
        stored = self.store.load_exam(self.patient_id, self.exam.id)
        self.exam, self.revision = stored.exam, stored.revision
        if self.exam.status is ExamStatus.SIGNED:
            self.release_lock()
            self.as_signed = self.store.record_as_signed(self.patient_id, self.exam.id)
        self.undo_stack.clear()
        self.assessment = self._assess()
        self.exam_changed.emit()
        self.assessment_changed.emit(self.assessment)

    def renew_lock(self) -> None:
        """The heartbeat of an editor (gui/live_updates.py). A lock lost meanwhile (taken over
        after this workstation went silent) makes the exam read-only here, saying by whom."""
        if self.exam.status is ExamStatus.SIGNED and not self.amending:
            return
        if self.store.renew_lock(self.patient_id, self.exam.id) is None:
            self.claim_lock()

    def release_lock(self) -> None:
        """The exam is closed here, or signed: colleagues may edit it."""
        if self.held_elsewhere is None:
            with contextlib.suppress(StoreError):  # it expires on its own
                self.store.release_lock(self.patient_id, self.exam.id)

    @property
    def amending(self) -> bool:
        """True while a signed exam is being amended."""
        return self.amendment_reason is not None

    def changed_since_signing(self) -> list[str]:
        """The records the engine reads that changed after this exam was signed."""
        if self.as_signed is None or not self.read_only:
            return []
        return changed_since_signing(self.as_signed, self.record)

    def _record_with_exam(self) -> PatientRecord:
        if self.read_only and self.as_signed is not None:
            return self.as_signed
        others = [e for e in self.record.exams if e.id != self.exam.id]
        return self.record.model_copy(update={"exams": [*others, self.exam]})

    def _assess(self) -> Assessment:
        return assess(self._record_with_exam(), self.exam.id)

    # ----------------------------------------------------------------------------------------
    # Domain operations
    # ----------------------------------------------------------------------------------------

    def apply(self, edit: ExamEdit) -> bool:
        """Make ``edit`` one undoable step; False when it changes nothing, the exam is signed or
        a colleague is editing it. An edit the record refuses raises (EditError, ValueError) and
        leaves the exam as it was."""
        if self.held_elsewhere is not None:
            self.save_failed.emit(f"This exam is {self.held_elsewhere.describe()}; it cannot be "
                                  "changed here meanwhile.")
            return False
        if self.read_only:
            self.edit_refused.emit()
            return False
        if edit.applied_to(self.exam) == self.exam:
            return False
        self.undo_stack.push(ExamEditCommand(self, edit))
        return True

    def fill_normal(self, section: Section) -> list[Decider]:
        """"Rest normal": every item of ``section`` not yet entered gets its normal value, except
        the ones the engine says would decide between the leading lesions; those are returned,
        for the examiner to test."""
        plan = rest_normal(self.record, self.exam, section)
        self.apply(FillNormal(section, plan.keep))
        return plan.to_test

    def replace_exam(self, exam: Exam) -> None:
        """Show ``exam`` as the current state: save it as a draft, re-assess, tell the views."""
        self.exam = exam
        if not self.amending:  # an amendment is saved whole, with its reason
            self.save_draft()
        self.assessment = self._assess()
        self.exam_changed.emit()
        self.assessment_changed.emit(self.assessment)

    def save_draft(self) -> bool:
        """Store the exam on screen as a draft (also the banner's Retry); True when stored.

        A failure keeps the edits on screen, marked unsaved, and says why: every later edit tries
        again, so none is refused silently."""
        try:
            self.revision = self.store.save_draft(self.patient_id, self.exam, self.revision)
        except ConflictError as error:
            self.unsaved = str(error)
        except StoreError as error:
            self.unsaved = f"The draft could not be saved: {error}"
        else:
            self.unsaved = None
            self.saved.emit()
            return True
        self.save_failed.emit(self.unsaved)
        return False

    def sign(self, examiner: str, password: str | None = None) -> None:
        """Sign the exam: it becomes read-only, and the undo history ends here. ``password``:
        the clinic login's, typed again (Store.sign_exam)."""
        self.store.sign_exam(self.patient_id, self.exam, self.revision, examiner, password)
        self._reload()  # signed: the lock goes, nobody edits it any more

    def begin_amendment(self, reason: str) -> None:
        """Allow edits of a signed exam; they are saved together by save_amendment."""
        reason = start_amendment(self.exam, reason)  # EditError: a draft, or no reason
        self.claim_lock()
        if self.held_elsewhere is not None:
            lock, self.held_elsewhere = self.held_elsewhere, None  # signed: read-only anyway
            raise StoreError(f"This exam is {lock.describe()}; it can be amended here once "
                             "they close it.")
        self.amendment_reason = reason
        self.assessment = self._assess()  # against today's records, as the amendment will be
        self.exam_changed.emit()
        self.assessment_changed.emit(self.assessment)

    def save_amendment(self, password: str | None = None, signer_name: str = "") -> None:
        """Store the amended exam as a new signed revision with the reason, signed by whoever
        amends (Store.amend_exam); end the amendment."""
        if self.amendment_reason is None:
            raise StoreError("No amendment has been started.")
        self.store.amend_exam(self.patient_id, self.exam, self.revision, self.amendment_reason,
                              password, signer_name)
        self._end_amendment()

    def cancel_amendment(self) -> None:
        """Drop the amendment's edits and show the exam as stored."""
        self._end_amendment()

    def _end_amendment(self) -> None:
        """The amendment is saved or dropped: the exam is signed again, shown as stored."""
        self.amendment_reason = None
        self._reload()

    def full_record(self) -> PatientRecord:
        """The patient's record with this exam as it is now (for reports and export)."""
        return self._record_with_exam()

