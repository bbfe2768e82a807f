"""The audit log: who did what to which record, written in the transaction of the act itself
so the act and its record stand or fall together."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select

from core.record import Signer
from core.store.connection import Backend, check_password, reading, transaction
from core.store.errors import StoreError
from core.store.schema import audit_log

ACTIONS = {
    "patient_created": "patient created",
    "patient_updated": "demographics changed",
    "surgery_saved": "operation saved",
    "exam_created": "exam started",
    "exam_signed": "exam signed",
    "exam_amended": "signed exam amended",
    "draft_discarded": "draft discarded",
    "record_imported": "record imported",
    "record_opened": "record opened",
    "exam_lock_taken": "exam opened for editing",
    "exam_lock_released": "exam closed after editing",
    "exam_lock_taken_over": "editing taken over (the other workstation's lock had expired)",
    "record_exported": "record exported",
    "pdf_written": "PDFs written",
    "reidentified": "pseudonym re-identified",
    "backup": "backup",
    "restore": "restore",
}
"""Every action the store writes to the audit log, in words. The database's own rows in clinic
mode are ``db_<table>_<operation>`` (core/store/clinic.py), described by ``describe_action``."""


def describe_action(action: str) -> str:
    """An audit row's action in words: "exam signed"; "database: exams update" for the rows the
    server's triggers write."""
    if action.startswith("db_"):
        table, _, operation = action[3:].rpartition("_")
        return f"database: {table} {operation}"
    return ACTIONS.get(action, action.replace("_", " "))


@dataclass(frozen=True)
class AuditEntry:
    """One row of a patient's audit log."""

    at: dt.datetime
    """When (UTC; stamped by the server in clinic mode)."""
    actor: str
    """Who: the login, or the operating-system account on a workstation."""
    action: str
    exam_id: str | None
    detail: str

    @property
    def by_database(self) -> bool:
        """Written by the server's triggers (clinic mode), beside the store's own row."""
        return self.action.startswith("db_")

    @property
    def what(self) -> str:
        """The action in words."""
        return describe_action(self.action)


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
    url: str
    actor: str
    login: tuple[str, str] | None = None
    """(login, display name) of a clinic login; None on a workstation or as the owner."""
    signing_name: str | None = None
    """The examiner a signature names, fixed by the login in clinic mode (else as typed)."""

    @property
    def asks_password_to_sign(self) -> bool:
        """Clinic mode: signing and amending are confirmed with the login's password, checked by
        the server on a fresh connection. On a workstation the operating-system account is the
        user and its session the authentication (README, "Signing")."""
        return self.login is not None

    def signer(self, name: str = "") -> Signer:
        """Who signs now: the clinic login with its display name; on a workstation the
        operating-system account with ``name`` (the examiner's name as set in the app)."""
        if self.login is not None:
            return Signer(login=self.login[0], name=self.login[1])
        return Signer(login=self.actor, name=name.strip() or self.actor)

    def confirm_signer(self, password: str | None) -> None:
        """Clinic mode: the password must be the login's now (LoginRefusedError otherwise);
        nothing to check on a workstation."""
        if not self.asks_password_to_sign:
            return
        if password is None:
            raise StoreError("Signing and amending need your password, asked again each time.")
        check_password(self.url, password)

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

    def _audit_many(self, connection: Any,
                    entries: list[tuple[str, str, str | None, str]]) -> None:
        """Several audit rows (action, patient id, exam id, detail) in one statement."""
        if entries:
            stamp = now()
            connection.execute(audit_log.insert(), [
                {"at": stamp, "actor": self.actor, "action": action, "patient_id": patient_id,
                 "exam_id": exam_id, "detail": detail}
                for action, patient_id, exam_id, detail in entries])

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

    def audit_history(self, patient_id: str) -> list[AuditEntry]:
        """A patient's audit log as shown to users: newest first."""
        return [AuditEntry(row["at"], row["actor"], row["action"], row["exam_id"], row["detail"])
                for row in reversed(self.audit_entries(patient_id))]
