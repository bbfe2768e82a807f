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
