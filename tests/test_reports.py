"""The PDFs, read back as a user or a records system would read them."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from readability import flesch_kincaid_grade
from vignettes import CASES, build_record

from core.demo import demo_record
from core.engine import assess
from core.knowledge import MOTOR_ITEMS, Source
from core.reports.clinician import clinician_report
from core.reports.files import write_reports
from core.reports.handout import patient_handout, warning_signs
from core.reports.trend_chart import nice_step
from core.settings import Settings

CLINIC = Settings(clinic_name="Riverside Spine Clinic", clinic_contact="Spine nurse 0100 000 000")


def text_of(pdf: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages), reader


@pytest.fixture(scope="module")
def report() -> tuple[str, PdfReader]:
    return text_of(clinician_report(demo_record(), "post-1", CLINIC, deterministic=True))


def test_the_report_has_every_section_and_the_header(report: tuple[str, PdfReader]) -> None:
    text, reader = report
    for section in ("clinician report", "URGENT", "Localisation", "Motor (MRC)", "Sensation",
                    "Light touch", "Pin prick", "Reflexes, upper motor neuron signs", "Red flags",
                    "Pain (0-10)", "Trend of key muscles", "Signature",
                    "Sources of the clinical rules", "Riverside Spine Clinic",
                    "DEMO, Alex", "DEMO-0001", "1978-05-14", "postoperative", "Dr Demo Examiner",
                    "decision-support aid"):
        assert section in text, section
    # four pages of text and tables, and a page of maps (before over now) per modality
    assert f"Page 1 of {len(reader.pages)}" in text and len(reader.pages) <= 6


def test_the_report_shows_each_grade_and_change(report: tuple[str, PdfReader]) -> None:
    text, _ = report
    for info in MOTOR_ITEMS.values():
        assert info.movement in text
    assert "▼ worse" in text and "● new" in text and "-300 %" in text
    assert "L5 root, left" in text and "traversing L5 at L4-L5" in text
    assert "LEMS (ISNCSCI, 0-25 per side) 25 25 25 24 24 19" in " ".join(text.split())
    for source in Source:
        assert source.value.split(".")[0] in " ".join(text.split())


def test_every_font_is_embedded(report: tuple[str, PdfReader]) -> None:
    _, reader = report
    for page in reader.pages:
        for reference in page["/Resources"]["/Font"].values():
            font = reference.get_object()
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            assert "/FontDescriptor" in font, f"{font['/BaseFont']} is not embedded"
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]


def test_deterministic_mode_gives_identical_bytes() -> None:
    first = clinician_report(demo_record(), "post-1", CLINIC, deterministic=True)
    assert clinician_report(demo_record(), "post-1", CLINIC, deterministic=True) == first
    handout = patient_handout(demo_record(), None, CLINIC, deterministic=True)
    assert patient_handout(demo_record(), None, CLINIC, deterministic=True) == handout


def test_an_unsigned_exam_carries_the_draft_watermark() -> None:
    record = demo_record()
    record.exams[1].status = record.exams[1].status.__class__("draft")
    text, _ = text_of(clinician_report(record, "post-1", CLINIC, deterministic=True))
    assert "DRAFT" in text and "Unsigned draft" in text


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_every_vignette_renders_both_pdfs(case: dict[str, object]) -> None:
    record = build_record(case)
    level = assess(record).triage.level.words.upper()
    text, reader = text_of(clinician_report(record, None, CLINIC, deterministic=True))
    assert level in text and 2 <= len(reader.pages) <= 7  # a page of maps per modality
    handout, pages = text_of(patient_handout(record, None, CLINIC, deterministic=True))
    assert len(pages.pages) <= 2
    assert "Get help the same day if" in handout


def test_the_handout_speaks_plainly_and_always_lists_warning_signs() -> None:
    text, reader = text_of(patient_handout(demo_record(), "post-1", CLINIC, deterministic=True))
    assert len(reader.pages) <= 2
    flat = " ".join(text.split())
    assert "The muscle that lifts your left big toe is weaker than normal." in flat
    assert "next one or two days" in flat and "Spine nurse 0100 000 000" in flat
    for sign in warning_signs():
        assert sign in flat


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_the_handout_meets_a_reading_age_of_12(case: dict[str, object]) -> None:
    text, _ = text_of(patient_handout(build_record(case), None, Settings(), deterministic=True))
    body = text.split("Your leg nerve check", 1)[1]
    lines = [line for line in body.splitlines() if "NeuroExam" not in line and "Page " not in line]
    assert flesch_kincaid_grade("\n".join(lines)) <= 7.0


def test_the_handout_type_is_at_least_12_points() -> None:
    from core.reports.layout import stylesheet

    styles = stylesheet(12.5)
    assert min(styles[name].fontSize for name in ("body", "bullet", "title", "h2")) >= 12


def test_an_existing_pdf_is_replaced_only_when_the_new_one_is_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"%PDF old report")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_reports(demo_record(), None, CLINIC, target, None)
    assert target.read_bytes() == b"%PDF old report"
    monkeypatch.undo()
    write_reports(demo_record(), None, CLINIC, target, None)
    assert target.read_bytes().startswith(b"%PDF-") and len(PdfReader(target).pages) >= 2


def test_report_side_order_is_right_then_left_like_the_exam_form() -> None:
    """The demo's day-7 exam has a normal right heel walk and an unable left one: the table
    must put the right side's columns first, as the paper form does."""
    from reportlab.platypus import Table

    from core.reports.clinician import other_findings
    from core.reports.layout import stylesheet

    table = next(f for f in other_findings(assess(demo_record(), "post-1"), stylesheet(9))
                 if isinstance(f, Table))
    rows = {str(row[0]): [str(cell) for cell in row[1:]] for row in table._cellvalues}
    assert rows["Test"] == ["Right before", "Right now", "Left before", "Left now"]
    assert rows["Heel walk"] == ["normal", "normal", "normal", "unable"]


def _trend_part(text: str) -> str:
    return " ".join(text.split("Trend of key muscles")[1].split("Signature")[0].split())


def test_the_trend_chart_names_every_weak_key_muscle_and_stops_at_the_reported_exam(
        report: tuple[str, PdfReader]) -> None:
    text, _ = report
    # the demo's left ankle dorsiflexion and big toe extension fall below 5
    assert "left ankle dorsiflexion" in text and "left big toe extension" in text
    assert "right ankle dorsiflexion" not in text
    assert "days since 2026-02-20" in text and "MRC grade" in text
    # the report of the exam of 2026-03-09 (day 17) shows the history as it stood then: not the
    # follow-up of 2026-04-20, which came later; the operation (day 10) is marked
    trend = _trend_part(text)
    assert trend.split("days since")[0].split()[-5:] == ["0", "5", "10", "15", "20"]
    assert "operation" in trend
    totals = trend.split("LEMS total by exam")[1]
    assert "2026-02-20" in totals and "2026-03-09" in totals and "2026-04-20" not in totals


def test_the_follow_up_report_spans_every_signed_exam_and_leaves_drafts_out() -> None:
    import datetime as dt

    from core.record import ExamStatus

    record = demo_record()
    post = next(e for e in record.exams if e.id == "post-1")
    draft = post.model_copy(update={"id": "draft-1", "date": dt.date(2026, 4, 10),
                                    "status": ExamStatus.DRAFT, "signed_at": None})
    record.exams.append(draft)
    text, _ = text_of(clinician_report(record, "fu-7w", CLINIC, deterministic=True))
    trend = _trend_part(text)
    assert trend.split("days since")[0].split()[-7:] == ["0", "10", "20", "30", "40", "50", "60"]
    totals = trend.split("LEMS total by exam")[1]
    assert "2026-04-20" in totals and "2026-04-10" not in totals


@pytest.mark.parametrize(("span", "most_ticks", "step"), [
    (59, 8, 10), (7, 8, 1), (200, 8, 50), (1200, 8, 200), (0, 8, 1), (16, 8, 2)])
def test_the_chart_picks_round_day_steps(span: float, most_ticks: int, step: float) -> None:
    assert nice_step(span, most_ticks) == step


def _worst_exam_record() -> object:
    """The demo record with its postoperative exam as long as a handout can get: every muscle
    weak, every dermatome altered in both modalities, every reflex reduced, a Babinski sign, on
    both sides, against a normal-ish baseline (so every finding is also a change), and every red
    flag present (the longest "what happens next")."""
    from core.grades import MotorGrade, ReflexGrade, SensoryGrade
    from core.knowledge import Dermatome, PlantarResponse, RedFlag, Reflex
    from core.record import MotorBySide, ReflexesBySide, SensoryBySide

    record = demo_record()
    exam = next(e for e in record.exams if e.id == "post-1")
    muscles = {m: MotorGrade.G2 for m in MOTOR_ITEMS}
    areas = {d: SensoryGrade.ALTERED for d in Dermatome}
    reflexes = {r: ReflexGrade.REDUCED for r in Reflex}
    exam.motor = MotorBySide(left=dict(muscles), right=dict(muscles))
    exam.light_touch = SensoryBySide(left=dict(areas), right=dict(areas))
    exam.pin_prick = SensoryBySide(left=dict(areas), right=dict(areas))
    exam.reflexes = ReflexesBySide(left=dict(reflexes), right=dict(reflexes))
    exam.plantar = {"left": PlantarResponse.EXTENSOR, "right": PlantarResponse.EXTENSOR}
    exam.red_flags = list(RedFlag)
    return record


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("phone", ["0100 000 111", ""])
def test_the_same_day_help_box_is_on_page_1_of_the_longest_handout(phone: str,
                                                                   language: str) -> None:
    """In both languages (the Spanish text runs about a fifth longer)."""
    from core.i18n import Language, translator
    from core.reports import handout_text as words

    _ = translator(language)
    clinic = CLINIC.model_copy(update={"clinic_phone": phone})
    text, reader = text_of(patient_handout(_worst_exam_record(), "post-1", clinic,  # type: ignore[arg-type]
                                           deterministic=True, languages=[Language(language)]))
    assert len(reader.pages) >= 2, "the findings of this exam run onto a second page"
    page_1 = " ".join(reader.pages[0].extract_text().split())
    for sign in warning_signs(_):
        assert sign in page_1, sign
    assert _(words.WARNING_HEADING) in page_1 and _(words.WARNING_ACTION) in page_1
    said = _(words.CALL_CLINIC).format(phone=phone) if phone else _(words.NO_PHONE)
    assert " ".join(said.split()) in page_1
    if language == "en":  # the words themselves, not only the catalogue's
        assert ("Your clinic's phone number: 0100 000 111." if phone
                else "We did not print your clinic's phone number here.") in page_1
