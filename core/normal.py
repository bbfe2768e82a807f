"""Normal values, and filling every item not yet entered with its normal value.

Clinicians record what is abnormal; "rest normal" fills the remainder. The normal value of each
item lives here once: MRC 5, sensation 2, reflex 2 (NINDS lower half of normal), plantar flexor,
no clonus, normal heel and toe walk, negative straight leg raise and femoral stretch.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from core.grades import MotorGrade, ReflexGrade, SensoryGrade
from core.knowledge import (
    Dermatome,
    FemoralStretch,
    GaitResult,
    Muscle,
    PlantarResponse,
    Reflex,
    Side,
)
from core.record import Clonus, Exam, StraightLegRaise


class Section(StrEnum):
    """The sections of the exam that "rest normal" can fill."""

    MOTOR = "motor"
    SENSORY = "sensory"
    REFLEXES = "reflexes"
    FUNCTION = "function"
    RED_FLAGS = "red_flags"


_KEYED: dict[str, tuple[list[Any], Any]] = {
    "motor": (list(Muscle), MotorGrade.G5),
    "light_touch": (list(Dermatome), SensoryGrade.NORMAL),
    "pin_prick": (list(Dermatome), SensoryGrade.NORMAL),
    "reflexes": (list(Reflex), ReflexGrade.LOW_NORMAL),
}
_SINGLE: dict[str, Any] = {
    "plantar": PlantarResponse.FLEXOR,
    "clonus": Clonus.ABSENT,
    "heel_walk": GaitResult.NORMAL,
    "toe_walk": GaitResult.NORMAL,
    "straight_leg_raise": StraightLegRaise.NEGATIVE,
    "femoral_stretch": FemoralStretch.NEGATIVE,
}
SECTION_FIELDS: dict[Section, tuple[str, ...]] = {
    Section.MOTOR: ("motor",),
    Section.SENSORY: ("light_touch", "pin_prick"),
    Section.REFLEXES: ("reflexes", "plantar", "clonus"),
    Section.FUNCTION: ("heel_walk", "toe_walk", "straight_leg_raise", "femoral_stretch"),
    Section.RED_FLAGS: (),
}


ItemPlace = tuple[str, Side, str]
"""Where an item lives in the exam: (field, side, key); key is "" for a per-side test."""


def fill_normal(exam: Exam, sections: tuple[Section, ...] = tuple(Section),
                keep_unfilled: frozenset[ItemPlace] = frozenset()) -> Exam:
    """A copy of ``exam`` with every item not yet entered in ``sections`` set to normal.

    Items already entered, NT included, are kept as they are, and so are the items named in
    ``keep_unfilled`` (the ones still to be tested). Red flags not yet asked become "asked and
    absent" (an empty list); pain is left alone, as it has no normal value to assume.
    """
    data = exam.model_copy(deep=True)
    for section in sections:
        for field in SECTION_FIELDS[section]:
            by_side = getattr(data, field)
            for side in Side:
                current = by_side.get(side)
                if field in _KEYED:
                    keys, value = _KEYED[field]
                    filled = dict(current or {})
                    for key in keys:
                        if (field, side, key.value) not in keep_unfilled:
                            filled.setdefault(key, value)
                    by_side.set(side, {k: filled[k] for k in keys if k in filled} or None)
                elif current is None and (field, side, "") not in keep_unfilled:
                    by_side.set(side, _SINGLE[field])
    if Section.RED_FLAGS in sections and data.red_flags is None:
        data.red_flags = []
    return data


def missing_items(exam: Exam) -> dict[Section, list[str]]:
    """What was not examined, per section, as "side item" labels (the review step lists them)."""
    missing: dict[Section, list[str]] = {section: [] for section in Section}
    for section, fields in SECTION_FIELDS.items():
        for field in fields:
            by_side = getattr(exam, field)
            for side in Side:
                current = by_side.get(side)
                if field in _KEYED:
                    keys, _ = _KEYED[field]
                    missing[section] += [f"{side.value} {field.replace('_', ' ')} {key.value}"
                                         for key in keys if key not in (current or {})]
                elif current is None:
                    missing[section].append(f"{side.value} {field.replace('_', ' ')}")
    if exam.red_flags is None:
        missing[Section.RED_FLAGS].append("red flags not asked")
    return missing
