"""Opening the records when the app starts: after the window's first paint (the database and
its libraries take a moment to load), with the login a clinic server asks for (gui/login.py),
and the login offered again when it was cancelled.

Which database and how it is opened are the core's (core.settings.database_url,
core.store.open_store); this module asks for the login and says what went wrong.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from gui.errors import show_error

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class StoreOpening(QObject):
    """Opens the database of ``window`` once it has painted, then hands the store to it
    (MainWindow.attach_store)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._pending_url: str | None = None
        self._login_url = ""

    def after_first_paint(self, url: str | None = None) -> None:
        """Show at once; open the database (and load its libraries) once the window is painted.
        Without ``url``, the configured database (settings, environment, data folder)."""
        window = self.window
        self._pending_url = url or ""
        window.menuBar().setEnabled(False)
        window.splitter.setEnabled(False)
        window.start_text.setText(self.tr("<h2>NeuroExam</h2>Opening the records…"))
        window.demo_button.hide()

    def painted(self) -> None:
        """The window has painted: open the database pending, if any (once)."""
        if self._pending_url is not None:
            url, self._pending_url = self._pending_url, None
            QTimer.singleShot(0, lambda: self.open_store(url))

    def open_store(self, url: str) -> None:
        """Open the database; a clinic server named without a password asks for the user's
        login and password first (gui/login.py)."""
        from core.settings import database_url
        from core.store import StoreError, open_store
        from core.store.connection import needs_login

        window = self.window
        url = url or database_url()
        try:
            if needs_login(url):
                from gui.login import log_in

                logged_in = log_in(window, url)
                if logged_in is None:
                    self._not_logged_in(url)
                    return
                store = logged_in
            else:
                store = open_store(url)
        except StoreError as error:
            show_error(window, self.tr("NeuroExam cannot open its database"), str(error))
            window.start_text.setText("<h2>NeuroExam</h2>"
                                      + self.tr("The database could not be opened.")
                                      + f"<br>{error}")
            return
        window.attach_store(store)
        window.start_automatic_backups()
        window.store_opened.emit()

    def _not_logged_in(self, url: str) -> None:
        """The login was cancelled: say so, and offer it again."""
        self.window.start_text.setText("<h2>NeuroExam</h2>" + self.tr(
            "Not logged in: the records are on the clinic's database server, opened with your "
            "own login."))
        self.window.login_button.show()
        self._login_url = url

    def log_in_again(self) -> None:
        """The start page's Log in button, after a cancelled login."""
        self.window.login_button.hide()
        self.open_store(self._login_url)
