"""The records store on real SQLite files in temporary folders."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from core.demo import demo_record
from core.grades import MotorGrade
from core.i18n import Language
from core.knowledge import Muscle, Side
from core.record import Exam, ExamStatus, Patient, Surgery
from core.store import ConflictError, SignedExamError, Store, StoreError, restore
from core.store.schema import upgrade


@pytest.fixture
def url(db_url: str) -> str:
    """A fresh database on each engine (see conftest: sqlite, postgresql-glibc, postgresql-icu)."""
    return db_url


@pytest.fixture
def store(url: str) -> Store:
    opened = Store(url, actor="tester")
    opened.import_record(demo_record())
    return opened


def draft_copy(store: Store) -> Exam:
    """A new draft exam made from a stored one."""
    stored = store.load_exam("DEMO-0001", "post-1")
    return stored.exam.model_copy(update={"status": ExamStatus.DRAFT, "id": "new-draft"})


def test_a_record_round_trips_through_the_store(store: Store) -> None:
    assert store.load_record("DEMO-0001").to_json_dict() == demo_record().to_json_dict()


def test_search_by_name_or_record_id_prefix(store: Store) -> None:
    store.save_patient(demo_record().patient.model_copy(update={"id": "MRN-77",
                                                                "family_name": "Dembélé"}))
    assert [p.id for p in store.search_patients("dem")] == ["MRN-77", "DEMO-0001"]
    assert [p.id for p in store.search_patients("DEMBELE")] == ["MRN-77"]
    assert [p.id for p in store.search_patients("mrn-7")] == ["MRN-77"]
    assert [p.id for p in store.search_patients("alex")] == ["MRN-77", "DEMO-0001"]
    assert store.search_patients("zzz") == []


def test_drafts_save_and_reload(store: Store) -> None:
    exam = draft_copy(store)
    revision = store.save_draft("DEMO-0001", exam, 0)
    exam.motor.left = {**(exam.motor.left or {}), Muscle.HIP_FLEXION: MotorGrade.G3}
    revision = store.save_draft("DEMO-0001", exam, revision)
    again = store.load_exam("DEMO-0001", "new-draft")
    assert again.revision == revision == 2
    assert again.exam.motor_grade(Side.LEFT, Muscle.HIP_FLEXION) is MotorGrade.G3


def test_signing_makes_the_exam_read_only_and_amendments_keep_history(store: Store) -> None:
    exam = draft_copy(store)
    revision = store.save_draft("DEMO-0001", exam, 0)
    revision = store.sign_exam("DEMO-0001", exam, revision, "Dr Signer")
    signed = store.load_exam("DEMO-0001", "new-draft")
    assert signed.exam.status is ExamStatus.SIGNED and signed.exam.examiner == "Dr Signer"
    assert signed.exam.signed_at is not None
    with pytest.raises(SignedExamError, match="amendment"):
        store.save_draft("DEMO-0001", exam, revision)
    with pytest.raises(StoreError, match="needs a reason"):
        store.amend_exam("DEMO-0001", signed.exam, revision, "  ")
    changed = signed.exam.model_copy(update={"notes": "grade corrected"})
    store.amend_exam("DEMO-0001", changed, revision, "typo in the hip flexion grade")
    history = store.history("DEMO-0001", "new-draft")
    assert [h.revision for h in history] == [revision, revision + 1]
    assert history[0].exam.notes == exam.notes and history[1].exam.notes == "grade corrected"
    assert history[1].reason == "typo in the hip flexion grade"
    actions = [e["action"] for e in store.audit_entries("DEMO-0001")]
    assert actions[-3:] == ["exam_created", "exam_signed", "exam_amended"]


def test_saving_over_a_newer_revision_is_a_conflict_and_loses_nothing(url: str,
                                                                       store: Store) -> None:
    exam = draft_copy(store)
    store.save_draft("DEMO-0001", exam, 0)
    other = Store(url, actor="second workstation")
    mine, theirs = store.load_exam("DEMO-0001", "new-draft"), other.load_exam("DEMO-0001",
                                                                             "new-draft")
    theirs.exam.notes = "saved first, elsewhere"
    other.save_draft("DEMO-0001", theirs.exam, theirs.revision)
    mine.exam.notes = "saved second, here"
    with pytest.raises(ConflictError, match="saved elsewhere .* by second workstation"):
        store.save_draft("DEMO-0001", mine.exam, mine.revision)
    assert store.load_exam("DEMO-0001", "new-draft").exam.notes == "saved first, elsewhere"


CHILD = textwrap.dedent("""
    import sys
    from core.demo import demo_record
    from core.record import ExamStatus
    from core.store import Store
    store = Store(sys.argv[1])
    exam = demo_record().exams[0].model_copy(update={"status": ExamStatus.DRAFT, "id": "crash"})
    revision = store.save_draft("DEMO-0001", exam, 0)
    for step in range(100000):
        exam.notes = f"edit {step}"
        revision = store.save_draft("DEMO-0001", exam, revision)
        print(step, flush=True)
""")


def test_a_killed_process_loses_no_committed_edit(url: str, store: Store) -> None:
    child = subprocess.Popen([sys.executable, "-c", CHILD, url], stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONPATH": str(Path.cwd())})
    assert child.stdout is not None
    last = -1
    for line in child.stdout:
        last = int(line)
        if last >= 40:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    saved = Store(url).load_exam("DEMO-0001", "crash").exam.notes
    assert saved.startswith("edit ") and int(saved.split()[1]) >= last


def test_a_database_of_version_1_gets_the_history_index(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with create_engine(url).begin() as connection:
        upgrade(connection, target=1)
    old = create_engine(url)
    assert "ix_exams_patient_date" not in {i["name"] for i in inspect(old).get_indexes("exams")}
    old.dispose()
    store = Store(url)
    store.import_record(demo_record())
    assert "ix_exams_patient_date" in {i["name"] for i in inspect(store.engine).get_indexes("exams")}
    assert len(store.load_record("DEMO-0001").exams) == 3


def test_a_database_of_version_2_keeps_its_records_as_revision_1(tmp_path: Path) -> None:
    from core.store.schema import patients, surgeries

    url = f"sqlite:///{tmp_path / 'old.db'}"
    record = demo_record()
    operation = record.surgeries[0]
    with create_engine(url).begin() as connection:
        upgrade(connection, target=2)
        connection.execute(patients.insert().values(
            id="P-7", family_name="Ohanian", given_name="Ani", birth_date=None, sex="female",
            family_key="ohanian", given_key="ani", id_key="p-7",
            updated_at=dt.datetime(2025, 1, 2, tzinfo=dt.UTC)))
        connection.execute(surgeries.insert().values(
            patient_id="P-7", id=operation.id, document=operation.model_dump_json()))
    with Store(url) as store:
        history = store.record_history("P-7")
        assert [(h.kind, h.item_id, h.revision) for h in history] == [
            ("patient", "P-7", 1), ("surgery", operation.id, 1)]
        assert Patient.model_validate_json(history[0].document).family_name == "Ohanian"
        assert Surgery.model_validate_json(history[1].document) == operation


def test_a_version_2_database_gains_the_preferred_language_and_keeps_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with create_engine(url).begin() as connection:
        upgrade(connection, target=2)
        connection.exec_driver_sql("ALTER TABLE patients DROP COLUMN preferred_language")
    store = Store(url)
    record = demo_record()
    record.patient.preferred_language = Language.ES
    store.import_record(record)
    assert store.load_record("DEMO-0001").patient.preferred_language is Language.ES


def database_contents(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, to show a database was left exactly as it was."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {table: sorted(map(tuple, connection.execute(text(f"SELECT * FROM {table}"))),
                                  key=repr)
                    for table in inspect(connection).get_table_names()}
    finally:
        engine.dispose()


def test_a_database_from_a_newer_version_is_refused_unchanged(url: str, store: Store) -> None:
    store.close()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE meta SET value = '99' WHERE key = 'schema_version'"))
    engine.dispose()
    before = database_contents(url)
    with pytest.raises(StoreError, match="newer NeuroExam .* It was not changed"):
        Store(url)
    assert database_contents(url) == before


def test_a_corrupt_file_gives_a_clear_message_and_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "clinic.db"
    path.write_bytes(b"this is not a database " * 200)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not an SQLite database.*It was not changed"):
        Store(f"sqlite:///{path}")
    assert path.read_bytes() == before


@pytest.mark.sqlite_only
def test_the_database_file_is_readable_by_its_owner_only(store: Store, tmp_path: Path) -> None:
    for name in ("clinic.db", "clinic.db-wal"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o600, name


@pytest.mark.sqlite_only
def test_backup_and_restore(url: str, store: Store, tmp_path: Path) -> None:
    backup = tmp_path / "backup.db"
    store.backup(backup)
    assert backup.stat().st_mode & 0o777 == 0o600
    store.save_patient(demo_record().patient.model_copy(update={"id": "LATER"}))
    store.close()
    _, kept = restore(backup, url)
    restored = Store(url)
    assert [p.id for p in restored.search_patients("")] == ["DEMO-0001"]
    assert kept is not None and kept.name.endswith(".before-restore") and kept.exists()
    restored.close()


@pytest.mark.sqlite_only
def test_restore_refuses_a_file_that_is_not_a_backup(url: str, store: Store,
                                                     tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"junk" * 100)
    with pytest.raises(StoreError, match="not an SQLite database"):
        restore(junk, url)
    assert store.count_patients() == 1


def test_importing_again_reports_what_is_there_and_a_conflict_changes_nothing(store: Store) -> None:
    assert store.import_record(demo_record()) == ["operation op-1", "exam pre-1", "exam post-1",
                                                  "exam fu-7w"]
    changed = demo_record()
    changed.exams[0].notes = "a different note"
    with pytest.raises(StoreError, match="stored and imported exam pre-1 differ"):
        store.import_record(changed)
    assert store.load_record("DEMO-0001").to_json_dict() == demo_record().to_json_dict()
