"""Database tables and the registry of schema migrations.

The tables use only portable SQL types (no SQLite-only features), so the same schema serves an
SQLite file on one workstation or a PostgreSQL server shared by several. Each migration step
brings a database from version N - 1 to N inside one transaction; the version is kept in `meta`.
"""

from __future__ import annotations

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
    Column("preferred_language", String(8)),  # added by migration 3
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


def _add_preferred_language(connection: Connection) -> None:
    """The patient's preferred language (the handout's), nullable: older rows have none. A
    database created by this version's step 1 has the column already."""
    if "preferred_language" not in {c["name"] for c in inspect(connection).get_columns("patients")}:
        connection.execute(text("ALTER TABLE patients ADD COLUMN preferred_language VARCHAR(8)"))


Step = Callable[[Connection], None]
MIGRATIONS: dict[int, Step] = {
    1: _create_version_1,
    2: _add_history_index,
    3: _add_preferred_language,
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
