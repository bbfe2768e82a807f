"""The dermatome map: geometry, hit-testing, the PDF drawing, and the widget's signals."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from io import BytesIO
from pathlib import Path

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
    assert signal.args == ["left", "L5", SensoryGrade.ALTERED]


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
        assert signal.args == ["right", "L2", expected]


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
