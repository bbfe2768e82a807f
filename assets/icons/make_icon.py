"""Draw the application icon (`python assets/icons/make_icon.py`): PNG for Linux and the window,
ICO for Windows. The project's own artwork: a leg's outline with one dermatome band and a key
point, on the product's teal."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen  # noqa: E402

HERE = Path(__file__).parent
TEAL, BAND, INK = QColor("#0F6E74"), QColor("#F2B134"), QColor("#FFFFFF")


def leg_path(size: float) -> QPainterPath:
    """A stylised right leg seen from the front, thigh to foot."""
    s = size / 256
    path = QPainterPath(QPointF(92 * s, 36 * s))
    path.cubicTo(QPointF(150 * s, 30 * s), QPointF(168 * s, 40 * s), QPointF(160 * s, 90 * s))
    path.cubicTo(QPointF(152 * s, 130 * s), QPointF(150 * s, 150 * s), QPointF(148 * s, 190 * s))
    path.cubicTo(QPointF(150 * s, 205 * s), QPointF(190 * s, 205 * s), QPointF(200 * s, 214 * s))
    path.cubicTo(QPointF(204 * s, 224 * s), QPointF(160 * s, 226 * s), QPointF(118 * s, 222 * s))
    path.cubicTo(QPointF(112 * s, 200 * s), QPointF(116 * s, 160 * s), QPointF(108 * s, 130 * s))
    path.cubicTo(QPointF(98 * s, 100 * s), QPointF(84 * s, 70 * s), QPointF(92 * s, 36 * s))
    return path


def draw(size: int) -> QImage:
    """The icon at ``size`` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(TEAL)
    painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.2, size * 0.2)
    leg = leg_path(size)
    painter.setBrush(INK)
    painter.drawPath(leg)
    painter.setClipPath(leg)
    painter.setBrush(BAND)
    band = QPainterPath(QPointF(0, size * 0.52))
    band.lineTo(size, size * 0.40)
    band.lineTo(size, size * 0.58)
    band.lineTo(0, size * 0.70)
    painter.drawPath(band)
    painter.setClipping(False)
    painter.setPen(QPen(TEAL, max(1.0, size / 64)))
    painter.setBrush(TEAL)
    painter.drawEllipse(QPointF(size * 0.52, size * 0.58), size * 0.035, size * 0.035)
    painter.end()
    return image


def main() -> None:
    """Write neuroexam.png (256 px) and neuroexam.ico (48 px; Windows scales it)."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert app is not None
    draw(256).save(str(HERE / "neuroexam.png"))
    draw(64).save(str(HERE / "neuroexam.ico"))
    print("wrote", HERE / "neuroexam.png", "and", HERE / "neuroexam.ico")


if __name__ == "__main__":
    main()
