"""Step 7, review: the assessment in words and what was not examined."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from core.engine import Assessment
from core.engine.summary import assessment_text
from core.normal import missing_items
from core.record import Exam
from gui.steps.common import titled
from gui.translation import core_words


def review_text(exam: Exam, assessment: Assessment) -> str:
    """The assessment, then what was not examined, section by section."""
    missing = missing_items(exam)
    lines = [assessment_text(assessment, core_words()),
             QCoreApplication.translate("ExamEditor", "NOT EXAMINED:")]
    for section, items in missing.items():
        if items:
            lines.append("  " + QCoreApplication.translate(
                "ExamEditor", "{section}: {count} items ({items})").format(
                section=core_words()(section.value.replace("_", " ")), count=len(items),
                items=", ".join(i.render(core_words()) for i in items[:6])
                + (", ..." if len(items) > 6 else "")))
    if len(lines) == 2:
        lines.append("  " + QCoreApplication.translate("ExamEditor",
                                                       "nothing: every item was examined"))
    return "\n".join(lines)


class ReviewStep:
    """The review text; ``page`` is the step's widget."""

    def __init__(self) -> None:
        self.text = QTextBrowser()
        review = QCoreApplication.translate("ExamEditor", "Review")
        self.text.setAccessibleName(review)
        self.page: QWidget = titled(review, self.text)

    def show_exam(self, exam: Exam, assessment: Assessment) -> None:
        """Show the review of the exam as assessed now."""
        self.text.setPlainText(review_text(exam, assessment))
