"""Runs the core's automatic backup at start and every few minutes while the app is open.

The schedule (whether a backup is due, where it goes, how many are kept) is the core's
(`core.store.scheduled`); this only asks it on a timer, off the GUI thread, and reports the
outcome: a line in the status bar when a backup was made, a warning that stays until the next
success when one failed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from core.settings import Settings
from core.store import Store
from core.store.scheduled import ScheduledRun, backup_if_due, schedule_for
from gui.jobs import Job

CHECK_EVERY_MS = 10 * 60 * 1000
"""How often the app asks whether a backup is due (the interval itself is in the settings)."""


class AutomaticBackups(QObject):
    """Asks the core for a due backup now and every ``CHECK_EVERY_MS``; one job at a time."""

    made = Signal(str)
    """A backup was written and verified: a line for the status bar."""
    failed = Signal(str)
    """A due backup could not be written: what went wrong and where."""

    def __init__(self, store: Store, settings: Settings, pool: QThreadPool,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store, self._pool = store, pool
        self._schedule = schedule_for(store, settings)
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)

    @property
    def enabled(self) -> bool:
        """False when the settings turn automatic backups off or the database is a server."""
        return self._schedule is not None

    def start(self) -> None:
        """Check now, then on the timer."""
        if self.enabled:
            self._timer.start()
            self.check()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> None:
        """Run the core's backup_if_due on the thread pool, unless one is still running."""
        schedule = self._schedule
        if schedule is None or self._running:
            return
        self._running = True
        job = Job(lambda _progress: backup_if_due(self._store, schedule))
        job.signals.done.connect(self._done)
        job.signals.failed.connect(self._failed)
        self._pool.start(job)

    def _done(self, run: object) -> None:
        self._running = False
        if isinstance(run, ScheduledRun) and run.made is not None:
            self.made.emit(f"Automatic backup written and verified: {run.made.path}")

    def _failed(self, message: str) -> None:
        self._running = False
        self.failed.emit(message)
