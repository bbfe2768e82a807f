"""Exchange figures: export rate and peak memory per format, and import time and peak memory.

- FHIR export of one exam (warm), with and without the clinician PDF (the PDF is most of the cost);
  both include the schema check that runs before anything is written.
- Export of a whole store in each format, each in a fresh process so its peak resident memory
  is the export's own: at two store sizes, to show whether memory grows with the number of
  patients (it should not: exports stream patient by patient), and the FHIR rate.
- Import of 10,000 exams (2,000 patients, one collection file): read, checked and stored as it
  is read, in one transaction; and, in a fresh process at each store size, its peak memory, and
  that of importing the FHIR export back (one Bundle of all patients, read patient by patient).

`python bench/exchange.py [--patients N ...]` (default 200 and 1,000 patients of 5 exams; the FHIR
exports take a few minutes each at the larger size). The clinic-scale memory run is
`--patients 200 10000` (50,000 exams; most of an hour on a loaded machine; `--formats fhir` for
the FHIR export and its import alone).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from common import history_record, median_ms

from core.exchange.fhir import bundle, clinician_pdf
from core.exchange.records_file import COLLECTION_HEAD, COLLECTION_TAIL, stream_records
from core.record import PatientRecord
from core.settings import Settings
from core.store import Store

EXAMS_EACH = 5
FORMATS = ("json", "csv", "fhir", "fhir-ndjson")


def patients(count: int) -> Iterator[PatientRecord]:
    """``count`` copies of a 5-exam history under different record ids, one at a time (so that
    making a store of 50,000 exams takes no more memory than one of 1,000)."""
    template = history_record(EXAMS_EACH)
    for number in range(count):
        record = template.model_copy(deep=True)
        record.patient.id = f"MRN-{number:06d}"
        yield record


def write_collection(path: Path, count: int) -> None:
    """A collection file of ``count`` patients in the layout NeuroExam writes (one per line)."""
    with open(path, "w", encoding="utf-8") as out:
        out.write(COLLECTION_HEAD)
        for number, record in enumerate(patients(count)):
            out.write(("" if number == 0 else ",\n") + record.model_dump_json(exclude_none=True))
        out.write(COLLECTION_TAIL)


def peak_mib() -> float:
    """This process's peak resident memory. VmHWM belongs to the process image (ru_maxrss would
    also count the parent's memory at fork time); ru_maxrss where /proc is missing."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_export(url: str, kind: str, out: str) -> None:
    """Run in a child process: export everything, print seconds and peak memory as JSON."""
    from core.exchange.export import ExportFormat, ExportRequest, export

    store = Store(url, actor="bench")
    start = time.perf_counter()
    summary = export(store, ExportRequest(None, ExportFormat(kind), Path(out)), Settings())
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_mib": peak_mib(), "exams": summary.exams}))


def child_import(url: str, path: str) -> None:
    """Run in a child process: import a file into an empty store, print seconds and peak."""
    store = Store(url, actor="bench")
    start = time.perf_counter()
    report = store.import_records(stream_records(Path(path)))
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_mib": peak_mib(), "exams": report.exams_added}))


def in_child(*args: str) -> dict[str, float]:
    result = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                            check=True)
    figures: dict[str, float] = json.loads(result.stdout)
    return figures


def measure_size(size: int, formats: list[str]) -> None:
    """Import and export a store of ``size`` patients, each step in its own process; the one
    FHIR Bundle of all patients is imported back (into an empty store) as well."""
    with tempfile.TemporaryDirectory() as folder:
        collection = Path(folder) / "collection.json"
        write_collection(collection, size)
        url = f"sqlite:///{Path(folder) / 'clinic.db'}"
        figures = in_child("--child-import", url, str(collection))
        print(f"import {figures['exams']:>7,.0f} exams ({collection.stat().st_size / 2**20:.0f} MiB "
              f"file): peak {figures['peak_mib']:6.0f} MiB, {figures['seconds']:6.1f} s "
              f"({figures['exams'] / figures['seconds']:,.0f} exams/s)", flush=True)
        collection.unlink()
        for kind in formats:
            out = Path(folder) / f"export.{kind}"
            figures = in_child("--child-export", url, kind, str(out))
            rate = figures["exams"] / figures["seconds"]
            print(f"export {kind:12s} {figures['exams']:>7,.0f} exams: peak "
                  f"{figures['peak_mib']:6.0f} MiB, {figures['seconds']:6.1f} s ({rate:,.0f} "
                  f"exams/s), {out.stat().st_size / 2**20:.0f} MiB file", flush=True)
            if kind == "fhir":
                back = f"sqlite:///{Path(folder) / 'from-fhir.db'}"
                figures = in_child("--child-import", back, str(out))
                print(f"import of that FHIR Bundle {figures['exams']:>7,.0f} exams: peak "
                      f"{figures['peak_mib']:6.0f} MiB, {figures['seconds']:6.1f} s "
                      f"({figures['exams'] / figures['seconds']:,.0f} exams/s)", flush=True)
            out.unlink()


def measure_import(count: int = 2_000) -> None:
    """Import of ``count`` patients in this process: the whole time, and reading alone."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.json"
        write_collection(path, count)
        reading = median_ms(lambda: sum(1 for _ in stream_records(path)), repeat=3, warmup=1)
        times = []
        for run in range(3):
            store = Store(f"sqlite:///{Path(folder) / f'import-{run}.db'}", actor="bench")
            start = time.perf_counter()
            report = store.import_records(stream_records(path))
            times.append(time.perf_counter() - start)
            store.close()
        size = path.stat().st_size / 2**20
    print(f"import of {report.exams_added:,} exams ({count:,} patients, {size:.0f} MiB): "
          f"{min(times):.2f}-{max(times):.2f} s in all (3 runs), of which reading and checking "
          f"{reading / 1000:.2f} s", flush=True)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child-export":
        child_export(*sys.argv[2:5])
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--child-import":
        child_import(*sys.argv[2:4])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, nargs="+", default=[200, 1_000])
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS),
                        help="the exports to measure (the FHIR one is imported back too)")
    args = parser.parse_args()
    record = history_record(10)
    exam = record.exams_by_date()[-1].id
    pdf_maker = clinician_pdf(Settings())
    without_pdf = median_ms(lambda: bundle([record], exam_ids=[exam]), repeat=30)
    with_pdf = median_ms(lambda: bundle([record], pdf_maker, exam_ids=[exam]), repeat=20)
    print(f"FHIR export of one exam (history of 10, warm): {without_pdf:.1f} ms without the PDF, "
          f"{with_pdf:.1f} ms with the clinician PDF attached", flush=True)
    measure_import()
    for size in args.patients:
        measure_size(size, args.formats)


if __name__ == "__main__":
    main()
