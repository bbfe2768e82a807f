"""Clinic mode on a real PostgreSQL server: logins per clinician, roles as groups, and the rules
the database enforces whatever the client (plain SQL included)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from core.cli import main
from core.demo import demo_record
from core.record import ExamStatus
from core.store import LoginRefusedError, PermissionDeniedError, Store

pytestmark = pytest.mark.parametrize("engine_name", ["postgresql-glibc", "postgresql-icu"],
                                    indirect=True)

PASSWORD = "correct horse 1"


def login_url(db_url: str, login: str) -> str:
    return make_url(db_url).set(username=login, password=PASSWORD) \
        .render_as_string(hide_password=False)


def add(db_url: str, login: str, role: str, name: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """`neuroexam users add`, as the database's owner, the password on standard input."""
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["users", "add", login, "--role", role, "--name", name, "--password-stdin",
                 "--database", db_url]) == 0
    return login_url(db_url, login)


@pytest.fixture
def clinic(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """A clinic database with the demo patient and one login of each role (names unique per
    database: logins are server-wide)."""
    suffix = make_url(db_url).database
    with Store(db_url, actor="setup") as owner:
        owner.import_record(demo_record())
    yield {role: add(db_url, f"{role.replace('-', '')}_{suffix}", role, f"Dr {role.title()}", monkeypatch)
           for role in ("clinician", "nurse", "administrator", "read-only")}


def plain_sql(url: str, statement: str) -> None:
    parsed = make_url(url)
    with psycopg.connect(host=parsed.host, port=parsed.port, user=parsed.username,
                         password=parsed.password, dbname=parsed.database) as connection:
        connection.execute(statement.encode())


def new_draft(store: Store, exam_id: str) -> int:
    exam = store.load_exam("DEMO-0001", "post-1").exam.model_copy(
        update={"status": ExamStatus.DRAFT, "id": exam_id})
    return store.save_draft("DEMO-0001", exam, 0)


def test_a_nurse_examines_but_the_database_refuses_her_signature(clinic: dict[str, str]) -> None:
    with Store(clinic["nurse"]) as nurse:
        revision = new_draft(nurse, "by-nurse")
        stored = nurse.load_exam("DEMO-0001", "by-nurse")
        with pytest.raises(PermissionDeniedError, match="no permission"):
            nurse.sign_exam("DEMO-0001", stored.exam, revision, "Dr Clinician", PASSWORD)
        assert nurse.load_exam("DEMO-0001", "by-nurse").exam.status is ExamStatus.DRAFT
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only a clinician signs"):
        plain_sql(clinic["nurse"], "UPDATE exams SET status = 'signed', revision = revision + 1 "
                                   "WHERE id = 'by-nurse'")


def test_the_signer_is_the_login_and_every_change_is_audited_by_the_database(
        clinic: dict[str, str]) -> None:
    login = make_url(clinic["clinician"]).username
    with Store(clinic["clinician"], actor="someone else") as doctor:
        revision = new_draft(doctor, "signed-here")
        stored = doctor.load_exam("DEMO-0001", "signed-here")
        doctor.sign_exam("DEMO-0001", stored.exam, revision, "typed by hand", PASSWORD)
        signed = doctor.load_exam("DEMO-0001", "signed-here").exam
        assert signed.examiner == f"Dr Clinician ({login})"
        assert signed.signed_by is not None
        assert (signed.signed_by.login, signed.signed_by.name) == (login, "Dr Clinician")
        assert doctor.history("DEMO-0001", "signed-here")[0].saved_by == login
    plain_sql(clinic["clinician"], "UPDATE patients SET given_name = 'Alexandra' "
                                   "WHERE id = 'DEMO-0001'")
    with Store(clinic["read-only"]) as reader:
        entries = reader.audit_entries("DEMO-0001")
    mine = [(e["action"], e["actor"]) for e in entries if e["actor"] == login]
    assert ("db_exams_insert", login) in mine and ("exam_signed", login) in mine
    assert mine[-1] == ("db_patients_update", login)  # plain SQL is audited too
    assert all(e["actor"] != "someone else" for e in entries)


@pytest.mark.parametrize("statement", [
    "UPDATE exams SET exam_date = '2020-01-01' WHERE id = 'post-1'",
    "UPDATE exams SET document = '{}' WHERE id = 'post-1'",
    "UPDATE exams SET revision = revision + 1 WHERE id = 'post-1'",
    "DELETE FROM exams WHERE id = 'post-1'",
    "DELETE FROM audit_log",
    "UPDATE audit_log SET actor = 'nobody'",
    "TRUNCATE audit_log",
    "DELETE FROM exam_revisions",
])
def test_a_clinician_cannot_alter_a_signed_exam_or_the_audit_with_plain_sql(
        clinic: dict[str, str], db_url: str, statement: str) -> None:
    with Store(db_url) as owner:
        before = (owner.load_exam("DEMO-0001", "post-1"), owner.audit_entries("DEMO-0001"))
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        plain_sql(clinic["clinician"], statement)
    with Store(db_url) as owner:
        assert (owner.load_exam("DEMO-0001", "post-1"), owner.audit_entries("DEMO-0001")) \
            == before


def test_an_amendment_is_the_only_change_of_a_signed_exam(clinic: dict[str, str]) -> None:
    with Store(clinic["clinician"]) as doctor:
        stored = doctor.load_exam("DEMO-0001", "post-1")
        changed = stored.exam.model_copy(update={"notes": "corrected"})
        doctor.amend_exam("DEMO-0001", changed, stored.revision, "typo", PASSWORD)
        assert doctor.load_exam("DEMO-0001", "post-1").exam.notes == "corrected"


def test_administrator_and_read_only_change_no_clinical_row(clinic: dict[str, str]) -> None:
    for role in ("administrator", "read-only"):
        with Store(clinic[role]) as user:
            assert [p.id for p in user.search_patients("dem")] == ["DEMO-0001"]
            with pytest.raises(PermissionDeniedError):
                user.save_patient(demo_record().patient.model_copy(update={"given_name": "X"}))
            user.log_export(["DEMO-0001"], "report printed")  # reading is audited


def test_users_are_listed_and_a_disabled_login_is_refused(
        clinic: dict[str, str], db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    nurse = make_url(clinic["nurse"]).username
    assert main(["users", "list", "--database", db_url]) == 0
    listed = capsys.readouterr().out
    assert f"{nurse}\tnurse\tDr Nurse\tactive" in listed.splitlines()
    assert main(["users", "disable", str(nurse), "--database", db_url]) == 0
    with pytest.raises(LoginRefusedError):
        Store(clinic["nurse"])
    assert main(["users", "disable", "nobody_here", "--database", db_url]) == 1


def test_one_clinic_pseudonym_key_for_every_workstation_administrator_only(
        clinic: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    exports = []
    for workstation in ("room-1", "room-2"):  # two data folders: no key file shared between them
        home = tmp_path / workstation
        home.mkdir()
        monkeypatch.setenv("NEUROEXAM_HOME", str(home))
        out = home / "deidentified.csv"
        assert main(["export", "--all", "--format", "csv", "--deidentify", "--out", str(out),
                     "--database", clinic["administrator"]]) == 0
        assert not (home / "pseudonym.key").exists()
        exports.append(out.read_text(encoding="utf-8-sig"))
    assert exports[0] == exports[1] and "DEMO-0001" not in exports[0]
    pseudonym = next(csv.DictReader(io.StringIO(exports[0])))["patient_id"]
    assert pseudonym.startswith("P-")
    capsys.readouterr()
    assert main(["reidentify", pseudonym, "--database", clinic["administrator"]]) == 0
    assert capsys.readouterr().out.strip() == f"{pseudonym}\tDEMO-0001"
    refused = main(["export", "--all", "--format", "csv", "--deidentify", "--out",
                    str(tmp_path / "x.csv"), "--database", clinic["clinician"]])
    assert refused == PermissionDeniedError.exit_code
