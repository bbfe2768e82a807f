"""`neuroexam --self-test`: prove an installed or frozen NeuroExam works, end to end.

Opens the main window offscreen, creates the demo patient in a temporary database, assesses an
exam, writes both PDFs and a FHIR Bundle, and checks the assets are found. Nothing touches the
user's data: every folder points into a temporary directory for the run. Exit code 0 when every
step passed, 1 otherwise, with the failed step and its error printed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # loaded by the steps themselves, each timed as part of its step
    from PySide6.QtWidgets import QApplication

    from core.record import PatientRecord
    from core.store import Store
    from gui.main_window import MainWindow

Step = tuple[str, Callable[[], str]]
T = TypeVar("T")


@dataclass
class _Made:
    """What the steps make for the later ones (kept alive until the run ends)."""

    app: QApplication | None = None
    store: Store | None = None
    window: MainWindow | None = None
    record: PatientRecord | None = None


def _made(value: T | None, what: str) -> T:
    """``value``, made by an earlier step; a clear failure when that step did not make it."""
    if value is None:
        raise AssertionError(f"{what} was not made by an earlier step")
    return value


def _steps(folder: Path) -> list[Step]:
    state = _Made()

    def assets() -> str:
        from core.assets import asset_path

        needed = [asset_path("fonts", "DejaVuSans.ttf"), asset_path("dermatomes", "dermatomes.json"),
                  asset_path("schema", "patient-record.schema.json")]
        missing = [str(p) for p in needed if not p.is_file()]
        if missing:
            raise FileNotFoundError(f"missing assets: {', '.join(missing)}")
        return f"{len(needed)} asset files found in {needed[0].parents[1]}"

    def window() -> str:
        from core.store import open_store
        from gui.app import create_application
        from gui.main_window import MainWindow

        app = create_application()
        store = open_store(f"sqlite:///{folder / 'self-test.db'}", actor="self-test")
        shown = MainWindow(store)
        shown.show()
        app.processEvents()
        state.app, state.store, state.window = app, store, shown
        return f"main window shown ({app.platformName()} platform)"

    def demo() -> str:
        _made(state.window, "the main window").create_demo_patient()
        store = _made(state.store, "the store")
        count = store.count_patients()
        if count != 1:
            raise AssertionError(f"expected the demo patient, found {count} patients")
        state.record = store.load_record("DEMO-0001")
        return "demo patient created through the window"

    def assessment() -> str:
        from core.engine import assess

        result = assess(_made(state.record, "the demo record"), "post-1")
        if not result.localisation:
            raise AssertionError("the demo exam has a deficit but no localisation")
        return (f"triage {result.triage.level.label}, leading "
                f"{result.localisation[0].lesion.value} {result.localisation[0].side}")

    def pdfs() -> str:
        from core.reports.files import write_reports
        from core.settings import Settings

        report, handout = folder / "report.pdf", folder / "handout.pdf"
        write_reports(_made(state.record, "the demo record"), "post-1", Settings(), report,
                      handout)
        for pdf in (report, handout):
            if not pdf.read_bytes().startswith(b"%PDF") or pdf.stat().st_size < 10_000:
                raise AssertionError(f"{pdf.name} is not a complete PDF")
        return f"clinician report {report.stat().st_size // 1024} KB, handout " \
               f"{handout.stat().st_size // 1024} KB"

    def languages() -> str:
        from PySide6.QtCore import QCoreApplication

        from core.demo import demo_record
        from core.engine import assess
        from core.i18n import Language, translator
        from gui import translation

        language = translation.language()
        menu = QCoreApplication.translate("MainWindow", "&File")
        if language is Language.ES and menu == "&File":
            raise AssertionError("the app's Spanish translations did not load")
        qt_context, qt_text = "QPlatformTheme", "Cancel"  # a text of Qt's own, not ours
        if language is Language.ES and QCoreApplication.translate(qt_context, qt_text) \
                == qt_text:
            raise AssertionError("Qt's own Spanish translations (qtbase_es) did not load")
        words = translator(language)
        finding = assess(demo_record(), "post-1").triage.reasons[0].findings[0]
        title, sentence = words("Clinician report"), finding.render(words)
        if language is Language.ES and (title == "Clinician report" or sentence == str(finding)):
            raise AssertionError("the core's Spanish catalogue (core/locales/es.py) did not load")
        return (f"{language.native_name}: File menu {menu!r}; report {title!r}; the engine "
                f"writes {sentence!r}")

    def printing() -> str:
        from PySide6.QtPrintSupport import QPrinter

        from gui.printing import prepare, print_pages, read_print_set

        pages = read_print_set([folder / "report.pdf", folder / "handout.pdf"])
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare(printer, pages, "self-test")
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(folder / "printed.pdf"))
        printed = print_pages(printer, pages)
        if printed != pages.total:
            raise AssertionError(f"printed {printed} of {pages.total} pages")
        return f"{printed} pages drawn by PDFium onto a print-to-file printer"

    def fhir() -> str:
        from core.exchange.fhir import bundle

        document = bundle([_made(state.record, "the demo record")])
        return f"FHIR Bundle of {len(document['entry'])} resources validated"

    return [("assets", assets), ("main window", window), ("language", languages),
            ("demo patient", demo), ("assessment", assessment), ("PDFs", pdfs),
            ("printing", printing), ("FHIR export", fhir)]


def run_self_test() -> int:
    """Run every step; print one line per step; 0 when all passed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="neuroexam-self-test-") as name:
        folder = Path(name)
        os.environ["NEUROEXAM_HOME"] = str(folder / "home")
        for step, action in _steps(folder):
            try:
                detail = action()
            except Exception as error:  # report any failure as the step that failed
                print(f"self-test FAILED at {step}: {type(error).__name__}: {error}")
                traceback.print_exc(file=sys.stderr)
                return 1
            print(f"self-test ok: {step}: {detail}")
    print("self-test passed")
    return 0
