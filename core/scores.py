"""ISNCSCI scores over the legs: the Lower Extremity Motor Score and sensory subtotals.

LEMS follows ISNCSCI 2019: the five key muscles (L2, L3, L4, L5, S1) per side, 0-25 per side,
0-50 in all; a key muscle that is NT or was not examined makes the score "ND" (not determinable).
The sensory subtotals add the grades of L1 to S4-5 on one side; they are lower-limb subtotals,
not ISNCSCI's whole-body totals, and are labelled so everywhere they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from core.knowledge import LEMS_KEY_MUSCLES, Dermatome, SensoryModality, Side
from core.record import Exam

NotDeterminable = Literal["ND"]
Score = int | NotDeterminable


@dataclass(frozen=True)
class PerSideScore:
    """A score per side and in all."""

    left: Score
    right: Score

    @property
    def total(self) -> Score:
        """Left plus right, or ND when either side is ND."""
        if self.left == "ND" or self.right == "ND":
            return "ND"
        return self.left + self.right

    def as_dict(self) -> dict[str, Score]:
        """As the assessment document writes it."""
        return {"left": self.left, "right": self.right, "total": self.total}


def lems_side(exam: Exam, side: Side) -> Score:
    """LEMS on one side (0-25): 4-, 4 and 4+ count as 4; NT or missing gives ND."""
    total = 0
    for muscle in LEMS_KEY_MUSCLES:
        grade = exam.motor_grade(side, muscle)
        if grade is None or not grade.testable:
            return "ND"
        total += grade.mrc
    return total


def lems(exam: Exam) -> PerSideScore:
    """LEMS per side and in all (0-50)."""
    return PerSideScore(lems_side(exam, Side.LEFT), lems_side(exam, Side.RIGHT))


def sensory_subtotal_side(exam: Exam, modality: SensoryModality, side: Side) -> Score:
    """Lower-limb subtotal of one modality on one side (0-18), ND when any dermatome is NT or missing."""
    total = 0
    for dermatome in Dermatome:
        grade = exam.sensory_grade(modality, side, dermatome)
        if grade is None or not grade.testable:
            return "ND"
        total += grade.rank
    return total


def sensory_subtotal(exam: Exam, modality: SensoryModality) -> PerSideScore:
    """Lower-limb subtotal of one modality, per side and in all."""
    return PerSideScore(sensory_subtotal_side(exam, modality, Side.LEFT),
                        sensory_subtotal_side(exam, modality, Side.RIGHT))
