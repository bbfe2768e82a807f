"""Normal values, and filling every item not yet entered with its normal value.

Clinicians record what is abnormal; "rest normal" fills the remainder. The normal value of each
item is in the catalogue of exam items (core/exam_items.py): MRC 5, sensation 2, reflex 2 (NINDS
lower half of normal), plantar flexor, no clonus, normal heel and toe walk, negative straight leg
raise and femoral stretch.
"""

from __future__ import annotations

from core.exam_items import FAMILIES, SIDE_TESTS, Section
from core.i18n import Phrase, phrase, word
from core.knowledge import Side
from core.record import Exam

__all__ = ["ItemPlace", "Section", "fill_normal", "missing_items"]

MISSING_ITEM = "{side} {item}"
RED_FLAGS_NOT_ASKED = "red flags not asked"
SECTION_WORDS = tuple(section.value.replace("_", " ") for section in Section)
"""The review step's words for what is missing (English; translated by core.i18n)."""

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
    for family in FAMILIES:
        if family.section not in sections:
            continue
        by_side = getattr(data, family.field)
        for side in Side:
            filled = dict(by_side.get(side) or {})
            for key in family.keys:
                if (family.field, side, key.value) not in keep_unfilled:
                    filled.setdefault(key, family.normal)
            by_side.set(side, {k: filled[k] for k in family.keys if k in filled} or None)
    for test in SIDE_TESTS:
        if test.section not in sections:
            continue
        by_side = getattr(data, test.field)
        for side in Side:
            if by_side.get(side) is None and (test.field, side, "") not in keep_unfilled:
                by_side.set(side, test.normal)
    if Section.RED_FLAGS in sections and data.red_flags is None:
        data.red_flags = []
    return data


def missing_items(exam: Exam) -> dict[Section, list[Phrase]]:
    """What was not examined, per section, as "side item" labels in clinical words (the review
    step lists them: "left big toe extension", "left light touch L5", "left heel walk")."""
    missing: dict[Section, list[Phrase]] = {section: [] for section in Section}
    for family in FAMILIES:
        for side in Side:
            current = getattr(exam, family.field).get(side) or {}
            missing[family.section] += [
                phrase(MISSING_ITEM, side=word(side.value),
                       item=family.item_words(key))
                for key in family.keys if key not in current]
    for test in SIDE_TESTS:
        for side in Side:
            if getattr(exam, test.field).get(side) is None:
                missing[test.section].append(phrase(
                    MISSING_ITEM, side=word(side.value),
                    item=word(test.label[:1].lower() + test.label[1:])))
    if exam.red_flags is None:
        missing[Section.RED_FLAGS].append(word(RED_FLAGS_NOT_ASKED))
    return missing

