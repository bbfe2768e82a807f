"""The edits the app makes to a record: new exams, operations, signing and amending, which
drafts may be discarded (plain functions), and the edits of one exam's findings (values that
apply themselves and give their inverse). Kinds, ids and what signing changes are decided here,
once, so that the app only shows and asks, and the store only checks who signs and keeps it.

Ids are never reused: a new id is one above the highest number ever given in its series, counting
the ids still in the record and the ``retired`` ones (discarded drafts, which the store lists from
its audit log). An operation whose id is taken is refused, never saved over the one there.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from core.engine.context import POSTOPERATIVE_WINDOW_DAYS
from core.exam_items import ENGLISH, Family, Section, SideTest, section_fields
from core.i18n import Translator, render
from core.knowledge import NOT_TESTABLE_REASON_LABELS, RED_FLAGS, NotTestableReason, RedFlag, Side
from core.normal import ItemPlace, fill_normal
from core.record import Exam, ExamKind, ExamStatus, Pain, PatientRecord, Signer, Surgery


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


def check_discard(exam_id: str, status: ExamStatus, signed_before: bool) -> None:
    """Refuse to discard a signed exam, or a draft that was signed before (an amendment under
    way): its signed revisions are the record's history, changed only by amendment. The store
    asks this inside the transaction that would remove the draft (core/store/drafts.py)."""
    if status is not ExamStatus.DRAFT or signed_before:
        raise EditError(f"Exam {exam_id} is signed and is never discarded; amend it instead.")


def sign(exam: Exam, examiner: str, signer: Signer, at: dt.datetime) -> Exam:
    """``exam`` signed: read-only from now on, by ``signer`` (the login that signs) at ``at``,
    ``examiner`` the name the reports print. Refused without a named examiner. The store checks
    the signer's password and keeps the signed exam as a revision (Store.sign_exam)."""
    if not examiner.strip():
        raise EditError("An exam is signed by a named examiner.")
    return exam.model_copy(update={"status": ExamStatus.SIGNED, "examiner": examiner,
                                   "signed_at": at, "signed_by": signer})


def start_amendment(exam: Exam, reason: str) -> str:
    """The reason an amendment of ``exam`` keeps, once it may start: only a signed exam is
    amended (a draft is simply edited), and never without a reason."""
    if exam.status is not ExamStatus.SIGNED:
        raise EditError("Only a signed exam is amended; a draft is simply edited.")
    return _amendment_reason(reason)


def finish_amendment(exam: Exam, reason: str, signer: Signer, at: dt.datetime) -> Exam:
    """The amended exam, signed again by whoever amends (``signer``) at ``at``; the examiner
    stays the one who examined. The store keeps it as a new revision with ``reason``, the old
    revision unchanged (Store.amend_exam)."""
    _amendment_reason(reason)
    return exam.model_copy(update={"status": ExamStatus.SIGNED, "signed_at": at,
                                   "signed_by": signer})


def _amendment_reason(reason: str) -> str:
    if not reason.strip():
        raise EditError("An amendment needs a reason.")
    return reason.strip()


# --------------------------------------------------------------------------------------------
# Edits of one exam's findings. Each is a value (what the examiner did, in the catalogue's
# terms) that applies itself to an exam in place, names itself in clinical words, and gives its
# inverse: the fields it touches as they were. The app's one undo command runs an edit and its
# inverse (gui/session.py), so there is no undo code per kind of edit.
# --------------------------------------------------------------------------------------------


class ExamEdit(ABC):
    """One change of an exam, undoable."""

    @property
    @abstractmethod
    def fields(self) -> tuple[str, ...]:
        """The exam's fields this edit may change (its inverse restores exactly these)."""

    @abstractmethod
    def apply(self, exam: Exam) -> None:
        """Change ``exam`` in place; EditError (or the record's ValueError) when refused, with
        ``exam`` then left as it was."""

    @abstractmethod
    def words(self, _: Translator = ENGLISH) -> str:
        """What the edit did, in clinical words (the Edit menu's "Undo ..."): no identifiers."""

    def inverse(self, exam: Exam) -> ExamEdit:
        """The edit that undoes this one on ``exam`` (taken before it is applied)."""
        return Restore(tuple((name, copy.deepcopy(getattr(exam, name))) for name in self.fields),
                       self.words())

    def applied_to(self, exam: Exam) -> Exam:
        """A copy of ``exam`` with this edit applied; ``exam`` is never changed."""
        changed = exam.model_copy(deep=True)
        self.apply(changed)
        return changed


@dataclass(frozen=True)
class Restore(ExamEdit):
    """Fields of an exam put back as they were: the inverse of any edit."""

    values: tuple[tuple[str, Any], ...]
    """(field, value) pairs, deep copies: the exam never shares them."""
    undoes: str
    """The words of the edit this one undoes."""

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.values)

    def apply(self, exam: Exam) -> None:
        for name, value in self.values:
            setattr(exam, name, copy.deepcopy(value))

    def words(self, _: Translator = ENGLISH) -> str:
        return self.undoes


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class SetGrade(ExamEdit):
    """Set (or clear, with None) one graded item; an NT grade keeps its reason (under the
    catalogue's key), any other value drops the reason the item had."""

    family: Family
    side: Side
    key: Any
    """The muscle, dermatome or reflex."""
    grade: Any | None
    reason: NotTestableReason | None = None

    @property
    def needs_reason(self) -> bool:
        """An NT grade whose reason has not been asked yet (the app always asks)."""
        return self.grade is not None and self.grade.value == "NT" and self.reason is None

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.family.field, "nt_reasons")

    def apply(self, exam: Exam) -> None:
        if (self.reason is not None) != (self.grade is not None and self.grade.value == "NT"):
            raise EditError("A not-testable reason goes with an NT grade, and only with one.")
        by_side = getattr(exam, self.family.field)
        values = dict(by_side.get(self.side) or {})
        if self.grade is None:
            values.pop(self.key, None)
        else:
            values[self.key] = self.grade
        by_side.set(self.side, values)
        path = self.family.nt_key(self.side, self.key)
        reasons = dict(exam.nt_reasons)
        reasons.pop(path, None)
        if self.reason is not None:
            reasons[path] = self.reason
        exam.nt_reasons = reasons

    def words(self, _: Translator = ENGLISH) -> str:
        value = (_("cleared") if self.grade is None
                 else f"NT ({_(NOT_TESTABLE_REASON_LABELS[self.reason])})" if self.reason
                 else str(self.grade.value))
        return (f"{_capital(render(self.family.item_words(self.key), _))}, "
                f"{_(self.side.value)}: {value}")


@dataclass(frozen=True)
class SetSideTest(ExamEdit):
    """Set (or clear, with None) a per-side test's value."""

    test: SideTest
    side: Side
    value: Any | None

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.test.field,)

    def apply(self, exam: Exam) -> None:
        getattr(exam, self.test.field).set(self.side, self.value)

    def words(self, _: Translator = ENGLISH) -> str:
        return f"{_(self.test.label)}, {_(self.side.value)}: {self.test.text(self.value, _)}"


@dataclass(frozen=True)
class SetRedFlag(ExamEdit):
    """Mark a red flag present or absent; the others asked stay as they are, in the flags'
    own order."""

    flag: RedFlag
    present: bool

    @property
    def fields(self) -> tuple[str, ...]:
        return ("red_flags",)

    def apply(self, exam: Exam) -> None:
        flags = set(exam.red_flags or [])
        flags = flags | {self.flag} if self.present else flags - {self.flag}
        exam.red_flags = sorted(flags, key=list(RedFlag).index)

    def words(self, _: Translator = ENGLISH) -> str:
        return (f"{_capital(_(RED_FLAGS[self.flag].label))}: "
                f"{_('present') if self.present else _('absent')}")


class PainSite(StrEnum):
    """Where the pain is scored."""

    LEG = "leg"
    BACK = "back"


@dataclass(frozen=True)
class SetPain(ExamEdit):
    """Set (or clear, with None) the leg or back pain score (0-10)."""

    site: PainSite
    score: int | None

    @property
    def fields(self) -> tuple[str, ...]:
        return ("pain",)

    def apply(self, exam: Exam) -> None:
        scores = exam.pain.model_dump() if exam.pain is not None else {}
        exam.pain = Pain.model_validate({**scores, self.site.value: self.score})  # 0-10 or refused

    def words(self, _: Translator = ENGLISH) -> str:
        site = _("Leg pain") if self.site is PainSite.LEG else _("Back pain")
        return f"{site}: {_('not scored') if self.score is None else self.score}"


class ContextField(StrEnum):
    """The exam's own details, set on the context step."""

    KIND = "kind"
    DATE = "date"
    SURGERY = "surgery_id"
    EXAMINER = "examiner"


_CONTEXT_WORDS = {ContextField.KIND: "Kind of exam", ContextField.DATE: "Date",
                  ContextField.SURGERY: "Operation", ContextField.EXAMINER: "Examiner"}


@dataclass(frozen=True)
class SetContext(ExamEdit):
    """Set the exam's kind, date, operation or examiner (validated as the record requires)."""

    field: ContextField
    value: Any

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.field.value,)

    def apply(self, exam: Exam) -> None:
        setattr(exam, self.field.value, self.value)

    def words(self, _: Translator = ENGLISH) -> str:
        value = (_("none") if self.value is None else _(self.value.value)
                 if isinstance(self.value, StrEnum) else str(self.value))
        return f"{_(_CONTEXT_WORDS[self.field])}: {value}"


@dataclass(frozen=True)
class FillNormal(ExamEdit):
    """"Rest normal": every item of a section not yet entered gets its normal value, except the
    ones in ``keep`` (the engine's items still to test)."""

    section: Section
    keep: frozenset[ItemPlace] = frozenset()

    @property
    def fields(self) -> tuple[str, ...]:
        return section_fields(self.section) + (("red_flags",) if self.section is Section.RED_FLAGS
                                               else ())

    def apply(self, exam: Exam) -> None:
        filled = fill_normal(exam, (self.section,), self.keep)
        for name in self.fields:
            setattr(exam, name, getattr(filled, name))

    def words(self, _: Translator = ENGLISH) -> str:
        return f"{_('Rest normal')}: {_(self.section.value.replace('_', ' '))}"
