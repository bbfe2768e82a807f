"""Step 4, reflexes and upper motor neuron signs: the NINDS grid, then the per-side tests of
this section (plantar response, clonus) from the catalogue."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.exam_items import Section
from gui.grade_model import GradeGridModel
from gui.steps.common import SideTestGrid, hint_label
from gui.widgets.grade_grid import GradeGridView


class ReflexStep(QWidget):
    """The reflex grid, its hint and the section's per-side tests."""

    edited = Signal(object)
    """The step's edits: a core.edits.SetGrade from the grid, a SetSideTest from the tests."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = GradeGridModel("reflexes")
        self.grid = GradeGridView(self.model, 4)
        self.hint = hint_label(self.tr("Reflexes to test"))
        self.tests = SideTestGrid(Section.REFLEXES)
        self.grid.grade_entered.connect(self.edited)
        self.tests.edited.connect(self.edited)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Reflexes (NINDS 0-4; N for not testable)")))
        layout.addWidget(self.hint)
        layout.addWidget(self.grid)
        layout.addLayout(self.tests)
        layout.addStretch(1)  # grid and tests take the room they need, from the top
