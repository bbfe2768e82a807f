"""The trend of the key muscles over a patient's exams: what the app's chart and the clinician
report's chart both draw, chosen in this one place.

A series is one ISNCSCI key muscle on one side that was graded below 5 at some exam (a muscle that
was always 5 would only add a flat line); its points are the testable grades by days since the
patient's first exam.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.knowledge import LEMS_KEY_MUSCLES, MOTOR_ITEMS, Side

if TYPE_CHECKING:
    from core.i18n import Translator
    from core.record import Exam, PatientRecord

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#8A6D00", "#6A3D9A",
           "#56606E")
"""Okabe-Ito colours, told apart with any colour vision, with its three lightest (orange, sky
blue, grey) replaced by darker ones so that every line has 3:1 or more on the white chart; one
per series, in order, each also with its own dash; a chart draws at most this many series."""


@dataclass(frozen=True)
class Series:
    """One line: its legend label and its (days since the first exam, MRC grade) points."""

    label: str
    points: tuple[tuple[int, int], ...]
    side: Side | None = None
    """The side and movement the label names, for a label in another language."""
    movement: str = ""


    def label_in(self, _: Translator) -> str:
        """The legend label in the language of ``_`` (English: ``label``)."""
        if self.side is None:
            return _(self.label)
        return _("{side} {movement}").format(side=_.context("abbreviation", self.side.value),
                                             movement=_(self.movement))


@dataclass(frozen=True)
class KeyMuscleTrend:
    """The series of one patient, the date their day 0 counts from, the exams drawn (by date,
    in order; one day may hold several) and the dates of the operations."""

    first_exam: dt.date | None
    series: tuple[Series, ...]
    exam_dates: tuple[dt.date, ...] = ()
    operations: tuple[dt.date, ...] = ()


def trend_exams(record: PatientRecord, signed_only: bool = False,
                through: str | None = None) -> list[Exam]:
    """The exams a trend draws, by date: every exam, or the signed ones (``signed_only``); with
    ``through`` (an exam id) only those up to and including that exam, which is kept even as a
    draft: a report of an exam shows the history as it stood then, never a later exam."""
    from core.record import ExamStatus

    exams = record.exams_by_date()
    if through is not None:
        ids = [e.id for e in exams]
        exams = exams[:ids.index(through) + 1] if through in ids else exams
    return [e for e in exams
            if not signed_only or e.status is ExamStatus.SIGNED or e.id == through]


def key_muscle_trend(record: PatientRecord, signed_only: bool = False,
                     through: str | None = None) -> KeyMuscleTrend:
    """Every key muscle, right side then left, that was graded below 5 at some exam of
    ``trend_exams`` (the patient page: signed only; a report: signed, through its own exam)."""
    exams = trend_exams(record, signed_only, through)
    operations = tuple(sorted(s.date for s in record.surgeries))
    if not exams:
        return KeyMuscleTrend(None, (), (), operations)
    first = exams[0].date
    series: list[Series] = []
    for side in (Side.RIGHT, Side.LEFT):
        for muscle in LEMS_KEY_MUSCLES:
            points = tuple(((e.date - first).days, g.mrc) for e in exams
                           if (g := e.motor_grade(side, muscle)) is not None and g.testable)
            if any(grade < 5 for _, grade in points):
                movement = MOTOR_ITEMS[muscle].movement
                series.append(Series(f"{side.value} {movement}", points, side, movement))
    return KeyMuscleTrend(first, tuple(series), tuple(e.date for e in exams), operations)
