"""The live triage banner: level in words and colour, the leading localisation, and the rules that
fired."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QWidget

from core.engine import Assessment
from core.engine.triage import LEVEL_COLOURS, LEVEL_MEANING, NOT_RECORDED_HEADING, Level
from gui.translation import core_words


class TriageBanner(QLabel):
    """Always visible above the exam; the level is written out, never shown by colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Triage"))
        self.level: Level | None = None

    def show_assessment(self, assessment: Assessment) -> None:
        """Update from the engine's latest assessment."""
        level = assessment.triage.level
        self.level = level
        words = core_words()
        reasons = [words(r.text) for r in assessment.triage.reasons]
        if assessment.triage.not_recorded:
            reasons.append(words(NOT_RECORDED_HEADING) + ": " + "; ".join(
                words(lack.need.text) for lack in assessment.triage.not_recorded))
        leading = assessment.headline_localisation
        where = ""
        if leading:
            what = (self.tr("new or worse findings") if assessment.localisation_of_change
                    and assessment.context.previous is not None else self.tr("findings"))
            where = (f" · {what}: {words(leading[0].label)}, "
                     f"{words.context('side', leading[0].side)}")
            if assessment.undecided:
                where += " " + self.tr("(undecided: see the items to test)")
        self.setText(f"<b>{escape(words(level.words).upper())}</b> · "
                     f"{escape(words(LEVEL_MEANING[level]))}"
                     f"{escape(where)}"
                     f"<br><span style='font-size:small'>{escape('; '.join(reasons))}</span>")
        self.setStyleSheet(f"QLabel {{ background: {LEVEL_COLOURS[level]}; color: white; "
                           "padding: 8px 12px; border-radius: 4px; }")
        self.setAccessibleDescription(self.tr("Triage") + f" {words(level.words)}{where}: "
                                      f"{'; '.join(reasons)}")
