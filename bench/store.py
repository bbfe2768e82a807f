"""The store at clinic scale: 50,000 patients and 250,000 exams in an SQLite file.

Medians for a prefix search (target < 10 ms), loading one patient's full history (< 20 ms) and
saving a draft edit (< 5 ms).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from common import median_ms

from core.demo import demo_record
from core.record import ExamStatus
from core.store import Store
from core.store.schema import exams, patients

PATIENTS, EXAMS_PER_PATIENT = 50_000, 5
SYLLABLES = ["an", "be", "co", "da", "el", "fi", "ga", "ho", "is", "ju", "ka", "lo", "ma", "ne",
             "or", "pu", "ri", "sa", "to", "ul", "va", "wi", "xe", "yo", "zu"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).title()


def populate(store: Store, rng: random.Random, patient_count: int = PATIENTS) -> None:
    """Bulk-insert the patients and their exams (the demo exams, re-dated)."""
    template = demo_record().exams[-1]
    document = template.model_dump_json(exclude_none=True)
    now = dt.datetime.now(dt.UTC)
    with store.engine.begin() as connection:
        for start in range(0, patient_count, 5000):
            people, visits = [], []
            for number in range(start, min(start + 5000, patient_count)):
                family, given = _name(rng), _name(rng)
                pid = f"MRN-{number:06d}"
                people.append({"id": pid, "family_name": family, "given_name": given,
                               "birth_date": dt.date(1950, 1, 1), "sex": "unknown",
                               "family_key": family.lower(), "given_key": given.lower(),
                               "id_key": pid.lower(), "updated_at": now})
                for visit in range(EXAMS_PER_PATIENT):
                    visits.append({"patient_id": pid, "id": f"ex-{visit}",
                                   "exam_date": dt.date(2025, 1, 1) + dt.timedelta(days=30 * visit),
                                   "kind": "follow-up", "status": "signed", "revision": 1,
                                   "document": document.replace(template.id, f"ex-{visit}"),
                                   "updated_at": now, "updated_by": "bench"})
            connection.execute(patients.insert(), people)
            connection.execute(exams.insert(), visits)


def main() -> None:
    """Build the database in a temporary folder and print the figures."""
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'bench.db'}", actor="bench")
        started = time.perf_counter()
        populate(store, rng)
        print(f"store: built {PATIENTS:,} patients / {PATIENTS * EXAMS_PER_PATIENT:,} exams in "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
        prefixes = [rng.choice(SYLLABLES) + rng.choice(SYLLABLES)[0] for _ in range(50)]
        search = median_ms(lambda: store.search_patients(rng.choice(prefixes)), repeat=200)
        ids = [f"MRN-{rng.randrange(PATIENTS):06d}" for _ in range(50)]
        history = median_ms(lambda: store.load_record(rng.choice(ids)), repeat=200)
        draft = demo_record().exams[-1].model_copy(update={"id": "draft",
                                                           "status": ExamStatus.DRAFT})
        revision = [store.save_draft("MRN-000001", draft, 0)]

        def edit() -> None:
            draft.notes = f"edit {revision[0]}"
            revision[0] = store.save_draft("MRN-000001", draft, revision[0])

        save = median_ms(edit, repeat=300)
        store.close()
    for label, figure, target in (("prefix search (50 rows)", search, 10.0),
                                  ("load one patient's history", history, 20.0),
                                  ("save a draft edit", save, 5.0)):
        print(f"store: {label}: median {figure:.2f} ms (target < {target:g} ms, "
              f"ratio {figure / target:.2f})")


if __name__ == "__main__":
    main()
