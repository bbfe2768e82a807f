"""One of the concurrency test's workstations: a process of its own, logged in as one clinic login,
editing, signing, amending and importing against the shared database until its deadline, and
writing every outcome the store acknowledged or refused to a JSON-lines file.

    python tests/concurrency_worker.py URL NUMBER ROLE DURATION OUT

It says "ready" on standard output once connected, and starts when a line comes on standard
input, so that all of them work at the same time however long each took to start.

An edit appends a marker ("w3.17;") to the exam's notes, so that afterwards every acknowledged
save can be looked for in the stored exam. Between reading an exam and saving it the worker
pauses a few milliseconds, as a person does, which is when another workstation saves in between.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy.engine import make_url  # noqa: E402

from core.demo import DEMO_PATIENT_ID, demo_record  # noqa: E402
from core.record import ExamStatus  # noqa: E402
from core.store import ConflictError, SignedExamError, Store  # noqa: E402

DRAFTS = [f"D-{n}" for n in range(12)]
"""The exams of the demo patient every worker edits (created as drafts by the test)."""
SIGNED_ONES = DRAFTS[:4]
"""The ones clinicians sign and amend (the others stay drafts, edited the whole run; editing these
once signed is refused)."""


def main() -> int:
    url, number, role, duration, out = sys.argv[1:6]
    worker = int(number)
    password = make_url(url).password  # typed again to sign, as the app asks
    rng = random.Random(worker)
    operations = ["edit"] * 5 + (["sign", "amend", "import"] if role == "clinician" else [])
    with Store(url) as store, Path(out).open("w") as log:
        def note(**fields: object) -> None:
            log.write(json.dumps(fields) + "\n")
            log.flush()

        store.count_patients()  # connected
        print("ready", flush=True)
        sys.stdin.readline()
        deadline = time.time() + float(duration)
        count = 0
        while time.time() < deadline:
            count += 1
            marker = f"w{worker}.{count};"
            operation = rng.choice(operations)
            try:
                if operation == "import":
                    # A referral's record: its exams arrive as drafts (a signature in clinic
                    # mode names a login of this clinic; the server refuses any other).
                    record = demo_record()
                    patient = record.patient.model_copy(update={"id": f"IMP-{worker}-{count}"})
                    drafts = [exam.model_copy(update={"status": ExamStatus.DRAFT,
                                                      "signed_at": None, "signed_by": None})
                              for exam in record.exams]
                    record = record.model_copy(update={"patient": patient, "exams": drafts})
                    store.import_records([record])
                    note(op="import", patient=patient.id, exams=[e.id for e in record.exams])
                    continue
                exam_id = rng.choice(DRAFTS if operation == "edit" else SIGNED_ONES)
                stored = store.load_exam(DEMO_PATIENT_ID, exam_id)
                time.sleep(rng.uniform(0, 0.02))  # the person at the keyboard
                exam = stored.exam.model_copy(update={"notes": stored.exam.notes + marker})
                if operation == "edit":
                    revision = store.save_draft(DEMO_PATIENT_ID, exam, stored.revision)
                elif operation == "sign":
                    revision = store.sign_exam(DEMO_PATIENT_ID, exam, stored.revision, "",
                                               password=password)
                elif stored.exam.status is ExamStatus.SIGNED:
                    revision = store.amend_exam(DEMO_PATIENT_ID, exam, stored.revision,
                                                f"amended by worker {worker}", password=password)
                else:
                    continue
                note(op=operation, exam=exam_id, revision=revision, marker=marker,
                     status="draft" if operation == "edit" else "signed")
            except SignedExamError as error:
                note(op="refused_signed", exam=exam_id, message=str(error))
            except ConflictError as error:
                note(op="conflict", message=str(error))
            except Exception as error:  # noqa: BLE001 (anything else fails the test)
                note(op="error", during=operation, kind=type(error).__name__, message=str(error))
    return 0


if __name__ == "__main__":
    sys.exit(main())
