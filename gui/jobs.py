"""Work off the GUI thread: PDFs, exports and imports run as jobs on the thread pool.

A job runs a function that takes a progress callback; its result, failure message or progress
come back to the GUI thread through queued signals, so the window never waits on a disk or a
large record set.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

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
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
            self.signals.failed.emit("An unexpected error stopped the work; see the error report.")
        else:
            self.signals.done.emit(result)
