"""Database tables and the registry of schema migrations.

The tables use only portable SQL types (no SQLite-only features), so the same schema serves an
SQLite file on one workstation or a PostgreSQL server shared by several. Each migration step
brings a database from version N - 1 to N inside one transaction; the version is kept in `meta`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Date,
    DateTime,
    Dialect,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    inspect,
    select,
    text,
)
from sqlalchemy.types import TypeDecorator

metadata = MetaData()


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A moment, stored in UTC and read back timezone-aware in UTC on every engine.

    PostgreSQL keeps the zone (timestamptz, returned in the session's zone); SQLite keeps text
    without one and returns naive values. Both come back the same here, so code never compares
    a naive time with an aware one or prints a local time labelled UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("a stored moment needs a time zone")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None,
                             dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


SearchKey = Text().with_variant(Text(collation="C"), "postgresql")
"""A case-folded copy of a name or id for prefix search: unbounded (folding can make a name longer:
"ß" becomes "ss") and in code-point order on every engine (SQLite compares bytes; PostgreSQL gets
the "C" collation, since a language collation such as glibc en_US orders strings in ways a prefix
range cannot follow)."""

meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", String(255), nullable=False),
)

patients = Table(
    "patients", metadata,
    Column("id", String(64), primary_key=True),
    Column("family_name", String(200), nullable=False),
    Column("given_name", String(200), nullable=False),
    Column("birth_date", Date),
    Column("sex", String(16), nullable=False),
    Column("preferred_language", String(8)),  # added by migration 5
    # Case-folded copies for prefix search (see SearchKey and the patients_by_* indexes).
    Column("family_key", SearchKey, nullable=False),
    Column("given_key", SearchKey, nullable=False),
    Column("id_key", SearchKey, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

# Prefix search reads the first rows of one of these in index order and stops (no sort of every
# match): family names, given names and record ids, each with the columns that order its ties.
patients_by_family = Index("ix_patients_by_family", patients.c.family_key, patients.c.given_key,
                           patients.c.id)
patients_by_given = Index("ix_patients_by_given", patients.c.given_key, patients.c.family_key,
                          patients.c.id)
patients_by_id = Index("ix_patients_by_id", patients.c.id_key, patients.c.id)

surgeries = Table(
    "surgeries", metadata,
    Column("patient_id", String(64), nullable=False),
    Column("id", String(64), nullable=False),
    Column("document", Text, nullable=False),
    PrimaryKeyConstraint("patient_id", "id"),
    ForeignKeyConstraint(["patient_id"], ["patients.id"], ondelete="CASCADE"),
)

exams = Table(
    "exams", metadata,
    Column("patient_id", String(64), nullable=False),
    Column("id", String(64), nullable=False),
    Column("exam_date", Date, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("document", Text, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("updated_by", String(200), nullable=False),
    PrimaryKeyConstraint("patient_id", "id"),
    ForeignKeyConstraint(["patient_id"], ["patients.id"], ondelete="CASCADE"),
)

exam_revisions = Table(
    "exam_revisions", metadata,
    Column("patient_id", String(64), nullable=False),
    Column("exam_id", String(64), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("document", Text, nullable=False),
    Column("saved_at", UTCDateTime, nullable=False),
    Column("saved_by", String(200), nullable=False),
    Column("reason", Text),
    PrimaryKeyConstraint("patient_id", "exam_id", "revision"),
    ForeignKeyConstraint(["patient_id", "exam_id"], ["exams.patient_id", "exams.id"],
                         ondelete="CASCADE"),
)

record_revisions = Table(
    "record_revisions", metadata,
    Column("patient_id", String(64), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("item_id", String(64), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("document", Text, nullable=False),
    Column("saved_at", UTCDateTime, nullable=False),
    Column("saved_by", String(200), nullable=False),
    PrimaryKeyConstraint("patient_id", "kind", "item_id", "revision"),
    ForeignKeyConstraint(["patient_id"], ["patients.id"], ondelete="CASCADE"),
)
"""Added by migration 3: every version of a patient's demographics (kind "patient") and of each
operation (kind "surgery"), so that changing them never rewrites history."""

signed_records = Table(
    "signed_records", metadata,
    Column("patient_id", String(64), nullable=False),
    Column("exam_id", String(64), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("basis", Text, nullable=False),  # replaced "document" in migration 8
    Column("rules_version", String(32), nullable=False),
    PrimaryKeyConstraint("patient_id", "exam_id", "revision"),
    ForeignKeyConstraint(["patient_id", "exam_id", "revision"],
                         ["exam_revisions.patient_id", "exam_revisions.exam_id",
                          "exam_revisions.revision"], ondelete="CASCADE"),
)
"""Added by migration 3: for each signed revision of an exam, the record it was assessed against
when it was signed (demographics, operations and the exams up to it), so a later change to an
operation or an earlier exam never changes what a signed exam said. Since migration 8 ``basis``
names the revisions of those parts (records.signing_basis_row); versions 3 to 7 kept the whole
record as JSON in ``document``."""

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(32), nullable=False),
    Column("patient_id", String(64), nullable=False),
    Column("exam_id", String(64)),
    Column("detail", Text, nullable=False),
)

clinic_secrets = Table(
    "clinic_secrets", metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
"""Added by migration 6: in clinic mode, the clinic's pseudonym key (readable by the
administrator role only); unused on a workstation, whose key is a file in its data folder."""

exam_locks = Table(
    "exam_locks", metadata,
    Column("patient_id", String(64), nullable=False),
    Column("exam_id", String(64), nullable=False),
    Column("token", String(64), nullable=False),
    Column("holder", String(200), nullable=False),
    Column("holder_name", String(200), nullable=False),
    Column("workstation", String(200), nullable=False),
    Column("since", UTCDateTime, nullable=False),
    Column("seen", UTCDateTime, nullable=False),
    PrimaryKeyConstraint("patient_id", "exam_id"),
)
"""Added by migration 9: which workstation has an exam open for editing, since when, and its last
sign of life (core/store/locks.py). Not clinical data: no foreign key, so a lock never stops a
draft from being discarded; a row is removed when its editor closes, or taken over once stale."""

exams_by_patient_date = Index("ix_exams_patient_date", exams.c.patient_id, exams.c.exam_date)
"""Added by migration 2: loading a patient's history reads exams in date order."""

_VERSION_1_TABLES = [meta, patients, surgeries, exams, exam_revisions, audit_log]


def _create_version_1(connection: Connection) -> None:
    for table in _VERSION_1_TABLES:
        table.create(connection)  # without the indexes later steps add (see LATER_INDEXES)


def _add_history_index(connection: Connection) -> None:
    exams_by_patient_date.create(connection)


def _add_record_revisions(connection: Connection) -> None:
    """Tables for the versions of demographics and operations and the signing basis of exams;
    what is stored today becomes revision 1 (exams signed before this keep no basis: they are
    assessed against the current record and the app says so)."""
    record_revisions.create(connection)
    signed_records.create(connection)
    stamp = dt.datetime.now(dt.UTC)
    # The columns of version 2 only: the patients table gains a column in step 4.
    version_2 = (patients.c.id, patients.c.family_name, patients.c.given_name, patients.c.sex,
                 patients.c.birth_date)
    for row in connection.execute(select(*version_2)).mappings():
        fields = {"id": row["id"], "family_name": row["family_name"],
                  "given_name": row["given_name"], "sex": row["sex"],
                  "birth_date": row["birth_date"].isoformat() if row["birth_date"] else None}
        document = json.dumps({key: value for key, value in fields.items() if value is not None})
        connection.execute(record_revisions.insert().values(
            patient_id=row["id"], kind="patient", item_id=row["id"], revision=1,
            document=document, saved_at=stamp, saved_by="(before revision history)"))
    for row in connection.execute(select(surgeries)).mappings():
        connection.execute(record_revisions.insert().values(
            patient_id=row["patient_id"], kind="surgery", item_id=row["id"], revision=1,
            document=row["document"], saved_at=stamp, saved_by="(before revision history)"))


def _search_in_code_point_order(connection: Connection) -> None:
    """Search keys unbounded and, on PostgreSQL, in the "C" collation (the glibc en_US default
    sorted U+10FFFF before letters, so prefix search found nothing); indexes that serve the first
    rows of a prefix search in order."""
    if connection.dialect.name == "postgresql":
        for column in ("family_key", "given_key", "id_key"):
            connection.exec_driver_sql(
                f'ALTER TABLE patients ALTER COLUMN {column} TYPE TEXT COLLATE "C"')
    for column in ("family_key", "given_key", "id_key"):
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS ix_patients_{column}")
    for index in (patients_by_family, patients_by_given, patients_by_id):
        index.create(connection)


def _add_preferred_language(connection: Connection) -> None:
    """The patient's preferred language (the handout's), nullable: older rows have none. A
    database created by this version's step 1 has the column already."""
    if "preferred_language" not in {c["name"] for c in inspect(connection).get_columns("patients")}:
        connection.execute(text("ALTER TABLE patients ADD COLUMN preferred_language VARCHAR(8)"))


def _clinic_rules(connection: Connection) -> None:
    """Clinic mode: roles as groups, the rules the server enforces, its audit triggers
    (core/store/clinic.py). Nothing on SQLite, a workstation's own file."""
    clinic_secrets.create(connection)
    if connection.dialect.name == "postgresql":
        from core.store.clinic import install

        # The tables of this step's time (a later step's tables get their own grants).
        install(connection, sorted(inspect(connection).get_table_names()))
        connection.execute(clinic_secrets.insert().values(
            name="pseudonym_key", value=secrets.token_hex(32)))


def _signers_and_user_admin(connection: Connection) -> None:
    """Clinic mode: a signature names the login that signs; administrators manage users
    (core/store/clinic.py). Nothing on SQLite."""
    if connection.dialect.name == "postgresql":
        from core.store.clinic import install_signers_and_user_admin

        install_signers_and_user_admin(connection)


def _signing_bases_as_references(connection: Connection) -> None:
    """Signing bases name the revisions they were made of instead of copying them whole (the
    copies made importing a long history slow). Each stored basis is read and every part of it
    is matched with a kept revision of exactly the same content (the latest such); a part with
    none is kept whole, so every signed exam's basis reads back exactly as before. A database
    created by this version's step 3 has the new column already."""
    from core.record import Exam, Patient, PatientRecord, Surgery
    from core.store.records import signing_basis_row

    if "document" not in {c["name"] for c in inspect(connection).get_columns("signed_records")}:
        return
    postgres = connection.dialect.name == "postgresql"
    if postgres:  # the rows are append-only for every role (clinic mode); the owner converts them
        connection.exec_driver_sql("ALTER TABLE signed_records DISABLE TRIGGER USER")
    connection.exec_driver_sql("ALTER TABLE signed_records ADD COLUMN basis TEXT")
    old = Table("signed_records", MetaData(), Column("patient_id", String), Column("exam_id", String),
                Column("revision", Integer), Column("document", Text), Column("basis", Text),
                Column("rules_version", String))
    patient_ids: list[str] = list(connection.execute(select(old.c.patient_id).distinct()).scalars())
    for patient_id in patient_ids:
        versions: dict[tuple[str, str], list[tuple[int, Any]]] = {}
        for row in connection.execute(select(record_revisions).where(
                record_revisions.c.patient_id == patient_id)):
            model = Patient if row.kind == "patient" else Surgery
            versions.setdefault((row.kind, row.item_id), []).append(
                (row.revision, model.model_validate_json(row.document)))
        for row in connection.execute(select(exam_revisions).where(
                exam_revisions.c.patient_id == patient_id)):
            versions.setdefault(("exam", row.exam_id), []).append(
                (row.revision, Exam.model_validate_json(row.document)))
        rows = connection.execute(select(old.c.exam_id, old.c.revision, old.c.document).where(
            old.c.patient_id == patient_id)).all()
        for row in rows:
            basis = PatientRecord.model_validate_json(row.document)
            parts: list[tuple[str, Any]] = [("patient", basis.patient)]
            parts += [("surgery", s) for s in basis.surgeries] + [("exam", e) for e in basis.exams]
            kept: dict[tuple[str, str], int] = {}
            for kind, item in parts:
                same = [number for number, version in versions.get((kind, item.id), [])
                        if version == item]
                if same:
                    kept[(kind, item.id)] = max(same)
            references = signing_basis_row(patient_id, row.exam_id, row.revision, basis, kept)
            connection.execute(old.update().where(
                (old.c.patient_id == patient_id) & (old.c.exam_id == row.exam_id)
                & (old.c.revision == row.revision)).values(basis=references["basis"]))
    connection.exec_driver_sql("ALTER TABLE signed_records DROP COLUMN document")
    if postgres:  # SQLite cannot make an added column NOT NULL; the store always fills it
        connection.exec_driver_sql("ALTER TABLE signed_records ALTER COLUMN basis SET NOT NULL")
        connection.exec_driver_sql("ALTER TABLE signed_records ENABLE TRIGGER USER")


def _add_exam_locks(connection: Connection) -> None:
    """"Being edited by ... since ...": the table of edit locks; on a server, its grants, the
    notification that tells other workstations of each new audit row and the administrator's
    read of the audit sequence for backups (core/store/notify.py)."""
    if not inspect(connection).has_table("exam_locks"):  # (not made by an earlier step 1)
        exam_locks.create(connection)
    if connection.dialect.name == "postgresql":
        from core.store.notify import install_on_server

        install_on_server(connection)


Step = Callable[[Connection], None]
MIGRATIONS: dict[int, Step] = {
    1: _create_version_1,
    2: _add_history_index,
    3: _add_record_revisions,
    4: _search_in_code_point_order,
    5: _add_preferred_language,
    6: _clinic_rules,
    7: _signers_and_user_admin,
    8: _signing_bases_as_references,
    9: _add_exam_locks,
}
"""MIGRATIONS[n] brings a database from version n - 1 to n (0 is an empty database)."""
SCHEMA_VERSION = max(MIGRATIONS)

LATER_INDEXES = [exams_by_patient_date, patients_by_family, patients_by_given, patients_by_id]
"""Indexes added by a later step than their table: Table.create() leaves them out."""
for _index in LATER_INDEXES:
    _index.table.indexes.discard(_index)  # type: ignore[union-attr]


def stored_version(connection: Connection) -> int:
    """The schema version written in the database; 0 for a database with no tables."""
    if not connection.dialect.has_table(connection, "meta"):
        return 0
    value = connection.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    return int(value) if value is not None else 0


def upgrade(connection: Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply the steps from the stored version up to ``target``; return the version reached.

    The caller holds the database's migration lock (Backend.lock_schema) in this transaction, so
    the version read here is final: a second process waits, then finds nothing left to do."""
    version = stored_version(connection)
    while version < target:
        version += 1
        MIGRATIONS[version](connection)
        connection.execute(meta.delete().where(meta.c.key == "schema_version"))
        connection.execute(meta.insert().values(key="schema_version", value=str(version)))
    return version


def _shape(tables: dict[str, tuple[list[str], list[str]]]) -> str:
    lines = [f"{name}({','.join(sorted(columns))})[{','.join(sorted(indexes))}]"
             for name, (columns, indexes) in sorted(tables.items())]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


def expected_hash() -> str:
    """The schema hash of this version: its tables with their columns and named indexes.

    Types are left out on purpose: each engine reports them in its own words. What the code relies
    on (which tables, columns and indexes exist) is in."""
    return _shape({table.name: ([column.name for column in table.columns],
                                [str(index.name) for index in table.indexes]
                                + [str(index.name) for index in LATER_INDEXES
                                   if index.table is table])
                   for table in metadata.sorted_tables})


def database_hash(connection: Connection) -> str:
    """The schema hash of the database as it is (see expected_hash)."""
    inspector: Any = inspect(connection)
    return _shape({name: ([column["name"] for column in inspector.get_columns(name)],
                          [str(index["name"]) for index in inspector.get_indexes(name)
                           if index.get("name")])
                   for name in inspector.get_table_names()})
