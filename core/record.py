"""The patient record: pydantic models of the exchange contract (record-format.md, version 1).

The models are strict: grades are enums, unknown keys are refused, dates must be ISO dates. What
the contract leaves to the product is documented on the fields: how NT reasons are stored
(``nt_reasons``), the herniation zone of a surgery, and signing metadata. The per-side tests'
fields (plantar, clonus, heel and toe walk, straight leg raise, femoral stretch test) are made from
the catalogue of exam items (core/exam_items.py), one per entry.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
)
from pydantic_core import PydanticCustomError

from core.exam_items import SIDE_TESTS
from core.grades import MotorGrade, ReflexGrade, SensoryGrade
from core.i18n import Language
from core.knowledge import (
    Dermatome,
    DiscLevel,
    HerniationZone,
    Muscle,
    NotTestableReason,
    RedFlag,
    Reflex,
    SensoryModality,
    Side,
)

FORMAT_NAME: Literal["neuroexam.patient-record"] = "neuroexam.patient-record"
FORMAT_VERSION: Literal[1] = 1


class Model(BaseModel):
    """Base of every record model: strict, closed to unknown keys, documented field by field."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        use_attribute_docstrings=True,
        strict=True,
        defer_build=True,  # validators are built on first use, not when the app starts
    )


T = TypeVar("T")


class PerSide(Model, Generic[T]):
    """A finding per side; a side that is absent was not examined."""

    left: T | None = None
    """The left side."""
    right: T | None = None
    """The right side."""

    def get(self, side: Side) -> T | None:
        """The value on ``side``, or None when that side was not examined."""
        return self.left if side is Side.LEFT else self.right

    def set(self, side: Side, value: T | None) -> None:
        """Replace the value on ``side``."""
        setattr(self, side.value, value)


def _reject_bool(value: Any) -> Any:
    """JSON true/false are not grades, although Python counts True as 1."""
    if isinstance(value, bool):
        raise PydanticCustomError("bool_grade", "true/false is not a grade")
    return value


SensoryValue = Annotated[SensoryGrade, BeforeValidator(_reject_bool)]
ReflexValue = Annotated[ReflexGrade, BeforeValidator(_reject_bool)]


class MotorBySide(PerSide[dict[Muscle, MotorGrade]]):
    """MRC grade per muscle and side."""


class SensoryBySide(PerSide[dict[Dermatome, SensoryValue]]):
    """ISNCSCI sensory grade per dermatome and side."""


class ReflexesBySide(PerSide[dict[Reflex, ReflexValue]]):
    """NINDS reflex grade per reflex and side."""


_PER_SIDE: Any = PerSide
"""PerSide, to be given a type known only when the module runs (the type checker cannot)."""


def _side_test_fields(namespace: dict[str, Any]) -> None:
    """Give the class being defined (Exam) a field per per-side test of the catalogue
    (core/exam_items.py), in its order: adding a test to the catalogue adds it to the record,
    its JSON Schema and every reader of the record's fields."""
    for test in SIDE_TESTS:
        name = "".join(part.capitalize() for part in test.field.split("_")) + "BySide"
        by_side = type(name, (_PER_SIDE[test.record_type()],),
                       {"__doc__": f"{test.label} per side.", "__module__": __name__})
        namespace["__annotations__"][test.field] = by_side
        namespace[test.field] = Field(default_factory=by_side, description=f"{test.label}.")


PainScore = Annotated[int, Field(ge=0, le=10)]


class Pain(Model):
    """Pain on the 0-10 numeric rating scale."""

    leg: PainScore | None = None
    """Leg pain, 0-10."""
    back: PainScore | None = None
    """Back pain, 0-10."""


class Sex(StrEnum):
    """Sex as recorded."""

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class ExamKind(StrEnum):
    """When in the course of care the exam was made."""

    INITIAL = "initial"
    PREOPERATIVE = "preoperative"
    POSTOPERATIVE = "postoperative"
    FOLLOW_UP = "follow-up"


class ExamStatus(StrEnum):
    """A draft can be edited; a signed exam is read-only and changes only by amendment."""

    DRAFT = "draft"
    SIGNED = "signed"


class SurgerySide(StrEnum):
    """The side an operation addressed."""

    LEFT = "left"
    RIGHT = "right"
    BILATERAL = "bilateral"


def _utc_instant(value: dt.datetime) -> dt.datetime:
    """A moment with its time zone, as UTC: FHIR's ``issued`` and the printed "UTC" need one."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise PydanticCustomError(
            "naive_datetime", "a moment without a time zone; write it with one, e.g. "
                              "2026-01-05T12:00:00Z or 2026-01-05T13:00:00+01:00")
    return value.astimezone(dt.UTC)


SignedAt = Annotated[dt.datetime, AfterValidator(_utc_instant)]

Identifier = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._:-]+$")]
ShortText = Annotated[str, Field(max_length=200)]


class Patient(Model):
    """Who the record is about."""

    id: Identifier
    """The clinic's record number (MRN)."""
    family_name: ShortText
    """Family name."""
    given_name: ShortText
    """Given name(s)."""
    birth_date: dt.date | None = None
    """Date of birth."""
    sex: Sex = Sex.UNKNOWN
    """Sex as recorded."""
    preferred_language: Language | None = None
    """The language the patient reads best ("en" or "es"): the patient handout is printed in
    it. Absent: the clinician's language."""


class Surgery(Model):
    """An operation; exams may refer to it by id."""

    id: Identifier
    """Unique within the record."""
    procedure: ShortText = "microdiscectomy"
    """The procedure, in words."""
    level: DiscLevel
    """The disc level operated on."""
    side: SurgerySide
    """The side of the approach."""
    date: dt.date
    """The day of the operation."""
    herniation: HerniationZone | None = None
    """Product extension: where the disc lay (paracentral compresses the traversing root,
    foraminal and far-lateral the exiting root). Unknown when absent."""


class Signer(Model):
    """Who signed an exam's current revision: an authenticated user, not a typed name."""

    login: Annotated[str, Field(min_length=1, max_length=200)]
    """The user's login: the clinic database login, or the operating-system account on a
    workstation."""
    name: ShortText = ""
    """The display name printed with the signature (e.g. "Dr Ada Lovelace")."""

    def text(self) -> str:
        """"Dr Ada Lovelace (ada)", or the login alone when there is no display name."""
        return f"{self.name} ({self.login})" if self.name and self.name != self.login \
            else self.login


class Exam(Model):
    """One examination of both legs."""

    id: Identifier
    """Unique within the record."""
    date: dt.date
    """The day of the exam."""
    kind: ExamKind
    """Initial, preoperative, postoperative or follow-up."""
    surgery_id: Identifier | None = None
    """The operation this exam is before or after, when known."""
    examiner: ShortText = ""
    """Who examined."""
    status: ExamStatus = ExamStatus.DRAFT
    """Draft or signed."""
    motor: MotorBySide = Field(default_factory=MotorBySide)
    """MRC grades."""
    light_touch: SensoryBySide = Field(default_factory=SensoryBySide)
    """Light touch per dermatome."""
    pin_prick: SensoryBySide = Field(default_factory=SensoryBySide)
    """Pin prick per dermatome."""
    reflexes: ReflexesBySide = Field(default_factory=ReflexesBySide)
    """Tendon reflexes."""
    _side_test_fields(locals())  # plantar, clonus, heel_walk... one per catalogue entry
    red_flags: list[RedFlag] | None = None
    """Red flags present; an empty list means all were asked and absent, None that none were asked."""
    pain: Pain | None = None
    """Pain scores."""
    notes: Annotated[str, Field(max_length=20_000)] = ""
    """Free-text notes."""
    nt_reasons: dict[Annotated[str, Field(pattern=r"^[a-z_]+\.(left|right)\.[A-Za-z0-9_-]+$")],
                     NotTestableReason] = Field(default_factory=dict)
    """Product extension: why an item is NT, keyed "section.side.item"
    (e.g. "motor.left.great_toe_extension")."""
    signed_at: SignedAt | None = None
    """Product extension: when the exam was signed (UTC)."""
    signed_by: Signer | None = None
    """Product extension: who signed the current revision (the amender, for an amendment),
    authenticated by their password; absent for drafts and exams signed before it was kept."""

    def motor_grade(self, side: Side, muscle: Muscle) -> MotorGrade | None:
        """The grade of ``muscle`` on ``side``, or None when not examined."""
        return (self.motor.get(side) or {}).get(muscle)

    def sensory_grade(self, modality: SensoryModality, side: Side,
                      dermatome: Dermatome) -> SensoryGrade | None:
        """The grade of ``dermatome`` for one modality, or None when not examined."""
        by_side: SensoryBySide = getattr(self, modality.value)
        return (by_side.get(side) or {}).get(dermatome)

    def reflex_grade(self, side: Side, reflex: Reflex) -> ReflexGrade | None:
        """The grade of ``reflex`` on ``side``, or None when not examined."""
        return (self.reflexes.get(side) or {}).get(reflex)

    def side_test(self, field: str, side: Side) -> Any:
        """The value of the per-side test ``field`` (its catalogue entry's) on ``side``, or None
        when not examined (the fields are the catalogue's, so the type checker does not see
        them: code reads them through here or ``getattr``)."""
        by_side: PerSide[Any] = getattr(self, field)
        return by_side.get(side)


class PatientRecord(Model):
    """The whole record of one patient: the exchange document."""

    format: Literal["neuroexam.patient-record"] = FORMAT_NAME
    """Always "neuroexam.patient-record"."""
    format_version: Literal[1] = FORMAT_VERSION
    """The version of this contract."""
    patient: Patient
    """The patient."""
    surgeries: list[Surgery] = Field(default_factory=list)
    """Operations, any order."""
    exams: list[Exam] = Field(default_factory=list)
    """Exams, any order; the engine sorts them by date."""

    def surgery(self, surgery_id: str | None) -> Surgery | None:
        """The surgery with this id, if any."""
        return next((s for s in self.surgeries if s.id == surgery_id), None)

    def exam(self, exam_id: str) -> Exam | None:
        """The exam with this id, if any."""
        return next((e for e in self.exams if e.id == exam_id), None)

    def exams_by_date(self) -> list[Exam]:
        """Exams oldest first; on one day a preoperative (or initial) exam comes before the
        others, which otherwise keep their order in the record."""
        before_surgery = (ExamKind.INITIAL, ExamKind.PREOPERATIVE)
        return sorted(self.exams, key=lambda e: (e.date, e.kind not in before_surgery))

    def to_json_dict(self) -> dict[str, Any]:
        """The record as the contract's JSON: sides and optional fields not examined are left out."""
        return self.model_dump(mode="json", exclude_none=True)
