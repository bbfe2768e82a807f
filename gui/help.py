"""The Help menu's windows: keyboard reference, clinical rules, About.

Each is a plain, non-modal window no larger than 90 % of the screen it opens on. The keyboard
reference lists the commands of the action registry (gui/actions.py) with the keys the menus
show, then the keys typed inside the grids and the map, which are not commands.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

LICENCE = "GNU Lesser General Public License, version 3 or later (LGPL-3.0-or-later)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


FIELD_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Motor grid", "0 1 2 3 4 5", "the MRC grade"),
    ("Motor grid", "- or + after a 4", "4- or 4+"),
    ("Motor and reflex grids", "N", "not testable (the reason is asked)"),
    ("Reflex grid", "0 1 2 3 4", "the NINDS grade"),
    ("Grids", "Arrows, Tab", "move between fields"),
    ("Grids", "Delete", "clear the value"),
    ("Dermatome map", "Tab, arrows", "move between dermatomes"),
    ("Dermatome map", "2 1 0", "normal, altered, absent"),
    ("Dermatome map", "N", "not testable"),
    ("Dermatome map", "Space", "the next value"),
    ("Dermatome map", "Delete", "not examined"),
    ("Any step", "Enter", "the next step"),
)
"""Keys typed inside a field (gui/widgets/grade_grid.py, gui/widgets/dermatome_map.py)."""


def keyboard_reference_html(commands: Iterable[tuple[str, str]]) -> str:
    """The reference: every command with its keys, then the keys inside the exam's fields."""
    rows = "".join(f"<tr><td><b>{escape(keys or '–')}</b></td>"
                   f"<td>{escape(text.replace('&', ''))}</td></tr>" for text, keys in commands)
    fields = "".join(f"<tr><td><b>{escape(keys)}</b></td><td>{escape(_tr(where))}: "
                     f"{escape(_tr(what))}</td></tr>" for where, keys, what in FIELD_KEYS)
    return (f"<h2>{_tr('Keyboard reference')}</h2><h3>{_tr('Commands')}</h3>"
            f"<table cellpadding='3'>{rows}</table>"
            f"<h3>{_tr('Inside the exam')}</h3><table cellpadding='3'>{fields}</table>")


def text_window(title: str, text: str, parent: QWidget, markdown: bool = False,
                size: tuple[int, int] = (960, 760)) -> QDialog:
    """A window showing ``text`` (HTML or Markdown) with a Close button, at most 90 % of the
    available screen each way, so it never opens taller than the screen."""
    window = QDialog(parent)
    window.setWindowTitle(title)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(window)
    browser = QTextBrowser()
    if markdown:
        browser.setMarkdown(text)
    else:
        browser.setHtml(text)
    browser.setAccessibleName(title)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(window.close)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    screen = parent.screen().availableGeometry()
    window.resize(min(size[0], int(screen.width() * 0.9)),
                  min(size[1], int(screen.height() * 0.9)))
    return window


def about_html(database: str) -> str:
    """What About says: version, licence, the rules version and the database in use."""
    import core
    from core.engine import RULES_VERSION

    return (f"<h2>NeuroExam {escape(core.__version__)}</h2><p>"
            + _tr("Documents the focused neurological exam of the legs in lumbar radiculopathy, "
                  "before and after a lumbar disc operation, and compares it with earlier exams. "
                  "A documentation and decision-support aid: it does not replace clinical "
                  "judgement.")
            + f"</p><p><b>{_tr('Clinical rules')}:</b> {_tr('version')} {escape(RULES_VERSION)}"
            f"</p><p><b>{_tr('Database in use')}:</b> {escape(database)}</p>"
            f"<p><b>{_tr('Licence')}:</b> {LICENCE}. "
            + _tr("Fonts, colour profile and libraries keep their own licences "
                  "(THIRD-PARTY-NOTICES.md).") + "</p>")
