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


class UnknownSchemaError(ForeignDatabaseError):
    """The tables are not those of the schema version the database claims (changed by hand, or
    by a program that is not this NeuroExam)."""


class LoginRefusedError(StoreError):
    """The server refused the user name or password (or the database does not exist)."""

    exit_code = 13


class PermissionDeniedError(StoreError):
    """The server refused an operation the user's role does not allow."""

    exit_code = 14


class UpgradeNeededError(StoreError):
    """A shared database has an older schema: its administrator must upgrade it."""

    exit_code = 15


# SQLSTATE classes of the PostgreSQL server (the driver's error carries them as .sqlstate).
_UNREACHABLE_STATES = ("08", "57P01", "57P02", "57P03")
_LOGIN_STATES = ("28", "3D000")
_PERMISSION_STATES = ("42501",)
_UNREACHABLE_TEXT = ("could not connect", "connection refused", "timeout expired",
                     "failed to resolve host", "could not translate host name",
                     "server closed the connection", "connection is lost", "connection failed",
                     "the connection is closed", "no route to host", "network is unreachable")


def classify(error: BaseException, where: str) -> StoreError:
    """Turn a low-level database error into the StoreError of its cause, naming ``where``.

    The driver's own text is not repeated: it may quote SQL parameters (names, notes)."""
    original = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    text = str(original).lower()
    state = str(getattr(original, "sqlstate", None) or "")
    # A refusal at login: the server answered (FATAL) while the connection was being made.
    refused_login = "fatal" in text and "connection" in text and "database system is" not in text \
        and "terminating connection" not in text
    # At login the driver carries no SQLSTATE; a login without the CONNECT right is told so.
    no_connect_right = not state and refused_login and "permission denied for database" in text
    if state.startswith(_PERMISSION_STATES) or no_connect_right:
        return PermissionDeniedError(f"{where}: your database login has no permission for this "
                                     "(your role does not allow it). Nothing was changed.")
    # libpq's own refusal to connect without a password (none in the URL or a ~/.pgpass file).
    no_password = "no password supplied" in text
    if state.startswith(_LOGIN_STATES) or (not state and (refused_login or no_password)):
        return LoginRefusedError(f"The database server refused the login to {where}: wrong user "
                                 "name or password, no such database, or the login is disabled. "
                                 "Check them with the clinic's database administrator.")
    if state.startswith(_UNREACHABLE_STATES) or (
            not state and any(phrase in text for phrase in _UNREACHABLE_TEXT)):
        return ServerUnreachableError(f"The database server for {where} cannot be reached, or "
                                      "the connection to it was lost: the last change was not "
                                      "saved. Check the network and that the server is running, "
                                      "then try again.")
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
    return StoreError(f"{where}: the database refused the operation ({type(original).__name__}). "
                      "The last change was not saved.")
