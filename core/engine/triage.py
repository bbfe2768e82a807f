"""Urgency as decision support: a versioned table of rules, each with its text and source.

An exam is sorted into the highest level whose rule fires, and every rule that fired is listed
with the findings that made it fire (clinical-reference.md, section 9). The table is the single
source of the rules: the command line, the rules page in docs/, the app and the PDFs print it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from core.engine.changes import Change, ChangeKind
from core.engine.context import (
    POSTOPERATIVE_WINDOW_DAYS,
    PROGRESSION_WINDOW_DAYS,
    ExamContext,
)
from core.engine.localisation import saddle_altered, umn_signs
from core.engine.readings import Modality
from core.knowledge import MOTOR_ITEMS, RED_FLAGS, Muscle, RedFlag, Side, Source

RULES_VERSION = "2026.11.1"
"""Bump on any change to a rule, a threshold or a weight; printed on every report."""


class Level(IntEnum):
    """Urgency levels, ordered so that max() picks the most urgent."""

    ROUTINE = 0
    PROMPT = 1
    URGENT = 2
    EMERGENCY = 3

    @property
    def label(self) -> str:
        """The level as the assessment writes it."""
        return self.name.lower()


LEVEL_MEANING: dict[Level, str] = {
    Level.EMERGENCY: "same day, emergency department",
    Level.URGENT: "surgeon or specialist within 24-48 hours",
    Level.PROMPT: "specialist within 1-2 weeks",
    Level.ROUTINE: "the planned follow-up",
}


@dataclass(frozen=True)
class TriageInputs:
    """What the rules look at, computed once per exam."""

    context: ExamContext
    changes: list[Change]
    """Against the baseline, else the previous exam."""
    changes_since_previous: list[Change]


Finder = Callable[[TriageInputs], list[str]]


@dataclass(frozen=True)
class Rule:
    """One triage rule: id, level, what it says, where it comes from, and how it is checked."""

    id: str
    level: Level
    text: str
    sources: tuple[Source, ...]
    find: Finder

    def as_dict(self) -> dict[str, Any]:
        """The rule as the rules table prints it."""
        return {"rule": self.id, "level": self.level.label, "text": self.text,
                "source": "; ".join(s.value for s in self.sources)}


def _motor_text(change: Change) -> str:
    movement = MOTOR_ITEMS[Muscle(change.item.item)].movement
    before = "not graded" if change.earlier is None else change.earlier.value
    now = "not graded" if change.current is None else change.current.value
    return f"{change.item.side.value} {movement} {before} -> {now} ({change.kind.value})"


def _new_or_worse_motor(changes: list[Change]) -> list[Change]:
    return [c for c in changes if c.is_new_or_worse_motor]


def _uncompared_weakness(inputs: TriageInputs) -> list[str]:
    """Weakness now with no earlier grade to compare it with (first exam, or NT/missing before)."""
    compared = {(c.item.item, c.item.side) for c in inputs.changes
                if c.item.modality is Modality.MOTOR and c.kind is not ChangeKind.NOT_COMPARABLE}
    found = []
    for side in Side:
        for muscle, grade in (inputs.context.exam.motor.get(side) or {}).items():
            if grade.testable and grade.mrc < 5 and (muscle.value, side) not in compared:
                found.append(f"{side.value} {MOTOR_ITEMS[muscle].movement} {grade.value}/5 "
                             "(no earlier grade to compare)")
    return found


def _red_flags(inputs: TriageInputs, wanted: Callable[[RedFlag], bool]) -> list[str]:
    return [RED_FLAGS[f].label for f in inputs.context.exam.red_flags or [] if wanted(f)]


def find_cauda_equina(inputs: TriageInputs) -> list[str]:
    """Any NICE cauda equina red flag recorded as present."""
    return _red_flags(inputs, lambda f: RED_FLAGS[f].cauda_equina)


def find_saddle(inputs: TriageInputs) -> list[str]:
    """S4-5 light touch or pin prick altered or absent."""
    return saddle_altered(inputs.context.exam)


def find_bilateral_new_motor(inputs: TriageInputs) -> list[str]:
    """A new or worse motor deficit on both sides (or weakness on both sides at a first exam)."""
    declined = _new_or_worse_motor(inputs.changes)
    uncompared = _uncompared_weakness(inputs)
    per_side = {side: [_motor_text(c) for c in declined if c.item.side is side] +
                [u for u in uncompared if u.startswith(side.value)] for side in Side}
    if all(per_side.values()):
        return per_side[Side.LEFT] + per_side[Side.RIGHT]
    return []


def find_progressive(inputs: TriageInputs) -> list[str]:
    """Strength falling by a whole grade since an exam a few days earlier, no operation between;
    or progressive weakness recorded as a red flag."""
    found = _red_flags(inputs, lambda f: f is RedFlag.PROGRESSIVE_WEAKNESS)
    previous = inputs.context.previous
    if previous is None or not inputs.context.same_epoch(previous):
        return found
    days = (inputs.context.exam.date - previous.date).days
    if days > PROGRESSION_WINDOW_DAYS:
        return found
    return found + [f"{_motor_text(c)} in {days} days"
                    for c in _new_or_worse_motor(inputs.changes_since_previous)]


def find_postoperative_motor(inputs: TriageInputs) -> list[str]:
    """Within six weeks of the operation: a new or worse motor deficit against the preoperative
    exam (or, with none, the previous exam)."""
    if not inputs.context.in_postoperative_window or inputs.context.comparison is None:
        return []
    return [_motor_text(c) for c in _new_or_worse_motor(inputs.changes)]


def find_new_umn(inputs: TriageInputs) -> list[str]:
    """Upper motor neuron signs that the comparison exam did not have."""
    earlier = inputs.context.comparison
    found = []
    for side in Side:
        before = set(umn_signs(earlier, side)) if earlier is not None else set()
        found += [f"{side.value}: {s}" for s in umn_signs(inputs.context.exam, side)
                  if s not in before]
    return found


def find_wound_infection(inputs: TriageInputs) -> list[str]:
    """Fever, or a red, swollen or discharging wound."""
    return _red_flags(inputs, lambda f: f is RedFlag.WOUND_INFECTION_SIGNS)


def find_severe_pain(inputs: TriageInputs) -> list[str]:
    """Severe pain that nothing relieves."""
    return _red_flags(inputs, lambda f: f is RedFlag.SEVERE_UNCONTROLLED_PAIN)


def find_new_weakness(inputs: TriageInputs) -> list[str]:
    """New or worse objective weakness outside the post-operative window, or weakness with no
    earlier grade to compare."""
    uncompared = _uncompared_weakness(inputs)
    if inputs.context.in_postoperative_window and inputs.context.comparison is not None:
        return uncompared
    return [_motor_text(c) for c in _new_or_worse_motor(inputs.changes)] + uncompared


def find_persistent_deficit(inputs: TriageInputs) -> list[str]:
    """Six weeks or more after the operation, a muscle weak before it and not better now."""
    days = inputs.context.days_since_surgery
    if days is None or days < POSTOPERATIVE_WINDOW_DAYS or inputs.context.baseline is None:
        return []
    return [f"{_motor_text(c)}, {days} days after surgery" for c in inputs.changes
            if c.item.modality is Modality.MOTOR and c.current is not None and c.current.abnormal
            and c.kind in (ChangeKind.UNCHANGED, ChangeKind.WORSE)]


def find_new_sensory(inputs: TriageInputs) -> list[str]:
    """A new or worse sensory change with no new or worse weakness."""
    if _new_or_worse_motor(inputs.changes) or _uncompared_weakness(inputs):
        return []
    found = [f"{c.item.side.value} {c.item.item} {c.item.modality.value.replace('_', ' ')} "
             f"{c.earlier.value if c.earlier else '-'} -> {c.current.value if c.current else '-'}"
             for c in inputs.changes
             if c.item.modality in (Modality.LIGHT_TOUCH, Modality.PIN_PRICK)
             and c.kind in (ChangeKind.NEW, ChangeKind.WORSE)]
    if inputs.context.comparison is None:
        for side in Side:
            for modality in ("light_touch", "pin_prick"):
                for dermatome, grade in (getattr(inputs.context.exam, modality).get(side) or
                                         {}).items():
                    if grade.testable and not grade.is_normal:
                        found.append(f"{side.value} {dermatome.value} "
                                     f"{modality.replace('_', ' ')} {grade.value}")
    return found


RULES: tuple[Rule, ...] = (
    Rule("EM-CES", Level.EMERGENCY,
         "Cauda equina red flag present", (Source.NICE,), find_cauda_equina),
    Rule("EM-SADDLE", Level.EMERGENCY,
         "Saddle (S4-5) sensation altered or absent", (Source.NICE, Source.ISNCSCI), find_saddle),
    Rule("EM-BILATERAL-MOTOR", Level.EMERGENCY,
         "New motor deficit in both legs", (Source.NICE,), find_bilateral_new_motor),
    Rule("EM-PROGRESSIVE", Level.EMERGENCY,
         f"Motor strength falling between two exams at most {PROGRESSION_WINDOW_DAYS} days apart "
         "(progressive weakness)", (Source.NICE,), find_progressive),
    Rule("UR-POSTOP-MOTOR", Level.URGENT,
         f"After surgery (first {POSTOPERATIVE_WINDOW_DAYS} days): new or worse motor deficit "
         "against the preoperative exam", (Source.NICE, Source.NASS), find_postoperative_motor),
    Rule("UR-UMN", Level.URGENT,
         "New upper motor neuron signs: not explained by a lumbar root lesion",
         (Source.NINDS, Source.HARRISON), find_new_umn),
    Rule("UR-WOUND", Level.URGENT,
         "Signs of wound infection", (Source.NICE,), find_wound_infection),
    Rule("UR-PAIN", Level.URGENT,
         "Severe pain that nothing relieves", (Source.NICE,), find_severe_pain),
    Rule("PR-NEW-WEAKNESS", Level.PROMPT,
         "New objective weakness outside the post-operative window", (Source.NICE, Source.NASS),
         find_new_weakness),
    Rule("PR-PERSISTENT", Level.PROMPT,
         f"Motor deficit unchanged {POSTOPERATIVE_WINDOW_DAYS // 7} weeks or more after surgery",
         (Source.NASS,), find_persistent_deficit),
    Rule("PR-NEW-SENSORY", Level.PROMPT,
         "New sensory change without new weakness", (Source.NASS, Source.ISNCSCI),
         find_new_sensory),
)
ROUTINE_RULE_ID = "RO-NONE"
ROUTINE_TEXT = "No emergency, urgent or prompt rule fired: normal, or improving with no new deficit"


@dataclass(frozen=True)
class Reason:
    """A rule that fired and the findings that made it fire."""

    rule: Rule | None
    findings: list[str]

    def as_dict(self) -> dict[str, Any]:
        """As the assessment document writes it."""
        if self.rule is None:
            return {"rule": ROUTINE_RULE_ID, "text": ROUTINE_TEXT,
                    "source": Source.NICE.value, "findings": []}
        return {"rule": self.rule.id, "text": self.rule.text,
                "source": "; ".join(s.value for s in self.rule.sources),
                "findings": self.findings}


@dataclass(frozen=True)
class Triage:
    """The level and every reason that put the exam there."""

    level: Level
    reasons: list[Reason]

    def fired(self, rule_id: str) -> bool:
        """True when the rule with this id fired."""
        return any(r.rule is not None and r.rule.id == rule_id for r in self.reasons)

    def as_dict(self) -> dict[str, Any]:
        """As the assessment document writes it."""
        return {"level": self.level.label, "reasons": [r.as_dict() for r in self.reasons]}


def triage(inputs: TriageInputs) -> Triage:
    """Run every rule; the level is that of the most urgent rule that fired."""
    reasons = [Reason(rule, found) for rule in RULES if (found := rule.find(inputs))]
    if not reasons:
        return Triage(Level.ROUTINE, [Reason(None, [])])
    reasons.sort(key=lambda r: -r.rule.level if r.rule else 0)
    return Triage(max(r.rule.level for r in reasons if r.rule), reasons)
