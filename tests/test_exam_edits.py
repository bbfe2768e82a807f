"""Edits of an exam's findings (core/edits.py): each kind applied without Qt, then run as the app
runs it, through its one undo command (gui/session.py, ExamEditCommand) pushed onto a bare
QUndoStack over a real session and store: undone and redone, the exam and the stored draft checked
after each, and the Edit menu's words checked as a clinician reads them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from core.edits import (
    ContextField,
    EditError,
    ExamEdit,
    FillNormal,
    PainSite,
    SetContext,
    SetGrade,
    SetPain,
    SetRedFlag,
    SetSideTest,
)
from core.exam_items import FAMILY, SIDE_TEST, Section
from core.grades import MotorGrade, ReflexGrade, SensoryGrade
from core.knowledge import (
    Clonus,
    Dermatome,
    Muscle,
    NotTestableReason,
    RedFlag,
    Reflex,
    Side,
)
from core.record import Exam, ExamKind, Pain, Patient, PatientRecord
from core.store import Store

DAY = dt.date(2026, 3, 2)


def _exam() -> Exam:
    return Exam(id="e1", date=DAY, kind=ExamKind.INITIAL)


def test_an_nt_grade_keeps_its_reason_under_the_catalogue_key_and_a_new_grade_drops_it() -> None:
    exam = _exam()
    motor = FAMILY["motor"]
    SetGrade(motor, Side.LEFT, Muscle.GREAT_TOE_EXTENSION, MotorGrade.NT,
             NotTestableReason.PAIN).apply(exam)
    assert exam.nt_reasons == {"motor.left.great_toe_extension": NotTestableReason.PAIN}
    SetGrade(motor, Side.LEFT, Muscle.GREAT_TOE_EXTENSION, MotorGrade.G3).apply(exam)
    assert exam.motor_grade(Side.LEFT, Muscle.GREAT_TOE_EXTENSION) is MotorGrade.G3
    assert exam.nt_reasons == {}
    SetGrade(motor, Side.LEFT, Muscle.GREAT_TOE_EXTENSION, None).apply(exam)
    assert exam.motor.left == {}


def test_a_reason_without_nt_and_nt_without_a_reason_are_refused() -> None:
    exam = _exam()
    with pytest.raises(EditError, match="NT grade"):
        SetGrade(FAMILY["light_touch"], Side.RIGHT, Dermatome.L5, SensoryGrade.ALTERED,
                 NotTestableReason.PAIN).apply(exam)
    unasked = SetGrade(FAMILY["light_touch"], Side.RIGHT, Dermatome.L5, SensoryGrade.NT)
    assert unasked.needs_reason
    with pytest.raises(EditError, match="NT grade"):
        unasked.applied_to(exam)
    assert exam.light_touch.right is None


def test_red_flags_keep_their_order_and_pain_stays_within_0_to_10() -> None:
    exam = _exam()
    SetRedFlag(RedFlag.SADDLE_ANAESTHESIA, True).apply(exam)
    SetRedFlag(RedFlag.URINARY_RETENTION, True).apply(exam)
    assert exam.red_flags == [RedFlag.URINARY_RETENTION, RedFlag.SADDLE_ANAESTHESIA]
    SetRedFlag(RedFlag.SADDLE_ANAESTHESIA, False).apply(exam)
    assert exam.red_flags == [RedFlag.URINARY_RETENTION]
    SetPain(PainSite.LEG, 7).apply(exam)
    SetPain(PainSite.BACK, 2).apply(exam)
    SetPain(PainSite.LEG, None).apply(exam)
    assert exam.pain is not None and (exam.pain.leg, exam.pain.back) == (None, 2)
    with pytest.raises(ValueError):
        SetPain(PainSite.BACK, 11).applied_to(exam)
    assert exam.pain.back == 2


def test_context_edits_are_validated_like_the_record() -> None:
    exam = _exam()
    SetContext(ContextField.KIND, ExamKind.FOLLOW_UP).apply(exam)
    SetContext(ContextField.DATE, DAY + dt.timedelta(days=1)).apply(exam)
    assert (exam.kind, exam.date) == (ExamKind.FOLLOW_UP, DAY + dt.timedelta(days=1))
    with pytest.raises(ValueError):
        SetContext(ContextField.KIND, "sometime").applied_to(exam)


def _started() -> Exam:
    """An exam part way through, with what an inverse must put back exactly: an NT grade with
    its reason, a count of clonus beats, pain of one site, red flags never asked (None, not [])."""
    exam = _exam()
    exam.motor.left = {Muscle.GREAT_TOE_EXTENSION: MotorGrade.NT}
    exam.nt_reasons = {"motor.left.great_toe_extension": NotTestableReason.PAIN}
    exam.clonus.left = 3
    exam.pain = Pain(leg=5)
    return exam


EVERY_KIND: list[tuple[ExamEdit, str]] = [
    (SetGrade(FAMILY["motor"], Side.LEFT, Muscle.GREAT_TOE_EXTENSION, MotorGrade.G3),
     "Big toe extension, left: 3"),
    (SetGrade(FAMILY["motor"], Side.LEFT, Muscle.GREAT_TOE_EXTENSION, None),
     "Big toe extension, left: cleared"),
    (SetGrade(FAMILY["light_touch"], Side.RIGHT, Dermatome.L5, SensoryGrade.NT,
              NotTestableReason.IMMOBILISATION),
     "Light touch L5, right: NT (cast or immobilisation)"),
    (SetGrade(FAMILY["pin_prick"], Side.LEFT, Dermatome.S1, SensoryGrade.ABSENT),
     "Pin prick S1, left: 0"),
    (SetGrade(FAMILY["reflexes"], Side.LEFT, Reflex.ACHILLES, ReflexGrade.ABSENT),
     "Achilles (ankle jerk) reflex, left: 0"),
    (SetSideTest(SIDE_TEST["clonus"], Side.LEFT, Clonus.SUSTAINED),
     "Ankle clonus, left: sustained"),
    (SetSideTest(SIDE_TEST["clonus"], Side.LEFT, None), "Ankle clonus, left: not examined"),
    (SetSideTest(SIDE_TEST["straight_leg_raise"], Side.RIGHT, 40),
     "Straight leg raise, right: positive at 40°"),
    (SetRedFlag(RedFlag.URINARY_RETENTION, True),
     "Urinary retention or difficulty starting to pass urine: present"),
    (SetPain(PainSite.BACK, 2), "Back pain: 2"),
    (SetPain(PainSite.LEG, None), "Leg pain: not scored"),
    (SetContext(ContextField.KIND, ExamKind.FOLLOW_UP), "Kind of exam: follow-up"),
    (SetContext(ContextField.DATE, DAY - dt.timedelta(days=1)), "Date: 2026-03-01"),
    (SetContext(ContextField.EXAMINER, "Dr K"), "Examiner: Dr K"),
    (FillNormal(Section.MOTOR), "Rest normal: motor"),
    (FillNormal(Section.FUNCTION, frozenset({("heel_walk", Side.LEFT, "")})),
     "Rest normal: function"),
    (FillNormal(Section.RED_FLAGS), "Rest normal: red flags"),
]


@pytest.mark.parametrize(("edit", "words"), EVERY_KIND, ids=lambda c: str(c)[:40])
def test_every_kind_of_edit_changes_only_its_fields_and_its_inverse_restores_them(
        edit: ExamEdit, words: str) -> None:
    before = _started()
    after = edit.applied_to(before)
    assert after != before and before == _started()  # applied to a copy
    changed = {name for name in Exam.model_fields if getattr(after, name) != getattr(before, name)}
    assert changed and changed <= set(edit.fields)
    assert edit.inverse(before).applied_to(after) == before
    assert edit.words() == words


def test_the_named_results_of_some_edits() -> None:
    exam = _started()
    assert SetRedFlag(RedFlag.URINARY_RETENTION, False).applied_to(exam).red_flags == []
    filled = FillNormal(Section.FUNCTION, frozenset({("heel_walk", Side.LEFT, "")})).applied_to(exam)
    assert filled.heel_walk.left is None and filled.heel_walk.right is SIDE_TEST["heel_walk"].normal
    assert filled.toe_walk.left is SIDE_TEST["toe_walk"].normal
    motor = FillNormal(Section.MOTOR).applied_to(exam)
    assert motor.motor_grade(Side.LEFT, Muscle.GREAT_TOE_EXTENSION) is MotorGrade.NT  # kept
    assert motor.motor_grade(Side.RIGHT, Muscle.HIP_FLEXION) is MotorGrade.G5
    assert motor.nt_reasons == exam.nt_reasons


@pytest.fixture
def session(qtbot: Any, tmp_path: Path) -> Any:
    from gui.session import ExamSession

    store = Store(f"sqlite:///{tmp_path / 'edits.db'}", actor="tester")
    record = PatientRecord(patient=Patient(id="P-1", family_name="Keyes", given_name="Robin"))
    store.save_patient(record.patient)
    exam = _started()
    revision = store.save_draft("P-1", exam, 0)
    return ExamSession(store, store.load_record("P-1"), exam, revision)


@pytest.mark.parametrize(("edit", "words"), EVERY_KIND, ids=lambda c: str(c)[:40])
def test_the_one_undo_command_undoes_and_redoes_every_kind_of_edit(
        session: Any, edit: ExamEdit, words: str) -> None:
    from gui.session import ExamEditCommand

    stack = QUndoStack()
    before = session.exam
    after = edit.applied_to(before)
    stack.push(ExamEditCommand(session, edit))
    stored = lambda: session.store.load_exam("P-1", "e1").exam  # noqa: E731
    assert session.exam == after == stored()
    assert stack.undoText() == words
    stack.undo()
    assert session.exam == before == stored()
    stack.redo()
    assert session.exam == after == stored()


def test_edits_stacked_undo_in_reverse_order_to_the_exam_they_started_from(session: Any) -> None:
    from gui.session import ExamEditCommand

    stack = QUndoStack()
    start = session.exam
    states = [start]
    for edit, _ in EVERY_KIND:
        stack.push(ExamEditCommand(session, edit))
        states.append(session.exam)
    for state in reversed(states[:-1]):
        stack.undo()
        assert session.exam == state
    assert session.exam == start
    for state in states[1:]:
        stack.redo()
        assert session.exam == state


def test_the_session_refuses_an_edit_that_changes_nothing_and_one_the_record_refuses(
        session: Any) -> None:
    assert not session.apply(SetPain(PainSite.LEG, 5))  # already 5: nothing to undo
    with pytest.raises(ValueError):
        session.apply(SetPain(PainSite.LEG, 11))
    assert session.undo_stack.count() == 0 and session.exam == _started()
