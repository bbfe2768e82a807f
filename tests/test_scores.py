"""LEMS and lower-limb sensory subtotals on hand-made exams."""

from __future__ import annotations

import datetime as dt

from core.grades import MotorGrade, SensoryGrade
from core.knowledge import Dermatome, Muscle, SensoryModality, Side
from core.normal import fill_normal
from core.record import Exam, ExamKind
from core.scores import lems, sensory_subtotal


def normal_exam() -> Exam:
    return fill_normal(Exam(id="e", date=dt.date(2026, 1, 1), kind=ExamKind.INITIAL))


def test_normal_exam_scores_the_maximum() -> None:
    exam = normal_exam()
    assert lems(exam).as_dict() == {"left": 25, "right": 25, "total": 50}
    assert sensory_subtotal(exam, SensoryModality.PIN_PRICK).as_dict() == \
        {"left": 18, "right": 18, "total": 36}


def test_grade_4_minus_and_plus_count_as_4_and_non_key_muscles_do_not_count() -> None:
    exam = normal_exam()
    exam.motor.left = {**(exam.motor.left or {}), Muscle.HIP_FLEXION: MotorGrade.G4_MINUS,
                       Muscle.KNEE_EXTENSION: MotorGrade.G4_PLUS,
                       Muscle.GREAT_TOE_EXTENSION: MotorGrade.G2,
                       Muscle.HIP_ABDUCTION: MotorGrade.G0}
    assert lems(exam).as_dict() == {"left": 4 + 4 + 5 + 2 + 5, "right": 25, "total": 45}


def test_one_nt_key_muscle_makes_its_side_and_the_total_nd() -> None:
    exam = normal_exam()
    exam.motor.right = {**(exam.motor.right or {}), Muscle.ANKLE_PLANTARFLEXION: MotorGrade.NT}
    assert lems(exam).as_dict() == {"left": 25, "right": "ND", "total": "ND"}


def test_a_key_muscle_not_examined_makes_the_score_nd() -> None:
    exam = normal_exam()
    exam.motor.left = {m: g for m, g in (exam.motor.left or {}).items()
                       if m is not Muscle.ANKLE_DORSIFLEXION}
    assert lems(exam).left == "ND"


def test_sensory_subtotal_counts_absent_altered_and_nt() -> None:
    exam = normal_exam()
    exam.light_touch.left = {**(exam.light_touch.left or {}), Dermatome.L5: SensoryGrade.ABSENT,
                             Dermatome.S1: SensoryGrade.ALTERED}
    exam.light_touch.right = {**(exam.light_touch.right or {}), Dermatome.S4_5: SensoryGrade.NT}
    subtotal = sensory_subtotal(exam, SensoryModality.LIGHT_TOUCH)
    assert (subtotal.left, subtotal.right, subtotal.total) == (18 - 2 - 1, "ND", "ND")
    assert sensory_subtotal(exam, SensoryModality.PIN_PRICK).left == 18
    assert Side.LEFT.other is Side.RIGHT
