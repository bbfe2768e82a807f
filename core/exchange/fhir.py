"""FHIR R4 export: per patient a Patient, a Procedure per operation, Observations, DiagnosticReports.

One Observation per finding and side, coded in the product's code systems (core/exchange/
fhir_codes.py) and, where a verified standard code exists, in LOINC too; the body site carries its
laterality (SNOMED CT, FHIR R4 value set bodysite-laterality). Each item has one value type:
grades and test results are CodeableConcepts (the clonus beat count and the straight-leg-raise
angle are components of that one value), red flags booleans, pain scores integers. NT findings
carry data-absent-reason "not-performed" and the reason as a coded extension and a note. Each exam
ends in a DiagnosticReport that references its observations, gives the assessment in words and as
codes, and (when asked) attaches the clinician report PDF.

Two Bundle types:
- ``transaction`` (the default, for a FHIR server): each entry has a request. The Patient is a
  conditional create (``POST`` with ``ifNoneExist`` on the MR identifier), so the hospital's own
  Patient is found, never duplicated or overwritten; everything NeuroExam owns is a conditional
  update (``PUT Observation?identifier=urn:ietf:rfc:3986|urn:uuid:...``) keyed on a stable
  identifier, so posting the same export twice changes nothing and an amended exam replaces
  its earlier version. Resources carry no ids; entries refer to each other by ``urn:uuid:``
  fullUrls, which the server rewrites.
- ``collection`` (archives): the same resources with their ids, no requests.

The stable identifiers are uuid5 of the clinic's patient identifier system, the record id and the
item's own ids, so exporting the same record twice gives the same identifiers, and two clinics
with the same record number do not collide. Every Bundle is checked against the official R4 JSON
Schema before it is written (core/exchange/fhir_schema.py).
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import json
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import quote

from core import __version__
from core.engine import RULES_VERSION, assess
from core.engine.assessment import Assessment
from core.engine.summary import DISCLAIMER, localisation_summary
from core.exam_items import SIDE_TESTS, SideTest, nt_key
from core.exchange.fhir_codes import (
    BODY_SITE,
    DEFAULT_BASE,
    EXAM_CATEGORY,
    EXAM_ITEM,
    FINDING_RESULT,
    ISNCSCI_SENSORY,
    LATERALITY,
    LESION,
    MR_TYPE,
    MRC_GRADE,
    NINDS_REFLEX,
    NOT_PERFORMED,
    NT_REASON,
    PAIN_SCORE,
    PATELLAR_REFLEX,
    PHYSICIAN_SECTION,
    REPORT_CODE,
    STRUCTURE_LATERALITY,
    TRIAGE_LEVEL,
    UCUM,
    URI_IDENTIFIER,
    CodeSystem,
    definition_url,
)
from core.i18n import Language, Translator, language_for, translator
from core.knowledge import NOT_TESTABLE_REASON_LABELS, Dermatome, RedFlag, Reflex, Side
from core.record import Exam, ExamStatus, PatientRecord, Surgery
from core.recordio import write_atomic

LANGUAGE_SYSTEM = "urn:ietf:bcp:47"
"""Patient.communication.language codes (FHIR's common-languages value set is BCP 47)."""
LANGUAGE_DISPLAY = {Language.EN: "English", Language.ES: "Spanish"}
NAMESPACE = uuid.UUID("5d3c4f1e-7a0b-4c39-9a55-2f0e8e6b1c42")
"""The product's uuid5 namespace for resource identifiers."""

PdfMaker = Callable[[PatientRecord, str], bytes]


class BundleType(StrEnum):
    """What the Bundle is for."""

    TRANSACTION = "transaction"
    """For a FHIR server: conditional creates and updates, idempotent."""
    COLLECTION = "collection"
    """For an archive: the resources only."""


class Extension(StrEnum):
    """The product's extensions (``{base}/StructureDefinition/{name}``)."""

    EXAM_KIND = "exam-kind"
    """DiagnosticReport, valueCode: initial, preoperative, postoperative, follow-up."""
    EXAM_NOTE = "exam-note"
    """DiagnosticReport, valueString: the exam's free-text notes."""
    AMENDMENT_REASON = "amendment-reason"
    """DiagnosticReport, valueString: why a signed exam was amended."""
    RELATED_PROCEDURE = "related-procedure"
    """DiagnosticReport, valueReference: the operation the exam relates to."""
    NOT_TESTABLE_REASON = "not-testable-reason"
    """Observation, valueCoding: why the item is NT."""
    SURGERY_SIDE = "surgery-side"
    """Procedure, valueCode: left, right, bilateral."""
    HERNIATION = "herniation"
    """Procedure, valueCode: paracentral, foraminal, far_lateral."""


class IdentifierKind(StrEnum):
    """The product's identifier systems (``{base}/identifier/{name}``)."""

    EXAM = "exam"
    """The exam's id, unique within its patient (the DiagnosticReport)."""
    SURGERY = "surgery"
    """The operation's id, unique within its patient (the Procedure)."""
    LOGIN = "login"
    """The login that signed the exam's current revision (DiagnosticReport.resultsInterpreter):
    a clinic database login, or the workstation's operating-system account."""


@dataclass(frozen=True)
class FhirOptions:
    """How a clinic's Bundles are written."""

    bundle_type: BundleType = BundleType.TRANSACTION
    base: str = DEFAULT_BASE
    """Canonical base of the product's code systems, extensions and identifier systems."""
    patient_system: str = ""
    """The hospital's system URI of medical record numbers; empty: ``{base}/identifier/record``."""
    amendments: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """(record id, exam id) -> reason, for exams amended after signing."""
    corrections: Mapping[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    """(record id, exam id) -> the findings (finding_key) an amendment corrected: recorded when
    the exam was first signed, different or gone now (corrected_findings)."""
    signed_bases: Mapping[tuple[str, str], PatientRecord] = field(default_factory=dict)
    """(record id, exam id) -> the record a signed exam was assessed against when signed (the
    store's signing basis): its conclusion and PDF say what was signed, not a re-assessment."""
    language: Language = Language.EN
    """The clinician report's language: of each DiagnosticReport's narrative (text.div) and of
    its attached PDF. The coded content and the conclusion, read by programs, stay English."""

    @property
    def record_system(self) -> str:
        """The Patient identifier's system."""
        return self.patient_system or definition_url(self.base, "identifier", "record")

    def extension_url(self, name: Extension) -> str:
        """The canonical URL of one of the product's extensions."""
        return definition_url(self.base, "StructureDefinition", name.value)

    def identifier_system(self, kind: IdentifierKind) -> str:
        """The system of one of the product's identifiers."""
        return definition_url(self.base, "identifier", kind.value)


def options_from_settings(settings: Any, bundle_type: BundleType = BundleType.TRANSACTION,
                          amendments: Mapping[tuple[str, str], str] | None = None) -> FhirOptions:
    """The clinic's options: its identifier system and canonical base from the settings."""
    return FhirOptions(bundle_type, getattr(settings, "fhir_base_url", "") or DEFAULT_BASE,
                       getattr(settings, "fhir_patient_system", ""), amendments or {},
                       language=language_for(getattr(settings, "language", "")))


class FhirValidationError(ValueError):
    """A Bundle the FHIR models reject: a bug in the export, reported rather than written."""


class _Writer:
    """Writes the resources of one export under its options."""

    def __init__(self, options: FhirOptions) -> None:
        self.options = options
        self._patient_uuids: dict[str, str] = {}

    def uuid(self, record: PatientRecord, *parts: str) -> str:
        if not parts:  # the Patient's, which every resource refers to: made once
            cached = self._patient_uuids.get(record.patient.id)
            if cached is not None:
                return cached
        made = str(uuid.uuid5(NAMESPACE, "\x1f".join((self.options.record_system,
                                                       record.patient.id, *parts))))
        if not parts:
            self._patient_uuids = {record.patient.id: made}
        return made

    def concept(self, system: CodeSystem, code: str) -> dict[str, Any]:
        coding = system.coding(code, self.options.base)
        return {"coding": [coding], "text": coding["display"]}

    def extension(self, name: Extension, **value: Any) -> dict[str, Any]:
        return {"url": self.options.extension_url(name), **value}

    # ----------------------------------------------------------------------------------------
    # Findings
    # ----------------------------------------------------------------------------------------

    def value(self, finding: Finding) -> dict[str, Any]:
        """The observation's value[x] (one type per item), or its data-absent-reason when NT."""
        value = finding.value
        if value == "NT":
            return {"dataAbsentReason": {"coding": [NOT_PERFORMED], "text": "Not testable"}}
        if isinstance(value, bool):
            return {"valueBoolean": value}
        if finding.item.startswith("pain."):
            return {"valueInteger": value}
        if finding.scale is not None:
            return {"valueCodeableConcept": self.concept(finding.scale, str(value))}
        test = finding.test
        if test is not None and test.count is not None and isinstance(value, int):
            count = test.count
            component: dict[str, Any] = {
                "code": self.concept(EXAM_ITEM, f"{test.field}.{count.code}")}
            if count.unit is None:
                component["valueInteger"] = value
            else:
                component["valueQuantity"] = {"value": value, "unit": count.unit[1],
                                              "system": UCUM, "code": count.unit[0]}
            return {"valueCodeableConcept": self.concept(FINDING_RESULT, count.result),
                    "component": [component]}
        return {"valueCodeableConcept": self.concept(FINDING_RESULT, str(value))}

    def observation(self, record: PatientRecord, exam: Exam, finding: Finding, status: str,
                    ) -> dict[str, Any]:
        code = self.concept(EXAM_ITEM, finding.item)
        if finding.item == f"reflex.{Reflex.PATELLAR}":
            code["coding"].insert(0, dict(PATELLAR_REFLEX))
        elif finding.item.startswith("pain."):
            code["coding"].insert(0, dict(PAIN_SCORE))
        side = finding.side.value if finding.side else ""
        observation: dict[str, Any] = {
            "resourceType": "Observation",
            "id": self.uuid(record, exam.id, finding.item, side),
            "status": status, "category": [{"coding": [EXAM_CATEGORY]}],
            "code": code, "subject": _ref(self.uuid(record)),
            "effectiveDateTime": exam.date.isoformat(), **self.value(finding),
        }
        if finding.site:
            site = self.concept(BODY_SITE, finding.site)
            if finding.side is not None:
                site["extension"] = [{"url": STRUCTURE_LATERALITY, "valueCodeableConcept": {
                    "coding": [dict(LATERALITY[finding.side.value])]}}]
                site["text"] = f"{site['text']}, {finding.side.value}"
            observation["bodySite"] = site
        reason = exam.nt_reasons.get(finding.nt_key or "")
        if reason is not None and finding.value == "NT":
            observation["extension"] = [self.extension(
                Extension.NOT_TESTABLE_REASON,
                valueCoding=NT_REASON.coding(reason.value, self.options.base))]
            observation["note"] = [{"text": f"Not testable: {NOT_TESTABLE_REASON_LABELS[reason]}"}]
        return observation

    # ----------------------------------------------------------------------------------------
    # Patient, Procedure, DiagnosticReport
    # ----------------------------------------------------------------------------------------

    def patient(self, record: PatientRecord) -> dict[str, Any]:
        patient = record.patient
        resource: dict[str, Any] = {
            "resourceType": "Patient", "id": self.uuid(record),
            "identifier": [{"use": "usual", "type": {"coding": [MR_TYPE],
                                                     "text": "Medical record number"},
                            "system": self.options.record_system, "value": patient.id}],
            "name": [{"family": patient.family_name, "given": patient.given_name.split()}],
            "gender": patient.sex.value,
        }
        if patient.birth_date is not None:
            resource["birthDate"] = patient.birth_date.isoformat()
        if patient.preferred_language is not None:
            resource["communication"] = [{"language": {"coding": [{
                "system": LANGUAGE_SYSTEM, "code": patient.preferred_language.value,
                "display": LANGUAGE_DISPLAY[patient.preferred_language]}]}, "preferred": True}]
        return resource

    def procedure(self, record: PatientRecord, surgery: Surgery) -> dict[str, Any]:
        site = self.concept(BODY_SITE, f"disc.{surgery.level}")
        site["text"] = f"{site['text']}, {surgery.side.value} approach"
        resource: dict[str, Any] = {
            "resourceType": "Procedure", "id": self.uuid(record, "surgery", surgery.id),
            "identifier": [{"system": self.options.identifier_system(IdentifierKind.SURGERY),
                            "value": surgery.id}],
            "status": "completed", "code": {"text": surgery.procedure},
            "subject": _ref(self.uuid(record)), "performedDateTime": surgery.date.isoformat(),
            "bodySite": [site],
            "extension": [self.extension(Extension.SURGERY_SIDE, valueCode=surgery.side.value)],
        }
        if surgery.herniation is not None:
            resource["extension"].append(self.extension(Extension.HERNIATION,
                                                        valueCode=surgery.herniation.value))
        return resource

    def as_signed(self, record: PatientRecord, exam: Exam) -> PatientRecord:
        """The record ``exam`` is assessed against: its signing basis when there is one."""
        return self.options.signed_bases.get((record.patient.id, exam.id), record)

    def conclusion_codes(self, assessment: Assessment) -> list[dict[str, Any]]:
        """The triage level and the leading localisation, coded."""
        codes = [self.concept(TRIAGE_LEVEL, assessment.triage.level.label)]
        if assessment.headline_localisation:
            codes.append(self.concept(LESION, assessment.headline_localisation[0].lesion.value))
        return codes

    def report(self, record: PatientRecord, exam: Exam, status: str, observation_ids: list[str],
               pdf: bytes | None) -> dict[str, Any]:
        assessment = assess(self.as_signed(record, exam), exam.id)
        amendment = self.options.amendments.get((record.patient.id, exam.id))
        conclusion = conclusion_text(assessment, amendment, translator())
        clinicians = translator(self.options.language)
        extensions = [self.extension(Extension.EXAM_KIND, valueCode=exam.kind.value)]
        if exam.notes:
            extensions.append(self.extension(Extension.EXAM_NOTE, valueString=exam.notes))
        if amendment:
            extensions.append(self.extension(Extension.AMENDMENT_REASON, valueString=amendment))
        if exam.surgery_id and record.surgery(exam.surgery_id) is not None:
            extensions.append(self.extension(Extension.RELATED_PROCEDURE, valueReference=_ref(
                self.uuid(record, "surgery", exam.surgery_id))))
        report: dict[str, Any] = {
            "resourceType": "DiagnosticReport", "id": self.uuid(record, exam.id, "report"),
            "text": narrative(conclusion if clinicians.language is Language.EN else
                              conclusion_text(assessment, amendment, clinicians),
                              clinicians.language),
            "extension": extensions,
            "identifier": [{"system": self.options.identifier_system(IdentifierKind.EXAM),
                            "value": exam.id}],
            "status": status, "category": [{"coding": [PHYSICIAN_SECTION]}],
            "code": self.concept(EXAM_ITEM, REPORT_CODE), "subject": _ref(self.uuid(record)),
            "effectiveDateTime": exam.date.isoformat(),
            "result": [_ref(i) for i in observation_ids],
            "conclusion": conclusion, "conclusionCode": self.conclusion_codes(assessment),
        }
        if exam.examiner:
            report["performer"] = [{"display": exam.examiner}]
        if exam.signed_at is not None:
            report["issued"] = exam.signed_at.isoformat()
        if exam.signed_by is not None:  # who signed, as authenticated (the amender, if amended)
            report["resultsInterpreter"] = [{
                "display": exam.signed_by.name or exam.signed_by.login,
                "identifier": {"system": self.options.identifier_system(IdentifierKind.LOGIN),
                               "value": exam.signed_by.login}}]
        if pdf is not None:
            report["presentedForm"] = [{"contentType": "application/pdf",
                                        "language": clinicians.language.value,
                                        "title": clinicians("Clinician report, exam {id}")
                                        .format(id=exam.id),
                                        "data": base64.b64encode(pdf).decode("ascii")}]
        return report

    # ----------------------------------------------------------------------------------------
    # Entries
    # ----------------------------------------------------------------------------------------

    def status(self, record: PatientRecord, exam: Exam, finding: Finding | None = None) -> str:
        """preliminary (draft), final (signed), or for an exam changed with a reason after it
        was signed: corrected when the change corrected a finding recorded at signing (for the
        report: any finding; for an Observation: its own), amended otherwise (findings added,
        notes changed). FHIR: "corrected" is the amendment that corrects an error."""
        if exam.status is not ExamStatus.SIGNED:
            return "preliminary"
        key = (record.patient.id, exam.id)
        if key not in self.options.amendments:
            return "final"
        corrected = self.options.corrections.get(key, frozenset())
        if finding is None:
            return "corrected" if corrected else "amended"
        return "corrected" if finding_key(finding) in corrected else "amended"

    def entry(self, resource: dict[str, Any]) -> dict[str, Any]:
        if resource["resourceType"] != "Observation":
            # Observations hold only the catalogue's codes and the record's values, never free
            # text, so they need no clean-up; walking them was a third of the export's time.
            # (Every Bundle is checked against the schema before it is written all the same.)
            resource = _without_empty(resource)
        full_url = f"urn:uuid:{resource['id']}"
        if self.options.bundle_type is BundleType.COLLECTION:
            return {"fullUrl": full_url, "resource": resource}
        kind, resource_id = resource["resourceType"], resource["id"]
        resource = {key: value for key, value in resource.items() if key != "id"}
        if kind == "Patient":
            identifier = resource["identifier"][0]
            request = {"method": "POST", "url": "Patient",
                       "ifNoneExist": _identifier_query(identifier["system"], identifier["value"])}
        else:
            key = {"system": URI_IDENTIFIER, "value": f"urn:uuid:{resource_id}"}
            resource["identifier"] = [key, *resource.get("identifier", [])]
            request = {"method": "PUT",
                       "url": f"{kind}?{_identifier_query(key['system'], key['value'])}"}
        return {"fullUrl": full_url, "resource": resource, "request": request}

    def record_entries(self, record: PatientRecord, exam_ids: Iterable[str] | None,
                       pdf_maker: PdfMaker | None) -> list[dict[str, Any]]:
        entries = [self.entry(self.patient(record))]
        entries += [self.entry(self.procedure(record, s)) for s in record.surgeries]
        wanted = set(exam_ids) if exam_ids is not None else None
        for exam in record.exams_by_date():
            if wanted is not None and exam.id not in wanted:
                continue
            status = self.status(record, exam)
            observations = [self.observation(record, exam, f, self.status(record, exam, f))
                            for f in findings(exam)]
            entries += [self.entry(o) for o in observations]
            pdf = pdf_maker(self.as_signed(record, exam), exam.id) if pdf_maker else None
            entries.append(self.entry(self.report(record, exam, status,
                                                  [o["id"] for o in observations], pdf)))
        return entries


def conclusion_text(assessment: Assessment, amendment: str | None, _: Translator) -> str:
    """A report's conclusion in ``_``'s language: for an amended exam why, then the triage level
    with each reason, its rule and source, the localisation, the LEMS and the disclaimer. In
    English it is DiagnosticReport.conclusion; in the clinician's language, its narrative."""
    lines = [_("Amended after signing: {reason}").format(reason=amendment)] if amendment else []
    lines.append(_("Triage: {level} (rules {version}).").format(
        level=_(assessment.triage.level.words), version=RULES_VERSION))
    lines += [f"- {_(r.text)} [{r.rule_id}; {r.source}]" for r in assessment.triage.reasons]
    lines += localisation_summary(assessment, _)
    lems = assessment.lems
    lines.append(_("LEMS left {left}, right {right}, total {total}.").format(
        left=lems.left, right=lems.right, total=lems.total))
    lines.append(_(DISCLAIMER))
    return "\n".join(lines)


def narrative(text: str, language: Language) -> dict[str, str]:
    """Resource.text for a person reading the resource (a FHIR viewer shows it): ``text`` as
    XHTML paragraphs, its "- " lines as a list, marked with its language; "generated": made
    from the resource's own content, nothing added."""
    parts: list[str] = []
    for line in text.split("\n"):
        if line.startswith("- "):
            if not parts or not parts[-1].endswith("</li>"):
                parts.append("<ul>")
            parts.append(f"<li>{html.escape(line[2:], quote=False)}</li>")
            continue
        if parts and parts[-1].endswith("</li>"):
            parts.append("</ul>")
        parts.append(f"<p>{html.escape(line, quote=False)}</p>")
    if parts and parts[-1].endswith("</li>"):
        parts.append("</ul>")
    return {"status": "generated",
            "div": f'<div xmlns="http://www.w3.org/1999/xhtml" lang="{language.value}" '
                   f'xml:lang="{language.value}">{"".join(parts)}</div>'}


def _ref(resource_id: str) -> dict[str, str]:
    return {"reference": f"urn:uuid:{resource_id}"}


def _identifier_query(system: str, value: str) -> str:
    """A search on a token, URL-encoded: ``identifier=system|value``."""
    return f"identifier={quote(system, safe=':/')}|{quote(value, safe=':')}"


# --------------------------------------------------------------------------------------------
# Findings: one per observation, from the exam.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One observation to write: what, where, which side, and the value as the record has it."""

    item: str
    site: str
    side: Side | None
    value: Any
    scale: CodeSystem | None
    nt_key: str | None
    test: SideTest | None = None
    """The catalogue's per-side test, for one of those."""

PAIN_SITES = {"leg": "lower-limb", "back": "lower-back"}


def findings(exam: Exam) -> list[Finding]:
    """Every observation an exam gives, sided then unsided."""
    return [*_sided(exam), *_unsided(exam)]


def finding_key(finding: Finding) -> str:
    """A finding's item and side, e.g. "motor.hip_flexion.left"."""
    return f"{finding.item}.{finding.side.value}" if finding.side else finding.item


def corrected_findings(signed: Exam, now: Exam) -> frozenset[str]:
    """The findings recorded when ``signed`` was signed that ``now`` records differently or no
    longer: what an amendment corrected (a finding only added is not a correction)."""
    current = {finding_key(f): f.value for f in findings(now)}
    return frozenset(key for key, value in ((finding_key(f), f.value) for f in findings(signed))
                     if current.get(key, _GONE) != value)


_GONE = object()


def _sided(exam: Exam) -> Iterable[Finding]:
    for side in (Side.LEFT, Side.RIGHT):
        for muscle, grade in (exam.motor.get(side) or {}).items():
            yield Finding(f"motor.{muscle}", f"muscle.{muscle}", side, grade.value, MRC_GRADE,
                          nt_key("motor", side, muscle.value))
        for modality in ("light_touch", "pin_prick"):
            grades: dict[Dermatome, Any] = getattr(exam, modality).get(side) or {}
            for dermatome, sense in grades.items():
                yield Finding(f"{modality}.{dermatome.value}", f"dermatome.{dermatome.value}", side,
                              sense.value, ISNCSCI_SENSORY, nt_key(modality, side, dermatome.value))
        reflexes: dict[Reflex, Any] = exam.reflexes.get(side) or {}
        for reflex, grade in reflexes.items():
            yield Finding(f"reflex.{reflex}", f"tendon.{reflex}", side, grade.value, NINDS_REFLEX,
                          nt_key("reflexes", side, reflex.value))
        for test in SIDE_TESTS:
            value = getattr(exam, test.field).get(side)
            if value is not None:
                yield Finding(test.field, test.site, side, getattr(value, "value", value), None,
                              test.nt_key(side), test)


def _unsided(exam: Exam) -> Iterable[Finding]:
    if exam.red_flags is not None:  # asked: each flag is present or absent
        for flag in RedFlag:
            yield Finding(f"red_flag.{flag}", "", None, flag in exam.red_flags, None, None)
    if exam.pain is not None:
        for name, site in PAIN_SITES.items():
            score = getattr(exam.pain, name)
            if score is not None:
                yield Finding(f"pain.{name}", site, None, score, None, None)


# --------------------------------------------------------------------------------------------
# The Bundle.
# --------------------------------------------------------------------------------------------


def _fhir_string(text: str) -> str:
    """FHIR strings hold no control characters but tab, CR and LF, and no other whitespace kinds:
    drop the former, make the latter plain spaces; a string left blank becomes empty."""
    if text.isprintable():
        return text if text.strip() else ""
    kept = _ODD_SPACE.sub(" ", _CONTROL.sub("", text))
    return kept if kept.strip() else ""


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters FHIR strings cannot hold (all but tab, LF and CR)."""
_ODD_SPACE = re.compile(r"[^\S \t\r\n]")
"""Whitespace other than space, tab, LF and CR (str.isspace's kinds)."""


def _without_empty(node: Any) -> Any:
    """FHIR forbids empty strings, lists and objects: drop them (an unnamed patient has no name)."""
    if isinstance(node, str):
        return _fhir_string(node)
    if isinstance(node, dict):
        kept: dict[str, Any] = {}
        for key, value in node.items():
            if type(value) is str and value.isprintable() and value.strip():
                kept[key] = value  # the common case, without a call (exports are mostly this)
                continue
            value = _without_empty(value)
            if value or not isinstance(value, _EMPTIABLE):  # keeps 0 and False
                kept[key] = value
        return kept
    if isinstance(node, list):
        items = (_without_empty(value) for value in node)
        return [value for value in items if value or not isinstance(value, _EMPTIABLE)]
    return node


_EMPTIABLE = (str, list, dict)


def record_entries(record: PatientRecord, exam_ids: Iterable[str] | None = None,
                   pdf_maker: PdfMaker | None = None,
                   options: FhirOptions | None = None) -> list[dict[str, Any]]:
    """The Bundle entries of one patient: all exams, or those named."""
    return _Writer(options or FhirOptions()).record_entries(record, exam_ids, pdf_maker)


def bundle_head(options: FhirOptions, timestamp: dt.datetime | None = None) -> dict[str, Any]:
    """A Bundle's own fields, without entries (a streamed export writes its entries after)."""
    stamp = timestamp or dt.datetime.now(dt.UTC)
    return {"resourceType": "Bundle",
            "id": str(uuid.uuid5(NAMESPACE, f"bundle\x1f{stamp.isoformat()}")),
            "meta": {"source": definition_url(options.base, "software",
                                              f"neuroexam-{__version__}")},
            "type": options.bundle_type.value, "timestamp": stamp.isoformat()}


BUNDLE_TAIL = "\n]}\n"
"""A streamed Bundle (bundle_head_line, then one entry per line joined by ",\n") ends so: still
one JSON document, and readable patient by patient (core/exchange/records_file.py)."""


def bundle_head_line(options: FhirOptions, timestamp: dt.datetime | None = None) -> str:
    """The first line of a streamed Bundle: its own fields, then the opening of its entries."""
    head = json.dumps(bundle_head(options, timestamp), ensure_ascii=False)
    return head[:-1] + ', "entry": [\n'


def bundle(records: Iterable[PatientRecord], pdf_maker: PdfMaker | None = None,
           timestamp: dt.datetime | None = None, exam_ids: Iterable[str] | None = None,
           options: FhirOptions | None = None) -> dict[str, Any]:
    """A Bundle of the records (a transaction unless the options say otherwise), validated."""
    options = options or FhirOptions()
    writer = _Writer(options)
    entries: list[dict[str, Any]] = []
    for record in records:
        entries += writer.record_entries(record, exam_ids, pdf_maker)
    document = {**bundle_head(options, timestamp), "entry": entries}
    validate(document)
    return document


def validate(document: dict[str, Any]) -> None:
    """Check a Bundle against the official FHIR R4 JSON Schema (the part NeuroExam's resources
    reach, compiled once: core/exchange/fhir_schema.py); raise FhirValidationError if not. The
    tests check exports with fhir.resources and the full official schema as well."""
    from core.exchange.fhir_schema import FhirSchemaError, check_resource

    try:
        check_resource(document)
    except FhirSchemaError as error:
        raise FhirValidationError(f"the FHIR Bundle does not validate: {error}") from None


def clinician_pdf(settings: Any, deterministic: bool = False) -> PdfMaker:
    """A PdfMaker that renders the clinician report of an exam: the archived PDF/A-2b copy for a
    signed exam, the ordinary one (with its DRAFT mark) for a draft."""
    from core.reports.clinician import clinician_report

    def make(record: PatientRecord, exam_id: str) -> bytes:
        exam = record.exam(exam_id)
        signed = exam is not None and exam.status is ExamStatus.SIGNED
        return clinician_report(record, exam_id, settings, deterministic, archival=signed)
    return make


def write_bundle(path: Path, document: dict[str, Any]) -> None:
    """Write the Bundle as JSON, atomically, readable by the user only."""
    write_atomic(Path(path), (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
