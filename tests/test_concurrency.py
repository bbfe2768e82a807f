"""Eight workstations at once on one PostgreSQL database (real processes, real server, clinic logins:
six clinicians and two nurses), editing, signing, amending and importing for a few seconds
(tests/concurrency_worker.py). Afterwards, from what the store acknowledged and refused:

- every acknowledged save is in the database (its marker is in the stored exam, and no two saves
  of one exam were acknowledged at the same revision: nothing was overwritten unseen);
- no signed exam changed: each signed revision holds exactly the edits acknowledged up to it, and
  the exam as stored is its latest revision;
- every conflict was refused with a message naming who saved when;
- the audit trail has a row, by the right login, for every change and for no refused one.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url
from test_clinic_roles import add

from core.demo import DEMO_PATIENT_ID, demo_record
from core.record import Exam, ExamStatus
from core.store import Store
from core.store.schema import audit_log, exam_revisions, exams

pytestmark = pytest.mark.parametrize("engine_name", ["postgresql-glibc"], indirect=True)
WORKER = Path(__file__).with_name("concurrency_worker.py")
DURATION = 6.0
"""Seconds of work per process: enough for hundreds of operations and dozens of conflicts on the
2-core test machine, short enough for every `make test`."""
ROLES = ["clinician"] * 6 + ["nurse"] * 2
CONFLICT = re.compile(r"^Exam D-\d+ was saved elsewhere \(revision \d+, \d{4}-\d\d-\d\d \d\d:\d\d "
                      r"UTC by (\w+)\) after this copy was opened \(revision \d+\)\. Your changes "
                      r"were not saved; reopen the exam to see the newer version\.$")


def markers(notes: str) -> list[str]:
    return [m + ";" for m in notes.split(";") if m]


def test_eight_workstations_lose_nothing_change_no_signed_exam_and_audit_everything(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    suffix = make_url(db_url).database
    with Store(db_url, actor="setup") as owner:
        owner.import_record(demo_record())
        template = owner.load_exam(DEMO_PATIENT_ID, "post-1").exam
        for n in range(12):
            owner.save_draft(DEMO_PATIENT_ID, template.model_copy(update={
                "id": f"D-{n}", "status": ExamStatus.DRAFT, "signed_at": None, "notes": ""}), 0)
    logins = [f"w{n}_{suffix}" for n in range(len(ROLES))]
    urls = [add(db_url, login, role, f"Worker {n}", monkeypatch)
            for n, (login, role) in enumerate(zip(logins, ROLES, strict=True))]
    outs = [tmp_path / f"worker{n}.jsonl" for n in range(len(ROLES))]
    processes = [subprocess.Popen([sys.executable, str(WORKER), url, str(n), role, str(DURATION),
                                   str(out)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  text=True)
                 for n, (url, role, out) in enumerate(zip(urls, ROLES, outs, strict=True))]
    for process in processes:  # every one loaded and connected: then all start at once
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.close()
    for process in processes:
        assert process.wait(timeout=120) == 0
    results = [(n, json.loads(line)) for n, out in enumerate(outs)
               for line in out.read_text().splitlines()]
    kinds = Counter(result["op"] for _, result in results)
    print(f"{len(ROLES)} processes, {DURATION} s: {dict(kinds)}")
    assert [result for _, result in results if result["op"] == "error"] == []
    assert kinds["edit"] > 100 and kinds["sign"] and kinds["amend"] and kinds["import"]
    assert kinds["conflict"] > 0 and kinds["refused_signed"] > 0

    engine = create_engine(db_url)
    with engine.connect() as connection:
        stored = {row.id: row for row in connection.execute(
            select(exams).where(exams.c.patient_id == DEMO_PATIENT_ID))}
        revisions = defaultdict(dict)
        for row in connection.execute(select(exam_revisions).where(
                (exam_revisions.c.patient_id == DEMO_PATIENT_ID)
                & exam_revisions.c.exam_id.startswith("D-"))):
            revisions[row.exam_id][row.revision] = row
        audit = list(connection.execute(select(audit_log)))
    engine.dispose()

    # Every acknowledged save is present, none at a revision another save also got.
    saves: dict[str, dict[int, tuple[int, dict[str, Any]]]] = defaultdict(dict)
    for worker, result in results:
        if result["op"] in ("edit", "sign", "amend"):
            assert result["revision"] not in saves[result["exam"]], "two saves, one revision"
            saves[result["exam"]][result["revision"]] = (worker, result)
    for exam_id, acknowledged in saves.items():
        row = stored[exam_id]
        assert row.revision == max(acknowledged)
        assert markers(Exam.model_validate_json(row.document).notes) == [
            result["marker"] for _, (_, result) in sorted(acknowledged.items())]

    # No signed exam changed: each signed revision holds the saves acknowledged up to it; the
    # exam as stored is its latest signed revision.
    for exam_id, kept in revisions.items():
        for revision, row in kept.items():
            assert markers(Exam.model_validate_json(row.document).notes) == [
                result["marker"] for r, (_, result) in sorted(saves[exam_id].items())
                if r <= revision]
        assert stored[exam_id].status == "signed"
        assert stored[exam_id].document == kept[max(kept)].document
    signed_acks = {(result["exam"], result["revision"]) for _, result in results
                   if result["op"] in ("sign", "amend")}
    assert signed_acks == {(e, r) for e, kept in revisions.items() for r in kept}

    # Every conflict names who saved it when (a login of this clinic).
    for _, result in results:
        if result["op"] == "conflict":
            found = CONFLICT.match(result["message"])
            assert found, result["message"]
            assert found.group(1) in logins
        if result["op"] == "refused_signed":
            assert "is signed; " in result["message"]

    # The audit trail has one row by the database for each acknowledged change, by its login,
    # and none for a refused one; imports are audited per patient and per exam.
    exam_rows = Counter((row.exam_id, row.detail, row.actor) for row in audit
                        if row.action in ("db_exams_insert", "db_exams_update")
                        and row.patient_id == DEMO_PATIENT_ID)
    expected = Counter((exam_id, f"revision {revision}, {result['status']}", logins[worker])
                       for exam_id, acknowledged in saves.items()
                       for revision, (worker, result) in acknowledged.items())
    assert exam_rows == expected
    for worker, result in results:
        if result["op"] == "import":
            rows = [row for row in audit if row.patient_id == result["patient"]]
            assert {row.actor for row in rows} == {logins[worker]}
            assert Counter(row.action for row in rows) == Counter(
                {"db_patients_insert": 1, "record_imported": 1, "db_exams_insert": len(
                    result["exams"]), "db_surgeries_insert": len(demo_record().surgeries)})
