"""The clinical knowledge the product encodes, written down once.

Every table here transcribes ``clinical-reference.md`` (kept with the project's shared documents);
the engine, the GUI and the PDFs read these tables and nothing else spells a root, a muscle, a
dermatome or a reflex. Each table names its source so that every interpretation built on it can
cite where it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache, cached_property


class Source(StrEnum):
    """The published sources the rules and tables rest on (clinical-reference.md, section 10)."""

    ISNCSCI = (
        "ISNCSCI: Rupp R. et al. International Standards for Neurological Classification of "
        "Spinal Cord Injury, revised 2019. Top Spinal Cord Inj Rehabil 2021;27(2):1-22."
    )
    MRC = "Medical Research Council. Aids to the examination of the peripheral nervous system, Memorandum 45."
    NINDS = "Hallett M. NINDS myotatic reflex scale. Neurology 1993;43:2723."
    NICE = (
        "NICE Clinical Knowledge Summaries. Sciatica (lumbar radiculopathy): red flag symptoms "
        "and signs; management."
    )
    NASS = (
        "North American Spine Society. Diagnosis and treatment of lumbar disc herniation with "
        "radiculopathy, evidence-based clinical guideline, 2012."
    )
    ESENE = (
        "Esene I.N. et al. Diagnostic performance of the medial hamstring reflex in L5 "
        "radiculopathy. Surg Neurol Int 2012;3:104."
    )
    HARRISON = "Harrison's Principles of Internal Medicine: lumbosacral radiculopathy, features by root."
    STEWART = "Stewart JD. Foot drop: where, why and what to do? Pract Neurol 2008;8:158-169."
    STEVENS = "Stevens F, Weerkamp NJ, Cals JWL. Foot drop. BMJ 2015;350:h1736."


class Side(StrEnum):
    """A side of the body."""

    LEFT = "left"
    RIGHT = "right"

    @property
    def other(self) -> Side:
        """The opposite side."""
        return Side.RIGHT if self is Side.LEFT else Side.LEFT


class Root(StrEnum):
    """The lumbosacral nerve roots the exam tells apart."""

    L1 = "L1"
    L2 = "L2"
    L3 = "L3"
    L4 = "L4"
    L5 = "L5"
    S1 = "S1"
    S2 = "S2"


# --------------------------------------------------------------------------------------------
# Motor (clinical-reference.md, section 2)
# --------------------------------------------------------------------------------------------


class Muscle(StrEnum):
    """The motor items of the exam, named by movement as the record format names them."""

    HIP_FLEXION = "hip_flexion"
    HIP_ADDUCTION = "hip_adduction"
    KNEE_EXTENSION = "knee_extension"
    ANKLE_DORSIFLEXION = "ankle_dorsiflexion"
    GREAT_TOE_EXTENSION = "great_toe_extension"
    TOE_EXTENSION = "toe_extension"
    ANKLE_INVERSION = "ankle_inversion"
    ANKLE_EVERSION = "ankle_eversion"
    HIP_ABDUCTION = "hip_abduction"
    HIP_EXTENSION = "hip_extension"
    KNEE_FLEXION = "knee_flexion"
    ANKLE_PLANTARFLEXION = "ankle_plantarflexion"


class Nerve(StrEnum):
    """Peripheral nerves that supply the tested muscles."""

    FEMORAL_OR_PLEXUS = "femoral / lumbar plexus"
    FEMORAL = "femoral"
    OBTURATOR = "obturator"
    DEEP_PERONEAL = "deep peroneal (fibular)"
    SUPERFICIAL_PERONEAL = "superficial peroneal (fibular)"
    TIBIAL = "tibial"
    SUPERIOR_GLUTEAL = "superior gluteal"
    INFERIOR_GLUTEAL = "inferior gluteal"
    SCIATIC_TIBIAL = "sciatic (tibial part)"


@dataclass(frozen=True)
class MotorItemInfo:
    """One row of the motor table: what is tested and which root and nerve it tells about."""

    movement: str
    muscle: str
    roots: tuple[Root, ...]
    """Roots that supply the muscle in the main."""
    minor_roots: tuple[Root, ...]
    """Roots given in parentheses in the reference: a smaller contribution."""
    key_level: Root | None
    """The ISNCSCI key muscle level, or None when the muscle is not an ISNCSCI key muscle."""
    nerve: Nerve
    how_to_test: str
    """A short reminder of the manoeuvre; grading follows MRC Memorandum 45."""

    @property
    def roots_label(self) -> str:
        """Roots as the reference writes them, minor ones in parentheses: "L5 (L4)"."""
        main = ", ".join(self.roots)
        return f"{main} ({', '.join(self.minor_roots)})" if self.minor_roots else main


MOTOR_ITEMS: dict[Muscle, MotorItemInfo] = {
    Muscle.HIP_FLEXION: MotorItemInfo(
        "hip flexion", "iliopsoas", (Root.L2, Root.L3), (), Root.L2, Nerve.FEMORAL_OR_PLEXUS,
        "Seated: lift the thigh off the couch against the examiner's hand.",
    ),
    Muscle.HIP_ADDUCTION: MotorItemInfo(
        "hip adduction", "adductors", (Root.L2, Root.L3, Root.L4), (), None, Nerve.OBTURATOR,
        "Supine: squeeze the knees together against the examiner's hands.",
    ),
    Muscle.KNEE_EXTENSION: MotorItemInfo(
        "knee extension", "quadriceps", (Root.L3, Root.L4), (), Root.L3, Nerve.FEMORAL,
        "Seated: straighten the knee against resistance at the shin.",
    ),
    Muscle.ANKLE_DORSIFLEXION: MotorItemInfo(
        "ankle dorsiflexion", "tibialis anterior", (Root.L4, Root.L5), (), Root.L4,
        Nerve.DEEP_PERONEAL, "Pull the foot up against resistance on the dorsum.",
    ),
    Muscle.GREAT_TOE_EXTENSION: MotorItemInfo(
        "big toe extension", "extensor hallucis longus", (Root.L5,), (), Root.L5,
        Nerve.DEEP_PERONEAL, "Lift the big toe against a finger on its nail.",
    ),
    Muscle.TOE_EXTENSION: MotorItemInfo(
        "lesser toe extension", "extensor digitorum longus", (Root.L5,), (), None,
        Nerve.DEEP_PERONEAL, "Lift the lesser toes against resistance.",
    ),
    Muscle.ANKLE_INVERSION: MotorItemInfo(
        "ankle inversion", "tibialis posterior", (Root.L5,), (Root.L4,), None, Nerve.TIBIAL,
        "Foot slightly plantar-flexed: turn the sole inwards against resistance.",
    ),
    Muscle.ANKLE_EVERSION: MotorItemInfo(
        "ankle eversion", "peroneus longus and brevis", (Root.L5, Root.S1), (), None,
        Nerve.SUPERFICIAL_PERONEAL, "Turn the sole outwards against resistance.",
    ),
    Muscle.HIP_ABDUCTION: MotorItemInfo(
        "hip abduction", "gluteus medius", (Root.L5,), (), None, Nerve.SUPERIOR_GLUTEAL,
        "Side-lying or supine: move the leg outwards against resistance.",
    ),
    Muscle.HIP_EXTENSION: MotorItemInfo(
        "hip extension", "gluteus maximus", (Root.S1,), (Root.L5,), None, Nerve.INFERIOR_GLUTEAL,
        "Prone: lift the thigh off the couch against resistance.",
    ),
    Muscle.KNEE_FLEXION: MotorItemInfo(
        "knee flexion", "hamstrings", (Root.L5, Root.S1), (), None, Nerve.SCIATIC_TIBIAL,
        "Prone or seated: bend the knee against resistance at the heel.",
    ),
    Muscle.ANKLE_PLANTARFLEXION: MotorItemInfo(
        "ankle plantar flexion", "gastrocnemius, soleus", (Root.S1,), (Root.S2,), Root.S1,
        Nerve.TIBIAL, "Push the foot down; best tested as repeated single-leg heel raises.",
    ),
}

LEMS_KEY_MUSCLES: tuple[Muscle, ...] = tuple(m for m, info in MOTOR_ITEMS.items() if info.key_level)
"""The five ISNCSCI key muscles of the leg (L2, L3, L4, L5, S1), in root order."""

MOTOR_SOURCES = (Source.ISNCSCI, Source.HARRISON, Source.MRC)


class NotTestableReason(StrEnum):
    """Why an item was graded NT (clinical-reference.md, section 2)."""

    PAIN = "pain"
    IMMOBILISATION = "cast_or_immobilisation"
    UNABLE_TO_COOPERATE = "unable_to_cooperate"
    NOT_EXAMINED = "not_examined"


NOT_TESTABLE_REASON_LABELS: dict[NotTestableReason, str] = {
    NotTestableReason.PAIN: "pain",
    NotTestableReason.IMMOBILISATION: "cast or immobilisation",
    NotTestableReason.UNABLE_TO_COOPERATE: "patient unable to cooperate",
    NotTestableReason.NOT_EXAMINED: "not examined",
}

# --------------------------------------------------------------------------------------------
# Sensation (clinical-reference.md, section 3)
# --------------------------------------------------------------------------------------------


class Dermatome(StrEnum):
    """The lower-limb and saddle dermatomes of the sensory exam."""

    L1 = "L1"
    L2 = "L2"
    L3 = "L3"
    L4 = "L4"
    L5 = "L5"
    S1 = "S1"
    S2 = "S2"
    S3 = "S3"
    S4_5 = "S4-5"


class SensoryModality(StrEnum):
    """The two sensory modalities ISNCSCI grades per dermatome."""

    LIGHT_TOUCH = "light_touch"
    PIN_PRICK = "pin_prick"

    @property
    def label(self) -> str:
        """The modality in words."""
        return "light touch" if self is SensoryModality.LIGHT_TOUCH else "pin prick"


@dataclass(frozen=True)
class DermatomeInfo:
    """One row of the dermatome table."""

    key_point: str
    """The ISNCSCI key sensory point, where the grade is taken."""
    area: str
    """The area a clinician expects on the leg and foot."""


DERMATOMES: dict[Dermatome, DermatomeInfo] = {
    Dermatome.L1: DermatomeInfo(
        "halfway between the key points of T12 and L2 (upper anterior thigh, below the inguinal "
        "ligament)", "groin, upper anterior thigh"),
    Dermatome.L2: DermatomeInfo(
        "anteromedial thigh, midway between the mid-inguinal ligament and the medial femoral "
        "condyle", "anterior and medial thigh"),
    Dermatome.L3: DermatomeInfo(
        "medial femoral condyle, just above the knee", "lower medial thigh, knee"),
    Dermatome.L4: DermatomeInfo(
        "medial malleolus", "medial leg, medial ankle, medial edge of the foot"),
    Dermatome.L5: DermatomeInfo(
        "dorsum of the foot at the third metatarsophalangeal joint",
        "lateral leg, dorsum of the foot, big toe and second toe, first web space"),
    Dermatome.S1: DermatomeInfo(
        "lateral heel (calcaneus)", "lateral foot, little toe, most of the sole, posterior calf"),
    Dermatome.S2: DermatomeInfo("midpoint of the popliteal fossa", "posterior thigh"),
    Dermatome.S3: DermatomeInfo("ischial tuberosity or infragluteal fold", "medial buttock"),
    Dermatome.S4_5: DermatomeInfo(
        "perianal area, within 1 cm of the mucocutaneous junction",
        'perianal and perineal ("saddle") area'),
}

SADDLE_DERMATOME = Dermatome.S4_5
SENSORY_SOURCES = (Source.ISNCSCI,)

# --------------------------------------------------------------------------------------------
# Reflexes and upper motor neuron signs (clinical-reference.md, section 4)
# --------------------------------------------------------------------------------------------


class Reflex(StrEnum):
    """The tendon reflexes of the exam."""

    PATELLAR = "patellar"
    MEDIAL_HAMSTRING = "medial_hamstring"
    ACHILLES = "achilles"


@dataclass(frozen=True)
class ReflexInfo:
    """One row of the reflex table."""

    label: str
    roots: tuple[Root, ...]
    minor_roots: tuple[Root, ...]
    accuracy_note: str
    """How often the reflex pointed to the right level in 100 disc herniations (Esene 2012)."""


REFLEXES: dict[Reflex, ReflexInfo] = {
    Reflex.PATELLAR: ReflexInfo("patellar (knee jerk)", (Root.L4,), (Root.L3,), "about 86 %"),
    Reflex.MEDIAL_HAMSTRING: ReflexInfo("medial hamstring", (Root.L5,), (), "about 79 %"),
    Reflex.ACHILLES: ReflexInfo("Achilles (ankle jerk)", (Root.S1,), (), "about 67 %"),
}

REFLEX_SOURCES = (Source.NINDS, Source.ESENE)


class PlantarResponse(StrEnum):
    """The plantar response; extensor is the Babinski sign."""

    FLEXOR = "flexor"
    EXTENSOR = "extensor"
    EQUIVOCAL = "equivocal"
    NT = "NT"


# --------------------------------------------------------------------------------------------
# Functional and provocative tests (clinical-reference.md, section 5)
# --------------------------------------------------------------------------------------------


class GaitResult(StrEnum):
    """Heel walk and toe walk, per side."""

    NORMAL = "normal"
    IMPAIRED = "impaired"
    UNABLE = "unable"
    NT = "NT"


class GaitTest(StrEnum):
    """The two walking tests."""

    HEEL_WALK = "heel_walk"
    TOE_WALK = "toe_walk"


GAIT_TESTS: dict[GaitTest, tuple[str, tuple[Muscle, ...]]] = {
    GaitTest.HEEL_WALK: (
        "heel walk",
        (Muscle.ANKLE_DORSIFLEXION, Muscle.GREAT_TOE_EXTENSION, Muscle.TOE_EXTENSION),
    ),
    GaitTest.TOE_WALK: ("toe walk", (Muscle.ANKLE_PLANTARFLEXION,)),
}
"""Each walking test and the movements it tests: heel walk ankle and toe dorsiflexion (L4, L5),
toe walk plantar flexion (S1)."""


class StretchTest(StrEnum):
    """The root tension tests."""

    STRAIGHT_LEG_RAISE = "straight_leg_raise"
    FEMORAL_STRETCH = "femoral_stretch"


TENSION_TEST_ROOTS: dict[StretchTest, tuple[Root, ...]] = {
    StretchTest.STRAIGHT_LEG_RAISE: (Root.L5, Root.S1),
    StretchTest.FEMORAL_STRETCH: (Root.L2, Root.L3, Root.L4),
}

TENSION_TEST_LABELS: dict[StretchTest, str] = {
    StretchTest.STRAIGHT_LEG_RAISE: "straight leg raise",
    StretchTest.FEMORAL_STRETCH: "femoral stretch test",
}


class FemoralStretch(StrEnum):
    """The femoral stretch test result."""

    NEGATIVE = "negative"
    POSITIVE = "positive"
    NT = "NT"


class StraightLegRaise(StrEnum):
    """Straight leg raise, when not positive at an angle (the angle is a number)."""

    NEGATIVE = "negative"
    NT = "NT"


class Clonus(StrEnum):
    """Ankle clonus, when not a count of beats (the count is a number)."""

    ABSENT = "absent"
    SUSTAINED = "sustained"


# --------------------------------------------------------------------------------------------
# Red flags (clinical-reference.md, section 6)
# --------------------------------------------------------------------------------------------


class RedFlag(StrEnum):
    """Red flags a clinician asks about: cauda equina and post-operative complications."""

    URINARY_RETENTION = "urinary_retention"
    NEW_URINARY_INCONTINENCE = "new_urinary_incontinence"
    FAECAL_INCONTINENCE = "faecal_incontinence"
    SADDLE_ANAESTHESIA = "saddle_anaesthesia"
    REDUCED_RECTAL_SENSATION = "reduced_rectal_sensation"
    BILATERAL_SCIATICA = "bilateral_sciatica"
    PROGRESSIVE_WEAKNESS = "progressive_weakness"
    WOUND_INFECTION_SIGNS = "wound_infection_signs"
    SEVERE_UNCONTROLLED_PAIN = "severe_uncontrolled_pain"


@dataclass(frozen=True)
class RedFlagInfo:
    """How a red flag is asked and what it may mean."""

    label: str
    """The finding in clinical words."""
    lay_label: str
    """The same in words a patient understands."""
    cauda_equina: bool
    """True when it is one of the NICE red flags for cauda equina syndrome."""


RED_FLAGS: dict[RedFlag, RedFlagInfo] = {
    RedFlag.URINARY_RETENTION: RedFlagInfo(
        "urinary retention or difficulty starting to pass urine",
        "you cannot pass urine, or it is hard to start", True),
    RedFlag.NEW_URINARY_INCONTINENCE: RedFlagInfo(
        "new urinary incontinence", "you leak urine and this is new", True),
    RedFlag.FAECAL_INCONTINENCE: RedFlagInfo(
        "faecal incontinence", "you cannot hold in your bowel motions", True),
    RedFlag.SADDLE_ANAESTHESIA: RedFlagInfo(
        "perianal, perineal or genital sensory loss (saddle anaesthesia)",
        "numbness between your legs, around your bottom or genitals", True),
    RedFlag.REDUCED_RECTAL_SENSATION: RedFlagInfo(
        "loss of sensation of rectal fullness",
        "you cannot feel when your bowel is full", True),
    RedFlag.BILATERAL_SCIATICA: RedFlagInfo(
        "bilateral sciatica", "pain running down both legs", True),
    RedFlag.PROGRESSIVE_WEAKNESS: RedFlagInfo(
        "weakness getting worse over hours or days",
        "a leg or foot gets weaker over hours or days", False),
    RedFlag.WOUND_INFECTION_SIGNS: RedFlagInfo(
        "fever, or a red, swollen or discharging wound",
        "fever, or a wound that is red, swollen or leaking", False),
    RedFlag.SEVERE_UNCONTROLLED_PAIN: RedFlagInfo(
        "severe pain that nothing relieves", "very bad pain that nothing helps", False),
}

RED_FLAG_SOURCES = (Source.NICE,)

# --------------------------------------------------------------------------------------------
# Surgery context (clinical-reference.md, section 7, last paragraph)
# --------------------------------------------------------------------------------------------


class DiscLevel(StrEnum):
    """The lumbar disc levels an operation may address."""

    L1_L2 = "L1-L2"
    L2_L3 = "L2-L3"
    L3_L4 = "L3-L4"
    L4_L5 = "L4-L5"
    L5_S1 = "L5-S1"


class HerniationZone(StrEnum):
    """Where the herniation lay; decides which root it compresses."""

    PARACENTRAL = "paracentral"
    FORAMINAL = "foraminal"
    FAR_LATERAL = "far_lateral"


DISC_LEVEL_ROOTS: dict[DiscLevel, tuple[Root, Root]] = {
    DiscLevel.L1_L2: (Root.L2, Root.L1),
    DiscLevel.L2_L3: (Root.L3, Root.L2),
    DiscLevel.L3_L4: (Root.L4, Root.L3),
    DiscLevel.L4_L5: (Root.L5, Root.L4),
    DiscLevel.L5_S1: (Root.S1, Root.L5),
}
"""(traversing root, exiting root) at each disc level: a paracentral herniation compresses the
traversing root, a foraminal or far-lateral one the exiting root (NASS 2012)."""

# --------------------------------------------------------------------------------------------
# Localisation patterns (clinical-reference.md, section 7)
# --------------------------------------------------------------------------------------------


class Lesion(StrEnum):
    """The lesions the engine ranks (record-format.md, LESION)."""

    L2_ROOT = "L2_root"
    L3_ROOT = "L3_root"
    L4_ROOT = "L4_root"
    L5_ROOT = "L5_root"
    S1_ROOT = "S1_root"
    COMMON_PERONEAL = "common_peroneal_nerve"
    DEEP_PERONEAL = "deep_peroneal_nerve"
    SCIATIC = "sciatic_nerve"
    FEMORAL = "femoral_nerve"
    UPPER_MOTOR_NEURON = "upper_motor_neuron"
    CAUDA_EQUINA = "cauda_equina"


class Involvement(StrEnum):
    """How a lesion involves one exam item: one cell of the localisation table.

    The categories transcribe the wording of clinical-reference.md section 7 (and section 2 for
    the muscles a root supplies); each has one weight for an abnormal and one for a normal
    result (``INVOLVEMENT_WEIGHTS``), so evidence can count one way more than the other.
    """

    TYPICAL = "typical"
    """The reference's row names it: the lesion weakens, reduces or numbs it."""
    COMMON = "common"
    """Part of the lesion but often spared by a partial lesion: the one-way test of section 7
    (weak, it points strongly to the lesion; normal, it argues only weakly against it)."""
    SUPPORTIVE = "supportive"
    """A sign that points to the lesion when present and says nothing when absent (section 7:
    a positive straight leg raise, a reduced medial hamstring reflex point to a root)."""
    OCCASIONAL = "occasional"
    """Named in parentheses, or supplied by the root (section 2) without being in its row."""
    SPARED = "spared"
    """The reference says the lesion spares it (or leaves it normal)."""
    OUTSIDE = "outside"
    """The lesion does not reach it; every item a lesion's table does not name."""


INVOLVEMENT_WEIGHTS: dict[Involvement, tuple[float, float]] = {
    Involvement.TYPICAL: (2.0, -1.0),
    Involvement.COMMON: (1.5, -0.25),
    Involvement.SUPPORTIVE: (1.5, 0.0),
    Involvement.OCCASIONAL: (0.5, 0.0),
    Involvement.SPARED: (-2.5, 0.0),
    Involvement.OUTSIDE: (-1.5, 0.0),
}
"""(weight when the item is abnormal, weight when it is normal) per category.

Asymmetric on purpose (section 7): a typical sign present counts much for the lesion and its
absence clearly against it; a common sign present counts for it and its absence only a little
against (a partial lesion often spares it); a supportive sign counts for it when present and
nothing when absent; an occasional sign counts a little for and nothing
against; an abnormal item that the lesion spares or cannot reach counts against it, and a normal
one says nothing (it is what every other lesion expects too)."""

DENSE_DEFICIT_MRC = 2
"""A lesion's deficit is dense when one of its typical muscles is at MRC 2 or less (section 7)."""

DENSE_COMMON_MUSCLE_FACTOR = 1.5
"""Beside a dense deficit a normal common muscle argues "a little more" against the lesion
(section 7: normal inversion and hip abduction beside a foot drop of MRC 2 or less)."""


class ItemKind(StrEnum):
    """The kinds of exam item the localisation table covers."""

    MUSCLE = "muscle"
    DERMATOME = "dermatome"
    REFLEX = "reflex"
    WALKING_TEST = "walking test"
    TENSION_TEST = "tension test"


ITEM_KIND_FACTORS: dict[ItemKind, float] = {
    ItemKind.MUSCLE: 1.0,
    ItemKind.DERMATOME: 0.5,
    ItemKind.REFLEX: 1.0,
    ItemKind.WALKING_TEST: 0.25,
    ItemKind.TENSION_TEST: 1.0,
}
"""Each weight is multiplied by the factor of its item's kind. Dermatomes count half: their maps
overlap and differ between atlases (section 3). Walking tests count a quarter: they repeat what
the grades of the muscles they test already say."""


def muscle_severity_factor(mrc: int) -> float:
    """How much a weak muscle counts, by depth: 1 at MRC 4, 1.25 at 3, up to 2 at MRC 0.

    A deeper deficit is stronger evidence for (or against) the lesions that do (or cannot)
    explain it, and so weakening a typical muscle never lowers its lesion's score: the step from
    MRC 3 to 2 adds 0.5, more than the dense-deficit rule can take away from two normal common
    muscles (2 x 0.125).
    """
    return 1.0 + max(0, 4 - mrc) / 4


LocalisedItem = Muscle | Dermatome | Reflex | GaitTest | StretchTest
"""Any exam item the localisation table speaks about."""

ALL_LOCALISED_ITEMS: tuple[LocalisedItem, ...] = (*Muscle, *Dermatome, *Reflex, *GaitTest,
                                                  *StretchTest)


def item_kind(item: LocalisedItem) -> ItemKind:
    """The kind of an exam item."""
    if isinstance(item, Muscle):
        return ItemKind.MUSCLE
    if isinstance(item, Dermatome):
        return ItemKind.DERMATOME
    if isinstance(item, Reflex):
        return ItemKind.REFLEX
    if isinstance(item, GaitTest):
        return ItemKind.WALKING_TEST
    return ItemKind.TENSION_TEST


@dataclass(frozen=True)
class LesionProfile:
    """One lesion of section 7: its label, its roots, and how it involves every exam item."""

    label: str
    involvement: dict[LocalisedItem, Involvement]
    """Every item the lesion involves or spares; any other item is OUTSIDE."""
    roots: tuple[Root, ...] = ()
    """The root (or two adjacent roots) for root lesions; empty for a nerve."""

    def of(self, item: LocalisedItem) -> Involvement:
        """How the lesion involves ``item``."""
        return self.involvement.get(item, Involvement.OUTSIDE)

    @cached_property
    def weights(self) -> dict[LocalisedItem, tuple[Involvement, float, float]]:
        """Every item's category and its abnormal and normal weights, times the kind's factor
        (worked out once: the engine reads them thousands of times per assessment)."""
        return {item: _weighed(self.of(item), item) for item in ALL_LOCALISED_ITEMS}

    @property
    def root(self) -> Root | None:
        """The single root of a root lesion."""
        return self.roots[0] if len(self.roots) == 1 else None


def _weighed(involvement: Involvement, item: LocalisedItem) -> tuple[Involvement, float, float]:
    abnormal, normal = INVOLVEMENT_WEIGHTS[involvement]
    factor = ITEM_KIND_FACTORS[item_kind(item)]
    return involvement, abnormal * factor, normal * factor


ROOT_LESIONS: dict[Root, Lesion] = {
    Root.L2: Lesion.L2_ROOT, Root.L3: Lesion.L3_ROOT, Root.L4: Lesion.L4_ROOT,
    Root.L5: Lesion.L5_ROOT, Root.S1: Lesion.S1_ROOT,
}

_M, _D, _R = Muscle, Dermatome, Reflex
_T, _C, _O, _S = Involvement.TYPICAL, Involvement.COMMON, Involvement.OCCASIONAL, Involvement.SPARED
_U = Involvement.SUPPORTIVE
_SLR, _FST = StretchTest.STRAIGHT_LEG_RAISE, StretchTest.FEMORAL_STRETCH

_ROOT_ROWS: dict[Lesion, tuple[str, Root, dict[LocalisedItem, Involvement]]] = {
    # Section 7 has one row for "L2 / L3 root"; split by section 2 (knee extension is L3 and L4,
    # the ISNCSCI key level of L3), section 4 (patellar: L4, L3 minor) and section 3.
    Lesion.L2_ROOT: ("L2 root", Root.L2, {
        _M.HIP_FLEXION: _T, _M.HIP_ADDUCTION: _T, _D.L2: _T, _FST: _U}),
    Lesion.L3_ROOT: ("L3 root", Root.L3, {
        _M.HIP_FLEXION: _T, _M.HIP_ADDUCTION: _T, _M.KNEE_EXTENSION: _C, _R.PATELLAR: _C,
        _D.L3: _T, _FST: _U}),
    Lesion.L4_ROOT: ("L4 root", Root.L4, {
        _M.KNEE_EXTENSION: _T, _M.ANKLE_DORSIFLEXION: _T, _M.HIP_ADDUCTION: _O,
        _R.PATELLAR: _T, _D.L4: _T, _FST: _U}),
    # L5: inversion and hip abduction are part of the root's pattern but the bedside test works
    # one way only (section 7): weak, they point strongly to L5; normal, they argue only weakly
    # against it. A reduced medial hamstring reflex and a positive straight leg raise point to a
    # root when present. Patellar and Achilles reflexes are normal in an L5 lesion.
    Lesion.L5_ROOT: ("L5 root", Root.L5, {
        _M.GREAT_TOE_EXTENSION: _T, _M.ANKLE_DORSIFLEXION: _T, _M.TOE_EXTENSION: _T,
        _M.ANKLE_INVERSION: _C, _M.HIP_ABDUCTION: _C, _M.ANKLE_EVERSION: _O,
        _R.MEDIAL_HAMSTRING: _U, _R.PATELLAR: _S, _R.ACHILLES: _S, _D.L5: _T, _SLR: _U}),
    Lesion.S1_ROOT: ("S1 root", Root.S1, {
        _M.ANKLE_PLANTARFLEXION: _T, _M.ANKLE_EVERSION: _T, _M.HIP_EXTENSION: _T,
        _M.KNEE_FLEXION: _T, _R.ACHILLES: _T, _D.S1: _T, _SLR: _U}),
}

_NERVE_ROWS: dict[Lesion, tuple[str, dict[LocalisedItem, Involvement]]] = {
    # Nerve sensory fields (section 7) mapped onto the dermatome key points (section 3), where
    # ISNCSCI takes the grade: the dorsum of the foot (L5 key point) lies in the superficial
    # peroneal field, which the common peroneal nerve includes and the deep peroneal nerve (first
    # web space only) does not; the lateral heel (S1 key point) lies on the sole, which peroneal
    # lesions spare; the medial malleolus (L4) lies in the saphenous (femoral) field. Reflexes
    # are "all normal" in peroneal lesions. Tension signs point to roots, not to nerves.
    Lesion.COMMON_PERONEAL: ("common peroneal nerve (fibular head)", {
        _M.ANKLE_DORSIFLEXION: _T, _M.GREAT_TOE_EXTENSION: _T, _M.TOE_EXTENSION: _T,
        _M.ANKLE_EVERSION: _T, _M.ANKLE_INVERSION: _S, _M.HIP_ABDUCTION: _S,
        _R.PATELLAR: _S, _R.MEDIAL_HAMSTRING: _S, _R.ACHILLES: _S, _D.L5: _T, _D.S1: _S}),
    Lesion.DEEP_PERONEAL: ("deep peroneal nerve", {
        _M.ANKLE_DORSIFLEXION: _T, _M.GREAT_TOE_EXTENSION: _T, _M.TOE_EXTENSION: _T,
        _M.ANKLE_EVERSION: _S, _M.ANKLE_INVERSION: _S, _M.HIP_ABDUCTION: _S,
        _R.PATELLAR: _S, _R.MEDIAL_HAMSTRING: _S, _R.ACHILLES: _S, _D.S1: _S}),
    Lesion.SCIATIC: ("sciatic nerve", {
        _M.ANKLE_DORSIFLEXION: _T, _M.GREAT_TOE_EXTENSION: _T, _M.TOE_EXTENSION: _T,
        _M.ANKLE_PLANTARFLEXION: _T, _M.ANKLE_INVERSION: _T, _M.ANKLE_EVERSION: _T,
        _M.KNEE_FLEXION: _T, _M.HIP_ABDUCTION: _S, _M.HIP_EXTENSION: _S,
        _R.ACHILLES: _T, _R.MEDIAL_HAMSTRING: _O, _D.L5: _T, _D.S1: _T, _D.L4: _S}),
    Lesion.FEMORAL: ("femoral nerve", {
        _M.KNEE_EXTENSION: _T, _M.HIP_FLEXION: _O, _M.HIP_ADDUCTION: _S,
        _R.PATELLAR: _T, _D.L2: _T, _D.L4: _T, _D.L3: _O}),
}

_WALKING_TEST_MUSCLES: dict[GaitTest, tuple[Muscle, ...]] = {
    test: muscles for test, (_, muscles) in GAIT_TESTS.items()}
_STRENGTH = (Involvement.TYPICAL, Involvement.COMMON, Involvement.SUPPORTIVE,
             Involvement.OCCASIONAL)


def _root_supplies(root: Root, muscle: Muscle) -> bool:
    info = MOTOR_ITEMS[muscle]
    return root in info.roots + info.minor_roots


def _with_derived_items(involvement: dict[LocalisedItem, Involvement],
                        roots: tuple[Root, ...]) -> dict[LocalisedItem, Involvement]:
    """Complete a row: muscles a root supplies (section 2) that the row leaves out count as
    occasional; a walking test is involved as strongly as the most involved muscle it tests."""
    full = dict(involvement)
    for muscle in Muscle:
        if muscle not in full and any(_root_supplies(root, muscle) for root in roots):
            full[muscle] = Involvement.OCCASIONAL
    for test, muscles in _WALKING_TEST_MUSCLES.items():
        found = [full[m] for m in muscles if full.get(m) in _STRENGTH]
        if found:
            full[test] = min(found, key=_STRENGTH.index)
    return full


LESION_PROFILES: dict[Lesion, LesionProfile] = {
    **{lesion: LesionProfile(label, _with_derived_items(row, (root,)), (root,))
       for lesion, (label, root, row) in _ROOT_ROWS.items()},
    **{lesion: LesionProfile(label, _with_derived_items(row, ()))
       for lesion, (label, row) in _NERVE_ROWS.items()},
}
"""Every lesion scored from the pattern of one side (section 7), with its whole table row."""

ROOT_LESION_PROFILES = {lesion: LESION_PROFILES[lesion] for lesion in _ROOT_ROWS}

LESION_LABELS: dict[Lesion, str] = {
    **{lesion: profile.label for lesion, profile in LESION_PROFILES.items()},
    Lesion.UPPER_MOTOR_NEURON: "central (upper motor neuron)",
    Lesion.CAUDA_EQUINA: "cauda equina",
}

ADJACENT_ROOT_PAIRS: tuple[tuple[Lesion, Lesion], ...] = (
    (Lesion.L2_ROOT, Lesion.L3_ROOT), (Lesion.L3_ROOT, Lesion.L4_ROOT),
    (Lesion.L4_ROOT, Lesion.L5_ROOT), (Lesion.L5_ROOT, Lesion.S1_ROOT),
)
"""Roots that one disc or one stenotic segment can compress together (multi-root patterns)."""

_INVOLVEMENT_STRENGTH = (*_STRENGTH, Involvement.OUTSIDE, Involvement.SPARED)


@cache
def combined_profile(first: Lesion, second: Lesion) -> LesionProfile:
    """Two adjacent roots as one lesion: each item as involved as the more involved root has it."""
    a, b = ROOT_LESION_PROFILES[first], ROOT_LESION_PROFILES[second]
    items = set(a.involvement) | set(b.involvement)
    return LesionProfile(
        f"{a.label} and {b.label}",
        {item: min(a.of(item), b.of(item), key=_INVOLVEMENT_STRENGTH.index) for item in items},
        a.roots + b.roots,
    )


LOCALISATION_SOURCES = (Source.HARRISON, Source.NASS, Source.ISNCSCI, Source.ESENE,
                        Source.STEWART, Source.STEVENS)

TABLE_SOURCES: dict[str, tuple[Source, ...]] = {
    "Motor items: movement, muscle, roots, ISNCSCI key level, nerve": MOTOR_SOURCES,
    "Dermatomes and ISNCSCI key sensory points": SENSORY_SOURCES,
    "Reflexes and their roots": REFLEX_SOURCES,
    "Red flags": RED_FLAG_SOURCES,
    "Localisation patterns": LOCALISATION_SOURCES,
}
"""Each knowledge table and the sources it transcribes (printed on the rules page)."""
