"""Registry export: one CSV per follow-up interval, recovery rates per muscle, pain scores."""

from __future__ import annotations

import csv
import datetime as dt
import io
import stat
from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.demo import demo_record
from core.exchange.pseudonyms import Pseudonymiser
from core.exchange.registry import INTERVALS, file_name, registry_markdown, write_registry
from core.grades import MotorGrade
from core.record import PatientRecord
from core.recordio import record_from_document
from core.store import Store

ROOT = Path(__file__).resolve().parents[1]
KEY = Pseudonymiser(b"k" * 32)


def with_follow_ups() -> PatientRecord:
    """The demo patient (operated 2026-03-02) with exams at days 88, 95 (draft), 150 and 360."""
    document = demo_record().to_json_dict()
    template = next(e for e in document["exams"] if e["id"] == "fu-7w")
    surgery_day = dt.date(2026, 3, 2)
    for exam_id, day, status, grade in (("fu-3m", 88, "signed", "4+"),
                                        ("fu-3m-draft", 95, "draft", "2"),
                                        ("fu-5m", 150, "signed", "3"),
                                        ("fu-12m", 360, "signed", "5")):
        exam = {**template, "id": exam_id, "status": status,
                "date": (surgery_day + dt.timedelta(days=day)).isoformat(),
                "motor": {**template["motor"], "left": {**template["motor"]["left"],
                                                        "great_toe_extension": grade}},
                "pain": {"leg": 0, "back": 2}}
        if status == "draft":
            exam.pop("signed_at", None)
        document["exams"].append(exam)
    return record_from_document(document)


def written(tmp_path: Path, records: list[PatientRecord]) -> dict[str, list[dict[str, str]]]:
    write_registry(tmp_path, records, KEY)
    return {interval.name: list(csv.DictReader(io.StringIO(
        (tmp_path / file_name(interval)).read_text("utf-8-sig")))) for interval in INTERVALS}


def rate(before: str, now: str) -> str:
    b, n = MotorGrade(before).mrc, MotorGrade(now).mrc
    return f"{(n - b) / (5 - b) * 100:.1f}"


def test_each_interval_holds_the_nearest_signed_exam_in_its_window(tmp_path: Path) -> None:
    files = written(tmp_path, [with_follow_ups()])
    days = {name: [row["days_since_surgery"] for row in rows] for name, rows in files.items()}
    assert days == {"preoperative": ["-10"], "6-weeks": ["49"], "3-months": ["88"],
                    "12-months": ["360"]}


def test_recovery_rates_per_muscle_against_the_preoperative_baseline(tmp_path: Path) -> None:
    record = with_follow_ups()
    files = written(tmp_path, [record])
    baseline = record.exam("pre-1")
    assert baseline is not None and baseline.motor.left is not None
    before = baseline.motor.left
    weak = [m for m, g in before.items() if g.mrc < 5]
    assert weak, "the demo patient is weak before the operation"
    for name, exam_id in (("6-weeks", "fu-7w"), ("3-months", "fu-3m"), ("12-months", "fu-12m")):
        (row,) = files[name]
        exam = record.exam(exam_id)
        assert exam is not None and exam.motor.left is not None
        for muscle in weak:
            expected = rate(before[muscle].value, exam.motor.left[muscle].value)
            assert row[f"recovery.left.{muscle.value}"] == expected, (name, muscle)
            assert row[f"motor.left.{muscle.value}"] == exam.motor.left[muscle].value
        strong = next(m for m, g in before.items() if g.mrc == 5)
        assert row[f"recovery.left.{strong.value}"] == ""
    assert files["12-months"][0]["recovery.left.great_toe_extension"] == "100.0"
    assert files["12-months"][0]["pain.leg"] == "0"
    assert all(value == "" for key, value in files["preoperative"][0].items()
               if key.startswith("recovery."))


def test_registry_files_are_deidentified_private_and_documented(tmp_path: Path) -> None:
    record = with_follow_ups()
    write_registry(tmp_path, [record], KEY)
    for interval in INTERVALS:
        path = tmp_path / file_name(interval)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        text = path.read_text("utf-8-sig")
        for secret in (record.patient.id, record.patient.family_name, "2026-", "fu-7w"):
            assert secret not in text
    page = (ROOT / "docs" / "registry-export.md").read_text("utf-8")
    assert page == registry_markdown(), "run `make docs`"


@pytest.mark.parametrize("name", [i.name for i in INTERVALS])
def test_cli_writes_every_interval_file(tmp_path: Path, name: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    store = Store(f"sqlite:///{tmp_path / 'clinic.db'}")
    store.import_records([with_follow_ups()])
    assert main(["registry", "--out", str(tmp_path / "out"), "--database", store.url,
                 "--key-file", str(tmp_path / "key")]) == 0
    rows: list[dict[str, Any]] = list(csv.DictReader(io.StringIO(
        (tmp_path / "out" / f"registry-{name}.csv").read_text("utf-8-sig"))))
    assert len(rows) == 1
    assert "registry-" not in capsys.readouterr().err
