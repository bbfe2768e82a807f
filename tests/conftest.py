"""Test set-up: offscreen Qt, a fresh data folder for every test (never the user's), and the
database engines the store suites run on."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from pgserver import PostgresServer, fresh_database, start_server  # noqa: E402


@pytest.fixture(autouse=True)
def fresh_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every setting, database and log at a temporary folder."""
    home = tmp_path / "neuroexam-home"
    home.mkdir()
    monkeypatch.setenv("NEUROEXAM_HOME", str(home))
    monkeypatch.setenv("NEUROEXAM_DATABASE_URL", f"sqlite:///{home / 'test.db'}")
    return home


# --- The engines the store, exchange and audit suites run on ------------------------------------
# SQLite always; PostgreSQL with a glibc and an ICU collation whenever tests/pgserver.py can start a
# throwaway server. NEUROEXAM_REQUIRE_POSTGRES=1 (set by .ci/run) turns "cannot start" into a failure,
# so CI cannot pass by skipping them.
ENGINES = ("sqlite", "postgresql-glibc", "postgresql-icu")
_engine_outcomes: dict[str, dict[str, int]] = {}
_engine_suites: dict[str, dict[str, int]] = {}
"""engine -> test file (store, exchange, clinic_roles: the audit, ...) -> tests passed on it."""


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer | None]:
    server, problem = start_server()
    if server is None and os.environ.get("NEUROEXAM_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"NEUROEXAM_REQUIRE_POSTGRES=1 but no PostgreSQL server could start: {problem}")
    if problem:
        _engine_problems.append(problem)
    yield server
    if server is not None:
        server.stop()


_engine_problems: list[str] = []


@pytest.fixture(params=ENGINES)
def engine_name(request: pytest.FixtureRequest) -> str:
    """The engine of this run of the test (its id in the test name: test_x[postgresql-icu])."""
    name: str = request.param
    if name != "sqlite" and "sqlite_only" in request.keywords:
        pytest.skip(f"SQLite file behaviour; not applicable to {name}")
    return name


@pytest.fixture
def db_url(empty_db_url: str, engine_name: str) -> str:
    """A fresh database on the engine under test, ready for the app: on a server, upgraded by its
    administrator (`neuroexam db upgrade`), as a clinic sets one up; on SQLite, a new file the app
    creates itself."""
    if engine_name != "sqlite":
        from core.store.connection import upgrade_database

        upgrade_database(empty_db_url)
    return empty_db_url


@pytest.fixture
def empty_db_url(engine_name: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A fresh, empty database on the engine under test (SQLite: no file yet)."""
    if engine_name == "sqlite":
        return f"sqlite:///{tmp_path / 'clinic.db'}"
    server: PostgresServer | None = request.getfixturevalue("postgres_server")
    if server is None or engine_name not in server.template_databases:
        if os.environ.get("NEUROEXAM_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"{engine_name} is required but unavailable: {_engine_problems}")
        pytest.skip(f"{engine_name}: no local PostgreSQL server could start")
    return fresh_database(server, engine_name)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: the test is about SQLite files (runs on sqlite only)")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    callspec = getattr(item, "callspec", None)
    engine = callspec.params.get("engine_name") if callspec else None
    if engine is None:
        return
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        kind = "xfailed" if hasattr(report, "wasxfail") else report.outcome
        counts = _engine_outcomes.setdefault(engine, {})
        counts[kind] = counts.get(kind, 0) + 1
        if kind == "passed":
            suites = _engine_suites.setdefault(engine, {})
            suite = Path(str(item.fspath)).stem.removeprefix("test_")
            suites[suite] = suites.get(suite, 0) + 1


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _engine_outcomes:
        return
    terminalreporter.section("tests per database engine")
    for engine in ENGINES:
        counts = _engine_outcomes.get(engine, {})
        suites = _engine_suites.get(engine, {})
        terminalreporter.write_line(
            f"{engine}: " + ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
            + (" (passed: " + ", ".join(f"{suite} {n}" for suite, n in sorted(suites.items()))
               + ")" if suites else "") if counts else f"{engine}: none ran")
    for problem in _engine_problems:
        terminalreporter.write_line(f"PostgreSQL: {problem}")
