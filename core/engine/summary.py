"""The assessment as text a clinician can paste into a note, and the rules table as text."""

from __future__ import annotations

from core.engine import wording
from core.engine.assessment import Assessment
from core.engine.changes import Change, ChangeKind
from core.engine.findings import item_label
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
    NEEDS,
    NOT_ASSESSED_RULE_ID,
    NOT_ASSESSED_TEXT,
    NOT_RECORDED_HEADING,
    ROUTINE_RULE_ID,
    ROUTINE_TEXT,
    RULES,
    RULES_VERSION,
    Level,
)
from core.engine.undecided import DECIDING_SWING
from core.i18n import (
    Field,
    Number,
    Phrase,
    Translator,
    format_date,
    format_decimal,
    phrase,
    render,
    translator,
    word,
)
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
    LocalisedItem,
    Muscle,
    Reflex,
    Source,
    StretchTest,
)

DISCLAIMER = ("NeuroExam is a documentation and decision-support aid. It does not replace the "
              "clinician's judgement; check every interpretation against the findings.")


def _item_words(item: str) -> Phrase:
    """An item as a clinician names it (never the record's identifier): the movement of a
    muscle, the reflex, the test; a dermatome by its name."""
    from core.exam_items import SIDE_TESTS

    if item in Muscle._value2member_map_:
        return word(MOTOR_ITEMS[Muscle(item)].movement)
    if item in Reflex._value2member_map_:
        return phrase(wording.REFLEX_NAMED, reflex=word(REFLEXES[Reflex(item)].label))
    return next((word(t.label[:1].lower() + t.label[1:]) for t in SIDE_TESTS if t.field == item), word(item))


def _value(value: object) -> Field:
    """A grade as written; a result in words (unable, negative)."""
    text = str(value)
    return word(text) if text.isalpha() else text


def _change_line(change: Change, _: Translator) -> str:
    item = change.item
    minor: Field = "" if change.whole_grade is not False else word(wording.WITHIN_GRADE_4)
    return "  " + phrase(
        wording.CHANGE_LINE, side=word(item.side.value), item=_item_words(str(item.item)),
        modality=word(item.modality.value.replace("_", " ")),
        before=_value(change.earlier.value) if change.earlier is not None else "-",
        now=_value(change.current.value) if change.current is not None else "-",
        change=word(change.kind.value.replace("_", " ")), minor=minor).render(_)


def _joined(phrases: list[Phrase], _: Translator) -> str:
    return "; ".join(p.render(_) for p in phrases) or _("none")


def localisation_summary(assessment: Assessment, _: Translator | None = None) -> list[str]:
    """The localisation in a few sentences, new or worse findings first, then the residual ones,
    the whole exam and what is still undecided (for FHIR and other short texts)."""
    _ = _ or translator()

    def lead(template: str, candidate: Candidate) -> str:
        return _(template).format(lesion=_(candidate.label), side=_.context("side", candidate.side),
                                  reasons_for=_joined(candidate.reasons_for, _),
                                  reasons_against=_joined(candidate.reasons_against, _))

    lines = []
    change = assessment.localisation_of_change
    if change and assessment.context.previous is not None:
        lines.append(lead("New or worse findings: {lesion}, {side}; for: {reasons_for}; "
                          "against: {reasons_against}.", change[0]))
    if assessment.residual:
        lines.append(_("Residual (present before the operation, not worse): {items}.").format(
            items=", ".join(r.text.render(_) for r in assessment.residual)))
    if assessment.localisation and not same_reading(assessment):
        lines.append(lead("Whole exam: {lesion}, {side}; for: {reasons_for}; against: "
                          "{reasons_against}.", assessment.localisation[0]))
    if assessment.undecided:
        lines.append(_("Still undecided: {items}").format(
            items=" ".join(d.text.render(_) for d in assessment.undecided[:6])))
    return lines


def same_reading(assessment: Assessment) -> bool:
    """The change and the whole exam rest on the same findings (so one list says it all)."""
    change, whole = assessment.localisation_of_change, assessment.localisation
    shown_change = change and assessment.context.previous is not None
    return bool(shown_change and not assessment.residual and
                [(c.lesion, c.side, c.score) for c in change[:3]] ==
                [(c.lesion, c.side, c.score) for c in whole[:3]])


def _candidate_lines(ranked: list[Candidate], _: Translator) -> list[str]:
    if not ranked:
        return ["  " + _("nothing to explain")]
    lines = []
    for candidate in ranked[:3]:
        lines.append(f"  {_(candidate.label)}, {_.context('side', candidate.side)} "
                     f"({_('score')} {format_decimal(candidate.score, 2, _.language)})")
        lines += [f"      {_('for:')} {render(r, _)}" for r in candidate.reasons_for]
        lines += [f"      {_('against:')} {render(r, _)}" for r in candidate.reasons_against]
    return lines


def assessment_text(assessment: Assessment, _: Translator | None = None) -> str:
    """A plain-text summary: triage with reasons, localisation, changes, recovery, LEMS, flags,
    in ``_``'s language (default English)."""
    _ = _ or translator()
    context = assessment.context
    exam, patient = context.exam, context.record.patient
    lines = [_("NeuroExam assessment - {family}, {given} ({id})").format(
                 family=patient.family_name, given=patient.given_name, id=patient.id),
             _("Exam {id}: {kind} on {date}, examiner {examiner}, {status}").format(
                 id=exam.id, kind=_(exam.kind.value), date=format_date(exam.date, _.language),
                 examiner=exam.examiner or _("not recorded"), status=_(exam.status.value))]
    if context.surgery is not None:
        s = context.surgery
        lines.append(_("Surgery: {procedure}, {level} {side}, {date} (day {day})").format(
            procedure=_(s.procedure), level=s.level.value, side=_.context("side", s.side.value),
            date=format_date(s.date, _.language), day=context.days_since_surgery))
    level = assessment.triage.level
    lines += ["", _("TRIAGE: {level} - {meaning}").format(level=_(level.words).upper(),
                                                          meaning=_(LEVEL_MEANING[level]))]
    for reason in assessment.triage.reasons:
        lines.append(f"  [{reason.rule_id}] {_(reason.text)}")
        lines += [f"      - {render(finding, _)}" for finding in reason.findings]
    if assessment.triage.not_recorded:
        lines.append(f"  {_(NOT_RECORDED_HEADING)}:")
        lines += [f"      - {render(lack.text, _)}" for lack in assessment.triage.not_recorded]
    if assessment.localisation_of_change and context.previous is not None:
        lines += ["", _("NEW OR WORSE FINDINGS, LOCALISED (best first):")]
        lines += _candidate_lines(assessment.localisation_of_change, _)
    if assessment.residual:
        lines += ["", _("RESIDUAL (present before the operation, not worse):")]
        lines += [f"  {render(r.text, _)}" for r in assessment.residual]
    lines += ["", _("WHOLE EXAM, LOCALISED (best first):")]
    if same_reading(assessment):
        lines.append("  " + _("as the new or worse findings above (nothing else is abnormal)"))
    else:
        lines += _candidate_lines(assessment.localisation, _)
    if assessment.undecided:
        lines += ["", _("STILL UNDECIDED: items not examined that would separate the leading "
                        "lesions:")]
        lines += [f"  {render(d.text, _)}" for d in assessment.undecided]
    reference = context.baseline or context.previous
    if reference is not None:
        lines += ["", _("CHANGES against {kind} exam of {date}:").format(
            kind=_(reference.kind.value), date=format_date(reference.date, _.language))]
        shown = [c for c in assessment.changes if c.kind is not ChangeKind.UNCHANGED
                 or (c.current is not None and c.current.abnormal)]
        lines += [_change_line(c, _) for c in shown] or ["  " + _("no change")]
    if assessment.recovery:
        lines += ["", _("MOTOR RECOVERY RATE against the preoperative exam:")]
        lines += ["  " + phrase(wording.RECOVERY_LINE, side=word(r.side.value),
                                movement=word(MOTOR_ITEMS[r.muscle].movement),
                                before=r.baseline.value, now=r.current.value,
                                percent=Number(round(r.percent), "g")).render(_)
                  for r in assessment.recovery]
    score = assessment.lems
    lines += ["", _("LEMS: left {left}, right {right}, total {total} (of 50)").format(
        left=score.left, right=score.right, total=score.total)]
    if assessment.flags:
        lines += ["", _("NOTES:")] + [f"  - {render(s, _)}" for s in assessment.flag_sentences]
    lines += ["", _("Rules version {version}.").format(version=RULES_VERSION) + " "
              + _(DISCLAIMER)]
    return "\n".join(lines) + "\n"


_TABLE_COLUMNS: list[tuple[str, list[LocalisedItem]]] = [
    ("Muscles", list(Muscle)), ("Reflexes", list(Reflex)), ("Dermatomes", list(Dermatome)),
    ("Walking and tension tests", [*GaitTest, *StretchTest]),
]
_CELL = {Involvement.TYPICAL: "T", Involvement.COMMON: "C", Involvement.SUPPORTIVE: "S+",
         Involvement.OCCASIONAL: "o", Involvement.SPARED: "spared", Involvement.OUTSIDE: ""}


def _column(item: LocalisedItem, _: Translator) -> str:
    """A table column: the item's name without "reflex" or "sensation" (the table says which)."""
    if isinstance(item, Reflex):
        return _(REFLEXES[item].label)
    if isinstance(item, Dermatome):
        return item.value
    return item_label(item).render(_)


def _involvement_tables(_: Translator) -> list[str]:
    lines = []
    for title, items in _TABLE_COLUMNS:
        lines += ["", f"### {_(title)}", "",
                  f"| {_('lesion')} | " + " | ".join(_column(i, _) for i in items) + " |",
                  "| --- |" + " --- |" * len(items)]
        for profile in LESION_PROFILES.values():
            cells = [_(_CELL[profile.of(item)]) for item in items]
            lines.append(f"| {_(profile.label)} | " + " | ".join(cells) + " |")
    return lines


def rules_markdown(for_clinicians: bool = False, _: Translator | None = None) -> str:
    """The triage rules, the localisation table and its weights, and the sources, as a page a
    clinical reviewer can redo any score from, in ``_``'s language (default English; the
    published sources are cited as published). ``for_clinicians`` (the app's Help window)
    leaves out how the page is made and which internal document a table was transcribed from."""
    _ = _ or translator()
    origin = (_("These are the rules this version of NeuroExam runs.") if for_clinicians else
              _("This page is printed by the program from the rules it runs "
                "(`neuroexam rules --markdown`)."))
    lines = [
        "# " + _("NeuroExam clinical rules"), "",
        _("Rules version **{version}**.").format(version=RULES_VERSION) + f" {origin}", "",
        "## " + _("Triage"), "",
        _("Each exam is sorted into the most urgent level whose rule fires; every rule that fired "
          "is listed with the findings that made it fire."), "",
        "| " + " | ".join(_(h) for h in ("rule", "level", "fires when", "source")) + " |",
        "| --- | --- | --- | --- |",
    ]
    rows = [(rule.id, rule.level, rule.text, rule.sources) for rule in RULES]
    rows += [(ROUTINE_RULE_ID, Level.ROUTINE, ROUTINE_TEXT, (Source.NICE,)),
             (NOT_ASSESSED_RULE_ID, Level.NOT_ASSESSED, NOT_ASSESSED_TEXT, (Source.NICE,))]
    for rule_id, level, text, sources in rows:
        lines.append(f"| {rule_id} | {_(level.words)} ({_(LEVEL_MEANING[level])}) | {_(text)} | "
                     f"{'; '.join(s.value for s in sources)} |")
    lines += ["", "### " + _("What the rules need recorded"), "",
              _("Routine is concluded only when every item below was recorded; while one is "
                "missing and no rule fired, the exam is not assessed. When a rule did fire, the "
                "missing items whose rules could reach a more urgent level are listed with it."),
              "", "| " + " | ".join(_(h) for h in ("needed", "rules that read it",
                                                   "most urgent level they reach")) + " |",
              "| --- | --- | --- |"]
    lines += [f"| {_(need.text)} | {', '.join(need.rule_ids)} | {_(need.level.words)} |"
              for need in NEEDS]
    lines += ["", "## " + _("Localisation"), "",
              _("Every lesion is scored per side by adding one term per examined item: the "
                "weight of the lesion's category for that item (below), for an abnormal or a "
                "normal result, times the factor of the item's kind; a weak muscle's term is "
                "also multiplied by its depth (1 at MRC 4, 1.25 at 3, 1.5 at 2, 1.75 at 1, 2 at "
                "0). Two readings are made: the whole exam, and the change alone, where new or "
                "worse findings count as abnormal and residual ones (present before the "
                "operation, not worse) as unaffected."), "",
              "| " + " | ".join(_(h) for h in ("category", "abnormal", "normal")) + " |",
              "| --- | --- | --- |"]
    lines += [f"| {_(category.value)} | {_signed(a, _)} | {_signed(n, _)} |"
              for category, (a, n) in INVOLVEMENT_WEIGHTS.items()]
    lines += ["", f"| {_('kind of item')} | {_('factor')} |", "| --- | --- |"]
    lines += [f"| {_(kind.value)} | {_signed(factor, _, '')} |"
              for kind, factor in ITEM_KIND_FACTORS.items()]
    lines += ["", f"| {_('other term')} | {_('weight')} |", "| --- | --- |",
              "| " + _("normal common muscle beside a dense deficit (a typical muscle at MRC "
                       "{mrc} or less)").format(mrc=DENSE_DEFICIT_MRC)
              + f" | x{_signed(DENSE_COMMON_MUSCLE_FACTOR, _, '')} |",
              "| " + _("the operated root on the operated side, times the share of the abnormal "
                       "findings it explains") + f" | {_signed(OPERATED_ROOT_PRIOR, _)} |",
              "| " + _("two adjacent roots are listed together when they beat the best single "
                       "lesion by") + f" | {_signed(ROOT_PAIR_GAIN, _, '')} |",
              "| " + _("lesions within this of the leader are undecided")
              + f" | {_signed(UNDECIDED_MARGIN, _, '')} |",
              "| " + _("an unexamined item is named when one result moves two of them apart by")
              + f" | {_signed(DECIDING_SWING, _, '')} |"]
    lines += ["| " + _("upper motor neuron: {sign}").format(sign=_(sign.value))
              + f" | {_signed(w, _)} |" for sign, w in UMN_SIGN_WEIGHTS.items()]
    lines += ["| " + _("cauda equina: {term}").format(term=_(name)) + f" | {_signed(w, _)} |"
              for name, w in CAUDA_EQUINA_WEIGHTS.items()]
    lines += ["", _("Ranking: higher score first; on equal scores, more findings explained, then "
                    "fewer left unexplained."), "",
              "## " + _("The localisation table"), "",
              _("T typical, C common (one-way: weak counts much, normal little), S+ supportive "
                "(counts only when present), o occasional, spared: the lesion spares it; blank: "
                "outside the lesion.") + " " + (
                  _("From the localisation patterns of the sources below, with the muscles a "
                    "root supplies as occasional and a walking test as involved as the muscles "
                    "it tests.") if for_clinicians else
                  _("Transcribed from clinical-reference section 7, with the muscles a root "
                    "supplies (section 2) as occasional and a walking test as involved as the "
                    "muscles it tests."))]
    lines += _involvement_tables(_)
    lines += ["", "## " + _("Knowledge tables"), "", f"| {_('table')} | {_('sources')} |",
              "| --- | --- |"]
    lines += [f"| {_(table)} | {'; '.join(s.value for s in sources)} |"
              for table, sources in TABLE_SOURCES.items()]
    lines += ["", "## " + _("Sources"), ""] + [f"- {s.value}" for s in Source]
    lines += ["", _(DISCLAIMER)]
    return "\n".join(lines) + "\n"


def _signed(value: float, _: Translator, sign: str = "+") -> str:
    """A weight as the rules page writes it: "+1.5", "-0.25" (a comma in Spanish)."""
    return render(Number(value, f"{sign}g"), _)


def rules_text(_: Translator | None = None) -> str:
    """The triage rules as plain text for the terminal, in ``_``'s language."""
    _ = _ or translator()
    lines = [_("NeuroExam triage rules, version {version}").format(version=RULES_VERSION), ""]
    for rule in RULES:
        lines += [f"{rule.id:<20} {_(rule.level.label):<10} {_(rule.text)}",
                  *[f"{'':<31}{_('source:')} {s.value}" for s in rule.sources]]
    lines.append(f"{ROUTINE_RULE_ID:<20} {_('routine'):<10} {_(ROUTINE_TEXT)}")
    lines.append(f"{NOT_ASSESSED_RULE_ID:<20} {_('not assessed'):<10} {_(NOT_ASSESSED_TEXT)}")
    lines += ["", _("Needed before routine:")] + [f"  - {_(need.text)}" for need in NEEDS]
    return "\n".join(lines) + "\n"
