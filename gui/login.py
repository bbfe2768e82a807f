"""Clinic mode: logging in to the clinic's database server, and the password asked again to sign.

The app connects as the person's own database login (one per clinician; their role is a group
on the server). The password is typed here and kept in the process's memory only, never in a
file: not in the settings, not in a keyring (see the README, "Clinic mode"). Only the login name
is remembered for the next start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gui.palette import error_text

if TYPE_CHECKING:
    from core.store import Store

_LAST_LOGIN = "login/last_user"


def _remembered_login() -> str:
    from gui.window_state import window_state

    value = window_state().value(_LAST_LOGIN)
    return value if isinstance(value, str) else ""


class LoginDialog(QDialog):
    """The user's login and password for the clinic's server; on success ``store`` is the
    database opened as that user. A refusal is shown in the dialog, which stays open."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        from sqlalchemy.engine import make_url

        from core.store.audit import current_user

        super().__init__(parent)
        self._url = url
        self.store: Store | None = None
        parsed = make_url(url)
        self.setWindowTitle(self.tr("Log in to the clinic's database"))
        server = QLabel(self.tr("Server <b>{host}</b>, database <b>{database}</b>").format(
            host=parsed.host or "localhost", database=parsed.database or ""))
        self.login = QLineEdit(parsed.username or _remembered_login() or current_user())
        self.login.setAccessibleName(self.tr("Login"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("loginError")
        self.error.setStyleSheet(f"#loginError {{ color: {error_text(self.palette())}; }}")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Password:"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("Your own login, as the clinic's administrator gave it to you. "
                              "The password is not stored on this computer."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(server)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        (self.password if self.login.text() else self.login).setFocus()

    def accept(self) -> None:
        """Connect as the login with the password; stay open with the reason when refused."""
        from core.store import StoreError, open_store
        from core.store.connection import with_login

        login, password = self.login.text().strip(), self.password.text()
        if not login or not password:
            self._refused(self.tr("Enter your login and your password."))
            return
        try:
            self.store = open_store(with_login(self._url, login), password=password)
        except (StoreError, ValueError) as error:
            self.password.clear()
            self._refused(self._reason(error, login))
            return
        from gui.window_state import window_state

        window_state().setValue(_LAST_LOGIN, login)
        super().accept()

    def _reason(self, error: Exception, login: str) -> str:
        """The store's message, said for a login where its words are about saving."""
        from sqlalchemy.engine import make_url

        from core.store import PermissionDeniedError, ServerUnreachableError

        host = make_url(self._url).host or "localhost"
        if isinstance(error, ServerUnreachableError):
            return self.tr("The database server {host} cannot be reached. Check the network and "
                           "that the server is running, then log in again.").format(host=host)
        if isinstance(error, PermissionDeniedError):
            return self.tr("The login {login} has no permission to use this database: it is not "
                           "a NeuroExam user of it. Ask the clinic's administrator.").format(
                login=login)
        return str(error)  # wrong password, database too new or not upgraded: the store's words

    def _refused(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.adjustSize()  # the whole reason shows, however many lines it wraps to
        self.password.setFocus()


def log_in(parent: QWidget | None, url: str) -> Store | None:
    """Ask for the login and password until the server accepts them; None when cancelled."""
    dialog = LoginDialog(url, parent)
    accepted = dialog.exec()
    store = dialog.store if accepted else None
    dialog.deleteLater()
    return store


def ask_password(parent: QWidget | None, title: str, text: str) -> str | None:
    """The user's password, typed again (to sign or amend); None when cancelled."""
    password, accepted = QInputDialog.getText(parent, title, text, QLineEdit.EchoMode.Password)
    return password if accepted and password else None
