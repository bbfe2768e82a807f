"""The records store (SQLAlchemy 2; SQLite by default, any SQL server by URL)."""

from core.store.store import (
    ConflictError,
    ImportReport,
    PatientSummary,
    Revision,
    SignedExamError,
    Store,
    StoredExam,
    StoreError,
    open_store,
    restore,
)

__all__ = ["ConflictError", "ImportReport", "PatientSummary", "Revision", "SignedExamError", "Store",
           "StoreError", "StoredExam", "open_store", "restore"]
