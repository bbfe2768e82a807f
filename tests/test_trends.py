"""The trend of the key muscles: the series the app's chart and the report's chart both draw."""

from __future__ import annotations

import datetime as dt

import pytest

from core.demo import demo_record
from core.grades import MotorGrade
from core.knowledge import Muscle
from core.trends import key_muscle_trend
from gui.widgets.trend_chart import TrendChart


def test_only_key_muscles_that_were_ever_weak_are_drawn_by_days_since_the_first_exam() -> None:
    trend = key_muscle_trend(demo_record())
    assert trend.first_exam == dt.date(2026, 2, 20)
    assert {s.label: s.points for s in trend.series} == {
        "left ankle dorsiflexion": ((0, 5), (17, 3), (59, 4)),
        "left big toe extension": ((0, 4), (17, 1), (59, 4)),
    }


def test_a_not_testable_grade_leaves_a_gap_and_4_minus_counts_as_4() -> None:
    record = demo_record()
    record.exams[1].motor.left[Muscle.ANKLE_DORSIFLEXION] = MotorGrade.NT
    record.exams[2].motor.left[Muscle.ANKLE_DORSIFLEXION] = MotorGrade("4-")
    series = {s.label: s.points for s in key_muscle_trend(record).series}
    assert series["left ankle dorsiflexion"] == ((0, 5), (59, 4))


def test_right_side_comes_before_left_like_the_exam_form() -> None:
    record = demo_record()
    record.exams[1].motor.right[Muscle.HIP_FLEXION] = MotorGrade("3")
    labels = [s.label for s in key_muscle_trend(record).series]
    assert labels[0] == "right hip flexion" and labels[1:] == [
        "left ankle dorsiflexion", "left big toe extension"]


@pytest.mark.usefixtures("qtbot")
def test_the_app_chart_reads_out_the_same_series() -> None:
    chart = TrendChart()
    chart.set_record(demo_record())
    assert chart.accessibleDescription() == ("left ankle dorsiflexion: 5, 3, 4; "
                                             "left big toe extension: 4, 1, 4")


def _exam_on(record: object, exam_id: str, date: dt.date, status: str, dorsiflexion: str) -> None:
    """Add a copy of the postoperative exam under another id, date and status."""
    from core.record import ExamStatus

    exam = record.exams[1].model_copy(deep=True)  # type: ignore[attr-defined]
    exam.id, exam.date, exam.status = exam_id, date, ExamStatus(status)
    if status == "draft":
        exam.signed_at = None
    exam.motor.left[Muscle.ANKLE_DORSIFLEXION] = MotorGrade(dorsiflexion)
    record.exams.append(exam)  # type: ignore[attr-defined]


def test_the_patient_page_draws_signed_exams_only_and_marks_the_operation() -> None:
    record = demo_record()
    _exam_on(record, "draft-1", dt.date(2026, 5, 1), "draft", "1")
    everything, signed = key_muscle_trend(record), key_muscle_trend(record, signed_only=True)
    assert dt.date(2026, 5, 1) in everything.exam_dates
    assert dt.date(2026, 5, 1) not in signed.exam_dates
    assert signed.exam_dates == (dt.date(2026, 2, 20), dt.date(2026, 3, 9), dt.date(2026, 4, 20))
    assert signed.operations == (dt.date(2026, 3, 2),)


@pytest.mark.usefixtures("qtbot")
def test_two_exams_on_one_day_stand_side_by_side_not_on_a_vertical_line() -> None:
    from PySide6.QtCore import QRectF

    record = demo_record()
    _exam_on(record, "same-day", dt.date(2026, 3, 9), "signed", "2")
    chart = TrendChart()
    chart.set_record(record)
    xs = chart._x_positions(QRectF(0, 0, 500, 100))
    assert len(xs) == 4 and xs == sorted(xs) and len(set(xs)) == 4
    assert xs[2] - xs[1] >= 10, "the second exam of 2026-03-09 is beside the first"


@pytest.mark.usefixtures("qtbot")
def test_the_chart_says_in_words_when_there_is_nothing_to_draw() -> None:
    from core.record import ExamStatus

    record = demo_record()
    for exam in record.exams:
        exam.status, exam.signed_at = ExamStatus.DRAFT, None
    chart = TrendChart()
    chart.set_record(record)
    assert chart.empty_text().startswith("No signed exam yet")
    assert "graded 5" not in chart.accessibleDescription()
    record = demo_record()
    for exam in record.exams:
        exam.motor.left[Muscle.ANKLE_DORSIFLEXION] = MotorGrade("5")
        exam.motor.left[Muscle.GREAT_TOE_EXTENSION] = MotorGrade("5")
    chart.set_record(record)
    assert chart.empty_text() == "Every key muscle was graded 5 in the 3 signed exams."
