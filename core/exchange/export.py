"""Exports from the store: one patient or all, as JSON, CSV, FHIR or bulk FHIR, to one file.

The command line and the app both call `export`. It streams: one patient is loaded, converted and
written at a time (FHIR validated per patient), so memory stays flat however many patients a
clinic has. The file is written through `atomic_file` (readable by the user only, replaced only
when complete), and the export is noted in each patient's audit log.

JSON collections are written one record per line between a fixed first and last line, so the
import can read them back record by record too (core/exchange/records_file.py).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO, Protocol

from core.record import ExamStatus, PatientRecord
from core.recordio import atomic_file
from core.settings import Settings
from core.store import Store

Progress = Callable[[int, int], None]
"""Called with (patients written, patients in all) while an export runs."""


class ExportFormat(StrEnum):
    """The formats of an export."""

    JSON = "json"
    CSV = "csv"
    FHIR = "fhir"
    FHIR_NDJSON = "fhir-ndjson"
    """Bulk FHIR: one Bundle per patient, one per line (as FHIR Bulk Data's NDJSON)."""

    @property
    def file_ending(self) -> str:
        """The end of a suggested file name."""
        return {"json": ".json", "csv": ".csv", "fhir": "-fhir.json",
                "fhir-ndjson": "-fhir.ndjson"}[self.value]


@dataclass(frozen=True)
class ExportRequest:
    """What to export, how, and where."""

    patient_ids: list[str] | None
    """None exports every patient."""
    format: ExportFormat
    out: Path
    deidentify: bool = False
    key_file: Path | None = None
    """The pseudonym key (default: the clinic's key in the data folder)."""
    fhir_bundle: str = "transaction"
    """FHIR only: "transaction" (for a server, idempotent) or "collection" (an archive)."""
    fhir_pdfs: bool = False
    """FHIR only: attach each exam's clinician report PDF (slow: one PDF per exam)."""


@dataclass(frozen=True)
class ExportSummary:
    """What was written."""

    path: Path
    patients: int
    exams: int


class _Writer(Protocol):
    def start(self) -> None: ...
    def add(self, record: PatientRecord) -> None: ...
    def finish(self) -> None: ...


def export(store: Store, request: ExportRequest, settings: Settings,
           progress: Progress | None = None) -> ExportSummary:
    """Write the export patient by patient; raise ValueError for a request that cannot be met,
    LookupError for an unknown patient. Nothing is written unless the whole export succeeds."""
    if request.deidentify and request.format is not ExportFormat.CSV:
        raise ValueError("de-identification is available for CSV exports only; JSON and FHIR "
                         "carry the full record for the patient's own care")
    ids = request.patient_ids if request.patient_ids is not None else store.patient_ids()
    exams = 0
    with atomic_file(request.out) as out:
        writer = _writer(store, request, settings, out, single=request.patient_ids is not None
                         and len(ids) == 1)
        writer.start()
        for done, record in enumerate(_records(store, ids), start=1):
            writer.add(record)
            exams += len(record.exams)
            if progress is not None:
                progress(done, len(ids))
        writer.finish()
    store.log_export(ids, f"{request.format.value} export"
                          + (" (de-identified)" if request.deidentify else ""))
    return ExportSummary(request.out, len(ids), exams)


def _records(store: Store, ids: list[str]) -> Iterator[PatientRecord]:
    for patient_id in ids:
        yield store.load_record(patient_id)


def _writer(store: Store, request: ExportRequest, settings: Settings, out: BinaryIO,
            single: bool) -> _Writer:
    if request.format is ExportFormat.JSON:
        return _JsonWriter(out, single)
    if request.format is ExportFormat.CSV:
        return _CsvWriter(out, store, request)
    return _FhirWriter(out, store, request, settings)


class _JsonWriter:
    """One record's own document, or a collection with one record per line."""

    def __init__(self, out: BinaryIO, single: bool) -> None:
        self.out, self.single, self.count = out, single, 0

    def start(self) -> None:
        if not self.single:
            from core.exchange.records_file import COLLECTION_HEAD

            self.out.write(COLLECTION_HEAD.encode())

    def add(self, record: PatientRecord) -> None:
        if self.single:
            from core.recordio import dumps_record

            self.out.write(dumps_record(record).encode("utf-8"))
            return
        self.out.write((",\n" if self.count else "").encode()
                       + record.model_dump_json(exclude_none=True).encode("utf-8"))
        self.count += 1

    def finish(self) -> None:
        if not self.single:
            from core.exchange.records_file import COLLECTION_TAIL

            self.out.write(COLLECTION_TAIL.encode())


class _CsvWriter:
    """The header, then each patient's rows (UTF-8 with a byte-order mark for spreadsheets)."""

    def __init__(self, out: BinaryIO, store: Store, request: ExportRequest) -> None:
        from core.exchange.csv_table import CsvWriter
        from core.exchange.pseudonyms import Pseudonymiser, clinic_key

        pseudonyms = (Pseudonymiser(clinic_key(store, request.key_file))
                      if request.deidentify else None)
        self.text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
        self.table = CsvWriter(self.text, pseudonyms)
        self.store = store

    def start(self) -> None:
        self.table.header()

    def add(self, record: PatientRecord) -> None:
        self.table.rows([record], _signed_bases(self.store, record))

    def finish(self) -> None:
        self.text.flush()
        self.text.detach()


class _FhirWriter:
    """One Bundle of every patient's entries, or (bulk) one Bundle per patient per line; each
    patient's entries validated before they are written."""

    def __init__(self, out: BinaryIO, store: Store, request: ExportRequest,
                 settings: Settings) -> None:
        from core.exchange.fhir import BundleType, clinician_pdf, options_from_settings

        self.out, self.store, self.count = out, store, 0
        self.bulk = request.format is ExportFormat.FHIR_NDJSON
        self.options = options_from_settings(settings, BundleType(request.fhir_bundle))
        self.pdf_maker = clinician_pdf(settings) if request.fhir_pdfs else None

    def start(self) -> None:
        if not self.bulk:
            from core.exchange.fhir import bundle_head_line

            self.out.write(bundle_head_line(self.options).encode("utf-8"))

    def add(self, record: PatientRecord) -> None:
        from dataclasses import replace

        from core.exchange.fhir import bundle, record_entries, validate

        amendments, corrections = _amendments(self.store, record)
        options = replace(self.options, amendments=amendments, corrections=corrections,
                          signed_bases=_signed_bases(self.store, record))
        if self.bulk:
            document = bundle([record], self.pdf_maker, options=options)
            self.out.write(json.dumps(document, ensure_ascii=False).encode("utf-8") + b"\n")
            return
        entries = record_entries(record, None, self.pdf_maker, options)
        validate({"resourceType": "Bundle", "type": options.bundle_type.value, "entry": entries})
        text = ",\n".join(json.dumps(e, ensure_ascii=False) for e in entries)
        self.out.write(((",\n" if self.count else "") + text).encode("utf-8"))
        self.count += 1

    def finish(self) -> None:
        if not self.bulk:
            from core.exchange.fhir import BUNDLE_TAIL

            self.out.write(BUNDLE_TAIL.encode())


def _signed_bases(store: Store, record: PatientRecord) -> dict[tuple[str, str], PatientRecord]:
    """(record id, exam id) -> what each signed exam was assessed against when signed, so an
    export says what was signed even after an operation or an earlier exam changed."""
    patient_id = record.patient.id
    return {(patient_id, exam_id): basis
            for exam_id, basis in store.signed_bases(patient_id).items()}


def _amendments(store: Store, record: PatientRecord) -> tuple[
        dict[tuple[str, str], str], dict[tuple[str, str], frozenset[str]]]:
    """For the signed exams amended since they were first signed, (record id, exam id) -> the
    latest amendment reason, and -> the findings the amendments corrected (FHIR "corrected")."""
    from core.exchange.fhir import corrected_findings

    reasons: dict[tuple[str, str], str] = {}
    corrections: dict[tuple[str, str], frozenset[str]] = {}
    for exam in record.exams:
        if exam.status is ExamStatus.SIGNED:
            history = store.history(record.patient.id, exam.id)
            given = [r.reason for r in history if r.reason]
            if given:
                key = (record.patient.id, exam.id)
                reasons[key] = given[-1]
                corrections[key] = corrected_findings(history[0].exam, exam)
    return reasons, corrections


def export_registry(store: Store, folder: Path, key_file: Path | None = None,
                    progress: Progress | None = None) -> dict[str, int]:
    """Write the registry files (core/exchange/registry.py) of every patient, patient by
    patient; rows per file. Noted in every patient's audit log."""
    from core.exchange.pseudonyms import Pseudonymiser, clinic_key
    from core.exchange.registry import write_registry

    ids = store.patient_ids()
    pseudonyms = Pseudonymiser(clinic_key(store, key_file))

    def records() -> Iterator[PatientRecord]:
        for done, record in enumerate(_records(store, ids), start=1):
            yield record
            if progress is not None:
                progress(done, len(ids))
    counts = write_registry(Path(folder), records(), pseudonyms)
    store.log_export(ids, "registry export (de-identified)")
    return counts
