"""One registry of the app's commands: each has an id, its words and its keys, once.

Menus and the exam editor build their QActions from here, so a key is defined in one place and
the keyboard reference can list them all. Standard keys (New, Find, Print, Undo...) are the
platform's own, so Cmd replaces Ctrl on macOS without a line of code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

Keys = QKeySequence.StandardKey | str | None


class ActionId(Enum):
    """Every command the app offers in a menu or by a key."""

    NEW_PATIENT = auto()
    NEW_EXAM = auto()
    FIND_PATIENT = auto()
    IMPORT = auto()
    EXPORT = auto()
    SETTINGS = auto()
    QUIT = auto()
    RULES = auto()
    REST_NORMAL = auto()
    NEXT_STEP = auto()
    PREVIOUS_STEP = auto()
    SIGN = auto()
    REPORTS = auto()
    TOGGLE_MODALITY = auto()
    TOGGLE_REFERENCE = auto()
    AMEND = auto()
    PRINT = auto()


@dataclass(frozen=True)
class ActionSpec:
    """What a command is called and which keys run it."""

    text: str
    keys: Keys = None

    def key_sequence(self) -> QKeySequence | None:
        """The keys as Qt takes them (None for a command without keys)."""
        if self.keys is None:
            return None
        return QKeySequence(self.keys)

    def key_text(self) -> str:
        """The keys as this platform writes them ("Ctrl+P"; "⌘P" on macOS); "" without keys."""
        keys = self.key_sequence()
        return "" if keys is None else keys.toString(QKeySequence.SequenceFormat.NativeText)


ACTIONS: dict[ActionId, ActionSpec] = {
    ActionId.NEW_PATIENT: ActionSpec("New &patient…", "Ctrl+Shift+N"),
    ActionId.NEW_EXAM: ActionSpec("&New exam", QKeySequence.StandardKey.New),
    ActionId.FIND_PATIENT: ActionSpec("Find patient", QKeySequence.StandardKey.Find),
    ActionId.IMPORT: ActionSpec("&Import records…", "Ctrl+I"),
    ActionId.EXPORT: ActionSpec("&Export…", "Ctrl+E"),
    ActionId.SETTINGS: ActionSpec("&Settings…", QKeySequence.StandardKey.Preferences),
    ActionId.QUIT: ActionSpec("&Quit", QKeySequence.StandardKey.Quit),
    ActionId.RULES: ActionSpec("Clinical &rules and sources", QKeySequence.StandardKey.HelpContents),
    ActionId.REST_NORMAL: ActionSpec("Rest normal", "Ctrl+R"),
    ActionId.NEXT_STEP: ActionSpec("Next step", "Ctrl+Return"),
    ActionId.PREVIOUS_STEP: ActionSpec("Previous step", "Ctrl+Backspace"),
    ActionId.SIGN: ActionSpec("Sign", "Ctrl+Alt+S"),
    ActionId.REPORTS: ActionSpec("Reports", "Ctrl+Shift+R"),
    ActionId.TOGGLE_MODALITY: ActionSpec("Switch light touch / pin prick", "Ctrl+T"),
    ActionId.TOGGLE_REFERENCE: ActionSpec("Compare with baseline / previous exam", "Ctrl+B"),
    ActionId.AMEND: ActionSpec("Amend signed exam", "Ctrl+Shift+A"),
    ActionId.PRINT: ActionSpec("Print reports", QKeySequence.StandardKey.Print),
}
"""Every command's words and keys."""


def make_action(action_id: ActionId, parent: QObject, slot: Callable[[], object],
                context: Qt.ShortcutContext | None = None) -> QAction:
    """A QAction for a registered command, its keys set and ``slot`` connected."""
    spec = ACTIONS[action_id]
    action = QAction(spec.text, parent)
    keys = spec.key_sequence()
    if keys is not None:
        action.setShortcut(keys)
    if context is not None:
        action.setShortcutContext(context)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def key_text(action_id: ActionId) -> str:
    """A command's keys as this platform writes them, for button labels."""
    return ACTIONS[action_id].key_text()
