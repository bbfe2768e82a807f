"""The patient handout: what was tested and found, in plain words, and when to get help.

All words come from core.reports.handout_text; this module only chooses and lays them out.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import StyleSheet1
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from core.engine import Assessment, assess
from core.engine.changes import ChangeKind
from core.engine.findings import umn_signs
from core.engine.readings import Modality
from core.engine.triage import LEVEL_COLOURS, Level
from core.knowledge import RED_FLAGS, Dermatome, Muscle, SensoryModality, Side
from core.record import Exam, PatientRecord
from core.reports import handout_text as words
from core.reports.clinician import page_frame
from core.reports.fonts import FONT
from core.reports.layout import build_pdf, content_width, stylesheet
from core.settings import Settings


def _movement(muscle: Muscle, side: Side) -> str:
    return words.MUSCLE_WORDS[muscle].format(side=words.SIDE_WORDS[side.value])


def _area(dermatome: Dermatome, side: Side) -> str:
    return words.DERMATOME_WORDS[dermatome].format(side=words.SIDE_WORDS[side.value])


def findings_sentences(exam: Exam) -> list[str]:
    """What was abnormal today, one plain sentence each."""
    sentences = []
    for side in Side:
        for muscle, grade in (exam.motor.get(side) or {}).items():
            if grade.testable and not grade.is_normal:
                sentences.append(words.WEAK_MUSCLE.format(movement=_movement(muscle, side)))
        for dermatome in Dermatome:
            grades = [exam.sensory_grade(m, side, dermatome) for m in SensoryModality]
            if any(g is not None and g.testable and not g.is_normal for g in grades):
                sentences.append(words.NUMB_AREA.format(area=_area(dermatome, side)))
        for reflex, reflex_grade in (exam.reflexes.get(side) or {}).items():
            if reflex_grade.testable and reflex_grade.is_reduced:
                place = words.REFLEX_WORDS[reflex].format(side=words.SIDE_WORDS[side.value])
                sentences.append(words.WEAK_REFLEX.format(place=place))
    if any(umn_signs(exam, side) for side in Side):
        sentences.append(words.BRISK_SIGNS)
    return sentences


def change_sentences(assessment: Assessment) -> list[str]:
    """Motor and sensory changes against the comparison exam, in plain words."""
    sentences: list[str] = []
    seen: set[str] = set()
    for change in assessment.changes:
        template = words.CHANGE_WORDS.get(change.kind.value)
        if template is None or (change.item.modality is Modality.MOTOR
                                and change.whole_grade is False):
            continue
        if change.item.modality is Modality.MOTOR:
            thing = words.MUSCLE_THING.format(movement=_movement(Muscle(change.item.item),
                                                                 change.item.side))
        elif change.item.modality in (Modality.LIGHT_TOUCH, Modality.PIN_PRICK):
            thing = words.AREA_THING.format(area=_area(Dermatome(change.item.item),
                                                       change.item.side))
        else:
            continue
        sentence = template.format(thing=thing)
        if sentence not in seen:
            seen.add(sentence)
            sentences.append(sentence)
    return sentences


def warning_signs() -> list[str]:
    """The same-day warning signs, always printed, in lay words."""
    return [info.lay_label for info in RED_FLAGS.values()] + words.EXTRA_WARNINGS


def patient_handout(record: PatientRecord, exam_id: str | None, settings: Settings,
                    deterministic: bool = False) -> bytes:
    """The handout of one exam as PDF bytes: one or two pages, 12.5 pt type."""
    assessment = assess(record, exam_id)
    context = assessment.context
    exam = context.exam
    styles = stylesheet(12.5)
    bullet = styles["bullet"]
    # What to do next and the same-day help box come first, so they are always on page 1
    # whatever the length of the findings (a test checks the longest handout).
    story: list[Flowable] = [
        Paragraph(words.TITLE, styles["title"]),
        Paragraph(words.INTRO, styles["body"]),
        Paragraph(words.NEXT_HEADING, styles["h2"]),
        Paragraph(f"<b>{escape(words.NEXT_STEPS[assessment.triage.level])}</b>", styles["body"]),
        Spacer(1, 4),
        KeepTogether([_warning_box(styles, settings)]),
        Paragraph(words.FOUND_HEADING, styles["h2"]),
    ]
    found = findings_sentences(exam) or [words.ALL_NORMAL]
    story += [Paragraph(escape(s), bullet, bulletText="•") for s in found]
    if context.comparison is not None:
        heading = (words.CHANGES_HEADING if context.baseline is not None and context.is_postoperative
                   else words.CHANGES_SINCE_LAST_HEADING)
        changed = change_sentences(assessment) or [words.NO_CHANGE]
        story += [Paragraph(heading, styles["h2"])]
        story += [Paragraph(escape(s), bullet, bulletText="•") for s in changed]
    if context.is_postoperative and any(c.kind is not ChangeKind.UNCHANGED
                                        for c in assessment.changes):
        story.append(Paragraph(words.RECOVERY_NOTE, styles["body"]))
    story += [Paragraph(words.WHAT_WE_TESTED_HEADING, styles["h2"]),
              *[Paragraph(escape(t), bullet, bulletText="•") for t in words.WHAT_WE_TESTED]]
    story += [Paragraph(words.CONTACT_HEADING, styles["h2"]),
              Paragraph(escape(" · ".join(p for p in (settings.clinic_name, settings.clinic_phone,
                                                      settings.clinic_contact) if p)
                               or words.NO_CONTACT), styles["body"]),
              Paragraph(words.DISCLAIMER, styles["small"])]
    frame = page_frame(record, exam, settings, "Patient information")
    return build_pdf(story, frame, settings.clinic_name or "NeuroExam", deterministic)


def _warning_box(sheet: StyleSheet1, settings: Settings) -> Table:
    """The same-day warning signs in a red box that is never split across pages, with the
    clinic's telephone number (or a plain note that it is missing)."""
    rows = [[Paragraph(f"<b>{words.WARNING_HEADING}</b>", sheet["h2"])]]
    rows += [[Paragraph(escape(s), sheet["bullet"], bulletText="•")] for s in warning_signs()]
    rows.append([Paragraph(f"<b>{escape(words.WARNING_ACTION)}</b>", sheet["body"])])
    phone = settings.clinic_phone.strip()
    rows.append([Paragraph(f"<b>{escape(words.CALL_CLINIC.format(phone=phone))}</b>"
                           if phone else escape(words.NO_PHONE), sheet["body"])])
    box = Table(rows, colWidths=[content_width()])
    box.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT),
        ("BOX", (0, 0), (-1, -1), 2, colors.HexColor(LEVEL_COLOURS[Level.EMERGENCY])),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#FBEFF1")),
        ("LEFTPADDING", (0, 0), (-1, -1), 10), ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return box
