"""Clinic mode on a real PostgreSQL server: logging in as a clinician, the errors a login can
meet, the password asked again to sign and amend, the signer in the record, and administrators
who add users."""

from __future__ import annotations

import io
from pathlib import Path

import psycopg
import pytest
from clinic_logins import PASSWORD, demo_clinic
from sqlalchemy.engine import make_url

from core.cli import main
from core.demo import demo_record
from core.record import ExamStatus, Signer
from core.store import (
    DatabaseTooNewError,
    LoginRefusedError,
    PermissionDeniedError,
    ServerUnreachableError,
    Store,
    StoreError,
    open_store,
)
from core.store import clinic as clinic_users
from core.store.connection import check_password, needs_login, with_login

pytestmark = pytest.mark.parametrize("engine_name", ["postgresql-glibc"], indirect=True)



@pytest.fixture
def clinic(db_url: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The demo patient and a login per role (tests/clinic_logins.py)."""
    return demo_clinic(db_url, ("clinician", "nurse", "administrator"), monkeypatch)


def draft(store: Store, exam_id: str) -> int:
    exam = store.load_exam("DEMO-0001", "post-1").exam.model_copy(
        update={"status": ExamStatus.DRAFT, "id": exam_id, "signed_by": None})
    return store.save_draft("DEMO-0001", exam, 0)


def test_a_server_url_without_password_asks_for_a_login(clinic: dict[str, str]) -> None:
    assert needs_login(clinic["clinician"])
    assert not needs_login(make_url(clinic["clinician"]).set(password="x")
                           .render_as_string(hide_password=False))
    assert not needs_login("sqlite:///x.db")


def test_logging_in_connects_as_the_user_and_keeps_no_password_in_the_url(
        clinic: dict[str, str]) -> None:
    login = make_url(clinic["clinician"]).username
    with open_store(clinic["clinician"], password=PASSWORD) as store:
        assert store.login == (login, "Dr Clinician") and store.actor == login
        assert PASSWORD not in store.url and PASSWORD not in store.backend.where()
        # A worker thread's own store: the same user, without asking again.
        with store.reopen() as worker:
            assert worker.login == store.login
            assert [p.id for p in worker.search_patients("dem")] == ["DEMO-0001"]


def test_login_errors_name_their_cause(clinic: dict[str, str], db_url: str,
                                       postgres_server: object, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(LoginRefusedError, match="wrong user name or password"):
        open_store(clinic["clinician"], password="not the password")
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    with pytest.raises(LoginRefusedError):  # no password at all: a login refused, not a network
        open_store(clinic["clinician"])
    closed = make_url(clinic["clinician"]).set(port=1).render_as_string(hide_password=False)
    with pytest.raises(ServerUnreachableError, match="cannot be reached"):
        open_store(closed, password=PASSWORD)
    # A login the server knows but that is in no NeuroExam group: no CONNECT right.
    stranger = f"stranger_{make_url(db_url).database}"
    owner = make_url(db_url)
    with psycopg.connect(host=owner.host, port=owner.port, user=owner.username,
                         dbname=owner.database, autocommit=True) as connection:
        connection.execute(f"CREATE ROLE {stranger} LOGIN PASSWORD '{PASSWORD}'".encode())
    with pytest.raises(PermissionDeniedError, match="no permission"):
        open_store(with_login(db_url, stranger), password=PASSWORD)
    with Store(db_url) as store, store._begin() as connection:
        connection.exec_driver_sql("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(DatabaseTooNewError, match="newer NeuroExam"):
        open_store(clinic["clinician"], password=PASSWORD)


def test_the_password_checked_is_the_one_typed_never_a_pgpass_file(
        clinic: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = make_url(clinic["clinician"])
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:*:{url.username}:{PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    check_password(clinic["clinician"], PASSWORD)
    for wrong in ("", "Correct horse 1"):
        with pytest.raises(LoginRefusedError):
            check_password(clinic["clinician"], wrong)


def test_signing_and_amending_ask_the_password_again(clinic: dict[str, str]) -> None:
    login = make_url(clinic["clinician"]).username
    with open_store(clinic["clinician"], password=PASSWORD) as doctor:
        assert doctor.asks_password_to_sign
        revision = draft(doctor, "to-sign")
        exam = doctor.load_exam("DEMO-0001", "to-sign").exam
        with pytest.raises(StoreError, match="need your password"):
            doctor.sign_exam("DEMO-0001", exam, revision, "")
        with pytest.raises(LoginRefusedError):
            doctor.sign_exam("DEMO-0001", exam, revision, "", "a guess")
        assert doctor.load_exam("DEMO-0001", "to-sign").exam.status is ExamStatus.DRAFT
        revision = doctor.sign_exam("DEMO-0001", exam, revision, "", PASSWORD)
        signed = doctor.load_exam("DEMO-0001", "to-sign").exam
        assert signed.signed_by is not None and signed.signed_at is not None
        assert signed.signed_by.text() == f"Dr Clinician ({login})"
        with pytest.raises(LoginRefusedError):
            doctor.amend_exam("DEMO-0001", signed, revision, "typo", "a guess")
        doctor.amend_exam("DEMO-0001", signed.model_copy(update={"notes": "fixed"}), revision,
                          "typo", PASSWORD)
        rows = [(e.action, e.actor, e.detail) for e in doctor.audit_history("DEMO-0001")
                if e.exam_id == "to-sign" and not e.by_database]
    assert rows[0] == ("exam_amended", login,
                       f"revision 3, signed by Dr Clinician ({login}): typo")
    assert rows[1] == ("exam_signed", login, f"revision 2, signed by Dr Clinician ({login})")


def test_the_database_refuses_a_signature_naming_another_login(clinic: dict[str, str]) -> None:
    with open_store(clinic["clinician"], password=PASSWORD) as doctor:
        draft(doctor, "forged")
    url = make_url(clinic["clinician"])
    forged = ('{"id": "forged", "date": "2026-03-09", "kind": "postoperative", "status": "signed",'
              ' "signed_by": {"login": "someone_else", "name": "Dr Else"}}')
    with psycopg.connect(host=url.host, port=url.port, user=url.username, password=PASSWORD,
                         dbname=url.database) as connection, \
            pytest.raises(psycopg.errors.InsufficientPrivilege, match="names the login"):
        connection.execute("UPDATE exams SET status = 'signed', revision = revision + 1, "
                           "document = %s WHERE id = 'forged'", (forged,))


def test_a_clinician_imports_exams_signed_elsewhere_with_their_signers(
        clinic: dict[str, str]) -> None:
    record = demo_record().model_copy(deep=True)
    record.patient.id = "TRANSFER-1"
    for exam in record.exams:
        exam.signed_by = Signer(login="dr_elsewhere", name="Dr Elsewhere")
    with open_store(clinic["clinician"], password=PASSWORD) as doctor:
        doctor.import_record(record)
        stored = doctor.load_exam("TRANSFER-1", "post-1").exam
        imported = [e for e in doctor.audit_history("TRANSFER-1") if e.action == "record_imported"]
    assert stored.signed_by == Signer(login="dr_elsewhere", name="Dr Elsewhere")
    assert imported[0].actor == make_url(clinic["clinician"]).username


def test_an_administrator_adds_and_disables_users_a_clinician_cannot(
        clinic: dict[str, str], db_url: str) -> None:
    new_login = f"newdoc_{make_url(db_url).database}"
    with open_store(clinic["administrator"], password=PASSWORD) as admin, \
            admin._begin() as connection:
        clinic_users.add_user(connection, new_login, "Dr New", "clinician", "another secret")
    with open_store(with_login(db_url, new_login), password="another secret") as newcomer:
        assert newcomer.login == (new_login, "Dr New")
        revision = draft(newcomer, "by-newcomer")  # a clinician: examines and signs
        exam = newcomer.load_exam("DEMO-0001", "by-newcomer").exam
        newcomer.sign_exam("DEMO-0001", exam, revision, "", "another secret")
    # The server keeps a SCRAM verifier; the password itself never reached it.
    owner = make_url(db_url)
    with psycopg.connect(host=owner.host, port=owner.port, user=owner.username,
                         dbname=owner.database) as connection:
        stored = connection.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s",
                                    (new_login,)).fetchone()
    assert stored is not None and stored[0].startswith("SCRAM-SHA-256$")
    with open_store(clinic["clinician"], password=PASSWORD) as doctor:
        with pytest.raises(PermissionDeniedError), doctor._begin() as connection:
            clinic_users.add_user(connection, f"x{new_login}", "X", "administrator", "12345678")
        with pytest.raises(PermissionDeniedError), doctor._begin() as connection:
            clinic_users.disable_user(connection, new_login)
    with open_store(clinic["administrator"], password=PASSWORD) as admin, admin._begin() as connection:
        assert clinic_users.disable_user(connection, new_login)
        assert not clinic_users.disable_user(connection, owner.username or "postgres")
        with pytest.raises(ValueError, match="exists already"):
            clinic_users.add_user(connection, new_login, "Dr New", "nurse", "12345678")
    with pytest.raises(LoginRefusedError):
        open_store(with_login(db_url, new_login), password="another secret")


def test_an_administrator_adds_users_with_the_cli(clinic: dict[str, str], db_url: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    admin = make_url(clinic["administrator"]).set(password=PASSWORD) \
        .render_as_string(hide_password=False)
    new_login = f"nurse2_{make_url(db_url).database}"
    monkeypatch.setattr("sys.stdin", io.StringIO("a long password\n"))
    assert main(["users", "add", new_login, "--role", "nurse", "--name", "N. Two",
                 "--password-stdin", "--database", admin]) == 0
    with open_store(with_login(db_url, new_login), password="a long password") as nurse:
        assert nurse.login == (new_login, "N. Two")


def test_the_owners_maintenance_is_audited_under_its_database_login(db_url: str) -> None:
    with Store(db_url) as owner:
        owner.import_record(demo_record())
        imported = owner.audit_history("DEMO-0001")[-1]
    assert (imported.action, imported.actor) == ("record_imported", make_url(db_url).username)
