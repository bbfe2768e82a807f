"""Run by tests/test_exam_items.py in a fresh interpreter: a hypothetical per-side test (a crossed
straight leg raise, worded or counted as an angle) is added to a copy of the catalogue before
anything reads it, and every consumer is checked to pick it up: the record and its JSON Schema,
the record file's message for a count out of bounds, rest normal and the review's list, the
engine's readings, the undo words, CSV out and back, FHIR out, its code systems and back, the
clinician report and the exam editor. The test is one entry (with its widget hint); its
clinical knowledge would only add it to the localisation table, which it does not need here. Its
Spanish words (core/locales/es.py) and `make docs` are left out: the suite's own tests ask for
them (tests/test_i18n.py, tests/test_exchange.py), and docs/architecture.md lists them.

Prints one line per consumer and exits 0; an assertion names the consumer that missed it."""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import core.exam_items as catalogue  # noqa: E402  (before every consumer, on purpose)
from core.exam_items import Count, Modality, Section, SideTest  # noqa: E402


class CrossedSlr(StrEnum):
    """The hypothetical test's values (its knowledge would live in core/knowledge.py)."""

    NEGATIVE = "negative"
    POSITIVE = "positive"
    NT = "NT"


NEW = SideTest("crossed_straight_leg_raise", "Crossed straight leg raise", Section.FUNCTION,
               Modality.PROVOCATIVE, CrossedSlr, CrossedSlr.NEGATIVE,
               {CrossedSlr.NEGATIVE: 0.0, CrossedSlr.POSITIVE: 1.5}, "lower-limb",
               hint="Raise the other leg: positive when it brings on pain in this one.",
               csv_values="negative, positive, NT, or the angle where it turned positive",
               count=Count("angle", "Angle at which the crossed straight leg raise turned "
                           "positive", "positive", "positive at {}°", (30, 50, 70),
                           lambda angle: 1 + (90 - angle) / 90, (0, 90),
                           "the angle in degrees (0-90) at which it was positive",
                           unit=("deg", "degrees")))
catalogue.SIDE_TESTS = (*catalogue.SIDE_TESTS, NEW)
catalogue.SIDE_TEST[NEW.field] = NEW
FIELD, LABEL = NEW.field, NEW.label
checked: list[str] = []


def ok(consumer: str) -> None:
    checked.append(consumer)
    print(f"ok  {consumer}")


def main() -> None:
    from core.knowledge import Side
    from core.record import Exam, ExamKind, Patient, PatientRecord

    exam = Exam(id="e1", date=dt.date(2026, 3, 2), kind=ExamKind.INITIAL,
                **{FIELD: {"left": CrossedSlr.POSITIVE}})
    assert exam.side_test(FIELD, Side.LEFT) is CrossedSlr.POSITIVE, "record"
    assert FIELD in PatientRecord.model_json_schema()["$defs"]["Exam"]["properties"], "schema"
    round_trip = Exam.model_validate_json(exam.model_dump_json())
    assert round_trip == exam, "record JSON"
    ok("record field, JSON and JSON Schema")

    record = PatientRecord(patient=Patient(id="P-1", family_name="Keyes", given_name="Robin"),
                           exams=[exam])

    from core.recordio import RecordError, record_from_document

    document = record.model_dump(mode="json")
    document["exams"][0][FIELD]["right"] = 45
    assert record_from_document(document).exams[0].side_test(FIELD, Side.RIGHT) == 45
    document["exams"][0][FIELD]["right"] = 120
    try:
        record_from_document(document)
        raise AssertionError("record file: 120 degrees accepted")
    except RecordError as error:
        message = str(error)
    assert f"exams[0].{FIELD}.right: 120: expected" in message, message
    assert "the angle in degrees (0-90) at which it was positive" in message, message
    ok("record file: a count within bounds, a clear message outside them")

    from core.normal import fill_normal, missing_items

    assert f"right {LABEL.lower()}" in map(str, missing_items(exam)[Section.FUNCTION]), "review"
    assert fill_normal(exam).side_test(FIELD, Side.RIGHT) is CrossedSlr.NEGATIVE, "rest normal"
    ok("rest normal and the review's list of what was not examined")

    from core.engine.readings import reading_map

    found = {item: r for item, r in reading_map(exam).items() if item.item == FIELD}
    assert [(i.modality, i.side, r.severity) for i, r in found.items()] == [
        (Modality.PROVOCATIVE, Side.LEFT, 1.5)], found
    from core.engine import assess

    assess(record, "e1")  # the whole engine runs over it
    ok("engine readings and assessment")

    from core.edits import SetSideTest
    from core.i18n import translator

    edit = SetSideTest(NEW, Side.RIGHT, CrossedSlr.POSITIVE)
    assert edit.words() == f"{LABEL}, right: positive", edit.words()
    assert edit.inverse(exam).applied_to(edit.applied_to(exam)) == exam
    assert edit.words(translator("es")).startswith(LABEL)  # untranslated, still readable
    ok("edits: undo words and inverse")

    from core.exchange.csv_table import COLUMNS, ExamRow, findings_from_row

    names = [c.name for c in COLUMNS]
    at = names.index("femoral_stretch.right")
    assert names[at + 1:at + 3] == [f"{FIELD}.left", f"{FIELD}.right"], "CSV columns"
    row = ExamRow(record, exam, exam.model_dump(mode="json", exclude_none=True),
                  assess(record, "e1").as_dict(), None)
    cells = {c.name: str(c.cell(row) or "") for c in COLUMNS if c.name.startswith(FIELD + ".")}
    assert findings_from_row(cells) == {FIELD: {"left": "positive"}}, cells
    ok("CSV columns, values and reading back")

    from core.exchange.fhir import bundle
    from core.exchange.fhir_codes import EXAM_ITEM, FINDING_RESULT
    from core.exchange.fhir_import import records_from_bundle

    assert EXAM_ITEM.coding(FIELD)["display"] == LABEL and FINDING_RESULT.knows("positive")
    document = bundle([record], timestamp=dt.datetime(2026, 3, 2, tzinfo=dt.UTC))
    observations = [e["resource"] for e in document["entry"]
                    if e["resource"]["resourceType"] == "Observation"
                    and e["resource"]["code"]["coding"][-1]["code"] == FIELD]
    assert [o["code"]["text"] for o in observations] == [LABEL], observations
    back = records_from_bundle(document)[0].exams[0]
    assert back.side_test(FIELD, Side.LEFT) is CrossedSlr.POSITIVE, "FHIR import"
    ok("FHIR observation, code systems and import")

    from reportlab.platypus import Table

    from core.reports.clinician import other_findings
    from core.reports.layout import stylesheet

    flowables: list[Any] = other_findings(assess(record, "e1"), stylesheet(9))
    table = next(f for f in flowables if isinstance(f, Table))
    rows = {str(r[0]): [str(c) for c in r[1:]] for r in table._cellvalues}
    assert rows[LABEL] == ["–", "–", "–", "positive"], rows.get(LABEL)
    ok("clinician report row")

    from PySide6.QtWidgets import QApplication

    from gui.steps.function import FunctionStep

    app = QApplication.instance() or QApplication([])
    step = FunctionStep()
    box = step.tests.boxes[(FIELD, Side.LEFT)]
    chosen: list[Any] = []
    step.edited.connect(chosen.append)
    box.activated.emit(box.values.index(CrossedSlr.POSITIVE))
    assert chosen == [SetSideTest(NEW, Side.LEFT, CrossedSlr.POSITIVE)], chosen
    assert box.toolTip() == NEW.hint, "widget hint"
    step.tests.show_exam(exam, None)
    assert box.currentText() == "positive"
    del app
    ok("exam editor: choices, edit and widget hint")


if __name__ == "__main__":
    main()
    print(f"{len(checked)} consumers picked up {FIELD}")
