"""Importing whole records, all or nothing, and showing how a stored item and an imported one
with the same id differ when the import is refused."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select

from core.record import Exam, ExamStatus, PatientRecord, Surgery
from core.recordio import Problem, RecordError, consistency_problems
from core.store.audit import now
from core.store.errors import StoreError
from core.store.records import RecordsMixin, patient_from_row, signing_basis, signing_basis_row
from core.store.schema import (
    exam_revisions,
    exams,
    patients,
    record_revisions,
    signed_records,
    surgeries,
)


@dataclass
class ImportReport:
    """What an import added and what it found already stored."""

    patients_created: int = 0
    exams_added: int = 0
    already: list[str] = field(default_factory=list)


def _flatten(document: Any, prefix: str = "") -> dict[str, Any]:
    """{"motor.left.hip_flexion": "5", ...}: every leaf of a JSON document by its path."""
    if isinstance(document, dict):
        leaves: dict[str, Any] = {}
        for key, value in document.items():
            leaves.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return leaves
    return {prefix: document}


def differences(stored: BaseModel, imported: BaseModel, limit: int = 12) -> list[str]:
    """The fields where two versions of the same item differ, as "path: stored X, imported Y"."""
    before = _flatten(stored.model_dump(mode="json", exclude_none=True))
    after = _flatten(imported.model_dump(mode="json", exclude_none=True))
    lines = [f"{path}: stored {json.dumps(before.get(path))}, imported {json.dumps(after.get(path))}"
             for path in sorted(before.keys() | after.keys()) if before.get(path) != after.get(path)]
    if len(lines) > limit:
        lines = lines[:limit] + [f"... and {len(lines) - limit} more"]
    return lines


def refuse_if_different(stored: BaseModel, imported: BaseModel, what: str,
                        patient_id: str) -> None:
    """Raise, listing the differences, when the imported version is not the stored one."""
    changed = differences(stored, imported)
    if changed:
        listed = "\n".join(f"  - {line}" for line in changed)
        raise StoreError(f"Patient {patient_id}: stored and imported {what} differ; nothing was "
                         f"imported. Differences:\n{listed}")


def already_stored(connection: Any, query: Any, item: Surgery | Exam, what: str,
                   patient_id: str) -> bool:
    """True when ``item`` is stored already, identical; raise, showing how, when it differs."""
    stored = connection.execute(query).scalar()
    if stored is None:
        return False
    refuse_if_different(type(item).model_validate_json(stored), item, what, patient_id)
    return True


class ImportMixin(RecordsMixin):
    """The Store's import of whole records."""

    def import_record(self, record: PatientRecord) -> list[str]:
        """Store one whole record in one transaction; return what was already there."""
        return self.import_records([record]).already

    def import_records(self, records: list[PatientRecord]) -> ImportReport:
        """Store many records in one transaction: all of them, or nothing.

        A patient, operation or exam already stored with the same id and the same content is
        reported and skipped; one with the same id but different content refuses the whole import
        with the differences listed, and nothing is written.
        """
        problems = [Problem(f"{record.patient.id}: {p.path}", p.message)
                    for record in records for p in consistency_problems(record)]
        if problems:
            raise RecordError(problems, "the import")
        report = ImportReport()
        with self._begin() as connection:
            for record in records:
                self._import_one(connection, record, report)
        return report

    def _import_one(self, connection: Any, record: PatientRecord, report: ImportReport) -> None:
        patient_id = record.patient.id
        stored = connection.execute(select(patients).where(patients.c.id == patient_id)).first()
        if stored is None:
            new_exams = self._insert_new_patient(connection, record)
            report.patients_created += 1
        else:
            refuse_if_different(patient_from_row(stored), record.patient, "demographics",
                                 patient_id)
            new_exams = self._merge_into_patient(connection, record, report)
        report.exams_added += new_exams
        self._audit(connection, "record_imported", patient_id, None,
                    f"{new_exams} new exams, {len(record.exams) - new_exams} already present")

    def _insert_new_patient(self, connection: Any, record: PatientRecord) -> int:
        """A patient not stored yet: everything is new, so rows go in as batches."""
        patient_id, stamp = record.patient.id, now()
        connection.execute(patients.insert().values(id=patient_id,
                                                    **self._patient_values(record.patient)))
        if record.surgeries:
            connection.execute(surgeries.insert(), [
                {"patient_id": patient_id, "id": s.id,
                 "document": s.model_dump_json(exclude_none=True)} for s in record.surgeries])
        rows = [{"patient_id": patient_id, "id": e.id, "exam_date": e.date, "kind": e.kind.value,
                 "status": e.status.value, "revision": 1,
                 "document": e.model_dump_json(exclude_none=True), "updated_at": stamp,
                 "updated_by": self.actor} for e in record.exams]
        if rows:
            connection.execute(exams.insert(), rows)
        signed = [{"patient_id": patient_id, "exam_id": row["id"], "revision": 1,
                   "status": row["status"], "document": row["document"], "saved_at": stamp,
                   "saved_by": self.actor, "reason": None}
                  for row in rows if row["status"] == ExamStatus.SIGNED.value]
        if signed:
            connection.execute(exam_revisions.insert(), signed)
            connection.execute(signed_records.insert(), [
                signing_basis_row(patient_id, str(row["exam_id"]), 1,
                                  signing_basis(record, str(row["exam_id"]))) for row in signed])
        versions = [("patient", patient_id, record.patient.model_dump_json(exclude_none=True)),
                    *(("surgery", s.id, s.model_dump_json(exclude_none=True))
                      for s in record.surgeries)]
        connection.execute(record_revisions.insert(), [
            {"patient_id": patient_id, "kind": kind, "item_id": item_id, "revision": 1,
             "document": document, "saved_at": stamp, "saved_by": self.actor}
            for kind, item_id, document in versions])
        return len(rows)

    def _merge_into_patient(self, connection: Any, record: PatientRecord,
                            report: ImportReport) -> int:
        """A stored patient: add what is new, skip what is identical, refuse what differs."""
        patient_id = record.patient.id
        new_exams = 0
        for surgery in record.surgeries:
            key = (surgeries.c.patient_id == patient_id) & (surgeries.c.id == surgery.id)
            if already_stored(connection, select(surgeries.c.document).where(key), surgery,
                               f"operation {surgery.id}", patient_id):
                report.already.append(f"operation {surgery.id}")
            else:
                document = surgery.model_dump_json(exclude_none=True)
                connection.execute(surgeries.insert().values(patient_id=patient_id, id=surgery.id,
                                                             document=document))
                self._keep_revision(connection, patient_id, "surgery", surgery.id, document)
        # In date order: a signed exam's basis holds the earlier exams of the same import.
        for exam in record.exams_by_date():
            key = (exams.c.patient_id == patient_id) & (exams.c.id == exam.id)
            if already_stored(connection, select(exams.c.document).where(key), exam,
                               f"exam {exam.id}", patient_id):
                report.already.append(f"exam {exam.id}")
            else:
                self._write_exam(connection, patient_id, exam, 0, None, False)
                new_exams += 1
        return new_exams
