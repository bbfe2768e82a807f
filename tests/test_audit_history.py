"""A patient's audit history: openings and exports are in it on every engine (by the store on
SQLite, stamped by the server in clinic mode), signatures name their signer, and the app shows
it."""

from __future__ import annotations

import datetime as dt
import io
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from core.demo import demo_record
from core.exchange.export import ExportFormat, ExportRequest, export
from core.exchange.fhir import bundle
from core.exchange.fhir_import import records_from_bundle
from core.record import ExamStatus, PatientRecord, Signer
from core.reports.clinician import clinician_report
from core.reports.handout import patient_handout
from core.settings import Settings
from core.store import Store
from core.store.audit import describe_action


def test_opening_and_exporting_a_record_are_audited(db_url: str, tmp_path: Path) -> None:
    with Store(db_url, actor="dr.who") as store:
        store.import_record(demo_record())
        record = store.open_record("DEMO-0001")
        assert record.patient.id == "DEMO-0001"
        for kind in (ExportFormat.JSON, ExportFormat.FHIR):
            export(store, ExportRequest(["DEMO-0001"], kind, tmp_path / f"out.{kind.value}"),
                   Settings())
        with pytest.raises(LookupError):
            store.open_record("NOBODY")
        history = [entry for entry in store.audit_history("DEMO-0001") if not entry.by_database]
        assert store.audit_history("NOBODY") == []
    newest = [(entry.action, entry.what, entry.actor) for entry in history[:3]]
    assert newest == [("record_exported", "record exported", "dr.who"),
                      ("record_exported", "record exported", "dr.who"),
                      ("record_opened", "record opened", "dr.who")]
    assert "fhir" in history[0].detail and "json" in history[1].detail
    assert history[-1].action == "record_imported"
    assert all(entry.at.tzinfo is not None for entry in history)
    assert [entry.at for entry in history] == sorted((entry.at for entry in history),
                                                     reverse=True)


def test_a_workstation_signature_names_the_os_account_and_the_examiner(db_url: str) -> None:
    with Store(db_url, actor="jdoe") as store:
        if store.login is not None:
            pytest.skip("the owner of a server is not a workstation user")
        store.import_record(demo_record())
        exam = store.load_exam("DEMO-0001", "post-1").exam.model_copy(
            update={"id": "mine", "status": ExamStatus.DRAFT})
        revision = store.save_draft("DEMO-0001", exam, 0)
        assert not store.asks_password_to_sign
        store.sign_exam("DEMO-0001", exam, revision, "Dr Jane Doe")
        signed = store.load_exam("DEMO-0001", "mine").exam
        entry = store.audit_history("DEMO-0001")[0]
    assert signed.signed_by is not None and signed.signed_by.text() == "Dr Jane Doe (jdoe)"
    assert (entry.action, entry.detail) == ("exam_signed",
                                            "revision 2, signed by Dr Jane Doe (jdoe)")


def test_the_servers_own_rows_are_described() -> None:
    assert describe_action("db_exams_update") == "database: exams update"
    assert describe_action("exam_amended") == "signed exam amended"


@pytest.fixture
def madrid(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's clock in Madrid (CET in March): times are shown local, stored UTC."""
    monkeypatch.setenv("TZ", "Europe/Madrid")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def signed_by_ada() -> PatientRecord:
    record = demo_record()
    exam = record.exam("post-1")
    assert exam is not None and exam.status is ExamStatus.SIGNED
    exam.signed_by = Signer(login="ada", name="Dr Ada Lovelace")
    exam.signed_at = dt.datetime(2026, 3, 9, 9, 42, tzinfo=dt.UTC)
    return record


def test_both_pdfs_name_the_signer_and_the_local_time(madrid: None) -> None:
    record = signed_by_ada()
    for pdf in (clinician_report(record, "post-1", Settings(), deterministic=True),
                patient_handout(record, "post-1", Settings(), deterministic=True)):
        text = " ".join(" ".join(page.extract_text().split())
                        for page in PdfReader(io.BytesIO(pdf)).pages)
        assert "Signed by Dr Ada Lovelace (ada) at 2026-03-09 10:42 CET (09:42 UTC)." in text
    draft = record.model_copy(deep=True)
    exam = draft.exam("post-1")
    assert exam is not None
    exam.status, exam.signed_by, exam.signed_at = ExamStatus.DRAFT, None, None
    handout = patient_handout(draft, "post-1", Settings(), deterministic=True)
    assert "Signed by" not in " ".join(p.extract_text() for p in PdfReader(io.BytesIO(handout)).pages)


def test_the_fhir_export_names_the_signer_and_reads_it_back() -> None:
    record = signed_by_ada()
    document = bundle([record])
    reports = [entry["resource"] for entry in document["entry"]
               if entry["resource"]["resourceType"] == "DiagnosticReport"
               and {"system": "http://neuroexam.example.org/fhir/identifier/exam",
                    "value": "post-1"} in entry["resource"]["identifier"]]
    interpreter = reports[0]["resultsInterpreter"]
    assert interpreter[0]["display"] == "Dr Ada Lovelace"
    assert interpreter[0]["identifier"]["value"] == "ada"
    assert reports[0]["issued"] == "2026-03-09T09:42:00+00:00"
    back = records_from_bundle(document)[0].exam("post-1")
    assert back is not None and back.signed_by == Signer(login="ada", name="Dr Ada Lovelace")
