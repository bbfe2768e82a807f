"""The assessment of one exam: changes, recovery, localisation, triage and flags, in one object."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.engine.changes import Change, RecoveryRate, compare, recovery_rates
from core.engine.context import ExamContext, exam_context
from core.engine.flags import Flag, compute_flags, flag_sentence
from core.engine.localisation import Candidate, localise
from core.engine.triage import RULES_VERSION, Triage, TriageInputs, triage
from core.record import PatientRecord
from core.scores import PerSideScore, lems


@dataclass(frozen=True)
class Assessment:
    """Everything the engine concludes about one exam."""

    context: ExamContext
    changes: list[Change]
    changes_since_previous: list[Change]
    recovery: list[RecoveryRate]
    localisation: list[Candidate]
    triage: Triage
    flags: list[Flag]
    flag_details: dict[Flag, str]
    lems: PerSideScore

    @property
    def flag_sentences(self) -> list[str]:
        """The flags in words."""
        return [flag_sentence(f, self.flag_details) for f in self.flags]

    def as_dict(self) -> dict[str, Any]:
        """The assessment document of record-format.md."""
        context = self.context
        return {
            "exam_id": context.exam.id,
            "baseline_exam_id": context.baseline.id if context.baseline else None,
            "previous_exam_id": context.previous.id if context.previous else None,
            "rules_version": RULES_VERSION,
            "triage": self.triage.as_dict(),
            "localisation": [c.as_dict() for c in self.localisation],
            "changes": [c.as_dict() for c in self.changes],
            "recovery_rates": [r.as_dict() for r in self.recovery],
            "lems": self.lems.as_dict(),
            "flags": [f.value for f in self.flags],
        }


def assess_context(context: ExamContext) -> Assessment:
    """Assess an exam in its context."""
    comparison = context.comparison
    changes = compare(comparison, context.exam) if comparison is not None else []
    if context.previous is comparison:
        since_previous = changes
    else:
        since_previous = compare(context.previous, context.exam) if context.previous else []
    inputs = TriageInputs(context, changes, since_previous)
    ranked = localise(context)
    result = triage(inputs)
    flags, details = compute_flags(inputs, result, ranked)
    return Assessment(
        context=context,
        changes=changes,
        changes_since_previous=since_previous,
        recovery=recovery_rates(context.baseline, context.exam) if context.baseline else [],
        localisation=ranked,
        triage=result,
        flags=flags,
        flag_details=details,
        lems=lems(context.exam),
    )


def assess(record: PatientRecord, exam_id: str | None = None) -> Assessment:
    """Assess ``exam_id`` (the latest exam when None) against the patient's history."""
    return assess_context(exam_context(record, exam_id))
