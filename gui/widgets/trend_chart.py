"""A small line chart of the key muscles across a patient's exams (QPainter, no chart module)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from core.record import PatientRecord

PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
DASHES = [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
          Qt.PenStyle.DashDotLine]


class TrendChart(QWidget):
    """MRC grade (0-5) of every key muscle that was ever weak, by days since the first exam."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: list[tuple[str, list[tuple[int, int]]]] = []
        self.setMinimumHeight(170)
        self.setAccessibleName("Trend of key muscles")

    def set_record(self, record: PatientRecord) -> None:
        """Collect the series to draw."""
        from core.knowledge import LEMS_KEY_MUSCLES, MOTOR_ITEMS, Side  # not before first paint

        exams = record.exams_by_date()
        first = exams[0].date if exams else None
        self.series = []
        for side in (Side.RIGHT, Side.LEFT):
            for muscle in LEMS_KEY_MUSCLES:
                points = [((e.date - first).days, g.mrc) for e in exams if first is not None
                          and (g := e.motor_grade(side, muscle)) is not None and g.testable]
                if any(grade < 5 for _, grade in points):
                    self.series.append((f"{side.value} {MOTOR_ITEMS[muscle].movement}", points))
        self.setAccessibleDescription("; ".join(
            f"{name}: {', '.join(str(g) for _, g in pts)}" for name, pts in self.series)
            or "all key muscles normal")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
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
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "All key muscles graded 5")
            return
        last_day = max(max(d for d, _ in pts) for _, pts in self.series) or 1
        painter.drawText(QPointF(plot.left(), plot.bottom() + 18), "days since the first exam: 0")
        painter.drawText(QPointF(plot.right() - 30, plot.bottom() + 18), str(last_day))
        for index, (name, points) in enumerate(self.series[:6]):
            pen = QPen(QColor(PALETTE[index]), 2, DASHES[index % len(DASHES)])
            painter.setPen(pen)
            mapped = [QPointF(plot.left() + plot.width() * day / last_day,
                              plot.bottom() - plot.height() * grade / 5) for day, grade in points]
            for a, b in zip(mapped, mapped[1:], strict=False):
                painter.drawLine(a, b)
            for point in mapped:
                painter.drawEllipse(point, 3, 3)
            legend_y = 16 + index * 18
            painter.drawLine(QPointF(plot.right() + 20, legend_y),
                             QPointF(plot.right() + 44, legend_y))
            painter.setPen(QColor("#1F2A36"))
            painter.drawText(QPointF(plot.right() + 50, legend_y + 4), name)
