"""Demographics and operations keep every version, and a signed exam keeps what it was assessed
against: changing an operation afterwards never changes what a signed exam said (issue: nothing
lost; an edited operation turned the demo's signed URGENT exam into PROMPT, unamended)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.demo import demo_record
from core.engine import assess
from core.engine.summary import assessment_text
from core.record import DiscLevel, Patient, Surgery, SurgerySide
from core.store import ConflictError, Store
from core.store.records import changed_since_signing


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """The demo patient's record, on each engine (SQLite, and PostgreSQL when it can run)."""
    opened = Store(db_url, actor="Dr Ortiz")
    opened.import_record(demo_record())
    yield opened
    opened.close()


def test_an_edited_operation_keeps_its_earlier_version(store: Store) -> None:
    before = store.load_record("DEMO-0001").surgeries[0]
    store.save_surgery("DEMO-0001", before.model_copy(update={"level": DiscLevel.L5_S1}))
    history = [h for h in store.record_history("DEMO-0001") if h.kind == "surgery"]
    assert [h.revision for h in history] == [1, 2]
    assert Surgery.model_validate_json(history[0].document) == before
    assert Surgery.model_validate_json(history[1].document).level is DiscLevel.L5_S1
    assert history[1].saved_by == "Dr Ortiz"
    details = [e["detail"] for e in store.audit_entries("DEMO-0001")]
    assert f"{before.id}, revision 2" in details


def test_edited_demographics_keep_their_earlier_version(store: Store) -> None:
    patient = store.load_record("DEMO-0001").patient
    store.save_patient(patient.model_copy(update={"family_name": "Renamed"}))
    versions = [Patient.model_validate_json(h.document).family_name
                for h in store.record_history("DEMO-0001") if h.kind == "patient"]
    assert versions == [patient.family_name, "Renamed"]


def test_a_signed_exam_says_what_it_said_when_signed(store: Store) -> None:
    signed_text = assessment_text(assess(store.load_record("DEMO-0001"), "post-1"))
    operation = store.load_record("DEMO-0001").surgeries[0]
    store.save_surgery("DEMO-0001", operation.model_copy(update={"side": SurgerySide.RIGHT,
                                                                 "level": DiscLevel.L5_S1}))
    current = store.load_record("DEMO-0001")
    assert assessment_text(assess(current, "post-1")) != signed_text  # the edit matters
    as_signed = store.record_as_signed("DEMO-0001", "post-1")
    assert as_signed is not None
    assert assessment_text(assess(as_signed, "post-1")) == signed_text
    assert changed_since_signing(as_signed, current) == [f"operation {operation.id}"]
    assert store.signed_bases("DEMO-0001")["post-1"] == as_signed


def test_an_amendment_is_assessed_against_the_records_of_its_day(store: Store) -> None:
    operation = store.load_record("DEMO-0001").surgeries[0]
    store.save_surgery("DEMO-0001", operation.model_copy(update={"side": SurgerySide.RIGHT}))
    stored = store.load_exam("DEMO-0001", "post-1")
    store.amend_exam("DEMO-0001", stored.exam.model_copy(update={"notes": "side corrected"}),
                     stored.revision, "operation side corrected")
    current = store.load_record("DEMO-0001")
    as_signed = store.record_as_signed("DEMO-0001", "post-1")
    assert as_signed is not None and changed_since_signing(as_signed, current) == []
    assert as_signed.surgeries[0].side is SurgerySide.RIGHT


def test_an_earlier_exam_amended_later_is_named_as_a_change(store: Store) -> None:
    stored = store.load_exam("DEMO-0001", "pre-1")
    store.amend_exam("DEMO-0001", stored.exam.model_copy(update={"notes": "late entry"}),
                     stored.revision, "late entry")
    as_signed = store.record_as_signed("DEMO-0001", "post-1")
    assert as_signed is not None
    changed = changed_since_signing(as_signed, store.load_record("DEMO-0001"))
    assert len(changed) == 1 and changed[0].startswith("exam pre-1")


def test_adding_an_operation_whose_id_was_taken_meanwhile_is_refused(store: Store) -> None:
    taken = store.load_record("DEMO-0001").surgeries[0]
    with pytest.raises(ConflictError, match="exists already"):
        store.save_surgery("DEMO-0001", taken.model_copy(update={"level": DiscLevel.L3_L4}),
                           new=True)
    assert store.load_record("DEMO-0001").surgeries == [taken]


def test_exports_say_what_a_signed_exam_said_when_signed(store: Store, tmp_path: Path) -> None:
    from core.exchange.export import ExportFormat, ExportRequest, export
    from core.settings import Settings

    def exported(kind: ExportFormat, name: str) -> str:
        out = tmp_path / name
        export(store, ExportRequest(["DEMO-0001"], kind, out), Settings())
        return out.read_text(encoding="utf-8-sig")

    def conclusion(bundle_text: str) -> str:
        bundle = json.loads(bundle_text)
        reports = [e["resource"] for e in bundle["entry"]
                   if e["resource"]["resourceType"] == "DiagnosticReport"
                   and "post-1" in json.dumps(e["resource"].get("identifier", []))]
        assert len(reports) == 1
        return str(reports[0]["conclusion"])

    csv_before = exported(ExportFormat.CSV, "before.csv")
    fhir_before = conclusion(exported(ExportFormat.FHIR, "before.json"))
    operation = store.load_record("DEMO-0001").surgeries[0]
    store.save_surgery("DEMO-0001", operation.model_copy(update={"side": SurgerySide.RIGHT,
                                                                 "level": DiscLevel.L5_S1}))
    assert conclusion(exported(ExportFormat.FHIR, "after.json")) == fhir_before
    csv_after = exported(ExportFormat.CSV, "after.csv")
    # The operation columns show today's record; every assessment column is as signed.
    post_before = next(line for line in csv_before.splitlines() if '"post-1"' in line)
    post_after = next(line for line in csv_after.splitlines() if '"post-1"' in line)
    triage_before = [cell for cell in post_before.split('","') if "UR-" in cell or "PR-" in cell]
    triage_after = [cell for cell in post_after.split('","') if "UR-" in cell or "PR-" in cell]
    assert triage_before and triage_after == triage_before
