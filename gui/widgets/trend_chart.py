"""A line chart of the key muscles across a patient's signed exams (QPainter, no chart module).

What is drawn is chosen by core.trends (the same series the clinician report draws); this widget
only lays it out: dates on the x-axis, the operations marked with the days since them under each
exam, several exams on one day side by side, and an empty state in words.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from gui.palette import secondary_text
from gui.translation import core_words, date_text

if TYPE_CHECKING:
    from core.record import PatientRecord
    from core.trends import KeyMuscleTrend

DASHES = [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
          Qt.PenStyle.DashDotLine]
CHART_PAPER = "#FFFFFF"
CHART_INK = "#1F2A36"
"""Text and marks inside the white plot area."""
GRID_COLOUR = "#C7D0D9"
SAME_DAY_STEP = 14.0
"""Pixels between exams of one day, so a day with two exams draws a slope, not a vertical line."""


class TrendChart(QWidget):
    """MRC grade (0-5) of every key muscle that was ever weak, by the date of each signed exam."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from core.trends import KeyMuscleTrend

        self.trend: KeyMuscleTrend = KeyMuscleTrend(None, ())
        self.setMinimumHeight(190)
        self.setAccessibleName(self.tr("Trend of key muscles"))

    @property
    def series(self) -> tuple[object, ...]:
        """The lines drawn."""
        return self.trend.series

    def set_record(self, record: PatientRecord) -> None:
        """Take the signed exams' series from core."""
        from dataclasses import replace

        from core.trends import key_muscle_trend  # not before first paint

        words = core_words()
        trend = key_muscle_trend(record, signed_only=True)
        self.trend = replace(trend, series=tuple(replace(s, label=s.label_in(words))
                                                 for s in trend.series))
        self.setAccessibleDescription(self.empty_text() or "; ".join(
            f"{s.label}: {', '.join(str(grade) for _, grade in s.points)}"
            for s in self.trend.series))
        self.update()

    def empty_text(self) -> str:
        """What the chart says instead of lines, or "" when it draws some."""
        if not self.trend.exam_dates:
            return self.tr("No signed exam yet: the trend shows the key muscles of signed exams.")
        if not self.trend.series:
            count = len(self.trend.exam_dates)
            if count == 1:
                return self.tr("Every key muscle was graded 5 in the signed exam.")
            return self.tr("Every key muscle was graded 5 in the %1 signed exams.").replace(
                "%1", str(count))
        return ""

    def _x_positions(self, plot: QRectF) -> list[float]:
        """The x of every exam drawn, in order: by date, exams of one day a step apart."""
        dates = self.trend.exam_dates
        first, last = dates[0], dates[-1]
        span = max((last - first).days, 1)
        width = plot.width() - SAME_DAY_STEP * (max(dates.count(d) for d in dates) - 1)
        xs, seen = [], {}  # type: ignore[var-annotated]
        for date in dates:
            index = seen.get(date, 0)
            seen[date] = index + 1
            xs.append(plot.left() + width * (date - first).days / span + index * SAME_DAY_STEP)
        return xs

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        from core.trends import PALETTE

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.Text)
        muted = QColor(secondary_text(self.palette()))
        metrics = self.fontMetrics()
        line = metrics.height()
        legend_width = max([metrics.horizontalAdvance(s.label) for s in self.trend.series] + [0])
        plot = QRectF(40, line * 1.6, max(80.0, self.width() - 40 - legend_width - 90),
                      self.height() - line * 5.4)
        painter.setPen(text)
        painter.drawText(QPointF(4, line * 0.8), self.tr("MRC"))
        # the plot is white paper in every theme, so the series keep their contrast (PALETTE)
        painter.fillRect(plot, QColor(CHART_PAPER))
        for grade in range(6):
            y = plot.bottom() - plot.height() * grade / 5
            painter.setPen(text)
            painter.drawText(QPointF(plot.left() - 18, y + line * 0.3), str(grade))
            painter.setPen(QPen(QColor(GRID_COLOUR), 0.5))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        empty = self.empty_text()
        if empty:
            painter.setPen(QColor(CHART_INK))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, empty)
            return
        xs = self._x_positions(plot)
        self._paint_axis(painter, plot, xs, text, muted)
        by_date = dict(zip(range(len(xs)), self.trend.exam_dates, strict=True))
        first = self.trend.first_exam or dt.date.today()
        for index, series in enumerate(self.trend.series[:len(PALETTE)]):
            pen = QPen(QColor(PALETTE[index]), 2, DASHES[index % len(DASHES)])
            painter.setPen(pen)
            mapped = self._series_points(series.points, xs, by_date, first, plot)
            painter.drawPolyline(mapped)
            for point in mapped:
                painter.drawEllipse(point, 3, 3)
            legend_y = plot.top() + index * line * 1.2
            painter.drawLine(QPointF(plot.right() + 20, legend_y),
                             QPointF(plot.right() + 44, legend_y))
            painter.setPen(text)
            painter.drawText(QPointF(plot.right() + 50, legend_y + line * 0.3), series.label)

    @staticmethod
    def _series_points(points: tuple[tuple[int, int], ...], xs: list[float],
                       by_date: dict[int, dt.date], first: dt.date, plot: QRectF) -> list[QPointF]:
        """Each (day, grade) at the x of its exam: the n-th point of a day at that day's n-th
        exam (a muscle not graded in one exam of a day keeps the order of the others)."""
        taken: set[int] = set()
        mapped = []
        for day, grade in points:
            date = first + dt.timedelta(days=day)
            slot = next(i for i, d in by_date.items() if d == date and i not in taken)
            taken.add(slot)
            mapped.append(QPointF(xs[slot], plot.bottom() - plot.height() * grade / 5))
        return mapped

    def _paint_axis(self, painter: QPainter, plot: QRectF, xs: list[float], text: QColor,
                    muted: QColor) -> None:
        """A date under each exam day, the days since the latest earlier operation under it, and
        each operation as a dashed line."""
        line = self.fontMetrics().height()
        dates = self.trend.exam_dates
        first, last = dates[0], dates[-1]
        span = max((last - first).days, 1)
        width = plot.width() - SAME_DAY_STEP * (max(dates.count(d) for d in dates) - 1)
        labelled_right = -1e9
        for x, date in zip(xs, dates, strict=True):
            if x - labelled_right < self.fontMetrics().horizontalAdvance(date_text(dates[-1])) + 8:
                continue
            labelled_right = x
            painter.setPen(text)
            painter.drawText(QPointF(x - 30, plot.bottom() + line * 1.2), date_text(date))
            since = [op for op in self.trend.operations if op <= date]
            if since:
                painter.setPen(muted)
                painter.drawText(QPointF(x - 30, plot.bottom() + line * 2.3),
                                 self.tr("day %1").replace("%1", str((date - since[-1]).days)))
        for operation in self.trend.operations:
            if not first <= operation <= last:
                continue
            x = plot.left() + width * (operation - first).days / span
            painter.setPen(QPen(QColor(CHART_INK), 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(QColor(CHART_INK))
            painter.drawText(QPointF(x + 3, plot.top() + line * 0.9), self.tr("operation"))
        painter.setPen(muted)
        painter.drawText(QPointF(plot.left(), plot.bottom() + line * 3.4),
                         self.tr("date of the signed exam; day: days since the operation"))
