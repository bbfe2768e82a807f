"""The dermatome map in the PDFs: a flowable that writes the map as PDF drawing operators.

Reads the geometry, styles and hatching of core.dermatome_map. The geometry never changes, so
each shape's PDF operators are formatted once per process and cached: a region is cached once per
value it can show, and a map is the join of its regions' operators. Hatching is written as one
path per region (not one path per line) and the dots of "not testable" as round-capped points,
which keeps the page small as well as fast to write. What all maps of a document share (the
silhouettes, key points, labels, legend) is written once per document as a PDF form; the labels
are drawn through the canvas there, because an embedded font's glyph codes belong to one document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus import Flowable

from core.dermatome_map import (
    CHANGED_COLOUR,
    KEY_POINT_LABEL,
    LABEL_SIZE,
    OUTLINE_COLOUR,
    SILHOUETTE_FILL,
    UNMAPPED_LABEL,
    VALUE_STYLES,
    PlacedLabel,
    Point,
    Region,
    Values,
    ValueStyle,
    hatch_segments,
    load_geometry,
    placed_labels,
    style_of,
)
from core.i18n import translator
from core.knowledge import Dermatome, Side
from core.reports.fonts import FONT, FONT_BOLD, register_fonts

LEGEND_HEIGHT = 30.0
TITLE_HEIGHT = 24.0
PANEL_GAP = 16.0
"""Sheet units (the geometry's own), scaled with the map. Maps are stacked, each the full width,
so that a sheet printed across the page (about 500 pt) writes every label at 6.5 pt."""
TITLE_SIZE = 15.0
LEGEND_TEXT_SIZE = LABEL_SIZE


@dataclass(frozen=True)
class Text:
    """One line of text on the map, in sheet units with y up."""

    text: str
    x: float
    y: float
    size: float
    bold: bool = False
    colour: str = "#000000"
    anchor: str = "start"
    """"start" or "middle"."""


@dataclass(frozen=True)
class MapPanel:
    """One map of a sheet: the values shown, the regions outlined as changed, a title."""

    values: Values
    changed: frozenset[tuple[Side, Dermatome]] = frozenset()
    title: str = ""


# --------------------------------------------------------------------------------------------
# PDF operators, formatted once
# --------------------------------------------------------------------------------------------


def _number(value: float) -> str:
    """A coordinate to one decimal, without a trailing ".0" (a tenth of a sheet unit is far
    below what prints)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _colour(hex_colour: str, operator: str) -> str:
    """"r g b rg" (fill) or "r g b RG" (stroke)."""
    colour = colors.HexColor(hex_colour)
    return " ".join(f"{c:.3f}".rstrip("0").rstrip(".") or "0"
                    for c in (colour.red, colour.green, colour.blue)) + f" {operator}"


def _y_up(points: Iterable[Point]) -> list[Point]:
    """Sheet coordinates (y down) to PDF coordinates (y up)."""
    height = load_geometry().height
    return [(x, height - y) for x, y in points]


def _polygon_path(points: Sequence[Point]) -> str:
    moves = [f"{_number(points[0][0])} {_number(points[0][1])} m"]
    moves += [f"{_number(x)} {_number(y)} l" for x, y in points[1:]]
    return " ".join(moves) + " h"


def _hatching(region: Region, style: ValueStyle, flip_height: float) -> str:
    """A region's hatching as one stroked path: lines, or round-capped points for dots."""
    segments = hatch_segments(region, style.hatch)
    if not segments:
        return ""
    path = " ".join(f"{_number(x0)} {_number(flip_height - y0)} m "
                    f"{_number(x1)} {_number(flip_height - y1)} l"
                    for x0, y0, x1, y1 in segments)
    if style.hatch == ".":
        return f"q 1 J 1.8 w 0 0 0 RG {path} S Q"
    return f"0 0 0 RG .45 w {path} S"


@cache
def _region_operators(index: int, style_key: str, changed: bool) -> str:
    """The region at ``index`` of the geometry filled with its value's colour, outlined (heavier
    when changed) and hatched. Keyed by index: hashing a region would hash all its points."""
    region = load_geometry().regions[index]
    style = VALUE_STYLES[style_key]
    outline = (_colour(CHANGED_COLOUR, "RG") + " 2.4 w" if changed
               else _colour(OUTLINE_COLOUR, "RG") + " .6 w")
    borders = " ".join(_polyline_path(_y_up(run)) for run in region.borders)
    parts = [_colour(style.fill, "rg"), _polygon_path(_y_up(region.points)) + " f",
             _hatching(region, style, load_geometry().height), outline, borders + " S"]
    return " ".join(p for p in parts if p)


def _polyline_path(points: Sequence[Point]) -> str:
    moves = [f"{_number(points[0][0])} {_number(points[0][1])} m"]
    moves += [f"{_number(x)} {_number(y)} l" for x, y in points[1:]]
    return " ".join(moves)


@cache
def _details() -> str:
    """The thin lines that carry no value (knee caps, gluteal folds, anus) and the leader lines
    from labels to regions too small to hold them."""
    geometry = load_geometry()
    lines = [_polygon_path(_y_up(d.points)) if d.closed else _polyline_path(_y_up(d.points))
             for d in geometry.details]
    leaders = [_polyline_path(_y_up([(label.x, label.y), label.anchor]))
               for label in geometry.region_labels if label.anchor is not None]
    return (f"{_colour(OUTLINE_COLOUR, 'RG')} 1 w {' '.join(lines)} S "
            f"0 0 0 RG .8 w {' '.join(leaders)} S" if leaders else
            f"{_colour(OUTLINE_COLOUR, 'RG')} 1 w {' '.join(lines)} S")


@cache
def _silhouettes() -> str:
    paths = " ".join(_polygon_path(_y_up(outline)) for outline in load_geometry().outlines)
    return (f"{_colour(SILHOUETTE_FILL, 'rg')} {_colour(OUTLINE_COLOUR, 'RG')} 1.6 w "
            f"{paths} b")


def _circles(centres: Iterable[Point], radius: float) -> str:
    """Circles as one path (each new path object would start with "n", ending the one before)."""
    path = PDFPathObject()
    for x, y in centres:
        path.circle(x, y, radius)
    return str(path.getCode())


@cache
def _labels() -> tuple[PlacedLabel, ...]:
    """Key-point labels (bold) and region labels at the printed size."""
    return placed_labels(lambda text, bold: stringWidth(text, FONT_BOLD if bold else FONT,
                                                        LABEL_SIZE))


def _baseline(label: PlacedLabel) -> float:
    """A label's baseline in PDF coordinates (y up)."""
    return load_geometry().height - label.middle - LABEL_SIZE * 0.36


@cache
def _key_point_chips() -> str:
    """The white chips behind the labels (painted at 85 % opacity)."""
    height = load_geometry().height
    path = PDFPathObject()
    for label in _labels():
        left, top, right, bottom = label.chip(LABEL_SIZE)
        path.roundRect(left, height - bottom, right - left, bottom - top, 2)
    return f"1 1 1 rg {path.getCode()} f"


@cache
def _key_point_dots() -> str:
    height = load_geometry().height
    dots = _circles(((p.x, height - p.y) for p in load_geometry().key_points), 3.2)
    return f"0 0 0 rg 1 1 1 RG .8 w {dots} b"


@cache
def _map_texts(language: str) -> tuple[Text, ...]:
    """Key-point labels, view titles and side marks, in ``language``."""
    _ = translator(language)
    geometry = load_geometry()
    height = geometry.height
    texts = [Text(label.text, label.left, _baseline(label), LABEL_SIZE, bold=label.bold)
             for label in _labels()]
    texts += [Text(_(text), x, height - y, TITLE_SIZE, bold=True, colour=OUTLINE_COLOUR,
                   anchor="middle") for text, x, y in geometry.labels]
    texts += [Text(_.context("mark", text), x, height - y, LABEL_SIZE, bold=True,
                   colour=OUTLINE_COLOUR, anchor="middle") for text, x, y in geometry.side_marks]
    return tuple(texts)


@cache
def _legend(language: str) -> tuple[str, tuple[Text, ...]]:
    """One swatch per value with its hatching, the unmapped skin and the key-point dot, in one
    row across the sheet; operators and texts (in ``language``)."""
    _ = translator(language)
    operators: list[str] = []
    texts: list[Text] = []
    x, y = 0.0, 4.0
    swatches: list[tuple[str, ValueStyle | None, str]] = [
        (_(style.label), style, style.fill) for style in VALUE_STYLES.values()]
    swatches += [(_(UNMAPPED_LABEL), None, SILHOUETTE_FILL), (_(KEY_POINT_LABEL), None, "")]
    for label, style, fill in swatches:
        corners = ((x, y), (x + 24, y), (x + 24, y + 14), (x, y + 14))
        if fill:
            operators += [_colour(fill, "rg"), _colour(OUTLINE_COLOUR, "RG"), ".6 w",
                          _polygon_path(corners) + " b"]
        else:
            operators.append(f"0 0 0 rg {_circles([(x + 12, y + 7)], 3.2)} f")
        if style is not None:
            swatch = Region("legend", "legend", Side.LEFT, Dermatome.L1, corners, None)
            operators.append(_hatching(swatch, style, 2 * y + 14))
        texts.append(Text(label, x + 30, y + 3, LEGEND_TEXT_SIZE))
        x += 30 + stringWidth(label, FONT, LEGEND_TEXT_SIZE) + 14
    return " ".join(p for p in operators if p), tuple(texts)


# --------------------------------------------------------------------------------------------
# Painting
# --------------------------------------------------------------------------------------------


@cache
def _text_start(text: str, font: str, size: float, anchor: str) -> float:
    """How far left of its anchor a text starts."""
    return stringWidth(text, font, size) / 2 if anchor == "middle" else 0.0


def _draw_texts(canvas: Canvas, texts: Iterable[Text]) -> None:
    """All texts in one text object (the fonts are embedded, so glyphs go through the canvas)."""
    text_object = canvas.beginText()
    for text in texts:
        font = FONT_BOLD if text.bold else FONT
        text_object.setFont(font, text.size)
        text_object.setFillColor(colors.HexColor(text.colour))
        text_object.setTextOrigin(text.x - _text_start(text.text, font, text.size, text.anchor),
                                  text.y)
        text_object.textOut(text.text)
    canvas.drawText(text_object)


UNDER_FORM, OVER_FORM, LEGEND_FORM = "NeuroExamMapUnder", "NeuroExamMapOver", "NeuroExamLegend"
"""What every map of a document shares is written once per document as a PDF form and shown by
reference: the silhouettes under the regions, the key points and labels over them, the legend.
The labels' translucent chips are not shared: reportlab leaves a form's transparency out."""


def _define_forms(canvas: Canvas, language: str) -> None:
    """Write the three shared forms (their words in ``language``) into the canvas's document,
    once."""
    if canvas.hasForm(UNDER_FORM + language):
        return
    geometry = load_geometry()
    canvas.beginForm(UNDER_FORM + language, 0, 0, geometry.width, geometry.height)
    canvas.addLiteral(_silhouettes())
    canvas.endForm()
    canvas.beginForm(OVER_FORM + language, -20, -20, geometry.width + 20, geometry.height + 20)
    canvas.addLiteral(_details())
    canvas.addLiteral(_key_point_dots())
    _draw_texts(canvas, _map_texts(language))
    canvas.endForm()
    operators, texts = _legend(language)
    canvas.beginForm(LEGEND_FORM + language, 0, 0, geometry.width, LEGEND_HEIGHT)
    canvas.addLiteral(operators)
    _draw_texts(canvas, texts)
    canvas.endForm()


def _paint_map(canvas: Canvas, panel: MapPanel, language: str) -> None:
    """One map at the canvas origin, in sheet units: silhouettes, regions, key points, title."""
    geometry = load_geometry()
    canvas.doForm(UNDER_FORM + language)
    for index, region in enumerate(geometry.regions):
        style = style_of(panel.values, region.side, region.dermatome)
        canvas.addLiteral(_region_operators(index, style.key,
                                            (region.side, region.dermatome) in panel.changed))
    canvas.saveState()  # the chips stay on the page: reportlab's forms drop transparency
    if not getattr(canvas, "opaque_only", False):  # archived PDF/A copies are opaque
        canvas.setFillAlpha(0.85)
    canvas.addLiteral(_key_point_chips())
    canvas.restoreState()
    canvas.doForm(OVER_FORM + language)
    if panel.title:
        _draw_texts(canvas, [Text(panel.title, 0, geometry.height + 6, 16, bold=True)])


class MapSheet(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """One map, or two one above the other, each as wide as the sheet, over one legend."""

    def __init__(self, panels: Sequence[MapPanel], width: float, language: str = "en") -> None:
        super().__init__()
        self.language = language
        register_fonts()
        geometry = load_geometry()
        self.panels = tuple(panels)
        self.scale = width / geometry.width
        self.title_height = TITLE_HEIGHT if any(p.title for p in self.panels) else 0.0
        self.panel_height = geometry.height + self.title_height
        self.width = width
        self.height = (len(self.panels) * self.panel_height + (len(self.panels) - 1) * PANEL_GAP
                       + LEGEND_HEIGHT) * self.scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """The sheet's fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Paint onto ``self.canv`` (set by platypus) at the current origin."""
        self.paint(self.canv)

    def paint(self, canvas: Canvas) -> None:
        """Paint the sheet with its lower left corner at the canvas origin: the first panel on
        top, the legend at the bottom."""
        _define_forms(canvas, self.language)
        canvas.saveState()
        canvas.scale(self.scale, self.scale)
        count = len(self.panels)
        for index, panel in enumerate(self.panels):
            canvas.saveState()
            canvas.translate(0, LEGEND_HEIGHT + (count - 1 - index) * (self.panel_height
                                                                       + PANEL_GAP))
            _paint_map(canvas, panel, self.language)
            canvas.restoreState()
        canvas.doForm(LEGEND_FORM + self.language)
        canvas.restoreState()


def map_drawing(values: Values, width: float, title: str = "",
                changed: frozenset[tuple[Side, Dermatome]] = frozenset(),
                language: str = "en") -> MapSheet:
    """One map with its legend, ``width`` points wide, its words in ``language``."""
    return MapSheet([MapPanel(values, changed, title)], width, language)


def before_after_drawing(before: Values, now: Values, width: float,
                         changed: frozenset[tuple[Side, Dermatome]] = frozenset(),
                         labels: tuple[str, str] = ("Before", "Now"),
                         language: str = "en") -> MapSheet:
    """Two maps, "before" over "now" (the changes outlined on "now"), one legend."""
    return MapSheet([MapPanel(before, frozenset(), labels[0]), MapPanel(now, changed, labels[1])],
                    width, language)
