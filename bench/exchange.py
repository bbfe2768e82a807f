"""Exchange figures: export rate and peak memory per format, and importing 10,000 exams.

- FHIR export of one exam (warm), with and without the clinician PDF (the PDF is most of the cost);
  both include the fhir.resources validation that runs before anything is written.
- Export of a whole store in each format, each in a fresh process so its peak resident memory
  (ru_maxrss) is the export's own: at two store sizes, to show whether memory grows with the
  number of patients (it should not: exports stream patient by patient), and the FHIR rate.
- Import of 10,000 exams (2,000 patients, one collection file), stored in one transaction; the
  parse alone is compared with the earlier way (the whole file through json.loads and per-record
  validation), taking turns.

`python bench/exchange.py [--patients N ...]` (default 200 and 1,000 patients of 5 exams; the FHIR
exports take a few minutes each at the larger size).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import history_record, median_ms

from core.exchange.fhir import bundle, clinician_pdf
from core.exchange.records_file import dumps_records, read_records, stream_records
from core.record import PatientRecord
from core.recordio import record_from_document
from core.settings import Settings
from core.store import Store

EXAMS_EACH = 5
FORMATS = ("json", "csv", "fhir", "fhir-ndjson")


def patients(count: int) -> list[PatientRecord]:
    """``count`` copies of a 5-exam history under different record ids."""
    template = history_record(EXAMS_EACH)
    records = []
    for number in range(count):
        record = template.model_copy(deep=True)
        record.patient.id = f"MRN-{number:06d}"
        records.append(record)
    return records


def one_export(url: str, kind: str, out: str) -> None:
    """Run in a child process: export everything, print seconds and peak memory as JSON."""
    from core.exchange.export import ExportFormat, ExportRequest, export

    store = Store(url, actor="bench")
    start = time.perf_counter()
    summary = export(store, ExportRequest(None, ExportFormat(kind), Path(out)), Settings())
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_mib": peak_mib(), "exams": summary.exams}))


def peak_mib() -> float:
    """This process's peak resident memory. VmHWM belongs to the process image (ru_maxrss would
    also count the parent's memory at fork time); ru_maxrss where /proc is missing."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_exports(sizes: list[int]) -> None:
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{Path(folder) / 'clinic.db'}"
            Store(url, actor="bench").import_records(patients(size))
            for kind in FORMATS:
                out = Path(folder) / f"export.{kind}"
                result = subprocess.run([sys.executable, __file__, "--child", url, kind, str(out)],
                                        capture_output=True, text=True, check=True)
                figures = json.loads(result.stdout)
                rate = figures["exams"] / figures["seconds"]
                print(f"export {kind:12s} {figures['exams']:>7,} exams: peak {figures['peak_mib']:6.0f}"
                      f" MiB, {figures['seconds']:6.1f} s ({rate:,.0f} exams/s), "
                      f"{out.stat().st_size / 2**20:.0f} MiB file")


def measure_import(count: int = 2_000) -> None:
    text = dumps_records(patients(count))

    def whole_file() -> None:  # the earlier reader: json.loads of everything, then each record
        document = json.loads(text)
        for item in document["records"]:
            record_from_document(item)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.json"
        path.write_text(text, encoding="utf-8")
        earlier = median_ms(whole_file, repeat=3, warmup=1) / 1000
        streamed = median_ms(lambda: read_records(path), repeat=3, warmup=1) / 1000
        store = Store(f"sqlite:///{Path(folder) / 'import.db'}", actor="bench")
        start = time.perf_counter()
        report = store.import_records(stream_records(path))
        total = time.perf_counter() - start
        store.close()
    print(f"import of {report.exams_added:,} exams ({count:,} patients, {len(text) / 2**20:.0f} "
          f"MiB): {total:.2f} s in all; reading and validating {streamed:.2f} s line by line with "
          f"the GC paused vs {earlier:.2f} s the earlier way ({earlier / streamed:.1f}x)")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        one_export(*sys.argv[2:5])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, nargs="+", default=[200, 1_000])
    args = parser.parse_args()
    record = history_record(10)
    exam = record.exams_by_date()[-1].id
    pdf_maker = clinician_pdf(Settings())
    without_pdf = median_ms(lambda: bundle([record], exam_ids=[exam]), repeat=30)
    with_pdf = median_ms(lambda: bundle([record], pdf_maker, exam_ids=[exam]), repeat=20)
    print(f"FHIR export of one exam (history of 10, warm): {without_pdf:.1f} ms without the PDF, "
          f"{with_pdf:.1f} ms with the clinician PDF attached")
    measure_import()
    measure_exports(args.patients)


if __name__ == "__main__":
    main()
