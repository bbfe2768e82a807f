"""The Qt binding the app runs on: faults of the binding itself that would end a session."""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter, QPainterPath, QPolygonF


def test_qt_calls_that_return_nothing_keep_none_alive(qtbot: object) -> None:
    """PySide6 6.12.0 drops a reference to None on every call that returns nothing; on Python
    3.11 the app then aborts with "none_dealloc" after a few thousand paint calls (one session
    of drawing the body chart). pyproject.toml keeps that release out; this guards the pin."""
    image = QImage(50, 50, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    path = QPainterPath()
    polygon = QPolygonF([QPointF(0, 0), QPointF(10, 10), QPointF(20, 0)])
    before = sys.getrefcount(None)
    for _ in range(500):
        painter.drawPolyline(polygon)
        path.lineTo(1.0, 2.0)
    painter.end()
    assert sys.getrefcount(None) - before > -100
