"""One workstation for the two-workstation test: the real app (gui.app.start, offscreen) in a process
of its own, driven by commands on standard input, one per line, answered by one JSON line each.

    python tests/workstation.py DATABASE_URL
    -> {"ready": true}
    open_patient DEMO-0001      -> {"ok": true}
    open_exam E-DRAFT           -> {"ok": true}
    sign                        -> {"ok": true, "status": "signed"}
    close_exam                  -> {"ok": true}
    timeline                    -> {"rows": [{"exam": "E-DRAFT", "status": "draft, being ..."}]}
    mode                        -> {"banner": "...", "read_only": true}
    quit

It reads what a user sees: the timeline's Status column and the exam's mode banner.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QObject, Qt, Signal  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from gui.app import start  # noqa: E402
from gui.models import KEY_ROLE  # noqa: E402


class Driver(QObject):
    command = Signal(str)

    def __init__(self, window: object, shown: list[str]) -> None:
        super().__init__()
        self.window = window
        self.shown = shown
        self.command.connect(self.run)

    def answer(self, **fields: object) -> None:
        if self.shown:
            fields = {"error": "the app showed: " + " | ".join(self.shown)}
            self.shown.clear()
        print(json.dumps(fields), flush=True)

    def run(self, line: str) -> None:
        from PySide6.QtWidgets import QApplication

        window: object = self.window
        verb, _, argument = line.strip().partition(" ")
        try:
            if verb == "open_patient":
                window.open_patient(argument)  # type: ignore[attr-defined]
                self.answer(ok=True)
            elif verb == "open_exam":
                window.open_exam(argument)  # type: ignore[attr-defined]
                self.answer(ok=True)
            elif verb == "sign":
                window.exams.sign_exam("")  # type: ignore[attr-defined]
                self.answer(ok=True, status=window.session.exam.status.value)  # type: ignore[attr-defined]
            elif verb == "close_exam":
                self.answer(ok=window.close_exam())  # type: ignore[attr-defined]
            elif verb == "timeline":
                model = window.patient_page.timeline_model  # type: ignore[attr-defined]
                status = model.COLUMNS.index("Status")
                self.answer(rows=[{"exam": model.data(model.index(row, 0), KEY_ROLE),
                                   "status": model.data(model.index(row, status),
                                                        Qt.ItemDataRole.DisplayRole)}
                                  for row in range(model.rowCount())])
            elif verb == "mode":
                editor, session = window.editor, window.session  # type: ignore[attr-defined]
                self.answer(banner=editor.mode_banner.text() if editor else None,
                            visible=editor.mode_bar.isVisible() if editor else False,
                            read_only=session.read_only if session else None)
            elif verb == "quit":
                window.close()  # type: ignore[attr-defined]
                QApplication.quit()
            else:
                self.answer(error=f"unknown command {verb}")
        except Exception as error:  # noqa: BLE001 (reported to the test, which fails on it)
            self.answer(error=f"{type(error).__name__}: {error}")


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from gui import exam_control, login, main_window

    shown: list[str] = []  # error messages the app shows: answered, never a dialog that waits
    for module in (exam_control, main_window):
        module.show_error = lambda parent, title, message: shown.append(  # type: ignore[attr-defined]
            f"{title}: {message}")
    # The password asked again to sign: typed by the driver (the login's, from the URL).
    password = make_url(sys.argv[1]).password
    login.ask_password = lambda *args, **kwargs: password  # type: ignore[assignment]
    app, window = start(sys.argv[1])
    driver = Driver(window, shown)
    window.store_opened.connect(lambda: driver.answer(ready=True))

    def read() -> None:
        for line in sys.stdin:
            driver.command.emit(line)
        driver.command.emit("quit")

    threading.Thread(target=read, daemon=True).start()
    code = app.exec()
    if window.store is not None:
        window.store.close()
    QApplication.instance()
    return code


if __name__ == "__main__":
    sys.exit(main())
