"""Exports from the store: one patient or all, as JSON, CSV or FHIR, to one file.

The command line and the app both call `export`; it loads the records, writes the file atomically
(readable by the user only), and notes the export in each patient's audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from core.record import PatientRecord
from core.settings import Settings
from core.store import Store

Progress = Callable[[int, int], None]
"""Called with (records loaded, records in all) while an export runs."""


class ExportFormat(StrEnum):
    """The formats of an export."""

    JSON = "json"
    CSV = "csv"
    FHIR = "fhir"

    @property
    def file_ending(self) -> str:
        """The end of a suggested file name: ".json", ".csv" or "-fhir.json"."""
        return {"json": ".json", "csv": ".csv", "fhir": "-fhir.json"}[self.value]


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


def _load(store: Store, ids: list[str], progress: Progress | None) -> list[PatientRecord]:
    records = []
    for done, patient_id in enumerate(ids, start=1):
        records.append(store.load_record(patient_id))
        if progress is not None:
            progress(done, len(ids))
    return records


def export(store: Store, request: ExportRequest, settings: Settings,
           progress: Progress | None = None) -> ExportSummary:
    """Write the export; raise ValueError for a request that cannot be met, LookupError for an
    unknown patient."""
    if request.deidentify and request.format is not ExportFormat.CSV:
        raise ValueError("de-identification is available for CSV exports only; JSON and FHIR "
                         "carry the full record for the patient's own care")
    ids = request.patient_ids if request.patient_ids is not None else store.patient_ids()
    records = _load(store, ids, progress)
    _write(records, request, settings,
           collection=request.patient_ids is None or len(records) != 1,
           amendments=_amendments(store, records) if request.format is ExportFormat.FHIR else {})
    store.log_export(ids, f"{request.format.value} export"
                          + (" (de-identified)" if request.deidentify else ""))
    return ExportSummary(request.out, len(records), sum(len(r.exams) for r in records))


def _amendments(store: Store, records: list[PatientRecord]) -> dict[tuple[str, str], str]:
    """(record id, exam id) -> the latest amendment reason, for signed exams amended since."""
    from core.record import ExamStatus

    found: dict[tuple[str, str], str] = {}
    for record in records:
        for exam in record.exams:
            if exam.status is ExamStatus.SIGNED:
                reasons = [r.reason for r in store.history(record.patient.id, exam.id) if r.reason]
                if reasons:
                    found[(record.patient.id, exam.id)] = reasons[-1]
    return found


def _write(records: list[PatientRecord], request: ExportRequest, settings: Settings,
           collection: bool, amendments: dict[tuple[str, str], str]) -> None:
    if request.format is ExportFormat.JSON:
        from core.exchange.records_file import write_records

        write_records(request.out, records, collection)
    elif request.format is ExportFormat.CSV:
        from core.exchange.csv_table import write_csv
        from core.exchange.pseudonyms import Pseudonymiser, default_key_path, load_or_create_key

        pseudonyms = (Pseudonymiser(load_or_create_key(request.key_file or default_key_path()))
                      if request.deidentify else None)
        write_csv(request.out, records, pseudonyms)
    else:
        from core.exchange.fhir import (
            BundleType,
            bundle,
            clinician_pdf,
            options_from_settings,
            write_bundle,
        )

        options = options_from_settings(settings, BundleType(request.fhir_bundle), amendments)
        write_bundle(request.out, bundle(records, clinician_pdf(settings) if request.fhir_pdfs
                                         else None, options=options))
