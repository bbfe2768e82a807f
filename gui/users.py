"""Clinic mode: the logins of the clinic's staff, for the administrator (File, Users).

Adding and disabling are the server's to allow: an administrator login (or the owner) may, any
other login is refused by the server and told so. The password typed for a new user leaves this
computer only as its SCRAM verifier (core/store/clinic.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.errors import show_error
from gui.palette import error_text

if TYPE_CHECKING:
    from core.store import Store


class NewUserDialog(QDialog):
    """A new login: its name, display name, role and password (typed twice)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from core.store.clinic import ROLES

        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a user"))
        self.login = QLineEdit()
        self.login.setPlaceholderText(self.tr("e.g. ada.lovelace"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("printed on signatures, e.g. Dr Ada Lovelace"))
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role, role)
        self.password = QLineEdit()
        self.again = QLineEdit()
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("newUserError")
        self.error.setStyleSheet(f"#newUserError {{ color: {error_text(self.palette())}; }}")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Again:"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Only two equal passwords of 8 characters or more go on to the server."""
        if self.password.text() != self.again.text():
            self.error.setText(self.tr("The two passwords differ."))
        elif len(self.password.text()) < 8:
            self.error.setText(self.tr("A password has at least 8 characters."))
        elif not self.login.text().strip():
            self.error.setText(self.tr("Enter the login."))
        else:
            super().accept()
            return
        self.error.show()


class UsersDialog(QDialog):
    """Every NeuroExam login of the clinic's server, with Add and Disable."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Users of the clinic's database"))
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels([self.tr("Login"), self.tr("Role"),
                                              self.tr("Name"), self.tr("State")])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Users"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add user…"))
        self.add_button.clicked.connect(self.add_user)
        self.disable_button = QPushButton(self.tr("Disable login"))
        self.disable_button.clicked.connect(self.disable_selected)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.disable_button)
        row.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        note = QLabel(self.tr("Only an administrator adds or disables users; a disabled login "
                              "cannot log in, and its records, signatures and audit rows stay."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(close)
        self.resize(640, 420)
        self.refresh()

    def refresh(self) -> None:
        """Read the logins from the server again."""
        self.model.removeRows(0, self.model.rowCount())
        for user in self.store.users():
            state = self.tr("active") if user.active else self.tr("disabled")
            self.model.appendRow([QStandardItem(text)
                                  for text in (user.login, user.role, user.name, state)])

    def add_user(self, dialog: NewUserDialog | None = None) -> None:
        """Ask for a new user's details and create the login on the server."""
        from core.store import StoreError

        dialog = dialog or NewUserDialog(self)
        if not dialog.exec():
            return
        try:
            self.store.add_user(dialog.login.text().strip(), dialog.name.text().strip(),
                                str(dialog.role.currentData()), dialog.password.text())
        except (StoreError, ValueError) as error:
            show_error(self, self.tr("User not added"), str(error))
            return
        self.refresh()

    def disable_selected(self) -> None:
        """Disable the selected login."""
        from core.store import StoreError

        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        login = self.model.item(rows[0].row(), 0).text()
        try:
            self.store.disable_user(login)
        except StoreError as error:
            show_error(self, self.tr("Login not disabled"), str(error))
            return
        self.refresh()
