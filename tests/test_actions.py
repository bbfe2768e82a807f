"""The one registry of commands and keys (gui/actions.py): complete, without two commands on one
key, and what the menus and the exam editor actually bind."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QPushButton

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


def test_keys_written_on_buttons_and_hints_come_from_the_registry(qtbot: Any, tmp_path: Path,
                                                                   monkeypatch: Any) -> None:
    """Every key a button or hint of the patient page and the exam editor names is a registered
    command's key as this platform writes it; moving a command to other keys moves the words."""
    window = MainWindow(Store(f"sqlite:///{tmp_path / 'labels.db'}", actor="tester"))
    qtbot.addWidget(window)
    window.create_demo_patient()
    window.open_exam("post-1")
    assert window.editor is not None
    registered = {spec.key_text() for spec in ACTIONS.values()} - {""}
    written = [text for widget in window.findChildren(QPushButton) + window.findChildren(QLabel)
               for text in re.findall(r"(?:Ctrl|Alt|Shift|Meta)\+[A-Za-z0-9+]+", widget.text())]
    assert written and set(written) <= registered, set(written) - registered
    monkeypatch.setitem(ACTIONS, ActionId.SIGN, replace(ACTIONS[ActionId.SIGN], keys="Ctrl+F9"))
    monkeypatch.setitem(ACTIONS, ActionId.REST_NORMAL,
                        replace(ACTIONS[ActionId.REST_NORMAL], keys="Ctrl+F8"))
    window.exams.close_exam()
    window.exams.new_exam()
    editor = window.editor
    assert editor is not None
    assert editor.sign.sign_button.text() == "Sign exam (Ctrl+F9)"
    assert editor.rest_normal_button.text() == "Rest normal (Ctrl+F8)"
