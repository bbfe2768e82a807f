"""Small dialogs: new patient, new operation, settings, export. Each validates through the core models."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from core.exchange.export import ExportFormat, ExportRequest
from core.i18n import Language
from core.knowledge import DiscLevel, HerniationZone
from core.record import Patient, Sex, Surgery, SurgerySide
from core.settings import Settings
from gui.accessibility import name_form_fields
from gui.translation import core_words


class _FormDialog(QDialog):
    """A form with OK/Cancel and a line for the validation message."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)  # room for a clinic name or a file path without scrolling
        self.form = QFormLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        from gui.palette import error_text

        self.message.setStyleSheet(f"color: {error_text(self.palette())}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        self._buttons = buttons

    def finish_layout(self) -> None:
        """Add the message line and the buttons below the fields; name the fields."""
        name_form_fields(self.form)
        self.form.addRow(self.message)
        self.form.addRow(self._buttons)

    def _try_accept(self) -> None:
        try:
            self.build()
        except (ValidationError, ValueError) as error:
            self.message.setText(_plain(error))
            return
        self.accept()

    def build(self) -> object:
        """The validated result; raises when a field is wrong."""
        raise NotImplementedError


def _plain(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors())
    return str(error)


def _date(text: str, label: str) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(QCoreApplication.translate(
            "Dialogs", "{label}: {text} is not a date (YYYY-MM-DD)").format(
            label=label, text=repr(text))) from None


def _choice(values: list[tuple[str, str]], placeholder: str) -> QComboBox:
    """A list of (shown text, value) with nothing chosen yet, showing ``placeholder`` until the
    user picks a value."""
    box = QComboBox()
    for text, value in values:
        box.addItem(text, value)
    box.setPlaceholderText(placeholder)
    box.setCurrentIndex(-1)
    return box


def _chosen(values: list[tuple[str, str]], current: str) -> QComboBox:
    """A list of (shown text, value) with ``current`` chosen: a setting with a few values."""
    box = QComboBox()
    for text, value in values:
        box.addItem(text, value)
    box.setCurrentIndex(max(box.findData(current), 0))
    return box


class PatientDialog(_FormDialog):
    """Create a patient."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("PatientDialog", "New patient"), parent)
        self.record_id = QLineEdit()
        self.family = QLineEdit()
        self.given = QLineEdit()
        self.birth = QLineEdit()
        self.birth.setPlaceholderText(self.tr("YYYY-MM-DD"))
        words = core_words()
        self.sex = QComboBox()
        for sex in Sex:
            self.sex.addItem(words(sex.value), sex.value)
        self.sex.setCurrentIndex(self.sex.findData(Sex.UNKNOWN.value))
        self.language = QComboBox()
        self.language.addItem(self.tr("as the clinic (not recorded)"), None)
        for language in Language:
            self.language.addItem(language.native_name, language.value)
        for label, widget in ((self.tr("Record id (MRN)"), self.record_id),
                              (self.tr("Family name"), self.family),
                              (self.tr("Given name"), self.given),
                              (self.tr("Date of birth"), self.birth), (self.tr("Sex"), self.sex),
                              (self.tr("Preferred language (handout)"), self.language)):
            self.form.addRow(label, widget)
        self.finish_layout()

    def build(self) -> Patient:
        """The patient as entered."""
        return Patient(id=self.record_id.text().strip(), family_name=self.family.text().strip(),
                       given_name=self.given.text().strip(),
                       birth_date=_date(self.birth.text(), self.tr("Date of birth")),
                       sex=Sex(self.sex.currentData()),
                       preferred_language=self.language.currentData())


class SurgeryDialog(_FormDialog):
    """Record an operation."""

    def __init__(self, surgery_id: str, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("SurgeryDialog", "New operation"), parent)
        self.surgery_id = surgery_id
        self.procedure = QLineEdit("microdiscectomy")
        # No level or side is suggested: a wrong default taken unread would mislocate every
        # later assessment, so both must be chosen.
        words = core_words()
        self.level = _choice([(level.value, level.value) for level in DiscLevel],
                             self.tr("choose the level"))
        self.side = _choice([(words(s.value), s.value) for s in SurgerySide],
                            self.tr("choose the side"))
        self.date = QLineEdit(dt.date.today().isoformat())
        self.herniation = QComboBox()
        self.herniation.addItem(self.tr("unknown"), None)
        for zone in HerniationZone:
            self.herniation.addItem(words(zone.value.replace("_", " ")), zone.value)
        for label, widget in ((self.tr("Procedure"), self.procedure),
                              (self.tr("Disc level"), self.level), (self.tr("Side"), self.side),
                              (self.tr("Date"), self.date),
                              (self.tr("Herniation"), self.herniation)):
            self.form.addRow(label, widget)
        self.finish_layout()

    def build(self) -> Surgery:
        """The operation as entered."""
        when = _date(self.date.text(), self.tr("Date"))
        if when is None:
            raise ValueError(self.tr("Date: the date of the operation is needed"))
        zone = self.herniation.currentData()
        missing = [name for name, box in ((self.tr("Disc level"), self.level),
                                          (self.tr("Side"), self.side))
                   if box.currentIndex() < 0]
        if missing:
            raise ValueError(self.tr("{fields}: choose one").format(
                fields=self.tr(" and ").join(missing)))
        return Surgery(id=self.surgery_id, procedure=self.procedure.text().strip(),
                       level=DiscLevel(self.level.currentData()),
                       side=SurgerySide(self.side.currentData()), date=when,
                       herniation=None if zone is None else HerniationZone(zone))


class SettingsDialog(_FormDialog):
    """Clinic name, logo and contact, default examiner, database."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("SettingsDialog", "Settings"), parent)
        self.setMinimumWidth(820)  # the Spanish labels are long; the fields keep room for paths
        locale = self.tr("from the system locale")
        self.language = _chosen([(locale, ""), *[(language.native_name, language.value)
                                                 for language in Language]], settings.language)
        self.page_size = _chosen([(locale, ""), ("A4", "A4"), (self.tr("US Letter"), "Letter")],
                                 settings.page_size)
        self.both_languages = QCheckBox(self.tr("the patient's language, then the other"))
        self.both_languages.setChecked(settings.handout_both_languages)
        self.choices: dict[str, QComboBox | QCheckBox] = {
            "language": self.language, "page_size": self.page_size,
            "handout_both_languages": self.both_languages}
        self.fields = {name: QLineEdit(str(getattr(settings, name)))
                       for name in Settings.model_fields if name not in self.choices}
        labels = {"clinic_name": self.tr("Clinic name"),
                  "clinic_phone": self.tr("Clinic telephone (on the patient handout)"),
                  "clinic_contact": self.tr("Clinic address or hours (handout)"),
                  "clinic_logo": self.tr("Logo file (PNG or JPEG)"),
                  "default_examiner": self.tr("Default examiner"),
                  "database_url": self.tr("Database URL (empty: the data folder)"),
                  "page_size": self.tr("Page size"),
                  "fhir_patient_system": self.tr("FHIR record number system (the hospital's URI)"),
                  "fhir_base_url": self.tr("FHIR base of NeuroExam's codes (empty: default)"),
                  "backup_every_hours": self.tr("Automatic backup every (hours; 0: off)"),
                  "backups_kept": self.tr("Automatic backups kept"),
                  "backup_folder": self.tr("Backup folder (empty: beside the database)"),
                  "language": self.tr("Language (at the next start)"),
                  "handout_both_languages": self.tr("Handout in both languages")}
        for name in Settings.model_fields:
            self.form.addRow(labels[name], self.choices[name] if name in self.choices
                             else self.fields[name])
        self.form.addRow(QLabel(self.tr("A new database takes effect at the next start.")))
        self.finish_layout()

    def build(self) -> Settings:
        """The settings as entered."""
        return Settings(**{name: box.text().strip() for name, box in self.fields.items()},
                        language=self.language.currentData(),
                        page_size=self.page_size.currentData(),
                        handout_both_languages=self.both_languages.isChecked())


class ExportDialog(_FormDialog):
    """Choose what to export (this patient or all), the format, de-identification and the file."""

    FORMATS: dict[str, str] = {
        str(QT_TRANSLATE_NOOP("ExportDialog", "JSON patient record")): "json",
        str(QT_TRANSLATE_NOOP("ExportDialog", "CSV, one row per exam")): "csv",
        str(QT_TRANSLATE_NOOP("ExportDialog", "FHIR R4 Bundle (with the clinician PDF)")): "fhir",
        str(QT_TRANSLATE_NOOP("ExportDialog",
                              "Bulk FHIR, one Bundle per patient (NDJSON, no PDFs)")): "fhir-ndjson",
    }
    """The formats offered, by their English names (shown translated)."""

    def __init__(self, patient_id: str | None, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("ExportDialog", "Export"), parent)
        self.patient_id = patient_id
        self.folder = folder
        self.scope = QComboBox()
        if patient_id is not None:
            self.scope.addItem(self.tr("This patient ({id})").format(id=patient_id), "one")
        self.scope.addItem(self.tr("All patients"), "all")
        self.format = QComboBox()
        for name, code in self.FORMATS.items():
            self.format.addItem(self.tr(name), code)
        self.deidentify = QCheckBox(self.tr("De-identify (no names or notes, birth year only, "
                                            "keyed pseudonyms)"))
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Export file"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        for label, widget in ((self.tr("Export"), self.scope), (self.tr("Format"), self.format),
                              ("", self.deidentify)):
            self.form.addRow(label, widget)
        self.form.addRow(self.tr("File"), where)
        self.scope.currentIndexChanged.connect(self._suggest_name)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()
        self.finish_layout()

    def _chosen_format(self) -> ExportFormat:
        return ExportFormat(self.format.currentData())

    def _all(self) -> bool:
        return bool(self.scope.currentData() == "all")

    def _format_changed(self) -> None:
        is_csv = self._chosen_format() is ExportFormat.CSV
        self.deidentify.setEnabled(is_csv)
        if not is_csv:
            self.deidentify.setChecked(False)
        self._suggest_name()

    def _suggest_name(self) -> None:
        stem = "all-patients" if self._all() or self.patient_id is None else self.patient_id
        self.path.setText(str(self.folder / f"{stem}{self._chosen_format().file_ending}"))

    def _choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text())
        if name:
            self.path.setText(name)

    def build(self) -> ExportRequest:
        """The export as chosen."""
        text = self.path.text().strip()
        if not text:
            raise ValueError(self.tr("File: choose where to write the export"))
        out = Path(text)
        if not out.parent.is_dir():
            raise ValueError(self.tr("File: the folder {folder} does not exist").format(
                folder=out.parent))
        ids = None if self._all() or self.patient_id is None else [self.patient_id]
        chosen = self._chosen_format()
        return ExportRequest(ids, chosen, out, self.deidentify.isChecked(),
                             fhir_pdfs=chosen is ExportFormat.FHIR)
