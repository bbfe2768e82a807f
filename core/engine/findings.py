"""The findings of an exam in the terms of the localisation table, and how each one evolved.

Localisation reads findings, not raw values: per side, every examined item of the table (muscle,
dermatome, reflex, walking test, tension test) as normal or abnormal, with words for the reasons
list. Comparing with earlier exams (clinical-reference.md, sections 7 and 8) sorts each abnormal
finding into new or worse, residual (present before the operation and not worse), or persisting,
so that a new deficit can be localised on its own. Triage, flags and the handout read findings
from here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from core.engine import wording
from core.engine.changes import ChangeKind, classify
from core.engine.context import ExamContext
from core.engine.readings import (
    MOTOR_READINGS,
    REFLEX_READINGS,
    SENSORY_READINGS,
    Reading,
    clonus_reading,
    plantar_reading,
    side_test_reading,
)
from core.exam_items import SIDE_TEST, SideTest
from core.grades import SensoryGrade
from core.i18n import Joined, Phrase, phrase, word
from core.knowledge import (
    GAIT_TESTS,
    MOTOR_ITEMS,
    REFLEXES,
    SADDLE_DERMATOME,
    TENSION_TEST_LABELS,
    Dermatome,
    GaitTest,
    LocalisedItem,
    Muscle,
    Reflex,
    SensoryModality,
    Side,
    StretchTest,
    muscle_severity_factor,
)
from core.record import Exam

ItemReadings = dict[LocalisedItem, Reading]


def item_label(item: LocalisedItem) -> Phrase:
    """An item in clinical words: "ankle dorsiflexion", "L5 sensation", "Achilles reflex"."""
    if isinstance(item, Muscle):
        return word(MOTOR_ITEMS[item].movement)
    if isinstance(item, Dermatome):
        return phrase(wording.DERMATOME_SENSATION, dermatome=item.value)
    if isinstance(item, Reflex):
        return phrase(wording.REFLEX_NAMED, reflex=word(REFLEXES[item].label))
    if isinstance(item, GaitTest):
        return word(GAIT_TESTS[item][0])
    return word(TENSION_TEST_LABELS[item])


def _value_text(item: LocalisedItem, reading: Reading) -> str | Phrase | Joined:
    """A grade as written (4+, 1, NT), a result in words (impaired, extensor)."""
    if isinstance(item, Muscle):
        return f"{reading.value}/5"
    if isinstance(item, StretchTest) and isinstance(reading.value, int):
        return phrase(wording.POSITIVE_AT_DEGREES, degrees=reading.value)
    if isinstance(reading.value, Phrase | Joined):
        return reading.value
    return word(str(reading.value))


def _dermatome_reading(light_touch: dict[Dermatome, SensoryGrade],
                       pin_prick: dict[Dermatome, SensoryGrade],
                       dermatome: Dermatome) -> Reading | None:
    """Light touch and pin prick together: the more abnormal of the two that were examined."""
    touch, prick = light_touch.get(dermatome), pin_prick.get(dermatome)
    if touch is None and prick is None:
        return None
    found = [(label, SENSORY_READINGS[grade]) for label, grade in
             ((_LIGHT_TOUCH, touch), (_PIN_PRICK, prick)) if grade is not None]
    testable = [(label, r) for label, r in found if r.severity is not None]
    if not testable:
        return _NOT_TESTABLE
    if len(testable) == 1 or testable[0][1] == testable[1][1]:
        label, reading = testable[0]
        if len(testable) == 2:
            return _BOTH_MODALITIES[reading]
        return Reading(_graded(label, reading), reading.severity)
    worst = max(r.severity or 0.0 for _, r in testable)
    return Reading(Joined(tuple(_graded(label, r) for label, r in testable)), worst)


def _graded(modality: Phrase, reading: Reading) -> Joined:
    """A modality and its grade: "light touch 1"."""
    return Joined((modality, str(reading.value)), " ")


_LIGHT_TOUCH = word(SensoryModality.LIGHT_TOUCH.label)
_PIN_PRICK = word(SensoryModality.PIN_PRICK.label)
_NOT_TESTABLE = Reading("NT", None)
_BOTH_MODALITIES = {r: Reading(Joined((_graded(_LIGHT_TOUCH, r), _graded(_PIN_PRICK, r))),
                               r.severity)
                    for r in SENSORY_READINGS.values()}


LOCALISED_TESTS: dict[LocalisedItem, SideTest] = {
    item: SIDE_TEST[item.value] for item in (*GaitTest, *StretchTest)}
"""The per-side tests of the localisation table, with their catalogue entries (core/exam_items.py)."""


def item_readings(exam: Exam, side: Side) -> ItemReadings:
    """Every item of the localisation table examined on ``side`` (NT included), as readings."""
    found: ItemReadings = {}
    for muscle, grade in (exam.motor.get(side) or {}).items():
        found[muscle] = MOTOR_READINGS[grade]
    light_touch, pin_prick = exam.light_touch.get(side) or {}, exam.pin_prick.get(side) or {}
    if light_touch or pin_prick:
        for dermatome in Dermatome:
            reading = _dermatome_reading(light_touch, pin_prick, dermatome)
            if reading is not None:
                found[dermatome] = reading
    for reflex, reflex_grade in (exam.reflexes.get(side) or {}).items():
        found[reflex] = REFLEX_READINGS[reflex_grade]
    for item, test in LOCALISED_TESTS.items():
        value = getattr(exam, test.field).get(side)
        if value is not None:
            found[item] = side_test_reading(test, value)
    return found


class UmnSign(StrEnum):
    """Upper motor neuron signs (clinical-reference section 4)."""

    EXTENSOR_PLANTAR = "extensor plantar response (Babinski sign)"
    SUSTAINED_CLONUS = "sustained ankle clonus"
    ENHANCED_REFLEX = "reflex 4 (enhanced)"


def umn_signs(exam: Exam, side: Side) -> list[tuple[UmnSign, Phrase]]:
    """Upper motor neuron signs on one side: reflex 4, extensor plantar, sustained clonus."""
    signs = [(UmnSign.ENHANCED_REFLEX,
              phrase(wording.ENHANCED_REFLEX, reflex=word(REFLEXES[r].label)))
             for r, g in (exam.reflexes.get(side) or {}).items() if g.testable and g.is_enhanced]
    plantar = exam.side_test("plantar", side)
    if plantar is not None and plantar_reading(plantar).severity == 2.0:
        signs.append((UmnSign.EXTENSOR_PLANTAR, word(UmnSign.EXTENSOR_PLANTAR.value)))
    clonus = exam.side_test("clonus", side)
    if clonus is not None and clonus_reading(clonus).severity == 2.0:
        signs.append((UmnSign.SUSTAINED_CLONUS, word(UmnSign.SUSTAINED_CLONUS.value)))
    return signs


def saddle_altered(exam: Exam) -> list[Phrase]:
    """Saddle (S4-5) sensation altered or absent, per side and modality."""
    altered = []
    for side in Side:
        for modality in SensoryModality:
            grade = exam.sensory_grade(modality, side, SADDLE_DERMATOME)
            if grade is not None and grade.testable and not grade.is_normal:
                altered.append(phrase(wording.SADDLE_ALTERED, side=word(side.value),
                                      modality=word(modality.label), grade=grade.value))
    return altered


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


@dataclass(frozen=True, slots=True)
class Finding:
    """One examined item on one side, as localisation weighs it."""

    item: LocalisedItem
    side: Side
    reading: Reading
    affected: bool
    """True when the item counts as abnormal: for the whole exam, abnormal; for the change,
    new or worse. Normal items, and when localising the change residual ones, count as
    unaffected."""
    note: Phrase | str = ""
    """Words after the value: "(new or worse)", ", residual, not worse"."""
    enhanced: bool = False
    """A reflex above normal: an upper motor neuron sign no root or nerve lesion explains."""
    depth: float = 1.0
    """How much an abnormal result counts: a weak muscle's depth, 1 for other items."""

    @property
    def text(self) -> Phrase:
        """The finding in words, for the reasons list."""
        if not self.reading.abnormal:
            return phrase(wording.FINDING_NORMAL, item=item_label(self.item), note=self.note)
        return phrase(wording.FINDING_VALUE, item=item_label(self.item),
                      value=_value_text(self.item, self.reading), note=self.note)

    @property
    def mrc(self) -> int | None:
        """Muscles: the whole MRC grade."""
        return self.reading.mrc

    @property
    def is_muscle(self) -> bool:
        """A motor item."""
        return self.reading.mrc is not None


def _finding(item: LocalisedItem, side: Side, reading: Reading, affected: bool,
             note: Phrase | str = "") -> Finding:
    mrc = reading.mrc
    return Finding(item, side, reading, affected, note, affected and reading.direction > 0,
                   muscle_severity_factor(mrc) if mrc is not None else 1.0)


def exam_findings(exam: Exam, side: Side) -> list[Finding]:
    """The whole exam's findings on ``side``: every examined, testable item."""
    return [_finding(item, side, reading, reading.abnormal)
            for item, reading in item_readings(exam, side).items() if reading.testable]


def reading_of(exam: Exam, side: Side, item: LocalisedItem) -> Reading | None:
    """One item of one exam as a reading, or None when it was not examined."""
    if isinstance(item, Muscle):
        grade = exam.motor_grade(side, item)
        return None if grade is None else MOTOR_READINGS[grade]
    if isinstance(item, Dermatome):
        return _dermatome_reading(exam.light_touch.get(side) or {},
                                  exam.pin_prick.get(side) or {}, item)
    if isinstance(item, Reflex):
        reflex = exam.reflex_grade(side, item)
        return None if reflex is None else REFLEX_READINGS[reflex]
    test = LOCALISED_TESTS[item]
    value = getattr(exam, test.field).get(side)
    return None if value is None else side_test_reading(test, value)


class BestSinceOperation:
    """Per item, the least abnormal testable reading among the exams since the operation; each
    item is looked up only when a rule or a comparison asks for it."""

    def __init__(self, exams: list[Exam]) -> None:
        self._exams = exams
        self._found: dict[tuple[Side, LocalisedItem], Reading | None] = {}

    def motor(self) -> dict[tuple[Side, Muscle], Reading]:
        """The best grade of every muscle since the operation, in one pass over the exams."""
        best: dict[tuple[Side, Muscle], Reading] = {}
        for exam in self._exams:
            for side in Side:
                for muscle, grade in (exam.motor.get(side) or {}).items():
                    reading = MOTOR_READINGS[grade]
                    held = best.get((side, muscle))
                    if reading.severity is not None and (
                            held is None or reading.severity < (held.severity or 0.0)):
                        best[(side, muscle)] = reading
        return best

    def get(self, side: Side, item: LocalisedItem) -> Reading | None:
        """The best reading of ``item`` on ``side`` since the operation, or None."""
        key = (side, item)
        if key not in self._found:
            best: Reading | None = None
            for exam in self._exams:
                reading = reading_of(exam, side, item)
                if reading is not None and reading.severity is not None and (
                        best is None or reading.severity < (best.severity or 0.0)):
                    best = reading
            self._found[key] = best
        return self._found[key]


@dataclass(frozen=True)
class References:
    """What the current exam is compared against, per side, as readings."""

    baseline: dict[Side, ItemReadings] | None
    previous: dict[Side, ItemReadings] | None
    best_since_operation: BestSinceOperation | None
    first_presentation: bool
    """No earlier exam at all: every finding is new."""

    def readings(self, side: Side, item: LocalisedItem) -> list[Reading | None]:
        """The item in every reference that exists (None where it was not examined)."""
        found = [ref[side].get(item) for ref in (self.baseline, self.previous) if ref]
        if self.best_since_operation is not None:
            found.append(self.best_since_operation.get(side, item))
        return found


def _readings_by_side(exam: Exam | None) -> dict[Side, ItemReadings] | None:
    return None if exam is None else {side: item_readings(exam, side) for side in Side}


def references(context: ExamContext) -> References:
    """The baseline, the previous exam and the best exam since the operation, as readings."""
    since = context.postoperative_exams_before()
    return References(_readings_by_side(context.baseline), _readings_by_side(context.previous),
                      BestSinceOperation(since) if since else None, context.previous is None)


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
    verdicts = [_worse_than(earlier, current) for earlier in refs.readings(side, item)]
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
            note = "" if refs.first_presentation else word(wording.NOTE_NEW_OR_WORSE)
            found.append(_finding(item, side, reading, True, note))
        elif evolution is not Course.NOT_COMPARABLE:
            course_word = word(wording.COURSE_WORDS[evolution.value])
            found.append(_finding(item, side, reading, False,
                                  phrase(wording.NOTE_NOT_WORSE, course=course_word)))
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
