"""The audit log: who did what to which record, written in the transaction of the act itself
so the act and its record stand or fall together."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, select

from core.store.connection import Backend, reading, transaction
from core.store.errors import StoreError
from core.store.schema import audit_log


def now() -> dt.datetime:
    """The time stamp of every stored change (UTC)."""
    return dt.datetime.now(dt.UTC)


def current_user() -> str:
    """The operating-system user: the default actor of the audit log."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


class AuditMixin:
    """The Store's transactions and its audit log; the other parts of the Store build on it."""

    backend: Backend
    engine: Engine
    actor: str
    signing_name: str | None = None
    """The examiner a signature names, fixed by the login in clinic mode (else as typed)."""

    @contextlib.contextmanager
    def _begin(self) -> Iterator[Any]:
        """One transaction; a failure of the database becomes the StoreError of its cause."""
        with transaction(self.backend) as connection:
            yield connection

    @contextlib.contextmanager
    def _read(self) -> Iterator[Any]:
        """A connection for reading; a failure becomes the StoreError of its cause."""
        with reading(self.backend) as connection:
            yield connection

    def _audit(self, connection: Any, action: str, patient_id: str, exam_id: str | None,
               detail: str) -> None:
        connection.execute(audit_log.insert().values(at=now(), actor=self.actor, action=action,
                                                     patient_id=patient_id, exam_id=exam_id,
                                                     detail=detail))

    def log_export(self, patient_ids: list[str], detail: str) -> None:
        """Note in each patient's audit log that their record left the database, and how."""
        self.log_access("record_exported", patient_ids, detail)

    def log_access(self, action: str, patient_ids: list[str], detail: str) -> None:
        """Note an access that matters (export, PDF, re-identification) in each patient's audit
        log, in one transaction; when it cannot be noted, the caller must not go on."""
        with self._begin() as connection:
            for patient_id in patient_ids:
                self._audit(connection, action, patient_id, None, detail)

    def pseudonym_key(self) -> bytes:
        """Clinic mode: the clinic's pseudonym key from the database (administrator role)."""
        from core.store.schema import clinic_secrets

        with self._read() as connection:
            value = connection.execute(select(clinic_secrets.c.value).where(
                clinic_secrets.c.name == "pseudonym_key")).scalar()
        if value is None:
            raise StoreError(f"{self.backend.where()} holds no pseudonym key; run `neuroexam db "
                             "upgrade` as the database's owner.")
        return bytes.fromhex(value)

    def audit_entries(self, patient_id: str) -> list[dict[str, Any]]:
        """The audit log of one patient, oldest first."""
        query = select(audit_log).where(audit_log.c.patient_id == patient_id) \
            .order_by(audit_log.c.id)
        with self._read() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]
