"""The stable statement codes of an assessment (record-format.md, FLAG), each with its sentence."""

from __future__ import annotations

from enum import StrEnum

from core.engine.changes import ChangeKind
from core.engine.localisation import Candidate, operated_roots, saddle_altered, umn_signs
from core.engine.readings import Modality
from core.engine.triage import Triage, TriageInputs
from core.knowledge import (
    FOOT_DROP_MUSCLE,
    LESION_LABELS,
    LESION_PATTERNS,
    PERONEAL_DISCRIMINATORS,
    Lesion,
    Side,
)
from core.record import SurgerySide


class Flag(StrEnum):
    """Statements an interpretation can make, as stable codes."""

    CAUDA_EQUINA_RED_FLAGS = "cauda_equina_red_flags"
    NEW_MOTOR_DEFICIT_AFTER_SURGERY = "new_motor_deficit_after_surgery"
    PROGRESSIVE_WEAKNESS = "progressive_weakness"
    MATCHES_OPERATED_LEVEL = "matches_operated_level"
    OPPOSITE_SIDE_TO_SURGERY = "opposite_side_to_surgery"
    PERONEAL_PATTERN = "peroneal_pattern_inversion_hip_abduction_spared"
    UMN_SIGNS = "umn_signs"
    PERSISTENT_MOTOR_DEFICIT = "persistent_motor_deficit_6_weeks"
    NEW_SENSORY_WITHOUT_WEAKNESS = "new_sensory_change_without_weakness"
    REFLEX_MAY_STAY_REDUCED = "reflex_may_stay_reduced"
    SADDLE_SENSATION_ALTERED = "saddle_sensation_altered"
    BILATERAL_MOTOR_DEFICIT = "bilateral_motor_deficit"
    MULTIPLE_ROOTS = "multiple_roots"
    """Product extension: two adjacent roots explain the pattern better than one lesion."""


FLAG_TEXT: dict[Flag, str] = {
    Flag.CAUDA_EQUINA_RED_FLAGS: "Cauda equina red flags are present.",
    Flag.NEW_MOTOR_DEFICIT_AFTER_SURGERY:
        "There is a new or worse motor deficit after surgery.",
    Flag.PROGRESSIVE_WEAKNESS: "Weakness is progressing between exams.",
    Flag.MATCHES_OPERATED_LEVEL:
        "The pattern matches the root at the operated level and side ({detail}).",
    Flag.OPPOSITE_SIDE_TO_SURGERY:
        "The leading pattern is on the side opposite to the operation ({detail}).",
    Flag.PERONEAL_PATTERN:
        "Ankle inversion and hip abduction are spared, which argues against an L5 root lesion "
        "and for a peroneal nerve lesion.",
    Flag.UMN_SIGNS:
        "Upper motor neuron signs are present; a lumbar root lesion does not explain them.",
    Flag.PERSISTENT_MOTOR_DEFICIT: "A motor deficit is unchanged 6 weeks or more after surgery.",
    Flag.NEW_SENSORY_WITHOUT_WEAKNESS: "There is a new sensory change without new weakness.",
    Flag.REFLEX_MAY_STAY_REDUCED:
        "A reflex lost or reduced before surgery often stays reduced after good recovery; "
        "alone it is not a warning.",
    Flag.SADDLE_SENSATION_ALTERED: "Saddle (S4-5) sensation is altered or absent.",
    Flag.BILATERAL_MOTOR_DEFICIT: "There is weakness in both legs.",
    Flag.MULTIPLE_ROOTS: "Two adjacent roots together explain the pattern better than any single "
                         "root or nerve ({detail}).",
}


def flag_sentence(flag: Flag, details: dict[Flag, str]) -> str:
    """The sentence for ``flag``, with its detail filled in where it has one."""
    return FLAG_TEXT[flag].format(detail=details.get(flag, ""))


def _operated_level_flags(inputs: TriageInputs, ranked: list[Candidate]) -> dict[Flag, str]:
    surgery = inputs.context.surgery
    if not ranked or surgery is None or ranked[0].lesion not in LESION_PATTERNS:
        return {}
    leading = ranked[0]
    root = LESION_PATTERNS[leading.lesion].root
    if root is None:
        return {}
    sides = [Side(leading.side)] if leading.side in ("left", "right") else list(Side)
    for side in sides:
        relation = operated_roots(inputs.context, side).get(root)
        if relation:
            return {Flag.MATCHES_OPERATED_LEVEL: relation}
    if surgery.side is not SurgerySide.BILATERAL and leading.side == \
            Side(surgery.side.value).other.value:
        return {Flag.OPPOSITE_SIDE_TO_SURGERY:
                f"{leading.label} on the {leading.side}; operation on the {surgery.side.value} "
                f"at {surgery.level.value}"}
    return {}


def _peroneal_pattern(inputs: TriageInputs, ranked: list[Candidate]) -> bool:
    """Dorsiflexion weak with inversion and hip abduction normal, on a side where a common
    peroneal palsy is a candidate (otherwise the L5-or-peroneal question does not arise)."""
    exam = inputs.context.exam
    peroneal_sides = {c.side for c in ranked if c.lesion is Lesion.COMMON_PERONEAL}
    for side in Side:
        if not peroneal_sides & {side.value, "bilateral"}:
            continue
        dorsiflexion = exam.motor_grade(side, FOOT_DROP_MUSCLE)
        if dorsiflexion is None or not dorsiflexion.testable or dorsiflexion.is_normal:
            continue
        spared = [exam.motor_grade(side, m) for m in PERONEAL_DISCRIMINATORS]
        if all(g is not None and g.is_normal for g in spared):
            return True
    return False


def _reflex_stays_reduced(inputs: TriageInputs) -> bool:
    if not inputs.context.is_postoperative or inputs.context.baseline is None:
        return False
    return any(c.item.modality is Modality.REFLEX and c.earlier is not None and c.current is not None
               and c.earlier.direction < 0 and c.current.direction < 0
               and c.kind in (ChangeKind.UNCHANGED, ChangeKind.BETTER)
               for c in inputs.changes)


def compute_flags(inputs: TriageInputs, result: Triage,
                  ranked: list[Candidate]) -> tuple[list[Flag], dict[Flag, str]]:
    """Every flag that holds, in the order of the Flag enum, with details for the sentences."""
    exam = inputs.context.exam
    details = _operated_level_flags(inputs, ranked)
    together = next((c for c in ranked if c.partner is not None), None)
    if together is not None and together.partner is not None:
        first, second = sorted((together.lesion, together.partner), key=list(Lesion).index)
        details[Flag.MULTIPLE_ROOTS] = (f"{LESION_LABELS[first]} and {LESION_LABELS[second]}, "
                                        f"{together.side}")
    after_surgery = inputs.context.is_postoperative and any(
        c.is_new_or_worse_motor for c in inputs.changes) and inputs.context.baseline is not None
    weak_sides = [s for s in Side if any(g.testable and not g.is_normal
                                         for g in (exam.motor.get(s) or {}).values())]
    holds = {
        Flag.CAUDA_EQUINA_RED_FLAGS: result.fired("EM-CES"),
        Flag.NEW_MOTOR_DEFICIT_AFTER_SURGERY: after_surgery or result.fired("UR-POSTOP-MOTOR"),
        Flag.PROGRESSIVE_WEAKNESS: result.fired("EM-PROGRESSIVE"),
        Flag.MATCHES_OPERATED_LEVEL: Flag.MATCHES_OPERATED_LEVEL in details,
        Flag.OPPOSITE_SIDE_TO_SURGERY: Flag.OPPOSITE_SIDE_TO_SURGERY in details,
        Flag.PERONEAL_PATTERN: _peroneal_pattern(inputs, ranked),
        Flag.UMN_SIGNS: any(umn_signs(exam, s) for s in Side),
        Flag.PERSISTENT_MOTOR_DEFICIT: result.fired("PR-PERSISTENT"),
        Flag.NEW_SENSORY_WITHOUT_WEAKNESS: result.fired("PR-NEW-SENSORY"),
        Flag.REFLEX_MAY_STAY_REDUCED: _reflex_stays_reduced(inputs),
        Flag.SADDLE_SENSATION_ALTERED: bool(saddle_altered(exam)),
        Flag.BILATERAL_MOTOR_DEFICIT: len(weak_sides) == 2,
        Flag.MULTIPLE_ROOTS: Flag.MULTIPLE_ROOTS in details,
    }
    return [flag for flag in Flag if holds[flag]], details
