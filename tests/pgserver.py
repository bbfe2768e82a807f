"""A throwaway PostgreSQL server for the tests: its own temporary folder, 127.0.0.1 only.

The tests run the store on a real server, not a mock, because the differences that matter
(collation, timestamp types, locking, permissions) live in the server. The server binaries come
from the operating system's package (Debian's `postgresql`, which `.ci/run` installs): it is the
server a clinic runs, with its ICU and glibc collations, and needs no compiler or download at test
time. PostgreSQL refuses to run as root, so under root the server runs as the `postgres` account
(created by the Debian package) via `runuser`, in a folder that account owns.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg

# The databases the suites run on: name -> CREATE DATABASE options. glibc en_US.UTF-8 is the usual
# Linux default and sorts differently from the code-point order SQLite uses; ICU is the other
# provider a clinic server may use.
COLLATIONS = {
    "postgresql-glibc": "LOCALE_PROVIDER libc LC_COLLATE 'en_US.UTF-8' LC_CTYPE 'en_US.UTF-8'",
    "postgresql-icu": "LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'",
}


HBA = """\
# The tests' superuser logs in without a password; every other login (the clinicians and
# administrators the role tests create) with its password, as on a clinic's server.
local all postgres trust
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
"""


def server_binaries() -> Path | None:
    """The folder with initdb and pg_ctl: PATH first, then Debian's versioned folders."""
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name))
    return Path(found[-1]).parent if found else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    """A running server: superuser URLs per database, and how to stop it."""

    folder: Path
    port: int
    run_as: list[str]
    bin: Path
    template_databases: dict[str, str]  # engine name -> template database name

    def url(self, database: str, user: str = "postgres", password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql+psycopg://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def execute(self, sql: str, database: str = "postgres") -> None:
        """Run one statement as the superuser, outside a transaction (CREATE DATABASE needs it)."""
        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=database,
                             autocommit=True) as connection:
            connection.execute(sql.encode())

    def stop(self) -> None:
        subprocess.run([*self.run_as, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"),
                        "-m", "immediate", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


def start_server() -> tuple[PostgresServer | None, str]:
    """Start a server, or return None with the reason it could not start."""
    binaries = server_binaries()
    if binaries is None:
        return None, "no PostgreSQL server binaries (initdb) found"
    folder = Path(tempfile.mkdtemp(prefix="neuroexam-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            return None, "running as root and runuser is missing"
        try:
            shutil.chown(folder, "postgres", "postgres")
        except (LookupError, OSError):
            return None, "running as root and there is no 'postgres' account to run the server"
        run_as = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    data = folder / "data"
    steps = [
        [str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
         "--encoding=UTF8", "--locale=C.UTF-8"],
        [str(binaries / "pg_ctl"), "-D", str(data), "-w", "-t", "60", "-l", str(folder / "log"),
         "-o", f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off -c max_connections=120",
         "start"],
    ]
    for step in steps:
        if step[0].endswith("pg_ctl"):
            (data / "pg_hba.conf").write_text(HBA)
        done = subprocess.run([*run_as, *step], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            log = (folder / "log").read_text() if (folder / "log").exists() else ""
            shutil.rmtree(folder, ignore_errors=True)
            return None, f"{Path(step[0]).name} failed: {done.stderr.strip()} {log[-500:]}"
    server = PostgresServer(folder, port, run_as, binaries, {})
    reasons = []
    for engine, options in COLLATIONS.items():
        template = engine.replace("-", "_") + "_template"
        try:
            server.execute(f"CREATE DATABASE {template} TEMPLATE template0 ENCODING 'UTF8' {options}")
        except psycopg.Error as error:
            reasons.append(f"{engine}: {error}")
            continue
        server.template_databases[engine] = template
    if not server.template_databases:
        server.stop()
        return None, "; ".join(reasons)
    return server, "; ".join(reasons)


_counter = iter(range(1, 10**9))


def fresh_database(server: PostgresServer, engine: str) -> str:
    """A new empty database with the engine's collation; returns its superuser URL."""
    name = f"t{os.getpid()}_{next(_counter)}_{int(time.time() * 1000) % 100000}"
    server.execute(f"CREATE DATABASE {name} TEMPLATE {server.template_databases[engine]}")
    return server.url(name)
