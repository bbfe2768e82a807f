"""The patient record: round trips, readable rejection of bad input, schema, atomic writes."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import record_documents

from core import recordio
from core.recordio import (
    MAX_RECORD_BYTES,
    RecordError,
    dumps_record,
    dumps_schema,
    parse_record,
    read_record,
    write_atomic,
    write_record,
)

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parents[1]


@pytest.fixture
def document() -> dict[str, Any]:
    return json.loads((DATA / "record-v1.json").read_text())


def problems_of(document: Any) -> list[str]:
    with pytest.raises(RecordError) as caught:
        parse_record(json.dumps(document))
    return [str(p) for p in caught.value.problems]


def test_round_trip_is_identical(document: dict[str, Any]) -> None:
    text = (DATA / "record-v1.json").read_text()
    assert dumps_record(parse_record(text)) == text


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(record_documents())
def test_any_valid_record_survives_the_round_trip(generated: dict[str, Any]) -> None:
    record = parse_record(json.dumps(generated))
    again = parse_record(dumps_record(record))
    assert again == record
    assert dumps_record(again) == dumps_record(record)


def test_version_1_file_keeps_loading() -> None:
    record = read_record(DATA / "record-v1.json")
    assert record.format_version == 1 and record.patient.id == "DEMO-0001"


@pytest.mark.parametrize(
    ("mutate", "path", "words"),
    [
        (lambda d: d["exams"][0]["motor"]["left"].update(great_toe_extension="6"),
         "exams[0].motor.left.great_toe_extension", '"6" is not a valid MRC grade; allowed: "0"'),
        (lambda d: d["exams"][0]["motor"]["left"].update(big_toe="4"),
         "exams[0].motor.left.big_toe", "unknown muscle \"big_toe\"; allowed: hip_flexion"),
        (lambda d: d["exams"][0]["motor"].update(lef={}),
         "exams[0].motor.lef", "'lef' is not a side; allowed: left, right"),
        (lambda d: d["exams"][1].update(date="2026-02-30"),
         "exams[1].date", "is not a date"),
        (lambda d: d["exams"][1].update(surgery_id="op-9"),
         "exams[1].surgery_id", "unknown surgery 'op-9'"),
        (lambda d: d["exams"][0]["light_touch"]["left"].update(L5=3),
         "exams[0].light_touch.left.L5", "3 is not a valid sensory grade; allowed: 0, 1, 2, \"NT\""),
        (lambda d: d["exams"][0]["reflexes"]["left"].update(achilles="brisk"),
         "exams[0].reflexes.left.achilles", "not a valid reflex grade"),
        (lambda d: d["exams"][0].update(colour="blue"),
         "exams[0].colour", "unknown field 'colour'"),
        (lambda d: d["exams"].append(copy.deepcopy(d["exams"][0])),
         "exams[3].id", "duplicate exam id"),
        (lambda d: d["patient"].update(sex="f"),
         "patient.sex", "allowed: 'female', 'male', 'other' or 'unknown'"),
        (lambda d: d["exams"][0]["clonus"].update(left="often"),
         "exams[0].clonus.left", "number of beats"),
        (lambda d: d["exams"][0]["pain"].update(leg=11),
         "exams[0].pain.leg", "less than or equal to 10"),
    ],
    ids=["impossible-grade", "unknown-muscle", "misspelt-side", "not-a-date", "unknown-surgery",
         "impossible-sensation", "impossible-reflex", "unknown-key", "duplicate-exam",
         "unknown-sex", "bad-clonus", "pain-out-of-range"],
)
def test_bad_input_is_rejected_with_its_path(document: dict[str, Any], mutate: Any, path: str,
                                             words: str) -> None:
    mutate(document)
    problems = problems_of(document)
    assert any(p.startswith(f"{path}: ") and words in p for p in problems), problems


def test_every_problem_is_listed_not_only_the_first(document: dict[str, Any]) -> None:
    document["exams"][0]["motor"]["left"]["hip_flexion"] = "9"
    document["exams"][1]["date"] = "yesterday"
    document["patient"]["sex"] = "?"
    assert len(problems_of(document)) == 3


def test_a_reason_for_a_value_that_is_not_nt_is_refused(document: dict[str, Any]) -> None:
    document["exams"][0]["nt_reasons"] = {"motor.left.hip_flexion": "pain"}
    assert any("not NT" in p for p in problems_of(document))


def test_json_true_is_not_a_sensory_grade(document: dict[str, Any]) -> None:
    document["exams"][0]["pin_prick"]["left"]["L4"] = True
    assert any("true is not a valid sensory grade" in p for p in problems_of(document))


def test_text_that_is_not_json_is_refused_with_its_position() -> None:
    with pytest.raises(RecordError, match=r"not JSON \(line 2, column"):
        parse_record('{"format":\n  nope}')


def test_other_documents_are_refused(document: dict[str, Any]) -> None:
    with pytest.raises(RecordError, match="expected a JSON object"):
        parse_record("[1, 2]")
    document["format"] = "something-else"
    with pytest.raises(RecordError, match="format: expected 'neuroexam.patient-record'"):
        parse_record(json.dumps(document))


def test_a_newer_format_version_is_refused_plainly(document: dict[str, Any]) -> None:
    document["format_version"] = 7
    with pytest.raises(RecordError, match="written by a newer NeuroExam"):
        parse_record(json.dumps(document))


def test_a_file_of_50_mb_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert big.stat().st_size > MAX_RECORD_BYTES
    with pytest.raises(RecordError, match="50.0 MiB; records larger than 32 MiB are refused"):
        read_record(big)


def test_registered_migration_runs_on_old_versions(document: dict[str, Any],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A later version registers a step; version-1 documents pass through it."""
    seen: list[int] = []

    def step(old: dict[str, Any]) -> dict[str, Any]:
        seen.append(old["format_version"])
        return old

    monkeypatch.setitem(recordio.MIGRATIONS, 1, step)
    migrated = recordio.migrate(copy.deepcopy(document), target=2)
    assert seen == [1] and migrated["format_version"] == 2


def test_committed_schema_is_current() -> None:
    committed = (ROOT / "assets" / "schema" / "patient-record.schema.json").read_text()
    assert committed == dumps_schema(), "run `make docs` to regenerate the schema"


def test_write_is_atomic_when_the_disk_fails(tmp_path: Path, document: dict[str, Any],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "patient.json"
    write_record(target, parse_record(json.dumps(document)))
    before = target.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"half a record")
    assert target.read_bytes() == before
    assert not list(tmp_path.glob(".patient.json.*")), "temporary file left behind"


def test_written_files_are_readable_by_the_owner_only(tmp_path: Path,
                                                      document: dict[str, Any]) -> None:
    target = tmp_path / "patient.json"
    write_record(target, parse_record(json.dumps(document)))
    assert target.stat().st_mode & 0o777 == 0o600
