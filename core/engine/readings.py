"""What counts as normal for every item of the exam, and how far from normal a value is.

One reading per item turns the exam's many scales into the same questions (examined? normal? how
abnormal, and in which direction?) so that comparing exams and listing findings is written once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from core.exam_items import FAMILIES, SIDE_TEST, SIDE_TESTS, Modality, SideTest
from core.grades import MotorGrade, ReflexGrade, SensoryGrade
from core.knowledge import (
    Clonus,
    Dermatome,
    FemoralStretch,
    GaitResult,
    Muscle,
    PlantarResponse,
    Reflex,
    Side,
    StraightLegRaise,
)
from core.record import Exam

__all__ = ["MOTOR_READINGS", "REFLEX_READINGS", "SENSORY_READINGS", "Item", "Modality", "Reading",
           "clonus_reading", "femoral_stretch_reading", "gait_reading", "plantar_reading",
           "reading_map", "readings", "side_test_reading", "slr_reading"]


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
_GRADE_READINGS: dict[type, dict[Any, Reading]] = {
    MotorGrade: MOTOR_READINGS, SensoryGrade: SENSORY_READINGS, ReflexGrade: REFLEX_READINGS}
"""A family's readings by its grade scale (the class of its normal grade)."""


def side_test_reading(test: SideTest, value: Any) -> Reading:
    """A per-side test's value, read by its catalogue entry (core/exam_items.py)."""
    return Reading(value if isinstance(value, int) else value.value,
                   test.reading_severity(value))


def plantar_reading(value: PlantarResponse) -> Reading:
    """Flexor normal; equivocal; extensor (Babinski) the most abnormal."""
    return side_test_reading(SIDE_TEST["plantar"], value)


def clonus_reading(value: Clonus | int) -> Reading:
    """Absent normal; a few beats; sustained the most abnormal."""
    return side_test_reading(SIDE_TEST["clonus"], value)


def gait_reading(value: GaitResult) -> Reading:
    """Normal, impaired, unable."""
    return side_test_reading(SIDE_TEST["heel_walk"], value)


def slr_reading(value: StraightLegRaise | int) -> Reading:
    """Negative normal; positive at a lower angle is more abnormal."""
    return side_test_reading(SIDE_TEST["straight_leg_raise"], value)


def femoral_stretch_reading(value: FemoralStretch) -> Reading:
    """Negative normal, positive abnormal."""
    return side_test_reading(SIDE_TEST["femoral_stretch"], value)


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
        for family in FAMILIES:
            table = _GRADE_READINGS[family.normal.__class__]
            for key, grade in (getattr(exam, family.field).get(side) or {}).items():
                yield Item(family.modality, _NAMES[key], side), table[grade]
        for test in SIDE_TESTS:
            value = getattr(exam, test.field).get(side)
            if value is not None:
                yield Item(test.modality, test.field, side), side_test_reading(test, value)


def reading_map(exam: Exam) -> dict[Item, Reading]:
    """The readings of an exam keyed by item."""
    return dict(readings(exam))
