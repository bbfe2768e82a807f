"""What is still undecided: the unexamined items that would separate the leading lesions.

When two lesions are within ``UNDECIDED_MARGIN`` of each other, the exam has not settled between
them. Instead of guessing, the assessment names every item not examined (missing or NT) whose
result would move one of them ahead of the other by at least ``DECIDING_SWING``, and says what
each result would mean (clinical-reference.md, section 7: "the product says which ones, and what
each result would mean, instead of guessing"). The weights are those of the localisation table,
so the advice follows from the same knowledge as the scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Any

from core.engine.findings import item_label, item_readings
from core.engine.localisation import Candidate, close_contenders
from core.knowledge import (
    INVOLVEMENT_WEIGHTS,
    ITEM_KIND_FACTORS,
    LESION_LABELS,
    LESION_PROFILES,
    MOTOR_ITEMS,
    ItemKind,
    Lesion,
    LocalisedItem,
    Muscle,
    Side,
    item_kind,
)
from core.record import Exam

DECIDING_SWING = 2.0
"""An unexamined item is worth naming when one of its results would move the two lesions apart
by at least this much: one typical finding."""

ABNORMAL_WORD: dict[ItemKind, str] = {
    ItemKind.MUSCLE: "weak", ItemKind.DERMATOME: "altered", ItemKind.REFLEX: "reduced",
    ItemKind.WALKING_TEST: "impaired", ItemKind.TENSION_TEST: "positive",
}
"""The abnormal result of each kind of item, in words and as the key of the JSON row."""


@dataclass(frozen=True)
class Decider:
    """One unexamined item and what each of its results would point to."""

    item: LocalisedItem
    side: Side
    if_abnormal: Lesion | None
    if_normal: Lesion | None
    swing: float
    """How far one result moves the two lesions apart."""

    @property
    def kind(self) -> ItemKind:
        """Muscle, dermatome, reflex, walking or tension test."""
        return item_kind(self.item)

    @property
    def text(self) -> str:
        """The advice in words, as the app, the report and the note print it."""
        how = f" ({MOTOR_ITEMS[self.item].how_to_test})" if isinstance(self.item, Muscle) else ""
        parts = []
        if self.if_abnormal is not None:
            parts.append(f"{ABNORMAL_WORD[self.kind]}: {LESION_LABELS[self.if_abnormal]} more likely")
        if self.if_normal is not None:
            parts.append(f"normal: {LESION_LABELS[self.if_normal]} more likely")
        return f"Test {self.side.value} {item_label(self.item)}{how} - " + "; ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        """As the assessment document writes it (record-format.md, Extensions)."""
        return {"item": str(self.item), "kind": self.kind.value, "side": self.side.value,
                f"if_{ABNORMAL_WORD[self.kind]}": None if self.if_abnormal is None
                else self.if_abnormal.value,
                "if_normal": None if self.if_normal is None else self.if_normal.value,
                "text": self.text}


def _weights(lesion: Lesion, item: LocalisedItem) -> tuple[float, float]:
    abnormal, normal = INVOLVEMENT_WEIGHTS[LESION_PROFILES[lesion].of(item)]
    factor = ITEM_KIND_FACTORS[item_kind(item)]
    return abnormal * factor, normal * factor


def _pick(first: Lesion, second: Lesion, difference: float) -> Lesion | None:
    return first if difference > 0 else second if difference < 0 else None


def _decider(item: LocalisedItem, side: Side, first: Lesion, second: Lesion) -> Decider | None:
    (a_abnormal, a_normal), (b_abnormal, b_normal) = _weights(first, item), _weights(second, item)
    swing = max(abs(a_abnormal - b_abnormal), abs(a_normal - b_normal))
    if swing < DECIDING_SWING:
        return None
    return Decider(item, side, _pick(first, second, a_abnormal - b_abnormal),
                   _pick(first, second, a_normal - b_normal), swing)


def _sides(candidate: Candidate) -> list[Side]:
    return list(Side) if candidate.side not in ("left", "right") else [Side(candidate.side)]


def _unexamined(exam: Exam, side: Side) -> list[LocalisedItem]:
    examined = {item for item, reading in item_readings(exam, side).items() if reading.testable}
    items = {item for profile in LESION_PROFILES.values() for item in profile.involvement}
    return sorted((i for i in items if i not in examined), key=lambda i: (item_kind(i).value, i))


def undecided(exam: Exam, ranked: list[Candidate]) -> list[Decider]:
    """The unexamined items that would separate the lesions still in question, most telling first."""
    contenders = [c for c in close_contenders(ranked) if c.lesion in LESION_PROFILES]
    best: dict[tuple[LocalisedItem, Side], Decider] = {}
    for one, other in combinations(contenders, 2):
        if one.lesion is other.lesion:
            continue
        for side in set(_sides(one)) & set(_sides(other)):
            for item in _unexamined(exam, side):
                found = _decider(item, side, one.lesion, other.lesion)
                held = best.get((item, side))
                if found is not None and (held is None or found.swing > held.swing):
                    best[(item, side)] = found
    return sorted(best.values(), key=lambda d: (-d.swing, d.side.value, str(d.item)))
