"""Test set-up: offscreen Qt, and a fresh data folder for every test, never the user's."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(autouse=True)
def fresh_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every setting, database and log at a temporary folder."""
    home = tmp_path / "neuroexam-home"
    home.mkdir()
    monkeypatch.setenv("NEUROEXAM_HOME", str(home))
    monkeypatch.setenv("NEUROEXAM_DATABASE_URL", f"sqlite:///{home / 'test.db'}")
    return home
