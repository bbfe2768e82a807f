"""A patient's page: demographics, operations, the exam timeline and the trend of key muscles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.actions import ActionId, key_text
from gui.models import KEY_ROLE, ExamTimelineModel
from gui.translation import core_words, date_text
from gui.widgets.trend_chart import TrendChart

if TYPE_CHECKING:
    from core.record import PatientRecord
    from core.store import EditLock


class PatientPage(QWidget):
    """Demographics, operations, the exam timeline and the trend of key muscles."""

    open_exam = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.surgeries = QLabel()
        self.timeline_model = ExamTimelineModel()
        self.timeline = QTableView()
        self.timeline.setModel(self.timeline_model)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.timeline.verticalHeader().hide()
        self.timeline.setAccessibleName(self.tr("Exams of this patient"))
        self.timeline.activated.connect(self._activated)
        self.trend = TrendChart()
        self.new_exam_button = QPushButton(self.tr("New exam ({keys})").format(
            keys=key_text(ActionId.NEW_EXAM)))
        self.new_surgery_button = QPushButton(self.tr("Add operation…"))
        self.audit_button = QPushButton(self.tr("Audit history…"))
        self.audit_button.setToolTip(self.tr("Who opened, changed, signed and exported this "
                                             "record, and when"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_exam_button)
        buttons.addWidget(self.new_surgery_button)
        buttons.addStretch()
        buttons.addWidget(self.audit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.surgeries)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("<b>Exams</b> (Enter or double-click to open)")))
        layout.addWidget(self.timeline, 1)
        layout.addWidget(QLabel(self.tr("<b>Key muscles across exams</b> (MRC grade)")))
        layout.addWidget(self.trend, 1)

    def show_record(self, record: PatientRecord,
                    signed_bases: dict[str, PatientRecord] | None = None,
                    locks: dict[str, EditLock] | None = None) -> None:
        """Show a patient's record (``locks``: its exams being edited elsewhere). The selected
        exam stays selected when the same patient is shown again."""
        same_patient = record.patient.id == getattr(self, "_patient_id", None)
        selected = self.selected_exam() if same_patient else None
        self._patient_id = record.patient.id
        patient = record.patient
        words = core_words()
        born = date_text(patient.birth_date) if patient.birth_date else self.tr("not recorded")
        self.heading.setText(f"<h2>{patient.family_name.upper()}, {patient.given_name}</h2>"
                             + self.tr("Record {id} · born {born} · {sex}").format(
                                 id=patient.id, born=born, sex=words(patient.sex.value)))
        self.surgeries.setText(self.tr("<b>Operations:</b> ") + ("; ".join(
            self.tr("{procedure} {level} {side} on {date}").format(
                procedure=words(s.procedure), level=s.level.value,
                side=words.context("side", s.side.value), date=date_text(s.date))
            for s in record.surgeries) or self.tr("none recorded")))
        self.timeline_model.set_record(record, signed_bases or {}, locks)
        self.trend.set_record(record)
        rows = [self.timeline_model.data(self.timeline_model.index(row, 0), KEY_ROLE)
                for row in range(self.timeline_model.rowCount())]
        if rows:
            self.timeline.selectRow(rows.index(selected) if selected in rows else 0)

    def selected_exam(self) -> str | None:
        """The id of the exam selected in the timeline."""
        rows = self.timeline.selectionModel().selectedRows()
        return self.timeline_model.data(rows[0], KEY_ROLE) if rows else None

    def _activated(self, index: QModelIndex) -> None:
        self.open_exam.emit(self.timeline_model.data(index, KEY_ROLE))
