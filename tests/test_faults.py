"""Kills at random moments: after each, the database is sound and every acknowledged change is in
it (issue: nothing lost). A child process saves, signs, imports, backs up or restores in a loop
and prints "ack ..." after each operation returns; the test kills it with SIGKILL at a random
moment, then checks.

`make test` runs a few kills of each kind; `make test-faults` sets NEUROEXAM_FAULT_RUNS=50.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.demo import demo_record
from core.store import Store, verify_backup
from core.store.schema import SCHEMA_VERSION
from core.store.sqlite_file import check_file

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("NEUROEXAM_FAULT_RUNS", "3"))

pytestmark = [pytest.mark.faults,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]

CHILD = {
    "save": """
for n in range(10**6):
    store.save_patient(Patient(id=f"S-{n}", family_name="Save", given_name=str(n)))
    ack(f"S-{n}")
""",
    "sign": """
for n in range(10**6):
    exam = Exam(id=f"e-{n}", date=dt.date(2026, 1, 1), kind=ExamKind.INITIAL)
    revision = store.save_draft("DEMO-0001", exam, 0)
    store.sign_exam("DEMO-0001", exam, revision, "Dr K")
    ack(f"e-{n}")
""",
    "import": """
for n in range(10**6):
    record = demo_record()
    record.patient.id = f"I-{n}"
    store.import_records([record])
    ack(f"I-{n}")
""",
    "backup": """
for n in range(10**6):
    store.backup(folder / f"b-{n}.db")
    ack(f"b-{n}.db")
""",
    "restore": """
store.backup(folder / "source.db")
store.close()
for n in range(10**6):
    restore(folder / "source.db", url)
    ack(f"r-{n}")
""",
}

PRELUDE = """
import datetime as dt, sys
from pathlib import Path
from core.demo import demo_record
from core.record import Exam, ExamKind, Patient
from core.store import Store, restore
url, folder = sys.argv[1], Path(sys.argv[2])
store = Store(url, actor="fault")
def ack(what):
    sys.stdout.write(f"ack {what}\\n")
    sys.stdout.flush()
"""


def _acknowledged(output: str) -> list[str]:
    """The names in the complete "ack NAME" lines of ``output``; a line the kill cut short
    (no newline yet) names nothing, though its operation had returned."""
    return [line.split()[1] for line in output.split("\n")[:-1]
            if line.startswith("ack ") and len(line.split()) == 2]


def _run_and_kill(kind: str, url: str, folder: Path, seed: int) -> list[str]:
    """Start the child, let it acknowledge a random number of operations, SIGKILL it at a
    random moment after that; return what it acknowledged."""
    chance = random.Random(seed)
    child = subprocess.Popen([sys.executable, "-c", PRELUDE + CHILD[kind], url, str(folder)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    acked: list[str] = []
    assert child.stdout is not None
    wanted = chance.randint(1, 6)
    deadline = time.monotonic() + 60
    while len(acked) < wanted and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line.endswith("\n"):
            break
        acked += _acknowledged(line)
    time.sleep(chance.uniform(0, 0.05))  # land inside the next operation, somewhere
    child.send_signal(signal.SIGKILL)
    rest, errors = child.communicate(timeout=30)
    acked += _acknowledged(rest)
    assert acked, f"the child acknowledged nothing: {errors[-2000:]}"
    return acked


def _sound(database: Path) -> None:
    found = check_file(database, SCHEMA_VERSION, deep=True)
    assert found.schema_version == SCHEMA_VERSION


@pytest.mark.parametrize("kind", list(CHILD))
def test_a_kill_at_any_moment_loses_no_acknowledged_change(kind: str, tmp_path: Path) -> None:
    for run in range(RUNS):
        folder = tmp_path / f"run-{run}"
        folder.mkdir()
        database = folder / "clinic.db"
        url = f"sqlite:///{database}"
        with Store(url, actor="setup") as store:
            store.import_records([demo_record()])
        acked = _run_and_kill(kind, url, folder, seed=run * 7919 + len(kind))
        _sound(database)
        with Store(url, actor="check") as store:
            if kind == "save":
                stored = {p.id for p in store.search_patients("save", 10**6)}
                assert set(acked) <= stored
            elif kind == "sign":
                record = store.load_record("DEMO-0001")
                signed = {e.id for e in record.exams if e.status.value == "signed"}
                assert set(acked) <= signed
            elif kind == "import":
                for patient_id in store.patient_ids():
                    if patient_id.startswith("I-"):  # all of an import, or none of it
                        assert len(store.load_record(patient_id).exams) == 3
                assert set(acked) <= set(store.patient_ids())
        if kind == "backup":
            for name in acked:
                verify_backup(folder / name)
            for made in folder.glob("b-*.db"):  # anything under a final name is whole
                verify_backup(made)
            if kind == "restore":  # the old database or the restored one, never none
                assert "DEMO-0001" in store.patient_ids()
