"""Thousands of damaged records fed to the importer: no crash, every refusal explained, and a
refused import leaves the database exactly as it was."""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path
from tempfile import mkdtemp
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import MetaData, select
from vignettes import CASES, build_record

from core.demo import demo_record
from core.exchange.csv_table import csv_text
from core.exchange.fhir import bundle
from core.exchange.records_file import dumps_records, parse_records
from core.record import PatientRecord
from core.recordio import RecordError, dumps_record
from core.store import Store, StoreError

VALID_DOCUMENTS = [demo_record().to_json_dict()] + [build_record(c).to_json_dict() for c in CASES]
"""Realistic, complete records to damage: the demo patient and every clinical vignette."""

HOSTILE = {"<huge>": "9" * 5000, "<deep>": "[" * 50_000 + "]" * 50_000,
           "<nested>": "[" * 40 + "1" + "]" * 40, "<overflow>": "1e999", "<nan>": "NaN"}
"""Values JSON text can hold but json.dumps cannot write: spliced into the text after dumping
(Python's 4300-digit limit, recursion on deep arrays, floats beyond range)."""

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 200) | st.floats(allow_nan=False)
    | st.text(max_size=8) | st.sampled_from(["NT", "4-", "left", "L5", "2026-02-30", "S4-5"])
    | st.sampled_from(list(HOSTILE))
    | st.sampled_from(["2026-01-05T12:00:00", "2026-01-05T12:00:00+05:30", "2026-01-05",
                       "0001-01-01T00:00:00Z", "9999-12-31T23:59:59-12:00"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                 max_size=3),
    max_leaves=6)


def locations(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into the document, the root included."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += locations(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += locations(value, (*path, index))
    return found


def parent_of(document: Any, path: tuple[Any, ...]) -> Any:
    node = document
    for part in path[:-1]:
        node = node[part]
    return node


@st.composite
def mutated_documents(draw: st.DrawFn) -> str:
    """A valid record (or a collection of two) with up to three damaging edits, as text."""
    document: Any = copy.deepcopy(draw(st.sampled_from(VALID_DOCUMENTS)))
    if draw(st.booleans()):
        second = copy.deepcopy(draw(st.sampled_from(VALID_DOCUMENTS)))
        document = {"format": "neuroexam.patient-records", "format_version": 1,
                    "records": [document, second]}
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(locations(document)))
        edit = draw(st.sampled_from(["replace", "delete", "add", "duplicate"]))
        if not path:
            document = draw(json_values) if edit == "replace" else document
            continue
        parent = parent_of(document, path)
        if edit == "replace":
            parent[path[-1]] = draw(json_values)
        elif edit == "delete":
            del parent[path[-1]]
        elif edit == "add" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=8))] = draw(json_values)
        elif edit == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
    text = json.dumps(document)
    for marker, value in HOSTILE.items():
        text = text.replace(json.dumps(marker), value)
    if draw(st.integers(0, 20)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
    return text


def snapshot(store: Store, tables: MetaData) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table."""
    with store.engine.connect() as connection:
        return {name: sorted(map(tuple, connection.execute(select(table))), key=repr)
                for name, table in tables.tables.items()}


accepted: list[PatientRecord] = []
"""Every record the fuzz test above found valid, for the export property below."""


def test_damaged_records_are_refused_with_reasons_and_change_nothing(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'fuzz.db'}", actor="fuzz")
    store.import_records([demo_record()])
    tables = MetaData()
    tables.reflect(store.engine)
    outcomes = {"imported": 0, "invalid": 0, "conflict": 0}
    accepted.clear()

    @settings(max_examples=2500, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.filter_too_much])
    @given(mutated_documents())
    def feed(text: str) -> None:
        before = snapshot(store, tables)
        try:
            records = parse_records(text, "fuzzed.json")
            accepted.extend(records)
            store.import_records(records)
        except RecordError as error:
            assert error.problems and all(p.message for p in error.problems)
            assert "fuzzed.json" in str(error) or "import" in str(error)
            outcome = "invalid"
        except StoreError as error:
            assert "nothing was imported" in str(error) and "Differences:" in str(error)
            outcome = "conflict"
        else:
            outcomes["imported"] += 1
            return
        outcomes[outcome] += 1
        assert snapshot(store, tables) == before

    feed()
    # Every path was exercised: valid imports, invalid files, conflicts with what is stored.
    assert min(outcomes.values()) > 0 and outcomes["invalid"] > 1000, outcomes


def test_every_record_that_validates_exports_to_json_csv_and_fhir() -> None:
    """The accepted records of the fuzz run (valid ones with odd but allowed values: far dates,
    signing times in other zones, duplicated findings) each export to every format."""
    if not accepted:
        test_damaged_records_are_refused_with_reasons_and_change_nothing(Path(mkdtemp()))
    distinct = list({dumps_record(r): r for r in accepted}.values())
    assert len(distinct) > 100, len(distinct)
    for record in distinct:
        assert parse_records(dumps_records([record]), "round trip") == [record]
        rows = list(csv.DictReader(io.StringIO(csv_text([record]))))
        assert len(rows) == len(record.exams)
        assert bundle([record])["entry"]
