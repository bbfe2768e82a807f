"""Step 1, context: the kind of exam, its day, the operation it relates to, the examiner."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLineEdit, QWidget

from core.edits import ContextField, SetContext
from core.record import Exam, ExamKind, PatientRecord
from gui.accessibility import name_form_fields
from gui.translation import core_words, date_text


class ContextStep(QWidget):
    """The exam's own details."""

    edited = Signal(object)
    """A core.edits.SetContext: the kind (ExamKind), the date, the operation id (or None), the
    examiner."""

    def __init__(self, record: PatientRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.kind_box = QComboBox()
        for kind in ExamKind:
            self.kind_box.addItem(core_words()(kind.value), kind.value)
        self.kind_box.activated.connect(
            lambda index: self.edited.emit(SetContext(ContextField.KIND, list(ExamKind)[index])))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(self.tr("yyyy-MM-dd"))
        self.date_edit.editingFinished.connect(self._date_changed)
        self.surgery_box = QComboBox()
        self.surgery_box.addItem(self.tr("none"), None)
        words = core_words()
        for surgery in record.surgeries:
            self.surgery_box.addItem(f"{words(surgery.procedure)} {surgery.level.value} "
                                     f"{words.context('side', surgery.side.value)}, "
                                     f"{date_text(surgery.date)}", surgery.id)
        self.surgery_box.activated.connect(
            lambda _: self.edited.emit(SetContext(ContextField.SURGERY, self.surgery_box.currentData())))
        self.examiner_edit = QLineEdit()
        self.examiner_edit.editingFinished.connect(
            lambda: self.edited.emit(SetContext(ContextField.EXAMINER,
                                                self.examiner_edit.text().strip())))
        form.addRow(self.tr("Kind of exam"), self.kind_box)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Operation"), self.surgery_box)
        form.addRow(self.tr("Examiner"), self.examiner_edit)
        name_form_fields(form)

    def _date_changed(self) -> None:
        date = self.date_edit.date()
        self.edited.emit(SetContext(ContextField.DATE,
                                    dt.date(date.year(), date.month(), date.day())))

    def show_exam(self, exam: Exam) -> None:
        """Show the exam's details."""
        self.kind_box.setCurrentIndex(list(ExamKind).index(exam.kind))
        self.date_edit.setDate(QDate(exam.date.year, exam.date.month, exam.date.day))
        self.surgery_box.setCurrentIndex(max(0, self.surgery_box.findData(exam.surgery_id)))
        self.examiner_edit.setText(exam.examiner)
