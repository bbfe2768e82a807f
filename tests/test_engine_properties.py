"""Properties the engine must hold for any valid record (hypothesis)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import record_documents

from core.engine import Level, assess
from core.grades import MotorGrade
from core.knowledge import Muscle, RedFlag, Side
from core.normal import fill_normal
from core.record import Exam, ExamKind, Patient, PatientRecord
from core.recordio import parse_record

FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _mirror(value: Any) -> Any:
    if isinstance(value, dict):
        swapped = {("right" if k == "left" else "left" if k == "right" else k): _mirror(v)
                   for k, v in value.items()}
        return swapped
    if isinstance(value, list):
        return [_mirror(v) for v in value]
    return {"left": "right", "right": "left"}.get(value, value) if isinstance(value, str) else value


def _level(record: PatientRecord, exam_id: str | None = None) -> Level:
    return assess(record, exam_id).triage.level


def test_a_fully_normal_exam_is_routine_with_nothing_to_localise() -> None:
    exam = fill_normal(Exam(id="n", date=dt.date(2026, 1, 1), kind=ExamKind.INITIAL))
    record = PatientRecord(patient=Patient(id="P", family_name="N", given_name="N"), exams=[exam])
    result = assess(record)
    assert result.triage.level is Level.ROUTINE
    assert result.localisation == [] and result.flags == []


@FAST
@given(record_documents())
def test_the_engine_never_crashes_and_always_explains_itself(document: dict[str, Any]) -> None:
    record = parse_record(json.dumps(document))
    for exam in record.exams:
        result = assess(record, exam.id).as_dict()
        assert result["triage"]["reasons"], "every level lists its reasons"
        assert all(r["source"] for r in result["triage"]["reasons"])
        assert json.loads(json.dumps(result)) == result


@FAST
@given(record_documents(max_exams=3))
def test_mirroring_left_and_right_mirrors_the_result(document: dict[str, Any]) -> None:
    record = parse_record(json.dumps(document))
    mirrored = parse_record(json.dumps(_mirror(document)))
    for exam in record.exams:
        original, flipped = assess(record, exam.id), assess(mirrored, exam.id)
        assert flipped.triage.level is original.triage.level
        # Equal candidates may stand in either order; the ranking itself must mirror.
        assert sorted((c.lesion, c.side, round(c.score, 6)) for c in flipped.localisation) == \
            sorted((c.lesion, _mirror(c.side), round(c.score, 6)) for c in original.localisation)
        assert [round(c.score, 6) for c in flipped.localisation] == \
            [round(c.score, 6) for c in original.localisation]
        assert set(flipped.flags) == set(original.flags)


@FAST
@given(record_documents(max_exams=3), st.sampled_from(list(RedFlag)))
def test_adding_a_red_flag_never_lowers_the_triage(document: dict[str, Any], flag: RedFlag) -> None:
    record = parse_record(json.dumps(document))
    latest = record.exams_by_date()[-1]
    before = _level(record, latest.id)
    latest.red_flags = sorted(set(latest.red_flags or []) | {flag})
    assert _level(record, latest.id) >= before


@FAST
@given(record_documents(max_exams=3), st.sampled_from(list(Muscle)), st.sampled_from(list(Side)),
       st.data())
def test_worsening_a_grade_never_lowers_the_triage(document: dict[str, Any], muscle: Muscle,
                                                    side: Side, data: st.DataObject) -> None:
    record = parse_record(json.dumps(document))
    latest = record.exams_by_date()[-1]
    grade = latest.motor_grade(side, muscle) or MotorGrade.G5
    weaker = [g for g in MotorGrade.testable_grades() if grade.testable and g < grade]
    if not weaker:
        return
    before = _level(record, latest.id)
    latest.motor.set(side, {**(latest.motor.get(side) or {}), muscle: data.draw(st.sampled_from(weaker))})
    assert _level(record, latest.id) >= before


def test_everything_nt_or_nothing_examined_is_handled() -> None:
    empty = Exam(id="empty", date=dt.date(2026, 1, 1), kind=ExamKind.INITIAL)
    all_nt = Exam(id="nt", date=dt.date(2026, 1, 2), kind=ExamKind.FOLLOW_UP)
    for side in Side:
        all_nt.motor.set(side, {m: MotorGrade.NT for m in Muscle})
    record = PatientRecord(patient=Patient(id="P", family_name="N", given_name="N"),
                           exams=[empty, all_nt])
    assert assess(record, "empty").triage.level is Level.NOT_ASSESSED
    result = assess(record, "nt")
    assert result.triage.level is Level.NOT_ASSESSED, "all NT is no ground for routine"
    assert result.lems.total == "ND"
    assert all(c.kind.value == "not_comparable" for c in result.changes)
