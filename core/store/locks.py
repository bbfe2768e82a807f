"""Edit locks: "being edited by Dr Ada Lovelace at ROOM-2 since 10:42".

An exam open for editing at one workstation is marked in the ``exam_locks`` table, so that the
others show who has it and open it read-only. The lock is advisory and short-lived by design:

- the editor renews it every ``HEARTBEAT`` while it is open (``renew_lock``) and removes it when
  it closes (``release_lock``);
- a lock without a sign of life for ``LOCK_EXPIRY`` (the workstation crashed, lost the network or
  went to sleep) is *stale*: it blocks no one, and anyone may take it over (``take_lock`` with
  ``take_over``), which the audit log records with the previous holder;
- saving never depends on it: every save still names the revision it was based on and is refused
  when another saved in between (records.py), so a lock lost to a takeover loses no data.

Times are the database's clock (Backend.clock), so workstations with wrong clocks still agree on
staleness. The SQL is portable (a SELECT, then an INSERT, or an UPDATE guarded by the previous
holder's token); two workstations taking one lock at once are decided by the primary key: the
second INSERT fails and that workstation reads the first one's lock. Taking, taking over and
releasing write audit rows, which is also how other workstations hear of it (notify.py).
"""

from __future__ import annotations

import datetime as dt
import socket
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError, IntegrityError

from core.store.audit import AuditMixin
from core.store.connection import Backend, transaction
from core.store.errors import StoreError, classify
from core.store.schema import exam_locks

LOCK_EXPIRY = dt.timedelta(minutes=2)
"""A lock whose editor gave no sign of life for this long is stale: it is shown as such, blocks
no one and may be taken over. Long enough for a busy network, short enough that a crashed
workstation's colleagues wait at most two minutes."""

HEARTBEAT = dt.timedelta(seconds=30)
"""How often an open editor renews its lock: four renewals fit into one LOCK_EXPIRY, so a slow or
missed renewal does not make a living editor's lock stale."""


@dataclass(frozen=True)
class EditLock:
    """Who has an exam open for editing, where, since when, and their last sign of life."""

    patient_id: str
    exam_id: str
    holder: str
    """The login (clinic mode) or the operating-system user."""
    holder_name: str
    """The name shown to colleagues: the login's display name, else the user."""
    workstation: str
    since: dt.datetime
    seen: dt.datetime
    stale: bool
    """No sign of life for LOCK_EXPIRY, by the database's clock when it was read."""
    mine: bool
    """Held by this store (this window of this workstation)."""

    def describe(self) -> str:
        """"being edited by Dr Ada Lovelace at ROOM-2 since 10:42" (local time), and for a stale
        lock when its editor was last seen."""
        since = local_time(self.since)
        text = f"being edited by {self.holder_name} at {self.workstation} since {since}"
        if self.stale:
            text += (f"; no sign of life from that workstation since {local_time(self.seen)}, so "
                     "the lock has expired and editing can be taken over")
        return text


def local_time(moment: dt.datetime) -> str:
    """A moment shown to a colleague, in this computer's zone: a time of today as 10:42,
    another day's as 2026-03-09 10:42."""
    local = moment.astimezone()
    today = dt.datetime.now().astimezone().date()
    return f"{local:%H:%M}" if local.date() == today else f"{local:%Y-%m-%d %H:%M}"


class _Raced(Exception):
    """The lock changed between reading it and taking it over."""


class LockMixin(AuditMixin):
    """The Store's edit locks (see the module's docstring)."""

    backend: Backend
    engine: Engine
    signing_name: str | None

    @property
    def lock_token(self) -> str:
        """This store's own mark on the locks it holds (one per window, so a second window of
        the same user on the same workstation is a colleague like any other)."""
        token: str | None = getattr(self, "_lock_token", None)
        if token is None:
            token = self._lock_token = uuid.uuid4().hex
        return token

    def _holder_name(self) -> str:
        login = self.backend.identity()
        return login[1] if login else self.actor

    def _lock_from(self, row: Any, now: dt.datetime) -> EditLock:
        return EditLock(row.patient_id, row.exam_id, row.holder, row.holder_name, row.workstation,
                        row.since, row.seen, now - row.seen >= LOCK_EXPIRY,
                        row.token == self.lock_token)

    def edit_locks(self, patient_id: str) -> dict[str, EditLock]:
        """The locks on the patient's exams, by exam id (stale ones included, marked)."""
        with self._read() as connection:
            now = self.backend.clock(connection)
            rows = connection.execute(select(exam_locks).where(
                exam_locks.c.patient_id == patient_id)).all()
        return {row.exam_id: self._lock_from(row, now) for row in rows}

    def edit_lock(self, patient_id: str, exam_id: str) -> EditLock | None:
        """The lock on one exam, or None when nobody has it open for editing."""
        return self.edit_locks(patient_id).get(exam_id)

    def take_lock(self, patient_id: str, exam_id: str, take_over: bool = False) -> EditLock:
        """Mark the exam as being edited here, and return the lock as it now stands: ``mine``
        when this store holds it; else the colleague's, for the app to show. A stale lock is
        taken only with ``take_over`` (the audit log names whose it was); a live one never."""
        for _attempt in range(3):
            try:
                return self._take_lock(patient_id, exam_id, take_over)
            except (IntegrityError, _Raced):
                continue  # another workstation took or renewed it meanwhile: read it again
            except DBAPIError as error:
                raise classify(error, self.backend.where()) from None
        raise StoreError(f"Exam {exam_id}: the edit lock changed hands three times while it was "
                         "being taken; try again.")

    def _take_lock(self, patient_id: str, exam_id: str, take_over: bool) -> EditLock:
        key = (exam_locks.c.patient_id == patient_id) & (exam_locks.c.exam_id == exam_id)
        holder_name = self._holder_name()[:200]
        with self.engine.begin() as connection:
            now = self.backend.clock(connection)
            row = connection.execute(select(exam_locks).where(key)).first()
            mine = {"token": self.lock_token, "holder": self.actor, "holder_name": holder_name,
                    "workstation": socket.gethostname()[:200] or "unknown", "seen": now}
            if row is None:
                connection.execute(exam_locks.insert().values(patient_id=patient_id,
                                                              exam_id=exam_id, since=now, **mine))
                self._audit(connection, "exam_lock_taken", patient_id, exam_id,
                            f"opened for editing at {mine['workstation']}")
            elif row.token == self.lock_token:
                connection.execute(exam_locks.update().where(key).values(seen=now))
            else:
                theirs = self._lock_from(row, now)
                if not (theirs.stale and take_over):
                    return theirs
                # Guarded by their token and staleness: if they renewed meanwhile, nothing
                # changes and the loop reads their lock again.
                done = connection.execute(exam_locks.update().where(
                    key & (exam_locks.c.token == row.token)
                    & (exam_locks.c.seen <= now - LOCK_EXPIRY)).values(since=now, **mine))
                if done.rowcount != 1:
                    raise _Raced
                self._audit(connection, "exam_lock_taken_over", patient_id, exam_id,
                            f"from {row.holder} at {row.workstation}, last seen "
                            f"{row.seen:%Y-%m-%d %H:%M} UTC")
            lock = connection.execute(select(exam_locks).where(key)).one()
            return self._lock_from(lock, now)

    def renew_lock(self, patient_id: str, exam_id: str) -> EditLock | None:
        """The editor's sign of life; None when this store no longer holds the lock (taken over
        after it went stale): the editor must stop editing and say so."""
        key = ((exam_locks.c.patient_id == patient_id) & (exam_locks.c.exam_id == exam_id)
               & (exam_locks.c.token == self.lock_token))
        with transaction(self.backend) as connection:
            now = self.backend.clock(connection)
            done = connection.execute(exam_locks.update().where(key).values(seen=now))
            if done.rowcount != 1:
                return None
            return self._lock_from(connection.execute(select(exam_locks).where(key)).one(), now)

    def release_lock(self, patient_id: str, exam_id: str) -> None:
        """The editor closed: remove this store's lock (nothing when it holds none)."""
        key = ((exam_locks.c.patient_id == patient_id) & (exam_locks.c.exam_id == exam_id)
               & (exam_locks.c.token == self.lock_token))
        with transaction(self.backend) as connection:
            if connection.execute(exam_locks.delete().where(key)).rowcount:
                self._audit(connection, "exam_lock_released", patient_id, exam_id,
                            "closed for editing")
