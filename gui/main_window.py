"""The main window: patients on the left; a patient's page or the open exam on the right.

The window lays out and routes; each job lives in its own module: the patient page
(gui/patient_page.py), the open exam (gui/exam_control.py), opening the database and logging
in (gui/store_opening.py), exports and imports (gui/exchange_jobs.py), background work
(gui/jobs.py), the window's state between runs (gui/window_state.py) and the commands with
their keys (gui/actions.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui import window_state
from gui.actions import ActionId, make_action
from gui.errors import show_error
from gui.exam_control import ExamControl
from gui.exchange_jobs import ExchangeJobs
from gui.jobs import JobRunner
from gui.models import KEY_ROLE, PatientListModel
from gui.store_opening import StoreOpening
from gui.translation import core_words, date_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QProgressBar

    # The window paints before SQLAlchemy, pydantic and the engine load (they take several
    # hundred milliseconds); methods import what they use, and the store arrives by attach_store.
    from core.record import Exam, PatientRecord
    from core.settings import Settings
    from core.store import Store
    from gui.exam_editor import ExamEditor
    from gui.patient_page import PatientPage
    from gui.session import ExamSession


class MainWindow(QMainWindow):
    """The application's main window."""

    store_opened = Signal()

    def __init__(self, store: Store | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from gui.focus_ring import install_focus_rings

        install_focus_rings()
        self.store: Store = None  # type: ignore[assignment]  # set by attach_store
        self.settings: Settings = None  # type: ignore[assignment]
        self._patient_page: PatientPage | None = None
        self.record: PatientRecord | None = None
        self.pool = QThreadPool.globalInstance()
        self.jobs = JobRunner(self.statusBar(), self.pool)
        self.jobs.failed.connect(self._job_failed)
        self.exams = ExamControl(self)
        self.exchange = ExchangeJobs(self)
        self.opening = StoreOpening(self)
        """Opens the database once the window has painted (gui/app.py), logging in first."""
        from gui.live_updates import LiveUpdates

        self.live = LiveUpdates(self)
        """Other workstations' changes shown as they happen; the open exam's edit lock."""
        self.setWindowTitle("NeuroExam[*]")
        self.resize(1280, 860)
        self.backups: Any = None
        """The AutomaticBackups of the open database, once started."""
        self._build()
        self.backup_warning = self._backup_warning()
        self._build_menus()
        window_state.restore(self, self.splitter)
        if store is not None:
            self.attach_store(store)

    @property
    def session(self) -> ExamSession | None:
        """The open exam's session, if an exam is open."""
        return self.exams.session

    @property
    def editor(self) -> ExamEditor | None:
        """The open exam's editor, if an exam is open."""
        return self.exams.editor

    # The open exam's commands are gui/exam_control.py's; these four are the window's own
    # entry points to them (menus, the patient page, scripts and tests open exams here).
    def open_exam(self, exam_id: str) -> None:
        """Open an exam of the open patient in the guided editor."""
        self.exams.open_exam(exam_id)

    def new_exam(self) -> None:
        """Start a new exam for the open patient."""
        self.exams.new_exam()

    def close_exam(self) -> bool:
        """Close the open exam; False when it stays open (see ExamControl.close_exam)."""
        return self.exams.close_exam()

    def create_reports(self) -> None:
        """Write the open exam's PDFs in the background and open them."""
        self.exams.create_reports()

    @property
    def progress(self) -> QProgressBar:
        """The progress bar of background work."""
        return self.jobs.progress

    def attach_store(self, store: Store) -> None:
        """Open the records: settings, the patient list, the start page. Until then the window
        shows "Opening the records…" and its commands wait."""
        from core.settings import load_settings

        self.store = store
        self.settings = load_settings()
        self.patient_model.attach(store)
        self.statusBar().showMessage(self.tr("Database: {where}").format(
            where=store.path or self.tr("server")) + (self.tr(" · logged in as {user}").format(
                user=store.signer().text()) if store.login else ""))
        self.users_action.setVisible(store.has_clinic_logins)
        self.menuBar().setEnabled(True)
        self.splitter.setEnabled(True)
        self.show_start()
        self.live.start(store)

    def paintEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)
        self.opening.painted()

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
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.exams.unsaved_banner)
        right_layout.addWidget(self.exams.signing_notice)
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
            from gui.patient_page import PatientPage

            page = PatientPage()
            page.open_exam.connect(self.exams.open_exam)
            page.new_exam_button.clicked.connect(self.exams.new_exam)
            page.new_surgery_button.clicked.connect(self.new_surgery)
            page.audit_button.clicked.connect(self.show_audit_history)
            self.stack.addWidget(page)
            self._patient_page = page
        return self._patient_page

    def _backup_warning(self) -> QLabel:
        """Stays in the status bar from a failed automatic backup until the next one succeeds."""
        label = QLabel()
        label.setObjectName("backupWarning")
        from gui.palette import error_text

        label.setStyleSheet(f"#backupWarning {{ color: {error_text(self.palette())}; "
                            "font-weight: bold; }")
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
        self.login_button: QPushButton = QPushButton(self.tr("Log in…"))
        self.login_button.clicked.connect(self.opening.log_in_again)
        self.login_button.hide()
        layout.addStretch()
        layout.addWidget(self.start_text)
        layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.clinic_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.login_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch()
        return page

    def _build_menus(self) -> None:
        bar = self.menuBar()

        def add(menu: QMenu, action_id: ActionId, slot: Any) -> None:
            menu.addAction(make_action(action_id, self, slot))

        file_menu = bar.addMenu(self.tr("&File"))
        add(file_menu, ActionId.NEW_PATIENT, self.new_patient)
        add(file_menu, ActionId.NEW_EXAM, self.exams.new_exam)
        add(file_menu, ActionId.FIND_PATIENT, self.search.setFocus)
        add(file_menu, ActionId.IMPORT, self.exchange.import_records)
        add(file_menu, ActionId.EXPORT, self.exchange.export_records)
        add(file_menu, ActionId.SETTINGS, self.edit_settings)
        self.users_action = make_action(ActionId.USERS, self, self.manage_users)
        self.users_action.setVisible(False)
        file_menu.addAction(self.users_action)
        file_menu.addSeparator()
        add(file_menu, ActionId.QUIT, self.close)
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        # the open exam's commands (the editor's actions, from the same registry)
        self.exam_menu = bar.addMenu(self.tr("E&xam"))
        self.exam_menu.aboutToShow.connect(self._fill_exam_menu)
        self._fill_exam_menu()
        help_menu = bar.addMenu(self.tr("&Help"))
        add(help_menu, ActionId.KEYBOARD_REFERENCE, self.show_keyboard_reference)
        add(help_menu, ActionId.RULES, self.show_rules)
        add(help_menu, ActionId.ABOUT, self.show_about)

    def _fill_exam_menu(self) -> None:
        """The Exam menu lists the open exam's commands with their keys."""
        self.exam_menu.clear()
        if self.editor is None:
            self.exam_menu.addAction(self.tr("No exam is open")).setEnabled(False)
        else:
            self.exam_menu.addActions(self.editor.actions())

    def show_exam_title(self, record: PatientRecord, exam: Exam) -> None:
        """The window's title while an exam is open."""
        from core.record import ExamStatus

        signed = self.tr(" (signed)") if exam.status is ExamStatus.SIGNED else ""
        self.setWindowTitle(f"NeuroExam – {record.patient.family_name.upper()}, "
                            f"{record.patient.given_name} – {date_text(exam.date)} "
                            f"{core_words()(exam.kind.value)}{signed}[*]")

    # ----------------------------------------------------------------------------------------
    # Patients
    # ----------------------------------------------------------------------------------------

    def show_start(self) -> None:
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

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a modal dialog; afterwards dispose of it and give the keyboard back to us."""
        accepted = bool(dialog.exec())
        dialog.deleteLater()
        self.activateWindow()
        return accepted

    def ask_text(self, title: str, label: str) -> str:
        """A line of text from the user ("" when cancelled)."""
        from PySide6.QtWidgets import QInputDialog

        text, accepted = QInputDialog.getText(self, title, label)
        self.activateWindow()
        return text.strip() if accepted else ""

    def new_patient(self) -> None:
        """Ask for a new patient's details and open the patient."""
        from gui.dialogs import PatientDialog

        dialog = PatientDialog(self)
        if not self.run_dialog(dialog):
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
        if not self.exams.close_exam():
            return
        record = self.record = self.store.open_record(patient_id)  # written to the audit log
        self._show_patient_page(record)
        self.stack.setCurrentWidget(self.patient_page)
        self.setWindowTitle(f"NeuroExam – {record.patient.family_name.upper()}, "
                            f"{record.patient.given_name}[*]")
        self.patient_page.timeline.setFocus()

    def refresh_patient_page(self) -> None:
        """The open patient's page again, as stored now: others changed it, or a lock went stale
        (gui/live_updates.py). Reading it again is not a new opening, so it is not audited."""
        if self.record is not None:
            self.record = self.store.load_record(self.record.patient.id)
            self._show_patient_page(self.record)

    def _show_patient_page(self, record: PatientRecord) -> None:
        patient_id = record.patient.id
        self.patient_page.show_record(record, self.store.signed_bases(patient_id),
                                      self.store.edit_locks(patient_id))

    def patient_page_shows_locks(self) -> bool:
        """The patient page is on screen with an exam someone else is editing."""
        page = self._patient_page
        return page is not None and self.stack.currentWidget() is page \
            and bool(page.timeline_model.locks)

    def show_audit_history(self) -> None:
        """The open patient's audit history: who opened, changed, signed, exported, when."""
        from core.store import StoreError
        from gui.audit_history import AuditHistoryDialog

        if self.record is None:
            return
        try:
            entries = self.store.audit_history(self.record.patient.id)
        except StoreError as error:
            show_error(self, self.tr("Audit history"), str(error))
            return
        self.audit_dialog = AuditHistoryDialog(self.record.patient, entries, self)
        self.audit_dialog.show()

    def manage_users(self) -> None:
        """Clinic mode: the staff's logins (adding and disabling: administrators only)."""
        from core.store import StoreError
        from gui.users import UsersDialog

        try:
            dialog = UsersDialog(self.store, self)
        except StoreError as error:
            show_error(self, self.tr("Users"), str(error))
            return
        self.run_dialog(dialog)

    def new_surgery(self) -> None:
        """Record an operation for the open patient (its id allocated by the core)."""
        from core.edits import EditError, add_surgery, next_surgery_id
        from core.store import StoreError
        from gui.dialogs import SurgeryDialog

        if self.record is None:
            return
        patient_id = self.record.patient.id
        dialog = SurgeryDialog(next_surgery_id(self.record), self)
        if not self.run_dialog(dialog):
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

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        if self.exams.close_exam():
            self.live.stop()
            window_state.save(self, self.splitter)
            event.accept()
        else:
            event.ignore()

    # ----------------------------------------------------------------------------------------
    # Background work (exports, imports, PDFs) that failed
    # ----------------------------------------------------------------------------------------

    def _job_failed(self, title: str, message: str) -> None:
        self.exams.job_failed()
        show_error(self, title, message)

    def edit_settings(self) -> None:
        """Edit the clinic and user preferences."""
        from core.settings import save_settings
        from gui.dialogs import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if self.run_dialog(dialog):
            self.settings = dialog.build()
            save_settings(self.settings)
            if self.stack.currentWidget() is self.start_page:
                self.show_start()

    def show_rules(self) -> None:
        """The clinical rules with their sources, for clinicians, in a window sized to the
        screen."""
        from core.engine.summary import rules_markdown
        from gui.help import text_window

        self._rules_viewer = text_window(self.tr("NeuroExam clinical rules and sources"),
                                         rules_markdown(for_clinicians=True, _=core_words()),
                                         self, markdown=True)
        self._rules_viewer.show()

    def show_keyboard_reference(self) -> None:
        """Every command of the registry with its keys, and the keys inside the exam."""
        from gui.actions import ACTIONS
        from gui.help import keyboard_reference_html, text_window

        commands = [(spec.label(), spec.key_text(), spec.explanation())
                    for spec in ACTIONS.values()]
        self._keys_viewer = text_window(self.tr("NeuroExam keyboard reference"),
                                        keyboard_reference_html(commands), self)
        self._keys_viewer.show()

    def show_about(self) -> None:
        """Version, licence, rules version and the database in use."""
        from core.store.connection import where
        from gui.help import about_html, text_window

        database = where(self.store.url) if self.store is not None else self.tr("not open yet")
        self._about = text_window(self.tr("About NeuroExam"), about_html(database), self,
                                  size=(620, 380))
        self._about.show()
