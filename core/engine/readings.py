"""What counts as normal for every item of the exam, and how far from normal a value is.

One reading per item turns the exam's many scales into the same questions (examined? normal? how
abnormal, and in which direction?) so that comparing exams and listing findings is written once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

from core.grades import MotorGrade, ReflexGrade, SensoryGrade
from core.knowledge import (
    Dermatome,
    FemoralStretch,
    GaitResult,
    GaitTest,
    Muscle,
    PlantarResponse,
    Reflex,
    Side,
    StretchTest,
)
from core.record import Clonus, Exam, StraightLegRaise


class Modality(StrEnum):
    """The modality column of a change."""

    MOTOR = "motor"
    LIGHT_TOUCH = "light_touch"
    PIN_PRICK = "pin_prick"
    REFLEX = "reflex"
    UPPER_MOTOR_NEURON = "upper_motor_neuron"
    FUNCTION = "function"
    PROVOCATIVE = "provocative"


@dataclass(frozen=True)
class Reading:
    """One examined value and its distance from normal."""

    value: Any
    """The value as the record writes it (JSON)."""
    severity: float | None
    """None when NT; 0 when normal; larger is further from normal."""
    direction: int = 0
    """-1 reduced, +1 enhanced, 0 normal or not applicable (reflexes can err both ways)."""
    mrc: int | None = None
    """Motor only: the whole MRC grade (4-, 4 and 4+ are 4), None when NT."""

    @property
    def testable(self) -> bool:
        """False for NT."""
        return self.severity is not None

    @property
    def abnormal(self) -> bool:
        """Examined and not normal."""
        return self.severity is not None and self.severity > 0


def _motor(grade: MotorGrade) -> Reading:
    """MRC: 5 is normal; each step down the 0..4-/4/4+..5 order is one step of severity."""
    if not grade.testable:
        return Reading(grade.value, None)
    return Reading(grade.value, 7 - grade.rank, mrc=grade.mrc)


def _sensory(grade: SensoryGrade) -> Reading:
    """ISNCSCI: 2 normal, 1 altered, 0 absent."""
    return Reading(grade.value, None if not grade.testable else 2 - grade.rank)


def _reflex(grade: ReflexGrade) -> Reading:
    """NINDS: 2 and 3 normal; 1 and 0 reduced; 4 enhanced."""
    if not grade.testable:
        return Reading(grade.value, None)
    if grade.is_reduced:
        return Reading(grade.value, 2 - grade.rank, -1)
    return Reading(grade.value, 1 if grade.is_enhanced else 0, 1 if grade.is_enhanced else 0)


# Grades are few: read each once. The engine reads thousands of grades per assessment.
MOTOR_READINGS: dict[MotorGrade, Reading] = {g: _motor(g) for g in MotorGrade}
SENSORY_READINGS: dict[SensoryGrade, Reading] = {g: _sensory(g) for g in SensoryGrade}
REFLEX_READINGS: dict[ReflexGrade, Reading] = {g: _reflex(g) for g in ReflexGrade}


_PLANTAR = {PlantarResponse.FLEXOR: 0.0, PlantarResponse.EQUIVOCAL: 1.0,
            PlantarResponse.EXTENSOR: 2.0}
_GAIT = {GaitResult.NORMAL: 0.0, GaitResult.IMPAIRED: 1.0, GaitResult.UNABLE: 2.0}


def plantar_reading(value: PlantarResponse) -> Reading:
    """Flexor normal; equivocal; extensor (Babinski) the most abnormal."""
    return Reading(value.value, _PLANTAR.get(value))


def clonus_reading(value: Clonus | int) -> Reading:
    """Absent normal; a few beats; sustained the most abnormal."""
    if isinstance(value, int):
        return Reading(value, 1 + min(value, 100) / 1000)
    return Reading(value.value, 0.0 if value is Clonus.ABSENT else 2.0)


def gait_reading(value: GaitResult) -> Reading:
    """Normal, impaired, unable."""
    return Reading(value.value, _GAIT.get(value))


def slr_reading(value: StraightLegRaise | int) -> Reading:
    """Negative normal; positive at a lower angle is more abnormal."""
    if isinstance(value, int):
        return Reading(value, 1 + (90 - value) / 90)
    return Reading(value.value, 0.0 if value is StraightLegRaise.NEGATIVE else None)


def femoral_stretch_reading(value: FemoralStretch) -> Reading:
    """Negative normal, positive abnormal."""
    return Reading(value.value, {FemoralStretch.NEGATIVE: 0.0,
                                 FemoralStretch.POSITIVE: 1.0}.get(value))


class Item(NamedTuple):
    """One row of the exam: what, on which side, in which modality."""

    modality: Modality
    item: str
    side: Side


_NAMES: dict[Any, str] = {member: member.value for enum in (Muscle, Dermatome, Reflex)
                          for member in enum}
"""Each item's name, looked up once: reading ``.value`` of an enum member is slow in a hot loop."""


def readings(exam: Exam) -> Iterator[tuple[Item, Reading]]:
    """Every examined value of the exam, as readings."""
    for side in Side:
        for muscle, grade in (exam.motor.get(side) or {}).items():
            yield Item(Modality.MOTOR, _NAMES[muscle], side), MOTOR_READINGS[grade]
        for modality, field in ((Modality.LIGHT_TOUCH, "light_touch"),
                                (Modality.PIN_PRICK, "pin_prick")):
            for dermatome, sense in (getattr(exam, field).get(side) or {}).items():
                yield Item(modality, _NAMES[dermatome], side), SENSORY_READINGS[sense]
        for reflex, reflex_grade in (exam.reflexes.get(side) or {}).items():
            yield Item(Modality.REFLEX, _NAMES[reflex], side), REFLEX_READINGS[reflex_grade]
        yield from _single(exam.plantar.get(side), Modality.UPPER_MOTOR_NEURON, "plantar", side,
                           plantar_reading)
        yield from _single(exam.clonus.get(side), Modality.UPPER_MOTOR_NEURON, "clonus", side,
                           clonus_reading)
        for test in GaitTest:
            yield from _single(getattr(exam, test.value).get(side), Modality.FUNCTION, test.value,
                               side, gait_reading)
        yield from _single(exam.straight_leg_raise.get(side), Modality.PROVOCATIVE,
                           StretchTest.STRAIGHT_LEG_RAISE.value, side, slr_reading)
        yield from _single(exam.femoral_stretch.get(side), Modality.PROVOCATIVE,
                           StretchTest.FEMORAL_STRETCH.value, side, femoral_stretch_reading)


def _single(value: Any, modality: Modality, name: str, side: Side,
            read: Any) -> Iterator[tuple[Item, Reading]]:
    if value is not None:
        yield Item(modality, name, side), read(value)


def reading_map(exam: Exam) -> dict[Item, Reading]:
    """The readings of an exam keyed by item."""
    return dict(readings(exam))
