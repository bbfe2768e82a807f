"""The clinician report for a patient with 10 exams: median in-process time after warm-up, and
the ratio to a plain reportlab document with the same number of table rows made in the same run.
Targets: under 80 ms, and under 3x the plain document.

The documents are made taking turns, so load on a shared machine hits all alike. Two more
figures say where the rest of the time goes: the plain document again in the report's
embedded fonts, and the report without its maps and trend chart (text and tables only).
"""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO

from common import history_record, interleaved_medians_ms
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Table

from core.engine import assess
from core.reports.clinician import clinician_report, page_frame, report_story
from core.reports.fonts import FONT, register_fonts
from core.reports.layout import build_pdf
from core.reports.map_drawing import MapSheet
from core.reports.trend_chart import TrendChart
from core.settings import Settings

TARGET_MS, TARGET_RATIO = 80.0, 3.0


def _flowables(story: Iterable[Flowable]) -> Iterable[Flowable]:
    """Every flowable, looking inside KeepTogether groups."""
    for flowable in story:
        if isinstance(flowable, KeepTogether):
            yield from _flowables(flowable._content)
        else:
            yield flowable


def table_rows(story: list[Flowable]) -> int:
    """How many table rows the report has."""
    return sum(table._nrows for table in _flowables(story) if isinstance(table, Table))


def without_drawings(story: list[Flowable]) -> list[Flowable]:
    """The story without the maps and the chart."""
    return [f for f in _flowables(story) if not isinstance(f, MapSheet | TrendChart)]


def plain_document(rows: int, font: str | None = None) -> bytes:
    """A plain reportlab document with ``rows`` table rows (in reportlab's Helvetica unless a
    font is named)."""
    buffer = BytesIO()
    cells = [[f"row {i}", "5", "5", "5", "= same", "", "5", "5", "5", "= same", ""]
             for i in range(rows)]
    table = Table(cells)
    if font:
        table.setStyle([("FONT", (0, 0), (-1, -1), font)])
    SimpleDocTemplate(buffer, pagesize=A4).build([table])
    return buffer.getvalue()


def main() -> None:
    """Print the figures."""
    register_fonts()
    record = history_record(10)
    settings = Settings(clinic_name="Bench Clinic")
    latest = record.exams_by_date()[-1].id
    rows = table_rows(report_story(record, assess(record, latest)))
    def text_only() -> bytes:
        assessment = assess(record, latest)
        frame = page_frame(record, assessment.context.exam, settings, "Clinician report")
        return build_pdf(without_drawings(report_story(record, assessment)), frame, "Bench")

    figures = interleaved_medians_ms({
        "report": lambda: clinician_report(record, latest, settings),
        "plain": lambda: plain_document(rows),
        "embedded": lambda: plain_document(rows, FONT),
        "text": text_only,
    })
    report, plain, embedded, text = (figures[k] for k in ("report", "plain", "embedded", "text"))
    print(f"reports: clinician report, 10 exams: median {report:.1f} ms (target < {TARGET_MS:g} ms, "
          f"ratio {report / TARGET_MS:.2f})")
    print(f"reports: plain reportlab document, {rows} table rows: median {plain:.1f} ms; "
          f"report / plain = {report / plain:.1f}x (target < {TARGET_RATIO:g}x)")
    print(f"reports: the plain document in the embedded font: {embedded:.1f} ms; "
          f"report / that = {report / embedded:.1f}x")
    print(f"reports: the report without maps and chart: {text:.1f} ms "
          f"({text / plain:.1f}x the plain document)")


if __name__ == "__main__":
    main()
