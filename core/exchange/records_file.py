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
files in the layouts NeuroExam writes (a collection one record per line, a FHIR Bundle one entry
per line, bulk FHIR NDJSON) are read line by line, without this limit."""
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

    Files in the layouts NeuroExam writes (a collection one record per line, a FHIR Bundle one
    entry per line, read patient by patient; NDJSON one Bundle per line) are read line by line;
    any other file (a Bundle after a server round trip, say) is read whole, refused first when
    over MAX_FILE_BYTES. Every record is checked: when one has problems, no further record is
    yielded, the rest are still checked, and RecordError lists every problem at the end (an
    import consuming the stream in one transaction then writes nothing). ``progress`` is called
    after each line-by-line record.
    """
    with open(path, "rb") as handle:
        first = handle.readline(MAX_HEAD_BYTES)
        if first == COLLECTION_HEAD.encode():
            yield from _unique(_read_lines(handle, str(path), progress), str(path))
            return
        if _is_streamed_bundle_head(first):
            yield from _unique(_read_bundle_entries(handle, str(path), progress), str(path))
            return
        if first.startswith(b'{"resourceType": "Bundle"') and _is_whole_line_json(handle):
            handle.seek(0)
            yield from _unique(_read_bundle_lines(handle, str(path), progress), str(path))
            return
    yield from parse_records(read_limited(path, MAX_FILE_BYTES, WHOLE_FILES), str(path))


MAX_HEAD_BYTES = 64 * 1024
"""The first line is read up to this many bytes to recognise a layout read line by line."""
WHOLE_FILES = ("files not laid out as NeuroExam exports them (a collection or a FHIR Bundle one "
               "entry per line, or bulk FHIR NDJSON; those are read line by line) are read "
               "whole, and those")
"""What the size limit applies to, as the refusal says it."""


def _is_streamed_bundle_head(line: bytes) -> bool:
    """Whether ``line`` is the first line of a FHIR Bundle written one entry per line
    (core/exchange/fhir.py bundle_head_line): the Bundle's own fields, then ``"entry": [``."""
    text = line.rstrip(b"\r\n")
    if not (text.startswith(b'{"resourceType": "Bundle"') and text.endswith(b'"entry": [')):
        return False
    try:
        head = json.loads(text + b"]}")
    except ValueError:
        return False
    return isinstance(head, dict) and head.get("entry") == []


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


def _read_bundle_entries(handle: BinaryIO, source: str,
                         progress: ReadProgress | None) -> Iterator[PatientRecord]:
    """The records of a Bundle written one entry per line, patient by patient: a Patient's
    entry and the entries after it, up to the next Patient, are read as one Bundle.

    Every entry but a Patient must refer to the Patient it follows (as NeuroExam writes them);
    a Bundle laid out otherwise is refused at the line that breaks the order, since reading it
    patient by patient would lose findings. Problems in a patient's record are collected as the
    collection reader does (nothing more is yielded, the rest is still checked)."""
    from core.exchange.fhir_import import records_from_bundle

    problems: list[Problem] = []
    group: list[Any] = []
    patient_refs: set[str] = set()
    patient_line = last_line = number = count = 0
    ended = False

    def refused(error: RecordError | None = None, message: str = "") -> RecordError:
        found = [Problem("", message)] if message or error is None else error.problems
        return RecordError([*problems, *(Problem(f"line {number}" + (f", {p.path}" if p.path
                                                                      else ""), p.message)
                                         for p in found)], source)

    def group_records() -> Iterator[PatientRecord]:
        nonlocal count
        where = f"lines {patient_line}-{last_line}"
        try:
            records = records_from_bundle({"resourceType": "Bundle", "entry": group}, source)
        except RecordError as error:
            problems.extend(Problem(f"{where}, {p.path}", p.message) for p in error.problems)
            return
        for record in records if not problems else []:
            count += 1
            yield record
            if progress is not None:
                progress(count, handle.tell())

    number = 1  # the head line, already read
    while raw := handle.readline(MAX_RECORD_BYTES + 1):
        number += 1
        if len(raw) > MAX_RECORD_BYTES:
            raise refused(message=f"an entry larger than {MAX_RECORD_BYTES // 2**20} MiB is "
                                  "refused")
        line = raw.rstrip(b"\r\n").removesuffix(b",")
        if not line.strip():
            continue
        if ended:
            raise refused(message="unexpected text after the end of the Bundle")
        if line == b"]}":
            ended = True
            continue
        try:
            entry = load_json(line, source)
        except RecordError as error:
            raise refused(error, _json_syntax(line)) from None
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
            raise refused(message="expected a Bundle entry with a resource, one per line")
        kind = resource["resourceType"]
        if kind == "Patient":
            yield from group_records() if group else ()
            group, patient_line, last_line = [entry], number, number
            patient_refs = {str(entry.get("fullUrl")), f"Patient/{resource.get('id')}"}
            continue
        if not group:
            raise refused(message=f"a {kind} before any Patient")
        subject = resource.get("subject")
        reference = str(subject.get("reference", "")) if isinstance(subject, dict) else ""
        if reference and reference not in patient_refs:
            raise refused(message=f"the {kind} refers to {reference!r}, not to the Patient of "
                                  f"line {patient_line} before it: this Bundle is not laid out "
                                  "patient by patient as NeuroExam writes it")
        group.append(entry)
        last_line = number
    if not ended:
        raise refused(message="the file ends here, before the Bundle's last line ']}': is it "
                              "complete?")
    yield from group_records() if group else ()
    if problems:
        raise RecordError(problems, source)


def _json_syntax(line: bytes) -> str:
    """What is wrong with a line that is not JSON, by column ("" if it is JSON)."""
    try:
        json.loads(line)
    except json.JSONDecodeError as error:
        return f"the line is not JSON (column {error.colno}): {error.msg}"
    except UnicodeDecodeError as error:
        return f"the line is not UTF-8 text: {error.reason}"
    return ""


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
