"""Writing both PDFs to disk, atomically."""

from __future__ import annotations

from pathlib import Path

from core.record import PatientRecord
from core.reports.clinician import clinician_report
from core.reports.handout import patient_handout
from core.reports.layout import save_pdf
from core.settings import Settings


def write_reports(record: PatientRecord, exam_id: str | None, settings: Settings,
                  report: Path | None, handout: Path | None, deterministic: bool = False,
                  archival: bool = False) -> None:
    """Write the requested PDFs; each file is replaced only once its new version is whole.
    ``archival``: the clinician report as PDF/A-2b (signed exams only; ValueError otherwise)."""
    if report is not None:
        save_pdf(report, clinician_report(record, exam_id, settings, deterministic,
                                          archival=archival))
    if handout is not None:
        save_pdf(handout, patient_handout(record, exam_id, settings, deterministic))

