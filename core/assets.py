"""Finding the files in assets/, from a source checkout and from a PyInstaller build alike."""

from __future__ import annotations

import sys
from pathlib import Path


def assets_folder() -> Path:
    """The assets/ folder: beside the packages in a checkout, in sys._MEIPASS when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "assets"
    return Path(__file__).resolve().parent.parent / "assets"


def asset_path(*parts: str) -> Path:
    """A file under assets/, e.g. asset_path("dermatomes", "dermatomes.json")."""
    return assets_folder().joinpath(*parts)
