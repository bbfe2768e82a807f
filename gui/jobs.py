"""Work off the GUI thread: PDFs, exports and imports run as jobs on the thread pool.

A job runs a function that takes a progress callback; its result, failure message or progress
come back to the GUI thread through queued signals, so the window never waits on a disk or a
large record set.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QProgressBar, QStatusBar

from core.recordio import RecordError
from core.store import StoreError

Progress = Callable[[int, int], None]
Work = Callable[[Progress], object]


def failure_message(error: Exception) -> str:
    """An expected failure in plain words: what went wrong and where."""
    if isinstance(error, OSError):
        where = f": {error.filename}" if error.filename else ""
        return f"{error.strerror or error}{where}"
    return str(error)


class Job(QRunnable):
    """Runs ``work`` on the thread pool and reports back through ``signals``."""

    EXPECTED: tuple[type[Exception], ...] = (OSError, RecordError, StoreError, ValueError,
                                             LookupError)

    class Signals(QObject):
        done = Signal(object)
        failed = Signal(str)
        progress = Signal(int, int)

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.signals = Job.Signals()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self.signals.progress.emit)
        except self.EXPECTED as error:
            self.signals.failed.emit(failure_message(error))
        except Exception:  # a bug: the crash reporter shows it; the caller is told it failed
            sys.excepthook(*sys.exc_info())
            self.signals.failed.emit("An unexpected error stopped the work; see the error report.")
        else:
            self.signals.done.emit(result)


class JobRunner(QObject):
    """Runs jobs for a window: a busy cursor and a progress bar in its status bar while one
    runs, the result to the caller's slot, a failure as a message titled with the job's name."""

    failed = Signal(str, str)
    """(the job's title, what went wrong): the window shows it."""

    def __init__(self, status_bar: QStatusBar, pool: QThreadPool | None = None) -> None:
        super().__init__(status_bar)
        self.status_bar = status_bar
        self.pool = pool or QThreadPool.globalInstance()
        self._progress: QProgressBar | None = None
        self._title = ""
        self._then: Callable[[Any], None] = lambda result: None

    @property
    def progress(self) -> QProgressBar:
        """The progress bar, in the status bar, built with the first job."""
        if self._progress is None:
            bar = QProgressBar()
            bar.setAccessibleName(self.tr("Progress of the running task"))
            bar.setMaximumWidth(220)
            bar.hide()
            self.status_bar.addPermanentWidget(bar)
            self._progress = bar
        return self._progress

    def start(self, title: str, message: str, work: Work, done: Callable[[Any], None]) -> None:
        """Run ``work`` on the thread pool; ``done`` gets its result on the GUI thread."""
        job = Job(work)
        self._title, self._then = title, done
        # Bound methods of this object (on the GUI thread), so the results arrive queued there.
        job.signals.done.connect(self._done)
        job.signals.failed.connect(self._failed)
        job.signals.progress.connect(self._advance)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.status_bar.showMessage(message)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.pool.start(job)

    def _finished(self) -> None:
        QApplication.restoreOverrideCursor()
        self.progress.hide()

    def _done(self, result: object) -> None:
        self._finished()
        self._then(result)

    def _failed(self, message: str) -> None:
        self._finished()
        self.status_bar.clearMessage()
        self.failed.emit(self._title, message)

    def _advance(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
