"""The Help menu's windows: keyboard reference, clinical rules, About.

Each is a plain, non-modal window sized to the screen it opens on; their texts come from the
action registry (gui/actions.py) and from core, never written twice.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

LICENCE = "GNU Lesser General Public License, version 3 or later (LGPL-3.0-or-later)"


def text_window(title: str, text: str, parent: QWidget, markdown: bool = False,
                size: tuple[int, int] = (960, 760)) -> QDialog:
    """A window showing ``text`` (HTML or Markdown) with a Close button, at most 90 % of the
    available screen in each direction, so it never opens taller than the screen."""
    window = QDialog(parent)
    window.setWindowTitle(title)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(window)
    browser = QTextBrowser()
    browser.setOpenExternalLinks(False)
    if markdown:
        browser.setMarkdown(text)
    else:
        browser.setHtml(text)
    browser.setAccessibleName(title)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(window.close)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    screen = (parent.screen() if parent is not None else window.screen()).availableGeometry()
    window.resize(min(size[0], int(screen.width() * 0.9)),
                  min(size[1], int(screen.height() * 0.9)))
    return window


def about_html(database: str) -> str:
    """What About says: version, licence, the rules version and the database in use."""
    import core
    from core.engine import RULES_VERSION

    return (f"<h2>NeuroExam {escape(core.__version__)}</h2>"
            "<p>Documents the focused neurological exam of the legs in lumbar radiculopathy, "
            "before and after a lumbar disc operation, and compares it with earlier exams. A "
            "documentation and decision-support aid: it does not replace clinical judgement.</p>"
            f"<p><b>Clinical rules:</b> version {escape(RULES_VERSION)} (Help, Clinical rules "
            "and sources).</p>"
            f"<p><b>Database in use:</b> {escape(database)}</p>"
            f"<p><b>Licence:</b> {LICENCE}. Fonts, colour profile and libraries keep their own "
            "licences (THIRD-PARTY-NOTICES.md).</p>")
