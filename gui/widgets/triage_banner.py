"""The live triage banner: level in words and colour, with the rules that fired."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from core.engine import Assessment
from core.engine.triage import LEVEL_MEANING, Level

COLOURS = {Level.EMERGENCY: "#9E1B32", Level.URGENT: "#C8500A", Level.PROMPT: "#8A6D00",
           Level.ROUTINE: "#2F6B3A"}


class TriageBanner(QLabel):
    """Always visible above the exam; the level is written out, never shown by colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName("Triage")
        self.level: Level | None = None

    def show_assessment(self, assessment: Assessment) -> None:
        """Update from the engine's latest assessment."""
        level = assessment.triage.level
        self.level = level
        reasons = [r["text"] for r in assessment.triage.as_dict()["reasons"]]
        self.setText(f"<b>{level.label.upper()}</b> · {LEVEL_MEANING[level]}"
                     f"<br><span style='font-size:small'>{'; '.join(reasons)}</span>")
        self.setStyleSheet(f"QLabel {{ background: {COLOURS[level]}; color: white; "
                           "padding: 8px 12px; border-radius: 4px; }")
        self.setAccessibleDescription(f"Triage {level.label}: {'; '.join(reasons)}")
