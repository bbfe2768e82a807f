"""The records store (SQLAlchemy 2; SQLite by default, any SQL server by URL)."""

from core.store.backup import BackupCheck, verify_backup
from core.store.errors import (
    ConflictError,
    CorruptDatabaseError,
    DatabaseBusyError,
    DatabaseTooNewError,
    DiskFullError,
    ForeignDatabaseError,
    LoginRefusedError,
    PermissionDeniedError,
    ReadOnlyDatabaseError,
    ServerUnreachableError,
    SignedExamError,
    StoreError,
    UnknownSchemaError,
    UpgradeNeededError,
)
from core.store.store import (
    EditLock,
    ImportReport,
    PatientSummary,
    Revision,
    Store,
    StoredExam,
    open_store,
    restore,
)

__all__ = ["BackupCheck", "ConflictError", "CorruptDatabaseError", "DatabaseBusyError",
           "DatabaseTooNewError", "DiskFullError", "EditLock", "ForeignDatabaseError", "ImportReport",
           "LoginRefusedError", "PatientSummary", "PermissionDeniedError",
           "ReadOnlyDatabaseError", "Revision", "ServerUnreachableError", "SignedExamError",
           "Store", "StoreError", "StoredExam", "UnknownSchemaError", "UpgradeNeededError",
           "open_store", "restore",
           "verify_backup"]
