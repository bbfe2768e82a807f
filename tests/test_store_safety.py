"""Nothing lost, nothing exposed: opening checks, backups, restores, symlinks, file modes and
crash reports without patient data (issue: safe backup and restore, every failure path)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from core.crash import scrubbed_report
from core.demo import demo_record
from core.record import Patient
from core.store import (
    CorruptDatabaseError,
    DatabaseBusyError,
    DatabaseTooNewError,
    ForeignDatabaseError,
    Store,
    StoreError,
    restore,
    verify_backup,
)
from core.store.schema import audit_log

ROOT = Path(__file__).resolve().parents[1]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A NeuroExam database with the demo patient, closed."""
    path = tmp_path / "clinic.db"
    with Store(f"sqlite:///{path}", actor="tester") as store:
        store.import_record(demo_record())
    return path


def backup_of(database: Path, out: Path) -> Path:
    with Store(f"sqlite:///{database}", actor="tester") as store:
        store.backup(out)
    return out


# ------------------------------------------------------------------------------------------------
# Opening: every kind of damaged or foreign file is refused with its own message, unchanged.
# ------------------------------------------------------------------------------------------------


def _text_file(path: Path) -> None:
    path.write_text("name,birth\nZed,1970\n" * 50)


def _empty_file(path: Path) -> None:
    path.write_bytes(b"")


def _foreign_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    connection.commit()
    connection.close()


def _truncated(path: Path, database: Path) -> None:
    path.write_bytes(database.read_bytes()[:6000])


def _corrupt_page(path: Path, database: Path) -> None:
    data = bytearray(database.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for start in range(page, len(data), page):  # every page but the first: its cells scrambled
        data[start + 8: start + page] = os.urandom(page - 8)
    path.write_bytes(bytes(data))


def _newer(path: Path, database: Path) -> None:
    path.write_bytes(database.read_bytes())
    connection = sqlite3.connect(path)
    connection.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    connection.commit()
    connection.close()


KINDS = {
    "text": (_text_file, ForeignDatabaseError, "not an SQLite database"),
    "empty": (_empty_file, ForeignDatabaseError, "is empty"),
    "foreign": (_foreign_sqlite, ForeignDatabaseError, "another program's SQLite database"),
    "truncated": (_truncated, CorruptDatabaseError, "damaged"),
    "corrupt page": (_corrupt_page, CorruptDatabaseError, "damaged"),
    "newer": (_newer, DatabaseTooNewError, "newer NeuroExam"),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_damaged_or_foreign_database_is_refused_by_cause_and_left_unchanged(
        kind: str, database: Path, tmp_path: Path) -> None:
    make, error, words = KINDS[kind]
    path = tmp_path / f"{kind.replace(' ', '-')}.db"
    make(path) if make in (_text_file, _empty_file, _foreign_sqlite) else make(path, database)
    before = digest(path)
    with pytest.raises(error, match=words) as raised:
        Store(f"sqlite:///{path}")
    assert str(path) in str(raised.value), "the message names the file"
    assert digest(path) == before, "a refused file is never changed"
    assert not path.with_name(path.name + "-wal").exists(), "not even switched to WAL"


def test_a_database_reached_through_a_symbolic_link_is_refused(database: Path,
                                                               tmp_path: Path) -> None:
    link = tmp_path / "link.db"
    link.symlink_to(database)
    with pytest.raises(ForeignDatabaseError, match="symbolic link"):
        Store(f"sqlite:///{link}")


# ------------------------------------------------------------------------------------------------
# Backups.
# ------------------------------------------------------------------------------------------------


def test_a_backup_is_verified_private_and_has_its_checksum(database: Path, tmp_path: Path) -> None:
    out = backup_of(database, tmp_path / "daily.db")
    check = verify_backup(out)
    assert (check.patients, check.exams, check.checksum_matches) == (1, 3, True)
    assert out.stat().st_mode & 0o777 == 0o600
    assert out.with_name("daily.db.sha256").read_text().split()[0] == check.checksum
    assert not list(tmp_path.glob("*.partial")), "no temporary file is left"


def test_a_backup_never_follows_a_planted_link(database: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "someone-elses-file"
    elsewhere.write_text("theirs")
    trap = tmp_path / "backup.db"
    trap.symlink_to(elsewhere)
    with pytest.raises(StoreError, match="symbolic link"):
        backup_of(database, trap)
    assert elsewhere.read_text() == "theirs"


def test_a_failed_backup_leaves_nothing_under_the_name_asked_for(
        database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_copy(source: Path, target: Path) -> None:
        target.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # a partial page
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("core.store.backup._copy_database", broken_copy)
    with pytest.raises(StoreError, match="could not be written to .*b.db: no space left"):
        backup_of(database, tmp_path / "b.db")
    assert not (tmp_path / "b.db").exists() and not list(tmp_path.glob("*.partial"))


def test_a_tampered_backup_fails_verification(database: Path, tmp_path: Path) -> None:
    out = backup_of(database, tmp_path / "b.db")
    with out.open("r+b") as file:
        file.seek(200)
        file.write(b"\x01")
    with pytest.raises(StoreError):
        verify_backup(out)


def test_backups_are_audited(database: Path, tmp_path: Path) -> None:
    backup_of(database, tmp_path / "b.db")
    with Store(f"sqlite:///{database}") as store, store.engine.connect() as connection:
        actions = [row.action for row in connection.execute(select(audit_log))]
    assert "backup" in actions


# ------------------------------------------------------------------------------------------------
# Restore.
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["text", "empty", "foreign", "truncated", "newer"])
def test_restore_refuses_what_does_not_verify_and_changes_nothing(
        kind: str, database: Path, tmp_path: Path) -> None:
    make, _, _ = KINDS[kind]
    bad = tmp_path / "bad-backup.db"
    make(bad) if make in (_text_file, _empty_file, _foreign_sqlite) else make(bad, database)
    before, source = digest(database), digest(bad)
    with pytest.raises(StoreError):
        restore(bad, f"sqlite:///{database}")
    assert digest(database) == before and digest(bad) == source
    assert not list(tmp_path.glob("*.before-restore"))


def test_restore_refuses_the_live_database_itself(database: Path) -> None:
    with pytest.raises(StoreError, match="live database itself"):
        restore(database, f"sqlite:///{database}")


def test_restore_refuses_while_the_database_is_open(database: Path, tmp_path: Path) -> None:
    out = backup_of(database, tmp_path / "b.db")
    with Store(f"sqlite:///{database}"), pytest.raises(DatabaseBusyError, match="open"):
        restore(out, f"sqlite:///{database}")


def test_restore_never_writes_to_its_source_and_keeps_every_earlier_database(
        database: Path, tmp_path: Path) -> None:
    out = backup_of(database, tmp_path / "b.db")
    source = digest(out)
    url = f"sqlite:///{database}"
    _, first = restore(out, url)
    _, second = restore(out, url)
    assert digest(out) == source, "the backup file is read, never changed"
    assert first and second and first != second and first.exists() and second.exists()
    with Store(url) as store, store.engine.connect() as connection:
        details = [row.detail for row in connection.execute(
            select(audit_log).where(audit_log.c.action == "restore"))]
    assert any("restored from b.db" in d for d in details), "the restore is in the audit log"


def test_restore_after_a_crash_keeps_every_acknowledged_save(database: Path,
                                                             tmp_path: Path) -> None:
    """A workstation saves 40 patients and dies without closing (they are in the -wal file);
    the database is then restored from an older backup. The kept copy holds all 40."""
    out = backup_of(database, tmp_path / "b.db")
    program = (
        "import os, sys\n"
        "from core.store import Store\n"
        "from core.record import Patient\n"
        f"store = Store('sqlite:///{database}')\n"
        "for n in range(40):\n"
        "    store.save_patient(Patient(id=f'LATE-{n}', family_name='Late', given_name='N'))\n"
        "print('saved', flush=True)\n"
        "os._exit(0)\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert "saved" in done.stdout, done.stderr
    assert database.with_name("clinic.db-wal").exists(), "the saves are in the write-ahead log"
    _, kept = restore(out, f"sqlite:///{database}")
    assert kept is not None
    with Store(f"sqlite:///{kept}") as old:
        assert sum(p.id.startswith("LATE-") for p in old.search_patients("late", 100)) == 40


# ------------------------------------------------------------------------------------------------
# Exposure: no patient data in errors, crash reports, logs; private files.
# ------------------------------------------------------------------------------------------------

SECRET = "Zebedee-Quixotic"


def test_a_failing_save_never_shows_the_patient_data(database: Path, tmp_path: Path) -> None:
    connection = sqlite3.connect(database)
    connection.execute("CREATE TRIGGER refuse BEFORE INSERT ON patients "
                       "BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END")
    connection.commit()
    connection.close()
    with Store(f"sqlite:///{database}") as store:
        with pytest.raises(StoreError) as raised:
            store.save_patient(Patient(id="MRN-SECRET-1", family_name=SECRET, given_name=SECRET))
        error = raised.value
    assert SECRET not in str(error) and "MRN-SECRET-1" not in str(error)
    report = scrubbed_report(error)
    assert SECRET not in report and "MRN-SECRET-1" not in report
    record = demo_record()
    record.patient.family_name = SECRET
    record.patient.id = "MRN-SECRET-1"
    document = tmp_path / "secret.json"
    document.write_text(record.model_dump_json())
    home = tmp_path / "home"
    result = subprocess.run(
        [sys.executable, "-m", "gui", "import", str(document), "--database",
         f"sqlite:///{database}"], capture_output=True, text=True, cwd=tmp_path, timeout=120,
        env={**os.environ, "NEUROEXAM_HOME": str(home)})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert SECRET not in output and "MRN-SECRET-1" not in output and "Traceback" not in output
    for written in home.rglob("*"):
        if written.is_file():
            assert SECRET.encode() not in written.read_bytes(), written


def test_every_file_the_program_writes_is_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "NEUROEXAM_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("NEUROEXAM_DATABASE_URL", None)
    out = tmp_path / "out"
    out.mkdir()

    def program(*arguments: str) -> None:
        done = subprocess.run([sys.executable, "-m", "gui", *arguments], capture_output=True,
                              text=True, cwd=tmp_path, env=env, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr

    program("demo", "--out", str(out / "demo"))
    record = next((out / "demo").glob("*.json"))
    program("import", str(record))
    program("report", str(record), "--out", str(out / "r.pdf"), "--handout", str(out / "h.pdf"))
    for fmt in ("json", "csv", "fhir"):
        program("export", "--all", "--format", fmt, "--out", str(out / f"all.{fmt}"))
    program("export", "--all", "--format", "csv", "--deidentify", "--out", str(out / "d.csv"))
    program("backup", "--out", str(out / "b.db"))
    program("--self-test")
    written = [p for p in [*home.rglob("*"), *out.rglob("*")] if p.is_file()]
    assert len(written) >= 10
    loose = {str(p): oct(p.stat().st_mode & 0o777) for p in written if p.stat().st_mode & 0o077}
    assert not loose, f"readable by others: {loose}"
    for folder in [home, *[p for p in home.rglob("*") if p.is_dir()]]:
        assert folder.stat().st_mode & 0o077 == 0, folder


def test_a_link_planted_at_an_export_or_pdf_name_is_replaced_never_written_through(
        database: Path, tmp_path: Path) -> None:
    from core.exchange.export import ExportFormat, ExportRequest, export
    from core.reports.files import write_reports
    from core.settings import Settings

    victim = tmp_path / "someone-elses.txt"
    victim.write_text("not yours")
    targets = {name: tmp_path / name for name in ("export.csv", "report.pdf", "handout.pdf")}
    for link in targets.values():
        link.symlink_to(victim)
    with Store(f"sqlite:///{database}", actor="tester") as store:
        export(store, ExportRequest(None, ExportFormat.CSV, targets["export.csv"]), Settings())
        record = store.load_record("DEMO-0001")
    write_reports(record, "post-1", Settings(), targets["report.pdf"], targets["handout.pdf"])
    assert victim.read_text() == "not yours"
    for path in targets.values():
        assert not path.is_symlink() and path.stat().st_mode & 0o777 == 0o600
