"""Backups in clinic mode: `neuroexam backup` on a server says what to run instead, and what it
says works: pg_dump as the administrator login, pg_restore into an empty database, and the
restored database opens with every patient, signed exam and audit row."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from pgserver import server_binaries
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from test_clinic_roles import PASSWORD, add

from core.cli import main
from core.demo import DEMO_PATIENT_ID, demo_record
from core.store import Store
from core.store.schema import audit_log, exam_revisions

pytestmark = pytest.mark.parametrize("engine_name", ["postgresql-icu"], indirect=True)


def tool(name: str) -> str:
    """A PostgreSQL client program: on PATH (Debian's wrappers), else beside the server's."""
    found = shutil.which(name)
    if found:
        return found
    binaries = server_binaries()
    assert binaries is not None and (binaries / name).exists(), f"{name} is not installed"
    return str(binaries / name)


def counts(url: str) -> tuple[int, int, list[str]]:
    engine = create_engine(url)
    with engine.connect() as connection:
        audit = connection.execute(select(func.count()).select_from(audit_log)).scalar_one()
        signed = connection.execute(select(exam_revisions.c.document)
                                    .order_by(exam_revisions.c.exam_id)).scalars().all()
        patients = connection.execute(text("SELECT count(*) FROM patients")).scalar_one()
    engine.dispose()
    return patients, audit, list(signed)


def test_backup_on_a_server_gives_the_pg_dump_commands_and_they_work(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    with Store(db_url, actor="setup") as owner:
        owner.import_record(demo_record())
    admin = add(db_url, f"admin_{make_url(db_url).database}", "administrator", "IT", monkeypatch)
    capsys.readouterr()
    dump = tmp_path / "clinic.dump"
    code = main(["backup", "--out", str(dump), "--database", admin])
    said = capsys.readouterr().err
    assert code != 0 and not dump.exists()
    assert "is a database server" in said and "Nothing was written" in said
    assert PASSWORD not in said
    lines = [line.strip() for line in said.splitlines()]
    backup = next(line for line in lines if line.startswith("pg_dump "))
    restore = next(line for line in lines if line.startswith("pg_restore --host"))
    # Run what it says: the administrator's dump, then a restore into a new empty database.
    env = {**os.environ, "PGPASSWORD": PASSWORD}
    argv = shlex.split(backup)
    subprocess.run([tool(argv[0]), *argv[1:]], env=env, check=True, timeout=120)
    assert dump.stat().st_size > 0
    target = make_url(db_url).set(database=f"{make_url(db_url).database}_restored")
    admin_engine = create_engine(make_url(db_url).set(database="postgres"),
                                 isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {target.database} TEMPLATE template0"))
    admin_engine.dispose()
    argv = shlex.split(restore.replace(f"--dbname {make_url(db_url).database}",
                                       f"--dbname {target.database}"))
    argv[argv.index("--username") + 1] = "postgres"  # the owner (here the tests' superuser)
    subprocess.run([tool(argv[0]), *argv[1:]], check=True, timeout=120,
                   capture_output=True)
    restored = target.render_as_string(hide_password=False)
    assert counts(restored) == counts(db_url)
    with Store(restored, actor="check") as store:
        assert store.load_record(DEMO_PATIENT_ID) == demo_record()
    assert main(["db", "status", "--database", restored]) == 0
