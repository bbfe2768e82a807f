"""Which root or nerve explains the pattern (clinical-reference.md, section 7).

Every candidate lesion is scored per side by adding up plain, listed weights: a finding the lesion
explains counts for it, an abnormal finding it cannot explain counts against it, and so does a
normal result where the lesion should have left a mark. Each term is written as a sentence in the
"for" or "against" list, so a reviewer can redo every score by hand. No fitted weights.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.engine.context import ExamContext
from core.engine.readings import clonus_reading, plantar_reading
from core.knowledge import (
    ADJACENT_ROOT_PAIRS,
    DISC_LEVEL_ROOTS,
    FOOT_DROP_MUSCLE,
    GAIT_TESTS,
    LESION_LABELS,
    LESION_PATTERNS,
    MOTOR_ITEMS,
    PERONEAL_DISCRIMINATORS,
    RED_FLAGS,
    REFLEXES,
    SADDLE_DERMATOME,
    TENSION_TEST_LABELS,
    TENSION_TEST_ROOTS,
    Dermatome,
    GaitTest,
    HerniationZone,
    Lesion,
    LesionPattern,
    Muscle,
    Reflex,
    Root,
    SensoryModality,
    Side,
    StretchTest,
    combined_pattern,
)
from core.record import Exam, SurgerySide

# The weights, one place. Shown in the rules page so a reviewer sees them.
WEIGHTS: dict[str, float] = {
    "expected muscle weak": 2.0,
    "muscle weak that the lesion sometimes weakens": 1.0,
    "expected muscle normal": -0.25,
    "muscle weak that the lesion cannot explain": -2.0,
    "expected dermatome abnormal": 1.0,
    "dermatome abnormal, area overlaps the field but not at the key point": 0.5,
    "dermatome abnormal that the lesion cannot explain": -1.0,
    "expected dermatome normal": -0.25,
    "expected reflex reduced": 2.0,
    "reflex reduced that the lesion may reduce": 1.0,
    "expected reflex normal": -0.5,
    "reflex abnormal that the lesion cannot explain": -1.0,
    "walking test impaired by weak muscles of the lesion": 0.5,
    "walking test impaired that the lesion cannot explain": -0.5,
    "root tension sign for this root": 1.0,
    "root at the operated level and side": 3.0,
    "inversion/hip abduction test, per grade of dorsiflexion weakness": 0.5,
    "cauda equina red flag": 3.0,
    "saddle sensation altered": 3.0,
    "weakness on both sides": 1.0,
    "two adjacent roots must beat the best single lesion of the side by": 2.0,
    "extensor plantar response": 2.0,
    "sustained clonus": 2.0,
    "reflex enhanced (4)": 1.0,
}

BILATERAL_LABEL = "bilateral"


@dataclass
class Candidate:
    """A lesion on one side (or both) with its score and reasons."""

    lesion: Lesion
    side: str
    score: float = 0.0
    reasons_for: list[str] = field(default_factory=list)
    reasons_against: list[str] = field(default_factory=list)
    supported: bool = False
    """True once at least one finding speaks for it; unsupported candidates are not listed."""
    partner: Lesion | None = None
    """For one of two adjacent roots reported together: the other root."""
    unexplained: int = 0
    """How many abnormal findings this lesion cannot explain."""

    def add(self, weight_name: str, text: str, scale: float = 1.0) -> None:
        """Add one weighted reason, for or against by the sign of its weight."""
        weight = WEIGHTS[weight_name] * scale
        self.score += weight
        self.unexplained += "cannot explain" in weight_name
        if weight > 0:
            self.supported = True
            self.reasons_for.append(f"{text} [{weight:+g}]")
        else:
            self.reasons_against.append(f"{text} [{weight:+g}]")

    @property
    def label(self) -> str:
        """The lesion in words."""
        return LESION_LABELS[self.lesion]

    def as_dict(self) -> dict[str, Any]:
        """As the assessment document writes it."""
        return {"lesion": self.lesion.value, "side": self.side, "score": round(self.score, 2),
                "for": self.reasons_for, "against": self.reasons_against}


# --------------------------------------------------------------------------------------------
# Findings of one side, in the terms the patterns use.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SideFindings:
    """What one side shows: weak and normal muscles, dermatomes, reflexes, walking tests."""

    weak: dict[Muscle, str]
    normal_muscles: frozenset[Muscle]
    numb: dict[Dermatome, str]
    normal_dermatomes: frozenset[Dermatome]
    reflexes_reduced: dict[Reflex, str]
    reflexes_enhanced: dict[Reflex, str]
    normal_reflexes: frozenset[Reflex]
    gait_impaired: dict[GaitTest, str]
    tension_positive: dict[StretchTest, str]
    dorsiflexion_mrc: int | None

    @property
    def has_deficit(self) -> bool:
        """Any weakness, sensory change, or reduced reflex."""
        return bool(self.weak or self.numb or self.reflexes_reduced)

    @property
    def anything_abnormal(self) -> bool:
        """Any finding a lesion could explain; without one no lesion is supported."""
        return bool(self.has_deficit or self.gait_impaired or self.tension_positive)


def side_findings(exam: Exam, side: Side) -> SideFindings:
    """Sort one side's examined values into what the patterns ask about."""
    weak, normal_muscles = {}, set()
    for muscle, grade in (exam.motor.get(side) or {}).items():
        if grade.testable and not grade.is_normal:
            weak[muscle] = f"{MOTOR_ITEMS[muscle].movement} {grade.value}/5"
        elif grade.is_normal:
            normal_muscles.add(muscle)
    numb, normal_dermatomes = {}, set()
    for dermatome in Dermatome:
        grades = {m: exam.sensory_grade(m, side, dermatome) for m in SensoryModality}
        tested = {m: g for m, g in grades.items() if g is not None and g.testable}
        altered = [f"{m.label} {g.value}" for m, g in tested.items() if not g.is_normal]
        if altered:
            numb[dermatome] = f"{dermatome.value} sensation altered ({', '.join(altered)})"
        elif tested:
            normal_dermatomes.add(dermatome)
    reduced, enhanced, normal_reflexes = {}, {}, set()
    for reflex, reflex_grade in (exam.reflexes.get(side) or {}).items():
        text = f"{REFLEXES[reflex].label} reflex {reflex_grade.value}"
        if reflex_grade.testable and reflex_grade.is_reduced:
            reduced[reflex] = text
        elif reflex_grade.testable and reflex_grade.is_enhanced:
            enhanced[reflex] = text
        elif reflex_grade.testable:
            normal_reflexes.add(reflex)
    gait = {}
    for test, (label, _) in GAIT_TESTS.items():
        result = getattr(exam, test.value).get(side)
        if result is not None and result.value in ("impaired", "unable"):
            gait[test] = f"{label} {result.value}"
    tension = {}
    slr = exam.straight_leg_raise.get(side)
    if isinstance(slr, int):
        tension[StretchTest.STRAIGHT_LEG_RAISE] = f"straight leg raise positive at {slr} degrees"
    femoral = exam.femoral_stretch.get(side)
    if femoral is not None and femoral.value == "positive":
        tension[StretchTest.FEMORAL_STRETCH] = "femoral stretch test positive"
    dorsiflexion = exam.motor_grade(side, FOOT_DROP_MUSCLE)
    return SideFindings(
        weak, frozenset(normal_muscles), numb, frozenset(normal_dermatomes), reduced, enhanced,
        frozenset(normal_reflexes), gait, tension,
        dorsiflexion.mrc if dorsiflexion is not None and dorsiflexion.testable else None,
    )


# --------------------------------------------------------------------------------------------
# Scoring a pattern lesion on one side.
# --------------------------------------------------------------------------------------------


def _muscle_explained(pattern: LesionPattern, muscle: Muscle) -> bool:
    """A root explains any muscle it supplies (section 2); a nerve only its listed muscles."""
    if pattern.roots:
        info = MOTOR_ITEMS[muscle]
        return any(root in info.roots + info.minor_roots for root in pattern.roots)
    return muscle in pattern.weak + pattern.weak_minor


def _reflex_explained(pattern: LesionPattern, reflex: Reflex) -> bool:
    if pattern.roots:
        info = REFLEXES[reflex]
        return any(root in info.roots + info.minor_roots for root in pattern.roots)
    return reflex in pattern.reflexes_reduced + pattern.reflexes_maybe_reduced


def _score_motor(candidate: Candidate, pattern: LesionPattern, found: SideFindings) -> None:
    for muscle, text in found.weak.items():
        if muscle in pattern.weak:
            candidate.add("expected muscle weak", text)
        elif muscle in pattern.weak_minor:
            candidate.add("muscle weak that the lesion sometimes weakens", text)
        elif muscle in pattern.spared:
            candidate.add("muscle weak that the lesion cannot explain",
                          f"{text}, which a {pattern.label} lesion spares")
        elif not _muscle_explained(pattern, muscle):
            candidate.add("muscle weak that the lesion cannot explain", text)
    for muscle in pattern.weak:
        if muscle in found.normal_muscles and not _is_discriminator(candidate, muscle):
            candidate.add("expected muscle normal", f"{MOTOR_ITEMS[muscle].movement} normal")


def _is_discriminator(candidate: Candidate, muscle: Muscle) -> bool:
    return candidate.lesion is Lesion.L5_ROOT and muscle in PERONEAL_DISCRIMINATORS


def _score_peroneal_discriminators(candidate: Candidate, found: SideFindings) -> None:
    """Dorsiflexion weak with inversion and hip abduction normal: the decisive test against L5.

    The weight grows with the weakness of dorsiflexion: normal tibialis posterior and gluteus
    medius say more beside a dense foot drop than beside a slight one.
    """
    if candidate.lesion not in (Lesion.L5_ROOT, Lesion.COMMON_PERONEAL):
        return
    if found.dorsiflexion_mrc is None or found.dorsiflexion_mrc >= 5:
        return
    scale = 5 - found.dorsiflexion_mrc
    name = "inversion/hip abduction test, per grade of dorsiflexion weakness"
    for muscle in PERONEAL_DISCRIMINATORS:
        if muscle not in found.normal_muscles:
            continue
        movement = MOTOR_ITEMS[muscle].movement
        if candidate.lesion is Lesion.L5_ROOT:
            candidate.add(name, f"{movement} normal beside weak dorsiflexion, which argues "
                                "against an L5 root lesion", -scale)
        else:
            candidate.add(name, f"{movement} normal beside weak dorsiflexion, as in a "
                                "peroneal palsy", scale)


def _score_sensory(candidate: Candidate, pattern: LesionPattern, found: SideFindings) -> None:
    for dermatome, text in found.numb.items():
        if dermatome in pattern.sensory:
            candidate.add("expected dermatome abnormal", text)
        elif dermatome in pattern.sensory_partial:
            candidate.add("dermatome abnormal, area overlaps the field but not at the key point",
                          text)
        else:
            candidate.add("dermatome abnormal that the lesion cannot explain", text)
    for dermatome in pattern.sensory:
        if dermatome in found.normal_dermatomes:
            candidate.add("expected dermatome normal", f"{dermatome.value} sensation normal")


def _score_reflexes(candidate: Candidate, pattern: LesionPattern, found: SideFindings) -> None:
    for reflex, text in found.reflexes_reduced.items():
        if reflex in pattern.reflexes_reduced:
            candidate.add("expected reflex reduced", text)
        elif reflex in pattern.reflexes_maybe_reduced:
            candidate.add("reflex reduced that the lesion may reduce", text)
        elif not _reflex_explained(pattern, reflex):
            candidate.add("reflex abnormal that the lesion cannot explain", text)
    for text in found.reflexes_enhanced.values():
        candidate.add("reflex abnormal that the lesion cannot explain",
                      f"{text} (enhanced: not explained by a root or nerve lesion)")
    for reflex in pattern.reflexes_reduced:
        if reflex in found.normal_reflexes:
            candidate.add("expected reflex normal", f"{REFLEXES[reflex].label} reflex normal")


def _score_function(candidate: Candidate, pattern: LesionPattern, found: SideFindings) -> None:
    for test, text in found.gait_impaired.items():
        tested = GAIT_TESTS[test][1]
        if any(m in pattern.weak + pattern.weak_minor for m in tested):
            candidate.add("walking test impaired by weak muscles of the lesion", text)
        else:
            candidate.add("walking test impaired that the lesion cannot explain", text)
    if not pattern.roots:
        return
    for tension_test, text in found.tension_positive.items():
        if any(root in TENSION_TEST_ROOTS[tension_test] for root in pattern.roots):
            roots = ", ".join(TENSION_TEST_ROOTS[tension_test])
            candidate.add("root tension sign for this root",
                          f"{text} ({TENSION_TEST_LABELS[tension_test]} stretches {roots})")


def operated_roots(context: ExamContext, side: Side) -> dict[Root, str]:
    """Roots the operated disc may compress on ``side``, each with how it relates to the level."""
    surgery = context.surgery
    if surgery is None or surgery.side not in (SurgerySide(side.value), SurgerySide.BILATERAL):
        return {}
    traversing, exiting = DISC_LEVEL_ROOTS[surgery.level]
    level = surgery.level.value
    zone = surgery.herniation
    if zone is HerniationZone.PARACENTRAL:
        return {traversing: f"traversing {traversing} at {level}"}
    if zone in (HerniationZone.FORAMINAL, HerniationZone.FAR_LATERAL):
        return {exiting: f"exiting {exiting} at {level}"}
    return {traversing: f"traversing {traversing} at {level}",
            exiting: f"exiting {exiting} at {level}, if the disc was foraminal"}


def _score_pattern(lesion: Lesion, side: Side, found: SideFindings, context: ExamContext,
                   pattern: LesionPattern | None = None) -> Candidate:
    pattern = pattern or LESION_PATTERNS[lesion]
    candidate = Candidate(lesion, side.value)
    _score_motor(candidate, pattern, found)
    _score_peroneal_discriminators(candidate, found)
    _score_sensory(candidate, pattern, found)
    _score_reflexes(candidate, pattern, found)
    _score_function(candidate, pattern, found)
    operated = operated_roots(context, side)
    relation = next((operated[root] for root in pattern.roots if root in operated), None)
    if relation and candidate.supported:
        candidate.add("root at the operated level and side",
                      f"the operation ({context.surgery.procedure if context.surgery else ''}) "
                      f"addressed this root: {relation}")
    return candidate


# --------------------------------------------------------------------------------------------
# Whole-body lesions: upper motor neuron and cauda equina.
# --------------------------------------------------------------------------------------------


def umn_signs(exam: Exam, side: Side) -> list[str]:
    """Upper motor neuron signs on one side: reflex 4, extensor plantar, sustained clonus."""
    signs = [f"{REFLEXES[r].label} reflex 4" for r, g in (exam.reflexes.get(side) or {}).items()
             if g.testable and g.is_enhanced]
    plantar = exam.plantar.get(side)
    if plantar is not None and plantar_reading(plantar).severity == 2.0:
        signs.append("extensor plantar response (Babinski sign)")
    clonus = exam.clonus.get(side)
    if clonus is not None and clonus_reading(clonus).severity == 2.0:
        signs.append("sustained ankle clonus")
    return signs


def _score_umn(exam: Exam) -> list[Candidate]:
    per_side = []
    for side in Side:
        candidate = Candidate(Lesion.UPPER_MOTOR_NEURON, side.value)
        for sign in umn_signs(exam, side):
            name = ("extensor plantar response" if "plantar" in sign else
                    "sustained clonus" if "clonus" in sign else "reflex enhanced (4)")
            candidate.add(name, f"{side.value}: {sign}")
        per_side.append(candidate)
    return per_side


def saddle_altered(exam: Exam) -> list[str]:
    """Saddle (S4-5) sensation altered or absent, per side and modality."""
    altered = []
    for side in Side:
        for modality in SensoryModality:
            grade = exam.sensory_grade(modality, side, SADDLE_DERMATOME)
            if grade is not None and grade.testable and not grade.is_normal:
                altered.append(f"{side.value} S4-5 {modality.label} {grade.value}")
    return altered


def _score_cauda_equina(exam: Exam, findings: dict[Side, SideFindings]) -> Candidate:
    candidate = Candidate(Lesion.CAUDA_EQUINA, BILATERAL_LABEL)
    for flag in exam.red_flags or []:
        if RED_FLAGS[flag].cauda_equina:
            candidate.add("cauda equina red flag", RED_FLAGS[flag].label)
    altered = saddle_altered(exam)
    if altered:
        candidate.add("saddle sensation altered", "saddle sensation altered: " + ", ".join(altered))
    if candidate.supported and all(findings[s].weak for s in Side):
        candidate.add("weakness on both sides", "weakness in both legs")
    return candidate


# --------------------------------------------------------------------------------------------
# Ranking.
# --------------------------------------------------------------------------------------------

_ORDER = {lesion: index for index, lesion in enumerate(Lesion)}
_SIDE_ORDER = {"bilateral": 0, "left": 1, "right": 2}


def _merge_bilateral(left: Candidate, right: Candidate) -> Candidate:
    merged = Candidate(left.lesion, BILATERAL_LABEL, left.score + right.score, supported=True,
                       partner=left.partner or right.partner)
    for one in (left, right):
        merged.reasons_for += [f"{one.side}: {r}" if not r.startswith(one.side) else r
                               for r in one.reasons_for]
        merged.reasons_against += [f"{one.side}: {r}" for r in one.reasons_against]
    return merged


def _combine_sides(left: Candidate, right: Candidate) -> list[Candidate]:
    """One entry when a lesion is supported on both sides, else the side(s) that support it."""
    viable = [c for c in (left, right) if c.supported and c.score > 0]
    if len(viable) == 2:
        return [_merge_bilateral(left, right)]
    return viable


def _root_pairs(side: Side, found: SideFindings, context: ExamContext,
                best_single: float) -> list[Candidate]:
    """Two adjacent roots together, when they explain the side clearly better than any one lesion.

    Both roots are listed, each with the pair's score and reasons, so the list keeps the
    contract's lesion codes; the multiple_roots flag says they belong together.
    """
    gain = WEIGHTS["two adjacent roots must beat the best single lesion of the side by"]
    best: tuple[float, Lesion, Lesion, Candidate] | None = None
    for first, second in ADJACENT_ROOT_PAIRS:
        pair = _score_pattern(first, side, found, context, combined_pattern(first, second))
        if pair.supported and pair.score >= best_single + gain and (best is None or
                                                                     pair.score > best[0]):
            best = (pair.score, first, second, pair)
    if best is None:
        return []
    score, first, second, pair = best
    together = f"{LESION_LABELS[first]} and {LESION_LABELS[second]} together"
    return [Candidate(lesion, side.value, score, [f"{together}: {r}" for r in pair.reasons_for],
                      list(pair.reasons_against), True, partner)
            for lesion, partner in ((first, second), (second, first))]


def localise(context: ExamContext) -> list[Candidate]:
    """Candidate lesions with a positive score, best first; empty when nothing needs explaining."""
    exam = context.exam
    findings = {side: side_findings(exam, side) for side in Side}
    per_side: dict[Side, dict[Lesion, Candidate]] = {}
    for side in Side:
        if not findings[side].anything_abnormal:
            per_side[side] = {}
            continue
        scored = {lesion: _score_pattern(lesion, side, findings[side], context)
                  for lesion in LESION_PATTERNS}
        best = max((c for c in scored.values() if c.supported), key=lambda c: c.score,
                   default=None)
        # A pair can only beat the best single lesion by explaining what it cannot.
        if best is None or best.unexplained:
            best_score = best.score if best is not None else 0.0
            for pair_member in _root_pairs(side, findings[side], context, best_score):
                scored[pair_member.lesion] = pair_member
        per_side[side] = scored
    ranked: list[Candidate] = []
    for lesion in LESION_PATTERNS:
        left, right = (per_side[side].get(lesion, Candidate(lesion, side.value)) for side in Side)
        ranked += _combine_sides(left, right)
    ranked += _combine_sides(*_score_umn(exam))
    cauda = _score_cauda_equina(exam, findings)
    if cauda.supported:
        ranked.append(cauda)
    ranked.sort(key=lambda c: (-round(c.score, 6), _ORDER[c.lesion], _SIDE_ORDER[c.side]))
    return ranked

