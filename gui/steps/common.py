"""What several steps share: a titled page, the engine's "still undecided" hint, the question
why an item is not testable, and the per-side test choices built from the catalogue."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QInputDialog,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.edits import SetSideTest
from core.exam_items import SIDE_TESTS, Section, SideTest
from core.knowledge import NOT_TESTABLE_REASON_LABELS, NotTestableReason, Side
from core.record import Exam
from gui.palette import TO_TEST_BACKGROUND, TO_TEST_TEXT, secondary_text
from gui.translation import core_words


def ask_nt_reason(parent: QWidget) -> NotTestableReason | None:
    """Ask why an item is not testable (the app always asks); None when cancelled."""
    words = core_words()
    labels = {words(label): reason for reason, label in NOT_TESTABLE_REASON_LABELS.items()}
    chosen, accepted = QInputDialog.getItem(
        parent, QCoreApplication.translate("ExamEditor", "Not testable"),
        QCoreApplication.translate("ExamEditor", "Why is it not testable?"), list(labels), 0,
        False)
    if not accepted:
        return None
    return labels[chosen]


def titled(title: str, widget: QWidget, hint: QLabel | None = None) -> QWidget:
    """A page: a bold title, the hint if any, the widget."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(QLabel(f"<b>{title}</b>"))
    if hint is not None:
        layout.addWidget(hint)
    # a text or a map fills the panel; a grid takes the room its content needs, from the top
    expanding = bool(widget.sizePolicy().verticalPolicy().value
                     & QSizePolicy.PolicyFlag.ExpandFlag.value)
    layout.addWidget(widget, 1 if expanding else 0)
    if not expanding:
        layout.addStretch(1)
    return page


def hint_label(name: str) -> QLabel:
    """The engine's "still undecided" advice for one step, hidden while there is none."""
    hint = QLabel()
    hint.setWordWrap(True)
    hint.setAccessibleName(name)
    hint.setStyleSheet(f"QLabel {{ background: {TO_TEST_BACKGROUND}; color: {TO_TEST_TEXT}; "
                       "padding: 6px 10px; border-radius: 4px; }")
    hint.hide()
    return hint


def side_test_text(test: SideTest, value: Any) -> str:
    """A per-side test's value in the app's language ("positivo a 40°"); "not examined" for
    None."""
    return test.text(value, core_words())


class SideTestBox(QComboBox):
    """The choice of one per-side test's value on one side: "not examined", then the catalogue's
    values; it emits the edit (core.edits.SetSideTest with the value itself), never its text."""

    value_chosen = Signal(object)
    """A core.edits.SetSideTest (its value None for "not examined")."""

    def __init__(self, test: SideTest, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.test, self.side = test, side
        self.values: list[Any] = [None, *test.values()]
        self._texts = [side_test_text(test, v) for v in self.values]
        self.addItems(self._texts)
        self.setAccessibleName(f"{core_words()(side.value)} {core_words()(test.label)}")
        self.activated.connect(self._chosen)

    def _chosen(self, index: int) -> None:
        self.value_chosen.emit(SetSideTest(self.test, self.side, self.values[index]))

    def show_value(self, value: Any, changed: bool = False) -> None:
        """Show ``value`` (an imported record may hold a count the list does not offer); a value
        ``changed`` against the comparison exam is marked "●" and bold, as the grids mark it."""
        if value not in self.values:
            self.values.append(value)
            self._texts.append(side_test_text(self.test, value))
            self.addItem(self._texts[-1])
        index = self.values.index(value)
        for other, text in enumerate(self._texts):
            self.setItemText(other, f"● {text}" if changed and other == index else text)
        font = self.font()
        font.setBold(changed)
        self.setFont(font)
        self.setCurrentIndex(index)


class SideTestGrid(QGridLayout):
    """One row per per-side test of a section (from the catalogue): a choice per side and the
    reference exam's values."""

    edited = Signal(object)
    """A core.edits.SetSideTest chosen in any of the grid's boxes."""

    def __init__(self, section: Section) -> None:
        super().__init__()
        self.addWidget(QLabel(self.tr("Right")), 0, 1)
        self.addWidget(QLabel(self.tr("Left")), 0, 2)
        self.reference_heading = QLabel()
        self.addWidget(self.reference_heading, 0, 3)
        self.boxes: dict[tuple[str, Side], SideTestBox] = {}
        self.references: dict[str, QLabel] = {}
        self.tests = [test for test in SIDE_TESTS if test.section is section]
        for row, test in enumerate(self.tests, start=1):
            label = QLabel(core_words()(test.label))
            label.setToolTip(core_words()(test.hint))  # the catalogue's widget hint
            self.addWidget(label, row, 0)
            for column, side in ((1, Side.RIGHT), (2, Side.LEFT)):
                box = SideTestBox(test, side)
                box.setToolTip(label.toolTip())
                box.value_chosen.connect(self.edited)
                self.addWidget(box, row, column)
                self.boxes[(test.field, side)] = box
            reference = QLabel()
            self.references[test.field] = reference
            self.addWidget(reference, row, 3)
        self.next_row = len(self.tests) + 1

    def show_exam(self, exam: Exam, reference: Exam | None,
                  reference_name: str = "baseline") -> None:
        """Show the exam's values, and the reference exam's beside them under its name
        ("baseline" or "previous", as the grids' column says)."""
        self.reference_heading.setText(
            QCoreApplication.translate("ColumnTableModel", reference_name).capitalize())
        for (field, side), box in self.boxes.items():
            value = getattr(exam, field).get(side)
            before = getattr(reference, field).get(side) if reference else None
            box.show_value(value, reference is not None and value is not None and value != before)
        # the comparison exam's values: secondary (as in the grids), yet 4.5:1 on the background
        style = (f"QLabel {{ color: {secondary_text(QApplication.palette())}; "
                 "font-style: italic; }")
        for test in self.tests:
            base = getattr(reference, test.field) if reference else None
            self.references[test.field].setStyleSheet(style)
            self.references[test.field].setText(
                "" if base is None else self.tr("R {right} · L {left}").format(
                    right=side_test_text(test, base.get(Side.RIGHT)),
                    left=side_test_text(test, base.get(Side.LEFT))))
