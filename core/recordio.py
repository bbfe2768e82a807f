"""Reading and writing patient records: readable errors, migrations, atomic files.

Reading never trusts its input: size, JSON syntax, format and version, every field, then the
cross-references between fields. Every problem is reported with its path in the document and, where
there is a vocabulary, the values allowed there, so that whoever made the file can fix it.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import ValidationError

from core.exam_items import SIDE_TEST
from core.grades import MotorGrade, ReflexGrade, SensoryGrade
from core.knowledge import Dermatome, Muscle, Reflex
from core.record import FORMAT_NAME, FORMAT_VERSION, PatientRecord

MAX_RECORD_BYTES = 32 * 1024 * 1024
"""Files larger than this are refused before parsing: a record of one patient is a few hundred KB."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document, and where."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class RecordError(ValueError):
    """A record that breaks the contract, with every problem found."""

    def __init__(self, problems: list[Problem], source: str = "record") -> None:
        self.problems = problems
        self.source = source
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{source} is not a valid patient record ({len(problems)} "
                         f"problem{'s' if len(problems) != 1 else ''}):\n{lines}")


# --------------------------------------------------------------------------------------------
# Migrations: a registry of steps from version N to N + 1.
# --------------------------------------------------------------------------------------------

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}
"""MIGRATIONS[n] turns a version-n document into a version n + 1 one. Empty while version 1 is
the only version; a later version registers its step here so that old files keep loading."""


def migrate(document: dict[str, Any], target: int = FORMAT_VERSION) -> dict[str, Any]:
    """Bring ``document`` up to ``target`` by applying the registered steps in order."""
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise RecordError([Problem("format_version", f"expected a whole number, found {version!r}")])
    if version > target:
        raise RecordError([Problem(
            "format_version", f"version {version} was written by a newer NeuroExam "
            f"(this one reads versions up to {target}); update NeuroExam to read it")])
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise RecordError([Problem("format_version", f"no migration from version {version}")])
        document = step(document)
        version += 1
        document["format_version"] = version
    return document


# --------------------------------------------------------------------------------------------
# Turning pydantic's errors into plain words.
# --------------------------------------------------------------------------------------------

_SECTION_VOCABULARY: dict[str, tuple[str, list[str], str, list[str]]] = {
    "motor": ("muscle", [m.value for m in Muscle], "MRC grade",
              [json.dumps(g.value) for g in MotorGrade]),
    "light_touch": ("dermatome", [d.value for d in Dermatome], "sensory grade",
                    [json.dumps(g.value) for g in SensoryGrade]),
    "pin_prick": ("dermatome", [d.value for d in Dermatome], "sensory grade",
                  [json.dumps(g.value) for g in SensoryGrade]),
    "reflexes": ("reflex", [r.value for r in Reflex], "reflex grade (NINDS)",
                 [json.dumps(g.value) for g in ReflexGrade]),
}


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if part == "[key]":
            continue
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _describe(error: Any) -> str:
    """A sentence for one pydantic error, naming what was found and what is allowed."""
    loc: tuple[int | str, ...] = tuple(error["loc"])
    kind = error["type"]
    found = error.get("input")
    section = next((p for p in loc if isinstance(p, str) and p in _SECTION_VOCABULARY), None)
    if kind == "extra_forbidden":
        if len(loc) >= 2 and loc[-2] in _SECTION_VOCABULARY or (section and loc[-1] not in
                                                                 ("left", "right")):
            return f"{loc[-1]!r} is not a side; allowed: left, right"
        return f"unknown field {loc[-1]!r}"
    if kind == "missing":
        return "required field is missing"
    if kind in ("enum", "bool_grade") and section is not None:
        key_noun, keys, value_noun, values = _SECTION_VOCABULARY[section]
        if "[key]" in loc:
            return f"unknown {key_noun} {json.dumps(found)}; allowed: {', '.join(keys)}"
        return f"{json.dumps(found)} is not a valid {value_noun}; allowed: {', '.join(values)}"
    if kind == "enum":
        return f"{found!r} is not allowed here; allowed: {error['ctx']['expected']}"
    if kind == "literal_error":
        return f"{found!r} is not allowed here; expected {error['ctx']['expected']}"
    if kind.startswith("datetime"):
        return f"{found!r} is not a date and time (expected ISO 8601 with a time zone)"
    if kind.startswith("date"):
        return f"{found!r} is not a date (expected YYYY-MM-DD, a real calendar day)"
    if kind == "string_pattern_mismatch":
        return (f"{found!r} is not a valid identifier (letters, digits and . _ : - only, "
                "at most 64 characters)")
    if kind in SIDE_TEST and SIDE_TEST[kind].count is not None:
        # A per-side test that may be counted names itself as the error's type (exam_items).
        return f"{found!r}: {error['msg']}"
    return f"{error['msg']} (found {found!r})" if found is not None else str(error["msg"])


def _problems_from_validation(error: ValidationError) -> list[Problem]:
    seen: set[tuple[str, str]] = set()
    problems: list[Problem] = []
    for item in error.errors(include_url=False):
        problem = Problem(_path(tuple(item["loc"])) or "(record)", _describe(item))
        # A bad dict key is reported for the key and again for its value: keep the key only.
        if "[key]" not in item["loc"] and any(
            p.path == problem.path and p.message.startswith("unknown ") for p in problems
        ):
            continue
        if (problem.path, problem.message) not in seen:
            seen.add((problem.path, problem.message))
            problems.append(problem)
    return problems


def consistency_problems(record: PatientRecord) -> list[Problem]:
    """Cross-field rules pydantic cannot see field by field: unique ids, references, NT reasons."""
    problems: list[Problem] = []
    surgery_ids = [s.id for s in record.surgeries]
    for index, surgery_id in enumerate(surgery_ids):
        if surgery_ids.index(surgery_id) != index:
            problems.append(Problem(f"surgeries[{index}].id", f"duplicate surgery id {surgery_id!r}"))
    exam_ids = [e.id for e in record.exams]
    for index, exam in enumerate(record.exams):
        if exam_ids.index(exam.id) != index:
            problems.append(Problem(f"exams[{index}].id", f"duplicate exam id {exam.id!r}"))
        if exam.surgery_id is not None and exam.surgery_id not in surgery_ids:
            known = ", ".join(surgery_ids) or "none"
            problems.append(Problem(
                f"exams[{index}].surgery_id",
                f"refers to unknown surgery {exam.surgery_id!r}; surgeries in this record: {known}"))
        for key in exam.nt_reasons:
            if value_at(exam.model_dump(mode="json"), key) != "NT":
                problems.append(Problem(
                    f"exams[{index}].nt_reasons.{key}", "a reason is given but the item is not NT"))
    return problems


def value_at(document: dict[str, Any], dotted: str) -> Any:
    """The value at a dotted path ("motor.left.hip_flexion") of a JSON document, None if absent."""
    node: Any = document
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


# --------------------------------------------------------------------------------------------
# Public reading and writing.
# --------------------------------------------------------------------------------------------


def _too_large(size: int, limit: int, what: str) -> Problem:
    return Problem("", f"the file is {size / 2**20:.1f} MiB; {what} larger than "
                       f"{limit // 2**20} MiB are refused")


MAX_JSON_DEPTH = 32
"""Deepest nesting of arrays and objects accepted: a record is 6 levels deep, a collection 8, a
FHIR Bundle about 12. Deeper documents are refused before anything walks them recursively."""
MAX_NUMBER_LENGTH = 24
"""Longest number (in characters) accepted: no field of the contract needs more, and Python
refuses integers over 4300 digits with an error that would otherwise escape as a traceback."""


class _RefusedNumber:
    """Stands in for a number the parser refused, so that the path to it can be reported."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason


def _parse_int(text: str) -> int | _RefusedNumber:
    if len(text) > MAX_NUMBER_LENGTH:
        return _RefusedNumber(text, f"a number of {len(text)} digits; numbers longer than "
                                    f"{MAX_NUMBER_LENGTH} characters are refused")
    return int(text)


def _parse_float(text: str) -> float | _RefusedNumber:
    value = float(text) if len(text) <= MAX_NUMBER_LENGTH else None
    if value is None or value in (float("inf"), float("-inf")):
        return _RefusedNumber(text, f"the number {text[:12]}... is too large; numbers longer than "
                                    f"{MAX_NUMBER_LENGTH} characters or beyond the float range "
                                    "are refused")
    return value


def _parse_constant(text: str) -> _RefusedNumber:
    return _RefusedNumber(text, f"{text} is not a number JSON allows")


def structure_problems(document: Any) -> list[Problem]:
    """Nesting deeper than MAX_JSON_DEPTH and refused numbers, each with its path (iterative, so
    a deep document cannot exhaust the stack while it is checked)."""
    problems: list[Problem] = []
    stack: list[tuple[Any, str, int]] = [(document, "", 0)]
    while stack and len(problems) < 20:
        node, path, depth = stack.pop()
        if isinstance(node, _RefusedNumber):
            problems.append(Problem(path, node.reason))
        elif isinstance(node, dict | list):
            if depth >= MAX_JSON_DEPTH:
                problems.append(Problem(path, f"nested more than {MAX_JSON_DEPTH} levels deep; "
                                              "a patient record never is"))
                continue
            items = node.items() if isinstance(node, dict) else enumerate(node)
            for key, value in items:
                if isinstance(value, dict | list | _RefusedNumber):
                    child = (f"{path}[{key}]" if isinstance(key, int)
                             else f"{path}.{key}" if path else str(key))
                    stack.append((value, child, depth + 1))
    return sorted(problems, key=lambda p: p.path)


def load_json(text: str | bytes, source: str, limit: int = MAX_RECORD_BYTES,
              what: str = "records") -> Any:
    """Parse JSON text no larger than ``limit`` bytes; raise RecordError saying what is wrong.

    Besides syntax, the nesting depth and the length of numbers are limited (MAX_JSON_DEPTH,
    MAX_NUMBER_LENGTH): hostile files are refused with the path of the offending value instead
    of exhausting Python's recursion or integer limits.
    """
    if len(text) > limit:
        raise RecordError([_too_large(len(text), limit, what)], source)
    try:
        document = json.loads(text, parse_int=_parse_int, parse_float=_parse_float,
                              parse_constant=_parse_constant)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        where = (f" (line {error.lineno}, column {error.colno})"
                 if isinstance(error, json.JSONDecodeError) else "")
        raise RecordError([Problem("", f"the file is not JSON{where}: {error}")], source) from None
    except RecursionError:
        raise RecordError([Problem("", f"the file is nested far more than {MAX_JSON_DEPTH} "
                                       "levels deep; a patient record never is")], source) from None
    problems = structure_problems(document)
    if problems:
        raise RecordError(problems, source)
    return document


def read_limited(path: Path, limit: int = MAX_RECORD_BYTES, what: str = "records") -> bytes:
    """A file's bytes, refusing one over ``limit`` before reading it."""
    size = Path(path).stat().st_size
    if size > limit:
        raise RecordError([_too_large(size, limit, what)], str(path))
    return Path(path).read_bytes()


def parse_record(text: str | bytes, source: str = "record") -> PatientRecord:
    """Parse and validate a record document; raise RecordError listing every problem."""
    return record_from_document(load_json(text, source), source)


def record_from_document(document: Any, source: str = "record") -> PatientRecord:
    """Validate an already parsed JSON value as a record (migrating older versions)."""
    if not isinstance(document, dict):
        raise RecordError([Problem("", "expected a JSON object at the top level")], source)
    if document.get("format") != FORMAT_NAME:
        raise RecordError([Problem("format", f"expected {FORMAT_NAME!r}, found "
                                             f"{document.get('format')!r}")], source)
    try:
        document = migrate(dict(document))
        # Validating from JSON text keeps the strict rules of the contract: dates as ISO strings,
        # grades as the exact strings or integers the contract names.
        record = PatientRecord.model_validate_json(json.dumps(document))
    except RecordError as error:
        raise RecordError(error.problems, source) from None
    except ValidationError as error:
        raise RecordError(_problems_from_validation(error), source) from None
    problems = consistency_problems(record)
    if problems:
        raise RecordError(problems, source)
    return record


def read_record(path: Path) -> PatientRecord:
    """Read a record file, refusing oversized files before loading them."""
    return parse_record(read_limited(path), str(path))


def dumps_record(record: PatientRecord) -> str:
    """The record as indented JSON text, the canonical form written to files."""
    return json.dumps(record.to_json_dict(), indent=2, ensure_ascii=False) + "\n"


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A file to write ``path`` through, so that a crash leaves either the old file or the new one.

    The bytes go to a temporary file in the same folder (readable by the owner only), are flushed
    to disk when the block ends, and the temporary file is renamed over the target; the folder is
    synced so the rename itself survives a power cut. An exception in the block leaves the old file
    and removes the temporary one. Exports stream into it patient by patient.
    """
    path = Path(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            yield temp
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, 0o600)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    if hasattr(os, "O_DIRECTORY"):
        directory = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see `atomic_file`)."""
    with atomic_file(path) as out:
        out.write(data)


def write_record(path: Path, record: PatientRecord) -> None:
    """Write a record atomically after checking its cross-references."""
    problems = consistency_problems(record)
    if problems:
        raise RecordError(problems, str(path))
    write_atomic(path, dumps_record(record).encode("utf-8"))


def record_json_schema() -> dict[str, Any]:
    """The JSON Schema of the patient record, as committed in assets/schema/."""
    schema = PatientRecord.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "urn:neuroexam:patient-record:1"
    return schema


def dumps_schema() -> str:
    """The schema as the text committed to the repository."""
    return json.dumps(record_json_schema(), indent=2, sort_keys=True) + "\n"
