"""Printing the PDFs through the system print dialog.

The PDFs come from the core (core.reports), so the printed pages are those of the written files:
each page is drawn by PDFium (pypdfium2) at the printer's resolution, at most 300 dpi, and
painted full-page onto a QPrinter that the platform's print dialog (QPrintDialog) set up. Qt's
own PDF renderer (QtPdf) is not part of PySide6-Essentials; PySide6-Addons would add about
ten times the size of the app for it. Handing the files to `lp` (as before) printed on the
default printer only, with no choice of printer, copies or pages, and not at all on Windows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300
"""Finer than a laser printer's halftone needs, and a page at 300 dpi is 35 MB, not 140."""

Progress = Callable[[int, int], None]


class PrintError(OSError):
    """The files could not be printed; the message says what to do instead."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


@dataclass(frozen=True)
class PrintSet:
    """PDFs printed as one job, their pages numbered on from one file to the next."""

    paths: tuple[Path, ...]
    page_counts: tuple[int, ...]
    page_size: QPageSize
    """The first page's size: the paper the dialog proposes (A4 or Letter, as written)."""

    @property
    def total(self) -> int:
        """All pages of all the files."""
        return sum(self.page_counts)

    def first_pages(self) -> list[int]:
        """The number, in the job, of each file's first page."""
        firsts, page = [], 1
        for count in self.page_counts:
            firsts.append(page)
            page += count
        return firsts


def read_print_set(paths: list[Path]) -> PrintSet:
    """Open ``paths`` with PDFium: their page counts and the paper of the first page."""
    import pypdfium2

    counts: list[int] = []
    size: QPageSize | None = None
    for path in paths:
        try:
            document = pypdfium2.PdfDocument(path)
        except (pypdfium2.PdfiumError, OSError) as error:
            raise PrintError(_tr("{file} cannot be read as a PDF ({error}).").format(
                file=path, error=error)) from error
        try:
            counts.append(len(document))
            if size is None and len(document):
                width, height = document[0].get_size()
                size = QPageSize(QSizeF(width, height), QPageSize.Unit.Point)
        finally:
            document.close()
    if size is None:
        raise PrintError(_tr("There are no pages to print."))
    return PrintSet(tuple(paths), tuple(counts), size)


def prepare(printer: QPrinter, pages: PrintSet, title: str) -> None:
    """Propose the PDFs' own paper, portrait, full page (the PDFs have their own margins)."""
    printer.setDocName(title)
    printer.setFullPage(True)
    printer.setPageSize(pages.page_size)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFromTo(1, pages.total)


def _chosen(printer: QPrinter, total: int) -> list[int]:
    """The page numbers (1-based, across the files) the dialog's page range selects."""
    ranges = printer.pageRanges()
    if printer.printRange() != QPrinter.PrintRange.PageRange or ranges.isEmpty():
        return list(range(1, total + 1))
    return [page for page in range(1, total + 1) if ranges.contains(page)]


def print_pages(printer: QPrinter, pages: PrintSet, progress: Progress | None = None) -> int:
    """Paint the chosen pages of ``pages`` onto ``printer``; return how many were printed.

    Runs off the GUI thread (QPainter may paint a QPrinter in any thread). Each page is scaled
    to the printable paper keeping its proportions, so A4 prints whole on Letter and back."""
    import pypdfium2

    chosen = set(_chosen(printer, pages.total))
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    dpi = min(MAX_DPI, printer.resolution())
    target = printer.paperRect(QPrinter.Unit.DevicePixel)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(_tr("The printer could not be started: check that it is connected and "
                             "switched on, or print the PDFs from the viewer."))
    printed, first = 0, True
    try:
        for _copy in range(copies):
            number = 0
            for path in pages.paths:
                document = pypdfium2.PdfDocument(path)
                try:
                    for page in document:
                        number += 1
                        if number not in chosen:
                            continue
                        if not first and not printer.newPage():
                            raise PrintError(_tr("The printer stopped after {n} pages.")
                                             .format(n=printed))
                        first = False
                        _paint(painter, page.render(scale=dpi / 72, rev_byteorder=True,
                                                    prefer_bgrx=True), target)
                        printed += 1
                        if progress is not None:
                            progress(printed, len(chosen) * copies)
                finally:
                    document.close()
    finally:
        painter.end()
    return printed


def _paint(painter: QPainter, bitmap: Any, target: QRectF) -> None:
    """Draw one rendered page (RGBx from PDFium) centred in ``target``, proportions kept."""
    width, height = bitmap.width, bitmap.height  # pypdfium2.PdfBitmap (the library is untyped)
    image = QImage(bitmap.buffer, width, height, bitmap.stride, QImage.Format.Format_RGBX8888)
    scale = min(target.width() / width, target.height() / height)
    drawn = QRectF(0, 0, width * scale, height * scale)
    drawn.moveCenter(target.center())
    painter.drawImage(drawn, image)
