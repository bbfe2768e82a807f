"""The store behaves alike on every engine: SQLite, and PostgreSQL with a glibc and an ICU collation
(see conftest: each test runs once per engine). These are the places where the engines differ:
collation, string lengths, time zones, concurrent migrations, connection failures."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from pgserver import fresh_database, start_server
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from core.cli import main
from core.demo import demo_record
from core.record import ExamStatus
from core.store import (
    ConflictError,
    LoginRefusedError,
    ServerUnreachableError,
    Store,
    StoreError,
    UpgradeNeededError,
)
from core.store.connection import upgrade_database
from core.store.schema import SCHEMA_VERSION, expected_hash, stored_version, upgrade


@pytest.fixture
def store(db_url: str) -> Store:
    opened = Store(db_url, actor="tester")
    opened.import_record(demo_record())
    return opened


def superuser_sql(url: str, *statements: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def test_a_long_name_that_folds_longer_is_stored_and_found(store: Store) -> None:
    # "ß" folds to "ss": a 150-character name has a 300-character search key.
    patient = demo_record().patient.model_copy(update={"id": "MRN-SS", "family_name": "ß" * 150,
                                                       "given_name": "Straße" * 30})
    store.save_patient(patient)
    assert store.load_record("MRN-SS").patient.family_name == "ß" * 150
    assert [p.id for p in store.search_patients("SS" * 100)] == ["MRN-SS"]
    assert [p.id for p in store.search_patients("strasse")] == ["MRN-SS"]


def test_prefix_search_follows_code_points_not_a_language_collation(store: Store) -> None:
    # Under glibc en_US, "de-m" and "de m" sort among "dem..." (punctuation and spaces are ignored
    # at first), so a range on the language order would find them for "dem"; so would a
    # case-insensitive LIKE with an unescaped "_" for "de_".
    for number, family in enumerate(["De-Mar", "De Mol", "Dem", "Demski", "Den", "De_la", "Deß"]):
        store.save_patient(demo_record().patient.model_copy(
            update={"id": f"P-{number}", "family_name": family, "given_name": "Kim"}))
    assert [p.family_name for p in store.search_patients("dem")] == ["Dem", "Demo", "Demski"]
    assert [p.family_name for p in store.search_patients("de_")] == ["De_la"]
    assert [p.family_name for p in store.search_patients("de-")] == ["De-Mar"]
    assert [p.family_name for p in store.search_patients("dess")] == ["Deß"]
    # Family-name matches come first, then given-name matches ("Kim"), each in index order.
    assert [p.id for p in store.search_patients("k", limit=3)] == ["P-1", "P-0", "P-5"]


def test_a_search_returns_the_first_rows_in_the_stated_order(store: Store) -> None:
    for number in range(60):
        store.save_patient(demo_record().patient.model_copy(
            update={"id": f"A-{number:02d}", "family_name": f"Ab{59 - number:02d}",
                    "given_name": "Zed"}))
    found = store.search_patients("ab")
    assert len(found) == 50
    assert [p.family_name for p in found] == [f"Ab{n:02d}" for n in range(50)]
    assert [p.id for p in store.search_patients("a-0")] == [f"A-{n:02d}" for n in range(10)]
    assert len(store.search_patients("")) == 50


def test_the_patients_command_is_the_apps_search(db_url: str, store: Store,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    store.save_patient(demo_record().patient.model_copy(
        update={"id": "MRN-77", "family_name": "Dembélé", "birth_date": None}))
    capsys.readouterr()
    assert main(["patients", "DEM", "--database", db_url]) == 0
    assert capsys.readouterr().out.splitlines() == ["MRN-77\tDembélé, Alex\t",
                                                    "DEMO-0001\tDemo, Alex\t1978-05-14"]
    assert main(["patients", "mrn", "--limit", "1", "--database", db_url]) == 0
    assert capsys.readouterr().out.splitlines() == ["MRN-77\tDembélé, Alex\t"]


def test_times_come_back_aware_and_in_utc(db_url: str, store: Store, engine_name: str) -> None:
    if engine_name != "sqlite":  # a server whose sessions run in another time zone
        superuser_sql(db_url, f"ALTER DATABASE {make_url(db_url).database} "
                              "SET timezone TO 'America/New_York'")
        store.close()
        store = Store(db_url, actor="tester")
    before = dt.datetime.now(dt.UTC)
    exam = store.load_exam("DEMO-0001", "post-1").exam.model_copy(
        update={"status": ExamStatus.DRAFT, "id": "tz"})
    revision = store.save_draft("DEMO-0001", exam, 0)
    store.sign_exam("DEMO-0001", exam, revision, "Dr Signer")
    saved_at = store.history("DEMO-0001", "tz")[0].saved_at
    audit_at = store.audit_entries("DEMO-0001")[-1]["at"]
    for moment in (saved_at, audit_at):
        assert moment.tzinfo is not None and moment.utcoffset() == dt.timedelta(0)
        assert before - dt.timedelta(seconds=1) <= moment <= dt.datetime.now(dt.UTC)
    signed = store.load_exam("DEMO-0001", "tz")
    with pytest.raises(ConflictError, match=f"{saved_at:%Y-%m-%d %H:%M} UTC by tester"):
        store.amend_exam("DEMO-0001", signed.exam, signed.revision - 1, "a stale copy")


MIGRATE_CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from core.cli import main
    from core.store import Store
    go = Path(sys.argv[2])
    while not go.exists():
        time.sleep(0.005)
    if not sys.argv[1].startswith("sqlite"):  # a server is migrated on purpose, not on opening
        assert main(["db", "upgrade", "--database", sys.argv[1]]) == 0
    with Store(sys.argv[1]) as store:
        print(store.count_patients())
""")


def test_four_processes_migrating_an_empty_database_migrate_it_once(empty_db_url: str,
                                                                    tmp_path: Path) -> None:
    # SQLite: four app processes opening a new database; a server: four `neuroexam db upgrade`.
    db_url = empty_db_url
    go = tmp_path / "go"
    children = [subprocess.Popen([sys.executable, "-c", MIGRATE_CHILD, db_url, str(go)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 env={**os.environ, "PYTHONPATH": str(Path.cwd())})
                for _ in range(4)]
    time.sleep(1.5)  # every child is importing or waiting for the signal by now
    go.touch()
    results = [child.communicate(timeout=120) for child in children]
    assert [(child.returncode, out.split()[-1:]) for child, (out, _) in zip(children, results,
                                                                              strict=True)] \
        == [(0, ["0"])] * 4, [err[-800:] for _, err in results]
    upgraded = [out for out, _ in results if f"upgraded from schema 0 to {SCHEMA_VERSION}" in out]
    assert len(upgraded) == (0 if db_url.startswith("sqlite") else 1)
    engine = create_engine(db_url)
    with engine.connect() as connection:
        assert stored_version(connection) == SCHEMA_VERSION
    engine.dispose()


def old_key_layout(url: str, engine_name: str) -> None:
    """Make a new database look as version 3 left it: search keys in the database's own collation
    (VARCHAR(200) on PostgreSQL) with one index each."""
    engine = create_engine(url)
    with engine.begin() as connection:
        upgrade(connection, target=3)
        for column in ("family_key", "given_key", "id_key"):
            if engine_name != "sqlite":
                connection.execute(text(f"ALTER TABLE patients ALTER COLUMN {column} "
                                        'TYPE VARCHAR(200) COLLATE "default"'))
            connection.execute(text(f"CREATE INDEX ix_patients_{column} ON patients ({column})"))
    engine.dispose()


def test_a_version_3_database_is_upgraded_and_its_patients_found(empty_db_url: str,
                                                                 engine_name: str) -> None:
    db_url = empty_db_url
    old_key_layout(db_url, engine_name)
    if engine_name != "sqlite":
        with pytest.raises(UpgradeNeededError, match="is at schema 3; this NeuroExam needs "
                                                     f"schema {SCHEMA_VERSION}.*Nothing was"):
            Store(db_url)
        assert main(["db", "upgrade", "--database", db_url]) == 0
    with Store(db_url) as store:
        store.import_record(demo_record())
        assert [p.id for p in store.search_patients("dem")] == ["DEMO-0001"]
        indexes = {index["name"] for index in inspect(store.engine).get_indexes("patients")}
    assert indexes == {"ix_patients_by_family", "ix_patients_by_given", "ix_patients_by_id"}


def test_a_database_changed_by_hand_is_refused(db_url: str, store: Store) -> None:
    store.close()
    superuser_sql(db_url, "ALTER TABLE exams ADD COLUMN extra_note TEXT")
    with pytest.raises(StoreError, match=f"not those of NeuroExam's schema {SCHEMA_VERSION} "
                                         f"\\(schema hash [0-9a-f]+, expected {expected_hash()}\\)"):
        Store(db_url)


# --- Failures of a database server ------------------------------------------------------------

def server_url(db_url: str, **parts: object) -> str:
    return make_url(db_url).set(**parts).render_as_string(hide_password=False)  # type: ignore[arg-type]


@pytest.mark.parametrize("engine_name", ["postgresql-glibc"], indirect=True)
def test_a_server_that_is_not_there_is_reported_as_unreachable(db_url: str) -> None:
    with pytest.raises(ServerUnreachableError, match="cannot be reached"):
        Store(server_url(db_url, port=1))
    with pytest.raises(ServerUnreachableError, match="cannot be reached"):
        Store(server_url(db_url, host="no-such-host.invalid"))


@pytest.mark.parametrize("engine_name", ["postgresql-glibc"], indirect=True)
def test_a_wrong_password_or_database_is_a_refused_login(db_url: str) -> None:
    superuser_sql(db_url, "CREATE ROLE nurse_kim LOGIN PASSWORD 'right one'")
    with pytest.raises(LoginRefusedError, match="refused the login .* wrong user name or password"):
        Store(server_url(db_url, username="nurse_kim", password="wrong one"))
    with pytest.raises(LoginRefusedError, match="refused the login"):
        Store(server_url(db_url, database="no_such_database"))


@pytest.mark.parametrize("engine_name", ["postgresql-glibc"], indirect=True)
def test_a_server_restart_between_two_operations_goes_unnoticed(db_url: str, store: Store) -> None:
    # The server ends every connection of the store's pool (as a restart does); the pool checks
    # a connection before lending it, so the next operation simply reconnects.
    superuser_sql(db_url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                          f"datname = '{make_url(db_url).database}' AND pid <> pg_backend_pid()")
    assert [p.id for p in store.search_patients("dem")] == ["DEMO-0001"]


def test_a_server_stopped_while_working_is_reported_as_unreachable() -> None:
    server, problem = start_server()
    if server is None:
        if os.environ.get("NEUROEXAM_REQUIRE_POSTGRES") == "1":
            pytest.fail(problem)
        pytest.skip(problem)
    try:
        url = fresh_database(server, next(iter(server.template_databases)))
        upgrade_database(url)
        store = Store(url)
        store.import_record(demo_record())
        server.stop()
        for operation in (lambda: store.search_patients("dem"),
                          lambda: store.save_patient(demo_record().patient)):
            with pytest.raises(ServerUnreachableError, match="cannot be reached") as caught:
                operation()
            assert "SELECT" not in str(caught.value) and "damaged" not in str(caught.value)
    finally:
        server.stop()


@pytest.mark.parametrize("engine_name", ["postgresql-glibc"], indirect=True)
def test_the_app_never_migrates_a_shared_database_and_says_who_must(
        empty_db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(UpgradeNeededError, match="is empty.*administrator must run `neuroexam db "
                                                 "upgrade --database URL` with the login that "
                                                 "owns the database"):
        Store(empty_db_url)
    engine = create_engine(empty_db_url)
    with engine.connect() as connection:
        assert inspect(connection).get_table_names() == []  # nothing was changed
    engine.dispose()
    assert main(["db", "status", "--database", empty_db_url]) == UpgradeNeededError.exit_code
    assert main(["db", "upgrade", "--database", empty_db_url]) == 0
    assert main(["db", "upgrade", "--database", empty_db_url]) == 0
    assert main(["db", "status", "--database", empty_db_url]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith(f"upgraded from schema 0 to {SCHEMA_VERSION}")
    assert out[1].endswith(f"schema {SCHEMA_VERSION} (it was already)")
    assert out[2].endswith(f"schema {SCHEMA_VERSION}, up to date; 0 patients")
