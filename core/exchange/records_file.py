"""JSON files of one patient record or of many.

One patient is the record document of record-format.md. Many patients travel as a collection, a
product extension that wraps whole record documents unchanged:

    {"format": "neuroexam.patient-records", "format_version": 1, "records": [RECORD, ...]}

Reading accepts either, or a FHIR Bundle NeuroExam wrote (core/exchange/fhir_import.py), and
checks everything before anything is used: each record is validated
as if it came alone (its problems are listed under ``records[i]``), and a patient may appear only
once in a file.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import ValidationError

from core.record import FORMAT_NAME, PatientRecord
from core.recordio import (
    MAX_RECORD_BYTES,
    Problem,
    RecordError,
    consistency_problems,
    load_json,
    read_limited,
    record_from_document,
    write_atomic,
)

COLLECTION_FORMAT = "neuroexam.patient-records"
COLLECTION_VERSION = 1
MAX_FILE_BYTES = 256 * 1024 * 1024
"""Files larger than this are refused before parsing whole (about 100,000 exams fit below it);
files in the line-per-record layout NeuroExam writes are read line by line, without this limit."""
COLLECTION_HEAD = (f'{{"format": "{COLLECTION_FORMAT}", "format_version": {COLLECTION_VERSION}, '
                   '"records": [\n')
COLLECTION_TAIL = "\n]}\n"
"""NeuroExam writes a collection as this first line, one record per line, and this last line:
still one JSON document, and readable record by record."""


def records_from_document(document: Any, source: str) -> list[PatientRecord]:
    """The records of a parsed JSON document: a single record or a collection."""
    if isinstance(document, dict) and document.get("format") == FORMAT_NAME:
        return [record_from_document(document, source)]
    if isinstance(document, dict) and document.get("resourceType") == "Bundle":
        from core.exchange.fhir_import import records_from_bundle

        return list(_unique(records_from_bundle(document, source), source))
    if not isinstance(document, dict) or document.get("format") != COLLECTION_FORMAT:
        found = document.get("format") if isinstance(document, dict) else type(document).__name__
        raise RecordError([Problem("format", f"expected {FORMAT_NAME!r} (one patient) or "
                                             f"{COLLECTION_FORMAT!r} (many), found {found!r}")],
                          source)
    version = document.get("format_version")
    if version != COLLECTION_VERSION:
        raise RecordError([Problem("format_version", f"collection version {version!r} is not "
                                   f"readable; this NeuroExam reads version {COLLECTION_VERSION}")],
                          source)
    unknown = sorted(set(document) - {"format", "format_version", "records"})
    if unknown:
        raise RecordError([Problem(key, f"unknown field {key!r}") for key in unknown], source)
    items = document.get("records")
    if not isinstance(items, list):
        raise RecordError([Problem("records", "expected a list of patient records")], source)
    return _validate_each(items, source)


def _validate_each(items: list[Any], source: str) -> list[PatientRecord]:
    records: list[PatientRecord] = []
    problems: list[Problem] = []
    first_index: dict[str, int] = {}
    for index, item in enumerate(items):
        try:
            record = record_from_document(item, source)
        except RecordError as error:
            problems += [Problem(f"records[{index}]" + (f".{p.path}" if p.path else ""), p.message)
                         for p in error.problems]
            continue
        patient_id = record.patient.id
        if patient_id in first_index:
            problems.append(Problem(f"records[{index}].patient.id", f"patient {patient_id!r} "
                                    f"appears already at records[{first_index[patient_id]}]"))
        first_index.setdefault(patient_id, index)
        records.append(record)
    if problems:
        raise RecordError(problems, source)
    return records


def _unique(records: Iterable[PatientRecord], source: str) -> Iterator[PatientRecord]:
    """The records as they come, refusing a patient's second appearance."""
    seen: set[str] = set()
    for record in records:
        if record.patient.id in seen:
            raise RecordError([Problem("entry", f"patient {record.patient.id!r} appears twice")],
                              source)
        seen.add(record.patient.id)
        yield record


def parse_records(text: str | bytes, source: str = "file") -> list[PatientRecord]:
    """Parse a file's content into records; raise RecordError listing every problem."""
    return records_from_document(load_json(text, source, MAX_FILE_BYTES, "files"), source)


ReadProgress = Callable[[int, int], None]
"""Called with the records read so far and the bytes of the file read so far."""


def read_records(path: Path, progress: ReadProgress | None = None) -> list[PatientRecord]:
    """Every record of a file (see stream_records), in a list, with the garbage collector
    paused while they are read (parsing allocates millions of objects that live on in the list,
    and collecting them over and over was half the parse time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return list(stream_records(path, progress))
    finally:
        if enabled:
            gc.enable()


def stream_records(path: Path, progress: ReadProgress | None = None) -> Iterator[PatientRecord]:
    """The records of a record, a collection or a FHIR Bundle (or bulk FHIR NDJSON) file, one
    at a time, so that an import can store each batch as it comes and memory stays flat.

    Files in the layouts NeuroExam writes (a collection one record per line, NDJSON one Bundle
    per line) are read line by line; any other file is read whole, refused first when over
    MAX_FILE_BYTES. Every record is checked: when one has problems, no further record is
    yielded, the rest are still checked, and RecordError lists every problem at the end (an
    import consuming the stream in one transaction then writes nothing). ``progress`` is called
    after each line-by-line record.
    """
    with open(path, "rb") as handle:
        first = handle.readline(len(COLLECTION_HEAD) + 1)
        if first == COLLECTION_HEAD.encode():
            yield from _unique(_read_lines(handle, str(path), progress), str(path))
            return
        if first.startswith(b'{"resourceType": "Bundle"') and _is_whole_line_json(handle):
            handle.seek(0)
            yield from _unique(_read_bundle_lines(handle, str(path), progress), str(path))
            return
    yield from parse_records(read_limited(path, MAX_FILE_BYTES, "files"), str(path))


def _is_whole_line_json(handle: BinaryIO) -> bool:
    """Whether the file's first line is a JSON document of its own (bulk FHIR NDJSON), rather
    than the start of one Bundle spread over many lines."""
    handle.seek(0)
    line = handle.readline(MAX_FILE_BYTES + 1)
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def _record_from_line(line: bytes, source: str) -> PatientRecord:
    """One record: pydantic parses the JSON itself (fast); on any problem the full check runs
    for its messages (and for older versions, which it migrates)."""
    try:
        record = PatientRecord.model_validate_json(line)
        if not consistency_problems(record):
            return record
    except ValidationError:
        pass
    return record_from_document(load_json(line, source), source)


def _read_lines(handle: BinaryIO, source: str,
                progress: ReadProgress | None) -> Iterator[PatientRecord]:
    problems: list[Problem] = []
    index = 0
    while raw := handle.readline(MAX_RECORD_BYTES + 1):
        if len(raw) > MAX_RECORD_BYTES:
            raise RecordError([*problems, Problem(f"records[{index}]", "a record larger than "
                                                  f"{MAX_RECORD_BYTES // 2**20} MiB is refused")],
                              source)
        line = raw.rstrip(b"\r\n").removesuffix(b",")
        if line in (b"]}", b""):
            continue
        try:
            record = _record_from_line(line, source)
        except RecordError as error:
            problems += [Problem(f"records[{index}]" + (f".{p.path}" if p.path else ""),
                                 p.message) for p in error.problems]
        else:
            if not problems:
                yield record
        index += 1
        if progress is not None:
            progress(index, handle.tell())
    if problems:
        raise RecordError(problems, source)


def _read_bundle_lines(handle: BinaryIO, source: str,
                       progress: ReadProgress | None) -> Iterator[PatientRecord]:
    from core.exchange.fhir_import import records_from_bundle

    number = count = 0
    while raw := handle.readline(MAX_FILE_BYTES + 1):
        number += 1
        if len(raw) > MAX_FILE_BYTES:
            raise RecordError([Problem(f"line {number}", "a Bundle larger than "
                                       f"{MAX_FILE_BYTES // 2**20} MiB is refused")], source)
        if raw.strip():
            for record in records_from_bundle(load_json(raw, f"{source}, line {number}"),
                                              f"{source}, line {number}"):
                count += 1
                yield record
            if progress is not None:
                progress(count, handle.tell())


def dumps_records(records: list[PatientRecord], collection: bool = True) -> str:
    """A collection of records (one per line), or (``collection=False``) one record's document."""
    if not collection:
        if len(records) != 1:
            raise ValueError("a single-record document holds exactly one record")
        document: dict[str, Any] = records[0].to_json_dict()
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return (COLLECTION_HEAD + ",\n".join(r.model_dump_json(exclude_none=True) for r in records)
            + COLLECTION_TAIL)


def write_records(path: Path, records: list[PatientRecord], collection: bool = True) -> None:
    """Write records atomically, readable by the owner only."""
    write_atomic(Path(path), dumps_records(records, collection).encode("utf-8"))
