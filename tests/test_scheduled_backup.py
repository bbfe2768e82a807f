"""Automatic backups: written when due, verified, pruned to the number kept, never anything else
deleted, off for a database server, and run by the app and by `neuroexam backup --if-due`."""

from __future__ import annotations

import datetime as dt
import resource
import signal
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.cli import main
from core.demo import demo_record
from core.settings import Settings, save_settings
from core.store import Store, StoreError, verify_backup
from core.store.scheduled import Schedule, automatic_backups, backup_if_due, schedule_for

START = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(f"sqlite:///{tmp_path / 'clinic.db'}", actor="tester")
    opened.import_record(demo_record())
    yield opened
    opened.close()


def daily(folder: Path, keep: int = 3) -> Schedule:
    return Schedule(folder, dt.timedelta(hours=24), keep)


def test_a_backup_is_written_when_none_exists_and_then_only_when_due(store: Store,
                                                                      tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    first = backup_if_due(store, daily(folder), START)
    assert first.made is not None and first.made.patients == 1
    assert verify_backup(first.made.path).checksum_matches is True
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(first.made.path.stat().st_mode) == 0o600
    later = backup_if_due(store, daily(folder), START + dt.timedelta(hours=23))
    assert later.made is None and later.next_due == START + dt.timedelta(hours=24)
    due = backup_if_due(store, daily(folder), START + dt.timedelta(hours=24))
    assert due.made is not None and len(automatic_backups(folder)) == 2


def test_only_the_newest_are_kept_and_nothing_else_is_touched(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    own = folder / "clinic-copy.db"
    own.write_bytes(b"the user's own file")
    made = [backup_if_due(store, daily(folder, keep=2), START + dt.timedelta(days=day)).made
            for day in range(4)]
    kept = [path for _, path in automatic_backups(folder)]
    assert kept == [made[2].path, made[3].path]  # type: ignore[union-attr]
    assert not made[0].path.exists()  # type: ignore[union-attr]
    assert not Path(f"{made[0].path}.sha256").exists()  # type: ignore[union-attr]
    assert own.read_bytes() == b"the user's own file"


def test_a_failed_backup_prunes_nothing(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    for day in range(2):
        backup_if_due(store, daily(folder, keep=2), START + dt.timedelta(days=day))
    before = automatic_backups(folder)
    database = Path(store.url.removeprefix("sqlite:///"))
    with sqlite3.connect(database) as connection:  # an empty write-ahead log: the audit row fits
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    ignored = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    # The disk fills before a whole copy of the database fits.
    resource.setrlimit(resource.RLIMIT_FSIZE, (database.stat().st_size // 2, limit[1]))
    try:
        with pytest.raises(StoreError, match="could not be written") as failure:
            backup_if_due(store, daily(folder, keep=2), START + dt.timedelta(days=5))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limit)
        signal.signal(signal.SIGXFSZ, ignored)
    assert "disk is full" in str(failure.value) and str(folder) in str(failure.value)
    assert automatic_backups(folder) == before


def test_a_symlinked_backup_folder_is_refused(store: Store, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = tmp_path / "backups"
    link.symlink_to(elsewhere)
    with pytest.raises(StoreError, match="symbolic link"):
        backup_if_due(store, daily(link), START)
    assert list(elsewhere.iterdir()) == []


def test_the_settings_choose_the_schedule(store: Store, tmp_path: Path) -> None:
    schedule = schedule_for(store, Settings())
    assert schedule is not None and schedule.folder == tmp_path / "backups"
    assert schedule.every == dt.timedelta(hours=24) and schedule.keep == 14
    assert schedule_for(store, Settings(backup_every_hours=0)) is None
    chosen = schedule_for(store, Settings(backup_folder=str(tmp_path / "nas"), backups_kept=5))
    assert chosen is not None and chosen.folder == tmp_path / "nas" and chosen.keep == 5


def test_the_command_line_backs_up_when_due(store: Store, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    database = ["--database", store.url]
    save_settings(Settings(backup_folder=str(tmp_path / "auto")))
    assert main(["backup", "--if-due", *database]) == 0
    assert "backup written and verified" in capsys.readouterr().out
    assert main(["backup", "--if-due", *database]) == 0
    assert "no backup due" in capsys.readouterr().out
    assert len(automatic_backups(tmp_path / "auto")) == 1
    backups = [entry for entry in store.audit_entries("") if entry["action"] == "backup"]
    assert len(backups) == 1 and "neuroexam-auto-" in backups[0]["detail"]
