"""Every file the product writes in a working session is readable by its owner only: the app is
started as `neuroexam` starts it, opens the demo patient, writes both PDFs, takes its automatic
backup, exports and closes; then every file and folder under its home is checked."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

SESSION = textwrap.dedent("""
    import os, sys
    from gui.launch import private_files
    private_files()
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication
    from core.demo import demo_record
    from core.exchange.export import ExportFormat, ExportRequest, export
    from core.folders import data_folder
    from core.settings import load_settings
    from gui.app import start

    app, window = start()

    def work():
        window.store.import_record(demo_record())
        window.open_patient("DEMO-0001")
        window.open_exam("post-1")
        window.create_reports()
        QThreadPool.globalInstance().waitForDone()
        app.processEvents()
        (data_folder() / "exports").mkdir(exist_ok=True)
        export(window.store, ExportRequest(None, ExportFormat.CSV,
                                           data_folder() / "exports" / "all.csv"), load_settings())
        window.close()
        app.quit()

    window.store_opened.connect(lambda: QTimer.singleShot(200, work))
    QTimer.singleShot(60_000, lambda: sys.exit(3))
    app.exec()
    QThreadPool.globalInstance().waitForDone()
    window.store.close()
""")


def test_every_file_of_a_session_is_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "NEUROEXAM_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("NEUROEXAM_DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-c", SESSION], env=env, capture_output=True,
                          text=True, timeout=120, cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr[-3000:]
    written = {path.relative_to(home).as_posix(): stat.S_IMODE(path.lstat().st_mode)
               for path in home.rglob("*")}
    names = " ".join(written)
    for expected in ("neuroexam.db", "report.pdf", "handout.pdf", "all.csv", "neuroexam-auto-",
                     ".log", "window-state.ini"):
        assert expected in names, f"{expected} not written: {sorted(written)}"
    loose = {name: oct(mode) for name, mode in written.items()
             if mode & (stat.S_IRWXG | stat.S_IRWXO)}
    assert loose == {}, f"readable by others: {loose}"
