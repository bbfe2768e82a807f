"""The dermatome map: its geometry (read once from assets/) and its reportlab drawing.

The same geometry feeds the Qt widget (gui/) and the PDF (this module), so the map a clinician
clicks is the map that is printed. Values are drawn with a colour-blind-safe palette whose
lightness orders the grades, and with a hatching per value, so the map reads in black and white.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors

from core.assets import asset_path
from core.grades import SensoryGrade
from core.knowledge import DERMATOMES, Dermatome, Side
from core.reports.fonts import FONT, FONT_BOLD, register_fonts

Point = tuple[float, float]


@dataclass(frozen=True)
class Region:
    """One drawn region of a dermatome on one side."""

    id: str
    view: str
    side: Side
    dermatome: Dermatome
    points: tuple[Point, ...]
    label: str | None

    def contains(self, x: float, y: float) -> bool:
        """Even-odd point-in-polygon test."""
        inside = False
        points = self.points
        j = len(points) - 1
        for i in range(len(points)):
            xi, yi = points[i]
            xj, yj = points[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
        return inside


@dataclass(frozen=True)
class KeyPoint:
    """The ISNCSCI key sensory point of a dermatome on one side."""

    dermatome: Dermatome
    side: Side
    view: str
    x: float
    y: float


@dataclass(frozen=True)
class MapGeometry:
    """Everything needed to draw the map, in sheet units (width x height)."""

    width: float
    height: float
    outlines: tuple[tuple[Point, ...], ...]
    regions: tuple[Region, ...]
    key_points: tuple[KeyPoint, ...]
    labels: tuple[tuple[str, float, float], ...]
    side_marks: tuple[tuple[str, float, float], ...]
    convention: str

    def region_at(self, x: float, y: float) -> Region | None:
        """The region under a point of the sheet, or None."""
        return next((r for r in self.regions if r.contains(x, y)), None)

    def key_point(self, side: Side, dermatome: Dermatome) -> KeyPoint:
        """The key point of a dermatome on one side."""
        return next(k for k in self.key_points if k.side is side and k.dermatome is dermatome)


def _points(raw: list[list[float]]) -> tuple[Point, ...]:
    return tuple((float(x), float(y)) for x, y in raw)


@cache
def load_geometry() -> MapGeometry:
    """Read assets/dermatomes/dermatomes.json once."""
    raw: dict[str, Any] = json.loads(asset_path("dermatomes", "dermatomes.json").read_text())
    return MapGeometry(
        width=raw["width"], height=raw["height"],
        outlines=tuple(_points(o["points"]) for o in raw["outlines"]),
        regions=tuple(Region(r["id"], r["view"], Side(r["side"]), Dermatome(r["dermatome"]),
                             _points(r["points"]), r.get("label")) for r in raw["regions"]),
        key_points=tuple(KeyPoint(Dermatome(k["dermatome"]), Side(k["side"]), k["view"], k["x"],
                                  k["y"]) for k in raw["key_points"]),
        labels=tuple((lbl["text"], lbl["x"], lbl["y"]) for lbl in raw["labels"]),
        side_marks=tuple((m["text"], m["x"], m["y"]) for m in raw["side_marks"]),
        convention=raw["convention"],
    )


# ------------------------------------------------------------------------------------------
# How values look: one table for the PDF and the widget.
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ValueStyle:
    """Fill colour, hatching and legend text of one sensory value."""

    key: str
    label: str
    fill: str
    hatch: str
    """"" none, "/" diagonal lines, "x" cross-hatching, "." dots."""


NOT_EXAMINED = "not_examined"
VALUE_STYLES: dict[str, ValueStyle] = {
    "2": ValueStyle("2", "normal (2)", "#D6E9F5", ""),
    "1": ValueStyle("1", "altered (1)", "#F4A259", "/"),
    "0": ValueStyle("0", "absent (0)", "#9E1B32", "x"),
    "NT": ValueStyle("NT", "not testable", "#9A9A9A", "."),
    NOT_EXAMINED: ValueStyle(NOT_EXAMINED, "not examined", "#FFFFFF", ""),
}
"""Lightness falls as sensation falls (pale blue, orange, deep red), readable with any colour
vision; hatching repeats the value in black and white."""
OUTLINE_COLOUR = "#3C4A57"
CHANGED_COLOUR = "#000000"

Values = dict[Side, dict[Dermatome, SensoryGrade]]


def style_of(values: Values, side: Side, dermatome: Dermatome) -> ValueStyle:
    """The style of one dermatome's value."""
    grade = values.get(side, {}).get(dermatome)
    return VALUE_STYLES[NOT_EXAMINED if grade is None else str(grade.value)]


# ------------------------------------------------------------------------------------------
# The reportlab drawing.
# ------------------------------------------------------------------------------------------


def _flip(points: tuple[Point, ...], height: float) -> list[float]:
    """Sheet coordinates (y down) to reportlab (y up), flattened."""
    flat: list[float] = []
    for x, y in points:
        flat += [x, height - y]
    return flat


Segment = tuple[float, float, float, float]


@cache
def hatch_segments(region: Region, hatch: str) -> tuple[Segment, ...]:
    """The hatching of one region in sheet units: computed once, as the geometry never changes.

    Lines are sampled along their length and kept where they lie inside the region; dots are
    placed on a grid inside it (a dot is a zero-length segment).
    """
    if not hatch:
        return ()
    xs = [p[0] for p in region.points]
    ys = [p[1] for p in region.points]
    spacing = 7.0
    if hatch == ".":
        dots = []
        y = min(ys) + spacing / 2
        while y < max(ys):
            x = min(xs) + spacing / 2
            while x < max(xs):
                if region.contains(x, y):
                    dots.append((x, y, x, y))
                x += spacing
            y += spacing
        return tuple(dots)
    segments: list[Segment] = []
    span = max(ys) - min(ys)
    for direction in ([1.0] if hatch == "/" else [1.0, -1.0]):
        offset = min(xs) - span
        while offset < max(xs) + span:
            segments += _inside_runs(region, offset, direction, min(ys), max(ys))
            offset += spacing
    return tuple(segments)


def _inside_runs(region: Region, offset: float, direction: float, y0: float,
                 y1: float) -> list[Segment]:
    """The parts of the line x = offset + direction * (y - y0) that lie inside the region."""
    steps = max(2, int((y1 - y0) / 2))
    runs: list[Segment] = []
    start: Point | None = None
    last: Point | None = None
    for k in range(steps + 1):
        y = y0 + (y1 - y0) * k / steps
        point = (offset + direction * (y - y0), y)
        if region.contains(*point):
            start = start or point
            last = point
        elif start is not None and last is not None:
            runs.append((*start, *last))
            start = None
    if start is not None and last is not None:
        runs.append((*start, *last))
    return runs


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
            _paint_shape(canvas, node)


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


def values_from_exam(by_side: Any) -> Values:
    """The values of one modality of an exam (a SensoryBySide), keyed by side."""
    return {side: dict(by_side.get(side) or {}) for side in Side}


def dermatome_tooltip(side: Side, dermatome: Dermatome, grade: SensoryGrade | None) -> str:
    """What hovering a region says: dermatome, key point and value."""
    value = VALUE_STYLES[NOT_EXAMINED if grade is None else str(grade.value)].label
    return (f"{side.value.title()} {dermatome.value}: {value}\n"
            f"Key point: {DERMATOMES[dermatome].key_point}")
