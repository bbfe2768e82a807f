"""One error type per cause of a failed database operation, each with its own exit code.

Every message names the file or database, says what happened and what to do; none says that
data is safe unless it is. The command line exits with the error's ``exit_code`` (documented in
the README), the app shows the message.
"""

from __future__ import annotations

import errno

from sqlalchemy.exc import DBAPIError


class StoreError(Exception):
    """A database operation failed; the message says why and what to do."""

    exit_code = 1


class ConflictError(StoreError):
    """Another window or workstation saved the same item in between."""

    exit_code = 5


class SignedExamError(StoreError):
    """A signed exam cannot be changed, only amended."""

    exit_code = 5


class DatabaseBusyError(StoreError):
    """Another program holds the database (locked or busy) longer than we wait."""

    exit_code = 6


class DiskFullError(StoreError):
    """The disk (or the user's quota) is full."""

    exit_code = 7


class ReadOnlyDatabaseError(StoreError):
    """The database file or its folder cannot be written by this user."""

    exit_code = 8


class CorruptDatabaseError(StoreError):
    """The file is a damaged database."""

    exit_code = 9


class ForeignDatabaseError(StoreError):
    """The file is not a NeuroExam database (another program's, empty, or not SQLite at all)."""

    exit_code = 10


class DatabaseTooNewError(StoreError):
    """Written by a newer NeuroExam."""

    exit_code = 11


class ServerUnreachableError(StoreError):
    """The clinic's database server cannot be reached."""

    exit_code = 12


def classify(error: BaseException, where: str) -> StoreError:
    """Turn a low-level database error into the StoreError of its cause, naming ``where``.

    The driver's own text is not repeated: it may quote SQL parameters (names, notes)."""
    original = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    text = str(original).lower()
    if isinstance(original, OSError) and original.errno == errno.ENOSPC or "disk is full" in text \
            or "database or disk is full" in text:
        return DiskFullError(f"The disk holding {where} is full: the last change was not saved. "
                             "Free some space, then save again.")
    if "readonly" in text or "read-only" in text or "attempt to write a readonly" in text or (
            isinstance(original, OSError) and original.errno in (errno.EACCES, errno.EROFS)):
        return ReadOnlyDatabaseError(f"{where} cannot be written by this user (read-only file "
                                     "or folder): the last change was not saved. Ask your IT "
                                     "support to give you write access, or choose another "
                                     "data folder in Settings.")
    if "locked" in text or "busy" in text:
        return DatabaseBusyError(f"{where} is locked by another program or workstation: the last "
                                 "change was not saved. Try again in a moment.")
    if "malformed" in text or "corrupt" in text or "disk i/o error" in text:
        return CorruptDatabaseError(f"{where} is damaged ({type(original).__name__}). Nothing "
                                    "more was written to it. Restore the latest backup with "
                                    "`neuroexam restore FILE` (it keeps the damaged file).")
    if "file is not a database" in text or "not a database" in text:
        return ForeignDatabaseError(f"{where} is not a NeuroExam database. It was not changed.")
    if "could not connect" in text or "connection refused" in text or "timeout expired" in text:
        return ServerUnreachableError(f"The database server for {where} cannot be reached. "
                                      "Check the network and that the server is running.")
    return StoreError(f"{where}: the database refused the operation ({type(original).__name__}). "
                      "The last change was not saved.")
