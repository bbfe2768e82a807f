"""Clinic mode on PostgreSQL: roles as database groups, one login per clinician, and rules the
database itself enforces (after GNUmed: the server, not the app, is the last word).

- Groups: ``neuroexam_clinician`` (examine, sign, amend), ``neuroexam_nurse`` (examine, cannot
  sign), ``neuroexam_admin`` (users, backups; reads everything, changes no clinical row),
  ``neuroexam_readonly`` (reports). A login belongs to one of them.
- Triggers: a signed exam is never changed except by an amendment (a new revision kept with its
  reason), and never deleted; revisions and the audit log are append-only for every role; only a
  clinician signs; each change a clinic login makes to a patient, an operation or an exam writes
  its own audit row with that login, whatever the client (plain SQL too); the store's own audit
  rows get the login and the server's time stamped on them by the database. The owner's own
  maintenance is not audited by the triggers: as the tables' owner it could disable them.

Installed by the schema migrations that add clinic mode (6) and the signer and user
administration (7) (``neuroexam db upgrade``, run by the database's owner, who needs CREATEROLE);
nothing here runs on SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

ROLES = {"clinician": "neuroexam_clinician", "nurse": "neuroexam_nurse",
         "administrator": "neuroexam_admin", "read-only": "neuroexam_readonly"}
"""The role a user is given (``neuroexam users add --role``) -> its database group."""

_CLINICAL = ("patients", "surgeries", "exams")
_APPEND_ONLY = ("exam_revisions", "record_revisions", "signed_records", "audit_log")

_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION neuroexam_group() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT g.rolname::text FROM pg_auth_members m
    JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
    WHERE u.rolname = session_user AND g.rolname LIKE 'neuroexam\_%' LIMIT 1
$$;

CREATE OR REPLACE FUNCTION neuroexam_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'NeuroExam: % on % is refused (kept as written, for every role)',
        TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE OR REPLACE FUNCTION neuroexam_require_clinician() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    -- A clinic login of another group is refused; the owner (no group) does maintenance.
    IF neuroexam_group() IS DISTINCT FROM 'neuroexam_clinician'
            AND neuroexam_group() IS NOT NULL THEN
        RAISE EXCEPTION 'NeuroExam: only a clinician signs or amends an exam'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

CREATE OR REPLACE FUNCTION neuroexam_exam_rules() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    signs boolean;
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = 'signed' THEN
            RAISE EXCEPTION 'NeuroExam: a signed exam is never deleted'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status = 'signed'
            AND NOT (NEW.status = 'signed' AND NEW.revision = OLD.revision + 1) THEN
        RAISE EXCEPTION 'NeuroExam: a signed exam is changed only by an amendment'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    signs := NEW.status = 'signed' AND (TG_OP = 'INSERT' OR NEW.revision <> OLD.revision);
    IF signs THEN
        PERFORM neuroexam_require_clinician();
        -- Since migration 7: a signature made here (a draft signed, an amendment) names the
        -- login that signs. An imported signed exam (an INSERT) keeps the signer it had where
        -- it was signed; its import is audited with the importing login.
        IF TG_OP = 'UPDATE' AND neuroexam_group() IS NOT NULL
                AND (NEW.document::json -> 'signed_by' ->> 'login') IS DISTINCT FROM session_user
                THEN
            RAISE EXCEPTION 'NeuroExam: a signature names the login that signs'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    IF neuroexam_group() IS NOT NULL THEN
        NEW.updated_by := session_user;
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION neuroexam_amendment_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'signed' AND NOT EXISTS (
            SELECT 1 FROM exam_revisions r WHERE r.patient_id = NEW.patient_id
            AND r.exam_id = NEW.id AND r.revision = NEW.revision AND r.document = NEW.document
            AND coalesce(r.reason, '') <> '') THEN
        RAISE EXCEPTION 'NeuroExam: an amendment keeps its revision with a reason'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION neuroexam_revision_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM neuroexam_require_clinician();
    IF neuroexam_group() IS NOT NULL THEN
        NEW.saved_by := session_user;
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION neuroexam_audit_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF neuroexam_group() IS NOT NULL THEN
        NEW.actor := session_user;
        NEW.at := now();
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION neuroexam_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    item record;
    detail text := '';
    exam text := NULL;
    patient text;
BEGIN
    IF neuroexam_group() IS NULL THEN  -- the owner's maintenance: it could drop triggers anyway
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN item := OLD; ELSE item := NEW; END IF;
    IF TG_TABLE_NAME = 'patients' THEN
        patient := item.id;
    ELSE
        patient := item.patient_id;
    END IF;
    IF TG_TABLE_NAME = 'exams' THEN
        exam := item.id;
        detail := 'revision ' || item.revision || ', ' || item.status;
    ELSIF TG_TABLE_NAME = 'surgeries' THEN
        detail := item.id;
    END IF;
    INSERT INTO audit_log (at, actor, action, patient_id, exam_id, detail)
    VALUES (now(), session_user, 'db_' || TG_TABLE_NAME || '_' || lower(TG_OP), patient, exam,
            detail);
    RETURN NULL;
END $$;
"""


_USER_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION neuroexam_may_manage_users() RETURNS boolean LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    -- The caller (session_user) is an administrator login, the owner, or a superuser.
    SELECT session_user = current_user
        OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
        OR EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                   JOIN pg_roles u ON u.oid = m.member
                   WHERE u.rolname = session_user AND g.rolname = 'neuroexam_admin')
$$;

CREATE OR REPLACE FUNCTION neuroexam_create_user(login text, display text, grp text,
                                                 verifier text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT @schema@.neuroexam_may_manage_users() THEN
        RAISE EXCEPTION 'NeuroExam: only an administrator adds or disables users'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF grp NOT IN ('neuroexam_clinician', 'neuroexam_nurse', 'neuroexam_admin',
                   'neuroexam_readonly') THEN
        RAISE EXCEPTION 'NeuroExam: % is not a NeuroExam group', grp
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF verifier NOT LIKE 'SCRAM-SHA-256$%' THEN  -- never a password in clear text
        RAISE EXCEPTION 'NeuroExam: a password is given as its SCRAM verifier'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', login, verifier, grp);
    EXECUTE format('COMMENT ON ROLE %I IS %L', login, display);
END $$;

CREATE OR REPLACE FUNCTION neuroexam_disable_user(login text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT @schema@.neuroexam_may_manage_users() THEN
        RAISE EXCEPTION 'NeuroExam: only an administrator adds or disables users'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                   JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = login
                   AND g.rolname IN ('neuroexam_clinician', 'neuroexam_nurse', 'neuroexam_admin',
                                     'neuroexam_readonly')) THEN
        RETURN false;  -- only NeuroExam's own logins, never the owner or another program's
    END IF;
    EXECUTE format('ALTER ROLE %I NOLOGIN', login);
    RETURN true;
END $$;

REVOKE ALL ON FUNCTION neuroexam_may_manage_users(), neuroexam_create_user(text, text, text, text),
    neuroexam_disable_user(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION neuroexam_may_manage_users(),
    neuroexam_create_user(text, text, text, text), neuroexam_disable_user(text)
    TO neuroexam_admin;
"""


def install_signers_and_user_admin(connection: Connection) -> None:
    """Migration 7: a signature must name the login that signs (the exam rules again, CREATE OR
    REPLACE), and administrator logins add and disable users through two functions that run
    with the owner's right to create roles (SECURITY DEFINER): no login but the owner needs
    CREATEROLE, which on PostgreSQL before 16 could grant itself any role."""
    connection.exec_driver_sql(_FUNCTIONS.replace("%", "%%"))
    # The functions run with a search path of the system catalogue only (no schema a user could
    # plant a function in); they call each other by the schema they are installed in.
    schema = str(connection.exec_driver_sql("SELECT current_schema()").scalar_one())
    quoted = str(connection.dialect.identifier_preparer.quote(schema))
    connection.exec_driver_sql(_USER_FUNCTIONS.replace("@schema@", quoted).replace("%", "%%"))


def _triggers() -> list[str]:
    statements = [
        "CREATE TRIGGER neuroexam_exam_rules BEFORE INSERT OR UPDATE OR DELETE ON exams "
        "FOR EACH ROW EXECUTE FUNCTION neuroexam_exam_rules()",
        "CREATE CONSTRAINT TRIGGER neuroexam_amendment_kept AFTER UPDATE ON exams "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION neuroexam_amendment_kept()",
        "CREATE TRIGGER neuroexam_revision_rules BEFORE INSERT ON exam_revisions "
        "FOR EACH ROW EXECUTE FUNCTION neuroexam_revision_rules()",
        "CREATE TRIGGER neuroexam_audit_stamp BEFORE INSERT ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION neuroexam_audit_stamp()",
    ]
    for table in _APPEND_ONLY:
        statements += [
            f"CREATE TRIGGER neuroexam_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION neuroexam_refuse()",
            f"CREATE TRIGGER neuroexam_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION neuroexam_refuse()"]
    for table in _CLINICAL:
        statements.append(f"CREATE TRIGGER neuroexam_audit AFTER INSERT OR UPDATE OR DELETE ON "
                          f"{table} FOR EACH ROW EXECUTE FUNCTION neuroexam_audit_change()")
    return statements


def _grants(database: str, tables: list[str]) -> list[str]:
    clinical, everything = ", ".join(_CLINICAL), ", ".join(tables)
    appended = ", ".join(_APPEND_ONLY)
    editors = "neuroexam_clinician, neuroexam_nurse"
    every_group = ", ".join(ROLES.values())
    return [
        f'REVOKE ALL ON DATABASE "{database}" FROM PUBLIC',
        f"REVOKE ALL ON {everything} FROM PUBLIC",
        f'GRANT CONNECT ON DATABASE "{database}" TO {every_group}',
        f"GRANT SELECT ON {everything} TO {every_group}",
        f"REVOKE SELECT ON clinic_secrets FROM {every_group}",
        "GRANT SELECT ON clinic_secrets TO neuroexam_admin",
        f"GRANT INSERT, UPDATE ON {clinical} TO {editors}",
        f"GRANT DELETE ON exams TO {editors}",  # discarding a draft; a signed exam is refused
        f"GRANT INSERT ON {appended} TO {editors}",
        f"GRANT INSERT ON audit_log TO {every_group}",  # exports, openings, backups
        f"GRANT USAGE ON SEQUENCE audit_log_id_seq TO {every_group}",
    ]


def install(connection: Connection, tables: list[str]) -> None:
    """Create the groups (when the server has none yet), the rules and the grants."""
    for group in ROLES.values():
        connection.exec_driver_sql(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') "
            f"THEN CREATE ROLE {group} NOLOGIN; END IF; END $$")
    connection.exec_driver_sql(_FUNCTIONS.replace("%", "%%"))  # the driver's placeholders
    for statement in _triggers():
        connection.exec_driver_sql(statement)
    database = str(connection.exec_driver_sql("SELECT current_database()").scalar_one())
    for statement in _grants(database, tables):
        connection.exec_driver_sql(statement)


# --- Users ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class User:
    """A clinic login: its name, display name, role and whether it may log in."""

    login: str
    name: str
    role: str
    active: bool


def _identifier(connection: Connection, login: str) -> str:
    if not login or len(login) > 63 or not login.replace("_", "").replace(".", "").isalnum() \
            or not login.isascii():
        raise ValueError(f"{login!r} is not a valid login name (letters, digits, '_' and '.', "
                         "at most 63)")
    return str(connection.dialect.identifier_preparer.quote(login))


def add_user(connection: Connection, login: str, name: str, role: str, password: str) -> None:
    """Create a login in the role's group, with its display name (the role's comment); run by
    an administrator login or the owner (the server refuses anyone else). The password leaves
    this computer only as its SCRAM-SHA-256 verifier, computed here by libpq as psql's
    \\password does: it is in no statement, server log or audit trail."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    if len(password) < 8:
        raise ValueError("a password has at least 8 characters")
    _identifier(connection, login)
    if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :login"),
                          {"login": login}).first():
        raise ValueError(f"the login {login!r} exists already on this server")
    pgconn = connection.connection.dbapi_connection.pgconn  # type: ignore[union-attr]
    verifier = pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")
    connection.execute(text("SELECT neuroexam_create_user(:login, :name, :grp, :verifier)"),
                       {"login": login, "name": name, "grp": ROLES[role],
                        "verifier": verifier.decode()})


def disable_user(connection: Connection, login: str) -> bool:
    """Stop a login from logging in (its rows and audit entries stay); False if it is not a
    NeuroExam login. Run by an administrator login or the owner."""
    return bool(connection.execute(text("SELECT neuroexam_disable_user(:login)"),
                                   {"login": login}).scalar_one())


def list_users(connection: Connection) -> list[User]:
    """Every login in a NeuroExam group, by login."""
    rows = connection.execute(text(
        "SELECT u.rolname AS login, coalesce(shobj_description(u.oid, 'pg_authid'), '') AS name, "
        "g.rolname AS grp, u.rolcanlogin AS active FROM pg_auth_members m "
        "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
        "WHERE g.rolname = ANY(:groups) ORDER BY u.rolname"), {"groups": list(ROLES.values())})
    by_group = {group: role for role, group in ROLES.items()}
    return [User(row.login, row.name, by_group[row.grp], row.active) for row in rows]


def identity(connection: Connection) -> tuple[str, str] | None:
    """(login, display name) of a clinic login; None for the owner or a superuser."""
    row: Any = connection.execute(text(
        "SELECT session_user AS login, coalesce(shobj_description(r.oid, 'pg_authid'), '') AS name,"
        " neuroexam_group() AS grp FROM pg_roles r WHERE r.rolname = session_user")).first()
    if row is None or row.grp is None:
        return None
    return str(row.login), str(row.name or row.login)
