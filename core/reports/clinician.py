"""The clinician report: triage, localisation, every finding against baseline, trends, sources."""

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
from core.engine.triage import LEVEL_COLOURS, LEVEL_MEANING
from core.exam_items import SIDE_TESTS
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
from core.trends import key_muscle_trend

CHANGE_MARKS: dict[ChangeKind, str] = {
    ChangeKind.NEW: "● new", ChangeKind.WORSE: "▼ worse", ChangeKind.UNCHANGED: "= same",
    ChangeKind.BETTER: "▲ better", ChangeKind.RESOLVED: "✓ resolved",
    ChangeKind.NOT_COMPARABLE: "? n/c",
}
"""Symbol and word: the change reads without colour."""
SIDES = (Side.RIGHT, Side.LEFT)


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(text, style)


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


def triage_banner(assessment: Assessment, styles: StyleSheet1) -> list[Flowable]:
    """The level in words and colour, then every reason with its findings and source."""
    level = assessment.triage.level
    banner = Table([[_p(f'<font color="white"><b>{level.words.upper()}</b> &nbsp; '
                        f'{escape(LEVEL_MEANING[level])}</font>', styles["h2"])]],
                   colWidths=[content_width()])
    banner.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(LEVEL_COLOURS[level])),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]))
    out: list[Flowable] = [banner, Spacer(1, 4)]
    for reason in assessment.triage.reasons:
        out.append(_p(f"<b>[{reason.rule_id}]</b> {escape(reason.text)}", styles["body"]))
        out += [_p(escape(f).replace("-&gt;", "→"), styles["bullet"]) for f in reason.findings]
        out.append(_p(f"Source: {escape(reason.source)}", styles["small"]))
    return out


def surgery_section(assessment: Assessment, styles: StyleSheet1) -> list[Flowable]:
    """The operation the exam relates to, with days since."""
    context = assessment.context
    surgery = context.surgery
    if surgery is None:
        return [_p("<b>Surgery:</b> none recorded.", styles["body"])]
    days = context.days_since_surgery
    when = (f"day {days} after surgery" if days is not None and days > 0
            else f"{-days} days before surgery" if days is not None and days < 0 else "day of surgery")
    zone = f", {surgery.herniation.value.replace('_', ' ')} disc" if surgery.herniation else ""
    return [_p(f"<b>Surgery:</b> {escape(surgery.procedure)}, {surgery.level.value} "
               f"{surgery.side.value}{zone}, {surgery.date.isoformat()} ({when}).", styles["body"])]


def _candidate_block(ranked: list[Candidate], styles: StyleSheet1) -> list[Flowable]:
    """The leading lesion with every term for and against it; the next candidates in brief."""
    lead = ranked[0]
    out: list[Flowable] = [
        _p(f"<b>{escape(lead.label)}, {lead.side}</b> (score {lead.score:.2f})", styles["body"])]
    if lead.reasons_for:
        out.append(_p("For: " + escape("; ".join(lead.reasons_for)), styles["bullet"]))
    if lead.reasons_against:
        out.append(_p("Against: " + escape("; ".join(lead.reasons_against)), styles["bullet"]))
    others = ", ".join(f"{c.label} {c.side} ({c.score:.1f})" for c in ranked[1:4])
    if others:
        out.append(_p(f"Other candidates: {escape(others)}.", styles["small"]))
    return out


def localisation_section(assessment: Assessment, styles: StyleSheet1) -> list[Flowable]:
    """New or worse findings and what explains them first, then the residual ones, the whole
    exam, what is still undecided, and the notes."""
    out: list[Flowable] = [_p("Localisation", styles["h2"])]
    change = assessment.localisation_of_change
    if change and assessment.context.previous is not None:
        out.append(_p("<b>New or worse findings</b>, localised on their own:", styles["body"]))
        out += _candidate_block(change, styles)
    if assessment.residual:
        out.append(_p("<b>Residual</b> (present before the operation, not worse): "
                      + escape(", ".join(r.text for r in assessment.residual)).replace(
                          "-&gt;", "→"), styles["body"]))
    if not assessment.localisation:
        out.append(_p("No deficit needs explaining.", styles["body"]))
    elif same_reading(assessment):
        out.append(_p("<b>Whole exam</b>: as the new or worse findings (nothing else is "
                      "abnormal).", styles["body"]))
    else:
        out.append(_p("<b>Whole exam</b>:", styles["body"]))
        out += _candidate_block(assessment.localisation, styles)
    if assessment.undecided:
        out.append(_p("<b>Still undecided</b>: the leading lesions are close; these items were "
                      "not examined and would separate them:", styles["body"]))
        out += [_p(escape(d.text), styles["bullet"]) for d in assessment.undecided[:6]]
    if assessment.flags:
        out.append(_p("Notes", styles["h2"]))
        out += [_p(escape(s), styles["bullet"]) for s in assessment.flag_sentences]
    return out


def _grade(exam: Exam | None, side: Side, muscle: Muscle) -> str:
    grade = exam.motor_grade(side, muscle) if exam is not None else None
    return "–" if grade is None else grade.value


def _change_text(change: Change | None) -> str:
    if change is None:
        return ""
    mark = CHANGE_MARKS[change.kind]
    return mark + (" (minor)" if change.whole_grade is False and change.kind in
                   (ChangeKind.WORSE, ChangeKind.BETTER) else "")


def motor_table(assessment: Assessment, styles: StyleSheet1) -> list[Flowable]:
    """Each movement by side: baseline, previous, current, change, recovery rate; LEMS."""
    context = assessment.context
    changes = {(c.item.item, c.item.side): c for c in assessment.changes
               if c.item.modality is Modality.MOTOR}
    rates = {(r.muscle, r.side): r.percent for r in assessment.recovery}
    header = [["Movement (muscle, roots)", "Right", "", "", "", "", "Left", "", "", "", ""],
              ["", "Base", "Prev", "Now", "Change", "Rec.", "Base", "Prev", "Now", "Change",
               "Rec."]]
    rows: list[list[Any]] = []
    for muscle, info in MOTOR_ITEMS.items():
        row: list[Any] = [_p(f"{info.movement} <font color='#5B6B7A'>({escape(info.muscle)}, "
                             f"{info.roots_label})</font>", styles["cell"])]
        for side in SIDES:
            rate = rates.get((muscle, side))
            row += [_grade(context.baseline, side, muscle), _grade(context.previous, side, muscle),
                    _grade(context.exam, side, muscle),
                    _change_text(changes.get((muscle.value, side))),
                    "" if rate is None else f"{rate:.0f} %"]
        rows.append(row)
    scores = {name: lems(exam) if exam else None for name, exam in
              (("base", context.baseline), ("prev", context.previous), ("now", context.exam))}
    lems_row: list[Any] = ["LEMS (ISNCSCI, 0-25 per side)"]
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
    return [_p("Motor (MRC)", styles["h2"]), _table(header + rows, widths, 2, extra),
            _p("Base: preoperative baseline; Prev: most recent earlier exam; change against the "
               "baseline (else the previous exam); (minor): a move inside grade 4. Recovery rate "
               "= (now − before) / (5 − before), grades 4-/4/4+ counted as 4.", styles["small"])]


def sensory_section(assessment: Assessment, styles: StyleSheet1) -> list[Flowable]:
    """Light touch and pin prick maps, before and now, and the table of sensory changes."""
    context = assessment.context
    heading: list[Flowable] = [_p("Sensation (ISNCSCI 0 / 1 / 2)", styles["h2"])]
    out: list[Flowable] = []
    reference = context.comparison
    for modality in SensoryModality:
        now = values_from_exam(getattr(context.exam, modality.value))
        changed = assessment.changed_dermatomes(modality)
        if reference is not None:
            before = values_from_exam(getattr(reference, modality.value))
            drawing = before_after_drawing(before, now, content_width(), changed,
                                           (f"{reference.kind.value.title()} "
                                            f"{reference.date.isoformat()}",
                                            f"Now {context.exam.date.isoformat()}"))
        else:
            drawing = map_drawing(now, content_width())
        # each modality on its own page, the section heading with the first
        out.append(KeepTogether([*heading, _p(f"<b>{modality.label.capitalize()}</b>",
                                              styles["body"]), drawing]))
        heading = []
    rows = [["Dermatome", "Modality", "Side", "Before", "Now", "Change"]]
    for change in assessment.changes:
        if change.item.modality in (Modality.LIGHT_TOUCH, Modality.PIN_PRICK) and \
                change.kind is not ChangeKind.UNCHANGED:
            rows.append([change.item.item, change.item.modality.value.replace("_", " "),
                         change.item.side.value,
                         change.earlier.value if change.earlier else "–",
                         change.current.value if change.current else "–", _change_text(change)])
    if len(rows) > 1:
        out += [Spacer(1, 4), _table(rows, [0.14, 0.16, 0.1, 0.1, 0.1, 0.2])]
    else:
        out.append(_p("No sensory change against the earlier exam." if reference else
                      "No earlier exam to compare.", styles["small"]))
    return out


def _side_value(by_side: Any, side: Side) -> str:
    value = by_side.get(side) if by_side is not None else None
    if value is None:
        return "–"
    return str(getattr(value, "value", value))


def other_findings(assessment: Assessment, styles: StyleSheet1) -> list[Flowable]:
    """Reflexes, upper motor neuron signs, walking and tension tests, red flags, pain, notes."""
    context = assessment.context
    exam, base = context.exam, context.comparison
    rows: list[list[Any]] = [["Test", "Right before", "Right now", "Left before", "Left now"]]
    for reflex, info in REFLEXES.items():
        rows.append([f"{info.label} reflex ({', '.join(info.roots)}), NINDS 0-4"] + [
            _reflex(e, side, reflex) for side in SIDES for e in (base, exam)])
    for test in SIDE_TESTS:
        label = f"{test.label} ({test.report_note})" if test.report_note else test.label
        rows.append([label] + [_side_value(getattr(e, test.field) if e else None, side)
                               for side in SIDES for e in (base, exam)])
    out: list[Flowable] = [_p("Reflexes, upper motor neuron signs, function", styles["h2"]),
                           _table(rows, [0.4, 0.15, 0.15, 0.15, 0.15],
                                  extra=[("ALIGN", (1, 0), (-1, -1), "CENTER")])]
    out.append(_p("Red flags", styles["h2"]))
    if exam.red_flags is None:
        out.append(_p("Not asked.", styles["body"]))
    else:
        found = set(exam.red_flags)
        out += [_p(("<b>PRESENT</b>: " if flag in found else "absent: ") + escape(info.label),
                   styles["bullet"]) for flag, info in RED_FLAGS.items()]
    pain = exam.pain
    leg = "–" if pain is None or pain.leg is None else pain.leg
    back = "–" if pain is None or pain.back is None else pain.back
    out.append(_p(f"<b>Pain (0-10):</b> leg {leg}, back {back}.", styles["body"]))
    if exam.nt_reasons:
        out.append(_p("<b>Not testable:</b> " + escape("; ".join(
            f"{k.replace('.', ' ')}: {v.value.replace('_', ' ')}" for k, v in
            exam.nt_reasons.items())), styles["body"]))
    if exam.notes:
        out.append(_p(f"<b>Notes:</b> {escape(exam.notes)}", styles["body"]))
    return out


def _reflex(exam: Exam | None, side: Side, reflex: Reflex) -> str:
    grade = exam.reflex_grade(side, reflex) if exam else None
    return "–" if grade is None else str(grade.value)


def trend_chart(record: PatientRecord, styles: StyleSheet1) -> list[Flowable]:
    """Key muscles (and LEMS) across every exam, when there are two or more."""
    exams = record.exams_by_date()
    if len(exams) < 2:
        return []
    first, series = exams[0].date, key_muscle_trend(record).series
    if not series:
        return [_p("Trend", styles["h2"]), _p("All key muscles graded 5 at every exam.",
                                              styles["small"])]
    chart = TrendChart(series, content_width(), 170.0, y_max=5, y_title="MRC grade",
                       x_title=f"days since {first.isoformat()}")
    totals = ", ".join(f"{e.date.isoformat()}: {lems(e).total}" for e in exams)
    return [CondPageBreak(200), _p("Trend of key muscles", styles["h2"]), chart,
            _p(f"LEMS total by exam: {escape(totals)}.", styles["small"])]


def signature_block(exam: Exam, styles: StyleSheet1) -> list[Flowable]:
    """Who signed and when; an unsigned exam says so."""
    if exam.status.value == "signed":
        when = exam.signed_at.strftime("%Y-%m-%d %H:%M UTC") if exam.signed_at else "time not recorded"
        text = f"<b>Signed</b> by {escape(exam.examiner)} at {when}."
    else:
        text = "<b>Unsigned draft.</b> Not valid as a record until signed by the examiner."
    return [Spacer(1, 6), _p("Signature", styles["h2"]), _p(text, styles["body"])]


def sources_section(styles: StyleSheet1) -> list[Flowable]:
    """The clinical sources of the rules, and the disclaimer."""
    out: list[Flowable] = [_p("Sources of the clinical rules", styles["h2"])]
    out += [_p(escape(s.value), styles["bullet"]) for s in Source]
    out.append(_p(f"Rules version {RULES_VERSION}. {escape(DISCLAIMER)}", styles["small"]))
    return out


# --------------------------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------------------------


def page_frame(record: PatientRecord, exam: Exam, settings: Settings, title: str) -> PageFrame:
    """Header and footer content shared by both PDFs."""
    patient = record.patient
    birth = patient.birth_date.isoformat() if patient.birth_date else "date of birth not recorded"
    return PageFrame(
        title=title, clinic_name=settings.clinic_name,
        logo=Path(settings.clinic_logo) if settings.clinic_logo else None,
        header_lines=(f"{patient.family_name.upper()}, {patient.given_name} · {patient.id} · "
                      f"born {birth}",
                      f"Exam {exam.date.isoformat()} ({exam.kind.value}) · examiner "
                      f"{exam.examiner or 'not recorded'}"),
        footer=f"NeuroExam {__version__} · rules {RULES_VERSION} · a documentation and "
               "decision-support aid; it does not replace clinical judgement",
        draft=exam.status.value != "signed",
        page_size=page_size(settings.page_size),
    )


def clinician_report(record: PatientRecord, exam_id: str | None, settings: Settings,
                     deterministic: bool = False,
                     generated_at: dt.datetime | None = None, archival: bool = False) -> bytes:
    """The clinician report of one exam as PDF bytes; ``archival``: the PDF/A-2b copy of a
    signed exam (ValueError for a draft)."""
    assessment = assess(record, exam_id)
    exam = assessment.context.exam
    story = report_story(record, assessment, deterministic, generated_at)
    frame = replace(page_frame(record, exam, settings, "Clinician report"), archival=archival)
    return build_pdf(story, frame, exam.examiner or "NeuroExam", deterministic)


def report_story(record: PatientRecord, assessment: Assessment, deterministic: bool = False,
                 generated_at: dt.datetime | None = None) -> list[Flowable]:
    """Every section of the report in order, as flowables (the benchmark counts its tables)."""
    styles = stylesheet(9)
    stamp = (generated_at or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC")
    return [
        _p("Neurological exam of the legs: clinician report", styles["title"]),
        _p(f"Generated {'(deterministic)' if deterministic else stamp}. Compared with: "
           f"baseline {_exam_label(assessment.context.baseline)}; previous "
           f"{_exam_label(assessment.context.previous)}.", styles["small"]),
        *triage_banner(assessment, styles),
        *surgery_section(assessment, styles),
        *localisation_section(assessment, styles),
        *motor_table(assessment, styles),
        *sensory_section(assessment, styles),
        *other_findings(assessment, styles),
        *trend_chart(record, styles),
        *signature_block(assessment.context.exam, styles),
        *sources_section(styles),
    ]


def _exam_label(exam: Exam | None) -> str:
    return "none" if exam is None else f"{exam.kind.value} {exam.date.isoformat()} ({exam.id})"
