"""The assessment as text a clinician can paste into a note, and the rules table as text."""

from __future__ import annotations

from typing import Any

from core.engine.assessment import Assessment
from core.engine.changes import Change, ChangeKind
from core.engine.localisation import (
    CAUDA_EQUINA_WEIGHTS,
    OPERATED_ROOT_PRIOR,
    ROOT_PAIR_GAIN,
    UMN_SIGN_WEIGHTS,
    UNDECIDED_MARGIN,
    Candidate,
)
from core.engine.triage import (
    LEVEL_MEANING,
    NOT_ASSESSED_RULE_ID,
    NOT_ASSESSED_TEXT,
    ROUTINE_RULE_ID,
    ROUTINE_TEXT,
    RULES,
    RULES_VERSION,
    Level,
)
from core.engine.undecided import DECIDING_SWING
from core.knowledge import (
    DENSE_COMMON_MUSCLE_FACTOR,
    DENSE_DEFICIT_MRC,
    INVOLVEMENT_WEIGHTS,
    ITEM_KIND_FACTORS,
    LESION_PROFILES,
    MOTOR_ITEMS,
    REFLEXES,
    TABLE_SOURCES,
    Dermatome,
    GaitTest,
    Involvement,
    Muscle,
    Reflex,
    Source,
    StretchTest,
)

DISCLAIMER = ("NeuroExam is a documentation and decision-support aid. It does not replace the "
              "clinician's judgement; check every interpretation against the findings.")


def _item_words(item: str) -> str:
    """An item as a clinician names it (never the record's identifier): the movement of a
    muscle, the reflex, the test; a dermatome by its name."""
    from core.exam_items import SIDE_TESTS

    if item in Muscle._value2member_map_:
        return MOTOR_ITEMS[Muscle(item)].movement
    if item in Reflex._value2member_map_:
        return f"{REFLEXES[Reflex(item)].label.lower()} reflex"
    return next((t.label.lower() for t in SIDE_TESTS if t.field == item), item)


def _change_line(change: Change) -> str:
    item = change.item
    label = _item_words(str(item.item))
    modality = item.modality.value.replace("_", " ")
    before = change.earlier.value if change.earlier is not None else "-"
    now = change.current.value if change.current is not None else "-"
    minor = "" if change.whole_grade is not False else " (within grade 4)"
    return f"  {item.side.value:<5} {label} [{modality}]: {before} -> {now}, " \
           f"{change.kind.value.replace('_', ' ')}{minor}"


def localisation_summary(assessment: Assessment) -> list[str]:
    """The localisation in a few sentences, new or worse findings first, then the residual ones,
    the whole exam and what is still undecided (for FHIR and other short texts)."""
    lines = []
    change = assessment.localisation_of_change
    if change and assessment.context.previous is not None:
        lead = change[0]
        lines.append(f"New or worse findings: {lead.label}, {lead.side}; for: "
                     f"{'; '.join(lead.reasons_for) or 'none'}; against: "
                     f"{'; '.join(lead.reasons_against) or 'none'}.")
    if assessment.residual:
        lines.append("Residual (present before the operation, not worse): "
                     + ", ".join(r.text for r in assessment.residual) + ".")
    if assessment.localisation and not same_reading(assessment):
        lead = assessment.localisation[0]
        lines.append(f"Whole exam: {lead.label}, {lead.side}; for: "
                     f"{'; '.join(lead.reasons_for) or 'none'}; against: "
                     f"{'; '.join(lead.reasons_against) or 'none'}.")
    if assessment.undecided:
        lines.append("Still undecided: " + " ".join(d.text for d in assessment.undecided[:6]))
    return lines


def same_reading(assessment: Assessment) -> bool:
    """The change and the whole exam rest on the same findings (so one list says it all)."""
    change, whole = assessment.localisation_of_change, assessment.localisation
    shown_change = change and assessment.context.previous is not None
    return bool(shown_change and not assessment.residual and
                [(c.lesion, c.side, c.score) for c in change[:3]] ==
                [(c.lesion, c.side, c.score) for c in whole[:3]])


def _candidate_lines(ranked: list[Candidate]) -> list[str]:
    if not ranked:
        return ["  nothing to explain"]
    lines = []
    for candidate in ranked[:3]:
        lines.append(f"  {candidate.label}, {candidate.side} (score {candidate.score:.2f})")
        lines += [f"      for: {r}" for r in candidate.reasons_for]
        lines += [f"      against: {r}" for r in candidate.reasons_against]
    return lines


def assessment_text(assessment: Assessment) -> str:
    """A plain-text summary: triage with reasons, localisation, changes, recovery, LEMS, flags."""
    context = assessment.context
    exam, patient = context.exam, context.record.patient
    lines = [f"NeuroExam assessment - {patient.family_name}, {patient.given_name} ({patient.id})",
             f"Exam {exam.id}: {exam.kind.value} on {exam.date.isoformat()}, "
             f"examiner {exam.examiner or 'not recorded'}, {exam.status.value}"]
    if context.surgery is not None:
        s = context.surgery
        lines.append(f"Surgery: {s.procedure}, {s.level.value} {s.side.value}, "
                     f"{s.date.isoformat()} (day {context.days_since_surgery})")
    level = assessment.triage.level
    lines += ["", f"TRIAGE: {level.words.upper()} - {LEVEL_MEANING[level]}"]
    for reason in assessment.triage.reasons:
        lines.append(f"  [{reason.rule_id}] {reason.text}")
        lines += [f"      - {finding}" for finding in reason.findings]
    if assessment.localisation_of_change and context.previous is not None:
        lines += ["", "NEW OR WORSE FINDINGS, LOCALISED (best first):"]
        lines += _candidate_lines(assessment.localisation_of_change)
    if assessment.residual:
        lines += ["", "RESIDUAL (present before the operation, not worse):"]
        lines += [f"  {r.text}" for r in assessment.residual]
    lines += ["", "WHOLE EXAM, LOCALISED (best first):"]
    if same_reading(assessment):
        lines.append("  as the new or worse findings above (nothing else is abnormal)")
    else:
        lines += _candidate_lines(assessment.localisation)
    if assessment.undecided:
        lines += ["", "STILL UNDECIDED: items not examined that would separate the leading lesions:"]
        lines += [f"  {d.text}" for d in assessment.undecided]
    reference = context.baseline or context.previous
    if reference is not None:
        lines += ["", f"CHANGES against {reference.kind.value} exam of {reference.date.isoformat()}:"]
        shown = [c for c in assessment.changes if c.kind is not ChangeKind.UNCHANGED
                 or (c.current is not None and c.current.abnormal)]
        lines += [_change_line(c) for c in shown] or ["  no change"]
    if assessment.recovery:
        lines += ["", "MOTOR RECOVERY RATE against the preoperative exam:"]
        lines += [f"  {r.side.value:<5} {MOTOR_ITEMS[r.muscle].movement}: {r.baseline.value} -> "
                  f"{r.current.value}, {r.percent:.0f} %" for r in assessment.recovery]
    score = assessment.lems
    lines += ["", f"LEMS: left {score.left}, right {score.right}, total {score.total} (of 50)"]
    if assessment.flags:
        lines += ["", "NOTES:"] + [f"  - {s}" for s in assessment.flag_sentences]
    lines += ["", f"Rules version {RULES_VERSION}. {DISCLAIMER}"]
    return "\n".join(lines) + "\n"


_TABLE_COLUMNS: list[tuple[str, list[Any]]] = [
    ("Muscles", list(Muscle)), ("Reflexes", list(Reflex)), ("Dermatomes", list(Dermatome)),
    ("Walking and tension tests", [*GaitTest, *StretchTest]),
]
_CELL = {Involvement.TYPICAL: "T", Involvement.COMMON: "C", Involvement.SUPPORTIVE: "S+",
         Involvement.OCCASIONAL: "o", Involvement.SPARED: "spared", Involvement.OUTSIDE: ""}


def _involvement_tables() -> list[str]:
    lines = []
    for title, items in _TABLE_COLUMNS:
        lines += ["", f"### {title}", "",
                  "| lesion | " + " | ".join(str(i).replace("_", " ") for i in items) + " |",
                  "| --- |" + " --- |" * len(items)]
        for profile in LESION_PROFILES.values():
            cells = [_CELL[profile.of(item)] for item in items]
            lines.append(f"| {profile.label} | " + " | ".join(cells) + " |")
    return lines


def rules_markdown(for_clinicians: bool = False) -> str:
    """The triage rules, the localisation table and its weights, and the sources, as a page a
    clinical reviewer can redo any score from. ``for_clinicians`` (the app's Help window) leaves
    out how the page is made and which internal document a table was transcribed from."""
    origin = ("These are the rules this version of NeuroExam runs." if for_clinicians else
              "This page is printed by the program from the rules it runs "
              "(`neuroexam rules --markdown`).")
    lines = [
        "# NeuroExam clinical rules", "",
        f"Rules version **{RULES_VERSION}**. {origin}", "",
        "## Triage", "",
        "Each exam is sorted into the most urgent level whose rule fires; every rule that fired "
        "is listed with the findings that made it fire.", "",
        "| rule | level | fires when | source |", "| --- | --- | --- | --- |",
    ]
    for rule in RULES:
        sources = "; ".join(s.value for s in rule.sources)
        lines.append(f"| {rule.id} | {rule.level.words} ({LEVEL_MEANING[rule.level]}) | "
                     f"{rule.text} | {sources} |")
    lines.append(f"| {ROUTINE_RULE_ID} | routine ({LEVEL_MEANING[Level.ROUTINE]}) | "
                 f"{ROUTINE_TEXT} | {Source.NICE.value} |")
    lines.append(f"| {NOT_ASSESSED_RULE_ID} | not assessed ({LEVEL_MEANING[Level.NOT_ASSESSED]})"
                 f" | {NOT_ASSESSED_TEXT} | {Source.NICE.value} |")
    lines += ["", "## Localisation", "",
              "Every lesion is scored per side by adding one term per examined item: the weight "
              "of the lesion's category for that item (below), for an abnormal or a normal "
              "result, times the factor of the item's kind; a weak muscle's term is also "
              "multiplied by its depth (1 at MRC 4, 1.25 at 3, 1.5 at 2, 1.75 at 1, 2 at 0). "
              "Two readings are made: the whole exam, and the change alone, where new or worse "
              "findings count as abnormal and residual ones (present before the operation, not "
              "worse) as unaffected.", "",
              "| category | abnormal | normal |", "| --- | --- | --- |"]
    lines += [f"| {category.value} | {a:+g} | {n:+g} |"
              for category, (a, n) in INVOLVEMENT_WEIGHTS.items()]
    lines += ["", "| kind of item | factor |", "| --- | --- |"]
    lines += [f"| {kind.value} | {factor:g} |" for kind, factor in ITEM_KIND_FACTORS.items()]
    lines += ["", "| other term | weight |", "| --- | --- |",
              f"| normal common muscle beside a dense deficit (a typical muscle at MRC "
              f"{DENSE_DEFICIT_MRC} or less) | x{DENSE_COMMON_MUSCLE_FACTOR:g} |",
              f"| the operated root on the operated side, times the share of the abnormal "
              f"findings it explains | {OPERATED_ROOT_PRIOR:+g} |",
              f"| two adjacent roots are listed together when they beat the best single lesion "
              f"by | {ROOT_PAIR_GAIN:g} |",
              f"| lesions within this of the leader are undecided | {UNDECIDED_MARGIN:g} |",
              f"| an unexamined item is named when one result moves two of them apart by | "
              f"{DECIDING_SWING:g} |"]
    lines += [f"| upper motor neuron: {sign.value} | {w:+g} |" for sign, w in UMN_SIGN_WEIGHTS.items()]
    lines += [f"| cauda equina: {name} | {w:+g} |" for name, w in CAUDA_EQUINA_WEIGHTS.items()]
    lines += ["", "Ranking: higher score first; on equal scores, more findings explained, then "
              "fewer left unexplained.", "",
              "## The localisation table", "",
              "T typical, C common (one-way: weak counts much, normal little), S+ supportive "
              "(counts only when present), o occasional, spared: the lesion spares it; blank: "
              "outside the lesion. " + (
                  "From the localisation patterns of the sources below, with the muscles a root "
                  "supplies as occasional" if for_clinicians else
                  "Transcribed from clinical-reference section 7, with the muscles a root "
                  "supplies (section 2) as occasional") + " and a walking test as involved as "
              "the muscles it tests."]
    lines += _involvement_tables()
    lines += ["", "## Knowledge tables", "", "| table | sources |", "| --- | --- |"]
    lines += [f"| {table} | {'; '.join(s.value for s in sources)} |"
              for table, sources in TABLE_SOURCES.items()]
    lines += ["", "## Sources", ""] + [f"- {s.value}" for s in Source]
    lines += ["", DISCLAIMER]
    return "\n".join(lines) + "\n"


def rules_text() -> str:
    """The triage rules as plain text for the terminal."""
    lines = [f"NeuroExam triage rules, version {RULES_VERSION}", ""]
    for rule in RULES:
        lines += [f"{rule.id:<20} {rule.level.label:<10} {rule.text}",
                  *[f"{'':<31}source: {s.value}" for s in rule.sources]]
    lines.append(f"{ROUTINE_RULE_ID:<20} {'routine':<10} {ROUTINE_TEXT}")
    return "\n".join(lines) + "\n"
