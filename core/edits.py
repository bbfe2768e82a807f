"""The edits the app makes to a record, as plain functions: new exams, operations, discarding
drafts. Kinds and ids are decided here, once, so that the app only shows and asks.

Ids are never reused: a new id is one above the highest number ever given in its series, counting
the ids still in the record and the ``retired`` ones (discarded drafts, which the store lists from
its audit log). An operation whose id is taken is refused, never saved over the one there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from core.engine.context import POSTOPERATIVE_WINDOW_DAYS
from core.exam_items import Family, SideTest
from core.knowledge import NotTestableReason, RedFlag, Side
from core.record import Exam, ExamKind, ExamStatus, Pain, PatientRecord, Surgery


class EditError(ValueError):
    """An edit the record does not allow, with the reason in words."""


def _next_number(prefix: str, ids: Iterable[str]) -> int:
    """One above the highest ``{prefix}N`` among ``ids`` (1 when there is none)."""
    pattern = re.compile(re.escape(prefix) + r"(\d{1,9})$")
    numbers = [int(found.group(1)) for i in ids if (found := pattern.match(i))]
    return max(numbers, default=0) + 1


def surgery_for_new_exam(record: PatientRecord, day: dt.date) -> Surgery | None:
    """The operation an exam on ``day`` relates to: the next one planned after it, else the
    latest on or before it (the engine's own rule for a preoperative exam's operation)."""
    planned = [s for s in record.surgeries if s.date > day]
    if planned:
        return min(planned, key=lambda s: s.date)
    return max(record.surgeries, key=lambda s: s.date, default=None)


def kind_for_new_exam(record: PatientRecord, day: dt.date) -> ExamKind:
    """Initial without an operation; preoperative before a planned one; post-operative from its
    day to the engine's post-operative window (six weeks); follow-up after that."""
    surgery = surgery_for_new_exam(record, day)
    if surgery is None:
        return ExamKind.INITIAL
    if surgery.date > day:
        return ExamKind.PREOPERATIVE
    if (day - surgery.date).days <= POSTOPERATIVE_WINDOW_DAYS:
        return ExamKind.POSTOPERATIVE
    return ExamKind.FOLLOW_UP


def new_exam(record: PatientRecord, day: dt.date, examiner: str,
             retired: Iterable[str] = ()) -> Exam:
    """A new draft exam on ``day``: its kind, operation and an id never used for this patient."""
    surgery = surgery_for_new_exam(record, day)
    prefix = f"exam-{day.isoformat()}-"
    number = _next_number(prefix, [*(e.id for e in record.exams), *retired])
    return Exam(id=f"{prefix}{number}", date=day, kind=kind_for_new_exam(record, day),
                surgery_id=surgery.id if surgery else None, examiner=examiner)


def next_surgery_id(record: PatientRecord, retired: Iterable[str] = ()) -> str:
    """The id for a new operation: ``op-N`` above every ``op-`` number the record has used
    (a patient whose only operation is op-2 gets op-3, never a second op-2)."""
    return f"op-{_next_number('op-', [*(s.id for s in record.surgeries), *retired])}"


def add_surgery(record: PatientRecord, surgery: Surgery) -> PatientRecord:
    """The record with a new operation; refused when its id is taken."""
    if record.surgery(surgery.id) is not None:
        raise EditError(f"Operation {surgery.id} exists already; a new operation needs a new id "
                        f"(the next free one is {next_surgery_id(record)}).")
    return record.model_copy(update={"surgeries": [*record.surgeries, surgery]})


def edit_surgery(record: PatientRecord, surgery: Surgery) -> PatientRecord:
    """The record with an operation's details changed (same id); refused for an unknown id."""
    if record.surgery(surgery.id) is None:
        raise EditError(f"There is no operation {surgery.id} to change.")
    return record.model_copy(update={"surgeries": [surgery if s.id == surgery.id else s
                                                   for s in record.surgeries]})


def discard_draft(record: PatientRecord, exam_id: str) -> PatientRecord:
    """The record without a draft exam; a signed exam is never discarded (amend it instead)."""
    exam = record.exam(exam_id)
    if exam is None:
        raise EditError(f"There is no exam {exam_id} to discard.")
    if exam.status is ExamStatus.SIGNED:
        raise EditError(f"Exam {exam_id} is signed and cannot be discarded; amend it instead.")
    return record.model_copy(update={"exams": [e for e in record.exams if e.id != exam_id]})


# --------------------------------------------------------------------------------------------
# Edits of one exam's findings: each changes the exam in place (the app's undo keeps a copy).
# --------------------------------------------------------------------------------------------


def set_grade(exam: Exam, family: Family, side: Side, key: Any, grade: Any | None,
              reason: NotTestableReason | None = None) -> None:
    """Set (or clear, with None) one graded item; an NT grade keeps its reason, any other value
    drops the reason the item had."""
    if (reason is not None) != (grade is not None and grade.value == "NT"):
        raise EditError("A not-testable reason goes with an NT grade, and only with one.")
    by_side = getattr(exam, family.field)
    values = dict(by_side.get(side) or {})
    if grade is None:
        values.pop(key, None)
    else:
        values[key] = grade
    by_side.set(side, values)
    path = family.nt_key(side, key)
    reasons = dict(exam.nt_reasons)
    reasons.pop(path, None)
    if reason is not None:
        reasons[path] = reason
    exam.nt_reasons = reasons


def set_side_test(exam: Exam, test: SideTest, side: Side, value: Any | None) -> None:
    """Set (or clear, with None) a per-side test's value."""
    getattr(exam, test.field).set(side, value)


def set_red_flag(exam: Exam, flag: RedFlag, present: bool) -> None:
    """Mark a red flag present or absent; the others asked stay as they are, in the flags'
    own order."""
    flags = set(exam.red_flags or [])
    flags = flags | {flag} if present else flags - {flag}
    exam.red_flags = sorted(flags, key=list(RedFlag).index)


class PainSite(StrEnum):
    """Where the pain is scored."""

    LEG = "leg"
    BACK = "back"


def set_pain(exam: Exam, which: PainSite, score: int | None) -> None:
    """Set (or clear, with None) the leg or back pain score (0-10)."""
    scores = exam.pain.model_dump() if exam.pain is not None else {}
    exam.pain = Pain.model_validate({**scores, which.value: score})  # 0-10, or refused


class ContextField(StrEnum):
    """The exam's own details, set on the context step."""

    KIND = "kind"
    DATE = "date"
    SURGERY = "surgery_id"
    EXAMINER = "examiner"


def set_context(exam: Exam, field: ContextField, value: Any) -> None:
    """Set the exam's kind, date, operation or examiner (validated as the record requires)."""
    setattr(exam, field.value, value)
