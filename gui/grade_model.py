"""The model behind the motor and reflex grids: one row per item, baseline and current per side."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from core.knowledge import MOTOR_ITEMS, REFLEXES, Side
from gui.models import KEY_ROLE, ColumnTableModel, Index
from gui.palette import TO_TEST_BACKGROUND, TO_TEST_TEXT, secondary_text
from gui.translation import core_words

if TYPE_CHECKING:
    from core.record import Exam


REFERENCE_NAMES = (str(QT_TRANSLATE_NOOP("ColumnTableModel", "baseline")),
                   str(QT_TRANSLATE_NOOP("ColumnTableModel", "previous")))
"""What the grids compare with, as column headers (translated where headers are shown)."""


class GradeGridModel(ColumnTableModel):
    """A grid of graded items by side (motor or reflexes), with baseline values beside them.

    Columns: item, right now, right baseline, left now, left baseline. Only the "now" columns
    are edited, by the view's keys; a value that differs from baseline is marked "●" and bold.
    """

    COLUMNS = ("", str(QT_TRANSLATE_NOOP("ColumnTableModel", "Right")), REFERENCE_NAMES[0],
               str(QT_TRANSLATE_NOOP("ColumnTableModel", "Left")), REFERENCE_NAMES[0])
    """Headers; the two reference columns are named after what is compared ("previous" too)."""
    SIDE_COLUMNS = {1: Side.RIGHT, 3: Side.LEFT}

    def __init__(self, field: str) -> None:
        super().__init__()
        self.field = field
        table = MOTOR_ITEMS if field == "motor" else REFLEXES
        self.keys: list[Enum] = list(table)
        self._labels = [_row_label(field, key) for key in self.keys]
        self.exam: Exam | None = None
        self.baseline: Exam | None = None
        self.to_test: dict[tuple[Side, str], str] = {}
        """Unexamined cells that would decide between the leading lesions, with the advice."""

    def set_to_test(self, to_test: dict[tuple[Side, str], str]) -> None:
        """Mark the cells the engine asks the examiner to test (and unmark the others)."""
        if to_test != self.to_test:
            self.to_test = to_test
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 4))

    def set_exams(self, exam: Exam, baseline: Exam | None, label: str = "baseline") -> None:
        """Show ``exam`` with ``baseline`` (or the exam named by ``label``) beside it."""
        self.exam, self.baseline = exam, baseline
        if label != self.COLUMNS[2]:
            self.COLUMNS = ("", "Right", label, "Left", label)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 4))

    def value(self, exam: Exam | None, side: Side, row: int) -> str:
        """The grade shown for a row and side, "" when not examined."""
        if exam is None:
            return ""
        grade = (getattr(exam, self.field).get(side) or {}).get(self.keys[row])
        return "" if grade is None else str(grade.value)

    def row_count(self) -> int:
        """One row per graded item."""
        return len(self.keys)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled
        return base | Qt.ItemFlag.ItemIsSelectable if index.column() in self.SIDE_COLUMNS else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._labels[row]
            return None
        side = Side.RIGHT if column in (1, 2) else Side.LEFT
        now, before = self.value(self.exam, side, row), self.value(self.baseline, side, row)
        changed = column in self.SIDE_COLUMNS and self.baseline is not None and now != before \
            and now != ""
        advice = self.to_test.get((side, self.keys[row].value)) \
            if column in self.SIDE_COLUMNS and now == "" else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column in self.SIDE_COLUMNS:
                return (QCoreApplication.translate("GradeGridModel", "test ▸") if advice
                        else f"● {now}" if changed else now)
            return before
        if role == Qt.ItemDataRole.BackgroundRole and advice:
            return QBrush(QColor(TO_TEST_BACKGROUND))
        if role == Qt.ItemDataRole.ToolTipRole and advice:
            return advice
        if role == Qt.ItemDataRole.ForegroundRole and advice:
            return QBrush(QColor(TO_TEST_TEXT))
        if role == Qt.ItemDataRole.FontRole and column in self.SIDE_COLUMNS:
            font = QFont()  # the grades entered: larger than the rest, bold when changed
            font.setPointSizeF(font.pointSizeF() * 1.25)
            font.setBold(changed)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column in self.SIDE_COLUMNS:
            return QCoreApplication.translate(
                "GradeGridModel", "{side} {item}: {now}; {reference} {before}").format(
                side=core_words()(side.value), item=self._labels[row],
                now=now or QCoreApplication.translate("GradeGridModel", "not examined"),
                reference=QCoreApplication.translate("ColumnTableModel", self.COLUMNS[2]),
                before=before or QCoreApplication.translate("GradeGridModel", "none"))
        if role == Qt.ItemDataRole.ForegroundRole and column in (2, 4):
            from PySide6.QtWidgets import QApplication

            # the comparison exam's values: secondary, yet 4.5:1 on the theme's background
            return QBrush(QColor(secondary_text(QApplication.palette())))
        if role == Qt.ItemDataRole.FontRole and column in (2, 4):
            font = QFont()
            font.setItalic(True)
            return font
        if role == KEY_ROLE:
            return self.keys[row]
        return None


def _row_label(field: str, key: Any) -> str:
    words = core_words()
    if field == "motor":
        info = MOTOR_ITEMS[key]
        return f"{words(info.movement)}  ({info.roots_label})"
    reflex = REFLEXES[key]
    return f"{words(reflex.label)}  ({', '.join(reflex.roots)})"
