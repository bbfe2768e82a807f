"""A keyboard-first grid for grades: type the grade where the cursor is.

Motor: 0-5 set the MRC grade, "-" and "+" turn a 4 into 4- or 4+, N marks NT, Delete clears.
Reflexes: 0-4 and N. Arrows and Tab move between the editable cells. The view emits what was
typed; it never changes the exam itself.
"""

from __future__ import annotations

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

from gui.grade_model import GradeGridModel


class GradeGridView(QTableView):
    """The grid of one section; emits value_entered(side, key, text or "")."""

    value_entered = Signal(str, str, str)

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
        self.setAccessibleName(self.tr("motor grades") if model.field == "motor"
                               else self.tr("reflexes grades"))
        self.setCurrentIndex(model.index(0, 1))

    def current_cell(self) -> tuple[str, str] | None:
        """(side, key) of the current editable cell."""
        index = self.currentIndex()
        side = GradeGridModel.SIDE_COLUMNS.get(index.column())
        if not index.isValid() or side is None:
            return None
        return side.value, self._grid.keys[index.row()].value

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        cell = self.current_cell()
        text = event.text().upper()
        if cell is not None and text.isdigit() and int(text) <= self._max_grade:
            self.value_entered.emit(*cell, text)
        elif cell is not None and text in ("-", "+") and self._grid.field == "motor":
            current = self._grid.value(self._grid.exam, *self._side_row())
            if current.startswith("4"):
                self.value_entered.emit(*cell, "4" + text)
        elif cell is not None and text == "N":
            self.value_entered.emit(*cell, "NT")
        elif cell is not None and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.value_entered.emit(*cell, "")
        elif event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self._jump(1 if event.key() == Qt.Key.Key_Tab else -1)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # Enter belongs to the exam editor: next step
        else:
            super().keyPressEvent(event)

    def _side_row(self) -> tuple[object, int]:
        index = self.currentIndex()
        return GradeGridModel.SIDE_COLUMNS[index.column()], index.row()

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
