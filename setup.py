"""Packaging beyond what pyproject.toml can say: assets/ ships inside the wheel.

The layout keeps assets/ at the top of the project (the app, the PDFs and build.spec read it
there); an installed program finds the same files as the package ``neuroexam_assets``, which
this maps onto that folder. Everything else is in pyproject.toml.
"""

from setuptools import find_packages, setup

ASSET_GLOBS = ["dermatomes/*.json", "fonts/*", "icons/*.png", "icons/*.ico", "schema/*.json"]

setup(
    packages=[*find_packages(include=["core", "core.*", "gui", "gui.*"]), "neuroexam_assets"],
    package_dir={"neuroexam_assets": "assets"},
    package_data={"neuroexam_assets": ASSET_GLOBS},
)
