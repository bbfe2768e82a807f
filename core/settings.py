"""User preferences and where NeuroExam keeps its files.

Preferences are a pydantic model saved as JSON in the user's config folder. The folders come from
platformdirs; the environment variable NEUROEXAM_HOME puts all of them under one folder (tests,
portable installs). The database is named by a URL: the --database flag, else
NEUROEXAM_DATABASE_URL, else the setting, else an SQLite file in the user's data folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from core.folders import APP_NAME, HOME_ENV, config_folder, data_folder, log_folder
from core.recordio import write_atomic

__all__ = ["APP_NAME", "DATABASE_ENV", "HOME_ENV", "Settings", "config_folder", "data_folder",
           "database_url", "load_settings", "log_folder", "save_settings", "settings_path"]

DATABASE_ENV = "NEUROEXAM_DATABASE_URL"


class Settings(BaseModel):
    """The clinic's and the user's preferences."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True,
                              use_attribute_docstrings=True)

    clinic_name: str = Field(default="", max_length=200)
    """Printed in the header of every report."""
    clinic_contact: str = Field(default="", max_length=500)
    """Address or opening hours printed on the patient handout."""
    clinic_phone: str = Field(default="", max_length=50)
    """The clinic's telephone number: the handout's same-day help box tells the patient to call
    it (and says plainly when it is missing)."""
    clinic_logo: str = ""
    """Path to a PNG or JPEG logo for the report header; empty for none."""
    default_examiner: str = Field(default="", max_length=200)
    """Pre-filled as the examiner of new exams."""
    database_url: str = ""
    """The database URL; empty for the SQLite file in the data folder."""
    page_size: Literal["", "A4", "Letter"] = ""
    """Paper of the PDFs: "A4" or "Letter"; empty: what the system locale's country uses."""
    language: Literal["", "en", "es"] = ""
    """The clinician's language (the app, the clinician report, CLI output): "en" or "es";
    empty: the system locale's language (English when it is neither)."""
    handout_both_languages: bool = False
    """Print the patient handout in the patient's language and then in the other language."""
    fhir_patient_system: str = Field(default="", max_length=500)
    """The hospital's identifier system (a URI) for medical record numbers, written as the FHIR
    Patient identifier's system with type MR; set once per clinic. Empty: the product's own
    system under the FHIR base."""
    backup_every_hours: int = Field(default=24, ge=0, le=24 * 28)
    """Automatic backups of the workstation's database: one when the newest is older than this
    many hours (checked at start and every few minutes while the app runs); 0 turns them off."""
    backups_kept: int = Field(default=14, ge=1, le=1000)
    """How many automatic backups to keep; older ones are deleted after a new one verifies."""
    backup_folder: str = Field(default="", max_length=1000)
    """Where automatic backups go; empty: a "backups" folder beside the database. Another disk
    or a network share protects against more than the same disk does."""
    fhir_base_url: str = Field(default="", max_length=500)
    """Canonical base of NeuroExam's FHIR code systems, extensions and identifier systems; empty:
    http://neuroexam.example.org/fhir (core/exchange/fhir_codes.py, DEFAULT_BASE)."""


def settings_path() -> Path:
    """The settings file."""
    return config_folder() / "settings.json"


def load_settings() -> Settings:
    """The saved settings, or defaults when the file is missing or unreadable."""
    try:
        return Settings.model_validate_json(settings_path().read_bytes())
    except (OSError, ValidationError):
        return Settings()


def save_settings(settings: Settings) -> None:
    """Save atomically, readable by the user only."""
    write_atomic(settings_path(), settings.model_dump_json(indent=2).encode())


def database_url(flag: str | None = None) -> str:
    """The database to use: flag, environment, setting, default file, in that order."""
    if flag:
        return flag
    from_env = os.environ.get(DATABASE_ENV)
    if from_env:
        return from_env
    configured = load_settings().database_url
    if configured:
        return configured
    return f"sqlite:///{data_folder() / 'neuroexam.db'}"
