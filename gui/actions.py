"""One registry of the app's commands: each has an id, its words and its keys, once.

Menus and the exam editor build their QActions from here, so a key is defined in one place and
the keyboard reference can list them all. Standard keys (New, Find, Print, Undo...) are the
platform's own, so Cmd replaces Ctrl on macOS without a line of code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
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
    USERS = auto()
    QUIT = auto()
    RULES = auto()
    KEYBOARD_REFERENCE = auto()
    ABOUT = auto()
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
    """The English words; shown translated (Qt's translation context below)."""
    keys: Keys = None
    context: str = "MainWindow"
    """The translation context of ``text`` (translations/neuroexam_es.ts): where it is shown."""

    def label(self) -> str:
        """The words in the app's language."""
        return QCoreApplication.translate(self.context, self.text)

    def key_sequence(self) -> QKeySequence | None:
        """The keys as Qt takes them (None for a command without keys)."""
        if self.keys is None:
            return None
        return QKeySequence(self.keys)

    def key_text(self) -> str:
        """The keys as this platform writes them ("Ctrl+P"; "⌘P" on macOS); "" without keys."""
        keys = self.key_sequence()
        return "" if keys is None else keys.toString(QKeySequence.SequenceFormat.NativeText)


_EDITOR = "ExamEditor"
ACTIONS: dict[ActionId, ActionSpec] = {
    ActionId.NEW_PATIENT: ActionSpec(str(QT_TRANSLATE_NOOP("MainWindow", "New &patient…")),
                                     "Ctrl+Shift+N"),
    ActionId.NEW_EXAM: ActionSpec(str(QT_TRANSLATE_NOOP("MainWindow", "&New exam")),
                                  QKeySequence.StandardKey.New),
    ActionId.FIND_PATIENT: ActionSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Find patient")),
                                      QKeySequence.StandardKey.Find),
    ActionId.IMPORT: ActionSpec(str(QT_TRANSLATE_NOOP("MainWindow", "&Import records…")), "Ctrl+I"),
    ActionId.EXPORT: ActionSpec(str(QT_TRANSLATE_NOOP("MainWindow", "&Export…")), "Ctrl+E"),
    ActionId.SETTINGS: ActionSpec(str(QT_TRANSLATE_NOOP("MainWindow", "&Settings…")),
                                  QKeySequence.StandardKey.Preferences),
    ActionId.USERS: ActionSpec(str(QT_TRANSLATE_NOOP("MainWindow", "&Users…"))),
    ActionId.QUIT: ActionSpec(str(QT_TRANSLATE_NOOP("MainWindow", "&Quit")),
                              QKeySequence.StandardKey.Quit),
    ActionId.RULES: ActionSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Clinical &rules and sources")),
                               QKeySequence.StandardKey.HelpContents),
    ActionId.KEYBOARD_REFERENCE: ActionSpec(str(QT_TRANSLATE_NOOP("MainWindow",
                                                                  "&Keyboard reference")),
                                            "Ctrl+/"),
    ActionId.ABOUT: ActionSpec(str(QT_TRANSLATE_NOOP("MainWindow", "&About NeuroExam"))),
    ActionId.REST_NORMAL: ActionSpec(str(QT_TRANSLATE_NOOP("ExamEditor", "Rest normal")), "Ctrl+R",
                                     _EDITOR),
    ActionId.NEXT_STEP: ActionSpec(str(QT_TRANSLATE_NOOP("ExamEditor", "Next step")), "Ctrl+Return",
                                   _EDITOR),
    ActionId.PREVIOUS_STEP: ActionSpec(str(QT_TRANSLATE_NOOP("ExamEditor", "Previous step")),
                                       "Ctrl+Backspace", _EDITOR),
    ActionId.SIGN: ActionSpec(str(QT_TRANSLATE_NOOP("ExamEditor", "Sign")), "Ctrl+Alt+S", _EDITOR),
    ActionId.REPORTS: ActionSpec(str(QT_TRANSLATE_NOOP("ExamEditor", "Reports")), "Ctrl+Shift+R",
                                 _EDITOR),
    ActionId.TOGGLE_MODALITY: ActionSpec(
        str(QT_TRANSLATE_NOOP("ExamEditor", "Switch light touch / pin prick")), "Ctrl+T", _EDITOR),
    ActionId.TOGGLE_REFERENCE: ActionSpec(
        str(QT_TRANSLATE_NOOP("ExamEditor", "Compare with baseline / previous exam")), "Ctrl+B",
        _EDITOR),
    ActionId.AMEND: ActionSpec(str(QT_TRANSLATE_NOOP("ExamEditor", "Amend signed exam")),
                               "Ctrl+Shift+A", _EDITOR),
    ActionId.PRINT: ActionSpec(str(QT_TRANSLATE_NOOP("ExamEditor", "Print reports")),
                               QKeySequence.StandardKey.Print, _EDITOR),
}
"""Every command's words and keys."""


def make_action(action_id: ActionId, parent: QObject, slot: Callable[[], object],
                context: Qt.ShortcutContext | None = None) -> QAction:
    """A QAction for a registered command, its keys set and ``slot`` connected."""
    spec = ACTIONS[action_id]
    action = QAction(spec.label(), parent)
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
