"""The dermatome map as a reportlab drawing, for the PDFs.

Reads the geometry, styles and hatching of core.dermatome_map; paints cached shapes directly on
the canvas (see MapDrawing), so a report with four maps stays fast.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.pathobject import PDFPathObject

from core.dermatome_map import (
    CHANGED_COLOUR,
    OUTLINE_COLOUR,
    VALUE_STYLES,
    Point,
    Region,
    Values,
    ValueStyle,
    hatch_segments,
    load_geometry,
    style_of,
)
from core.knowledge import Dermatome, Side
from core.reports.fonts import FONT, FONT_BOLD, register_fonts


def _flip(points: tuple[Point, ...], height: float) -> list[float]:
    """Sheet coordinates (y down) to reportlab (y up), flattened."""
    flat: list[float] = []
    for x, y in points:
        flat += [x, height - y]
    return flat


def _hatch_shapes(region: Region, style: ValueStyle, height: float) -> list[Any]:
    """A region's hatching as shapes (black lines or dots), in reportlab coordinates."""
    shapes: list[Any] = []
    for x0, y0, x1, y1 in hatch_segments(region, style.hatch):
        if x0 == x1 and y0 == y1:
            shapes.append(Circle(x0, height - y0, 0.9, fillColor=colors.black, strokeColor=None))
        else:
            shapes.append(Line(x0, height - y0, x1, height - y1, strokeColor=colors.black,
                               strokeWidth=0.45))
    return shapes


@cache
def _region_shapes(region: Region, style_key: str, changed: bool) -> tuple[Any, ...]:
    """The filled, outlined and hatched region; built once per value, as the geometry is fixed."""
    style = VALUE_STYLES[style_key]
    height = load_geometry().height
    polygon = Polygon(_flip(region.points, height), fillColor=colors.HexColor(style.fill),
                      strokeColor=colors.HexColor(CHANGED_COLOUR if changed else OUTLINE_COLOUR),
                      strokeWidth=2.4 if changed else 0.6)
    return (polygon, *_hatch_shapes(region, style, height))


@cache
def _outline_layer() -> Group:
    """The silhouettes under the regions."""
    geometry = load_geometry()
    return Group(*[Polygon(_flip(outline, geometry.height), fillColor=colors.HexColor("#F7F7F7"),
                           strokeColor=colors.HexColor(OUTLINE_COLOUR), strokeWidth=1.6)
                   for outline in geometry.outlines])


@cache
def _label_layer() -> Group:
    """Key points with their chips, view titles and side marks."""
    register_fonts()
    geometry = load_geometry()
    height = geometry.height
    group = Group()
    for point in geometry.key_points:
        label = point.dermatome.value
        group.add(Rect(point.x + 4, height - point.y - 5, 6.4 * len(label) + 3, 11, rx=2, ry=2,
                       fillColor=colors.Color(1, 1, 1, alpha=0.85), strokeColor=None))
        group.add(Circle(point.x, height - point.y, 3.2, fillColor=colors.black,
                         strokeColor=colors.white, strokeWidth=0.8))
        group.add(String(point.x + 5.5, height - point.y - 3, label, fontSize=10,
                         fontName=FONT_BOLD, fillColor=colors.black))
    for text, x, y in geometry.labels:
        group.add(String(x, height - y, text, fontSize=15, textAnchor="middle",
                         fontName=FONT, fillColor=colors.HexColor(OUTLINE_COLOUR)))
    for text, x, y in geometry.side_marks:
        group.add(String(x, height - y, text, fontSize=13, textAnchor="middle",
                         fontName=FONT_BOLD, fillColor=colors.HexColor(OUTLINE_COLOUR)))
    return group


def map_group(values: Values, changed: frozenset[tuple[Side, Dermatome]] = frozenset(),
              title: str = "") -> Group:
    """The map as a reportlab group in sheet units, with the values filled in."""
    register_fonts()
    geometry = load_geometry()
    group = Group(_outline_layer())
    for region in geometry.regions:
        style = style_of(values, region.side, region.dermatome)
        for shape in _region_shapes(region, style.key, (region.side, region.dermatome) in changed):
            group.add(shape)
    group.add(_label_layer())
    if title:
        group.add(String(0, geometry.height + 8, title, fontSize=18, fontName=FONT_BOLD))
    return group


@cache
def legend_group(y: float = 0) -> Group:
    """The legend: one swatch per value with its hatching, and the key-point dot."""
    register_fonts()
    group = Group()
    x = 0.0
    for style in VALUE_STYLES.values():
        swatch = Region("legend", "legend", Side.LEFT, Dermatome.L1,
                        ((x, y), (x + 26, y), (x + 26, y + 18), (x, y + 18)), None)
        group.add(Rect(x, y, 26, 18, fillColor=colors.HexColor(style.fill),
                       strokeColor=colors.HexColor(OUTLINE_COLOUR), strokeWidth=0.6))
        for shape in _hatch_shapes(swatch, style, 2 * y + 18):
            group.add(shape)
        group.add(String(x + 34, y + 4, style.label, fontSize=13, fontName=FONT))
        x += 40 + 8 * len(style.label)
    group.add(Circle(x + 8, y + 9, 3.2, fillColor=colors.black))
    group.add(String(x + 16, y + 4, "ISNCSCI key point", fontSize=13, fontName=FONT))
    return group


class MapDrawing(Drawing):  # type: ignore[misc]  # reportlab has no type hints
    """A Drawing that paints its shapes straight onto the PDF canvas.

    The map has thousands of simple shapes; reportlab's general renderer tracks graphics state
    node by node and takes several times longer. The shapes are the same objects either way (tests
    inspect them), only the painting is direct. Shape kinds the map does not use are refused.
    """

    def draw(self, showBoundary: Any = None) -> None:  # noqa: N803 (reportlab signature)
        """Paint onto ``self.canv`` (set by platypus) at the current origin."""
        _paint_group(self.canv, self)


def _paint_group(canvas: Any, group: Any) -> None:
    for node in group.contents:
        if isinstance(node, Group):
            canvas.saveState()
            canvas.transform(*node.transform)
            _paint_group(canvas, node)
            canvas.restoreState()
        else:
            operators = _operators(node)
            if operators is not None:
                canvas.addLiteral(operators)
            else:
                _paint_shape(canvas, node)


_OPERATORS: dict[int, tuple[Any, str]] = {}
"""PDF operators of each polygon and line already painted, keyed by the node's identity (the
node is kept beside them so the identity stays valid). The map's shapes are cached and fixed, so
their operators are formatted once instead of for every report."""


def _operators(node: Any) -> str | None:
    cached = _OPERATORS.get(id(node))
    if cached is not None and cached[0] is node:
        return cached[1]
    operators = _format_operators(node)
    if operators is not None:  # only the fixed shapes: nothing a single report makes is kept
        _OPERATORS[id(node)] = (node, operators)
    return operators


def _colour(colour: Any, operator: str) -> str | None:
    """"r g b rg" (fill) or "RG" (stroke) for an opaque colour; None for one with alpha."""
    if getattr(colour, "alpha", 1) != 1:
        return None
    return f"{fp_str(colour.red, colour.green, colour.blue)} {operator}"


def _format_operators(node: Any) -> str | None:
    """The node as literal PDF operators, or None where the canvas should paint it itself."""
    if not isinstance(node, Polygon | Line | Circle):
        return None
    fill = getattr(node, "fillColor", None) if not isinstance(node, Line) else None
    stroke = getattr(node, "strokeColor", None)
    parts: list[str | None] = []
    if fill is not None:
        parts.append(_colour(fill, "rg"))
    if stroke is not None:
        parts += [_colour(stroke, "RG"), f"{fp_str(node.strokeWidth)} w"]
    if any(part is None for part in parts):
        return None
    paint = "b" if fill is not None and stroke is not None else "f" if fill is not None else "s"
    if isinstance(node, Line):
        parts.append(f"{fp_str(node.x1, node.y1)} m {fp_str(node.x2, node.y2)} l S")
    elif isinstance(node, Circle):
        path = PDFPathObject()
        path.circle(node.cx, node.cy, node.r)
        parts.append(f"{path.getCode()} {paint}")
    else:
        points = node.points
        path = [f"{fp_str(points[0], points[1])} m"]
        path += [f"{fp_str(points[i], points[i + 1])} l" for i in range(2, len(points), 2)]
        parts.append(" ".join(path) + f" {paint}")
    return " ".join(p for p in parts if p)


def _set_style(canvas: Any, node: Any) -> tuple[bool, bool]:
    fill = getattr(node, "fillColor", None) is not None
    stroke = getattr(node, "strokeColor", None) is not None
    if fill:
        canvas.setFillColor(node.fillColor)
    if stroke:
        canvas.setStrokeColor(node.strokeColor)
        canvas.setLineWidth(node.strokeWidth)
    return fill, stroke


def _paint_shape(canvas: Any, node: Any) -> None:
    fill, stroke = _set_style(canvas, node)
    if isinstance(node, Polygon):
        points = node.points
        path = canvas.beginPath()
        path.moveTo(points[0], points[1])
        for i in range(2, len(points), 2):
            path.lineTo(points[i], points[i + 1])
        path.close()
        canvas.drawPath(path, fill=int(fill), stroke=int(stroke))
    elif isinstance(node, Line):
        canvas.line(node.x1, node.y1, node.x2, node.y2)
    elif isinstance(node, Circle):
        canvas.circle(node.cx, node.cy, node.r, stroke=int(stroke), fill=int(fill))
    elif isinstance(node, Rect):
        canvas.roundRect(node.x, node.y, node.width, node.height, node.rx or 0,
                         stroke=int(stroke), fill=int(fill))
    elif isinstance(node, String):
        canvas.setFont(node.fontName, node.fontSize)
        canvas.setFillColor(node.fillColor)
        draw = {"start": canvas.drawString, "middle": canvas.drawCentredString,
                "end": canvas.drawRightString}[node.textAnchor]
        draw(node.x, node.y, node.text)
    else:
        raise TypeError(f"the map painter does not draw {type(node).__name__}")


def map_drawing(values: Values, width: float, title: str = "",
                changed: frozenset[tuple[Side, Dermatome]] = frozenset()) -> Drawing:
    """One map with its legend, scaled to ``width`` points."""
    geometry = load_geometry()
    legend_height, title_height = 40.0, 30.0 if title else 0.0
    body = map_group(values, changed, title)
    body.translate(0, legend_height)
    legend = legend_group()
    outer = Group(body, legend)
    scale = width / geometry.width
    outer.scale(scale, scale)
    total_height = geometry.height + legend_height + title_height
    drawing = MapDrawing(width, total_height * scale)
    drawing.add(outer)
    return drawing


def before_after_drawing(before: Values, now: Values, width: float,
                         changed: frozenset[tuple[Side, Dermatome]] = frozenset(),
                         labels: tuple[str, str] = ("Before", "Now")) -> Drawing:
    """Two maps side by side ("before" and "now") with one legend."""
    geometry = load_geometry()
    gap, legend_height, title_height = 40.0, 40.0, 30.0
    left = map_group(before, frozenset(), labels[0])
    right = map_group(now, changed, labels[1])
    left.translate(0, legend_height)
    right.translate(geometry.width + gap, legend_height)
    outer = Group(left, right, legend_group())
    scale = width / (2 * geometry.width + gap)
    outer.scale(scale, scale)
    drawing = MapDrawing(width, (geometry.height + legend_height + title_height) * scale)
    drawing.add(outer)
    return drawing


