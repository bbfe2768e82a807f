"""The one registry of commands and keys (gui/actions.py): complete, without two commands on one
key, and what the menus and the exam editor actually bind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QKeySequence

from core.store import Store
from gui.actions import ACTIONS, ActionId
from gui.main_window import MainWindow


def test_every_command_is_registered_and_no_two_share_a_key(qtbot: Any) -> None:
    """(qtbot: the platform's standard keys need a running application.)"""
    assert set(ACTIONS) == set(ActionId)
    keys = [spec.key_sequence() for spec in ACTIONS.values() if spec.keys is not None]
    texts = [k.toString() for k in keys if k is not None and not k.isEmpty()]  # a standard
    # key this platform leaves unbound (Preferences on some desktops) is empty, not a clash
    assert len(texts) == len(set(texts)), texts


def test_menus_and_the_editor_bind_the_registered_keys(qtbot: Any, tmp_path: Path) -> None:
    window = MainWindow(Store(f"sqlite:///{tmp_path / 'actions.db'}", actor="tester"))
    qtbot.addWidget(window)
    window.create_demo_patient()
    window.open_exam("post-1")
    assert window.editor is not None
    bound = {action.text(): action.shortcut() for menu in window.menuBar().actions()
             if menu.menu() is not None for action in menu.menu().actions()}
    bound |= {action.text(): action.shortcut() for action in window.editor.actions()}
    for spec in ACTIONS.values():
        assert bound[spec.text] == (spec.key_sequence() or QKeySequence()), spec.text


def test_every_command_says_what_it_does_in_its_menu_and_in_the_keyboard_reference(
        qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QTextBrowser

    descriptions = [spec.description for spec in ACTIONS.values()]
    for spec in ACTIONS.values():
        label = spec.text.replace("&", "").rstrip("…").lower()
        assert spec.description.endswith(".") and len(spec.description.split()) >= 4, spec.text
        assert spec.description.rstrip(".").lower() != label, spec.text
    assert len(descriptions) == len(set(descriptions)), "two commands described alike"

    window = MainWindow(Store(f"sqlite:///{tmp_path / 'tips.db'}", actor="tester"))
    qtbot.addWidget(window)
    window.show()
    window.create_demo_patient()
    window.open_exam("post-1")
    actions = {action.text(): action for menu in window.menuBar().actions()
               if menu.menu() is not None for action in menu.menu().actions()}
    actions |= {action.text(): action for action in window.editor.actions()}
    for spec in ACTIONS.values():
        action = actions[spec.text]
        assert action.statusTip() == spec.description, spec.text
        action.showStatusText(window)  # what a menu does when its item is highlighted
        assert window.statusBar().currentMessage() == spec.description, spec.text
    window.show_keyboard_reference()
    reference = window._keys_viewer.findChild(QTextBrowser).toPlainText()
    missing = [d for d in descriptions if d not in reference]
    assert not missing, missing
