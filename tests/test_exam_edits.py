"""Edits of an exam's findings (core/edits.py), without Qt and as the app's undo commands run
them: pushed onto a bare QUndoStack, undone and redone, the exam checked after each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from core.edits import (
    ContextField,
    EditError,
    PainSite,
    set_context,
    set_grade,
    set_pain,
    set_red_flag,
    set_side_test,
)
from core.exam_items import FAMILY, SIDE_TEST
from core.grades import MotorGrade, SensoryGrade
from core.knowledge import Dermatome, Muscle, NotTestableReason, RedFlag, Side
from core.record import Clonus, Exam, ExamKind

DAY = dt.date(2026, 3, 2)


def _exam() -> Exam:
    return Exam(id="e1", date=DAY, kind=ExamKind.INITIAL)


def test_an_nt_grade_keeps_its_reason_under_the_catalogue_key_and_a_new_grade_drops_it() -> None:
    exam = _exam()
    motor = FAMILY["motor"]
    set_grade(exam, motor, Side.LEFT, Muscle.GREAT_TOE_EXTENSION, MotorGrade.NT,
              NotTestableReason.PAIN)
    assert exam.nt_reasons == {"motor.left.great_toe_extension": NotTestableReason.PAIN}
    set_grade(exam, motor, Side.LEFT, Muscle.GREAT_TOE_EXTENSION, MotorGrade.G3)
    assert exam.motor_grade(Side.LEFT, Muscle.GREAT_TOE_EXTENSION) is MotorGrade.G3
    assert exam.nt_reasons == {}
    set_grade(exam, motor, Side.LEFT, Muscle.GREAT_TOE_EXTENSION, None)
    assert exam.motor.left == {}


def test_a_reason_without_nt_and_nt_without_a_reason_are_refused() -> None:
    exam = _exam()
    with pytest.raises(EditError, match="NT grade"):
        set_grade(exam, FAMILY["light_touch"], Side.RIGHT, Dermatome.L5, SensoryGrade.ALTERED,
                  NotTestableReason.PAIN)
    with pytest.raises(EditError, match="NT grade"):
        set_grade(exam, FAMILY["light_touch"], Side.RIGHT, Dermatome.L5, SensoryGrade.NT)
    assert exam.light_touch.right is None


def test_red_flags_keep_their_order_and_pain_stays_within_0_to_10() -> None:
    exam = _exam()
    set_red_flag(exam, RedFlag.SADDLE_ANAESTHESIA, True)
    set_red_flag(exam, RedFlag.URINARY_RETENTION, True)
    assert exam.red_flags == [RedFlag.URINARY_RETENTION, RedFlag.SADDLE_ANAESTHESIA]
    set_red_flag(exam, RedFlag.SADDLE_ANAESTHESIA, False)
    assert exam.red_flags == [RedFlag.URINARY_RETENTION]
    set_pain(exam, PainSite.LEG, 7)
    set_pain(exam, PainSite.BACK, 2)
    set_pain(exam, PainSite.LEG, None)
    assert exam.pain is not None and (exam.pain.leg, exam.pain.back) == (None, 2)
    with pytest.raises(ValueError):
        set_pain(exam, PainSite.BACK, 11)
    assert exam.pain.back == 2


def test_context_edits_are_validated_like_the_record() -> None:
    exam = _exam()
    set_context(exam, ContextField.KIND, ExamKind.FOLLOW_UP)
    set_context(exam, ContextField.DATE, DAY + dt.timedelta(days=1))
    assert (exam.kind, exam.date) == (ExamKind.FOLLOW_UP, DAY + dt.timedelta(days=1))
    with pytest.raises(ValueError):
        set_context(exam, ContextField.KIND, "sometime")


class _Edit(QUndoCommand):
    """The app's undo command in miniature: the exam before and after one core edit."""

    def __init__(self, holder: list[Exam], change: Callable[[Exam], None]) -> None:
        super().__init__("edit")
        self.holder, self.before = holder, holder[0]
        self.after = holder[0].model_copy(deep=True)
        change(self.after)

    def redo(self) -> None:
        self.holder[0] = self.after

    def undo(self) -> None:
        self.holder[0] = self.before


def test_edits_pushed_on_an_undo_stack_undo_and_redo_exactly() -> None:
    holder = [_exam()]
    stack = QUndoStack()
    stack.push(_Edit(holder, lambda e: set_side_test(e, SIDE_TEST["clonus"], Side.LEFT, 3)))
    stack.push(_Edit(holder, lambda e: set_grade(e, FAMILY["reflexes"], Side.RIGHT,
                                                list(FAMILY["reflexes"].keys)[0],
                                                FAMILY["reflexes"].normal)))
    stack.push(_Edit(holder, lambda e: set_side_test(e, SIDE_TEST["clonus"], Side.LEFT,
                                                     Clonus.SUSTAINED)))
    assert holder[0].clonus.left is Clonus.SUSTAINED
    stack.undo()
    assert holder[0].clonus.left == 3
    stack.undo()
    assert holder[0].reflexes.right is None
    stack.undo()
    assert holder[0].clonus.left is None
    stack.redo()
    stack.redo()
    assert holder[0].clonus.left == 3 and holder[0].reflexes.right is not None
