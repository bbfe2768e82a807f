"""The stable statement codes of an assessment (record-format.md, FLAG), each with its sentence."""

from __future__ import annotations

from enum import StrEnum

from core.engine import wording
from core.engine.changes import ChangeKind
from core.engine.context import ExamContext
from core.engine.findings import saddle_altered, umn_signs
from core.engine.localisation import UNDECIDED_MARGIN, Candidate, operated_roots
from core.engine.readings import Modality
from core.engine.triage import Triage, TriageInputs
from core.engine.undecided import Decider
from core.i18n import Joined, Phrase, phrase, word
from core.knowledge import LESION_LABELS, LESION_PROFILES, Lesion, Muscle, Side
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
    WORSENING_AFTER_IMPROVEMENT = "worsening_after_improvement"
    NEW_DEFICIT_DAY_OF_SURGERY = "new_deficit_day_of_surgery"
    BILATERAL_ROOT_SIGNS = "bilateral_root_signs"
    CAUDA_EQUINA_QUESTIONS_NOT_RECORDED = "cauda_equina_questions_not_recorded"
    RESIDUAL_DEFICIT = "residual_deficit"
    NEW_DEFICIT_OTHER_ROOT = "new_deficit_other_root_than_operated"
    MULTIPLE_ROOTS = "multiple_roots"
    """Product extension: two adjacent roots explain the pattern better than one lesion."""
    ROOT_OR_NERVE_NOT_SEPARATED = "root_or_nerve_not_separated_by_exam"
    """Product extension: a root and a nerve lesion stay close and no unexamined item would
    separate them (section 7: nerve conduction studies and EMG settle it)."""


FLAG_TEXT: dict[Flag, str] = {
    Flag.CAUDA_EQUINA_RED_FLAGS: "Cauda equina red flags are present.",
    Flag.NEW_MOTOR_DEFICIT_AFTER_SURGERY:
        "There is a new or worse motor deficit after surgery.",
    Flag.PROGRESSIVE_WEAKNESS: "Weakness is progressing between exams.",
    Flag.MATCHES_OPERATED_LEVEL:
        "The pattern matches the root at the operated level and side ({detail}).",
    Flag.OPPOSITE_SIDE_TO_SURGERY:
        "The new deficit is on the side opposite the operation ({detail}): its own lesion, "
        "not the operated root.",
    Flag.PERONEAL_PATTERN:
        "Ankle inversion and hip abduction are spared beside the foot drop, which fits a "
        "peroneal nerve lesion better than an L5 root lesion (it does not exclude L5).",
    Flag.UMN_SIGNS:
        "Upper motor neuron signs are present; a lumbar root lesion does not explain them.",
    Flag.PERSISTENT_MOTOR_DEFICIT: "A motor deficit is unchanged 6 weeks or more after surgery.",
    Flag.NEW_SENSORY_WITHOUT_WEAKNESS: "There is a new sensory change without new weakness.",
    Flag.REFLEX_MAY_STAY_REDUCED:
        "A reflex lost or reduced before surgery often stays reduced after good recovery; "
        "alone it is not a warning.",
    Flag.SADDLE_SENSATION_ALTERED: "Saddle (S4-5) sensation is altered or absent.",
    Flag.BILATERAL_MOTOR_DEFICIT: "There is weakness in both legs.",
    Flag.WORSENING_AFTER_IMPROVEMENT:
        "Strength has fallen below the best grade since the operation: worsening after a "
        "period of improvement.",
    Flag.NEW_DEFICIT_DAY_OF_SURGERY:
        "A new or worse motor deficit on the day of the operation: a haematoma must be "
        "excluded the same day.",
    Flag.BILATERAL_ROOT_SIGNS: "There are root signs in both legs.",
    Flag.CAUDA_EQUINA_QUESTIONS_NOT_RECORDED:
        "The cauda equina questions (bladder, bowel, saddle sensation, sexual function) are "
        "not recorded: ask and record them before signing.",
    Flag.RESIDUAL_DEFICIT:
        "Some deficits were present before the operation and are not worse: residual ({detail}).",
    Flag.NEW_DEFICIT_OTHER_ROOT:
        "The new deficit fits another root than the one operated on ({detail}): its own "
        "lesion (another herniation, a haematoma, a wrong level).",
    Flag.MULTIPLE_ROOTS: "Two adjacent roots together explain the pattern better than any single "
                         "root or nerve ({detail}).",
    Flag.ROOT_OR_NERVE_NOT_SEPARATED:
        "The exam does not separate a root from a nerve lesion ({detail}): nerve conduction "
        "studies and EMG settle the question.",
}


def flag_sentence(flag: Flag, details: dict[Flag, Phrase]) -> Phrase:
    """The sentence for ``flag``, with its detail filled in where it has one."""
    return phrase(FLAG_TEXT[flag], detail=details.get(flag, ""))


def _sides(candidate: Candidate) -> list[Side]:
    return [Side(candidate.side)] if candidate.side in ("left", "right") else list(Side)


def _operated_level_flags(inputs: TriageInputs, leading: Candidate | None) -> dict[Flag, Phrase]:
    """How the leading lesion of the change relates to the operation, when there was one."""
    context = inputs.context
    surgery = context.surgery
    if leading is None or surgery is None or leading.lesion not in LESION_PROFILES:
        return {}
    details: dict[Flag, Phrase] = {}
    root = LESION_PROFILES[leading.lesion].root
    if root is not None:
        for side in _sides(leading):
            relation = operated_roots(context, side).get(root)
            if relation:
                details[Flag.MATCHES_OPERATED_LEVEL] = relation
    if not context.is_postoperative:
        return details
    if surgery.side is not SurgerySide.BILATERAL and leading.side == \
            Side(surgery.side.value).other.value:
        details[Flag.OPPOSITE_SIDE_TO_SURGERY] = phrase(
            wording.OPPOSITE_SIDE, lesion=word(leading.label), side=word(leading.side),
            operated=word(surgery.side.value), level=surgery.level.value)
    operated = {r for side in Side for r in operated_roots(context, side)}
    if root is not None and operated and root not in operated:
        details[Flag.NEW_DEFICIT_OTHER_ROOT] = phrase(
            wording.OTHER_ROOT, lesion=word(leading.label), side=word(leading.side),
            roots=", ".join(sorted(operated)), level=surgery.level.value)
    return details


def _peroneal_pattern(inputs: TriageInputs, leading: Candidate | None) -> bool:
    """A peroneal nerve leads, and on its side inversion and hip abduction were examined normal
    beside weak dorsiflexion."""
    if leading is None or leading.lesion not in (Lesion.COMMON_PERONEAL, Lesion.DEEP_PERONEAL):
        return False
    exam = inputs.context.exam
    for side in _sides(leading):
        dorsiflexion = exam.motor_grade(side, Muscle.ANKLE_DORSIFLEXION)
        spared = [exam.motor_grade(side, m) for m in (Muscle.ANKLE_INVERSION,
                                                      Muscle.HIP_ABDUCTION)]
        if dorsiflexion is not None and dorsiflexion.testable and not dorsiflexion.is_normal \
                and all(g is not None and g.is_normal for g in spared):
            return True
    return False


def _reflex_stays_reduced(inputs: TriageInputs) -> bool:
    if not inputs.context.is_postoperative or inputs.context.baseline is None:
        return False
    return any(c.item.modality is Modality.REFLEX and c.earlier is not None and c.current is not None
               and c.earlier.direction < 0 and c.current.direction < 0
               and c.kind in (ChangeKind.UNCHANGED, ChangeKind.BETTER)
               for c in inputs.changes)


def _root_or_nerve_unseparated(context: ExamContext, headline: list[Candidate],
                               deciders: list[Decider]) -> Phrase | None:
    """On one side, the leading lesion and the best lesion of the other kind (root against
    nerve) within the undecided margin, everything counted, and no unexamined item left that
    would separate them: the bedside exam has said what it can. Not when the root is the one
    operated on at that side: the operation, not a nerve study, is then the context that
    relates the pattern to the root (the operated-level note says so)."""
    for side in Side:
        if any(d.side is side for d in deciders):
            continue
        here = [c for c in headline if c.lesion in LESION_PROFILES and side in _sides(c)]
        if not here:
            continue
        lead = here[0]
        is_root = bool(LESION_PROFILES[lead.lesion].roots)
        other = next((c for c in here if bool(LESION_PROFILES[c.lesion].roots) != is_root), None)
        if other is not None and lead.score - other.score <= UNDECIDED_MARGIN:
            root, nerve = (lead, other) if is_root else (other, lead)
            operated = LESION_PROFILES[root.lesion].root in operated_roots(context, side)
            if operated:
                continue
            return phrase(wording.ROOT_OR_NERVE, root=word(root.label), nerve=word(nerve.label),
                          side=word(side.value))
    return None


def compute_flags(inputs: TriageInputs, result: Triage, ranked: list[Candidate],
                  change_ranked: list[Candidate], residual_items: list[Phrase],
                  deciders: list[Decider]) -> tuple[list[Flag], dict[Flag, Phrase]]:
    """Every flag that holds, in the order of the Flag enum, with details for the sentences.

    Statements about the operation read the localisation of the change, so a residual sign of
    the operated side never makes a new deficit "match the operated level"."""
    exam = inputs.context.exam
    headline = change_ranked if change_ranked else ranked
    leading = headline[0] if headline else None
    details = _operated_level_flags(inputs, leading)
    together = next((c for c in headline if c.partner is not None), None)
    if together is not None and together.partner is not None:
        first, second = sorted((together.lesion, together.partner), key=list(Lesion).index)
        details[Flag.MULTIPLE_ROOTS] = phrase(
            wording.TWO_ROOTS, first=word(LESION_LABELS[first]),
            second=word(LESION_LABELS[second]), side=word(together.side))
    unseparated = _root_or_nerve_unseparated(inputs.context, headline, deciders)
    if unseparated is not None:
        details[Flag.ROOT_OR_NERVE_NOT_SEPARATED] = unseparated
    if residual_items:
        details[Flag.RESIDUAL_DEFICIT] = phrase("{items}", items=Joined(tuple(residual_items)))
    after_surgery = inputs.context.is_postoperative and inputs.context.baseline is not None and \
        any(c.is_new_or_worse_motor for c in inputs.changes)
    weak_sides = [s for s in Side if any(g.testable and not g.is_normal
                                         for g in (exam.motor.get(s) or {}).values())]
    root_signs_both = inputs.root_signs_both_sides is not None
    holds = {
        Flag.CAUDA_EQUINA_RED_FLAGS: result.fired("EM-CES"),
        Flag.NEW_MOTOR_DEFICIT_AFTER_SURGERY: after_surgery or result.fired("UR-POSTOP-MOTOR")
        or result.fired("EM-DAY-0"),
        Flag.PROGRESSIVE_WEAKNESS: result.fired("EM-PROGRESSIVE"),
        Flag.MATCHES_OPERATED_LEVEL: Flag.MATCHES_OPERATED_LEVEL in details,
        Flag.OPPOSITE_SIDE_TO_SURGERY: Flag.OPPOSITE_SIDE_TO_SURGERY in details,
        Flag.PERONEAL_PATTERN: _peroneal_pattern(inputs, leading),
        Flag.UMN_SIGNS: any(umn_signs(exam, s) for s in Side),
        Flag.PERSISTENT_MOTOR_DEFICIT: result.fired("PR-PERSISTENT"),
        Flag.NEW_SENSORY_WITHOUT_WEAKNESS: result.fired("PR-NEW-SENSORY"),
        Flag.REFLEX_MAY_STAY_REDUCED: _reflex_stays_reduced(inputs),
        Flag.SADDLE_SENSATION_ALTERED: bool(saddle_altered(exam)),
        Flag.BILATERAL_MOTOR_DEFICIT: len(weak_sides) == 2,
        Flag.WORSENING_AFTER_IMPROVEMENT: result.fired("UR-WORSENING"),
        Flag.NEW_DEFICIT_DAY_OF_SURGERY: result.fired("EM-DAY-0"),
        Flag.BILATERAL_ROOT_SIGNS: root_signs_both,
        Flag.CAUDA_EQUINA_QUESTIONS_NOT_RECORDED: root_signs_both and exam.red_flags is None,
        Flag.RESIDUAL_DEFICIT: bool(residual_items),
        Flag.NEW_DEFICIT_OTHER_ROOT: Flag.NEW_DEFICIT_OTHER_ROOT in details,
        Flag.MULTIPLE_ROOTS: Flag.MULTIPLE_ROOTS in details,
        Flag.ROOT_OR_NERVE_NOT_SEPARATED: Flag.ROOT_OR_NERVE_NOT_SEPARATED in details,
    }
    return [flag for flag in Flag if holds[flag]], details
