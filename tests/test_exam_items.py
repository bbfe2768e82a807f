"""The catalogue of exam items (core/exam_items.py) is the one description of every item: each
consumer (rest normal, the review's list, the engine's readings, CSV, FHIR out and in, the
clinician report, the exam editor) covers every catalogue entry, so adding a per-side test is one
entry there plus its clinical knowledge and its field in the record."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from reportlab.platypus import Table

from core.engine import assess
from core.engine.readings import reading_map
from core.exam_items import FAMILIES, SIDE_TESTS, Section, SideTest, section_fields
from core.exchange.csv_table import COLUMNS, findings_from_row
from core.exchange.fhir import bundle
from core.exchange.fhir_codes import BODY_SITE, EXAM_ITEM, FINDING_RESULT
from core.exchange.fhir_import import records_from_bundle
from core.knowledge import Side
from core.normal import fill_normal, missing_items
from core.record import Exam, ExamKind, Patient, PatientRecord, PerSide
from core.reports.clinician import other_findings
from core.reports.layout import stylesheet

DAY = dt.date(2026, 3, 2)


def _exam(**fields: Any) -> Exam:
    return Exam(id="e1", date=DAY, kind=ExamKind.INITIAL, **fields)


def _record(exam: Exam) -> PatientRecord:
    return PatientRecord(patient=Patient(id="P-1", family_name="Keyes", given_name="Robin"),
                         exams=[exam])


def _every_value(test: SideTest) -> list[Any]:
    """Each value the test may take: every word and one count (two sides hold two values)."""
    return [*test.words, *(test.count.offered[:1] if test.count else ())]


def test_every_per_side_field_of_the_record_is_in_the_catalogue_and_back() -> None:
    per_side = {name for name, info in Exam.model_fields.items()
                if isinstance(info.annotation, type) and issubclass(info.annotation, PerSide)}
    catalogued = [f.field for f in FAMILIES] + [t.field for t in SIDE_TESTS]
    assert sorted(catalogued) == sorted(per_side)
    assert len(set(catalogued)) == len(catalogued)


def test_every_section_but_red_flags_has_its_items() -> None:
    assert {s for s in Section if section_fields(s)} == set(Section) - {Section.RED_FLAGS}


def test_rest_normal_fills_every_item_with_the_catalogue_normal_and_review_lists_them() -> None:
    empty = _exam()
    missing = missing_items(empty)
    filled = fill_normal(empty)
    for test in SIDE_TESTS:
        for side in Side:
            assert getattr(filled, test.field).get(side) is test.normal
            assert f"{side.value} {test.label.lower()}" in map(str, missing[test.section])
    for family in FAMILIES:
        for side in Side:
            assert getattr(filled, family.field).get(side) == {k: family.normal for k in family.keys}
    assert not any(missing_items(filled).values())


@pytest.mark.parametrize("test", SIDE_TESTS, ids=lambda t: t.field)
def test_readings_cover_every_value_of_every_test(test: SideTest) -> None:
    for value in _every_value(test):
        exam = _exam(**{test.field: {"right": value}})
        found = [(item, reading) for item, reading in reading_map(exam).items()
                 if item.item == test.field]
        assert len(found) == 1, value
        item, reading = found[0]
        assert (item.modality, item.side) == (test.modality, Side.RIGHT)
        severity = test.reading_severity(value)
        assert reading.severity == severity
        assert (severity == 0) == (value == test.normal), value


def test_every_test_has_csv_columns_with_its_label_and_values_that_read_back() -> None:
    by_name = {c.name: c for c in COLUMNS}
    for test in SIDE_TESTS:
        for side in Side:
            column = by_name[f"{test.field}.{side.value}"]
            assert column.meaning == f"{test.label.lower()}, {side.value}"
            assert column.values == test.value_choices()
    for test in SIDE_TESTS:
        for value in _every_value(test):
            exam = _exam(**{test.field: {"left": value}})
            row = {c.name: str(c.cell(_row(exam)) or "") for c in COLUMNS
                   if c.name.startswith(test.field + ".")}
            plain = value if isinstance(value, int) else value.value
            assert findings_from_row(row) == {test.field: {"left": plain}}


def _row(exam: Exam) -> Any:
    from core.exchange.csv_table import ExamRow

    record = _record(exam)
    return ExamRow(record, exam, exam.model_dump(mode="json", exclude_none=True),
                   assess(record, exam.id).as_dict(), None)


def test_fhir_codes_every_test_its_site_its_results_and_its_counts() -> None:
    for test in SIDE_TESTS:
        assert EXAM_ITEM.coding(test.field)["display"] == test.label
        assert BODY_SITE.knows(test.site)
        for word in test.words:
            assert word.value == "NT" or FINDING_RESULT.knows(word.value)
        if test.count is not None:
            assert FINDING_RESULT.knows(test.count.result)
            assert EXAM_ITEM.knows(f"{test.field}.{test.count.code}")


@pytest.mark.parametrize("test", SIDE_TESTS, ids=lambda t: t.field)
def test_every_value_of_every_test_goes_to_fhir_and_comes_back(test: SideTest) -> None:
    values = _every_value(test)
    for value in values:
        exam = _exam(**{test.field: {"left": value, "right": values[0]}})
        document = bundle([_record(exam)], timestamp=dt.datetime(2026, 3, 2, tzinfo=dt.UTC))
        observations = [e["resource"] for e in document["entry"]
                        if e["resource"]["resourceType"] == "Observation"
                        and e["resource"]["code"]["coding"][-1]["code"] == test.field]
        assert len(observations) == 2
        assert {o["code"]["text"] for o in observations} == {test.label}
        back = records_from_bundle(document)[0].exams[0]
        assert getattr(back, test.field).get(Side.LEFT) == value
        assert getattr(back, test.field).get(Side.RIGHT) == values[0]


def _table_rows(flowables: list[Any]) -> list[list[str]]:
    table = next(f for f in flowables if isinstance(f, Table))
    return [[str(cell) for cell in row] for row in table._cellvalues]


def test_the_clinician_report_has_a_row_per_test_with_both_sides() -> None:
    values = {test.field: {"left": _every_value(test)[-1], "right": test.normal}
              for test in SIDE_TESTS}
    exam = _exam(**values)
    rows = {row[0]: row[1:] for row in _table_rows(other_findings(
        assess(_record(exam), exam.id), stylesheet(9)))}
    for test in SIDE_TESTS:
        label = f"{test.label} ({test.report_note})" if test.report_note else test.label
        left = _every_value(test)[-1]
        assert rows[label] == ["–", test.normal.value, "–",
                               str(left if isinstance(left, int) else left.value)]


def test_the_editor_offers_every_test_on_both_sides_and_sets_each_value(qtbot: Any,
                                                                         tmp_path: Any) -> None:
    from core.store import Store
    from gui.exam_editor import ExamEditor
    from gui.session import ExamSession

    store = Store(f"sqlite:///{tmp_path / 'items.db'}", actor="tester")
    exam = _exam()
    record = _record(exam)
    store.save_patient(record.patient)
    revision = store.save_draft("P-1", exam, 0)
    session = ExamSession(store, store.load_record("P-1"), exam, revision)
    editor = ExamEditor(session)
    qtbot.addWidget(editor)
    boxes = {**editor.reflexes.tests.boxes, **editor.function.tests.boxes}
    assert set(boxes) == {(t.field, s) for t in SIDE_TESTS for s in Side}
    for test in SIDE_TESTS:
        for value in _every_value(test):
            box = boxes[(test.field, Side.LEFT)]
            box.activated.emit(box.values.index(value))
            assert getattr(session.exam, test.field).get(Side.LEFT) == value
            assert box.currentText() == test.text(value)
        assert box.toolTip() == test.hint and test.hint  # the entry's widget hint


def test_every_widget_hint_has_its_spanish() -> None:
    from core.i18n import translator

    spanish = translator("es")
    assert [t.field for t in SIDE_TESTS if spanish(t.hint) == t.hint] == []


def test_a_hypothetical_per_side_test_is_one_catalogue_entry_for_every_consumer() -> None:
    """tests/catalogue_extension.py adds a crossed straight leg raise to the catalogue, in a
    fresh interpreter, and checks each consumer (record, record file errors, rest normal, engine,
    edits, CSV, FHIR, report, editor) takes it up with nothing else changed."""
    script = Path(__file__).parent / "catalogue_extension.py"
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                            timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    assert result.stdout.splitlines()[-1] == (
        "9 consumers picked up crossed_straight_leg_raise"), result.stdout
