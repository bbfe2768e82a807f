"""Urgency as decision support: a versioned table of rules, each with its text and source.

An exam is sorted into the highest level whose rule fires, and every rule that fired is listed
with the findings that made it fire (clinical-reference.md, section 9). The table is the single
source of the rules: the command line, the rules page in docs/, the app and the PDFs print it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum
from functools import cached_property
from typing import Any

from core.engine import wording
from core.engine.changes import Change, ChangeKind, compare
from core.engine.context import (
    POSTOPERATIVE_WINDOW_DAYS,
    PROGRESSION_WINDOW_DAYS,
    ExamContext,
)
from core.engine.findings import (
    References,
    exam_findings,
    reading_of,
    saddle_altered,
    umn_signs,
)
from core.engine.localisation import UNDECIDED_MARGIN, Candidate
from core.engine.readings import Modality
from core.i18n import Joined, Phrase, phrase, word
from core.knowledge import (
    LEMS_KEY_MUSCLES,
    LESION_PROFILES,
    MOTOR_ITEMS,
    RED_FLAGS,
    SADDLE_DERMATOME,
    Dermatome,
    Muscle,
    PlantarResponse,
    RedFlag,
    SensoryModality,
    Side,
    Source,
)
from core.record import Exam

RULES_VERSION = "2026.11.3"
"""Bump on any change to a rule, a threshold or a weight; printed on every report."""

SEVERE_MRC = 3
"""A motor deficit of MRC 3 or less is severe (clinical-reference section 9)."""


class Level(IntEnum):
    """Urgency levels, ordered so that max() picks the most urgent."""

    NOT_ASSESSED = -1
    ROUTINE = 0
    PROMPT = 1
    URGENT = 2
    EMERGENCY = 3

    @property
    def label(self) -> str:
        """The level as the assessment writes it."""
        return self.name.lower()

    @property
    def words(self) -> str:
        """The level as people read it: "not assessed", "urgent"."""
        return self.label.replace("_", " ")


LEVEL_MEANING: dict[Level, str] = {
    Level.EMERGENCY: "same day, emergency department",
    Level.URGENT: "surgeon or specialist within 24-48 hours",
    Level.PROMPT: "specialist within 1-2 weeks",
    Level.ROUTINE: "the planned follow-up",
    Level.NOT_ASSESSED: "not enough recorded yet for a level",
}


LEVEL_COLOURS: dict[Level, str] = {
    Level.EMERGENCY: "#9E1B32", Level.URGENT: "#C8500A", Level.PROMPT: "#8A6D00",
    Level.ROUTINE: "#2F6B3A", Level.NOT_ASSESSED: "#56606E",
}
"""One colour per level, for the app's banner and the PDFs alike; each carries white text at a
contrast of 4.5:1 or more. Not assessed is a neutral grey, never the routine green."""


@dataclass(frozen=True)
class TriageInputs:
    """What the rules look at, computed once per exam."""

    context: ExamContext
    changes: list[Change]
    """Against the baseline, else the previous exam."""
    refs: References
    """The baseline, previous and best post-operative readings, per side and item."""
    localisation: list[Candidate]
    """The localisation the assessment leads with (of the change, else of the whole exam)."""

    @cached_property
    def changes_since_previous(self) -> list[Change]:
        """Against the previous exam (worked out only when a rule needs it)."""
        context = self.context
        if context.previous is None:
            return []
        if context.previous is context.comparison:
            return self.changes
        return compare(context.previous, context.exam)

    @cached_property
    def declines(self) -> list[MotorFinding]:
        """New or worse weakness (a whole grade) against the comparison exam."""
        return _declines(self.changes)

    @cached_property
    def uncompared(self) -> list[MotorFinding]:
        """Weakness now with no earlier grade to compare it with."""
        return _uncompared_weakness(self)

    @cached_property
    def root_signs_both_sides(self) -> dict[Side, list[Phrase]] | None:
        """Root signs per side when both sides have them."""
        return bilateral_root_signs(self.context.exam)


Finder = Callable[[TriageInputs], list[Phrase]]


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


@dataclass(frozen=True)
class MotorFinding:
    """A weak muscle that a rule looks at, with its words."""

    side: Side
    mrc: int
    text: Phrase

    @property
    def severe(self) -> bool:
        """MRC 3 or less."""
        return self.mrc <= SEVERE_MRC


def _motor_text(change: Change) -> Phrase:
    not_graded = word(wording.NOT_GRADED)
    return phrase(wording.MOTOR_CHANGE, side=word(change.item.side.value),
                  movement=word(MOTOR_ITEMS[Muscle(change.item.item)].movement),
                  before=not_graded if change.earlier is None else change.earlier.value,
                  now=not_graded if change.current is None else change.current.value,
                  change=word(change.kind.value))


def _declines(changes: list[Change]) -> list[MotorFinding]:
    return [MotorFinding(c.item.side, c.current.mrc or 0, _motor_text(c)) for c in changes
            if c.is_new_or_worse_motor and c.current is not None and c.current.mrc is not None]


def _uncompared_weakness(inputs: TriageInputs) -> list[MotorFinding]:
    """Weakness now with no earlier grade to compare it with (first exam, or NT/missing before)."""
    compared = {(c.item.item, c.item.side) for c in inputs.changes
                if c.item.modality is Modality.MOTOR and c.kind is not ChangeKind.NOT_COMPARABLE}
    found = []
    for side in Side:
        for muscle, grade in (inputs.context.exam.motor.get(side) or {}).items():
            if grade.testable and grade.mrc < 5 and (muscle.value, side) not in compared:
                found.append(MotorFinding(side, grade.mrc, phrase(
                    wording.WEAK_NOT_COMPARED, side=word(side.value),
                    movement=word(MOTOR_ITEMS[muscle].movement), grade=grade.value)))
    return found


def _new_weakness(inputs: TriageInputs) -> list[MotorFinding]:
    """New or worse weakness against the comparison exam, and weakness never graded before."""
    return inputs.declines + inputs.uncompared


def _red_flags(inputs: TriageInputs, wanted: Callable[[RedFlag], bool]) -> list[Phrase]:
    return [word(RED_FLAGS[f].label) for f in inputs.context.exam.red_flags or [] if wanted(f)]


def find_cauda_equina(inputs: TriageInputs) -> list[Phrase]:
    """Any NICE cauda equina red flag recorded as present."""
    return _red_flags(inputs, lambda f: RED_FLAGS[f].cauda_equina)


def find_saddle(inputs: TriageInputs) -> list[Phrase]:
    """S4-5 light touch or pin prick altered or absent."""
    return saddle_altered(inputs.context.exam)


def _bilateral_new_weakness(inputs: TriageInputs) -> dict[Side, list[MotorFinding]] | None:
    per_side = {side: [f for f in _new_weakness(inputs) if f.side is side] for side in Side}
    return per_side if all(per_side.values()) else None


def find_bilateral_severe_or_progressive(inputs: TriageInputs) -> list[Phrase]:
    """A new motor deficit in both legs that is severe (MRC 3 or less on a side) or progressive."""
    per_side = _bilateral_new_weakness(inputs)
    if per_side is None:
        return []
    severe = any(f.severe for found in per_side.values() for f in found)
    if not severe and not find_progressive(inputs):
        return []
    return [f.text for side in Side for f in per_side[side]]


def find_bilateral_mild(inputs: TriageInputs) -> list[Phrase]:
    """A new motor deficit in both legs, neither severe nor progressive."""
    per_side = _bilateral_new_weakness(inputs)
    if per_side is None or find_bilateral_severe_or_progressive(inputs):
        return []
    return [f.text for side in Side for f in per_side[side]]


def find_progressive(inputs: TriageInputs) -> list[Phrase]:
    """Strength falling by a whole grade since an exam a few days earlier, no operation between;
    or progressive weakness recorded as a red flag."""
    found = _red_flags(inputs, lambda f: f is RedFlag.PROGRESSIVE_WEAKNESS)
    previous = inputs.context.previous
    if previous is None or not inputs.context.same_epoch(previous):
        return found
    days = (inputs.context.exam.date - previous.date).days
    if days > PROGRESSION_WINDOW_DAYS:
        return found
    return found + [phrase(wording.IN_DAYS, finding=f.text, days=days)
                    for f in _declines(inputs.changes_since_previous)]


def find_day_of_operation(inputs: TriageInputs) -> list[Phrase]:
    """On the day of the operation, after it: a new or worse motor deficit."""
    if not inputs.context.is_day_of_operation or inputs.context.comparison is None:
        return []
    return [phrase(wording.ON_THE_DAY_OF_OPERATION, finding=f.text) for f in inputs.declines]


def find_postoperative_motor(inputs: TriageInputs) -> list[Phrase]:
    """From the day of the operation to six weeks after it: a new or worse motor deficit against
    the preoperative exam (or, with none, the previous exam)."""
    if not inputs.context.in_postoperative_window or inputs.context.comparison is None:
        return []
    return [f.text for f in inputs.declines]


def find_worsening_after_improvement(inputs: TriageInputs) -> list[Phrase]:
    """Any time after the operation: a muscle a whole MRC grade or more below its best grade
    since the operation (section 8), even when no worse than before surgery."""
    best = inputs.refs.best_since_operation
    if best is None:
        return []
    found = []
    best_grades = best.motor()
    for side in Side:
        for muscle, grade in (inputs.context.exam.motor.get(side) or {}).items():
            held = best_grades.get((side, muscle))
            if grade.testable and held is not None and held.mrc is not None \
                    and grade.mrc < held.mrc:
                found.append(phrase(wording.BELOW_BEST_SINCE_OPERATION, side=word(side.value),
                                    movement=word(MOTOR_ITEMS[muscle].movement),
                                    grade=grade.value, best=held.value))
    return found


def nerve_clearly_leads(ranked: list[Candidate]) -> bool:
    """A peripheral nerve lesion leads, ahead of every root lesion by more than the undecided
    margin: the deficit is then not a root in trouble (and when the exam leaves it undecided,
    the safe side is to treat it as one)."""
    if not ranked or ranked[0].lesion not in LESION_PROFILES:
        return False
    lead = ranked[0]
    if LESION_PROFILES[lead.lesion].roots:
        return False
    return all(lead.score - c.score > UNDECIDED_MARGIN for c in ranked
               if c.lesion in LESION_PROFILES and LESION_PROFILES[c.lesion].roots)


def _new_weakness_outside_window(inputs: TriageInputs) -> list[MotorFinding]:
    found = list(inputs.uncompared)
    if not (inputs.context.in_postoperative_window and inputs.context.comparison is not None):
        found += inputs.declines
    return found


def find_severe_new_weakness(inputs: TriageInputs) -> list[Phrase]:
    """A new severe motor deficit (MRC 3 or less) at a first presentation (no earlier grade), or
    new or worse to MRC 3 or less outside the post-operative window; not when a peripheral
    nerve lesion clearly explains it better than any root."""
    if nerve_clearly_leads(inputs.localisation):
        return []
    return [f.text for f in _new_weakness_outside_window(inputs) if f.severe]


def find_new_umn(inputs: TriageInputs) -> list[Phrase]:
    """Upper motor neuron signs that the comparison exam did not have."""
    earlier = inputs.context.comparison
    found = []
    for side in Side:
        before = {text for _, text in umn_signs(earlier, side)} if earlier is not None else set()
        found += [phrase(wording.ON_SIDE, side=word(side.value), what=text)
                  for _, text in umn_signs(inputs.context.exam, side) if text not in before]
    return found


def find_wound_infection(inputs: TriageInputs) -> list[Phrase]:
    """Fever, or a red, swollen or discharging wound."""
    return _red_flags(inputs, lambda f: f is RedFlag.WOUND_INFECTION_SIGNS)


def find_severe_pain(inputs: TriageInputs) -> list[Phrase]:
    """Severe pain that nothing relieves."""
    return _red_flags(inputs, lambda f: f is RedFlag.SEVERE_UNCONTROLLED_PAIN)


def find_new_weakness(inputs: TriageInputs) -> list[Phrase]:
    """New objective weakness outside the post-operative window (or never graded before) that
    is not severe, or that a peripheral nerve lesion clearly explains."""
    nerve = nerve_clearly_leads(inputs.localisation)
    return [f.text for f in _new_weakness_outside_window(inputs) if nerve or not f.severe]


def find_persistent_deficit(inputs: TriageInputs) -> list[Phrase]:
    """Six weeks or more after the operation, a muscle weak before it and unchanged now (not
    worse: worse is a new deficit, not a persistent one)."""
    days = inputs.context.days_since_surgery
    if not inputs.context.is_postoperative or days is None or days < POSTOPERATIVE_WINDOW_DAYS \
            or inputs.context.baseline is None:
        return []
    return [phrase(wording.DAYS_AFTER_SURGERY, finding=_motor_text(c), days=days)
            for c in inputs.changes
            if c.item.modality is Modality.MOTOR and c.current is not None and c.current.abnormal
            and (c.kind is ChangeKind.UNCHANGED
                 or (c.kind is ChangeKind.WORSE and c.whole_grade is False))]


def find_new_sensory(inputs: TriageInputs) -> list[Phrase]:
    """A new or worse sensory change with no new or worse weakness."""
    if _new_weakness(inputs):
        return []
    found = [phrase(wording.SENSORY_CHANGE, side=word(c.item.side.value), dermatome=c.item.item,
                    modality=word(c.item.modality.value.replace('_', ' ')),
                    before=c.earlier.value if c.earlier else '-',
                    now=c.current.value if c.current else '-')
             for c in inputs.changes
             if c.item.modality in (Modality.LIGHT_TOUCH, Modality.PIN_PRICK)
             and c.kind in (ChangeKind.NEW, ChangeKind.WORSE)]
    if inputs.context.comparison is None:
        for side in Side:
            for modality in SensoryModality:
                for dermatome, grade in (getattr(inputs.context.exam, modality.value).get(side)
                                         or {}).items():
                    if grade.testable and not grade.is_normal:
                        found.append(phrase(wording.SENSORY_FOUND, side=word(side.value),
                                            dermatome=dermatome.value,
                                            modality=word(modality.label), grade=grade.value))
    return found


def bilateral_root_signs(exam: Exam) -> dict[Side, list[Phrase]] | None:
    """Root signs on both sides: a positive tension test, or weakness, a reduced reflex or a
    sensory change in a lumbosacral root's territory (section 6). None unless both sides have one."""
    per_side = {}
    for side in Side:
        signs = [f.text for f in exam_findings(exam, side)
                 if f.affected and not f.enhanced and f.item is not SADDLE_DERMATOME]
        per_side[side] = signs
    return per_side if all(per_side.values()) else None


def find_bilateral_root_signs_unasked(inputs: TriageInputs) -> list[Phrase]:
    """Root signs on both sides while the cauda equina questions (bladder, bowel, saddle, sexual
    function) were not recorded: they must be asked before the exam is signed."""
    exam = inputs.context.exam
    per_side = inputs.root_signs_both_sides
    if per_side is None or exam.red_flags is not None:
        return []
    return [phrase(wording.ON_SIDE, side=word(side.value), what=Joined(tuple(signs)))
            for side, signs in per_side.items()] + \
        [word(wording.CAUDA_EQUINA_QUESTIONS_NOT_RECORDED)]


RULES: tuple[Rule, ...] = (
    Rule("EM-CES", Level.EMERGENCY,
         "Cauda equina red flag present", (Source.NICE,), find_cauda_equina),
    Rule("EM-SADDLE", Level.EMERGENCY,
         "Saddle (S4-5) sensation altered or absent", (Source.NICE, Source.ISNCSCI), find_saddle),
    Rule("EM-BILATERAL-MOTOR", Level.EMERGENCY,
         f"New motor deficit in both legs that is severe (MRC {SEVERE_MRC} or less on a side) or "
         "progressive", (Source.NICE,), find_bilateral_severe_or_progressive),
    Rule("EM-PROGRESSIVE", Level.EMERGENCY,
         f"Motor strength falling between two exams at most {PROGRESSION_WINDOW_DAYS} days apart "
         "(progressive weakness; the product's safe-side choice)", (Source.NICE,),
         find_progressive),
    Rule("EM-DAY-0", Level.EMERGENCY,
         "New or worse motor deficit on the day of the operation (day 0: a haematoma must be "
         "excluded the same day; the product's safe-side choice)", (Source.NICE, Source.NASS),
         find_day_of_operation),
    Rule("UR-POSTOP-MOTOR", Level.URGENT,
         f"After surgery (day 0 to day {POSTOPERATIVE_WINDOW_DAYS}): new or worse motor deficit "
         "against the preoperative exam", (Source.NICE, Source.NASS), find_postoperative_motor),
    Rule("UR-WORSENING", Level.URGENT,
         "Worsening after a period of improvement: a muscle a whole MRC grade or more below its "
         "best grade since the operation, at any time after surgery", (Source.NICE,),
         find_worsening_after_improvement),
    Rule("UR-SEVERE-NEW", Level.URGENT,
         f"New severe motor deficit (MRC {SEVERE_MRC} or less, e.g. an acute foot drop) at a "
         "first presentation or outside the post-operative window, unless a peripheral nerve "
         "lesion clearly explains it better than any root",
         (Source.NICE, Source.STEVENS), find_severe_new_weakness),
    Rule("UR-UMN", Level.URGENT,
         "New upper motor neuron signs: not explained by a lumbar root lesion",
         (Source.NINDS, Source.HARRISON), find_new_umn),
    Rule("UR-WOUND", Level.URGENT,
         "Signs of wound infection", (Source.NICE,), find_wound_infection),
    Rule("UR-PAIN", Level.URGENT,
         "Severe pain that nothing relieves", (Source.NICE,), find_severe_pain),
    Rule("PR-NEW-WEAKNESS", Level.PROMPT,
         "New objective weakness outside the post-operative window that is not severe, or that "
         "a peripheral nerve lesion clearly explains",
         (Source.NICE, Source.NASS), find_new_weakness),
    Rule("PR-BILATERAL-MOTOR", Level.PROMPT,
         "New motor deficit in both legs, neither severe nor progressive", (Source.NICE,),
         find_bilateral_mild),
    Rule("PR-PERSISTENT", Level.PROMPT,
         f"Motor deficit unchanged {POSTOPERATIVE_WINDOW_DAYS // 7} weeks or more after surgery",
         (Source.NASS,), find_persistent_deficit),
    Rule("PR-NEW-SENSORY", Level.PROMPT,
         "New sensory change without new weakness", (Source.NASS, Source.ISNCSCI),
         find_new_sensory),
    Rule("PR-BILATERAL-ROOT-SIGNS", Level.PROMPT,
         "Root signs in both legs with the cauda equina questions not yet recorded: ask them "
         "before signing", (Source.NICE,), find_bilateral_root_signs_unasked),
)
ROUTINE_RULE_ID = "RO-NONE"
ROUTINE_TEXT = ("No emergency, urgent or prompt rule fired, and everything the rules read was "
                "recorded: normal, or improving with no new deficit")
NOT_ASSESSED_RULE_ID = "NA-INCOMPLETE"
NOT_ASSESSED_TEXT = ("No rule fired, but the exam lacks items the rules need: not assessed until "
                     "they are recorded (never routine on missing findings)")

NOT_RECORDED_HEADING = "Not yet recorded, and the rules that read it could raise the level"
"""Heads the list of needs the exam lacks beside the rules that fired."""

LEG_SENSORY_POINTS: tuple[Dermatome, ...] = (Dermatome.L2, Dermatome.L3, Dermatome.L4,
                                              Dermatome.L5, Dermatome.S1)
"""The ISNCSCI key sensory points of the leg, one per root the product localises."""

MOTOR_RULES = ("EM-BILATERAL-MOTOR", "EM-PROGRESSIVE", "EM-DAY-0", "UR-POSTOP-MOTOR",
               "UR-WORSENING", "UR-SEVERE-NEW", "PR-NEW-WEAKNESS", "PR-BILATERAL-MOTOR",
               "PR-PERSISTENT")
COMPARING_MOTOR_RULES = ("EM-PROGRESSIVE", "EM-DAY-0", "UR-POSTOP-MOTOR", "UR-WORSENING",
                         "PR-PERSISTENT")


def _side_item(side: Side, item: Muscle | Dermatome) -> Phrase:
    name = MOTOR_ITEMS[item].movement if isinstance(item, Muscle) else item.value
    return phrase(wording.SIDE_ITEM, side=word(side.value), item=word(name))


def _unexamined(exam: Exam, items: tuple[Muscle, ...] | tuple[Dermatome, ...]) -> list[Phrase]:
    """The items (from ``items``) with no testable result on a side, as "side item" words."""
    missing = []
    for side in Side:
        for item in items:
            reading = reading_of(exam, side, item)
            if reading is None or not reading.testable:
                missing.append(_side_item(side, item))
    return missing


def _red_flags_unrecorded(context: ExamContext) -> list[Phrase]:
    return [] if context.exam.red_flags is not None else [word(wording.NOT_RECORDED)]


def _key_muscles_ungraded(context: ExamContext) -> list[Phrase]:
    return _unexamined(context.exam, LEMS_KEY_MUSCLES)


def _earlier_weakness_ungraded(context: ExamContext) -> list[Phrase]:
    """Muscles weak at the baseline or the previous exam that have no grade now: without it the
    comparing rules cannot tell recovery from worsening."""
    weak_before = []
    for earlier in (context.baseline, context.previous):
        if earlier is None:
            continue
        for side in Side:
            for muscle, grade in (earlier.motor.get(side) or {}).items():
                if grade.testable and grade.mrc < 5 and (side, muscle) not in weak_before:
                    weak_before.append((side, muscle))
    now = context.exam
    return [_side_item(side, muscle) for side, muscle in weak_before
            if not ((current := now.motor_grade(side, muscle)) and current.testable)]


def _saddle_unexamined(context: ExamContext) -> list[Phrase]:
    return _unexamined(context.exam, (SADDLE_DERMATOME,))


def _leg_sensation_unexamined(context: ExamContext) -> list[Phrase]:
    return _unexamined(context.exam, LEG_SENSORY_POINTS)


def _plantar_unexamined(context: ExamContext) -> list[Phrase]:
    return [word(side.value) for side in Side
            if context.exam.side_test("plantar", side) in (None, PlantarResponse.NT)]


@dataclass(frozen=True)
class Need:
    """Something the rules read, which must be recorded before "no rule fired" can mean routine
    (section 9: never routine for an exam that is empty or lacks the items a rule needs)."""

    text: str
    rule_ids: tuple[str, ...]
    """The rules that read it: while it is missing, any of them might have fired."""
    missing: Callable[[ExamContext], list[Phrase]]
    """What is missing, in words ("left hip flexion"); empty when recorded."""

    @property
    def level(self) -> Level:
        """The most urgent level a rule that reads it can reach."""
        return max(rule.level for rule in RULES if rule.id in self.rule_ids)


NEEDS: tuple[Need, ...] = (
    Need("the red-flag questions (bladder, bowel, saddle, wound, pain)",
         ("EM-CES", "UR-WOUND", "UR-PAIN"), _red_flags_unrecorded),
    Need("saddle (S4-5) sensation", ("EM-SADDLE",), _saddle_unexamined),
    Need("the key muscles of the leg (L2-S1), both sides", MOTOR_RULES, _key_muscles_ungraded),
    Need("every muscle weak at an earlier exam, graded again", COMPARING_MOTOR_RULES,
         _earlier_weakness_ungraded),
    Need("the plantar response, both sides", ("UR-UMN",), _plantar_unexamined),
    Need("sensation at the key points of the leg (L2-S1), both sides", ("PR-NEW-SENSORY",),
         _leg_sensation_unexamined),
)
"""What the rules need recorded, most urgent first; the rules page prints it."""


@dataclass(frozen=True)
class Lack:
    """A need the exam does not meet, and what is missing."""

    need: Need
    missing: list[Phrase]

    @property
    def text(self) -> Phrase:
        """The need and what is missing, in words."""
        return phrase(wording.NEED_MISSING, need=word(self.need.text),
                      missing=Joined(tuple(self.missing)))

    def as_dict(self) -> dict[str, Any]:
        """As the assessment document writes it."""
        return {"need": self.need.text, "missing": [str(m) for m in self.missing],
                "rules": list(self.need.rule_ids), "could_reach": self.need.level.label}


@dataclass(frozen=True)
class Reason:
    """A rule that fired and the findings that made it fire."""

    rule: Rule | None
    findings: list[Phrase]
    level: Level = Level.ROUTINE
    """For a reason without a rule: routine, or not assessed."""

    @property
    def rule_id(self) -> str:
        """The rule's id, or the id of the routine / not-assessed conclusion."""
        if self.rule is not None:
            return self.rule.id
        return NOT_ASSESSED_RULE_ID if self.level is Level.NOT_ASSESSED else ROUTINE_RULE_ID

    @property
    def text(self) -> str:
        """What the rule says."""
        if self.rule is not None:
            return self.rule.text
        return NOT_ASSESSED_TEXT if self.level is Level.NOT_ASSESSED else ROUTINE_TEXT

    @property
    def source(self) -> str:
        """Where the rule comes from."""
        sources = self.rule.sources if self.rule is not None else (Source.NICE,)
        return "; ".join(s.value for s in sources)

    def as_dict(self) -> dict[str, Any]:
        """As the assessment document writes it."""
        return {"rule": self.rule_id, "text": self.text, "source": self.source,
                "findings": [str(f) for f in self.findings]}


@dataclass(frozen=True)
class Triage:
    """The level and every reason that put the exam there."""

    level: Level
    reasons: list[Reason]
    not_recorded: list[Lack] = field(default_factory=list)
    """Needs the exam does not meet whose rules could put it at a higher level (when not
    assessed, every need it does not meet): what is still undecided about the level itself."""

    def fired(self, rule_id: str) -> bool:
        """True when the rule with this id fired."""
        return any(r.rule_id == rule_id for r in self.reasons)

    def as_dict(self) -> dict[str, Any]:
        """As the assessment document writes it."""
        return {"level": self.level.label, "reasons": [r.as_dict() for r in self.reasons],
                "not_recorded": [lack.as_dict() for lack in self.not_recorded]}


def triage(inputs: TriageInputs) -> Triage:
    """Run every rule; the level is that of the most urgent rule that fired. With no rule fired,
    routine needs everything the rules read; while something is missing the exam is not
    assessed. Whatever the level, the missing items that could raise it are listed."""
    reasons = [Reason(rule, found) for rule in RULES if (found := rule.find(inputs))]
    lacking = [Lack(need, missing) for need in NEEDS if (missing := need.missing(inputs.context))]
    if not reasons:
        if lacking:
            return Triage(Level.NOT_ASSESSED, [Reason(None, [], Level.NOT_ASSESSED)], lacking)
        return Triage(Level.ROUTINE, [Reason(None, [])])
    reasons.sort(key=lambda r: -r.rule.level if r.rule else 0)
    level = max(r.rule.level for r in reasons if r.rule)
    return Triage(level, reasons, [lack for lack in lacking if lack.need.level > level])
