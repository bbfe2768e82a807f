"""Qt item models over core data: the patient list, the exam timeline, and the grade grids."""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from core.knowledge import MOTOR_ITEMS, REFLEXES, Side
from core.record import Exam, PatientRecord
from core.store import PatientSummary, Store

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
NO_PARENT = QModelIndex()
"""The domain key behind a row (patient id, exam id, muscle or reflex)."""


class PatientListModel(QAbstractListModel):
    """Patients matching the search text, from the store (no widgets rebuilt while typing)."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store
        self._rows: list[PatientSummary] = []
        self.search("")

    def search(self, text: str) -> None:
        """Show the patients whose name or record id starts with ``text``."""
        self.beginResetModel()
        self._rows = self._store.search_patients(text)
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            born = f" · born {row.birth_date.isoformat()}" if row.birth_date else ""
            return f"{row.family_name.upper()}, {row.given_name}\n{row.id}{born}"
        if role == KEY_ROLE:
            return row.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.given_name} {row.family_name}, record {row.id}"
        return None


class ColumnTableModel(QAbstractTableModel):
    """A flat table with named columns; subclasses give COLUMNS, row_count() and data()."""

    COLUMNS: tuple[str, ...] = ()

    def row_count(self) -> int:
        """Number of rows."""
        raise NotImplementedError

    def rowCount(self, parent: Index = NO_PARENT) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = NO_PARENT) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None


class ExamTimelineModel(ColumnTableModel):
    """The exams of one patient: date, kind, status, triage level."""

    COLUMNS = ("Date", "Kind", "Status", "Triage", "Examiner")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple[Exam, str]] = []

    def set_record(self, record: PatientRecord) -> None:
        """Show every exam of the record, newest first, each with its triage level."""
        from core.engine import assess  # the engine loads with the first patient, not at start

        self.beginResetModel()
        exams = list(reversed(record.exams_by_date()))
        self._rows = [(exam, assess(record, exam.id).triage.level.label) for exam in exams]
        self.endResetModel()

    def row_count(self) -> int:
        """Number of exams shown."""
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        exam, level = self._rows[index.row()]
        if role == KEY_ROLE:
            return exam.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (exam.date.isoformat(), exam.kind.value, exam.status.value, level.upper(),
                    exam.examiner)[index.column()]
        return None


class GradeGridModel(ColumnTableModel):
    """A grid of graded items by side (motor or reflexes), with baseline values beside them.

    Columns: item, right now, right baseline, left now, left baseline. Only the "now" columns
    are edited, by the view's keys; a value that differs from baseline is marked "●" and bold.
    """

    COLUMNS = ("", "Right", "baseline", "Left", "baseline")
    SIDE_COLUMNS = {1: Side.RIGHT, 3: Side.LEFT}

    def __init__(self, field: str) -> None:
        super().__init__()
        self.field = field
        table = MOTOR_ITEMS if field == "motor" else REFLEXES
        self.keys: list[Enum] = list(table)
        self._labels = [_row_label(field, key) for key in self.keys]
        self.exam: Exam | None = None
        self.baseline: Exam | None = None

    def set_exams(self, exam: Exam, baseline: Exam | None) -> None:
        """Show ``exam`` with ``baseline`` beside it."""
        self.exam, self.baseline = exam, baseline
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
        if role == Qt.ItemDataRole.DisplayRole:
            if column in self.SIDE_COLUMNS:
                return f"● {now}" if changed else now
            return before
        if role == Qt.ItemDataRole.FontRole and changed:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column in self.SIDE_COLUMNS:
            return f"{side.value} {self._labels[row]}: {now or 'not examined'}; " \
                   f"baseline {before or 'none'}"
        if role == Qt.ItemDataRole.ForegroundRole and column not in self.SIDE_COLUMNS:
            return Qt.GlobalColor.darkGray
        if role == KEY_ROLE:
            return self.keys[row]
        return None


def _row_label(field: str, key: Any) -> str:
    if field == "motor":
        info = MOTOR_ITEMS[key]
        return f"{info.movement}  ({info.roots_label})"
    reflex = REFLEXES[key]
    return f"{reflex.label}  ({', '.join(reflex.roots)})"
