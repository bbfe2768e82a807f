"""Demographics and operations keep every version, and a signed exam keeps what it was assessed
against: changing an operation afterwards never changes what a signed exam said (issue: nothing
lost; an edited operation turned the demo's signed URGENT exam into PROMPT, unamended)."""

from __future__ import annotations

import datetime as dt
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


def test_a_version_6_database_keeps_what_each_signed_exam_said(db_url: str, engine_name: str,
                                                                store: Store) -> None:
    """Migration 8 turns the whole-record copies of versions 3 to 7 (here 6) into references to
    revisions, and every signed exam reads back the record it was signed against, exactly. The
    expected bases are worked out here from the records of each moment, not read from the
    store."""
    from sqlalchemy import create_engine, text

    from core.record import Exam, ExamKind, ExamStatus
    from core.store.connection import upgrade_database
    from core.store.records import signing_basis

    expected = {(e.id, 1): signing_basis(demo_record(), e.id) for e in demo_record().exams}
    operation = store.load_record("DEMO-0001").surgeries[0]
    store.save_surgery("DEMO-0001", operation.model_copy(update={"side": SurgerySide.RIGHT}))
    draft = Exam(id="late-draft", date=dt.date(2026, 3, 5),  # after the operation, before post-1
                 kind=ExamKind.FOLLOW_UP, status=ExamStatus.DRAFT, notes="before the edit")
    store.save_draft("DEMO-0001", draft, 0)
    stored = store.load_exam("DEMO-0001", "post-1")
    store.amend_exam("DEMO-0001", stored.exam.model_copy(update={"notes": "side corrected"}),
                     stored.revision, "operation side corrected")
    expected[("post-1", 2)] = signing_basis(store.load_record("DEMO-0001"), "post-1")
    store.save_draft("DEMO-0001", draft.model_copy(update={"notes": "edited after"}), 1)
    patient = store.load_record("DEMO-0001").patient
    store.save_patient(patient.model_copy(update={"family_name": "Renamed"}))
    latest = {"pre-1": expected[("pre-1", 1)], "post-1": expected[("post-1", 2)],
              "fu-7w": expected[("fu-7w", 1)]}
    assert store.signed_bases("DEMO-0001") == latest
    assert any(e.id == "late-draft" and e.notes == "before the edit"
               for e in latest["post-1"].exams)
    store.close()

    # The layout version 6 wrote: the whole basis as JSON in "document".
    engine = create_engine(db_url)
    with engine.begin() as connection:
        run = connection.exec_driver_sql
        if engine_name != "sqlite":
            run("ALTER TABLE signed_records DISABLE TRIGGER USER")
        run("ALTER TABLE signed_records ADD COLUMN document TEXT")
        for (exam_id, revision), basis in expected.items():
            connection.execute(text("UPDATE signed_records SET document = :d WHERE exam_id = :e "
                                    "AND revision = :r"),
                               {"d": basis.model_dump_json(exclude_none=True), "e": exam_id,
                                "r": revision})
        run("ALTER TABLE signed_records DROP COLUMN basis")
        if engine_name != "sqlite":
            run("ALTER TABLE signed_records ALTER COLUMN document SET NOT NULL")
            run("ALTER TABLE signed_records ENABLE TRIGGER USER")
        run("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
        stored_rows = connection.execute(text("SELECT count(*) FROM signed_records")).scalar()
    engine.dispose()
    assert stored_rows == len(expected)

    if engine_name != "sqlite":
        upgrade_database(db_url)  # a server is upgraded by its administrator
    with Store(db_url) as upgraded:
        assert upgraded.signed_bases("DEMO-0001") == latest
        for exam_id, basis in latest.items():
            assert upgraded.record_as_signed("DEMO-0001", exam_id) == basis
        with upgraded.engine.connect() as connection:
            rows = {(row.exam_id, row.revision): json.loads(row.basis) for row in connection.execute(
                text("SELECT exam_id, revision, basis FROM signed_records"))}
    # Each part names the revision of its day: post-1 signed first against the operation's
    # first version, amended against its second; the draft of that day is kept whole.
    assert rows[("post-1", 1)]["surgeries"] == [{"id": operation.id, "revision": 1}]
    assert rows[("post-1", 2)]["surgeries"] == [{"id": operation.id, "revision": 2}]
    assert rows[("post-1", 2)]["patient"] == {"id": "DEMO-0001", "revision": 1}
    kept_whole = [part for part in rows[("post-1", 2)]["exams"] if "document" in part]
    assert [part["id"] for part in kept_whole] == ["late-draft"]
