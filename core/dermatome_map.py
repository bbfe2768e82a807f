"""The dermatome map: its geometry (read once from assets/), how values look, and hatching.

The same geometry feeds the Qt widget (gui/) and the PDF drawing (core/reports/map_drawing.py),
so the map a clinician clicks is the map that is printed. Values are drawn with a
colour-blind-safe palette whose lightness orders the grades, and with a hatching per value, so the
map reads in black and white. This module needs no drawing library.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from core.assets import asset_path
from core.grades import SensoryGrade
from core.i18n import Translator, translator
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
    borders: tuple[tuple[Point, ...], ...] = ()
    """The lines that outline the region: its edges, less those it shares with another piece of
    the same dermatome (so a dermatome cut into convex pieces is drawn as one region)."""

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
    label_side: str = "right"
    """Where its label stands: "right" or "left" of the dot."""


@dataclass(frozen=True)
class RegionLabel:
    """The name of a dermatome written on a view where it has no key point (a key point carries
    its own label); ``anchor`` is where a leader line from the label points, when the region is
    too small to hold it."""

    dermatome: Dermatome
    side: Side
    view: str
    x: float
    y: float
    anchor: Point | None


@dataclass(frozen=True)
class Detail:
    """A thin line of the drawing (knee cap, gluteal fold, anus) that carries no value."""

    points: tuple[Point, ...]
    closed: bool


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
    region_labels: tuple[RegionLabel, ...] = ()
    details: tuple[Detail, ...] = ()

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
                             _points(r["points"]), r.get("label"),
                             tuple(_points(b) for b in r["borders"])) for r in raw["regions"]),
        key_points=tuple(KeyPoint(Dermatome(k["dermatome"]), Side(k["side"]), k["view"], k["x"],
                                  k["y"], k["label"]) for k in raw["key_points"]),
        labels=tuple((lbl["text"], lbl["x"], lbl["y"]) for lbl in raw["labels"]),
        side_marks=tuple((m["text"], m["x"], m["y"]) for m in raw["side_marks"]),
        convention=raw["convention"],
        region_labels=tuple(
            RegionLabel(Dermatome(r["dermatome"]), Side(r["side"]), r["view"], r["x"], r["y"],
                        (r["ax"], r["ay"]) if "ax" in r else None)
            for r in raw["region_labels"]),
        details=tuple(Detail(_points(d["points"]), d["closed"]) for d in raw["details"]),
    )


@dataclass(frozen=True)
class PlacedLabel:
    """A dermatome label where the map writes it, in sheet units (y down): on a white chip, its
    left edge at ``left`` and its middle at ``middle``; bold for a key point's label."""

    text: str
    bold: bool
    left: float
    middle: float
    width: float

    def chip(self, size: float) -> tuple[float, float, float, float]:
        """The white chip behind the label at a text size: left, top, right, bottom."""
        return (self.left - 2, self.middle - size * 0.62, self.left + self.width + 2,
                self.middle + size * 0.62)


KEY_POINT_GAP = 5.5
"""Between a key point's dot and its label, in sheet units."""


def placed_labels(width_of: Callable[[str, bool], float]) -> tuple[PlacedLabel, ...]:
    """Every dermatome label of the map (key points' beside their dot, away from the middle of
    the view; regions' centred on their spot), given the width of a text (bold or not) at the
    size it is written: the one placement the widget and the PDF share."""
    geometry = load_geometry()
    out = []
    for point in geometry.key_points:
        text = point.dermatome.value
        width = width_of(text, True)
        left = (point.x + KEY_POINT_GAP if point.label_side == "right"
                else point.x - KEY_POINT_GAP - width)
        out.append(PlacedLabel(text, True, left, point.y, width))
    for label in geometry.region_labels:
        text = label.dermatome.value
        width = width_of(text, False)
        out.append(PlacedLabel(text, False, label.x - width / 2, label.y, width))
    return tuple(out)


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
SILHOUETTE_FILL = "#EDEDED"
"""Skin that no dermatome of this exam covers (lower abdomen, upper buttock)."""
UNMAPPED_LABEL = "not part of this chart"
KEY_POINT_LABEL = "ISNCSCI key point"
LABEL_SIZE = 13.0
"""Region and key-point labels, in sheet units: 6.5 pt when the sheet is printed 500 pt wide."""
LARGEST_LABEL_SIZE = 22.0
"""The largest the app writes the labels, in sheet units. A small map on screen writes them
larger than the sheet's own size (8 points at least) up to this size, the largest at which every
label, view title and side mark keeps apart from the others (tests check)."""
CHANGED_COLOUR = "#000000"

Values = dict[Side, dict[Dermatome, SensoryGrade]]


def style_of(values: Values, side: Side, dermatome: Dermatome) -> ValueStyle:
    """The style of one dermatome's value."""
    grade = values.get(side, {}).get(dermatome)
    return VALUE_STYLES[NOT_EXAMINED if grade is None else str(grade.value)]


# ------------------------------------------------------------------------------------------
# Hatching, shared by every renderer.
# ------------------------------------------------------------------------------------------


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


def values_from_exam(by_side: Any) -> Values:
    """The values of one modality of an exam (a SensoryBySide), keyed by side."""
    return {side: dict(by_side.get(side) or {}) for side in Side}


def dermatome_tooltip(side: Side, dermatome: Dermatome, grade: SensoryGrade | None,
                      _: Translator | None = None) -> str:
    """What hovering a region says: dermatome, key point and value."""
    _ = _ or translator()
    value = _(VALUE_STYLES[NOT_EXAMINED if grade is None else str(grade.value)].label)
    place = _("{side} {dermatome}").format(side=_(side.value).capitalize(),
                                           dermatome=dermatome.value)
    return (f"{place}: {value}\n"
            f"{_('Key point')}: {_(DERMATOMES[dermatome].key_point)}")
