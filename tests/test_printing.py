"""Printing: the platform's Print key writes both PDFs, shows the system print dialog, and what
comes out of the printer is the PDFs' pages.

No printer is installed on the test machines, so the dialog offers Qt's own "Print to File
(PDF)", chosen here as a user would; the printed file is then compared page for page with the
PDFs the core wrote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from PIL import Image, ImageChops, ImageFilter, ImageStat
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QComboBox, QLineEdit

from core.store import Store
from gui import exam_control as exam_control_module
from gui import main_window as main_window_module
from gui.main_window import MainWindow
from gui.printing import PrintError, prepare, print_pages, read_print_set


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(main_window_module, "show_error", lambda *args: None)
    monkeypatch.setattr(exam_control_module.QDesktopServices, "openUrl", lambda url: True)
    shown = MainWindow(Store(f"sqlite:///{tmp_path / 'print.db'}", actor="tester"))
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    qtbot.waitExposed(shown)
    return shown


def _pages(path: Path) -> list[Image.Image]:
    """Each page drawn at 150 dpi (finer, PDFium draws the maps' hatching coarser than it is),
    then reduced to a blurred 300 x 424 thumbnail, so a shift of a pixel does not count."""
    document = pypdfium2.PdfDocument(path)
    try:
        return [page.render(scale=150 / 72).to_pil().convert("L")
                .resize((300, 424), Image.Resampling.BOX).filter(ImageFilter.GaussianBlur(2))
                for page in document]
    finally:
        document.close()


def _difference(a: Image.Image, b: Image.Image) -> float:
    """The percentage of two thumbnails' pixels that differ by more than a tenth of the grey
    scale: 0 for a page and its print; 2.8 to 7 between two different pages of these PDFs."""
    differing = ImageChops.difference(a, b).point(lambda v: 255 if v > 24 else 0)
    return float(ImageStat.Stat(differing).mean[0]) / 255 * 100


def test_the_print_key_shows_the_print_dialog_and_prints_both_pdfs_page_for_page(
        qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    window.create_demo_patient()
    window.exams.open_exam("post-1")
    assert window.editor is not None
    qtbot.keyClick(window.editor.pages.currentWidget(), Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier)  # the platform's Print key
    qtbot.waitUntil(lambda: window.findChild(QPrintDialog) is not None
                    and window.findChild(QPrintDialog).isVisible(), timeout=30000)
    dialog = window.findChild(QPrintDialog)
    assert window.exams.last_reports is not None
    report, handout = map(Path, window.exams.last_reports)
    written = _pages(report) + _pages(handout)
    report_pages = len(written) - len(_pages(handout))
    assert (f"clinician report (pages 1–{report_pages}) and the patient handout (pages "
            f"{report_pages + 1}–{len(written)})") in dialog.windowTitle()

    printers = dialog.findChild(QComboBox, "printers")
    printers.setCurrentIndex(printers.findText("Print to File (PDF)"))
    printed = tmp_path / "printed.pdf"
    dialog.findChild(QLineEdit, "filename").setText(str(printed))
    dialog.accept()
    qtbot.waitUntil(lambda: "Printed" in window.statusBar().currentMessage(), timeout=60000)
    assert f"Printed {len(written)} pages" in window.statusBar().currentMessage()

    out = _pages(printed)
    assert len(out) == len(written)
    for number, (page, original) in enumerate(zip(out, written, strict=True), 1):
        assert _difference(original, page) < 0.5, f"printed page {number} is not the PDF's"
    # The comparison can tell pages apart: the handout's first page is not the report's.
    assert _difference(written[0], out[report_pages]) > 2


def test_a_page_range_prints_only_those_pages_counted_across_both_files(
        qtbot: Any, tmp_path: Path) -> None:
    from core.demo import demo_record
    from core.reports.files import write_reports
    from core.settings import Settings

    report, handout = tmp_path / "report.pdf", tmp_path / "handout.pdf"
    write_reports(demo_record(), "post-1", Settings(), report, handout)
    pages = read_print_set([report, handout])
    handout_first = pages.first_pages()[1]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare(printer, pages, "range")
    assert printer.pageLayout().pageSize().id() == pages.page_size.id()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "handout-only.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(handout_first, pages.total)
    assert print_pages(printer, pages) == pages.page_counts[1]
    out, expected = _pages(tmp_path / "handout-only.pdf"), _pages(handout)
    assert len(out) == len(expected)
    assert all(_difference(a, b) < 0.5 for a, b in zip(expected, out, strict=True))


def test_a_file_that_is_not_a_pdf_is_named_in_the_message(tmp_path: Path) -> None:
    broken = tmp_path / "report.pdf"
    broken.write_bytes(b"%PDF-1.7 cut short")
    with pytest.raises(PrintError, match=r"report\.pdf cannot be read as a PDF"):
        read_print_set([broken])
