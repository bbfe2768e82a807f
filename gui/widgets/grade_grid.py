"""A keyboard-first grid for grades: type the grade where the cursor is.

Motor: 0-5 set the MRC grade, "-" and "+" turn a 4 into 4- or 4+, N marks NT, Delete clears.
Reflexes: 0-4 and N. Arrows and Tab move between the editable cells. The view emits the grade
typed as the core's edit (core.edits.SetGrade); it never changes the exam itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QSizePolicy,
    QTableView,
    QWidget,
)

from core.edits import SetGrade
from core.exam_items import FAMILY
from core.grades import MotorGrade, ReflexGrade
from core.knowledge import Side
from gui.grade_model import GradeGridModel


def _grade(field: str, text: str) -> MotorGrade | ReflexGrade:
    """The grade a key stroke means in this grid ("4-", "NT", "3")."""
    if field == "motor":
        return MotorGrade(text)
    return ReflexGrade("NT" if text == "NT" else int(text))


class GradeGridView(QTableView):
    """The grid of one section; emits grade_entered(SetGrade)."""

    grade_entered = Signal(object)
    """A core.edits.SetGrade (its grade None when cleared, its reason asked by the editor)."""

    def __init__(self, model: GradeGridModel, max_grade: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._grid = model
        self._max_grade = max_grade
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(True)
        self.verticalHeader().hide()
        # names as wide as their text, grades wide enough to read at a glance; the grid takes
        # the room its content needs, not the whole panel
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        grade_width = max(88, self.fontMetrics().horizontalAdvance("previous") + 36)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, grade_width)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 2)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        # a clear focus indicator: the grid that takes the keys is framed in the theme's colour
        self.setStyleSheet("QTableView:focus { border: 2px solid palette(highlight); }")
        self.setAccessibleName(self.tr("motor grades") if model.field == "motor"
                               else self.tr("reflexes grades"))
        self.setCurrentIndex(model.index(0, 1))

    def current_cell(self) -> tuple[Side, Any] | None:
        """(side, key) of the current editable cell."""
        index = self.currentIndex()
        side = GradeGridModel.SIDE_COLUMNS.get(index.column())
        if not index.isValid() or side is None:
            return None
        return side, self._grid.keys[index.row()]

    def _enter(self, cell: tuple[Side, Any], text: str) -> None:
        grade = None if text == "" else _grade(self._grid.field, text)
        self.grade_entered.emit(SetGrade(FAMILY[self._grid.field], cell[0], cell[1], grade))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        cell = self.current_cell()
        text = event.text().upper()
        if cell is not None and text.isdigit() and int(text) <= self._max_grade:
            self._enter(cell, text)
        elif cell is not None and text in ("-", "+") and self._grid.field == "motor":
            exam = self._grid.exam
            current = exam.motor_grade(cell[0], cell[1]) if exam is not None else None
            if current is not None and current.testable and current.mrc == 4:
                self._enter(cell, "4" + text)
        elif cell is not None and text == "N":
            self._enter(cell, "NT")
        elif cell is not None and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._enter(cell, "")
        elif event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self._jump(1 if event.key() == Qt.Key.Key_Tab else -1)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # Enter belongs to the exam editor: next step
        else:
            super().keyPressEvent(event)

    def _jump(self, step: int) -> None:
        """Tab: right then left cell of each row, row after row."""
        cells = [(row, column) for row in range(self._grid.rowCount()) for column in (1, 3)]
        index = self.currentIndex()
        here = (index.row(), index.column()) if index.column() in (1, 3) else (index.row(), 1)
        position = (cells.index(here) + step) % len(cells)
        self.setCurrentIndex(self._grid.index(*cells[position]))

    def move_to(self, side: str, key: str) -> QModelIndex:
        """Put the cursor on a cell (used by tests and by the review step's links)."""
        row = [k.value for k in self._grid.keys].index(key)
        index = self._grid.index(row, 1 if side == "right" else 3)
        self.setCurrentIndex(index)
        return index
