"""Comparing two exams item by item (clinical-reference.md, section 8)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from core.engine.readings import Item, Modality, Reading, reading_map
from core.grades import MotorGrade
from core.knowledge import Muscle, Side
from core.record import Exam


class ChangeKind(StrEnum):
    """How an item moved between two exams."""

    NEW = "new"
    WORSE = "worse"
    UNCHANGED = "unchanged"
    BETTER = "better"
    RESOLVED = "resolved"
    NOT_COMPARABLE = "not_comparable"


@dataclass(frozen=True)
class Change:
    """One item compared between an earlier exam and the current one."""

    item: Item
    earlier: Reading | None
    current: Reading | None
    kind: ChangeKind
    whole_grade: bool | None = None
    """Motor only: True when the MRC grade changed by a whole grade (5 to 4, 4+ to 3), False for
    a move inside grade 4 (4+ to 4-), a minor change."""

    @property
    def is_new_or_worse_motor(self) -> bool:
        """A clinically significant motor decline: new, or worse by a whole grade."""
        return (self.item.modality is Modality.MOTOR and bool(self.whole_grade)
                and self.kind in (ChangeKind.NEW, ChangeKind.WORSE))

    def as_dict(self) -> dict[str, Any]:
        """As the assessment document writes it."""
        row: dict[str, Any] = {
            "item": self.item.item, "modality": self.item.modality.value,
            "side": self.item.side.value,
            "baseline": None if self.earlier is None else self.earlier.value,
            "current": None if self.current is None else self.current.value,
            "change": self.kind.value,
        }
        if self.whole_grade is not None:
            row["whole_grade"] = self.whole_grade
        return row


def classify(earlier: Reading | None, current: Reading | None) -> ChangeKind:
    """new / worse / unchanged / better / resolved, or not_comparable when either is NT or missing."""
    if earlier is None or current is None or earlier.severity is None or current.severity is None:
        return ChangeKind.NOT_COMPARABLE
    before, now = earlier.severity, current.severity
    if before == 0 and now == 0:
        return ChangeKind.UNCHANGED
    if before == 0:
        return ChangeKind.NEW
    if now == 0:
        return ChangeKind.RESOLVED
    if earlier.direction != current.direction:
        return ChangeKind.NEW  # e.g. a reduced reflex that became enhanced: a new abnormality
    if now > before:
        return ChangeKind.WORSE
    return ChangeKind.BETTER if now < before else ChangeKind.UNCHANGED


def _whole_grade(earlier: Reading | None, current: Reading | None) -> bool | None:
    """Motor only: did the whole MRC grade change? None when either side has no MRC grade."""
    if earlier is None or current is None or earlier.mrc is None or current.mrc is None:
        return None
    return earlier.mrc != current.mrc


def compare(earlier: Exam, current: Exam) -> list[Change]:
    """Every item examined in either exam, compared; items examined in neither are left out."""
    before, now = reading_map(earlier), reading_map(current)
    items = list(now) + [item for item in before if item not in now]
    changes = []
    for item in items:
        old, new = before.get(item), now.get(item)
        changes.append(Change(item, old, new, classify(old, new), _whole_grade(old, new)))
    return changes


@dataclass(frozen=True)
class RecoveryRate:
    """Motor recovery rate of a muscle weak at baseline: (now - before) / (5 - before) x 100 %."""

    muscle: Muscle
    side: Side
    baseline: MotorGrade
    current: MotorGrade
    percent: float

    def as_dict(self) -> dict[str, Any]:
        """As the assessment document writes it."""
        return {"item": self.muscle.value, "side": self.side.value,
                "baseline": self.baseline.value, "current": self.current.value,
                "percent": round(self.percent, 1)}


def recovery_rates(baseline: Exam, current: Exam) -> list[RecoveryRate]:
    """Recovery rates for every muscle weak at baseline and graded now; 4-/4/4+ count as 4.

    Undefined (left out) when the muscle was 5 before or either grade is NT; negative when the
    muscle got weaker.
    """
    rates = []
    for side in Side:
        for muscle in Muscle:
            before, now = baseline.motor_grade(side, muscle), current.motor_grade(side, muscle)
            if before is None or now is None or not (before.testable and now.testable):
                continue
            if before.mrc >= 5:
                continue
            percent = (now.mrc - before.mrc) / (5 - before.mrc) * 100
            rates.append(RecoveryRate(muscle, side, before, now, percent))
    return rates
