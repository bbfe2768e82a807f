"""What both PDFs share: page template, header and footer, page numbers, watermark, styles.

Built on reportlab Platypus: a BaseDocTemplate whose page template draws the header and footer
between saveState/restoreState, a canvas that prints "Page x of y", and output into memory so the
file on disk is only replaced once the whole PDF exists.

Every PDF names its language (/Lang), asks viewers to show its title rather than the file name
(DisplayDocTitle), and is laid out on A4 or US Letter (the setting, else the system locale). The
archived copy of a signed exam is PDF/A-2b: fonts embedded (always), an sRGB output intent
(assets/icc/sRGB.icc, zlib licence), XMP metadata matching the document information, and nothing
transparent.
"""

from __future__ import annotations

import locale
import os
import zlib
from dataclasses import dataclass
from functools import cache, partial
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from core import __version__
from core.assets import asset_path
from core.recordio import write_atomic
from core.reports.fonts import FONT, FONT_BOLD, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
"""The layout's width is A4's, the narrower of the two sizes, so every story fits both."""
PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": (float(A4[0]), float(A4[1])),
                                              "Letter": (float(LETTER[0]), float(LETTER[1]))}
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PR", "PH", "CL", "CO", "VE", "GT", "CR", "PA",
                                "SV", "DO", "NI", "BZ"})
"""Where US Letter is the usual paper (the rest of the world uses A4)."""
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
    page_size: tuple[float, float] = (float(A4[0]), float(A4[1]))
    language: str = "en"
    """BCP 47 tag written as the document's /Lang."""
    page_label: str = "Page {page} of {total}"
    """The page number in the document's language."""
    draft_mark: str = "DRAFT"
    """The watermark of an unsigned exam, in the document's language."""
    subject: str = "Neurological exam of the legs"
    """The document information's subject, in the document's language."""
    archival: bool = False
    """PDF/A-2b: output intent, XMP metadata, no transparency (signed exams only)."""

    @property
    def document_title(self) -> str:
        """The title viewers show: what the document is and which exam."""
        return f"{self.title}: {self.header_lines[1]}"


def page_size(setting: str = "") -> tuple[float, float]:
    """A4 or US Letter: the setting when given, else what the system locale's territory uses."""
    if setting in PAGE_SIZES:
        return PAGE_SIZES[setting]
    names = [os.environ.get(v, "") for v in ("LC_ALL", "LC_PAPER", "LANG")]
    names.append(locale.getlocale()[0] or "")
    for name in names:
        if not name or name in ("C", "POSIX"):
            continue
        territory = name.split(".")[0].replace("-", "_").partition("_")[2].upper()
        if "UNITED STATES" in name.upper() or "CANADA" in name.upper():
            return PAGE_SIZES["Letter"]
        return PAGE_SIZES["Letter" if territory in LETTER_TERRITORIES else "A4"]
    return PAGE_SIZES["A4"]


def _draw_header_footer(frame: PageFrame, canvas: Canvas, doc: BaseDocTemplate) -> None:
    canvas.saveState()
    page_width, page_height = frame.page_size
    top = page_height - MARGIN
    text_left = MARGIN
    if frame.logo is not None and frame.logo.is_file():
        canvas.drawImage(str(frame.logo), MARGIN, top - 12 * mm, width=24 * mm, height=12 * mm,
                         preserveAspectRatio=True, anchor="w",
                         mask=None if frame.archival else "auto")
        text_left += 27 * mm
    canvas.setFillColor(INK)
    canvas.setFont(FONT_BOLD, 10.5)
    canvas.drawString(text_left, top - 4.5 * mm, frame.clinic_name or "NeuroExam")
    canvas.setFont(FONT, 8)
    canvas.setFillColor(MUTED)
    canvas.drawString(text_left, top - 9 * mm, frame.title)
    canvas.setFillColor(INK)
    canvas.setFont(FONT_BOLD, 9)
    canvas.drawRightString(page_width - MARGIN, top - 4.5 * mm, frame.header_lines[0])
    canvas.setFont(FONT, 8)
    canvas.drawRightString(page_width - MARGIN, top - 9 * mm, frame.header_lines[1])
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.7)
    canvas.line(MARGIN, top - 13 * mm, page_width - MARGIN, top - 13 * mm)
    canvas.line(MARGIN, FOOTER_HEIGHT, page_width - MARGIN, FOOTER_HEIGHT)
    canvas.setFont(FONT, 7)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN, FOOTER_HEIGHT - 4 * mm, frame.footer)
    if frame.draft:
        canvas.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.13))
        canvas.setFont(FONT_BOLD, 110)
        canvas.translate(page_width / 2, page_height / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, -35, frame.draft_mark)
    canvas.restoreState()


class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """A canvas that knows the page count at the end and writes "Page x of y" on every page."""

    def __init__(self, *args: Any, page_label: str = "Page {page} of {total}",
                 **kwargs: Any) -> None:
        # Start every page in the embedded font, not reportlab's default (unembedded) Helvetica.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
        super().__init__(*args, **kwargs)
        self._page_states: list[dict[str, Any]] = []
        self._page_label = page_label

    def showPage(self) -> None:  # noqa: N802 (reportlab API)
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            self.setFont(FONT, 7)
            self.setFillColor(MUTED)
            self.drawRightString(self._pagesize[0] - MARGIN, FOOTER_HEIGHT - 4 * mm,
                                 self._page_label.format(page=self._pageNumber, total=total))
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


class ArchivalCanvas(NumberedCanvas):
    """A canvas writing PDF/A-2b: sRGB output intent and XMP metadata; see `opaque_only`."""

    opaque_only = True
    """Drawing code asks this before using transparency (PDF/A-2b archived copies have none)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        catalog = self._doc.Catalog
        profile = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"N": 3}),
                                   asset_path("icc", "sRGB.icc").read_bytes())
        intent = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("OutputIntent"), "S": pdfdoc.PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": pdfdoc.PDFString("sRGB IEC61966-2.1"),
            "Info": pdfdoc.PDFString("sRGB IEC61966-2.1"),
            "DestOutputProfile": self._doc.Reference(profile)})
        catalog.OutputIntents = pdfdoc.PDFArray([intent])
        catalog.__NoDefault__ = [*catalog.__NoDefault__, "OutputIntents"]
        catalog.Metadata = _Metadata()


class _Metadata(pdfdoc.PDFObject):  # type: ignore[misc]  # reportlab has no type hints
    """The XMP metadata stream, written without any Filter key, as PDF/A requires."""

    def format(self, document: Any) -> bytes:
        content = _xmp(document)
        head = pdfdoc.format(pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("Metadata"), "Subtype": pdfdoc.PDFName("XML"),
            "Length": len(content)}), document)
        return bytes(head) + b"\nstream\n" + content + b"\nendstream\n"


def _xml(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def _xmp(document: Any) -> bytes:
    """XMP metadata agreeing with the document information dictionary, as PDF/A requires."""
    stamp = document._timeStamp
    year, month, day, hour, minute, second = stamp.YMDhms
    sign = "-" if stamp.dhh < 0 or (stamp.dhh == 0 and stamp.dmm < 0) else "+"
    when = (f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
            f"{sign}{abs(stamp.dhh):02d}:{abs(stamp.dmm):02d}")
    info = document.info
    language = _xml(getattr(document.Catalog, "Lang", None) and
                    str(document.Catalog.Lang.s) or "x-default")
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_xml(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{_xml(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{_xml(info.subject)}</rdf:li>
    </rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreatorTool>{_xml(info.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
   <xmp:MetadataDate>{when}</xmp:MetadataDate>
   <pdf:Producer>{_xml(info.producer)}</pdf:Producer>
   <pdf:Keywords>{_xml(info.keywords)}</pdf:Keywords>
   <pdf:Trapped>False</pdf:Trapped>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


def build_pdf(story: list[Flowable], frame: PageFrame, author: str,
              deterministic: bool = False) -> bytes:
    """Lay out ``story`` on the frame's page size with the header and footer; the PDF bytes."""
    if frame.archival and frame.draft:
        raise ValueError("only a signed exam has an archived (PDF/A) copy")
    register_fonts()
    use_quick_compression()
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=frame.page_size, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_HEIGHT - 4 * mm, bottomMargin=FOOTER_HEIGHT + 5 * mm,
        title=frame.document_title, author=author, creator=f"NeuroExam {__version__}",
        subject=frame.subject, invariant=1 if deterministic else 0,
        initialFontName=FONT, lang=frame.language, displayDocTitle=True,
    )
    body = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[body],
                                       onPage=lambda c, d: _draw_header_footer(frame, c, d))])
    doc.build(story, canvasmaker=partial(ArchivalCanvas if frame.archival else NumberedCanvas,
                                         page_label=frame.page_label))
    return buffer.getvalue()


def save_pdf(path: Path, data: bytes) -> None:
    """Replace ``path`` with the new PDF only once it is whole (atomic rename)."""
    write_atomic(Path(path), data)


def content_width() -> float:
    """The width of the text frame on A4, for tables and drawings (Letter is wider: it fits)."""
    return float(PAGE_WIDTH - 2 * MARGIN)
