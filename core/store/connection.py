"""Reaching the database: the engine, the settings of its connections, the checks on opening.

Everything that depends on the kind of database sits behind the small ``Backend`` interface:
``SQLiteBackend`` (a file: looked at before it is opened, private, pragmas, an open lock, the
application id) and ``ServerBackend`` (a database server named by a SQLAlchemy URL). The rest of
the store is plain SQL through SQLAlchemy and never asks which kind it has.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, create_engine, event, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from core.store.errors import (
    DatabaseTooNewError,
    LoginRefusedError,
    StoreError,
    UnknownSchemaError,
    UpgradeNeededError,
    classify,
)
from core.store.schema import (
    SCHEMA_VERSION,
    database_hash,
    expected_hash,
    stored_version,
    upgrade,
)
from core.store.sqlite_file import APPLICATION_ID, OpenLock, check_file, create_database_file

MIGRATION_LOCK = 0x4E455831
"""The key of the PostgreSQL advisory lock held while the schema is migrated ("NEX1")."""


class Backend(Protocol):
    """What the store needs from a kind of database."""

    url: str
    engine: Engine

    @property
    def path(self) -> Path | None:
        """The database file, or None for a server."""

    def where(self) -> str:
        """The database named for a message: its path, or its URL without the password."""

    migrates_on_open: bool
    """True for a workstation's own database; a shared server is migrated only on purpose, by
    `neuroexam db upgrade` (upgrade_database), run by its administrator."""

    def lock_schema(self, connection: Connection) -> None:
        """Hold the database's migration lock until the end of this transaction, so that two
        processes opening an empty or older database never migrate it at the same time."""

    def after_upgrade(self, connection: Connection) -> None:
        """Mark a database as NeuroExam's once its schema is in place (inside a transaction)."""

    def identity(self) -> tuple[str, str] | None:
        """(login, display name) of a clinic login, who signs and is audited; None where the
        user is not a database login (a workstation, the database's owner)."""

    def clock(self, connection: Connection) -> dt.datetime:
        """Now, by the clock every user of this database shares (UTC): the server's, so that
        workstations whose clocks disagree still agree when an edit lock went stale."""

    def dispose(self) -> None:
        """Release the connections and anything held while the database is open."""


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for a server or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def where(url: str) -> str:
    """A URL named for a message: the SQLite file, or the URL without its password."""
    return str(sqlite_path(url) or make_url(url).render_as_string(hide_password=True))


def _sqlite_pragmas(connection: Any, record: Any) -> None:
    """WAL for readers beside a writer; synchronous=FULL so a power cut loses no acknowledged
    commit (NORMAL could drop the last ones)."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


class SQLiteBackend:
    """A database file on this computer or a shared folder (or, with no path, one in memory, for
    tests and the self-test)."""

    migrates_on_open = True

    def __init__(self, url: str, path: Path | None) -> None:
        self.url = url
        self._path = path
        self._lock: OpenLock | None = None
        if path is not None:
            # Look before touching: a refused file is never changed (no WAL, no tables added).
            check_file(path, SCHEMA_VERSION)
            create_database_file(path)
            self._lock = OpenLock(path)
        # hide_parameters: an error never quotes the values of a statement (names, notes).
        self.engine: Engine = create_engine(url, hide_parameters=True)
        event.listen(self.engine, "connect", _sqlite_pragmas)

    @property
    def path(self) -> Path | None:
        return self._path

    def where(self) -> str:
        return str(self._path or where(self.url))

    def lock_schema(self, connection: Connection) -> None:
        """BEGIN IMMEDIATE: the write lock of the file, taken before the version is read (the
        driver would otherwise start the transaction only at the first write, and run the
        CREATE TABLEs outside any)."""
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    def after_upgrade(self, connection: Connection) -> None:
        connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")

    def identity(self) -> tuple[str, str] | None:
        return None

    def clock(self, connection: Connection) -> dt.datetime:
        """A file's users share this computer's clock (or its file server's network time)."""
        return dt.datetime.now(dt.UTC)

    def dispose(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None


class ServerBackend:
    """A database server named by a SQLAlchemy URL; its administrator creates the database.

    ``password``, typed into the login dialog, is kept in this process's memory only (the URL
    object hides it when printed): the pool needs it to replace a connection the server closed,
    and the export and import threads open connections of their own as the same user."""

    migrates_on_open = False

    def __init__(self, url: str, password: str | None = None) -> None:
        self.url = url
        self.password = password
        target = make_url(url) if password is None else make_url(url).set(password=password)
        # pool_pre_ping: a connection the server ended (a restart, an idle timeout) is replaced
        # before use instead of failing the user's next operation. connect_timeout: a server
        # that does not answer is reported after 10 s, not after the system's TCP timeout
        # (minutes, with the login dialog frozen).
        options = {"connect_timeout": 10} if target.get_backend_name() == "postgresql" else {}
        self.engine: Engine = create_engine(target, hide_parameters=True, pool_pre_ping=True,
                                            connect_args=options)

    @property
    def path(self) -> Path | None:
        return None

    def where(self) -> str:
        return where(self.url)

    def lock_schema(self, connection: Connection) -> None:
        """A transaction-level advisory lock (released by the commit, or by the server when the
        connection dies, so a crashed migration never blocks the next one)."""
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})

    def after_upgrade(self, connection: Connection) -> None:
        """Nothing to mark: the server's database is NeuroExam's by its configuration."""

    def identity(self) -> tuple[str, str] | None:
        if self.engine.dialect.name != "postgresql":
            return None
        from core.store.clinic import identity

        with reading(self) as connection:
            return identity(connection)

    def clock(self, connection: Connection) -> dt.datetime:
        """The server's clock (CURRENT_TIMESTAMP: standard SQL, the transaction's start)."""
        value: dt.datetime = connection.execute(select(func.current_timestamp())).scalar_one()
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)

    def dispose(self) -> None:
        self.engine.dispose()


def open_backend(url: str, upgrade_now: bool = False, password: str | None = None) -> Backend:
    """Connect; check the schema version, upgrade an older database (a workstation's own always,
    a server's only with ``upgrade_now``), refuse a newer or damaged one. Low-level failures
    become the StoreError of their cause. ``password``: a server login's, as typed."""
    backend = open_backend_unchecked(url, password)
    try:
        _check_schema(backend, upgrade_now or backend.migrates_on_open)
    except BaseException:
        backend.dispose()
        raise
    return backend


def _check_schema(backend: Backend, may_upgrade: bool) -> None:
    try:
        with backend.engine.connect() as connection:
            version = stored_version(connection)
        if version > SCHEMA_VERSION:
            raise DatabaseTooNewError(
                f"The database {backend.where()} was written by a newer NeuroExam (schema "
                f"{version}; this version reads up to {SCHEMA_VERSION}). It was not changed. "
                "Update NeuroExam to open it.")
        if version < SCHEMA_VERSION and not may_upgrade:
            found = "is empty" if version == 0 else f"is at schema {version}"
            raise UpgradeNeededError(
                f"The shared database {backend.where()} {found}; this NeuroExam needs schema "
                f"{SCHEMA_VERSION}. NeuroExam does not change a shared database on its own: the "
                "clinic's database administrator must run `neuroexam db upgrade --database URL` "
                "with the login that owns the database, after a backup (README, Clinic mode). "
                "Nothing was changed.")
        if version < SCHEMA_VERSION:
            with backend.engine.begin() as connection:
                backend.lock_schema(connection)
                upgrade(connection)
        with backend.engine.begin() as connection:
            backend.after_upgrade(connection)
            found = database_hash(connection)
    except DBAPIError as error:
        raise classify(error, backend.where()) from None
    if found != expected_hash():
        raise UnknownSchemaError(
            f"The database {backend.where()} says schema {SCHEMA_VERSION} but its tables are not "
            f"those of NeuroExam's schema {SCHEMA_VERSION} (schema hash {found}, expected "
            f"{expected_hash()}): it was changed outside NeuroExam. It was not changed further. "
            "Restore a backup, or ask whoever administers the database.")


def upgrade_database(url: str) -> tuple[int, int]:
    """`neuroexam db upgrade`: bring the database to this version's schema, under the migration
    lock; returns the versions before (as found under the lock) and after. A newer or changed
    database is refused by the checks of opening, unchanged."""
    backend = open_backend_unchecked(url)
    try:
        with transaction(backend) as connection:
            backend.lock_schema(connection)
            before = stored_version(connection)
            if before < SCHEMA_VERSION:
                upgrade(connection)
    finally:
        backend.dispose()
    open_backend(url).dispose()
    return before, SCHEMA_VERSION


def open_backend_unchecked(url: str, password: str | None = None) -> Backend:
    """The backend of ``url`` without the schema checks (to read its version first)."""
    try:
        is_sqlite = make_url(url).get_backend_name() == "sqlite"
        return SQLiteBackend(url, sqlite_path(url)) if is_sqlite else ServerBackend(url, password)
    except DBAPIError as error:
        raise classify(error, where(url)) from None
    except SQLAlchemyError as error:
        raise StoreError(f"The database cannot be opened ({type(error).__name__}).") from None


def needs_login(url: str) -> bool:
    """True for a clinic server named without a password: the app asks for the user's login
    and password (the login dialog) instead of reading one from a file."""
    parsed = make_url(url)
    return parsed.get_backend_name() == "postgresql" and not parsed.password


def with_login(url: str, login: str) -> str:
    """``url`` with ``login`` as its user (no password: that is given separately)."""
    return make_url(url).set(username=login, password=None).render_as_string(hide_password=False)


def check_password(url: str, password: str) -> None:
    """Log in afresh, on a connection of its own, as the user of ``url`` with ``password``;
    LoginRefusedError when the server refuses it, the error of its cause when it cannot be
    asked. Proves that the person at the keyboard knows the password now (signing asks it
    again), not that they knew it when the app started."""
    if not password:
        raise LoginRefusedError("A password is needed: an empty one is never accepted.")
    target = make_url(url).set(password=password)
    # NullPool: this connection is used once and closed, never shared with the app's pool. A
    # password is always given, so libpq never falls back to ~/.pgpass or PGPASSWORD.
    engine = create_engine(target, poolclass=NullPool, connect_args={"connect_timeout": 10})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DBAPIError as error:
        raise classify(error, where(url)) from None
    finally:
        engine.dispose()


@contextlib.contextmanager
def transaction(backend: Backend) -> Iterator[Any]:
    """One transaction; a failure of the database becomes the StoreError of its cause."""
    try:
        with backend.engine.begin() as connection:
            yield connection
    except DBAPIError as error:
        raise classify(error, backend.where()) from None


@contextlib.contextmanager
def reading(backend: Backend) -> Iterator[Any]:
    """A connection for reading; a failure (a server gone away) becomes the StoreError of its
    cause, never a driver's message with the SQL in it."""
    try:
        with backend.engine.connect() as connection:
            yield connection
    except DBAPIError as error:
        raise classify(error, backend.where()) from None
