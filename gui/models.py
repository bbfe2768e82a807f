"""Qt item models over core data: the patient list and the exam timeline (light: they load with
the first window). The grade grids' model is in gui/grade_model.py, loaded with the first exam."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from gui.translation import core_words, date_text

if TYPE_CHECKING:  # the first window shows before the store and the record models load
    from core.engine.triage import Level
    from core.record import Exam, PatientRecord
    from core.store import EditLock, PatientSummary, Store

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
NO_PARENT = QModelIndex()
"""The domain key behind a row (patient id, exam id, muscle or reflex)."""


class PatientListModel(QAbstractListModel):
    """Patients matching the search text, from the store (no widgets rebuilt while typing)."""

    def __init__(self, store: Store | None = None) -> None:
        super().__init__()
        self._store = store
        self._rows: list[PatientSummary] = []
        self.search("")

    def attach(self, store: Store) -> None:
        """Start listing the patients of ``store`` (the window may show before it is open)."""
        self._store = store
        self.search("")

    def search(self, text: str) -> None:
        """Show the patients whose name or record id starts with ``text``."""
        self.beginResetModel()
        self._rows = self._store.search_patients(text) if self._store is not None else []
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            born = (" · " + QCoreApplication.translate("PatientListModel", "born {date}").format(
                date=date_text(row.birth_date)) if row.birth_date else "")
            return f"{row.family_name.upper()}, {row.given_name}\n{row.id}{born}"
        if role == KEY_ROLE:
            return row.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return QCoreApplication.translate("PatientListModel", "{name}, record {id}").format(
                name=f"{row.given_name} {row.family_name}", id=row.id)
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
            return QCoreApplication.translate("ColumnTableModel", self.COLUMNS[section])
        return None


class ExamTimelineModel(ColumnTableModel):
    """The exams of one patient: date, kind, status, triage level."""

    COLUMNS = (str(QT_TRANSLATE_NOOP("ColumnTableModel", "Date")),
               str(QT_TRANSLATE_NOOP("ColumnTableModel", "Kind")),
               str(QT_TRANSLATE_NOOP("ColumnTableModel", "Status")),
               str(QT_TRANSLATE_NOOP("ColumnTableModel", "Triage")),
               str(QT_TRANSLATE_NOOP("ColumnTableModel", "Examiner")))

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple[Exam, Level]] = []
        self.locks: dict[str, EditLock] = {}
        """Exams being edited at another window or workstation, by exam id (their status says
        who has them, since when)."""

    def set_record(self, record: PatientRecord,
                   signed_bases: dict[str, PatientRecord] | None = None,
                   locks: dict[str, EditLock] | None = None) -> None:
        """Show every exam of the record, newest first, each with its triage level: a signed
        exam's as it was assessed when signed (``signed_bases``, from the store)."""
        from core.engine import assess  # the engine loads with the first patient, not at start

        bases = signed_bases or {}
        self.locks = {exam_id: lock for exam_id, lock in (locks or {}).items() if not lock.mine}
        self.beginResetModel()
        exams = list(reversed(record.exams_by_date()))
        self._rows = [(exam, assess(bases.get(exam.id, record), exam.id).triage.level)
                      for exam in exams]
        self.endResetModel()

    def row_count(self) -> int:
        """Number of exams shown."""
        return len(self._rows)

    def _status(self, exam: Exam) -> str:
        """"draft", or "draft, being edited by Dr Ada Lovelace since 10:42" (local time)."""
        from core.store.locks import local_time

        status = core_words()(exam.status.value)
        lock = self.locks.get(exam.id)
        if lock is None:
            return status
        text = (QCoreApplication.translate("ColumnTableModel", "{status}, being edited by {name} "
                                           "since {since} (expired)") if lock.stale else
                QCoreApplication.translate("ColumnTableModel", "{status}, being edited by {name} "
                                           "since {since}"))
        return text.format(status=status, name=lock.holder_name, since=local_time(lock.since))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        exam, level = self._rows[index.row()]
        if role == KEY_ROLE:
            return exam.id
        triage = index.column() == self.COLUMNS.index("Triage")
        if role == Qt.ItemDataRole.DisplayRole:
            words = core_words()
            return (date_text(exam.date), words(exam.kind.value), self._status(exam),
                    words(level.words).upper(), exam.examiner)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and exam.id in self.locks:
            return core_words().message(self.locks[exam.id].describe())
        if triage and role == Qt.ItemDataRole.BackgroundRole:
            from PySide6.QtGui import QColor

            from core.engine.triage import LEVEL_COLOURS
            return QColor(LEVEL_COLOURS[level])
        if triage and role == Qt.ItemDataRole.ForegroundRole:
            from PySide6.QtGui import QColor

            from gui.palette import TRIAGE_TEXT
            return QColor(TRIAGE_TEXT)
        return None
