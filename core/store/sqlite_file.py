"""The SQLite file under the store: checked before it is opened, never changed when refused,
private to its owner, and locked against a restore while any process has it open.

Everything here is specific to the embedded workstation database; a database server brings its
own checks and locks.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from core.store.errors import (
    CorruptDatabaseError,
    DatabaseBusyError,
    DatabaseTooNewError,
    ForeignDatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
)

SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID = 0x4E455831
"""PRAGMA application_id of every NeuroExam database ("NEX1"), so `file` and NeuroExam itself
tell it from another program's SQLite file."""

NEUROEXAM_TABLES = {"meta", "patients", "surgeries", "exams", "exam_revisions", "audit_log"}


@dataclass(frozen=True)
class FileCheck:
    """What a look at the file found, without changing it."""

    exists: bool
    schema_version: int
    patients: int = 0
    exams: int = 0


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write the file, create a -wal, or change its journal mode."""
    # Without a write-ahead log beside it, read the file as immutable: SQLite then creates no
    # -wal or -shm next to it, even for a database whose header asks for WAL.
    has_log = path.with_name(path.name + "-wal").exists()
    uri = f"file:{path.as_posix()}?mode=ro" + ("" if has_log else "&immutable=1")
    return sqlite3.connect(uri, uri=True, timeout=5)


def check_file(path: Path, newest_schema: int, deep: bool = False) -> FileCheck:
    """Look at a database file before opening it; raise the error of its cause, file untouched.

    Refused: a symbolic link, a file that is not SQLite (0 bytes included), another program's
    SQLite database, a damaged one (quick_check; integrity_check when ``deep``), one written by a
    newer NeuroExam. A missing file is fine (a new database).
    """
    if path.is_symlink():
        raise ForeignDatabaseError(f"{path} is a symbolic link; NeuroExam opens only the database "
                                   "file itself. It was not changed.")
    if not path.exists():
        return FileCheck(False, 0)
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except PermissionError:
        raise ReadOnlyDatabaseError(f"{path} cannot be read by this user.") from None
    if header != SQLITE_HEADER:
        what = "is empty (0 bytes)" if not header else "is not an SQLite database"
        raise ForeignDatabaseError(f"{path} {what}, so it is not a NeuroExam database. It was not "
                                   "changed. Restore a backup, or choose another data folder.")
    try:
        connection = _read_only(path)
        try:
            return _inspect(connection, path, newest_schema, deep)
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        text = str(error).lower()
        if "locked" in text or "busy" in text:
            raise DatabaseBusyError(f"{path} is locked by another program; try again.") from None
        raise CorruptDatabaseError(f"{path} is damaged ({error}). It was not changed. Restore the "
                                   "latest backup with `neuroexam restore FILE`.") from None


def _inspect(connection: sqlite3.Connection, path: Path, newest_schema: int,
             deep: bool) -> FileCheck:
    tables = {row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    if application_id not in (0, APPLICATION_ID) or (tables and not tables >= NEUROEXAM_TABLES):
        raise ForeignDatabaseError(f"{path} is another program's SQLite database, not a NeuroExam "
                                   "database. It was not changed.")
    check = "integrity_check" if deep else "quick_check"
    verdict = [row[0] for row in connection.execute(f"PRAGMA {check}")]
    if verdict != ["ok"]:
        raise CorruptDatabaseError(f"{path} is damaged ({'; '.join(verdict[:3])}). It was not "
                                   "changed. Restore the latest backup with `neuroexam restore "
                                   "FILE`.")
    if not tables:
        return FileCheck(True, 0)
    row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    version = int(row[0]) if row else 0
    if version > newest_schema:
        raise DatabaseTooNewError(
            f"The database {path} was written by a newer NeuroExam (schema {version}; this "
            f"version reads up to {newest_schema}). It was not changed. Update NeuroExam to "
            "open it.")
    patients = connection.execute("SELECT count(*) FROM patients").fetchone()[0]
    exams = connection.execute("SELECT count(*) FROM exams").fetchone()[0]
    return FileCheck(True, version, patients, exams)


def create_private_file(path: Path) -> bool:
    """Create ``path`` empty, readable and writable by its owner only; never through a symbolic
    link. True when created, False when a regular file was there already."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        os.close(os.open(path, flags, 0o600))
        return True
    except FileExistsError:
        if path.is_symlink():
            raise ForeignDatabaseError(f"{path} is a symbolic link; NeuroExam writes only to a "
                                       "file of its own.") from None
        return False


def create_database_file(path: Path) -> bool:
    """Create ``path`` as an empty SQLite database marked as NeuroExam's, private to its owner,
    all at once: another process starting at the same moment finds no file or a whole one, never
    the 0-byte file it would rightly refuse as damaged. True when this process created it."""
    if path.exists() or path.is_symlink():
        return create_private_file(path)  # refuses a symbolic link
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.{os.getpid()}.new")
    staging.unlink(missing_ok=True)
    create_private_file(staging)
    try:
        connection = sqlite3.connect(staging)
        try:
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        finally:
            connection.close()
        try:
            os.link(staging, path)  # atomic, and refuses a name that exists
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links: the plain way
            return create_private_file(path)
        return True
    finally:
        staging.unlink(missing_ok=True)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where folders cannot be opened)."""
    if sys.platform == "win32":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def lock_path(database: Path) -> Path:
    """The lock file beside a database: held shared by every open store, exclusively by restore."""
    return database.with_name(database.name + ".lock")


class OpenLock:
    """A shared advisory lock held while a store has the database open (POSIX flock; released by
    the operating system when the process dies, so a crash never leaves it behind)."""

    def __init__(self, database: Path) -> None:
        self._file: int | None = None
        if sys.platform == "win32":
            return
        import fcntl

        path = lock_path(database)
        create_private_file(path)
        descriptor = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
        fcntl.flock(descriptor, fcntl.LOCK_SH)
        self._file = descriptor

    def release(self) -> None:
        """Let go of the lock."""
        if self._file is not None:
            os.close(self._file)
            self._file = None


@contextlib.contextmanager
def exclusive(database: Path) -> Iterator[None]:
    """Hold the database alone (for a restore); refuse at once when any process has it open."""
    if sys.platform == "win32":
        yield
        return
    import fcntl

    path = lock_path(database)
    create_private_file(path)
    descriptor = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DatabaseBusyError(f"{database} is open in NeuroExam (this or another "
                                    "workstation's window, or a command). Close it everywhere, "
                                    "then restore again. Nothing was changed.") from None
        yield
    finally:
        os.close(descriptor)


def require_regular_target(path: Path) -> None:
    """Refuse to write a file where a symbolic link or any other file stands."""
    if path.is_symlink():
        raise StoreError(f"{path} is a symbolic link; NeuroExam will not write through it.")
    if path.exists():
        raise StoreError(f"{path} exists already; choose a new file name.")
