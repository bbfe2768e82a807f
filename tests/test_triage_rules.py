"""One test per rule revised in clinical-reference section 9 (2026-11-23), each built from the
rule's own words, not from the vignettes."""

from __future__ import annotations

import datetime as dt

from core.engine import Level, assess
from core.engine.flags import Flag
from core.grades import MotorGrade, ReflexGrade, SensoryGrade
from core.knowledge import Dermatome, DiscLevel, Muscle, Reflex, Side, StraightLegRaise
from core.normal import Section, fill_normal
from core.record import Exam, ExamKind, Patient, PatientRecord, Surgery, SurgerySide

OPERATION = dt.date(2026, 5, 4)


def exam(exam_id: str, day: int, kind: ExamKind, *weak: tuple[Side, Muscle, MotorGrade],
         red_flags_asked: bool = True) -> Exam:
    """An exam ``day`` days after the operation, normal but for ``weak``."""
    made = Exam(id=exam_id, date=OPERATION + dt.timedelta(days=day), kind=kind, surgery_id="op-1")
    for side, muscle, grade in weak:
        made.motor.set(side, {**(made.motor.get(side) or {}), muscle: grade})
    sections = tuple(s for s in Section if red_flags_asked or s is not Section.RED_FLAGS)
    return fill_normal(made, sections)


def record(*exams: Exam, operated: bool = True) -> PatientRecord:
    surgeries = [Surgery(id="op-1", level=DiscLevel.L4_L5, side=SurgerySide.LEFT, date=OPERATION)]
    if not operated:
        for e in exams:
            e.surgery_id = None
    return PatientRecord(patient=Patient(id="P", family_name="Rule", given_name="Test"),
                         surgeries=surgeries if operated else [], exams=list(exams))


def fired(result_record: PatientRecord, exam_id: str | None = None) -> set[str]:
    return {r.rule_id for r in assess(result_record, exam_id).triage.reasons}


L, R = Side.LEFT, Side.RIGHT
DF, EHL = Muscle.ANKLE_DORSIFLEXION, Muscle.GREAT_TOE_EXTENSION
PRE = ExamKind.PREOPERATIVE
POST = ExamKind.POSTOPERATIVE


def test_day_0_a_new_deficit_on_the_evening_of_the_operation_is_an_emergency() -> None:
    """"The post-operative window starts on the day of the operation ... a new or worse motor
    deficit then is an emergency.\""""
    history = record(exam("pre", 0, PRE), exam("post", 0, POST, (L, DF, MotorGrade.G3)))
    result = assess(history)
    assert result.triage.level is Level.EMERGENCY and "EM-DAY-0" in fired(history)
    assert Flag.NEW_DEFICIT_DAY_OF_SURGERY in result.flags


def test_a_preoperative_and_a_postoperative_exam_of_one_day_compare_as_before_and_after() -> None:
    """"...compare as before and after the operation (a surgical change, not 'progressive
    weakness' between two exams).\""""
    history = record(exam("pre", 0, PRE), exam("post", 0, POST, (L, DF, MotorGrade.G4)))
    assert "EM-PROGRESSIVE" not in fired(history)


def test_day_1_is_urgent_not_an_emergency() -> None:
    history = record(exam("pre", -2, PRE), exam("post", 1, POST, (L, DF, MotorGrade.G3)))
    assert assess(history).triage.level is Level.URGENT and "UR-POSTOP-MOTOR" in fired(history)


def test_worsening_after_improvement_is_urgent_at_any_time_even_no_worse_than_before() -> None:
    """"A fall of a whole MRC grade or more below the best post-operative grade ... whatever the
    interval between the exams, and even when the grade is still no worse than before surgery.\""""
    history = record(exam("pre", -2, PRE, (L, DF, MotorGrade.G3)),
                     exam("best", 20, POST, (L, DF, MotorGrade.G4_PLUS)),
                     exam("late", 200, ExamKind.FOLLOW_UP, (L, DF, MotorGrade.G3)))
    result = assess(history)
    assert result.triage.level is Level.URGENT and "UR-WORSENING" in fired(history)
    assert Flag.WORSENING_AFTER_IMPROVEMENT in result.flags


def test_a_move_inside_grade_4_below_the_best_is_not_worsening() -> None:
    history = record(exam("pre", -2, PRE, (L, DF, MotorGrade.G3)),
                     exam("best", 20, POST, (L, DF, MotorGrade.G4_PLUS)),
                     exam("late", 60, ExamKind.FOLLOW_UP, (L, DF, MotorGrade.G4_MINUS)))
    assert "UR-WORSENING" not in fired(history)


def test_a_new_severe_deficit_at_a_first_presentation_is_urgent() -> None:
    """"A new severe motor deficit (MRC 3 or less, e.g. an acute foot drop) at a first
    presentation.\""""
    history = record(exam("first", 30, ExamKind.INITIAL, (L, DF, MotorGrade.G3),
                          (L, EHL, MotorGrade.G3)), operated=False)
    assert assess(history).triage.level is Level.URGENT and "UR-SEVERE-NEW" in fired(history)


def test_a_new_weakness_that_is_not_severe_at_a_first_presentation_is_prompt() -> None:
    history = record(exam("first", 30, ExamKind.INITIAL, (L, DF, MotorGrade.G4)), operated=False)
    assert assess(history).triage.level is Level.PROMPT


def test_bilateral_deficits_are_an_emergency_only_when_severe_or_progressive() -> None:
    """"A new bilateral motor deficit that is severe (MRC 3 or less on a side) or progressive"
    is an emergency; "a new bilateral deficit that is neither severe nor progressive" is prompt."""
    mild = record(exam("old", 0, ExamKind.INITIAL),
                  exam("new", 60, ExamKind.FOLLOW_UP, (L, DF, MotorGrade.G4_PLUS),
                       (R, DF, MotorGrade.G4)), operated=False)
    assert assess(mild).triage.level is Level.PROMPT and "PR-BILATERAL-MOTOR" in fired(mild)
    severe = record(exam("old", 0, ExamKind.INITIAL),
                    exam("new", 60, ExamKind.FOLLOW_UP, (L, DF, MotorGrade.G3),
                         (R, DF, MotorGrade.G4)), operated=False)
    assert assess(severe).triage.level is Level.EMERGENCY
    progressive = record(exam("old", 0, ExamKind.INITIAL),
                         exam("new", 4, ExamKind.FOLLOW_UP, (L, DF, MotorGrade.G4),
                              (R, DF, MotorGrade.G4)), operated=False)
    assert assess(progressive).triage.level is Level.EMERGENCY


def test_the_unchanged_rule_fires_only_for_unchanged_deficits() -> None:
    """"A motor deficit unchanged (not worse) 6 weeks or more after surgery.\""""
    unchanged = record(exam("pre", -2, PRE, (L, EHL, MotorGrade.G3)),
                       exam("late", 90, ExamKind.FOLLOW_UP, (L, EHL, MotorGrade.G3)))
    assert "PR-PERSISTENT" in fired(unchanged)
    worse = record(exam("pre", -2, PRE, (L, EHL, MotorGrade.G4)),
                   exam("late", 90, ExamKind.FOLLOW_UP, (L, EHL, MotorGrade.G3)))
    assert "PR-PERSISTENT" not in fired(worse)
    assert assess(worse).triage.level >= Level.PROMPT


def test_bilateral_root_signs_without_the_cauda_equina_questions_are_prompt_and_flagged() -> None:
    """"When the exam shows [root signs on both sides], the cauda equina questions must have been
    asked and recorded; if they were not, the product asks for them.\""""
    both = exam("first", 30, ExamKind.INITIAL, red_flags_asked=False)
    both.straight_leg_raise.set(L, 45)
    both.straight_leg_raise.set(R, 50)
    history = record(both, operated=False)
    result = assess(history)
    assert result.triage.level is Level.PROMPT and "PR-BILATERAL-ROOT-SIGNS" in fired(history)
    assert {Flag.BILATERAL_ROOT_SIGNS, Flag.CAUDA_EQUINA_QUESTIONS_NOT_RECORDED} <= set(result.flags)
    both.red_flags = []
    asked = assess(history)
    assert Flag.CAUDA_EQUINA_QUESTIONS_NOT_RECORDED not in asked.flags
    assert "PR-BILATERAL-ROOT-SIGNS" not in fired(history)


def test_one_sided_root_signs_do_not_ask_for_the_cauda_equina_questions() -> None:
    one = exam("first", 30, ExamKind.INITIAL, red_flags_asked=False)
    one.straight_leg_raise.set(L, 45)
    one.straight_leg_raise.set(R, StraightLegRaise.NEGATIVE)
    assert Flag.BILATERAL_ROOT_SIGNS not in assess(record(one, operated=False)).flags


def test_an_exam_with_nothing_entered_is_not_assessed_never_routine() -> None:
    """"An exam with nothing entered yet has no level: the product shows 'not assessed'.\""""
    empty = Exam(id="empty", date=OPERATION, kind=ExamKind.INITIAL)
    assert assess(record(empty, operated=False)).triage.level is Level.NOT_ASSESSED
    only_sensation = Exam(id="s", date=OPERATION, kind=ExamKind.INITIAL)
    only_sensation.light_touch.set(L, {d: SensoryGrade.NORMAL for d in Dermatome})
    assert assess(record(only_sensation, operated=False)).triage.level is Level.NOT_ASSESSED


def test_a_normal_exam_with_the_red_flags_unasked_is_not_routine() -> None:
    """"An exam records whether the red-flag questions were asked, so that 'none present' and
    'not asked' are never confused" (section 6), and "never ... routine for an exam that ...
    lacks the items a rule needs" (section 9): the cauda equina rule needs the answers."""
    plain = exam("first", 30, ExamKind.INITIAL, red_flags_asked=False)
    result = assess(record(plain, operated=False))
    assert result.triage.level is Level.NOT_ASSESSED
    assert [lack.need.rule_ids[0] for lack in result.triage.not_recorded] == ["EM-CES"]
    assert "red-flag questions" in str(result.triage.not_recorded[0].text)
    asked = exam("first", 30, ExamKind.INITIAL)
    assert assess(record(asked, operated=False)).triage.level is Level.ROUTINE


def test_a_few_normal_muscles_are_no_ground_for_routine() -> None:
    """A quick exam (three muscles graded 5, nothing else) leaves the rules without the items
    they read: not assessed, naming each missing item by side."""
    quick = Exam(id="quick", date=OPERATION, kind=ExamKind.INITIAL, red_flags=[])
    quick.motor.set(L, {EHL: MotorGrade.G5, DF: MotorGrade.G5})
    quick.motor.set(R, {EHL: MotorGrade.G5})
    result = assess(record(quick, operated=False))
    assert result.triage.level is Level.NOT_ASSESSED
    missing = {lack.need.text: list(map(str, lack.missing)) for lack in result.triage.not_recorded}
    key_muscles = next(m for text, m in missing.items() if "key muscles" in text)
    assert "left hip flexion" in key_muscles and "right ankle dorsiflexion" in key_muscles
    assert "left ankle dorsiflexion" not in key_muscles
    assert any("saddle" in text for text in missing) and any("plantar" in text for text in missing)


def test_each_missing_need_alone_withholds_routine() -> None:
    """Every need is necessary: removing any one item it names from a complete normal exam turns
    routine into not assessed."""
    complete = exam("first", 30, ExamKind.INITIAL)
    assert assess(record(complete, operated=False)).triage.level is Level.ROUTINE
    without_saddle = complete.model_copy(deep=True)
    without_saddle.light_touch.set(R, {d: g for d, g in (without_saddle.light_touch.get(R) or {})
                                       .items() if d is not Dermatome.S4_5})
    without_saddle.pin_prick.set(R, {d: g for d, g in (without_saddle.pin_prick.get(R) or {})
                                     .items() if d is not Dermatome.S4_5})
    without_plantar = complete.model_copy(deep=True)
    without_plantar.plantar.set(L, None)
    without_hip_flexion = complete.model_copy(deep=True)
    without_hip_flexion.motor.set(L, {m: g for m, g in (complete.motor.get(L) or {}).items()
                                      if m is not Muscle.HIP_FLEXION})
    for incomplete, need in ((without_saddle, "saddle"), (without_plantar, "plantar"),
                             (without_hip_flexion, "key muscles")):
        result = assess(record(incomplete, operated=False))
        assert result.triage.level is Level.NOT_ASSESSED, need
        assert [lack.need.text for lack in result.triage.not_recorded if need in lack.need.text]


def test_a_muscle_weak_before_and_not_graded_now_withholds_routine() -> None:
    """Without the grade of a muscle that was weak before, the comparing rules cannot tell
    recovery from worsening."""
    before = exam("pre", -2, PRE, (L, Muscle.ANKLE_EVERSION, MotorGrade.G4))
    after = exam("late", 90, ExamKind.FOLLOW_UP)
    after.motor.set(L, {m: g for m, g in (after.motor.get(L) or {}).items()
                        if m is not Muscle.ANKLE_EVERSION})
    result = assess(record(before, after))
    assert result.triage.level is Level.NOT_ASSESSED
    assert any(list(map(str, lack.missing)) == ["left ankle eversion"]
               for lack in result.triage.not_recorded)


def test_a_fired_rule_lists_only_the_missing_items_that_could_make_it_more_urgent() -> None:
    """A new sensory change (prompt) with the red flags unasked: the cauda equina questions could
    make it an emergency and are listed; a prompt-level need would not change the level."""
    sensory = exam("first", 30, ExamKind.INITIAL, red_flags_asked=False)
    sensory.light_touch.set(L, {**(sensory.light_touch.get(L) or {}),
                                Dermatome.L5: SensoryGrade.ALTERED})
    result = assess(record(sensory, operated=False))
    assert result.triage.level is Level.PROMPT
    assert [lack.need.rule_ids[0] for lack in result.triage.not_recorded] == ["EM-CES"]
    urgent = exam("first", 30, ExamKind.INITIAL, (L, DF, MotorGrade.G2))
    urgent.plantar.set(R, None)
    urgent_result = assess(record(urgent, operated=False))
    assert urgent_result.triage.level is Level.URGENT
    assert urgent_result.triage.not_recorded == [], \
        "the plantar response reaches urgent at most: nothing to add to an urgent exam"


def test_a_reflex_lost_before_surgery_alone_is_no_warning() -> None:
    before = exam("pre", -2, PRE)
    before.reflexes.set(L, {**(before.reflexes.get(L) or {}), Reflex.ACHILLES: ReflexGrade.ABSENT})
    after = exam("late", 90, ExamKind.FOLLOW_UP)
    after.reflexes.set(L, {**(after.reflexes.get(L) or {}), Reflex.ACHILLES: ReflexGrade.ABSENT})
    result = assess(record(before, after))
    assert result.triage.level is Level.ROUTINE and Flag.REFLEX_MAY_STAY_REDUCED in result.flags


def _first_presentation(*weak: tuple[Side, Muscle, MotorGrade]) -> Exam:
    return exam("first", 30, ExamKind.INITIAL, *weak)


def test_a_root_and_a_nerve_the_exam_cannot_separate_point_to_nerve_studies() -> None:
    """Section 7: "nerve conduction studies and EMG settle the question when the exam cannot".
    Weak knee extension, a reduced knee jerk and numbness of the medial leg, everything else
    examined and normal: the femoral nerve and the L4 root both explain it."""
    quadriceps = _first_presentation((L, Muscle.KNEE_EXTENSION, MotorGrade.G4))
    quadriceps.reflexes.set(L, {**(quadriceps.reflexes.get(L) or {}),
                                Reflex.PATELLAR: ReflexGrade.REDUCED})
    for field in ("light_touch", "pin_prick"):
        by_side = getattr(quadriceps, field)
        by_side.set(L, {**(by_side.get(L) or {}), Dermatome.L4: SensoryGrade.ALTERED})
    result = assess(record(quadriceps, operated=False))
    assert not result.undecided, "everything was examined"
    assert Flag.ROOT_OR_NERVE_NOT_SEPARATED in result.flags
    detail = str(result.flag_details[Flag.ROOT_OR_NERVE_NOT_SEPARATED])
    assert "L4 root" in detail and "femoral nerve" in detail and "left" in detail


def test_items_left_to_examine_come_before_nerve_studies() -> None:
    """While an unexamined item would still separate the root from the nerve, the product names
    it (the undecided list) instead of sending the patient for studies."""
    drop = Exam(id="quick", date=OPERATION, kind=ExamKind.INITIAL, red_flags=[])
    drop.motor.set(R, {DF: MotorGrade.G2, EHL: MotorGrade.G2, Muscle.TOE_EXTENSION: MotorGrade.G2})
    result = assess(record(drop, operated=False))
    assert result.undecided
    assert Flag.ROOT_OR_NERVE_NOT_SEPARATED not in result.flags


def test_a_deficit_of_the_operated_root_is_related_to_the_operation_not_to_nerve_studies() -> None:
    """A new foot drop after an operation at L4-L5 on that side: the operated-level note relates
    it to the operation; the product does not hedge towards nerve studies."""
    history = record(exam("pre", -2, PRE),
                     exam("post", 7, POST, (L, DF, MotorGrade.G2), (L, EHL, MotorGrade.G1)))
    result = assess(history)
    assert Flag.MATCHES_OPERATED_LEVEL in result.flags
    assert Flag.ROOT_OR_NERVE_NOT_SEPARATED not in result.flags
