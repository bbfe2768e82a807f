"""Hostile JSON: refusals naming the path and the limit, never a traceback; signing times need a
time zone (FHIR's ``issued`` and the report's "UTC" depend on it)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from core.demo import demo_record
from core.exchange.fhir import bundle
from core.exchange.records_file import parse_records
from core.recordio import MAX_JSON_DEPTH, MAX_NUMBER_LENGTH, RecordError, parse_record


def demo_document() -> dict:
    return demo_record().to_json_dict()


def refusal(text: str) -> str:
    with pytest.raises(RecordError) as caught:
        parse_records(text, "hostile.json")
    return str(caught.value)


def test_deep_arrays_are_refused_not_a_recursion_error() -> None:
    assert f"more than {MAX_JSON_DEPTH} levels" in refusal("[" * 100_000 + "]" * 100_000)
    document = json.dumps(demo_document()).replace('"notes": "', '"notes": ' + "[" * 60 + "]" * 60
                                                   + ', "x": "', 1)
    message = refusal(document)
    assert "exams[" in message and f"more than {MAX_JSON_DEPTH} levels" in message


def test_huge_integer_is_refused_with_its_path() -> None:
    text = json.dumps(demo_document()).replace('"leg": ', '"leg": ' + "9" * 5000 + ", \"x\": ", 1)
    message = refusal(text)
    assert ".pain.leg: a number of 5000 digits" in message
    assert f"longer than {MAX_NUMBER_LENGTH} characters" in message


@pytest.mark.parametrize("number", ["1e999", "-Infinity", "NaN"])
def test_numbers_json_cannot_hold_are_refused(number: str) -> None:
    text = json.dumps(demo_document()).replace('"leg": ', f'"leg": {number}, "x": ', 1)
    assert ".pain.leg:" in refusal(text)


def signed(value: str) -> str:
    document = demo_document()
    exam = next(e for e in document["exams"] if e.get("signed_at"))
    exam["signed_at"] = value
    return json.dumps(document)


def test_signing_time_without_time_zone_is_refused() -> None:
    message = refusal(signed("2026-01-05T12:00:00"))
    assert ".signed_at: a moment without a time zone" in message


def test_signing_time_in_another_zone_is_kept_as_utc_and_exports() -> None:
    record = parse_record(signed("2026-01-05T13:30:00+01:00"))
    exam = next(e for e in record.exams if e.signed_at)
    assert exam.signed_at == dt.datetime(2026, 1, 5, 12, 30, tzinfo=dt.UTC)
    assert exam.signed_at.utcoffset() == dt.timedelta(0)
    assert bundle([record])["entry"]
