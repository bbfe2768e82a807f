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
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QBoxLayout, QSizePolicy, QToolTip, QWidget

from core.dermatome_map import (
    CHANGED_COLOUR,
    KEY_POINT_LABEL,
    LABEL_SIZE,
    LARGEST_LABEL_SIZE,
    OUTLINE_COLOUR,
    SILHOUETTE_FILL,
    UNMAPPED_LABEL,
    VALUE_STYLES,
    Values,
    ValueStyle,
    dermatome_tooltip,
    load_geometry,
    placed_labels,
    style_of,
)
from core.grades import SensoryGrade
from core.knowledge import Dermatome, Side
from gui.translation import core_words

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

    value_chosen = Signal(object, object, object)
    """(Side, Dermatome, SensoryGrade or None): the user asked for a value; the owner applies it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._geometry = load_geometry()
        self._paths = [(region, self._path(region.points)) for region in self._geometry.regions]
        self._borders = [self._borders_path(region.borders) for region in self._geometry.regions]
        self._outlines = [self._path(points) for points in self._geometry.outlines]
        self._details = [self._line(d.points, d.closed) for d in self._geometry.details]
        self._caption = ""
        self._values: Values = {Side.LEFT: {}, Side.RIGHT: {}}
        self._changed: frozenset[tuple[Side, Dermatome]] = frozenset()
        self._focus_index = 0
        self._hover: tuple[Side, Dermatome] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(300, 234)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Dermatome map"))
        self._update_accessible_description()

    @staticmethod
    def _path(points: tuple[tuple[float, float], ...]) -> QPainterPath:
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
        path.closeSubpath()
        return path

    @classmethod
    def _borders_path(cls, borders: tuple[tuple[tuple[float, float], ...], ...]) -> QPainterPath:
        path = QPainterPath()
        for run in borders:
            path.addPath(cls._line(run, False))
        return path

    @staticmethod
    def _line(points: tuple[tuple[float, float], ...], closed: bool) -> QPainterPath:
        path = QPainterPath(QPointF(*points[0]))
        for x, y in points[1:]:
            path.lineTo(x, y)
        if closed:
            path.closeSubpath()
        return path

    # ---------------------------------------------------------------------------------------
    # What is shown
    # ---------------------------------------------------------------------------------------

    def set_caption(self, caption: str) -> None:
        """A title over the map, e.g. "Before surgery, 2026-03-02" (none when empty)."""
        self._caption = caption
        self.setAccessibleName(self.tr("Dermatome map: {caption}").format(caption=caption)
                               if caption else self.tr("Dermatome map"))
        self.update()

    @property
    def caption(self) -> str:
        """The title shown over the map."""
        return self._caption

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
                                                        self.value(side, dermatome),
                                                        core_words()))

    # ---------------------------------------------------------------------------------------
    # Geometry between the sheet and the widget
    # ---------------------------------------------------------------------------------------

    def _colour(self, role: QPalette.ColorRole) -> QColor:
        """The palette's active colour: a map shown for reference (disabled, as it takes no
        input) stays as readable as the one being edited."""
        return self.palette().color(QPalette.ColorGroup.Active, role)

    def _caption_height(self) -> float:
        return self.fontMetrics().height() * 1.8 if self._caption else 0.0

    def _legend_rows(self) -> list[list[tuple[str, ValueStyle | None, str]]]:
        """The legend's entries laid out in rows that fit the widget's width."""
        words = core_words()
        entries: list[tuple[str, ValueStyle | None, str]] = [
            (words(style.label), style, style.fill) for style in VALUE_STYLES.values()]
        entries += [(words(UNMAPPED_LABEL), None, SILHOUETTE_FILL),
                    (words(KEY_POINT_LABEL), None, "")]
        metrics = self.fontMetrics()
        rows: list[list[tuple[str, ValueStyle | None, str]]] = [[]]
        used = 0.0
        for entry in entries:
            width = metrics.horizontalAdvance(entry[0]) + metrics.height() * 2.6
            if rows[-1] and used + width > self.width():
                rows.append([])
                used = 0.0
            rows[-1].append(entry)
            used += width
        return rows

    def _legend_height(self) -> float:
        return len(self._legend_rows()) * self.fontMetrics().height() * 1.5 + 4

    def _transform(self) -> QTransform:
        """Sheet to widget: uniform scale, centred between caption and legend, so the drawing
        never distorts and fills the widget."""
        width, height = self._geometry.width, self._geometry.height
        top = self._caption_height()
        room = max(1.0, self.height() - top - self._legend_height())
        scale = min(self.width() / width, room / height)
        dx = (self.width() - width * scale) / 2
        dy = top + (room - height * scale) / 2
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
        painter.fillRect(self.rect(), self._colour(QPalette.ColorRole.Base))
        self._paint_caption(painter)
        self._paint_legend(painter)
        painter.setTransform(self._transform())
        outline = QColor(OUTLINE_COLOUR)
        for path in self._outlines:
            painter.setPen(QPen(outline, 1.6))
            painter.setBrush(QColor(SILHOUETTE_FILL))
            painter.drawPath(path)
        focused = self.focused if self.hasFocus() else None
        for region, path in self._paths:
            _fill(painter, path, style_of(self._values, region.side, region.dermatome))
        for (region, _), path in zip(self._paths, self._borders, strict=True):
            key = (region.side, region.dermatome)
            highlighted = key == self._hover or key == focused
            width = 2.6 if key in self._changed or highlighted else 0.6
            colour = QColor("#0B62A4") if highlighted else (
                QColor(CHANGED_COLOUR) if key in self._changed else outline)
            painter.setPen(QPen(colour, width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        painter.setPen(QPen(outline, 1.0))
        for path in self._details:
            painter.drawPath(path)
        if focused is not None:  # the focused regions again, so neighbours never hide the ring
            pen = QPen(QColor("#0B62A4"), 3.2)
            painter.setPen(pen)
            for (region, _), path in zip(self._paths, self._borders, strict=True):
                if (region.side, region.dermatome) == focused:
                    painter.drawPath(path)
        self._paint_labels(painter)

    def label_size(self) -> float:
        """The dermatome labels' text size in sheet units: the drawing's own, larger on a small
        map (8 points on screen), but never so large that labels run into each other."""
        scale = self._transform().m11()
        wanted = 8 * self.logicalDpiY() / 72 / max(scale, 1e-6)
        return min(LARGEST_LABEL_SIZE, max(LABEL_SIZE, wanted))

    def _fonts(self, size: float) -> tuple[QFont, QFont, QFont]:
        """The fonts of the region labels, the key-point labels, and the titles and side marks,
        at a label size in sheet units."""
        plain = QFont(self.font())
        plain.setPixelSize(max(1, round(size)))
        bold = QFont(plain)
        bold.setBold(True)
        title = QFont(bold)
        title.setPixelSize(max(1, round(size * 1.15)))
        return plain, bold, title

    def placed_texts(self) -> list[tuple[str, QRectF, bool]]:
        """Every text the drawing writes, in sheet units, as it is painted: the dermatome labels
        on their chips (True), the titles and side marks (False) with the box their letters
        take. Tests check that no two of them overlap."""
        plain, bold, title = self._fonts(self.label_size())
        metrics = {False: QFontMetricsF(plain), True: QFontMetricsF(bold)}
        size = self.label_size()
        texts: list[tuple[str, QRectF, bool]] = []
        for label in placed_labels(lambda text, heavy: metrics[heavy].horizontalAdvance(text)):
            left, top, right, bottom = label.chip(size)
            texts.append((label.text, QRectF(left, top, right - left, bottom - top), True))
        title_metrics = QFontMetricsF(title)
        for text, x, y in self._titles_and_marks():
            box = self._title_box(x, y, size)
            ink = title_metrics.tightBoundingRect(text)
            baseline = box.center().y() - title_metrics.height() / 2 + title_metrics.ascent()
            texts.append((text, QRectF(x - ink.width() / 2, baseline + ink.top(), ink.width(),
                                       ink.height()), False))
        return texts

    def _titles_and_marks(self) -> list[tuple[str, float, float]]:
        """The views' titles and side marks (R, L), in the language shown."""
        words = core_words()
        return ([(words(text), x, y) for text, x, y in self._geometry.labels]
                + [(words.context("mark", text), x, y)
                   for text, x, y in self._geometry.side_marks])

    @staticmethod
    def _title_box(x: float, y: float, size: float) -> QRectF:
        """Where a title or side mark is centred: ``y`` is just under its letters (the box is
        wide enough for any title, so none is cut)."""
        return QRectF(x - 500, y - size * 1.4, 1000, size * 1.6)

    def _paint_labels(self, painter: QPainter) -> None:
        size = self.label_size()
        plain, bold, title = self._fonts(size)
        leaders = [(QPointF(label.x, label.y), QPointF(*label.anchor))
                   for label in self._geometry.region_labels if label.anchor is not None]
        # black on a white halo: a leader runs from the background (dark in a dark theme) onto
        # the skin, and must show on both
        for colour, width, dot in (("#FFFFFF", 2.6, 2.6), ("#000000", 0.8, 1.6)):
            painter.setPen(QPen(QColor(colour), width))
            painter.setBrush(QColor(colour))
            for start, anchor in leaders:
                painter.drawLine(start, anchor)
                painter.drawEllipse(anchor, dot, dot)
        metrics = {False: QFontMetricsF(plain), True: QFontMetricsF(bold)}
        for placed in placed_labels(lambda text, heavy: metrics[heavy].horizontalAdvance(text)):
            left, top, right, bottom = placed.chip(size)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 225))
            painter.drawRoundedRect(QRectF(left, top, right - left, bottom - top), 2, 2)
            painter.setFont(bold if placed.bold else plain)
            painter.setPen(QColor("#000000"))
            painter.drawText(QPointF(placed.left, placed.middle + size * 0.36), placed.text)
        painter.setPen(QPen(QColor("#FFFFFF"), 0.8))
        painter.setBrush(QColor("#000000"))
        for point in self._geometry.key_points:
            painter.drawEllipse(QPointF(point.x, point.y), 3.2, 3.2)
        painter.setFont(title)
        painter.setPen(self._colour(QPalette.ColorRole.Text))
        for text, x, y in self._titles_and_marks():
            painter.drawText(self._title_box(x, y, size), Qt.AlignmentFlag.AlignCenter, text)

    def _paint_caption(self, painter: QPainter) -> None:
        if not self._caption:
            return
        font = self.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        painter.setFont(font)
        painter.setPen(self._colour(QPalette.ColorRole.Text))
        painter.drawText(QRectF(0, 0, self.width(), self._caption_height()),
                         Qt.AlignmentFlag.AlignCenter, self._caption)

    def _paint_legend(self, painter: QPainter) -> None:
        painter.setFont(self.font())
        metrics = self.fontMetrics()
        line = metrics.height() * 1.5
        y = self.height() - self._legend_height() + 2
        text_colour = self._colour(QPalette.ColorRole.Text)
        for row in self._legend_rows():
            x = 4.0
            for text, style, fill in row:
                box = QRectF(x, y + (line - metrics.height()) / 2, metrics.height() * 1.6,
                             metrics.height())
                path = QPainterPath()
                path.addRect(box)
                if style is not None:
                    _fill(painter, path, style)
                elif fill:
                    painter.fillPath(path, QColor(fill))
                else:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(text_colour)
                    painter.drawEllipse(box.center(), 3.2, 3.2)
                if fill:
                    painter.setPen(QPen(QColor(OUTLINE_COLOUR), 1))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRect(box)
                painter.setPen(text_colour)
                painter.drawText(QRectF(box.right() + 6, y, 1000, line),
                                 Qt.AlignmentFlag.AlignVCenter, text)
                x = box.right() + 6 + metrics.horizontalAdvance(text) + metrics.height()
            y += line

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
        self.value_chosen.emit(side, dermatome, next_value(self.value(side, dermatome)))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        hit = self.region_at(event.position())
        if hit != self._hover:
            self._hover = hit
            self.update()
        if hit is not None:
            QToolTip.showText(event.globalPosition().toPoint(),
                              dermatome_tooltip(hit[0], hit[1], self.value(*hit), core_words()),
                              self)
        else:
            QToolTip.hideText()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = Qt.Key(event.key())
        side, dermatome = self.focused
        if key in _KEYS:
            self.value_chosen.emit(side, dermatome, _KEYS[key])
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.value_chosen.emit(side, dermatome, None)
        elif key == Qt.Key.Key_Space:
            self.value_chosen.emit(side, dermatome, next_value(self.value(side,
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


def _fill(painter: QPainter, path: QPainterPath, style: ValueStyle) -> None:
    """Fill a region or a legend swatch with a value's colour and hatching."""
    painter.fillPath(path, QColor(style.fill))
    if style.hatch:
        painter.fillPath(path, QBrush(QColor("#000000"), _HATCH[style.hatch]))


class DermatomeMapPair(QWidget):
    """The map being edited ("now") and, when shown, the reference map ("before") beside or
    under it, whichever arrangement gives both the larger drawing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now = DermatomeMapWidget()
        self.before = DermatomeMapWidget()
        self.before.setEnabled(False)
        self.before.setVisible(False)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.before, 1)
        self._layout.addWidget(self.now, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Side by side when the panel is wide, one above the other when it is tall."""
        geometry = self.now._geometry
        aspect = geometry.width / geometry.height
        width, height = self.width(), self.height()
        beside = min(width / 2 / aspect, height)
        stacked = min(width / aspect, height / 2)
        self._layout.setDirection(QBoxLayout.Direction.LeftToRight if beside >= stacked
                                  else QBoxLayout.Direction.TopToBottom)
        super().resizeEvent(event)  # type: ignore[arg-type]
