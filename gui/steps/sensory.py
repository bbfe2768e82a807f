"""Step 3, sensory: the dermatome map of one modality at a time, the reference exam's beside it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core.dermatome_map import values_from_exam
from core.knowledge import Dermatome, SensoryModality, Side
from core.record import Exam
from gui.widgets.dermatome_map import DermatomeMapWidget


class SensoryStep(QWidget):
    """Light touch or pin prick on the map; Ctrl+T switches."""

    modality_changed = Signal()
    """The other modality is shown: the editor redraws the map."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        switch = QHBoxLayout()
        self.modality_buttons = QButtonGroup(self)
        self._modalities: dict[QAbstractButton, SensoryModality] = {}
        for modality in SensoryModality:
            button = QRadioButton(modality.label.capitalize())
            self._modalities[button] = modality
            self.modality_buttons.addButton(button)
            switch.addWidget(button)
        self.modality_buttons.buttons()[0].setChecked(True)
        self.modality_buttons.buttonToggled.connect(lambda *_: self.modality_changed.emit())
        self.show_baseline = QCheckBox("Show baseline map")
        self.show_baseline.setEnabled(False)
        switch.addStretch()
        switch.addWidget(self.show_baseline)
        self.map = DermatomeMapWidget()
        self.baseline_map = DermatomeMapWidget()
        self.baseline_map.setEnabled(False)
        self.baseline_map.setVisible(False)
        self.show_baseline.toggled.connect(self.baseline_map.setVisible)
        maps = QHBoxLayout()
        maps.addWidget(self.map, 1)
        maps.addWidget(self.baseline_map, 1)
        layout.addLayout(switch)
        layout.addLayout(maps, 1)
        hint = QLabel("Click a region to cycle its value, or move with Tab or the arrows and type "
                      "2 (normal), 1 (altered), 0 (absent), N (not testable). Ctrl+T switches "
                      "light touch and pin prick.")
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def modality(self) -> SensoryModality:
        """The modality the map shows and edits."""
        checked = self.modality_buttons.checkedButton()
        assert checked is not None  # one of the two is always checked
        return self._modalities[checked]

    def toggle_modality(self) -> None:
        """Show and edit the other modality."""
        other = [b for b in self.modality_buttons.buttons() if not b.isChecked()][0]
        other.setChecked(True)

    def set_reference(self, name: str, reference: Exam | None) -> None:
        """Name the reference exam on the switch; without one the reference map is hidden."""
        self.show_baseline.setText(f"Show {name} map")
        self.show_baseline.setEnabled(reference is not None)
        if reference is None:
            self.show_baseline.setChecked(False)

    def show_exam(self, exam: Exam, reference: Exam | None,
                  changed: frozenset[tuple[Side, Dermatome]]) -> None:
        """Show the exam's map of the current modality, marking ``changed`` dermatomes."""
        field = self.modality().value
        self.map.set_values(values_from_exam(getattr(exam, field)), changed)
        if reference is not None:
            self.baseline_map.set_values(values_from_exam(getattr(reference, field)))
