"""The dermatome map widget: the geometry of core.dermatome_map, drawn with QPainter.

It shows values and reports clicks and keys as signals; it decides nothing clinical. Clicking a
region cycles its value (normal, altered, absent, not testable, not examined); Tab moves between
dermatomes; 0, 1, 2 set a value, N marks not testable, Space cycles, Delete clears.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from core.dermatome_map import (
    CHANGED_COLOUR,
    OUTLINE_COLOUR,
    Values,
    dermatome_tooltip,
    load_geometry,
    style_of,
)
from core.grades import SensoryGrade
from core.knowledge import Dermatome, Side

CYCLE: list[SensoryGrade | None] = [SensoryGrade.NORMAL, SensoryGrade.ALTERED,
                                    SensoryGrade.ABSENT, SensoryGrade.NT, None]
"""What a click moves through; None is "not examined"."""

_HATCH = {"/": Qt.BrushStyle.BDiagPattern, "x": Qt.BrushStyle.DiagCrossPattern,
          ".": Qt.BrushStyle.Dense6Pattern, "": Qt.BrushStyle.NoBrush}
_KEYS = {Qt.Key.Key_0: SensoryGrade.ABSENT, Qt.Key.Key_1: SensoryGrade.ALTERED,
         Qt.Key.Key_2: SensoryGrade.NORMAL, Qt.Key.Key_N: SensoryGrade.NT}
FOCUS_ORDER: list[tuple[Side, Dermatome]] = [(side, d) for side in (Side.RIGHT, Side.LEFT)
                                             for d in Dermatome]


def next_value(current: SensoryGrade | None) -> SensoryGrade | None:
    """The value a click gives a region showing ``current``."""
    return CYCLE[(CYCLE.index(current) + 1) % len(CYCLE)]


class DermatomeMapWidget(QWidget):
    """A clickable, keyboard-operable dermatome map that scales to any size."""

    value_chosen = Signal(str, str, object)
    """(side, dermatome, value or None): the user asked for a value; the owner applies it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._geometry = load_geometry()
        self._paths = [(region, self._path(region.points)) for region in self._geometry.regions]
        self._outlines = [self._path(points) for points in self._geometry.outlines]
        self._values: Values = {Side.LEFT: {}, Side.RIGHT: {}}
        self._changed: frozenset[tuple[Side, Dermatome]] = frozenset()
        self._focus_index = 0
        self._hover: tuple[Side, Dermatome] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(300, 234)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Dermatome map")
        self._update_accessible_description()

    @staticmethod
    def _path(points: tuple[tuple[float, float], ...]) -> QPainterPath:
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
        path.closeSubpath()
        return path

    # ---------------------------------------------------------------------------------------
    # What is shown
    # ---------------------------------------------------------------------------------------

    def set_values(self, values: Values, changed: frozenset[tuple[Side, Dermatome]] = frozenset()
                   ) -> None:
        """Show these values; regions in ``changed`` are outlined as changed since baseline."""
        self._values = {side: dict(values.get(side, {})) for side in Side}
        self._changed = changed
        self._update_accessible_description()
        self.update()

    def value(self, side: Side, dermatome: Dermatome) -> SensoryGrade | None:
        """The value shown for a dermatome."""
        return self._values.get(side, {}).get(dermatome)

    @property
    def focused(self) -> tuple[Side, Dermatome]:
        """The dermatome the keyboard acts on."""
        return FOCUS_ORDER[self._focus_index]

    def _update_accessible_description(self) -> None:
        side, dermatome = self.focused
        self.setAccessibleDescription(dermatome_tooltip(side, dermatome,
                                                        self.value(side, dermatome)))

    # ---------------------------------------------------------------------------------------
    # Geometry between the sheet and the widget
    # ---------------------------------------------------------------------------------------

    def _transform(self) -> QTransform:
        """Sheet to widget: uniform scale, centred, so the drawing never distorts."""
        width, height = self._geometry.width, self._geometry.height
        scale = min(self.width() / width, self.height() / height)
        dx = (self.width() - width * scale) / 2
        dy = (self.height() - height * scale) / 2
        return QTransform(scale, 0, 0, scale, dx, dy)

    def sheet_point(self, point: QPointF) -> QPointF:
        """A widget position in sheet units."""
        inverse, _ = self._transform().inverted()
        return inverse.map(point)

    def widget_point(self, side: Side, dermatome: Dermatome) -> QPointF:
        """Where a dermatome's key point is drawn in the widget (used by tests and tooltips)."""
        key = self._geometry.key_point(side, dermatome)
        return self._transform().map(QPointF(key.x, key.y))

    def region_at(self, point: QPointF) -> tuple[Side, Dermatome] | None:
        """The dermatome under a widget position."""
        sheet = self.sheet_point(point)
        region = self._geometry.region_at(sheet.x(), sheet.y())
        return None if region is None else (region.side, region.dermatome)

    # ---------------------------------------------------------------------------------------
    # Painting
    # ---------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        painter.setTransform(self._transform())
        outline = QColor(OUTLINE_COLOUR)
        for path in self._outlines:
            painter.setPen(QPen(outline, 1.6))
            painter.setBrush(QColor("#F7F7F7"))
            painter.drawPath(path)
        focused = self.focused if self.hasFocus() else None
        for region, path in self._paths:
            key = (region.side, region.dermatome)
            style = style_of(self._values, region.side, region.dermatome)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.fill))
            painter.drawPath(path)
            if style.hatch:
                painter.setBrush(QBrush(QColor("#000000"), _HATCH[style.hatch]))
                painter.drawPath(path)
            highlighted = key == self._hover or key == focused
            width = 2.6 if key in self._changed or highlighted else 0.6
            colour = QColor("#0B62A4") if highlighted else (
                QColor(CHANGED_COLOUR) if key in self._changed else outline)
            painter.setPen(QPen(colour, width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        self._paint_labels(painter)

    def _paint_labels(self, painter: QPainter) -> None:
        font = painter.font()
        font.setPointSizeF(10)
        font.setBold(True)
        painter.setFont(font)
        chip = QColor(255, 255, 255, 215)
        for point in self._geometry.key_points:
            label = point.dermatome.value
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(chip)
            painter.drawRoundedRect(QRectF(point.x + 4, point.y - 6, 6.6 * len(label) + 3, 12), 2, 2)
            painter.setPen(QPen(QColor("#FFFFFF"), 0.8))
            painter.setBrush(QColor("#000000"))
            painter.drawEllipse(QPointF(point.x, point.y), 3.2, 3.2)
            painter.setPen(QColor("#000000"))
            painter.drawText(QPointF(point.x + 5.5, point.y + 4), label)
        font.setPointSizeF(13)
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(QColor(OUTLINE_COLOUR))
        for text, x, y in self._geometry.labels + self._geometry.side_marks:
            rect = QRectF(x - 120, y - 16, 240, 20)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    # ---------------------------------------------------------------------------------------
    # Mouse and keyboard
    # ---------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        hit = self.region_at(event.position())
        if hit is None or event.button() is not Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self._focus_index = FOCUS_ORDER.index(hit)
        side, dermatome = hit
        self.value_chosen.emit(side.value, dermatome.value, next_value(self.value(side, dermatome)))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        hit = self.region_at(event.position())
        if hit != self._hover:
            self._hover = hit
            self.update()
        if hit is not None:
            QToolTip.showText(event.globalPosition().toPoint(),
                              dermatome_tooltip(hit[0], hit[1], self.value(*hit)), self)
        else:
            QToolTip.hideText()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = Qt.Key(event.key())
        side, dermatome = self.focused
        if key in _KEYS:
            self.value_chosen.emit(side.value, dermatome.value, _KEYS[key])
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.value_chosen.emit(side.value, dermatome.value, None)
        elif key == Qt.Key.Key_Space:
            self.value_chosen.emit(side.value, dermatome.value, next_value(self.value(side,
                                                                                      dermatome)))
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self._move_focus(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self._move_focus(-1)
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 (Qt override)
        """Tab walks through the dermatomes before leaving the map."""
        step = 1 if forward else -1
        if 0 <= self._focus_index + step < len(FOCUS_ORDER):
            self._move_focus(step)
            return True
        return super().focusNextPrevChild(forward)

    def _move_focus(self, step: int) -> None:
        self._focus_index = (self._focus_index + step) % len(FOCUS_ORDER)
        self._update_accessible_description()
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        self.update()
        super().focusOutEvent(event)
