"""A small line chart of the key muscles across a patient's exams (QPainter, no chart module)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from gui.translation import core_words

if TYPE_CHECKING:
    from core.record import PatientRecord
    from core.trends import Series

DASHES = [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
          Qt.PenStyle.DashDotLine]


class TrendChart(QWidget):
    """MRC grade (0-5) of every key muscle that was ever weak, by days since the first exam."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: tuple[Series, ...] = ()
        self.setMinimumHeight(170)
        self.setAccessibleName(self.tr("Trend of key muscles"))

    def set_record(self, record: PatientRecord) -> None:
        """Take the series to draw from core (the same the clinician report draws)."""
        from core.trends import key_muscle_trend  # not before first paint

        words = core_words()
        self.series = tuple(replace(s, label=s.label_in(words))
                            for s in key_muscle_trend(record).series)
        self.setAccessibleDescription("; ".join(
            f"{s.label}: {', '.join(str(grade) for _, grade in s.points)}" for s in self.series)
            or self.tr("all key muscles normal"))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        from core.trends import PALETTE

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = QRectF(36, 10, self.width() * 0.62, self.height() - 34)
        painter.setPen(QColor("#5B6B7A"))
        for grade in range(6):
            y = plot.bottom() - plot.height() * grade / 5
            painter.drawText(QPointF(plot.left() - 16, y + 4), str(grade))
            painter.setPen(QPen(QColor("#E1E6EB"), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#5B6B7A"))
        if not self.series:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter,
                             self.tr("All key muscles graded 5"))
            return
        last_day = max(max(day for day, _ in s.points) for s in self.series) or 1
        painter.drawText(QPointF(plot.left(), plot.bottom() + 18),
                         self.tr("days since the first exam: 0"))
        painter.drawText(QPointF(plot.right() - 30, plot.bottom() + 18), str(last_day))
        for index, series in enumerate(self.series[:len(PALETTE)]):
            pen = QPen(QColor(PALETTE[index]), 2, DASHES[index % len(DASHES)])
            painter.setPen(pen)
            mapped = [QPointF(plot.left() + plot.width() * day / last_day,
                              plot.bottom() - plot.height() * grade / 5)
                      for day, grade in series.points]
            for a, b in zip(mapped, mapped[1:], strict=False):
                painter.drawLine(a, b)
            for point in mapped:
                painter.drawEllipse(point, 3, 3)
            legend_y = 16 + index * 18
            painter.drawLine(QPointF(plot.right() + 20, legend_y),
                             QPointF(plot.right() + 44, legend_y))
            painter.setPen(QColor("#1F2A36"))
            painter.drawText(QPointF(plot.right() + 50, legend_y + 4), series.label)
