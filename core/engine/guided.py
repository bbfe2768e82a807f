"""The guided exam adapts: "rest normal" never fills the items that would decide between the
leading lesions (clinical-reference.md, section 7: when the items that separate root from nerve
were not examined, the product says which ones instead of guessing).

The items come from the engine's own ``undecided`` list for the exam as it stands, so the same
table that scores the lesions decides what is left for the examiner to test.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.engine.assessment import assess
from core.engine.undecided import Decider
from core.knowledge import Dermatome, GaitTest, ItemKind, Muscle, Reflex, StretchTest
from core.normal import ItemPlace, Section
from core.record import Exam, PatientRecord

SECTION_OF_KIND: dict[ItemKind, Section] = {
    ItemKind.MUSCLE: Section.MOTOR, ItemKind.DERMATOME: Section.SENSORY,
    ItemKind.REFLEX: Section.REFLEXES, ItemKind.WALKING_TEST: Section.FUNCTION,
    ItemKind.TENSION_TEST: Section.FUNCTION,
}


@dataclass(frozen=True)
class RestNormal:
    """What "rest normal" does to a section: the items it leaves unfilled, and why (the
    deciding items, most telling first)."""

    keep: frozenset[ItemPlace]
    to_test: list[Decider]


def places(decider: Decider) -> list[ItemPlace]:
    """Where a deciding item lives in the exam (a dermatome in both sensory modalities)."""
    item, side = decider.item, decider.side
    if isinstance(item, Muscle):
        return [("motor", side, item.value)]
    if isinstance(item, Reflex):
        return [("reflexes", side, item.value)]
    if isinstance(item, Dermatome):
        return [("light_touch", side, item.value), ("pin_prick", side, item.value)]
    assert isinstance(item, GaitTest | StretchTest)
    return [(item.value, side, "")]


def rest_normal(record: PatientRecord, exam: Exam, section: Section) -> RestNormal:
    """Which of ``section``'s items "rest normal" must leave unfilled: those that would decide
    between the lesions the exam leaves close (core.edits.FillNormal fills the others)."""
    others = [e for e in record.exams if e.id != exam.id]
    assessment = assess(record.model_copy(update={"exams": [*others, exam]}), exam.id)
    to_test = [d for d in assessment.undecided if SECTION_OF_KIND[d.kind] is section]
    keep = frozenset(place for d in to_test for place in places(d))
    return RestNormal(keep, to_test)
