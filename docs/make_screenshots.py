"""Make the screenshots and PDF previews in docs/ from the demo patient.

Run with `make screenshots`: under Xvfb (a real X server) when it is installed, else with Qt's
offscreen platform; PDF pages need pdftoppm from poppler-utils.
Every screen the README shows is produced here, so the pictures stay current.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from core.demo import demo_record  # noqa: E402
from core.dermatome_map import values_from_exam  # noqa: E402
from core.knowledge import Side  # noqa: E402
from gui.widgets.dermatome_map import DermatomeMapWidget  # noqa: E402

DOCS = Path(__file__).parent
SHOTS = DOCS / "screenshots"


def pdf_page_png(pdf: Path, out: Path, resolution: int = 80) -> None:
    """The first page of a PDF as PNG, when pdftoppm is installed."""
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt-get install poppler-utils); skipped", out.name)
        return
    stem = out.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(resolution), "-singlefile", str(pdf),
                    str(stem)], check=True)


def dermatome_map(app: QApplication) -> None:
    """The map widget with the demo patient's day-7 light touch, changes outlined."""
    record = demo_record()
    before, now = record.exams[0], record.exams[1]
    widget = DermatomeMapWidget()
    values = values_from_exam(now.light_touch)
    changed = frozenset((side, d) for side in Side for d, g in values[side].items()
                        if (before.light_touch.get(side) or {}).get(d) != g)
    widget.set_values(values, changed)
    widget.set_caption(f"Light touch, {now.date.isoformat()}")
    widget.resize(1200, 760)
    widget.show()
    app.processEvents()
    widget.grab().save(str(SHOTS / "dermatome-map.png"))


def map_page() -> None:
    """The clinician report's first map page (light touch, before over now) at 150 dpi."""
    from pypdf import PdfReader

    from core.reports.clinician import clinician_report
    from core.settings import Settings

    pdf_bytes = clinician_report(demo_record(), "post-1", Settings(), deterministic=True)
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "report.pdf"
        pdf.write_bytes(pdf_bytes)
        pages = PdfReader(pdf).pages
        number = next(n for n, page in enumerate(pages, start=1)
                      if "ISNCSCI key point" in page.extract_text())
        if shutil.which("pdftoppm") is None:
            print("pdftoppm not found (apt-get install poppler-utils); skipped the map page")
            return
        subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", str(number), "-l", str(number),
                        "-singlefile", str(pdf), str(DOCS / "dermatome-map-pdf")], check=True)


def screens(app: QApplication) -> None:
    """Every screen of the app, with the demo patient, in a throwaway database."""
    from core.store import Store
    from gui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as folder:
        os.environ["NEUROEXAM_HOME"] = folder
        store = Store(f"sqlite:///{Path(folder) / 'shots.db'}", actor="screenshots")
        window = MainWindow(store)
        window.resize(1600, 1000)
        window.show()

        def shot(name: str) -> None:
            app.processEvents()
            window.grab().save(str(SHOTS / f"{name}.png"))

        shot("01-first-start")
        window.create_demo_patient()
        shot("02-patient")
        window.exams.open_exam("post-1")
        assert window.editor is not None
        for index, name in enumerate(("context", "motor", "sensory", "reflexes", "function",
                                      "red-flags", "review", "sign"), start=3):
            window.editor.steps.setCurrentRow(index - 3)
            if name == "sensory":
                window.editor.sensory.show_baseline.setChecked(True)
            shot(f"{index:02d}-exam-{name}")
        window.exams.close_exam()
        engine_shots(app, window, shot)
        dialog_shots(app, window, Path(folder))
        clinic_shots(app, window, Path(folder))
        help_shots(app, window)
        store.close()


def engine_shots(app: QApplication, window: Any, shot: Any) -> None:
    """What the engine says as an exam is entered: "not assessed" for an empty exam, the items
    to test beside a foot drop, and the review with the new findings and what is undecided."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window.exams.new_exam()
    editor = window.editor
    editor.steps.setCurrentRow(0)
    shot("15-exam-not-assessed")
    editor.steps.setCurrentRow(1)
    for muscle, grade in (("ankle_dorsiflexion", "2"), ("great_toe_extension", "1"),
                          ("toe_extension", "2")):
        editor.motor.grid.move_to("left", muscle)
        QTest.keyClicks(editor.motor.grid, grade)
    QTest.keyClick(editor.motor.grid, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    shot("16-exam-motor-items-to-test")
    editor.steps.setCurrentRow(6)
    shot("17-exam-review-change-undecided")
    window.exams.close_exam()


def help_shots(app: QApplication, window: Any) -> None:
    """Help: the keyboard reference and About."""
    for name, show, attribute in (("19-help-keyboard", window.show_keyboard_reference,
                                   "_keys_viewer"), ("20-help-about", window.show_about, "_about")):
        show()
        viewer = getattr(window, attribute)
        app.processEvents()
        viewer.grab().save(str(SHOTS / f"{name}.png"))
        viewer.close()


def dark_palette() -> Any:
    """A dark desktop theme's palette (the dark screenshots use it)."""
    from PySide6.QtGui import QColor, QPalette

    dark = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2B2B2B"),
                         (QPalette.ColorRole.WindowText, "#E6E6E6"),
                         (QPalette.ColorRole.Base, "#1E1E1E"),
                         (QPalette.ColorRole.AlternateBase, "#262626"),
                         (QPalette.ColorRole.Text, "#E6E6E6"),
                         (QPalette.ColorRole.Button, "#3A3A3A"),
                         (QPalette.ColorRole.ButtonText, "#E6E6E6"),
                         (QPalette.ColorRole.Highlight, "#2F7FD1"),
                         (QPalette.ColorRole.HighlightedText, "#FFFFFF"),
                         (QPalette.ColorRole.PlaceholderText, "#A0A0A0")):
        dark.setColor(role, QColor(colour))
    return dark


def dark_shots(app: QApplication) -> None:
    """The motor step in a dark palette: the app's own colours must stay readable there."""
    from core.store import Store
    from gui.main_window import MainWindow

    light = app.palette()
    app.setPalette(dark_palette())
    with tempfile.TemporaryDirectory() as folder:
        os.environ["NEUROEXAM_HOME"] = folder
        store = Store(f"sqlite:///{Path(folder) / 'dark.db'}", actor="screenshots")
        window = MainWindow(store)
        window.resize(1600, 1000)
        window.show()
        window.create_demo_patient()
        exams = window.exams
        exams.open_exam("post-1")
        window.editor.steps.setCurrentRow(1)
        app.processEvents()
        window.grab().save(str(SHOTS / "18-exam-motor-dark.png"))
        exams.close_exam()
        store.close()
    app.setPalette(light)


def focus_shots(app: QApplication) -> None:
    """Keyboard focus on a grid cell, a dermatome of the map, a button and a choice box, in the
    light and the dark palette (focus-*.png): the ring of gui/focus_ring.py must stand out."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtTest import QTest

    from core.store import Store
    from gui.main_window import MainWindow

    light = app.palette()
    for theme, palette in (("light", light), ("dark", dark_palette())):
        app.setPalette(palette)
        with tempfile.TemporaryDirectory() as folder:
            os.environ["NEUROEXAM_HOME"] = folder
            store = Store(f"sqlite:///{Path(folder) / 'focus.db'}", actor="screenshots")
            window = MainWindow(store)
            window.resize(1600, 1000)
            window.show()
            window.activateWindow()
            window.create_demo_patient()
            window.exams.new_exam()
            editor = window.editor
            editor.motor.grid.move_to("left", "ankle_dorsiflexion")
            box = next(iter(editor.function.tests.boxes.values()))
            for name, step, target, keys in (
                    ("grid", 1, editor.motor.grid, ()),
                    ("map", 2, editor.sensory.map, (Qt.Key.Key_Tab, Qt.Key.Key_Tab)),
                    ("button", 2, editor.rest_normal_button, ()),
                    ("choice", 4, box, ())):
                editor.steps.setCurrentRow(step)
                target.setFocus(Qt.FocusReason.TabFocusReason)
                for key in keys:
                    QTest.keyClick(target, key)
                QTest.qWait(100)
                area = QRect(editor.pages.mapTo(window, QPoint(0, 0)), editor.pages.size())
                window.grab(area.adjusted(-8, -8, 8, 48)).save(
                    str(SHOTS / f"focus-{name}-{theme}.png"))
            window.exams.close_exam()
            store.close()
    app.setPalette(light)


def scaled_shots(app: QApplication) -> None:
    """At twice the scale (QT_SCALE_FACTOR=2, as on a 4K screen at 200 %): the window at
    1600 x 1000 logical pixels is 3200 x 2000 (2x-*.png)."""
    from core.settings import Settings
    from core.store import Store
    from gui.dialogs import SettingsDialog
    from gui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as folder:
        os.environ["NEUROEXAM_HOME"] = folder
        store = Store(f"sqlite:///{Path(folder) / 'scaled.db'}", actor="screenshots")
        window = MainWindow(store)
        window.resize(1600, 1000)
        window.show()

        def shot(name: str, widget: Any = None) -> None:
            app.processEvents()
            (widget or window).grab().save(str(SHOTS / f"2x-{name}.png"))

        window.create_demo_patient()
        shot("02-patient")
        window.exams.open_exam("post-1")
        for row, name in ((1, "04-exam-motor"), (2, "05-exam-sensory"), (6, "09-exam-review")):
            window.editor.steps.setCurrentRow(row)
            if row == 2:
                window.editor.sensory.show_baseline.setChecked(True)
            shot(name)
        window.exams.close_exam()
        window.show_keyboard_reference()
        shot("19-help-keyboard", window._keys_viewer)
        window._keys_viewer.close()
        dialog = SettingsDialog(Settings(clinic_name="Riverside Spine Clinic (demo)"))
        dialog.show()
        shot("13-dialog-settings", dialog)
        dialog.close()
        store.close()


def dialog_shots(app: QApplication, window: object, folder: Path) -> None:
    """The dialogs: new patient, new operation, settings, export."""
    from core.settings import Settings
    from gui.dialogs import ExportDialog, PatientDialog, SettingsDialog, SurgeryDialog

    clinic = Settings(clinic_name="Riverside Spine Clinic (demo)", default_examiner="Dr Demo")
    dialogs = {"11-dialog-new-patient": PatientDialog(),
               "12-dialog-new-operation": SurgeryDialog("op-2"),
               "13-dialog-settings": SettingsDialog(clinic),
               "14-dialog-export": ExportDialog("DEMO-0001", folder / "exports")}
    for name, dialog in dialogs.items():
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(SHOTS / f"{name}.png"))
        dialog.close()


def clinic_shots(app: QApplication, window: Any, folder: Path) -> None:
    """The login dialog of clinic mode (as refused by a server that cannot be reached: a port
    on this computer where nothing listens) and the demo patient's audit history."""
    from core.exchange.export import ExportFormat, ExportRequest, export
    from core.settings import Settings
    from gui.login import LoginDialog

    login = LoginDialog("postgresql+psycopg://ada@127.0.0.1:1/neuroexam")
    login.show()
    login.password.setText("not shown")
    login.accept()
    app.processEvents()
    login.grab().save(str(SHOTS / "21-dialog-login.png"))
    login.close()
    window.open_patient("DEMO-0001")
    export(window.store, ExportRequest(["DEMO-0001"], ExportFormat.FHIR, folder / "demo.json"),
           Settings())
    window.show_audit_history()
    app.processEvents()
    window.audit_dialog.grab().save(str(SHOTS / "22-audit-history.png"))
    window.audit_dialog.close()


def spanish_screens(app: QApplication) -> None:
    """The patient page, the motor, sensory and review steps, the rules page (Help), the
    settings, and both PDFs' first pages, with the app and the PDFs in Spanish
    (docs/screenshots/es-*.png, docs/*-es.png)."""
    from core.reports.files import write_reports
    from core.settings import Settings
    from core.store import Store
    from gui import translation
    from gui.dialogs import SettingsDialog
    from gui.main_window import MainWindow

    translation.install(app, "es")
    try:
        with tempfile.TemporaryDirectory() as folder:
            os.environ["NEUROEXAM_HOME"] = folder
            store = Store(f"sqlite:///{Path(folder) / 'shots.db'}", actor="screenshots")
            window = MainWindow(store)
            window.resize(1280, 860)
            window.show()

            def shot(name: str) -> None:
                app.processEvents()
                window.grab().save(str(SHOTS / f"es-{name}.png"))

            window.create_demo_patient()
            shot("02-patient")
            window.exams.open_exam("post-1")
            for row, name in ((1, "04-exam-motor"), (2, "05-exam-sensory"),
                              (6, "09-exam-review")):
                window.editor.steps.setCurrentRow(row)
                if row == 2:
                    window.editor.sensory.show_baseline.setChecked(True)
                shot(name)
            window.exams.close_exam()
            window.show_rules()
            app.processEvents()
            window._rules_viewer.resize(1100, 800)
            app.processEvents()
            window._rules_viewer.grab().save(str(SHOTS / "es-21-help-rules.png"))
            window._rules_viewer.close()
            settings = SettingsDialog(Settings(clinic_name="Clínica de Columna (demo)",
                                               language="es", handout_both_languages=True))
            settings.show()
            app.processEvents()
            settings.grab().save(str(SHOTS / "es-13-dialog-settings.png"))
            settings.close()
            store.close()
            clinic = Settings(clinic_name="Clínica de Columna (demo)", language="es",
                              clinic_contact="Enfermería de columna, de lunes a viernes",
                              clinic_phone="0100 000 000 (demo)")
            report, handout = Path(folder) / "informe.pdf", Path(folder) / "hoja.pdf"
            write_reports(demo_record(), "post-1", clinic, report, handout, deterministic=True)
            pdf_page_png(report, DOCS / "report-page-1-es.png")
            pdf_page_png(handout, DOCS / "handout-page-1-es.png")
    finally:
        translation.uninstall(app)


def pdf_previews() -> None:
    """The first page of each demo PDF, as the README shows them."""
    from core.demo import demo_record
    from core.reports.files import write_reports
    from core.settings import Settings

    clinic = Settings(clinic_name="Riverside Spine Clinic (demo)",
                      clinic_contact="Spine nurse line, weekdays 8:00-18:00",
                      clinic_phone="0100 000 000 (demo)")
    with tempfile.TemporaryDirectory() as folder:
        report, handout = Path(folder) / "report.pdf", Path(folder) / "handout.pdf"
        write_reports(demo_record(), "post-1", clinic, report, handout, deterministic=True)
        pdf_page_png(report, DOCS / "report-page-1.png")
        pdf_page_png(handout, DOCS / "handout-page-1.png")


def main() -> None:
    """Make every picture; ``--2x`` makes only the ones at twice the scale (this script runs
    itself again that way, since the scale is set before Qt starts)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    if "--2x" in sys.argv:
        scaled_shots(app)
        print(f"2x screenshots at device pixel ratio {app.devicePixelRatio()}")
        os._exit(0)
    dermatome_map(app)
    map_page()
    screens(app)
    spanish_screens(app)
    dark_shots(app)
    focus_shots(app)
    pdf_previews()
    print(f"screenshots written to {SHOTS} (Qt platform: {app.platformName()})")
    sys.stdout.flush()
    subprocess.run([sys.executable, __file__, "--2x"], check=True,
                   env={**os.environ, "QT_SCALE_FACTOR": "2"})
    os._exit(0)  # skip Qt's teardown of widgets at interpreter exit


if __name__ == "__main__":
    main()
