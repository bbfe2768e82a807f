"""The window's own state between runs: geometry, splitter and recent folders, never patient
data. Kept in NeuroExam's config folder (readable by the user only, like every file it writes)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter


def window_state() -> QSettings:
    """QSettings for window geometry and recent folders, in NeuroExam's config folder."""
    from core.folders import config_folder

    return QSettings(str(config_folder() / "window-state.ini"), QSettings.Format.IniFormat)


def restore(window: QMainWindow, splitter: QSplitter) -> None:
    """Put the window and its splitter back where the user left them."""
    state = window_state()
    geometry, sizes = state.value("geometry"), state.value("splitter")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    if isinstance(sizes, QByteArray):
        splitter.restoreState(sizes)


def save(window: QMainWindow, splitter: QSplitter) -> None:
    """Remember the window's geometry and splitter for the next start."""
    state = window_state()
    state.setValue("geometry", window.saveGeometry())
    state.setValue("splitter", splitter.saveState())


def recent_folder(key: str, default: Path) -> Path:
    """The folder last used for ``key`` (export, import), while it exists; else ``default``."""
    value = window_state().value(key)
    folder = Path(value) if isinstance(value, str) and value else default
    return folder if folder.is_dir() else default


def remember_folder(key: str, path: Path) -> None:
    """Remember the folder of ``path`` for ``key``."""
    window_state().setValue(key, str(path.parent))
