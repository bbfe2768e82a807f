"""Database tables and the registry of schema migrations.

The tables use only portable SQL types (no SQLite-only features), so the same schema serves an
SQLite file on one workstation or a PostgreSQL server shared by several. Each migration step
brings a database from version N - 1 to N inside one transaction; the version is kept in `meta`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from sqlalchemy import (
    Column,
    Connection,
    Date,
    DateTime,
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

metadata = MetaData()

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
    Column("preferred_language", String(8)),  # added by migration 4
    # Case-folded copies for prefix search with an ordinary index (portable, no COLLATE tricks).
    Column("family_key", String(200), nullable=False, index=True),
    Column("given_key", String(200), nullable=False, index=True),
    Column("id_key", String(64), nullable=False, index=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

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
    Column("updated_at", DateTime(timezone=True), nullable=False),
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
    Column("saved_at", DateTime(timezone=True), nullable=False),
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
    Column("saved_at", DateTime(timezone=True), nullable=False),
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
    Column("document", Text, nullable=False),
    Column("rules_version", String(32), nullable=False),
    PrimaryKeyConstraint("patient_id", "exam_id", "revision"),
    ForeignKeyConstraint(["patient_id", "exam_id", "revision"],
                         ["exam_revisions.patient_id", "exam_revisions.exam_id",
                          "exam_revisions.revision"], ondelete="CASCADE"),
)
"""Added by migration 3: for each signed revision of an exam, the record it was assessed against
when it was signed (demographics, operations and the exams up to it), so a later change to an
operation or an earlier exam never changes what a signed exam said."""

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(32), nullable=False),
    Column("patient_id", String(64), nullable=False),
    Column("exam_id", String(64)),
    Column("detail", Text, nullable=False),
)

exams_by_patient_date = Index("ix_exams_patient_date", exams.c.patient_id, exams.c.exam_date)
"""Added by migration 2: loading a patient's history reads exams in date order."""

_VERSION_1_TABLES = [meta, patients, surgeries, exams, exam_revisions, audit_log]


def _create_version_1(connection: Connection) -> None:
    for table in _VERSION_1_TABLES:
        table.create(connection)  # with the indexes declared on its columns


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


def _add_preferred_language(connection: Connection) -> None:
    """The patient's preferred language (the handout's), nullable: older rows have none. A
    database created by this version's step 1 has the column already."""
    if "preferred_language" not in {c["name"] for c in inspect(connection).get_columns("patients")}:
        connection.execute(text("ALTER TABLE patients ADD COLUMN preferred_language VARCHAR(8)"))


Step = Callable[[Connection], None]
MIGRATIONS: dict[int, Step] = {
    1: _create_version_1,
    2: _add_history_index,
    3: _add_record_revisions,
    4: _add_preferred_language,
}
"""MIGRATIONS[n] brings a database from version n - 1 to n (0 is an empty database)."""
SCHEMA_VERSION = max(MIGRATIONS)

# Table.create() would also create indexes declared on the table; keep the history index for step 2.
exams.indexes.discard(exams_by_patient_date)


def stored_version(connection: Connection) -> int:
    """The schema version written in the database; 0 for a database with no tables."""
    if not connection.dialect.has_table(connection, "meta"):
        return 0
    value = connection.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    return int(value) if value is not None else 0


def upgrade(connection: Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply the steps from the stored version up to ``target``; return the version reached."""
    version = stored_version(connection)
    while version < target:
        version += 1
        MIGRATIONS[version](connection)
        connection.execute(meta.delete().where(meta.c.key == "schema_version"))
        connection.execute(meta.insert().values(key="schema_version", value=str(version)))
    return version
