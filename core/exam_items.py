"""The catalogue of exam items: every item of the exam described once, for every consumer.

The exam has two shapes of item. *Families* hold one grade per key and side (a grade per muscle,
per dermatome for each sensory modality, per reflex); their keys and clinical meaning are the
knowledge tables (core/knowledge.py). *Per-side tests* hold one value per side (plantar response,
clonus, heel and toe walk, straight leg raise, femoral stretch test). For each item this module
says what the record field is, its clinical label, the exam section it belongs to, its normal
value, how far from normal each value is (severity), how it is written in words, what its CSV
column holds, how FHIR codes it, and the key of its not-testable reason.

"Rest normal" and the review step (core/normal.py), the engine's readings
(core/engine/readings.py), the CSV columns, the FHIR observations and code systems, the clinician
report and the exam editor all iterate this catalogue; adding a per-side test is one entry here
(plus its clinical knowledge, and its field in the record). tests/test_exam_items.py checks that
every consumer covers every entry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import KW_ONLY, dataclass
from enum import StrEnum
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from core.grades import MotorGrade, ReflexGrade, SensoryGrade
from core.i18n import Joined, Phrase, Translator, phrase, translator, word
from core.knowledge import (
    GAIT_TESTS,
    MOTOR_ITEMS,
    REFLEXES,
    Clonus,
    Dermatome,
    FemoralStretch,
    GaitResult,
    GaitTest,
    Muscle,
    PlantarResponse,
    Reflex,
    Side,
    StraightLegRaise,
)

ENGLISH = translator()


class Section(StrEnum):
    """The sections of the exam that "rest normal" fills, and the review step lists."""

    MOTOR = "motor"
    SENSORY = "sensory"
    REFLEXES = "reflexes"
    FUNCTION = "function"
    RED_FLAGS = "red_flags"


class Modality(StrEnum):
    """The modality column of a change: how the engine groups items."""

    MOTOR = "motor"
    LIGHT_TOUCH = "light_touch"
    PIN_PRICK = "pin_prick"
    REFLEX = "reflex"
    UPPER_MOTOR_NEURON = "upper_motor_neuron"
    FUNCTION = "function"
    PROVOCATIVE = "provocative"


def nt_key(field_name: str, side: Side, key: str = "") -> str:
    """The key of an item's not-testable reason in ``Exam.nt_reasons``: "section.side.item"
    for a family's item, "field.side" for a per-side test (record-format extension)."""
    return f"{field_name}.{side.value}.{key}" if key else f"{field_name}.{side.value}"


@dataclass(frozen=True)
class Family:
    """Items graded per key and side: the keys come from the knowledge tables."""

    field: str
    """The record's field (``Exam.motor``...)."""
    label: str
    """What the family is called in words ("light touch")."""
    section: Section
    modality: Modality
    keys: tuple[Any, ...]
    """Every key (muscle, dermatome, reflex), in the record's order."""
    normal: Any
    """The normal grade, which "rest normal" fills in."""
    item_label: Callable[[Any], Phrase | Joined]
    """One key as a clinician names it ("big toe extension", "Achilles (ankle jerk) reflex"),
    translatable."""

    def item_words(self, key: Any) -> Phrase | Joined:
        """One item of the family in clinical words ("light touch L5"), rendered in the reader's
        language: the review's list of what was not examined and the Undo menu's words."""
        return self.item_label(key)

    def nt_key(self, side: Side, key: Any) -> str:
        """The key of this item's not-testable reason."""
        return nt_key(self.field, side, str(key.value))


FAMILIES: tuple[Family, ...] = (
    Family("motor", "motor", Section.MOTOR, Modality.MOTOR, tuple(Muscle), MotorGrade.G5,
           lambda muscle: word(MOTOR_ITEMS[muscle].movement)),
    Family("light_touch", "light touch", Section.SENSORY, Modality.LIGHT_TOUCH, tuple(Dermatome),
           SensoryGrade.NORMAL, lambda dermatome: Joined((word("light touch"), dermatome.value),
                                                         " ")),
    Family("pin_prick", "pin prick", Section.SENSORY, Modality.PIN_PRICK, tuple(Dermatome),
           SensoryGrade.NORMAL, lambda dermatome: Joined((word("pin prick"), dermatome.value),
                                                         " ")),
    Family("reflexes", "reflexes", Section.REFLEXES, Modality.REFLEX, tuple(Reflex),
           ReflexGrade.LOW_NORMAL,
           lambda reflex: phrase("{reflex} reflex", reflex=word(REFLEXES[reflex].label))),
)
"""The families, in the record's order."""


@dataclass(frozen=True)
class Count:
    """The numeric form a per-side test may take instead of a word: clonus beats, the angle at
    which the straight leg raise turned positive."""

    code: str
    """The FHIR component's exam-item code, after the test's field ("beats": "clonus.beats")."""
    display: str
    """The component's display in the exam-item code system."""
    result: str
    """The finding-result code of the observation's value when counted ("positive")."""
    text: str
    """How a count is written, with {} for the number ("{} beats", "positive at {}°")."""
    offered: tuple[int, ...]
    """The counts the editor offers (others typed in an imported record are shown as well)."""
    severity: Callable[[int], float]
    """How far from normal a count is."""
    bounds: tuple[int, int]
    """The lowest and highest count the record accepts."""
    meaning: str
    """What the number is, for the record's error message ("a number of beats from 1 to 100")."""
    unit: tuple[str, str] | None = None
    """(UCUM code, words) when FHIR writes the count as a quantity; a plain integer otherwise."""


@dataclass(frozen=True)
class SideTest:
    """A test with one value per side."""

    field: str
    """The record's field (``Exam.plantar``...)."""
    label: str
    """The clinical label, as every screen, report and export writes it."""
    section: Section
    modality: Modality
    words: type[StrEnum]
    """The worded values the record allows."""
    normal: StrEnum
    """The normal value, which "rest normal" fills in."""
    severity: Mapping[Any, float]
    """How far from normal each worded value is (0 normal); a value absent here (NT) is NT."""
    site: str
    """The FHIR body-site code (core/exchange/fhir_codes.py, BODY_SITE)."""
    _: KW_ONLY
    hint: str
    """The widget hint: how the test is done and read, shown beside its choices in the editor."""
    csv_values: str = ""
    """What the CSV column may hold, when more than the words (a count)."""
    count: Count | None = None
    report_note: str = ""
    """A note after the label in the clinician report's table (how a count is printed there)."""

    def values(self) -> list[Any]:
        """Every value the editor offers, words first, then the offered counts."""
        return [*self.words, *(self.count.offered if self.count else ())]

    def text(self, value: Any, _: Translator = ENGLISH) -> str:
        """The value in words, as the editor, the review and the Undo menu show it ("positive at
        40°"; "not examined" for None), in ``_``'s language."""
        if value is None:
            return _("not examined")
        if isinstance(value, int) and self.count is not None:
            return _(self.count.text).format(value)
        return _(str(value.value))

    def reading_severity(self, value: Any) -> float | None:
        """How far from normal ``value`` is; None when NT."""
        if isinstance(value, int) and self.count is not None:
            return self.count.severity(value)
        return self.severity.get(value)

    def value_choices(self) -> str:
        """What the CSV column (and docs/csv-columns.md) says the column may hold."""
        return self.csv_values or ", ".join(str(w.value) for w in self.words)

    def nt_key(self, side: Side) -> str:
        """The key of this test's not-testable reason."""
        return nt_key(self.field, side)

    def record_type(self) -> Any:
        """The type of one side's value in the record (core/record.py builds the field from it):
        the words, or for a test that may be counted a word or a whole number within bounds."""
        if self.count is None:
            return self.words
        low, high = self.count.bounds
        schema = {"anyOf": [{"enum": [w.value for w in self.words]},
                            {"type": "integer", "minimum": low, "maximum": high}]}
        return Annotated[Any, PlainValidator(self._word_or_count), PlainSerializer(_plain),
                         WithJsonSchema(schema)]

    def _word_or_count(self, value: Any) -> Any:
        """A value as the record takes it: one of the words, or a count within bounds."""
        if isinstance(value, self.words):
            return value
        if isinstance(value, str) and value in self.words._value2member_map_:
            return self.words(value)
        assert self.count is not None
        low, high = self.count.bounds
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        words = ", ".join(repr(w.value) for w in self.words)
        raise PydanticCustomError(self.field, f"expected {words} or {self.count.meaning}")


def _plain(value: StrEnum | int) -> str | int:
    """A per-side value as JSON writes it."""
    return value.value if isinstance(value, StrEnum) else value


_GAIT_SEVERITY = {GaitResult.NORMAL: 0.0, GaitResult.IMPAIRED: 1.0, GaitResult.UNABLE: 2.0}


def _gait(test: GaitTest, hint: str) -> SideTest:
    return SideTest(test.value, GAIT_TESTS[test][0].capitalize(), Section.FUNCTION,
                    Modality.FUNCTION, GaitResult, GaitResult.NORMAL, _GAIT_SEVERITY,
                    "lower-limb", hint=hint)


SIDE_TESTS: tuple[SideTest, ...] = (
    SideTest("plantar", "Plantar response", Section.REFLEXES, Modality.UPPER_MOTOR_NEURON,
             PlantarResponse, PlantarResponse.FLEXOR,
             {PlantarResponse.FLEXOR: 0.0, PlantarResponse.EQUIVOCAL: 1.0,
              PlantarResponse.EXTENSOR: 2.0}, "sole",
             hint="Stroke the outer sole from the heel towards the toes: the big toe flexes "
                  "(flexor), extends (extensor: the Babinski sign) or neither clearly "
                  "(equivocal)."),
    SideTest("clonus", "Ankle clonus", Section.REFLEXES, Modality.UPPER_MOTOR_NEURON,
             Clonus, Clonus.ABSENT, {Clonus.ABSENT: 0.0, Clonus.SUSTAINED: 2.0}, "ankle",
             hint="Dorsiflex the ankle briskly and hold it: no beats (absent), the number of "
                  "beats, or beats that go on while it is held (sustained).",
             csv_values="absent, sustained, or a number of beats",
             count=Count("beats", "Number of beats of ankle clonus", "beats", "{} beats",
                         (1, 2, 3, 4, 5), lambda beats: 1 + min(beats, 100) / 1000, (1, 100),
                         "a number of beats from 1 to 100")),
    _gait(GaitTest.HEEL_WALK, "Walking on the heels, forefoot off the floor, tests ankle and "
                              "toe dorsiflexion (L4, L5)."),
    _gait(GaitTest.TOE_WALK, "Walking on the toes, heels off the floor, tests plantar "
                             "flexion (S1)."),
    SideTest("straight_leg_raise", "Straight leg raise", Section.FUNCTION, Modality.PROVOCATIVE,
             StraightLegRaise, StraightLegRaise.NEGATIVE, {StraightLegRaise.NEGATIVE: 0.0},
             "lower-limb",
             hint="Patient supine, raise the straight leg: negative, or the angle at which it "
                  "brings on pain down the leg (usually 30-70°).",
             csv_values="negative, NT, or the angle in degrees where it turned positive",
             count=Count("angle", "Angle of hip flexion at which the straight leg raise turned "
                         "positive", "positive", "positive at {}°", tuple(range(20, 91, 10)),
                         lambda angle: 1 + (90 - angle) / 90, (0, 90),
                         "the angle in degrees (0-90) at which it was positive",
                         unit=("deg", "degrees")),
             report_note="degrees if +"),
    SideTest("femoral_stretch", "Femoral stretch test", Section.FUNCTION, Modality.PROVOCATIVE,
             FemoralStretch, FemoralStretch.NEGATIVE,
             {FemoralStretch.NEGATIVE: 0.0, FemoralStretch.POSITIVE: 1.0}, "lower-limb",
             hint="Patient prone, flex the knee: negative, or positive when it brings on pain in "
                  "the front of the thigh (L2-L4)."),
)
"""The per-side tests, in the record's order."""

SIDE_TEST: dict[str, SideTest] = {test.field: test for test in SIDE_TESTS}
"""The per-side tests by field."""

FAMILY: dict[str, Family] = {family.field: family for family in FAMILIES}
"""The families by field."""


def section_fields(section: Section) -> tuple[str, ...]:
    """The record fields of one section, families first, in the record's order."""
    return (tuple(family.field for family in FAMILIES if family.section is section)
            + tuple(test.field for test in SIDE_TESTS if test.section is section))
