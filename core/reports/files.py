"""Writing both PDFs to disk, atomically."""

from __future__ import annotations

from pathlib import Path

from core.i18n import Language
from core.record import PatientRecord
from core.reports.clinician import clinician_report
from core.reports.handout import patient_handout
from core.reports.layout import save_pdf
from core.settings import Settings


def write_reports(record: PatientRecord, exam_id: str | None, settings: Settings,
                  report: Path | None, handout: Path | None, deterministic: bool = False,
                  archival: bool = False, language: Language | None = None,
                  handout_languages: list[Language] | None = None) -> None:
    """Write the requested PDFs; each file is replaced only once its new version is whole.
    ``archival``: the clinician report as PDF/A-2b (signed exams only; ValueError otherwise).
    ``language``: the clinician report's (default: the clinician's); ``handout_languages``: the
    handout's, in print order (default: the patient's preferred language, see
    ``core.reports.handout.handout_languages``)."""
    if report is not None:
        save_pdf(report, clinician_report(record, exam_id, settings, deterministic,
                                          archival=archival, language=language))
    if handout is not None:
        save_pdf(handout, patient_handout(record, exam_id, settings, deterministic,
                                          handout_languages))

