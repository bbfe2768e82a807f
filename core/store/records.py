"""Patients, operations and exams, with revisions: drafts, signing, amendments.

Every write is one transaction. Exams carry a revision number: a save names the revision it was
based on and fails with a ConflictError when another window or workstation saved in between, so
nothing is overwritten unseen. A signed exam is read-only; changing it is an amendment with a
reason, kept as a new revision beside the old ones.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from core.edits import EditError, finish_amendment, sign
from core.i18n import Language
from core.record import Exam, ExamStatus, Patient, PatientRecord, Sex, Signer, Surgery
from core.store.audit import AuditMixin, now
from core.store.errors import ConflictError, SignedExamError, StoreError
from core.store.schema import (
    exam_revisions,
    exams,
    patients,
    record_revisions,
    signed_records,
    surgeries,
)


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


@dataclass(frozen=True)
class Revision:
    """One entry of an exam's history."""

    revision: int
    status: str
    saved_at: dt.datetime
    saved_by: str
    reason: str | None
    exam: Exam


@dataclass(frozen=True)
class RecordRevision:
    """One version of a patient's demographics (kind "patient") or of an operation ("surgery")."""

    kind: str
    item_id: str
    revision: int
    saved_at: dt.datetime
    saved_by: str
    document: str
    """The version as JSON (a Patient or a Surgery)."""


def signing_basis(record: PatientRecord, exam_id: str) -> PatientRecord:
    """What the engine reads to assess ``exam_id``: demographics, operations and the exams up to
    it in date order (it never looks at later ones). Kept when the exam is signed."""
    ordered = record.exams_by_date()
    position = next(index for index, exam in enumerate(ordered) if exam.id == exam_id)
    return record.model_copy(update={"exams": ordered[:position + 1]})


def changed_since_signing(as_signed: PatientRecord, current: PatientRecord) -> list[str]:
    """What the engine would read differently today than when the exam was signed: the
    demographics, an operation or an earlier exam changed (or was added since)."""
    changed = [] if as_signed.patient == current.patient else ["the demographics"]
    for surgery in current.surgeries:
        if as_signed.surgery(surgery.id) != surgery:
            changed.append(f"operation {surgery.id}")
    signed_exam = as_signed.exams_by_date()[-1]
    now_basis = signing_basis(current, signed_exam.id) if current.exam(signed_exam.id) else None
    if now_basis is not None:
        for exam in now_basis.exams[:-1]:
            if as_signed.exam(exam.id) != exam:
                changed.append(f"exam {exam.id} of {exam.date.isoformat()}")
    return changed


def _fold(text: str) -> str:
    """Search key: case and accents folded, so "dembele" finds "Dembélé"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().strip())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _past_prefix(prefix: str) -> str | None:
    """The first string after every string that starts with ``prefix`` (code-point order), or
    None when there is none: "dem" -> "den"."""
    while prefix:
        last = ord(prefix[-1]) + 1
        if last in range(0xD800, 0xE000):  # surrogates are not characters
            last = 0xE000
        if last <= 0x10FFFF:
            return prefix[:-1] + chr(last)
        prefix = prefix[:-1]
    return None


def _starting_with(column: Any, prefix: str) -> Any:
    """column starts with prefix, as a range an ordinary index serves (the key columns compare
    in code-point order on every engine, see schema.SearchKey)."""
    after = _past_prefix(prefix)
    return (column >= prefix) & (column < after) if after is not None else column >= prefix


class RecordsMixin(AuditMixin):
    """The Store's reading and writing of patients, operations and exams."""

    # Patients and operations

    def search_patients(self, text: str, limit: int = 50) -> list[PatientSummary]:
        """Patients whose family name, given name or record id starts with ``text`` (case and
        accents ignored), at most ``limit``.

        The order: family-name matches by family name, given name, record id; then given-name
        matches by given name, family name, record id; then record-id matches by record id; each
        patient once. Each part is the first rows of its own index, read in order, so a search
        costs the same for one letter as for ten, however many patients match."""
        prefix = _fold(text)
        parts = [(patients.c.family_key, (patients.c.family_key, patients.c.given_key)),
                 (patients.c.given_key, (patients.c.given_key, patients.c.family_key)),
                 (patients.c.id_key, (patients.c.id_key,))]
        columns = (patients.c.id, patients.c.family_name, patients.c.given_name,
                   patients.c.birth_date)
        found: dict[str, PatientSummary] = {}
        with self._read() as connection:
            for key, order in parts:
                if len(found) >= limit:
                    break
                query = select(*columns).where(_starting_with(key, prefix)) \
                    .order_by(*order, patients.c.id).limit(limit)
                for row in connection.execute(query):
                    found.setdefault(row.id, PatientSummary(row.id, row.family_name,
                                                            row.given_name, row.birth_date))
                if not prefix:
                    break  # every patient matches the family part already
        return list(found.values())[:limit]

    def has_patient(self, patient_id: str) -> bool:
        """True when a patient with exactly this record id is stored."""
        with self._read() as connection:
            query = select(patients.c.id).where(patients.c.id == patient_id)
            return connection.execute(query).first() is not None

    def patient_ids(self) -> list[str]:
        """Every stored record id, in id order."""
        with self._read() as connection:
            return list(connection.execute(select(patients.c.id).order_by(patients.c.id)).scalars())

    def count_patients(self) -> int:
        """How many patients the store holds."""
        with self._read() as connection:
            return int(connection.execute(select(func.count()).select_from(patients)).scalar_one())

    def _patient_values(self, patient: Patient) -> dict[str, Any]:
        return {"family_name": patient.family_name, "given_name": patient.given_name,
                "birth_date": patient.birth_date, "sex": patient.sex.value,
                "preferred_language": patient.preferred_language,
                "family_key": _fold(patient.family_name), "given_key": _fold(patient.given_name),
                "id_key": _fold(patient.id), "updated_at": now()}

    def save_patient(self, patient: Patient) -> None:
        """Create or update a patient's demographics; every version is kept."""
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
            revision = self._keep_revision(connection, patient.id, "patient", patient.id,
                                           patient.model_dump_json(exclude_none=True))
            self._audit(connection, action, patient.id, None, f"demographics, revision {revision}")

    def save_surgery(self, patient_id: str, surgery: Surgery, new: bool = False) -> None:
        """Create or change an operation of a patient; every version is kept. ``new`` refuses an
        id already taken (checked in the same transaction as the write)."""
        document = surgery.model_dump_json(exclude_none=True)
        with self._begin() as connection:
            key = (surgeries.c.patient_id == patient_id) & (surgeries.c.id == surgery.id)
            if connection.execute(select(surgeries.c.id).where(key)).first():
                if new:
                    raise ConflictError(f"Operation {surgery.id} of {patient_id} exists already "
                                        "(added from another window or workstation); nothing "
                                        "was changed.")
                connection.execute(surgeries.update().where(key).values(document=document))
            else:
                connection.execute(surgeries.insert().values(patient_id=patient_id, id=surgery.id,
                                                             document=document))
            revision = self._keep_revision(connection, patient_id, "surgery", surgery.id,
                                           document)
            self._audit(connection, "surgery_saved", patient_id, None,
                        f"{surgery.id}, revision {revision}")

    def _keep_revision(self, connection: Any, patient_id: str, kind: str, item_id: str,
                       document: str) -> int:
        """Append a version of demographics or an operation; returns its revision number."""
        key = ((record_revisions.c.patient_id == patient_id) & (record_revisions.c.kind == kind)
               & (record_revisions.c.item_id == item_id))
        last = connection.execute(select(func.max(record_revisions.c.revision)).where(key))
        revision = int(last.scalar() or 0) + 1
        connection.execute(record_revisions.insert().values(
            patient_id=patient_id, kind=kind, item_id=item_id, revision=revision,
            document=document, saved_at=now(), saved_by=self.actor))
        return revision

    def record_history(self, patient_id: str) -> list[RecordRevision]:
        """Every version of the patient's demographics and operations, oldest first."""
        query = select(record_revisions).where(record_revisions.c.patient_id == patient_id) \
            .order_by(record_revisions.c.saved_at, record_revisions.c.kind,
                      record_revisions.c.item_id, record_revisions.c.revision)
        with self._read() as connection:
            return [RecordRevision(r.kind, r.item_id, r.revision, r.saved_at, r.saved_by,
                                   r.document) for r in connection.execute(query)]

    def load_record(self, patient_id: str) -> PatientRecord:
        """The patient's whole record: demographics, operations, exams in date order."""
        with self._read() as connection:
            return self._read_record(connection, patient_id)

    def open_record(self, patient_id: str) -> PatientRecord:
        """The patient's record, opened to be shown to the user: the opening is written to the
        patient's audit log in the same transaction (a record whose opening cannot be noted is
        not shown)."""
        with self._begin() as connection:
            record = self._read_record(connection, patient_id)
            self._audit(connection, "record_opened", patient_id, None, "")
        return record

    @staticmethod
    def _read_record(connection: Any, patient_id: str) -> PatientRecord:
        row = connection.execute(select(patients).where(patients.c.id == patient_id)).first()
        if row is None:
            raise LookupError(f"no patient with record id {patient_id!r}")
        patient = patient_from_row(row)
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

    def signed_bases(self, patient_id: str) -> dict[str, PatientRecord]:
        """For each signed exam of the patient, the record its latest signed revision was
        assessed against (exams signed before NeuroExam kept it have none)."""
        with self._read() as connection:
            return _read_bases(connection, patient_id, None)

    def record_as_signed(self, patient_id: str, exam_id: str) -> PatientRecord | None:
        """The record a signed exam was assessed against when its latest revision was signed;
        None for a draft, or an exam signed before NeuroExam kept it."""
        with self._read() as connection:
            return _read_bases(connection, patient_id, exam_id).get(exam_id)

    # Exams: drafts, signing, amendments

    def load_exam(self, patient_id: str, exam_id: str) -> StoredExam:
        """One exam with its current revision."""
        with self._read() as connection:
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
                raise _saved_elsewhere(exam.id, current, base_revision)
            if current.status == ExamStatus.SIGNED.value and not allow_signed:
                raise SignedExamError(f"Exam {exam.id} is signed; change it by an amendment "
                                      "with a reason.")
        revision = base_revision + 1
        values = {"exam_date": exam.date, "kind": exam.kind.value, "status": exam.status.value,
                  "revision": revision, "document": exam.model_dump_json(exclude_none=True),
                  "updated_at": now(), "updated_by": self.actor}
        if current is None:
            connection.execute(exams.insert().values(patient_id=patient_id, id=exam.id, **values))
        else:
            # The revision in the WHERE clause makes the check and the write one atomic step.
            done = connection.execute(exams.update().where(key & (exams.c.revision ==
                                                                  base_revision)).values(**values))
            if done.rowcount != 1:
                # Another workstation's save committed between our read and our write (a server
                # lets both start): name it, read now that it is committed.
                now_stored = connection.execute(select(
                    exams.c.revision, exams.c.updated_at, exams.c.updated_by).where(key)).first()
                if now_stored is None:
                    raise ConflictError(f"Exam {exam.id} no longer exists in the database.")
                raise _saved_elsewhere(exam.id, now_stored, base_revision)
        if exam.status is ExamStatus.SIGNED:
            connection.execute(exam_revisions.insert().values(
                patient_id=patient_id, exam_id=exam.id, revision=revision,
                status=exam.status.value, document=values["document"],
                saved_at=values["updated_at"], saved_by=self.actor, reason=reason))
            basis = signing_basis(self._read_record(connection, patient_id), exam.id)
            connection.execute(signed_records.insert().values(signing_basis_row(
                patient_id, exam.id, revision, basis, _kept_revisions(connection, patient_id,
                                                                      basis))))
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

    def sign_exam(self, patient_id: str, exam: Exam, base_revision: int, examiner: str,
                  password: str | None = None) -> int:
        """Sign: record the signer (login and display name) and the time, make the exam
        read-only, keep it as a revision. In clinic mode ``password`` must be the login's (asked
        again for every signature) and the examiner is the login's display name and login,
        whatever was typed."""
        examiner = self.signing_name or examiner
        return self._keep_signed(patient_id, lambda signer, at: sign(exam, examiner, signer, at),
                                 self.signer(examiner), password, base_revision)

    def amend_exam(self, patient_id: str, exam: Exam, base_revision: int, reason: str,
                   password: str | None = None, signer_name: str = "") -> int:
        """Change a signed exam: a new signed revision with the reason, signed by whoever
        amends (``password`` as for sign_exam; ``signer_name`` the display name on a
        workstation); the old revision stays."""
        return self._keep_signed(
            patient_id, lambda signer, at: finish_amendment(exam, reason, signer, at),
            self.signer(signer_name), password, base_revision, reason)

    def _keep_signed(self, patient_id: str, signing: Callable[[Signer, dt.datetime], Exam],
                     signer: Signer, password: str | None, base_revision: int,
                     amendment: str | None = None) -> int:
        """Sign or amend: the exam as ``signing`` makes it (core.edits decides what changes
        and refuses what the record does not allow), once the signer's password is confirmed,
        kept as a signed revision (with the amendment's reason) and audited, in one
        transaction."""
        try:
            signed = signing(signer, now())
        except EditError as error:
            raise StoreError(str(error)) from None
        self.confirm_signer(password)
        with self._begin() as connection:
            revision = self._write_exam(connection, patient_id, signed, base_revision, amendment,
                                        amendment is not None)
            detail = f"revision {revision}, signed by {signer.text()}"
            if amendment is None:
                self._audit(connection, "exam_signed", patient_id, signed.id, detail)
            else:
                self._audit(connection, "exam_amended", patient_id, signed.id,
                            f"{detail}: {amendment}")
            return revision

    def history(self, patient_id: str, exam_id: str) -> list[Revision]:
        """The signed revisions of an exam, oldest first."""
        query = select(exam_revisions).where(
            (exam_revisions.c.patient_id == patient_id) & (exam_revisions.c.exam_id == exam_id)
        ).order_by(exam_revisions.c.revision)
        with self._read() as connection:
            return [Revision(r.revision, r.status, r.saved_at, r.saved_by, r.reason,
                             Exam.model_validate_json(r.document))
                    for r in connection.execute(query)]


def _saved_elsewhere(exam_id: str, current: Any, base_revision: int) -> ConflictError:
    """The refusal of a save based on an older revision: who saved the newer one, and when."""
    return ConflictError(
        f"Exam {exam_id} was saved elsewhere (revision {current.revision}, "
        f"{current.updated_at:%Y-%m-%d %H:%M} UTC by {current.updated_by}) after this copy was "
        f"opened (revision {base_revision}). Your changes were not saved; reopen the exam to see "
        "the newer version.")


Kept = Mapping[tuple[str, str], int]
"""(kind, id) -> the revision kept of a part of a signing basis whose document is that part
exactly: kind "patient" and "surgery" in record_revisions, "exam" in exam_revisions."""


def signing_basis_row(patient_id: str, exam_id: str, revision: int, basis: PatientRecord,
                      kept: Kept) -> dict[str, Any]:
    """A signed_records row: the basis, with the rules version that assessed it.

    The basis is stored as references: each part (demographics, each operation, each exam up to
    the signed one, in the basis's order) names the revision kept of it (``kept``); a part with
    no kept revision (an earlier exam still a draft, whose later edits are not kept) is stored
    whole. Copying every part whole made importing a history cost its size squared."""
    from core.engine.triage import RULES_VERSION

    def part(kind: str, item: Patient | Surgery | Exam) -> dict[str, Any]:
        revision = kept.get((kind, item.id))
        if revision is None:
            return {"id": item.id, "document": item.model_dump(mode="json", exclude_none=True)}
        return {"id": item.id, "revision": revision}

    references = {"patient": part("patient", basis.patient),
                  "surgeries": [part("surgery", surgery) for surgery in basis.surgeries],
                  "exams": [part("exam", exam) for exam in basis.exams]}
    return {"patient_id": patient_id, "exam_id": exam_id, "revision": revision,
            "basis": json.dumps(references, ensure_ascii=False, separators=(",", ":")),
            "rules_version": RULES_VERSION}


def _kept_revisions(connection: Any, patient_id: str, basis: PatientRecord) -> dict[
        tuple[str, str], int]:
    """The revisions kept of the parts of ``basis`` (read in the signing transaction): the
    latest version of the demographics and of each operation when it is the part exactly, and
    each signed exam's current revision (whose kept document is the exam's own)."""
    kept: dict[tuple[str, str], int] = {}
    latest: dict[tuple[str, str], tuple[int, str]] = {}
    for row in connection.execute(select(record_revisions.c.kind, record_revisions.c.item_id,
                                         record_revisions.c.revision, record_revisions.c.document)
                                  .where(record_revisions.c.patient_id == patient_id)):
        if row.revision > latest.get((row.kind, row.item_id), (0, ""))[0]:
            latest[(row.kind, row.item_id)] = (row.revision, row.document)
    parts: list[tuple[str, Patient | Surgery]] = [("patient", basis.patient)]
    parts += [("surgery", surgery) for surgery in basis.surgeries]
    for kind, item in parts:
        revision, document = latest.get((kind, item.id), (0, ""))
        if revision and type(item).model_validate_json(document) == item:
            kept[(kind, item.id)] = revision
    same = (exams.c.patient_id == exam_revisions.c.patient_id) \
        & (exams.c.id == exam_revisions.c.exam_id) & (exams.c.revision == exam_revisions.c.revision)
    query = select(exams.c.id, exams.c.revision).join(exam_revisions, same).where(
        (exams.c.patient_id == patient_id) & (exams.c.document == exam_revisions.c.document))
    signed = {row.id: row.revision for row in connection.execute(query)}
    kept.update({("exam", exam.id): signed[exam.id] for exam in basis.exams if exam.id in signed})
    return kept


def _read_bases(connection: Any, patient_id: str, exam_id: str | None) -> dict[str, PatientRecord]:
    """The signing bases of the patient's signed exams (of ``exam_id`` only, when given), each
    of its exam's latest signed revision, rebuilt from the revisions they name."""
    key = signed_records.c.patient_id == patient_id
    if exam_id is not None:
        key = key & (signed_records.c.exam_id == exam_id)
    query = select(signed_records.c.exam_id, signed_records.c.basis).where(key) \
        .order_by(signed_records.c.revision)
    latest = {row.exam_id: json.loads(row.basis) for row in connection.execute(query)}
    if not latest:
        return {}
    named = {(kind, item["id"], item["revision"])
             for references in latest.values()
             for kind, items in (("patient", [references["patient"]]),
                                 ("surgery", references["surgeries"]),
                                 ("exam", references["exams"]))
             for item in items if "revision" in item}
    documents: dict[tuple[str, str, int], str] = {}
    if any(kind != "exam" for kind, _, _ in named):
        rows = connection.execute(select(record_revisions.c.kind, record_revisions.c.item_id,
                                         record_revisions.c.revision, record_revisions.c.document)
                                  .where(record_revisions.c.patient_id == patient_id))
        documents.update({(r.kind, r.item_id, r.revision): r.document for r in rows
                          if (r.kind, r.item_id, r.revision) in named})
    exam_ids = {item_id for kind, item_id, _ in named if kind == "exam"}
    if exam_ids:
        rows = connection.execute(select(exam_revisions.c.exam_id, exam_revisions.c.revision,
                                         exam_revisions.c.document).where(
            (exam_revisions.c.patient_id == patient_id)
            & exam_revisions.c.exam_id.in_(sorted(exam_ids))))
        documents.update({("exam", r.exam_id, r.revision): r.document for r in rows
                          if ("exam", r.exam_id, r.revision) in named})

    def part(kind: str, item: dict[str, Any], signed: str) -> str:
        if "document" in item:
            return json.dumps(item["document"], ensure_ascii=False)
        document = documents.get((kind, item["id"], item["revision"]))
        if document is None:
            raise StoreError(f"The record exam {signed} was signed against names revision "
                             f"{item['revision']} of {kind} {item['id']}, which is not stored; "
                             "the database was changed outside NeuroExam.")
        return document

    bases: dict[str, PatientRecord] = {}
    for signed, references in latest.items():
        surgeries_text = ",".join(part("surgery", item, signed)
                                  for item in references["surgeries"])
        exams_text = ",".join(part("exam", item, signed) for item in references["exams"])
        bases[signed] = PatientRecord.model_validate_json(
            f'{{"patient":{part("patient", references["patient"], signed)},'
            f'"surgeries":[{surgeries_text}],"exams":[{exams_text}]}}')
    return bases


def patient_from_row(row: Any) -> Patient:
    """The demographics of a patients row."""
    return Patient(id=row.id, family_name=row.family_name, given_name=row.given_name,
                   birth_date=row.birth_date, sex=Sex(row.sex),
                   preferred_language=(Language(row.preferred_language)
                                       if row.preferred_language else None))
