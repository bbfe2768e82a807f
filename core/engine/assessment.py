"""The assessment of one exam: changes, recovery, localisation, triage and flags, in one object."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.engine import wording
from core.engine.changes import Change, ChangeKind, RecoveryRate, compare, recovery_rates
from core.engine.context import ExamContext, exam_context
from core.engine.findings import Course, References, course, item_label, localised_item, references
from core.engine.flags import Flag, compute_flags, flag_sentence
from core.engine.localisation import Candidate, SideScores, localise, localise_change
from core.engine.readings import Modality, Reading
from core.engine.triage import RULES_VERSION, Triage, TriageInputs, find_new_umn, triage
from core.engine.undecided import Decider, undecided
from core.i18n import Joined, Phrase, phrase, word
from core.knowledge import Dermatome, SensoryModality, Side
from core.record import PatientRecord
from core.scores import PerSideScore, lems


@dataclass(frozen=True)
class Residual:
    """An abnormal finding present before the operation and not worse now."""

    change: Change

    @property
    def text(self) -> Phrase:
        """In words: "left big toe extension 4 -> 4"."""
        item = self.change.item
        found = localised_item(item.modality, item.item)
        label: Phrase | Joined = item_label(found) if found is not None else \
            word(item.item.replace("_", " "))
        if item.modality in (Modality.LIGHT_TOUCH, Modality.PIN_PRICK):
            label = Joined((item.item, word(item.modality.value.replace('_', ' '))), " ")
        return phrase(wording.RESIDUAL, side=word(item.side.value), item=label,
                      before=self._value(self.change.earlier), now=self._value(self.change.current))

    @staticmethod
    def _value(reading: Reading | None) -> str | Phrase:
        """A grade as written; a result in words (extensor, sustained)."""
        if reading is None:
            return "-"
        value = str(reading.value)
        return word(value) if value.isalpha() else value

    def as_dict(self) -> dict[str, Any]:
        """As the assessment document writes it (record-format.md, Extensions)."""
        row = self.change.as_dict()
        return {key: row[key] for key in ("item", "modality", "side", "baseline", "current")}


@dataclass(frozen=True)
class Assessment:
    """Everything the engine concludes about one exam."""

    context: ExamContext
    changes: list[Change]
    inputs: TriageInputs
    """What the triage rules looked at (kept for the changes since the previous exam)."""
    recovery: list[RecoveryRate]
    localisation: list[Candidate]
    """The whole exam."""
    localisation_of_change: list[Candidate]
    """The new or worse findings alone."""
    residual: list[Residual]
    undecided: list[Decider]
    triage: Triage
    flags: list[Flag]
    flag_details: dict[Flag, Phrase]
    lems: PerSideScore

    @property
    def changes_since_previous(self) -> list[Change]:
        """Every item compared with the previous exam."""
        return self.inputs.changes_since_previous

    def changed_dermatomes(self, modality: SensoryModality, since_previous: bool = False,
                           ) -> frozenset[tuple[Side, Dermatome]]:
        """The dermatomes of one modality whose grade moved (new, worse, better, resolved)
        against the comparison exam, or against the previous exam: the maps mark them."""
        changes = self.changes_since_previous if since_previous else self.changes
        return frozenset((c.item.side, Dermatome(c.item.item)) for c in changes
                         if c.item.modality.value == modality.value
                         and c.kind not in (ChangeKind.UNCHANGED, ChangeKind.NOT_COMPARABLE))

    @property
    def flag_sentences(self) -> list[Phrase]:
        """The flags in words."""
        return [flag_sentence(f, self.flag_details) for f in self.flags]

    @property
    def before_signing(self) -> list[Phrase]:
        """What must be recorded before the exam is signed (section 6: root signs in both legs
        need the cauda equina questions asked and recorded)."""
        if Flag.CAUDA_EQUINA_QUESTIONS_NOT_RECORDED in self.flags:
            return [flag_sentence(Flag.CAUDA_EQUINA_QUESTIONS_NOT_RECORDED, self.flag_details)]
        return []

    @property
    def headline_localisation(self) -> list[Candidate]:
        """What the app and the reports lead with: the change when something is new or worse,
        else the whole exam."""
        return self.localisation_of_change or self.localisation

    def as_dict(self) -> dict[str, Any]:
        """The assessment document of record-format.md, with its 2026-11-23 extensions."""
        context = self.context
        return {
            "exam_id": context.exam.id,
            "baseline_exam_id": context.baseline.id if context.baseline else None,
            "previous_exam_id": context.previous.id if context.previous else None,
            "rules_version": RULES_VERSION,
            "triage": self.triage.as_dict(),
            "localisation": [c.as_dict() for c in self.localisation],
            "localisation_of_change": [c.as_dict() for c in self.localisation_of_change],
            "residual": [r.as_dict() for r in self.residual],
            "undecided": [d.as_dict() for d in self.undecided],
            "changes": [c.as_dict() for c in self.changes],
            "recovery_rates": [r.as_dict() for r in self.recovery],
            "lems": self.lems.as_dict(),
            "flags": [f.value for f in self.flags],
        }


def residual_findings(context: ExamContext, refs: References,
                      changes: list[Change]) -> list[Residual]:
    """After the operation: findings abnormal at the baseline and now, and not worse than the
    baseline, the previous exam or the best exam since the operation. ``changes`` are the
    changes against the baseline."""
    if context.baseline is None or not context.is_postoperative:
        return []
    found = []
    for change in changes:
        if change.earlier is None or change.current is None or not (
                change.earlier.abnormal and change.current.abnormal):
            continue
        item = localised_item(change.item.modality, change.item.item)
        if item is not None:
            settled = course(item, change.item.side, change.current, refs) is Course.RESIDUAL
        else:
            settled = change.kind in (ChangeKind.UNCHANGED, ChangeKind.BETTER)
        if settled:
            found.append(Residual(change))
    return found


def assess_context(context: ExamContext) -> Assessment:
    """Assess an exam in its context."""
    comparison = context.comparison
    changes = compare(comparison, context.exam) if comparison is not None else []
    refs = references(context)
    scores: SideScores = {}
    ranked = localise(context, scores)
    new_umn = bool(find_new_umn(TriageInputs(context, changes, refs, ranked)))
    change_ranked = localise_change(context, refs, new_umn, scores)
    inputs = TriageInputs(context, changes, refs, change_ranked or ranked)
    residual = residual_findings(context, refs, changes)
    result = triage(inputs)
    deciders = undecided(context.exam, change_ranked or ranked)
    flags, details = compute_flags(inputs, result, ranked, change_ranked,
                                   [r.text for r in residual], deciders)
    return Assessment(
        context=context,
        changes=changes,
        inputs=inputs,
        recovery=recovery_rates(context.baseline, context.exam) if context.baseline else [],
        localisation=ranked,
        localisation_of_change=change_ranked,
        residual=residual,
        undecided=deciders,
        triage=result,
        flags=flags,
        flag_details=details,
        lems=lems(context.exam),
    )


def assess(record: PatientRecord, exam_id: str | None = None) -> Assessment:
    """Assess ``exam_id`` (the latest exam when None) against the patient's history."""
    return assess_context(exam_context(record, exam_id))
