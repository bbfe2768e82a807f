"""Starting the Qt application."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import core
from core.assets import asset_path
from gui import translation
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
    app.setWindowIcon(QIcon(str(asset_path("icons", "neuroexam.png"))))
    translation.install(app, _language_setting())
    return app


def _language_setting() -> str:
    """The Language setting, read without loading pydantic before the first window (the
    settings file is JSON; a missing or unreadable file means the system locale)."""
    import json

    from core.folders import config_folder

    try:
        value = json.loads((config_folder() / "settings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    language = value.get("language", "") if isinstance(value, dict) else ""
    return language if isinstance(language, str) else ""


def start(database: str | None = None) -> tuple[QApplication, MainWindow]:
    """Create the application and show the main window; the database (``database``, else the
    configured one), with SQLAlchemy and pydantic, opens once the window has been painted, so the
    clinician sees NeuroExam at once even on a slow disk."""
    app = create_application()
    reporter = CrashReporter()
    reporter.install()
    app.setProperty("crash_reporter", reporter)  # lives as long as the application
    window = MainWindow()
    window.store_opened.connect(_after_first_paint)
    window.opening.after_first_paint(database)
    window.show()
    return app, window


def _after_first_paint() -> None:
    """What can wait until the window is on screen: the log file and the version lookup."""
    setup_logging()
    QApplication.setApplicationVersion(core.__version__)


def run() -> int:
    """Start the app and return its exit code."""
    app, window = start()
    code = app.exec()
    if window.store is not None:
        window.store.close()
    return code
