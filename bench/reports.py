"""The clinician report for a patient with 10 exams: median in-process time after warm-up, and
the ratio to a plain reportlab document with the same number of table rows made in the same run.
Targets: under 80 ms, and under 3x the plain document.
"""

from __future__ import annotations

from io import BytesIO

from common import history_record, median_ms
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table

from core.reports.clinician import clinician_report
from core.settings import Settings

TARGET_MS, TARGET_RATIO = 80.0, 3.0
TABLE_ROWS = 2 + 12 + 1 + 3 + 6 + 9  # motor header, rows, LEMS; reflexes and tests; red flags


def plain_document() -> bytes:
    """A plain reportlab document with as many table rows as the report."""
    buffer = BytesIO()
    rows = [[f"row {i}", "5", "5", "5", "= same", "", "5", "5", "5", "= same", ""]
            for i in range(TABLE_ROWS)]
    SimpleDocTemplate(buffer, pagesize=A4).build([Table(rows)])
    return buffer.getvalue()


def main() -> None:
    """Print the figures."""
    record = history_record(10)
    settings = Settings(clinic_name="Bench Clinic")
    latest = record.exams_by_date()[-1].id
    report = median_ms(lambda: clinician_report(record, latest, settings), repeat=25, warmup=3)
    plain = median_ms(plain_document, repeat=25, warmup=3)
    print(f"reports: clinician report, 10 exams: median {report:.1f} ms (target < {TARGET_MS:g} ms, "
          f"ratio {report / TARGET_MS:.2f})")
    print(f"reports: plain reportlab document, {TABLE_ROWS} table rows: median {plain:.1f} ms; "
          f"report / plain = {report / plain:.1f}x (target < {TARGET_RATIO:g}x)")


if __name__ == "__main__":
    main()
