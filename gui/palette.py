"""Colours of the app's own marks, chosen against the system palette so that light, dark and
high-contrast themes stay readable.

Plain text takes the palette's own roles. The few colours the app adds (errors, notices, items to
test, values of the comparison exam, the triage colours of core.engine.triage) are defined here
once, each as a foreground that keeps a contrast of at least 4.5:1 (WCAG 2 AA) on the background
it is drawn on; tests/test_screens.py measures every pair against a light and a dark palette.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

TO_TEST_BACKGROUND = "#FFE8A3"
TO_TEST_TEXT = "#3D2E00"
"""An item the engine says to test: dark text on pale amber, whatever the theme."""
NOTICE_BACKGROUND = "#FFF4D6"
NOTICE_TEXT = "#3D2E00"
NOTICE_BORDER = "#8A6D00"
ALERT_BACKGROUND = "#FDE2E1"
ALERT_TEXT = "#3B0A0F"
ALERT_BORDER = "#B3261E"
"""Edits that could not be saved: dark text on pale red, whatever the theme."""
TRIAGE_TEXT = "#FFFFFF"
"""Written on the triage colours of core.engine.triage.LEVEL_COLOURS."""


def is_dark(palette: QPalette) -> bool:
    """Whether the theme draws light text on a dark window."""
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def error_text(palette: QPalette) -> str:
    """Text that reports an error or a warning, on the window's background."""
    return "#FF9E9E" if is_dark(palette) else "#9E1B32"


def secondary_text(palette: QPalette) -> str:
    """Text that is visibly secondary but still readable: the comparison exam's values."""
    return "#A9B4BF" if is_dark(palette) else "#4F5B66"


def relative_luminance(colour: str | QColor) -> float:
    """WCAG 2 relative luminance of a colour."""
    c = QColor(colour)

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
            + 0.0722 * channel(c.blueF()))


def contrast(foreground: str | QColor, background: str | QColor) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""
    a, b = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)
