"""The records store: patients, surgeries, exams with revisions, and an audit log.

Every write is one transaction. Exams carry a revision number: a save names the revision it was
based on and fails with a ConflictError when another window or workstation saved in between, so
nothing is overwritten unseen. A signed exam is read-only; changing it is an amendment with a
reason, kept as a new revision beside the old ones.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Engine, create_engine, event, func, or_, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from core.record import Exam, ExamStatus, Patient, PatientRecord, Sex, Surgery
from core.recordio import Problem, RecordError, consistency_problems
from core.store.backup import BackupCheck, restore_backup, write_backup
from core.store.errors import (
    ConflictError,
    DatabaseTooNewError,
    SignedExamError,
    StoreError,
    classify,
)
from core.store.schema import (
    SCHEMA_VERSION,
    audit_log,
    exam_revisions,
    exams,
    patients,
    stored_version,
    surgeries,
    upgrade,
)
from core.store.sqlite_file import APPLICATION_ID, OpenLock, check_file, create_private_file


@dataclass(frozen=True)
class PatientSummary:
    """A row of the patient list."""

    id: str
    family_name: str
    given_name: str
    birth_date: dt.date | None


@dataclass(frozen=True)
class StoredExam:
    """An exam as stored, with the revision a later save must name."""

    exam: Exam
    revision: int


@dataclass
class ImportReport:
    """What an import added and what it found already stored."""

    patients_created: int = 0
    exams_added: int = 0
    already: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Revision:
    """One entry of an exam's history."""

    revision: int
    status: str
    saved_at: dt.datetime
    saved_by: str
    reason: str | None
    exam: Exam


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def _fold(text: str) -> str:
    """Search key: case and accents folded, so "dembele" finds "Dembélé"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().strip())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _prefix_match(column: Any, prefix: str) -> Any:
    """column starts with prefix, as a range an ordinary index can serve."""
    return (column >= prefix) & (column < prefix + "\U0010ffff")


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _sqlite_pragmas(connection: Any, record: Any) -> None:
    """WAL for readers beside a writer; synchronous=FULL so a power cut loses no acknowledged
    commit (NORMAL could drop the last ones)."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


class Store:
    """The database of patients and exams, named by a SQLAlchemy URL."""

    def __init__(self, url: str, actor: str | None = None) -> None:
        self.url = url
        self.actor = actor or _user()
        self.path = _sqlite_path(url)
        self._lock: OpenLock | None = None
        if self.path is not None:
            # Look before touching: a refused file is never changed (no WAL, no tables added).
            check_file(self.path, SCHEMA_VERSION)
            create_private_file(self.path)
            self._lock = OpenLock(self.path)
        # hide_parameters: an error never quotes the values of a statement (names, notes).
        self.engine: Engine = create_engine(url, hide_parameters=True)
        if self.path is not None:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            self._open()
        except BaseException:
            self.close()
            raise

    def _where(self) -> str:
        return str(self.path) if self.path is not None else make_url(self.url).render_as_string(
            hide_password=True)

    @contextlib.contextmanager
    def _begin(self) -> Iterator[Any]:
        """One transaction; a failure of the database becomes the StoreError of its cause."""
        try:
            with self.engine.begin() as connection:
                yield connection
        except DBAPIError as error:
            raise classify(error, self._where()) from None

    def _open(self) -> None:
        """Check the schema version, upgrade an older database, refuse a newer or damaged one."""
        try:
            with self.engine.connect() as connection:
                version = stored_version(connection)
            if version > SCHEMA_VERSION:
                raise DatabaseTooNewError(
                    f"The database {self._where()} was written by a newer NeuroExam (schema "
                    f"{version}; this version reads up to {SCHEMA_VERSION}). It was not changed. "
                    "Update NeuroExam to open it.")
            if version < SCHEMA_VERSION:
                with self.engine.begin() as connection:
                    upgrade(connection)
            if self.path is not None:
                with self.engine.begin() as connection:
                    connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        except DBAPIError as error:
            raise classify(error, self._where()) from None

    def close(self) -> None:
        """Release the connections and the open lock."""
        if hasattr(self, "engine"):
            self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------------------------------
    # Patients
    # ----------------------------------------------------------------------------------------

    def search_patients(self, text: str, limit: int = 50) -> list[PatientSummary]:
        """Patients whose family name, given name or record id starts with ``text``."""
        prefix = _fold(text)
        query = select(patients.c.id, patients.c.family_name, patients.c.given_name,
                       patients.c.birth_date)
        if prefix:
            query = query.where(or_(_prefix_match(patients.c.family_key, prefix),
                                    _prefix_match(patients.c.given_key, prefix),
                                    _prefix_match(patients.c.id_key, prefix)))
        query = query.order_by(patients.c.family_key, patients.c.given_key).limit(limit)
        with self.engine.connect() as connection:
            return [PatientSummary(row.id, row.family_name, row.given_name, row.birth_date)
                    for row in connection.execute(query)]

    def has_patient(self, patient_id: str) -> bool:
        """True when a patient with exactly this record id is stored."""
        with self.engine.connect() as connection:
            query = select(patients.c.id).where(patients.c.id == patient_id)
            return connection.execute(query).first() is not None

    def patient_ids(self) -> list[str]:
        """Every stored record id, in id order."""
        with self.engine.connect() as connection:
            return list(connection.execute(select(patients.c.id).order_by(patients.c.id)).scalars())

    def log_export(self, patient_ids: list[str], detail: str) -> None:
        """Note in each patient's audit log that their record left the database, and how."""
        self.log_access("record_exported", patient_ids, detail)

    def log_access(self, action: str, patient_ids: list[str], detail: str) -> None:
        """Note an access that matters (export, PDF, re-identification) in each patient's audit
        log, in one transaction; when it cannot be noted, the caller must not go on."""
        with self._begin() as connection:
            for patient_id in patient_ids:
                self._audit(connection, action, patient_id, None, detail)

    def count_patients(self) -> int:
        """How many patients the store holds."""
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(patients)).scalar_one())

    def _patient_values(self, patient: Patient) -> dict[str, Any]:
        return {"family_name": patient.family_name, "given_name": patient.given_name,
                "birth_date": patient.birth_date, "sex": patient.sex.value,
                "family_key": _fold(patient.family_name), "given_key": _fold(patient.given_name),
                "id_key": _fold(patient.id), "updated_at": _now()}

    def save_patient(self, patient: Patient) -> None:
        """Create or update a patient's demographics."""
        with self._begin() as connection:
            exists = connection.execute(select(patients.c.id).where(patients.c.id == patient.id))
            if exists.first():
                connection.execute(patients.update().where(patients.c.id == patient.id)
                                   .values(**self._patient_values(patient)))
                action = "patient_updated"
            else:
                connection.execute(patients.insert().values(id=patient.id,
                                                            **self._patient_values(patient)))
                action = "patient_created"
            self._audit(connection, action, patient.id, None, "demographics")

    def save_surgery(self, patient_id: str, surgery: Surgery) -> None:
        """Create or replace an operation of a patient."""
        document = surgery.model_dump_json(exclude_none=True)
        with self._begin() as connection:
            key = (surgeries.c.patient_id == patient_id) & (surgeries.c.id == surgery.id)
            if connection.execute(select(surgeries.c.id).where(key)).first():
                connection.execute(surgeries.update().where(key).values(document=document))
            else:
                connection.execute(surgeries.insert().values(patient_id=patient_id, id=surgery.id,
                                                             document=document))
            self._audit(connection, "surgery_saved", patient_id, None, surgery.id)

    def load_record(self, patient_id: str) -> PatientRecord:
        """The patient's whole record: demographics, operations, exams in date order."""
        with self.engine.connect() as connection:
            row = connection.execute(select(patients).where(patients.c.id == patient_id)).first()
            if row is None:
                raise LookupError(f"no patient with record id {patient_id!r}")
            patient = _patient_from_row(row)
            surgery_documents: list[str] = list(connection.execute(
                select(surgeries.c.document).where(surgeries.c.patient_id == patient_id)
                .order_by(surgeries.c.id)).scalars())
            exam_documents: list[str] = list(connection.execute(
                select(exams.c.document).where(exams.c.patient_id == patient_id)
                .order_by(exams.c.exam_date, exams.c.id)).scalars())
        operations = [Surgery.model_validate_json(doc) for doc in surgery_documents]
        exam_list = [Exam.model_validate_json(doc) for doc in exam_documents]
        return PatientRecord.model_construct(patient=patient, surgeries=operations,
                                             exams=exam_list)

    # ----------------------------------------------------------------------------------------
    # Exams: drafts, signing, amendments
    # ----------------------------------------------------------------------------------------

    def load_exam(self, patient_id: str, exam_id: str) -> StoredExam:
        """One exam with its current revision."""
        with self.engine.connect() as connection:
            row = connection.execute(select(exams.c.document, exams.c.revision).where(
                (exams.c.patient_id == patient_id) & (exams.c.id == exam_id))).first()
        if row is None:
            raise LookupError(f"no exam {exam_id!r} for patient {patient_id!r}")
        return StoredExam(Exam.model_validate_json(row.document), row.revision)

    def _write_exam(self, connection: Any, patient_id: str, exam: Exam, base_revision: int,
                    reason: str | None, allow_signed: bool) -> int:
        """Write ``exam`` over ``base_revision``; 0 creates it. Returns the new revision."""
        key = (exams.c.patient_id == patient_id) & (exams.c.id == exam.id)
        current = connection.execute(select(exams.c.revision, exams.c.status, exams.c.updated_at,
                                            exams.c.updated_by).where(key)).first()
        if current is None and base_revision != 0:
            raise ConflictError(f"Exam {exam.id} no longer exists in the database.")
        if current is not None:
            if current.revision != base_revision:
                raise ConflictError(
                    f"Exam {exam.id} was saved elsewhere (revision {current.revision}, "
                    f"{current.updated_at:%Y-%m-%d %H:%M} UTC by {current.updated_by}) after this "
                    f"copy was opened (revision {base_revision}). Your changes were not saved; "
                    "reopen the exam to see the newer version.")
            if current.status == ExamStatus.SIGNED.value and not allow_signed:
                raise SignedExamError(f"Exam {exam.id} is signed; change it by an amendment "
                                      "with a reason.")
        revision = base_revision + 1
        values = {"exam_date": exam.date, "kind": exam.kind.value, "status": exam.status.value,
                  "revision": revision, "document": exam.model_dump_json(exclude_none=True),
                  "updated_at": _now(), "updated_by": self.actor}
        if current is None:
            connection.execute(exams.insert().values(patient_id=patient_id, id=exam.id, **values))
        else:
            # The revision in the WHERE clause makes the check and the write one atomic step.
            done = connection.execute(exams.update().where(key & (exams.c.revision ==
                                                                  base_revision)).values(**values))
            if done.rowcount != 1:
                raise ConflictError(f"Exam {exam.id} was saved elsewhere at the same moment; "
                                    "reopen it to see the newer version.")
        if exam.status is ExamStatus.SIGNED:
            connection.execute(exam_revisions.insert().values(
                patient_id=patient_id, exam_id=exam.id, revision=revision,
                status=exam.status.value, document=values["document"],
                saved_at=values["updated_at"], saved_by=self.actor, reason=reason))
        return revision

    def save_draft(self, patient_id: str, exam: Exam, base_revision: int) -> int:
        """Save a draft exam over ``base_revision`` (0 to create it); returns the new revision."""
        if exam.status is not ExamStatus.DRAFT:
            raise SignedExamError(f"Exam {exam.id} is signed; sign or amend it instead.")
        with self._begin() as connection:
            revision = self._write_exam(connection, patient_id, exam, base_revision, None, False)
            if base_revision == 0:
                self._audit(connection, "exam_created", patient_id, exam.id, exam.kind.value)
            return revision

    def sign_exam(self, patient_id: str, exam: Exam, base_revision: int, examiner: str) -> int:
        """Sign: record examiner and time, make the exam read-only, keep it as a revision."""
        if not examiner.strip():
            raise StoreError("An exam is signed by a named examiner.")
        signed = exam.model_copy(update={"status": ExamStatus.SIGNED, "examiner": examiner,
                                         "signed_at": _now()})
        with self._begin() as connection:
            revision = self._write_exam(connection, patient_id, signed, base_revision, None, False)
            self._audit(connection, "exam_signed", patient_id, exam.id, f"revision {revision}")
            return revision

    def amend_exam(self, patient_id: str, exam: Exam, base_revision: int, reason: str) -> int:
        """Change a signed exam: a new signed revision with the reason; the old one stays."""
        if not reason.strip():
            raise StoreError("An amendment needs a reason.")
        amended = exam.model_copy(update={"status": ExamStatus.SIGNED, "signed_at": _now()})
        with self._begin() as connection:
            revision = self._write_exam(connection, patient_id, amended, base_revision, reason,
                                        True)
            self._audit(connection, "exam_amended", patient_id, exam.id,
                        f"revision {revision}: {reason}")
            return revision

    def history(self, patient_id: str, exam_id: str) -> list[Revision]:
        """The signed revisions of an exam, oldest first."""
        query = select(exam_revisions).where(
            (exam_revisions.c.patient_id == patient_id) & (exam_revisions.c.exam_id == exam_id)
        ).order_by(exam_revisions.c.revision)
        with self.engine.connect() as connection:
            return [Revision(r.revision, r.status, r.saved_at, r.saved_by, r.reason,
                             Exam.model_validate_json(r.document))
                    for r in connection.execute(query)]

    def audit_entries(self, patient_id: str) -> list[dict[str, Any]]:
        """The audit log of one patient, oldest first."""
        query = select(audit_log).where(audit_log.c.patient_id == patient_id) \
            .order_by(audit_log.c.id)
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def _audit(self, connection: Any, action: str, patient_id: str, exam_id: str | None,
               detail: str) -> None:
        connection.execute(audit_log.insert().values(at=_now(), actor=self.actor, action=action,
                                                     patient_id=patient_id, exam_id=exam_id,
                                                     detail=detail))

    # ----------------------------------------------------------------------------------------
    # Whole records
    # ----------------------------------------------------------------------------------------

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
            _refuse_if_different(_patient_from_row(stored), record.patient, "demographics",
                                 patient_id)
            new_exams = self._merge_into_patient(connection, record, report)
        report.exams_added += new_exams
        self._audit(connection, "record_imported", patient_id, None,
                    f"{new_exams} new exams, {len(record.exams) - new_exams} already present")

    def _insert_new_patient(self, connection: Any, record: PatientRecord) -> int:
        """A patient not stored yet: everything is new, so rows go in as batches."""
        patient_id, now = record.patient.id, _now()
        connection.execute(patients.insert().values(id=patient_id,
                                                    **self._patient_values(record.patient)))
        if record.surgeries:
            connection.execute(surgeries.insert(), [
                {"patient_id": patient_id, "id": s.id,
                 "document": s.model_dump_json(exclude_none=True)} for s in record.surgeries])
        rows = [{"patient_id": patient_id, "id": e.id, "exam_date": e.date, "kind": e.kind.value,
                 "status": e.status.value, "revision": 1,
                 "document": e.model_dump_json(exclude_none=True), "updated_at": now,
                 "updated_by": self.actor} for e in record.exams]
        if rows:
            connection.execute(exams.insert(), rows)
        signed = [{"patient_id": patient_id, "exam_id": row["id"], "revision": 1,
                   "status": row["status"], "document": row["document"], "saved_at": now,
                   "saved_by": self.actor, "reason": None}
                  for row in rows if row["status"] == ExamStatus.SIGNED.value]
        if signed:
            connection.execute(exam_revisions.insert(), signed)
        return len(rows)

    def _merge_into_patient(self, connection: Any, record: PatientRecord,
                            report: ImportReport) -> int:
        """A stored patient: add what is new, skip what is identical, refuse what differs."""
        patient_id = record.patient.id
        new_exams = 0
        for surgery in record.surgeries:
            key = (surgeries.c.patient_id == patient_id) & (surgeries.c.id == surgery.id)
            if _already_stored(connection, select(surgeries.c.document).where(key), surgery,
                               f"operation {surgery.id}", patient_id):
                report.already.append(f"operation {surgery.id}")
            else:
                connection.execute(surgeries.insert().values(
                    patient_id=patient_id, id=surgery.id,
                    document=surgery.model_dump_json(exclude_none=True)))
        for exam in record.exams:
            key = (exams.c.patient_id == patient_id) & (exams.c.id == exam.id)
            if _already_stored(connection, select(exams.c.document).where(key), exam,
                               f"exam {exam.id}", patient_id):
                report.already.append(f"exam {exam.id}")
            else:
                self._write_exam(connection, patient_id, exam, 0, None, False)
                new_exams += 1
        return new_exams

    # ----------------------------------------------------------------------------------------
    # Backup
    # ----------------------------------------------------------------------------------------

    def backup(self, out: Path) -> BackupCheck:
        """A verified copy of the database taken while it is in use, with a checksum file; the
        backup is in the audit log first, or not made at all."""
        if self.path is None:
            raise StoreError("Backups of a database server are made with the server's own tools "
                             "(pg_dump); see the README, 'Setting up a clinic server'.")
        with self._begin() as connection:
            self._audit(connection, "backup", "", None, f"backup to {Path(out).name}")
        return write_backup(self.path, Path(out))


def _patient_from_row(row: Any) -> Patient:
    return Patient(id=row.id, family_name=row.family_name, given_name=row.given_name,
                   birth_date=row.birth_date, sex=Sex(row.sex))


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


def _refuse_if_different(stored: BaseModel, imported: BaseModel, what: str,
                         patient_id: str) -> None:
    changed = differences(stored, imported)
    if changed:
        listed = "\n".join(f"  - {line}" for line in changed)
        raise StoreError(f"Patient {patient_id}: stored and imported {what} differ; nothing was "
                         f"imported. Differences:\n{listed}")


def _already_stored(connection: Any, query: Any, item: Surgery | Exam, what: str,
                    patient_id: str) -> bool:
    """True when ``item`` is stored already, identical; raise, showing how, when it differs."""
    stored = connection.execute(query).scalar()
    if stored is None:
        return False
    _refuse_if_different(type(item).model_validate_json(stored), item, what, patient_id)
    return True


def restore(backup_file: Path, url: str, actor: str | None = None) -> tuple[BackupCheck,
                                                                           Path | None]:
    """Replace the database at ``url`` by a verified backup; the old one is kept under a
    time-stamped name (returned). Refused while any process has the database open."""
    path = _sqlite_path(url)
    if path is None:
        raise StoreError("Restoring a database server is done with the server's own tools "
                         "(pg_restore); see the README, 'Setting up a clinic server'.")
    return restore_backup(Path(backup_file), path, actor or _user())


def open_store(url: str, actor: str | None = None) -> Store:
    """Open the store, turning low-level failures into the StoreError of their cause."""
    try:
        return Store(url, actor)
    except DBAPIError as error:
        where = str(_sqlite_path(url) or make_url(url).render_as_string(hide_password=True))
        raise classify(error, where) from None
    except SQLAlchemyError as error:
        raise StoreError(f"The database cannot be opened ({type(error).__name__}).") from None
