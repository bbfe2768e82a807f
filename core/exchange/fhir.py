"""FHIR R4 export: a Bundle per export with Patient, Procedure, Observations, DiagnosticReport.

One Observation per finding and side, coded in the product's code systems (core/exchange/
fhir_codes.py) with the body site and its laterality; NT findings carry data-absent-reason
"not-performed" and the reason as a note. Each exam ends in a DiagnosticReport that references its
observations, gives the assessment in words and as codes, and attaches the clinician report PDF.

Resource ids are UUIDs derived from the record's ids (uuid5), so exporting the same record twice
gives the same ids. Every Bundle is checked against the `fhir.resources` R4B models before it is
written; that library is imported here only, when an export runs.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from core import __version__
from core.engine import assess
from core.engine.summary import DISCLAIMER, localisation_summary
from core.exchange.fhir_codes import (
    BODY_SITE,
    DATA_ABSENT_REASON,
    EXAM_ITEM,
    FINDING_RESULT,
    ISNCSCI_SENSORY,
    LATERALITY_SNOMED,
    LESION,
    LOINC,
    MRC_GRADE,
    NINDS_REFLEX,
    OBSERVATION_CATEGORY,
    PATELLAR_REFLEX_LOINC,
    REPORT_CODE,
    SNOMED,
    STRUCTURE_LATERALITY,
    TRIAGE_LEVEL,
    CodeSystem,
)
from core.knowledge import NOT_TESTABLE_REASON_LABELS, Dermatome, RedFlag, Reflex, Side
from core.record import Exam, ExamStatus, PatientRecord, Surgery
from core.recordio import write_atomic

NAMESPACE = uuid.UUID("5d3c4f1e-7a0b-4c39-9a55-2f0e8e6b1c42")
"""The product's uuid5 namespace for resource ids."""
RECORD_ID_SYSTEM = "urn:neuroexam:record-id"
EXAM_ID_SYSTEM = "urn:neuroexam:exam-id"

PdfMaker = Callable[[PatientRecord, str], bytes]


class FhirValidationError(ValueError):
    """A Bundle the FHIR models reject: a bug in the export, reported rather than written."""


def _id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(parts)))


def _ref(resource_id: str) -> dict[str, str]:
    return {"reference": f"urn:uuid:{resource_id}"}


def _concept(system: CodeSystem, code: str) -> dict[str, Any]:
    coding = system.coding(code)
    return {"coding": [coding], "text": coding["display"]}


# --------------------------------------------------------------------------------------------
# Findings: one row per observation, from the exam.
# --------------------------------------------------------------------------------------------


class Finding:
    """One observation to write: what, where, which side, and the value as the record has it."""

    def __init__(self, item: str, site: str, side: Side | None, value: Any, scale: CodeSystem | None,
                 nt_key: str | None) -> None:
        self.item, self.site, self.side, self.value = item, site, side, value
        self.scale, self.nt_key = scale, nt_key


def _sided(exam: Exam) -> Iterable[Finding]:
    for side in (Side.LEFT, Side.RIGHT):
        for muscle, grade in (exam.motor.get(side) or {}).items():
            yield Finding(f"motor.{muscle}", f"muscle.{muscle}", side, grade.value, MRC_GRADE,
                          f"motor.{side}.{muscle}")
        for modality in ("light_touch", "pin_prick"):
            grades: dict[Dermatome, Any] = getattr(exam, modality).get(side) or {}
            for dermatome, sense in grades.items():
                yield Finding(f"{modality}.{dermatome.value}", f"dermatome.{dermatome.value}", side,
                              sense.value, ISNCSCI_SENSORY, f"{modality}.{side}.{dermatome.value}")
        reflexes: dict[Reflex, Any] = exam.reflexes.get(side) or {}
        for reflex, grade in reflexes.items():
            yield Finding(f"reflex.{reflex}", f"tendon.{reflex}", side, grade.value, NINDS_REFLEX,
                          f"reflexes.{side}.{reflex}")
        for section, site in (("plantar", "sole"), ("clonus", "ankle"), ("heel_walk", "lower-limb"),
                              ("toe_walk", "lower-limb"), ("straight_leg_raise", "lower-limb"),
                              ("femoral_stretch", "lower-limb")):
            value = getattr(exam, section).get(side)
            if value is not None:
                yield Finding(section, site, side, getattr(value, "value", value), None,
                              f"{section}.{side}")


def _unsided(exam: Exam) -> Iterable[Finding]:
    if exam.red_flags is not None:  # asked: each flag is present or absent
        for flag in RedFlag:
            yield Finding(f"red_flag.{flag}", "", None, flag in exam.red_flags, None, None)
    if exam.pain is not None:
        for name in ("leg", "back"):
            score = getattr(exam.pain, name)
            if score is not None:
                yield Finding(f"pain.{name}", "", None, score, None, None)


def _value(finding: Finding) -> dict[str, Any]:
    """The observation's value[x], or its data-absent-reason when NT."""
    value = finding.value
    if value == "NT":
        return {"dataAbsentReason": {"coding": [{"system": DATA_ABSENT_REASON,
                                                 "code": "not-performed",
                                                 "display": "Not Performed"}],
                                     "text": "not testable"}}
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if finding.scale is not None:
        return {"valueCodeableConcept": _concept(finding.scale, str(value))}
    if finding.item == "clonus" and isinstance(value, int):
        return {"valueQuantity": {"value": value, "unit": "beats"}}
    if finding.item == "straight_leg_raise" and isinstance(value, int):
        return {"valueQuantity": {"value": value, "unit": "degrees", "system": "http://unitsofmeasure.org",
                                  "code": "deg"}, "interpretation": [{"text": "positive"}]}
    if finding.item.startswith("pain."):
        return {"valueInteger": value}
    return {"valueCodeableConcept": _concept(FINDING_RESULT, str(value))}


def _observation(record: PatientRecord, exam: Exam, finding: Finding, patient_ref: dict[str, str],
                 ) -> dict[str, Any]:
    code = _concept(EXAM_ITEM, finding.item)
    if finding.item == f"reflex.{Reflex.PATELLAR}":
        code["coding"].append({"system": LOINC, "code": PATELLAR_REFLEX_LOINC})
    side = finding.side.value if finding.side else ""
    observation: dict[str, Any] = {
        "resourceType": "Observation",
        "id": _id(record.patient.id, exam.id, finding.item, side),
        "status": "final" if exam.status is ExamStatus.SIGNED else "preliminary",
        "category": [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "exam",
                                  "display": "Exam"}]}],
        "code": code, "subject": patient_ref, "effectiveDateTime": exam.date.isoformat(),
        **_value(finding),
    }
    if finding.side is not None:
        code_text, laterality = LATERALITY_SNOMED[finding.side.value]
        site = _concept(BODY_SITE, finding.site)
        site["extension"] = [{"url": STRUCTURE_LATERALITY, "valueCodeableConcept": {
            "coding": [{"system": SNOMED, "code": code_text, "display": laterality}]}}]
        site["text"] = f"{site['text']}, {finding.side.value}"
        observation["bodySite"] = site
    reason = exam.nt_reasons.get(finding.nt_key or "")
    if reason is not None and finding.value == "NT":
        observation["note"] = [{"text": f"Not testable: {NOT_TESTABLE_REASON_LABELS[reason]}"}]
    return observation


# --------------------------------------------------------------------------------------------
# Patient, Procedure, DiagnosticReport.
# --------------------------------------------------------------------------------------------


def _patient(record: PatientRecord) -> dict[str, Any]:
    patient = record.patient
    resource: dict[str, Any] = {
        "resourceType": "Patient", "id": _id(patient.id),
        "identifier": [{"system": RECORD_ID_SYSTEM, "value": patient.id}],
        "name": [{"family": patient.family_name, "given": patient.given_name.split()}],
        "gender": patient.sex.value,
    }
    if patient.birth_date is not None:
        resource["birthDate"] = patient.birth_date.isoformat()
    return resource


def _procedure(record: PatientRecord, surgery: Surgery, patient_ref: dict[str, str]) -> dict[str, Any]:
    site = _concept(BODY_SITE, f"disc.{surgery.level}")
    site["text"] = f"{site['text']}, {surgery.side.value} approach"
    return {
        "resourceType": "Procedure", "id": _id(record.patient.id, "surgery", surgery.id),
        "identifier": [{"system": "urn:neuroexam:surgery-id", "value": surgery.id}],
        "status": "completed", "code": {"text": surgery.procedure}, "subject": patient_ref,
        "performedDateTime": surgery.date.isoformat(), "bodySite": [site],
    }


def _conclusion(record: PatientRecord, exam: Exam) -> tuple[str, list[dict[str, Any]]]:
    assessment = assess(record, exam.id)
    result = assessment.as_dict()
    triage = result["triage"]
    lines = [f"Triage: {triage['level']} (rules {result['rules_version']})."]
    lines += [f"- {r['text']} [{r['rule']}; {r['source']}]" for r in triage["reasons"]]
    codes = [_concept(TRIAGE_LEVEL, triage["level"])]
    lines += localisation_summary(assessment)
    if assessment.headline_localisation:
        codes.append(_concept(LESION, assessment.headline_localisation[0].lesion.value))
    lems = result["lems"]
    lines.append(f"LEMS left {lems['left']}, right {lems['right']}, total {lems['total']}.")
    lines.append(DISCLAIMER)
    return "\n".join(lines), codes


def _report(record: PatientRecord, exam: Exam, patient_ref: dict[str, str],
            observation_ids: list[str], pdf: bytes | None) -> dict[str, Any]:
    conclusion, codes = _conclusion(record, exam)
    report: dict[str, Any] = {
        "resourceType": "DiagnosticReport", "id": _id(record.patient.id, exam.id, "report"),
        "identifier": [{"system": EXAM_ID_SYSTEM, "value": exam.id}],
        "status": "final" if exam.status is ExamStatus.SIGNED else "preliminary",
        "code": _concept(EXAM_ITEM, REPORT_CODE), "subject": patient_ref,
        "effectiveDateTime": exam.date.isoformat(),
        "result": [_ref(i) for i in observation_ids],
        "conclusion": conclusion, "conclusionCode": codes,
    }
    if exam.examiner:
        report["performer"] = [{"display": exam.examiner}]
    if exam.signed_at is not None:
        report["issued"] = exam.signed_at.isoformat()
    if pdf is not None:
        report["presentedForm"] = [{"contentType": "application/pdf", "language": "en",
                                    "title": f"Clinician report, exam {exam.id}",
                                    "data": base64.b64encode(pdf).decode("ascii")}]
    return report


# --------------------------------------------------------------------------------------------
# The Bundle.
# --------------------------------------------------------------------------------------------


def _fhir_string(text: str) -> str:
    """FHIR strings hold no control characters but tab, CR and LF, and no other whitespace kinds:
    drop the former, make the latter plain spaces; a string left blank becomes empty."""
    if text.isprintable():
        return text if text.strip() else ""
    kept = "".join(" " if ch.isspace() and ch not in " \t\r\n" else ch for ch in text
                   if ch in "\t\r\n" or ord(ch) >= 32)
    return kept if kept.strip() else ""


def _without_empty(node: Any) -> Any:
    """FHIR forbids empty strings, lists and objects: drop them (an unnamed patient has no name)."""
    if isinstance(node, str):
        return _fhir_string(node)
    if isinstance(node, dict):
        kept = {key: _without_empty(value) for key, value in node.items()}
        return {key: value for key, value in kept.items() if value not in ("", [], {})}
    if isinstance(node, list):
        kept_items = [_without_empty(value) for value in node]
        return [value for value in kept_items if value not in ("", [], {})]
    return node


def _entry(resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": _without_empty(resource)}


def record_entries(record: PatientRecord, exam_ids: Iterable[str] | None = None,
                   pdf_maker: PdfMaker | None = None) -> list[dict[str, Any]]:
    """The Bundle entries of one patient: all exams, or those named."""
    patient = _patient(record)
    patient_ref = _ref(patient["id"])
    entries = [_entry(patient)]
    entries += [_entry(_procedure(record, s, patient_ref)) for s in record.surgeries]
    wanted = set(exam_ids) if exam_ids is not None else None
    for exam in record.exams_by_date():
        if wanted is not None and exam.id not in wanted:
            continue
        observations = [_observation(record, exam, f, patient_ref)
                        for f in [*_sided(exam), *_unsided(exam)]]
        entries += [_entry(o) for o in observations]
        pdf = pdf_maker(record, exam.id) if pdf_maker is not None else None
        entries.append(_entry(_report(record, exam, patient_ref, [o["id"] for o in observations],
                                      pdf)))
    return entries


def bundle(records: Iterable[PatientRecord], pdf_maker: PdfMaker | None = None,
           timestamp: dt.datetime | None = None, exam_ids: Iterable[str] | None = None,
           ) -> dict[str, Any]:
    """A collection Bundle of the records (validated before it is returned)."""
    entries: list[dict[str, Any]] = []
    patient_ids: list[str] = []
    for record in records:
        entries += record_entries(record, exam_ids, pdf_maker)
        patient_ids.append(record.patient.id)
    stamp = timestamp or dt.datetime.now(dt.UTC)
    document = {"resourceType": "Bundle", "id": _id("bundle", *patient_ids),
                "meta": {"tag": [{"system": "urn:neuroexam:software", "code": f"neuroexam-{__version__}"}]},
                "type": "collection", "timestamp": stamp.isoformat(), "entry": entries}
    validate(document)
    return document


def validate(document: dict[str, Any]) -> None:
    """Check a Bundle against the fhir.resources R4B models; raise FhirValidationError if not."""
    from fhir.resources.R4B.bundle import Bundle
    from pydantic import ValidationError

    try:
        Bundle.model_validate(document)
    except ValidationError as error:
        raise FhirValidationError(f"the FHIR Bundle does not validate: {error}") from None


def clinician_pdf(settings: Any, deterministic: bool = False) -> PdfMaker:
    """A PdfMaker that renders the clinician report of an exam."""
    from core.reports.clinician import clinician_report

    def make(record: PatientRecord, exam_id: str) -> bytes:
        return clinician_report(record, exam_id, settings, deterministic)
    return make


def write_bundle(path: Path, document: dict[str, Any]) -> None:
    """Write the Bundle as JSON, atomically, readable by the user only."""
    write_atomic(Path(path), (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
