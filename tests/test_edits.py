"""The record edits the app performs, without Qt: kinds and ids decided by the core."""

from __future__ import annotations

import datetime as dt

import pytest

from core.demo import demo_record
from core.edits import (
    EditError,
    add_surgery,
    discard_draft,
    edit_surgery,
    kind_for_new_exam,
    new_exam,
    next_surgery_id,
)
from core.engine.context import POSTOPERATIVE_WINDOW_DAYS
from core.knowledge import DiscLevel
from core.record import Exam, ExamKind, ExamStatus, Patient, PatientRecord, Surgery, SurgerySide

OPERATED = dt.date(2026, 3, 2)


def record_with(*surgeries: Surgery, exams: tuple[Exam, ...] = ()) -> PatientRecord:
    return PatientRecord(patient=Patient(id="MRN-1", family_name="Doe", given_name="Jo"),
                         surgeries=list(surgeries), exams=list(exams))


def surgery(surgery_id: str = "op-1", day: dt.date = OPERATED) -> Surgery:
    return Surgery(id=surgery_id, level=DiscLevel.L4_L5, side=SurgerySide.LEFT, date=day)


@pytest.mark.parametrize(("days_after", "kind"), [
    (-1, ExamKind.PREOPERATIVE), (0, ExamKind.POSTOPERATIVE), (14, ExamKind.POSTOPERATIVE),
    (15, ExamKind.POSTOPERATIVE), (POSTOPERATIVE_WINDOW_DAYS, ExamKind.POSTOPERATIVE),
    (POSTOPERATIVE_WINDOW_DAYS + 1, ExamKind.FOLLOW_UP)])
def test_new_exam_kind_follows_the_engines_postoperative_window(days_after: int,
                                                                 kind: ExamKind) -> None:
    day = OPERATED + dt.timedelta(days=days_after)
    exam = new_exam(record_with(surgery()), day, "Dr A")
    assert (exam.kind, exam.surgery_id, exam.date, exam.examiner) == (kind, "op-1", day, "Dr A")
    assert exam.status is ExamStatus.DRAFT


def test_new_exam_without_an_operation_is_initial_and_before_a_planned_one_preoperative() -> None:
    assert kind_for_new_exam(record_with(), OPERATED) is ExamKind.INITIAL
    past, planned = surgery("op-1", OPERATED), surgery("op-2", OPERATED + dt.timedelta(days=200))
    exam = new_exam(record_with(past, planned), OPERATED + dt.timedelta(days=100), "")
    assert (exam.kind, exam.surgery_id) == (ExamKind.PREOPERATIVE, "op-2")


def test_new_exam_ids_are_never_reused_even_after_a_discard() -> None:
    first = new_exam(record_with(), OPERATED, "")
    record = record_with(exams=(first,))
    second = new_exam(record, OPERATED, "")
    assert (first.id, second.id) == ("exam-2026-03-02-1", "exam-2026-03-02-2")
    # The second draft is discarded: its id is retired, the next exam of the day gets a third.
    third = new_exam(record, OPERATED, "", retired=[second.id])
    assert third.id == "exam-2026-03-02-3"


def test_new_operation_id_is_above_every_used_one() -> None:
    only_op2 = record_with(surgery("op-2"))
    assert next_surgery_id(only_op2) == "op-3"
    assert next_surgery_id(record_with()) == "op-1"
    assert next_surgery_id(record_with(surgery("op-1")), retired=["op-7"]) == "op-8"


def test_adding_an_operation_whose_id_is_taken_is_refused_not_a_replacement() -> None:
    record = record_with(surgery("op-2"))
    with pytest.raises(EditError, match="op-2 exists already.*op-3"):
        add_surgery(record, surgery("op-2", OPERATED + dt.timedelta(days=30)))
    assert record.surgeries == [surgery("op-2")]
    added = add_surgery(record, surgery("op-3", OPERATED + dt.timedelta(days=30)))
    assert [s.id for s in added.surgeries] == ["op-2", "op-3"]


def test_editing_an_operation_changes_only_that_one_and_refuses_an_unknown_id() -> None:
    record = record_with(surgery("op-1"), surgery("op-2"))
    changed = surgery("op-2").model_copy(update={"level": DiscLevel.L5_S1})
    edited = edit_surgery(record, changed)
    assert edited.surgery("op-2") == changed and edited.surgery("op-1") == surgery("op-1")
    with pytest.raises(EditError, match="no operation op-9"):
        edit_surgery(record, surgery("op-9"))


def test_a_draft_can_be_discarded_a_signed_exam_never() -> None:
    record = demo_record()
    signed = next(e for e in record.exams if e.status is ExamStatus.SIGNED)
    with pytest.raises(EditError, match="signed and cannot be discarded"):
        discard_draft(record, signed.id)
    draft = new_exam(record, dt.date(2026, 6, 1), "")
    with_draft = record.model_copy(update={"exams": [*record.exams, draft]})
    assert discard_draft(with_draft, draft.id).exams == record.exams
    with pytest.raises(EditError, match="no exam"):
        discard_draft(record, "exam-none")
