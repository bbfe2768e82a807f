"""Registry export: one CSV per follow-up interval, with motor recovery rates and pain scores.

Outcome registries compare patients at fixed intervals after the operation. For every operation
of every patient, each interval's file holds one row: the signed exam that is the interval's
exam (the preoperative baseline, or the postoperative exam nearest the interval's target day
within its window), its MRC grades, the motor recovery rate of every muscle weak at baseline
(core/engine/changes.py: (now - before) / (5 - before) x 100 %), and the pain scores. Files are
de-identified like the CSV export: keyed pseudonyms for ids, no names, notes or calendar dates
(only days since the operation). docs/registry-export.md (generated) documents every column.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.engine.changes import recovery_rates
from core.exchange.csv_table import cell_text
from core.exchange.pseudonyms import Pseudonymiser
from core.knowledge import MOTOR_ITEMS, Muscle, Side
from core.record import Exam, ExamKind, ExamStatus, PatientRecord, Surgery
from core.recordio import atomic_file


@dataclass(frozen=True)
class Interval:
    """A follow-up interval: its file, the target day after the operation and the window."""

    name: str
    label: str
    target_day: int
    first_day: int
    last_day: int


PREOPERATIVE = Interval("preoperative", "preoperative baseline", 0, -365, 0)
INTERVALS: tuple[Interval, ...] = (
    PREOPERATIVE,
    Interval("6-weeks", "6 weeks", 42, 28, 63),
    Interval("3-months", "3 months", 91, 64, 135),
    Interval("12-months", "12 months", 365, 270, 456),
)
"""The registry's intervals. Windows do not overlap, so one exam counts for one interval at most;
the preoperative baseline is the latest signed preoperative (or initial) exam in the year up to the
day of the operation."""


def interval_exam(record: PatientRecord, surgery: Surgery, interval: Interval) -> Exam | None:
    """The signed exam that stands for ``interval`` after ``surgery``, if any."""
    signed = [e for e in record.exams_by_date() if e.status is ExamStatus.SIGNED]
    if interval is PREOPERATIVE:
        before = [e for e in signed if e.kind in (ExamKind.PREOPERATIVE, ExamKind.INITIAL)
                  and interval.first_day <= (e.date - surgery.date).days <= interval.last_day]
        return before[-1] if before else None
    after = [e for e in signed if e.kind in (ExamKind.POSTOPERATIVE, ExamKind.FOLLOW_UP)
             and e.surgery_id in (None, surgery.id)
             and interval.first_day <= (e.date - surgery.date).days <= interval.last_day]
    return min(after, key=lambda e: (abs((e.date - surgery.date).days - interval.target_day),
                                     e.date), default=None)


@dataclass(frozen=True)
class Row:
    """What one row is made of."""

    record: PatientRecord
    surgery: Surgery
    exam: Exam
    baseline: Exam | None
    rates: dict[tuple[Side, str], float]
    pseudonyms: Pseudonymiser


@dataclass(frozen=True)
class Column:
    """One registry column."""

    name: str
    meaning: str
    cell: Callable[[Row], Any]


def _grade(side: Side, muscle: Muscle) -> Callable[[Row], Any]:
    return lambda row: getattr(row.exam.motor_grade(side, muscle), "value", None)


def _rate(side: Side, muscle: Muscle) -> Callable[[Row], Any]:
    def cell(row: Row) -> str | None:
        rate = row.rates.get((side, muscle.value))
        return None if rate is None else f"{rate:.1f}"
    return cell


def _columns() -> list[Column]:
    columns = [
        Column("patient_id", "keyed pseudonym of the record id (the same as in the CSV export)",
               lambda r: r.pseudonyms.pseudonym(r.record.patient.id)),
        Column("surgery_id", "keyed pseudonym of the operation",
               lambda r: r.pseudonyms.pseudonym(r.record.patient.id, r.surgery.id)),
        Column("exam_id", "keyed pseudonym of the exam",
               lambda r: r.pseudonyms.pseudonym(r.record.patient.id, r.exam.id)),
        Column("sex", "sex as recorded", lambda r: r.record.patient.sex.value),
        Column("surgery_level", "disc level operated on", lambda r: r.surgery.level),
        Column("surgery_side", "side of the approach", lambda r: r.surgery.side.value),
        Column("days_since_surgery", "days from the operation to the exam (0 or negative: before)",
               lambda r: (r.exam.date - r.surgery.date).days),
    ]
    for side in (Side.LEFT, Side.RIGHT):
        for muscle, info in MOTOR_ITEMS.items():
            columns.append(Column(f"motor.{side}.{muscle}", f"MRC grade, {info.movement}, {side}",
                                  _grade(side, muscle)))
    for side in (Side.LEFT, Side.RIGHT):
        for muscle, info in MOTOR_ITEMS.items():
            columns.append(Column(
                f"recovery.{side}.{muscle}",
                f"motor recovery rate, {info.movement}, {side}: (now - baseline) / (5 - baseline) "
                "x 100, one decimal; empty when the muscle was 5 at baseline, not graded or NT "
                "(and in the preoperative file)", _rate(side, muscle)))
    columns += [Column("pain.leg", "leg pain, 0-10", lambda r: getattr(r.exam.pain, "leg", None)),
                Column("pain.back", "back pain, 0-10",
                       lambda r: getattr(r.exam.pain, "back", None))]
    return columns


COLUMNS: tuple[Column, ...] = tuple(_columns())


def registry_rows(record: PatientRecord, interval: Interval,
                  pseudonyms: Pseudonymiser) -> Iterable[Row]:
    """One row per operation of the record that has an exam in the interval."""
    for surgery in record.surgeries:
        exam = interval_exam(record, surgery, interval)
        if exam is None:
            continue
        baseline = (None if interval is PREOPERATIVE
                    else interval_exam(record, surgery, PREOPERATIVE))
        rates = ({(r.side, r.muscle.value): r.percent for r in recovery_rates(baseline, exam)}
                 if baseline is not None else {})
        yield Row(record, surgery, exam, baseline, rates, pseudonyms)


def file_name(interval: Interval) -> str:
    """The interval's file in the output folder."""
    return f"registry-{interval.name}.csv"


def write_registry(folder: Path, records: Iterable[PatientRecord],
                   pseudonyms: Pseudonymiser) -> dict[str, int]:
    """Write the four files patient by patient (each atomically); rows written per file."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {interval.name: 0 for interval in INTERVALS}
    with contextlib.ExitStack() as stack:
        writers = {}
        for interval in INTERVALS:
            raw = stack.enter_context(atomic_file(folder / file_name(interval)))
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="", write_through=True)
            stack.callback(text.detach)
            writer = csv.writer(text, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
            writer.writerow(c.name for c in COLUMNS)
            writers[interval.name] = writer
        for record in records:
            for interval in INTERVALS:
                for row in registry_rows(record, interval, pseudonyms):
                    writers[interval.name].writerow(cell_text(c.cell(row)) for c in COLUMNS)
                    counts[interval.name] += 1
    return counts


def registry_markdown() -> str:
    """docs/registry-export.md: the files, the intervals and every column."""
    lines = ["# Registry export", "",
             "Generated from `core/exchange/registry.py` (`make docs`); a test keeps it current.",
             "", "`neuroexam registry --out FOLDER` writes one CSV per follow-up interval, for "
             "every operation of every patient that has a signed exam in the interval. The files "
             "are UTF-8 with a byte-order mark, every field quoted, CRLF line ends, and "
             "de-identified: ids are keyed pseudonyms under the clinic's key (the same as in the "
             "de-identified CSV export, so rows link across files and exports), there are no "
             "names, notes or calendar dates, only days since the operation. Text that a "
             "spreadsheet would run as a formula gets a leading apostrophe.", "",
             "## Files and intervals", "", "| file | interval | exam chosen |",
             "| --- | --- | --- |"]
    for interval in INTERVALS:
        if interval is PREOPERATIVE:
            chosen = ("the latest signed preoperative (or initial) exam from 365 days before "
                      "the operation up to its day")
        else:
            chosen = (f"the signed postoperative or follow-up exam nearest day "
                      f"{interval.target_day} after the operation, within days "
                      f"{interval.first_day}-{interval.last_day}")
        lines.append(f"| `{file_name(interval)}` | {interval.label} | {chosen} |")
    lines += ["", "An exam linked to another operation is not counted for this one. The "
              "recovery rate compares the interval's exam with the preoperative baseline of the "
              "same operation; 4-, 4 and 4+ count as 4.", "", "## Columns (every file)", "",
              "| column | meaning |", "| --- | --- |"]
    lines += [f"| `{c.name}` | {c.meaning} |" for c in COLUMNS]
    return "\n".join(lines) + "\n"
