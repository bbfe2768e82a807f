"""The open exam, as the window runs it: opening and closing, a new exam, signing, amending,
discarding a draft, the PDFs and printing, and the banner over edits that could not be saved.

The decisions are the core's (core.edits: the kind and id of a new exam; the session: what is
saved, signed or amended); this module asks the user and shows the outcome.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from gui.actions import ACTIONS, ActionId, describe, key_text
from gui.errors import log, show_error
from gui.translation import core_words, date_text

if TYPE_CHECKING:
    from core.record import PatientRecord
    from core.settings import Settings
    from core.store import Store
    from gui.exam_editor import ExamEditor
    from gui.main_window import MainWindow
    from gui.session import ExamSession


def _write_reports(store: Store, record: PatientRecord, exam_id: str, settings: Settings,
                   folder: Path) -> tuple[str, str]:
    from core.reports.files import write_reports  # reportlab loads only when PDFs are made

    report = folder / f"{record.patient.id}-{exam_id}-report.pdf"
    handout = folder / f"{record.patient.id}-{exam_id}-handout.pdf"
    # In the audit log first: a PDF that could not be noted is not written.
    store.log_access("pdf_written", [record.patient.id],
                     f"clinician report and patient handout of exam {exam_id}")
    write_reports(record, exam_id, settings, report, handout)
    return str(report), str(handout)


class ExamControl(QObject):
    """Runs the exam open in ``window`` (at most one at a time)."""

    opened = Signal()
    """An exam was opened in the editor."""
    closed = Signal()
    """The open exam was closed."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session: ExamSession | None = None
        self.editor: ExamEditor | None = None
        self.last_reports: tuple[str, str] | None = None
        self._print_when_written = False
        self.unsaved_banner, self.unsaved_text = self._unsaved_banner()
        self.signing_notice = self._signing_notice()

    # ----------------------------------------------------------------------------------------
    # Opening and closing
    # ----------------------------------------------------------------------------------------

    def new_exam(self) -> None:
        """Start a new draft exam for the open patient and open the guided steps (kind, operation
        and id decided by core.edits)."""
        from core.edits import new_exam
        from core.store.drafts import retired_exam_ids

        window = self.window
        if window.record is None:
            return
        patient_id = window.record.patient.id
        exam = new_exam(window.record, dt.date.today(), window.settings.default_examiner,
                        retired_exam_ids(window.store, patient_id))
        window.store.save_draft(patient_id, exam, 0)
        self.open_exam(exam.id)

    def open_exam(self, exam_id: str) -> None:
        """Open an exam in the guided editor (read-only when signed)."""
        from gui.exam_editor import ExamEditor  # the editor's modules load with the first exam
        from gui.session import ExamSession

        window = self.window
        if window.record is None:
            return
        patient_id = window.record.patient.id
        if not self.close_exam():
            return
        window.record = window.store.load_record(patient_id)
        stored = window.store.load_exam(patient_id, exam_id)
        session = ExamSession(window.store, window.record, stored.exam, stored.revision, self)
        self.session = session
        # Bound methods, not lambdas: Qt drops the connection when this object is destroyed.
        session.save_failed.connect(self._save_failed)
        session.saved.connect(self._saved)
        session.undo_stack.cleanChanged.connect(self._clean_changed)
        session.exam_changed.connect(self._show_signing_notice)
        self._show_signing_notice()
        editor = ExamEditor(session)
        self.editor = editor
        editor.sign_requested.connect(self.sign_exam)
        editor.reports_requested.connect(self.create_reports)
        editor.amend_requested.connect(self.amend_exam)
        editor.print_requested.connect(self.print_reports)
        editor.discard_requested.connect(self.discard_draft)
        window.stack.addWidget(editor)
        window.stack.setCurrentWidget(editor)
        editor.focus_step()
        window.edit_menu.clear()
        for action_id, create in ((ActionId.UNDO, session.undo_stack.createUndoAction),
                                  (ActionId.REDO, session.undo_stack.createRedoAction)):
            action = create(window, ACTIONS[action_id].label())
            action.setShortcut(ACTIONS[action_id].key_sequence() or QKeySequence())
            describe(action, action_id)
            window.edit_menu.addAction(action)
        window.show_exam_title(window.record, stored.exam)
        session.exam_changed.connect(self._show_title)  # signed, date or kind changed
        self.opened.emit()

    def _show_title(self) -> None:
        """Keep the window's title on the open exam as it is now."""
        if self.session is not None and self.window.record is not None:
            self.window.show_exam_title(self.window.record, self.session.exam)

    def close_exam(self) -> bool:
        """Close the open exam (its draft is already saved, unless the banner says otherwise).
        Edits that could not be saved are dropped only when the user agrees; an amendment with
        unsaved edits is saved, dropped or kept open, as the user chooses; False when the exam
        stays open."""
        session = self.session
        buttons = QMessageBox.StandardButton
        if session is not None and session.unsaved is not None:
            answer = QMessageBox.warning(
                self.window, self.tr("Edits not saved"), self.tr(
                    "The last edits of this exam could not be saved and are not in the "
                    "database:\n\n{reason}\n\nClose and lose them?").format(reason=session.unsaved),
                buttons.Discard | buttons.Cancel, buttons.Cancel)
            if answer != buttons.Discard:
                return False
        elif session is not None and session.amending and not session.undo_stack.isClean():
            answer = QMessageBox.question(
                self.window, self.tr("Unsaved amendment"), self.tr(
                    "The amendment of this signed exam has not been saved. Save it as a new "
                    "signed revision, discard its changes, or go back to it?"),
                buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
            if answer == buttons.Save:
                self.sign_exam("")
                if session.amending:  # not saved: the error was shown, the exam stays open
                    return False
            elif answer != buttons.Discard:
                return False
        if session is not None:
            session.release_lock()
        if self.editor is not None:
            self.window.stack.removeWidget(self.editor)
            self.editor.deleteLater()
        self.editor, self.session = None, None
        self.unsaved_banner.hide()
        self.signing_notice.hide()
        self.window.edit_menu.clear()
        self.window.setWindowModified(False)
        self.closed.emit()
        return True

    # ----------------------------------------------------------------------------------------
    # Signing, amending, discarding
    # ----------------------------------------------------------------------------------------

    def sign_exam(self, examiner: str) -> None:
        """Sign the open exam, or save the amendment of a signed one."""
        from core.store import StoreError

        session = self.session
        if session is None:
            return
        amending = session.amending
        missing = session.assessment.before_signing
        if missing:
            words = core_words()
            show_error(self.window, self.tr("Not signed yet"),
                       " ".join(m.render(words) for m in missing))
            if self.editor is not None:
                self.editor.go_to("Red flags and pain")
            return
        store, examiner = self.window.store, examiner or self.window.settings.default_examiner
        password = None
        if store.asks_password_to_sign:  # clinic mode: the login's password, every time
            from gui.login import ask_password

            password = ask_password(
                self.window, self.tr("Save amendment") if amending else self.tr("Sign exam"),
                self.tr("Your password, to sign as {signer}:").format(
                    signer=store.signer().text()))
            if password is None:
                return
        try:
            if amending:
                session.save_amendment(password, examiner)
            else:
                session.sign(examiner, password)
        except StoreError as error:
            show_error(self.window, self.tr("Not saved") if amending else self.tr("Not signed"),
                       str(error))
            return
        self.window.statusBar().showMessage(
            self.tr("Amendment saved as a new signed revision.") if amending
            else self.tr("Exam signed by {examiner}.").format(
                examiner=session.exam.signed_by.text() if session.exam.signed_by
                else session.exam.examiner))
        log.info("exam amended" if amending else "exam signed")

    def amend_exam(self) -> None:
        """Start amending the open signed exam, after asking why."""
        from core.edits import EditError
        from core.store import StoreError

        if self.session is None or not self.session.read_only:
            return
        reason = self.window.ask_text(
            self.tr("Amend signed exam"),
            self.tr("Why is this signed exam being changed? (kept with the revision)"))
        if not reason:
            return
        try:
            self.session.begin_amendment(reason)
        except (EditError, StoreError) as error:
            show_error(self.window, self.tr("Amendment"), str(error))
            return
        self.window.statusBar().showMessage(self.tr(
            "Amending: make the changes, then save the amendment ({keys}).").format(
            keys=key_text(ActionId.SIGN)))

    def discard_draft(self) -> None:
        """Discard the open draft after asking (audited; a signed exam is never discarded)."""
        from core.record import ExamStatus
        from core.store import StoreError
        from core.store.drafts import discard_draft

        session = self.session
        if session is None or session.exam.status is not ExamStatus.DRAFT:
            return
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window, self.tr("Discard draft"), self.tr(
                "Discard the draft exam of {date}? Its findings are removed; the audit log keeps "
                "a note that it was discarded.").format(date=date_text(session.exam.date)),
            buttons.Discard | buttons.Cancel, buttons.Cancel)
        if answer != buttons.Discard:
            return
        try:
            discard_draft(self.window.store, session.patient_id, session.exam.id,
                          session.revision)
        except StoreError as error:
            show_error(self.window, self.tr("Not discarded"), str(error))
            return
        self.window.statusBar().showMessage(self.tr("Draft discarded."))
        self.window.open_patient(session.patient_id)

    # ----------------------------------------------------------------------------------------
    # Edits that could not be saved
    # ----------------------------------------------------------------------------------------

    def _unsaved_banner(self) -> tuple[QWidget, QLabel]:
        """The banner over the exam while its last edits are not stored: why, and a Retry."""
        banner = QWidget()
        banner.setObjectName("unsavedBanner")
        from gui.palette import ALERT_BACKGROUND, ALERT_BORDER, ALERT_TEXT

        banner.setStyleSheet(f"#unsavedBanner {{ background: {ALERT_BACKGROUND}; "
                             f"border: 1px solid {ALERT_BORDER}; }} "
                             f"#unsavedBanner QLabel {{ color: {ALERT_TEXT}; }}")
        layout = QHBoxLayout(banner)
        text = QLabel()
        text.setWordWrap(True)
        retry = QPushButton(self.tr("Retry"))
        retry.clicked.connect(self._retry_save)
        layout.addWidget(text, 1)
        layout.addWidget(retry)
        banner.hide()
        return banner, text

    @staticmethod
    def _signing_notice() -> QLabel:
        """The notice over a signed exam whose records changed after signing."""
        notice = QLabel()
        notice.setObjectName("signingNotice")
        notice.setWordWrap(True)
        from gui.palette import NOTICE_BACKGROUND, NOTICE_BORDER, NOTICE_TEXT

        notice.setStyleSheet(f"#signingNotice {{ background: {NOTICE_BACKGROUND}; "
                             f"color: {NOTICE_TEXT}; border: 1px solid {NOTICE_BORDER}; "
                             "padding: 4px; }")
        notice.hide()
        return notice

    def _show_signing_notice(self) -> None:
        """Over a signed exam whose records changed after signing: it is shown as signed."""
        changed = self.session.changed_since_signing() if self.session is not None else []
        self.signing_notice.setVisible(bool(changed))
        if changed:
            self.signing_notice.setText(self.tr(
                "This exam is shown as it was assessed when signed. Since then {changed} changed; "
                "amend the exam to assess it against the records as they are now.").format(
                changed=", ".join(changed)))

    def _save_failed(self, message: str) -> None:
        self.unsaved_text.setText(self.tr("<b>Not saved.</b> The edits on screen are not in the "
                                          "database.") + f" {message}")
        self.unsaved_banner.show()
        self.window.setWindowModified(True)

    def _saved(self) -> None:
        self.unsaved_banner.hide()
        if self.session is not None:
            self.window.setWindowModified(not self.session.undo_stack.isClean())

    def _retry_save(self) -> None:
        if self.session is not None:
            self.session.save_draft()

    def _clean_changed(self, clean: bool) -> None:
        self.window.setWindowModified(not clean)

    # ----------------------------------------------------------------------------------------
    # PDFs and printing
    # ----------------------------------------------------------------------------------------

    def create_reports(self) -> None:
        """Write both PDFs in the background, then open them in the system viewer."""
        if self.session is None:
            self._print_when_written = False
            return
        from core.folders import data_folder

        folder = data_folder() / "reports"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        record, exam_id = self.session.full_record(), self.session.exam.id
        settings, store = self.window.settings, self.window.store
        self.window.jobs.start(self.tr("Reports"),
                               self.tr("Writing the clinician report and the patient handout…"),
                               lambda progress: _write_reports(store, record, exam_id, settings,
                                                               folder),
                               self._reports_done)

    def print_reports(self) -> None:
        """Write both PDFs of the open exam, then show the system print dialog for them."""
        self._print_when_written = True
        self.create_reports()

    def job_failed(self) -> None:
        """A job failed: a print waiting for its PDFs is off."""
        self._print_when_written = False

    def _reports_done(self, paths: tuple[str, str]) -> None:
        report, handout = paths
        self.last_reports = (report, handout)
        if self._print_when_written:
            self._print_when_written = False
            self.print_files(report, handout)
            return
        self.window.statusBar().showMessage(self.tr("Wrote {report} and {handout}").format(
            report=report, handout=handout))
        for path in (report, handout):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def print_files(self, report: str, handout: str) -> None:
        """The platform's print dialog for the written PDFs (report, then handout), their pages
        numbered on across both; printing runs in the background once the dialog is accepted."""
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter

        from gui.printing import PrintError, prepare, print_pages, read_print_set

        try:
            pages = read_print_set([Path(report), Path(handout)])
        except PrintError as error:
            show_error(self.window, self.tr("Print"), str(error))
            return
        first, then = pages.first_pages()
        title = self.tr("Print the clinician report (pages {a}–{b}) and the patient handout "
                        "(pages {c}–{d})").format(a=first, b=then - 1, c=then, d=pages.total)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare(printer, pages, Path(report).stem)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(title)
        option = QAbstractPrintDialog.PrintDialogOption
        dialog.setOptions(option.PrintToFile | option.PrintPageRange | option.PrintShowPageSize
                          | option.PrintCollateCopies)
        dialog.setMinMax(1, pages.total)
        self.window.statusBar().showMessage(title)

        def accepted() -> None:
            self.window.jobs.start(self.tr("Print"), self.tr("Printing…"),
                                   lambda progress: print_pages(printer, pages, progress),
                                   printed)

        def printed(count: int) -> None:
            self.window.statusBar().showMessage(self.tr("Printed {n} pages on {printer}.").format(
                n=count, printer=printer.printerName() or printer.outputFileName()))

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        QDialog.open(dialog)  # window-modal, without a nested event loop
