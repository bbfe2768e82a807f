"""FHIR R4 import: patient records from a Bundle NeuroExam wrote, as written or after a server.

A clinic moves records between installations through its FHIR server: one exports a transaction,
the server stores it (assigning its own ids and rewriting references to ``Type/id``), the other
reads the resources back (a ``searchset`` Bundle, or the original file) and imports them here.
Everything is found by the product's codes and identifiers, whatever base URL the writing clinic
used (systems are matched by their ending, ``.../CodeSystem/exam-item``), and references are
resolved by ``fullUrl``, by ``Type/id`` or by an absolute URL ending in ``Type/id``.

The result is a record document of the contract, validated like any imported file, so a Bundle
that does not hold a valid record is refused with every problem listed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from core.exam_items import SIDE_TESTS, nt_key
from core.exchange.fhir import LANGUAGE_SYSTEM, Extension, IdentifierKind
from core.exchange.fhir_codes import LATERALITY, NT_REASON
from core.knowledge import Side
from core.record import FORMAT_NAME, FORMAT_VERSION, PatientRecord
from core.recordio import Problem, RecordError, record_from_document

SIDE_CODES = {coding["code"]: side for side, coding in LATERALITY.items()} | {
    "7771000": "left", "24028007": "right"}  # written by NeuroExam before 0.1.0's FHIR rework
"""SNOMED CT laterality codes and the side they name."""
INTEGER_SECTIONS = ("light_touch", "pin_prick", "reflexes")
COUNT_RESULTS = frozenset(test.count.result for test in SIDE_TESTS if test.count is not None)
"""The results whose number is in the observation's component (clonus beats, the SLR angle)."""
"""Sections whose grades are integers in the record (motor grades are strings: "4-")."""


def _ends(value: str | None, *parts: str) -> bool:
    return bool(value) and str(value).endswith("/" + "/".join(parts))


def _own_code(concept: dict[str, Any] | None, system: str) -> str | None:
    """The code of the product's ``system`` in a CodeableConcept, whatever its base URL."""
    for coding in (concept or {}).get("coding", []):
        if _ends(coding.get("system"), "CodeSystem", system):
            return str(coding.get("code"))
    return None


def _extension(resource: dict[str, Any], name: Extension) -> dict[str, Any] | None:
    return next((e for e in resource.get("extension", [])
                 if _ends(e.get("url"), "StructureDefinition", name.value)), None)


def _identifier(resource: dict[str, Any], kind: IdentifierKind) -> str | None:
    return next((i.get("value") for i in resource.get("identifier", [])
                 if _ends(i.get("system"), "identifier", kind.value)), None)


class _Resources:
    """The Bundle's resources, found by any of the references that may point at them."""

    def __init__(self, entries: Iterable[dict[str, Any]]) -> None:
        self.by_key: dict[str, dict[str, Any]] = {}
        self.all: list[dict[str, Any]] = []
        for entry in entries:
            resource = entry.get("resource")
            if not isinstance(resource, dict):
                continue
            self.all.append(resource)
            keys = [entry.get("fullUrl")]
            if resource.get("id"):
                keys.append(f"{resource.get('resourceType')}/{resource['id']}")
            for key in keys:
                if key:
                    self.by_key[str(key)] = resource

    def resolve(self, reference: dict[str, Any] | None) -> dict[str, Any] | None:
        target = str((reference or {}).get("reference", ""))
        if target in self.by_key:
            return self.by_key[target]
        tail = "/".join(target.split("/")[-2:])  # http://server/fhir/Observation/12
        return self.by_key.get(tail)

    def of(self, kind: str) -> list[dict[str, Any]]:
        return [r for r in self.all if r.get("resourceType") == kind]


def _mrn(patient: dict[str, Any]) -> str | None:
    """The record id: the identifier typed MR (HL7 v2-0203), else the only identifier."""
    identifiers = patient.get("identifier", [])
    typed = [i for i in identifiers
             if any(c.get("code") == "MR" for c in i.get("type", {}).get("coding", []))]
    chosen = typed or (identifiers if len(identifiers) == 1 else [])
    return str(chosen[0].get("value")) if chosen else None


def _preferred_language(patient: dict[str, Any]) -> str | None:
    """The BCP 47 code of the Patient's preferred communication language, if any."""
    for communication in patient.get("communication") or []:
        if communication.get("preferred"):
            for coding in (communication.get("language") or {}).get("coding") or []:
                if coding.get("system") == LANGUAGE_SYSTEM and coding.get("code"):
                    return str(coding["code"])
    return None


def _surgery(procedure: dict[str, Any]) -> dict[str, Any]:
    level = (_own_code((procedure.get("bodySite") or [{}])[0], "body-site") or "")
    side = _extension(procedure, Extension.SURGERY_SIDE)
    herniation = _extension(procedure, Extension.HERNIATION)
    surgery: dict[str, Any] = {
        "id": _identifier(procedure, IdentifierKind.SURGERY),
        "procedure": procedure.get("code", {}).get("text", ""),
        "level": level.removeprefix("disc."),
        "side": side.get("valueCode") if side else None,
        "date": str(procedure.get("performedDateTime", ""))[:10],
    }
    if herniation:
        surgery["herniation"] = herniation.get("valueCode")
    return surgery


def _finding(exam: dict[str, Any], observation: dict[str, Any], flags: list[str]) -> None:
    """Put one Observation's finding into the exam document."""
    item = _own_code(observation.get("code"), "exam-item") or ""
    laterality = next((e.get("valueCodeableConcept") for e in
                       observation.get("bodySite", {}).get("extension", [])
                       if str(e.get("url", "")).endswith("structureLaterality")), None)
    side = SIDE_CODES.get(next((c.get("code") for c in (laterality or {}).get("coding", [])), ""))
    section, _, name = item.partition(".")
    section = {"reflex": "reflexes"}.get(section, section)
    if section == "red_flag":
        exam.setdefault("red_flags", [])
        if observation.get("valueBoolean"):
            flags.append(name)
        return
    if section == "pain":
        exam.setdefault("pain", {})[name] = observation.get("valueInteger")
        return
    value: Any
    if "dataAbsentReason" in observation:
        value = "NT"
        reason = _extension(observation, Extension.NOT_TESTABLE_REASON)
        code = (reason or {}).get("valueCoding", {}).get("code")
        if code and NT_REASON.knows(str(code)) and name and side is not None:
            exam.setdefault("nt_reasons", {})[nt_key(section, Side(side), name)] = code
    else:
        result = next((_own_code(observation.get("valueCodeableConcept"), system) for system in
                       ("mrc-grade", "isncsci-sensory", "ninds-reflex", "finding-result")
                       if _own_code(observation.get("valueCodeableConcept"), system) is not None),
                      None)
        components = observation.get("component", [])
        if result in COUNT_RESULTS and components:
            component = components[0]
            value = component.get("valueInteger", component.get("valueQuantity", {}).get("value"))
        elif result is not None and section in INTEGER_SECTIONS and result.isdigit():
            value = int(result)
        else:
            value = result
    if name:
        exam.setdefault(section, {}).setdefault(side, {})[name] = value
    else:
        exam.setdefault(section, {})[side] = value


def _exam(report: dict[str, Any], resources: _Resources,
          surgery_ids: dict[int, str | None]) -> dict[str, Any]:
    kind = _extension(report, Extension.EXAM_KIND)
    exam: dict[str, Any] = {
        "id": _identifier(report, IdentifierKind.EXAM),
        "date": str(report.get("effectiveDateTime", ""))[:10],
        "kind": kind.get("valueCode") if kind else None,
        "status": "draft" if report.get("status") == "preliminary" else "signed",
    }
    related = _extension(report, Extension.RELATED_PROCEDURE)
    if related:
        procedure = resources.resolve(related.get("valueReference"))
        exam["surgery_id"] = surgery_ids.get(id(procedure)) if procedure is not None else None
    if report.get("performer"):
        exam["examiner"] = report["performer"][0].get("display", "")
    note = _extension(report, Extension.EXAM_NOTE)
    if note:
        exam["notes"] = note.get("valueString", "")
    if report.get("issued"):
        exam["signed_at"] = report["issued"]
    signer: dict[str, Any] = next(iter(report.get("resultsInterpreter") or []), {})
    login: dict[str, Any] = signer.get("identifier") or {}
    if _ends(login.get("system"), "identifier", IdentifierKind.LOGIN.value) and login.get("value"):
        exam["signed_by"] = {"login": login["value"], "name": signer.get("display", "")}
    flags: list[str] = []
    for reference in report.get("result", []):
        observation = resources.resolve(reference)
        if observation is not None:
            _finding(exam, observation, flags)
    if "red_flags" in exam:
        exam["red_flags"] = flags
    return exam


def records_from_bundle(document: dict[str, Any], source: str = "Bundle") -> list[PatientRecord]:
    """The patient records in a FHIR Bundle NeuroExam wrote; RecordError lists every problem."""
    resources = _Resources(document.get("entry", []) if isinstance(document.get("entry"), list)
                           else [])
    patients = resources.of("Patient")
    if not patients:
        raise RecordError([Problem("entry", "the Bundle holds no Patient")], source)
    records: list[PatientRecord] = []
    problems: list[Problem] = []
    for index, patient in enumerate(patients):
        def belongs(resource: dict[str, Any], who: dict[str, Any] = patient) -> bool:
            return resources.resolve(resource.get("subject")) is who
        procedures = [p for p in resources.of("Procedure") if belongs(p)]
        surgeries = [_surgery(p) for p in procedures]
        surgery_ids = {id(p): s["id"] for p, s in zip(procedures, surgeries, strict=True)}
        exams = [_exam(r, resources, surgery_ids) for r in resources.of("DiagnosticReport")
                 if belongs(r)]
        name = (patient.get("name") or [{}])[0]
        record = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "patient": {
            "id": _mrn(patient), "family_name": name.get("family", ""),
            "given_name": " ".join(name.get("given", [])),
            "sex": patient.get("gender", "unknown"),
            **({"birth_date": patient["birthDate"]} if patient.get("birthDate") else {}),
            **({"preferred_language": language} if (language := _preferred_language(patient))
               else {})},
            "surgeries": surgeries, "exams": exams}
        try:
            records.append(record_from_document(record, source))
        except RecordError as error:
            problems += [Problem(f"Patient[{index}]" + (f".{p.path}" if p.path else ""),
                                 p.message) for p in error.problems]
    if problems:
        raise RecordError(problems, source)
    return records
