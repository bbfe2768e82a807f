"""Where NeuroExam keeps its files: platformdirs folders, or all under $NEUROEXAM_HOME.

Kept apart from the settings model so that the app's first window and its log need no pydantic.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import platformdirs

APP_NAME = "NeuroExam"
HOME_ENV = "NEUROEXAM_HOME"


def _folder(kind: str) -> Path:
    home = os.environ.get(HOME_ENV)
    if home:
        path = Path(home) / kind
    else:
        finders: dict[str, Callable[..., str]] = {
            "data": platformdirs.user_data_dir, "config": platformdirs.user_config_dir,
            "log": platformdirs.user_log_dir}
        path = Path(finders[kind](APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def data_folder() -> Path:
    """Where the database lives by default."""
    return _folder("data")


def config_folder() -> Path:
    """Where settings.json lives."""
    return _folder("config")


def log_folder() -> Path:
    """Where the rotating log file lives."""
    return _folder("log")
