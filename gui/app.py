"""Starting the Qt application."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from core import __version__
from core.assets import asset_path
from core.settings import database_url
from core.store import StoreError, open_store
from gui.errors import CrashReporter, setup_logging
from gui.main_window import MainWindow


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the product's names set (settings and log folders use them)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("NeuroExam")
    app.setOrganizationName("NeuroExam")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(asset_path("icons", "neuroexam.png"))))
    return app


def run() -> int:
    """Start the app and return its exit code."""
    app = create_application()
    setup_logging()
    reporter = CrashReporter()
    reporter.install()
    try:
        store = open_store(database_url())
    except StoreError as error:
        QMessageBox.critical(None, "NeuroExam cannot open its database", str(error))
        return 1
    window = MainWindow(store)
    window.show()
    code = app.exec()
    store.close()
    return code
