"""Step 6, red flags and pain: a box per red flag, the leg and back pain scores."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from core.edits import PainSite, SetPain, SetRedFlag
from core.knowledge import RED_FLAGS, RedFlag
from core.record import Exam
from gui.actions import ActionId, key_text
from gui.translation import core_words


class RedFlagStep(QWidget):
    """Tick the red flags present; score pain 0-10."""

    edited = Signal(object)
    """A core.edits.SetRedFlag or SetPain (its score None for "not scored")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tick every red flag present. {keys} records that all "
                                        "were asked and none is present.").format(
                                            keys=key_text(ActionId.REST_NORMAL))))
        self.flag_boxes: dict[RedFlag, QCheckBox] = {}
        for flag, info in RED_FLAGS.items():
            box = QCheckBox(core_words()(info.label))
            box.clicked.connect(lambda checked, f=flag: self.edited.emit(SetRedFlag(f, checked)))
            self.flag_boxes[flag] = box
            layout.addWidget(box)
        pain = QHBoxLayout()
        self.pain_boxes: dict[PainSite, QSpinBox] = {}
        labels = {PainSite.LEG: self.tr("Leg pain (0-10)"),
                  PainSite.BACK: self.tr("Back pain (0-10)")}
        for site in PainSite:
            score = QSpinBox()
            score.setRange(-1, 10)
            score.setSpecialValueText(self.tr("not scored"))
            score.setAccessibleName(labels[site])
            score.editingFinished.connect(lambda s=site, b=score: self.edited.emit(
                SetPain(s, None if b.value() < 0 else b.value())))
            self.pain_boxes[site] = score
            pain.addWidget(QLabel(labels[site]))
            pain.addWidget(score)
        pain.addStretch()
        layout.addLayout(pain)
        layout.addStretch()

    def show_exam(self, exam: Exam) -> None:
        """Show the exam's red flags and pain scores."""
        for flag, box in self.flag_boxes.items():
            box.setChecked(flag in (exam.red_flags or []))
        for site, score in self.pain_boxes.items():
            value = getattr(exam.pain, site.value) if exam.pain else None
            score.setValue(-1 if value is None else value)
