"""Exchange figures: one exam as a FHIR Bundle (warm), and importing 10,000 exams.

FHIR export is timed with and without the clinician PDF attached (the PDF is most of the cost) and
includes the fhir.resources validation that runs before every write. The import parses one
collection file of 2,000 patients with 5 exams each and stores it in one transaction.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from common import history_record, median_ms

from core.exchange.fhir import bundle, clinician_pdf
from core.exchange.records_file import dumps_records, parse_records
from core.record import PatientRecord
from core.settings import Settings
from core.store import Store

PATIENTS, EXAMS_EACH = 2_000, 5


def patients(count: int) -> list[PatientRecord]:
    """``count`` copies of a 5-exam history under different record ids."""
    template = history_record(EXAMS_EACH)
    records = []
    for number in range(count):
        record = template.model_copy(deep=True)
        record.patient.id = f"MRN-{number:06d}"
        records.append(record)
    return records


def main() -> None:
    record = history_record(10)
    exam = record.exams_by_date()[-1].id
    pdf_maker = clinician_pdf(Settings())
    without_pdf = median_ms(lambda: bundle([record], exam_ids=[exam]), repeat=50)
    with_pdf = median_ms(lambda: bundle([record], pdf_maker, exam_ids=[exam]), repeat=30)
    print(f"FHIR export of one exam (history of 10, warm): {without_pdf:.1f} ms without the PDF, "
          f"{with_pdf:.1f} ms with the clinician PDF attached")

    text = dumps_records(patients(PATIENTS))
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'import.db'}", actor="bench")
        start = time.perf_counter()
        parsed = parse_records(text)
        parse_s = time.perf_counter() - start
        report = store.import_records(parsed)
        total_s = time.perf_counter() - start
        store.close()
    print(f"import of {report.exams_added:,} exams ({PATIENTS:,} patients, "
          f"{len(text) / 2**20:.0f} MiB): {total_s:.2f} s in all, of which parsing and "
          f"validation {parse_s:.2f} s ({report.exams_added / total_s:,.0f} exams/s)")


if __name__ == "__main__":
    main()
