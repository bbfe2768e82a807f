"""Automatic backups: a verified copy when the last one is older than the interval, old ones pruned.

The app calls ``backup_if_due`` when it starts and then every few minutes; a clinic without the
app open all day can call ``neuroexam backup --if-due`` from cron or a systemd timer. The schedule
needs no state of its own: the newest automatic backup in the folder *is* the last run, so two
workstations, a crash or a changed interval never confuse it. Only files with the automatic
backups' own name pattern are ever pruned, and only after a new backup has been written and
verified, so a failing disk never leaves fewer backups than before.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from core.store.backup import CHECKSUM_SUFFIX, BackupCheck
from core.store.errors import StoreError

if TYPE_CHECKING:
    from core.settings import Settings
    from core.store.store import Store

PREFIX = "neuroexam-auto-"
_NAME = re.compile(rf"^{PREFIX}(\d{{4}}-\d\d-\d\dT\d\d-\d\d-\d\d)(?:-(\d+))?\.db$")
_STAMP = "%Y-%m-%dT%H-%M-%S"


@dataclass(frozen=True)
class Schedule:
    """Where automatic backups go, how often, and how many are kept."""

    folder: Path
    every: dt.timedelta
    keep: int

    def __post_init__(self) -> None:
        if self.every <= dt.timedelta(0) or self.keep < 1:
            raise ValueError("An automatic backup schedule needs an interval above zero and at "
                             "least one backup kept.")


@dataclass(frozen=True)
class ScheduledRun:
    """What one call did: the backup written (None when none was due) and the files pruned."""

    made: BackupCheck | None
    pruned: tuple[Path, ...]
    next_due: dt.datetime


def schedule_for(store: Store, settings: Settings) -> Schedule | None:
    """The schedule the settings ask for, or None: turned off, or a database server (backed up
    with the server's own tools)."""
    database = store.backend.path
    if database is None or settings.backup_every_hours == 0:
        return None
    folder = Path(settings.backup_folder) if settings.backup_folder else database.parent / "backups"
    return Schedule(folder, dt.timedelta(hours=settings.backup_every_hours), settings.backups_kept)


def automatic_backups(folder: Path) -> list[tuple[dt.datetime, Path]]:
    """The automatic backups in ``folder`` (regular files only), oldest first, with their times."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and path.is_file() and not path.is_symlink():
            taken = dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.UTC)
            found.append((taken, int(match.group(2) or 0), path))
    return [(taken, path) for taken, _, path in sorted(found)]


def _new_name(folder: Path, now: dt.datetime) -> Path:
    stamp = now.astimezone(dt.UTC).strftime(_STAMP)
    for number in range(1000):
        candidate = folder / f"{PREFIX}{stamp}{'' if number == 0 else f'-{number}'}.db"
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
    raise StoreError(f"Too many automatic backups named {stamp} in {folder}.")


def _private_folder(folder: Path) -> None:
    if folder.is_symlink():
        raise StoreError(f"The backup folder {folder} is a symbolic link; NeuroExam will not "
                         "write through it. Choose a real folder in the settings.")
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not folder.is_dir():
        raise StoreError(f"The backup folder {folder} is not a folder.")


def backup_if_due(store: Store, schedule: Schedule,
                  now: dt.datetime | None = None) -> ScheduledRun:
    """Write a verified automatic backup when the newest one is older than the interval (or there
    is none), then keep only the newest ``schedule.keep``. Errors are the store's own
    (disk full, read-only folder...), raised before anything is pruned."""
    now = now or dt.datetime.now(dt.UTC)
    existing = automatic_backups(schedule.folder)
    if existing and now - existing[-1][0] < schedule.every:
        return ScheduledRun(None, (), existing[-1][0] + schedule.every)
    _private_folder(schedule.folder)
    made = store.backup(_new_name(schedule.folder, now))
    return ScheduledRun(made, _prune(schedule), now + schedule.every)


def _prune(schedule: Schedule) -> tuple[Path, ...]:
    """Delete automatic backups beyond the newest ``keep`` (and their checksum files)."""
    backups = automatic_backups(schedule.folder)
    old = [path for _, path in backups[:-schedule.keep]]
    for path in old:
        path.with_name(path.name + CHECKSUM_SUFFIX).unlink(missing_ok=True)
        os.unlink(path)
    return tuple(old)
