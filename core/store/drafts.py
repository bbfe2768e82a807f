"""Discarding a draft exam: removed from the exams, noted in the audit log, its id retired.

Kept apart from the Store class so that it reads the same before and after the store's split into
modules; it uses only the Store's transactions (whose failures become the StoreError of their
cause, never a driver's message), its audit writer and the schema.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from core.edits import EditError, check_discard
from core.record import ExamStatus
from core.store.connection import reading, transaction
from core.store.schema import audit_log, exam_revisions, exams

if TYPE_CHECKING:
    from core.store import Store

DISCARD_ACTION = "draft_discarded"


def discard_draft(store: Store, patient_id: str, exam_id: str, base_revision: int) -> None:
    """Remove a draft exam saved at ``base_revision`` and audit it, in one transaction.

    A signed exam (or one that was ever signed) is never discarded; a draft saved elsewhere since
    ``base_revision`` is not discarded either (the other window's edits would go unseen)."""
    from core.store import ConflictError, SignedExamError, StoreError

    key = (exams.c.patient_id == patient_id) & (exams.c.id == exam_id)
    with transaction(store.backend) as connection:
        row = connection.execute(select(exams.c.status, exams.c.revision).where(key)).first()
        if row is None:
            raise StoreError(f"Exam {exam_id} is not stored; there is nothing to discard.")
        signed_ever = connection.execute(select(exam_revisions.c.revision).where(
            (exam_revisions.c.patient_id == patient_id) & (exam_revisions.c.exam_id == exam_id)
        )).first()
        try:
            check_discard(exam_id, ExamStatus(row.status), signed_ever is not None)
        except EditError as error:
            raise SignedExamError(str(error)) from None
        done = connection.execute(exams.delete().where(
            key & (exams.c.revision == base_revision) & (exams.c.status == ExamStatus.DRAFT.value)))
        if done.rowcount != 1:
            raise ConflictError(f"Exam {exam_id} was saved elsewhere since it was opened; reopen "
                                "it before discarding it.")
        store._audit(connection, DISCARD_ACTION, patient_id, exam_id,
                     f"draft discarded at revision {base_revision}")


def retired_exam_ids(store: Store, patient_id: str) -> set[str]:
    """Ids of the patient's discarded drafts: never given to a new exam again."""
    query = select(audit_log.c.exam_id).where((audit_log.c.patient_id == patient_id)
                                              & (audit_log.c.action == DISCARD_ACTION))
    with reading(store.backend) as connection:
        return {row.exam_id for row in connection.execute(query) if row.exam_id}
