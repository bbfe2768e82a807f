"""Ordered grading scales: MRC motor grades, ISNCSCI sensation, NINDS reflexes.

Grades are enums, never bare strings, so that an impossible grade cannot enter the model and
comparisons follow the clinical order. "NT" (not testable) belongs to each scale but stands
apart from the order: comparing it raises, so no code can treat an untested item as weak.
"""

from __future__ import annotations

from enum import Enum
from functools import total_ordering
from typing import Self


class NotComparableError(ValueError):
    """Raised when an NT grade is compared with another grade."""


_RANK_CACHE: dict[object, int] = {}
"""Ranks looked up once per member: grades are compared in hot loops of the engine."""


@total_ordering
class _RankedGrade(Enum):
    """An enum whose members have a clinical order, with NT apart."""

    @property
    def rank(self) -> int:
        """Position on the scale; NT has none."""
        rank = _RANK_CACHE.get(self)
        if rank is None:
            rank = self._ranks().get(self._value_)
            if rank is None:
                raise NotComparableError(f"{self._value_!r} is not testable and has no rank")
            _RANK_CACHE[self] = rank
        return rank

    @classmethod
    def _ranks(cls) -> dict[object, int]:
        raise NotImplementedError

    @property
    def testable(self) -> bool:
        """False for NT."""
        return bool(self._value_ != "NT")

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, type(self)):
            return NotImplemented
        return self.rank < other.rank

    @classmethod
    def testable_grades(cls) -> list[Self]:
        """Every grade except NT, lowest first."""
        return sorted(g for g in cls if g.testable)


_MRC_RANKS: dict[object, int] = {"0": 0, "1": 1, "2": 2, "3": 3, "4-": 4, "4": 5, "4+": 6, "5": 7}


class MotorGrade(_RankedGrade):
    """MRC grade (Memorandum 45) with the 4-/4/4+ subdivisions clinicians write."""

    G0 = "0"
    G1 = "1"
    G2 = "2"
    G3 = "3"
    G4_MINUS = "4-"
    G4 = "4"
    G4_PLUS = "4+"
    G5 = "5"
    NT = "NT"

    @classmethod
    def _ranks(cls) -> dict[object, int]:
        return _MRC_RANKS

    @property
    def mrc(self) -> int:
        """The whole MRC grade: 4-, 4 and 4+ all count as 4 (ISNCSCI takes whole numbers)."""
        if not self.testable:
            raise NotComparableError("NT has no MRC value")
        return int(self._value_[0])

    @property
    def is_normal(self) -> bool:
        """Grade 5."""
        return self is MotorGrade.G5


class SensoryGrade(_RankedGrade):
    """ISNCSCI sensory grade: 0 absent, 1 altered (reduced or heightened), 2 normal."""

    ABSENT = 0
    ALTERED = 1
    NORMAL = 2
    NT = "NT"

    @classmethod
    def _ranks(cls) -> dict[object, int]:
        return {0: 0, 1: 1, 2: 2}

    @property
    def is_normal(self) -> bool:
        """Grade 2."""
        return self is SensoryGrade.NORMAL


class ReflexGrade(_RankedGrade):
    """NINDS myotatic reflex scale (Hallett 1993): 2 and 3 are the two halves of normal."""

    ABSENT = 0
    REDUCED = 1
    LOW_NORMAL = 2
    HIGH_NORMAL = 3
    ENHANCED = 4
    NT = "NT"

    @classmethod
    def _ranks(cls) -> dict[object, int]:
        return {0: 0, 1: 1, 2: 2, 3: 3, 4: 4}

    @property
    def is_normal(self) -> bool:
        """2 or 3."""
        return self in (ReflexGrade.LOW_NORMAL, ReflexGrade.HIGH_NORMAL)

    @property
    def is_reduced(self) -> bool:
        """0 or 1."""
        return self in (ReflexGrade.ABSENT, ReflexGrade.REDUCED)

    @property
    def is_enhanced(self) -> bool:
        """4: more than normal, including clonus; an upper motor neuron sign."""
        return self is ReflexGrade.ENHANCED


GRADE_MEANINGS: dict[_RankedGrade, str] = {
    MotorGrade.G0: "no contraction",
    MotorGrade.G1: "flicker or trace of contraction",
    MotorGrade.G2: "active movement with gravity eliminated",
    MotorGrade.G3: "active movement against gravity",
    MotorGrade.G4_MINUS: "against gravity and some resistance (lower third of grade 4)",
    MotorGrade.G4: "against gravity and some resistance",
    MotorGrade.G4_PLUS: "against gravity and some resistance (upper third of grade 4)",
    MotorGrade.G5: "normal power",
    MotorGrade.NT: "not testable",
    SensoryGrade.ABSENT: "absent",
    SensoryGrade.ALTERED: "altered (reduced or heightened)",
    SensoryGrade.NORMAL: "normal",
    SensoryGrade.NT: "not testable",
    ReflexGrade.ABSENT: "absent",
    ReflexGrade.REDUCED: "small, less than normal (trace, or only with reinforcement)",
    ReflexGrade.LOW_NORMAL: "lower half of normal",
    ReflexGrade.HIGH_NORMAL: "upper half of normal",
    ReflexGrade.ENHANCED: "enhanced, more than normal (including clonus)",
    ReflexGrade.NT: "not testable",
}
"""What each grade means, after MRC Memorandum 45, ISNCSCI and the NINDS scale (Hallett 1993),
as clinical-reference.md sections 2 to 4 give them. The FHIR code systems are built from this."""
