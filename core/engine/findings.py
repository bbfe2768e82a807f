"""The findings of an exam in the terms of the localisation table, and how each one evolved.

Localisation reads findings, not raw values: per side, every examined item of the table (muscle,
dermatome, reflex, walking test, tension test) as normal or abnormal, with words for the reasons
list. Comparing with earlier exams (clinical-reference.md, sections 7 and 8) sorts each abnormal
finding into new or worse, residual (present before the operation and not worse), or persisting,
so that a new deficit can be localised on its own. Triage, flags and the handout read findings
from here too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from core.engine.changes import ChangeKind, classify
from core.engine.context import ExamContext
from core.engine.readings import (
    MOTOR_READINGS,
    REFLEX_READINGS,
    SENSORY_READINGS,
    Reading,
    femoral_stretch_reading,
    gait_reading,
    slr_reading,
)
from core.knowledge import (
    GAIT_TESTS,
    MOTOR_ITEMS,
    REFLEXES,
    TENSION_TEST_LABELS,
    Dermatome,
    GaitTest,
    LocalisedItem,
    Muscle,
    Reflex,
    SensoryModality,
    Side,
    StretchTest,
)
from core.record import Exam

ItemReadings = dict[LocalisedItem, Reading]


def item_label(item: LocalisedItem) -> str:
    """An item in clinical words: "ankle dorsiflexion", "L5 sensation", "Achilles reflex"."""
    if isinstance(item, Muscle):
        return MOTOR_ITEMS[item].movement
    if isinstance(item, Dermatome):
        return f"{item.value} sensation"
    if isinstance(item, Reflex):
        return f"{REFLEXES[item].label} reflex"
    if isinstance(item, GaitTest):
        return GAIT_TESTS[item][0]
    return TENSION_TEST_LABELS[item]


def _value_text(item: LocalisedItem, reading: Reading) -> str:
    if isinstance(item, Muscle):
        return f"{reading.value}/5"
    if isinstance(item, StretchTest) and isinstance(reading.value, int):
        return f"positive at {reading.value} degrees"
    return str(reading.value)


def _dermatome_reading(exam: Exam, side: Side, dermatome: Dermatome) -> Reading | None:
    """Light touch and pin prick together: the more abnormal of the two that were examined."""
    found = []
    for modality in SensoryModality:
        grade = exam.sensory_grade(modality, side, dermatome)
        if grade is not None:
            found.append((modality, SENSORY_READINGS[grade]))
    if not found:
        return None
    testable = [(m, r) for m, r in found if r.testable]
    if not testable:
        return Reading("NT", None)
    worst = max(r.severity or 0.0 for _, r in testable)
    value = ", ".join(f"{m.label} {r.value}" for m, r in testable)
    return Reading(value, worst)


def item_readings(exam: Exam, side: Side) -> ItemReadings:
    """Every item of the localisation table examined on ``side`` (NT included), as readings."""
    found: ItemReadings = {}
    for muscle, grade in (exam.motor.get(side) or {}).items():
        found[muscle] = MOTOR_READINGS[grade]
    for dermatome in Dermatome:
        reading = _dermatome_reading(exam, side, dermatome)
        if reading is not None:
            found[dermatome] = reading
    for reflex, reflex_grade in (exam.reflexes.get(side) or {}).items():
        found[reflex] = REFLEX_READINGS[reflex_grade]
    for test in GaitTest:
        result = getattr(exam, test.value).get(side)
        if result is not None:
            found[test] = gait_reading(result)
    slr = exam.straight_leg_raise.get(side)
    if slr is not None:
        found[StretchTest.STRAIGHT_LEG_RAISE] = slr_reading(slr)
    femoral = exam.femoral_stretch.get(side)
    if femoral is not None:
        found[StretchTest.FEMORAL_STRETCH] = femoral_stretch_reading(femoral)
    return found


class Course(StrEnum):
    """How an abnormal finding evolved against the earlier exams (section 8)."""

    NEW_OR_WORSE = "new_or_worse"
    """New, or worse (motor: by a whole MRC grade) than the baseline, the previous exam or the
    best exam since the operation; at a first presentation every finding is new."""
    RESIDUAL = "residual"
    """Present before the operation and not worse than any earlier exam."""
    PERSISTING = "persisting"
    """Present at an earlier exam (not the preoperative one) and not worse."""
    NOT_COMPARABLE = "not_comparable"
    """No earlier exam graded the item (missing or NT)."""


@dataclass(frozen=True)
class Finding:
    """One examined item on one side, as localisation weighs it."""

    item: LocalisedItem
    side: Side
    reading: Reading
    affected: bool
    """True when the item counts as abnormal: for the whole exam, abnormal; for the change,
    new or worse. Normal items, and when localising the change residual ones, count as
    unaffected."""
    text: str
    """The finding in words, for the reasons list."""

    @property
    def enhanced(self) -> bool:
        """A reflex above normal: an upper motor neuron sign no root or nerve lesion explains."""
        return self.affected and self.reading.direction > 0

    @property
    def mrc(self) -> int | None:
        """Muscles: the whole MRC grade."""
        return self.reading.mrc


def _finding(item: LocalisedItem, side: Side, reading: Reading, affected: bool,
             note: str = "") -> Finding:
    text = f"{item_label(item)} {_value_text(item, reading)}"
    if not reading.abnormal:
        text = f"{item_label(item)} normal"
    return Finding(item, side, reading, affected, f"{text}{note}")


def exam_findings(exam: Exam, side: Side) -> list[Finding]:
    """The whole exam's findings on ``side``: every examined, testable item."""
    return [_finding(item, side, reading, reading.abnormal)
            for item, reading in item_readings(exam, side).items() if reading.testable]


@dataclass(frozen=True)
class References:
    """What the current exam is compared against, per side, as readings."""

    baseline: dict[Side, ItemReadings] | None
    previous: dict[Side, ItemReadings] | None
    best_since_operation: dict[Side, ItemReadings] | None
    first_presentation: bool
    """No earlier exam at all: every finding is new."""

    def each(self) -> Iterable[dict[Side, ItemReadings]]:
        """The references that exist."""
        return [r for r in (self.baseline, self.previous, self.best_since_operation) if r]


def _readings_by_side(exam: Exam | None) -> dict[Side, ItemReadings] | None:
    return None if exam is None else {side: item_readings(exam, side) for side in Side}


def _best_readings(exams: list[Exam]) -> dict[Side, ItemReadings] | None:
    """Per item, the least abnormal testable reading of ``exams`` (the best since surgery)."""
    if not exams:
        return None
    best: dict[Side, ItemReadings] = {side: {} for side in Side}
    for exam in exams:
        for side in Side:
            for item, reading in item_readings(exam, side).items():
                held = best[side].get(item)
                if reading.testable and (held is None or (reading.severity or 0.0) <
                                         (held.severity or 0.0)):
                    best[side][item] = reading
    return best


def references(context: ExamContext) -> References:
    """The baseline, the previous exam and the best exam since the operation, as readings."""
    return References(_readings_by_side(context.baseline), _readings_by_side(context.previous),
                      _best_readings(context.postoperative_exams_before()),
                      context.previous is None)


def _worse_than(earlier: Reading | None, current: Reading) -> bool | None:
    """True when ``current`` is new or worse than ``earlier`` (motor: by a whole grade); None
    when the two cannot be compared."""
    kind = classify(earlier, current)
    if kind is ChangeKind.NOT_COMPARABLE:
        return None
    if kind not in (ChangeKind.NEW, ChangeKind.WORSE):
        return False
    if earlier is not None and current.mrc is not None and earlier.mrc is not None:
        return current.mrc < earlier.mrc
    return True


def course(item: LocalisedItem, side: Side, current: Reading, refs: References) -> Course:
    """How one abnormal finding evolved against every reference."""
    if refs.first_presentation:
        return Course.NEW_OR_WORSE
    verdicts = [_worse_than(ref[side].get(item), current) for ref in refs.each()]
    if any(verdicts):
        return Course.NEW_OR_WORSE
    if all(v is None for v in verdicts):
        return Course.NOT_COMPARABLE
    at_baseline = refs.baseline[side].get(item) if refs.baseline else None
    return Course.RESIDUAL if at_baseline is not None and at_baseline.abnormal else \
        Course.PERSISTING


def change_findings(context: ExamContext, side: Side, refs: References) -> list[Finding]:
    """The findings on ``side`` as the change sees them: new or worse findings are affected;
    normal, residual and persisting ones are unaffected (the new lesion did not make them
    worse); findings no earlier exam can be compared with are left out."""
    found = []
    for item, reading in item_readings(context.exam, side).items():
        if not reading.testable:
            continue
        if not reading.abnormal:
            found.append(_finding(item, side, reading, False))
            continue
        evolution = course(item, side, reading, refs)
        if evolution is Course.NEW_OR_WORSE:
            note = "" if refs.first_presentation else " (new or worse)"
            found.append(_finding(item, side, reading, True, note))
        elif evolution is not Course.NOT_COMPARABLE:
            found.append(Finding(item, side, reading, False,
                                 f"{item_label(item)} {_value_text(item, reading)}, "
                                 f"{evolution.value.replace('_', ' ')}, not worse"))
    return found


_MODALITY_ITEMS: dict[str, type[Muscle] | type[Dermatome] | type[Reflex] | type[GaitTest]
                      | type[StretchTest]] = {
    "motor": Muscle, "light_touch": Dermatome, "pin_prick": Dermatome, "reflex": Reflex,
    "function": GaitTest, "provocative": StretchTest,
}


def localised_item(modality: str, item: str) -> LocalisedItem | None:
    """The table item behind a change row (None for plantar and clonus, which it has no row for)."""
    kind = _MODALITY_ITEMS.get(modality)
    return None if kind is None else kind(item)
