"""Step 2, motor: the MRC grid of every key muscle, with the engine's "test these" advice."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import QWidget

from gui.grade_model import GradeGridModel
from gui.steps.common import hint_label, titled
from gui.widgets.grade_grid import GradeGridView


class MotorStep:
    """The motor grid and its hint; ``page`` is the step's widget."""

    def __init__(self) -> None:
        self.model = GradeGridModel("motor")
        self.grid = GradeGridView(self.model, 5)
        self.edited: SignalInstance = self.grid.grade_entered
        """The step's edits (core.edits.SetGrade)."""
        self.hint = hint_label(QCoreApplication.translate("ExamEditor", "Items to test"))
        self.page: QWidget = titled(QCoreApplication.translate(
            "ExamEditor", "Motor strength (MRC 0-5; type the grade, - or + after 4, N for not "
            "testable)"), self.grid, self.hint)
