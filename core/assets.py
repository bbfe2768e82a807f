"""Finding the files in assets/, from a source checkout and from a PyInstaller build alike."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def assets_folder() -> Path:
    """The assets/ folder: in sys._MEIPASS when frozen, beside the packages in a checkout, and
    the package ``neuroexam_assets`` in an installed wheel (``pip install .``)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "assets"
    checkout = Path(__file__).resolve().parent.parent / "assets"
    if checkout.is_dir():
        return checkout
    installed = importlib.util.find_spec("neuroexam_assets")
    if installed is None or not installed.submodule_search_locations:
        raise FileNotFoundError("NeuroExam's assets are missing: reinstall the program "
                                "(they ship as the package neuroexam_assets)")
    return Path(next(iter(installed.submodule_search_locations)))


def asset_path(*parts: str) -> Path:
    """A file under assets/, e.g. asset_path("dermatomes", "dermatomes.json")."""
    return assets_folder().joinpath(*parts)
