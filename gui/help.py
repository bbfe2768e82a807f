"""The Help menu's windows: keyboard reference, clinical rules, About.

Each is a plain, non-modal window no larger than 90 % of the screen it opens on. The keyboard
reference lists the commands of the action registry (gui/actions.py) with the keys the menus
show, then the keys typed inside the grids and the map, which are not commands.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

LICENCE = "GNU Lesser General Public License, version 3 or later (LGPL-3.0-or-later)"


def _tr(text: str) -> str:
    """A text of the Help windows in the app's language: the texts are marked where they are
    written (QT_TRANSLATE_NOOP or QCoreApplication.translate, context "Help"), so that
    pyside6-lupdate finds them."""
    return QCoreApplication.translate("Help", text)


FIELD_KEYS: tuple[tuple[str, str, str], ...] = (
    (str(QT_TRANSLATE_NOOP("Help", "Motor grid")), "0 1 2 3 4 5",
     str(QT_TRANSLATE_NOOP("Help", "the MRC grade"))),
    (str(QT_TRANSLATE_NOOP("Help", "Motor grid")), str(QT_TRANSLATE_NOOP("Help", "- or + after a 4")),
     str(QT_TRANSLATE_NOOP("Help", "4- or 4+"))),
    (str(QT_TRANSLATE_NOOP("Help", "Motor and reflex grids")), "N",
     str(QT_TRANSLATE_NOOP("Help", "not testable (the reason is asked)"))),
    (str(QT_TRANSLATE_NOOP("Help", "Reflex grid")), "0 1 2 3 4",
     str(QT_TRANSLATE_NOOP("Help", "the NINDS grade"))),
    (str(QT_TRANSLATE_NOOP("Help", "Grids")), str(QT_TRANSLATE_NOOP("Help", "Arrows, Tab")),
     str(QT_TRANSLATE_NOOP("Help", "move between fields"))),
    (str(QT_TRANSLATE_NOOP("Help", "Grids")), str(QT_TRANSLATE_NOOP("Help", "Delete")),
     str(QT_TRANSLATE_NOOP("Help", "clear the value"))),
    (str(QT_TRANSLATE_NOOP("Help", "Dermatome map")), str(QT_TRANSLATE_NOOP("Help", "Tab, arrows")),
     str(QT_TRANSLATE_NOOP("Help", "move between dermatomes"))),
    (str(QT_TRANSLATE_NOOP("Help", "Dermatome map")), "2 1 0",
     str(QT_TRANSLATE_NOOP("Help", "normal, altered, absent"))),
    (str(QT_TRANSLATE_NOOP("Help", "Dermatome map")), "N",
     str(QT_TRANSLATE_NOOP("Help", "not testable"))),
    (str(QT_TRANSLATE_NOOP("Help", "Dermatome map")), str(QT_TRANSLATE_NOOP("Help", "Space")),
     str(QT_TRANSLATE_NOOP("Help", "the next value"))),
    (str(QT_TRANSLATE_NOOP("Help", "Dermatome map")), str(QT_TRANSLATE_NOOP("Help", "Delete")),
     str(QT_TRANSLATE_NOOP("Help", "not examined"))),
    (str(QT_TRANSLATE_NOOP("Help", "Any step")), str(QT_TRANSLATE_NOOP("Help", "Enter")),
     str(QT_TRANSLATE_NOOP("Help", "the next step"))),
)
"""Keys typed inside a field (gui/widgets/grade_grid.py, gui/widgets/dermatome_map.py)."""


def keyboard_reference_html(commands: Iterable[tuple[str, str, str]]) -> str:
    """The reference: every command (name, keys, what it does), then the keys inside the
    exam's fields."""
    rows = "".join(f"<tr><td><b>{escape(keys or '–')}</b></td>"
                   f"<td><b>{escape(text.replace('&', ''))}</b></td><td>{escape(does)}</td></tr>"
                   for text, keys, does in commands)
    fields = "".join(f"<tr><td><b>{escape(_tr(keys))}</b></td><td>{escape(_tr(where))}: "
                     f"{escape(_tr(what))}</td></tr>" for where, keys, what in FIELD_KEYS)
    title = QCoreApplication.translate("Help", "Keyboard reference")
    commands_title = QCoreApplication.translate("Help", "Commands")
    inside = QCoreApplication.translate("Help", "Inside the exam")
    return (f"<h2>{title}</h2><h3>{commands_title}</h3>"
            f"<table cellpadding='3'>{rows}</table>"
            f"<h3>{inside}</h3><table cellpadding='3'>{fields}</table>")


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

    summary = QCoreApplication.translate(
        "Help", "Documents the focused neurological exam of the legs in lumbar radiculopathy, "
                "before and after a lumbar disc operation, and compares it with earlier exams. "
                "A documentation and decision-support aid: it does not replace clinical "
                "judgement.")
    rules = QCoreApplication.translate("Help", "Clinical rules")
    version = QCoreApplication.translate("Help", "version")
    database_in_use = QCoreApplication.translate("Help", "Database in use")
    licence = QCoreApplication.translate("Help", "Licence")
    notices = QCoreApplication.translate("Help", "Fonts, colour profile and libraries keep their "
                                                 "own licences (THIRD-PARTY-NOTICES.md).")
    return (f"<h2>NeuroExam {escape(core.__version__)}</h2><p>{summary}</p>"
            f"<p><b>{rules}:</b> {version} {escape(RULES_VERSION)}</p>"
            f"<p><b>{database_in_use}:</b> {escape(database)}</p>"
            f"<p><b>{licence}:</b> {LICENCE}. {notices}</p>")
