"""Keyed pseudonyms for de-identified exports.

A record id is replaced by HMAC-SHA256(clinic key, id), shortened to 20 hex digits (80 bits). The
same key always gives the same pseudonym, so a registry can follow a patient across exports; only
whoever holds the key can link a pseudonym back to a patient, by hashing the ids the clinic holds
(`neuroexam reidentify`). The key is 32 random bytes in the data folder, created on first use and
readable by the user only; without it, nobody can re-identify, so back it up with the database.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
from pathlib import Path
from typing import Any

KEY_FILE_NAME = "pseudonym.key"
KEY_BYTES = 32
PREFIX = "P-"
MAX_DAY_SHIFT = 365
"""Dates of a de-identified patient move by 1 to this many days, earlier or later."""


class KeyFileError(ValueError):
    """The pseudonym key file is not one (a link, a folder, too short): the message says which
    file and what to do."""


class Pseudonymiser:
    """Turns identifiers into keyed pseudonyms."""

    def __init__(self, key: bytes) -> None:
        if len(key) < 16:
            raise ValueError("a pseudonym key needs at least 16 bytes")
        self._key = key

    def pseudonym(self, *parts: str) -> str:
        """The pseudonym of an identifier (several parts are joined unambiguously)."""
        message = "\x1f".join(parts).encode("utf-8")
        return PREFIX + hmac.new(self._key, message, hashlib.sha256).hexdigest()[:20]

    def day_shift(self, record_id: str) -> int:
        """The patient's keyed date offset in days: never 0, at most MAX_DAY_SHIFT either way.

        Every date of one patient moves by the same offset, so intervals (days from the operation
        to an exam, between exams) are kept exactly, while a calendar date no longer points to a
        person. The offset is HMAC-SHA256 of the record id under the clinic key (with its own
        label, so it is unrelated to the pseudonym): the same key gives the same shift in every
        export, and without the key it cannot be undone.
        """
        digest = hmac.new(self._key, b"date-shift\x1f" + record_id.encode("utf-8"),
                          hashlib.sha256).digest()
        magnitude = int.from_bytes(digest[:4], "big") % MAX_DAY_SHIFT + 1
        return magnitude if digest[4] & 1 else -magnitude


def load_or_create_key(path: Path) -> bytes:
    """The key at ``path``; a new random one is created (mode 0600) when the file is missing."""
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(secrets.token_bytes(KEY_BYTES))
                handle.flush()
                os.fsync(handle.fileno())
    if path.is_symlink() or not path.is_file():
        raise KeyFileError(f"{path} is not a regular file (a symbolic link, a folder or a device); "
                         "NeuroExam reads its pseudonym key only from a real file")
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as handle:
        key = handle.read(4096)
    if len(key) < 16:
        raise KeyFileError(f"{path} is not a pseudonym key (it holds {len(key)} bytes, at least "
                         "16 are needed); restore it from a backup or remove it to start anew")
    return key


def clinic_key(store: Any, key_file: Path | None) -> bytes:
    """The key de-identified exports use: ``key_file`` when given; in clinic mode the one key of
    the clinic, kept in its database (readable by the administrator role only, so every
    workstation de-identifies alike); else the file in the data folder."""
    if key_file is None and store.path is None and store.engine.dialect.name == "postgresql":
        key: bytes = store.pseudonym_key()
        return key
    return load_or_create_key(key_file or default_key_path())


def default_key_path() -> Path:
    """The clinic's key in the data folder."""
    from core.settings import data_folder

    return data_folder() / KEY_FILE_NAME
