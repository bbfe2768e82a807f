"""The clinician report: triage, localisation, every finding against baseline, trends, sources.

Written in the clinician's language (``language``; default: the setting, else the system locale):
every label passes through a ``core.i18n`` translator ``_``, and the sentences the engine composes
from the findings (``core.i18n.Phrase``) are rendered in the same language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import StyleSheet1
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from core import __version__
from core.dermatome_map import values_from_exam
from core.engine import RULES_VERSION, Assessment, assess
from core.engine.changes import Change, ChangeKind
from core.engine.localisation import Candidate
from core.engine.readings import Modality
from core.engine.summary import DISCLAIMER, same_reading
from core.engine.triage import LEVEL_COLOURS, LEVEL_MEANING, NOT_RECORDED_HEADING
from core.exam_items import SIDE_TESTS
from core.i18n import (
    Language,
    Phrase,
    Translator,
    format_date,
    format_decimal,
    format_moment,
    language_for,
    render,
    translator,
)
from core.knowledge import (
    MOTOR_ITEMS,
    RED_FLAGS,
    REFLEXES,
    Muscle,
    Reflex,
    SensoryModality,
    Side,
    Source,
)
from core.record import Exam, PatientRecord
from core.reports.fonts import FONT, FONT_BOLD
from core.reports.layout import (
    INK,
    RULE,
    PageFrame,
    build_pdf,
    content_width,
    page_size,
    stylesheet,
)
from core.reports.map_drawing import before_after_drawing, map_drawing
from core.reports.trend_chart import TrendChart
from core.scores import lems
from core.settings import Settings
from core.trends import key_muscle_trend, trend_exams

CHANGE_MARKS: dict[ChangeKind, tuple[str, str]] = {
    ChangeKind.NEW: ("●", "new"), ChangeKind.WORSE: ("▼", "worse"),
    ChangeKind.UNCHANGED: ("=", "same"), ChangeKind.BETTER: ("▲", "better"),
    ChangeKind.RESOLVED: ("✓", "resolved"), ChangeKind.NOT_COMPARABLE: ("?", "n/c"),
}
"""Symbol and word: the change reads without colour."""
SIDES = (Side.RIGHT, Side.LEFT)


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(text, style)


def _words(*phrases: Phrase, _: Translator, separator: str = "; ") -> str:
    """Engine phrases in the report's language, escaped for a paragraph, arrows drawn."""
    return escape(separator.join(render(p, _) for p in phrases)).replace("-&gt;", "→")


def _table(rows: list[list[Any]], widths: list[float], header_rows: int = 1,
           extra: Iterable[tuple[Any, ...]] = ()) -> Table:
    table = Table(rows, colWidths=[w * content_width() for w in widths], repeatRows=header_rows,
                  hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 7.6),
        ("FONT", (0, 0), (-1, header_rows - 1), FONT_BOLD, 7.6),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, INK),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
        *extra,
    ]))
    return table


# --------------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------------


def triage_banner(assessment: Assessment, styles: StyleSheet1, _: Translator | None = None) -> list[Flowable]:
    """The level in words and colour, then every reason with its findings and source."""
    _ = _ or translator()
    level = assessment.triage.level
    banner = Table([[_p(f'<font color="white"><b>{escape(_(level.words).upper())}</b> &nbsp; '
                        f'{escape(_(LEVEL_MEANING[level]))}</font>', styles["h2"])]],
                   colWidths=[content_width()])
    banner.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(LEVEL_COLOURS[level])),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]))
    out: list[Flowable] = [banner, Spacer(1, 4)]
    for reason in assessment.triage.reasons:
        out.append(_p(f"<b>[{reason.rule_id}]</b> {escape(_(reason.text))}", styles["body"]))
        out += [_p(_words(f, _=_), styles["bullet"]) for f in reason.findings]
        out.append(_p(f"{escape(_('Source'))}: {escape(reason.source)}", styles["small"]))
    if assessment.triage.not_recorded:
        out.append(_p(f"<b>{escape(_(NOT_RECORDED_HEADING))}:</b>", styles["body"]))
        out += [_p(_words(lack.text, _=_), styles["bullet"])
                for lack in assessment.triage.not_recorded]
    return out


def surgery_section(assessment: Assessment, styles: StyleSheet1,
                    _: Translator | None = None) -> list[Flowable]:
    """The operation the exam relates to, with days since."""
    _ = _ or translator()
    context = assessment.context
    surgery = context.surgery
    if surgery is None:
        return [_p(f"<b>{escape(_('Surgery'))}:</b> {escape(_('none recorded.'))}", styles["body"])]
    days = context.days_since_surgery
    when = (_("day {days} after surgery").format(days=days) if days is not None and days > 0
            else _("{days} days before surgery").format(days=-days) if days is not None and days < 0
            else _("day of surgery"))
    zone = (", " + _("{zone} disc").format(zone=_(surgery.herniation.value.replace("_", " ")))
            if surgery.herniation else "")
    return [_p(f"<b>{escape(_('Surgery'))}:</b> {escape(_(surgery.procedure))}, "
               f"{surgery.level.value}, {escape(_.context('side', surgery.side.value))}"
               f"{escape(zone)}, "
               f"{format_date(surgery.date, _.language)} ({escape(when)}).", styles["body"])]


def _candidate_block(ranked: list[Candidate], styles: StyleSheet1,
                     _: Translator) -> list[Flowable]:
    """The leading lesion with every term for and against it; the next candidates in brief."""
    lead = ranked[0]
    out: list[Flowable] = [
        _p(f"<b>{escape(_(lead.label))}, {escape(_.context('side', lead.side))}</b> "
           f"({escape(_('score'))} {format_decimal(lead.score, 2, _.language)})", styles["body"])]
    if lead.reasons_for:
        out.append(_p(escape(_("For")) + ": " + _words(*lead.reasons_for, _=_),
                      styles["bullet"]))
    if lead.reasons_against:
        out.append(_p(escape(_("Against")) + ": " + _words(*lead.reasons_against, _=_),
                      styles["bullet"]))
    others = ", ".join(f"{_(c.label)} {_.context('abbreviation', c.side)} "
                       f"({format_decimal(c.score, 1, _.language)})" for c in ranked[1:4])
    if others:
        out.append(_p(f"{escape(_('Other candidates'))}: {escape(others)}.", styles["small"]))
    return out


def _lead(bold: str, rest: str, _: Translator) -> str:
    """A paragraph opening with a bold phrase, both translated: "<b>Whole exam</b>: ..."."""
    return f"<b>{escape(_(bold))}</b>{escape(_(rest))}"


def localisation_section(assessment: Assessment, styles: StyleSheet1,
                         _: Translator | None = None) -> list[Flowable]:
    """New or worse findings and what explains them first, then the residual ones, the whole
    exam, what is still undecided, and the notes."""
    _ = _ or translator()
    out: list[Flowable] = [_p(escape(_("Localisation")), styles["h2"])]
    change = assessment.localisation_of_change
    if change and assessment.context.previous is not None:
        out.append(_p(_lead("New or worse findings", ", localised on their own:", _),
                      styles["body"]))
        out += _candidate_block(change, styles, _)
    if assessment.residual:
        out.append(_p(_lead("Residual", " (present before the operation, not worse): ", _)
                      + _words(*(r.text for r in assessment.residual), _=_, separator=", "),
                      styles["body"]))
    if not assessment.localisation:
        out.append(_p(escape(_("No deficit needs explaining.")), styles["body"]))
    elif same_reading(assessment):
        out.append(_p(_lead("Whole exam", ": as the new or worse findings (nothing else is "
                            "abnormal).", _), styles["body"]))
    else:
        out.append(_p(_lead("Whole exam", ":", _), styles["body"]))
        out += _candidate_block(assessment.localisation, styles, _)
    if assessment.undecided:
        out.append(_p(_lead("Still undecided", ": the leading lesions are close; these items "
                            "were not examined and would separate them:", _), styles["body"]))
        out += [_p(_words(d.text, _=_), styles["bullet"]) for d in assessment.undecided[:6]]
    if assessment.flags:
        out.append(_p(escape(_("Notes")), styles["h2"]))
        out += [_p(_words(s, _=_), styles["bullet"]) for s in assessment.flag_sentences]
    return out


def _grade(exam: Exam | None, side: Side, muscle: Muscle) -> str:
    grade = exam.motor_grade(side, muscle) if exam is not None else None
    return "–" if grade is None else grade.value


def _change_text(change: Change | None, _: Translator) -> str:
    if change is None:
        return ""
    symbol, word = CHANGE_MARKS[change.kind]
    return f"{symbol} {_(word)}" + (" " + _("(minor)") if change.whole_grade is False
                                    and change.kind in (ChangeKind.WORSE, ChangeKind.BETTER)
                                    else "")


def motor_table(assessment: Assessment, styles: StyleSheet1, _: Translator | None = None) -> list[Flowable]:
    """Each movement by side: baseline, previous, current, change, recovery rate; LEMS."""
    _ = _ or translator()
    context = assessment.context
    changes = {(c.item.item, c.item.side): c for c in assessment.changes
               if c.item.modality is Modality.MOTOR}
    rates = {(r.muscle, r.side): r.percent for r in assessment.recovery}
    columns = [_(c) for c in ("Base", "Prev", "Now", "Change", "Rec.")]
    header = [[_("Movement (muscle, roots)"), _("Right"), "", "", "", "", _("Left"), "", "", "",
               ""], ["", *columns, *columns]]
    rows: list[list[Any]] = []
    for muscle, info in MOTOR_ITEMS.items():
        row: list[Any] = [_p(f"{escape(_(info.movement))} <font color='#5B6B7A'>("
                             f"{escape(_(info.muscle))}, {info.roots_label})</font>",
                             styles["cell"])]
        for side in SIDES:
            rate = rates.get((muscle, side))
            row += [_grade(context.baseline, side, muscle), _grade(context.previous, side, muscle),
                    _grade(context.exam, side, muscle),
                    _change_text(changes.get((muscle.value, side)), _),
                    "" if rate is None else f"{rate:.0f} %"]
        rows.append(row)
    scores = {name: lems(exam) if exam else None for name, exam in
              (("base", context.baseline), ("prev", context.previous), ("now", context.exam))}
    lems_row: list[Any] = [_("LEMS (ISNCSCI, 0-25 per side)")]
    for side in SIDES:
        lems_row += [getattr(scores[k], side.value) if scores[k] else "–"
                     for k in ("base", "prev", "now")] + ["", ""]
    rows.append(lems_row)
    widths = [0.28] + [0.055, 0.055, 0.055, 0.1, 0.055] * 2
    extra = [("SPAN", (1, 0), (5, 0)), ("SPAN", (6, 0), (10, 0)), ("ALIGN", (1, 0), (-1, -1),
                                                                      "CENTER"),
             ("LINEBEFORE", (6, 0), (6, -1), 0.8, RULE), ("FONT", (0, -1), (-1, -1), FONT_BOLD,
                                                          7.6),
             ("BACKGROUND", (3, 2), (3, -1), colors.HexColor("#F1F5F9")),
             ("BACKGROUND", (8, 2), (8, -1), colors.HexColor("#F1F5F9"))]
    return [_p(escape(_("Motor (MRC)")), styles["h2"]), _table(header + rows, widths, 2, extra),
            _p(escape(_("Base: preoperative baseline; Prev: most recent earlier exam; change "
                        "against the baseline (else the previous exam); (minor): a move inside "
                        "grade 4. Recovery rate = (now − before) / (5 − before), grades 4-/4/4+ "
                        "counted as 4.")), styles["small"])]


def sensory_section(assessment: Assessment, styles: StyleSheet1,
                    _: Translator | None = None) -> list[Flowable]:
    """Light touch and pin prick maps, before and now, and the table of sensory changes."""
    _ = _ or translator()
    context = assessment.context
    heading: list[Flowable] = [_p(escape(_("Sensation (ISNCSCI 0 / 1 / 2)")), styles["h2"])]
    out: list[Flowable] = []
    reference = context.comparison
    for modality in SensoryModality:
        now = values_from_exam(getattr(context.exam, modality.value))
        changed = assessment.changed_dermatomes(modality)
        if reference is not None:
            before = values_from_exam(getattr(reference, modality.value))
            drawing = before_after_drawing(before, now, content_width(), changed,
                                           (f"{_(reference.kind.value).capitalize()} "
                                            f"{format_date(reference.date, _.language)}",
                                            f"{_('Now')} "
                                            f"{format_date(context.exam.date, _.language)}"),
                                           language=_.language.value)
        else:
            drawing = map_drawing(now, content_width(), language=_.language.value)
        # each modality on its own page, the section heading with the first
        out.append(KeepTogether([*heading, _p(f"<b>{escape(_(modality.label).capitalize())}</b>",
                                              styles["body"]), drawing]))
        heading = []
    rows = [[_(c) for c in ("Dermatome", "Modality", "Side", "Before", "Now", "Change")]]
    for change in assessment.changes:
        if change.item.modality in (Modality.LIGHT_TOUCH, Modality.PIN_PRICK) and \
                change.kind is not ChangeKind.UNCHANGED:
            rows.append([change.item.item, _(change.item.modality.value.replace("_", " ")),
                         _.context("abbreviation", change.item.side.value),
                         change.earlier.value if change.earlier else "–",
                         change.current.value if change.current else "–",
                         _change_text(change, _)])
    if len(rows) > 1:
        out += [Spacer(1, 4), _table(rows, [0.14, 0.16, 0.1, 0.1, 0.1, 0.2])]
    else:
        out.append(_p(escape(_("No sensory change against the earlier exam." if reference else
                               "No earlier exam to compare.")), styles["small"]))
    return out


def _side_value(by_side: Any, side: Side, _: Translator) -> str:
    value = by_side.get(side) if by_side is not None else None
    if value is None:
        return "–"
    return _(str(getattr(value, "value", value)))


def other_findings(assessment: Assessment, styles: StyleSheet1,
                   _: Translator | None = None) -> list[Flowable]:
    """Reflexes, upper motor neuron signs, walking and tension tests, red flags, pain, notes."""
    _ = _ or translator()
    context = assessment.context
    exam, base = context.exam, context.comparison
    rows: list[list[Any]] = [[_(c) for c in ("Test", "Right before", "Right now", "Left before",
                                             "Left now")]]
    for reflex, info in REFLEXES.items():
        rows.append([_("{reflex} reflex ({roots}), NINDS 0-4").format(
            reflex=_(info.label), roots=", ".join(info.roots))] + [
            _reflex(e, side, reflex) for side in SIDES for e in (base, exam)])
    for test in SIDE_TESTS:
        label = (f"{_(test.label)} ({_(test.report_note)})" if test.report_note
                 else _(test.label))
        rows.append([label] + [_side_value(getattr(e, test.field) if e else None, side, _)
                               for side in SIDES for e in (base, exam)])
    out: list[Flowable] = [_p(escape(_("Reflexes, upper motor neuron signs, function")),
                              styles["h2"]),
                           _table(rows, [0.4, 0.15, 0.15, 0.15, 0.15],
                                  extra=[("ALIGN", (1, 0), (-1, -1), "CENTER")])]
    out.append(_p(escape(_("Red flags")), styles["h2"]))
    if exam.red_flags is None:
        out.append(_p(escape(_("Not asked.")), styles["body"]))
    else:
        found = set(exam.red_flags)
        present, absent = f"<b>{escape(_('PRESENT'))}</b>: ", f"{escape(_('absent'))}: "
        out += [_p((present if flag in found else absent) + escape(_(info.label)),
                   styles["bullet"]) for flag, info in RED_FLAGS.items()]
    pain = exam.pain
    leg = "–" if pain is None or pain.leg is None else pain.leg
    back = "–" if pain is None or pain.back is None else pain.back
    out.append(_p(f"<b>{escape(_('Pain (0-10)'))}:</b> "
                  + escape(_("leg {leg}, back {back}.").format(leg=leg, back=back)),
                  styles["body"]))
    if exam.nt_reasons:
        out.append(_p(f"<b>{escape(_('Not testable'))}:</b> " + escape("; ".join(
            f"{k.replace('.', ' ')}: {_(v.value.replace('_', ' '))}" for k, v in
            exam.nt_reasons.items())), styles["body"]))
    if exam.notes:
        out.append(_p(f"<b>{escape(_('Notes'))}:</b> {escape(exam.notes)}", styles["body"]))
    return out


def _reflex(exam: Exam | None, side: Side, reflex: Reflex) -> str:
    grade = exam.reflex_grade(side, reflex) if exam else None
    return "–" if grade is None else str(grade.value)


def trend_chart(record: PatientRecord, exam: Exam, styles: StyleSheet1,
                _: Translator | None = None) -> list[Flowable]:
    """Key muscles (and LEMS) across the signed exams up to and including this one, when there
    are two or more: the history as it stood at this exam, with the operation marked."""
    _ = _ or translator()
    exams = trend_exams(record, signed_only=True, through=exam.id)
    if len(exams) < 2:
        return []
    trend = key_muscle_trend(record, signed_only=True, through=exam.id)
    first = exams[0].date
    if not trend.series:
        return [_p(escape(_("Trend")), styles["h2"]),
                _p(escape(_("All key muscles graded 5 at every exam.")), styles["small"])]
    series = tuple(replace(s, label=s.label_in(_)) for s in trend.series)
    operations = [(float((day - first).days), _("operation")) for day in trend.operations
                  if first <= day <= exams[-1].date]
    chart = TrendChart(series, content_width(), 170.0, y_max=5, y_title=_("MRC grade"),
                       x_title=_("days since {date}").format(date=format_date(first,
                                                                               _.language)),
                       day_lines=operations)
    totals = ", ".join(f"{format_date(e.date, _.language)}: {lems(e).total}" for e in exams)
    return [CondPageBreak(200), _p(escape(_("Trend of key muscles")), styles["h2"]), chart,
            _p(f"{escape(_('LEMS total by exam'))}: {escape(totals)}.", styles["small"])]


def signature_text(exam: Exam, _: Translator) -> str | None:
    """"Signed by Dr Ada Lovelace (ada) at ..." as rich text for a signed exam, else None. The
    signer is the authenticated user who signed the current revision (the examiner's name for
    exams signed before it was kept)."""
    if exam.status.value != "signed":
        return None
    when = format_moment(exam.signed_at, _.language) if exam.signed_at else _("time not recorded")
    signer = exam.signed_by.text() if exam.signed_by is not None else exam.examiner
    return f"<b>{escape(_('Signed'))}</b> " + escape(
        _("by {examiner} at {when}.").format(examiner=signer, when=when))


def signature_block(exam: Exam, styles: StyleSheet1, _: Translator | None = None) -> list[Flowable]:
    """Who signed and when; an unsigned exam says so."""
    _ = _ or translator()
    text = signature_text(exam, _) or _lead(
        "Unsigned draft.", " Not valid as a record until signed by the examiner.", _)
    return [Spacer(1, 6), _p(escape(_("Signature")), styles["h2"]), _p(text, styles["body"])]


def sources_section(styles: StyleSheet1, _: Translator | None = None) -> list[Flowable]:
    """The clinical sources of the rules (as published, in English), and the disclaimer."""
    _ = _ or translator()
    out: list[Flowable] = [_p(escape(_("Sources of the clinical rules")), styles["h2"])]
    out += [_p(escape(s.value), styles["bullet"]) for s in Source]
    out.append(_p(escape(_("Rules version {version}.").format(version=RULES_VERSION)) + " "
                  + escape(_(DISCLAIMER)), styles["small"]))
    return out


# --------------------------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------------------------


def page_frame(record: PatientRecord, exam: Exam, settings: Settings, title: str,
               _: Translator | None = None) -> PageFrame:
    """Header and footer content shared by both PDFs, in the language of ``_``."""
    _ = _ or translator()
    patient = record.patient
    born = (_("born {date}").format(date=format_date(patient.birth_date, _.language))
            if patient.birth_date else _("date of birth not recorded"))
    return PageFrame(
        title=title, clinic_name=settings.clinic_name,
        logo=Path(settings.clinic_logo) if settings.clinic_logo else None,
        header_lines=(f"{patient.family_name.upper()}, {patient.given_name} · {patient.id} · "
                      f"{born}",
                      _("Exam {date} ({kind}) · examiner {examiner}").format(
                          date=format_date(exam.date, _.language), kind=_(exam.kind.value),
                          examiner=exam.examiner or _("not recorded"))),
        footer=_("NeuroExam {version} · rules {rules} · a documentation and decision-support "
                 "aid; it does not replace clinical judgement").format(version=__version__,
                                                                      rules=RULES_VERSION),
        draft=exam.status.value != "signed",
        page_size=page_size(settings.page_size),
        language=_.language.value, page_label=_("Page {page} of {total}"),
        draft_mark=_("DRAFT"), subject=_("Neurological exam of the legs"),
    )


def clinician_report(record: PatientRecord, exam_id: str | None, settings: Settings,
                     deterministic: bool = False,
                     generated_at: dt.datetime | None = None, archival: bool = False,
                     language: Language | str | None = None) -> bytes:
    """The clinician report of one exam as PDF bytes; ``archival``: the PDF/A-2b copy of a
    signed exam (ValueError for a draft); ``language``: default the clinician's
    (``core.i18n.language_for`` the setting)."""
    _ = translator(language or language_for(settings.language))
    assessment = assess(record, exam_id)
    exam = assessment.context.exam
    story = report_story(record, assessment, deterministic, generated_at, _)
    frame = replace(page_frame(record, exam, settings, _("Clinician report"), _),
                    archival=archival)
    return build_pdf(story, frame, exam.examiner or "NeuroExam", deterministic)


def report_story(record: PatientRecord, assessment: Assessment, deterministic: bool = False,
                 generated_at: dt.datetime | None = None,
                 _: Translator | None = None) -> list[Flowable]:
    """Every section of the report in order, as flowables (the benchmark counts its tables)."""
    _ = _ or translator()
    styles = stylesheet(9)
    moment = generated_at or dt.datetime.now(dt.UTC)
    stamp = (_("(deterministic)") if deterministic else
             f"{format_date(moment.date(), _.language)} {moment.strftime('%H:%M')} UTC")
    return [
        _p(escape(_("Neurological exam of the legs: clinician report")), styles["title"]),
        _p(escape(_("Generated {stamp}. Compared with: baseline {baseline}; previous "
                    "{previous}.").format(stamp=stamp,
                                          baseline=_exam_label(assessment.context.baseline, _),
                                          previous=_exam_label(assessment.context.previous, _))),
           styles["small"]),
        *triage_banner(assessment, styles, _),
        *surgery_section(assessment, styles, _),
        *localisation_section(assessment, styles, _),
        *motor_table(assessment, styles, _),
        *sensory_section(assessment, styles, _),
        *other_findings(assessment, styles, _),
        *trend_chart(record, assessment.context.exam, styles, _),
        *signature_block(assessment.context.exam, styles, _),
        *sources_section(styles, _),
    ]


def _exam_label(exam: Exam | None, _: Translator) -> str:
    return (_("none") if exam is None else
            f"{_(exam.kind.value)} {format_date(exam.date, _.language)} ({exam.id})")
