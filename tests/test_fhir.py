"""FHIR for hospital systems: transactions a server can apply twice, identifiers, codes, statuses,
checked with the official R4 JSON Schema as well as fhir.resources."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir_server import FhirServer
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft6Validator
from jsonschema.exceptions import best_match
from strategies import record_documents
from vignettes import CASES, build_record

from core.cli import main
from core.demo import demo_record
from core.exchange.fhir import BundleType, FhirOptions, bundle
from core.exchange.fhir_codes import CODE_SYSTEMS
from core.exchange.fhir_import import records_from_bundle
from core.i18n import Language
from core.record import ExamStatus
from core.recordio import RecordError, record_from_document
from core.settings import Settings
from core.store import Store

ROOT = Path(__file__).resolve().parents[1]
HOSPITAL = "https://hospital.example/fhir/NamingSystem/mrn"
RECORDS = [demo_record()] + [build_record(case) for case in CASES]


@functools.cache
def r4_schema() -> dict[str, Any]:
    """The official FHIR R4 JSON Schema (tests/data/fhir-r4.schema.README.md says whence)."""
    loaded: dict[str, Any] = json.loads(
        (ROOT / "tests" / "data" / "fhir-r4.schema.json").read_text("utf-8"))
    return loaded


@functools.cache
def validator(kind: str) -> Draft6Validator:
    """A validator of one resource type: the schema's own definition, reached by $ref.

    Validating each entry against its type's definition is what the schema's oneOf over every
    resource type does, minus trying the other 145 types first (seconds per Bundle)."""
    return Draft6Validator({**r4_schema(), "oneOf": [{"$ref": f"#/definitions/{kind}"}]})


def _problem(where: str, found: list[Any]) -> list[str]:
    """The most specific error, with its path (the schema's oneOf hides it in the context)."""
    if not found:
        return []
    error = best_match(found)
    return [f"{where}/{'/'.join(map(str, error.absolute_path))}: {error.message[:200]}"]


def schema_errors(document: dict[str, Any]) -> list[str]:
    """Problems the official R4 JSON Schema finds: the Bundle's own fields, then each resource."""
    shell = {**document, "entry": [{k: v for k, v in e.items() if k != "resource"}
                                   for e in document.get("entry", [])]}
    problems = _problem("Bundle", list(validator("Bundle").iter_errors(shell)))
    for index, entry in enumerate(document.get("entry", [])):
        resource = entry["resource"]
        problems += _problem(f"entry/{index}", list(
            validator(resource.get("resourceType", "?")).iter_errors(resource)))
    return problems


def entries(document: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e for e in document["entry"] if e["resource"]["resourceType"] == kind]


@pytest.mark.parametrize("kind", list(BundleType))
@pytest.mark.parametrize("record", RECORDS[:6], ids=lambda r: r.patient.id)
def test_bundles_pass_the_official_r4_json_schema_and_fhir_resources(record: Any,
                                                                     kind: BundleType) -> None:
    document = bundle([record], options=FhirOptions(kind, patient_system=HOSPITAL))
    assert schema_errors(document) == []
    Bundle.model_validate(document)
    assert document["type"] == kind.value


def test_the_schema_check_can_fail() -> None:
    document = bundle([demo_record()])
    document["entry"][0]["request"]["method"] = "MERGE"
    assert "'MERGE' is not one of" in schema_errors(document)[0]
    document = bundle([demo_record()])
    document["entry"][0]["resource"]["gender"] = "robot"
    assert "'robot' is not one of" in schema_errors(document)[0]


def test_the_patient_carries_the_hospital_mrn_with_type_mr() -> None:
    document = bundle([demo_record()], options=FhirOptions(patient_system=HOSPITAL))
    (patient,) = entries(document, "Patient")
    identifier = patient["resource"]["identifier"][0]
    assert identifier["system"] == HOSPITAL and identifier["value"] == "DEMO-0001"
    assert identifier["type"]["coding"] == [{
        "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR",
        "display": "Medical record number"}]
    assert patient["request"] == {"method": "POST", "url": "Patient",
                                  "ifNoneExist": f"identifier={HOSPITAL}|DEMO-0001"}


def test_everything_else_is_a_conditional_update_on_a_stable_identifier() -> None:
    first = bundle([demo_record()], options=FhirOptions(patient_system=HOSPITAL))
    again = bundle([demo_record()], options=FhirOptions(patient_system=HOSPITAL))
    for entry in first["entry"][1:]:
        key = entry["resource"]["identifier"][0]
        assert key["system"] == "urn:ietf:rfc:3986" and key["value"] == entry["fullUrl"]
        assert entry["request"]["method"] == "PUT"
        assert entry["request"]["url"].endswith(f"?identifier=urn:ietf:rfc:3986|{entry['fullUrl']}")
        assert "id" not in entry["resource"]
    assert [e["request"] for e in first["entry"]] == [e["request"] for e in again["entry"]]
    other_clinic = bundle([demo_record()], options=FhirOptions(patient_system=HOSPITAL + "2"))
    assert {e["fullUrl"] for e in other_clinic["entry"]}.isdisjoint(
        e["fullUrl"] for e in first["entry"])


def test_posting_the_same_transaction_twice_changes_nothing() -> None:
    server = FhirServer()
    document = bundle(RECORDS[:3], options=FhirOptions(patient_system=HOSPITAL))
    created = server.transaction(document)
    versions = server.versions()
    assert created["created"] == len(document["entry"])
    assert server.count("Patient") == 3
    again = server.transaction(bundle(RECORDS[:3], options=FhirOptions(patient_system=HOSPITAL)))
    assert again == {"created": 0, "updated": 0, "unchanged": len(document["entry"])}
    assert server.count("Patient") == 3 and server.versions() == versions
    observations = server.resources["Observation"].values()
    assert all(o.resource["subject"]["reference"].startswith("Patient/") for o in observations)


def test_a_collection_posted_as_entries_would_duplicate_which_is_why_transaction_is_default() -> None:
    assert bundle([demo_record()])["type"] == "transaction"
    collection = bundle([demo_record()], options=FhirOptions(BundleType.COLLECTION))
    assert all("request" not in e and "id" in e["resource"] for e in collection["entry"])


def test_an_amended_exam_replaces_its_observations_and_says_why() -> None:
    server = FhirServer()
    record = demo_record()
    server.transaction(bundle([record], options=FhirOptions(patient_system=HOSPITAL)))
    exam = record.exam("post-1")
    assert exam is not None and exam.status is ExamStatus.SIGNED
    document = record.to_json_dict()
    document["exams"][[e["id"] for e in document["exams"]].index("post-1")]["motor"]["left"][
        "hip_flexion"] = "3"
    record = record_from_document(document)
    amended = FhirOptions(patient_system=HOSPITAL,
                          amendments={("DEMO-0001", "post-1"): "wrong side entered"})
    document = bundle([record], options=amended)
    (report,) = [e["resource"] for e in entries(document, "DiagnosticReport")
                 if e["resource"]["identifier"][1]["value"] == "post-1"]
    assert report["status"] == "amended"
    assert {"url": "http://neuroexam.example.org/fhir/StructureDefinition/amendment-reason",
            "valueString": "wrong side entered"} in report["extension"]
    counts = server.transaction(document)
    assert server.count("Patient") == 1 and counts["created"] == 0 and counts["updated"] > 0


def test_reports_have_a_category_and_drafts_are_preliminary() -> None:
    document = bundle([demo_record()])
    for entry in entries(document, "DiagnosticReport"):
        report = entry["resource"]
        assert report["category"][0]["coding"][0]["code"] == "PHY"
        assert report["status"] in ("final", "preliminary")


def test_pain_scores_use_loinc_72514_3_as_separate_observations_for_leg_and_back() -> None:
    document = bundle([demo_record()])
    pain = [e["resource"] for e in entries(document, "Observation")
            if e["resource"]["code"]["coding"][0]["code"] == "72514-3"]
    assert pain, "the demo patient has pain scores"
    sites = {o["code"]["coding"][1]["code"]: o["bodySite"]["coding"][0]["code"] for o in pain}
    assert sites == {"pain.leg": "lower-limb", "pain.back": "lower-back"}
    assert all(isinstance(o["valueInteger"], int) for o in pain)


def value_types(document: dict[str, Any]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for entry in entries(document, "Observation"):
        observation = entry["resource"]
        item = next(c["code"] for c in observation["code"]["coding"]
                    if "neuroexam" in c["system"])
        kinds = {k for k in observation if k.startswith("value")}
        found.setdefault(item, set()).update(kinds)
    return found


def test_each_item_has_one_value_type_across_every_vignette() -> None:
    document = bundle(RECORDS)
    for item, kinds in value_types(document).items():
        assert len(kinds) <= 1, (item, kinds)
    slr = [e["resource"] for e in entries(document, "Observation")
           if e["resource"]["code"]["coding"][0]["code"] == "straight_leg_raise"
           and "component" in e["resource"]]
    assert slr and all(o["component"][0]["valueQuantity"]["code"] == "deg" for o in slr)


def test_own_code_systems_live_under_the_configured_base() -> None:
    base = "https://fhir.clinic.example/neuroexam"
    document = bundle([demo_record()], options=FhirOptions(base=base))
    text = json.dumps(document)
    assert "urn:neuroexam" not in text and "neuroexam.example.org" not in text
    assert f"{base}/CodeSystem/exam-item" in text
    for system in CODE_SYSTEMS:
        published = json.loads((ROOT / "docs" / "fhir" / f"CodeSystem-{system.name}.json")
                               .read_text("utf-8"))
        assert published["url"] == f"http://neuroexam.example.org/fhir/CodeSystem/{system.name}"


def test_cli_writes_a_transaction_by_default_and_a_collection_on_request(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'clinic.db'}")
    store.import_records([demo_record()])
    out = tmp_path / "fhir.json"
    for kind in ("transaction", "collection"):
        flags = [] if kind == "transaction" else ["--fhir-bundle", "collection"]
        assert main(["export", "--all", "--format", "fhir", "--out", str(out), "--database",
                     store.url, *flags]) == 0
        document = json.loads(out.read_text("utf-8"))
        assert document["type"] == kind and schema_errors(document) == []
        assert not any("presentedForm" in e["resource"] for e in document["entry"])


def test_the_settings_name_the_hospital_system(tmp_path: Path) -> None:
    from core.exchange.export import ExportFormat, ExportRequest, export

    store = Store(f"sqlite:///{tmp_path / 'clinic.db'}")
    store.import_records([demo_record()])
    out = tmp_path / "fhir.json"
    export(store, ExportRequest(None, ExportFormat.FHIR, out),
           Settings(fhir_patient_system=HOSPITAL))
    patient = entries(json.loads(out.read_text("utf-8")), "Patient")[0]["resource"]
    assert patient["identifier"][0]["system"] == HOSPITAL


# --------------------------------------------------------------------------------------------
# Import: record -> Bundle -> record, directly and through a server
# --------------------------------------------------------------------------------------------


def pruned(node: Any) -> Any:
    """Without empty objects: a side examined for nothing is no finding."""
    if isinstance(node, dict):
        kept = {k: pruned(v) for k, v in node.items()}
        return {k: v for k, v in kept.items() if v != {}}
    if isinstance(node, list):
        return [pruned(v) for v in node]
    return node


def comparable(record: Any) -> dict[str, Any]:
    """The record as JSON; red flags are a set, so their order is not compared."""
    document: dict[str, Any] = pruned(record.to_json_dict())
    for exam in document["exams"]:
        if "red_flags" in exam:
            exam["red_flags"] = sorted(exam["red_flags"])
    document["exams"].sort(key=lambda e: e["id"])
    return document


@pytest.mark.parametrize("kind", list(BundleType))
def test_every_record_comes_back_from_its_bundle_identical(kind: BundleType) -> None:
    for record in RECORDS:
        document = bundle([record], options=FhirOptions(kind, patient_system=HOSPITAL))
        (back,) = records_from_bundle(document)
        assert comparable(back) == comparable(record), record.patient.id


def test_records_come_back_after_a_server_round_trip_with_server_ids() -> None:
    server = FhirServer()
    server.transaction(bundle(RECORDS, options=FhirOptions(patient_system=HOSPITAL)))
    searchset = server.everything()
    assert all(e["fullUrl"].startswith("http://") for e in searchset["entry"])
    back = {r.patient.id: r for r in records_from_bundle(searchset)}
    assert back.keys() == {r.patient.id for r in RECORDS}
    for record in RECORDS:
        assert comparable(back[record.patient.id]) == comparable(record)


def test_the_preferred_language_travels_as_the_patients_communication() -> None:
    record = demo_record()
    record.patient.preferred_language = Language.ES
    document = bundle([record])
    patient = next(e["resource"] for e in document["entry"]
                   if e["resource"]["resourceType"] == "Patient")
    assert patient["communication"] == [{"language": {"coding": [{
        "system": "urn:ietf:bcp:47", "code": "es", "display": "Spanish"}]}, "preferred": True}]
    (back,) = records_from_bundle(document)
    assert back.patient.preferred_language is Language.ES


def test_nt_reasons_survive_the_round_trip() -> None:
    document = demo_record().to_json_dict()
    document["exams"][0]["motor"]["left"]["great_toe_extension"] = "NT"
    document["exams"][0]["nt_reasons"] = {"motor.left.great_toe_extension": "pain"}
    record = record_from_document(document)
    (back,) = records_from_bundle(bundle([record]))
    assert back.exams_by_date()[0].nt_reasons == {"motor.left.great_toe_extension": "pain"}


def test_nt_reasons_of_every_family_come_back_under_the_catalogues_key() -> None:
    from core.exam_items import FAMILIES
    from core.knowledge import NotTestableReason, Side

    document = demo_record().to_json_dict()
    exam = document["exams"][0]
    expected = {}
    for family, side in zip(FAMILIES, [Side.LEFT, Side.RIGHT] * 2, strict=True):
        key = family.keys[-1]
        exam[family.field].setdefault(side.value, {})[key.value] = "NT"
        expected[family.nt_key(side, key)] = NotTestableReason.UNABLE_TO_COOPERATE
    exam["nt_reasons"] = {k: v.value for k, v in expected.items()}
    (back,) = records_from_bundle(bundle([record_from_document(document)]))
    assert back.exams_by_date()[0].nt_reasons == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record_documents())
def test_any_valid_record_round_trips_through_fhir(document: dict[str, Any]) -> None:
    record = record_from_document(document)
    (back,) = records_from_bundle(bundle([record]))

    def clinical(document: dict[str, Any]) -> list[dict[str, Any]]:
        """Every item, grade and NT reason, and what the exam is; free text is left out (FHIR
        strings cannot be blank or hold control characters, so "  " comes back empty)."""
        return [{k: v for k, v in exam.items() if k not in ("examiner", "notes")}
                for exam in document["exams"]]
    assert clinical(comparable(back)) == clinical(comparable(record))


def test_free_text_with_control_characters_and_blanks_is_cleaned_to_valid_fhir() -> None:
    document = demo_record().to_json_dict()
    document["patient"]["family_name"] = "O\x00'Neil\u2028Smith"
    document["exams"][0]["notes"] = "pain\x0bworse\ton\x1fwalking\r\n"
    document["exams"][0]["examiner"] = " \u00a0 "
    exported = bundle([record_from_document(document)], options=FhirOptions(
        BundleType.COLLECTION))
    assert schema_errors(exported) == []
    (patient,) = [e["resource"] for e in entries(exported, "Patient")]
    assert patient["name"][0]["family"] == "O'Neil Smith"
    report = next(e["resource"] for e in entries(exported, "DiagnosticReport")
                  if e["resource"]["identifier"][0]["value"] == document["exams"][0]["id"])
    assert "performer" not in report
    notes = [x["valueString"] for x in report["extension"] if x["url"].endswith("/exam-note")]
    assert notes == ["painworse\tonwalking\r\n"]  # controls dropped, tab and newlines kept


def test_a_bundle_without_our_data_is_refused_with_the_path(tmp_path: Path) -> None:
    document = bundle([demo_record()])
    report = next(e["resource"] for e in document["entry"]
                  if e["resource"]["resourceType"] == "DiagnosticReport")
    report["effectiveDateTime"] = "yesterday"
    with pytest.raises(RecordError, match=r"Patient\[0\]\.exams\[0\]\.date"):
        records_from_bundle(document)
    with pytest.raises(RecordError, match="holds no Patient"):
        records_from_bundle({"resourceType": "Bundle", "type": "collection", "entry": []})


def test_cli_imports_a_fhir_bundle_into_another_installation(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = Store(f"sqlite:///{tmp_path / 'first.db'}")
    first.import_records(RECORDS[:4])
    out = tmp_path / "export.json"
    assert main(["export", "--all", "--format", "fhir", "--out", str(out), "--database",
                 first.url]) == 0
    second = f"sqlite:///{tmp_path / 'second.db'}"
    assert main(["import", str(out), "--database", second]) == 0
    assert "4 new patients" in capsys.readouterr().out
    for record in RECORDS[:4]:
        assert comparable(Store(second).load_record(record.patient.id)) == comparable(record)


def test_bulk_fhir_is_one_valid_bundle_per_patient_per_line_and_imports_back(
        tmp_path: Path) -> None:
    first = Store(f"sqlite:///{tmp_path / 'first.db'}")
    first.import_records(RECORDS[:4])
    out = tmp_path / "bulk.ndjson"
    assert main(["export", "--all", "--format", "fhir-ndjson", "--out", str(out), "--database",
                 first.url]) == 0
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 4
    for line in lines:
        document = json.loads(line)
        assert document["type"] == "transaction" and schema_errors(document) == []
        assert len(entries(document, "Patient")) == 1
    second = f"sqlite:///{tmp_path / 'second.db'}"
    assert main(["import", str(out), "--database", second]) == 0
    for record in RECORDS[:4]:
        assert comparable(Store(second).load_record(record.patient.id)) == comparable(record)


def test_one_streamed_bundle_of_all_patients_is_valid_json_and_fhir(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'clinic.db'}")
    store.import_records(RECORDS[:3])
    out = tmp_path / "all.json"
    assert main(["export", "--all", "--format", "fhir", "--out", str(out), "--database",
                 store.url]) == 0
    document = json.loads(out.read_text("utf-8"))
    assert schema_errors(document) == [] and len(entries(document, "Patient")) == 3
    Bundle.model_validate(document)


def export_all_fhir(tmp_path: Path, records: list[Any]) -> Path:
    """The app's default export of every patient: one FHIR Bundle, one entry per line."""
    store = Store(f"sqlite:///{tmp_path / 'first.db'}")
    store.import_records(records)
    out = tmp_path / "all-fhir.json"
    assert main(["export", "--all", "--format", "fhir", "--out", str(out), "--database",
                 store.url]) == 0
    store.close()
    return out


def test_one_bundle_of_all_patients_is_imported_patient_by_patient(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.exchange.records_file import read_records, stream_records

    out = export_all_fhir(tmp_path, RECORDS[:5])
    lines = out.read_text("utf-8").splitlines()
    assert lines[0].startswith('{"resourceType": "Bundle"') and lines[-1] == "]}"
    assert all(json.loads(line.removesuffix(","))["resource"] for line in lines[1:-1])
    # far over the size limit of files read whole: this one is read entry by entry
    monkeypatch.setattr("core.exchange.records_file.MAX_FILE_BYTES", 1000)
    seen: list[int] = []
    back = list(stream_records(out, lambda count, _: seen.append(count)))
    exported = sorted(RECORDS[:5], key=lambda r: r.patient.id)  # the store's order
    assert [r.patient.id for r in back] == [r.patient.id for r in exported]
    for record, original in zip(back, exported, strict=True):
        assert comparable(record) == comparable(original)
    assert seen == [1, 2, 3, 4, 5]
    second = Store(f"sqlite:///{tmp_path / 'second.db'}")
    report = second.import_records(read_records(out))
    assert report.patients_created == 5
    for record in RECORDS[:5]:
        assert comparable(second.load_record(record.patient.id)) == comparable(record)


def test_a_malformed_line_of_a_streamed_bundle_is_named(tmp_path: Path) -> None:
    from core.exchange.records_file import read_records

    out = export_all_fhir(tmp_path, RECORDS[:3])
    lines = out.read_text("utf-8").splitlines()
    broken = tmp_path / "broken.json"
    broken.write_text("\n".join([*lines[:6], lines[6][:40], *lines[7:]]) + "\n", "utf-8")
    with pytest.raises(RecordError, match=r"line 7: the line is not JSON \(column \d+\)"):
        read_records(broken)
    truncated = tmp_path / "truncated.json"
    truncated.write_text("\n".join(lines[:-1]) + "\n", "utf-8")
    with pytest.raises(RecordError, match=rf"line {len(lines) - 1}: the file ends here"):
        read_records(truncated)


def test_a_wrong_value_in_a_streamed_bundle_names_its_lines_and_imports_nothing(
        tmp_path: Path, db_url: str) -> None:
    from core.exchange.records_file import stream_records

    out = export_all_fhir(tmp_path, RECORDS[:3])
    lines = out.read_text("utf-8").splitlines()
    starts = [n for n, line in enumerate(lines, start=1) if '"resourceType": "Patient"' in line]
    last = max(n for n, line in enumerate(lines, start=1) if '"DiagnosticReport"' in line)
    lines[last - 1] = lines[last - 1].replace('"effectiveDateTime": "', '"effectiveDateTime": "x',
                                              1)
    out.write_text("\n".join(lines) + "\n", "utf-8")
    target = Store(db_url)
    with pytest.raises(RecordError, match=rf"lines {starts[-1]}-{len(lines) - 1}, "
                                          r"Patient\[0\]\.exams\[\d+\]\.date"):
        target.import_records(stream_records(out))
    assert target.count_patients() == 0
    target.close()


def test_a_bundle_not_laid_out_patient_by_patient_is_refused_or_read_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.exchange.records_file import read_records

    out = export_all_fhir(tmp_path, RECORDS[:3])
    head, *middle, tail = out.read_text("utf-8").splitlines()
    entries = [line.removesuffix(",") for line in middle]
    patients_first = sorted(entries, key=lambda line: '"resourceType": "Patient"' not in line)
    reordered = tmp_path / "reordered.json"
    reordered.write_text("\n".join([head, ",\n".join(patients_first), tail]) + "\n", "utf-8")
    with pytest.raises(RecordError, match=r"line 5: the \w+ refers to 'urn:uuid:[-\w]+', not to "
                                          r"the Patient of line 4 before it"):
        read_records(reordered)
    # the same Bundle in another layout (as a server returns it) is read whole, within the limit
    document = json.loads(out.read_text("utf-8"))
    pretty = tmp_path / "pretty.json"
    pretty.write_text(json.dumps(document, indent=2), "utf-8")
    assert sorted(r.patient.id for r in read_records(pretty)) == sorted(
        r.patient.id for r in RECORDS[:3])
    monkeypatch.setattr("core.exchange.records_file.MAX_FILE_BYTES", 1000)
    with pytest.raises(RecordError, match=r"are read whole, and those larger than 0 MiB are "
                                          "refused"):
        read_records(pretty)


def test_the_shipped_schema_subset_is_the_official_schema_cut_to_our_resources() -> None:
    from core.assets import asset_path
    from core.exchange.fhir_schema import SUBSET_NAME, subset_of, without_descriptions

    shipped = json.loads(asset_path("schema", SUBSET_NAME).read_text("utf-8"))
    assert shipped == subset_of(r4_schema()), \
        "regenerate: python -m core.exchange.fhir_schema tests/data/fhir-r4.schema.json"
    for name, definition in shipped["definitions"].items():
        if name != "ResourceList":
            assert definition == without_descriptions(r4_schema()["definitions"][name])


def test_the_export_check_refuses_what_the_official_schema_refuses() -> None:
    from core.exchange.fhir import FhirValidationError, validate

    document = bundle([demo_record()])
    validate(document)
    broken = json.loads(json.dumps(document))
    observation = next(e for e in broken["entry"]
                       if e["resource"]["resourceType"] == "Observation")["resource"]
    observation["status"] = "signed-off"
    assert schema_errors(broken)  # the full official schema refuses it too
    with pytest.raises(FhirValidationError, match="Observation .*status"):
        validate(broken)
    del observation["status"]
    observation["code"] = {"coding": [{"system": "x", "code": 7}]}
    with pytest.raises(FhirValidationError):
        validate(broken)
    contained = json.loads(json.dumps(document))
    contained["entry"][0]["resource"]["contained"] = [{"resourceType": "Medication"}]
    with pytest.raises(FhirValidationError):  # NeuroExam writes no other resource type
        validate(contained)


def test_an_amendment_correcting_a_finding_is_corrected_one_adding_a_note_amended(
        tmp_path: Path) -> None:
    """FHIR's "corrected" is the amendment that corrects an error: a grade recorded at signing
    and changed afterwards makes the report and that grade's Observation "corrected"; the other
    Observations of the amended exam stay "amended", and an amendment that only adds a note is
    "amended"."""
    from core.exchange.export import ExportFormat, ExportRequest, export
    from core.grades import MotorGrade
    from core.knowledge import Muscle, Side

    store = Store(f"sqlite:///{tmp_path / 'clinic.db'}", actor="Dr Ortiz")
    store.import_record(demo_record())

    def exported(exam_id: str) -> tuple[str, dict[str, int]]:
        out = tmp_path / "out.json"
        export(store, ExportRequest(["DEMO-0001"], ExportFormat.FHIR, out), Settings())
        document = json.loads(out.read_text("utf-8-sig"))
        by_url = {e["fullUrl"]: e["resource"] for e in document["entry"]}
        (report,) = [r for r in by_url.values() if r["resourceType"] == "DiagnosticReport"
                     and {"system": "http://neuroexam.example.org/fhir/identifier/exam",
                          "value": exam_id} in r["identifier"]]
        statuses: dict[str, int] = {}
        for reference in report["result"]:
            observation = by_url[reference["reference"]]
            codes = [c["code"] for c in observation["code"]["coding"]]
            side = observation.get("bodySite", {}).get("text", "").rpartition(", ")[2]
            name = f"{observation['status']} {codes[-1]} {side}".strip()
            statuses[name] = statuses.get(name, 0) + 1
        return report["status"], statuses

    stored = store.load_exam("DEMO-0001", "pre-1")
    store.amend_exam("DEMO-0001", stored.exam.model_copy(update={"notes": "late entry"}),
                     stored.revision, "note added")
    status, observations = exported("pre-1")
    assert status == "amended" and {name.split()[0] for name in observations} == {"amended"}

    stored = store.load_exam("DEMO-0001", "post-1")
    exam = stored.exam.model_copy(deep=True)
    motor = dict(exam.motor.left or {})
    assert motor[Muscle.HIP_FLEXION] is MotorGrade.G5
    motor[Muscle.HIP_FLEXION] = MotorGrade.G4
    exam.motor.set(Side.LEFT, motor)
    store.amend_exam("DEMO-0001", exam, stored.revision, "left hip flexion misread")
    status, observations = exported("post-1")
    assert status == "corrected"
    assert [name for name in observations if name.startswith("corrected")] == [
        "corrected motor.hip_flexion left"]
    assert observations["amended motor.hip_flexion right"] == 1
    store.close()
