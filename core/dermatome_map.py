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


def _hatch(group: Group, region: Region, style: ValueStyle, height: float) -> None:
    """Hatching lines clipped to the region (drawn as short segments inside it)."""
    if not style.hatch:
        return
    xs = [p[0] for p in region.points]
    ys = [p[1] for p in region.points]
    spacing = 7.0
    if style.hatch == ".":
        y = min(ys) + spacing / 2
        while y < max(ys):
            x = min(xs) + spacing / 2
            while x < max(xs):
                if region.contains(x, y):
                    group.add(Circle(x, height - y, 0.9, fillColor=colors.black, strokeColor=None))
                x += spacing
            y += spacing
        return
    directions = [1.0] if style.hatch == "/" else [1.0, -1.0]
    for direction in directions:
        offset = min(xs) - (max(ys) - min(ys))
        while offset < max(xs) + (max(ys) - min(ys)):
            _hatch_line(group, region, offset, direction, min(ys), max(ys), height)
            offset += spacing


def _hatch_line(group: Group, region: Region, offset: float, direction: float, y0: float,
                y1: float, height: float) -> None:
    """One diagonal line x = offset + direction * (y - y0), kept where it is inside the region."""
    steps = max(2, int((y1 - y0) / 2))
    inside_from: Point | None = None
    last: Point | None = None
    for k in range(steps + 1):
        y = y0 + (y1 - y0) * k / steps
        point = (offset + direction * (y - y0), y)
        if region.contains(*point):
            inside_from = inside_from or point
            last = point
        elif inside_from is not None and last is not None:
            group.add(Line(inside_from[0], height - inside_from[1], last[0], height - last[1],
                           strokeColor=colors.black, strokeWidth=0.45))
            inside_from = None
    if inside_from is not None and last is not None:
        group.add(Line(inside_from[0], height - inside_from[1], last[0], height - last[1],
                       strokeColor=colors.black, strokeWidth=0.45))


def map_group(values: Values, changed: frozenset[tuple[Side, Dermatome]] = frozenset(),
              title: str = "") -> Group:
    """The map as a reportlab group in sheet units, with the values filled in."""
    geometry = load_geometry()
    height = geometry.height
    group = Group()
    for outline in geometry.outlines:
        group.add(Polygon(_flip(outline, height), fillColor=colors.HexColor("#F7F7F7"),
                          strokeColor=colors.HexColor(OUTLINE_COLOUR), strokeWidth=1.6))
    for region in geometry.regions:
        style = style_of(values, region.side, region.dermatome)
        changed_here = (region.side, region.dermatome) in changed
        group.add(Polygon(_flip(region.points, height), fillColor=colors.HexColor(style.fill),
                          strokeColor=colors.HexColor(CHANGED_COLOUR if changed_here
                                                      else OUTLINE_COLOUR),
                          strokeWidth=2.4 if changed_here else 0.6))
        _hatch(group, region, style, height)
    for point in geometry.key_points:
        label = point.dermatome.value
        group.add(Rect(point.x + 4, height - point.y - 5, 6.4 * len(label) + 3, 11, rx=2, ry=2,
                       fillColor=colors.Color(1, 1, 1, alpha=0.85), strokeColor=None))
        group.add(Circle(point.x, height - point.y, 3.2, fillColor=colors.black,
                         strokeColor=colors.white, strokeWidth=0.8))
        group.add(String(point.x + 5.5, height - point.y - 3, label, fontSize=10,
                         fontName="Helvetica-Bold", fillColor=colors.black))
    for text, x, y in geometry.labels:
        group.add(String(x, height - y, text, fontSize=15, textAnchor="middle",
                         fontName="Helvetica", fillColor=colors.HexColor(OUTLINE_COLOUR)))
    for text, x, y in geometry.side_marks:
        group.add(String(x, height - y, text, fontSize=13, textAnchor="middle",
                         fontName="Helvetica-Bold", fillColor=colors.HexColor(OUTLINE_COLOUR)))
    if title:
        group.add(String(0, height + 8, title, fontSize=18, fontName="Helvetica-Bold"))
    return group


def legend_group(y: float = 0) -> Group:
    """The legend: one swatch per value with its hatching, and the key-point dot."""
    group = Group()
    x = 0.0
    for style in VALUE_STYLES.values():
        swatch = Region("legend", "legend", Side.LEFT, Dermatome.L1,
                        ((x, y), (x + 26, y), (x + 26, y + 18), (x, y + 18)), None)
        group.add(Rect(x, y, 26, 18, fillColor=colors.HexColor(style.fill),
                       strokeColor=colors.HexColor(OUTLINE_COLOUR), strokeWidth=0.6))
        _hatch(group, swatch, style, 2 * y + 18)
        group.add(String(x + 34, y + 4, style.label, fontSize=13))
        x += 40 + 8 * len(style.label)
    group.add(Circle(x + 8, y + 9, 3.2, fillColor=colors.black))
    group.add(String(x + 16, y + 4, "ISNCSCI key point", fontSize=13))
    return group


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
    drawing = Drawing(width, total_height * scale)
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
    drawing = Drawing(width, (geometry.height + legend_height + title_height) * scale)
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
