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
from typing import Any

from core.engine import wording
from core.engine.findings import item_label, item_readings
from core.engine.localisation import Candidate, close_contenders
from core.i18n import Field, Joined, Phrase, phrase, word
from core.knowledge import (
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
    if_abnormal: tuple[Lesion, ...]
    """The lesions in question that an abnormal result fits, best ranked first."""
    if_normal: tuple[Lesion, ...]
    """The lesions a normal result favours (empty when a normal result tells them apart by
    little)."""
    swing: float
    """How far one result moves the lesions in question apart."""

    @property
    def kind(self) -> ItemKind:
        """Muscle, dermatome, reflex, walking or tension test."""
        return item_kind(self.item)

    @property
    def text(self) -> Phrase:
        """The advice in words, as the app, the report and the note print it."""
        how: Field = ""
        if isinstance(self.item, Muscle):
            how = phrase(wording.HOW_TO_TEST,
                         how=word(MOTOR_ITEMS[self.item].how_to_test.rstrip(".")))
        parts = []
        if self.if_abnormal:
            parts.append(phrase(wording.IF_ABNORMAL, result=word(ABNORMAL_WORD[self.kind]),
                                lesions=_either(self.if_abnormal)))
        if self.if_normal:
            parts.append(phrase(wording.IF_NORMAL, lesions=_either(self.if_normal)))
        return phrase(wording.TEST_ITEM, side=word(self.side.value), item=item_label(self.item),
                      how=how, advice=Joined(tuple(parts), "; ", capitalised=True))

    def as_dict(self) -> dict[str, Any]:
        """As the assessment document writes it (record-format.md, Extensions): the lesion each
        result points to first, and every lesion it fits."""
        word = ABNORMAL_WORD[self.kind]
        return {"item": str(self.item), "kind": self.kind.value, "side": self.side.value,
                f"if_{word}": self.if_abnormal[0].value if self.if_abnormal else None,
                "if_normal": self.if_normal[0].value if self.if_normal else None,
                f"if_{word}_fits": [x.value for x in self.if_abnormal],
                "if_normal_fits": [x.value for x in self.if_normal],
                "text": str(self.text)}


def _either(lesions: tuple[Lesion, ...]) -> Joined:
    """Lesions as alternatives: "L5 root or common peroneal nerve"."""
    return Joined(tuple(word(LESION_LABELS[x]) for x in lesions), word(wording.OR))


def _weights(lesion: Lesion, item: LocalisedItem) -> tuple[float, float]:
    _, abnormal, normal = LESION_PROFILES[lesion].weights[item]
    return abnormal, normal


def _decider(item: LocalisedItem, side: Side, lesions: list[Lesion]) -> Decider | None:
    """What ``item`` would say about ``lesions`` (ranked best first), if it says enough."""
    weights = {lesion: _weights(lesion, item) for lesion in lesions}
    abnormal = [w for w, _ in weights.values()]
    normal = [n for _, n in weights.values()]
    swing = max(max(abnormal) - min(abnormal), max(normal) - min(normal))
    if swing < DECIDING_SWING:
        return None
    fits = tuple(x for x in lesions if weights[x][0] > 0) if min(abnormal) <= 0 else ()
    best_normal = max(normal)
    favoured = tuple(x for x in lesions if weights[x][1] == best_normal) \
        if best_normal - min(normal) >= 0.25 else ()
    return Decider(item, side, fits, favoured, swing)


def _sides(candidate: Candidate) -> list[Side]:
    return list(Side) if candidate.side not in ("left", "right") else [Side(candidate.side)]


_TABLE_ITEMS = sorted({item for profile in LESION_PROFILES.values()
                       for item in profile.involvement},
                      key=lambda i: (list(ItemKind).index(item_kind(i)), str(i)))


def _unexamined(exam: Exam, side: Side) -> list[LocalisedItem]:
    examined = {item for item, reading in item_readings(exam, side).items() if reading.testable}
    return [i for i in _TABLE_ITEMS if i not in examined]


def undecided(exam: Exam, ranked: list[Candidate]) -> list[Decider]:
    """The unexamined items that would separate the lesions still in question, most telling
    first; [] when one lesion leads clearly."""
    contenders = [c for c in close_contenders(ranked) if c.lesion in LESION_PROFILES]
    found = []
    for side in Side:
        lesions = list(dict.fromkeys(c.lesion for c in contenders if side in _sides(c)))
        if len(lesions) < 2:
            continue
        found += [d for item in _unexamined(exam, side)
                  if (d := _decider(item, side, lesions)) is not None]
    return sorted(found, key=lambda d: (-d.swing, d.side.value, str(d.item)))
