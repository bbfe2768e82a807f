"""The app: process start to the main window shown, with a database of 10,000 patients, against a
bare PySide6 QMainWindow started the same way in the same run (target under 1.4x); and the time to
switch between exam steps (target under 50 ms).
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import median_ms
from store import populate

from core.store import Store

SHOW_APP = """
import sys
from PySide6.QtCore import QTimer
from gui.app import start
app, window = start(sys.argv[1])
QTimer.singleShot(0, lambda: print("shown", flush=True))
window.store_opened.connect(lambda: (print("ready", flush=True), app.quit()))
app.exec()
"""
SHOW_BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 860)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def time_to_shown(script: str, *args: str) -> tuple[float, float]:
    """Seconds from starting a Python process to its window shown, and to its last line (the app:
    the records opened and listed; the bare window: the same moment)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # As installed: bytecode cached (pip and PyInstaller ship .pyc files), so no process pays for
    # compiling sources. A machine-wide PYTHONDONTWRITEBYTECODE would otherwise skew the ratio.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                             text=True, env=env)
    assert child.stdout is not None
    line = child.stdout.readline()
    shown = time.perf_counter() - start
    assert line.strip() == "shown", "the window did not show"
    for _ in child.stdout:
        pass
    done = time.perf_counter() - start
    child.wait()
    return shown, done


def step_switch_ms(url: str) -> float:
    """Median time to switch to another step of an open exam and paint it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gui.app import create_application
    from gui.main_window import MainWindow

    app = create_application()
    window = MainWindow(Store(url))
    window.show()
    window.create_demo_patient()
    window.exams.open_exam("post-1")
    editor = window.editor
    assert editor is not None
    rows = iter(range(10_000))

    def switch() -> None:
        editor.steps.setCurrentRow(next(rows) % 8)
        window.repaint()
        app.processEvents()

    return median_ms(switch, repeat=80, warmup=8)


def main() -> None:
    """Print the figures."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'app.db'}"
        store = Store(url)
        populate(store, random.Random(3), patient_count=10_000)
        store.close()
        app_times, ready_times, bare_times = [], [], []
        time_to_shown(SHOW_APP, url)  # warm-up: writes the bytecode caches, as installation does
        time_to_shown(SHOW_BARE)
        for _ in range(7):
            shown, ready = time_to_shown(SHOW_APP, url)
            app_times.append(shown)
            ready_times.append(ready)
            bare_times.append(time_to_shown(SHOW_BARE)[0])
        app_start, bare_start = statistics.median(app_times), statistics.median(bare_times)
        print(f"app: start to main window shown, 10,000 patients: median {app_start * 1000:.0f} ms;"
              f" bare QMainWindow {bare_start * 1000:.0f} ms; ratio {app_start / bare_start:.2f}x "
              "(target < 1.4x)")
        print(f"app: start to the patient list filled (database opened after the first paint): "
              f"median {statistics.median(ready_times) * 1000:.0f} ms")
        print(f"app: switch between exam steps: median {step_switch_ms(url):.1f} ms "
              "(target < 50 ms)")
    os._exit(0)  # skip Qt's teardown at exit


if __name__ == "__main__":
    main()
