"""Step 5, walking and tension tests: the catalogue's per-side tests of the function section."""

from __future__ import annotations

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from core.exam_items import Section
from gui.steps.common import SideTestGrid


class FunctionStep(QWidget):
    """Heel and toe walk, straight leg raise, femoral stretch test (whatever the catalogue
    puts in the function section)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tests = SideTestGrid(Section.FUNCTION)
        self.edited: SignalInstance = self.tests.edited
        """The step's edits (core.edits.SetSideTest)."""
        self.tests.setRowStretch(self.tests.next_row, 1)
        self.setLayout(self.tests)
