"""Working beside other workstations: the open exam's edit lock kept alive, and what others change
shown without a restart.

The decisions are the core's (core/store/locks.py: who holds an exam, when a lock is stale;
core/store/notify.py: what changed); this module only runs them on time and refreshes the views:

- a ``ChangeFeed`` waits on a thread of its own (LISTEN/NOTIFY on PostgreSQL, polling on SQLite)
  and hands each batch of changes to the GUI thread through a queued signal;
- on a change: the patient list is searched again when patients came or changed, the patient
  page on screen is reloaded (new exams, signatures, locks in its timeline), and an exam open
  read-only because a colleague edits it is offered again (ExamSession.claim_lock);
- every ``HEARTBEAT`` the open exam's lock is renewed (or, when a colleague holds it, looked at
  again, so an expired lock is offered for taking over), and a patient page showing locks is
  refreshed so a lock going stale shows as such.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from gui.errors import log

if TYPE_CHECKING:
    from core.store import Store
    from core.store.notify import Change, ChangeFeed
    from gui.main_window import MainWindow

_PATIENT_LIST_ACTIONS = ("patient_created", "patient_updated", "record_imported")
"""Changes after which the patient list is searched again."""


class LiveUpdates(QObject):
    """Runs the change feed and the lock heartbeat of one main window."""

    changes_arrived = Signal(list)
    """A batch of changes (core.store.notify.Change), delivered on the GUI thread."""
    feed_failed = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._feed: ChangeFeed | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.changes_arrived.connect(self._apply)
        self.feed_failed.connect(self._failed)
        self.heartbeat = QTimer(self)
        self.heartbeat.timeout.connect(self.beat)

    def start(self, store: Store) -> None:
        """Listen to the database of ``store`` (again, after another was opened)."""
        from core.store import StoreError  # (the store's modules load after the first paint)
        from core.store.locks import HEARTBEAT
        from core.store.notify import open_feed

        self.stop()
        self.heartbeat.setInterval(int(HEARTBEAT.total_seconds() * 1000))
        try:
            self._feed = open_feed(store.backend)
        except StoreError as error:
            self._failed(str(error))
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, args=(self._feed,),
                                        name="neuroexam-changes", daemon=True)
        self._thread.start()
        self.heartbeat.start()

    def stop(self) -> None:
        """Stop listening (the window closes, or another database is opened)."""
        self.heartbeat.stop()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if self._feed is not None:
            self._feed.close()
            self._feed = None

    def _run(self, feed: ChangeFeed) -> None:
        """The feed's thread: wait for changes, hand them over; on a failure, say so once and
        keep trying (the server may come back)."""
        from core.store import StoreError

        failing = False
        while not self._stop.is_set():
            try:
                try:
                    changes = feed.wait(1.0)
                except StoreError as error:
                    if not failing:
                        self.feed_failed.emit(str(error))
                    failing = True
                    self._stop.wait(5.0)
                    continue
                failing = False
                if changes and not self._stop.is_set():
                    self.changes_arrived.emit(changes)
            except RuntimeError:  # the window was destroyed without closing (tests, shutdown)
                return

    def _failed(self, message: str) -> None:
        log.warning("live updates paused")  # the message may name the server, not a patient
        self.window.statusBar().showMessage(
            self.tr("Changes made at other workstations are not shown until the database can be "
                    "reached again: {reason}").format(reason=message), 20_000)

    def _apply(self, changes: list[Change]) -> None:
        """Show what changed: the patient list, the patient page, the open exam's lock."""
        window = self.window
        if window.store is None:
            return
        if any(change.action in _PATIENT_LIST_ACTIONS for change in changes):
            window.patient_model.search(window.search.text())
        record = window.record
        touched = {change.patient_id for change in changes}
        if record is not None and record.patient.id in touched:
            session = window.session
            if session is None:
                window.refresh_patient_page()  # (the page, or hidden behind the start page)
            elif session.held_elsewhere is not None and any(
                    change.exam_id == session.exam.id for change in changes):
                session.claim_lock()

    def beat(self) -> None:
        """The heartbeat: renew this window's lock, look again at a colleague's, refresh a
        patient page that shows locks (one may have gone stale)."""
        from core.store import StoreError

        session = self.window.session
        try:
            if session is not None:
                if session.held_elsewhere is not None:
                    session.claim_lock()
                else:
                    session.renew_lock()
            elif self.window.record is not None and self.window.patient_page_shows_locks():
                self.window.refresh_patient_page()
        except StoreError as error:
            self._failed(str(error))
