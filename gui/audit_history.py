"""A patient's audit history: who opened, changed, signed, exported the record, and when.

The rows are the store's (Store.audit_history, newest first, actions in words); in clinic mode
the server's own rows (one per changed row of a table, written by its triggers) are hidden
unless asked for, since the store's row beside them says the same in words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.translation import date_text

if TYPE_CHECKING:
    from core.record import Patient
    from core.store.audit import AuditEntry


class AuditHistoryDialog(QDialog):
    """The audit rows of one patient, newest first, times in this computer's time zone."""

    def __init__(self, patient: Patient, entries: list[AuditEntry],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries = entries
        self.setWindowTitle(self.tr("Audit history – {family}, {given}").format(
            family=patient.family_name.upper(), given=patient.given_name))
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"),
                                              self.tr("Exam"), self.tr("Detail")])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Audit history"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.server_rows = QCheckBox(self.tr("Show the database server's own rows"))
        self.server_rows.setVisible(any(entry.by_database for entry in entries))
        self.server_rows.toggled.connect(self._fill)
        self.summary = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.server_rows)
        layout.addWidget(buttons)
        self.resize(900, 520)
        self._fill()

    def _fill(self) -> None:
        shown = [entry for entry in self._entries
                 if self.server_rows.isChecked() or not entry.by_database]
        self.model.removeRows(0, self.model.rowCount())
        for entry in shown:
            local = entry.at.astimezone()
            when = f"{date_text(local.date())} {local:%H:%M:%S} {local.tzname() or ''}".strip()
            cells = [when, entry.actor, entry.what, entry.exam_id or "", entry.detail]
            row = [QStandardItem(text) for text in cells]
            row[0].setToolTip(f"{entry.at:%Y-%m-%d %H:%M:%S} UTC")
            self.model.appendRow(row)
        self.summary.setText(self.tr("{count} entries, newest first; times are this computer's "
                                     "local time (UTC in the tooltip).").format(count=len(shown)))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        if shown:
            self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
