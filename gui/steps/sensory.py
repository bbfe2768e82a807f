"""Step 3, sensory: the dermatome map of one modality at a time, the reference exam's beside it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
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
from core.edits import SetGrade
from core.exam_items import FAMILY
from core.grades import SensoryGrade
from core.knowledge import Dermatome, SensoryModality, Side
from core.record import Exam
from gui.actions import ActionId, key_text
from gui.translation import core_words, date_text
from gui.widgets.dermatome_map import DermatomeMapPair


class SensoryStep(QWidget):
    """Light touch or pin prick on the map; Ctrl+T switches."""

    view_changed = Signal()
    """The other modality, or the reference map, is shown: the editor redraws the maps."""
    edited = Signal(object)
    """A core.edits.SetGrade of the shown modality (its reason asked by the editor)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        switch = QHBoxLayout()
        self.modality_buttons = QButtonGroup(self)
        self._modalities: dict[QAbstractButton, SensoryModality] = {}
        for modality in SensoryModality:
            button = QRadioButton(core_words()(modality.label).capitalize())
            self._modalities[button] = modality
            self.modality_buttons.addButton(button)
            switch.addWidget(button)
        self.modality_buttons.buttons()[0].setChecked(True)
        self.modality_buttons.buttonToggled.connect(lambda *_: self.view_changed.emit())
        self.show_baseline = QCheckBox(self.tr("Show baseline map"))
        self.show_baseline.setEnabled(False)
        switch.addStretch()
        switch.addWidget(self.show_baseline)
        maps = DermatomeMapPair()
        self.map, self.baseline_map = maps.now, maps.before
        self.map.value_chosen.connect(self._value_chosen)
        self.show_baseline.toggled.connect(self._show_reference_map)
        layout.addLayout(switch)
        layout.addWidget(maps, 1)
        hint = QLabel(self.tr("Click a region to cycle its value, or move with Tab or the "
                              "arrows and type 2 (normal), 1 (altered), 0 (absent), N (not "
                              "testable). {keys} switches light touch and pin prick.").format(
                                  keys=key_text(ActionId.TOGGLE_MODALITY)))
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def _show_reference_map(self, on: bool) -> None:
        self.baseline_map.setVisible(on)
        self.view_changed.emit()

    def _value_chosen(self, side: Side, dermatome: Dermatome, value: SensoryGrade | None) -> None:
        self.edited.emit(SetGrade(FAMILY[self.modality().value], side, dermatome, value))

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
        self.show_baseline.setText(self.tr("Show previous map") if name == "previous"
                                   else self.tr("Show baseline map"))
        self.show_baseline.setEnabled(reference is not None)
        if reference is None:
            self.show_baseline.setChecked(False)

    def show_exam(self, exam: Exam, reference: Exam | None, reference_name: str,
                  changed: frozenset[tuple[Side, Dermatome]]) -> None:
        """Show the exam's map of the current modality, marking ``changed`` dermatomes, and the
        reference exam's map beside it (captioned when shown)."""
        field = self.modality().value
        self.map.set_values(values_from_exam(getattr(exam, field)), changed)
        self.map.set_caption(self.tr("Now: {date}").format(date=date_text(exam.date))
                             if self.baseline_map.isVisible() else "")
        if reference is not None:
            self.baseline_map.set_values(values_from_exam(getattr(reference, field)))
            name = QCoreApplication.translate("ColumnTableModel", reference_name)
            self.baseline_map.set_caption(self.tr("{reference}: {kind} exam {date}").format(
                reference=name.capitalize(), kind=core_words()(reference.kind.value),
                date=date_text(reference.date)))
