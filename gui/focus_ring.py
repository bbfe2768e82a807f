"""A clear focus indicator for every control, whatever the style draws.

Qt's styles mark keyboard focus faintly (Fusion: a one-pixel tint on a button, nothing on a
combo box in a dark palette). Rather than restyling each kind of widget with style sheets, which
replace the platform's look, one ring follows the focus: a transparent widget over the focused
control, drawn in the focus colour of gui/palette.py (3:1 against the window and the fields in
light and dark themes, as WCAG 2.2 asks of a focus indicator) with a thin inner line in the
field colour, so it shows on any background. It ignores the mouse and never takes the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

from gui.palette import focus_colour

RING = 3
"""The ring's width in pixels (logical: twice as many at 2x)."""
GAP = 1
"""Space between the control and the ring, so the control's own border stays visible."""


class FocusRing(QWidget):
    """The ring drawn around the focused control of one window."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self._watched: list[QWidget] = []
        self.hide()

    def follow(self, target: QWidget | None) -> None:
        """Draw around ``target`` (None: hide), and keep up when it or a container of it moves,
        is resized, scrolled, shown or hidden."""
        for watched in self._watched:
            watched.removeEventFilter(self)
        self.target = target
        self._watched = []
        widget = target
        while widget is not None and widget is not self.parentWidget():
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        self.place()

    def place(self) -> None:
        """Put the ring around the visible part of the target."""
        target = self.target
        window = self.parentWidget()
        if target is None or window is None or not target.isVisible():
            self.hide()
            return
        visible = target.visibleRegion().boundingRect()
        if visible.isEmpty():
            self.hide()
            return
        margin = RING + GAP
        top_left = target.mapTo(window, visible.topLeft())
        self.setGeometry(QRect(top_left, visible.size()).adjusted(-margin, -margin, margin,
                                                                  margin))
        self.show()
        self.raise_()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
                            QEvent.Type.Hide):
            self.place()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        outer = QPen(focus_colour(palette), RING)
        outer.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(outer)
        half = RING / 2
        painter.drawRoundedRect(self.rect().toRectF().adjusted(half, half, -half, -half), 4, 4)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 1))
        inner = RING + 0.5
        painter.drawRoundedRect(self.rect().toRectF().adjusted(inner, inner, -inner, -inner),
                                3, 3)


class FocusRings(QObject):
    """Keeps one ring per window on the control that has the keyboard."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._rings: dict[int, FocusRing] = {}
        app.focusChanged.connect(self._focus_changed)

    def ring(self, window: QWidget) -> FocusRing:
        """The ring of ``window`` (made the first time a control of it takes the focus)."""
        key = id(window)
        ring = self._rings.get(key)
        if ring is None:
            ring = FocusRing(window)
            self._rings[key] = ring
            window.destroyed.connect(lambda _=None, key=key: self._rings.pop(key, None))
        return ring

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None and old.window() is not (new.window() if new else None):
            gone = self._rings.get(id(old.window()))
            if gone is not None:
                gone.follow(None)
        if (new is not None and new is not new.window()
                and new.window().windowType() != Qt.WindowType.Popup):
            self.ring(new.window()).follow(new)


def install_focus_rings() -> None:
    """Give the application its focus rings, once (the main window calls it, so every test
    and screenshot of a window has them too)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.property("focus_rings") is None:
        app.setProperty("focus_rings", FocusRings(app))
