"""Importing whole records, all or nothing, and showing how a stored item and an imported one
with the same id differ when the import is refused."""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Callable, Iterable, Iterator
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

    records: int = 0
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


IMPORT_BATCH = 200
"""Patients checked and written together: enough that a statement's own cost is spread over
many rows, few enough that a batch's rows take little memory."""


def _batches(records: Iterable[PatientRecord], size: int) -> Iterator[list[PatientRecord]]:
    batch: list[PatientRecord] = []
    for record in records:
        batch.append(record)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@contextlib.contextmanager
def _collector_per_batch() -> Iterator[Callable[[], int]]:
    """Automatic garbage collection paused; the caller collects the young generations after
    each batch (what a batch leaves in cycles is young). Left on, the collector scanned every
    live object of the process again and again while records were parsed and rows built: a
    quarter of an import's time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield lambda: gc.collect(1)
    finally:
        if enabled:
            gc.enable()


@dataclass
class NewRows:
    """The rows of a batch of new patients, per table, written in table order."""

    patients: list[dict[str, Any]] = field(default_factory=list)
    surgeries: list[dict[str, Any]] = field(default_factory=list)
    exams: list[dict[str, Any]] = field(default_factory=list)
    exam_revisions: list[dict[str, Any]] = field(default_factory=list)
    signed_records: list[dict[str, Any]] = field(default_factory=list)
    record_revisions: list[dict[str, Any]] = field(default_factory=list)

    def write(self, connection: Any) -> None:
        """One insert of many rows per table, parents before the rows that refer to them."""
        for table, rows in ((patients, self.patients), (surgeries, self.surgeries),
                            (exams, self.exams), (exam_revisions, self.exam_revisions),
                            (signed_records, self.signed_records),
                            (record_revisions, self.record_revisions)):
            if rows:
                connection.execute(table.insert(), rows)


class ImportMixin(RecordsMixin):
    """The Store's import of whole records."""

    def import_record(self, record: PatientRecord) -> list[str]:
        """Store one whole record in one transaction; return what was already there."""
        return self.import_records([record]).already

    def import_records(self, records: Iterable[PatientRecord]) -> ImportReport:
        """Store many records in one transaction: all of them, or nothing.

        ``records`` may be a stream (read from a file as it is stored): it is consumed once, in
        batches of IMPORT_BATCH patients, so memory stays flat however many there are. A patient,
        operation or exam already stored with the same id and the same content is reported and
        skipped; one with the same id but different content refuses the whole import with the
        differences listed. Records with problems refuse it too, each problem listed (the rest
        are still checked, not written), and nothing is written.
        """
        report = ImportReport()
        problems: list[Problem] = []
        with self._begin() as connection, _collector_per_batch() as batch_done:
            for batch in _batches(records, IMPORT_BATCH):
                problems += [Problem(f"{record.patient.id}: {p.path}", p.message)
                             for record in batch for p in consistency_problems(record)]
                if not problems:
                    self._import_batch(connection, batch, report)
                batch_done()
            if problems:  # raised inside the transaction: everything written is rolled back
                raise RecordError(problems, "the import")
        return report

    def _import_batch(self, connection: Any, batch: list[PatientRecord],
                      report: ImportReport) -> None:
        """New patients go in together, a few statements per table for the whole batch (each
        statement costs far more than a row); stored ones are merged one by one."""
        ids = [record.patient.id for record in batch]
        stored = {row.id: row for row in connection.execute(
            select(patients).where(patients.c.id.in_(ids)))}
        rows, pending = NewRows(), set[str]()
        audit: list[tuple[str, str, str | None, str]] = []
        report.records += len(batch)
        for record in batch:
            patient_id = record.patient.id
            if patient_id in pending:  # the same patient twice: store the first, then compare
                rows.write(connection)
                rows, pending = NewRows(), set[str]()
                stored[patient_id] = connection.execute(
                    select(patients).where(patients.c.id == patient_id)).one()
            if patient_id in stored:
                refuse_if_different(patient_from_row(stored[patient_id]), record.patient,
                                    "demographics", patient_id)
                new_exams = self._merge_into_patient(connection, record, report)
            else:
                new_exams = self._new_patient_rows(record, rows)
                pending.add(patient_id)
                report.patients_created += 1
            report.exams_added += new_exams
            audit.append(("record_imported", patient_id, None,
                          f"{new_exams} new exams, {len(record.exams) - new_exams} already "
                          "present"))
        rows.write(connection)
        self._audit_many(connection, audit)

    def _new_patient_rows(self, record: PatientRecord, rows: NewRows) -> int:
        """The rows of a patient not stored yet (everything is new), added to ``rows``."""
        patient_id, stamp = record.patient.id, now()
        rows.patients.append({"id": patient_id, **self._patient_values(record.patient)})
        surgery_documents = [(s, s.model_dump_json(exclude_none=True)) for s in record.surgeries]
        rows.surgeries += [{"patient_id": patient_id, "id": s.id, "document": document}
                           for s, document in surgery_documents]
        exam_rows = [{"patient_id": patient_id, "id": e.id, "exam_date": e.date,
                      "kind": e.kind.value, "status": e.status.value, "revision": 1,
                      "document": e.model_dump_json(exclude_none=True), "updated_at": stamp,
                      "updated_by": self.actor} for e in record.exams]
        rows.exams += exam_rows
        signed = [row for row in exam_rows if row["status"] == ExamStatus.SIGNED.value]
        rows.exam_revisions += [
            {"patient_id": patient_id, "exam_id": row["id"], "revision": 1,
             "status": row["status"], "document": row["document"], "saved_at": stamp,
             "saved_by": self.actor, "reason": None} for row in signed]
        # Every part of a basis is written here as revision 1, except drafts (kept whole).
        kept = {("patient", patient_id): 1, **{("surgery", s.id): 1 for s in record.surgeries},
                **{("exam", str(row["id"])): 1 for row in signed}}
        rows.signed_records += [
            signing_basis_row(patient_id, str(row["id"]), 1,
                              signing_basis(record, str(row["id"])), kept) for row in signed]
        versions = [("patient", patient_id, record.patient.model_dump_json(exclude_none=True)),
                    *(("surgery", s.id, document) for s, document in surgery_documents)]
        rows.record_revisions += [
            {"patient_id": patient_id, "kind": kind, "item_id": item_id, "revision": 1,
             "document": document, "saved_at": stamp, "saved_by": self.actor}
            for kind, item_id, document in versions]
        return len(exam_rows)

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
