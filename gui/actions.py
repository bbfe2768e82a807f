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
    UNDO = auto()
    REDO = auto()


@dataclass(frozen=True)
class ActionSpec:
    """What a command is called and which keys run it."""

    text: str
    """The English words; shown translated (Qt's translation context below)."""
    description: str
    """What the command does, in a sentence: the status tip of its menu item and its line in
    the keyboard reference (translated in the context "Actions")."""
    keys: Keys = None
    context: str = "MainWindow"
    """The translation context of ``text`` (translations/neuroexam_es.ts): where it is shown."""

    def label(self) -> str:
        """The words in the app's language."""
        return QCoreApplication.translate(self.context, self.text)

    def explanation(self) -> str:
        """The description in the app's language."""
        return QCoreApplication.translate("Actions", self.description)

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
    ActionId.NEW_PATIENT: ActionSpec(
        str(QT_TRANSLATE_NOOP("MainWindow", "New &patient…")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Enter a new patient's name, record number and date of birth.")),
        "Ctrl+Shift+N"),
    ActionId.NEW_EXAM: ActionSpec(
        str(QT_TRANSLATE_NOOP("MainWindow", "&New exam")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Start an exam of the open patient, dated today.")),
        QKeySequence.StandardKey.New),
    ActionId.FIND_PATIENT: ActionSpec(
        str(QT_TRANSLATE_NOOP("MainWindow", "Find patient")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Search the patients by name or record number as you type.")),
        QKeySequence.StandardKey.Find),
    ActionId.IMPORT: ActionSpec(
        str(QT_TRANSLATE_NOOP("MainWindow", "&Import records…")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Read one patient or many from a NeuroExam JSON file.")),
        "Ctrl+I"),
    ActionId.EXPORT: ActionSpec(
        str(QT_TRANSLATE_NOOP("MainWindow", "&Export…")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Write this patient or all of them as JSON, CSV or a FHIR Bundle.")),
        "Ctrl+E"),
    ActionId.SETTINGS: ActionSpec(
        str(QT_TRANSLATE_NOOP("MainWindow", "&Settings…")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "The clinic's name and telephone, the database, paper, language and backups.")),
        QKeySequence.StandardKey.Preferences),
    ActionId.USERS: ActionSpec(
        str(QT_TRANSLATE_NOOP("MainWindow", "&Users…")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Add, list and disable the clinic's logins and their roles (clinic mode)."))),
    ActionId.QUIT: ActionSpec(
        str(QT_TRANSLATE_NOOP("MainWindow", "&Quit")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Close NeuroExam; every edit is already saved.")),
        QKeySequence.StandardKey.Quit),
    ActionId.RULES: ActionSpec(
        str(QT_TRANSLATE_NOOP("MainWindow", "Clinical &rules and sources")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "The rules behind triage and localisation, with their published sources.")),
        QKeySequence.StandardKey.HelpContents),
    ActionId.KEYBOARD_REFERENCE: ActionSpec(
        str(QT_TRANSLATE_NOOP("MainWindow", "&Keyboard reference")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Every command and the keys typed inside the exam, on one page.")),
        "Ctrl+/"),
    ActionId.ABOUT: ActionSpec(
        str(QT_TRANSLATE_NOOP("MainWindow", "&About NeuroExam")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "The version, the licence, the rules version and the database in use."))),
    ActionId.REST_NORMAL: ActionSpec(
        str(QT_TRANSLATE_NOOP("ExamEditor", "Rest normal")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Give every item of this step not yet entered its normal value.")),
        "Ctrl+R", _EDITOR),
    ActionId.NEXT_STEP: ActionSpec(
        str(QT_TRANSLATE_NOOP("ExamEditor", "Next step")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Go to the next step of the exam.")),
        "Ctrl+Return", _EDITOR),
    ActionId.PREVIOUS_STEP: ActionSpec(
        str(QT_TRANSLATE_NOOP("ExamEditor", "Previous step")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Go back to the previous step of the exam.")),
        "Ctrl+Backspace", _EDITOR),
    ActionId.SIGN: ActionSpec(
        str(QT_TRANSLATE_NOOP("ExamEditor", "Sign")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Sign the exam in the examiner's name; it becomes read-only.")),
        "Ctrl+Alt+S", _EDITOR),
    ActionId.REPORTS: ActionSpec(
        str(QT_TRANSLATE_NOOP("ExamEditor", "Reports")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Write the clinician report and the patient handout as PDFs and open them.")),
        "Ctrl+Shift+R", _EDITOR),
    ActionId.TOGGLE_MODALITY: ActionSpec(
        str(QT_TRANSLATE_NOOP("ExamEditor", "Switch light touch / pin prick")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Show and enter the other sensory modality on the dermatome map.")),
        "Ctrl+T", _EDITOR),
    ActionId.TOGGLE_REFERENCE: ActionSpec(
        str(QT_TRANSLATE_NOOP("ExamEditor", "Compare with baseline / previous exam")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Show the preoperative baseline or the previous exam beside every field.")),
        "Ctrl+B", _EDITOR),
    ActionId.AMEND: ActionSpec(
        str(QT_TRANSLATE_NOOP("ExamEditor", "Amend signed exam")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Change a signed exam, giving the reason; the signed revision is kept.")),
        "Ctrl+Shift+A", _EDITOR),
    ActionId.PRINT: ActionSpec(
        str(QT_TRANSLATE_NOOP("ExamEditor", "Print reports")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Print the clinician report and the patient handout from the print dialog.")),
        QKeySequence.StandardKey.Print, _EDITOR),
    ActionId.UNDO: ActionSpec(
        str(QT_TRANSLATE_NOOP("ExamControl", "&Undo")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Take back the last edit of the exam.")),
        QKeySequence.StandardKey.Undo, "ExamControl"),
    ActionId.REDO: ActionSpec(
        str(QT_TRANSLATE_NOOP("ExamControl", "&Redo")),
        str(QT_TRANSLATE_NOOP("Actions",
                              "Make the edit taken back again.")),
        QKeySequence.StandardKey.Redo, "ExamControl"),
}
"""Every command's words and keys."""


def make_action(action_id: ActionId, parent: QObject, slot: Callable[[], object],
                context: Qt.ShortcutContext | None = None) -> QAction:
    """A QAction for a registered command, its keys set and ``slot`` connected."""
    spec = ACTIONS[action_id]
    action = QAction(spec.label(), parent)
    describe(action, action_id)
    keys = spec.key_sequence()
    if keys is not None:
        action.setShortcut(keys)
    if context is not None:
        action.setShortcutContext(context)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def describe(action: QAction, action_id: ActionId) -> None:
    """The registered description as the action's status tip (shown in the status bar while
    the menu item is under the pointer or the keyboard) and tooltip."""
    spec = ACTIONS[action_id]
    action.setStatusTip(spec.explanation())
    action.setToolTip(f"{spec.label().replace('&', '')}: {spec.explanation()}")


def key_text(action_id: ActionId) -> str:
    """A command's keys as this platform writes them, for button labels."""
    return ACTIONS[action_id].key_text()
