"""CSV for registries and research: one row per exam, one column per item and side.

Column names follow the record's own paths ("motor.left.ankle_dorsiflexion"), values are the
record's values ("4-", "NT", 2, "sustained"), and an empty cell means "not examined", so a row
reads back into the record's terms without a lookup table (`findings_from_row`). The assessment
(triage, leading localisation, LEMS, flags) follows the findings. docs/csv-columns.md lists every
column; it is generated from `COLUMNS` and a test keeps it current.

De-identified files drop names and notes, keep the year of birth only, replace record, exam and
operation ids by keyed pseudonyms and move every date of a patient by that patient's keyed offset
(core/exchange/pseudonyms.py).

Every text cell that a spreadsheet would read as a formula (starting with =, +, -, @, tab or
carriage return) is neutralised as OWASP recommends: a leading apostrophe, and every field quoted.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO, TypeAlias

from core.exam_items import SIDE_TESTS
from core.exchange.pseudonyms import MAX_DAY_SHIFT, Pseudonymiser
from core.grades import MotorGrade, ReflexGrade, SensoryGrade
from core.i18n import Language
from core.knowledge import (
    MOTOR_ITEMS,
    Dermatome,
    DiscLevel,
    RedFlag,
    Reflex,
    Side,
)
from core.record import Exam, ExamKind, PatientRecord, Sex
from core.recordio import value_at, write_atomic


@dataclass(frozen=True)
class ExamRow:
    """What one row is made from: the exam, its patient record and its assessment."""

    record: PatientRecord
    exam: Exam
    document: dict[str, Any]
    """The exam as the contract's JSON."""
    assessment: dict[str, Any]
    """The assessment document of record-format.md."""
    pseudonyms: Pseudonymiser | None


class Mode(StrEnum):
    """Which files a column appears in."""

    BOTH = "both"
    IDENTIFIED = "identified"
    DEIDENTIFIED = "de-identified"


@dataclass(frozen=True)
class Column:
    """One CSV column: its name, what it holds, and how a row fills it."""

    name: str
    meaning: str
    values: str
    cell: Callable[[ExamRow], Any]
    mode: Mode = Mode.BOTH


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet evaluate a cell (OWASP, CSV injection)."""


def cell_text(value: Any) -> str:
    """The cell's text; text a spreadsheet would run as a formula gets a leading apostrophe.

    Only strings are neutralised: numbers (a negative day count) are written as numbers.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    return str(value)


def _day(row: ExamRow, day: dt.date | None) -> dt.date | None:
    """A date of the row's patient; de-identified, moved by the patient's keyed offset."""
    if day is None or row.pseudonyms is None:
        return day
    return day + dt.timedelta(days=row.pseudonyms.day_shift(row.record.patient.id))


def _private_id(row: ExamRow, *parts: str) -> str:
    return row.pseudonyms.pseudonym(*parts) if row.pseudonyms else parts[-1]


def _choices(values: Iterable[object]) -> str:
    return ", ".join(str(getattr(v, "value", v)) for v in values)


def _surgery_field(name: str) -> Callable[[ExamRow], Any]:
    def cell(row: ExamRow) -> Any:
        surgery = row.record.surgery(row.exam.surgery_id)
        return getattr(surgery, name, None) if surgery is not None else None
    return cell


def _days_since_surgery(row: ExamRow) -> Any:
    surgery = row.record.surgery(row.exam.surgery_id)
    return (row.exam.date - surgery.date).days if surgery is not None else None


def _finding(path: str) -> Callable[[ExamRow], Any]:
    return lambda row: value_at(row.document, path)


def _red_flag(flag: RedFlag) -> Callable[[ExamRow], Any]:
    def cell(row: ExamRow) -> Any:
        asked = row.exam.red_flags
        return None if asked is None else ("yes" if flag in asked else "no")
    return cell


def _leading(key: str) -> Callable[[ExamRow], Any]:
    def cell(row: ExamRow) -> Any:
        ranked = row.assessment["localisation"]
        return ranked[0][key] if ranked else None
    return cell


def _identity_columns() -> list[Column]:
    return [
        Column("patient_id", "the record id; de-identified: its keyed pseudonym", "text",
               lambda r: _private_id(r, r.record.patient.id)),
        Column("family_name", "family name", "text", lambda r: r.record.patient.family_name,
               Mode.IDENTIFIED),
        Column("given_name", "given name(s)", "text", lambda r: r.record.patient.given_name,
               Mode.IDENTIFIED),
        Column("birth_date", "date of birth", "YYYY-MM-DD", lambda r: r.record.patient.birth_date,
               Mode.IDENTIFIED),
        Column("birth_year", "year of the birth date moved by the patient's date offset (the "
               "date itself is removed)", "YYYY",
               lambda r: getattr(_day(r, r.record.patient.birth_date), "year", None),
               Mode.DEIDENTIFIED),
        Column("sex", "sex as recorded", _choices(Sex), lambda r: r.record.patient.sex.value),
    ]


def _exam_columns() -> list[Column]:
    return [
        Column("exam_id", "the exam's id; de-identified: a keyed pseudonym", "text",
               lambda r: _private_id(r, r.record.patient.id, r.exam.id)),
        Column("exam_date", "day of the exam; de-identified: moved by the patient's date offset",
               "YYYY-MM-DD", lambda r: _day(r, r.exam.date)),
        Column("exam_kind", "kind of exam", _choices(ExamKind), lambda r: r.exam.kind.value),
        Column("exam_status", "draft or signed", "draft, signed", lambda r: r.exam.status.value),
        Column("examiner", "who examined", "text", lambda r: r.exam.examiner, Mode.IDENTIFIED),
        Column("surgery_id", "the operation the exam relates to; de-identified: a keyed pseudonym",
               "text", lambda r: (_private_id(r, r.record.patient.id, r.exam.surgery_id)
                                  if r.exam.surgery_id else None)),
        Column("surgery_level", "disc level operated on", _choices(DiscLevel),
               _surgery_field("level")),
        Column("surgery_side", "side of the approach", "left, right, bilateral",
               _surgery_field("side")),
        Column("surgery_date", "day of the operation; de-identified: moved by the patient's "
               "date offset", "YYYY-MM-DD", lambda r: _day(r, _surgery_field("date")(r))),
        Column("days_since_surgery", "days from the operation to the exam (negative before it)",
               "whole number", _days_since_surgery),
    ]


def _finding_columns() -> list[Column]:
    sides = [Side.LEFT, Side.RIGHT]
    motor, sensory, reflex = (_choices(g) for g in (MotorGrade, SensoryGrade, ReflexGrade))
    columns: list[Column] = []
    for side in sides:
        columns += [Column(f"motor.{side}.{muscle}", f"MRC grade, {info.movement}, {side}", motor,
                           _finding(f"motor.{side}.{muscle}")) for muscle, info in MOTOR_ITEMS.items()]
    for modality in ("light_touch", "pin_prick"):
        for side in sides:
            columns += [Column(f"{modality}.{side}.{d.value}",
                               f"{modality.replace('_', ' ')}, dermatome {d.value}, {side}",
                               sensory, _finding(f"{modality}.{side}.{d.value}"))
                        for d in Dermatome]
    for side in sides:
        columns += [Column(f"reflexes.{side}.{reflex_name}", f"{reflex_name} reflex, {side}", reflex,
                           _finding(f"reflexes.{side}.{reflex_name}")) for reflex_name in Reflex]
    for test in SIDE_TESTS:
        columns += [Column(f"{test.field}.{side}", f"{test.label.lower()}, {side}",
                           test.value_choices(), _finding(f"{test.field}.{side}"))
                    for side in sides]
    columns += [Column(f"red_flags.{flag}", f"red flag: {flag.value.replace('_', ' ')}",
                       "yes, no (empty: red flags not asked)", _red_flag(flag)) for flag in RedFlag]
    columns += [Column("pain.leg", "leg pain, 0-10", "0-10", _finding("pain.leg")),
                Column("pain.back", "back pain, 0-10", "0-10", _finding("pain.back")),
                Column("notes", "free-text notes (may name people: left out when de-identified)",
                       "text", lambda r: r.exam.notes, Mode.IDENTIFIED)]
    return columns


def _assessment_columns() -> list[Column]:
    level = "emergency, urgent, prompt, routine"
    return [
        Column("triage_level", "how urgent the engine finds the exam", level,
               lambda r: r.assessment["triage"]["level"]),
        Column("triage_rules", "the triage rules that fired (ids of docs/rules.md)",
               "ids separated by ;",
               lambda r: ";".join(reason["rule"] for reason in r.assessment["triage"]["reasons"])),
        Column("leading_lesion", "the best-supported localisation", "lesion code of "
               "record-format.md (empty: nothing to explain)", _leading("lesion")),
        Column("leading_side", "its side", "left, right, bilateral", _leading("side")),
        Column("lems.left", "lower extremity motor score, left (0-25, ND when a key muscle is "
               "missing or NT)", "0-25, ND", lambda r: r.assessment["lems"]["left"]),
        Column("lems.right", "lower extremity motor score, right", "0-25, ND",
               lambda r: r.assessment["lems"]["right"]),
        Column("lems.total", "lower extremity motor score, both legs", "0-50, ND",
               lambda r: r.assessment["lems"]["total"]),
        Column("flags", "the assessment's flags (codes of record-format.md)", "codes separated by ;",
               lambda r: ";".join(r.assessment["flags"])),
        Column("rules_version", "version of the rules that made the assessment", "text",
               lambda r: r.assessment["rules_version"]),
    ]


def _added_columns() -> list[Column]:
    """Columns added after the first version of the table: they come last, so every earlier
    column keeps its position for readers that go by position."""
    return [
        Column("preferred_language", "the patient's preferred language (the handout's), when "
               "recorded", _choices(Language), lambda r: r.record.patient.preferred_language),
    ]


COLUMNS: tuple[Column, ...] = tuple(_identity_columns() + _exam_columns() + _finding_columns()
                                    + _assessment_columns() + _added_columns())
"""Every column, in file order; a file holds those of its mode."""


def columns_for(deidentified: bool) -> list[Column]:
    """The columns of an identified or a de-identified file."""
    dropped = Mode.IDENTIFIED if deidentified else Mode.DEIDENTIFIED
    return [c for c in COLUMNS if c.mode is not dropped]


SignedBases: TypeAlias = "Mapping[tuple[str, str], PatientRecord]"
"""(record id, exam id) -> the record a signed exam was assessed against when it was signed."""


def exam_rows(records: Iterable[PatientRecord], pseudonyms: Pseudonymiser | None = None,
              signed_bases: SignedBases | None = None) -> Iterator[ExamRow]:
    """Every exam of every record, oldest first within a patient, with its assessment: a signed
    exam's as it was signed when ``signed_bases`` holds its basis."""
    from core.engine import assess

    bases = signed_bases or {}
    for record in records:
        for exam in record.exams_by_date():
            basis = bases.get((record.patient.id, exam.id), record)
            yield ExamRow(record, exam, exam.model_dump(mode="json", exclude_none=True),
                          assess(basis, exam.id).as_dict(), pseudonyms)


class CsvWriter:
    """Writes the header, then rows patient by patient, to a text stream (exports stream)."""

    def __init__(self, out: TextIO, pseudonyms: Pseudonymiser | None = None) -> None:
        self.columns = columns_for(pseudonyms is not None)
        self.pseudonyms = pseudonyms
        self.writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)

    def header(self) -> None:
        """The column names."""
        self.writer.writerow(c.name for c in self.columns)

    def rows(self, records: Iterable[PatientRecord],
             signed_bases: SignedBases | None = None) -> None:
        """One row per exam of the records."""
        for row in exam_rows(records, self.pseudonyms, signed_bases):
            self.writer.writerow(cell_text(c.cell(row)) for c in self.columns)


def csv_text(records: Iterable[PatientRecord], pseudonyms: Pseudonymiser | None = None) -> str:
    """The CSV file's text; de-identified when ``pseudonyms`` is given."""
    out = io.StringIO()
    table = CsvWriter(out, pseudonyms)
    table.header()
    table.rows(records)
    return out.getvalue()


def write_csv(path: Path, records: Iterable[PatientRecord],
              pseudonyms: Pseudonymiser | None = None) -> None:
    """Write the CSV atomically, UTF-8 with a byte-order mark so spreadsheets read accents."""
    write_atomic(Path(path), csv_text(records, pseudonyms).encode("utf-8-sig"))


# --------------------------------------------------------------------------------------------
# Reading a row back into the record's terms.
# --------------------------------------------------------------------------------------------

def _cell_value(section: str, text: str) -> Any:
    """Motor grades stay strings ("4"); other numbers (grades, beats, degrees) are integers."""
    if section != "motor" and text.isdigit():
        return int(text)
    return text


def findings_from_row(row: dict[str, str]) -> dict[str, Any]:
    """The findings of one CSV row as the exam's JSON sections (empty cells left out)."""
    findings: dict[str, Any] = {}
    flags_asked = False
    present: list[str] = []
    for name, text in row.items():
        section, _, rest = name.partition(".")
        side, _, item = rest.partition(".")
        if not text:
            continue
        if side in (Side.LEFT, Side.RIGHT):  # "section.side" or "section.side.item"
            by_side = findings.setdefault(section, {})
            if item:
                by_side.setdefault(side, {})[item] = _cell_value(section, text)
            else:
                by_side[side] = _cell_value(section, text)
        elif section == "red_flags":
            flags_asked = True
            if text == "yes":
                present.append(rest)
        elif section == "pain":
            findings.setdefault("pain", {})[rest] = int(text)
    if flags_asked:
        findings["red_flags"] = present
    return findings


def columns_markdown() -> str:
    """docs/csv-columns.md: every column with its meaning and values."""
    lines = ["# CSV export: columns", "",
             "Generated from `core/exchange/csv_table.py` (`make docs`); a test keeps it current.",
             "", "One row per exam, oldest first within a patient. UTF-8 with a byte-order mark, "
             "comma-separated, CRLF line ends (RFC 4180). An empty cell means not examined (or, "
             "for the operation, no linked operation). Values are those of the patient record "
             "(`record-format.md`), so a row reads back into the record's terms.", "",
             "## De-identified files (`--deidentify`)", "",
             "- `family_name`, `given_name`, `examiner` and `notes` are left out; `birth_date` "
             "becomes `birth_year`.",
             "- `patient_id`, `exam_id` and `surgery_id` hold keyed pseudonyms: HMAC-SHA256 of "
             "the id under the clinic's key (`pseudonym.key` in the data folder, created on first "
             "use, readable by the user only), shortened to 20 hex digits after `P-`. The same key "
             "gives the same pseudonym in every export, so a registry can follow a patient.",
             "- Re-identification needs the key: `neuroexam reidentify P-...` finds the stored "
             "patient. Keep the key with the database backups; without it no one can link a "
             "pseudonym back.",
             "- Dates are shifted per patient: every date of one patient (exam, operation, and the "
             "birth date before its year is taken) moves by the same number of days, 1 to "
             f"{MAX_DAY_SHIFT} earlier or later, derived from HMAC-SHA256 of the record id under "
             "the clinic's key. Intervals are kept exactly (`days_since_surgery`, days between "
             "exams: \"day 7 after surgery\" stays day 7), calendar dates and seasons are not. The "
             "same key gives the same shift in every export; without the key the shift cannot be "
             "undone. Shifted dates and the year of birth are still indirect identifiers, so a "
             "de-identified file still needs a data-sharing agreement.",
             "", "## Column order", "",
             "The columns of each kind of file come in the order of the table below, and that order "
             "is stable: a registry may load the file by position. A new column is only ever "
             "appended at the end, with a CHANGELOG entry; none is renamed, moved or removed. The "
             "de-identified file's header is checked against "
             "`tests/data/deidentified-columns.txt` by a test, so a change cannot slip through.",
             "", "## Text cells and spreadsheets", "",
             "Every field is quoted. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a "
             "carriage return gets a leading apostrophe (`'=HYPERLINK(...)`), as OWASP recommends "
             "against CSV formula injection: a spreadsheet then shows it as text instead of running "
             "it. Numbers (a negative `days_since_surgery`) are written as numbers.",
             "", "## Columns", "", "| column | meaning | values | in |", "| --- | --- | --- | --- |"]
    where = {Mode.BOTH: "both", Mode.IDENTIFIED: "identified only",
             Mode.DEIDENTIFIED: "de-identified only"}
    lines += [f"| `{c.name}` | {c.meaning} | {c.values} | {where[c.mode]} |" for c in COLUMNS]
    return "\n".join(lines) + "\n"
