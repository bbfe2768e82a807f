"""Hypothesis strategies that build valid patient records in the exchange format."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from core.grades import MotorGrade, ReflexGrade, SensoryGrade
from core.knowledge import (
    Dermatome,
    DiscLevel,
    FemoralStretch,
    GaitResult,
    Muscle,
    PlantarResponse,
    RedFlag,
    Reflex,
)

dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))
_iso = dates.map(dt.date.isoformat)


def _per_side(values: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional={"left": values, "right": values})


def _keyed(keys: list[Any], grades: list[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return _per_side(st.dictionaries(st.sampled_from([k.value for k in keys]),
                                     st.sampled_from([g.value for g in grades])))


motor = _keyed(list(Muscle), list(MotorGrade))
sensory = _keyed(list(Dermatome), list(SensoryGrade))
reflexes = _keyed(list(Reflex), list(ReflexGrade))


def exam_documents(exam_id: str, surgery_ids: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """One exam with any combination of sections, NT and missing items included."""
    optional: dict[str, st.SearchStrategy[Any]] = {
        "motor": motor, "light_touch": sensory, "pin_prick": sensory, "reflexes": reflexes,
        "plantar": _per_side(st.sampled_from([p.value for p in PlantarResponse])),
        "clonus": _per_side(st.one_of(st.sampled_from(["absent", "sustained"]),
                                      st.integers(1, 100))),
        "heel_walk": _per_side(st.sampled_from([g.value for g in GaitResult])),
        "toe_walk": _per_side(st.sampled_from([g.value for g in GaitResult])),
        "straight_leg_raise": _per_side(st.one_of(st.sampled_from(["negative", "NT"]),
                                                  st.integers(0, 90))),
        "femoral_stretch": _per_side(st.sampled_from([f.value for f in FemoralStretch])),
        "red_flags": st.lists(st.sampled_from([f.value for f in RedFlag]), unique=True),
        "pain": st.fixed_dictionaries({}, optional={"leg": st.integers(0, 10),
                                                    "back": st.integers(0, 10)}),
        "notes": st.text(max_size=40),
        "examiner": st.text(max_size=20),
    }
    if surgery_ids:
        optional["surgery_id"] = st.sampled_from(surgery_ids)
    return st.fixed_dictionaries(
        {"id": st.just(exam_id), "date": _iso,
         "kind": st.sampled_from(["initial", "preoperative", "postoperative", "follow-up"]),
         "status": st.sampled_from(["draft", "signed"])},
        optional=optional,
    )


@st.composite
def record_documents(draw: st.DrawFn, max_exams: int = 4) -> dict[str, Any]:
    """A whole valid record document."""
    surgery_count = draw(st.integers(0, 2))
    surgeries = [
        {"id": f"op-{i}", "procedure": "microdiscectomy",
         "level": draw(st.sampled_from([lvl.value for lvl in DiscLevel])),
         "side": draw(st.sampled_from(["left", "right", "bilateral"])), "date": draw(_iso)}
        for i in range(surgery_count)
    ]
    ids = [s["id"] for s in surgeries]
    exams = [draw(exam_documents(f"ex-{i}", ids)) for i in range(draw(st.integers(1, max_exams)))]
    return {
        "format": "neuroexam.patient-record", "format_version": 1,
        "patient": {"id": "MRN-1", "family_name": draw(st.text(max_size=30)),
                    "given_name": draw(st.text(max_size=30)), "birth_date": draw(_iso),
                    "sex": draw(st.sampled_from(["female", "male", "other", "unknown"]))},
        "surgeries": surgeries, "exams": exams,
    }
