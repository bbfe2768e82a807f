"""The record edits the app performs, without Qt: kinds and ids decided by the core."""

from __future__ import annotations

import datetime as dt

import pytest

from core.edits import (
    EditError,
    add_surgery,
    check_discard,
    finish_amendment,
    kind_for_new_exam,
    new_exam,
    next_surgery_id,
    sign,
    start_amendment,
)
from core.engine.context import POSTOPERATIVE_WINDOW_DAYS
from core.knowledge import DiscLevel
from core.record import (
    Exam,
    ExamKind,
    ExamStatus,
    Patient,
    PatientRecord,
    Signer,
    Surgery,
    SurgerySide,
)

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


def test_a_draft_can_be_discarded_a_signed_exam_never() -> None:
    check_discard("exam-1", ExamStatus.DRAFT, signed_before=False)
    with pytest.raises(EditError, match="exam-1 is signed and is never discarded; amend it"):
        check_discard("exam-1", ExamStatus.SIGNED, signed_before=True)
    # A draft again because an amendment is under way: its signed revisions stay.
    with pytest.raises(EditError, match="never discarded"):
        check_discard("exam-1", ExamStatus.DRAFT, signed_before=True)


AT = dt.datetime(2026, 3, 16, 9, 30, tzinfo=dt.UTC)
ADA = Signer(login="ada", name="Dr Ada Byron")


def test_signing_makes_the_exam_read_only_by_the_signer_at_that_time() -> None:
    draft = new_exam(record_with(surgery()), OPERATED, "")
    signed = sign(draft, "Dr Ada Byron", ADA, AT)
    assert (signed.status, signed.examiner, signed.signed_at, signed.signed_by) == (
        ExamStatus.SIGNED, "Dr Ada Byron", AT, ADA)
    assert draft.status is ExamStatus.DRAFT and draft.signed_by is None  # a copy, not in place
    with pytest.raises(EditError, match="signed by a named examiner"):
        sign(draft, "  ", ADA, AT)


def test_an_amendment_needs_a_signed_exam_and_a_reason_and_is_signed_again() -> None:
    draft = new_exam(record_with(surgery()), OPERATED, "Dr Ada Byron")
    with pytest.raises(EditError, match="Only a signed exam is amended"):
        start_amendment(draft, "wrong side")
    signed = sign(draft, "Dr Ada Byron", ADA, AT)
    with pytest.raises(EditError, match="needs a reason"):
        start_amendment(signed, "   ")
    assert start_amendment(signed, "  L5 was graded on the wrong side ") == (
        "L5 was graded on the wrong side")
    colleague, later = Signer(login="bo", name="Dr Bo"), AT + dt.timedelta(days=1)
    amended = finish_amendment(signed, "wrong side", colleague, later)
    assert (amended.status, amended.examiner, amended.signed_by, amended.signed_at) == (
        ExamStatus.SIGNED, "Dr Ada Byron", colleague, later)
    assert signed.signed_by == ADA
    with pytest.raises(EditError, match="needs a reason"):
        finish_amendment(signed, "", colleague, later)
