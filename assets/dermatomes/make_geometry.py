"""Generate dermatomes.json, the one geometry source of the body chart (the dermatome map).

Run `python assets/dermatomes/make_geometry.py` after changing a shape; a test fails when the
committed JSON differs from what this script makes.

The drawing is the project's own artwork, in the layout clinicians know from the ISNCSCI worksheet
body chart: the lower body from the waist, seen from the front and from behind (buttocks, gluteal
cleft and the S3 and S4-5 areas around the anus at the bottom of the cleft), the top and the sole
of both feet with the toes joined to the foot, and the saddle (perianal and perineal) area enlarged.
Proportions follow an adult of average build (waist to floor about 105 cm: crotch at a quarter of
it, knee at a half, ankle at 92 %).

Each half body is one smooth outline (Catmull-Rom curves through a few control points) that ends on
the midline; it is cut into dermatome regions by convex zones (Sutherland-Hodgman clipping), so
regions tile the skin without gaps. The zones follow the areas of clinical-reference.md section 3;
skin that section does not assign (the lower abdomen above the inguinal ligament, the upper and
outer buttock, the genitals) stays unmapped. The key points are placed by their ISNCSCI
definitions: L2 midway between the mid-inguinal point and the medial femoral condyle, L1 halfway
between the mid-inguinal point (T12) and L2, L3 on the medial femoral condyle, L4 on the medial
malleolus, L5 on the dorsum at the third metatarsophalangeal joint, S1 on the lateral heel, S2 in
the middle of the popliteal fossa, S3 on the ischial tuberosity at the infragluteal fold, S4-5
beside the anus. Local coordinates: x is the distance from the body's (or foot's) midline, positive
lateral; y grows downwards; each view places and mirrors its two sides.
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


def open_curve(points: list[Point], samples: int = 6) -> list[Point]:
    """A smooth curve through ``points`` from the first to the last (both kept exactly)."""
    padded = [points[0], *points, points[-1]]
    out: list[Point] = []
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1], padded[i], padded[i + 1], padded[i + 2]
        for step in range(samples):
            t = step / samples
            t2, t3 = t * t, t * t * t
            out.append(tuple(  # type: ignore[arg-type]
                0.5 * (2 * p1[j] + (-p0[j] + p2[j]) * t + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j])
                       * t2 + (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3) for j in (0, 1)))
    out.append(points[-1])
    return out


# ------------------------------------------------------------------------------------------
# Shapes: one half body per view (the patient's left; x is lateral, y down from the waist, in
# units of about 1.75 mm), and one foot. A half body runs from the waist on the midline around the
# leg to the crotch; the midline closes it.
# ------------------------------------------------------------------------------------------

WAIST = [(0.0, 0.0), (80.0, 0.0)]
FRONT_SKIN = [
    (80, 0), (88, 30), (99, 70), (104, 105), (103, 140), (98, 190), (90, 250), (83, 300),
    (81, 325), (83, 345), (86, 375), (86, 405), (80, 450), (72, 500), (67, 530), (69, 548),
    (74, 562), (82, 575), (85, 586), (81, 594), (77, 592), (73, 598), (69, 595), (64, 601),
    (60, 597), (55, 603), (50, 599), (43, 606), (33, 606), (25, 599), (22, 586), (25, 570),
    (31, 556), (34, 540), (35, 520), (30, 470), (22, 420), (18, 390), (20, 360), (24, 335),
    (26, 315), (22, 290), (16, 240), (11, 195), (7, 166), (3, 153), (0, 150),
]
BACK_SKIN = [
    (80, 0), (90, 30), (101, 70), (105, 110), (103, 150), (98, 190), (90, 250), (83, 300),
    (81, 325), (83, 350), (87, 380), (86, 410), (80, 455), (71, 505), (66, 535), (67, 560),
    (66, 580), (58, 594), (48, 597), (40, 590), (36, 572), (35, 545), (34, 520), (30, 470),
    (22, 420), (18, 390), (20, 360), (24, 335), (26, 315), (22, 290), (16, 240), (11, 195),
    (7, 166), (3, 155), (0, 152),
]


def half_body(skin: list[Point]) -> list[Point]:
    """The closed outline of one half body: the waist, the skin curve, back up the midline."""
    return [WAIST[0], *open_curve(skin)]


# The front. Above the inguinal ligament (from the anterior superior iliac spine down to the pubic
# tubercle) is the trunk, not mapped. L1 is the band below the ligament (groin, upper anterior
# thigh); L2 the anterior and medial thigh; L3 the lower medial thigh and knee; below the knee L4
# medial and L5 lateral of the shin; on the foot L4 the medial edge, L5 the dorsum with the big
# toe, S1 the lateral edge with the little toe.
INGUINAL = ((98.0, 62.0), (16.0, 140.0))
MID_INGUINAL = (57.0, 101.0)
MEDIAL_CONDYLE = (30.0, 305.0)
L1_L2 = ((100.0, 123.5), (0.0, 218.6))
L2_L3 = ((100.0, 221.0), (0.0, 281.0))
BELOW_KNEE = 350.0
SHIN = ((50.0, 350.0), (44.0, 545.0))
ANKLE = 545.0
FOOT_MEDIAL = ((44.0, 545.0), (26.0, 592.0))
FOOT_LATERAL = ((70.0, 545.0), (76.0, 594.0))
FRONT_ZONES: dict[str, list[Zone]] = {
    "L1": [[below(*INGUINAL), above(*L1_L2)]],
    "L2": [[below(*L1_L2), above(*L2_L3)]],
    "L3": [[below(*L2_L3), over(BELOW_KNEE)]],
    "L4": [[under(BELOW_KNEE), over(ANKLE), left_of(*SHIN)], [under(ANKLE), left_of(*FOOT_MEDIAL)]],
    "L5": [[under(BELOW_KNEE), over(ANKLE), right_of(*SHIN)],
           [under(ANKLE), right_of(*FOOT_MEDIAL), left_of(*FOOT_LATERAL)]],
    "S1": [[under(ANKLE), right_of(*FOOT_LATERAL)]],
}

# The back. The lower back and the upper and outer buttock are not mapped. S3 is the medial
# buttock down to the infragluteal fold, S4-5 the bottom of the gluteal cleft around the anus;
# S2 the posterior thigh to the popliteal fossa (with L3 on the lower medial thigh); on the calf
# S1 in the middle, L4 medial, L5 lateral; S1 the heel.
GLUTEAL_FOLD = ((0.0, 164.0), (100.0, 140.0))
MEDIAL_BUTTOCK = ellipse(0, 130, 48, 40, 40)
CLEFT_BOTTOM = 118.0
PERIANAL = 14.0
BACK_KNEE = 345.0
BACK_L3 = ((38.0, 260.0), (44.0, 345.0))
CALF_MEDIAL = ((30.0, 345.0), (40.0, 520.0))
CALF_LATERAL = ((72.0, 345.0), (62.0, 520.0))
HEEL = 520.0
BACK_ZONES: dict[str, list[Zone]] = {
    "S4-5": [[west(PERIANAL), under(CLEFT_BOTTOM), above(*GLUTEAL_FOLD)]],
    "S3": [[MEDIAL_BUTTOCK, above(*GLUTEAL_FOLD), over(CLEFT_BOTTOM)],
           [MEDIAL_BUTTOCK, above(*GLUTEAL_FOLD), under(CLEFT_BOTTOM), east(PERIANAL)]],
    "S2": [[below(*GLUTEAL_FOLD), over(260)],
           [under(260), over(BACK_KNEE), right_of(*BACK_L3)]],
    "L3": [[under(260), over(BACK_KNEE), left_of(*BACK_L3)]],
    "L4": [[under(BACK_KNEE), over(HEEL), left_of(*CALF_MEDIAL)]],
    "S1": [[under(BACK_KNEE), over(HEEL), right_of(*CALF_MEDIAL), left_of(*CALF_LATERAL)],
           [under(HEEL)]],
    "L5": [[under(BACK_KNEE), over(HEEL), right_of(*CALF_LATERAL)]],
}

# One foot seen from above (toes up, x lateral): the five toes are lobes of one outline.
FOOT_TIP_TO_HEEL = [
    (-26, 240), (-34, 200), (-36, 160), (-42, 110), (-44, 75), (-43, 45), (-40, 18), (-32, 3),
    (-22, 0), (-12, 5), (-8, 20), (-6, 42), (-5, 22), (0, 8), (6, 7), (10, 19), (11, 44), (13, 27),
    (17, 17), (22, 19), (25, 30), (26, 50), (28, 38), (32, 31), (36, 32), (38, 42), (39, 58),
    (41, 51), (45, 46), (50, 50), (52, 60), (53, 75), (52, 110), (46, 160), (38, 205), (28, 236),
    (10, 252), (-8, 252),
]
# The sole: the same foot from below, with the medial arch drawn in.
SOLE_TIP_TO_HEEL = [
    (-24, 238), (-28, 205), (-25, 175), (-27, 140), (-40, 105), (-44, 75), (-43, 45), (-40, 18),
    (-32, 3), (-22, 0), (-12, 5), (-8, 20), (-6, 42), (-5, 22), (0, 8), (6, 7), (10, 19), (11, 44),
    (13, 27), (17, 17), (22, 19), (25, 30), (26, 50), (28, 38), (32, 31), (36, 32), (38, 42),
    (39, 58), (41, 51), (45, 46), (50, 50), (52, 60), (53, 75), (52, 110), (46, 160), (38, 205),
    (28, 236), (10, 252), (-8, 250),
]
DORSUM_MEDIAL = ((-30.0, 85.0), (-14.0, 248.0))
DORSUM_LATERAL = ((39.0, 56.0), (24.0, 248.0))
BALL = 78.0
DORSUM_ZONES: dict[str, list[Zone]] = {
    "L4": [[under(BALL), left_of(*DORSUM_MEDIAL)]],
    "L5": [[over(BALL), left_of(*DORSUM_LATERAL)],
           [under(BALL), right_of(*DORSUM_MEDIAL), left_of(*DORSUM_LATERAL)]],
    "S1": [[right_of(*DORSUM_LATERAL)]],
}
# On the sole L5 takes the big and second toes with the ball beneath them, L4 the medial arch,
# S1 the rest: most of the sole, the lateral toes and the heel.
SOLE_FOREFOOT = ((-46.0, 100.0), (11.0, 66.0))
SOLE_ARCH = ((-16.0, 100.0), (-20.0, 230.0))
SOLE_ZONES: dict[str, list[Zone]] = {
    "L5": [[above(*SOLE_FOREFOOT), west(11)]],
    "L4": [[below(*SOLE_FOREFOOT), left_of(*SOLE_ARCH)]],
    "S1": [[below(*SOLE_FOREFOOT), right_of(*SOLE_ARCH)], [above(*SOLE_FOREFOOT), east(11)]],
}

# The saddle enlarged, seen from behind with the buttocks parted: the anus in the middle, the
# perineum below it. S4-5 is the perianal and perineal area, S3 the medial buttock around it.
SADDLE_SKIN = [(0, -80), (45, -84), (85, -60), (100, -15), (92, 35), (65, 72), (30, 90), (0, 94)]
PERINEUM = (0.0, 12.0, 26.0, 44.0)
SADDLE_S3 = (0.0, 8.0, 64.0, 74.0)
ANUS = (0.0, 0.0, 7.0, 9.0)


def half_ring(inner: tuple[float, float, float, float] | None,
              outer: tuple[float, float, float, float]) -> list[Point]:
    """The lateral half (x >= 0) of an ellipse, or of the ring between two ellipses."""
    import math

    arc = [math.pi * (k / 24 - 0.5) for k in range(25)]
    cx, cy, rx, ry = outer
    points = [(cx + rx * math.cos(a), cy + ry * math.sin(a)) for a in arc]
    if inner is None:
        return points
    cx, cy, rx, ry = inner
    return points + [(cx + rx * math.cos(a), cy + ry * math.sin(a)) for a in reversed(arc)]


# ------------------------------------------------------------------------------------------
# Key points (clinical-reference.md section 3), local coordinates of one view.
# ------------------------------------------------------------------------------------------


def _midpoint(p: Point, q: Point) -> Point:
    return ((p[0] + q[0]) / 2, (p[1] + q[1]) / 2)


L2_POINT = _midpoint(MID_INGUINAL, MEDIAL_CONDYLE)
KEY_POINTS: dict[str, tuple[str, Point]] = {
    "L1": ("anterior", _midpoint(MID_INGUINAL, L2_POINT)),
    "L2": ("anterior", L2_POINT),
    "L3": ("anterior", MEDIAL_CONDYLE),
    "L4": ("anterior", (36, 550)),        # the medial malleolus
    "L5": ("dorsum", (18, 72)),           # third metatarsophalangeal joint
    "S1": ("posterior", (59, 578)),       # lateral heel
    "S2": ("posterior", (52, 322)),       # middle of the popliteal fossa
    "S3": ("posterior", (24, 152)),       # ischial tuberosity, at the infragluteal fold
    "S4-5": ("saddle", (13, 0)),          # beside the anus, within 1 cm of its margin
}
LABEL_AT: dict[tuple[str, str], tuple[Point, bool]] = {
    # The bottom of the cleft is too narrow to hold its label: it stands on the buttock above,
    # with a leader line.
    ("posterior", "S4-5"): ((34, 104), True),
    # The front of the foot is too small for three labels beside the L4 key point: L5 stands on
    # the shin (the same region), S1 outside the lateral edge of the foot, with a leader line.
    ("anterior", "L5"): ((64, 440), False),
    ("anterior", "S1"): ((108, 588), True),
    # Above the S4-5 key point's label, which would cover the computed place.
    ("saddle", "S3"): ((26, -44), False),
}
"""Region labels placed by hand (local coordinates, and whether a leader line points to the
region); every other one is computed."""

# ------------------------------------------------------------------------------------------
# Layout: where each view stands on the sheet, and how each side is placed in it.
# ------------------------------------------------------------------------------------------

WIDTH, HEIGHT = 1000, 562
# view: (title, scale, {side: (origin x, origin y, x multiplier)}); a multiplier of -1 mirrors.
VIEWS: dict[str, tuple[str, float, dict[str, tuple[float, float, float]]]] = {
    # Seen from the front: the patient's right on the viewer's left.
    "anterior": ("Front", 0.82, {"right": (110, 60, -1), "left": (110, 60, 1)}),
    # Seen from behind: the patient's left on the viewer's left.
    "posterior": ("Back", 0.82, {"left": (330, 60, -1), "right": (330, 60, 1)}),
    # The feet from above, toes up (as the front view), big toes towards the middle.
    "dorsum": ("Top of the feet", 0.86, {"right": (515, 60, -1), "left": (612, 60, 1)}),
    # The soles, toes up, big toes towards the middle (as seen from the foot of the bed).
    "sole": ("Soles", 0.86, {"right": (765, 60, -1), "left": (862, 60, 1)}),
    # The saddle seen from behind, as the back view.
    "saddle": ("Saddle, from behind", 1.0, {"left": (690, 450, -1), "right": (690, 450, 1)}),
}


TITLE_ABOVE = 36
"""How far above its view a title stands: a line over the side marks (R, L), which a wide title
(or a translated one) would otherwise touch, even with the larger labels of a small map on
screen."""


def place(points: list[Point], view: str, side: str) -> list[list[float]]:
    """Local coordinates to sheet coordinates for one side of one view, rounded."""
    _, scale, sides = VIEWS[view]
    ox, oy, mirror = sides[side]
    return [[round(ox + mirror * scale * x, 1), round(oy + scale * y, 1)] for x, y in points]


# ------------------------------------------------------------------------------------------
# Regions, outlines, details, labels
# ------------------------------------------------------------------------------------------

SKINS: dict[str, list[Point]] = {
    "anterior": half_body(FRONT_SKIN), "posterior": half_body(BACK_SKIN),
    "dorsum": catmull_rom(FOOT_TIP_TO_HEEL, 4), "sole": catmull_rom(SOLE_TIP_TO_HEEL, 4),
    "saddle": [(0.0, -80.0), *open_curve(SADDLE_SKIN)],
}
ZONES: dict[str, dict[str, list[Zone]]] = {
    "anterior": FRONT_ZONES, "posterior": BACK_ZONES, "dorsum": DORSUM_ZONES, "sole": SOLE_ZONES,
}


def _local_regions() -> list[tuple[str, str, int, list[Point]]]:
    """(view, dermatome, piece index, local polygon) for one side."""
    out = []
    for view, zones in ZONES.items():
        for dermatome, parts in zones.items():
            for index, zone in enumerate(parts):
                piece = SKINS[view]
                for half_plane in zone:
                    piece = clip(piece, half_plane)
                if len(piece) >= 3:
                    out.append((view, dermatome, index, piece))
    out.append(("saddle", "S4-5", 0, half_ring(None, PERINEUM)))
    out.append(("saddle", "S3", 0, half_ring(PERINEUM, SADDLE_S3)))
    return out


def _distance_to_edges(point: Point, polygon: list[Point]) -> float:
    best = float("inf")
    px, py = point
    for i in range(len(polygon)):
        (ax, ay), (bx, by) = polygon[i - 1], polygon[i]
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
        best = min(best, ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5)
    return best


def _inside(point: Point, polygon: list[Point]) -> bool:
    x, y = point
    inside = False
    for i in range(len(polygon)):
        (xi, yi), (xj, yj) = polygon[i], polygon[i - 1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
    return inside


def label_spot(polygon: list[Point]) -> tuple[Point, float]:
    """The point deepest inside a polygon (farthest from its edges), found on a 2-unit grid,
    and its depth: where a label sits best."""
    xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
    best, depth = (sum(xs) / len(xs), sum(ys) / len(ys)), -1.0
    y = min(ys)
    while y <= max(ys):
        x = min(xs)
        while x <= max(xs):
            if _inside((x, y), polygon):
                d = _distance_to_edges((x, y), polygon)
                if d > depth:
                    best, depth = (x, y), d
            x += 2
        y += 2
    return (round(best[0], 1), round(best[1], 1)), depth


def _borders(piece: list[Point], siblings: list[list[Point]]) -> list[list[Point]]:
    """The runs of a piece's edges that border another dermatome or the outside: an edge shared
    with another piece of the same dermatome (a cut between two convex zones) is left out, so the
    drawing shows one region."""
    def internal(a: Point, b: Point) -> bool:
        mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = max((dx * dx + dy * dy) ** 0.5, 1e-9)
        probes = [(mx + dy / length * 0.5, my - dx / length * 0.5),
                  (mx - dy / length * 0.5, my + dx / length * 0.5)]
        return any(_inside(p, other) for other in siblings for p in probes)

    count = len(piece)
    keep = [not internal(piece[i - 1], piece[i]) for i in range(count)]
    if all(keep):
        return [[*piece, piece[0]]]
    start = keep.index(False)  # begin the walk at a dropped edge, so runs never wrap
    runs: list[list[Point]] = []
    for k in range(1, count + 1):
        i = (start + k) % count
        if keep[i]:
            if not runs or runs[-1][-1] != piece[i - 1]:
                runs.append([piece[i - 1]])
            runs[-1].append(piece[i])
    return runs


def regions() -> list[dict[str, object]]:
    """Every region on both sides, in sheet coordinates, with the lines that outline it."""
    out: list[dict[str, object]] = []
    local = _local_regions()
    for side in ("left", "right"):
        for view, dermatome, index, piece in local:
            siblings = [p for v, d, i, p in local if (v, d) == (view, dermatome) and i != index]
            out.append({"id": f"{view}.{side}.{dermatome}.{index}", "view": view, "side": side,
                        "dermatome": dermatome, "points": place(piece, view, side),
                        "borders": [place(run, view, side) for run in _borders(piece, siblings)]})
    return out


def region_labels() -> list[dict[str, object]]:
    """One label per dermatome, side and view where the region shows and has no key point there
    (a key point carries its own label). ``ax, ay`` is where a leader line points, if any."""
    keyed = {(view, dermatome) for dermatome, (view, _) in KEY_POINTS.items()}
    deepest: dict[tuple[str, str], tuple[float, Point]] = {}
    for view, dermatome, _, piece in _local_regions():
        if (view, dermatome) in keyed:
            continue
        spot, depth = label_spot(piece)
        if depth > deepest.get((view, dermatome), (-1.0,))[0]:
            deepest[(view, dermatome)] = (depth, spot)
    labels = []
    for (view, dermatome), (_, spot) in sorted(deepest.items()):
        at, leader = LABEL_AT.get((view, dermatome), (spot, False))
        for side in ("left", "right"):
            (x, y), = place([at], view, side)
            label: dict[str, object] = {"view": view, "side": side, "dermatome": dermatome,
                                        "x": x, "y": y}
            if leader:
                (ax, ay), = place([spot], view, side)
                label |= {"ax": ax, "ay": ay}
            labels.append(label)
    return labels


def outlines() -> list[dict[str, object]]:
    """The silhouettes, drawn under the regions (unmapped skin stays as outline): one per body
    view (both halves, without the midline), one per foot, one for the saddle."""
    shapes: list[dict[str, object]] = []
    for view in ("anterior", "posterior", "saddle"):
        skin = SKINS[view][1:]
        first, second = ("right", "left") if VIEWS[view][2]["right"][2] < 0 else ("left", "right")
        points = place(skin, view, second) + place(list(reversed(skin)), view, first)
        shapes.append({"view": view, "side": "both", "points": points})
    for view in ("dorsum", "sole"):
        for side in ("left", "right"):
            shapes.append({"view": view, "side": side, "points": place(SKINS[view], view, side)})
    return shapes


def details() -> list[dict[str, object]]:
    """Thin lines that make the drawing read as a body: the knee caps, the gluteal cleft and
    folds, the anus. They carry no value and take no clicks."""
    import math

    fold = open_curve([(5.0, 160.0), (30.0, 166.0), (58.0, 162.0), (80.0, 150.0)])
    cleft: list[Point] = [(0.0, 40.0), (0.0, CLEFT_BOTTOM)]
    lines: list[dict[str, object]] = []
    for side in ("left", "right"):
        kneecap = ellipse(52, 322, 13, 17, 24)
        lines.append({"view": "anterior", "closed": True,
                      "points": place(kneecap, "anterior", side)})
        lines.append({"view": "posterior", "closed": False,
                      "points": place(fold, "posterior", side)})
    lines.append({"view": "posterior", "closed": False,
                  "points": place(cleft, "posterior", "left")})
    lines.append({"view": "saddle", "closed": False,
                  "points": place([(0.0, -80.0), (0.0, -12.0)], "saddle", "left")})
    anus = [(ANUS[0] + ANUS[2] * math.cos(a / 12 * math.pi), ANUS[1] + ANUS[3] * math.sin(
        a / 12 * math.pi)) for a in range(24)]
    lines.append({"view": "saddle", "closed": True, "points": place(anus, "saddle", "left")})
    return lines


def key_points() -> list[dict[str, object]]:
    """One key point per dermatome and side."""
    points = []
    for dermatome, (view, local) in KEY_POINTS.items():
        for side in ("left", "right"):
            (x, y), = place([local], view, side)
            # the label reads away from the middle of the view, so the two sides never collide
            align = "left" if VIEWS[view][2][side][2] < 0 else "right"
            points.append({"dermatome": dermatome, "side": side, "view": view, "x": x, "y": y,
                           "label": align})
    return points


def geometry() -> dict[str, object]:
    """The whole geometry document."""
    shapes = regions()
    tops = {view: min(p[1] for r in outlines() if r["view"] == view
                      for p in r["points"])  # type: ignore[union-attr]
            for view in VIEWS}
    labels = [{"view": view, "text": title,
               "x": round(sum(o[0] for o in sides.values()) / len(sides), 1),
               "y": round(tops[view] - TITLE_ABOVE, 1)}
              for view, (title, _, sides) in VIEWS.items()]
    side_marks = []
    for view, (_, scale, sides) in VIEWS.items():
        for side, (ox, _, mirror) in sides.items():
            offset = {"anterior": 60, "posterior": 60, "saddle": 50}.get(view, 0) * scale
            side_marks.append({"view": view, "side": side, "text": side[0].upper(),
                               "x": round(ox + mirror * offset, 1), "y": round(tops[view] - 8, 1)})
    return {
        "format": "neuroexam.dermatome-map", "version": 2, "width": WIDTH, "height": HEIGHT,
        "convention": "The project's own drawing in the layout of the ISNCSCI body chart. Regions "
                      "follow the areas of clinical-reference.md section 3 with clean borders "
                      "(dermatomes overlap in life); key points at their ISNCSCI positions. Front "
                      "views and feet: the patient's right on the viewer's left; back and saddle: "
                      "seen from behind.",
        "outlines": outlines(), "regions": shapes, "details": details(),
        "key_points": key_points(), "region_labels": region_labels(),
        "labels": labels, "side_marks": side_marks,
    }


def render() -> str:
    """The JSON text committed as dermatomes.json."""
    return json.dumps(geometry(), separators=(",", ":")) + "\n"


if __name__ == "__main__":
    (HERE / "dermatomes.json").write_text(render())
    print(f"wrote {HERE / 'dermatomes.json'}")
