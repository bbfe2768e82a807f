"""What both PDFs share: page template, header and footer, page numbers, watermark, styles.

Built on reportlab Platypus: a BaseDocTemplate whose page template draws the header and footer
between saveState/restoreState, a canvas that prints "Page x of y", and output into memory so the
file on disk is only replaced once the whole PDF exists.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from core import __version__
from core.recordio import write_atomic
from core.reports.fonts import FONT, FONT_BOLD, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 16 * mm
HEADER_HEIGHT = 20 * mm
FOOTER_HEIGHT = 14 * mm

INK = colors.HexColor("#1F2A36")
MUTED = colors.HexColor("#5B6B7A")
RULE = colors.HexColor("#C7D0D9")


def stylesheet(base_size: float) -> StyleSheet1:
    """Named paragraph styles scaled from one body size."""
    register_fonts()
    sheet = StyleSheet1()
    body = ParagraphStyle("body", fontName=FONT, bulletFontName=FONT, fontSize=base_size,
                          leading=base_size * 1.35,
                          textColor=INK, spaceAfter=base_size * 0.35)
    sheet.add(body)
    sheet.add(ParagraphStyle("small", parent=body, fontSize=base_size * 0.82,
                             leading=base_size * 1.1, textColor=MUTED))
    sheet.add(ParagraphStyle("cell", parent=body, fontSize=base_size * 0.9,
                             leading=base_size * 1.12, spaceAfter=0))
    sheet.add(ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=base_size * 1.7,
                             leading=base_size * 2.1, spaceAfter=base_size * 0.6))
    sheet.add(ParagraphStyle("h2", parent=body, fontName=FONT_BOLD, fontSize=base_size * 1.25,
                             leading=base_size * 1.6, spaceBefore=base_size * 0.9,
                             spaceAfter=base_size * 0.35))
    sheet.add(ParagraphStyle("bullet", parent=body, leftIndent=base_size * 1.2,
                             bulletIndent=base_size * 0.2, spaceAfter=base_size * 0.15))
    return sheet


@dataclass(frozen=True)
class PageFrame:
    """What every page of one document shows around the story."""

    title: str
    clinic_name: str
    logo: Path | None
    header_lines: tuple[str, str]
    """Right-aligned: patient line, exam line."""
    footer: str
    draft: bool


def _draw_header_footer(frame: PageFrame, canvas: Canvas, doc: BaseDocTemplate) -> None:
    canvas.saveState()
    top = PAGE_HEIGHT - MARGIN
    text_left = MARGIN
    if frame.logo is not None and frame.logo.is_file():
        canvas.drawImage(str(frame.logo), MARGIN, top - 12 * mm, width=24 * mm, height=12 * mm,
                         preserveAspectRatio=True, anchor="w", mask="auto")
        text_left += 27 * mm
    canvas.setFillColor(INK)
    canvas.setFont(FONT_BOLD, 10.5)
    canvas.drawString(text_left, top - 4.5 * mm, frame.clinic_name or "NeuroExam")
    canvas.setFont(FONT, 8)
    canvas.setFillColor(MUTED)
    canvas.drawString(text_left, top - 9 * mm, frame.title)
    canvas.setFillColor(INK)
    canvas.setFont(FONT_BOLD, 9)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, top - 4.5 * mm, frame.header_lines[0])
    canvas.setFont(FONT, 8)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, top - 9 * mm, frame.header_lines[1])
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.7)
    canvas.line(MARGIN, top - 13 * mm, PAGE_WIDTH - MARGIN, top - 13 * mm)
    canvas.line(MARGIN, FOOTER_HEIGHT, PAGE_WIDTH - MARGIN, FOOTER_HEIGHT)
    canvas.setFont(FONT, 7)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN, FOOTER_HEIGHT - 4 * mm, frame.footer)
    if frame.draft:
        canvas.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.13))
        canvas.setFont(FONT_BOLD, 110)
        canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, -35, "DRAFT")
    canvas.restoreState()


class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """A canvas that knows the page count at the end and writes "Page x of y" on every page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Start every page in the embedded font, not reportlab's default (unembedded) Helvetica.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
        super().__init__(*args, **kwargs)
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab API)
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            self.setFont(FONT, 7)
            self.setFillColor(MUTED)
            self.drawRightString(PAGE_WIDTH - MARGIN, FOOTER_HEIGHT - 4 * mm,
                                 f"Page {self._pageNumber} of {total}")
            super().showPage()
        super().save()


class _QuickFlate(pdfdoc.PDFStreamFilterZCompress):  # type: ignore[misc]  # no type hints
    """Flate compression at zlib level 1 instead of zlib's default 6.

    The report's map pages hold a few hundred kilobytes of path operators; at level 6 their
    compression was a fifth of the report's time. Level 1 is four times faster for files about
    a fifth larger, and any PDF reader decodes both the same.
    """

    def encode(self, text: str | bytes) -> bytes:
        """The compressed stream."""
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, 1)


@cache
def use_quick_compression() -> None:
    """Make reportlab compress every stream (pages, fonts) with ``_QuickFlate``.

    reportlab has no setting for the level; every stream looks up this one shared filter.
    """
    pdfdoc.PDFZCompress = _QuickFlate()


def build_pdf(story: list[Flowable], frame: PageFrame, author: str,
              deterministic: bool = False) -> bytes:
    """Lay out ``story`` on A4 pages with the header and footer; return the PDF bytes."""
    register_fonts()
    use_quick_compression()
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_HEIGHT - 4 * mm, bottomMargin=FOOTER_HEIGHT + 5 * mm,
        title=frame.title, author=author, creator=f"NeuroExam {__version__}",
        subject="Neurological exam of the legs", invariant=1 if deterministic else 0,
        initialFontName=FONT,
    )
    body = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[body],
                                       onPage=lambda c, d: _draw_header_footer(frame, c, d))])
    doc.build(story, canvasmaker=NumberedCanvas)
    return buffer.getvalue()


def save_pdf(path: Path, data: bytes) -> None:
    """Replace ``path`` with the new PDF only once it is whole (atomic rename)."""
    write_atomic(Path(path), data)


def content_width() -> float:
    """The width of the text frame, for tables and drawings."""
    return float(PAGE_WIDTH - 2 * MARGIN)
