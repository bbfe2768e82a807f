"""The store at clinic scale: 50,000 (or --patients N) patients with 5 exams each (or
--exams-per-patient), on SQLite or (--engine postgresql) a throwaway local PostgreSQL server
started as the tests start one (tests/pgserver.py; glibc en_US.UTF-8 collation).

Medians for a prefix search of one letter and of three (target <= 10 ms for any prefix), loading
one patient's full history (<= 20 ms) and saving a draft edit (< 5 ms).

    python bench/store.py [--engine sqlite|postgresql] [--patients 500000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from common import median_ms

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

from core.demo import demo_record
from core.record import ExamStatus
from core.store import Store
from core.store.schema import exams, patients

PATIENTS, EXAMS_PER_PATIENT = 50_000, 5
SYLLABLES = ["an", "be", "co", "da", "el", "fi", "ga", "ho", "is", "ju", "ka", "lo", "ma", "ne",
             "or", "pu", "ri", "sa", "to", "ul", "va", "wi", "xe", "yo", "zu"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).title()


def populate(store: Store, rng: random.Random, patient_count: int = PATIENTS,
             exams_per_patient: int = EXAMS_PER_PATIENT) -> None:
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
                for visit in range(exams_per_patient):
                    visits.append({"patient_id": pid, "id": f"ex-{visit}",
                                   "exam_date": dt.date(2025, 1, 1) + dt.timedelta(days=30 * visit),
                                   "kind": "follow-up", "status": "signed", "revision": 1,
                                   "document": document.replace(template.id, f"ex-{visit}"),
                                   "updated_at": now, "updated_by": "bench"})
            connection.execute(patients.insert(), people)
            connection.execute(exams.insert(), visits)


def main() -> None:
    """Build the database in a temporary folder (or server) and print the figures."""
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    options.add_argument("--patients", type=int, default=PATIENTS)
    options.add_argument("--exams-per-patient", type=int, default=EXAMS_PER_PATIENT)
    args = options.parse_args()
    rng = random.Random(7)
    server = None
    with tempfile.TemporaryDirectory() as folder:
        if args.engine == "postgresql":
            from pgserver import fresh_database, start_server

            from core.store.connection import upgrade_database

            server, problem = start_server()
            if server is None:
                sys.exit(f"store bench: no PostgreSQL server could start: {problem}")
            url = fresh_database(server, "postgresql-glibc")
            upgrade_database(url)
        else:
            url = f"sqlite:///{Path(folder) / 'bench.db'}"
        try:
            figures = measure(Store(url, actor="bench"), rng, args.patients,
                              args.exams_per_patient)
        finally:
            if server is not None:
                server.stop()
    scale = f"{args.engine}, {args.patients:,} patients / {args.patients * args.exams_per_patient:,} exams"
    for label, figure, target in figures:
        print(f"store ({scale}): {label}: median {figure:.2f} ms (target < {target:g} ms, "
              f"ratio {figure / target:.2f})")


def measure(store: Store, rng: random.Random, patient_count: int,
            exams_per_patient: int) -> list[tuple[str, float, float]]:
    started = time.perf_counter()
    populate(store, rng, patient_count, exams_per_patient)
    if store.engine.dialect.name == "postgresql":
        with store.engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
    print(f"store: built {patient_count:,} patients in {time.perf_counter() - started:.1f} s",
          file=sys.stderr)
    letters = [syllable[0] for syllable in SYLLABLES]
    three = [rng.choice(SYLLABLES) + rng.choice(SYLLABLES)[0] for _ in range(50)]
    one_letter = median_ms(lambda: store.search_patients(rng.choice(letters)), repeat=200)
    search = median_ms(lambda: store.search_patients(rng.choice(three)), repeat=200)
    ids = [f"MRN-{rng.randrange(patient_count):06d}" for _ in range(50)]
    history = median_ms(lambda: store.load_record(rng.choice(ids)), repeat=200)
    draft = demo_record().exams[-1].model_copy(update={"id": "draft",
                                                       "status": ExamStatus.DRAFT})
    revision = [store.save_draft("MRN-000001", draft, 0)]

    def edit() -> None:
        draft.notes = f"edit {revision[0]}"
        revision[0] = store.save_draft("MRN-000001", draft, revision[0])

    save = median_ms(edit, repeat=300)
    store.close()
    return [("prefix search, one letter (50 rows)", one_letter, 10.0),
            ("prefix search, three letters (50 rows)", search, 10.0),
            ("load one patient's history", history, 20.0),
            ("save a draft edit", save, 5.0)]


if __name__ == "__main__":
    main()
