"""Clinic logins for the tests on a real PostgreSQL server, added as a clinic adds them."""

from __future__ import annotations

import io

import pytest
from sqlalchemy.engine import make_url

from core.cli import main
from core.demo import demo_record
from core.store import Store
from core.store.connection import with_login

PASSWORD = "correct horse 1"


def demo_clinic(db_url: str, roles: tuple[str, ...],
                monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The demo patient and one login per role (display name "Dr Role"), added by the owner
    with `neuroexam users add`, each with PASSWORD; their URLs without a password, as a
    workstation's setting names them. Logins are server-wide, so they carry the database's name."""
    suffix = make_url(db_url).database
    with Store(db_url, actor="setup") as owner:
        owner.import_record(demo_record())
    logins = {}
    for role in roles:
        login = f"{role.replace('-', '')}_{suffix}"
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        assert main(["users", "add", login, "--role", role, "--name", f"Dr {role.title()}",
                     "--password-stdin", "--database", db_url]) == 0
        logins[role] = with_login(db_url, login)
    return logins
