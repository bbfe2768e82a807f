"""A line chart of grades over time for the clinician report, drawn straight on the PDF canvas.

reportlab's chart widgets build and validate a tree of graphics nodes and then render it, which
took a quarter of the report's time for a chart of eight short lines. This flowable draws the
same chart (axes, grid, one line per series with its own colour, marker and dash, a legend) with
a handful of canvas calls.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from core.reports.fonts import FONT, register_fonts
from core.reports.layout import INK, MUTED, RULE
from core.trends import PALETTE, Series

MARKERS = ("circle", "square", "diamond", "triangle")
"""Filled for the first four series, hollow for the next four; every other line is dashed."""
MAX_SERIES = len(PALETTE)

FONT_SIZE = 7.0
LEFT, BOTTOM, TOP = 36.0, 24.0, 16.0
"""Room for the value labels, the day labels and the axis title."""


def nice_step(span: float, most_ticks: int) -> float:
    """The smallest of 1, 2 or 5 times a power of ten that needs at most ``most_ticks`` steps."""
    if span <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(span / most_ticks))
    return next(power * m for m in (1, 2, 5, 10) if span / (power * m) <= most_ticks)


class TrendChart(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Up to eight series over a shared x axis from 0, y from 0 to ``y_max``, legend at right;
    ``day_lines`` are labelled dashed vertical lines at days on the x axis (the operation)."""

    def __init__(self, series: Sequence[Series], width: float, height: float, y_max: float,
                 x_title: str, y_title: str, day_lines: Sequence[tuple[float, str]] = ()) -> None:
        super().__init__()
        register_fonts()
        self.series = tuple(series[:MAX_SERIES])
        self.day_lines = tuple(day_lines)
        self.width, self.height = width, height
        self.y_max, self.x_title, self.y_title = y_max, x_title, y_title
        self.plot_width = width * 0.62
        self.plot_height = height - BOTTOM - TOP
        largest_x = max([x for s in self.series for x, _ in s.points]
                        + [day for day, _ in self.day_lines], default=0.0)
        self.x_step = nice_step(largest_x, 8)
        self.x_max = max(self.x_step, math.ceil(largest_x / self.x_step) * self.x_step)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """The chart's fixed size."""
        return self.width, self.height

    def _at(self, x: float, y: float) -> tuple[float, float]:
        """Data units to points on the flowable."""
        return (LEFT + x / self.x_max * self.plot_width,
                BOTTOM + y / self.y_max * self.plot_height)

    def draw(self) -> None:
        """Grid and axes, the lines with their markers, then the legend."""
        canvas: Canvas = self.canv
        canvas.saveState()
        self._draw_axes(canvas)
        self._draw_day_lines(canvas)
        for index, series in enumerate(self.series):
            self._draw_series(canvas, index, series)
        self._draw_legend(canvas)
        canvas.restoreState()

    def _draw_axes(self, canvas: Canvas) -> None:
        canvas.setFont(FONT, FONT_SIZE)
        canvas.setFillColor(MUTED)
        canvas.setLineWidth(0.4)
        canvas.setStrokeColor(RULE)
        for grade in range(int(self.y_max) + 1):
            _, y = self._at(0, grade)
            if grade:
                canvas.line(LEFT, y, LEFT + self.plot_width, y)
            canvas.drawRightString(LEFT - 4, y - FONT_SIZE / 3, str(grade))
        ticks = int(round(self.x_max / self.x_step))
        canvas.setStrokeColor(INK)
        for tick in range(ticks + 1):
            x, _ = self._at(tick * self.x_step, 0)
            canvas.line(x, BOTTOM, x, BOTTOM - 3)
            canvas.drawCentredString(x, BOTTOM - 3 - FONT_SIZE, f"{tick * self.x_step:g}")
        canvas.setLineWidth(0.8)
        canvas.line(LEFT, BOTTOM, LEFT + self.plot_width, BOTTOM)
        canvas.line(LEFT, BOTTOM, LEFT, BOTTOM + self.plot_height)
        canvas.drawCentredString(LEFT + self.plot_width / 2, 2, self.x_title)
        canvas.drawString(2, BOTTOM + self.plot_height + 8, self.y_title)

    def _draw_day_lines(self, canvas: Canvas) -> None:
        """A thin dashed line from the axis to the top at each marked day, its label beside it."""
        canvas.setStrokeColor(MUTED)
        canvas.setFillColor(MUTED)
        canvas.setLineWidth(0.6)
        canvas.setDash([2, 2])
        canvas.setFont(FONT, FONT_SIZE)
        for day, label in self.day_lines:
            x, bottom = self._at(day, 0)
            top = BOTTOM + self.plot_height
            canvas.line(x, bottom, x, top)
            canvas.drawString(x + 2, top - FONT_SIZE, label)
        canvas.setDash([])

    def _style(self, canvas: Canvas, index: int) -> None:
        colour = colors.HexColor(PALETTE[index])
        canvas.setStrokeColor(colour)
        canvas.setFillColor(colour if index < len(MARKERS) else colors.white)
        canvas.setLineWidth(1.4)
        canvas.setDash([3, 2] if index % 2 else [])

    def _draw_series(self, canvas: Canvas, index: int, series: Series) -> None:
        if not series.points:
            return
        self._style(canvas, index)
        points = [self._at(x, y) for x, y in series.points]
        line = canvas.beginPath()
        line.moveTo(*points[0])
        for point in points[1:]:
            line.lineTo(*point)
        canvas.drawPath(line, stroke=1, fill=0)
        self._draw_markers(canvas, index, points)

    def _draw_markers(self, canvas: Canvas, index: int, points: Sequence[tuple[float, float]],
                      size: float = 5.0) -> None:
        canvas.setDash([])
        canvas.setLineWidth(1.0)
        half = size / 2
        shape = MARKERS[index % len(MARKERS)]
        path = canvas.beginPath()
        for x, y in points:
            if shape == "circle":
                path.circle(x, y, half)
            elif shape == "square":
                path.rect(x - half, y - half, size, size)
            else:
                corners = ([(x, y + half), (x + half, y), (x, y - half), (x - half, y)]
                           if shape == "diamond" else
                           [(x, y + half), (x + half, y - half), (x - half, y - half)])
                path.moveTo(*corners[0])
                for corner in corners[1:]:
                    path.lineTo(*corner)
                path.close()
        canvas.drawPath(path, stroke=1, fill=1)

    def _draw_legend(self, canvas: Canvas) -> None:
        left = LEFT + self.plot_width + 20
        for index, series in enumerate(self.series):
            y = self.height - 6 - index * 12
            self._style(canvas, index)
            canvas.line(left, y, left + 18, y)
            self._draw_markers(canvas, index, [(left + 9, y)], size=4.5)
            canvas.setFillColor(INK)
            canvas.setFont(FONT, FONT_SIZE)
            canvas.drawString(left + 24, y - FONT_SIZE / 3, series.label)
