"""The records store: patients, surgeries, exams with revisions, and an audit log.

The Store is assembled from one module per job: ``connection`` (reaching and checking the
database; everything specific to SQLite or a server behind one small interface), ``records``
(patients, operations, exams with revisions), ``audit``, ``imports`` (whole records and their
differences) and ``backup`` (backup and restore).
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from core.store.audit import current_user
from core.store.backup import BackupMixin, restore
from core.store.clinic import User, add_user, disable_user, list_users
from core.store.connection import Backend, open_backend
from core.store.errors import ConflictError, SignedExamError, StoreError
from core.store.imports import ImportMixin, ImportReport, differences
from core.store.locks import EditLock, LockMixin
from core.store.records import PatientSummary, Revision, StoredExam

__all__ = ["ConflictError", "EditLock", "ImportReport", "PatientSummary", "Revision",
           "SignedExamError", "Store", "StoreError", "StoredExam", "differences", "open_store",
           "restore"]


class Store(ImportMixin, LockMixin, BackupMixin):
    """The database of patients and exams, named by a SQLAlchemy URL; usable as a context
    manager that closes it."""

    def __init__(self, url: str, actor: str | None = None, password: str | None = None) -> None:
        self.url = url
        """The database's URL, never with the password typed at login (that is kept apart)."""
        self._password = password
        self.backend: Backend = open_backend(url, password=password)
        self.engine: Engine = self.backend.engine
        self.path = self.backend.path
        # A clinic login is the user: it signs, and the database stamps it on what it writes.
        # On a server, a login of no NeuroExam group (the owner's maintenance) is named by its
        # database login, not by the account of the computer it runs on.
        login = self.backend.identity()
        server_user = make_url(url).username if self.path is None else None
        self.actor = login[0] if login else actor or server_user or current_user()
        self.login = login
        self.signing_name = f"{login[1]} ({login[0]})" if login else None

    def reopen(self) -> Store:
        """Another Store on the same database as the same user, e.g. for a worker thread (the
        password typed at login is not asked again)."""
        return Store(self.url, self.actor if self.login is None else None, self._password)

    # Clinic mode: the staff's logins (core/store/clinic.py; the server decides who may).

    @property
    def has_clinic_logins(self) -> bool:
        """The users are the logins of a clinic's PostgreSQL server (File, Users; users(),
        add_user()); on a workstation's database file the operating-system account is the
        user."""
        return self.engine.dialect.name == "postgresql"

    def _clinic(self) -> None:
        if not self.has_clinic_logins:
            raise StoreError("Users are clinic-mode logins on a PostgreSQL database; on a "
                             "workstation the operating-system account is the user.")

    def users(self) -> list[User]:
        """Every NeuroExam login of the clinic's server, by login."""
        self._clinic()
        with self._read() as connection:
            return list_users(connection)

    def add_user(self, login: str, name: str, role: str, password: str) -> None:
        """Create a login (administrator logins and the owner only: the server refuses anyone
        else, PermissionDeniedError); ValueError for a bad name, role, password or a login
        that exists."""
        self._clinic()
        with self._begin() as connection:
            add_user(connection, login, name or login, role, password)

    def disable_user(self, login: str) -> bool:
        """Stop a login from logging in (its rows stay); False if it is not a NeuroExam login."""
        self._clinic()
        with self._begin() as connection:
            return disable_user(connection, login)

    def close(self) -> None:
        """Release the connections and the open lock."""
        self.backend.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(url: str, actor: str | None = None, password: str | None = None) -> Store:
    """Open the store; low-level failures become the StoreError of their cause (open_backend).
    ``password``: a clinic login's, as typed into the login dialog."""
    return Store(url, actor, password)
