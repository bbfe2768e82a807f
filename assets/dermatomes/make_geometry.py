"""Generate dermatomes.json, the one geometry source of the dermatome map.

Run `python assets/dermatomes/make_geometry.py` after changing a shape; a test fails when the
committed JSON differs from what this script makes.

The drawing is the project's own artwork. Outlines are smooth closed Catmull-Rom curves through a
few control points. Each leg or foot silhouette is cut into dermatome regions by convex zones
(Sutherland-Hodgman clipping), so regions tile the silhouette without gaps. The zones follow the
areas of clinical-reference.md section 3 (after the ISNCSCI key points and the classic
Keegan-Garrett style bands); borders between dermatomes overlap in life and are drawn as clean
lines here. Local coordinates: x negative is medial, y grows downwards; each view places and mirrors
its two sides so that medial faces the midline.
"""

from __future__ import annotations

import json
from pathlib import Path

Point = tuple[float, float]
HERE = Path(__file__).parent
BIG = 1000.0


def catmull_rom(points: list[Point], samples: int = 6) -> list[Point]:
    """A closed smooth curve through ``points``."""
    out: list[Point] = []
    count = len(points)
    for i in range(count):
        p0, p1, p2, p3 = (points[(i + k) % count] for k in (-1, 0, 1, 2))
        for step in range(samples):
            t = step / samples
            t2, t3 = t * t, t * t * t
            out.append(tuple(  # type: ignore[arg-type]
                0.5 * (2 * p1[j] + (-p0[j] + p2[j]) * t + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j])
                       * t2 + (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3) for j in (0, 1)))
    return out


def ellipse(cx: float, cy: float, rx: float, ry: float, samples: int = 28) -> list[Point]:
    """A closed ellipse as a polygon."""
    import math

    return [(cx + rx * math.cos(2 * math.pi * k / samples),
             cy + ry * math.sin(2 * math.pi * k / samples)) for k in range(samples)]


def clip(subject: list[Point], zone: list[Point]) -> list[Point]:
    """Sutherland-Hodgman: the part of ``subject`` inside the convex, clockwise ``zone``."""
    def inside(p: Point, a: Point, b: Point) -> bool:
        return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0

    def cross(p: Point, q: Point, a: Point, b: Point) -> Point:
        dx, dy = q[0] - p[0], q[1] - p[1]
        ex, ey = b[0] - a[0], b[1] - a[1]
        t = (ex * (p[1] - a[1]) - ey * (p[0] - a[0])) / (ey * dx - ex * dy)
        return (p[0] + t * dx, p[1] + t * dy)

    output = subject
    for i in range(len(zone)):
        a, b = zone[i], zone[(i + 1) % len(zone)]
        source, output = output, []
        for j in range(len(source)):
            p, q = source[j - 1], source[j]
            if inside(q, a, b):
                if not inside(p, a, b):
                    output.append(cross(p, q, a, b))
                output.append(q)
            elif inside(p, a, b):
                output.append(cross(p, q, a, b))
        if not output:
            return []
    return output


def box(x0: float, y0: float, x1: float, y1: float) -> list[Point]:
    """An axis-aligned zone, clockwise in screen coordinates."""
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def _y_at(p: Point, q: Point, x: float) -> float:
    return p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0])


def _x_at(p: Point, q: Point, y: float) -> float:
    return p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1])


def below(p: Point, q: Point) -> list[Point]:
    """The half-plane under the line through p and q (which is not vertical)."""
    return [(-BIG, _y_at(p, q, -BIG)), (BIG, _y_at(p, q, BIG)), (BIG, 3 * BIG), (-BIG, 3 * BIG)]


def above(p: Point, q: Point) -> list[Point]:
    """The half-plane over the line through p and q."""
    return [(-BIG, -3 * BIG), (BIG, -3 * BIG), (BIG, _y_at(p, q, BIG)), (-BIG, _y_at(p, q, -BIG))]


def left_of(p: Point, q: Point) -> list[Point]:
    """The half-plane left of the line through p and q (which is not horizontal)."""
    return [(-3 * BIG, -BIG), (_x_at(p, q, -BIG), -BIG), (_x_at(p, q, BIG), BIG), (-3 * BIG, BIG)]


def right_of(p: Point, q: Point) -> list[Point]:
    """The half-plane right of the line through p and q."""
    return [(_x_at(p, q, -BIG), -BIG), (3 * BIG, -BIG), (3 * BIG, BIG), (_x_at(p, q, BIG), BIG)]


def under(y: float) -> list[Point]:
    """Below the horizontal line at y."""
    return below((0, y), (1, y))


def over(y: float) -> list[Point]:
    """Above the horizontal line at y."""
    return above((0, y), (1, y))


def west(x: float) -> list[Point]:
    """Left of the vertical line at x."""
    return left_of((x, 0), (x, 1))


def east(x: float) -> list[Point]:
    """Right of the vertical line at x."""
    return right_of((x, 0), (x, 1))


Zone = list[list[Point]]
"""A convex zone as the intersection of convex polygons (usually half-planes)."""


# ------------------------------------------------------------------------------------------
# Shapes (local coordinates of the patient's left side; medial is negative x)
# ------------------------------------------------------------------------------------------

ANTERIOR_LEG = [
    (62, 0), (69, 60), (64, 150), (52, 250), (46, 300), (48, 330), (53, 382), (46, 440), (32, 508),
    (27, 545), (31, 566), (40, 594), (36, 612), (20, 617), (0, 619), (-20, 616), (-33, 607),
    (-31, 584), (-23, 562), (-22, 545), (-26, 508), (-38, 440), (-43, 382), (-38, 330), (-40, 300),
    (-41, 268), (-48, 200), (-54, 110), (-52, 42), (-30, 28), (0, 17), (32, 7),
]
# Oblique thigh bands run from lateral-high to medial-low.
L1_L2 = ((70.0, 55.0), (-60.0, 95.0))
L2_L3 = ((70.0, 175.0), (-60.0, 215.0))
SHIN = ((8.0, 325.0), (-2.0, 560.0))
ANTERIOR_ZONES: dict[str, list[Zone]] = {
    "L1": [[above(*L1_L2)]],
    "L2": [[below(*L1_L2), above(*L2_L3)]],
    "L3": [[below(*L2_L3), over(325)]],
    "L4": [[under(325), over(560), left_of(*SHIN)], [under(560), west(-18)]],
    "L5": [[under(325), over(560), right_of(*SHIN)], [under(560), east(-18), west(28)]],
    "S1": [[under(560), east(28)]],
}

POSTERIOR_LEG = [
    (38, -96), (64, -66), (75, -15), (72, 60), (62, 160), (52, 250), (48, 300), (52, 350),
    (54, 390), (46, 450), (32, 510), (28, 545), (30, 568), (18, 588), (0, 593), (-18, 587),
    (-24, 566), (-22, 545), (-26, 510), (-40, 450), (-44, 390), (-40, 340), (-42, 300), (-44, 250),
    (-48, 160), (-52, 85), (-57, 50), (-60, 20), (-60, -40), (-56, -84), (-34, -100), (0, -104),
]
# The upper buttock (cluneal nerves) is not part of the exam and stays unfilled. The gluteal fold
# rises laterally; S3 is the medial lower buttock, S4-5 the bottom of the cleft.
GLUTEAL_FOLD = ((-60.0, 56.0), (70.0, 34.0))
S3_LATERAL = ((-4.0, -14.0), (10.0, 40.0))
CALF_MEDIAL = ((-22.0, 330.0), (-24.0, 545.0))
CALF_LATERAL = ((26.0, 330.0), (24.0, 545.0))
POSTERIOR_ZONES: dict[str, list[Zone]] = {
    "S3": [[above(*GLUTEAL_FOLD), under(-14), left_of(*S3_LATERAL), east(-46)],
           [under(-14), over(10), west(-46)], [under(36), above(*GLUTEAL_FOLD), west(-46)]],
    "S4-5": [[under(10), over(36), west(-46)]],
    "S2": [[below(*GLUTEAL_FOLD), over(200)], [under(200), over(330), east(-30)]],
    "L3": [[under(200), over(330), west(-30)]],
    "L4": [[under(330), over(545), left_of(*CALF_MEDIAL)]],
    "S1": [[under(330), over(545), right_of(*CALF_MEDIAL), left_of(*CALF_LATERAL)],
           [under(545)]],
    "L5": [[under(330), over(545), right_of(*CALF_LATERAL)]],
}

FOOT_BODY = [
    (-42, 50), (-45, 95), (-39, 150), (-33, 192), (-26, 222), (0, 230), (28, 222), (38, 178),
    (47, 118), (51, 64), (40, 52), (20, 43), (0, 40), (-21, 42),
]
TOES = {  # name: (cx, cy, rx, ry)
    "big toe": (-29, 22, 14, 22), "second toe": (-6, 16, 9.5, 17), "third toe": (12, 22, 8.5, 15),
    "fourth toe": (28, 32, 8, 13), "little toe": (42, 46, 7.5, 10.5),
}
DORSUM_ZONES: dict[str, list[Zone]] = {
    "L4": [[left_of((-31, 60), (-27, 230))]],
    "L5": [[right_of((-31, 60), (-27, 230)), left_of((34, 60), (26, 230))]],
    "S1": [[right_of((34, 60), (26, 230))]],
}
DORSUM_TOES = {"big toe": "L5", "second toe": "L5", "third toe": "L5", "fourth toe": "L5",
               "little toe": "S1"}
SOLE_BODY = [
    (-42, 50), (-40, 95), (-30, 140), (-30, 175), (-30, 205), (-16, 232), (6, 236), (26, 226),
    (36, 190), (46, 122), (51, 64), (40, 52), (20, 43), (0, 40), (-21, 42),
]
SOLE_FOREFOOT = ((-45.0, 92.0), (10.0, 62.0))
SOLE_ARCH = ((-22.0, 90.0), (-24.0, 230.0))
SOLE_ZONES: dict[str, list[Zone]] = {
    "L5": [[above(*SOLE_FOREFOOT), west(4)]],
    "L4": [[below(*SOLE_FOREFOOT), left_of(*SOLE_ARCH)]],
    "S1": [[below(*SOLE_FOREFOOT), right_of(*SOLE_ARCH)], [above(*SOLE_FOREFOOT), east(4)]],
}
SOLE_TOES = {"big toe": "L5", "second toe": "L5", "third toe": "S1", "fourth toe": "S1",
             "little toe": "S1"}

# ------------------------------------------------------------------------------------------
# Key points (clinical-reference.md section 3), in local coordinates of one view.
# ------------------------------------------------------------------------------------------

KEY_POINTS: dict[str, tuple[str, Point]] = {
    "L1": ("anterior", (10, 40)),
    "L2": ("anterior", (-12, 150)),
    "L3": ("anterior", (-29, 292)),
    "L4": ("anterior", (-16, 548)),
    "L5": ("dorsum", (12, 60)),
    "S1": ("sole", (27, 205)),
    "S2": ("posterior", (2, 315)),
    "S3": ("posterior", (-32, 38)),
    "S4-5": ("saddle", (-27, 0)),
}

# ------------------------------------------------------------------------------------------
# Layout: where each view stands on the sheet, and how each side is placed in it.
# ------------------------------------------------------------------------------------------

WIDTH, HEIGHT = 1000, 780
# view: (title, {side: (origin x, origin y, x multiplier)}); a multiplier of -1 mirrors.
VIEWS: dict[str, tuple[str, dict[str, tuple[float, float, float]]]] = {
    # Seen from the front: the patient's right leg on the viewer's left, medial to the midline.
    "anterior": ("Front", {"right": (90, 60, -1), "left": (210, 60, 1)}),
    # Seen from behind: the patient's left leg on the viewer's left.
    "posterior": ("Back", {"left": (390, 162, -1), "right": (510, 162, 1)}),
    "dorsum": ("Top of the feet", {"right": (665, 70, -1), "left": (805, 70, 1)}),
    "sole": ("Soles", {"right": (665, 380, -1), "left": (805, 380, 1)}),
    "saddle": ("Saddle", {"left": (928, 708, 1), "right": (928, 708, -1)}),
}
# The saddle is seen from behind, like the back view: the patient's left on the viewer's left.
SADDLE_MEDIAL_SIGN = {"left": 1, "right": -1}


def place(points: list[Point], view: str, side: str) -> list[list[float]]:
    """Local coordinates to sheet coordinates for one side of one view, rounded."""
    ox, oy, mirror = VIEWS[view][1][side]
    return [[round(ox + mirror * x, 1), round(oy + y, 1)] for x, y in points]


def _regions_from(view: str, outline: list[Point], zones: dict[str, list[Zone]],
                  toes: dict[str, str] | None = None) -> list[dict[str, object]]:
    smooth = catmull_rom(outline)
    regions = []
    for side in ("left", "right"):
        for dermatome, parts in zones.items():
            for index, zone in enumerate(parts):
                piece = smooth
                for half_plane in zone:
                    piece = clip(piece, half_plane)
                if len(piece) >= 3:
                    regions.append({"id": f"{view}.{side}.{dermatome}.{index}", "view": view,
                                    "side": side, "dermatome": dermatome,
                                    "points": place(piece, view, side)})
        for toe, dermatome in (toes or {}).items():
            regions.append({"id": f"{view}.{side}.{dermatome}.{toe.replace(' ', '_')}",
                            "view": view, "side": side, "dermatome": dermatome, "label": toe,
                            "points": place(ellipse(*TOES[toe]), view, side)})
    return regions


def _saddle_regions() -> list[dict[str, object]]:
    regions = []
    for side in ("left", "right"):
        # A half ring on each side of the anus: S4-5 inside, S3 around it.
        for dermatome, (inner, outer) in (("S4-5", (11, 38)), ("S3", (38, 66))):
            import math

            arc = [k * math.pi / 24 for k in range(-12, 13)]
            points = ([(-outer * math.cos(a), outer * 0.8 * math.sin(a)) for a in arc] +
                      [(-inner * math.cos(a), inner * 0.8 * math.sin(a)) for a in reversed(arc)])
            regions.append({"id": f"saddle.{side}.{dermatome}.0", "view": "saddle", "side": side,
                            "dermatome": dermatome, "points": place(points, "saddle", side)})
    return regions


def outlines() -> list[dict[str, object]]:
    """The silhouettes, drawn under the regions (unmapped skin stays as outline)."""
    shapes = []
    for view, outline in (("anterior", ANTERIOR_LEG), ("posterior", POSTERIOR_LEG),
                          ("dorsum", FOOT_BODY), ("sole", SOLE_BODY)):
        for side in ("left", "right"):
            shapes.append({"view": view, "side": side,
                           "points": place(catmull_rom(outline), view, side)})
    return shapes


def key_points() -> list[dict[str, object]]:
    """One key point per dermatome and side."""
    points = []
    for dermatome, (view, local) in KEY_POINTS.items():
        for side in ("left", "right"):
            (x, y), = place([local], view, side)
            points.append({"dermatome": dermatome, "side": side, "view": view, "x": x, "y": y})
    return points


def geometry() -> dict[str, object]:
    """The whole geometry document."""
    regions = (_regions_from("anterior", ANTERIOR_LEG, ANTERIOR_ZONES)
               + _regions_from("posterior", POSTERIOR_LEG, POSTERIOR_ZONES)
               + _regions_from("dorsum", FOOT_BODY, DORSUM_ZONES, DORSUM_TOES)
               + _regions_from("sole", SOLE_BODY, SOLE_ZONES, SOLE_TOES)
               + _saddle_regions())
    shapes = regions + outlines()
    tops = {view: min(p[1] for r in shapes if r["view"] == view for p in r["points"])  # type: ignore[union-attr]
            for view in VIEWS}
    labels = [{"view": view, "text": title,
               "x": round(sum(o[0] for o in sides.values()) / len(sides), 1),
               "y": round(tops[view] - 30, 1)}
              for view, (title, sides) in VIEWS.items()]
    side_marks = [{"view": view, "side": side, "text": side[0].upper(), "x": ox,
                   "y": round(tops[view] - 12, 1)}
                  for view, (_, sides) in VIEWS.items() if view != "saddle"
                  for side, (ox, oy, _) in sides.items()]
    return {
        "format": "neuroexam.dermatome-map", "version": 1, "width": WIDTH, "height": HEIGHT,
        "convention": "Regions after the ISNCSCI key sensory points and the areas of "
                      "clinical-reference.md section 3; borders are drawn as clean lines although "
                      "dermatomes overlap in life.",
        "outlines": outlines(), "regions": regions, "key_points": key_points(),
        "labels": labels, "side_marks": side_marks,
    }


def render() -> str:
    """The JSON text committed as dermatomes.json."""
    return json.dumps(geometry(), separators=(",", ":")) + "\n"


if __name__ == "__main__":
    (HERE / "dermatomes.json").write_text(render())
    print(f"wrote {HERE / 'dermatomes.json'}")
