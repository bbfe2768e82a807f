"""The main window: patients on the left; a patient's page or the open exam on the right."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.errors import log, show_error
from gui.models import KEY_ROLE, ExamTimelineModel, PatientListModel
from gui.translation import core_words, date_text
from gui.widgets.trend_chart import TrendChart

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QProgressBar

    # The window paints before SQLAlchemy, pydantic and the engine load (they take several
    # hundred milliseconds); methods import what they use, and the store arrives by attach_store.
    from core.exchange.export import ExportSummary
    from core.record import PatientRecord
    from core.settings import Settings
    from core.store import ImportReport, Store
    from gui.jobs import Progress, Work
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


class PatientPage(QWidget):
    """Demographics, operations, the exam timeline and the trend of key muscles."""

    open_exam = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.surgeries = QLabel()
        self.timeline_model = ExamTimelineModel()
        self.timeline = QTableView()
        self.timeline.setModel(self.timeline_model)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.timeline.verticalHeader().hide()
        self.timeline.setAccessibleName(self.tr("Exams of this patient"))
        self.timeline.activated.connect(self._activated)
        self.trend = TrendChart()
        self.new_exam_button = QPushButton(self.tr("New exam (Ctrl+N)"))
        self.new_surgery_button = QPushButton(self.tr("Add operation…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_exam_button)
        buttons.addWidget(self.new_surgery_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.surgeries)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("<b>Exams</b> (Enter or double-click to open)")))
        layout.addWidget(self.timeline, 1)
        layout.addWidget(QLabel(self.tr("<b>Key muscles across exams</b> (MRC grade)")))
        layout.addWidget(self.trend, 1)

    def show_record(self, record: PatientRecord,
                    signed_bases: dict[str, PatientRecord] | None = None) -> None:
        """Show a patient's record."""
        patient = record.patient
        words = core_words()
        born = date_text(patient.birth_date) if patient.birth_date else self.tr("not recorded")
        self.heading.setText(f"<h2>{patient.family_name.upper()}, {patient.given_name}</h2>"
                             + self.tr("Record {id} · born {born} · {sex}").format(
                                 id=patient.id, born=born, sex=words(patient.sex.value)))
        self.surgeries.setText(self.tr("<b>Operations:</b> ") + ("; ".join(
            self.tr("{procedure} {level} {side} on {date}").format(
                procedure=words(s.procedure), level=s.level.value,
                side=words.context("side", s.side.value), date=date_text(s.date))
            for s in record.surgeries) or self.tr("none recorded")))
        self.timeline_model.set_record(record, signed_bases or {})
        self.trend.set_record(record)
        if self.timeline_model.rowCount():
            self.timeline.selectRow(0)

    def _activated(self, index: QModelIndex) -> None:
        self.open_exam.emit(self.timeline_model.data(index, KEY_ROLE))


class MainWindow(QMainWindow):
    """The application's main window."""

    store_opened = Signal()

    def __init__(self, store: Store | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store = None  # type: ignore[assignment]  # set by attach_store
        self.settings: Settings = None  # type: ignore[assignment]
        self._pending_url: str | None = None
        self._patient_page: PatientPage | None = None
        self._progress: QProgressBar | None = None
        self.record: PatientRecord | None = None
        self.session: ExamSession | None = None
        self.editor: Any = None  # an ExamEditor once an exam is open
        self.last_reports: tuple[str, str] | None = None
        self._print_when_written = False
        self.last_export: ExportSummary | None = None
        self.last_import: ImportReport | None = None
        self._job_title = ""
        self.pool = QThreadPool.globalInstance()
        self.setWindowTitle("NeuroExam[*]")
        self.resize(1280, 860)
        self.backups: Any = None
        """The AutomaticBackups of the open database, once started."""
        self._build()
        self.backup_warning = self._backup_warning()
        self._build_menus()
        self._restore_window_state()
        if store is not None:
            self.attach_store(store)

    def attach_store(self, store: Store) -> None:
        """Open the records: settings, the patient list, the start page. Until then the window
        shows "Opening the records…" and its commands wait."""
        from core.settings import load_settings

        self.store = store
        self.settings = load_settings()
        self.patient_model.attach(store)
        self.statusBar().showMessage(self.tr("Database: {where}").format(
            where=store.path or self.tr("server")))
        self.menuBar().setEnabled(True)
        self.centralWidget().setEnabled(True)
        self._show_start()

    def open_store_after_first_paint(self, url: str | None = None) -> None:
        """Show at once; open the database (and load its libraries) once the window is painted.
        Without ``url``, the configured database (settings, environment, data folder)."""
        self._pending_url = url or ""
        self.menuBar().setEnabled(False)
        self.centralWidget().setEnabled(False)
        self.start_text.setText(self.tr("<h2>NeuroExam</h2>Opening the records…"))
        self.demo_button.hide()

    def paintEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)
        if self._pending_url is not None:
            url, self._pending_url = self._pending_url, None
            QTimer.singleShot(0, lambda: self._open_store(url))

    def _open_store(self, url: str) -> None:
        from core.settings import database_url
        from core.store import StoreError, open_store

        try:
            store = open_store(url or database_url())
        except StoreError as error:
            show_error(self, self.tr("NeuroExam cannot open its database"), str(error))
            self.start_text.setText("<h2>NeuroExam</h2>"
                                    + self.tr("The database could not be opened.")
                                    + f"<br>{error}")
            return
        self.attach_store(store)
        self.start_automatic_backups()
        self.store_opened.emit()

    def start_automatic_backups(self) -> None:
        """Automatic backups as the settings ask (the app's own start; tests call it)."""
        from gui.automatic_backups import AutomaticBackups

        assert self.store is not None
        if self.backups is not None:
            self.backups.stop()
        self.backups = AutomaticBackups(self.store, self.settings, self.pool, self)
        self.backups.made.connect(self._backup_made)
        self.backups.failed.connect(self._backup_failed)
        self.backups.start()

    def _backup_made(self, message: str) -> None:
        self.backup_warning.hide()
        self.statusBar().showMessage(message, 10_000)

    def _backup_failed(self, message: str) -> None:
        self.backup_warning.setToolTip(message)
        self.backup_warning.setText(self.tr("⚠ Automatic backup failed (hover for why)"))
        self.backup_warning.show()

    # ----------------------------------------------------------------------------------------
    # Layout
    # ----------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or record id…"))
        self.search.setAccessibleName(self.tr("Search patients"))
        self.search.setClearButtonEnabled(True)
        self.patient_model = PatientListModel()
        self.patient_list = QListView()
        self.patient_list.setModel(self.patient_model)
        self.patient_list.setAccessibleName(self.tr("Patients"))
        self.patient_list.setSpacing(2)
        self.search.textChanged.connect(self.patient_model.search)
        self.search.returnPressed.connect(self._open_first_match)
        self.patient_list.activated.connect(
            lambda index: self.open_patient(self.patient_model.data(index, KEY_ROLE)))
        new_patient = QPushButton(self.tr("New patient…"))
        new_patient.clicked.connect(self.new_patient)
        left = QWidget()
        left.setMinimumWidth(230)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.patient_list, 1)
        left_layout.addWidget(new_patient)
        self.stack = QStackedWidget()
        self.start_page = self._start_page()
        self.stack.addWidget(self.start_page)
        self.unsaved_banner = self._unsaved_banner()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.unsaved_banner)
        self.signing_notice = QLabel()
        self.signing_notice.setObjectName("signingNotice")
        self.signing_notice.setWordWrap(True)
        self.signing_notice.setStyleSheet("#signingNotice { background: #fff4d6; color: #3d2e00; "
                                          "border: 1px solid #8a6d00; padding: 4px; }")
        self.signing_notice.hide()
        right_layout.addWidget(self.signing_notice)
        right_layout.addWidget(self.stack, 1)
        splitter = QSplitter()
        self.splitter = splitter
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 980])
        self.setCentralWidget(splitter)

    @property
    def patient_page(self) -> PatientPage:
        """The patient page, built when first needed (the first window shows without it)."""
        if self._patient_page is None:
            page = PatientPage()
            page.open_exam.connect(self.open_exam)
            page.new_exam_button.clicked.connect(self.new_exam)
            page.new_surgery_button.clicked.connect(self.new_surgery)
            self.stack.addWidget(page)
            self._patient_page = page
        return self._patient_page

    @property
    def progress(self) -> QProgressBar:
        """The progress bar of background work, in the status bar, built with the first job."""
        if self._progress is None:
            from PySide6.QtWidgets import QProgressBar

            bar = QProgressBar()
            bar.setAccessibleName(self.tr("Progress of the running task"))
            bar.setMaximumWidth(220)
            bar.hide()
            self.statusBar().addPermanentWidget(bar)
            self._progress = bar
        return self._progress

    def _backup_warning(self) -> QLabel:
        """Stays in the status bar from a failed automatic backup until the next one succeeds."""
        label = QLabel()
        label.setObjectName("backupWarning")
        label.setStyleSheet("#backupWarning { color: #b3261e; font-weight: bold; }")
        label.setAccessibleName(self.tr("Automatic backup status"))
        label.hide()
        self.statusBar().addPermanentWidget(label)
        return label

    def _start_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.start_text = QLabel()
        self.start_text.setWordWrap(True)
        self.start_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_button = QPushButton(self.tr("Create the demo patient"))
        self.demo_button.clicked.connect(self.create_demo_patient)
        self.clinic_button = QPushButton(self.tr("Enter the clinic's name and telephone…"))
        self.clinic_button.clicked.connect(self.edit_settings)
        layout.addStretch()
        layout.addWidget(self.start_text)
        layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.clinic_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch()
        return page

    def _action(self, menu: object, text: str, slot: object,
                keys: QKeySequence | QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(keys)
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("New &patient…"), self.new_patient, QKeySequence("Ctrl+Shift+N"))
        self._action(file_menu, self.tr("&New exam"), self.new_exam, QKeySequence.StandardKey.New)
        self._action(file_menu, self.tr("Find patient"), self.search.setFocus, QKeySequence.StandardKey.Find)
        self._action(file_menu, self.tr("&Import records…"), self.import_records,
                     QKeySequence("Ctrl+I"))
        self._action(file_menu, self.tr("&Export…"), self.export_records, QKeySequence("Ctrl+E"))
        self._action(file_menu, self.tr("&Settings…"), self.edit_settings,
                     QKeySequence.StandardKey.Preferences)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("Clinical &rules and sources"), self.show_rules,
                     QKeySequence.StandardKey.HelpContents)

    # ----------------------------------------------------------------------------------------
    # Patients
    # ----------------------------------------------------------------------------------------

    def _show_start(self) -> None:
        empty = self.store.count_patients() == 0
        self.start_text.setText(
            self.tr("<h2>Welcome to NeuroExam</h2>No patients yet. Create a patient with "
                    "<b>New patient</b> (Ctrl+Shift+N), import records (File, Import; Ctrl+I), "
                    "or look around with the demo patient.")
            if empty else "<h2>NeuroExam</h2>"
            + self.tr("Search for a patient on the left, or create one."))
        self.demo_button.setVisible(empty)
        missing = not (self.settings.clinic_name and self.settings.clinic_phone)
        if missing:  # asked at the first start: the handout tells patients to call this number
            self.start_text.setText(self.start_text.text() + "<p>" + self.tr(
                "The patient handout tells patients to call their clinic the same day when a "
                "warning sign appears: please enter the clinic's name and telephone number.")
                + "</p>")
        self.clinic_button.setVisible(missing)
        self.stack.setCurrentWidget(self.start_page)

    def _open_first_match(self) -> None:
        if self.patient_model.rowCount():
            self.open_patient(self.patient_model.data(self.patient_model.index(0), KEY_ROLE))

    def create_demo_patient(self) -> None:
        """Put the demo patient in the database and open it."""
        from core.demo import DEMO_PATIENT_ID, demo_record
        from core.store import StoreError

        try:
            self.store.import_record(demo_record())
        except StoreError as error:
            show_error(self, self.tr("Demo patient"), str(error))
            return
        self.patient_model.search(self.search.text())
        self.open_patient(DEMO_PATIENT_ID)

    def _run_dialog(self, dialog: QDialog) -> bool:
        """Show a modal dialog; afterwards dispose of it and give the keyboard back to us."""
        accepted = bool(dialog.exec())
        dialog.deleteLater()
        self.activateWindow()
        return accepted

    def new_patient(self) -> None:
        """Ask for a new patient's details and open the patient."""
        from gui.dialogs import PatientDialog

        dialog = PatientDialog(self)
        if not self._run_dialog(dialog):
            return
        patient = dialog.build()
        if self.store.has_patient(patient.id):
            show_error(self, self.tr("New patient"),
                       self.tr("A patient with record id {id} exists.").format(id=patient.id))
            return
        self.store.save_patient(patient)
        self.patient_model.search(self.search.text())
        self.open_patient(patient.id)

    def open_patient(self, patient_id: str) -> None:
        """Show a patient's page."""
        if not self.close_exam():
            return
        self.record = self.store.load_record(patient_id)
        self.patient_page.show_record(self.record, self.store.signed_bases(patient_id))
        self.stack.setCurrentWidget(self.patient_page)
        self.setWindowTitle(f"NeuroExam – {self.record.patient.family_name.upper()}, "
                            f"{self.record.patient.given_name}[*]")
        self.patient_page.timeline.setFocus()

    def new_surgery(self) -> None:
        """Record an operation for the open patient (its id allocated by the core)."""
        from core.edits import EditError, add_surgery, next_surgery_id
        from core.store import StoreError
        from gui.dialogs import SurgeryDialog

        if self.record is None:
            return
        patient_id = self.record.patient.id
        dialog = SurgeryDialog(next_surgery_id(self.record), self)
        if not self._run_dialog(dialog):
            return
        try:
            # Checked against the stored record: another window may have added one meanwhile.
            add_surgery(self.store.load_record(patient_id), dialog.build())
        except EditError as error:
            show_error(self, self.tr("New operation"), str(error))
            return
        try:
            self.store.save_surgery(patient_id, dialog.build(), new=True)
        except StoreError as error:
            show_error(self, self.tr("New operation"), str(error))
            return
        self.open_patient(patient_id)

    # ----------------------------------------------------------------------------------------
    # Exams
    # ----------------------------------------------------------------------------------------

    def new_exam(self) -> None:
        """Start a new draft exam for the open patient and open the guided steps (kind, operation
        and id decided by core.edits)."""
        from core.edits import new_exam

        if self.record is None:
            return
        from core.store.drafts import retired_exam_ids

        exam = new_exam(self.record, dt.date.today(), self.settings.default_examiner,
                        retired_exam_ids(self.store, self.record.patient.id))
        self.store.save_draft(self.record.patient.id, exam, 0)
        self.open_exam(exam.id)

    def open_exam(self, exam_id: str) -> None:
        """Open an exam in the guided editor (read-only when signed)."""
        from core.record import ExamStatus
        from gui.exam_editor import ExamEditor  # the editor's modules load with the first exam
        from gui.session import ExamSession

        if self.record is None:
            return
        patient_id = self.record.patient.id
        if not self.close_exam():
            return
        self.record = self.store.load_record(patient_id)
        stored = self.store.load_exam(patient_id, exam_id)
        self.session = ExamSession(self.store, self.record, stored.exam, stored.revision, self)
        # Bound methods, not lambdas: Qt drops the connection when this window is destroyed.
        self.session.save_failed.connect(self._save_failed)
        self.session.saved.connect(self._saved)
        self.session.undo_stack.cleanChanged.connect(self._clean_changed)
        self.session.exam_changed.connect(self._show_signing_notice)
        self._show_signing_notice()
        self.editor = ExamEditor(self.session)
        self.editor.sign_requested.connect(self.sign_exam)
        self.editor.reports_requested.connect(self.create_reports)
        self.editor.amend_requested.connect(self.amend_exam)
        self.editor.print_requested.connect(self.print_reports)
        self.editor.discard_requested.connect(self.discard_draft)
        self.stack.addWidget(self.editor)
        self.stack.setCurrentWidget(self.editor)
        self.editor.focus_step()
        undo = self.session.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.session.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.edit_menu.clear()
        self.edit_menu.addActions([undo, redo])
        exam = stored.exam
        signed = self.tr(" (signed)") if exam.status is ExamStatus.SIGNED else ""
        self.setWindowTitle(f"NeuroExam – {self.record.patient.family_name.upper()}, "
                            f"{self.record.patient.given_name} – {date_text(exam.date)} "
                            f"{core_words()(exam.kind.value)}{signed}[*]")

    def _unsaved_banner(self) -> QWidget:
        """The banner over the exam while its last edits are not stored: why, and a Retry."""
        from PySide6.QtWidgets import QHBoxLayout, QPushButton

        banner = QWidget()
        banner.setObjectName("unsavedBanner")
        banner.setStyleSheet("#unsavedBanner { background: #fde2e1; border: 1px solid #b3261e; }")
        layout = QHBoxLayout(banner)
        self.unsaved_text = QLabel()
        self.unsaved_text.setWordWrap(True)
        retry = QPushButton(self.tr("Retry"))
        retry.clicked.connect(self._retry_save)
        layout.addWidget(self.unsaved_text, 1)
        layout.addWidget(retry)
        banner.hide()
        return banner

    def discard_draft(self) -> None:
        """Discard the open draft after asking (audited; a signed exam is never discarded)."""
        from PySide6.QtWidgets import QMessageBox

        from core.record import ExamStatus
        from core.store import StoreError
        from core.store.drafts import discard_draft

        session = self.session
        if session is None or session.exam.status is not ExamStatus.DRAFT:
            return
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, self.tr("Discard draft"), self.tr(
                "Discard the draft exam of {date}? Its findings are removed; the audit log keeps "
                "a note that it was discarded.").format(date=date_text(session.exam.date)),
            buttons.Discard | buttons.Cancel, buttons.Cancel)
        if answer != buttons.Discard:
            return
        try:
            discard_draft(self.store, session.patient_id, session.exam.id, session.revision)
        except StoreError as error:
            show_error(self, self.tr("Not discarded"), str(error))
            return
        self.statusBar().showMessage(self.tr("Draft discarded."))
        self.open_patient(session.patient_id)

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
        self.setWindowModified(True)

    def _saved(self) -> None:
        self.unsaved_banner.hide()
        if self.session is not None:
            self.setWindowModified(not self.session.undo_stack.isClean())

    def _retry_save(self) -> None:
        if self.session is not None:
            self.session.save_draft()

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def close_exam(self) -> bool:
        """Close the open exam (its draft is already saved, unless the banner says otherwise).
        Edits that could not be saved are dropped only when the user agrees; an amendment with
        unsaved edits is saved, dropped or kept open, as the user chooses; False when the exam
        stays open."""
        from PySide6.QtWidgets import QMessageBox

        session = self.session
        buttons = QMessageBox.StandardButton
        if session is not None and session.unsaved is not None:
            answer = QMessageBox.warning(
                self, self.tr("Edits not saved"), self.tr(
                    "The last edits of this exam could not be saved and are not in the "
                    "database:\n\n{reason}\n\nClose and lose them?").format(reason=session.unsaved),
                buttons.Discard | buttons.Cancel, buttons.Cancel)
            if answer != buttons.Discard:
                return False
        elif session is not None and session.amending and not session.undo_stack.isClean():
            answer = QMessageBox.question(
                self, self.tr("Unsaved amendment"), self.tr(
                    "The amendment of this signed exam has not been saved. Save it as a new "
                    "signed revision, discard its changes, or go back to it?"),
                buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
            if answer == buttons.Save:
                self.sign_exam("")
                if session.amending:  # not saved: the error was shown, the exam stays open
                    return False
            elif answer != buttons.Discard:
                return False
        if self.editor is not None:
            self.stack.removeWidget(self.editor)
            self.editor.deleteLater()
        self.editor, self.session = None, None
        self.unsaved_banner.hide()
        self.signing_notice.hide()
        self.edit_menu.clear()
        self.setWindowModified(False)
        return True

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        if self.close_exam():
            self._save_window_state()
            event.accept()
        else:
            event.ignore()

    # ----------------------------------------------------------------------------------------
    # Window state: geometry and recent folders, never patient data
    # ----------------------------------------------------------------------------------------

    @staticmethod
    def window_state() -> QSettings:
        """QSettings for window geometry and recent folders, in NeuroExam's config folder."""
        from core.folders import config_folder

        return QSettings(str(config_folder() / "window-state.ini"), QSettings.Format.IniFormat)

    def _restore_window_state(self) -> None:
        state = self.window_state()
        geometry, splitter = state.value("geometry"), state.value("splitter")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def _save_window_state(self) -> None:
        state = self.window_state()
        state.setValue("geometry", self.saveGeometry())
        state.setValue("splitter", self.splitter.saveState())

    def _recent_folder(self, key: str, default: Path) -> Path:
        value = self.window_state().value(key)
        folder = Path(value) if isinstance(value, str) and value else default
        return folder if folder.is_dir() else default

    def _remember_folder(self, key: str, path: Path) -> None:
        self.window_state().setValue(key, str(path.parent))

    def sign_exam(self, examiner: str) -> None:
        """Sign the open exam, or save the amendment of a signed one."""
        from core.store import StoreError

        if self.session is None:
            return
        amending = self.session.amending
        missing = self.session.assessment.before_signing
        if missing:
            show_error(self, self.tr("Not signed yet"), " ".join(missing))
            if self.editor is not None:
                self.editor.go_to("Red flags and pain")
            return
        try:
            if amending:
                self.session.save_amendment()
            else:
                self.session.sign(examiner or self.settings.default_examiner)
        except StoreError as error:
            show_error(self, self.tr("Not saved") if amending else self.tr("Not signed"),
                       str(error))
            return
        self.statusBar().showMessage(
            self.tr("Amendment saved as a new signed revision.") if amending
            else self.tr("Exam signed by {examiner}.").format(examiner=self.session.exam.examiner))
        log.info("exam amended" if amending else "exam signed")

    def amend_exam(self) -> None:
        """Start amending the open signed exam, after asking why."""
        from core.store import StoreError

        if self.session is None or not self.session.read_only:
            return
        reason = self.ask_text(self.tr("Amend signed exam"),
                               self.tr("Why is this signed exam being changed? (kept with the "
                                       "revision)"))
        if not reason:
            return
        try:
            self.session.begin_amendment(reason)
        except StoreError as error:
            show_error(self, self.tr("Amendment"), str(error))
            return
        self.statusBar().showMessage(self.tr("Amending: make the changes, then save the "
                                             "amendment (Ctrl+Alt+S)."))

    def ask_text(self, title: str, label: str) -> str:
        """A line of text from the user ("" when cancelled)."""
        from PySide6.QtWidgets import QInputDialog

        text, accepted = QInputDialog.getText(self, title, label)
        self.activateWindow()
        return text.strip() if accepted else ""

    def create_reports(self) -> None:
        """Write both PDFs in the background, then open them in the system viewer."""
        if self.session is None:
            return
        from core.folders import data_folder

        folder = data_folder() / "reports"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        record, exam_id, settings = self.session.full_record(), self.session.exam.id, self.settings
        store = self.store
        self._start_job(self.tr("Reports"),
                        self.tr("Writing the clinician report and the patient handout…"),
                        lambda progress: _write_reports(store, record, exam_id, settings, folder),
                        self._reports_done)

    def _start_job(self, title: str, message: str, work: Work, done: Any) -> None:
        """Run ``work`` on the thread pool with a busy cursor and a progress bar."""
        from gui.jobs import Job

        job = Job(work)
        self._job_title = title
        job.signals.done.connect(done)
        job.signals.failed.connect(self._job_failed)
        job.signals.progress.connect(self._job_progress)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.statusBar().showMessage(message)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.pool.start(job)

    def _job_finished(self) -> None:
        QApplication.restoreOverrideCursor()
        self.progress.hide()

    def _job_failed(self, message: str) -> None:
        self._job_finished()
        self._print_when_written = False
        self.statusBar().clearMessage()
        show_error(self, self._job_title, message)

    def _job_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def print_reports(self) -> None:
        """Write both PDFs of the open exam, then send them to the default printer."""
        self._print_when_written = True
        self.create_reports()

    def _reports_done(self, paths: tuple[str, str]) -> None:
        self._job_finished()
        report, handout = paths
        self.last_reports = (report, handout)
        if self._print_when_written:
            self._print_when_written = False
            self._print(report, handout)
            return
        self.statusBar().showMessage(self.tr("Wrote {report} and {handout}").format(
            report=report, handout=handout))
        for path in (report, handout):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _print(self, *paths: str) -> None:
        from gui.printing import PrintError, print_files

        try:
            self.statusBar().showMessage(print_files([Path(p) for p in paths]))
        except (PrintError, OSError) as error:
            show_error(self, self.tr("Print"), str(error))

    def export_records(self) -> None:
        """Export this patient or all of them as JSON, CSV or FHIR, off the GUI thread."""
        from core.exchange.export import export
        from core.folders import data_folder
        from core.store import open_store
        from gui.dialogs import ExportDialog

        patient_id = self.record.patient.id if self.record is not None else None
        (data_folder() / "exports").mkdir(parents=True, exist_ok=True, mode=0o700)
        folder = self._recent_folder("export_folder", data_folder() / "exports")
        dialog = ExportDialog(patient_id, folder, self)
        if not self._run_dialog(dialog):
            return
        request, url, settings = dialog.build(), self.store.url, self.settings
        self._remember_folder("export_folder", request.out)

        def work(progress: Progress) -> object:
            store = open_store(url)  # a connection of this thread's own
            try:
                return export(store, request, settings, progress)
            finally:
                store.close()
        self._start_job(self.tr("Export"), self.tr("Exporting to {file}…").format(file=request.out),
                        work, self._export_done)

    def _export_done(self, summary: ExportSummary) -> None:
        self._job_finished()
        self.last_export = summary
        self.statusBar().showMessage(self.tr("Exported {patients} patients, {exams} exams to "
                                             "{file}").format(patients=summary.patients,
                                                              exams=summary.exams,
                                                              file=summary.path))

    def import_records(self, name: str | None = None) -> None:
        """Import a JSON file of one patient or many: validated first, then all or nothing."""
        from core.folders import data_folder
        from core.store import open_store

        if name is None:
            from PySide6.QtWidgets import QFileDialog

            name, _ = QFileDialog.getOpenFileName(self, self.tr("Import records"),
                                                  str(data_folder()),
                                                  self.tr("NeuroExam records (*.json)"))
        if not name:
            return
        path, url = Path(name), self.store.url

        def work(progress: Progress) -> object:
            from core.exchange.records_file import read_records

            records = read_records(path)
            store = open_store(url)
            try:
                return store.import_records(records)
            finally:
                store.close()
        self._start_job(self.tr("Import"), self.tr("Importing {file}…").format(file=path.name),
                        work, self._import_done)

    def _import_done(self, report: ImportReport) -> None:
        self._job_finished()
        self.last_import = report
        already = (self.tr("; {count} items were already stored").format(
            count=len(report.already)) if report.already else "")
        self.statusBar().showMessage(self.tr("Imported {patients} new patients and {exams} new "
                                             "exams").format(patients=report.patients_created,
                                                             exams=report.exams_added)
                                     + already + ".")
        self.patient_model.search(self.search.text())
        if self.record is None:
            self._show_start()

    def edit_settings(self) -> None:
        """Edit the clinic and user preferences."""
        from core.settings import save_settings
        from gui.dialogs import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if self._run_dialog(dialog):
            self.settings = dialog.build()
            save_settings(self.settings)
            if self.stack.currentWidget() is self.start_page:
                self._show_start()

    def show_rules(self) -> None:
        """The clinical rules with their sources, in a window of their own."""
        from PySide6.QtWidgets import QTextBrowser

        from core.engine.summary import rules_markdown

        viewer = QTextBrowser()
        viewer.setWindowTitle(self.tr("NeuroExam clinical rules and sources"))
        viewer.setMarkdown(rules_markdown())
        viewer.resize(900, 700)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        self._rules_viewer = viewer
