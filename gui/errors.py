"""One place for errors: a rotating log without patient data, and a crash dialog.

Uncaught exceptions reach the GUI thread through a signal and are shown once, with details that
can be copied. The log records what happened in the program, never names, record ids or findings.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from core.crash import scrubbed_report
from gui.translation import core_words

log = logging.getLogger("neuroexam")


def setup_logging() -> None:
    """A rotating log file in the user's log folder (1 MB x 3)."""
    from logging.handlers import RotatingFileHandler  # socket, pickle...: not before first paint

    from core.folders import log_folder

    handler = RotatingFileHandler(log_folder() / "neuroexam.log", maxBytes=1_000_000,
                                  backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


class CrashReporter(QObject):
    """Receives exceptions from any thread and shows each once on the GUI thread."""

    crashed = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self._shown: set[str] = set()
        self.crashed.connect(self._show)

    def install(self) -> None:
        """Become sys.excepthook."""
        sys.excepthook = self.hook

    def hook(self, kind: type[BaseException], error: BaseException,
             trace: TracebackType | None) -> None:
        """Log the exception type and where it happened, then ask the GUI to show it."""
        details = scrubbed_report(error.with_traceback(trace))
        # The type and the innermost frame identify the bug; the message may hold patient data.
        where = traceback.extract_tb(trace)[-1] if trace else None
        log.error("unhandled %s at %s:%s", kind.__name__, where.filename if where else "?",
                  where.lineno if where else "?")
        self.crashed.emit(kind.__name__, details)

    def _show(self, kind: str, details: str) -> None:
        if details in self._shown:
            return
        self._shown.add(details)
        box = QMessageBox(QMessageBox.Icon.Critical, "NeuroExam: unexpected error",
                          f"Something went wrong ({kind}). Edits shown as unsaved were not "
                          "stored; everything saved before is in the database. Use 'Show "
                          "Details' to copy the technical details for support (they hold no "
                          "patient data).")
        box.setDetailedText(details)
        box.exec()


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """A plain error message (one function, so tests can patch it and read the message). An
    error of the core (the store, reading a record) is written in English and shown in the
    app's language (core.i18n, Translator.message)."""
    log.warning("shown to the user: %s", title)
    QMessageBox.warning(parent, title, core_words().message(message))
