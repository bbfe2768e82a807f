"""Exports and imports, run from the File menu as background jobs: the dialog or file chooser,
the work on a database connection of its own (gui/jobs.py), the outcome in the status bar.

What is exported or imported, and how, is the core's (core/exchange, Store.import_records);
this module asks the user which file and shows what happened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from gui import window_state

if TYPE_CHECKING:
    from core.exchange.export import ExportSummary
    from core.store import ImportReport
    from gui.jobs import Progress
    from gui.main_window import MainWindow


class ExchangeJobs(QObject):
    """The window's exports and imports; the last outcome of each is kept (scripts and tests
    wait for it)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_export: ExportSummary | None = None
        self.last_import: ImportReport | None = None

    def export_records(self) -> None:
        """Export this patient or all of them as JSON, CSV or FHIR, off the GUI thread."""
        from core.exchange.export import export
        from core.folders import data_folder
        from gui.dialogs import ExportDialog

        window = self.window
        patient_id = window.record.patient.id if window.record is not None else None
        (data_folder() / "exports").mkdir(parents=True, exist_ok=True, mode=0o700)
        folder = window_state.recent_folder("export_folder", data_folder() / "exports")
        dialog = ExportDialog(patient_id, folder, window)
        if not window.run_dialog(dialog):
            return
        request, source, settings = dialog.build(), window.store, window.settings
        window_state.remember_folder("export_folder", request.out)

        def work(progress: Progress) -> object:
            store = source.reopen()  # a connection of this thread's own, as the same user
            try:
                return export(store, request, settings, progress)
            finally:
                store.close()
        window.jobs.start(self.tr("Export"),
                          self.tr("Exporting to {file}…").format(file=request.out),
                          work, self._export_done)

    def _export_done(self, summary: ExportSummary) -> None:
        self.last_export = summary
        self.window.statusBar().showMessage(self.tr(
            "Exported {patients} patients, {exams} exams to {file}").format(
            patients=summary.patients, exams=summary.exams, file=summary.path))

    def import_records(self, name: str | None = None) -> None:
        """Import a JSON file of one patient or many: validated first, then all or nothing."""
        from core.folders import data_folder

        if name is None:
            from PySide6.QtWidgets import QFileDialog

            name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import records"),
                                                  str(data_folder()),
                                                  self.tr("NeuroExam records (*.json)"))
        if not name:
            return
        path, source = Path(name), self.window.store

        def work(progress: Progress) -> object:
            from core.exchange.records_file import stream_records

            size = max(path.stat().st_size, 1)
            store = source.reopen()  # a connection of this thread's own, as the same user
            try:  # read, checked and stored as it comes; committed when all are in
                return store.import_records(stream_records(
                    path, lambda records, done: progress(done, size)))
            finally:
                store.close()
        self.window.jobs.start(self.tr("Import"),
                               self.tr("Importing {file}…").format(file=path.name),
                               work, self._import_done)

    def _import_done(self, report: ImportReport) -> None:
        self.last_import = report
        window = self.window
        already = (self.tr("; {count} items were already stored").format(
            count=len(report.already)) if report.already else "")
        window.statusBar().showMessage(self.tr(
            "Imported {patients} new patients and {exams} new exams").format(
            patients=report.patients_created, exams=report.exams_added) + already + ".")
        window.patient_model.search(window.search.text())
        if window.record is None:
            window.show_start()
