"""Backups a clinic can trust, and restores that never lose what they replace.

A backup is written under a temporary name, checked (integrity, schema version, counts), given a
SHA-256 checksum file beside it, and only then renamed to the name asked for, so a killed backup
never leaves a partial file under that name. A restore checks a copy of the backup (it never
writes to the file it restores from), refuses while any process has the database open, keeps the
live database, its write-ahead log included, under a time-stamped name that never overwrites an
earlier one, and writes the restore into the restored database's audit log.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shlex
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from core.store.audit import AuditMixin, current_user
from core.store.connection import sqlite_path, where
from core.store.errors import CorruptDatabaseError, ForeignDatabaseError, StoreError
from core.store.schema import SCHEMA_VERSION
from core.store.sqlite_file import (
    FileCheck,
    check_file,
    create_private_file,
    exclusive,
    fsync_folder,
    require_regular_target,
)

CHECKSUM_SUFFIX = ".sha256"


@dataclass(frozen=True)
class BackupCheck:
    """What a verified backup holds."""

    path: Path
    schema_version: int
    patients: int
    exams: int
    checksum: str
    checksum_matches: bool | None
    """None when no checksum file lies beside the backup."""

    def summary(self) -> str:
        """One line for the command line and the app."""
        stated = {True: "checksum matches", False: "CHECKSUM DIFFERS",
                  None: "no checksum file"}[self.checksum_matches]
        return (f"{self.path}: a sound NeuroExam database (schema {self.schema_version}), "
                f"{self.patients} patients, {self.exams} exams; {stated}")


def sha256_of(path: Path) -> str:
    """The file's SHA-256, hex."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _copy_database(source: Path, target: Path) -> None:
    """SQLite's online backup from ``source`` (its write-ahead log included) into ``target``."""
    reader = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True, timeout=30)
    writer = sqlite3.connect(target)
    try:
        reader.backup(writer)
        writer.execute("PRAGMA journal_mode=DELETE")
    finally:
        writer.close()
        reader.close()
    with target.open("rb+") as file:
        os.fsync(file.fileno())


def _write_checksum(backup: Path, checksum: str) -> None:
    side = backup.with_name(backup.name + CHECKSUM_SUFFIX)
    staging = side.with_name(side.name + ".partial")
    create_private_file(staging)
    staging.write_text(f"{checksum}  {backup.name}\n", encoding="ascii")
    os.replace(staging, side)


def write_backup(database: Path, out: Path) -> BackupCheck:
    """Copy ``database`` to ``out`` (which must not exist), verified, with its checksum file."""
    out = Path(out)
    require_regular_target(out)
    staging = out.with_name(f".{out.name}.partial")
    if staging.exists() or staging.is_symlink():
        staging.unlink()
    create_private_file(staging)
    try:
        _copy_database(database, staging)
        found = check_file(staging, SCHEMA_VERSION, deep=True)
        if not found.schema_version:
            raise CorruptDatabaseError(f"The copy of {database} came out empty; no backup was "
                                       "written.")
        checksum = sha256_of(staging)
        _write_checksum(out, checksum)
        os.replace(staging, out)
        fsync_folder(out.parent)
    except (OSError, sqlite3.Error) as error:
        staging.unlink(missing_ok=True)
        raise StoreError(f"The backup could not be written to {out}: {_write_failure(error)}. "
                         "The database was not changed and no earlier backup was removed."
                         ) from None
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    return BackupCheck(out, found.schema_version, found.patients, found.exams, checksum, True)


def _write_failure(error: OSError | sqlite3.Error) -> str:
    """Why writing a backup failed, in words, without the driver's text (it may quote data)."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    text = str(error).lower()
    if "full" in text or "i/o" in text or "too large" in text:
        return "the disk is full or failing"
    return f"the copy failed ({type(error).__name__})"


def verify_backup(backup: Path) -> BackupCheck:
    """Check a backup without writing to it: a copy is opened, never the file itself."""
    backup = Path(backup)
    if backup.is_symlink() or not backup.is_file():
        raise StoreError(f"{backup} is not a backup file (missing, a folder or a link).")
    checksum = sha256_of(backup)
    side = backup.with_name(backup.name + CHECKSUM_SUFFIX)
    matches = None
    if side.is_file():
        matches = side.read_text(encoding="ascii", errors="replace").split()[:1] == [checksum]
    with tempfile.TemporaryDirectory(prefix="neuroexam-verify-") as folder:
        copy = Path(folder) / "copy.db"
        shutil.copyfile(backup, copy)
        found: FileCheck = check_file(copy, SCHEMA_VERSION, deep=True)
    if not found.schema_version:
        raise ForeignDatabaseError(f"{backup} holds no NeuroExam data (an empty database).")
    if matches is False:
        raise CorruptDatabaseError(f"{backup} does not match its checksum file: it was changed or "
                                   "damaged after the backup was made. It was not restored.")
    return BackupCheck(backup, found.schema_version, found.patients, found.exams, checksum,
                       matches)


def _kept_name(database: Path) -> Path:
    """database.2026-11-23T10-42-05.before-restore, never one that exists."""
    stamp = dt.datetime.now().strftime("%Y-%m-%dT%H-%M-%S")
    for number in range(1000):
        suffix = f".{stamp}{'' if number == 0 else f'-{number}'}.before-restore"
        candidate = database.with_name(database.name + suffix)
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
    raise StoreError(f"Too many earlier copies beside {database}; move some away first.")


def restore_backup(backup: Path, database: Path, actor: str) -> tuple[BackupCheck, Path | None]:
    """Replace ``database`` by ``backup``; returns the check and where the old one was kept."""
    backup, database = Path(backup), Path(database)
    if database.exists() and backup.exists() and os.path.samefile(backup, database):
        raise StoreError(f"{backup} is the live database itself; restore from a backup file.")
    found = verify_backup(backup)
    with exclusive(database):
        kept = None
        if database.exists():
            check_file(database, SCHEMA_VERSION) if database.stat().st_size else None
            kept = _kept_name(database)
            create_private_file(kept)
            _copy_database(database, kept)
            _drop_write_ahead_log(database)
        staging = database.with_name(f".{database.name}.restoring")
        staging.unlink(missing_ok=True)
        create_private_file(staging)
        try:
            with tempfile.TemporaryDirectory(prefix="neuroexam-restore-") as folder:
                copy = Path(folder) / "copy.db"
                shutil.copyfile(backup, copy)
                _copy_database(copy, staging)
            _note_restore(staging, actor, backup, kept)
            os.replace(staging, database)
            fsync_folder(database.parent)
        except BaseException:
            staging.unlink(missing_ok=True)
            raise
    return found, kept


def _drop_write_ahead_log(database: Path) -> None:
    """Fold the live write-ahead log into the database file (already copied to the kept file),
    so no stale -wal of the old database is ever replayed onto the restored one."""
    connection = sqlite3.connect(database, timeout=30)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)


def _note_restore(database: Path, actor: str, backup: Path, kept: Path | None) -> None:
    """The restore, in the restored database's own audit log (it would otherwise rewind it)."""
    connection = sqlite3.connect(database)
    try:
        detail = f"restored from {backup.name}" + (f"; previous database kept as {kept.name}"
                                                  if kept else "")
        connection.execute(
            "INSERT INTO audit_log (at, actor, action, patient_id, exam_id, detail) "
            "VALUES (?, ?, 'restore', '', NULL, ?)",
            (dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f"), actor, detail))
        connection.commit()
    finally:
        connection.close()


class BackupMixin(AuditMixin):
    """The Store's backup."""

    def backup(self, out: Path) -> BackupCheck:
        """A verified copy of the database taken while it is in use, with a checksum file; the
        backup is in the audit log first, or not made at all."""
        if self.backend.path is None:
            raise StoreError(server_backup_commands(self.backend.url, Path(out)))
        with self._begin() as connection:
            self._audit(connection, "backup", "", None, f"backup to {Path(out).name}")
        return write_backup(self.backend.path, Path(out))


def server_backup_commands(url: str, file: Path) -> str:
    """What to run instead, for a database server: the server's own tools copy it consistently
    while everyone keeps working (pg_dump takes one snapshot), and keep what NeuroExam cannot
    (the server's settings, its logins). The commands name this server and database; never the
    password (libpq reads it from ~/.pgpass or PGPASSWORD)."""
    parsed = make_url(url)
    server = (f"--host {shlex.quote(parsed.host or 'localhost')} --port {parsed.port or 5432} "
              f"--username {shlex.quote(parsed.username or current_user())}")
    database, name = shlex.quote(parsed.database or "neuroexam"), shlex.quote(str(file))
    return (f"{where(url)} is a database server: NeuroExam does not copy a server's database "
            "itself, the server's own tools do (a consistent copy while everyone keeps working). "
            "Nothing was written. As the database's owner or an administrator login:\n"
            f"  pg_dump {server} --format=custom --file {name} {database}\n"
            f"  pg_restore --list {name} > /dev/null    (the copy reads back)\n"
            "To restore, with NeuroExam closed at every workstation, as the database's owner:\n"
            f"  pg_restore {server} --clean --if-exists --no-owner --dbname {database} {name}\n"
            "The logins and their groups are kept by the server, not in the database: save them "
            "as the postgres account with `pg_dumpall --roles-only`. README: 'Backups in clinic "
            "mode'.")


def restore(backup_file: Path, url: str, actor: str | None = None) -> tuple[BackupCheck,
                                                                           Path | None]:
    """Replace the database at ``url`` by a verified backup; the old one is kept under a
    time-stamped name (returned). Refused while any process has the database open."""
    path = sqlite_path(url)
    if path is None:
        raise StoreError(server_backup_commands(url, Path(backup_file)))
    return restore_backup(Path(backup_file), path, actor or current_user())
