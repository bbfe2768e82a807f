"""Telling the other workstations what changed: new patients and exams, signatures, amendments,
imports, and exams opened or closed for editing.

Every such change writes an audit row in the same transaction (records.py, imports.py, locks.py),
so the audit log is the one list of changes: a ``ChangeFeed`` hands out the rows written after
the ones it has already handed out. How it learns that there are new rows is the only part that
differs between engines, behind the feed's one method, ``wait``:

- PostgreSQL: LISTEN/NOTIFY. A statement trigger on the audit log sends a notification (with no
  payload: nothing of the patient leaves the tables) at the commit of every transaction that
  wrote audit rows; the feed's own connection sleeps until one arrives or the timeout ends.
- SQLite (and any other engine): polling, one indexed query per ``POLL_INTERVAL``.

Rows of mere access (a record opened, exported, printed) are read past, not handed out.

Audit ids are given out in the order transactions *start* writing, not the order they commit: on a
server, a row with a smaller id may become visible after a larger one. The feed therefore also
asks again, for ``GAP_PATIENCE``, for every id it skipped, so a slow transaction's rows are not
lost (ids of rolled-back transactions stay missing and are forgotten after that time).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from core.store.connection import Backend, reading
from core.store.schema import audit_log

CHANNEL = "neuroexam_changes"
"""The PostgreSQL notification channel of the audit log."""

POLL_INTERVAL = 1.0
"""Seconds between two looks at the audit log where nothing notifies (SQLite)."""

ACCESSES = frozenset({"record_opened", "record_exported", "pdf_written", "reidentified", "backup",
                      "restore"})
"""Audit actions that read or copy records without changing them: not news to other workstations
(a window refreshing on them would be told of its own refresh)."""

GAP_PATIENCE = dt.timedelta(seconds=60)
"""How long an audit id skipped over is asked for again (a transaction still running)."""

_NOTIFY_SQL = f"""
CREATE OR REPLACE FUNCTION neuroexam_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', '');
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS neuroexam_notify ON audit_log;
CREATE TRIGGER neuroexam_notify AFTER INSERT ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION neuroexam_notify_change();
"""


def install_on_server(connection: Connection) -> None:
    """What schema migration 7 adds on PostgreSQL: the audit log's notification; the edit locks'
    grants (every group reads them, those who edit exams take them); and what the administrator
    group lacked to back the database up with pg_dump (reading the audit log's sequence)."""
    connection.exec_driver_sql(_NOTIFY_SQL)
    connection.exec_driver_sql(
        "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'neuroexam_clinician') "
        "THEN GRANT SELECT ON exam_locks TO neuroexam_clinician, neuroexam_nurse, "
        "neuroexam_admin, neuroexam_readonly; "
        "GRANT INSERT, UPDATE, DELETE ON exam_locks TO neuroexam_clinician, neuroexam_nurse; "
        "GRANT SELECT ON SEQUENCE audit_log_id_seq TO neuroexam_admin; "
        "END IF; END $$")


@dataclass(frozen=True)
class Change:
    """One change another workstation made (an audit row, without its free-text detail)."""

    id: int
    action: str
    patient_id: str
    exam_id: str | None
    actor: str
    at: dt.datetime


class ChangeFeed:
    """The changes written to the database after the feed was opened, in the order they become
    visible. ``wait`` is the one call; open it with ``open_feed``."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        with reading(backend) as connection:
            last = connection.execute(select(func.max(audit_log.c.id))).scalar()
        self._last = int(last or 0)
        self._gaps: dict[int, float] = {}  # skipped id -> when to stop asking (monotonic)

    def wait(self, timeout: float) -> list[Change]:
        """The changes since the last call, waiting up to ``timeout`` seconds for one."""
        found = self._read()
        if found:
            return found
        self._sleep(timeout)
        return self._read()

    def _sleep(self, timeout: float) -> None:
        """Until something may have changed, at most ``timeout`` seconds."""
        time.sleep(min(timeout, POLL_INTERVAL))

    def _read(self) -> list[Change]:
        now = time.monotonic()
        self._gaps = {gap: until for gap, until in self._gaps.items() if until > now}
        wanted = audit_log.c.id > self._last
        if self._gaps:
            wanted = wanted | audit_log.c.id.in_(list(self._gaps))
        columns = (audit_log.c.id, audit_log.c.action, audit_log.c.patient_id,
                   audit_log.c.exam_id, audit_log.c.actor, audit_log.c.at)
        with reading(self.backend) as connection:
            rows = connection.execute(select(*columns).where(wanted).order_by(audit_log.c.id))
            changes = [Change(row.id, row.action, row.patient_id, row.exam_id, row.actor, row.at)
                       for row in rows]
        for change in changes:
            self._gaps.pop(change.id, None)
            if change.id > self._last:
                for skipped in range(self._last + 1, change.id):
                    self._gaps[skipped] = now + GAP_PATIENCE.total_seconds()
                self._last = change.id
        return [change for change in changes if change.action not in ACCESSES]

    def close(self) -> None:
        """Stop listening (the polling feed holds nothing)."""


class ListeningFeed(ChangeFeed):
    """PostgreSQL: sleeps on its own connection until the audit log's notification arrives."""

    def __init__(self, backend: Backend) -> None:
        self._listener: Any = None
        super().__init__(backend)
        self._listen()

    def _listen(self) -> None:
        """A connection of its own, outside the pool, in autocommit, listening on CHANNEL. It is
        made by the engine, so it logs in as the store's other connections do."""
        raw = self.backend.engine.raw_connection()
        listener: Any = raw.driver_connection
        raw.detach()  # never handed back to the pool while it listens
        listener.rollback()  # the pool's liveness check may have begun a transaction
        listener.autocommit = True
        listener.execute(f"LISTEN {CHANNEL}")
        self._listener = listener

    def _sleep(self, timeout: float) -> None:
        try:
            if self._listener is None:
                self._listen()
            for _notice in self._listener.notifies(timeout=timeout, stop_after=1):
                pass
        except Exception:  # noqa: BLE001 (the driver's errors, whatever their class)
            # The server went away: drop the connection and try again at the next wait; the
            # next _read reports the failure as the store's error of its cause.
            self._drop()
            time.sleep(min(timeout, POLL_INTERVAL))

    def _drop(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(Exception):
                self._listener.close()
            self._listener = None

    def close(self) -> None:
        self._drop()


def open_feed(backend: Backend) -> ChangeFeed:
    """The feed of changes for this database: notified on PostgreSQL, polled elsewhere."""
    if backend.engine.dialect.name == "postgresql":
        return ListeningFeed(backend)
    return ChangeFeed(backend)
