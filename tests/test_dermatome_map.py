"""The dermatome map: geometry, hit-testing, the PDF drawing, and the widget's signals."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from PySide6.QtCore import QPointF, Qt
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from core.dermatome_map import VALUE_STYLES, Values, load_geometry, style_of
from core.grades import SensoryGrade
from core.knowledge import Dermatome, Side
from core.reports.map_drawing import map_drawing
from gui.widgets.dermatome_map import DermatomeMapWidget, next_value

ASSETS = Path(__file__).parents[1] / "assets" / "dermatomes"


def test_every_dermatome_has_regions_and_exactly_one_key_point_per_side() -> None:
    geometry = load_geometry()
    for side in Side:
        for dermatome in Dermatome:
            assert any(r.side is side and r.dermatome is dermatome for r in geometry.regions)
            assert len([k for k in geometry.key_points
                        if k.side is side and k.dermatome is dermatome]) == 1


def test_every_region_in_the_file_names_a_known_dermatome_and_side() -> None:
    raw = json.loads((ASSETS / "dermatomes.json").read_text())
    assert {r["dermatome"] for r in raw["regions"]} <= {d.value for d in Dermatome}
    assert {r["side"] for r in raw["regions"]} == {"left", "right"}
    assert len({r["id"] for r in raw["regions"]}) == len(raw["regions"])


def test_hit_testing_finds_the_right_region_at_every_key_point() -> None:
    geometry = load_geometry()
    for point in geometry.key_points:
        hit = geometry.region_at(point.x, point.y)
        assert hit is not None, point
        assert (hit.side, hit.dermatome) == (point.side, point.dermatome)


def test_the_committed_geometry_is_what_the_generator_makes() -> None:
    spec = importlib.util.spec_from_file_location("make_geometry", ASSETS / "make_geometry.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ASSETS / "dermatomes.json").read_text() == module.render()


def _filled_paths(values: Values) -> list[tuple[tuple[float, float, float], int]]:
    """Every filled path of one map with its fill colour and number of subpaths, read back from
    the PDF it makes: the page and the forms it shows (silhouettes, key points, legend)."""
    sheet = map_drawing(values, 500)
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=(sheet.width, sheet.height))
    sheet.paint(canvas)
    canvas.save()
    page = PdfReader(BytesIO(buffer.getvalue())).pages[0]
    streams = [ContentStream(page.get_contents(), page.pdf)]
    streams += [ContentStream(form.get_object(), page.pdf)
                for form in page["/Resources"]["/XObject"].values()]
    fills, current, subpaths = [], (0.0, 0.0, 0.0), 0
    for stream in streams:
        for operands, operator in stream.operations:
            if operator == b"rg":
                current = tuple(float(v) for v in operands)
            elif operator == b"m":
                subpaths += 1
            elif operator in (b"b", b"f", b"B"):
                fills.append((current, subpaths))
            if operator in (b"b", b"f", b"B", b"S", b"n"):
                subpaths = 0
    return fills


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    colour = colors.HexColor(hex_colour)
    return (colour.red, colour.green, colour.blue)


def _same(colour: tuple[float, float, float], other: tuple[float, float, float]) -> bool:
    return all(abs(a - b) < 0.002 for a, b in zip(colour, other, strict=True))


def _count(colour: tuple[float, float, float],
           paths: list[tuple[tuple[float, float, float], int]]) -> int:
    return sum(1 for fill, _ in paths if _same(colour, fill))


def test_the_pdf_map_fills_each_region_with_the_colour_of_its_value() -> None:
    geometry = load_geometry()
    values: Values = {Side.LEFT: {d: SensoryGrade.NORMAL for d in Dermatome},
                      Side.RIGHT: {Dermatome.L5: SensoryGrade.ABSENT,
                                   Dermatome.S1: SensoryGrade.NT}}
    fills = _filled_paths(values)
    regions_by_style = Counter(style_of(values, r.side, r.dermatome).key
                               for r in geometry.regions)
    for key, style in VALUE_STYLES.items():
        # the legend's swatch adds one path of each colour (white: one more, the chip backing)
        extra = 2 if key == "not_examined" else 1
        assert _count(_rgb(style.fill), fills) == regions_by_style[key] + extra, key
    right_l5 = [r for r in geometry.regions if r.side is Side.RIGHT and r.dermatome is Dermatome.L5]
    assert regions_by_style["0"] == len(right_l5) > 0


def test_the_pdf_map_marks_every_key_point_with_a_dot() -> None:
    black = (0.0, 0.0, 0.0)
    dots = sum(count for fill, count in _filled_paths({}) if _same(black, fill))
    assert dots == len(load_geometry().key_points) + 1  # and the legend's sample dot


@pytest.fixture
def widget(qtbot: object) -> DermatomeMapWidget:
    shown = DermatomeMapWidget()
    qtbot.addWidget(shown)  # type: ignore[attr-defined]
    shown.resize(1000, 780)
    shown.show()
    return shown


def test_clicking_a_region_asks_for_the_next_value(qtbot: object,
                                                   widget: DermatomeMapWidget) -> None:
    widget.set_values({Side.LEFT: {Dermatome.L5: SensoryGrade.NORMAL}})
    point = widget.widget_point(Side.LEFT, Dermatome.L5).toPoint()
    with qtbot.waitSignal(widget.value_chosen) as signal:  # type: ignore[attr-defined]
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=point)  # type: ignore[attr-defined]
    assert signal.args == [Side.LEFT, Dermatome.L5, SensoryGrade.ALTERED]
    assert isinstance(signal.args[0], Side) and isinstance(signal.args[1], Dermatome)


def test_every_key_point_is_clickable_in_the_widget(widget: DermatomeMapWidget) -> None:
    for side in Side:
        for dermatome in Dermatome:
            assert widget.region_at(widget.widget_point(side, dermatome)) == (side, dermatome)


def test_keys_set_values_on_the_focused_dermatome(qtbot: object,
                                                  widget: DermatomeMapWidget) -> None:
    widget.setFocus()
    assert widget.focused == (Side.RIGHT, Dermatome.L1)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)  # type: ignore[attr-defined]
    assert widget.focused == (Side.RIGHT, Dermatome.L2)
    for key, expected in ((Qt.Key.Key_1, SensoryGrade.ALTERED), (Qt.Key.Key_0, SensoryGrade.ABSENT),
                          (Qt.Key.Key_N, SensoryGrade.NT), (Qt.Key.Key_Delete, None)):
        with qtbot.waitSignal(widget.value_chosen) as signal:  # type: ignore[attr-defined]
            qtbot.keyClick(widget, key)  # type: ignore[attr-defined]
        assert signal.args == [Side.RIGHT, Dermatome.L2, expected]


def test_the_click_cycle_visits_every_value_and_returns() -> None:
    seen, value = [], SensoryGrade.NORMAL
    for _ in range(5):
        value = next_value(value)
        seen.append(value)
    assert seen[-1] is SensoryGrade.NORMAL and None in seen and SensoryGrade.NT in seen


def test_the_map_scales_without_distortion(widget: DermatomeMapWidget) -> None:
    widget.resize(2000, 780)
    assert widget.region_at(widget.widget_point(Side.LEFT, Dermatome.L4)) == (Side.LEFT,
                                                                            Dermatome.L4)
    assert widget.sheet_point(QPointF(0, 0)).x() < 0, "wide widgets centre the drawing"


def _text_sizes(page: Any, stream: Any, matrix: tuple[float, ...], sizes: list[tuple[float, int]]
                ) -> None:
    """Every text shown in a content stream and the forms it draws, as (printed size in points,
    number of characters): the font size times the scale of the text and graphics matrices,
    following ``cm``, ``q``/``Q``, text matrices and each form's own /Matrix."""
    def times(a: tuple[float, ...], b: tuple[float, ...]) -> tuple[float, ...]:
        return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
                a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
                a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])

    ctm, stack, text_matrix, font_size = matrix, [], (1.0, 0, 0, 1.0, 0, 0), 0.0
    resources = stream.get("/Resources") if hasattr(stream, "get") else None
    xobjects = (resources or page["/Resources"]).get("/XObject", {})
    for operands, operator in ContentStream(stream, page.pdf).operations:
        if operator == b"q":
            stack.append(ctm)
        elif operator == b"Q":
            ctm = stack.pop()
        elif operator == b"cm":
            ctm = times(tuple(float(v) for v in operands), ctm)
        elif operator == b"BT":
            text_matrix = (1.0, 0, 0, 1.0, 0, 0)
        elif operator == b"Tm":
            text_matrix = tuple(float(v) for v in operands)
        elif operator == b"Tf":
            font_size = float(operands[1])
        elif operator in (b"Tj", b"TJ", b"'", b'"'):
            whole = times(text_matrix, ctm)
            scale = (abs(whole[0] * whole[3] - whole[1] * whole[2])) ** 0.5
            shown = operands[-1]
            count = (sum(len(part) for part in shown if isinstance(part, (str, bytes)))
                     if isinstance(shown, list) else len(shown))
            sizes.append((font_size * scale, count))
        elif operator == b"Do":
            form = xobjects[operands[0]].get_object()
            if form.get("/Subtype") == "/Form":
                own = tuple(float(v) for v in form.get("/Matrix", [1, 0, 0, 1, 0, 0]))
                _text_sizes(page, form, times(own, ctm), sizes)


def _overlaps(boxes: list[tuple[str, tuple[float, float, float, float]]]) -> list[str]:
    """The pairs of (text, (left, top, right, bottom)) boxes that overlap."""
    return [f"{a} and {b}" for i, (a, (l1, t1, r1, b1)) in enumerate(boxes)
            for b, (l2, t2, r2, b2) in boxes[i + 1:]
            if l1 < r2 and l2 < r1 and t1 < b2 and t2 < b1]


def test_no_two_labels_of_the_printed_map_overlap() -> None:
    """The chips behind the dermatome labels, at the printed size, as the PDF places them."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from core.dermatome_map import LABEL_SIZE, placed_labels
    from core.reports.fonts import FONT, FONT_BOLD, register_fonts

    register_fonts()
    labels = placed_labels(lambda text, bold: stringWidth(text, FONT_BOLD if bold else FONT,
                                                          LABEL_SIZE))
    assert len(labels) == len(load_geometry().key_points) + len(load_geometry().region_labels)
    assert not _overlaps([(f"{label.text} at {label.left:.0f},{label.middle:.0f}",
                           label.chip(LABEL_SIZE)) for label in labels])


def test_every_label_and_legend_entry_of_the_printed_map_is_at_least_6_points() -> None:
    """Read the sizes back from the clinician report's map pages, as printed."""
    from core.demo import demo_record
    from core.reports.clinician import clinician_report
    from core.settings import Settings

    reader = PdfReader(BytesIO(clinician_report(demo_record(), "post-1", Settings(), deterministic=True)))
    map_pages = [page for page in reader.pages if "ISNCSCI key point" in page.extract_text()]
    assert len(map_pages) == 2  # light touch and pin prick, each before over now
    geometry = load_geometry()
    labels_per_map = len(geometry.key_points) + len(geometry.region_labels)
    for page in map_pages:
        sizes: list[tuple[float, int]] = []
        _text_sizes(page, page.get_contents(), (1.0, 0, 0, 1.0, 0, 0), sizes)
        assert len(sizes) >= 2 * labels_per_map + len(VALUE_STYLES)
        smallest = min(size for size, _ in sizes)
        assert smallest >= 6.0, f"a text of {smallest:.1f} pt on the map page"
