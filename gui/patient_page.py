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

from gui.models import KEY_ROLE, ExamTimelineModel
from gui.widgets.trend_chart import TrendChart

if TYPE_CHECKING:
    from core.record import PatientRecord


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
        self.timeline.setAccessibleName("Exams of this patient")
        self.timeline.activated.connect(self._activated)
        self.trend = TrendChart()
        self.new_exam_button = QPushButton("New exam (Ctrl+N)")
        self.new_surgery_button = QPushButton("Add operation…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_exam_button)
        buttons.addWidget(self.new_surgery_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.surgeries)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("<b>Exams</b> (Enter or double-click to open)"))
        layout.addWidget(self.timeline, 1)
        layout.addWidget(QLabel("<b>Key muscles across exams</b> (MRC grade)"))
        layout.addWidget(self.trend, 1)

    def show_record(self, record: PatientRecord,
                    signed_bases: dict[str, PatientRecord] | None = None) -> None:
        """Show a patient's record."""
        patient = record.patient
        born = patient.birth_date.isoformat() if patient.birth_date else "not recorded"
        self.heading.setText(f"<h2>{patient.family_name.upper()}, {patient.given_name}</h2>"
                             f"Record {patient.id} · born {born} · {patient.sex.value}")
        self.surgeries.setText("<b>Operations:</b> " + ("; ".join(
            f"{s.procedure} {s.level.value} {s.side.value} on {s.date.isoformat()}"
            for s in record.surgeries) or "none recorded"))
        self.timeline_model.set_record(record, signed_bases or {})
        self.trend.set_record(record)
        if self.timeline_model.rowCount():
            self.timeline.selectRow(0)

    def _activated(self, index: QModelIndex) -> None:
        self.open_exam.emit(self.timeline_model.data(index, KEY_ROLE))
