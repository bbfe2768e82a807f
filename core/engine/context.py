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
        """True when the exam is after the operation it relates to."""
        days = self.days_since_surgery
        return days is not None and days > 0

    @property
    def in_postoperative_window(self) -> bool:
        """True within six weeks after the operation."""
        days = self.days_since_surgery
        return days is not None and 0 < days <= POSTOPERATIVE_WINDOW_DAYS

    def same_epoch(self, earlier: Exam) -> bool:
        """True when no operation lies between ``earlier`` and this exam."""
        return not any(earlier.date < s.date <= self.exam.date for s in self.record.surgeries)


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
    earlier = ordered[: ordered.index(current)]
    preoperative = [e for e in earlier if e.kind is ExamKind.PREOPERATIVE]
    return ExamContext(
        record=record,
        exam=current,
        baseline=preoperative[-1] if preoperative else None,
        previous=earlier[-1] if earlier else None,
        surgery=_relevant_surgery(record, current),
    )
