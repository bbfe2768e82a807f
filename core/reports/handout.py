"""The patient handout: what was tested and found, in plain words, and when to get help.

All words come from core.reports.handout_text (in English, translated through core.i18n); this
module only chooses and lays them out. The handout is printed in the patient's preferred language
(the record's ``preferred_language``), else the clinician's; with the setting or option "both
languages" the other language follows on a new page, so family and clinic can read it too.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import StyleSheet1
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from core.engine import Assessment, assess
from core.engine.changes import ChangeKind
from core.engine.findings import umn_signs
from core.engine.readings import Modality
from core.engine.triage import LEVEL_COLOURS, Level
from core.i18n import Language, Translator, language_for, translator
from core.knowledge import RED_FLAGS, Dermatome, Muscle, SensoryModality, Side
from core.record import Exam, PatientRecord
from core.reports import handout_text as words
from core.reports.clinician import page_frame, signature_text
from core.reports.fonts import FONT
from core.reports.layout import build_pdf, content_width, stylesheet
from core.settings import Settings


def _sides(side: Side, _: Translator) -> dict[str, str]:
    """The side word for templates: ``side`` agrees with a masculine noun, ``side_f`` with a
    feminine one (Spanish "pie izquierdo", "pierna izquierda"; English has one form)."""
    word = words.SIDE_WORDS[side.value]
    return {"side": _(word), "side_f": _.context("feminine", word)}


def _movement(muscle: Muscle, side: Side, _: Translator) -> str:
    return _(words.MUSCLE_WORDS[muscle]).format(**_sides(side, _))


def _area(dermatome: Dermatome, side: Side, _: Translator) -> str:
    return _(words.DERMATOME_WORDS[dermatome]).format(**_sides(side, _))


def findings_sentences(exam: Exam, _: Translator | None = None) -> list[str]:
    """What was abnormal today, one plain sentence each."""
    _ = _ or translator()
    sentences = []
    for side in Side:
        for muscle, grade in (exam.motor.get(side) or {}).items():
            if grade.testable and not grade.is_normal:
                sentences.append(_(words.WEAK_MUSCLE).format(movement=_movement(muscle, side, _)))
        for dermatome in Dermatome:
            grades = [exam.sensory_grade(m, side, dermatome) for m in SensoryModality]
            if any(g is not None and g.testable and not g.is_normal for g in grades):
                sentences.append(_(words.NUMB_AREA).format(area=_area(dermatome, side, _)))
        for reflex, reflex_grade in (exam.reflexes.get(side) or {}).items():
            if reflex_grade.testable and reflex_grade.is_reduced:
                place = _(words.REFLEX_WORDS[reflex]).format(**_sides(side, _))
                sentences.append(_(words.WEAK_REFLEX).format(place=place))
    if any(umn_signs(exam, side) for side in Side):
        sentences.append(_(words.BRISK_SIGNS))
    return sentences


def change_sentences(assessment: Assessment, _: Translator | None = None) -> list[str]:
    """Motor and sensory changes against the comparison exam, in plain words."""
    _ = _ or translator()
    sentences: list[str] = []
    seen: set[str] = set()
    for change in assessment.changes:
        template = words.CHANGE_WORDS.get(change.kind.value)
        if template is None or (change.item.modality is Modality.MOTOR
                                and change.whole_grade is False):
            continue
        if change.item.modality is Modality.MOTOR:
            thing = _(words.MUSCLE_THING).format(
                movement=_movement(Muscle(change.item.item), change.item.side, _))
        elif change.item.modality in (Modality.LIGHT_TOUCH, Modality.PIN_PRICK):
            thing = _(words.AREA_THING).format(area=_area(Dermatome(change.item.item),
                                                          change.item.side, _))
        else:
            continue
        sentence = _(template).format(thing=thing)
        if sentence not in seen:
            seen.add(sentence)
            sentences.append(sentence)
    return sentences


def warning_signs(_: Translator | None = None) -> list[str]:
    """The same-day warning signs, always printed, in lay words."""
    _ = _ or translator()
    return [_(info.lay_label) for info in RED_FLAGS.values()] + [_(w) for w in
                                                                 words.EXTRA_WARNINGS]


def handout_languages(record: PatientRecord, settings: Settings,
                      both: bool | None = None) -> list[Language]:
    """The handout's languages in print order: the patient's preferred language (else the
    clinician's), then, when ``both`` (default: the setting), the other language."""
    first = record.patient.preferred_language or language_for(settings.language)
    if settings.handout_both_languages if both is None else both:
        return [first, *[language for language in Language if language is not first]]
    return [first]


def patient_handout(record: PatientRecord, exam_id: str | None, settings: Settings,
                    deterministic: bool = False,
                    languages: Sequence[Language] | None = None) -> bytes:
    """The handout of one exam as PDF bytes: one or two pages, 12.5 pt type, per language
    (``languages``, default ``handout_languages``), each language starting on a new page."""
    assessment = assess(record, exam_id)
    languages = list(languages or handout_languages(record, settings))
    story: list[Flowable] = []
    for index, language in enumerate(languages):
        if index:
            story.append(PageBreak())
        story += handout_story(assessment, settings, translator(language))
    _ = translator(languages[0])
    frame = page_frame(record, assessment.context.exam, settings, _("Patient information"), _)
    return build_pdf(story, frame, settings.clinic_name or "NeuroExam", deterministic)


def handout_story(assessment: Assessment, settings: Settings, _: Translator) -> list[Flowable]:
    """The handout's flowables in one language."""
    context = assessment.context
    exam = context.exam
    styles = stylesheet(12.5)
    bullet = styles["bullet"]
    # What to do next and the same-day help box come first, so they are always on page 1
    # whatever the length of the findings (a test checks the longest handout).
    story: list[Flowable] = [
        Paragraph(escape(_(words.TITLE)), styles["title"]),
        Paragraph(escape(_(words.INTRO)), styles["body"]),
        Paragraph(escape(_(words.NEXT_HEADING)), styles["h2"]),
        Paragraph(f"<b>{escape(_(words.NEXT_STEPS[assessment.triage.level]))}</b>",
                  styles["body"]),
        Spacer(1, 4),
        KeepTogether([_warning_box(styles, settings, _)]),
        Paragraph(escape(_(words.FOUND_HEADING)), styles["h2"]),
    ]
    found = findings_sentences(exam, _) or [_(words.ALL_NORMAL)]
    story += [Paragraph(escape(s), bullet, bulletText="•") for s in found]
    if context.comparison is not None:
        heading = (words.CHANGES_HEADING if context.baseline is not None and context.is_postoperative
                   else words.CHANGES_SINCE_LAST_HEADING)
        changed = change_sentences(assessment, _) or [_(words.NO_CHANGE)]
        story += [Paragraph(escape(_(heading)), styles["h2"])]
        story += [Paragraph(escape(s), bullet, bulletText="•") for s in changed]
    if context.is_postoperative and any(c.kind is not ChangeKind.UNCHANGED
                                        for c in assessment.changes):
        story.append(Paragraph(escape(_(words.RECOVERY_NOTE)), styles["body"]))
    story += [Paragraph(escape(_(words.WHAT_WE_TESTED_HEADING)), styles["h2"]),
              *[Paragraph(escape(_(t)), bullet, bulletText="•") for t in words.WHAT_WE_TESTED]]
    story += [Paragraph(escape(_(words.CONTACT_HEADING)), styles["h2"]),
              Paragraph(escape(" · ".join(p for p in (settings.clinic_name, settings.clinic_phone,
                                                      settings.clinic_contact) if p)
                               or _(words.NO_CONTACT)), styles["body"]),
              Paragraph(escape(_(words.DISCLAIMER)), styles["small"])]
    signed = signature_text(exam, _)
    if signed is not None:  # who stands behind this sheet: the clinician who signed the exam
        story.insert(-1, Paragraph(signed, styles["body"]))
    return story


def _warning_box(sheet: StyleSheet1, settings: Settings, _: Translator) -> Table:
    """The same-day warning signs in a red box that is never split across pages, with the
    clinic's telephone number (or a plain note that it is missing)."""
    rows = [[Paragraph(f"<b>{escape(_(words.WARNING_HEADING))}</b>", sheet["h2"])]]
    rows += [[Paragraph(escape(s), sheet["bullet"], bulletText="•")] for s in warning_signs(_)]
    rows.append([Paragraph(f"<b>{escape(_(words.WARNING_ACTION))}</b>", sheet["body"])])
    phone = settings.clinic_phone.strip()
    rows.append([Paragraph(f"<b>{escape(_(words.CALL_CLINIC).format(phone=phone))}</b>"
                           if phone else escape(_(words.NO_PHONE)), sheet["body"])])
    box = Table(rows, colWidths=[content_width()])
    box.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT),
        ("BOX", (0, 0), (-1, -1), 2, colors.HexColor(LEVEL_COLOURS[Level.EMERGENCY])),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#FBEFF1")),
        ("LEFTPADDING", (0, 0), (-1, -1), 10), ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return box
