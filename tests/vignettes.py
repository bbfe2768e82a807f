"""The clinical vignettes of shared/cases/vignettes.yaml, transcribed case by case.

Each case keeps the YAML's shorthand (only what is abnormal); ``build_record`` turns it into a
record in the exchange format with every item not named examined and normal, as the YAML says.
The expectations are copied as written; the tests check the engine against them.
"""

from __future__ import annotations

import json
from typing import Any

from core.normal import Section, fill_normal
from core.record import Exam, PatientRecord
from core.recordio import record_from_document

CASES: list[dict[str, Any]] = [
    {
        "id": "toe-drop-one-week-after-l45",
        "surgery": {"procedure": "microdiscectomy", "level": "L4-L5", "side": "left",
                    "date": "2026-03-02"},
        "exams": [
            {"date": "2026-02-20", "kind": "preoperative",
             "motor": {"left": {"great_toe_extension": "4"}}, "sensory": {"left": {"L5": 1}},
             "slr": {"left": 40}},
            {"date": "2026-03-09", "kind": "postoperative",
             "motor": {"left": {"great_toe_extension": "1", "toe_extension": "2",
                                "ankle_dorsiflexion": "3", "ankle_inversion": "4",
                                "hip_abduction": "4"}},
             "sensory": {"left": {"L5": 1}}, "heel_walk": {"left": "unable"}},
        ],
        "expect": {
            "triage": "urgent", "localisation": ["L5_root"], "side": "left",
            "changes": {"left": {"great_toe_extension": "worse", "ankle_dorsiflexion": "new",
                                 "toe_extension": "new"}},
            "flags": ["matches_operated_level", "new_motor_deficit_after_surgery"],
            "flag_detail": "traversing L5 at L4-L5",
        },
    },
    {
        "id": "improving-foot-drop-six-weeks",
        "surgery": {"procedure": "microdiscectomy", "level": "L4-L5", "side": "left",
                    "date": "2026-01-10"},
        "exams": [
            {"date": "2026-01-05", "kind": "preoperative",
             "motor": {"left": {"great_toe_extension": "3", "ankle_dorsiflexion": "4"}},
             "sensory": {"left": {"L5": 1}}, "heel_walk": {"left": "impaired"}},
            {"date": "2026-02-21", "kind": "follow-up",
             "motor": {"left": {"great_toe_extension": "4"}}, "sensory": {"left": {"L5": 1}}},
        ],
        "expect": {
            "triage": "routine", "localisation": ["L5_root"], "side": "left",
            "changes": {"left": {"great_toe_extension": "better", "ankle_dorsiflexion": "resolved",
                                 "heel_walk": "resolved"}},
            "recovery_rate": {"left": {"great_toe_extension": 50, "ankle_dorsiflexion": 100}},
        },
    },
    {
        "id": "saddle-numbness-day-three",
        "surgery": {"procedure": "microdiscectomy", "level": "L5-S1", "side": "right",
                    "date": "2026-04-01"},
        "exams": [
            {"date": "2026-03-25", "kind": "preoperative",
             "motor": {"right": {"ankle_plantarflexion": "4"}},
             "reflexes": {"right": {"achilles": 1}}},
            {"date": "2026-04-04", "kind": "postoperative",
             "motor": {"right": {"ankle_plantarflexion": "4"},
                       "left": {"ankle_plantarflexion": "4"}},
             "sensory": {"left": {"S4-5": 1}, "right": {"S4-5": 1}},
             "red_flags": ["urinary_retention", "saddle_anaesthesia"]},
        ],
        "expect": {"triage": "emergency", "flags": ["cauda_equina_red_flags"]},
    },
    {
        "id": "peroneal-palsy-not-root",
        "exams": [
            {"date": "2026-05-02", "kind": "initial",
             "motor": {"right": {"ankle_dorsiflexion": "2", "great_toe_extension": "2",
                                 "toe_extension": "2", "ankle_eversion": "3"}},
             "sensory": {"right": {"L5": 1}}, "heel_walk": {"right": "unable"},
             "note": "sensory loss on the lateral shin and dorsum of the foot; sole normal"},
        ],
        "expect": {
            "triage": "prompt", "localisation": ["common_peroneal_nerve"], "side": "right",
            "flags": ["peroneal_pattern_inversion_hip_abduction_spared"],
        },
    },
    {
        "id": "s1-radiculopathy-new",
        "exams": [
            {"date": "2026-06-11", "kind": "initial",
             "motor": {"left": {"ankle_plantarflexion": "4", "ankle_eversion": "4"}},
             "sensory": {"left": {"S1": 1}}, "reflexes": {"left": {"achilles": 0}},
             "toe_walk": {"left": "impaired"}, "slr": {"left": 45}},
        ],
        "expect": {"triage": "prompt", "localisation": ["S1_root"], "side": "left"},
    },
    {
        "id": "l4-radiculopathy",
        "exams": [
            {"date": "2026-06-12", "kind": "initial",
             "motor": {"right": {"knee_extension": "4", "ankle_dorsiflexion": "4"}},
             "sensory": {"right": {"L4": 1}}, "reflexes": {"right": {"patellar": 1}},
             "femoral_stretch": {"right": "positive"}},
        ],
        "expect": {"triage": "prompt", "localisation": ["L4_root"], "side": "right"},
    },
    {
        "id": "upper-motor-neuron-signs",
        "exams": [
            {"date": "2026-06-13", "kind": "initial",
             "reflexes": {"left": {"patellar": 4, "achilles": 4},
                          "right": {"patellar": 3, "achilles": 4}},
             "plantar": {"right": "extensor"}, "clonus": {"right": "sustained"}},
        ],
        "expect": {"triage": "urgent", "localisation": ["upper_motor_neuron"],
                   "flags": ["umn_signs"]},
    },
    {
        "id": "normal-follow-up",
        "surgery": {"procedure": "microdiscectomy", "level": "L5-S1", "side": "left",
                    "date": "2025-12-01"},
        "exams": [
            {"date": "2025-11-20", "kind": "preoperative",
             "motor": {"left": {"ankle_plantarflexion": "4"}},
             "reflexes": {"left": {"achilles": 1}}, "sensory": {"left": {"S1": 1}}},
            {"date": "2026-03-01", "kind": "follow-up", "reflexes": {"left": {"achilles": 1}}},
        ],
        "expect": {
            "triage": "routine",
            "changes": {"left": {"ankle_plantarflexion": "resolved", "S1": "resolved",
                                 "achilles": "unchanged"}},
            "recovery_rate": {"left": {"ankle_plantarflexion": 100}},
            "flags": ["reflex_may_stay_reduced"],
        },
    },
    {
        "id": "incomplete-exam",
        "surgery": {"procedure": "microdiscectomy", "level": "L4-L5", "side": "right",
                    "date": "2026-02-01"},
        "exams": [
            {"date": "2026-01-28", "kind": "preoperative",
             "motor": {"right": {"great_toe_extension": "NT"}}, "nt_reason": "pain"},
            {"date": "2026-02-15", "kind": "postoperative",
             "motor": {"right": {"great_toe_extension": "4"}}},
        ],
        "expect": {
            "changes": {"right": {"great_toe_extension": "not_comparable"}},
            "lems": {"right": 24, "left": 25, "total": 49},
            "lems_preoperative": "ND",
        },
    },
    {
        "id": "persistent-deficit-three-months",
        "surgery": {"procedure": "microdiscectomy", "level": "L4-L5", "side": "left",
                    "date": "2026-01-15"},
        "exams": [
            {"date": "2026-01-10", "kind": "preoperative",
             "motor": {"left": {"great_toe_extension": "2", "ankle_dorsiflexion": "4"}}},
            {"date": "2026-04-20", "kind": "follow-up",
             "motor": {"left": {"great_toe_extension": "2", "ankle_dorsiflexion": "4"}}},
        ],
        "expect": {
            "triage": "prompt", "localisation": ["L5_root"],
            "changes": {"left": {"great_toe_extension": "unchanged",
                                 "ankle_dorsiflexion": "unchanged"}},
            "recovery_rate": {"left": {"great_toe_extension": 0, "ankle_dorsiflexion": 0}},
            "flags": ["persistent_motor_deficit_6_weeks"],
        },
    },
    # Added 2026-11-23, with the revised clinical reference (sections 6-9).
    {
        "id": "seed-case-rest-normal",
        "surgery": {"procedure": "microdiscectomy", "level": "L4-L5", "side": "left",
                    "date": "2026-05-04", "herniation": "paracentral"},
        "exams": [
            {"date": "2026-05-01", "kind": "preoperative",
             "motor": {"left": {"great_toe_extension": "4"}}, "sensory": {"left": {"L5": 1}},
             "slr": {"left": 45}},
            {"date": "2026-05-11", "kind": "postoperative",
             "motor": {"left": {"ankle_dorsiflexion": "2", "great_toe_extension": "1",
                                "toe_extension": "2"}},
             "sensory": {"left": {"L5": 1}}, "heel_walk": {"left": "unable"}},
        ],
        "expect": {
            "triage": "urgent", "localisation": ["L5_root"], "side": "left",
            "localisation_of_change": ["L5_root"], "side_of_change": "left",
            "flags": ["matches_operated_level", "new_motor_deficit_after_surgery"],
        },
    },
    {
        "id": "preoperative-l45-foot-drop",
        "exams": [
            {"date": "2026-06-02", "kind": "initial",
             "motor": {"left": {"ankle_dorsiflexion": "3", "great_toe_extension": "2",
                                "toe_extension": "3"}},
             "sensory": {"left": {"L5": 1}}, "heel_walk": {"left": "unable"}, "slr": {"left": 35}},
        ],
        "expect": {"triage": "urgent", "localisation": ["L5_root"], "side": "left"},
    },
    {
        "id": "new-deficit-day-of-surgery",
        "surgery": {"procedure": "microdiscectomy", "level": "L5-S1", "side": "right",
                    "date": "2026-07-01"},
        "exams": [
            {"date": "2026-06-28", "kind": "preoperative",
             "motor": {"right": {"ankle_plantarflexion": "4"}},
             "reflexes": {"right": {"achilles": 1}}, "sensory": {"right": {"S1": 1}}},
            {"date": "2026-07-01", "kind": "postoperative",
             "motor": {"right": {"ankle_plantarflexion": "2", "ankle_eversion": "3"}},
             "reflexes": {"right": {"achilles": 0}}, "sensory": {"right": {"S1": 0}},
             "toe_walk": {"right": "unable"}},
        ],
        "expect": {
            "triage": "emergency", "localisation": ["S1_root"], "side": "right",
            "flags": ["new_deficit_day_of_surgery", "new_motor_deficit_after_surgery"],
        },
    },
    {
        "id": "worsening-after-improvement",
        "surgery": {"procedure": "microdiscectomy", "level": "L4-L5", "side": "left",
                    "date": "2026-02-02"},
        "exams": [
            {"date": "2026-01-30", "kind": "preoperative",
             "motor": {"left": {"ankle_dorsiflexion": "2", "great_toe_extension": "2"}},
             "sensory": {"left": {"L5": 1}}, "heel_walk": {"left": "unable"}},
            {"date": "2026-02-16", "kind": "postoperative",
             "motor": {"left": {"ankle_dorsiflexion": "4", "great_toe_extension": "4"}},
             "sensory": {"left": {"L5": 1}}, "heel_walk": {"left": "impaired"}},
            {"date": "2026-03-10", "kind": "follow-up",
             "motor": {"left": {"ankle_dorsiflexion": "2", "great_toe_extension": "2"}},
             "sensory": {"left": {"L5": 1}}, "heel_walk": {"left": "unable"}},
        ],
        "expect": {"triage": "urgent", "localisation": ["L5_root"], "side": "left",
                   "flags": ["worsening_after_improvement"]},
    },
    {
        "id": "new-contralateral-foot-drop",
        "surgery": {"procedure": "microdiscectomy", "level": "L4-L5", "side": "right",
                    "date": "2026-08-10"},
        "exams": [
            {"date": "2026-08-07", "kind": "preoperative",
             "motor": {"right": {"great_toe_extension": "4"}}, "sensory": {"right": {"L5": 1}},
             "slr": {"right": 40}},
            {"date": "2026-08-15", "kind": "postoperative",
             "motor": {"right": {"great_toe_extension": "4"},
                       "left": {"ankle_dorsiflexion": "3", "great_toe_extension": "2",
                                "toe_extension": "3"}},
             "sensory": {"right": {"L5": 1}, "left": {"L5": 1}}, "heel_walk": {"left": "unable"}},
        ],
        "expect": {
            "triage": "urgent", "localisation_of_change": ["L5_root"], "side_of_change": "left",
            "residual": ["great_toe_extension"], "flags": ["opposite_side_to_surgery"],
        },
    },
    {
        "id": "new-l5-beside-residual-s1",
        "surgery": {"procedure": "microdiscectomy", "level": "L5-S1", "side": "left",
                    "date": "2026-09-01", "herniation": "paracentral"},
        "exams": [
            {"date": "2026-08-28", "kind": "preoperative",
             "motor": {"left": {"ankle_plantarflexion": "4"}},
             "reflexes": {"left": {"achilles": 0}}, "sensory": {"left": {"S1": 1}},
             "slr": {"left": 50}},
            {"date": "2026-09-07", "kind": "postoperative",
             "motor": {"left": {"ankle_plantarflexion": "4", "great_toe_extension": "2",
                                "ankle_dorsiflexion": "4"}},
             "reflexes": {"left": {"achilles": 0}}, "sensory": {"left": {"S1": 1, "L5": 1}}},
        ],
        "expect": {
            "triage": "urgent", "localisation_of_change": ["L5_root"], "side_of_change": "left",
            "residual": ["ankle_plantarflexion", "achilles"],
            "flags": ["new_deficit_other_root_than_operated"],
        },
    },
    {
        "id": "bilateral-root-signs-questions-not-asked",
        "exams": [
            {"date": "2026-10-05", "kind": "initial", "slr": {"left": 40, "right": 50},
             "reflexes": {"left": {"achilles": 0}, "right": {"achilles": 0}},
             "sensory": {"left": {"S1": 1}, "right": {"S1": 1}}, "red_flags": "not asked"},
        ],
        "expect": {"triage": "prompt",
                   "flags": ["bilateral_root_signs", "cauda_equina_questions_not_recorded"]},
    },
    {
        "id": "foot-drop-discriminators-not-examined",
        "exams": [
            {"date": "2026-10-12", "kind": "initial", "blank": True,
             "motor": {"right": {"ankle_dorsiflexion": "2", "great_toe_extension": "2",
                                 "toe_extension": "2"}},
             "sensory": {"right": {"L5": 1}}},
        ],
        "expect": {"triage": "urgent", "undecided": ["ankle_inversion", "hip_abduction"]},
    },
    {
        "id": "empty-new-exam",
        "exams": [{"date": "2026-10-20", "kind": "initial", "blank": True}],
        "expect": {"triage": "not_assessed"},
    },
]

NOT_ASKED = "not asked"
"""``red_flags: not asked``: the red-flag questions were not recorded for that exam."""

_DIRECT_FIELDS = ("motor", "reflexes", "plantar", "clonus", "heel_walk", "toe_walk",
                  "femoral_stretch", "red_flags")


def _exam_document(case: dict[str, Any], index: int, shorthand: dict[str, Any]) -> dict[str, Any]:
    exam: dict[str, Any] = {
        "id": f"{case['id']}-{index + 1}", "date": shorthand["date"], "kind": shorthand["kind"],
        "examiner": "Dr Test", "status": "signed",
    }
    if "surgery" in case:
        exam["surgery_id"] = "op-1"
    for field in _DIRECT_FIELDS:
        if field in shorthand and shorthand[field] != NOT_ASKED:
            exam[field] = shorthand[field]
    if "sensory" in shorthand:
        exam["light_touch"] = shorthand["sensory"]
        exam["pin_prick"] = shorthand["sensory"]
    if "slr" in shorthand:
        exam["straight_leg_raise"] = shorthand["slr"]
    if "note" in shorthand:
        exam["notes"] = shorthand["note"]
    if "nt_reason" in shorthand:
        exam["nt_reasons"] = {
            f"motor.{side}.{item}": shorthand["nt_reason"]
            for side, items in shorthand["motor"].items()
            for item, grade in items.items() if grade == "NT"
        }
    return exam


def build_record(case: dict[str, Any]) -> PatientRecord:
    """The case as a validated record, every item not named examined and normal."""
    document: dict[str, Any] = {
        "format": "neuroexam.patient-record", "format_version": 1,
        "patient": {"id": f"MRN-{case['id'][:20]}", "family_name": "Vignette",
                    "given_name": case["id"], "birth_date": "1970-01-31", "sex": "unknown"},
        "surgeries": [], "exams": [],
    }
    if "surgery" in case:
        document["surgeries"].append({"id": "op-1", **case["surgery"]})
    document["exams"] = [_exam_document(case, i, e) for i, e in enumerate(case["exams"])]
    record = record_from_document(json.loads(json.dumps(document)), case["id"])
    record.exams = [_fill(exam, shorthand) for exam, shorthand in zip(record.exams, case["exams"],
                                                                      strict=True)]
    return record


def _fill(exam: Exam, shorthand: dict[str, Any]) -> Exam:
    """Every item not named is examined and normal, unless the exam is ``blank``; red flags that
    were "not asked" stay unrecorded."""
    if shorthand.get("blank"):
        return exam
    asked = shorthand.get("red_flags") != NOT_ASKED
    return fill_normal(exam, tuple(s for s in Section if asked or s is not Section.RED_FLAGS))
