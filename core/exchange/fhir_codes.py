"""The product's own FHIR code systems, and the few external codes that are verified.

External codes are used only where the code and its display were checked against a published
list: LOINC 32392-3 "Deep tendon reflex of Patella" and 72514-3 "Pain severity - 0-10 verbal
numeric rating [Score] - Reported"; the SNOMED CT codes 419161000 "Unilateral left" and 419465000
"Unilateral right" of FHIR R4's value set bodysite-laterality; HL7 v2 table 0203 "MR" (medical
record number) for the patient identifier, v2 table 0074 "PHY" (physician) for the report's
category; HL7's observation-category "exam" and data-absent-reason "not-performed". Everything
else is coded in the systems below, built from the knowledge tables so that they can never
disagree with the engine, and published as CodeSystem resources in docs/fhir/ (`make docs`).

Canonical URLs live under a base (DEFAULT_BASE, or the clinic's `fhir_base_url` setting):
``{base}/CodeSystem/{name}`` for code systems, ``{base}/StructureDefinition/{name}`` for the
product's extensions, ``{base}/identifier/{name}`` for its identifier systems.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from core import __version__
from core.engine.triage import LEVEL_MEANING, Level
from core.exam_items import SIDE_TESTS
from core.grades import GRADE_MEANINGS, MotorGrade, ReflexGrade, SensoryGrade
from core.knowledge import (
    DERMATOMES,
    LESION_LABELS,
    MOTOR_ITEMS,
    NOT_TESTABLE_REASON_LABELS,
    RED_FLAGS,
    REFLEXES,
    DiscLevel,
)

DEFAULT_BASE = "http://neuroexam.example.org/fhir"
"""Where the product's definitions are published unless a clinic sets its own base (the product
has no web address of its own; example.org is reserved and never resolves to someone else)."""

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
URI_IDENTIFIER = "urn:ietf:rfc:3986"
"""FHIR's identifier system for a value that is itself a globally unique URI (urn:uuid:...)."""
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203"
SERVICE_SECTION = "http://terminology.hl7.org/CodeSystem/v2-0074"
STRUCTURE_LATERALITY = "http://hl7.org/fhir/StructureDefinition/observation-structureLaterality"

MR_TYPE = {"system": IDENTIFIER_TYPE, "code": "MR", "display": "Medical record number"}
PHYSICIAN_SECTION = {"system": SERVICE_SECTION, "code": "PHY", "display": "Physician"}
EXAM_CATEGORY = {"system": OBSERVATION_CATEGORY, "code": "exam", "display": "Exam"}
NOT_PERFORMED = {"system": DATA_ABSENT_REASON, "code": "not-performed", "display": "Not Performed"}
LATERALITY = {"left": {"system": SNOMED, "code": "419161000", "display": "Unilateral left"},
              "right": {"system": SNOMED, "code": "419465000", "display": "Unilateral right"}}
"""FHIR R4 value set http://hl7.org/fhir/ValueSet/bodysite-laterality."""
PATELLAR_REFLEX = {"system": LOINC, "code": "32392-3", "display": "Deep tendon reflex of Patella"}
PAIN_SCORE = {"system": LOINC, "code": "72514-3",
              "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported"}
REPORT_CODE = "lower-limb-neuro-exam"


def definition_url(base: str, kind: str, name: str) -> str:
    """The canonical URL of one of the product's definitions under ``base``."""
    return f"{base.rstrip('/')}/{kind}/{name}"


@dataclass(frozen=True)
class Concept:
    """One code of a code system."""

    code: str
    display: str
    definition: str = ""


@dataclass(frozen=True)
class CodeSystem:
    """One of the product's code systems."""

    name: str
    title: str
    description: str
    concepts: tuple[Concept, ...]

    def url(self, base: str = DEFAULT_BASE) -> str:
        """The canonical URL under ``base``."""
        return definition_url(base, "CodeSystem", self.name)

    def coding(self, code: str, base: str = DEFAULT_BASE) -> dict[str, str]:
        """A FHIR Coding of ``code``; an unknown code is a programming error."""
        concept = self._by_code().get(code)
        if concept is None:
            raise KeyError(f"{code!r} is not in code system {self.name}")
        return {"system": self.url(base), "code": code, "display": concept.display}

    def _by_code(self) -> dict[str, Concept]:
        found: dict[str, Concept] | None = self.__dict__.get("_index")
        if found is None:
            found = {c.code: c for c in self.concepts}
            object.__setattr__(self, "_index", found)
        return found

    def knows(self, code: str) -> bool:
        """Whether ``code`` belongs to this system."""
        return code in self._by_code()

    def resource(self, base: str = DEFAULT_BASE) -> dict[str, Any]:
        """The CodeSystem resource published in docs/fhir/."""
        return {
            "resourceType": "CodeSystem", "id": f"neuroexam-{self.name}", "url": self.url(base),
            "version": __version__, "name": "".join(w.title() for w in self.name.split("-")),
            "title": self.title, "status": "active", "experimental": False,
            "publisher": "NeuroExam", "description": self.description, "caseSensitive": True,
            "content": "complete", "count": len(self.concepts),
            "concept": [{"code": c.code, "display": c.display,
                         **({"definition": c.definition} if c.definition else {})}
                        for c in self.concepts],
        }


def _grades(scale: type[MotorGrade] | type[SensoryGrade] | type[ReflexGrade]) -> tuple[Concept, ...]:
    return tuple(Concept(str(g.value), f"{g.value}: {GRADE_MEANINGS[g]}")
                 for g in scale.testable_grades())


def _exam_items() -> tuple[Concept, ...]:
    items = [Concept(REPORT_CODE, "Focused neurological exam of the legs",
                     "Motor, sensory, reflex, functional and provocative tests, red flags and pain "
                     "in lumbar radiculopathy, as NeuroExam records them.")]
    items += [Concept(f"motor.{m}", f"MRC strength of {info.movement} ({info.muscle})",
                      f"Roots {info.roots_label}; {info.nerve.value} nerve.")
              for m, info in MOTOR_ITEMS.items()]
    for modality in ("light_touch", "pin_prick"):
        items += [Concept(f"{modality}.{d.value}",
                          f"{modality.replace('_', ' ').capitalize()} in dermatome {d.value}",
                          f"Graded at the key point: {info.key_point}.")
                  for d, info in DERMATOMES.items()]
    items += [Concept(f"reflex.{r}", f"{info.label.capitalize()} reflex", "NINDS scale 0-4.")
              for r, info in REFLEXES.items()]
    items += [Concept(test.field, test.label) for test in SIDE_TESTS]
    items += [Concept(f"red_flag.{flag}", info.label.capitalize()) for flag, info in RED_FLAGS.items()]
    items += [Concept("pain.leg", "Leg pain, numeric rating 0-10"),
              Concept("pain.back", "Back pain, numeric rating 0-10")]
    items += [Concept(f"{test.field}.{test.count.code}", test.count.display)
              for test in SIDE_TESTS if test.count is not None]
    return tuple(items)


def _body_sites() -> tuple[Concept, ...]:
    sites = [Concept(f"muscle.{m}", info.muscle) for m, info in MOTOR_ITEMS.items()]
    sites += [Concept(f"dermatome.{d.value}", f"Dermatome {d.value}", info.area)
              for d, info in DERMATOMES.items()]
    sites += [Concept(f"tendon.{r}", f"Tendon of the {info.label} reflex")
              for r, info in REFLEXES.items()]
    sites += [Concept("sole", "Sole of the foot"), Concept("ankle", "Ankle"),
              Concept("lower-limb", "Lower limb"), Concept("lower-back", "Lower back")]
    sites += [Concept(f"disc.{level}", f"Intervertebral disc {level}") for level in DiscLevel]
    return tuple(sites)


def _results() -> tuple[Concept, ...]:
    """The worded results of every per-side test, and the result of a counted one ("beats",
    "positive"), each once, in the catalogue's order; NT is a data-absent reason, not a result."""
    words: list[str] = []
    for test in SIDE_TESTS:
        words += [str(w.value) for w in test.words]
        if test.count is not None:
            words.append(test.count.result)
    unique = [w for i, w in enumerate(words) if w not in words[:i] and w != "NT"]
    special = {"beats": "Clonus not sustained; the beats were counted"}
    return tuple(Concept(w, special.get(w, w.capitalize())) for w in unique)


MRC_GRADE = CodeSystem("mrc-grade", "MRC muscle strength grade",
                       "Medical Research Council grades 0-5 (Memorandum 45) with the 4-/4/4+ "
                       "subdivisions clinicians write.", _grades(MotorGrade))
ISNCSCI_SENSORY = CodeSystem("isncsci-sensory", "ISNCSCI sensory grade",
                             "Light touch and pin prick per dermatome: 0 absent, 1 altered, "
                             "2 normal.", _grades(SensoryGrade))
NINDS_REFLEX = CodeSystem("ninds-reflex", "NINDS myotatic reflex grade",
                          "NINDS Myotatic Reflex Scale 0-4 (Hallett 1993).", _grades(ReflexGrade))
EXAM_ITEM = CodeSystem("exam-item", "NeuroExam exam items",
                       "What each observation of the exam measures.", _exam_items())
BODY_SITE = CodeSystem("body-site", "NeuroExam body sites",
                       "Where an observation was made; the side is given by the SNOMED CT "
                       "laterality qualifier in the observation-structureLaterality extension.",
                       _body_sites())
FINDING_RESULT = CodeSystem("finding-result", "NeuroExam coded findings",
                            "Answers of the plantar response, clonus, gait and stretch tests.",
                            _results())
TRIAGE_LEVEL = CodeSystem("triage-level", "NeuroExam triage level",
                          "How urgent the rules find an exam; decision support only.",
                          tuple(Concept(level.label, level.label.capitalize(), LEVEL_MEANING[level])
                                for level in sorted(Level, reverse=True)))
LESION = CodeSystem("lesion", "NeuroExam localisation",
                    "The root, nerve or central lesion a pattern of findings points to.",
                    tuple(Concept(lesion.value, label.capitalize())
                          for lesion, label in LESION_LABELS.items()))

NT_REASON = CodeSystem("not-testable-reason", "NeuroExam reason for not testable",
                       "Why an item was recorded as not testable (NT).",
                       tuple(Concept(reason.value, label.capitalize())
                             for reason, label in NOT_TESTABLE_REASON_LABELS.items()))

CODE_SYSTEMS: tuple[CodeSystem, ...] = (EXAM_ITEM, BODY_SITE, MRC_GRADE, ISNCSCI_SENSORY,
                                        NINDS_REFLEX, FINDING_RESULT, TRIAGE_LEVEL, LESION,
                                        NT_REASON)


def published_files() -> dict[str, str]:
    """docs/fhir/ file name -> content, for `make docs` and the freshness test."""
    return {f"CodeSystem-{system.name}.json":
            json.dumps(system.resource(), indent=2, ensure_ascii=False) + "\n"
            for system in CODE_SYSTEMS}
