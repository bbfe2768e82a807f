"""The clinical knowledge the product encodes, written down once.

Every table here transcribes ``clinical-reference.md`` (kept with the project's shared documents);
the engine, the GUI and the PDFs read these tables and nothing else spells a root, a muscle, a
dermatome or a reflex. Each table names its source so that every interpretation built on it can
cite where it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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


@dataclass(frozen=True)
class LesionPattern:
    """What a lesion weakens, spares, reduces and numbs: one row of section 7."""

    label: str
    weak: tuple[Muscle, ...]
    """Muscles the lesion weakens."""
    weak_minor: tuple[Muscle, ...] = ()
    """Muscles given in parentheses: weak sometimes, or less."""
    spared: tuple[Muscle, ...] = ()
    """Muscles the reference names as spared; weakness there argues against the lesion."""
    reflexes_reduced: tuple[Reflex, ...] = ()
    reflexes_maybe_reduced: tuple[Reflex, ...] = ()
    sensory: tuple[Dermatome, ...] = ()
    """Dermatomes whose key point lies in the lesion's sensory field."""
    sensory_partial: tuple[Dermatome, ...] = ()
    """Dermatomes whose area overlaps the field although the key point lies outside it."""
    root: Root | None = None
    """The root, for root lesions."""
    combined_roots: tuple[Root, ...] = ()
    """For a lesion of two adjacent roots together: both roots."""

    @property
    def roots(self) -> tuple[Root, ...]:
        """Every root this pattern stands for (empty for a nerve)."""
        return (self.root,) if self.root is not None else self.combined_roots


ROOT_LESIONS: dict[Root, Lesion] = {
    Root.L2: Lesion.L2_ROOT, Root.L3: Lesion.L3_ROOT, Root.L4: Lesion.L4_ROOT,
    Root.L5: Lesion.L5_ROOT, Root.S1: Lesion.S1_ROOT,
}

_M = Muscle
PERIPHERAL_LESION_PATTERNS: dict[Lesion, LesionPattern] = {
    # Nerve sensory fields (section 7) are mapped onto the dermatome key points (section 3):
    # the dorsum of the foot (L5 key point) lies in the superficial peroneal field; the lateral
    # heel (S1) in the sole/heel that peroneal lesions spare; the medial malleolus (L4) in the
    # saphenous (femoral) field; the first web space, the deep peroneal field, is inside the L5
    # area but not at its key point.
    Lesion.COMMON_PERONEAL: LesionPattern(
        "common peroneal nerve (fibular head)",
        weak=(_M.ANKLE_DORSIFLEXION, _M.GREAT_TOE_EXTENSION, _M.TOE_EXTENSION, _M.ANKLE_EVERSION),
        spared=(_M.ANKLE_INVERSION, _M.HIP_ABDUCTION),
        sensory=(Dermatome.L5,),
    ),
    Lesion.DEEP_PERONEAL: LesionPattern(
        "deep peroneal nerve",
        weak=(_M.ANKLE_DORSIFLEXION, _M.GREAT_TOE_EXTENSION, _M.TOE_EXTENSION),
        spared=(_M.ANKLE_EVERSION,),
        sensory_partial=(Dermatome.L5,),
    ),
    Lesion.SCIATIC: LesionPattern(
        "sciatic nerve",
        weak=(_M.ANKLE_DORSIFLEXION, _M.GREAT_TOE_EXTENSION, _M.TOE_EXTENSION,
              _M.ANKLE_PLANTARFLEXION, _M.ANKLE_INVERSION, _M.ANKLE_EVERSION, _M.KNEE_FLEXION),
        spared=(_M.HIP_ABDUCTION,),
        reflexes_reduced=(Reflex.ACHILLES,),
        sensory=(Dermatome.L5, Dermatome.S1),
    ),
    Lesion.FEMORAL: LesionPattern(
        "femoral nerve",
        weak=(_M.KNEE_EXTENSION,),
        weak_minor=(_M.HIP_FLEXION,),
        spared=(_M.HIP_ADDUCTION,),
        reflexes_reduced=(Reflex.PATELLAR,),
        sensory=(Dermatome.L2, Dermatome.L4),
        sensory_partial=(Dermatome.L3,),
    ),
}

ROOT_LESION_PATTERNS: dict[Lesion, LesionPattern] = {
    # Section 7 has one row for "L2 / L3 root"; split here by section 2, which gives knee
    # extension to L3 and L4 only, and by the patellar reflex (L3 minor) and the dermatomes.
    Lesion.L2_ROOT: LesionPattern(
        "L2 root", weak=(_M.HIP_FLEXION, _M.HIP_ADDUCTION), sensory=(Dermatome.L2,), root=Root.L2,
    ),
    Lesion.L3_ROOT: LesionPattern(
        "L3 root", weak=(_M.HIP_FLEXION, _M.HIP_ADDUCTION), weak_minor=(_M.KNEE_EXTENSION,),
        reflexes_maybe_reduced=(Reflex.PATELLAR,), sensory=(Dermatome.L3,), root=Root.L3,
    ),
    Lesion.L4_ROOT: LesionPattern(
        "L4 root", weak=(_M.KNEE_EXTENSION, _M.ANKLE_DORSIFLEXION),
        weak_minor=(_M.HIP_ADDUCTION,), reflexes_reduced=(Reflex.PATELLAR,),
        sensory=(Dermatome.L4,), root=Root.L4,
    ),
    Lesion.L5_ROOT: LesionPattern(
        "L5 root",
        weak=(_M.GREAT_TOE_EXTENSION, _M.ANKLE_DORSIFLEXION, _M.TOE_EXTENSION,
              _M.ANKLE_INVERSION, _M.HIP_ABDUCTION),
        weak_minor=(_M.ANKLE_EVERSION,), reflexes_reduced=(Reflex.MEDIAL_HAMSTRING,),
        sensory=(Dermatome.L5,), root=Root.L5,
    ),
    Lesion.S1_ROOT: LesionPattern(
        "S1 root",
        weak=(_M.ANKLE_PLANTARFLEXION, _M.ANKLE_EVERSION, _M.HIP_EXTENSION, _M.KNEE_FLEXION),
        reflexes_reduced=(Reflex.ACHILLES,), sensory=(Dermatome.S1,), root=Root.S1,
    ),
}

LESION_PATTERNS: dict[Lesion, LesionPattern] = {**ROOT_LESION_PATTERNS, **PERIPHERAL_LESION_PATTERNS}
"""Every lesion that is scored from the motor, reflex and sensory pattern of one side."""

LESION_LABELS: dict[Lesion, str] = {
    **{lesion: pattern.label for lesion, pattern in LESION_PATTERNS.items()},
    Lesion.UPPER_MOTOR_NEURON: "central (upper motor neuron)",
    Lesion.CAUDA_EQUINA: "cauda equina",
}

ADJACENT_ROOT_PAIRS: tuple[tuple[Lesion, Lesion], ...] = (
    (Lesion.L2_ROOT, Lesion.L3_ROOT), (Lesion.L3_ROOT, Lesion.L4_ROOT),
    (Lesion.L4_ROOT, Lesion.L5_ROOT), (Lesion.L5_ROOT, Lesion.S1_ROOT),
)
"""Roots that one disc or one stenotic segment can compress together (multi-root patterns)."""


def combined_pattern(first: Lesion, second: Lesion) -> LesionPattern:
    """Two root patterns as one: what either root weakens, reduces or numbs."""
    a, b = ROOT_LESION_PATTERNS[first], ROOT_LESION_PATTERNS[second]
    weak = tuple(dict.fromkeys(a.weak + b.weak))
    reduced = tuple(dict.fromkeys(a.reflexes_reduced + b.reflexes_reduced))
    return LesionPattern(
        f"{a.label} and {b.label}", weak=weak,
        weak_minor=tuple(m for m in dict.fromkeys(a.weak_minor + b.weak_minor) if m not in weak),
        reflexes_reduced=reduced,
        reflexes_maybe_reduced=tuple(r for r in dict.fromkeys(
            a.reflexes_maybe_reduced + b.reflexes_maybe_reduced) if r not in reduced),
        sensory=tuple(dict.fromkeys(a.sensory + b.sensory)),
        combined_roots=a.roots + b.roots,
    )


PERONEAL_DISCRIMINATORS: tuple[Muscle, ...] = (Muscle.ANKLE_INVERSION, Muscle.HIP_ABDUCTION)
"""The decisive bedside test between an L5 root lesion and a common peroneal palsy: tibialis
posterior (tibial nerve, L5) and gluteus medius (superior gluteal nerve, L5) are weak in L5
radiculopathy and normal in peroneal palsy."""

FOOT_DROP_MUSCLE = Muscle.ANKLE_DORSIFLEXION
LOCALISATION_SOURCES = (Source.HARRISON, Source.NASS, Source.ISNCSCI, Source.ESENE)

TABLE_SOURCES: dict[str, tuple[Source, ...]] = {
    "Motor items: movement, muscle, roots, ISNCSCI key level, nerve": MOTOR_SOURCES,
    "Dermatomes and ISNCSCI key sensory points": SENSORY_SOURCES,
    "Reflexes and their roots": REFLEX_SOURCES,
    "Red flags": RED_FLAG_SOURCES,
    "Localisation patterns": LOCALISATION_SOURCES,
}
"""Each knowledge table and the sources it transcribes (printed on the rules page)."""
