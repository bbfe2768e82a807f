"""The demo patient: a left L4-L5 microdiscectomy followed from before surgery to seven weeks.

The story is the product's seed case: a week after the operation the big toe cannot be lifted
and the first toes are numb. Names and numbers are invented.
"""

from __future__ import annotations

import datetime as dt

from core.grades import MotorGrade, ReflexGrade, SensoryGrade
from core.knowledge import Dermatome, DiscLevel, GaitResult, HerniationZone, Muscle, Reflex
from core.normal import fill_normal
from core.record import (
    Exam,
    ExamKind,
    ExamStatus,
    Pain,
    Patient,
    PatientRecord,
    ReflexesBySide,
    Sex,
    Surgery,
    SurgerySide,
)

DEMO_PATIENT_ID = "DEMO-0001"
_EXAMINER = "Dr Demo Examiner"


def _exam(exam_id: str, date: dt.date, kind: ExamKind, motor: dict[Muscle, MotorGrade],
          l5: SensoryGrade, leg_pain: int, **extra: object) -> Exam:
    exam = Exam(id=exam_id, date=date, kind=kind, surgery_id="op-1", examiner=_EXAMINER,
                status=ExamStatus.SIGNED, pain=Pain(leg=leg_pain, back=3))
    exam.motor.left = dict(motor)
    exam.light_touch.left = {Dermatome.L5: l5}
    exam.pin_prick.left = {Dermatome.L5: l5}
    for name, value in extra.items():
        setattr(exam, name, value)
    filled = fill_normal(exam)
    filled.signed_at = dt.datetime.combine(date, dt.time(12, 0), tzinfo=dt.UTC)
    return filled


def demo_record() -> PatientRecord:
    """The demo patient's record: preoperative, day 7 and week 7 exams."""
    surgery_date = dt.date(2026, 3, 2)
    record = PatientRecord(
        patient=Patient(id=DEMO_PATIENT_ID, family_name="Demo", given_name="Alex",
                        birth_date=dt.date(1978, 5, 14), sex=Sex.FEMALE),
        surgeries=[Surgery(id="op-1", level=DiscLevel.L4_L5, side=SurgerySide.LEFT,
                           date=surgery_date, herniation=HerniationZone.PARACENTRAL)],
    )
    g = MotorGrade
    record.exams = [
        _exam("pre-1", dt.date(2026, 2, 20), ExamKind.PREOPERATIVE,
              {Muscle.GREAT_TOE_EXTENSION: g.G4}, SensoryGrade.ALTERED, 7,
              straight_leg_raise={"left": 40}),
        _exam("post-1", dt.date(2026, 3, 9), ExamKind.POSTOPERATIVE,
              {Muscle.GREAT_TOE_EXTENSION: g.G1, Muscle.TOE_EXTENSION: g.G2,
               Muscle.ANKLE_DORSIFLEXION: g.G3, Muscle.ANKLE_INVERSION: g.G4,
               Muscle.HIP_ABDUCTION: g.G4},
              SensoryGrade.ALTERED, 3, heel_walk={"left": GaitResult.UNABLE},
              reflexes=ReflexesBySide(left={Reflex.MEDIAL_HAMSTRING: ReflexGrade.REDUCED})),
        _exam("fu-7w", dt.date(2026, 4, 20), ExamKind.FOLLOW_UP,
              {Muscle.GREAT_TOE_EXTENSION: g.G4, Muscle.TOE_EXTENSION: g.G4_PLUS,
               Muscle.ANKLE_DORSIFLEXION: g.G4_PLUS},
              SensoryGrade.ALTERED, 1, heel_walk={"left": GaitResult.IMPAIRED}),
    ]
    return record
