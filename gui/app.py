"""Starting the Qt application."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from core import __version__
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
    return app


def run() -> int:
    """Start the app and return its exit code."""
    app = create_application()
    window = MainWindow()
    window.show()
    return app.exec()
