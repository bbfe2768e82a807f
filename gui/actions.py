"""Every command of the app in one registry: its menu, text, keys and what it does in words.

The main window builds its menus from this table, and Help, Keyboard reference is generated from
it, so a shortcut is defined once and documented where it is defined. Keys typed inside a field
(grades, the dermatome map) are not commands; they are listed here too, for the reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtGui import QKeySequence

Keys = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class Command:
    """One command: where it lives and how it is reached."""

    name: str
    """The slot's key in the window's table of commands (never shown)."""
    menu: str
    text: str
    """Menu text, with & before the access letter."""
    keys: Keys | None
    help: str
    """What it does, for the keyboard reference."""

    def sequence(self) -> QKeySequence:
        """The shortcut (empty when none)."""
        if self.keys is None:
            return QKeySequence()
        return QKeySequence(self.keys)

    def key_text(self) -> str:
        """The shortcut as this platform writes it (Ctrl+P here, Cmd+P on macOS)."""
        return self.sequence().toString(QKeySequence.SequenceFormat.NativeText)

    @property
    def label(self) -> str:
        """The menu text without the access-letter marker or the trailing ellipsis."""
        return self.text.replace("&", "").rstrip("…")


MENUS = ("File", "Exam", "Help")
COMMANDS: tuple[Command, ...] = (
    Command("new_patient", "File", "New &patient…", "Ctrl+Shift+N", "Create a patient"),
    Command("new_exam", "File", "&New exam", QKeySequence.StandardKey.New,
            "Start an exam for the open patient"),
    Command("find_patient", "File", "&Find patient", QKeySequence.StandardKey.Find,
            "Search patients by name or record id"),
    Command("import_records", "File", "&Import records…", "Ctrl+I", "Import patient records"),
    Command("export_records", "File", "&Export…", "Ctrl+E", "Export records (JSON, CSV, FHIR)"),
    Command("edit_settings", "File", "&Settings…", QKeySequence.StandardKey.Preferences,
            "Clinic name and telephone, examiner, paper, database, backups"),
    Command("quit", "File", "&Quit", QKeySequence.StandardKey.Quit, "Close NeuroExam"),
    Command("rest_normal", "Exam", "&Rest normal", "Ctrl+R",
            "Fill every item of this step not yet entered with its normal value"),
    Command("next_step", "Exam", "Ne&xt step", "Ctrl+Return", "Go to the next step"),
    Command("previous_step", "Exam", "&Previous step", "Ctrl+Backspace",
            "Go to the previous step"),
    Command("toggle_modality", "Exam", "Switch &light touch / pin prick", "Ctrl+T",
            "Show the other sensory modality on the map"),
    Command("toggle_reference", "Exam", "Compare with &baseline / previous exam", "Ctrl+B",
            "Show the baseline or the previous exam beside every field"),
    Command("sign", "Exam", "&Sign exam", "Ctrl+Alt+S",
            "Sign the exam (it becomes read-only), or save an amendment"),
    Command("amend", "Exam", "&Amend signed exam…", "Ctrl+Shift+A",
            "Change a signed exam, with a reason; the earlier revision is kept"),
    Command("reports", "Exam", "Write &reports", "Ctrl+Shift+R",
            "Write the clinician report and the patient handout (PDF) and open them"),
    Command("print_reports", "Exam", "&Print reports…", QKeySequence.StandardKey.Print,
            "Print the clinician report and the patient handout"),
    Command("keyboard_reference", "Help", "&Keyboard reference", "Ctrl+/",
            "This list of keys"),
    Command("show_rules", "Help", "Clinical &rules and sources",
            QKeySequence.StandardKey.HelpContents,
            "The triage rules, the localisation table and their published sources"),
    Command("about", "Help", "&About NeuroExam", None,
            "Version, licence, rules version, the database in use"),
)
"""Undo and Redo live in the Edit menu with the platform's keys (they come from the exam's
undo stack)."""

FIELD_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Motor grid", "0 1 2 3 4 5", "Set the MRC grade"),
    ("Motor grid", "- or + after 4", "4- or 4+"),
    ("Motor grid", "N", "Not testable (the reason is asked)"),
    ("Grids", "Arrows, Tab", "Move between fields"),
    ("Grids", "Delete", "Clear the value"),
    ("Dermatome map", "Tab, arrows", "Move between dermatomes"),
    ("Dermatome map", "2 1 0", "Normal, altered, absent"),
    ("Dermatome map", "N", "Not testable"),
    ("Dermatome map", "Space", "Next value"),
    ("Dermatome map", "Delete", "Not examined"),
    ("Any step", "Enter", "Next step"),
    ("Any step", "Undo / Redo", "The platform's keys (Edit menu)"),
)


def command(name: str) -> Command:
    """The command of that name."""
    return next(c for c in COMMANDS if c.name == name)


def keyboard_reference_html() -> str:
    """The keyboard reference: every command by menu, then the keys inside fields."""
    parts = ["<h2>Keyboard reference</h2>"]
    for menu in MENUS:
        rows = "".join(f"<tr><td><b>{escape(c.key_text() or '–')}</b></td>"
                       f"<td>{escape(c.label)}</td><td>{escape(c.help)}</td></tr>"
                       for c in COMMANDS if c.menu == menu)
        parts.append(f"<h3>{menu} menu</h3><table cellpadding='3'>{rows}</table>")
    rows = "".join(f"<tr><td><b>{escape(keys)}</b></td><td>{escape(where)}</td>"
                   f"<td>{escape(what)}</td></tr>" for where, keys, what in FIELD_KEYS)
    parts.append(f"<h3>Inside the exam</h3><table cellpadding='3'>{rows}</table>")
    return "".join(parts)
