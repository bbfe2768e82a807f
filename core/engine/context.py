"""The situation of one exam in the patient's history: baseline, previous exam, surgery."""

from __future__ import annotations

from dataclasses import dataclass

from core.record import Exam, ExamKind, PatientRecord, Surgery

POSTOPERATIVE_WINDOW_DAYS = 42
"""Up to six weeks after an operation a new deficit is treated as a post-operative event; six
weeks is also the point after which an unchanged deficit is called persistent (clinical-reference
section 9)."""

PROGRESSION_WINDOW_DAYS = 14
"""Two exams at most this far apart that show falling strength show progressive weakness; the
product's reading of "a few days apart" (clinical-reference section 9)."""


@dataclass(frozen=True)
class ExamContext:
    """One exam with what it is compared against."""

    record: PatientRecord
    exam: Exam
    baseline: Exam | None
    """The latest preoperative exam before this one."""
    previous: Exam | None
    """The latest exam of any kind before this one."""
    surgery: Surgery | None
    """The operation this exam relates to, if any."""

    @property
    def comparison(self) -> Exam | None:
        """What changes are measured against: the baseline, else the previous exam."""
        return self.baseline or self.previous

    @property
    def days_since_surgery(self) -> int | None:
        """Days from the operation to this exam; negative before it; None without a surgery."""
        return None if self.surgery is None else (self.exam.date - self.surgery.date).days

    @property
    def is_postoperative(self) -> bool:
        """True when the exam is after the operation it relates to, from the day of it (day 0)."""
        return self.surgery is not None and after_operation(self.exam, self.surgery)

    @property
    def in_postoperative_window(self) -> bool:
        """True from the day of the operation (day 0) to six weeks after it."""
        days = self.days_since_surgery
        return self.is_postoperative and days is not None and days <= POSTOPERATIVE_WINDOW_DAYS

    @property
    def is_day_of_operation(self) -> bool:
        """True for an exam after the operation on the same day (day 0)."""
        return self.is_postoperative and self.days_since_surgery == 0

    def same_epoch(self, earlier: Exam) -> bool:
        """True when no operation lies between ``earlier`` and this exam: a preoperative and a
        post-operative exam of the same day compare as before and after the operation."""
        return not any(not after_operation(earlier, s) and after_operation(self.exam, s)
                       for s in self.record.surgeries)

    def postoperative_exams_before(self) -> list[Exam]:
        """Earlier exams after the same operation (for the best grade since the operation)."""
        surgery = self.surgery
        if surgery is None or not self.is_postoperative:
            return []
        ordered = self.record.exams_by_date()
        earlier = ordered[: _position(ordered, self.exam)]
        return [e for e in earlier if after_operation(e, surgery)]


def _position(ordered: list[Exam], exam: Exam) -> int:
    """Where ``exam`` itself stands (by identity: comparing models field by field is slow)."""
    return next(i for i, candidate in enumerate(ordered) if candidate is exam)


def after_operation(exam: Exam, surgery: Surgery) -> bool:
    """True when ``exam`` was taken after ``surgery``: on a later day, or on its day unless it is
    the preoperative (or initial) exam. Day 0 counts as after (clinical-reference section 9)."""
    if exam.date != surgery.date:
        return exam.date > surgery.date
    return exam.kind not in (ExamKind.PREOPERATIVE, ExamKind.INITIAL)


def _relevant_surgery(record: PatientRecord, exam: Exam) -> Surgery | None:
    """The exam's own surgery; else the latest one on or before its date; else, for a
    preoperative exam, the next one planned after it."""
    named = record.surgery(exam.surgery_id)
    if named is not None:
        return named
    before = [s for s in record.surgeries if s.date <= exam.date]
    if before:
        return max(before, key=lambda s: s.date)
    if exam.kind is ExamKind.PREOPERATIVE:
        after = [s for s in record.surgeries if s.date > exam.date]
        return min(after, key=lambda s: s.date) if after else None
    return None


def exam_context(record: PatientRecord, exam_id: str | None = None) -> ExamContext:
    """The context of ``exam_id``, or of the latest exam when no id is given."""
    ordered = record.exams_by_date()
    if not ordered:
        raise LookupError("the record has no exams")
    if exam_id is None:
        current = ordered[-1]
    else:
        found = record.exam(exam_id)
        if found is None:
            known = ", ".join(e.id for e in ordered)
            raise LookupError(f"no exam {exam_id!r} in this record; exams: {known}")
        current = found
    earlier = ordered[: _position(ordered, current)]
    preoperative = [e for e in earlier if e.kind is ExamKind.PREOPERATIVE]
    return ExamContext(
        record=record,
        exam=current,
        baseline=preoperative[-1] if preoperative else None,
        previous=earlier[-1] if earlier else None,
        surgery=_relevant_surgery(record, current),
    )
